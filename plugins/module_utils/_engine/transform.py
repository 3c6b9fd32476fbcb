# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one place that maps module options to API shapes and back.

Option names are snake_case (``address_1``, ``s3_bucket_name``); the API's are
CamelCase (``Address1``, ``S3BucketName``). The keys of free-form maps, tags and
profile attributes, are data: they are kept exactly as the user wrote them or as
the service stored them. (ansible-core's camel_dict_to_snake_dict honours its
ignore_list only at the top level, which is why this module exists.)
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime

from ansible.module_utils.common.dict_transformations import _camel_to_snake

# The API members whose values, when they are maps, are keyed by user data: their keys are kept exactly as
# written or stored, their values are converted like any other option. Every resource has tags; each resource
# names its own others (profile attributes, object type fields and keys, segment dimensions...) in its file,
# as its Resource's ``verbatim_keys``, and passes them to to_api/from_api/describe.
TAGS = ("Tags",)


def to_camel(name):
    """``address_1`` -> ``Address1``; ``s3_bucket_name`` -> ``S3BucketName``."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def option_members(*options):
    """(option, member) pairs of ``options``: each member is its option in CamelCase (``to_camel``)."""
    return tuple((option, to_camel(option)) for option in options)


def names_from_spec(argument_spec):
    """Every option and sub-option name of an argument spec (for from_api)."""
    names = set()
    for name, spec in argument_spec.items():
        names.add(name)
        names.update(spec.get("aliases", []))
        if spec.get("options"):
            names.update(names_from_spec(spec["options"]))
    return names


def to_api(value, verbatim=TAGS):
    """Options (snake_case, None meaning "not given") to an API shape (CamelCase, Nones dropped)."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if item is None:
                continue
            api_key = to_camel(key)
            if api_key in verbatim and isinstance(item, dict):
                result[api_key] = dict(
                    (name, to_api(value, verbatim)) for name, value in item.items() if value is not None
                )
            else:
                result[api_key] = to_api(item, verbatim)
        return result
    if isinstance(value, list):
        return [to_api(item, verbatim) for item in value]
    return value


def from_api(value, known_names=(), verbatim=TAGS):
    """An API shape to snake_case, preferring the module's own option names.

    ``known_names`` are the module's option names; an API key whose CamelCase form
    matches one of them takes that name (``Address1`` -> ``address_1``), any
    other key gets ansible-core's conversion (``ProfileCount`` -> ``profile_count``).
    Timestamps become ISO 8601 strings.
    """
    return _from_api(value, _reverse_names(known_names), verbatim)


# CamelCase form -> option name, per set of known names: built once, not once per answer (a bulk task
# describes a thousand profiles with the same names).
_REVERSE_NAMES = {}


def _reverse_names(known_names):
    key = frozenset(known_names)
    reverse = _REVERSE_NAMES.get(key)
    if reverse is None:
        reverse = _REVERSE_NAMES[key] = dict((to_camel(name), name) for name in known_names)
    return reverse


def _from_api(value, reverse, verbatim):
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            name = reverse.get(key) or _camel_to_snake(key)
            if key in verbatim and isinstance(item, dict):
                result[name] = dict((data_key, _from_api(value, reverse, verbatim)) for data_key, value in item.items())
            else:
                result[name] = _from_api(item, reverse, verbatim)
        return result
    if isinstance(value, list):
        return [_from_api(item, reverse, verbatim) for item in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def as_options(described, argument_spec, left_out=()):
    """A described resource (module form) restricted to the options of ``argument_spec``, recursively: what is no
    option (read-only members: ARNs, times, statuses, statistics) is dropped, and so are ``left_out`` and the
    options with a default (``state``, ``purge_tags``, ``recreate``, ...: they say how to act, not what the
    resource is) and the values None. Given back to the module, the result is its input for the same resource."""
    return dict(
        (name, _as_option(value, argument_spec[name]))
        for name, value in (described or {}).items()
        if name in argument_spec and name not in left_out and "default" not in argument_spec[name] and value is not None
    )


def _as_option(value, entry):
    options = entry.get("options")
    if not options:
        return value
    if isinstance(value, dict):
        return _sub_options(value, options)
    if isinstance(value, list):
        return [_sub_options(item, options) if isinstance(item, dict) else item for item in value]
    return value


def _sub_options(value, options):
    return dict((name, _as_option(item, options[name])) for name, item in value.items() if name in options)


def describe(api, known_names=(), verbatim=TAGS, **extra):
    """A service answer as the modules return it: ResponseMetadata dropped, ``Tags`` a plain dict (also when
    the answer has none), the members in option form (from_api); ``extra`` members are set first. {} for None."""
    if not api:
        return {}
    api = dict(api)
    api.pop("ResponseMetadata", None)
    api["Tags"] = dict(api.get("Tags") or {})
    for member, value in extra.items():
        api.setdefault(member, value)
    return from_api(api, known_names, verbatim)

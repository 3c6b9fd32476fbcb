# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Checks of the options that the service model cannot express, run before any API call.

The model's own rules (lengths, ranges, enums, patterns, sizes, required members) are
checked by module_utils/_engine/model.py. This module holds the rest:

- the shape of the input as the user wrote it, before ansible-core converts it: a list,
  dict or boolean given to a text option would otherwise be stored as its Python text
  (``first_name: yes`` as ``"True"``), and a scalar given to a block fails inside
  ansible-core with a message that names no option;
- the ``choices`` of the argument spec, checked here on the input as written: ansible-core's
  own check repeats the value given (``got: ...``), even under no_log;
- the tag total of a resource (at most 50 tags in all).

Messages never repeat the value given, since profile fields hold personal data.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible.module_utils.parsing.convert_bool import BOOLEANS
from ansible.module_utils.six import string_types

MAX_TAGS = 50


def kind_of(value):
    """What a value is, in the words of a message ("must be a dict, not a list"): never the value itself."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "dict"
    if isinstance(value, list):
        return "list"
    if isinstance(value, (int, float)):
        return "number"
    return "string" if isinstance(value, string_types) else type(value).__name__


def _given(spec, raw, name):
    """(the name the user wrote, value) of option ``name`` or one of its aliases; (None, None) when absent."""
    for key in [name] + list(spec.get("aliases", [])):
        if isinstance(raw, dict) and raw.get(key) is not None:
            return key, raw[key]
    return None, None


def _as_text(value):
    """A scalar as ansible-core's ``str`` conversion makes it (42 -> "42"), before its choices are compared."""
    return value if isinstance(value, string_types) else str(value)


def input_shape_errors(argument_spec, raw, prefix=""):
    """(messages, option paths) for values whose shape ansible-core would mangle or choke on.

    - a list, dict or boolean given to a ``str`` option (ansible-core would store ``"['a', 'b']"`` or
      ``"True"``), also as an element of a ``list`` of ``str``;
    - a value that is not one of the option's ``choices`` (the message lists them; ansible-core's
      would repeat the value), or not a boolean for a ``bool`` option (so would ansible-core's);
    - a value that is neither a dict nor text given to a ``dict`` option, or to an element of a
      ``list`` of ``dict`` (ansible-core fails with "argument of type 'bool' is not iterable");
    - anything but a list given to a ``list`` of ``dict`` (ansible-core would split a string on commas
      and fail with "dictionary requested", naming no option).

    The paths are spec paths (``profiles.first_name``) for tolerant_spec().
    """
    errors, paths = [], []

    def check(name, option, value, kind, sub_options, choices=None):
        if kind == "str" and isinstance(value, (list, dict, bool)):
            errors.append("{0} must be a string, not a {1}".format(option, kind_of(value)))
            return False
        if (
            kind == "bool"
            and not isinstance(value, bool)
            and (isinstance(value, (list, dict)) or value not in BOOLEANS)
        ):
            # ansible-core's own message repeats the value
            errors.append("{0} must be a boolean (true or false), not a {1}".format(option, kind_of(value)))
            return False
        if choices is not None and not isinstance(value, (list, dict)) and _as_text(value) not in choices:
            errors.append("{0} must be one of {1}".format(option, ", ".join(str(choice) for choice in choices)))
            return False
        if kind == "dict" and not isinstance(value, (dict,) + string_types):
            errors.append("{0} must be a dict, not a {1}".format(option, kind_of(value)))
            return False
        if kind == "dict" and isinstance(value, dict) and sub_options:
            sub_errors, sub_paths = input_shape_errors(sub_options, value, option)
            errors.extend(sub_errors)
            paths.extend(name + "." + path for path in sub_paths)
        return True

    for name, spec in argument_spec.items():
        written, value = _given(spec, raw, name)
        if written is None:
            continue
        option = "{0}.{1}".format(prefix, written) if prefix else written
        kind = spec.get("type", "str")
        if kind == "list" and not isinstance(value, list) and spec.get("elements") == "dict":
            errors.append("{0} must be a list of dicts, not a {1}".format(option, kind_of(value)))
            paths.append(name)
        elif kind == "list" and isinstance(value, list):
            for index, item in enumerate(value):
                item_option = "{0}[{1}]".format(option, index)
                if not check(name, item_option, item, spec.get("elements"), spec.get("options"), spec.get("choices")):
                    paths.append(name)
        elif not check(name, option, value, kind, spec.get("options"), spec.get("choices")):
            paths.append(name)
    return errors, sorted(set(paths))


def tolerant_spec(argument_spec, paths):
    """A copy of ``argument_spec`` in which the options at ``paths`` take any value (type raw).

    Used only to build the module object that reports input_shape_errors(): ansible-core
    then accepts the input, and the module fails with the messages that name the options.
    """
    spec = copy.deepcopy(argument_spec)
    for path in paths:
        names = path.split(".")
        entries = spec
        for name in names[:-1]:
            entries = entries[name]["options"]
        entry = entries[names[-1]]
        for key in ("options", "elements", "choices", "required", "default"):
            entry.pop(key, None)
        entry["type"] = "raw"
    return spec


def text_values(mapping):
    """Numbers in a free-form map (tags, attributes) as the strings the service stores (42 -> "42").

    Anything else is kept as given, so that the model check names a list, dict or boolean
    given where text is expected instead of storing its Python text.
    """
    if mapping is None:
        return None
    return dict(
        (key, str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value)
        for key, value in mapping.items()
    )


def check_tag_total(errors, option, tags_after):
    """At most 50 tags on a resource once a change is applied (the service's limit)."""
    if tags_after is not None and len(tags_after) > MAX_TAGS:
        errors.append(
            "{0}: the resource would have {1} tags; at most {2} are allowed".format(option, len(tags_after), MAX_TAGS)
        )

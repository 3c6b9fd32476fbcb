# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Validation of module options against botocore's customer-profiles service model, at run time.

The options a request would carry are walked beside the request shape of the operation
that sends them: an option ``job_schedule`` meets the member ``JobSchedule`` (the
CamelCase form of its name). Every rule the model carries is checked: required members,
types, string lengths, list and map sizes, numeric ranges, enums, patterns, and the tagged
unions (a structure that takes exactly one of its members). Messages
name the option path as the user wrote it (``matching.job_schedule.time``,
``profiles[3].email_address``) and never repeat a value: profile fields are personal data.

Patterns follow the AWS model's dialect (Smithy's): a pattern is not implicitly
anchored (it is searched), and ``$`` is the end of the input.

An option whose member the installed botocore's model lacks fails with the botocore
release that first carries it, instead of botocore's own parameter error.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

try:
    import botocore
    import botocore.session
except ImportError:
    pass  # AnsibleAWSModule reports a missing botocore

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_camel
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import kind_of

SERVICE_NAME = "customer-profiles"

# Members and operations that botocore releases after the oldest one these modules
# support added to the customer-profiles model, with the first release that has them.
MINIMUM_BOTOCORE = {
    "DataStore": "1.41.6",
    "BatchPutProfileObject": "1.43.17",
    # segment subscriptions and segment streams came in one release; upload jobs, segment snapshots and segment
    # estimates are as old as the floor (requirements.txt)
    "PutSegmentSubscription": "1.43.84",
    "GetSegmentSubscription": "1.43.84",
    "DeleteSegmentSubscription": "1.43.84",
    "ListSegmentSubscriptionEvents": "1.43.84",
    "AssociateStreamForSegments": "1.43.84",
    "GetStreamForSegments": "1.43.84",
    "DisassociateStreamForSegments": "1.43.84",
    # the recommender filter operations (botocore's model of 2026-03-11); RecommenderSchemaName and the recommender
    # schema operations came later (2026-04-16)
    "CreateRecommenderFilter": "1.42.66",
    "GetRecommenderFilter": "1.42.66",
    "ListRecommenderFilters": "1.42.66",
    "DeleteRecommenderFilter": "1.42.66",
    "RecommenderSchemaName": "1.42.90",
    "CreateRecommenderSchema": "1.42.90",
    "GetRecommenderSchema": "1.42.90",
    "ListRecommenderSchemas": "1.42.90",
    "DeleteRecommenderSchema": "1.42.90",
    # the domain object type operations are as old as the floor (requirements.txt): named for when it is lowered
    "PutDomainObjectType": "1.41.6",
    "GetDomainObjectType": "1.41.6",
    "ListDomainObjectTypes": "1.41.6",
    "DeleteDomainObjectType": "1.41.6",
    # the recommender operations are as old as the floor (requirements.txt); members of RecommenderConfig came
    # later: ExcludedColumns (the model of 2026-05-20), DiversityConfig and UpdateRecommender's
    # RecommenderVersionName (2026-07-02)
    "CreateRecommender": "1.41.6",
    "GetRecommender": "1.41.6",
    "ListRecommenders": "1.41.6",
    "UpdateRecommender": "1.41.6",
    "DeleteRecommender": "1.41.6",
    "StartRecommender": "1.41.6",
    "StopRecommender": "1.41.6",
    "ListRecommenderRecipes": "1.41.6",
    "ExcludedColumns": "1.43.12",
    "DiversityConfig": "1.43.40",
    "RecommenderVersionName": "1.43.40",
    # the intent definition operations and the event trigger's intent filter
    "IntentFilterDefinition": "1.44.18",
    "PutIntentDefinition": "1.44.18",
    "GetIntentDefinition": "1.44.18",
    "DeleteIntentDefinition": "1.44.18",
    "ListIntentTypes": "1.44.18",
}

# What a message says of a module whose operation the installed botocore lacks (check_request).
WHOLE_MODULE = "this module"

_MODEL = []
_PATTERNS = {}


def service_model():
    """The customer-profiles model of the installed botocore (loaded once per process)."""
    if not _MODEL:
        _MODEL.append(botocore.session.get_session().get_service_model(SERVICE_NAME))
    return _MODEL[0]


def use_service_model(model):
    """Validate against the model the module's client already loaded (one parse of the model per run)."""
    if not _MODEL:
        _MODEL.append(model)


def has_operation(operation):
    return operation in service_model().operation_names


def input_shape(operation):
    return service_model().operation_model(operation).input_shape


def too_old(what, option):
    """The message for an option (or operation) the installed botocore cannot send."""
    needed = MINIMUM_BOTOCORE.get(what)
    return "{0} needs botocore >= {1}; the installed botocore is {2}".format(
        option, needed or "a release whose model has {0}".format(what), botocore.__version__
    )


def compiled_pattern(pattern):
    """The model pattern in Python's dialect: ``$`` (unescaped, outside a class) is the end of input."""
    if pattern not in _PATTERNS:
        converted, escaped, in_class = [], False, False
        for char in pattern:
            if escaped:
                converted.append(char)
                escaped = False
            elif char == "\\":
                converted.append(char)
                escaped = True
            elif char == "[":
                in_class = True
                converted.append(char)
            elif char == "]":
                in_class = False
                converted.append(char)
            elif char == "$" and not in_class:
                converted.append(r"\Z")
            else:
                converted.append(char)
        try:
            _PATTERNS[pattern] = re.compile("".join(converted))
        except re.error:
            _PATTERNS[pattern] = None  # a dialect feature Python lacks: the service checks it
    return _PATTERNS[pattern]


def _join(path, name):
    return "{0}.{1}".format(path, name) if path else name


def _size_rule(errors, path, size, metadata, unit):
    minimum, maximum = metadata.get("min"), metadata.get("max")
    if minimum is not None and size < minimum:
        errors.append("{0} must have at least {1} {2}".format(path, minimum, unit))
    if maximum is not None and size > maximum:
        errors.append("{0} must have at most {1} {2}".format(path, maximum, unit))


def _check_string(errors, path, value, shape):
    if not isinstance(value, str):
        errors.append("{0} must be a string, not a {1}".format(path, kind_of(value)))
        return
    metadata = shape.metadata
    _size_rule(errors, path, len(value), metadata, "characters")
    if shape.enum and value not in shape.enum:
        errors.append("{0} must be one of {1}".format(path, ", ".join(shape.enum)))
    pattern = metadata.get("pattern")
    if pattern:
        compiled = compiled_pattern(pattern)
        if compiled is not None and not compiled.search(value):
            errors.append("{0} must match the pattern {1}".format(path, pattern))


def _check_number(errors, path, value, shape, kinds):
    if isinstance(value, bool) or not isinstance(value, kinds):
        errors.append(
            "{0} must be a number{1}, not a {2}".format(path, "" if float in kinds else " (integer)", kind_of(value))
        )
        return
    minimum, maximum = shape.metadata.get("min"), shape.metadata.get("max")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        if minimum is not None and maximum is not None:
            errors.append("{0} must be between {1} and {2}".format(path, minimum, maximum))
        elif minimum is not None:
            errors.append("{0} must be at least {1}".format(path, minimum))
        else:
            errors.append("{0} must be at most {1}".format(path, maximum))


def _check_structure(errors, path, value, shape, renames, check_required=True):
    if not isinstance(value, dict):
        errors.append("{0} must be a dict, not a {1}".format(path or "the options", kind_of(value)))
        return
    members = shape.members
    given = {}
    for option, item in value.items():
        member = renames.get(_join(path, option)) or to_camel(option)
        given[member] = option
        if item is None:
            continue
        if member not in members:
            errors.append(too_old(member, _join(path, option)))
            continue
        check_value(errors, _join(path, option), item, members[member], renames)
    for member in shape.required_members if check_required else ():
        option = given.get(member)
        if option is None or value.get(option) is None:
            errors.append("{0} is required".format(_join(path, option or _snake(member))))
    if shape.metadata.get("union"):
        _check_union(errors, path, value, shape, given)


def _check_union(errors, path, value, shape, given):
    """A tagged union (a structure the model marks ``union``) takes exactly one of its members."""
    chosen = [option for member, option in given.items() if member in shape.members and value.get(option) is not None]
    if len(chosen) != 1:
        names = [given.get(member) or _snake(member) for member in shape.members]
        errors.append(
            "{0} must set exactly one of {1}{2}".format(
                path or "the options", ", ".join(names), " (it sets {0})".format(", ".join(chosen)) if chosen else ""
            )
        )


def _snake(member):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", member).lower()


def check_value(errors, path, value, shape, renames=None):
    """Append to ``errors`` every rule of ``shape`` that ``value`` (option form) breaks."""
    renames = renames or {}
    kind = shape.type_name
    if kind == "structure":
        _check_structure(errors, path, value, shape, renames)
    elif kind == "list":
        if not isinstance(value, list):
            errors.append("{0} must be a list, not a {1}".format(path, kind_of(value)))
            return
        _size_rule(errors, path, len(value), shape.metadata, "items")
        for index, item in enumerate(value):
            if item is not None:
                check_value(errors, "{0}[{1}]".format(path, index), item, shape.member, renames)
    elif kind == "map":
        if not isinstance(value, dict):
            errors.append("{0} must be a dict, not a {1}".format(path, kind_of(value)))
            return
        _size_rule(errors, path, len(value), shape.metadata, "entries")
        for key, item in value.items():
            key_errors = []
            _check_string(key_errors, path, key, shape.key)
            errors.extend(message.replace(path, "every key of " + path, 1) for message in key_errors)
            if item is not None:
                check_value(errors, "{0}.{1}".format(path, key), item, shape.value, renames)
    elif kind == "string":
        _check_string(errors, path, value, shape)
    elif kind in ("integer", "long"):
        _check_number(errors, path, value, shape, (int,))
    elif kind in ("double", "float"):
        _check_number(errors, path, value, shape, (int, float))
    elif kind == "boolean":
        if not isinstance(value, bool):
            errors.append("{0} must be a boolean, not a {1}".format(path, kind_of(value)))


def check_request(operation, options, prefix="", renames=None):
    """Every rule of ``operation``'s request shape that ``options`` break, as messages.

    ``operation`` is an operation name, or ``Operation.Member[.Member...]`` for the shape of a
    member (the element shape, for a list): ``SearchProfiles.AdditionalSearchKeys`` checks one
    search key. ``options`` is a dict of option names (snake_case, as the user wrote them, None meaning
    "not given") to values in option form; ``prefix`` is the option path they sit under
    (``profiles[3]``); ``renames`` maps an option path to its member name where the member
    is not the CamelCase form of the option name.
    """
    name, _sep, members = operation.partition(".")
    if not has_operation(name):
        return [too_old(name, prefix or WHOLE_MODULE)]
    shape = input_shape(name)
    for member in members.split(".") if members else ():
        shape = shape.members[member]
        if shape.type_name == "list":
            shape = shape.member
    errors = []
    if shape.type_name == "structure":
        _check_structure(errors, prefix, options, shape, dict(renames or {}), check_required=bool(members))
    else:
        check_value(errors, prefix, options, shape, renames)
    return errors

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Request parsing and validation driven by botocore's customer-profiles service model.

Nothing here is hand-copied from the API reference: every constraint (required members,
types, lengths, ranges, enums, patterns, known members) is read from the model that
botocore ships, which is loaded once and cached.
"""

import functools
import json
import re
import threading

import botocore.session

SERVICE_NAME = "customer-profiles"

_PATTERN_LOCK = threading.Lock()
_PATTERNS = {}
SKIPPED_PATTERNS = set()


class RequestValidationError(Exception):
    """Raised when a request does not satisfy the input shape."""

    def __init__(self, errors):
        self.errors = list(errors)
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        message = "%d validation %s detected: %s" % (count, noun, "; ".join(self.errors))
        super().__init__(message)
        self.message = message


@functools.lru_cache(maxsize=None)
def service_model():
    """The botocore service model, loaded once per process."""
    return botocore.session.get_session().get_service_model(SERVICE_NAME)


@functools.lru_cache(maxsize=None)
def operation_model(name):
    return service_model().operation_model(name)


def to_python_regex(pattern):
    """A Smithy/ECMA-262 pattern in Python's re syntax: `$` (unescaped, outside a character class)
    means the end of input, which is `\\Z` in Python (Python's `$` also matches before a trailing newline)."""
    out = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "^":
                out.append("[^")
                index += 2
                if pattern[index : index + 1] == "]":  # a leading ] is a literal member
                    out.append("]")
                    index += 1
                continue
            if pattern[index + 1 : index + 2] == "]":
                out.append("[]")
                index += 2
                continue
        elif char == "$":
            out.append("\\Z")
            index += 1
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _compiled(pattern):
    """Compile a model pattern once; None when Python's re cannot compile it (Java-only syntax)."""
    with _PATTERN_LOCK:
        if pattern in _PATTERNS:
            return _PATTERNS[pattern]
        try:
            compiled = re.compile(to_python_regex(pattern))
        except re.error:
            compiled = None
            SKIPPED_PATTERNS.add(pattern)
        _PATTERNS[pattern] = compiled
        return compiled


def pattern_matches(pattern, value):
    """Smithy's @pattern: an ECMA-262 regular expression that is not implicitly anchored, so it is
    searched in the value (uuid '[a-f0-9]{32}' accepts any value that contains 32 such characters,
    TagArn '^arn:[a-z0-9]{1,10}:profile' is a prefix check), and `$` is the end of the input."""
    compiled = _compiled(pattern)
    if compiled is None:
        return True
    return compiled.search(value) is not None


def _camel(name):
    return name[:1].lower() + name[1:] if name else name


def _show(value):
    text = json.dumps(value, default=str) if not isinstance(value, str) else value
    if len(text) > 80:
        text = text[:77] + "..."
    return text


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value):
    return _is_int(value) or isinstance(value, float)


# type name -> (accepts the value, what the error says the member must be; {0} is the type name)
_TYPES = {
    "structure": (lambda value: isinstance(value, dict), "be a structure"),
    "list": (lambda value: isinstance(value, list), "be a list"),
    "map": (lambda value: isinstance(value, dict), "be a map"),
    "string": (lambda value: isinstance(value, str), "be of type string"),
    "integer": (_is_int, "be of type {0}"),
    "long": (_is_int, "be of type {0}"),
    "double": (_is_number, "be of type {0}"),
    "float": (_is_number, "be of type {0}"),
    "boolean": (lambda value: isinstance(value, bool), "be of type boolean"),
    "timestamp": (lambda value: _is_int(value) or isinstance(value, (float, str)), "be of type timestamp"),
}


def validate(shape, value, path, errors):
    """Validate value against shape recursively, appending messages to errors."""
    where = "Value '%s' at '%s'" % (_show(value), path)
    kind = shape.type_name
    meta = shape.metadata
    if kind not in _TYPES:
        return  # blob / document and anything else: accepted as sent
    accepts, expected = _TYPES[kind]
    if not accepts(value):
        errors.append("%s failed to satisfy constraint: Member must %s" % (where, expected.format(kind)))
        return
    if kind == "structure":
        _validate_structure(shape, value, path, errors)
    elif kind in ("list", "map", "string"):
        _check_size(len(value), meta, "length", where, errors)
    elif kind in ("integer", "long", "double", "float"):
        _check_size(value, meta, "value", where, errors)
    if kind == "list":
        for index, item in enumerate(value, start=1):
            validate(shape.member, item, "%s.%d.member" % (path, index), errors)
    elif kind == "map":
        for key, item in value.items():
            validate(shape.key, key, "%s.%s.key" % (path, key), errors)
            validate(shape.value, item, "%s.%s" % (path, key), errors)
    elif kind == "string":
        enum = meta.get("enum")
        if enum and value not in enum:
            errors.append(
                "%s failed to satisfy constraint: Member must satisfy enum value set: [%s]" % (where, ", ".join(enum))
            )
        pattern = meta.get("pattern")
        if pattern and not pattern_matches(pattern, value):
            errors.append(
                "%s failed to satisfy constraint: Member must satisfy regular expression pattern: %s" % (where, pattern)
            )


def _validate_structure(shape, value, path, errors):
    members = shape.members
    for name in shape.required_members:
        if value.get(name) is None:
            errors.append(
                "Value null at '%s' failed to satisfy constraint: Member must not be null" % _join(path, name)
            )
    for name, member_value in value.items():
        if name not in members:
            errors.append(
                "Value at '%s' failed to satisfy constraint: Unknown member, must be one of: %s"
                % (_join(path, name), ", ".join(members))
            )
            continue
        if member_value is None:
            continue
        validate(members[name], member_value, _join(path, name), errors)


def _join(path, name):
    return "%s.%s" % (path, _camel(name)) if path else _camel(name)


def _check_size(size, meta, what, where, errors):
    if "min" in meta and size < meta["min"]:
        errors.append(
            "%s failed to satisfy constraint: Member must have %s greater than or equal to %s"
            % (where, what, meta["min"])
        )
    if "max" in meta and size > meta["max"]:
        errors.append(
            "%s failed to satisfy constraint: Member must have %s less than or equal to %s" % (where, what, meta["max"])
        )


_FROM_TEXT = {"integer": int, "long": int, "double": float, "float": float}


def _from_text(shape, text, path, errors):
    """Convert a querystring/header/uri text value to the member's type."""
    kind = shape.type_name
    if kind in _FROM_TEXT:
        try:
            return _FROM_TEXT[kind](text)
        except ValueError:
            pass
    elif kind == "boolean":
        if text.lower() in ("true", "false"):
            return text.lower() == "true"
    else:
        return text
    errors.append(
        "Value '%s' at '%s' failed to satisfy constraint: Member must be of type %s" % (_show(text), path, kind)
    )
    return None


def request_member_names(operation_name, uri_params, query, headers, body):
    """The sorted names of the top-level members a request carries (never their values), for the call log:
    the input members found in the URI, the query string, the headers and the JSON body (by their model
    member names), plus any other top-level key of the body as sent. Nothing is validated."""
    op = operation_model(operation_name)
    shape = op.input_shape
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace") if body else ""
    try:
        document = json.loads(body) if body and body.strip() else {}
    except ValueError:
        document = {}
    document = document if isinstance(document, dict) else {}
    names = set()
    wire_body = set(document)
    for name, member in (shape.members if shape is not None else {}).items():
        location = member.serialization.get("location")
        wire = member.serialization.get("name", name)
        if location == "uri":
            found = (uri_params or {}).get(wire) is not None
        elif location == "querystring":
            found = bool((query or {}).get(wire))
        elif location == "header":
            found = headers is not None and headers.get(wire) is not None
        else:
            found = wire in document
            wire_body.discard(wire)
        if found:
            names.add(name)
    return sorted(names | wire_body)


def parse_and_validate(operation_name, uri_params, query, headers, body):
    """Build the input parameters of operation_name from the request parts and validate them.

    uri_params: dict of label -> decoded text; query: dict of name -> list of text values;
    headers: case-insensitive mapping; body: bytes or str.
    Returns the params dict keyed by model member names; raises RequestValidationError.
    """
    op = operation_model(operation_name)
    shape = op.input_shape
    errors = []
    params = {}
    body_members = {}
    if shape is None:
        return params
    for name, member in shape.members.items():
        location = member.serialization.get("location")
        wire = member.serialization.get("name", name)
        if location == "uri":
            if wire in uri_params and uri_params[wire] is not None:
                params[name] = _from_text(member, uri_params[wire], _camel(name), errors)
        elif location == "querystring":
            values = query.get(wire)
            if values:
                if member.type_name == "list":
                    params[name] = [_from_text(member.member, v, _camel(name), errors) for v in values]
                else:
                    params[name] = _from_text(member, values[0], _camel(name), errors)
        elif location == "header":
            value = headers.get(wire) if headers is not None else None
            if value is not None:
                params[name] = _from_text(member, value, _camel(name), errors)
        elif location is None:
            body_members[member.serialization.get("name", name)] = name
    if isinstance(body, bytes):
        body = body.decode("utf-8") if body else ""
    document = {}
    if body and body.strip():
        try:
            document = json.loads(body)
        except ValueError:
            raise RequestValidationError(["Request body is not valid JSON"]) from None
        if not isinstance(document, dict):
            raise RequestValidationError(["Request body must be a JSON object"])
    for key, value in document.items():
        if key not in body_members:
            errors.append(
                "Value at '%s' failed to satisfy constraint: Unknown member, must be one of: %s"
                % (_camel(key), ", ".join(body_members) or "(none)")
            )
            continue
        if value is not None:
            params[body_members[key]] = value
    if not errors:
        validate(shape, params, "", errors)
    if errors:
        raise RequestValidationError(errors)
    return params

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The `Source` of an object type field (admin guide, "Field definitions in Customer Profiles object
type mappings"): a JSON accessor into the ingested object (`_source.Address.City`, `_source.items[0].sku`)
or a Handlebars expression. The Handlebars subset emulated: `{{path}}` / `{{{path}}}` interpolation
(no HTML escaping), `{{#if path}}`, `{{#unless path}}` (both with `{{else}}`), `{{#each path}}` (with
`this`, `@index`, `@key`, `@first`, `@last`, `{{else}}`), `{{#with path}}`, `{{#removeExtraSpace}}`,
comments `{{! ...}}`. Anything else is invalid Handlebars (rejected when the object type is put).
"""

import json
import re

ROOT = "_source"
_TAG = re.compile(r"\{\{(\{?)(.*?)\}?\}\}", re.S)
_INDEX = re.compile(r"^([^\[\]]*)((?:\[\d+\])*)$")
_SEGMENT = re.compile(r"\[(\d+)\]")
_DATA_VARS = ("@index", "@key", "@first", "@last")
BLOCK_HELPERS = ("if", "unless", "each", "with", "removeExtraSpace")
_WITH_ARGUMENT = ("if", "unless", "each", "with")
_WITH_ELSE = ("if", "unless", "each", "with")
_SPACES = re.compile(r"\s+")


class SourceError(ValueError):
    """A Source that is neither a `_source` accessor nor valid (emulated) Handlebars."""


def _check_path(path, where):
    if path in _DATA_VARS or path == "this":
        return
    if not path or any(char.isspace() for char in path) or path.startswith(("../", "@")) or ".." in path:
        raise SourceError("%s: unsupported path %r" % (where, path))
    for segment in (path[5:] if path.startswith("this.") else path).split("."):
        if not segment or not _INDEX.match(segment) or segment.startswith("["):
            raise SourceError("%s: unsupported path %r" % (where, path))


def _parse(text):
    """Nodes of a Handlebars text: ("text", s) | ("var", path) | ("block", helper, arg, body, else_body)."""
    root = []
    stack = []  # [helper, arg, body, else_body, in_else]
    current = root
    position = 0
    for match in _TAG.finditer(text):
        if match.start() > position:
            current.append(("text", text[position : match.start()]))
        position = match.end()
        content = match.group(2).strip()
        if content.startswith("!"):
            continue
        if content.startswith("#"):
            parts = content[1:].split(None, 1)
            helper = parts[0] if parts else ""
            argument = parts[1].strip() if len(parts) > 1 else ""
            if helper not in BLOCK_HELPERS:
                raise SourceError("unsupported Handlebars helper %r" % helper)
            if (helper in _WITH_ARGUMENT) != bool(argument):
                raise SourceError(
                    "{{#%s}} %s" % (helper, "needs one path" if helper in _WITH_ARGUMENT else "takes no argument")
                )
            if argument:
                _check_path(argument, "{{#%s}}" % helper)
            frame = [helper, argument, [], [], False]
            stack.append(frame)
            current = frame[2]
        elif content.startswith("/"):
            name = content[1:].strip()
            if not stack or stack[-1][0] != name:
                raise SourceError("unexpected {{/%s}}" % name)
            helper, argument, body, else_body, _in_else = stack.pop()
            current = stack[-1][3 if stack[-1][4] else 2] if stack else root
            current.append(("block", helper, argument, body, else_body))
        elif content == "else":
            if not stack or stack[-1][0] not in _WITH_ELSE or stack[-1][4]:
                raise SourceError("unexpected {{else}}")
            stack[-1][4] = True
            current = stack[-1][3]
        else:
            _check_path(content, "{{%s}}" % content)
            current.append(("var", content))
    if stack:
        raise SourceError("unclosed {{#%s}}" % stack[-1][0])
    if "{{" in text[position:] or "}}" in text[position:]:
        raise SourceError("unbalanced braces")
    if position < len(text):
        current.append(("text", text[position:]))
    return root


def compile_source(source):
    """A function object -> value (a string, or None when empty) for a field's Source; raises SourceError."""
    if "{{" in source or "}}" in source:
        nodes = _parse(source)
        return lambda document: _empty_to_none(_render(nodes, _Context(document)))
    path = source.strip()
    if path != ROOT and not path.startswith(ROOT + "."):
        raise SourceError("a Source must be a JSON accessor starting with %s, or a Handlebars expression" % ROOT)
    _check_path(path, "Source")
    return lambda document: _empty_to_none(to_text(_Context(document).lookup(path)))


def _empty_to_none(text):
    return text if text else None


def to_text(value):
    """A source value as the text a field holds (JSON scalars as written, objects as compact JSON)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ",".join(to_text(item) for item in value)
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def _truthy(value):
    return value not in (None, False, "", 0, [])


class _Context:
    """The render context: the root ({"_source": object}), the current value, the @data variables."""

    def __init__(self, document, current=None, data=None, root=None):
        self.root = root if root is not None else {ROOT: document}
        self.current = self.root if current is None else current
        self.data = data or {}

    def child(self, current, data=None):
        return _Context(None, current, data, self.root)

    def lookup(self, path):
        if path in _DATA_VARS:
            return self.data.get(path)
        if path == "this":
            return self.current
        if path.startswith("this."):
            return _resolve(self.current, path[5:])
        if path == ROOT or path.startswith(ROOT + "."):
            return _resolve(self.root, path)
        return _resolve(self.current, path)


def _resolve(value, path):
    for segment in path.split("."):
        match = _INDEX.match(segment)
        name, indexes = match.group(1), _SEGMENT.findall(match.group(2))
        if name:
            value = value.get(name) if isinstance(value, dict) else None
        for index in indexes:
            value = value[int(index)] if isinstance(value, list) and int(index) < len(value) else None
        if value is None:
            return None
    return value


def _render(nodes, context):
    out = []
    for node in nodes:
        if node[0] == "text":
            out.append(node[1])
        elif node[0] == "var":
            out.append(to_text(context.lookup(node[1])))
        else:
            out.append(_render_block(node, context))
    return "".join(out)


def _render_block(node, context):
    _kind, helper, argument, body, else_body = node
    if helper == "removeExtraSpace":
        return _SPACES.sub(" ", _render(body, context)).strip()
    value = context.lookup(argument)
    if helper == "if":
        return _render(body if _truthy(value) else else_body, context)
    if helper == "unless":
        return _render(else_body if _truthy(value) else body, context)
    if helper == "with":
        return _render(body, context.child(value)) if _truthy(value) else _render(else_body, context)
    items = (
        list(value.items()) if isinstance(value, dict) else list(enumerate(value)) if isinstance(value, list) else []
    )
    if not items:
        return _render(else_body, context)
    out = []
    for position, (key, item) in enumerate(items):
        data = {"@index": position, "@first": position == 0, "@last": position == len(items) - 1}
        if isinstance(value, dict):
            data["@key"] = key
        out.append(_render(body, context.child(item, data)))
    return "".join(out)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Routing from botocore's service model: every operation's ``http.method`` and ``http.requestUri``.

A template label ``{Name}`` matches one path segment, ``{Name+}`` (greedy) the rest of the path. moto's
url_paths (urls.py) are these patterns, and the response layer finds an operation from method + path
with match_operation. Nothing here is written by hand: an operation the model adds is routed.
"""

import functools
import re

from .validation import service_model

_LABEL = re.compile(r"(\{[^}]+\})")


def _literal(text):
    """A literal part of a path template as a regex (the model's paths hold letters, digits, / - _ only; those
    stay as written so that moto's Flask conversion of url_paths keeps them)."""
    return "".join(char if char.isalnum() or char in "/-_" else re.escape(char) for char in text)


def path_pattern(template):
    """(regex, number of literal characters) of a requestUri template, without its querystring part."""
    regex, literal = "", 0
    for part in _LABEL.split(template.split("?", 1)[0]):
        if part.startswith("{") and part.endswith("}"):
            label = part[1:-1]
            regex += "(?P<%s>%s)" % (label.rstrip("+"), ".+" if label.endswith("+") else "[^/]+")
        else:
            regex += _literal(part)
            literal += len(part)
    return regex.rstrip("/"), literal


@functools.lru_cache(maxsize=None)
def routes():
    """(method, compiled path regex, operation name) for every operation, most literal path first."""
    found = []
    for name in service_model().operation_names:
        http = service_model().operation_model(name).http
        regex, literal = path_pattern(http["requestUri"])
        found.append((literal, http["method"], re.compile(regex + "/?$"), name))
    found.sort(key=lambda route: -route[0])
    return [(method, compiled, name) for _literal, method, compiled, name in found]


def url_path_patterns():
    """moto's url_paths keys ("{0}" stands for the url base) of every path of the model, one per distinct path."""
    patterns = {}
    for name in service_model().operation_names:
        regex, _literal = path_pattern(service_model().operation_model(name).http["requestUri"])
        patterns.setdefault("{0}%s$" % regex, None)
    return list(patterns)


def match_operation(method, raw_path):
    """The operation a request addresses and its URI labels (still percent-encoded), from the model's
    requestUri templates; (None, {}) when nothing matches."""
    for route_method, compiled, name in routes():
        if route_method == method:
            found = compiled.match(raw_path)
            if found:
                return name, found.groupdict()
    return None, {}


def response_status(operation):
    """The HTTP status of an operation's answer: the model's http.responseCode, else 200."""
    return int(service_model().operation_model(operation).http.get("responseCode") or 200)

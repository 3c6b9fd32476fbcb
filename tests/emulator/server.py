# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""WSGI side: moto's server app (all moto services) plus the customer-profiles backend and a
small /_emulator/ control middleware."""

import json
import logging

from . import dead_letters, register, reset, set_rule_based_matching_status, state
from .models import CustomerProfilesError

CONTROL_PREFIX = "/_emulator/"


def _reply(start_response, status, payload):
    body = json.dumps(payload).encode("utf-8")
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}.get(status, "Error")
    start_response("%d %s" % (status, reason), [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def _read_json(environ):
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length) if length else b""
    if not raw:
        return {}
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("JSON object expected")
    return data


class ControlMiddleware:
    """Serves /_emulator/* itself and hands every other request to the wrapped moto app."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(CONTROL_PREFIX):
            return self.app(environ, start_response)
        method = environ.get("REQUEST_METHOD", "GET")
        route = path[len(CONTROL_PREFIX):].strip("/")
        try:
            return self._control(route, method, environ, start_response)
        except (ValueError, KeyError, TypeError) as exc:
            return _reply(start_response, 400, {"error": str(exc)})
        except CustomerProfilesError as exc:
            return _reply(start_response, exc.status, {"error": exc.message, "code": exc.code})

    @staticmethod
    def _control(route, method, environ, start_response):
        if route == "calls" and method == "GET":
            return _reply(start_response, 200, {"calls": state.calls()})
        if route == "calls" and method == "DELETE":
            state.reset_calls()
            return _reply(start_response, 200, {})
        if route == "faults" and method == "POST":
            data = _read_json(environ)
            state.inject_fault(data["operation"], data.get("error", "ThrottlingException"), data.get("count", 1))
            return _reply(start_response, 200, {})
        if route == "faults" and method == "DELETE":
            state.clear_faults()
            return _reply(start_response, 200, {})
        if route == "rule-based-matching-status" and method == "POST":
            data = _read_json(environ)
            set_rule_based_matching_status(data["domain_name"], data["status"], data.get("region") or "us-east-1")
            return _reply(start_response, 200, {})
        if route == "search-lag" and method == "POST":
            state.set_search_lag(_read_json(environ)["seconds"])
            return _reply(start_response, 200, {"seconds": state.search_lag()})
        if route == "search-lag" and method == "GET":
            return _reply(start_response, 200, {"seconds": state.search_lag()})
        if route == "quota" and method == "POST":
            data = _read_json(environ)
            state.set_quota_mode(data["enabled"], data.get("rates"))
            return _reply(start_response, 200, state.quota_mode())
        if route == "quota" and method == "GET":
            return _reply(start_response, 200, state.quota_mode())
        if route == "search-values-limit" and method == "POST":
            state.set_search_values_limit(_read_json(environ).get("limit"))
            return _reply(start_response, 200, {"limit": state.search_values_limit()})
        if route == "search-values-limit" and method == "GET":
            return _reply(start_response, 200, {"limit": state.search_values_limit()})
        if route == "dead-letters" and method == "GET":
            return _reply(start_response, 200, {"dead_letters": dead_letters()})
        if route == "reset" and method == "POST":
            reset()
            return _reply(start_response, 200, {})
        return _reply(start_response, 404, {"error": "unknown control endpoint %s %s" % (method, route)})


def make_app():
    """moto's DomainDispatcherApplication (every moto service + customer-profiles) behind the control middleware."""
    register()
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app  # pylint: disable=import-outside-toplevel

    class CachingDispatcher(DomainDispatcherApplication):
        """moto re-lists its package directory for every request to map a host to a backend;
        the answer for a host never changes once registered, so remember it (halves per-call latency)."""

        def __init__(self, create_app):
            super().__init__(create_app)
            self.host_cache = {}

        def get_backend_for_host(self, host):
            if host not in self.host_cache:
                self.host_cache[host] = super().get_backend_for_host(host)
            return self.host_cache[host]

    return ControlMiddleware(CachingDispatcher(create_backend_app))


def make_server(host="127.0.0.1", port=0):
    """A threaded werkzeug server for make_app(); port 0 picks a free port (see .server_port)."""
    from werkzeug.serving import make_server as werkzeug_make_server  # pylint: disable=import-outside-toplevel
    from moto.moto_server.werkzeug_app import MotoRequestHandler  # pylint: disable=import-outside-toplevel

    class QuietRequestHandler(MotoRequestHandler):
        def log_request(self, code="-", size="-"):
            """Per-request access logging costs time and fills pipes; skip it."""

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    return werkzeug_make_server(host, port, make_app(), threaded=True, request_handler=QuietRequestHandler)

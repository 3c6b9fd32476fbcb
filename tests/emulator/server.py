# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""WSGI side: moto's server app (all moto services) plus the customer-profiles backend and a
small /_emulator/ control middleware."""

import http
import json
import logging
import socket
import uuid
from urllib.parse import quote

from werkzeug.datastructures import EnvironHeaders

from . import dead_letters
from . import faults
from . import register
from . import reset
from . import set_rule_based_matching_status
from . import state
from . import uploads
from .models import CustomerProfilesError
from .responses import BACKEND_LOCK

CONTROL_PREFIX = "/_emulator/"
# SigV4 credential scope of a customer-profiles request: .../<region>/profile/aws4_request
_SCOPE = "/profile/aws4_request"
# Fields of POST /_emulator/faults: inject_fault's arguments.
FAULT_FIELDS = ("operation",) + faults.OPTIONS


def _reason(status):
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _reply(start_response, status, payload):
    body = json.dumps(payload).encode("utf-8")
    start_response(
        "%d %s" % (status, _reason(status)), [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
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


class _WsgiRequest:  # pylint: disable=too-few-public-methods
    """What CustomerProfilesResponse.dispatch reads of a request (moto's Request has the same members)."""

    def __init__(self, environ):
        self.environ = environ
        self.method = environ.get("REQUEST_METHOD", "GET")
        self.headers = EnvironHeaders(environ)
        raw = environ.get("RAW_URI") or environ.get("REQUEST_URI") or quote(environ.get("PATH_INFO", "/"))
        if "://" in raw:
            raw = "/" + raw.split("://", 1)[1].split("/", 1)[-1]
        path, _mark, query = raw.partition("?")
        query = query or environ.get("QUERY_STRING", "")
        host = environ.get("HTTP_HOST") or "%s:%s" % (
            environ.get("SERVER_NAME", "localhost"),
            environ.get("SERVER_PORT", "80"),
        )
        self.raw_url = "%s://%s%s%s" % (
            environ.get("wsgi.url_scheme", "http"),
            host,
            path,
            "?" + query if query else "",
        )
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        self.data = environ["wsgi.input"].read(length) if length > 0 else b""


def _serve_customer_profiles(environ, start_response):
    """Answer a customer-profiles request directly (moto's Flask dispatch costs more than the operation)."""
    from .responses import CustomerProfilesResponse  # pylint: disable=import-outside-toplevel

    try:
        status, headers, body = CustomerProfilesResponse.dispatch(_WsgiRequest(environ))
    except faults.NoAnswer:
        # a hang: close the connection without an answer (werkzeug then drops it quietly on a ConnectionError)
        connection = environ.get("werkzeug.socket")
        if connection is not None:
            connection.shutdown(socket.SHUT_RDWR)
        raise ConnectionAbortedError("no answer (injected hang)") from None
    payload = body.encode("utf-8") if isinstance(body, str) else (body or b"")
    response_headers = [(name, str(value)) for name, value in headers.items()]
    response_headers.append(("x-amzn-RequestId", str(uuid.uuid4())))
    response_headers.append(("Content-Length", str(len(payload))))
    start_response("%d %s" % (status, _reason(status)), response_headers)
    return [payload]


def _serve_upload(environ, start_response):
    """A request to an upload URL that GetUploadJobPath gave (uploads.receive_upload: the file streamed to disk)."""
    length = environ.get("CONTENT_LENGTH")
    status, headers, body = uploads.receive_upload(
        environ.get("REQUEST_METHOD", "GET"),
        environ.get("PATH_INFO", ""),
        EnvironHeaders(environ),
        environ["wsgi.input"],
        int(length) if length else None,
    )
    start_response("%d %s" % (status, _reason(status)), headers + [("Content-Length", str(len(body)))])
    return [body]


class ControlMiddleware:
    """Serves /_emulator/* itself, customer-profiles requests directly, and hands every other request
    to the wrapped moto app."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith(uploads.UPLOAD_PREFIX):
            return _serve_upload(environ, start_response)
        if not path.startswith(CONTROL_PREFIX):
            if _SCOPE in environ.get("HTTP_AUTHORIZATION", ""):
                # GetUploadJobPath's URL is on this server, as the client reached it
                uploads.SERVER_BASE.url = "%s://%s" % (
                    environ.get("wsgi.url_scheme", "http"),
                    environ.get("HTTP_HOST") or "%s:%s" % (environ["SERVER_NAME"], environ["SERVER_PORT"]),
                )
                return _serve_customer_profiles(environ, start_response)
            return self.app(environ, start_response)
        method = environ.get("REQUEST_METHOD", "GET")
        route = path[len(CONTROL_PREFIX) :].strip("/")
        try:
            return self._control(route, method, environ, start_response)
        except (ValueError, KeyError, TypeError) as exc:
            return _reply(start_response, 400, {"error": str(exc)})
        except CustomerProfilesError as exc:
            return _reply(start_response, exc.status, {"error": exc.message, "code": exc.code})

    @staticmethod
    def _control(route, method, environ, start_response):
        if route == "calls" and method == "GET":
            times = "times=1" in environ.get("QUERY_STRING", "").split("&")
            return _reply(start_response, 200, {"calls": state.calls(times=times)})
        if route == "calls" and method == "DELETE":
            state.reset_calls()
            return _reply(start_response, 200, {})
        if route == "faults" and method == "POST":
            data = _read_json(environ)
            unknown = sorted(set(data) - set(FAULT_FIELDS))
            if unknown:
                raise ValueError("unknown fault fields: %s (known: %s)" % (", ".join(unknown), ", ".join(FAULT_FIELDS)))
            faults.inject_fault(**data)
            return _reply(start_response, 200, {"faults": faults.pending_faults()})
        if route == "faults" and method == "GET":
            return _reply(start_response, 200, {"faults": faults.pending_faults()})
        if route == "faults" and method == "DELETE":
            faults.clear_faults()
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
        if route == "segment-exports" and method == "POST":
            state.set_segment_exports(**_read_json(environ))
            return _reply(start_response, 200, state.segment_exports())
        if route == "segment-exports" and method == "GET":
            return _reply(start_response, 200, state.segment_exports())
        if route == "upload-job-polls" and method == "POST":
            state.set_upload_job_polls(_read_json(environ)["polls"])
            return _reply(start_response, 200, {"polls": state.upload_job_polls()})
        if route == "upload-job-polls" and method == "GET":
            return _reply(start_response, 200, {"polls": state.upload_job_polls()})
        if route == "dead-letters" and method == "GET":
            with BACKEND_LOCK:
                letters = dead_letters()
            return _reply(start_response, 200, {"dead_letters": letters})
        if route == "reset" and method == "POST":
            with BACKEND_LOCK:  # not while an operation is running
                reset()
            return _reply(start_response, 200, {})
        return _reply(start_response, 404, {"error": "unknown control endpoint %s %s" % (method, route)})


def make_app():
    """moto's DomainDispatcherApplication (every moto service + customer-profiles) behind the control middleware."""
    register()
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication  # pylint: disable=import-outside-toplevel
    from moto.moto_server.werkzeug_app import create_backend_app  # pylint: disable=import-outside-toplevel

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
    from moto.moto_server.werkzeug_app import MotoRequestHandler  # pylint: disable=import-outside-toplevel
    from werkzeug.serving import make_server as werkzeug_make_server  # pylint: disable=import-outside-toplevel

    class QuietRequestHandler(MotoRequestHandler):
        def log_request(self, code="-", size="-"):
            """Per-request access logging costs time and fills pipes; skip it."""

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    return werkzeug_make_server(host, port, make_app(), threaded=True, request_handler=QuietRequestHandler)

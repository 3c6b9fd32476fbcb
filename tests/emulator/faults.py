# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fault injection: the fault table and the answers a fault gives, for the in-process mock and the server alike.

A fault is taken for an operation (exact name first, then "*") by each call; what it does depends on its kind:

- "error": answer one of the errors the service model declares (FAULT_STATUS);
- "html": answer a 5xx with an HTML body and no AWS error type, as a proxy or load balancer sends it;
- "truncated": run the operation, then cut its answer's body short (same status, Content-Length of the cut body);
- "delay": run the operation, then answer `seconds` later;
- "hang": hold the call `seconds`, then give no answer at all (the server closes the connection; in-process,
  botocore's ReadTimeoutError is raised, what a client whose read_timeout has passed sees).

An "error" fault may carry its own `message`, in which `{Member.path}` stands for that value of the request
(as AWS's validation messages quote the offending value): `{EmailAddress}`, `{Items.0.Object.email}` (list
indexes are numbers; a string holding JSON, such as a profile object, is looked into).

"error", "html" and "hang" happen before the operation runs (nothing is changed) unless `after_commit` is set:
then the operation runs (a write is applied) and its answer is replaced by the fault's. A fault fires on the
next `count` calls (None: every call until cleared), or, with `rate`, on each call with that probability,
drawn from a random generator seeded with `seed` (the same calls fail on every run).
"""

import json
import random
import re
import threading

from botocore.exceptions import ReadTimeoutError

# Every error the service model declares for customer-profiles (its HTTP status from the model), with the
# message an injected fault answers. The first two are transient (retried by SDKs and modules); the others
# are not, so a test can check that a playbook fails at once and says why.
FAULT_STATUS = {
    "ThrottlingException": (429, "Rate exceeded"),
    "InternalServerException": (500, "Internal server error (injected fault)"),
    "AccessDeniedException": (403, "User is not authorized to perform this action (injected fault)"),
    "BadRequestException": (400, "Invalid request (injected fault)"),
    "ResourceNotFoundException": (404, "Resource not found (injected fault)"),
}
KINDS = ("error", "html", "truncated", "delay", "hang")
# The statuses a proxy or load balancer answers with an HTML page of its own.
HTML_STATUS = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
# A fault's options (inject_fault's arguments but the operation), in the order pending_faults() lists them.
OPTIONS = ("kind", "error", "status", "count", "rate", "seed", "after_commit", "seconds", "message")
MAX_SECONDS = 600.0  # the longest delay or hang: every held call ends
_DEFAULT_COUNT = object()

_LOCK = threading.Lock()
_FAULTS = {}  # operation or "*" -> [Fault, ...] in the order injected
_RELEASE = [threading.Event()]  # set by clear_faults(): every held call ends at once


class NoAnswer(ReadTimeoutError):
    """A hang's end: no answer. The server drops the connection; in-process botocore sees a read timeout."""


class Fault:
    """One entry of the fault table (see the module docstring): inject_fault's options."""

    def __init__(self, **options):
        for name in OPTIONS:
            setattr(self, name, options.get(name))
        self.random = random.Random(self.seed)

    @property
    def runs_operation(self):
        """True when the operation runs before the fault answers (its write is applied)."""
        return self.kind in ("truncated", "delay") or self.after_commit

    def fires(self):
        """Whether this call is faulted (draws from the seeded generator when there is a rate)."""
        return self.rate is None or self.random.random() < self.rate

    def describe(self):
        return dict((name, getattr(self, name)) for name in OPTIONS)

    def answer(self, url, answer=None, request=None):
        """The (status, headers, body) that replaces ``answer`` (the operation's own answer, when it ran);
        ``request``: the request's members (body and URI), for the placeholders of ``message``."""
        if self.kind == "error":
            status, message = FAULT_STATUS[self.error]
            if self.message is not None:
                message = _PLACEHOLDER.sub(lambda match: _request_value(request or {}, match), self.message)
            return error_answer(status, self.error, message)
        if self.kind == "html":
            return html_answer(self.status)
        if self.kind == "truncated":
            status, headers, body = answer
            body = body.encode("utf-8") if isinstance(body, str) else (body or b"")
            return status, headers, body[: len(body) // 2]
        if self.kind == "delay":
            hold(self.seconds)
            return answer
        hold(self.seconds)
        raise NoAnswer(endpoint_url=url)


_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_.]+)\}")


def _request_value(request, match):
    """The text of the request's value at the placeholder's path; the placeholder itself when there is none."""
    value = request
    for step in match.group(1).split("."):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return match.group(0)
        if isinstance(value, list) and step.isdigit() and int(step) < len(value):
            value = value[int(step)]
        elif isinstance(value, dict) and step in value:
            value = value[step]
        else:
            return match.group(0)
    return value if isinstance(value, str) else json.dumps(value)


def error_answer(status, code, message):
    """An AWS rest-json error answer."""
    return status, {"x-amzn-ErrorType": code, "Content-Type": "application/json"}, json.dumps({"Message": message})


def html_answer(status):
    """A 5xx page as nginx or an AWS load balancer sends it: text/html, no x-amzn-ErrorType."""
    title = "%d %s" % (status, HTML_STATUS[status])
    body = (
        "<html>\r\n<head><title>%s</title></head>\r\n<body>\r\n<center><h1>%s</h1></center>\r\n</body>\r\n</html>\r\n"
    )
    return status, {"Content-Type": "text/html"}, body % (title, title)


def hold(seconds):
    """Wait ``seconds`` (at most MAX_SECONDS), or until clear_faults() releases every held call."""
    with _LOCK:
        release = _RELEASE[0]
    release.wait(seconds)


def _positive_number(value, name, upper):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= upper:
        raise ValueError("%s must be a number greater than 0 and at most %s" % (name, upper))
    return float(value)


def inject_fault(
    operation,
    error="ThrottlingException",
    count=_DEFAULT_COUNT,
    kind="error",
    rate=None,
    seed=0,
    after_commit=False,
    status=502,
    seconds=None,
    message=None,
):
    """Add a fault for ``operation`` (an API operation name, or "*" for every operation); see the module docstring.

    count: calls faulted (default 1, or no limit when ``rate`` is given; None: no limit). rate: 0 < rate <= 1.
    status: the HTML fault's status (500, 502, 503, 504). seconds: how long a delay or hang holds the call.
    message: an error fault's message instead of the default one, with {Member.path} placeholders.
    Faults of one operation are taken in the order injected."""
    if not isinstance(operation, str) or not operation:
        raise ValueError("operation must be an API operation name or '*'")
    if kind not in KINDS:
        raise ValueError("kind must be one of %s, not %r" % (", ".join(KINDS), kind))
    if kind == "error" and error not in FAULT_STATUS:
        raise ValueError("error must be one of %s, not %r" % (", ".join(sorted(FAULT_STATUS)), error))
    if count is _DEFAULT_COUNT:
        count = None if rate is not None else 1
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise ValueError("count must be a positive integer or null (no limit)")
    if rate is not None:
        rate = _positive_number(rate, "rate", 1)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError("seed must be an integer")
    if not isinstance(after_commit, bool):
        raise ValueError("after_commit must be true or false")
    if kind == "html" and status not in HTML_STATUS:
        raise ValueError("status must be one of %s" % ", ".join(map(str, sorted(HTML_STATUS))))
    if kind in ("delay", "hang"):
        seconds = _positive_number(seconds, "seconds", MAX_SECONDS)
    elif seconds is not None:
        raise ValueError("seconds is for the delay and hang faults only")
    if message is not None and (kind != "error" or not isinstance(message, str)):
        raise ValueError("message (a string) is for the error fault only")
    fault = Fault(
        kind=kind,
        error=error if kind == "error" else None,
        status=status if kind == "html" else None,
        count=count,
        rate=rate,
        seed=seed,
        after_commit=after_commit,
        seconds=seconds,
        message=message,
    )
    with _LOCK:
        _FAULTS.setdefault(operation, []).append(fault)


def pending_faults():
    """The pending faults: {operation or "*": [fault, ...]}, each as inject_fault's arguments."""
    with _LOCK:
        return dict((operation, [fault.describe() for fault in entries]) for operation, entries in _FAULTS.items())


def clear_faults():
    """Drop every pending fault and release every held (delayed or hung) call."""
    with _LOCK:
        _FAULTS.clear()
        _RELEASE[0].set()
        _RELEASE[0] = threading.Event()


def take_fault(operation):
    """The fault this call of ``operation`` meets (exact name first, then "*"), or None; counts it."""
    with _LOCK:
        for key in (operation, "*"):
            entries = _FAULTS.get(key) or []
            for fault in entries:
                if not fault.fires():
                    continue
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count <= 0:
                        entries.remove(fault)
                        if not entries:
                            del _FAULTS[key]
                return fault
    return None

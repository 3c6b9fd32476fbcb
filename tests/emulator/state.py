# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Process-wide call log and fault table shared by the in-process mock and the server."""

import threading

FAULT_STATUS = {
    "ThrottlingException": (429, "Rate exceeded"),
    "InternalServerException": (500, "Internal server error (injected fault)"),
}

_LOCK = threading.Lock()
_CALLS = []
_FAULTS = {}


def operation_kind(operation):
    """Reads are Get*/List*/Search*/BatchGet*; everything else is a write."""
    for prefix in ("Get", "List", "Search", "BatchGet"):
        if operation.startswith(prefix):
            return "read"
    return "write"


def record_call(operation, status, error=None):
    entry = {"operation": operation, "kind": operation_kind(operation), "status": int(status), "error": error}
    with _LOCK:
        _CALLS.append(entry)


def calls():
    with _LOCK:
        return [dict(entry) for entry in _CALLS]


def reset_calls():
    with _LOCK:
        del _CALLS[:]


def inject_fault(operation, error="ThrottlingException", count=1):
    if error not in FAULT_STATUS:
        raise ValueError("error must be one of %s, not %r" % (", ".join(sorted(FAULT_STATUS)), error))
    if not isinstance(operation, str) or not operation:
        raise ValueError("operation must be an API operation name or '*'")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError("count must be a positive integer")
    with _LOCK:
        _FAULTS[operation] = [error, count]


def clear_faults():
    with _LOCK:
        _FAULTS.clear()


def take_fault(operation):
    """Consume one pending fault for operation (exact name first, then '*'); return the error code or None."""
    with _LOCK:
        for key in (operation, "*"):
            fault = _FAULTS.get(key)
            if fault:
                fault[1] -= 1
                if fault[1] <= 0:
                    del _FAULTS[key]
                return fault[0]
    return None

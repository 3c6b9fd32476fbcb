# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulator's call log, read the same way by every test that counts API calls.

``log`` is anything with a ``calls()`` method (the in-process ``emulator`` module, the
``cp_mock`` fixture, an ``emulator.testing.EmulatorServer``) or a list of call entries
(``{"operation", "kind": "read"|"write", "status", "error", "members"}``, tests/emulator/README.md).

    from call_log import operations, reads, writes

    assert operations(cp_mock) == ["SearchProfiles", "UpdateProfile"]
    assert writes(server) == []
    assert_fails_naming(result, cp_mock, "config.fields.OrderId.target", "secret")
"""


def calls(log, operation=None):
    """The call entries, oldest first; only those of ``operation`` when it is given."""
    entries = log.calls() if hasattr(log, "calls") else list(log)
    return [entry for entry in entries if operation is None or entry["operation"] == operation]


def operations(log, kind=None):
    """The operation names of the calls, oldest first; only those of ``kind`` ("read" or "write") when given."""
    return [entry["operation"] for entry in calls(log) if kind is None or entry["kind"] == kind]


ENTRY_KEYS = ("operation", "kind", "status", "error", "members")


def entries(log):
    """The call entries as (operation, kind, status, error, members) tuples, oldest first."""
    return [tuple(entry[key] for key in ENTRY_KEYS) for entry in calls(log)]


def reads(log):
    return operations(log, "read")


def writes(log):
    return operations(log, "write")


def assert_no_call(log):
    assert operations(log) == [], operations(log)


def assert_fails_naming(result, log, option, value=None):
    """A bad-input failure: before any call, naming the option path, never repeating the value."""
    assert result.failed, result
    assert option in result["msg"], result["msg"]
    if value is not None:
        assert str(value) not in result["msg"], result["msg"]
    assert_no_call(log)

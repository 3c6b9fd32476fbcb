# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fault injection and the call log (in-process)."""

import threading
import time

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from botocore.exceptions import ConnectionClosedError
from botocore.exceptions import ReadTimeoutError
from emulator_test_helpers import NO_RETRY  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error
from emulator_test_helpers import make_client  # pylint: disable=import-error

import emulator
from call_log import ENTRY_KEYS
from call_log import entries

FAULTS = [
    ("ThrottlingException", 429),
    ("InternalServerException", 500),
    ("AccessDeniedException", 403),
    ("BadRequestException", 400),
    ("ResourceNotFoundException", 404),
]


def test_injectable_faults_are_the_errors_of_the_service_model():
    import botocore.session

    model = botocore.session.get_session().get_service_model("customer-profiles")
    declared = dict((shape.name, shape.metadata["error"]["httpStatusCode"]) for shape in model.error_shapes)
    assert dict((code, status) for code, (status, _message) in emulator.state.FAULT_STATUS.items()) == declared
    assert dict(FAULTS) == declared


@pytest.mark.parametrize("error,status", FAULTS)
def test_fault_for_next_n_calls_then_success(client, domain, error, status):
    emulator.reset_calls()
    emulator.inject_fault("UpdateDomain", error=error, count=2)
    for _attempt in range(2):
        with pytest.raises(ClientError) as excinfo:
            client.update_domain(DomainName=domain, DefaultExpirationDays=5)
        assert error_of(excinfo)[:2] == (status, error)
    assert (
        client.get_domain(DomainName=domain)["DefaultExpirationDays"] == 30
    )  # other operations unaffected, update not applied
    assert client.update_domain(DomainName=domain, DefaultExpirationDays=5)["DefaultExpirationDays"] == 5
    assert entries(emulator) == [
        ("UpdateDomain", "write", status, error, ["DefaultExpirationDays", "DomainName"]),
        ("UpdateDomain", "write", status, error, ["DefaultExpirationDays", "DomainName"]),
        ("GetDomain", "read", 200, None, ["DomainName"]),
        ("UpdateDomain", "write", 200, None, ["DefaultExpirationDays", "DomainName"]),
    ]


def test_wildcard_fault_and_clear(client, domain):
    emulator.inject_fault("*", count=3)
    with pytest.raises(ClientError):
        client.get_domain(DomainName=domain)
    with pytest.raises(ClientError):
        client.list_domains()
    emulator.clear_faults()
    assert client.list_domains()["Items"][0]["DomainName"] == domain


def test_inject_fault_rejects_unknown_error():
    with pytest.raises(ValueError):
        emulator.inject_fault("GetDomain", error="AccessDenied")
    with pytest.raises(ValueError):
        emulator.inject_fault("GetDomain", count=0)


def test_call_log_kinds_and_errors(client, domain):
    emulator.reset_calls()
    pid = client.create_profile(DomainName=domain, FirstName="A")["ProfileId"]
    client.search_profiles(DomainName=domain, KeyName="_profileId", Values=[pid])
    client.batch_get_profile(DomainName=domain, ProfileIds=[pid])
    client.list_tags_for_resource(resourceArn="arn:aws:profile:us-east-1:123456789012:domains/dom")
    with pytest.raises(ClientError):
        client.delete_profile(DomainName=domain, ProfileId="0" * 32)
    assert entries(emulator) == [
        ("CreateProfile", "write", 200, None, ["DomainName", "FirstName"]),
        ("SearchProfiles", "read", 200, None, ["DomainName", "KeyName", "Values"]),
        ("BatchGetProfile", "read", 200, None, ["DomainName", "ProfileIds"]),
        ("ListTagsForResource", "read", 200, None, ["resourceArn"]),
        ("DeleteProfile", "write", 404, "ResourceNotFoundException", ["DomainName", "ProfileId"]),
    ]
    assert pid not in repr(emulator.calls())  # the members' names, never their values
    assert all(sorted(entry) == sorted(ENTRY_KEYS) for entry in emulator.calls())
    timed = emulator.calls(times=True)
    assert [dict((key, entry[key]) for key in ("operation", "status")) for entry in timed] == [
        dict((key, entry[key]) for key in ("operation", "status")) for entry in emulator.calls()
    ]
    for entry, after in zip(timed, timed[1:]):
        assert entry["started"] <= entry["ended"] <= after["started"]
    emulator.reset_calls()
    assert emulator.calls() == []


# --- the kinds of fault (issue 21) --------------------------------------------------------------------------


def _outcomes(call, times):
    """1 for each of ``times`` calls that failed, 0 for each that succeeded."""
    out = []
    for _attempt in range(times):
        try:
            call()
            out.append(0)
        except ClientError:
            out.append(1)
    return out


def test_fault_rate_is_seeded_and_reproducible(client, domain):
    runs = []
    for _run in range(2):
        emulator.clear_faults()
        emulator.inject_fault("GetDomain", rate=0.5, seed=7)
        runs.append(_outcomes(lambda: client.get_domain(DomainName=domain), 40))
    assert runs[0] == runs[1]  # the same calls fail on every run
    assert 8 < sum(runs[0]) < 32  # about half
    emulator.clear_faults()
    emulator.inject_fault("GetDomain", rate=0.5, seed=8)
    assert _outcomes(lambda: client.get_domain(DomainName=domain), 40) != runs[0]  # another seed, other calls
    # a rate keeps faulting until cleared; other operations are untouched
    assert emulator.pending_faults()["GetDomain"][0]["count"] is None
    assert client.list_domains()["Items"]
    emulator.clear_faults()
    assert _outcomes(lambda: client.get_domain(DomainName=domain), 5) == [0] * 5


def test_fault_rate_with_a_count_stops_after_count_faults(client, domain):
    emulator.inject_fault("GetDomain", rate=1, count=3)
    assert _outcomes(lambda: client.get_domain(DomainName=domain), 5) == [1, 1, 1, 0, 0]


def test_faults_of_one_operation_are_taken_in_order(client, domain):
    emulator.inject_fault("GetDomain", error="ThrottlingException")
    emulator.inject_fault("GetDomain", kind="html", status=503)
    emulator.reset_calls()
    _outcomes(lambda: client.get_domain(DomainName=domain), 3)
    assert [(entry["status"], entry["error"]) for entry in emulator.calls()] == [
        (429, "ThrottlingException"),
        (503, None),
        (200, None),
    ]


@pytest.mark.parametrize("error,status", FAULTS[:2])
def test_fault_after_commit_applies_the_write_then_answers_the_error(client, domain, error, status):
    emulator.inject_fault("CreateProfile", error=error, after_commit=True)
    emulator.reset_calls()
    with pytest.raises(ClientError) as excinfo:
        client.create_profile(DomainName=domain, AccountNumber="A-1")
    assert error_of(excinfo)[:2] == (status, error)
    # the profile was created all the same: a blind retry makes a second one
    found = client.search_profiles(DomainName=domain, KeyName="_account", Values=["A-1"])["Items"]
    assert len(found) == 1
    assert entries(emulator)[0] == ("CreateProfile", "write", status, error, ["AccountNumber", "DomainName"])


def test_fault_before_the_write_changes_nothing(client, domain):
    emulator.inject_fault("CreateProfile", error="InternalServerException")
    with pytest.raises(ClientError):
        client.create_profile(DomainName=domain, AccountNumber="A-1")
    assert client.search_profiles(DomainName=domain, KeyName="_account", Values=["A-1"])["Items"] == []


def test_truncated_answer_is_a_200_that_botocore_reads_as_empty(client, domain):
    """The answer's body is cut short: botocore parses it as an empty success (what issue 21.1 is about)."""
    emulator.inject_fault("CreateProfile", kind="truncated")
    emulator.reset_calls()
    response = client.create_profile(DomainName=domain, AccountNumber="A-1")
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert "ProfileId" not in response
    # the write was applied
    assert len(client.search_profiles(DomainName=domain, KeyName="_account", Values=["A-1"])["Items"]) == 1
    assert entries(emulator)[0] == ("CreateProfile", "write", 200, None, ["AccountNumber", "DomainName"])


def test_truncated_body_is_a_prefix_of_the_answer(aws):  # pylint: disable=unused-argument
    from emulator import faults  # pylint: disable=import-outside-toplevel

    fault = faults.Fault(kind="truncated", count=1)
    body = '{"ProfileId": "0123456789abcdef0123456789abcdef"}'
    status, headers, cut = fault.answer("http://x", (200, {"Content-Type": "application/json"}, body))
    assert (status, headers) == (200, {"Content-Type": "application/json"})
    assert body.encode().startswith(cut) and 0 < len(cut) < len(body)


@pytest.mark.parametrize("status", [502, 503, 504])
def test_html_5xx_has_no_aws_error_type(client, domain, status):
    emulator.inject_fault("GetDomain", kind="html", status=status)
    emulator.reset_calls()
    with pytest.raises(ClientError) as excinfo:
        client.get_domain(DomainName=domain)
    # botocore finds no error code in an HTML page: the code is the HTTP status
    assert error_of(excinfo)[:2] == (status, str(status))
    assert entries(emulator) == [("GetDomain", "read", status, None, ["DomainName"])]
    assert client.get_domain(DomainName=domain)["DomainName"] == domain


def test_html_5xx_after_commit_applies_the_write(client, domain):
    emulator.inject_fault("UpdateDomain", kind="html", after_commit=True)
    with pytest.raises(ClientError) as excinfo:
        client.update_domain(DomainName=domain, DefaultExpirationDays=9)
    assert error_of(excinfo)[:2] == (502, "502")
    assert client.get_domain(DomainName=domain)["DefaultExpirationDays"] == 9


def test_delay_answers_late(client, domain):
    emulator.inject_fault("GetDomain", kind="delay", seconds=0.3)
    emulator.reset_calls()
    started = time.monotonic()
    assert client.get_domain(DomainName=domain)["DomainName"] == domain
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    client.get_domain(DomainName=domain)
    assert time.monotonic() - started < 0.3  # count 1: the next call is not delayed
    entry = emulator.calls(times=True)[0]
    assert entry["status"] == 200 and entry["ended"] - entry["started"] >= 0.3


def test_hang_gives_no_answer_and_changes_nothing(client, domain):
    emulator.inject_fault("UpdateDomain", kind="hang", seconds=0.2)
    emulator.reset_calls()
    with pytest.raises(ReadTimeoutError):
        client.update_domain(DomainName=domain, DefaultExpirationDays=9)
    assert client.get_domain(DomainName=domain)["DefaultExpirationDays"] == 30
    assert entries(emulator)[0] == ("UpdateDomain", "write", 0, None, ["DefaultExpirationDays", "DomainName"])


def test_hang_after_commit_applies_the_write(client, domain):
    emulator.inject_fault("UpdateDomain", kind="hang", seconds=0.1, after_commit=True)
    with pytest.raises(ReadTimeoutError):
        client.update_domain(DomainName=domain, DefaultExpirationDays=9)
    assert client.get_domain(DomainName=domain)["DefaultExpirationDays"] == 9


def test_clear_faults_releases_a_held_call(client, domain):
    emulator.inject_fault("GetDomain", kind="delay", seconds=60)
    threading.Timer(0.2, emulator.clear_faults).start()
    started = time.monotonic()
    assert client.get_domain(DomainName=domain)["DomainName"] == domain
    assert time.monotonic() - started < 30


@pytest.mark.parametrize(
    "options",
    [
        {"kind": "nope"},
        {"rate": 0},
        {"rate": 1.5},
        {"rate": "half"},
        {"count": -1},
        {"count": True},
        {"seed": "x"},
        {"after_commit": "yes"},
        {"kind": "html", "status": 404},
        {"kind": "delay"},
        {"kind": "hang", "seconds": 0},
        {"kind": "hang", "seconds": 601},
        {"kind": "error", "seconds": 1},
        {"kind": "html", "message": "x"},
        {"message": 3},
    ],
)
def test_inject_fault_rejects_bad_options(options):
    with pytest.raises(ValueError):
        emulator.inject_fault("GetDomain", **options)
    assert emulator.pending_faults() == {}


def test_error_message_quotes_values_of_the_request(client, domain):
    """As AWS's validation messages do: {Member.path} is that value of the request (into JSON text too)."""
    emulator.inject_fault(
        "CreateProfile",
        error="BadRequestException",
        message="Value '{EmailAddress}' at 'emailAddress' failed; '{Address.City}' {Nope} {Address.Nope}",
    )
    with pytest.raises(ClientError) as excinfo:
        client.create_profile(DomainName=domain, EmailAddress="jane@example.com", Address={"City": "Paris"})
    assert error_of(excinfo) == (
        400,
        "BadRequestException",
        "Value 'jane@example.com' at 'emailAddress' failed; 'Paris' {Nope} {Address.Nope}",
    )
    emulator.inject_fault("DeleteProfile", error="ResourceNotFoundException", message="No {ProfileId} in {DomainName}")
    with pytest.raises(ClientError) as excinfo:
        client.delete_profile(DomainName=domain, ProfileId="0" * 32)
    assert error_of(excinfo)[2] == "No %s in %s" % ("0" * 32, domain)
    # a fault before the operation answers before the request is validated: no object type is needed
    emulator.inject_fault("BatchPutProfileObject", error="BadRequestException", message="bad '{Items.1.Object.email}'")
    with pytest.raises(ClientError) as excinfo:
        client.batch_put_profile_object(
            DomainName=domain,
            ObjectTypeName="Order",
            Items=[
                {"Id": "0", "Object": '{"id": "1", "email": "a@example.com"}'},
                {"Id": "1", "Object": '{"id": "2", "email": "b@example.com"}'},
            ],
        )
    assert error_of(excinfo)[2] == "bad 'b@example.com'"


# --- the same faults over HTTP ----------------------------------------------------------------------------------


@pytest.fixture
def srv(fresh_emulator_server):
    yield fresh_emulator_server
    fresh_emulator_server.clear_faults()


def _server_client(server, read_timeout=60):
    return make_client(NO_RETRY.merge(Config(read_timeout=read_timeout)), endpoint_url=server.url)


def test_faults_over_http(srv):
    client = _server_client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=30)
    srv.inject_fault("CreateProfile", kind="truncated")
    srv.inject_fault("GetDomain", kind="html", status=503)
    srv.inject_fault("UpdateDomain", error="InternalServerException", after_commit=True)
    srv.inject_fault("ListDomains", rate=0.5, seed=7)
    assert srv.pending_faults()["GetDomain"] == [
        {
            "kind": "html",
            "error": None,
            "status": 503,
            "count": 1,
            "rate": None,
            "seed": 0,
            "after_commit": False,
            "seconds": None,
            "message": None,
        }
    ]
    assert "ProfileId" not in client.create_profile(DomainName="dom", AccountNumber="A-1")
    with pytest.raises(ClientError) as excinfo:
        client.get_domain(DomainName="dom")
    assert error_of(excinfo)[:2] == (503, "503")
    with pytest.raises(ClientError) as excinfo:
        client.update_domain(DomainName="dom", DefaultExpirationDays=9)
    assert error_of(excinfo)[:2] == (500, "InternalServerException")
    assert client.get_domain(DomainName="dom")["DefaultExpirationDays"] == 9
    over_http = _outcomes(client.list_domains, 20)
    assert 0 < sum(over_http) < 20
    srv.clear_faults()
    srv.inject_fault("ListDomains", rate=0.5, seed=7)
    assert _outcomes(client.list_domains, 20) == over_http  # the same seed fails the same calls


def test_hang_over_http_closes_without_an_answer(srv):
    client = _server_client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=30)
    srv.reset_calls()
    srv.inject_fault("GetDomain", kind="hang", seconds=0.3)
    started = time.monotonic()
    with pytest.raises(ConnectionClosedError):
        client.get_domain(DomainName="dom")
    assert time.monotonic() - started >= 0.3
    assert entries(srv) == [("GetDomain", "read", 0, None, ["DomainName"])]
    # a client whose read timeout is shorter than the hang times out
    srv.inject_fault("GetDomain", kind="hang", seconds=3)
    with pytest.raises(ReadTimeoutError):
        _server_client(srv, read_timeout=1).get_domain(DomainName="dom")


def test_bad_fault_payload_over_http(srv):
    for payload in ({"operation": "GetDomain", "kind": "nope"}, {"operation": "GetDomain", "nope": 1}, {}):
        with pytest.raises(RuntimeError) as excinfo:
            srv._request("POST", "faults", payload)  # pylint: disable=protected-access
        assert " 400 " in str(excinfo.value)

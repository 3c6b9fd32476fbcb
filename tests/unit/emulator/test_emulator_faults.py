# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fault injection and the call log (in-process)."""

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator

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
    assert emulator.calls() == [
        {"operation": "UpdateDomain", "kind": "write", "status": status, "error": error},
        {"operation": "UpdateDomain", "kind": "write", "status": status, "error": error},
        {"operation": "GetDomain", "kind": "read", "status": 200, "error": None},
        {"operation": "UpdateDomain", "kind": "write", "status": 200, "error": None},
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
    assert emulator.calls() == [
        {"operation": "CreateProfile", "kind": "write", "status": 200, "error": None},
        {"operation": "SearchProfiles", "kind": "read", "status": 200, "error": None},
        {"operation": "BatchGetProfile", "kind": "read", "status": 200, "error": None},
        {"operation": "ListTagsForResource", "kind": "read", "status": 200, "error": None},
        {"operation": "DeleteProfile", "kind": "write", "status": 404, "error": "ResourceNotFoundException"},
    ]
    timed = emulator.calls(times=True)
    assert [dict((key, entry[key]) for key in ("operation", "status")) for entry in timed] == [
        dict((key, entry[key]) for key in ("operation", "status")) for entry in emulator.calls()
    ]
    for entry, after in zip(timed, timed[1:]):
        assert entry["started"] <= entry["ended"] <= after["started"]
    emulator.reset_calls()
    assert emulator.calls() == []

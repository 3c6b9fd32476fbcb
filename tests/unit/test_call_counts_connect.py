# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Call counts of customerprofiles_integration, _event_stream and _event_trigger, pinned.

A no-op is one read and no write; a create or update is the reads it needs plus exactly the
writes; check mode never writes. Also pinned: which AWS clients a task builds (STS only when
tags of an existing integration or trigger change; never for an event stream, whose ARN the
service returns).
"""

import pytest

from call_log import operations
from call_log import reads
from call_log import writes
from connect_helpers import make_object_type

DOMAIN = "calls-connect"
INSTANCE = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/profile-changes"
CONDITIONS = [
    dict(
        logical_operator="ANY",
        event_trigger_dimensions=[
            dict(object_attributes=[dict(field_name="amount", comparison_operator="EQUAL", values=["1"])])
        ],
    )
]

INTEGRATION = (
    "customerprofiles_integration",
    dict(domain_name=DOMAIN, uri=INSTANCE, object_type_name="CTR", tags={"Team": "cc"}),
)
STREAM = (
    "customerprofiles_event_stream",
    dict(domain_name=DOMAIN, event_stream_name="changes", uri=KINESIS, tags={"Team": "cc"}),
)
TRIGGER = (
    "customerprofiles_event_trigger",
    dict(
        domain_name=DOMAIN,
        event_trigger_name="orders",
        object_type_name="CTR",
        event_trigger_conditions=CONDITIONS,
        tags={"Team": "cc"},
    ),
)


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    make_object_type(cp_mock, cp_client, DOMAIN, "CTR")
    return DOMAIN


def task_args(task, **changes):
    """(module name, options) of ``task`` with ``changes``."""
    name, options = task
    return name, dict(options, **changes)


@pytest.mark.parametrize(
    "task, create_calls",
    [
        (INTEGRATION, ["GetIntegration", "PutIntegration"]),
        (STREAM, ["GetEventStream", "CreateEventStream", "GetEventStream"]),
        (TRIGGER, ["GetEventTrigger", "GetProfileObjectType", "CreateEventTrigger"]),
    ],
    ids=["integration", "event_stream", "event_trigger"],
)
def test_create_then_no_op(cp_mock, run_module, run_logged, domain, clients_built, task, create_calls):
    result, calls = run_logged(*task_args(task), check_mode=True)
    assert not result.failed, result
    assert writes(cp_mock) == []
    assert calls == create_calls[:1] + (["GetProfileObjectType"] if task is TRIGGER else [])
    result, calls = run_logged(*task_args(task))
    assert not result.failed, result
    assert calls == create_calls  # tags travel in the create request
    del clients_built[:]
    result, calls = run_logged(*task_args(task))
    assert not result.failed, result
    assert result["changed"] is False
    assert calls == create_calls[:1] and reads(cp_mock) == calls and writes(cp_mock) == []
    assert clients_built == ["customer-profiles"]


def test_integration_update_is_one_put(cp_mock, run_module, run_logged, domain):
    assert not run_module(*task_args(INTEGRATION)).failed
    result, calls = run_logged(*task_args(INTEGRATION, scope="DOMAIN"))
    assert not result.failed, result
    assert calls == ["GetIntegration", "PutIntegration"]


def test_trigger_update_is_one_update_call(cp_mock, run_module, run_logged, domain):
    assert not run_module(*task_args(TRIGGER)).failed
    result, calls = run_logged(*task_args(TRIGGER, description="changed"))
    assert not result.failed, result
    assert calls == ["GetEventTrigger", "UpdateEventTrigger"]
    result, calls = run_logged(*task_args(TRIGGER, description="again"), check_mode=True)
    assert not result.failed, result
    assert calls == ["GetEventTrigger"]


def test_stream_recreate_is_delete_then_create(cp_mock, run_module, run_logged, domain):
    assert not run_module(*task_args(STREAM)).failed
    result, calls = run_logged(*task_args(STREAM, uri=KINESIS + "-2", recreate=True), check_mode=True)
    assert not result.failed, result
    assert calls == ["GetEventStream"]
    result, calls = run_logged(*task_args(STREAM, uri=KINESIS + "-2", recreate=True))
    assert not result.failed, result
    assert calls == ["GetEventStream", "DeleteEventStream", "CreateEventStream", "GetEventStream"]


@pytest.mark.parametrize("task", [INTEGRATION, STREAM, TRIGGER], ids=["integration", "event_stream", "event_trigger"])
def test_tag_change_clients_and_calls(cp_mock, run_module, run_logged, domain, clients_built, task):
    assert not run_module(*task_args(task)).failed
    del clients_built[:]
    result, calls = run_logged(*task_args(task, tags={"Team": "other"}))
    assert not result.failed, result
    assert calls[1:] == ["TagResource"]
    sts = ["sts"] if task is not STREAM else []
    assert clients_built == ["customer-profiles"] + sts


@pytest.mark.parametrize(
    "task, read",
    [(INTEGRATION, "GetIntegration"), (STREAM, "GetEventStream"), (TRIGGER, "GetEventTrigger")],
    ids=["integration", "event_stream", "event_trigger"],
)
def test_delete_is_one_write_and_absent_is_one_read(cp_mock, run_module, run_logged, domain, task, read):
    assert not run_module(*task_args(task)).failed
    result, calls = run_logged(*task_args(task, state="absent"))
    assert not result.failed, result
    assert calls[0] == read and len(writes(cp_mock)) == 1
    result, calls = run_logged(*task_args(task, state="absent"))
    assert not result.failed, result
    assert calls == [read]


@pytest.mark.parametrize(
    "name, options, calls_made",
    [
        ("customerprofiles_integration_info", dict(domain_name=DOMAIN), ["ListIntegrations"]),
        ("customerprofiles_integration_info", dict(domain_name=DOMAIN, uri=INSTANCE), ["GetIntegration"]),
        ("customerprofiles_event_stream_info", dict(domain_name=DOMAIN), ["ListEventStreams", "GetEventStream"]),
        ("customerprofiles_event_trigger_info", dict(domain_name=DOMAIN), ["ListEventTriggers", "GetEventTrigger"]),
    ],
)
def test_info_calls(cp_mock, run_module, run_logged, domain, name, options, calls_made):
    for task in (INTEGRATION, STREAM, TRIGGER):
        assert not run_module(*task_args(task)).failed
    cp_mock.reset_calls()
    assert not run_module(name, options).failed
    assert operations(cp_mock) == calls_made

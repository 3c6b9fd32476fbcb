# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_segment_stream and _info against the in-process emulator (botocore 1.43.84)."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_camel
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_stream import SEGMENT_STREAM_ARGUMENT_SPEC
from call_log import assert_fails_naming
from call_log import writes
from connect_helpers import without_operations

MODULE = "customerprofiles_segment_stream"
INFO = "customerprofiles_segment_stream_info"
DOMAIN = "stream-domain"
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/segment-events"
OTHER = "arn:aws:kinesis:us-east-1:123456789012:stream/segment-events-v2"
ROLE = "arn:aws:iam::123456789012:role/segment-events"
OTHER_ROLE = "arn:aws:iam::123456789012:role/segment-events-v2"


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    return DOMAIN


def args(**options):
    base = dict(domain_name=DOMAIN, destination_arn=KINESIS, destination_role_arn=ROLE)
    base.update(options)
    return base


def stored(cp_client):
    return cp_client.get_stream_for_segments(DomainName=DOMAIN)


def test_associate_then_a_second_run_is_a_no_op(cp_mock, cp_client, run_logged, domain):
    result, calls = run_logged(MODULE, args())
    assert result["changed"] is True and result["recreated"] is False
    assert calls == ["GetStreamForSegments", "AssociateStreamForSegments", "GetStreamForSegments"]
    stream = result["segment_stream"]
    assert stream["domain_name"] == DOMAIN and stream["destination_arn"] == KINESIS
    assert stream["destination_role_arn"] == ROLE and stream["service_state"] == "RUNNING"
    assert stream["associated_at"] and stream["associated_segments"] == [] and "tags" not in stream
    assert stored(cp_client)["DestinationArn"] == KINESIS
    again, calls = run_logged(MODULE, args())
    assert again["changed"] is False and calls == ["GetStreamForSegments"]
    assert again["segment_stream"] == stream
    left_out, calls = run_logged(MODULE, dict(domain_name=DOMAIN))
    assert left_out["changed"] is False and calls == ["GetStreamForSegments"]


@pytest.mark.parametrize("option, value", [("destination_arn", OTHER), ("destination_role_arn", OTHER_ROLE)])
def test_a_different_destination_fails_naming_it_unless_recreate(
    cp_mock, cp_client, run_module, run_logged, domain, option, value
):
    run_module(MODULE, args())
    refused, calls = run_logged(MODULE, args(**{option: value}))
    assert refused.failed and refused["changed"] is False
    assert "the service cannot update {0}".format(option) in refused["msg"] and "recreate=true" in refused["msg"]
    assert refused["immutable_options"] == [option] and calls == ["GetStreamForSegments"]
    replaced, calls = run_logged(MODULE, args(recreate=True, **{option: value}))
    assert replaced["changed"] is True and replaced["recreated"] is True
    assert calls == [
        "GetStreamForSegments",
        "DisassociateStreamForSegments",
        "AssociateStreamForSegments",
        "GetStreamForSegments",
    ]
    assert replaced["segment_stream"][option] == value
    assert stored(cp_client)[to_camel(option)] == value and stored(cp_client)["State"] == "RUNNING"


def test_check_mode_and_diff(cp_mock, cp_client, run_module, run_logged, domain):
    predicted, calls = run_logged(MODULE, args(), check_mode=True, diff=True)
    assert predicted["changed"] is True and writes(cp_mock) == []
    assert predicted["diff"]["before"] == {}
    assert predicted["diff"]["after"] == dict(domain_name=DOMAIN, destination_arn=KINESIS, destination_role_arn=ROLE)
    applied = run_module(MODULE, args())
    for key, value in predicted["segment_stream"].items():
        assert applied["segment_stream"][key] == value, key
    replace, calls = run_logged(MODULE, args(destination_arn=OTHER, recreate=True), check_mode=True, diff=True)
    assert replace["changed"] is True and replace["recreated"] is True and writes(cp_mock) == []
    assert replace["diff"]["before"]["destination_arn"] == KINESIS
    assert replace["diff"]["after"]["destination_arn"] == OTHER
    assert stored(cp_client)["DestinationArn"] == KINESIS
    gone, calls = run_logged(MODULE, args(state="absent"), check_mode=True, diff=True)
    assert gone["changed"] is True and writes(cp_mock) == [] and gone["diff"]["after"] == {}


def test_disassociate_then_the_stopped_stream_is_absent(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args())
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, state="absent"))
    assert result["changed"] is True and result["segment_stream"] == {}
    assert calls == ["GetStreamForSegments", "DisassociateStreamForSegments"]
    assert stored(cp_client)["State"] == "STOPPED"  # the service still describes it, stopped
    again, calls = run_logged(MODULE, dict(domain_name=DOMAIN, state="absent"))
    assert again["changed"] is False and calls == ["GetStreamForSegments"]
    assert run_module(INFO, dict(domain_name=DOMAIN))["segment_streams"] == []
    associated, calls = run_logged(MODULE, args(destination_arn=OTHER))
    assert associated["changed"] is True and associated["recreated"] is False
    assert calls == ["GetStreamForSegments", "AssociateStreamForSegments", "GetStreamForSegments"]
    assert stored(cp_client)["DestinationArn"] == OTHER and "DisassociatedAt" not in stored(cp_client)


def test_absent_without_a_stream_and_a_create_needs_both_members(cp_mock, run_logged, domain):
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, state="absent"))
    assert result["changed"] is False and calls == ["GetStreamForSegments"]
    missing, calls = run_logged(MODULE, dict(domain_name=DOMAIN, destination_arn=KINESIS))
    assert missing.failed and "destination_role_arn is required to create segment stream" in missing["msg"]
    assert writes(cp_mock) == []


def test_options_are_the_model_shapes():
    shape = model.input_shape("AssociateStreamForSegments")
    members = set(to_camel(name) for name in SEGMENT_STREAM_ARGUMENT_SPEC if name not in ("state", "recreate"))
    assert members == set(shape.members)


@pytest.mark.parametrize(
    "options, path, value",
    [
        (dict(domain_name="bad domain!"), "domain_name", "bad domain!"),
        (
            dict(destination_arn="arn:aws:sqs:us-east-1:123456789012:q"),
            "destination_arn must be the ARN of a Kinesis",
            "sqs",
        ),
        (dict(destination_arn="x" * 2049), "destination_arn must have at most 2048 characters", None),
        (
            dict(destination_role_arn="role/segment-events"),
            "destination_role_arn must match the pattern",
            "role/segment-events",
        ),
    ],
)
def test_bad_input_fails_before_any_call_naming_the_option(cp_mock, run_module, domain, options, path, value):
    cp_mock.reset_calls()
    assert_fails_naming(run_module(MODULE, args(**options)), cp_mock, path, value)


@pytest.mark.parametrize("module, options", [(MODULE, args()), (INFO, dict(domain_name=DOMAIN))])
def test_an_older_botocore_fails_naming_the_release(cp_mock, run_module, domain, older_model, module, options):
    older_model(without_operations("StreamForSegments"))
    cp_mock.reset_calls()
    result = run_module(module, options)
    assert result.failed and "this module needs botocore >= 1.43.84" in result["msg"]
    assert cp_mock.calls() == []


def test_info(cp_mock, run_module, run_logged, domain):
    assert run_module(INFO, dict(domain_name=DOMAIN))["segment_streams"] == []
    created = run_module(MODULE, args())["segment_stream"]
    listed, calls = run_logged(INFO, dict(domain_name=DOMAIN))
    assert listed["segment_streams"] == [created] and calls == ["GetStreamForSegments"]
    assert run_module(INFO, dict(domain_name="no-such-domain"))["segment_streams"] == []

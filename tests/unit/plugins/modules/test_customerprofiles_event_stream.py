# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_event_stream and _info against the in-process emulator."""

import pytest

from call_log import operations
from call_log import writes

MODULE = "customerprofiles_event_stream"
INFO = "customerprofiles_event_stream_info"
DOMAIN = "stream-domain"
NAME = "profile-changes"
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/profile-changes"
KINESIS_2 = "arn:aws:kinesis:us-east-1:123456789012:stream/profile-changes-v2"


@pytest.fixture
def domain(cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    return DOMAIN


def args(**options):
    base = dict(domain_name=DOMAIN, event_stream_name=NAME, uri=KINESIS)
    base.update(options)
    return base


def test_create_returns_state_and_destination_status(cp_mock, cp_client, run_module, run_logged, domain):
    result, calls = run_logged(MODULE, args(tags={"Team": "crm"}))
    assert result["changed"] is True, result
    assert calls == ["GetEventStream", "CreateEventStream", "GetEventStream"]
    stream = result["event_stream"]
    assert stream["event_stream_name"] == NAME
    assert stream["uri"] == KINESIS
    assert stream["state"] == "RUNNING"
    assert stream["destination_details"] == {"uri": KINESIS, "status": "HEALTHY"}
    assert stream["event_stream_arn"].endswith(":domains/{0}/event-streams/{1}".format(DOMAIN, NAME))
    assert stream["tags"] == {"Team": "crm"}
    assert cp_client.get_event_stream(DomainName=DOMAIN, EventStreamName=NAME)["Tags"] == {"Team": "crm"}


def test_second_run_is_a_no_op(cp_mock, run_module, run_logged, domain):
    first = run_module(MODULE, args(tags={"Team": "crm"}))
    result, calls = run_logged(MODULE, args(tags={"Team": "crm"}))
    assert result["changed"] is False
    assert calls == ["GetEventStream"]
    assert result["event_stream"] == first["event_stream"]
    without_uri, calls = run_logged(MODULE, dict(domain_name=DOMAIN, event_stream_name=NAME))
    assert without_uri["changed"] is False and calls == ["GetEventStream"]


def test_tags_change_in_place_on_the_returned_arn(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args(tags={"Team": "crm", "Old": "x"}))
    result, calls = run_logged(MODULE, args(tags={"Team": "data"}))
    assert result["changed"] is True
    assert calls == ["GetEventStream", "TagResource", "UntagResource"]
    assert cp_client.get_event_stream(DomainName=DOMAIN, EventStreamName=NAME)["Tags"] == {"Team": "data"}
    assert result["event_stream"]["tags"] == {"Team": "data"}


def test_a_different_uri_fails_naming_it_and_changes_nothing(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args())
    result, calls = run_logged(MODULE, args(uri=KINESIS_2))
    assert result.failed
    assert result["changed"] is False
    assert "uri" in result["msg"] and "recreate=true" in result["msg"]
    assert result["immutable_options"] == ["uri"]
    assert writes(cp_mock) == []
    assert cp_client.get_event_stream(DomainName=DOMAIN, EventStreamName=NAME)["DestinationDetails"]["Uri"] == KINESIS


def test_recreate_deletes_then_creates(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args(tags={"Team": "crm"}))
    predicted, calls = run_logged(MODULE, args(uri=KINESIS_2, recreate=True), check_mode=True, diff=True)
    assert predicted["changed"] is True and writes(cp_mock) == []
    assert predicted["diff"]["before"]["uri"] == KINESIS and predicted["diff"]["after"]["uri"] == KINESIS_2
    result, calls = run_logged(MODULE, args(uri=KINESIS_2, recreate=True))
    assert result["changed"] is True, result
    assert calls == ["GetEventStream", "DeleteEventStream", "CreateEventStream", "GetEventStream"]
    assert result["event_stream"]["uri"] == KINESIS_2
    assert result["event_stream"]["tags"] == {"Team": "crm"}  # tags not given: kept
    held = cp_client.get_event_stream(DomainName=DOMAIN, EventStreamName=NAME)
    assert held["DestinationDetails"]["Uri"] == KINESIS_2 and held["Tags"] == {"Team": "crm"}
    same, calls = run_logged(MODULE, args(uri=KINESIS_2, recreate=True))
    assert same["changed"] is False and calls == ["GetEventStream"]


def test_one_stream_per_domain_names_the_existing_stream(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args())
    result, calls = run_logged(MODULE, args(event_stream_name="second-stream"))
    assert result.failed
    assert result["changed"] is False
    assert "already has event stream {0}".format(NAME) in result["msg"]
    assert "one event stream per domain" in result["msg"]
    assert result["existing_event_streams"] == [NAME]
    assert result["error"]["code"] == "BadRequestException"
    assert calls == ["GetEventStream", "CreateEventStream", "ListEventStreams"]


def test_stopped_and_unhealthy_stream_is_described(cp_mock, run_module, domain):
    run_module(MODULE, args())
    cp_mock.backend().set_event_stream_state(
        DOMAIN, NAME, state="STOPPED", destination_status="UNHEALTHY", message="gone"
    )
    result = run_module(MODULE, args())
    assert result["changed"] is False
    stream = result["event_stream"]
    assert stream["state"] == "STOPPED" and stream["stopped_since"]
    assert stream["destination_details"]["status"] == "UNHEALTHY"
    assert stream["destination_details"]["message"] == "gone"


def test_check_mode_create_and_diff(cp_mock, cp_client, run_module, run_logged, domain):
    result, calls = run_logged(MODULE, args(), check_mode=True, diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == [] and calls == ["GetEventStream"]
    assert result["diff"]["before"] == {}
    assert result["diff"]["after"]["uri"] == KINESIS
    assert cp_client.list_event_streams(DomainName=DOMAIN)["Items"] == []
    applied = run_module(MODULE, args())
    for key, value in result["event_stream"].items():
        if key != "destination_details":
            assert applied["event_stream"][key] == value
    assert applied["event_stream"]["destination_details"]["uri"] == KINESIS


def test_create_needs_uri(cp_mock, run_module, run_logged, domain):
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, event_stream_name=NAME))
    assert result.failed
    assert "uri (a Kinesis data stream ARN) is required" in result["msg"]
    assert calls == ["GetEventStream"]


def test_delete_and_absent_when_missing(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args())
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, event_stream_name=NAME, state="absent"), diff=True)
    assert result["changed"] is True
    assert calls == ["GetEventStream", "DeleteEventStream"]
    assert result["event_stream"] == {} and result["diff"]["after"] == {}
    assert cp_client.list_event_streams(DomainName=DOMAIN)["Items"] == []
    again, calls = run_logged(MODULE, dict(domain_name=DOMAIN, event_stream_name=NAME, state="absent"))
    assert again["changed"] is False and calls == ["GetEventStream"]


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_a_stream_of_another_account_fails_before_any_write(
    cp_mock, cp_client, run_module, run_logged, domain, check_mode
):
    # issue 20: check mode predicted success, and CreateEventStream then failed
    result, calls = run_logged(
        MODULE, args(uri="arn:aws:kinesis:us-east-1:999999999999:stream/other"), check_mode=check_mode
    )
    assert result.failed, result
    assert result["changed"] is False
    assert (
        "uri must be a Kinesis data stream of the domain's account and Region "
        "(arn:aws:kinesis:us-east-1:123456789012:stream/<name>)" in result["msg"]
    ), result["msg"]
    assert "999999999999" not in result["msg"]
    assert calls == ["GetEventStream"]
    assert cp_client.list_event_streams(DomainName=DOMAIN)["Items"] == []


@pytest.mark.parametrize(
    "uri, message",
    [
        (
            "arn:aws:kinesis:eu-west-1:123456789012:stream/elsewhere",
            "must be a Kinesis data stream of the domain's account",
        ),
        ("arn:aws:firehose:us-east-1:123456789012:deliverystream/x", "must be the ARN of a Kinesis data stream"),
        ("profile-changes", "must be the ARN of a Kinesis data stream"),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/bad\nname", "must not hold control characters"),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/bad\x7fname", "must not hold control characters"),
    ],
    ids=["other-region", "not-kinesis", "not-an-arn", "newline", "delete"],
)
@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_a_uri_that_is_no_stream_of_the_region_fails_before_any_call(
    cp_mock, run_module, run_logged, domain, uri, message, check_mode
):
    result, calls = run_logged(MODULE, args(uri=uri), check_mode=check_mode)
    assert result.failed, result
    assert "uri " + message in result["msg"], result["msg"]
    assert uri not in result["msg"]
    assert calls == []


@pytest.mark.parametrize(
    "options, path, value",
    [
        (dict(event_stream_name="bad name!"), "event_stream_name", "bad name!"),
        (dict(uri="k" * 256), "uri", "k" * 256),
        (dict(uri=""), "uri", None),
        (dict(tags={"aws:reserved": "v"}), "tags", None),
        (dict(tags={"Team": "v" * 300}), "tags.Team", "v" * 300),
    ],
)
def test_bad_input_fails_before_any_call_naming_the_option(
    cp_mock, run_module, run_logged, domain, options, path, value
):
    result, calls = run_logged(MODULE, args(**options))
    assert result.failed, result
    assert calls == []
    assert path in result["msg"]
    if value:
        assert value not in result["msg"]


def test_info_one_and_all(cp_mock, run_module, domain):
    run_module(MODULE, args(tags={"Team": "crm"}))
    cp_mock.reset_calls()
    one = run_module(INFO, dict(domain_name=DOMAIN, event_stream_name=NAME))
    assert [item["event_stream_name"] for item in one["event_streams"]] == [NAME]
    assert operations(cp_mock) == ["GetEventStream"]
    cp_mock.reset_calls()
    everything = run_module(INFO, dict(domain_name=DOMAIN))
    assert everything["changed"] is False
    assert everything["event_streams"] == one["event_streams"]
    assert everything["event_streams"][0]["state"] == "RUNNING"
    assert operations(cp_mock) == ["ListEventStreams", "GetEventStream"]
    missing = run_module(INFO, dict(domain_name=DOMAIN, event_stream_name="nothing-here"))
    assert missing["event_streams"] == []

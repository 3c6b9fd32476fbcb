# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_segment_subscription and _info against the in-process emulator (botocore 1.43.84)."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_camel
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_subscription import (
    SEGMENT_SUBSCRIPTION_ARGUMENT_SPEC,
)
from call_log import assert_fails_naming
from call_log import writes
from connect_helpers import requests_of
from connect_helpers import without_operations

MODULE = "customerprofiles_segment_subscription"
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/segment-events"
ROLE = "arn:aws:iam::123456789012:role/segment-events"
INFO = "customerprofiles_segment_subscription_info"
DOMAIN = "subscription-domain"
ANNS = {
    "Groups": [
        {
            "Type": "ALL",
            "Dimensions": [{"ProfileAttributes": {"FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann"]}}}],
        }
    ],
    "Include": "ALL",
}


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    for name in ("anns", "others"):
        cp_client.create_segment_definition(
            DomainName=DOMAIN, SegmentDefinitionName=name, DisplayName=name, SegmentGroups=ANNS
        )
    cp_client.associate_stream_for_segments(DomainName=DOMAIN, DestinationArn=KINESIS, DestinationRoleArn=ROLE)
    return DOMAIN


def args(**options):
    base = dict(domain_name=DOMAIN, segment_definition_name="anns")
    base.update(options)
    return base


def stored(cp_client, name="anns"):
    return cp_client.get_segment_subscription(DomainName=DOMAIN, SegmentDefinitionName=name)


def test_create_then_a_second_run_is_a_no_op(cp_mock, cp_client, run_logged, domain, sent):
    schedule = dict(interval=6, unit="HOURLY")
    result, calls = run_logged(MODULE, args(schedule_configuration=schedule))
    assert result["changed"] is True, result
    assert calls == ["GetSegmentSubscription", "GetSegmentDefinition", "GetStreamForSegments", "PutSegmentSubscription"]
    (request,) = requests_of(sent, "PutSegmentSubscription")
    assert request == dict(
        DomainName=DOMAIN, SegmentDefinitionName="anns", ScheduleConfiguration={"Interval": 6, "Unit": "HOURLY"}
    )
    subscription = result["segment_subscription"]
    assert subscription["domain_name"] == DOMAIN and subscription["segment_definition_name"] == "anns"
    assert subscription["schedule_configuration"] == schedule
    assert subscription["status"] == "STARTING" and subscription["started_at"]
    assert "tags" not in subscription
    assert stored(cp_client)["ScheduleConfiguration"] == {"Interval": 6, "Unit": "HOURLY"}
    again, calls = run_logged(MODULE, args(schedule_configuration=schedule))
    assert again["changed"] is False and calls == ["GetSegmentSubscription"]
    assert again["segment_subscription"]["schedule_configuration"] == schedule


def test_options_left_out_keep_their_values(cp_mock, cp_client, run_module, run_logged, domain, sent):
    run_module(MODULE, args(schedule_configuration=dict(interval=6, unit="HOURLY")))
    left_out, calls = run_logged(MODULE, args())
    assert left_out["changed"] is False and calls == ["GetSegmentSubscription"]
    no_unit, calls = run_logged(MODULE, args(schedule_configuration=dict(interval=6)))
    assert no_unit["changed"] is False and calls == ["GetSegmentSubscription"]
    del sent[:]
    result, calls = run_logged(MODULE, args(schedule_configuration=dict(interval=12)))
    assert result["changed"] is True
    assert calls == ["GetSegmentSubscription", "PutSegmentSubscription"]  # the segment exists: not read again
    (request,) = requests_of(sent, "PutSegmentSubscription")
    assert request["ScheduleConfiguration"] == {"Interval": 12, "Unit": "HOURLY"}  # the whole schedule is sent
    assert result["segment_subscription"]["schedule_configuration"] == dict(interval=12, unit="HOURLY")
    assert stored(cp_client)["ScheduleConfiguration"]["Interval"] == 12


def test_a_new_subscription_without_schedule_takes_the_service_default(cp_mock, cp_client, run_module, domain):
    result = run_module(MODULE, args())
    assert result["changed"] is True
    assert result["segment_subscription"]["schedule_configuration"] == dict(interval=24, unit="HOURLY")


def test_check_mode_and_diff(cp_mock, cp_client, run_module, run_logged, domain):
    predicted, calls = run_logged(MODULE, args(schedule_configuration=dict(interval=3)), check_mode=True, diff=True)
    assert predicted["changed"] is True and writes(cp_mock) == []
    assert predicted["diff"]["before"] == {}
    assert predicted["diff"]["after"]["schedule_configuration"] == dict(interval=3)
    assert predicted["segment_subscription"]["status"] == "STARTING"
    applied = run_module(MODULE, args(schedule_configuration=dict(interval=3)))
    assert applied["segment_subscription"]["status"] == predicted["segment_subscription"]["status"]
    update, calls = run_logged(MODULE, args(schedule_configuration=dict(interval=4)), check_mode=True, diff=True)
    assert update["changed"] is True and writes(cp_mock) == []
    assert update["diff"]["before"]["schedule_configuration"]["interval"] == 3
    assert update["diff"]["after"]["schedule_configuration"]["interval"] == 4
    assert stored(cp_client)["ScheduleConfiguration"]["Interval"] == 3
    gone, calls = run_logged(MODULE, args(state="absent"), check_mode=True, diff=True)
    assert gone["changed"] is True and writes(cp_mock) == [] and gone["diff"]["after"] == {}


def test_delete_and_absent_when_missing(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args())
    result, calls = run_logged(MODULE, args(state="absent"))
    assert result["changed"] is True and result["segment_subscription"] == {}
    assert calls == ["GetSegmentSubscription", "DeleteSegmentSubscription"]
    assert cp_client.get_segment_definition(DomainName=DOMAIN, SegmentDefinitionName="anns")  # the segment stays
    again, calls = run_logged(MODULE, args(state="absent"))
    assert again["changed"] is False and calls == ["GetSegmentSubscription"]


def test_a_missing_segment_fails_naming_it_before_any_write(cp_mock, run_logged, domain):
    for check_mode in (True, False):
        result, calls = run_logged(MODULE, args(segment_definition_name="nobody"), check_mode=check_mode)
        assert result.failed
        assert "segment_definition_name: segment definition nobody does not exist" in result["msg"]
        assert calls == ["GetSegmentSubscription", "GetSegmentDefinition"]


def test_a_domain_without_a_stream_for_segments_fails_naming_it_before_any_write(
    cp_mock, cp_client, run_logged, domain
):
    cp_client.disassociate_stream_for_segments(DomainName=DOMAIN)
    for check_mode in (True, False):
        result, calls = run_logged(MODULE, args(), check_mode=check_mode)
        assert result.failed
        assert (
            "domain {0} has no stream for segments, which segment subscription anns needs".format(DOMAIN)
            in (result["msg"])
        )
        assert "customerprofiles_segment_stream" in result["msg"]
        assert calls == ["GetSegmentSubscription", "GetSegmentDefinition", "GetStreamForSegments"]


def test_a_missing_domain_fails_with_the_service_error(cp_mock, run_module):
    result = run_module(MODULE, args(domain_name="no-such-domain"))
    assert result.failed and "does not exist" in result["msg"]


def test_options_are_the_model_shapes():
    shape = model.input_shape("PutSegmentSubscription")
    members = set(to_camel(name) for name in SEGMENT_SUBSCRIPTION_ARGUMENT_SPEC if name != "state")
    assert members == set(shape.members)
    options = SEGMENT_SUBSCRIPTION_ARGUMENT_SPEC["schedule_configuration"]["options"]
    assert sorted(to_camel(name) for name in options) == sorted(shape.members["ScheduleConfiguration"].members)


@pytest.mark.parametrize(
    "options, path, value",
    [
        (dict(segment_definition_name="bad name!"), "segment_definition_name", "bad name!"),
        (dict(domain_name="bad domain!"), "domain_name", "bad domain!"),
        (
            dict(schedule_configuration=dict(interval=25)),
            "schedule_configuration.interval must be between 1 and 24",
            None,
        ),
        (dict(schedule_configuration=dict(interval=0)), "schedule_configuration.interval", None),
        (dict(schedule_configuration=dict(interval=6, unit="DAILY")), "schedule_configuration.unit", "DAILY"),
    ],
)
def test_bad_input_fails_before_any_call_naming_the_option(cp_mock, run_module, domain, options, path, value):
    cp_mock.reset_calls()
    assert_fails_naming(run_module(MODULE, args(**options)), cp_mock, path, value)


@pytest.mark.parametrize(
    "module, options, named",
    [
        (MODULE, args(), "this module needs botocore >= 1.43.84"),
        (INFO, dict(domain_name=DOMAIN), "this module needs botocore >= 1.43.84"),
    ],
)
def test_an_older_botocore_fails_naming_the_release(cp_mock, run_module, domain, older_model, module, options, named):
    older_model(without_operations("SegmentSubscription"))
    cp_mock.reset_calls()
    result = run_module(module, options)
    assert result.failed and named in result["msg"]
    assert cp_mock.calls() == []


def test_info_one_all_and_the_events(cp_mock, cp_client, run_module, run_logged, domain):
    assert run_module(INFO, dict(domain_name=DOMAIN))["segment_subscriptions"] == []
    ann = cp_client.create_profile(DomainName=DOMAIN, FirstName="Ann")["ProfileId"]
    created = run_module(MODULE, args(schedule_configuration=dict(interval=6)))["segment_subscription"]
    one, calls = run_logged(INFO, dict(domain_name=DOMAIN, segment_definition_name="anns"))
    (item,) = one["segment_subscriptions"]
    assert calls == ["GetSegmentSubscription"]
    assert item["schedule_configuration"] == created["schedule_configuration"] and "events" not in item
    everything, calls = run_logged(INFO, dict(domain_name=DOMAIN))
    assert [item["segment_definition_name"] for item in everything["segment_subscriptions"]] == ["anns"]
    assert calls == ["ListSegmentDefinitions", "GetSegmentSubscription", "GetSegmentSubscription"]  # one a segment
    cp_client.update_profile(DomainName=DOMAIN, ProfileId=ann, FirstName="Anna")
    with_events, calls = run_logged(INFO, dict(domain_name=DOMAIN, name="anns", list_events=True))
    assert calls == ["GetSegmentSubscription", "ListSegmentSubscriptionEvents"]
    events = with_events["segment_subscriptions"][0]["events"]
    assert [(event["profile_id"], event["event"], event["event_type"]) for event in events] == [
        (ann, "LEFT", "LIVE"),
        (ann, "JOINED", "SCHEDULE"),
    ]
    assert all(event["updated_at"] for event in events)
    missing = run_module(INFO, dict(domain_name="no-such-domain", segment_definition_name="anns"))
    assert missing["segment_subscriptions"] == []


def test_info_reads_every_page_of_events(cp_mock, cp_client, run_module, run_logged, domain, monkeypatch):
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import core

    original = core.paginate
    monkeypatch.setattr(core, "paginate", lambda call, key, **params: original(call, key, page_size=2, **params))
    for index in range(5):
        cp_client.create_profile(DomainName=DOMAIN, FirstName="Ann", LastName="L%d" % index)
    run_module(MODULE, args())
    result, calls = run_logged(INFO, dict(domain_name=DOMAIN, name="anns", list_events=True))
    assert len(result["segment_subscriptions"][0]["events"]) == 5
    assert calls.count("ListSegmentSubscriptionEvents") == 3  # two a page

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Segment subscriptions and the stream for segments (in-process, botocore 1.43.84): PutSegmentSubscription,
GetSegmentSubscription, DeleteSegmentSubscription, ListSegmentSubscriptionEvents, AssociateStreamForSegments,
GetStreamForSegments, DisassociateStreamForSegments."""

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import assert_routed_and_handled  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator

OPERATIONS = (
    "PutSegmentSubscription",
    "GetSegmentSubscription",
    "DeleteSegmentSubscription",
    "ListSegmentSubscriptionEvents",
    "AssociateStreamForSegments",
    "GetStreamForSegments",
    "DisassociateStreamForSegments",
)
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/segments"
OTHER_KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/segments-2"
ROLE = "arn:aws:iam::123456789012:role/segments"


def _error(call):
    with pytest.raises(ClientError) as excinfo:
        call()
    return dict(zip(("status", "code", "message"), error_of(excinfo)))


@pytest.fixture
def segment(client, domain):
    """Segment ``anns`` (the profiles whose first name is Ann), in a domain with a stream for segments."""
    client.create_segment_definition(
        DomainName=domain,
        SegmentDefinitionName="anns",
        DisplayName="Anns",
        SegmentGroups={
            "Groups": [
                {
                    "Type": "ALL",
                    "Dimensions": [
                        {"ProfileAttributes": {"FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann"]}}}
                    ],
                }
            ],
            "Include": "ALL",
        },
    )
    associate(client)
    return "anns"


def subscribe(client, **extra):
    return client.put_segment_subscription(DomainName="dom", SegmentDefinitionName="anns", **extra)


def get(client):
    return client.get_segment_subscription(DomainName="dom", SegmentDefinitionName="anns")


def events(client, **extra):
    return client.list_segment_subscription_events(DomainName="dom", SegmentDefinitionName="anns", **extra)


def test_every_segment_stream_operation_is_routed_and_handled():
    assert_routed_and_handled(OPERATIONS)


def test_put_creates_starting_then_running_and_replaces_the_schedule(client, segment):  # pylint: disable=unused-argument
    emulator.set_segment_subscription_starting_reads(1)
    created = subscribe(client)
    assert created["Status"] == "STARTING"
    assert created["ScheduleConfiguration"] == {"Interval": 24, "Unit": "HOURLY"}  # the reference's default
    assert get(client)["Status"] == "STARTING"  # one read while the initial snapshot runs
    got = get(client)
    assert got["Status"] == "RUNNING" and got["StartedAt"] == created["StartedAt"]
    assert "NextExecutedAt" in got["ScheduledExecutions"] and "LastUpdatedAt" in got
    updated = subscribe(client, ScheduleConfiguration={"Interval": 6})
    assert updated["Status"] == "RUNNING" and updated["ScheduleConfiguration"] == {"Interval": 6, "Unit": "HOURLY"}
    assert get(client)["LastUpdatedAt"] > got["LastUpdatedAt"]


def test_starting_reads_setting(client, segment):  # pylint: disable=unused-argument
    emulator.set_segment_subscription_starting_reads(0)
    subscribe(client)
    assert get(client)["Status"] == "RUNNING"
    with pytest.raises(ValueError):
        emulator.set_segment_subscription_starting_reads(-1)
    emulator.reset()
    assert emulator.segment_subscription_starting_reads() == 1


def test_subscription_errors(client, raw_client, domain):
    associate(client)
    missing = _error(lambda: subscribe(client))
    assert (missing["status"], missing["code"]) == (404, "ResourceNotFoundException")
    assert "Segment definition anns not found" in missing["message"]
    bad = _error(
        lambda: raw_client.put_segment_subscription(
            DomainName=domain, SegmentDefinitionName="anns", ScheduleConfiguration={"Interval": 25}
        )
    )
    assert (bad["status"], bad["code"]) == (400, "BadRequestException")  # the model: 1 to 24


def test_a_subscription_needs_the_stream_for_segments(client, segment):  # pylint: disable=unused-argument
    client.disassociate_stream_for_segments(DomainName="dom")
    refused = _error(lambda: subscribe(client))
    assert (refused["status"], refused["code"]) == (400, "BadRequestException")
    assert "has no stream for segments" in refused["message"]
    associate(client)
    subscribe(client)
    client.disassociate_stream_for_segments(DomainName="dom")
    assert subscribe(client, ScheduleConfiguration={"Interval": 2})["ScheduleConfiguration"]["Interval"] == 2


def test_no_subscription_is_not_found(client, segment):  # pylint: disable=unused-argument
    for call in (lambda: get(client), lambda: events(client)):
        assert _error(call)["code"] == "ResourceNotFoundException"
    assert (
        "has no subscription"
        in _error(lambda: client.delete_segment_subscription(DomainName="dom", SegmentDefinitionName="anns"))["message"]
    )


def test_events_follow_the_segment_membership(client, segment):  # pylint: disable=unused-argument
    ann = client.create_profile(DomainName="dom", FirstName="Ann")["ProfileId"]
    bob = client.create_profile(DomainName="dom", FirstName="Bob")["ProfileId"]
    subscribe(client)
    first = events(client)["Events"]
    assert [(e["ProfileId"], e["Event"], e["EventType"]) for e in first] == [(ann, "JOINED", "SCHEDULE")]
    client.update_profile(DomainName="dom", ProfileId=bob, FirstName="Ann")
    client.update_profile(DomainName="dom", ProfileId=ann, FirstName="Anna")
    listed = events(client)["Events"]
    assert [(e["ProfileId"], e["Event"], e["EventType"]) for e in listed[:2]] == [
        (ann, "LEFT", "LIVE"),
        (bob, "JOINED", "LIVE"),
    ]
    assert len(listed) == 3 and events(client)["Events"] == listed  # nothing changed since: no new event
    page = events(client, MaxResults=2)
    assert len(page["Events"]) == 2 and "NextToken" in page
    assert len(events(client, MaxResults=2, NextToken=page["NextToken"])["Events"]) == 1


def test_deleting_the_segment_or_the_subscription(client, segment):  # pylint: disable=unused-argument
    subscribe(client)
    answer = client.delete_segment_subscription(DomainName="dom", SegmentDefinitionName="anns")
    assert answer["Message"]
    assert _error(lambda: get(client))["code"] == "ResourceNotFoundException"
    subscribe(client)
    client.delete_segment_definition(DomainName="dom", SegmentDefinitionName="anns")
    assert "anns" not in emulator.backend().domains["dom"].segment_subscriptions
    client.create_segment_definition(
        DomainName="dom", SegmentDefinitionName="anns", DisplayName="Anns", SegmentSqlQuery="SELECT * FROM profiles"
    )
    assert _error(lambda: get(client))["code"] == "ResourceNotFoundException"  # a new segment has none


def associate(client, destination=KINESIS):
    return client.associate_stream_for_segments(DomainName="dom", DestinationArn=destination, DestinationRoleArn=ROLE)


def test_stream_associate_get_disassociate(client, domain):
    assert _error(lambda: client.get_stream_for_segments(DomainName="dom"))["code"] == "ResourceNotFoundException"
    associate(client)
    client.create_segment_definition(
        DomainName=domain, SegmentDefinitionName="anns", DisplayName="Anns", SegmentSqlQuery="SELECT * FROM profiles"
    )
    subscribe(client)
    got = client.get_stream_for_segments(DomainName="dom")
    assert got["DomainName"] == "dom" and got["DestinationArn"] == KINESIS and got["DestinationRoleArn"] == ROLE
    assert got["State"] == "RUNNING" and "DisassociatedAt" not in got and "AssociatedAt" in got
    assert got["AssociatedSegments"] == [{"SegmentName": "anns", "Status": "STARTING"}]
    second = _error(lambda: associate(client, OTHER_KINESIS))
    assert (second["status"], second["code"]) == (400, "BadRequestException")
    assert "only one associated stream" in second["message"]
    assert client.disassociate_stream_for_segments(DomainName="dom")["Message"]
    stopped = client.get_stream_for_segments(DomainName="dom")  # kept, STOPPED, with its DisassociatedAt
    assert stopped["State"] == "STOPPED" and "DisassociatedAt" in stopped
    assert stopped["AssociatedSegments"] == [{"SegmentName": "anns", "Status": "STOPPED"}]
    again = _error(lambda: client.disassociate_stream_for_segments(DomainName="dom"))
    assert again["code"] == "ResourceNotFoundException"
    associate(client, OTHER_KINESIS)  # a disassociated stream is replaced
    got = client.get_stream_for_segments(DomainName="dom")
    assert got["DestinationArn"] == OTHER_KINESIS and got["State"] == "RUNNING" and "DisassociatedAt" not in got


def test_stream_validation(raw_client, domain):
    not_kinesis = _error(
        lambda: raw_client.associate_stream_for_segments(
            DomainName=domain, DestinationArn="arn:aws:sqs:us-east-1:123456789012:queue", DestinationRoleArn=ROLE
        )
    )
    assert (not_kinesis["status"], not_kinesis["code"]) == (400, "BadRequestException")
    bad_role = _error(
        lambda: raw_client.associate_stream_for_segments(
            DomainName=domain, DestinationArn=KINESIS, DestinationRoleArn="role/segments"
        )
    )
    assert bad_role["status"] == 400 and "destinationRoleArn" in bad_role["message"]
    missing = _error(lambda: raw_client.get_stream_for_segments(DomainName="nowhere"))
    assert missing["code"] == "ResourceNotFoundException"


def test_deleting_the_domain_drops_subscriptions_and_stream(client, segment):  # pylint: disable=unused-argument
    subscribe(client)
    client.delete_domain(DomainName="dom")
    client.create_domain(DomainName="dom", DefaultExpirationDays=30)
    assert _error(lambda: client.get_stream_for_segments(DomainName="dom"))["code"] == "ResourceNotFoundException"
    assert emulator.backend().domains["dom"].segment_subscriptions == {}

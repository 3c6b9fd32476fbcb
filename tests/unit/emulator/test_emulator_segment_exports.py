# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Segment snapshots and estimates (in-process): CreateSegmentSnapshot, GetSegmentSnapshot, CreateSegmentEstimate,
GetSegmentEstimate; their settings (set_segment_exports) in-process and over HTTP."""

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import assert_routed_and_handled  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator
from emulator import state

OPERATIONS = ("CreateSegmentSnapshot", "GetSegmentSnapshot", "CreateSegmentEstimate", "GetSegmentEstimate")
S3 = "s3://exports-bucket/segments/"
ROLE = "arn:aws:iam::123456789012:role/exports"
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def city_is(*cities):
    return {
        "Groups": [
            {
                "Dimensions": [
                    {"ProfileAttributes": {"Address": {"City": {"DimensionType": "INCLUSIVE", "Values": list(cities)}}}}
                ]
            }
        ],
        "Include": "ALL",
    }


@pytest.fixture
def settings():
    """emulator.set_segment_exports, the defaults restored afterwards."""
    yield emulator.set_segment_exports
    state.reset_settings()


@pytest.fixture
def segment(client, domain):
    client.create_segment_definition(
        DomainName=domain, SegmentDefinitionName="paris", DisplayName="Paris", SegmentGroups=city_is("Paris")
    )
    return "paris"


@pytest.fixture
def profiles(client, domain):
    for number, city in enumerate(("Paris", "Paris", "Lyon", None)):
        extra = {"Address": {"City": city}} if city else {}
        client.create_profile(DomainName=domain, AccountNumber="A%d" % number, **extra)


def _error(call):
    with pytest.raises(ClientError) as excinfo:
        call()
    return error_of(excinfo)


def test_every_segment_export_operation_is_routed_and_handled():
    assert_routed_and_handled(OPERATIONS)


def test_a_snapshot_is_in_progress_for_the_polls_set_then_completed(client, domain, segment, settings):
    settings(snapshot_polls=2)
    snapshot_id = client.create_segment_snapshot(
        DomainName=domain,
        SegmentDefinitionName=segment,
        DataFormat="JSONL",
        DestinationUri=S3,
        RoleArn=ROLE,
        EncryptionKey=KEY,
    )["SnapshotId"]
    assert len(snapshot_id) == 32
    statuses = []
    for _poll in range(3):
        answer = client.get_segment_snapshot(DomainName=domain, SegmentDefinitionName=segment, SnapshotId=snapshot_id)
        statuses.append(answer["Status"])
    assert statuses == ["IN_PROGRESS", "IN_PROGRESS", "COMPLETED"]
    assert answer["DataFormat"] == "JSONL" and answer["DestinationUri"] == S3
    assert answer["RoleArn"] == ROLE and answer["EncryptionKey"] == KEY and "StatusMessage" not in answer


def test_a_snapshot_set_to_fail_ends_failed_with_its_message(client, domain, segment, settings):
    settings(snapshot_polls=0, snapshot_failure="Access denied to the destination bucket")
    snapshot_id = client.create_segment_snapshot(
        DomainName=domain, SegmentDefinitionName=segment, DataFormat="CSV", DestinationUri=S3
    )["SnapshotId"]
    answer = client.get_segment_snapshot(DomainName=domain, SegmentDefinitionName=segment, SnapshotId=snapshot_id)
    assert (answer["Status"], answer["StatusMessage"]) == ("FAILED", "Access denied to the destination bucket")
    settings(fail_snapshots=False)
    assert state.segment_exports()["snapshot_failure"] is None


def test_a_snapshot_needs_its_segment_and_a_destination(client, domain, segment):
    status, code, message = _error(
        lambda: client.create_segment_snapshot(
            DomainName=domain, SegmentDefinitionName="nope", DataFormat="CSV", DestinationUri=S3
        )
    )
    assert (status, code) == (404, "ResourceNotFoundException") and "nope" in message
    status, code, message = _error(
        lambda: client.create_segment_snapshot(DomainName=domain, SegmentDefinitionName=segment, DataFormat="CSV")
    )
    assert (status, code) == (400, "BadRequestException") and "DestinationUri must be provided" in message
    for uri in ("https://bucket/key", "s3://Bad_Bucket/x", "s3://b"):
        status, code, message = _error(
            lambda uri=uri: client.create_segment_snapshot(
                DomainName=domain, SegmentDefinitionName=segment, DataFormat="CSV", DestinationUri=uri
            )
        )
        assert (status, code) == (400, "BadRequestException") and "s3://" in message
    status, code, message = _error(
        lambda: client.create_segment_snapshot(
            DomainName=domain, SegmentDefinitionName=segment, DataFormat="CSV", DestinationUri=S3, EncryptionKey="k"
        )
    )
    assert (status, code) == (400, "BadRequestException") and "EncryptionKey" in message


def test_a_snapshot_is_read_under_its_segment_and_goes_with_it(client, domain, segment):
    snapshot_id = client.create_segment_snapshot(
        DomainName=domain, SegmentDefinitionName=segment, DataFormat="ORC", DestinationUri=S3
    )["SnapshotId"]
    status, code, _message = _error(
        lambda: client.get_segment_snapshot(DomainName=domain, SegmentDefinitionName=segment, SnapshotId="0" * 32)
    )
    assert (status, code) == (404, "ResourceNotFoundException")
    client.delete_segment_definition(DomainName=domain, SegmentDefinitionName=segment)
    client.create_segment_definition(
        DomainName=domain, SegmentDefinitionName=segment, DisplayName="Paris", SegmentGroups=city_is("Paris")
    )
    status, code, _message = _error(
        lambda: client.get_segment_snapshot(DomainName=domain, SegmentDefinitionName=segment, SnapshotId=snapshot_id)
    )
    assert (status, code) == (404, "ResourceNotFoundException")


def test_an_estimate_counts_the_matching_profiles_after_the_polls_set(client, domain, profiles, settings):  # pylint: disable=unused-argument
    settings(estimate_polls=2)
    created = client.create_segment_estimate(DomainName=domain, SegmentQuery=city_is("Paris", "Lyon"))
    assert created["DomainName"] == domain and created["StatusCode"] == 200
    answers = [client.get_segment_estimate(DomainName=domain, EstimateId=created["EstimateId"]) for _poll in range(3)]
    assert [answer["Status"] for answer in answers] == ["RUNNING", "RUNNING", "SUCCEEDED"]
    assert "Estimate" not in answers[0] and answers[2]["Estimate"] == "3"
    exclusive = {
        "Groups": [
            {
                "Dimensions": [
                    {"ProfileAttributes": {"Address": {"City": {"DimensionType": "EXCLUSIVE", "Values": ["Paris"]}}}}
                ]
            }
        ]
    }
    estimate_id = client.create_segment_estimate(DomainName=domain, SegmentQuery=exclusive)["EstimateId"]
    for _poll in range(2):
        client.get_segment_estimate(DomainName=domain, EstimateId=estimate_id)
    assert client.get_segment_estimate(DomainName=domain, EstimateId=estimate_id)["Estimate"] == "2"


def test_an_estimate_follows_source_segments_as_membership_does(client, domain, profiles, segment):  # pylint: disable=unused-argument
    query = {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": segment}], "SourceType": "ALL"}]}
    estimate_id = client.create_segment_estimate(DomainName=domain, SegmentQuery=query)["EstimateId"]
    client.get_segment_estimate(DomainName=domain, EstimateId=estimate_id)
    answer = client.get_segment_estimate(DomainName=domain, EstimateId=estimate_id)
    assert (answer["Status"], answer["Estimate"]) == ("SUCCEEDED", "2")


def test_an_estimate_the_emulator_cannot_evaluate_fails_saying_so(client, domain, profiles, settings):  # pylint: disable=unused-argument
    settings(estimate_polls=0)
    estimate_id = client.create_segment_estimate(DomainName=domain, SegmentSqlQuery="SELECT * FROM profiles")[
        "EstimateId"
    ]
    answer = client.get_segment_estimate(DomainName=domain, EstimateId=estimate_id)
    assert answer["Status"] == "FAILED" and "SQL" in answer["Message"] and "Estimate" not in answer
    client.create_segment_definition(
        DomainName=domain, SegmentDefinitionName="sql", DisplayName="Sql", SegmentSqlQuery="SELECT * FROM profiles"
    )
    query = {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": "sql"}]}]}
    estimate_id = client.create_segment_estimate(DomainName=domain, SegmentQuery=query)["EstimateId"]
    answer = client.get_segment_estimate(DomainName=domain, EstimateId=estimate_id)
    assert answer["Status"] == "FAILED" and "SQL segments" in answer["Message"]


def test_an_estimate_needs_one_query_and_existing_references(client, domain, raw_client):
    status, code, message = _error(lambda: client.create_segment_estimate(DomainName=domain))
    assert (status, code) == (400, "BadRequestException") and "Exactly one" in message
    query = {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": "gone"}]}]}
    status, code, message = _error(lambda: client.create_segment_estimate(DomainName=domain, SegmentQuery=query))
    assert (status, code) == (404, "ResourceNotFoundException") and "gone" in message
    status, code, _message = _error(lambda: client.get_segment_estimate(DomainName=domain, EstimateId="nope"))
    assert (status, code) == (404, "ResourceNotFoundException")
    status, code, _message = _error(
        lambda: raw_client.create_segment_snapshot(
            DomainName=domain, SegmentDefinitionName="x", DataFormat="XML", DestinationUri=S3
        )
    )
    assert (status, code) == (400, "BadRequestException")  # the model's enum, checked by the emulator's validator


def test_estimates_make_nothing_lasting_a_domain_lists(client, domain, profiles):  # pylint: disable=unused-argument
    client.create_segment_estimate(DomainName=domain, SegmentQuery=city_is("Paris"))
    assert client.list_segment_definitions(DomainName=domain)["Items"] == []


def test_segment_export_settings_are_checked_and_reset(settings):
    for bad in (dict(snapshot_polls=-1), dict(estimate_polls=True), dict(snapshot_failure="")):
        with pytest.raises(ValueError):
            settings(**bad)
    settings(snapshot_polls=3, estimate_polls=4, snapshot_failure="no")
    assert state.segment_exports() == {"snapshot_polls": 3, "estimate_polls": 4, "snapshot_failure": "no"}
    emulator.reset()
    assert state.segment_exports() == state.SEGMENT_EXPORT_DEFAULTS

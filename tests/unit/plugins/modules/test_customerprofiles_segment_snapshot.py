# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_segment_snapshot against the in-process emulator: results, changed flags and API calls."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import segment_snapshot
from call_log import assert_fails_naming
from call_log import operations
from call_log import writes
from module_docs import doc_spec_differences
from module_docs import documented_options

DOMAIN = "exports-domain"
MODULE = "customerprofiles_segment_snapshot"
SEGMENT = "paris"
S3 = "s3://exports-bucket/segments/paris/"
ROLE = "arn:aws:iam::123456789012:role/exports"
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
PARIS = {
    "Groups": [
        {
            "Dimensions": [
                {"ProfileAttributes": {"Address": {"City": {"DimensionType": "INCLUSIVE", "Values": ["Paris"]}}}}
            ]
        }
    ],
    "Include": "ALL",
}


@pytest.fixture
def segment(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_client.create_segment_definition(
        DomainName=DOMAIN, SegmentDefinitionName=SEGMENT, DisplayName="Paris", SegmentGroups=PARIS
    )
    cp_mock.reset_calls()
    return SEGMENT


def args(**extra):
    result = dict(domain_name=DOMAIN, segment_definition_name=SEGMENT, data_format="CSV", destination_uri=S3)
    result.update(extra)
    return dict((key, value) for key, value in result.items() if value is not None)


def described(snapshot_id, **extra):
    """A COMPLETED CSV snapshot with ROLE as the module returns it."""
    snapshot = dict(snapshot_id=snapshot_id, status="COMPLETED", data_format="CSV", destination_uri=S3, role_arn=ROLE)
    return dict(snapshot, domain_name=DOMAIN, segment_definition_name=SEGMENT, **extra)


def test_the_documentation_is_the_argument_spec():
    assert doc_spec_differences(documented_options(MODULE), segment_snapshot.SEGMENT_SNAPSHOT_ARGUMENT_SPEC) == []


def test_a_snapshot_is_created_and_waited_for_until_completed(run_module, cp_mock, segment, wait_clock):
    cp_mock.set_segment_exports(snapshot_polls=3)
    result = run_module(MODULE, args(role_arn=ROLE, encryption_key=KEY))
    assert result["changed"] is True, result
    snapshot = result["segment_snapshot"]
    assert snapshot["status"] == "COMPLETED" and len(snapshot["snapshot_id"]) == 32
    assert snapshot == described(snapshot["snapshot_id"], encryption_key=KEY)
    # the segment read first, one create, then polls until done (three IN_PROGRESS answers, then COMPLETED)
    assert operations(cp_mock) == ["GetSegmentDefinition", "CreateSegmentSnapshot"] + ["GetSegmentSnapshot"] * 4
    assert wait_clock.slept == [1, 2, 4]  # growing pauses, on the fake clock


def test_every_run_exports_again(run_module, cp_mock, segment, wait_clock):
    first = run_module(MODULE, args())
    second = run_module(MODULE, args())
    assert first["changed"] is True and second["changed"] is True
    assert first["segment_snapshot"]["snapshot_id"] != second["segment_snapshot"]["snapshot_id"]
    assert writes(cp_mock) == ["CreateSegmentSnapshot", "CreateSegmentSnapshot"]


def test_without_wait_the_snapshot_is_returned_as_it_is(run_module, cp_mock, segment, wait_clock):
    result = run_module(MODULE, args(wait=False), diff=True)
    assert result["changed"] is True and result["segment_snapshot"]["status"] == "IN_PROGRESS"
    assert operations(cp_mock) == ["GetSegmentDefinition", "CreateSegmentSnapshot", "GetSegmentSnapshot"]
    assert result["diff"]["before"] == {} and result["diff"]["after"] == result["segment_snapshot"]
    assert wait_clock.slept == []


def test_a_failed_snapshot_fails_the_task_with_its_message(run_module, cp_mock, segment, wait_clock):
    cp_mock.set_segment_exports(snapshot_failure="Access denied to the destination bucket")
    result = run_module(MODULE, args())
    assert result.failed and result["changed"] is True, result
    assert "FAILED: Access denied to the destination bucket" in result["msg"]
    assert result["segment_snapshot"]["status"] == "FAILED"
    assert result["segment_snapshot"]["status_message"] == "Access denied to the destination bucket"


def test_a_snapshot_still_in_progress_after_wait_timeout_fails_saying_how_to_read_it(
    run_module, cp_mock, segment, wait_clock
):
    cp_mock.set_segment_exports(snapshot_polls=1000)
    result = run_module(MODULE, args(wait_timeout=60))
    assert result.failed and result["changed"] is True
    snapshot_id = result["segment_snapshot"]["snapshot_id"]
    assert "still IN_PROGRESS after wait_timeout=60" in result["msg"] and "snapshot_id=" + snapshot_id in result["msg"]
    assert sum(wait_clock.slept) == 60  # bounded: the last pause is cut to the time left
    # reading it later with snapshot_id writes nothing and waits for it
    cp_mock.set_segment_exports(snapshot_polls=0)
    cp_mock.reset_calls()
    again = run_module(MODULE, dict(domain_name=DOMAIN, segment_definition_name=SEGMENT, snapshot_id=snapshot_id))
    assert again["changed"] is False, again
    assert again["segment_snapshot"]["snapshot_id"] == snapshot_id
    assert writes(cp_mock) == []


def test_reading_a_snapshot_by_id_waits_for_it_and_writes_nothing(run_module, cp_mock, cp_client, segment, wait_clock):
    cp_mock.set_segment_exports(snapshot_polls=2)
    snapshot_id = cp_client.create_segment_snapshot(
        DomainName=DOMAIN, SegmentDefinitionName=SEGMENT, DataFormat="ORC", DestinationUri=S3
    )["SnapshotId"]
    cp_mock.reset_calls()
    result = run_module(MODULE, dict(domain_name=DOMAIN, segment_definition_name=SEGMENT, snapshot_id=snapshot_id))
    assert result["changed"] is False and result["segment_snapshot"]["status"] == "COMPLETED"
    assert result["segment_snapshot"]["data_format"] == "ORC"
    assert writes(cp_mock) == [] and operations(cp_mock).count("GetSegmentSnapshot") == 3
    missing = run_module(MODULE, dict(domain_name=DOMAIN, segment_definition_name=SEGMENT, snapshot_id="0" * 32))
    assert missing.failed and missing["msg"].startswith("snapshot_id: ") and missing["changed"] is False


def test_check_mode_writes_nothing_and_returns_the_request(run_module, cp_mock, segment):
    result = run_module(MODULE, args(role_arn=ROLE), check_mode=True, diff=True)
    assert result["changed"] is True, result
    assert result["segment_snapshot"] == described(None)
    assert operations(cp_mock) == ["GetSegmentDefinition"]


@pytest.mark.parametrize("check_mode", [False, True])
def test_a_missing_segment_is_refused_naming_the_option_before_any_write(run_module, cp_mock, segment, check_mode):
    result = run_module(MODULE, args(segment_definition_name="nowhere"), check_mode=check_mode)
    assert result.failed and result["changed"] is False
    assert result["msg"].startswith("segment_definition_name: segment definition nowhere does not exist")
    assert operations(cp_mock) == ["GetSegmentDefinition"]


@pytest.mark.parametrize(
    "extra, option",
    [
        (dict(data_format="XML"), "data_format"),
        (dict(data_format=None), "data_format is required"),
        (dict(destination_uri=None), "destination_uri is required"),
        (dict(destination_uri="s3://" + "b" * 260), "destination_uri"),
        (dict(role_arn="arn:aws:sts::role"), "role_arn"),
        (dict(encryption_key="k" * 300), "encryption_key"),
        (dict(wait_timeout=-1), "wait_timeout"),
        (dict(snapshot_id="not-an-id", data_format=None, destination_uri=None), "snapshot_id"),
        (dict(segment_definition_name="bad name!"), "segment_definition_name"),
    ],
)
def test_bad_input_fails_before_any_call_naming_the_option(run_module, cp_mock, segment, extra, option):
    result = run_module(MODULE, args(**extra))
    value = next((value for value in extra.values() if isinstance(value, str) and len(value) > 3), None)
    assert_fails_naming(result, cp_mock, option, value)


def test_snapshot_id_with_create_options_is_refused(run_module, cp_mock, segment):
    result = run_module(MODULE, args(snapshot_id="0" * 32))
    assert result.failed and "mutually exclusive" in result["msg"]
    assert operations(cp_mock) == []

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_segment_estimate_info against the in-process emulator: the counts of the emulator's profiles,
failures and validation."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import segment_definition
from ansible_collections.awscx.customerprofiles.plugins.module_utils import segment_estimate
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
from call_log import assert_fails_naming
from call_log import operations
from module_docs import doc_spec_differences
from module_docs import documented_options

DOMAIN = "estimates-domain"
MODULE = "customerprofiles_segment_estimate_info"
ESTIMATE = ["CreateSegmentEstimate", "GetSegmentEstimate", "GetSegmentEstimate"]  # RUNNING once, then done


def city(*cities, kind="INCLUSIVE", tier=None):
    attributes = {"address": {"city": {"dimension_type": kind, "values": list(cities)}}}
    if tier:
        attributes["attributes"] = {"Tier": {"dimension_type": "INCLUSIVE", "values": [tier]}}
    return {"include": "ALL", "groups": [{"type": "ALL", "dimensions": [{"profile_attributes": attributes}]}]}


@pytest.fixture
def people(cp_mock, cp_client):
    """Five profiles: two gold in Paris, one silver in Paris, one in Lyon, one without an address."""
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    for number, (town, tier) in enumerate((("Paris", "gold"), ("Paris", "gold"), ("Paris", "silver"), ("Lyon", None))):
        extra = {"Attributes": {"Tier": tier}} if tier else {}
        cp_client.create_profile(DomainName=DOMAIN, AccountNumber="A%d" % number, Address={"City": town}, **extra)
    cp_client.create_profile(DomainName=DOMAIN, AccountNumber="A9")
    cp_mock.reset_calls()


def test_the_documentation_is_the_argument_spec():
    assert doc_spec_differences(documented_options(MODULE), segment_estimate.SEGMENT_ESTIMATE_ARGUMENT_SPEC) == []


def test_the_query_options_are_the_segment_definitions_own():
    spec = segment_estimate.SEGMENT_ESTIMATE_ARGUMENT_SPEC["segment_groups"]
    assert spec["options"] is segment_definition.SEGMENT_DEFINITION_ARGUMENT_SPEC["segment_groups"]["options"]


@pytest.mark.parametrize(
    "segment_groups, count",
    [
        (city("Paris"), 3),
        (city("Paris", tier="gold"), 2),
        (city("Paris", "Lyon"), 4),
        (city("Paris", kind="EXCLUSIVE"), 2),  # Lyon and the profile without an address
        (city("Rome"), 0),
    ],
)
def test_the_estimate_counts_the_matching_profiles(run_module, cp_mock, people, wait_clock, segment_groups, count):
    result = run_module(MODULE, dict(domain_name=DOMAIN, segment_groups=segment_groups))
    assert result["changed"] is False, result
    assert (result["status"], result["estimate"], result["profile_count"]) == ("SUCCEEDED", str(count), count)
    assert result["estimate_id"] and result["message"] is None
    assert operations(cp_mock) == ESTIMATE and wait_clock.slept == [1]


def test_check_mode_runs_the_same(run_module, cp_mock, people, wait_clock):
    result = run_module(MODULE, dict(domain_name=DOMAIN, segment_groups=city("Lyon")), check_mode=True)
    assert result["changed"] is False and result["profile_count"] == 1
    assert operations(cp_mock) == ESTIMATE


def test_an_estimate_that_polls_longer_is_waited_for(run_module, cp_mock, people, wait_clock):
    cp_mock.set_segment_exports(estimate_polls=4)
    result = run_module(MODULE, dict(domain_name=DOMAIN, segment_groups=city("Paris")))
    assert result["profile_count"] == 3 and wait_clock.slept == [1, 2, 4, 8]
    cp_mock.set_segment_exports(estimate_polls=1000)
    timed_out = run_module(MODULE, dict(domain_name=DOMAIN, segment_groups=city("Paris"), wait_timeout=30))
    assert timed_out.failed and "still RUNNING after wait_timeout=30" in timed_out["msg"]
    assert timed_out["status"] == "RUNNING" and timed_out["estimate_id"] and timed_out["changed"] is False


def test_a_query_the_emulator_cannot_evaluate_fails_with_the_services_message(run_module, cp_mock, people, wait_clock):
    result = run_module(MODULE, dict(domain_name=DOMAIN, segment_sql_query="SELECT * FROM profiles"))
    assert result.failed and result["changed"] is False
    assert "FAILED: The emulator cannot evaluate this segment query" in result["msg"]
    assert result["status"] == "FAILED" and result["profile_count"] is None and "SQL" in result["msg"]
    assert operations(cp_mock) == ESTIMATE


def test_a_source_segment_is_evaluated_and_a_missing_one_refused_naming_its_path(
    run_module, cp_mock, cp_client, people, wait_clock
):
    query = {"groups": [{"source_segments": [{"segment_definition_name": "parisians"}], "source_type": "ALL"}]}
    missing = run_module(MODULE, dict(domain_name=DOMAIN, segment_groups=query))
    assert missing.failed
    assert missing["msg"].startswith(
        "segment_groups.groups[0].source_segments[0].segment_definition_name: segment definition parisians does not "
        "exist"
    )
    assert operations(cp_mock) == ["GetSegmentDefinition"]  # no estimate started
    cp_client.create_segment_definition(
        DomainName=DOMAIN,
        SegmentDefinitionName="parisians",
        DisplayName="Parisians",
        SegmentGroups=to_api(city("Paris"), segment_definition.VERBATIM),
    )
    cp_mock.reset_calls()
    result = run_module(MODULE, dict(domain_name=DOMAIN, segment_groups=query))
    assert result["profile_count"] == 3
    assert operations(cp_mock) == ["GetSegmentDefinition"] + ESTIMATE


@pytest.mark.parametrize(
    "module_args, option, value",
    [
        (
            dict(segment_groups=city("Paris", kind="SOMETIMES")),
            "segment_groups.groups[0].dimensions[0].profile_attributes.address.city.dimension_type",
            "SOMETIMES",
        ),
        (dict(segment_groups=dict(city("Paris"), include="MOST")), "segment_groups.include", "MOST"),
        (dict(segment_groups={"groups": [{"dimensions": [{}]}]}), "segment_groups.groups[0].dimensions[0]", None),
        (dict(segment_sql_query=""), "segment_sql_query", None),
        (dict(segment_groups=city("Paris"), segment_sql_query="SELECT 1"), "mutually exclusive", None),
        (dict(), "one of the following is required", None),
        (dict(segment_groups=city("Paris"), wait_timeout=-5), "wait_timeout", None),
        (dict(segment_groups=city("Paris"), domain_name="bad domain!"), "domain_name", None),
    ],
)
def test_bad_input_fails_before_any_call_naming_the_option(run_module, cp_mock, people, module_args, option, value):
    result = run_module(MODULE, dict(dict(domain_name=DOMAIN), **module_args))
    assert_fails_naming(result, cp_mock, option, value)

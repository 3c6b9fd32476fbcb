# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_segment_definition_info (with segment membership) against the in-process emulator."""

import pytest

import emulator
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from call_log import assert_fails_naming
from call_log import operations

DOMAIN = "analytics-domain"
TIER_GOLD = {
    "Include": "ALL",
    "Groups": [
        {
            "Type": "ALL",
            "Dimensions": [
                {"ProfileAttributes": {"Attributes": {"Tier": {"DimensionType": "INCLUSIVE", "Values": ["gold"]}}}}
            ],
        }
    ],
}


@pytest.fixture
def domain(cp_mock, cp_client):
    """A domain with two segment definitions: gold (profiles whose Tier attribute is gold) and sql."""
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_client.create_segment_definition(
        DomainName=DOMAIN, SegmentDefinitionName="gold", DisplayName="Gold", SegmentGroups=TIER_GOLD
    )
    cp_client.create_segment_definition(
        DomainName=DOMAIN, SegmentDefinitionName="sql", DisplayName="SQL", SegmentSqlQuery="SELECT 1"
    )
    emulator.reset_calls()
    return DOMAIN


def test_segment_definition_info_every_one(run_module, cp_mock, domain):
    result = run_module("customerprofiles_segment_definition_info", dict(domain_name=DOMAIN))
    segments = result["segment_definitions"]
    assert [item["segment_definition_name"] for item in segments] == ["gold", "sql"]
    assert segments[0]["segment_groups"]["groups"][0]["dimensions"][0]["profile_attributes"]["attributes"] == {
        "Tier": {"dimension_type": "INCLUSIVE", "values": ["gold"]}
    }
    assert segments[1]["segment_sql_query"] == "SELECT 1"
    assert "segment_membership" not in result
    assert operations(cp_mock) == ["ListSegmentDefinitions", "GetSegmentDefinition", "GetSegmentDefinition"]


def test_segment_membership_of_profiles(run_module, cp_mock, cp_client, domain):
    gold = cp_client.create_profile(DomainName=DOMAIN, FirstName="Ada", Attributes={"Tier": "gold"})["ProfileId"]
    silver = cp_client.create_profile(DomainName=DOMAIN, FirstName="Bob", Attributes={"Tier": "silver"})["ProfileId"]
    unknown = "0" * 32
    emulator.reset_calls()
    result = run_module(
        "customerprofiles_segment_definition_info",
        dict(domain_name=DOMAIN, name="gold", profile_ids=[gold, silver, unknown]),
    )
    assert not result.failed, result
    membership = result["segment_membership"]
    assert membership["segment_definition_name"] == "gold"
    assert [(item["profile_id"], item["query_result"]) for item in membership["profiles"]] == [
        (gold, "PRESENT"),
        (silver, "ABSENT"),
    ]
    assert membership["profiles"][0]["profile"]["first_name"] == "Ada"
    assert membership["profiles"][0]["profile"]["attributes"] == {"Tier": "gold"}
    assert "profile" not in membership["profiles"][1]
    assert [(item["profile_id"], item["status"]) for item in membership["failures"]] == [(unknown, 404)]
    assert membership["last_computed_at"]
    assert operations(cp_mock) == ["GetSegmentDefinition", "GetSegmentMembership"]


def test_segment_membership_of_a_missing_segment_is_empty_without_a_call(run_module, cp_mock, domain):
    result = run_module(
        "customerprofiles_segment_definition_info", dict(domain_name=DOMAIN, name="nothing", profile_ids=["a" * 32])
    )
    assert result["segment_definitions"] == [] and result["segment_membership"] == {}
    assert operations(cp_mock) == ["GetSegmentDefinition"]


def test_profile_ids_need_the_segment_name(run_module, cp_mock, domain):
    result = run_module("customerprofiles_segment_definition_info", dict(domain_name=DOMAIN, profile_ids=["a" * 32]))
    assert result.failed and "segment_definition_name" in result["msg"]
    assert operations(cp_mock) == []


def test_a_bad_profile_id_fails_before_any_call(run_module, cp_mock, domain):
    result = run_module(
        "customerprofiles_segment_definition_info", dict(domain_name=DOMAIN, name="gold", profile_ids=["not-an-id"])
    )
    assert_fails_naming(result, cp_mock, "profile_ids[0]", "not-an-id")


def test_membership_needs_a_botocore_that_has_the_operation(run_module, cp_mock, domain, monkeypatch):
    monkeypatch.setattr(model, "has_operation", lambda operation: operation != "GetSegmentMembership")
    result = run_module(
        "customerprofiles_segment_definition_info", dict(domain_name=DOMAIN, name="gold", profile_ids=["a" * 32])
    )
    assert result.failed
    assert "GetSegmentMembership" in result["msg"] and "botocore" in result["msg"]
    assert operations(cp_mock) == []


def test_a_bad_domain_name_fails_before_any_call(run_module, cp_mock):
    result = run_module("customerprofiles_segment_definition_info", dict(domain_name="bad domain!"))
    assert_fails_naming(result, cp_mock, "domain_name", "bad domain!")

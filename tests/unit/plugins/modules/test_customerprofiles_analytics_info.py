# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_calculated_attribute_info and customerprofiles_segment_definition_info (with membership)."""

import pytest
from analytics_helpers import DOMAIN
from analytics_helpers import assert_fails_naming

import emulator
from ansible_collections.awscx.customerprofiles.plugins.module_utils import model
from call_log import operations
from connect_helpers import make_order_type

DETAILS = {"Attributes": [{"Name": "Order.Total"}], "Expression": "{Order.Total}"}
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
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    make_order_type(cp_mock, cp_client, DOMAIN)
    for index in range(3):
        cp_client.create_calculated_attribute_definition(
            DomainName=DOMAIN,
            CalculatedAttributeName="attribute_{0}".format(index),
            AttributeDetails=DETAILS,
            Statistic="SUM",
            Tags={"Index": str(index)},
        )
    cp_client.create_segment_definition(
        DomainName=DOMAIN, SegmentDefinitionName="gold", DisplayName="Gold", SegmentGroups=TIER_GOLD
    )
    cp_client.create_segment_definition(
        DomainName=DOMAIN, SegmentDefinitionName="sql", DisplayName="SQL", SegmentSqlQuery="SELECT 1"
    )
    emulator.reset_calls()
    return DOMAIN


def test_calculated_attribute_info_one(run_module, cp_mock, domain):
    result = run_module("customerprofiles_calculated_attribute_info", dict(domain_name=DOMAIN, name="attribute_1"))
    assert result["changed"] is False
    assert [item["calculated_attribute_name"] for item in result["calculated_attributes"]] == ["attribute_1"]
    item = result["calculated_attributes"][0]
    assert item["attribute_details"] == {"attributes": [{"name": "Order.Total"}], "expression": "{Order.Total}"}
    assert item["statistic"] == "SUM" and item["status"] == "COMPLETED" and item["tags"] == {"Index": "1"}
    assert operations(cp_mock) == ["GetCalculatedAttributeDefinition"]


def test_calculated_attribute_info_missing_is_an_empty_list(run_module, cp_mock, domain):
    result = run_module("customerprofiles_calculated_attribute_info", dict(domain_name=DOMAIN, name="nothing"))
    assert result["calculated_attributes"] == [] and not result.failed


def test_calculated_attribute_info_every_one_all_pages(run_module, cp_mock, cp_client, domain, monkeypatch):
    from ansible_collections.awscx.customerprofiles.plugins.module_utils import core

    original = core.paginate
    monkeypatch.setattr(
        "ansible_collections.awscx.customerprofiles.plugins.module_utils.core.paginate",
        lambda call, key, **params: original(call, key, page_size=2, **params),
    )
    result = run_module("customerprofiles_calculated_attribute_info", dict(domain_name=DOMAIN))
    assert [item["calculated_attribute_name"] for item in result["calculated_attributes"]] == [
        "attribute_0",
        "attribute_1",
        "attribute_2",
    ]
    assert all(item["statistic"] == "SUM" for item in result["calculated_attributes"])
    assert operations(cp_mock) == ["ListCalculatedAttributeDefinitions"] * 2 + ["GetCalculatedAttributeDefinition"] * 3


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


def test_info_of_a_bad_domain_name_fails_before_any_call(run_module, cp_mock):
    for module in ("customerprofiles_calculated_attribute_info", "customerprofiles_segment_definition_info"):
        result = run_module(module, dict(domain_name="bad domain!"))
        assert_fails_naming(result, cp_mock, "domain_name", "bad domain!")

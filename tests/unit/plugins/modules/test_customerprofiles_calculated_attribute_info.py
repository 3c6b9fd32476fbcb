# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_calculated_attribute_info against the in-process emulator."""

import pytest

import emulator
from call_log import assert_fails_naming
from call_log import operations
from connect_helpers import make_order_type

DOMAIN = "analytics-domain"
DETAILS = {"Attributes": [{"Name": "Order.Total"}], "Expression": "{Order.Total}"}


@pytest.fixture
def domain(cp_mock, cp_client):
    """A domain with an Order object type and three calculated attributes (attribute_0 to attribute_2)."""
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
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import core

    original = core.paginate
    monkeypatch.setattr(
        "ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core.paginate",
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


def test_a_bad_domain_name_fails_before_any_call(run_module, cp_mock):
    result = run_module("customerprofiles_calculated_attribute_info", dict(domain_name="bad domain!"))
    assert_fails_naming(result, cp_mock, "domain_name", "bad domain!")

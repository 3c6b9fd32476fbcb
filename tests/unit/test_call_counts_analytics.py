# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Call counts of customerprofiles_calculated_attribute and customerprofiles_segment_definition (and their _info).

A no-op is one read and no write, a create or update the read plus exactly the writes it needs (a segment
definition is read back once after its create, whose answer lacks the definition), a recreate one delete and
one create, check mode no write.
"""

import pytest

from connect_helpers import make_order_type

DOMAIN = "calls-analytics"
CA = "customerprofiles_calculated_attribute"
SD = "customerprofiles_segment_definition"
DETAILS = {"attributes": [{"name": "Order.Total"}], "expression": "{Order.Total}"}
GROUPS = {
    "groups": [
        {"dimensions": [{"profile_attributes": {"first_name": {"dimension_type": "INCLUSIVE", "values": ["Ada"]}}}]}
    ]
}


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    make_order_type(cp_mock, cp_client, DOMAIN)
    return DOMAIN


def counted(cp_mock, run_module, name, args, check_mode=False):
    """(operations, writes) of one run with a clean call log."""
    cp_mock.reset_calls()
    result = run_module(name, args, check_mode=check_mode)
    assert not result.failed, result
    calls = cp_mock.calls()
    return [c["operation"] for c in calls], [c["operation"] for c in calls if c["kind"] == "write"]


def ca_args(**extra):
    return dict(
        dict(domain_name=DOMAIN, name="spend", attribute_details=DETAILS, statistic="SUM", tags={"T": "1"}), **extra
    )


def sd_args(**extra):
    return dict(
        dict(domain_name=DOMAIN, name="ada", display_name="Ada", segment_groups=GROUPS, tags={"T": "1"}), **extra
    )


GET_CA = "GetCalculatedAttributeDefinition"
GET_SD = "GetSegmentDefinition"


def test_calculated_attribute_counts(run_module, cp_mock, domain):
    assert counted(cp_mock, run_module, CA, ca_args(), check_mode=True) == ([GET_CA], [])
    assert counted(cp_mock, run_module, CA, ca_args()) == (
        [GET_CA, "CreateCalculatedAttributeDefinition"],
        ["CreateCalculatedAttributeDefinition"],
    )
    assert counted(cp_mock, run_module, CA, ca_args()) == ([GET_CA], [])
    assert counted(cp_mock, run_module, CA, ca_args(display_name="Spend"), check_mode=True) == ([GET_CA], [])
    update = "UpdateCalculatedAttributeDefinition"
    assert counted(cp_mock, run_module, CA, ca_args(display_name="Spend", description="d")) == (
        [GET_CA, update],
        [update],
    )
    assert counted(cp_mock, run_module, CA, ca_args(tags={"T": "2"})) == ([GET_CA, "TagResource"], ["TagResource"])
    replace = ["DeleteCalculatedAttributeDefinition", "CreateCalculatedAttributeDefinition"]
    assert counted(cp_mock, run_module, CA, ca_args(statistic="COUNT", recreate=True), check_mode=True) == (
        [GET_CA],
        [],
    )
    assert counted(cp_mock, run_module, CA, ca_args(statistic="COUNT", recreate=True)) == ([GET_CA] + replace, replace)
    # the segment definitions that may use it are read first (none here)
    assert counted(cp_mock, run_module, CA, dict(domain_name=DOMAIN, name="spend", state="absent")) == (
        [GET_CA, "ListSegmentDefinitions", "DeleteCalculatedAttributeDefinition"],
        ["DeleteCalculatedAttributeDefinition"],
    )
    assert counted(cp_mock, run_module, CA, dict(domain_name=DOMAIN, name="spend", state="absent")) == ([GET_CA], [])


def test_segment_definition_counts(run_module, cp_mock, domain):
    assert counted(cp_mock, run_module, SD, sd_args(), check_mode=True) == ([GET_SD], [])
    assert counted(cp_mock, run_module, SD, sd_args()) == (
        [GET_SD, "CreateSegmentDefinition", GET_SD],
        ["CreateSegmentDefinition"],
    )
    assert counted(cp_mock, run_module, SD, sd_args()) == ([GET_SD], [])
    assert counted(cp_mock, run_module, SD, sd_args(tags={"T": "2"})) == ([GET_SD, "TagResource"], ["TagResource"])
    replace = ["DeleteSegmentDefinition", "CreateSegmentDefinition"]
    assert counted(cp_mock, run_module, SD, sd_args(description="d", recreate=True), check_mode=True) == ([GET_SD], [])
    assert counted(cp_mock, run_module, SD, sd_args(description="d", recreate=True)) == (
        [GET_SD] + replace + [GET_SD],
        replace,
    )
    assert counted(cp_mock, run_module, SD, dict(domain_name=DOMAIN, name="ada", state="absent")) == (
        [GET_SD, "DeleteSegmentDefinition"],
        ["DeleteSegmentDefinition"],
    )
    assert counted(cp_mock, run_module, SD, dict(domain_name=DOMAIN, name="ada", state="absent")) == ([GET_SD], [])


def test_info_counts(run_module, cp_mock, cp_client, domain):
    run_module(CA, ca_args())
    run_module(SD, sd_args())
    assert counted(cp_mock, run_module, CA + "_info", dict(domain_name=DOMAIN, name="spend")) == ([GET_CA], [])
    assert counted(cp_mock, run_module, CA + "_info", dict(domain_name=DOMAIN)) == (
        ["ListCalculatedAttributeDefinitions", GET_CA],
        [],
    )
    assert counted(cp_mock, run_module, SD + "_info", dict(domain_name=DOMAIN)) == (
        ["ListSegmentDefinitions", GET_SD],
        [],
    )
    assert counted(cp_mock, run_module, SD + "_info", dict(domain_name=DOMAIN, name="ada", profile_ids=["a" * 32])) == (
        [GET_SD, "GetSegmentMembership"],
        [],
    )

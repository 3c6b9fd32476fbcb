# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Call counts of customerprofiles_calculated_attribute and customerprofiles_segment_definition (and their _info).

A no-op is one read and no write, a create or update the read plus exactly the writes it needs (a segment
definition is read back once after its create, whose answer lacks the definition), a recreate one delete and
one create, check mode no write.
"""

import pytest

from call_log import writes
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


def test_calculated_attribute_counts(run_logged, cp_mock, domain):
    result, operations = run_logged(CA, ca_args(), check_mode=True)
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_CA], [])
    result, operations = run_logged(CA, ca_args())
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        [GET_CA, "CreateCalculatedAttributeDefinition"],
        ["CreateCalculatedAttributeDefinition"],
    )
    result, operations = run_logged(CA, ca_args())
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_CA], [])
    result, operations = run_logged(CA, ca_args(display_name="Spend"), check_mode=True)
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_CA], [])
    update = "UpdateCalculatedAttributeDefinition"
    result, operations = run_logged(CA, ca_args(display_name="Spend", description="d"))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        [GET_CA, update],
        [update],
    )
    result, operations = run_logged(CA, ca_args(tags={"T": "2"}))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_CA, "TagResource"], ["TagResource"])
    replace = ["DeleteCalculatedAttributeDefinition", "CreateCalculatedAttributeDefinition"]
    result, operations = run_logged(CA, ca_args(statistic="COUNT", recreate=True), check_mode=True)
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        [GET_CA],
        [],
    )
    result, operations = run_logged(CA, ca_args(statistic="COUNT", recreate=True))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_CA] + replace, replace)
    # the segment definitions that may use it are read first (none here)
    result, operations = run_logged(CA, dict(domain_name=DOMAIN, name="spend", state="absent"))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        [GET_CA, "ListSegmentDefinitions", "DeleteCalculatedAttributeDefinition"],
        ["DeleteCalculatedAttributeDefinition"],
    )
    result, operations = run_logged(CA, dict(domain_name=DOMAIN, name="spend", state="absent"))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_CA], [])


def test_segment_definition_counts(run_logged, cp_mock, domain):
    result, operations = run_logged(SD, sd_args(), check_mode=True)
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_SD], [])
    result, operations = run_logged(SD, sd_args())
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        [GET_SD, "CreateSegmentDefinition", GET_SD],
        ["CreateSegmentDefinition"],
    )
    result, operations = run_logged(SD, sd_args())
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_SD], [])
    result, operations = run_logged(SD, sd_args(tags={"T": "2"}))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_SD, "TagResource"], ["TagResource"])
    replace = ["DeleteSegmentDefinition", "CreateSegmentDefinition"]
    result, operations = run_logged(SD, sd_args(description="d", recreate=True), check_mode=True)
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_SD], [])
    result, operations = run_logged(SD, sd_args(description="d", recreate=True))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        [GET_SD] + replace + [GET_SD],
        replace,
    )
    result, operations = run_logged(SD, dict(domain_name=DOMAIN, name="ada", state="absent"))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        [GET_SD, "DeleteSegmentDefinition"],
        ["DeleteSegmentDefinition"],
    )
    result, operations = run_logged(SD, dict(domain_name=DOMAIN, name="ada", state="absent"))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_SD], [])


def test_info_counts(run_module, run_logged, cp_mock, cp_client, domain):
    run_module(CA, ca_args())
    run_module(SD, sd_args())
    result, operations = run_logged(CA + "_info", dict(domain_name=DOMAIN, name="spend"))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == ([GET_CA], [])
    result, operations = run_logged(CA + "_info", dict(domain_name=DOMAIN))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        ["ListCalculatedAttributeDefinitions", GET_CA],
        [],
    )
    result, operations = run_logged(SD + "_info", dict(domain_name=DOMAIN))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        ["ListSegmentDefinitions", GET_SD],
        [],
    )
    result, operations = run_logged(SD + "_info", dict(domain_name=DOMAIN, name="ada", profile_ids=["a" * 32]))
    assert not result.failed, result
    assert (operations, writes(cp_mock)) == (
        [GET_SD, "GetSegmentMembership"],
        [],
    )

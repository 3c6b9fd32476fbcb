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
    update = "UpdateCalculatedAttributeDefinition"
    replace = ["DeleteCalculatedAttributeDefinition", "CreateCalculatedAttributeDefinition"]
    runs = [
        (CA, ca_args(), True, ([GET_CA], [])),
        (
            CA,
            ca_args(),
            False,
            ([GET_CA, "CreateCalculatedAttributeDefinition"], ["CreateCalculatedAttributeDefinition"]),
        ),
        (CA, ca_args(), False, ([GET_CA], [])),
        (CA, ca_args(display_name="Spend"), True, ([GET_CA], [])),
        (CA, ca_args(display_name="Spend", description="d"), False, ([GET_CA, update], [update])),
        (CA, ca_args(tags={"T": "2"}), False, ([GET_CA, "TagResource"], ["TagResource"])),
        (CA, ca_args(statistic="COUNT", recreate=True), True, ([GET_CA], [])),
        (CA, ca_args(statistic="COUNT", recreate=True), False, ([GET_CA] + replace, replace)),
        # the segment definitions that may use it are read first (none here)
        (
            CA,
            dict(domain_name=DOMAIN, name="spend", state="absent"),
            False,
            (
                [GET_CA, "ListSegmentDefinitions", "DeleteCalculatedAttributeDefinition"],
                ["DeleteCalculatedAttributeDefinition"],
            ),
        ),
        (CA, dict(domain_name=DOMAIN, name="spend", state="absent"), False, ([GET_CA], [])),
    ]
    for module, options, check_mode, expected in runs:
        result, operations = run_logged(module, options, check_mode=check_mode)
        assert not result.failed, result
        assert (operations, writes(cp_mock)) == expected, (module, options, check_mode)


def test_segment_definition_counts(run_logged, cp_mock, domain):
    replace = ["DeleteSegmentDefinition", "CreateSegmentDefinition"]
    runs = [
        (SD, sd_args(), True, ([GET_SD], [])),
        (SD, sd_args(), False, ([GET_SD, "CreateSegmentDefinition", GET_SD], ["CreateSegmentDefinition"])),
        (SD, sd_args(), False, ([GET_SD], [])),
        (SD, sd_args(tags={"T": "2"}), False, ([GET_SD, "TagResource"], ["TagResource"])),
        (SD, sd_args(description="d", recreate=True), True, ([GET_SD], [])),
        (SD, sd_args(description="d", recreate=True), False, ([GET_SD] + replace + [GET_SD], replace)),
        (
            SD,
            dict(domain_name=DOMAIN, name="ada", state="absent"),
            False,
            ([GET_SD, "DeleteSegmentDefinition"], ["DeleteSegmentDefinition"]),
        ),
        (SD, dict(domain_name=DOMAIN, name="ada", state="absent"), False, ([GET_SD], [])),
    ]
    for module, options, check_mode, expected in runs:
        result, operations = run_logged(module, options, check_mode=check_mode)
        assert not result.failed, result
        assert (operations, writes(cp_mock)) == expected, (module, options, check_mode)


def test_info_counts(run_module, run_logged, cp_mock, cp_client, domain):
    run_module(CA, ca_args())
    run_module(SD, sd_args())
    runs = [
        (CA + "_info", dict(domain_name=DOMAIN, name="spend"), False, ([GET_CA], [])),
        (CA + "_info", dict(domain_name=DOMAIN), False, (["ListCalculatedAttributeDefinitions", GET_CA], [])),
        (SD + "_info", dict(domain_name=DOMAIN), False, (["ListSegmentDefinitions", GET_SD], [])),
        (
            SD + "_info",
            dict(domain_name=DOMAIN, name="ada", profile_ids=["a" * 32]),
            False,
            ([GET_SD, "GetSegmentMembership"], []),
        ),
    ]
    for module, options, check_mode, expected in runs:
        result, operations = run_logged(module, options, check_mode=check_mode)
        assert not result.failed, result
        assert (operations, writes(cp_mock)) == expected, (module, options, check_mode)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""No data lost by omission: a run that does not mention a profile field or a domain setting leaves it
exactly as stored, while the run changes something else."""

import copy

import pytest
from reliability_helpers import DOMAIN

from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import PROFILE_FIELD_SPEC

KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
DLQ = "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"
S3 = {"S3Exporting": {"S3BucketName": "results-bucket", "S3KeyName": "matches/"}}

FULL_DOMAIN = dict(
    DefaultExpirationDays=30,
    DefaultEncryptionKey=KMS,
    DeadLetterQueueUrl=DLQ,
    Matching={
        "Enabled": True,
        "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "03:00"},
        "AutoMerging": {
            "Enabled": True,
            "Consolidation": {"MatchingAttributesList": [["EmailAddress"], ["PhoneNumber", "LastName"]]},
            "ConflictResolution": {"ConflictResolvingModel": "SOURCE", "SourceName": "crm"},
            "MinAllowedConfidenceScoreForMerging": 0.8,
        },
        "ExportingConfig": S3,
    },
    RuleBasedMatching={
        "Enabled": True,
        "MatchingRules": [{"Rule": ["EmailAddress"]}, {"Rule": ["PhoneNumber", "LastName"]}],
        "MaxAllowedRuleLevelForMerging": 2,
        "MaxAllowedRuleLevelForMatching": 3,
        "AttributeTypesSelector": {
            "AttributeMatchingModel": "ONE_TO_ONE",
            "EmailAddress": ["EmailAddress"],
            "Address": ["Address"],
        },
        "ConflictResolution": {"ConflictResolvingModel": "RECENCY"},
        "ExportingConfig": S3,
    },
    DataStore={"Enabled": True},
    Tags={"Env": "prod", "CostCenter": "crm"},
)

# (stored path the run must not touch, the run's options: a change to something else)
DOMAIN_ROWS = [
    (("DefaultExpirationDays",), dict(dead_letter_queue_url=DLQ + "-2")),
    (("DefaultEncryptionKey",), dict(default_expiration_days=60)),
    (("DeadLetterQueueUrl",), dict(default_expiration_days=60)),
    (("Matching",), dict(default_expiration_days=60)),
    (("RuleBasedMatching",), dict(default_expiration_days=60)),
    (("DataStore",), dict(default_expiration_days=60)),
    (("Tags",), dict(default_expiration_days=60)),
]


def dig(data, path):
    for key in path:
        data = data[key]
    return data


@pytest.mark.parametrize("path, change", DOMAIN_ROWS, ids=[".".join(row[0]) for row in DOMAIN_ROWS])
def test_domain_setting_left_out_is_untouched(run_module, cp_mock, cp_client, path, change):
    cp_client.create_domain(DomainName=DOMAIN, **copy.deepcopy(FULL_DOMAIN))
    before = cp_client.get_domain(DomainName=DOMAIN)

    result = run_module("customerprofiles_domain", dict(change, domain_name=DOMAIN))

    assert result["changed"] is True, result
    after = cp_client.get_domain(DomainName=DOMAIN)
    assert dig(after, path) == dig(before, path)
    assert dig(after, path) == dig(FULL_DOMAIN, path) or path[-1] == "RuleBasedMatching"  # (+ read-only Status)


# A block that is given is the complete block (as in amazon.aws and Terraform): a sub-option left out of
# it is not kept from the stored block. (stored path the run drops, the run's options)
BLOCK_ROWS = [
    (("Matching", "JobSchedule"), dict(matching=dict(enabled=False))),
    (
        ("Matching", "AutoMerging"),
        dict(matching=dict(enabled=True, job_schedule=dict(day_of_the_week="FRIDAY", time="04:00"))),
    ),
    (("Matching", "ExportingConfig"), dict(matching=dict(enabled=True, auto_merging=dict(enabled=False)))),
    (
        ("Matching", "AutoMerging", "Consolidation"),
        dict(
            matching=dict(enabled=True, auto_merging=dict(enabled=True, min_allowed_confidence_score_for_merging=0.5))
        ),
    ),
    (
        ("RuleBasedMatching", "MatchingRules"),
        dict(rule_based_matching=dict(enabled=True, max_allowed_rule_level_for_merging=1)),
    ),
    (
        ("RuleBasedMatching", "MaxAllowedRuleLevelForMatching"),
        dict(rule_based_matching=dict(enabled=True, max_allowed_rule_level_for_merging=1)),
    ),
    (
        ("RuleBasedMatching", "AttributeTypesSelector"),
        dict(rule_based_matching=dict(enabled=True, matching_rules=[dict(rule=["AccountNumber"])])),
    ),
    (("RuleBasedMatching", "ConflictResolution"), dict(rule_based_matching=dict(enabled=False))),
    (
        ("RuleBasedMatching", "ExportingConfig"),
        dict(rule_based_matching=dict(enabled=True, max_allowed_rule_level_for_matching=4)),
    ),
]


@pytest.mark.parametrize("path, change", BLOCK_ROWS, ids=[".".join(row[0]) for row in BLOCK_ROWS])
def test_sub_option_left_out_of_a_given_block_is_not_kept(run_module, cp_mock, cp_client, path, change):
    cp_client.create_domain(DomainName=DOMAIN, **copy.deepcopy(FULL_DOMAIN))
    assert path[-1] in dig(cp_client.get_domain(DomainName=DOMAIN), path[:-1])

    result = run_module("customerprofiles_domain", dict(change, domain_name=DOMAIN))

    assert result["changed"] is True, result
    after = cp_client.get_domain(DomainName=DOMAIN)
    parent = after
    for key in path[:-1]:
        parent = parent.get(key) or {}
    assert path[-1] not in parent


def _address(tag):
    """An address with every key the address options have (address_1 -> Address1, ...)."""
    keys = (
        "".join(part.capitalize() for part in option.split("_")) for option in PROFILE_FIELD_SPEC["address"]["options"]
    )
    return dict((key, "{0}-{1}".format(tag, key)) for key in keys)


FULL_PROFILE = dict(
    AccountNumber="A-1",
    AdditionalInformation="info",
    BirthDate="1815-12-10",
    BusinessEmailAddress="ada@business.example",
    BusinessName="Analytical Engines",
    BusinessPhoneNumber="+15555550101",
    EmailAddress="ada@example.com",
    FirstName="Ada",
    GenderString="woman",
    HomePhoneNumber="+15555550102",
    LastName="Lovelace",
    MiddleName="Augusta",
    MobilePhoneNumber="+15555550103",
    PartyTypeString="person",
    PersonalEmailAddress="ada@home.example",
    PhoneNumber="+15555550104",
    Address=_address("home"),
    BillingAddress=_address("billing"),
    MailingAddress=_address("mailing"),
    ShippingAddress=_address("shipping"),
    Attributes={"SSN": "123-45-6789", "loyalty_tier": "gold"},
    Gender="FEMALE",
    PartyType="INDIVIDUAL",
    ProfileType="PROFILE",
    EngagementPreferences={
        "Phone": [{"KeyName": "_phone", "KeyValue": "+15555550104", "ContactType": "PhoneNumber"}],
        "Email": [{"KeyName": "_email", "KeyValue": "ada@example.com", "ContactType": "EmailAddress"}],
    },
)

# Every field is a row (tests/unit/test_profile_fields.py checks FULL_PROFILE sets every field).
PROFILE_ROWS = sorted(member for member in FULL_PROFILE if member != "AccountNumber")


@pytest.mark.parametrize("member", PROFILE_ROWS)
def test_profile_field_left_out_is_untouched(run_module, cp_mock, cp_client, member):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    profile_id = cp_client.create_profile(DomainName=DOMAIN, **copy.deepcopy(FULL_PROFILE))["ProfileId"]
    # change one other field (and one attribute / one address key, merged into the stored blocks)
    change = dict(middle_name="Byron") if member != "MiddleName" else dict(first_name="Augusta Ada")
    if member not in ("Attributes", "Address"):
        change.update(attributes={"new_key": "x"}, address={"city": "London"})

    result = run_module("customerprofiles_profile", dict(change, domain_name=DOMAIN, account_number="A-1"))

    assert result["changed"] is True and result["profile_id"] == profile_id
    stored = cp_client.search_profiles(DomainName=DOMAIN, KeyName="_profileId", Values=[profile_id])["Items"][0]
    assert stored[member] == FULL_PROFILE[member]
    if "attributes" in change:
        assert stored["Attributes"] == dict(FULL_PROFILE["Attributes"], new_key="x")  # merged, nothing dropped
        assert stored["Address"] == dict(FULL_PROFILE["Address"], City="London")

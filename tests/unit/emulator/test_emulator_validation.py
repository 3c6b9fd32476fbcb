# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Request validation from the botocore model: every violation is HTTP 400 BadRequestException naming the member."""

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import add_body_members  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator
from call_log import entries
from emulator import validation


def _bad_request(call):
    with pytest.raises(ClientError) as excinfo:
        call()
    status, code, message = error_of(excinfo)
    assert (status, code) == (400, "BadRequestException"), message
    assert excinfo.value.response["ResponseMetadata"]["HTTPHeaders"]["x-amzn-errortype"] == "BadRequestException"
    return message


@pytest.mark.parametrize(
    "kwargs,member,fragment",
    [
        ({"DomainName": "d", "DefaultExpirationDays": 1099}, "defaultExpirationDays", "less than or equal to 1098"),
        ({"DomainName": "d", "DefaultExpirationDays": 0}, "defaultExpirationDays", "greater than or equal to 1"),
        ({"DomainName": "d", "DefaultExpirationDays": "ten"}, "defaultExpirationDays", "type integer"),
        ({"DomainName": "d"}, "defaultExpirationDays", "must not be null"),
        (
            {"DomainName": "d", "DefaultExpirationDays": 1, "DefaultEncryptionKey": "k" * 256},
            "defaultEncryptionKey",
            "length less than or equal to 255",
        ),
        ({"DomainName": "bad name!", "DefaultExpirationDays": 1}, "domainName", "regular expression pattern"),
        (
            {"DomainName": "d", "DefaultExpirationDays": 1, "Matching": {"Enabled": "yes"}},
            "matching.enabled",
            "type boolean",
        ),
        (
            {
                "DomainName": "d",
                "DefaultExpirationDays": 1,
                "Matching": {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "FUNDAY", "Time": "03:00"}},
            },
            "matching.jobSchedule.dayOfTheWeek",
            "enum value set",
        ),
        (
            {
                "DomainName": "d",
                "DefaultExpirationDays": 1,
                "Matching": {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "25:00"}},
            },
            "matching.jobSchedule.time",
            "regular expression pattern",
        ),
        (
            {
                "DomainName": "d",
                "DefaultExpirationDays": 1,
                "Matching": {"JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "03:00"}},
            },
            "matching.enabled",
            "must not be null",
        ),
        (
            {
                "DomainName": "d",
                "DefaultExpirationDays": 1,
                "RuleBasedMatching": {"Enabled": True, "MatchingRules": []},
            },
            "ruleBasedMatching.matchingRules",
            "length greater than or equal to 1",
        ),
        ({"DomainName": "d", "DefaultExpirationDays": 1, "Tags": {}}, "tags", "length greater than or equal to 1"),
        (
            {"DomainName": "d", "DefaultExpirationDays": 1, "Tags": {"aws:reserved": "x"}},
            "tags.aws:reserved.key",
            "regular expression pattern",
        ),
        (
            {
                "DomainName": "d",
                "DefaultExpirationDays": 1,
                "Matching": {
                    "Enabled": True,
                    "AutoMerging": {"Enabled": True, "MinAllowedConfidenceScoreForMerging": 1.5},
                },
            },
            "matching.autoMerging.minAllowedConfidenceScoreForMerging",
            "value less than or equal to 1",
        ),
    ],
)
def test_create_domain_validation(raw_client, kwargs, member, fragment):
    message = _bad_request(lambda: raw_client.create_domain(**kwargs))
    assert "'%s'" % member in message
    assert fragment in message
    assert message.startswith("1 validation error detected: ")
    assert emulator.backend().domains == {}


def test_several_errors_are_counted(raw_client):
    message = _bad_request(
        lambda: raw_client.create_domain(DomainName="d", DefaultExpirationDays=0, DeadLetterQueueUrl="q" * 300)
    )
    assert message.startswith("2 validation errors detected: ")
    assert "'defaultExpirationDays'" in message and "'deadLetterQueueUrl'" in message


def test_unknown_body_member(raw_client):
    add_body_members(raw_client, "CreateDomain", {"Bogus": 1})
    message = _bad_request(lambda: raw_client.create_domain(DomainName="d", DefaultExpirationDays=1))
    assert "'bogus'" in message and "Unknown member" in message


def test_unknown_nested_member(raw_client):
    add_body_members(raw_client, "CreateDomain", {"DataStore": {"Enabled": True, "Extra": 1}})
    message = _bad_request(lambda: raw_client.create_domain(DomainName="d", DefaultExpirationDays=1))
    assert "'dataStore.extra'" in message and "Unknown member" in message


def test_invalid_json_body(raw_client, domain):
    def _garbage(request, **kwargs):  # pylint: disable=unused-argument
        request.data = b"{not json"

    raw_client.meta.events.register("before-sign.customer-profiles.UpdateDomain", _garbage)
    assert "JSON" in _bad_request(lambda: raw_client.update_domain(DomainName=domain, DefaultExpirationDays=2))


@pytest.mark.parametrize(
    "kwargs,member,fragment",
    [
        ({"KeyName": "_email"}, "values", "must not be null"),
        ({"KeyName": "_email", "Values": ["a"], "LogicalOperator": "XOR"}, "logicalOperator", "enum value set"),
        ({"KeyName": "_email", "Values": ["a"], "MaxResults": 101}, "maxResults", "value less than or equal to 100"),
        ({"KeyName": "_email", "Values": ["a"], "MaxResults": 0}, "maxResults", "value greater than or equal to 1"),
        ({"KeyName": "_email", "Values": [""]}, "values.1.member", "length greater than or equal to 1"),
        ({"KeyName": "bad key", "Values": ["a"]}, "keyName", "regular expression pattern"),
        (
            {
                "KeyName": "_email",
                "Values": ["a"],
                "AdditionalSearchKeys": [{"KeyName": "_phone", "Values": ["1"]}] * 5,
            },
            "additionalSearchKeys",
            "length less than or equal to 4",
        ),
        (
            {"KeyName": "_email", "Values": ["a"], "AdditionalSearchKeys": [{"KeyName": "_phone"}]},
            "additionalSearchKeys.1.member.values",
            "must not be null",
        ),
    ],
)
def test_search_profiles_validation(raw_client, domain, kwargs, member, fragment):
    message = _bad_request(lambda: raw_client.search_profiles(DomainName=domain, **kwargs))
    assert "'%s'" % member in message and fragment in message


@pytest.mark.parametrize(
    "call,member,fragment",
    [
        (lambda c, d: c.create_profile(DomainName=d, Gender="ROBOT"), "gender", "enum value set"),
        (
            lambda c, d: c.create_profile(DomainName=d, Address={"City": ""}),
            "address.city",
            "length greater than or equal to 1",
        ),
        (
            lambda c, d: c.create_profile(DomainName=d, Attributes={"k": ""}),
            "attributes.k",
            "length greater than or equal to 1",
        ),
        (
            lambda c, d: c.create_profile(DomainName=d, FirstName="x" * 256),
            "firstName",
            "length less than or equal to 255",
        ),
        (lambda c, d: c.create_profile(DomainName=d, FirstName=5), "firstName", "type string"),
        (lambda c, d: c.update_profile(DomainName=d, FirstName="x"), "profileId", "must not be null"),
        (
            lambda c, d: c.update_profile(DomainName=d, ProfileId="not-a-uuid"),
            "profileId",
            "regular expression pattern",
        ),
        (lambda c, d: c.delete_profile(DomainName=d, ProfileId="A" * 32), "profileId", "regular expression pattern"),
        (
            lambda c, d: c.batch_get_profile(DomainName=d, ProfileIds=[]),
            "profileIds",
            "length greater than or equal to 1",
        ),
        (
            lambda c, d: c.batch_get_profile(DomainName=d, ProfileIds=["a" * 32] * 21),
            "profileIds",
            "length less than or equal to 20",
        ),
        (lambda c, d: c.list_domains(MaxResults=500), "maxResults", "value less than or equal to 100"),
        (
            lambda c, d: c.tag_resource(resourceArn="not-an-arn", tags={"a": "b"}),
            "resourceArn",
            "regular expression pattern",
        ),
        (
            lambda c, d: c.untag_resource(
                resourceArn="arn:aws:profile:us-east-1:123456789012:domains/%s" % d, tagKeys=[]
            ),
            "tagKeys",
            "must not be null",
        ),
        (
            lambda c, d: c.tag_resource(
                resourceArn="arn:aws:profile:us-east-1:123456789012:domains/%s" % d, tags={"a": "v" * 257}
            ),
            "tags.a",
            "length less than or equal to 256",
        ),
    ],
)
def test_other_operations_validation(raw_client, domain, call, member, fragment):
    message = _bad_request(lambda: call(raw_client, domain))
    assert "'%s'" % member in message and fragment in message


def test_update_profile_accepts_empty_strings(raw_client, domain):
    pid = raw_client.create_profile(DomainName=domain, FirstName="Ann")["ProfileId"]
    raw_client.update_profile(
        DomainName=domain, ProfileId=pid, FirstName="", Address={"City": ""}, Attributes={"k": ""}
    )
    assert emulator.backend().domains[domain].profiles[pid] == {"ProfileId": pid}


def test_validation_failures_are_logged(raw_client):
    _bad_request(lambda: raw_client.create_domain(DomainName="d", DefaultExpirationDays=5000))
    assert entries(emulator) == [
        ("CreateDomain", "write", 400, "BadRequestException", ["DefaultExpirationDays", "DomainName"])
    ]


def test_model_patterns_all_compile_or_are_recorded():
    # the patterns used by the emulated operations compile with Python's re
    for name in ("CreateDomain", "UpdateProfile", "TagResource", "SearchProfiles"):
        assert validation.operation_model(name).input_shape is not None
    assert validation.pattern_matches("[a-f0-9]{32}", "a" * 32)
    assert validation.pattern_matches(
        "^arn:[a-z0-9]{1,10}:profile", "arn:aws:profile:us-east-1:1:domains/x"
    )  # a prefix check
    assert validation.pattern_matches("\\p{L}+(", "anything")  # uncompilable: skipped and recorded
    assert "\\p{L}+(" in validation.SKIPPED_PATTERNS


@pytest.mark.parametrize(
    "pattern,value,matches",
    [
        # Smithy patterns are not implicitly anchored: an unanchored pattern is searched in the value
        ("[a-f0-9]{32}", "a" * 33, True),
        ("[a-f0-9]{32}", "x" + "0" * 32 + "y", True),
        ("[a-f0-9]{32}", "a" * 31, False),
        ("[a-f0-9]{32}", "A" * 32, False),
        # `$` is the end of the input, not "before a trailing newline" (Python's own `$`)
        ("^[a-zA-Z0-9_-]+$", "dom", True),
        ("^[a-zA-Z0-9_-]+$", "dom\n", False),
        ("^[a-zA-Z0-9_-]+$", "dom\nx", False),
        # `$` escaped or inside a character class is a literal
        ("^a\\$b$", "a$b", True),
        ("^[$]+$", "$$", True),
        ("^[^$]+$", "a$", False),
    ],
)
def test_pattern_dialect(pattern, value, matches):
    assert validation.pattern_matches(pattern, value) is matches


def test_unanchored_uuid_pattern_is_searched_end_to_end(raw_client, domain):
    # ProfileId's model pattern is [a-f0-9]{32}: a longer id passes validation and is then not found
    with pytest.raises(ClientError) as excinfo:
        raw_client.delete_profile(DomainName=domain, ProfileId="0" * 33)
    assert error_of(excinfo)[:2] == (404, "ResourceNotFoundException")


def test_trailing_newline_fails_an_end_anchored_pattern_end_to_end(raw_client):
    # DomainName ^[a-zA-Z0-9_-]+$ : "dom\n" (sent percent-encoded in the URI) does not match
    message = _bad_request(lambda: raw_client.create_domain(DomainName="dom\n", DefaultExpirationDays=1))
    assert "'domainName'" in message and "regular expression pattern" in message
    assert emulator.backend().domains == {}


def test_an_operation_without_a_backend_method_is_routed_and_answers_501(client, domain):
    """Every path of the model is routed: an operation the emulator does not emulate is validated, then 501."""
    with pytest.raises(ClientError) as excinfo:
        client.list_workflows(DomainName=domain)
    assert error_of(excinfo)[:2] == (501, "NotImplemented")
    assert entries(emulator)[-1] == ("ListWorkflows", "read", 501, "NotImplemented", ["DomainName"])

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Domain operations, tags and the rule-based-matching status hook (in-process)."""

import datetime

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import ACCOUNT  # pylint: disable=import-error
from emulator_test_helpers import REGION  # pylint: disable=import-error
from emulator_test_helpers import assert_reset  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error
from emulator_test_helpers import make_client  # pylint: disable=import-error

import emulator

ARN = "arn:aws:profile:%s:%s:domains/dom" % (REGION, ACCOUNT)
RBM = {
    "Enabled": True,
    "MatchingRules": [{"Rule": ["EmailAddress"]}],
    "MaxAllowedRuleLevelForMatching": 3,
    "AttributeTypesSelector": {"AttributeMatchingModel": "ONE_TO_ONE", "EmailAddress": ["EmailAddress"]},
}


def test_create_and_get_domain_all_fields(client):
    created = client.create_domain(
        DomainName="dom",
        DefaultExpirationDays=30,
        DefaultEncryptionKey="arn:aws:kms:us-east-1:123456789012:key/k",
        DeadLetterQueueUrl="https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
        Matching={"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "03:00"}},
        RuleBasedMatching=RBM,
        DataStore={"Enabled": False},
        Tags={"env": "test"},
    )
    assert created["DomainName"] == "dom"
    assert created["DefaultExpirationDays"] == 30
    assert created["Tags"] == {"env": "test"}
    assert created["RuleBasedMatching"]["Status"] == "ACTIVE"
    assert isinstance(created["CreatedAt"], datetime.datetime)
    got = client.get_domain(DomainName="dom")
    assert got["DefaultEncryptionKey"] == "arn:aws:kms:us-east-1:123456789012:key/k"
    assert got["DeadLetterQueueUrl"].endswith("/dlq")
    assert got["Matching"] == {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "03:00"}}
    assert got["RuleBasedMatching"]["MatchingRules"] == [{"Rule": ["EmailAddress"]}]
    assert got["RuleBasedMatching"]["Status"] == "ACTIVE"
    assert got["DataStore"] == {"Enabled": False}
    assert got["Stats"] == {"ProfileCount": 0, "MeteringProfileCount": 0, "ObjectCount": 0, "TotalSize": 0}
    assert got["Tags"] == {"env": "test"}
    assert got["CreatedAt"] == created["CreatedAt"]


def test_minimal_domain_has_no_optional_fields(client, domain):
    got = client.get_domain(DomainName=domain)
    for absent in ("DefaultEncryptionKey", "DeadLetterQueueUrl", "Matching", "RuleBasedMatching", "DataStore"):
        assert absent not in got
    assert got["Tags"] == {}


def test_create_existing_domain_is_bad_request(client, domain):
    with pytest.raises(ClientError) as excinfo:
        client.create_domain(DomainName=domain, DefaultExpirationDays=5)
    assert error_of(excinfo) == (400, "BadRequestException", "Domain dom already exists")


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.get_domain(DomainName="missing"),
        lambda c: c.update_domain(DomainName="missing", DefaultExpirationDays=3),
        lambda c: c.delete_domain(DomainName="missing"),
        lambda c: c.create_profile(DomainName="missing", FirstName="x"),
        lambda c: c.search_profiles(DomainName="missing", KeyName="_email", Values=["x"]),
    ],
)
def test_unknown_domain_is_404(client, call):
    with pytest.raises(ClientError) as excinfo:
        call(client)
    status, code, message = error_of(excinfo)
    assert (status, code) == (404, "ResourceNotFoundException")
    assert "missing" in message


def test_update_domain_merge_and_clear(client):
    client.create_domain(
        DomainName="dom",
        DefaultExpirationDays=30,
        DefaultEncryptionKey="key1",
        DeadLetterQueueUrl="https://q",
        Matching={"Enabled": True},
        Tags={"a": "1"},
    )
    before = client.get_domain(DomainName="dom")
    updated = client.update_domain(DomainName="dom", DefaultExpirationDays=40, Tags={"a": "2", "b": "3"})
    assert updated["DefaultExpirationDays"] == 40
    assert updated["DefaultEncryptionKey"] == "key1"  # omitted: stays
    assert updated["DeadLetterQueueUrl"] == "https://q"
    assert updated["Matching"] == {"Enabled": True}
    assert updated["Tags"] == {"a": "2", "b": "3"}
    assert updated["LastUpdatedAt"] > before["LastUpdatedAt"]
    assert updated["CreatedAt"] == before["CreatedAt"]
    cleared = client.update_domain(DomainName="dom", DefaultEncryptionKey="", DeadLetterQueueUrl="")
    assert "DefaultEncryptionKey" not in cleared and "DeadLetterQueueUrl" not in cleared
    assert cleared["LastUpdatedAt"] > updated["LastUpdatedAt"]
    got = client.get_domain(DomainName="dom")
    assert "DefaultEncryptionKey" not in got and "DeadLetterQueueUrl" not in got
    assert got["DefaultExpirationDays"] == 40


def test_update_domain_replaces_matching_blocks(client):
    client.create_domain(
        DomainName="dom",
        DefaultExpirationDays=30,
        Matching={"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "03:00"}},
        RuleBasedMatching=RBM,
    )
    client.update_domain(
        DomainName="dom", Matching={"Enabled": False}, RuleBasedMatching={"Enabled": False}, DataStore={"Enabled": True}
    )
    got = client.get_domain(DomainName="dom")
    assert got["Matching"] == {"Enabled": False}
    assert got["RuleBasedMatching"] == {"Enabled": False}
    assert got["DataStore"] == {"Enabled": True}


def test_rule_based_matching_in_progress_blocks_update(client):
    client.create_domain(DomainName="dom", DefaultExpirationDays=30, RuleBasedMatching=RBM)
    emulator.set_rule_based_matching_status("dom", "IN_PROGRESS")
    assert client.get_domain(DomainName="dom")["RuleBasedMatching"]["Status"] == "IN_PROGRESS"
    with pytest.raises(ClientError) as excinfo:
        client.update_domain(DomainName="dom", RuleBasedMatching={"Enabled": True, "MaxAllowedRuleLevelForMatching": 5})
    assert error_of(excinfo)[:2] == (400, "BadRequestException")
    # other fields may still change, and re-sending the same RuleBasedMatching is not a change
    client.update_domain(DomainName="dom", DefaultExpirationDays=9, RuleBasedMatching=RBM)
    emulator.set_rule_based_matching_status("dom", "ACTIVE")
    out = client.update_domain(
        DomainName="dom", RuleBasedMatching={"Enabled": True, "MaxAllowedRuleLevelForMatching": 5}
    )
    assert out["RuleBasedMatching"]["MaxAllowedRuleLevelForMatching"] == 5
    assert emulator.backend().domains["dom"].default_expiration_days == 9


def test_delete_domain_cascades_profiles(client, domain):
    client.create_profile(DomainName=domain, FirstName="A")
    assert len(emulator.backend().domains[domain].profiles) == 1
    assert "deleted" in client.delete_domain(DomainName=domain)["Message"]
    assert domain not in emulator.backend().domains
    client.create_domain(DomainName=domain, DefaultExpirationDays=30)
    assert client.get_domain(DomainName=domain)["Stats"]["ProfileCount"] == 0


def test_list_domains_paginates(client):
    names = ["d%03d" % i for i in range(25)]
    for name in names:
        client.create_domain(DomainName=name, DefaultExpirationDays=1, Tags={"n": name})
    first = client.list_domains()
    assert len(first["Items"]) == 20 and "NextToken" in first
    rest = client.list_domains(NextToken=first["NextToken"])
    assert "NextToken" not in rest
    assert [i["DomainName"] for i in first["Items"] + rest["Items"]] == names
    assert first["Items"][0]["Tags"] == {"n": "d000"}
    assert isinstance(first["Items"][0]["CreatedAt"], datetime.datetime)
    seen, token = [], None
    while True:
        page = client.list_domains(MaxResults=7, **({"NextToken": token} if token else {}))
        assert len(page["Items"]) <= 7
        seen += [i["DomainName"] for i in page["Items"]]
        token = page.get("NextToken")
        if not token:
            break
    assert seen == names


def test_list_domains_bad_token(client, domain):  # pylint: disable=unused-argument
    with pytest.raises(ClientError) as excinfo:
        client.list_domains(NextToken="garbage")
    assert error_of(excinfo)[:2] == (400, "BadRequestException")


KINESIS_STREAM = "arn:aws:kinesis:%s:%s:stream/s" % (REGION, ACCOUNT)


def test_tags_round_trip(client):
    created = client.create_domain(DomainName="dom", DefaultExpirationDays=30, Tags={"a": "1"})
    assert created["Tags"] == {"a": "1"}
    client.tag_resource(resourceArn=ARN, tags={"b": "2", "a": "9"})
    assert client.list_tags_for_resource(resourceArn=ARN)["tags"] == {"a": "9", "b": "2"}
    client.untag_resource(resourceArn=ARN, tagKeys=["a", "nope"])
    assert client.list_tags_for_resource(resourceArn=ARN)["tags"] == {"b": "2"}
    assert client.get_domain(DomainName="dom")["Tags"] == {"b": "2"}
    assert emulator.backend().domains["dom"].arn == ARN


def test_deleted_resources_leave_no_tags_behind(client):
    """A domain (and its children) created again under the same ARN starts with only the tags it is given."""
    client.create_domain(DomainName="dom", DefaultExpirationDays=30, Tags={"a": "1"})
    client.create_event_stream(DomainName="dom", EventStreamName="s", Uri=KINESIS_STREAM, Tags={"s": "1"})
    client.delete_domain(DomainName="dom")
    assert client.create_domain(DomainName="dom", DefaultExpirationDays=30)["Tags"] == {}
    assert client.list_tags_for_resource(resourceArn=ARN)["tags"] == {}
    created = client.create_event_stream(DomainName="dom", EventStreamName="s", Uri=KINESIS_STREAM)
    assert client.list_tags_for_resource(resourceArn=created["EventStreamArn"])["tags"] == {}
    client.delete_event_stream(DomainName="dom", EventStreamName="s")
    assert emulator.backend().tag_store.tags.get(created["EventStreamArn"]) is None


def test_tags_unknown_arn_is_404(client, domain):  # pylint: disable=unused-argument
    other = "arn:aws:profile:%s:%s:domains/other" % (REGION, ACCOUNT)
    for call in (
        lambda: client.list_tags_for_resource(resourceArn=other),
        lambda: client.tag_resource(resourceArn=other, tags={"a": "b"}),
        lambda: client.untag_resource(resourceArn=other, tagKeys=["a"]),
    ):
        with pytest.raises(ClientError) as excinfo:
            call()
        assert error_of(excinfo)[:2] == (404, "ResourceNotFoundException")


def test_regions_are_separate(client, domain):  # pylint: disable=unused-argument
    other = make_client(region="eu-west-2")
    assert other.list_domains()["Items"] == []
    other.create_domain(DomainName="dom", DefaultExpirationDays=1)
    assert other.get_domain(DomainName="dom")["DefaultExpirationDays"] == 1
    assert client.get_domain(DomainName="dom")["DefaultExpirationDays"] == 30
    assert emulator.backend("eu-west-2").domains["dom"].arn.startswith("arn:aws:profile:eu-west-2:")


def test_state_is_clean_on_each_mock_start():
    from moto import mock_aws  # pylint: disable=import-outside-toplevel

    emulator.register()
    with mock_aws():
        make_client().create_domain(DomainName="leftover", DefaultExpirationDays=1)
        assert "leftover" in emulator.backend().domains
    with mock_aws():
        assert make_client().list_domains()["Items"] == []
        assert emulator.backend().domains == {}


def test_emulator_reset_clears_everything(client, domain):  # pylint: disable=unused-argument
    emulator.inject_fault("GetDomain", count=5)
    emulator.reset()
    assert_reset(client, emulator.calls(), "dom")

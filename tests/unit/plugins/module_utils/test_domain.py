# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""module_utils/domain.py: plans, predictions, descriptions and validation (no API calls)."""

import datetime

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import domain as d


def params(**extra):
    result = dict((name, None) for name in d.DOMAIN_ARGUMENT_SPEC)
    result.update(domain_name="dom", state="present", purge_tags=True, force=False)
    result.update(extra)
    return result


CURRENT = {
    "DomainName": "dom",
    "DefaultExpirationDays": 30,
    "DeadLetterQueueUrl": "https://sqs.example/q",
    "Matching": {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "1:00"}},
    "RuleBasedMatching": {"Enabled": True, "Status": "ACTIVE", "MatchingRules": [{"Rule": ["A"]}]},
    "Stats": {"ProfileCount": 2},
    "Tags": {"Keep": "1", "Drop": "2"},
}


def test_domain_arn():
    assert d.domain_arn("123456789012", "eu-west-1", "dom") == "arn:aws:profile:eu-west-1:123456789012:domains/dom"


def test_describe_domain():
    stamp = datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone.utc)
    described = d.describe_domain(dict(CURRENT, CreatedAt=stamp, ResponseMetadata={}))
    assert described["dead_letter_queue_url"] == "https://sqs.example/q"
    assert described["matching"]["job_schedule"] == {"day_of_the_week": "MONDAY", "time": "1:00"}
    assert described["rule_based_matching"]["status"] == "ACTIVE"
    assert described["stats"] == {"profile_count": 2}
    assert described["tags"] == {"Keep": "1", "Drop": "2"}
    assert described["created_at"] == "2024-01-02T00:00:00+00:00"
    assert "response_metadata" not in described
    assert d.describe_domain(None) == {}
    assert d.describe_domain({"DomainName": "x"})["tags"] == {}


def test_update_plan_nothing_to_do():
    request, to_remove, tags = d.update_plan(CURRENT, params(default_expiration_days=30, matching={"enabled": True}, rule_based_matching={"enabled": True}))
    assert request == {}
    assert to_remove == []
    assert tags == CURRENT["Tags"]


def test_update_plan_merges_blocks_without_read_only_members():
    request = d.update_plan(CURRENT, params(rule_based_matching={"enabled": True, "max_allowed_rule_level_for_merging": 2}))[0]
    assert request == {"RuleBasedMatching": {"Enabled": True, "MatchingRules": [{"Rule": ["A"]}], "MaxAllowedRuleLevelForMerging": 2}}


def test_update_plan_clear_and_tags():
    request, to_remove, tags = d.update_plan(CURRENT, params(dead_letter_queue_url="", default_encryption_key="", tags={"Keep": "1", "New": 5}))
    assert request == {"DeadLetterQueueUrl": "", "Tags": {"New": "5"}}
    assert to_remove == ["Drop"]
    assert tags == {"Keep": "1", "New": "5"}


def test_predict_update_keeps_status_and_stats():
    request, dummy, tags = d.update_plan(CURRENT, params(dead_letter_queue_url="", rule_based_matching={"enabled": False}))
    after = d.predict_update(CURRENT, request, tags)
    assert "DeadLetterQueueUrl" not in after
    assert after["RuleBasedMatching"]["Status"] == "ACTIVE"
    assert after["RuleBasedMatching"]["Enabled"] is False
    assert after["Stats"] == CURRENT["Stats"]


def test_create_request_and_prediction():
    request = d.create_request(params(default_expiration_days=7, dead_letter_queue_url="", tags={"A": "b"}, data_store={"enabled": True}))
    assert request == {"DomainName": "dom", "DefaultExpirationDays": 7, "DataStore": {"Enabled": True}, "Tags": {"A": "b"}}
    predicted = d.predict_create(request)
    assert predicted["Stats"]["ProfileCount"] == 0
    assert predicted["Tags"] == {"A": "b"}


@pytest.mark.parametrize("value, ok", [("0:00", True), ("09:59", True), ("23:59", True), ("24:00", False), ("7:60", False), ("noon", False)])
def test_job_time_rule(value, ok):
    errors = d.validate_domain_options(params(matching={"enabled": True, "job_schedule": {"day_of_the_week": "MONDAY", "time": value}}))
    assert (errors == []) is ok


def test_validation_collects_every_error():
    bad_rules = {"enabled": True, "max_allowed_rule_level_for_merging": 0}
    errors = d.validate_domain_options(params(domain_name="bad name", default_expiration_days=2000, rule_based_matching=bad_rules))
    assert len(errors) == 3
    assert any(e.startswith("domain_name") for e in errors)
    assert any(e.startswith("default_expiration_days") for e in errors)
    assert any(e.startswith("rule_based_matching.max_allowed_rule_level_for_merging") for e in errors)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""module_utils/domain.py: the pure plan, predictions, descriptions and validation (no API calls)."""

import datetime

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import domain as d
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import DomainContents
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current


def params(**extra):
    result = dict((name, None) for name in d.DOMAIN_ARGUMENT_SPEC)
    result.update(domain_name="dom", state="present", purge_tags=True, force=False)
    result.update(extra)
    return result


CURRENT_MATCHING = {"enabled": True, "job_schedule": {"day_of_the_week": "MONDAY", "time": "1:00"}}
CURRENT = {
    "DomainName": "dom",
    "DefaultExpirationDays": 30,
    "DeadLetterQueueUrl": "https://sqs.example/q",
    "Matching": {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "1:00"}},
    "RuleBasedMatching": {"Enabled": True, "Status": "ACTIVE", "MatchingRules": [{"Rule": ["A"]}]},
    "Stats": {"ProfileCount": 2},
    "Tags": {"Keep": "1", "Drop": "2"},
}


class FakeModule:
    check_mode = False

    def __init__(self, module_params):
        self.params = module_params


def plan(current, **extra):
    resource = d.DomainResource(FakeModule(params(**extra)), client=None)
    # what read() finds besides the domain for state=absent: the profiles of its Stats, no other content
    stats = (current or {}).get("Stats", {})
    return resource.plan(Current(current, contents=DomainContents({"profiles": stats.get("ProfileCount", 0)})))


def methods(result):
    return [call.method for call in result.calls]


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
    result = plan(
        CURRENT,
        default_expiration_days=30,
        matching=CURRENT_MATCHING,
        rule_based_matching={"enabled": True, "matching_rules": [{"rule": ["A"]}]},
    )
    assert result.calls == []
    assert result.changed is False
    assert result.after["Tags"] == CURRENT["Tags"]


def test_update_plan_sends_the_given_block_whole_without_read_only_members():
    result = plan(CURRENT, rule_based_matching={"enabled": True, "max_allowed_rule_level_for_merging": 2})
    assert methods(result) == ["update_domain"]
    assert result.calls[0].request == {
        "DomainName": "dom",
        "RuleBasedMatching": {"Enabled": True, "MaxAllowedRuleLevelForMerging": 2},
    }
    # the prediction keeps the read-only Status the service reports
    assert result.after["RuleBasedMatching"] == {
        "Enabled": True,
        "MaxAllowedRuleLevelForMerging": 2,
        "Status": "ACTIVE",
    }


def test_update_plan_clear_and_tags_go_through_tag_calls():
    result = plan(CURRENT, dead_letter_queue_url="", default_encryption_key="", tags={"Keep": "1", "New": 5})
    assert methods(result) == ["update_domain", "tag_resource", "untag_resource"]
    assert result.calls[0].request == {"DomainName": "dom", "DeadLetterQueueUrl": ""}
    assert result.calls[1].request == {"resourceArn": None, "tags": {"New": "5"}}
    assert result.calls[2].request == {"resourceArn": None, "tagKeys": ["Drop"]}
    assert result.after["Tags"] == {"Keep": "1", "New": "5"}
    assert "DeadLetterQueueUrl" not in result.after
    assert result.after["Stats"] == CURRENT["Stats"]


def test_tag_total_over_50_fails_before_any_call():
    with pytest.raises(d.PlanError, match="51 tags; at most 50"):
        plan(CURRENT, tags=dict(("k%d" % index, "v") for index in range(49)), purge_tags=False)


def test_create_request_and_prediction():
    result = plan(
        None, default_expiration_days=7, dead_letter_queue_url="", tags={"A": "b"}, data_store={"enabled": True}
    )
    assert methods(result) == ["create_domain"]
    assert result.calls[0].request == {
        "DomainName": "dom",
        "DefaultExpirationDays": 7,
        "DataStore": {"Enabled": True},
        "Tags": {"A": "b"},
    }
    assert result.after["Stats"]["ProfileCount"] == 0
    assert result.after["Tags"] == {"A": "b"}


def test_create_needs_the_expiration_days():
    with pytest.raises(d.PlanError, match="default_expiration_days is required"):
        plan(None)


def test_absent_with_profiles_needs_force():
    with pytest.raises(d.PlanError, match="force=true"):
        plan(CURRENT, state="absent")
    assert methods(plan(CURRENT, state="absent", force=True)) == ["delete_domain"]
    assert plan(None, state="absent").calls == []


def validate(**extra):
    return d.DomainResource(FakeModule(params(**extra)), client=None).validate()


@pytest.mark.parametrize(
    "value, ok", [("0:00", True), ("09:59", True), ("23:59", True), ("24:00", False), ("7:60", False), ("noon", False)]
)
def test_job_time_rule(value, ok):
    errors = validate(matching={"enabled": True, "job_schedule": {"day_of_the_week": "MONDAY", "time": value}})
    assert (errors == []) is ok


def test_validation_collects_every_error():
    bad_rules = {"enabled": True, "max_allowed_rule_level_for_merging": 0}
    errors = validate(domain_name="bad name", default_expiration_days=2000, rule_based_matching=bad_rules)
    assert len(errors) == 3
    assert any(e.startswith("domain_name") for e in errors)
    assert any(e.startswith("default_expiration_days") for e in errors)
    assert any(e.startswith("rule_based_matching.max_allowed_rule_level_for_merging") for e in errors)


def test_a_time_with_a_trailing_newline_breaks_the_pattern():
    """The model's dialect: $ is the end of the input, not "before a final newline" as in Python."""
    assert validate(matching={"enabled": True, "job_schedule": {"day_of_the_week": "MONDAY", "time": "9:30\n"}}) == [
        "matching.job_schedule.time must match the pattern ^([0-9]|0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$"
    ]

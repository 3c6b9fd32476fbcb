# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_domain against the in-process emulator: results, stored state and API calls."""

import pytest

from call_log import operations as ops
from call_log import writes
from domain_seed import DOMAIN_DELETE_READS as CONTENT_READS
from domain_seed import add_event_trigger
from domain_seed import seed_domain

MODULE = "customerprofiles_domain"
NAME = "unit-domain"
DLQ = "https://sqs.us-east-1.amazonaws.com/123456789012/profiles-dlq"
KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def stored(cp_client, name=NAME):
    domain = cp_client.get_domain(DomainName=name)
    domain.pop("ResponseMetadata")
    return domain


def make(cp_client, name=NAME, **extra):
    cp_client.create_domain(DomainName=name, DefaultExpirationDays=extra.pop("DefaultExpirationDays", 30), **extra)


def args(**extra):
    result = {"domain_name": NAME}
    result.update(extra)
    return result


def assert_idempotent(run_module, cp_mock, module_args):
    """A second identical run: not changed, exactly one read (GetDomain) and no write."""
    cp_mock.reset_calls()
    result = run_module(MODULE, module_args)
    assert not result.failed, result
    assert result["changed"] is False
    assert ops(cp_mock) == ["GetDomain"]
    return result


# ------------------------------------------------------------------ create


def test_create_makes_exactly_one_create_call_and_returns_the_domain(run_module, cp_mock, cp_client):
    result = run_module(MODULE, args(default_expiration_days=365, tags={"CostCenter": "retail"}))
    assert result["changed"] is True
    assert writes(cp_mock) == ["CreateDomain"]
    assert ops(cp_mock) == ["GetDomain", "CreateDomain"]
    domain = result["domain"]
    assert domain["domain_name"] == NAME
    assert domain["default_expiration_days"] == 365
    assert domain["tags"] == {"CostCenter": "retail"}
    assert domain["stats"]["profile_count"] == 0
    assert domain["created_at"] and domain["last_updated_at"]
    assert stored(cp_client)["DefaultExpirationDays"] == 365
    assert stored(cp_client)["Tags"] == {"CostCenter": "retail"}


def test_create_returns_what_get_domain_then_describes(run_module, cp_mock):
    created = run_module(
        MODULE, args(default_expiration_days=10, dead_letter_queue_url=DLQ, default_encryption_key=KMS)
    )
    again = assert_idempotent(
        run_module, cp_mock, args(default_expiration_days=10, dead_letter_queue_url=DLQ, default_encryption_key=KMS)
    )
    assert created["domain"] == again["domain"]


def test_create_with_every_block(run_module, cp_mock, cp_client):
    module_args = args(
        name=None,
        default_expiration_days=100,
        default_encryption_key=KMS,
        dead_letter_queue_url=DLQ,
        matching={
            "enabled": True,
            "job_schedule": {"day_of_the_week": "MONDAY", "time": "03:00"},
            "auto_merging": {
                "enabled": True,
                "consolidation": {"matching_attributes_list": [["EmailAddress"], ["PhoneNumber", "LastName"]]},
                "conflict_resolution": {"conflict_resolving_model": "SOURCE", "source_name": "crm"},
                "min_allowed_confidence_score_for_merging": 0.8,
            },
            "exporting_config": {"s3_exporting": {"s3_bucket_name": "my-results", "s3_key_name": "matches/"}},
        },
        rule_based_matching={
            "enabled": True,
            "matching_rules": [{"rule": ["EmailAddress"]}, {"rule": ["PhoneNumber", "LastName"]}],
            "max_allowed_rule_level_for_merging": 1,
            "max_allowed_rule_level_for_matching": 2,
            "attribute_types_selector": {"attribute_matching_model": "ONE_TO_ONE", "email_address": ["EmailAddress"]},
            "conflict_resolution": {"conflict_resolving_model": "RECENCY"},
            "exporting_config": {"s3_exporting": {"s3_bucket_name": "my-results"}},
        },
        data_store={"enabled": True},
    )
    del module_args["name"]
    result = run_module(MODULE, module_args)
    assert result["changed"] is True, result
    assert writes(cp_mock) == ["CreateDomain"]
    api = stored(cp_client)
    assert api["DefaultEncryptionKey"] == KMS
    assert api["DeadLetterQueueUrl"] == DLQ
    assert api["Matching"]["AutoMerging"]["Consolidation"]["MatchingAttributesList"] == [
        ["EmailAddress"],
        ["PhoneNumber", "LastName"],
    ]
    assert api["Matching"]["AutoMerging"]["ConflictResolution"] == {
        "ConflictResolvingModel": "SOURCE",
        "SourceName": "crm",
    }
    assert api["Matching"]["ExportingConfig"]["S3Exporting"] == {"S3BucketName": "my-results", "S3KeyName": "matches/"}
    assert api["RuleBasedMatching"]["MatchingRules"][1] == {"Rule": ["PhoneNumber", "LastName"]}
    assert api["RuleBasedMatching"]["MaxAllowedRuleLevelForMatching"] == 2
    assert api["DataStore"] == {"Enabled": True}
    domain = result["domain"]
    assert domain["matching"]["job_schedule"] == {"day_of_the_week": "MONDAY", "time": "03:00"}
    assert domain["matching"]["auto_merging"]["min_allowed_confidence_score_for_merging"] == 0.8
    assert domain["rule_based_matching"]["attribute_types_selector"] == {
        "attribute_matching_model": "ONE_TO_ONE",
        "email_address": ["EmailAddress"],
    }
    assert domain["data_store"] == {"enabled": True}
    assert_idempotent(run_module, cp_mock, module_args)


def test_create_accepts_the_name_alias(run_module, cp_mock, cp_client):
    result = run_module(MODULE, {"name": "aliased", "default_expiration_days": 5})
    assert result["changed"] is True
    assert stored(cp_client, "aliased")["DefaultExpirationDays"] == 5


def test_create_without_expiration_days_fails_naming_the_option(run_module, cp_mock, cp_client):
    result = run_module(MODULE, args())
    assert result.failed
    assert "default_expiration_days" in result["msg"]
    assert writes(cp_mock) == []
    assert cp_client.list_domains()["Items"] == []


def test_create_in_check_mode_writes_nothing_and_predicts(run_module, cp_mock, cp_client):
    result = run_module(
        MODULE, args(default_expiration_days=30, tags={"Env": "dev"}, matching={"enabled": True}), check_mode=True
    )
    assert result["changed"] is True
    assert writes(cp_mock) == []
    assert result["domain"]["domain_name"] == NAME
    assert result["domain"]["default_expiration_days"] == 30
    assert result["domain"]["tags"] == {"Env": "dev"}
    assert result["domain"]["matching"] == {"enabled": True}
    assert cp_client.list_domains()["Items"] == []


def test_create_with_diff(run_module, cp_mock):
    result = run_module(MODULE, args(default_expiration_days=30), diff=True)
    assert result["diff"]["before"] == {}
    assert result["diff"]["after"]["default_expiration_days"] == 30
    assert result["diff"]["after"] == result["domain"]


# ------------------------------------------------------------------ update


def test_change_expiration_days(run_module, cp_mock, cp_client):
    make(cp_client)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(default_expiration_days=90))
    assert result["changed"] is True
    assert writes(cp_mock) == ["UpdateDomain"]
    assert result["domain"]["default_expiration_days"] == 90
    assert result["domain"]["stats"]["profile_count"] == 0
    assert stored(cp_client)["DefaultExpirationDays"] == 90
    assert_idempotent(run_module, cp_mock, args(default_expiration_days=90))


def test_update_in_check_mode_writes_nothing_and_predicts_with_diff(run_module, cp_mock, cp_client):
    make(cp_client)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(default_expiration_days=90, dead_letter_queue_url=DLQ), check_mode=True, diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == []
    assert result["domain"]["default_expiration_days"] == 90
    assert result["domain"]["dead_letter_queue_url"] == DLQ
    assert result["diff"]["before"]["default_expiration_days"] == 30
    assert "dead_letter_queue_url" not in result["diff"]["before"]
    assert result["diff"]["after"] == result["domain"]
    assert stored(cp_client)["DefaultExpirationDays"] == 30


def test_check_mode_prediction_equals_the_real_result(run_module, cp_mock, cp_client):
    make(cp_client, Tags={"Old": "1"})
    module_args = args(
        default_expiration_days=45, dead_letter_queue_url=DLQ, tags={"New": "2"}, matching={"enabled": True}
    )
    predicted = run_module(MODULE, module_args, check_mode=True)["domain"]
    applied = run_module(MODULE, module_args)["domain"]
    predicted.pop("last_updated_at")
    applied.pop("last_updated_at")
    assert predicted == applied


def test_no_op_makes_one_read_and_no_write(run_module, cp_mock, cp_client):
    make(cp_client, Tags={"Env": "dev"})
    result = assert_idempotent(run_module, cp_mock, args(default_expiration_days=30, tags={"Env": "dev"}))
    assert result["domain"]["tags"] == {"Env": "dev"}


def test_omitted_options_leave_settings_untouched(run_module, cp_mock, cp_client):
    make(cp_client, DeadLetterQueueUrl=DLQ, DefaultEncryptionKey=KMS, Tags={"Env": "dev"}, Matching={"Enabled": True})
    result = assert_idempotent(run_module, cp_mock, args())
    assert result["domain"]["dead_letter_queue_url"] == DLQ
    assert result["domain"]["default_encryption_key"] == KMS
    assert result["domain"]["tags"] == {"Env": "dev"}


def test_no_op_in_check_mode(run_module, cp_mock, cp_client):
    make(cp_client)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(default_expiration_days=30), check_mode=True, diff=True)
    assert result["changed"] is False
    assert ops(cp_mock) == ["GetDomain"]
    assert result["diff"]["before"] == result["diff"]["after"]


@pytest.mark.parametrize(
    "option, member, value",
    [
        ("dead_letter_queue_url", "DeadLetterQueueUrl", DLQ),
        ("default_encryption_key", "DefaultEncryptionKey", KMS),
    ],
)
def test_set_then_clear_with_empty_string(run_module, cp_mock, cp_client, option, member, value):
    make(cp_client)
    result = run_module(MODULE, args(**{option: value}))
    assert result["changed"] is True
    assert stored(cp_client)[member] == value
    assert_idempotent(run_module, cp_mock, args(**{option: value}))

    cp_mock.reset_calls()
    result = run_module(MODULE, args(**{option: ""}))
    assert result["changed"] is True
    assert writes(cp_mock) == ["UpdateDomain"]
    assert option not in result["domain"]
    assert member not in stored(cp_client)
    assert_idempotent(run_module, cp_mock, args(**{option: ""}))


def test_clear_on_a_domain_without_the_setting_is_a_no_op(run_module, cp_mock, cp_client):
    make(cp_client)
    assert_idempotent(run_module, cp_mock, args(dead_letter_queue_url="", default_encryption_key=""))


# ------------------------------------------------------------------ matching


def test_enable_matching_with_schedule_then_disable_drops_the_rest(run_module, cp_mock, cp_client):
    make(cp_client)
    enable = args(matching={"enabled": True, "job_schedule": {"day_of_the_week": "TUESDAY", "time": "4:30"}})
    result = run_module(MODULE, enable)
    assert result["changed"] is True
    assert result["domain"]["matching"] == {
        "enabled": True,
        "job_schedule": {"day_of_the_week": "TUESDAY", "time": "4:30"},
    }
    assert stored(cp_client)["Matching"] == {
        "Enabled": True,
        "JobSchedule": {"DayOfTheWeek": "TUESDAY", "Time": "4:30"},
    }
    assert_idempotent(run_module, cp_mock, enable)

    cp_mock.reset_calls()
    disable = args(matching={"enabled": False})
    result = run_module(MODULE, disable)
    assert result["changed"] is True
    assert writes(cp_mock) == ["UpdateDomain"]
    # a given block is the complete block: the schedule left out of it is not kept
    assert stored(cp_client)["Matching"] == {"Enabled": False}
    assert result["domain"]["matching"] == {"enabled": False}
    assert_idempotent(run_module, cp_mock, disable)


def test_matching_block_given_is_the_complete_block(run_module, cp_mock, cp_client):
    make(
        cp_client,
        Matching={
            "Enabled": True,
            "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "01:00"},
            "AutoMerging": {
                "Enabled": True,
                "Consolidation": {"MatchingAttributesList": [["EmailAddress"]]},
                "MinAllowedConfidenceScoreForMerging": 0.5,
            },
        },
    )
    cp_mock.reset_calls()
    change = args(
        matching={"enabled": True, "auto_merging": {"enabled": True, "min_allowed_confidence_score_for_merging": 0.9}}
    )
    result = run_module(MODULE, change, diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == ["UpdateDomain"]
    assert stored(cp_client)["Matching"] == {
        "Enabled": True,
        "AutoMerging": {"Enabled": True, "MinAllowedConfidenceScoreForMerging": 0.9},
    }
    assert result["diff"]["after"]["matching"] == change["matching"]
    assert_idempotent(run_module, cp_mock, change)


def test_conflict_resolution_source_to_recency_drops_the_source_name(run_module, cp_mock, cp_client):
    """Issue 11: SOURCE -> RECENCY used to keep the old source_name, a configuration nobody wrote."""
    make(
        cp_client,
        Matching={
            "Enabled": True,
            "AutoMerging": {
                "Enabled": True,
                "ConflictResolution": {"ConflictResolvingModel": "SOURCE", "SourceName": "crm"},
            },
        },
    )
    change = args(
        matching={
            "enabled": True,
            "auto_merging": {"enabled": True, "conflict_resolution": {"conflict_resolving_model": "RECENCY"}},
        }
    )
    result = run_module(MODULE, change)
    assert result["changed"] is True
    assert stored(cp_client)["Matching"]["AutoMerging"]["ConflictResolution"] == {"ConflictResolvingModel": "RECENCY"}
    assert result["domain"]["matching"]["auto_merging"]["conflict_resolution"] == {
        "conflict_resolving_model": "RECENCY"
    }
    assert_idempotent(run_module, cp_mock, change)


def test_block_left_out_is_left_as_it_is(run_module, cp_mock, cp_client):
    make(
        cp_client,
        Matching={"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "01:00"}},
        DataStore={"Enabled": True},
    )
    assert_idempotent(run_module, cp_mock, args(default_expiration_days=30))
    assert stored(cp_client)["Matching"] == {
        "Enabled": True,
        "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "01:00"},
    }


def test_data_store(run_module, cp_mock, cp_client):
    make(cp_client)
    result = run_module(MODULE, args(data_store={"enabled": True}))
    assert result["changed"] is True
    assert stored(cp_client)["DataStore"] == {"Enabled": True}
    assert_idempotent(run_module, cp_mock, args(data_store={"enabled": True}))
    assert run_module(MODULE, args(data_store={"enabled": False}))["changed"] is True
    assert stored(cp_client)["DataStore"] == {"Enabled": False}


# ------------------------------------------------------------------ rule-based matching


def test_rule_based_matching_complete_block_and_idempotence(run_module, cp_mock, cp_client):
    make(cp_client)
    first = args(
        rule_based_matching={
            "enabled": True,
            "matching_rules": [{"rule": ["EmailAddress"]}],
            "max_allowed_rule_level_for_merging": 1,
        }
    )
    result = run_module(MODULE, first)
    assert result["changed"] is True
    assert result["domain"]["rule_based_matching"]["matching_rules"] == [{"rule": ["EmailAddress"]}]
    assert_idempotent(run_module, cp_mock, first)

    cp_mock.reset_calls()
    second = args(rule_based_matching={"enabled": True, "max_allowed_rule_level_for_matching": 3})
    result = run_module(MODULE, second)
    assert result["changed"] is True
    api = stored(cp_client)["RuleBasedMatching"]
    assert "MatchingRules" not in api
    assert "MaxAllowedRuleLevelForMerging" not in api
    assert api["MaxAllowedRuleLevelForMatching"] == 3
    assert "status" in result["domain"]["rule_based_matching"]
    assert_idempotent(run_module, cp_mock, second)


def test_rule_based_matching_change_refused_while_in_progress(run_module, cp_mock, cp_client):
    make(cp_client, RuleBasedMatching={"Enabled": True, "MatchingRules": [{"Rule": ["EmailAddress"]}]})
    cp_mock.set_rule_based_matching_status(NAME, "IN_PROGRESS")
    cp_mock.reset_calls()
    result = run_module(
        MODULE, args(rule_based_matching={"enabled": True, "matching_rules": [{"rule": ["PhoneNumber"]}]})
    )
    assert result.failed
    assert "rule-based matching job" in result["msg"]
    assert "Retry when" in result["msg"]
    assert "BadRequestException" in result["msg"]
    assert "IN_PROGRESS" in result["msg"]
    assert result["error"]["code"] == "BadRequestException"
    assert "exception" not in result
    assert stored(cp_client)["RuleBasedMatching"]["MatchingRules"] == [{"Rule": ["EmailAddress"]}]


def test_rule_based_matching_in_progress_does_not_block_other_changes(run_module, cp_mock, cp_client):
    make(cp_client, RuleBasedMatching={"Enabled": True})
    cp_mock.set_rule_based_matching_status(NAME, "IN_PROGRESS")
    result = run_module(MODULE, args(default_expiration_days=60, rule_based_matching={"enabled": True}))
    assert not result.failed, result
    assert result["changed"] is True
    assert stored(cp_client)["DefaultExpirationDays"] == 60


# ------------------------------------------------------------------ tags


def test_tags_add_keeps_mixed_case_keys(run_module, cp_mock, cp_client):
    make(cp_client)
    cp_mock.reset_calls()
    tags = {"CostCenter": "retail", "environment": "Prod", "UPPER": "x"}
    result = run_module(MODULE, args(tags=tags))
    assert result["changed"] is True
    assert writes(cp_mock) == ["TagResource"]
    assert stored(cp_client)["Tags"] == tags
    assert result["domain"]["tags"] == tags
    assert_idempotent(run_module, cp_mock, args(tags=tags))


def test_tags_change_value(run_module, cp_mock, cp_client):
    make(cp_client, Tags={"CostCenter": "retail"})
    cp_mock.reset_calls()
    result = run_module(MODULE, args(tags={"CostCenter": "wholesale"}))
    assert result["changed"] is True
    assert writes(cp_mock) == ["TagResource"]
    assert stored(cp_client)["Tags"] == {"CostCenter": "wholesale"}


def test_tags_purge_removes_keys_not_given(run_module, cp_mock, cp_client):
    make(cp_client, Tags={"Keep": "1", "Drop": "2"})
    cp_mock.reset_calls()
    result = run_module(MODULE, args(tags={"Keep": "1"}))
    assert result["changed"] is True
    assert writes(cp_mock) == ["UntagResource"]
    assert stored(cp_client)["Tags"] == {"Keep": "1"}
    assert result["domain"]["tags"] == {"Keep": "1"}
    assert_idempotent(run_module, cp_mock, args(tags={"Keep": "1"}))


def test_tags_purge_everything_with_empty_dict(run_module, cp_mock, cp_client):
    make(cp_client, Tags={"A": "1", "B": "2"})
    result = run_module(MODULE, args(tags={}))
    assert result["changed"] is True
    assert stored(cp_client)["Tags"] == {}
    assert_idempotent(run_module, cp_mock, args(tags={}))


def test_tags_purge_false_keeps_other_keys(run_module, cp_mock, cp_client):
    make(cp_client, Tags={"Keep": "1"})
    cp_mock.reset_calls()
    result = run_module(MODULE, args(tags={"Added": "2"}, purge_tags=False))
    assert result["changed"] is True
    assert writes(cp_mock) == ["TagResource"]
    assert stored(cp_client)["Tags"] == {"Keep": "1", "Added": "2"}
    assert_idempotent(run_module, cp_mock, args(tags={"Added": "2"}, purge_tags=False))


def test_tags_omitted_leaves_tags(run_module, cp_mock, cp_client):
    make(cp_client, Tags={"Keep": "1"})
    assert_idempotent(run_module, cp_mock, args(default_expiration_days=30, purge_tags=True))
    assert stored(cp_client)["Tags"] == {"Keep": "1"}


def test_tags_change_in_check_mode(run_module, cp_mock, cp_client):
    make(cp_client, Tags={"Drop": "1"})
    cp_mock.reset_calls()
    result = run_module(MODULE, args(tags={"New": "2"}), check_mode=True, diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == []
    assert result["domain"]["tags"] == {"New": "2"}
    assert result["diff"]["before"]["tags"] == {"Drop": "1"}
    assert stored(cp_client)["Tags"] == {"Drop": "1"}


# ------------------------------------------------------------------ absent


def test_absent_on_missing_domain(run_module, cp_mock):
    result = run_module(MODULE, args(state="absent"))
    assert result["changed"] is False
    assert result["domain"] == {}
    assert writes(cp_mock) == []


@pytest.mark.parametrize("check_mode", [False, True], ids=["deletes", "check_mode"])
def test_absent(run_module, cp_mock, cp_client, check_mode):
    """The same answer in check mode, where no DeleteDomain call is made and the domain stays."""
    make(cp_client)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(state="absent"), check_mode=check_mode, diff=True)
    assert result["changed"] is True
    assert result["domain"] == {}
    assert result["diff"]["before"]["domain_name"] == NAME
    assert result["diff"]["after"] == {}
    assert writes(cp_mock) == ([] if check_mode else ["DeleteDomain"])
    assert len(cp_client.list_domains()["Items"]) == (1 if check_mode else 0)
    cp_mock.reset_calls()
    # run for real: after check mode the domain is still there to delete, after a delete nothing is left
    assert run_module(MODULE, args(state="absent"))["changed"] is check_mode
    assert writes(cp_mock) == (["DeleteDomain"] if check_mode else [])


def test_absent_with_profiles_needs_force(run_module, cp_mock, cp_client):
    make(cp_client)
    cp_client.create_profile(DomainName=NAME, FirstName="Ada", AccountNumber="1")
    cp_client.create_profile(DomainName=NAME, FirstName="Bob", AccountNumber="2")
    cp_mock.reset_calls()
    result = run_module(MODULE, args(state="absent"))
    assert result.failed
    assert "2 profile" in result["msg"]
    assert "irreversibl" in result["msg"]
    assert "force" in result["msg"]
    assert writes(cp_mock) == []
    assert len(cp_client.list_domains()["Items"]) == 1

    result = run_module(MODULE, args(state="absent", force=True))
    assert result["changed"] is True
    assert cp_client.list_domains()["Items"] == []


EMPTY_CONTENTS = dict(
    profiles=0,
    profile_objects=0,
    object_types=0,
    integrations=0,
    event_streams=0,
    calculated_attributes=0,
    segment_definitions=0,
    event_triggers=0,
    domain_object_types=0,
    recommender_schemas=0,
    recommender_filters=0,
    recommenders=0,
    intent_definitions=0,
    segment_streams=0,
)
# What seed_domain makes: one of each kind of 0.2.0's configuration.
SEEDED = (
    "object_types",
    "integrations",
    "event_streams",
    "calculated_attributes",
    "segment_definitions",
    "event_triggers",
)


@pytest.mark.parametrize("check_mode", [False, True], ids=["run", "check_mode"])
def test_absent_refuses_a_domain_holding_configuration_but_no_profile(run_module, cp_mock, cp_client, check_mode):
    """Issue 20, 2.1: object types, integrations, an event stream, calculated attributes, segments and triggers
    count, not only profiles; each kind is named with its count, nothing is deleted."""
    make(cp_client)
    seed_domain(cp_client, NAME)
    cp_mock.reset_calls()

    result = run_module(MODULE, args(state="absent"), check_mode=check_mode, diff=True)

    assert result.failed
    assert result["msg"] == (
        "Domain unit-domain holds 1 object type, 1 integration, 1 event stream, 1 calculated attribute definition, "
        "1 segment definition and 1 event trigger. Deleting it deletes all of it, irreversibly; set force=true to "
        "delete it anyway. Nothing was deleted."
    )
    assert result["contents"] == dict(EMPTY_CONTENTS, **dict.fromkeys(SEEDED, 1))
    assert ops(cp_mock) == CONTENT_READS
    assert len(cp_client.list_domains()["Items"]) == 1


@pytest.mark.parametrize("check_mode", [False, True], ids=["run", "check_mode"])
def test_absent_refuses_a_domain_holding_only_the_kinds_of_release_0_3(run_module, cp_mock, cp_client, check_mode):
    """Domain object types, recommender schemas and filters, recommenders, an intent definition and the stream for
    segments count as well (without them a domain holding only these was deleted without force)."""
    make(cp_client)
    cp_client.update_domain(DomainName=NAME, DataStore={"Enabled": True})
    cp_client.put_domain_object_type(
        DomainName=NAME,
        ObjectTypeName="Catalog",
        Fields={"Sku": {"Source": "_source.sku", "Target": "_catalogItem.Id", "ContentType": "STRING"}},
    )
    fields = {"_catalogItem": [{"TargetFieldName": "Attributes.Stock", "FeatureType": "CATEGORICAL"}]}
    cp_client.create_recommender_schema(DomainName=NAME, RecommenderSchemaName="catalog", Fields=fields)
    cp_client.create_recommender_filter(
        DomainName=NAME, RecommenderFilterName="stock", RecommenderFilterExpression="x", RecommenderSchemaName="catalog"
    )
    cp_client.create_recommender(DomainName=NAME, RecommenderName="picks", RecommenderRecipeName="recommended-for-you")
    cp_client.put_intent_definition(
        DomainName=NAME, IntentDomain="DEFAULT", Intents=[{"PriceSensitivityConfig": {"Enabled": True}}]
    )
    cp_client.associate_stream_for_segments(
        DomainName=NAME,
        DestinationArn="arn:aws:kinesis:us-east-1:123456789012:stream/segments",
        DestinationRoleArn="arn:aws:iam::123456789012:role/segments",
    )
    cp_mock.reset_calls()

    result = run_module(MODULE, args(state="absent"), check_mode=check_mode)

    assert result.failed
    assert result["msg"] == (
        "Domain unit-domain holds 1 domain object type, 1 recommender schema, 1 recommender filter, 1 recommender, "
        "1 intent definition and 1 segment stream. Deleting it deletes all of it, irreversibly; set force=true to "
        "delete it anyway. Nothing was deleted."
    )
    new_kinds = ("domain_object_types", "recommender_schemas", "recommender_filters", "recommenders")
    assert result["contents"] == dict(
        EMPTY_CONTENTS, intent_definitions=1, segment_streams=1, **dict.fromkeys(new_kinds, 1)
    )
    assert ops(cp_mock) == CONTENT_READS
    assert len(cp_client.list_domains()["Items"]) == 1


def test_absent_does_not_count_a_disassociated_segment_stream(run_module, cp_mock, cp_client):
    """GetStreamForSegments still answers for a stream that was disassociated (DisassociatedAt): it is gone."""
    make(cp_client)
    cp_client.associate_stream_for_segments(
        DomainName=NAME,
        DestinationArn="arn:aws:kinesis:us-east-1:123456789012:stream/segments",
        DestinationRoleArn="arn:aws:iam::123456789012:role/segments",
    )
    cp_client.disassociate_stream_for_segments(DomainName=NAME)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(state="absent"))
    assert result["changed"] is True and result["contents"] == EMPTY_CONTENTS
    assert ops(cp_mock) == CONTENT_READS + ["DeleteDomain"]


def test_absent_names_profiles_and_objects_by_count(run_module, cp_mock, cp_client):
    make(cp_client)
    seed_domain(cp_client, NAME)
    cp_client.create_profile(DomainName=NAME, AccountNumber="1", EmailAddress="ada.secret@example.com")
    cp_client.put_profile_object(DomainName=NAME, ObjectTypeName="Orders", Object='{"id": "1", "total": 3}')
    result = run_module(MODULE, args(state="absent"))
    assert result.failed
    assert result["msg"].startswith("Domain unit-domain holds 1 profile, 1 profile object, 1 object type, ")
    assert result["profile_count"] == 1
    assert "ada.secret" not in str(result)


@pytest.mark.parametrize("check_mode", [False, True], ids=["deletes", "check_mode"])
def test_absent_with_force_reports_what_was_deleted_with_the_domain(run_module, cp_mock, cp_client, check_mode):
    make(cp_client)
    seed_domain(cp_client, NAME)
    cp_client.create_profile(DomainName=NAME, AccountNumber="1")
    cp_mock.reset_calls()

    result = run_module(MODULE, args(state="absent", force=True), check_mode=check_mode, diff=True)

    assert result["changed"] is True
    assert result["contents"]["profiles"] == 1 and result["contents"]["segment_definitions"] == 1
    assert result["diff"]["after_header"] == (
        "deleted with domain unit-domain: 1 profile, 1 object type, 1 integration, 1 event stream, 1 calculated "
        "attribute definition, 1 segment definition and 1 event trigger"
    )
    assert result["diff"]["after"] == {}
    assert writes(cp_mock) == ([] if check_mode else ["DeleteDomain"])
    assert len(cp_client.list_domains()["Items"]) == (1 if check_mode else 0)


def test_absent_on_an_empty_domain_needs_no_force(run_module, cp_mock, cp_client):
    make(cp_client)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(state="absent"), diff=True)
    assert result["changed"] is True
    assert result["contents"] == EMPTY_CONTENTS
    assert result["diff"]["after_header"] == "deleted with domain unit-domain: nothing"
    assert ops(cp_mock) == CONTENT_READS + ["DeleteDomain"]


def test_absent_counts_one_page_of_each_kind(run_module, cp_mock, cp_client, monkeypatch):
    """One call per kind at most: a kind with more than a page is counted as "at least" that page."""
    from emulator import config

    make(cp_client)
    monkeypatch.setitem(config.QUOTAS, "event_triggers", 200)
    seed_domain(cp_client, NAME)
    for index in range(100):
        add_event_trigger(cp_client, NAME, "Orders", "t%d" % index)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(state="absent"))
    assert result.failed
    assert "and at least 100 event triggers." in result["msg"]
    assert result["contents"]["event_triggers"] == 100
    assert ops(cp_mock) == CONTENT_READS


# ------------------------------------------------------------------ validation


INVALID = [
    ({"domain_name": ""}, "domain_name"),
    ({"domain_name": "a" * 65}, "domain_name"),
    ({"domain_name": "bad name!"}, "domain_name"),
    ({"default_expiration_days": 0}, "default_expiration_days"),
    ({"default_expiration_days": 1099}, "default_expiration_days"),
    ({"default_encryption_key": "k" * 256}, "default_encryption_key"),
    ({"dead_letter_queue_url": "u" * 256}, "dead_letter_queue_url"),
    (
        {"matching": {"enabled": True, "job_schedule": {"day_of_the_week": "MONDAY", "time": "25:00"}}},
        "matching.job_schedule.time",
    ),
    (
        {"matching": {"enabled": True, "job_schedule": {"day_of_the_week": "MONDAY", "time": ""}}},
        "matching.job_schedule.time",
    ),
    (
        {"matching": {"enabled": True, "job_schedule": {"day_of_the_week": "MONDAYS", "time": "1:00"}}},
        "day_of_the_week",
    ),
    (
        {
            "matching": {
                "enabled": True,
                "auto_merging": {"enabled": True, "min_allowed_confidence_score_for_merging": 1.5},
            }
        },
        "matching.auto_merging.min_allowed_confidence_score_for_merging",
    ),
    (
        {
            "matching": {
                "enabled": True,
                "auto_merging": {"enabled": True, "consolidation": {"matching_attributes_list": []}},
            }
        },
        "matching.auto_merging.consolidation.matching_attributes_list",
    ),
    (
        {
            "matching": {
                "enabled": True,
                "auto_merging": {"enabled": True, "consolidation": {"matching_attributes_list": [["a"]] * 11}},
            }
        },
        "matching.auto_merging.consolidation.matching_attributes_list",
    ),
    (
        {
            "matching": {
                "enabled": True,
                "auto_merging": {"enabled": True, "consolidation": {"matching_attributes_list": [["a"] * 21]}},
            }
        },
        "matching.auto_merging.consolidation.matching_attributes_list",
    ),
    (
        {
            "matching": {
                "enabled": True,
                "auto_merging": {"enabled": True, "conflict_resolution": {"conflict_resolving_model": "NEWEST"}},
            }
        },
        "conflict_resolving_model",
    ),
    (
        {
            "matching": {
                "enabled": True,
                "auto_merging": {
                    "enabled": True,
                    "conflict_resolution": {"conflict_resolving_model": "SOURCE", "source_name": ""},
                },
            }
        },
        "matching.auto_merging.conflict_resolution.source_name",
    ),
    (
        {"matching": {"enabled": True, "exporting_config": {"s3_exporting": {"s3_bucket_name": "Bad_Bucket"}}}},
        "matching.exporting_config.s3_exporting.s3_bucket_name",
    ),
    (
        {
            "matching": {
                "enabled": True,
                "exporting_config": {"s3_exporting": {"s3_bucket_name": "ok-bucket", "s3_key_name": "k" * 801}},
            }
        },
        "matching.exporting_config.s3_exporting.s3_key_name",
    ),
    ({"matching": {"job_schedule": {"day_of_the_week": "MONDAY", "time": "1:00"}}}, "enabled"),
    (
        {"rule_based_matching": {"enabled": True, "max_allowed_rule_level_for_merging": 16}},
        "rule_based_matching.max_allowed_rule_level_for_merging",
    ),
    (
        {"rule_based_matching": {"enabled": True, "max_allowed_rule_level_for_matching": 0}},
        "rule_based_matching.max_allowed_rule_level_for_matching",
    ),
    ({"rule_based_matching": {"enabled": True, "matching_rules": []}}, "rule_based_matching.matching_rules"),
    (
        {"rule_based_matching": {"enabled": True, "matching_rules": [{"rule": ["a"]}] * 16}},
        "rule_based_matching.matching_rules",
    ),
    (
        {"rule_based_matching": {"enabled": True, "matching_rules": [{"rule": ["a"] * 16}]}},
        "rule_based_matching.matching_rules[0].rule",
    ),
    (
        {"rule_based_matching": {"enabled": True, "matching_rules": [{"rule": []}]}},
        "rule_based_matching.matching_rules[0].rule",
    ),
    (
        {
            "rule_based_matching": {
                "enabled": True,
                "attribute_types_selector": {
                    "attribute_matching_model": "ONE_TO_ONE",
                    "email_address": ["a", "b", "c", "d"],
                },
            }
        },
        "rule_based_matching.attribute_types_selector.email_address",
    ),
    (
        {
            "rule_based_matching": {
                "enabled": True,
                "attribute_types_selector": {"attribute_matching_model": "ONE_TO_ONE", "address": ["a"] * 5},
            }
        },
        "rule_based_matching.attribute_types_selector.address",
    ),
    (
        {"rule_based_matching": {"enabled": True, "attribute_types_selector": {"attribute_matching_model": "SOME"}}},
        "attribute_matching_model",
    ),
    (
        {"rule_based_matching": {"enabled": True, "exporting_config": {"s3_exporting": {"s3_bucket_name": "ab"}}}},
        "rule_based_matching.exporting_config.s3_exporting.s3_bucket_name",
    ),
    (
        {
            "rule_based_matching": {
                "enabled": True,
                "conflict_resolution": {"conflict_resolving_model": "SOURCE", "source_name": "s" * 256},
            }
        },
        "rule_based_matching.conflict_resolution.source_name",
    ),
    ({"tags": {"aws:reserved": "x"}}, "tags"),
    ({"tags": {"k" * 129: "x"}}, "tags"),
    ({"tags": {"Key": "v" * 257}}, "tags"),
    ({"tags": dict(("k" + chr(97 + i // 26) + chr(97 + i % 26), "v") for i in range(51))}, "tags"),
    ({"state": "gone"}, "state"),
]


@pytest.mark.parametrize("bad, option", INVALID, ids=[case[1] + "-" + str(i) for i, case in enumerate(INVALID)])
def test_invalid_options_fail_before_any_call(run_module, cp_mock, bad, option):
    module_args = args(default_expiration_days=30)
    module_args.update(bad)
    result = run_module(MODULE, module_args)
    assert result.failed
    assert option in result["msg"]
    assert cp_mock.calls() == []


def test_invalid_messages_do_not_echo_values(run_module, cp_mock):
    result = run_module(MODULE, args(default_encryption_key="secret-" + "k" * 300))
    assert result.failed
    assert "secret-" not in result["msg"]


# ------------------------------------------------------------------ errors


def test_service_error_surfaces_code_and_message(run_module, cp_mock):
    # Beyond the retries: this path sleeps through the backoff once.
    cp_mock.inject_fault("GetDomain", "InternalServerException", count=20)
    result = run_module(MODULE, args(default_expiration_days=30))
    assert result.failed
    assert "InternalServerException" in result["msg"]
    assert "Internal server error" in result["msg"]
    assert result["error"]["code"] == "InternalServerException"
    get_calls = [c for c in cp_mock.calls() if c["operation"] == "GetDomain"]
    assert len(get_calls) > 1  # retried before giving up
    assert all(c["error"] == "InternalServerException" for c in get_calls)
    assert writes(cp_mock) == []


def test_throttling_is_retried(run_module, cp_mock, cp_client):
    make(cp_client)
    cp_mock.reset_calls()
    cp_mock.inject_fault("UpdateDomain", "ThrottlingException", count=1)
    result = run_module(MODULE, args(default_expiration_days=31))
    assert not result.failed, result
    assert result["changed"] is True
    assert writes(cp_mock) == ["UpdateDomain", "UpdateDomain"]
    assert stored(cp_client)["DefaultExpirationDays"] == 31

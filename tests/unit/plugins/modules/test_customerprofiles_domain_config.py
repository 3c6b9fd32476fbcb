# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_domain_config and customerprofiles_domain_config_info: a whole domain as one document.

A domain is built with plain boto3 calls, the way the Amazon Connect console builds it (tests/domain_seed.py),
exported, applied back (no write), applied to a second domain and exported equal; then purge, a kind left out,
bad input deep in the document, a failure midway and the rerun that converges, and the call counts.
"""

import copy

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain import DomainResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain_config import BY_KEY
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain_config import KIND_KEYS
from call_log import assert_fails_naming
from call_log import operations
from call_log import reads
from call_log import writes
from connect_helpers import without_operations
from domain_seed import CONNECT
from domain_seed import KINESIS
from domain_seed import seed_domain

SOURCE = "console-made"
TARGET = "promoted"
OTHER_INSTANCE = CONNECT.replace("11111111-2222", "99999999-2222")
KINDS = KIND_KEYS
# One List call a kind (every page) in the export
LISTS = [
    "ListProfileObjectTypes",
    "ListDomainObjectTypes",
    "ListCalculatedAttributeDefinitions",
    "ListSegmentDefinitions",
    "ListSegmentDefinitions",  # the segment subscriptions': no list of them, one Get per segment
    "ListRecommenderSchemas",
    "ListRecommenderFilters",
    "ListRecommenders",
    "ListEventTriggers",
    "ListIntegrations",
    "ListEventStreams",
]


@pytest.fixture
def console_domain(cp_mock, cp_client):
    """A domain made with boto3 calls as the console makes it: the domain, an object type, the Connect integration,
    an event stream, a calculated attribute, a segment definition using it and an event trigger."""
    cp_client.create_domain(DomainName=SOURCE, DefaultExpirationDays=365, Tags={"Team": "crm"})
    names = seed_domain(cp_client, SOURCE)
    cp_mock.reset_calls()
    return names


def export(run_module, domain=SOURCE, **options):
    result = run_module("customerprofiles_domain_config_info", dict(domain_name=domain, **options))
    assert not result.failed, result.get("msg")
    return result


def apply(run_module, config, domain=SOURCE, **options):
    return run_module("customerprofiles_domain_config", dict(dict(domain_name=domain, config=config), **options))


def test_export_lists_every_kind_in_module_options_without_read_only_members(console_domain, cp_mock, run_module):
    result = export(run_module)
    config = result["config"]
    assert sorted(config) == sorted(("domain",) + KINDS)
    assert config["domain"] == {"default_expiration_days": 365, "tags": {"Team": "crm"}}
    assert [item["object_type_name"] for item in config["object_types"]] == ["Orders"]
    assert config["integrations"] == [
        {"uri": CONNECT, "object_type_name": "Orders", "event_trigger_names": [], "scope": "PROFILE", "tags": {}}
    ]
    assert config["event_streams"] == [{"event_stream_name": "events", "uri": KINESIS, "tags": {}}]
    # every item holds options of its module, and none of those that say how to act
    for kind in KINDS:
        spec = BY_KEY[kind].resource.argument_spec
        for item in config[kind]:
            assert set(item) <= set(spec) - {"domain_name", "state", "recreate", "purge_tags"}, (kind, item)
    assert set(config["domain"]) <= set(DomainResource.argument_spec) - {"domain_name", "state", "force", "purge_tags"}
    assert result["account_specific"] == ["integrations[0].uri", "event_streams[0].uri"]
    assert result["not_exported"] == []
    # one List a kind, one Get a resource (the integrations' list items are complete), nothing else
    assert sorted(operations(cp_mock)) == sorted(
        ["GetDomain"]
        + LISTS
        + [
            "GetProfileObjectType",
            "GetCalculatedAttributeDefinition",
            "GetSegmentDefinition",
            "GetEventTrigger",
            "GetEventStream",
        ]
        # no list call exists: one get per intent domain of the model (this domain has no intent definition), one
        # segment subscription get per segment (it has none), the domain's one stream for segments (none)
        + ["GetIntentDefinition", "GetSegmentSubscription", "GetStreamForSegments"]
    )


def test_the_export_given_back_is_a_no_op_with_one_get_per_resource(console_domain, cp_mock, run_module):
    config = export(run_module)["config"]
    cp_mock.reset_calls()
    result = run_module("customerprofiles_domain_config", dict(domain_name=SOURCE, config=config), diff=True)
    assert not result.failed, result.get("msg")
    assert result["changed"] is False
    assert writes(cp_mock) == []
    assert sorted(reads(cp_mock)) == sorted(
        [
            "GetDomain",
            "GetProfileObjectType",
            "GetCalculatedAttributeDefinition",
            "GetSegmentDefinition",
            "GetEventTrigger",
            "GetIntegration",
            "GetEventStream",
        ]
    )
    assert result["summary"] == {"create": 0, "update": 0, "replace": 0, "delete": 0, "none": 7}
    assert result["diff"] == []


def test_applied_to_an_empty_domain_it_creates_a_domain_whose_export_is_the_same(console_domain, cp_mock, run_module):
    # an Amazon Connect instance belongs to one domain: the promoted domain gets another one
    config = export(run_module, substitutions={CONNECT: OTHER_INSTANCE})["config"]
    cp_mock.reset_calls()
    planned = run_module(
        "customerprofiles_domain_config", dict(domain_name=TARGET, config=config), check_mode=True, diff=True
    )
    assert not planned.failed, planned.get("msg")
    assert writes(cp_mock) == []
    assert planned["changed"] is True
    assert planned["summary"] == {"create": 7, "update": 0, "replace": 0, "delete": 0, "none": 0}
    # the domain as customerprofiles_domain would return it, predicted
    assert planned["domain"]["domain_name"] == TARGET
    assert planned["domain"]["default_expiration_days"] == 365 and planned["domain"]["tags"] == {"Team": "crm"}
    assert [one["before_header"] for one in planned["diff"]][:2] == [
        "domain {0} (create)".format(TARGET),
        "object_types Orders (create)",
    ]
    cp_mock.reset_calls()
    applied = apply(run_module, config, domain=TARGET)
    assert not applied.failed, applied.get("msg")
    assert applied["changes"] == planned["changes"]
    assert applied["domain"]["stats"]["profile_count"] == 0
    # dependency order: the domain, object types, calculated attributes, segments, triggers, integrations, streams
    assert writes(cp_mock) == [
        "CreateDomain",
        "PutProfileObjectType",
        "CreateCalculatedAttributeDefinition",
        "CreateSegmentDefinition",
        "CreateEventTrigger",
        "PutIntegration",
        "CreateEventStream",
    ]
    assert export(run_module, domain=TARGET)["config"] == config
    cp_mock.reset_calls()
    again = apply(run_module, config, domain=TARGET)
    assert again["changed"] is False and writes(cp_mock) == []


def test_a_create_does_not_read_what_the_same_document_makes_first(cp_mock, cp_client, run_module):
    cp_client.create_domain(DomainName=SOURCE, DefaultExpirationDays=365)
    seed_domain(cp_client, SOURCE)
    config = export(run_module, substitutions={CONNECT: OTHER_INSTANCE})["config"]
    cp_mock.reset_calls()
    result = apply(run_module, config, domain=TARGET, max_concurrency=1)
    assert not result.failed, result.get("msg")
    # each resource read once (its own Get): the trigger's object type and the segment's calculated attribute,
    # which the document makes first, are not read again before the trigger and the segment are created (their
    # modules alone read them: the object type must exist)
    assert reads(cp_mock).count("GetProfileObjectType") == 1
    assert reads(cp_mock).count("GetCalculatedAttributeDefinition") == 1


def test_a_kind_left_out_is_left_alone_and_purge_deletes_what_a_kind_given_does_not_list(
    console_domain, cp_mock, cp_client, run_module
):
    cp_client.create_event_trigger(
        DomainName=SOURCE,
        EventTriggerName="second",
        ObjectTypeName="Orders",
        EventTriggerConditions=[
            {
                "EventTriggerDimensions": [
                    {"ObjectAttributes": [{"FieldName": "status", "ComparisonOperator": "EQUAL", "Values": ["x"]}]}
                ],
                "LogicalOperator": "ANY",
            }
        ],
    )
    config = export(run_module)["config"]
    kept = dict(event_triggers=[item for item in config["event_triggers"] if item["event_trigger_name"] != "second"])
    cp_mock.reset_calls()
    # without purge, the trigger the document does not list is kept; the kinds left out are not read
    result = apply(run_module, kept)
    assert result["changed"] is False and writes(cp_mock) == []
    assert sorted(reads(cp_mock)) == ["GetDomain", "GetEventTrigger"]
    cp_mock.reset_calls()
    planned = run_module(
        "customerprofiles_domain_config",
        dict(domain_name=SOURCE, config=kept, purge=["event_triggers"]),
        check_mode=True,
        diff=True,
    )
    assert writes(cp_mock) == []
    assert planned["summary"]["delete"] == 1
    assert {"kind": "event_triggers", "name": "second", "action": "delete"} in planned["changes"]
    assert [one["before_header"] for one in planned["diff"]] == ["event_triggers second (delete)"]
    assert planned["diff"][0]["after"] == {}
    result = apply(run_module, kept, purge=["event_triggers"])
    assert result["changed"] is True
    names = [item["EventTriggerName"] for item in cp_client.list_event_triggers(DomainName=SOURCE)["Items"]]
    assert names == ["big-order"]
    # the other kinds are untouched
    assert len(cp_client.list_profile_object_types(DomainName=SOURCE)["Items"]) == 1


def test_purge_deletes_in_reverse_dependency_order(console_domain, cp_mock, cp_client, run_module):
    config = dict((kind, []) for kind in ("event_triggers", "segment_definitions", "calculated_attributes"))
    result = apply(run_module, config, purge=sorted(config))
    assert not result.failed, result.get("msg")
    assert writes(cp_mock) == [
        "DeleteEventTrigger",
        "DeleteSegmentDefinition",
        "DeleteCalculatedAttributeDefinition",
    ]


def test_purging_an_object_type_while_the_domain_holds_objects_needs_force(
    console_domain, cp_mock, cp_client, run_module
):
    cp_client.create_profile(DomainName=SOURCE, AccountNumber="A-1")
    cp_client.put_profile_object(
        DomainName=SOURCE, ObjectTypeName="Orders", Object='{"id": "A-1", "total": "3", "status": "open"}'
    )
    assert cp_client.get_domain(DomainName=SOURCE)["Stats"]["ObjectCount"] == 1
    cp_mock.reset_calls()
    config = dict(object_types=[])
    refused = apply(run_module, config, purge=["object_types"])
    assert refused.failed
    assert "purge object_types" in refused["msg"] and "force=true" in refused["msg"]
    assert writes(cp_mock) == []
    planned = run_module(
        "customerprofiles_domain_config",
        dict(domain_name=SOURCE, config=config, purge=["object_types"], force=True),
        check_mode=True,
    )
    assert planned["changes"] == [{"kind": "object_types", "name": "Orders", "action": "delete"}]
    assert any("deletes every profile object" in str(warning) for warning in planned["warnings"])
    done = apply(run_module, config, purge=["object_types"], force=True)
    assert done["changed"] is True
    assert cp_client.list_profile_object_types(DomainName=SOURCE)["Items"] == []


def test_bad_input_deep_in_the_document_fails_before_any_call_with_every_path(console_domain, cp_mock, run_module):
    config = export(run_module)["config"]
    cp_mock.reset_calls()
    bad = copy.deepcopy(config)
    bad["object_types"][0]["fields"]["total"]["content_type"] = "SECRET-VALUE"
    bad["calculated_attributes"][0]["statistic"] = "SECRET-STAT"
    bad["event_triggers"][0]["unknown_option"] = 1
    result = apply(run_module, bad)
    assert_fails_naming(result, cp_mock, "config.object_types[0].fields.total.content_type", "SECRET-VALUE")
    assert "config.calculated_attributes[0].statistic" in result["msg"]
    assert "SECRET-STAT" not in result["msg"]
    assert "config.event_triggers[0].unknown_option is not an option" in result["msg"]


@pytest.mark.parametrize(
    "options, message",
    [
        (dict(config=dict(object_types=[]), purge=["event_triggers"]), "purge: event_triggers is not in config"),
        (dict(config=dict(widgets=[])), "config.widgets is not a kind"),
        (dict(config=dict(object_types={})), "config.object_types must be a list of dicts"),
        (dict(config=dict(object_types=["Orders"])), "config.object_types[0] must be a dict"),
        (dict(config=dict(object_types=[{"description": "x"}])), "config.object_types[0]: missing required"),
        (dict(config=dict(object_types=[{"object_type_name": "A", "state": "absent"}])), "state is not an option"),
        (
            dict(config=dict(event_streams=[{"name": "a", "uri": "u"}, {"event_stream_name": "a", "uri": "u"}])),
            "config.event_streams[1]: event stream a is listed twice (also config.event_streams[0])",
        ),
        (dict(config=dict(domain=dict(force=True))), "config.domain.force is not an option"),
        (dict(config={}, max_concurrency=0), "max_concurrency must be at least 1"),
    ],
)
def test_a_document_that_cannot_be_read_fails_before_any_call(cp_mock, run_module, options, message):
    result = run_module("customerprofiles_domain_config", dict(domain_name=SOURCE, **options))
    assert result.failed
    assert message in result["msg"], result["msg"]
    assert operations(cp_mock) == []


def test_a_missing_domain_without_config_domain_fails_naming_it(cp_mock, run_module):
    result = apply(run_module, dict(object_types=[]), domain="nowhere")
    assert result.failed
    assert "domain nowhere does not exist: give config.domain" in result["msg"]
    assert writes(cp_mock) == []


def test_a_failure_midway_stops_what_follows_and_the_rerun_converges(console_domain, cp_mock, cp_client, run_module):
    # promoted without substituting the Connect instance: PutIntegration is refused (it belongs to the source)
    config = export(run_module)["config"]
    cp_mock.reset_calls()
    failed = apply(run_module, config, domain=TARGET)
    assert failed.failed and failed["changed"] is True
    assert "config.integrations[0] (create {0})".format(CONNECT) in failed["msg"]
    assert failed["failed_change"] == {"kind": "integrations", "name": CONNECT, "action": "create"}
    assert [change["kind"] for change in failed["changes"]] == [
        "domain",
        "object_types",
        "calculated_attributes",
        "segment_definitions",
        "event_triggers",
    ]
    assert failed["not_made"] == [{"kind": "event_streams", "name": "events", "action": "create"}]
    assert "CreateEventStream" not in writes(cp_mock)
    config["integrations"][0]["uri"] = OTHER_INSTANCE
    cp_mock.reset_calls()
    rerun = apply(run_module, config, domain=TARGET)
    assert not rerun.failed, rerun.get("msg")
    assert writes(cp_mock) == ["PutIntegration", "CreateEventStream"]
    assert rerun["summary"] == {"create": 2, "update": 0, "replace": 0, "delete": 0, "none": 5}


def test_an_update_and_a_replacement_mean_what_their_modules_mean(console_domain, cp_mock, run_module):
    config = export(run_module)["config"]
    config["domain"]["default_expiration_days"] = 30
    config["segment_definitions"][0]["display_name"] = "Big spenders"
    cp_mock.reset_calls()
    refused = apply(run_module, config)
    # the segment definition's display name cannot be updated: refused by name, nothing written (the domain's
    # update included: every plan is made before the first write)
    assert refused.failed
    assert "config.segment_definitions[0]" in refused["msg"] and "recreate=true" in refused["msg"]
    assert writes(cp_mock) == []
    cp_mock.reset_calls()
    result = apply(run_module, config, recreate=True)
    assert not result.failed, result.get("msg")
    actions = dict((change["kind"], change["action"]) for change in result["changes"])
    assert actions["domain"] == "update"
    assert actions["segment_definitions"] == "replace"
    assert writes(cp_mock) == ["UpdateDomain", "DeleteSegmentDefinition", "CreateSegmentDefinition"]


def test_an_object_type_made_from_a_template_is_exported_with_its_template_id(cp_mock, cp_client, run_module):
    cp_client.create_domain(DomainName=SOURCE, DefaultExpirationDays=365)
    cp_client.put_profile_object_type(
        DomainName=SOURCE, ObjectTypeName="Accounts", Description="CRM accounts", TemplateId="Salesforce-Account"
    )
    (exported,) = export(run_module)["config"]["object_types"]
    # what the template supplies (fields, keys, settings) is not exported: the template gives it again
    assert exported == {
        "object_type_name": "Accounts",
        "description": "CRM accounts",
        "template_id": "Salesforce-Account",
        "tags": {},
    }
    config = dict(object_types=[exported])
    cp_mock.reset_calls()
    assert apply(run_module, config)["changed"] is False and writes(cp_mock) == []
    created = apply(run_module, dict(config, domain=dict(default_expiration_days=365)), domain=TARGET)
    assert not created.failed, created.get("msg")
    copy_of = cp_client.get_profile_object_type(DomainName=TARGET, ObjectTypeName="Accounts")
    assert copy_of["TemplateId"] == "Salesforce-Account" and "AccountNumber" in copy_of["Fields"]


def test_an_appflow_integration_says_its_flow_definition_is_not_exported(cp_mock, cp_client, run_module):
    cp_client.create_domain(DomainName=SOURCE, DefaultExpirationDays=365)
    seed_domain(cp_client, SOURCE)
    flow = "arn:aws:appflow:us-east-1:123456789012:flow/crm-accounts"
    cp_client.put_integration(DomainName=SOURCE, Uri=flow, ObjectTypeName="Orders")
    result = export(run_module)
    uris = [item["uri"] for item in result["config"]["integrations"]]
    index = uris.index(flow)
    assert result["not_exported"] == [
        {
            "path": "integrations[{0}].flow_definition".format(index),
            "reason": "GetIntegration never returns an Amazon AppFlow integration's flow definition",
        }
    ]


def test_substitutions_move_a_domain_to_another_region_of_the_emulator(console_domain, cp_mock, cp_client, run_module):
    moved = {"us-east-1": "eu-west-2", CONNECT.split(":instance/")[1]: "99999999-2222-3333-4444-555555555555"}
    result = export(run_module, substitutions=moved)
    config = result["config"]
    # string values are rewritten, names (map keys such as field names and tag keys) are kept
    assert config["integrations"][0]["uri"].startswith("arn:aws:connect:eu-west-2:")
    assert config["event_streams"][0]["uri"].startswith("arn:aws:kinesis:eu-west-2:")
    assert sorted(config["object_types"][0]["fields"]) == ["id", "status", "total"]
    assert config["domain"]["tags"] == {"Team": "crm"}
    assert result["account_specific"] == ["integrations[0].uri", "event_streams[0].uri"]
    created = apply(run_module, config, region="eu-west-2")
    assert not created.failed, created.get("msg")
    assert created["summary"]["create"] == 7
    assert export(run_module, region="eu-west-2")["config"] == config
    # the source region is untouched
    assert cp_client.get_domain(DomainName=SOURCE)["DefaultExpirationDays"] == 365


# ------------------------------------------------------------------ intent definitions (botocore 1.44.18)

PRICE_FILTER = {
    "LogicalOperator": "ALL",
    "Groups": [
        {
            "LogicalOperator": "ALL",
            "Conditions": [
                {
                    "Intent": {"IntentDomain": "DEFAULT", "Type": "PRICE_SENSITIVITY"},
                    "ComparisonOperator": "EQUAL",
                    "Values": ["HIGH"],
                }
            ],
        }
    ],
}


def test_intent_definitions_are_exported_and_made_before_the_triggers_that_filter_on_them(
    cp_mock, cp_client, run_module
):
    cp_client.create_domain(DomainName=SOURCE, DefaultExpirationDays=365)
    seed_domain(cp_client, SOURCE)
    cp_client.put_intent_definition(
        DomainName=SOURCE,
        IntentDomain="DEFAULT",
        Intents=[{"PriceSensitivityConfig": {"Enabled": True}}],
        Tags={"Team": "ml"},
    )
    trigger = cp_client.list_event_triggers(DomainName=SOURCE)["Items"][0]["EventTriggerName"]
    cp_client.update_event_trigger(DomainName=SOURCE, EventTriggerName=trigger, IntentFilterDefinition=PRICE_FILTER)
    exported = export(run_module, substitutions={CONNECT: OTHER_INSTANCE})
    config = exported["config"]
    # the tags too, which GetIntentDefinition does not return: the export reads as the _info module does
    assert config["intent_definitions"] == [
        {
            "intent_domain": "DEFAULT",
            "intents": [{"price_sensitivity_config": {"enabled": True}}],
            "tags": {"Team": "ml"},
        }
    ]
    assert config["event_triggers"][0]["intent_filter_definition"]["groups"][0]["conditions"][0]["values"] == ["HIGH"]
    cp_mock.reset_calls()
    applied = apply(run_module, config, domain=TARGET, max_concurrency=1)
    assert not applied.failed, applied.get("msg")
    made = writes(cp_mock)
    assert made.index("PutIntentDefinition") < made.index("CreateEventTrigger")
    # the trigger's filter needs the definition, which the same document makes first: it is not read for that
    assert reads(cp_mock).count("GetIntentDefinition") == 1
    assert export(run_module, domain=TARGET)["config"] == config
    cp_mock.reset_calls()
    again = apply(run_module, config, domain=TARGET)
    assert again["changed"] is False and writes(cp_mock) == []
    # purged, the definition goes after the triggers that filter on it (deletes in reverse dependency order)
    emptied = dict(config, event_triggers=[], intent_definitions=[])
    emptied["integrations"] = [dict(item, event_trigger_names=[]) for item in config["integrations"]]
    cp_mock.reset_calls()
    purged = apply(run_module, emptied, domain=TARGET, purge=["event_triggers", "intent_definitions"])
    assert not purged.failed, purged.get("msg")
    deletes = [name for name in writes(cp_mock) if name.startswith("Delete")]
    assert deletes == ["DeleteEventTrigger", "DeleteIntentDefinition"]
    assert export(run_module, domain=TARGET)["config"]["intent_definitions"] == []


def test_intent_definitions_in_the_document_need_botocore_1_44_18(cp_mock, cp_client, run_module, older_model):
    cp_client.create_domain(DomainName=SOURCE, DefaultExpirationDays=365)

    def without_intents(data):
        for name in ("PutIntentDefinition", "GetIntentDefinition", "DeleteIntentDefinition", "ListIntentTypes"):
            data["operations"].pop(name)
        return data

    older_model(without_intents)
    cp_mock.reset_calls()
    config = dict(
        intent_definitions=[dict(intent_domain="DEFAULT", intents=[{"price_sensitivity_config": {"enabled": True}}])]
    )
    result = apply(run_module, config)
    assert_fails_naming(
        result,
        cp_mock,
        "config.intent_definitions[0]: awscx.customerprofiles.customerprofiles_intent_definition needs botocore >= "
        "1.44.18",
    )
    # the export of a domain leaves them out on such a botocore (no call it cannot make), and says so
    exported = export(run_module)
    assert exported["config"]["intent_definitions"] == []
    (note,) = exported["not_exported"]
    assert note["path"] == "intent_definitions"
    assert note["reason"].startswith("GetIntentDefinition needs botocore >= 1.44.18; the installed botocore is ")


def test_recommender_schemas_filters_and_domain_object_types_join_the_document(cp_mock, cp_client, run_module):
    """A domain with a data store, a domain object type, a recommender schema and a filter of that schema: the
    export given back is a no-op; applied to a new domain, the document enables the data store and creates the
    schema first, so neither the domain nor the schema is read before the creates that need them."""
    cp_client.create_domain(DomainName=SOURCE, DefaultExpirationDays=365, DataStore={"Enabled": True})
    cp_client.put_domain_object_type(
        DomainName=SOURCE,
        ObjectTypeName="Catalog",
        Description="Catalog items",
        Fields={"Sku": {"Source": "_source.SKU", "Target": "_catalogItem.Id"}},
    )
    cp_client.create_recommender_schema(
        DomainName=SOURCE,
        RecommenderSchemaName="catalog",
        Fields={"_catalogItem": [{"TargetFieldName": "Stock", "FeatureType": "CATEGORICAL"}]},
        Tags={"Team": "reco"},
    )
    cp_client.create_recommender_filter(
        DomainName=SOURCE,
        RecommenderFilterName="in-stock",
        RecommenderFilterExpression='EXCLUDE ItemID WHERE Items.STOCK IN ("none")',
        RecommenderSchemaName="catalog",
    )
    config = export(run_module)["config"]
    assert config["domain"]["data_store"] == {"enabled": True}
    assert [item["object_type_name"] for item in config["domain_object_types"]] == ["Catalog"]
    # the schema's tags come from ListTagsForResource (GetRecommenderSchema returns none)
    assert config["recommender_schemas"][0]["tags"] == {"Team": "reco"}
    assert config["recommender_filters"][0]["recommender_schema_name"] == "catalog"
    cp_mock.reset_calls()
    assert apply(run_module, config)["changed"] is False and writes(cp_mock) == []
    cp_mock.reset_calls()
    created = apply(run_module, config, domain=TARGET)
    assert not created.failed, created.get("msg")
    assert writes(cp_mock) == [
        "CreateDomain",
        "PutDomainObjectType",
        "CreateRecommenderSchema",
        "CreateRecommenderFilter",
    ]
    # each read once, by its own item: the filter does not read its schema, nor the domain object type the domain
    assert reads(cp_mock).count("GetRecommenderSchema") == 1 and reads(cp_mock).count("GetDomain") == 1
    assert export(run_module, domain=TARGET)["config"] == config


def test_recommenders_export_with_their_status_and_given_back_change_nothing(
    cp_mock, cp_client, run_module, wait_clock
):
    cp_client.create_domain(DomainName=SOURCE, DefaultExpirationDays=365)
    config = {"TrainingFrequency": 7, "InferenceConfig": {"MinProvisionedTPS": 2}}
    for name, recipe, status in (
        ("for-you", "recommended-for-you", "ACTIVE"),
        ("popular", "popular-items", "INACTIVE"),
    ):
        cp_client.create_recommender(
            DomainName=SOURCE, RecommenderName=name, RecommenderRecipeName=recipe, RecommenderConfig=config
        )
        cp_mock.set_recommender_status(SOURCE, name, status)
    exported = export(run_module)["config"]
    assert exported["recommenders"] == [
        {
            "recommender_name": "for-you",
            "recommender_recipe_name": "recommended-for-you",
            "recommender_config": {"training_frequency": 7, "inference_config": {"min_provisioned_tps": 2}},
            "status": "running",
            "tags": {},
        },
        {
            "recommender_name": "popular",
            "recommender_recipe_name": "popular-items",
            "recommender_config": {"training_frequency": 7, "inference_config": {"min_provisioned_tps": 2}},
            "status": "stopped",
            "tags": {},
        },
    ]
    cp_mock.reset_calls()
    again = apply(run_module, exported)
    assert not again.failed and again["changed"] is False and writes(cp_mock) == []
    # applied to an empty domain: both created, the stopped one trained and stopped; the export is the same
    cp_mock.reset_calls()
    promoted = apply(run_module, exported, domain=TARGET)
    assert not promoted.failed, promoted.get("msg")
    assert sorted(writes(cp_mock)) == sorted(
        ["CreateDomain", "CreateRecommender", "CreateRecommender", "StopRecommender"]
    )
    assert export(run_module, domain=TARGET)["config"]["recommenders"] == exported["recommenders"]
    # a status changed in the document is applied by the recommender's own module: StartRecommender
    started = copy.deepcopy(exported)
    started["recommenders"][1]["status"] = "running"
    cp_mock.reset_calls()
    result = apply(run_module, started)
    assert result["changed"] is True and writes(cp_mock) == ["StartRecommender"]
    assert [change for change in result["changes"] if change["action"] != "none"] == [
        {"kind": "recommenders", "name": "popular", "action": "update"}
    ]
    # purge deletes what the document does not list
    cp_mock.reset_calls()
    purged = apply(run_module, dict(started, recommenders=started["recommenders"][:1]), purge=["recommenders"])
    assert purged["changed"] is True and writes(cp_mock) == ["DeleteRecommender"]


SEGMENT_ROLE = "arn:aws:iam::123456789012:role/segment-events"
SEGMENT_KINESIS = KINESIS.replace("profile-events", "segment-events")


def test_segment_subscriptions_and_streams_join_the_document(console_domain, cp_mock, cp_client, run_module):
    """A subscription of the console domain's segment and its stream for segments: exported (the stream's ARNs are
    account-specific), given back as a no-op, applied to a new domain (the segment, which the same document makes,
    is not read for the subscription), and purged (the subscription before the stream)."""
    segment = cp_client.list_segment_definitions(DomainName=SOURCE)["Items"][0]["SegmentDefinitionName"]
    cp_client.associate_stream_for_segments(
        DomainName=SOURCE, DestinationArn=SEGMENT_KINESIS, DestinationRoleArn=SEGMENT_ROLE
    )
    cp_client.put_segment_subscription(
        DomainName=SOURCE, SegmentDefinitionName=segment, ScheduleConfiguration={"Interval": 6, "Unit": "HOURLY"}
    )
    exported = export(run_module, substitutions={CONNECT: OTHER_INSTANCE})
    config = exported["config"]
    assert config["segment_subscriptions"] == [
        {"segment_definition_name": segment, "schedule_configuration": {"interval": 6, "unit": "HOURLY"}}
    ]
    assert config["segment_streams"] == [{"destination_arn": SEGMENT_KINESIS, "destination_role_arn": SEGMENT_ROLE}]
    assert "segment_streams[0].destination_arn" in exported["account_specific"]
    assert "segment_streams[0].destination_role_arn" in exported["account_specific"]
    unchanged = export(run_module)["config"]
    cp_mock.reset_calls()
    same = apply(run_module, unchanged)
    assert same["changed"] is False and writes(cp_mock) == []
    assert {"kind": "segment_streams", "name": SOURCE, "action": "none"} in same["changes"]
    cp_mock.reset_calls()
    planned = run_module(
        "customerprofiles_domain_config", dict(domain_name=TARGET, config=config), check_mode=True, diff=True
    )
    assert not planned.failed, planned.get("msg")
    assert writes(cp_mock) == [] and planned["summary"]["create"] == 9
    assert {"kind": "segment_subscriptions", "name": segment, "action": "create"} in planned["changes"]
    assert {"kind": "segment_streams", "name": TARGET, "action": "create"} in planned["changes"]
    cp_mock.reset_calls()
    applied = apply(run_module, config, domain=TARGET, max_concurrency=1)
    assert not applied.failed, applied.get("msg")
    made = writes(cp_mock)
    assert made.index("CreateSegmentDefinition") < made.index("AssociateStreamForSegments")
    assert made.index("AssociateStreamForSegments") < made.index("PutSegmentSubscription")
    calls = cp_mock.calls()
    first_write = [call["kind"] for call in calls].index("write")
    before_writes = [call["operation"] for call in calls[:first_write]]
    # the segment's own read only: the document makes it first, so the subscription does not read it
    assert before_writes.count("GetSegmentDefinition") == 1
    assert before_writes.count("GetStreamForSegments") == 1  # the stream's own read; the subscription needs it too
    assert export(run_module, domain=TARGET)["config"] == config
    cp_mock.reset_calls()
    again = apply(run_module, config, domain=TARGET)
    assert again["changed"] is False and writes(cp_mock) == []
    emptied = dict(config, segment_subscriptions=[], segment_streams=[])
    cp_mock.reset_calls()
    purged = apply(run_module, emptied, domain=TARGET, purge=["segment_streams", "segment_subscriptions"])
    assert not purged.failed, purged.get("msg")
    assert writes(cp_mock) == ["DeleteSegmentSubscription", "DisassociateStreamForSegments"]
    assert {"kind": "segment_streams", "name": TARGET, "action": "delete"} in purged["changes"]
    after = export(run_module, domain=TARGET)["config"]
    assert after["segment_subscriptions"] == [] and after["segment_streams"] == []  # the stopped stream is absent
    cp_mock.reset_calls()
    assert apply(run_module, emptied, domain=TARGET, purge=["segment_streams"])["changed"] is False
    assert writes(cp_mock) == []


def test_a_document_lists_at_most_one_segment_stream(console_domain, cp_mock, run_module):
    stream = dict(destination_arn=SEGMENT_KINESIS, destination_role_arn=SEGMENT_ROLE)
    other = dict(stream, destination_arn=SEGMENT_KINESIS + "-2")
    result = apply(run_module, dict(segment_streams=[stream, other]))
    assert_fails_naming(result, cp_mock, "config.segment_streams: a domain has at most one segment stream")
    named = apply(run_module, dict(segment_streams=[dict(stream, domain_name=SOURCE)]))
    assert_fails_naming(named, cp_mock, "config.segment_streams[0].domain_name is not an option")


def test_segment_subscriptions_and_streams_need_botocore_1_43_84(console_domain, cp_mock, run_module, older_model):
    older_model(without_operations("SegmentSubscription", "StreamForSegments"))
    config = dict(
        segment_streams=[dict(destination_arn=SEGMENT_KINESIS, destination_role_arn=SEGMENT_ROLE)],
        segment_subscriptions=[dict(segment_definition_name="gold")],
    )
    result = apply(run_module, config)
    assert_fails_naming(
        result,
        cp_mock,
        "config.segment_streams[0]: awscx.customerprofiles.customerprofiles_segment_stream needs botocore >= 1.43.84",
    )
    assert (
        "config.segment_subscriptions[0]: awscx.customerprofiles.customerprofiles_segment_subscription"
        in (result["msg"])
    )
    exported = export(run_module)
    assert exported["config"]["segment_subscriptions"] == [] and exported["config"]["segment_streams"] == []
    assert sorted(note["path"] for note in exported["not_exported"]) == ["segment_streams", "segment_subscriptions"]

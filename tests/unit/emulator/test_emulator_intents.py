# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Intent definitions (in-process, botocore 1.44.18): PutIntentDefinition, GetIntentDefinition,
DeleteIntentDefinition, ListIntentTypes, their tags, and an event trigger's IntentFilterDefinition."""

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import ACCOUNT  # pylint: disable=import-error
from emulator_test_helpers import REGION  # pylint: disable=import-error
from emulator_test_helpers import assert_routed_and_handled  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator
from call_log import operations
from emulator import validation

ARN = "arn:aws:profile:%s:%s:domains/dom/intents/DEFAULT" % (REGION, ACCOUNT)
PRICE = {"PriceSensitivityConfig": {"Enabled": True}}
SEARCH = {"LastSearchIntentConfig": {"Enabled": True}}
OPERATIONS = ("PutIntentDefinition", "GetIntentDefinition", "DeleteIntentDefinition", "ListIntentTypes")
CONDITIONS = [
    {
        "EventTriggerDimensions": [
            {"ObjectAttributes": [{"FieldName": "status", "ComparisonOperator": "EQUAL", "Values": ["open"]}]}
        ],
        "LogicalOperator": "ANY",
    }
]


def _error(call):
    with pytest.raises(ClientError) as excinfo:
        call()
    return dict(zip(("status", "code", "message"), error_of(excinfo)))


def put(client, intents=(PRICE,), **extra):
    return client.put_intent_definition(DomainName="dom", IntentDomain="DEFAULT", Intents=list(intents), **extra)


def intent_filter(intent_type="PRICE_SENSITIVITY", operator="EQUAL", values=("HIGH",), conditions=None):
    condition = {
        "Intent": {"IntentDomain": "DEFAULT", "Type": intent_type},
        "ComparisonOperator": operator,
        "Values": list(values),
    }
    return {"LogicalOperator": "ALL", "Groups": [{"LogicalOperator": "ALL", "Conditions": conditions or [condition]}]}


def test_every_intent_operation_is_routed_and_handled():
    assert_routed_and_handled(OPERATIONS)


def test_put_creates_then_replaces_the_whole_definition(client, domain):
    created = put(client, (PRICE, SEARCH), Tags={"Team": "a"})
    assert created["IntentDefinitionArn"] == ARN
    assert created["Intents"] == [PRICE, SEARCH] and created["Tags"] == {"Team": "a"}
    got = client.get_intent_definition(DomainName="dom", IntentDomain="DEFAULT")
    assert "IntentDefinitionArn" not in got and "Tags" not in got  # the model's GetIntentDefinitionResponse
    assert got["CreatedAt"] == created["CreatedAt"]
    replaced = put(client, (SEARCH,))
    assert replaced["Intents"] == [SEARCH]  # the entries left out are gone
    assert replaced["CreatedAt"] == created["CreatedAt"] and replaced["LastUpdatedAt"] > created["LastUpdatedAt"]
    assert client.list_tags_for_resource(resourceArn=ARN)["tags"] == {"Team": "a"}


def test_tags_only_when_created(client, domain):
    put(client)
    error = _error(lambda: put(client, (SEARCH,), Tags={"Team": "b"}))
    assert error["status"] == 400 and error["code"] == "BadRequestException"
    assert client.get_intent_definition(DomainName="dom", IntentDomain="DEFAULT")["Intents"] == [PRICE]
    client.tag_resource(resourceArn=ARN, tags={"Team": "b"})
    assert client.list_tags_for_resource(resourceArn=ARN)["tags"] == {"Team": "b"}


@pytest.mark.parametrize(
    "intents, message",
    [
        ([{}], "exactly one intent type"),
        ([dict(PRICE, **SEARCH)], "exactly one intent type"),
        ([PRICE, PRICE], "PRICE_SENSITIVITY appears more than once"),
        ([{"PriceSensitivityConfig": {"Enabled": False}}], "at least one intent type must be enabled"),
    ],
)
def test_put_refuses_what_the_documentation_forbids(client, raw_client, domain, intents, message):
    error = _error(lambda: put(raw_client, intents))  # boto3 itself refuses a union that sets two members
    assert error["status"] == 400 and message in error["message"]
    assert _error(lambda: client.get_intent_definition(DomainName="dom", IntentDomain="DEFAULT"))["status"] == 404


def test_get_delete_and_the_domain(client, domain):
    unknown = _error(lambda: client.put_intent_definition(DomainName="nope", IntentDomain="DEFAULT", Intents=[PRICE]))
    assert unknown["status"] == 404
    put(client, Tags={"Team": "a"})
    deleted = client.delete_intent_definition(DomainName="dom", IntentDomain="DEFAULT")
    assert set(deleted) == {"ResponseMetadata"}
    missing = _error(lambda: client.get_intent_definition(DomainName="dom", IntentDomain="DEFAULT"))
    assert missing["status"] == 404 and "Intent definition DEFAULT not found in domain dom" in missing["message"]
    assert _error(lambda: client.delete_intent_definition(DomainName="dom", IntentDomain="DEFAULT"))["status"] == 404
    put(client)
    assert client.list_tags_for_resource(resourceArn=ARN)["tags"] == {}  # the deleted one's tags went with it
    client.delete_domain(DomainName="dom")
    client.create_domain(DomainName="dom", DefaultExpirationDays=30)
    assert _error(lambda: client.get_intent_definition(DomainName="dom", IntentDomain="DEFAULT"))["status"] == 404


def test_list_intent_types(client):
    emulator.reset_calls()
    (group,) = client.list_intent_types()["Items"]
    assert group["IntentDomain"] == "DEFAULT"
    types = [item["IntentType"] for item in group["Types"]]
    assert (
        types
        == validation.operation_model("ListIntentTypes")
        .output_shape.members["Items"]
        .member.members["Types"]
        .member.members["IntentType"]
        .enum
    )  # every type of the model's IntentType, in its order
    assert client.list_intent_types(IntentDomain="DEFAULT")["Items"] == [group]
    assert operations(emulator) == ["ListIntentTypes", "ListIntentTypes"]


def _trigger(client, **extra):
    return client.create_event_trigger(
        DomainName="dom", EventTriggerName="t", ObjectTypeName="Order", EventTriggerConditions=CONDITIONS, **extra
    )


@pytest.fixture
def order(client, domain):
    emulator.backend().domains[domain].object_types["Order"] = object()
    return "Order"


def test_an_event_trigger_filters_on_enabled_intent_types(client, order):
    put(client, (PRICE, SEARCH))
    created = _trigger(client, IntentFilterDefinition=intent_filter())
    assert created["IntentFilterDefinition"] == intent_filter()
    search = intent_filter("LAST_SEARCH_INTENT", "CONTAINS", ["shoes", "boots"])
    updated = client.update_event_trigger(DomainName="dom", EventTriggerName="t", IntentFilterDefinition=search)
    assert updated["IntentFilterDefinition"] == search
    assert client.get_event_trigger(DomainName="dom", EventTriggerName="t")["IntentFilterDefinition"] == search


@pytest.mark.parametrize(
    "definition, message",
    [
        (intent_filter("WEB_SESSION_SUMMARY", "CONTAINS", ["x"]), "cannot be used in an intent filter"),
        (intent_filter(operator="CONTAINS"), "takes the comparison operators INCLUSIVE"),
        (intent_filter(values=["MEDIUM"]), "exactly one value, HIGH or LOW"),
        (intent_filter(values=["HIGH", "LOW"]), "exactly one value, HIGH or LOW"),
        (intent_filter("LAST_SEARCH_INTENT", "EQUAL", ["x"]), "takes the comparison operators CONTAINS"),
        (intent_filter("UPGRADE_UPSELL_PROPENSITY"), "is not enabled in the intent definition DEFAULT of domain dom"),
        (
            intent_filter(conditions=intent_filter()["Groups"][0]["Conditions"] * 2),
            "PRICE_SENSITIVITY appears more than once in a group",
        ),
    ],
)
def test_an_intent_filter_is_checked(client, order, definition, message):
    put(client, (PRICE, SEARCH))
    error = _error(lambda: _trigger(client, IntentFilterDefinition=definition))
    assert error["status"] == 400 and message in error["message"], error
    assert "IntentFilterDefinition.Groups[0].Conditions[" in error["message"]
    assert client.list_event_triggers(DomainName="dom")["Items"] == []


def test_an_intent_filter_needs_an_intent_definition(client, order):
    error = _error(lambda: _trigger(client, IntentFilterDefinition=intent_filter()))
    assert error["status"] == 400 and "is not enabled in the intent definition DEFAULT" in error["message"]
    _trigger(client)
    error = _error(
        lambda: client.update_event_trigger(
            DomainName="dom", EventTriggerName="t", IntentFilterDefinition=intent_filter()
        )
    )
    assert error["status"] == 400
    assert "IntentFilterDefinition" not in client.get_event_trigger(DomainName="dom", EventTriggerName="t")

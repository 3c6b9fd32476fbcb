# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_event_trigger and _info against the in-process emulator."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_camel
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_trigger import EVENT_TRIGGER_ARGUMENT_SPEC
from call_log import operations
from call_log import writes
from connect_helpers import PRICE_FILTER as INTENT_FILTER
from connect_helpers import make_object_type
from connect_helpers import record_requests
from connect_helpers import requests_of

MODULE = "customerprofiles_event_trigger"
INFO = "customerprofiles_event_trigger_info"
DOMAIN = "trigger-domain"
NAME = "high-value-order"
CONDITIONS = [
    dict(
        logical_operator="ALL",
        event_trigger_dimensions=[
            dict(object_attributes=[dict(field_name="amount", comparison_operator="GREATER_THAN", values=["500"])])
        ],
    )
]
LIMITS = dict(event_expiration=3600, periods=[dict(unit="DAYS", value=1, max_invocations_per_profile=1)])


@pytest.fixture
def sent(monkeypatch):
    return record_requests(monkeypatch)


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    for name in ("Order", "Refund"):
        make_object_type(cp_mock, cp_client, DOMAIN, name)
    return DOMAIN


def args(**options):
    base = dict(
        domain_name=DOMAIN, event_trigger_name=NAME, object_type_name="Order", event_trigger_conditions=CONDITIONS
    )
    base.update(options)
    return base


def stored(cp_client):
    return cp_client.get_event_trigger(DomainName=DOMAIN, EventTriggerName=NAME)


def test_create_reads_the_object_type_first(cp_mock, cp_client, run_module, run_logged, domain):
    result, calls = run_logged(
        MODULE, args(description="Orders over 500", event_trigger_limits=LIMITS, tags={"Team": "c"})
    )
    assert result["changed"] is True, result
    assert calls == ["GetEventTrigger", "GetProfileObjectType", "CreateEventTrigger"]
    trigger = result["event_trigger"]
    assert trigger["event_trigger_name"] == NAME and trigger["domain_name"] == DOMAIN
    assert trigger["object_type_name"] == "Order"
    assert trigger["event_trigger_conditions"] == CONDITIONS
    assert trigger["event_trigger_limits"] == LIMITS
    assert trigger["tags"] == {"Team": "c"}
    held = stored(cp_client)
    assert (
        held["EventTriggerConditions"][0]["EventTriggerDimensions"][0]["ObjectAttributes"][0]["FieldName"] == "amount"
    )
    assert held["EventTriggerLimits"]["Periods"][0]["MaxInvocationsPerProfile"] == 1


def test_a_missing_object_type_fails_naming_object_type_name(cp_mock, cp_client, run_module, run_logged, domain):
    result, calls = run_logged(MODULE, args(object_type_name="NoSuchType"))
    assert result.failed
    assert result["changed"] is False
    assert "object_type_name: object type NoSuchType does not exist in domain " + DOMAIN in result["msg"]
    assert calls == ["GetEventTrigger", "GetProfileObjectType"]
    assert cp_client.list_event_triggers(DomainName=DOMAIN)["Items"] == []


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_a_segment_filter_naming_no_segment_fails_before_any_write(
    cp_mock, cp_client, run_module, run_logged, domain, check_mode
):
    # issue 20: check mode predicted success, and CreateEventTrigger then failed
    result, calls = run_logged(MODULE, args(segment_filter="no-such-segment"), check_mode=check_mode)
    assert result.failed, result
    assert result["changed"] is False
    assert "segment_filter: segment definition no-such-segment does not exist in domain " + DOMAIN in result["msg"]
    assert calls == ["GetEventTrigger", "GetProfileObjectType", "GetSegmentDefinition"]
    assert cp_client.list_event_triggers(DomainName=DOMAIN)["Items"] == []


def test_an_existing_segment_filter_is_read_once_then_kept(cp_mock, cp_client, run_module, run_logged, domain):
    cp_client.create_segment_definition(
        DomainName=DOMAIN, SegmentDefinitionName="vip", DisplayName="VIP", SegmentSqlQuery="SELECT * FROM profiles"
    )
    result, calls = run_logged(MODULE, args(segment_filter="vip"))
    assert result["changed"] is True, result
    assert calls == ["GetEventTrigger", "GetProfileObjectType", "GetSegmentDefinition", "CreateEventTrigger"]
    again, calls = run_logged(MODULE, args(segment_filter="vip"))
    assert again["changed"] is False
    assert calls == ["GetEventTrigger"]


def test_second_run_is_a_no_op(cp_mock, run_module, run_logged, domain):
    options = args(description="Orders", event_trigger_limits=LIMITS, tags={"Team": "c"})
    first = run_module(MODULE, options)
    result, calls = run_logged(MODULE, options)
    assert result["changed"] is False
    assert calls == ["GetEventTrigger"]
    assert result["event_trigger"] == first["event_trigger"]


def test_update_in_place_sends_only_what_differs(cp_mock, cp_client, run_module, run_logged, domain, sent):
    run_module(MODULE, args(description="Orders", event_trigger_limits=LIMITS))
    created_at = stored(cp_client)["CreatedAt"]
    del sent[:]
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, event_trigger_name=NAME, description="Big orders"))
    assert result["changed"] is True
    assert calls == ["GetEventTrigger", "UpdateEventTrigger"]
    (request,) = requests_of(sent, "UpdateEventTrigger")
    assert request == dict(DomainName=DOMAIN, EventTriggerName=NAME, Description="Big orders")
    held = stored(cp_client)
    assert held["Description"] == "Big orders"
    assert held["EventTriggerLimits"]["EventExpiration"] == 3600  # left out: kept
    assert held["CreatedAt"] == created_at  # updated, not created again
    assert result["event_trigger"]["description"] == "Big orders"


def test_a_given_block_is_complete(cp_mock, cp_client, run_module, domain):
    run_module(MODULE, args(event_trigger_limits=LIMITS))
    result = run_module(MODULE, args(event_trigger_limits=dict(periods=[dict(unit="HOURS", value=6, unlimited=True)])))
    assert result["changed"] is True
    assert result["event_trigger"]["event_trigger_limits"] == dict(
        periods=[dict(unit="HOURS", value=6, unlimited=True)]
    )
    assert "EventExpiration" not in stored(cp_client)["EventTriggerLimits"]


def test_moving_to_another_object_type_reads_it(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args())
    result, calls = run_logged(MODULE, args(object_type_name="Refund"))
    assert result["changed"] is True
    assert calls == ["GetEventTrigger", "GetProfileObjectType", "UpdateEventTrigger"]
    assert stored(cp_client)["ObjectTypeName"] == "Refund"
    missing, calls = run_logged(MODULE, args(object_type_name="Gone"))
    assert missing.failed and "object_type_name" in missing["msg"]
    assert writes(cp_mock) == []


def test_tags_change_through_tag_calls(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args(tags={"Team": "c", "Old": "x"}))
    result, calls = run_logged(MODULE, args(tags={"Team": "d"}))
    assert result["changed"] is True
    assert calls == ["GetEventTrigger", "TagResource", "UntagResource"]
    assert stored(cp_client)["Tags"] == {"Team": "d"}


def test_check_mode_and_diff(cp_mock, cp_client, run_module, run_logged, domain):
    predicted, calls = run_logged(MODULE, args(description="Orders"), check_mode=True, diff=True)
    assert predicted["changed"] is True
    assert writes(cp_mock) == []
    assert predicted["diff"]["before"] == {}
    assert predicted["diff"]["after"]["description"] == "Orders"
    assert cp_client.list_event_triggers(DomainName=DOMAIN)["Items"] == []
    applied = run_module(MODULE, args(description="Orders"))
    for key, value in predicted["event_trigger"].items():
        assert applied["event_trigger"][key] == value
    update, calls = run_logged(MODULE, args(description="Other"), check_mode=True, diff=True)
    assert update["changed"] is True and writes(cp_mock) == []
    assert update["diff"]["before"]["description"] == "Orders" and update["diff"]["after"]["description"] == "Other"
    assert stored(cp_client)["Description"] == "Orders"


def test_create_needs_object_type_and_conditions(cp_mock, run_module, run_logged, domain):
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, event_trigger_name=NAME, description="x"))
    assert result.failed
    assert "object_type_name and event_trigger_conditions are required" in result["msg"]
    assert writes(cp_mock) == []


def test_delete_and_absent_when_missing(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args())
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, event_trigger_name=NAME, state="absent"))
    assert result["changed"] is True
    assert calls == ["GetEventTrigger", "DeleteEventTrigger"]
    assert result["event_trigger"] == {}
    again, calls = run_logged(MODULE, dict(domain_name=DOMAIN, event_trigger_name=NAME, state="absent"))
    assert again["changed"] is False and calls == ["GetEventTrigger"]


def test_delete_refused_while_an_integration_names_it(cp_mock, cp_client, run_module, domain):
    run_module(MODULE, args())
    uri = "arn:aws:connect:us-east-1:123456789012:instance/abc"
    assert not run_module(
        "customerprofiles_integration",
        dict(domain_name=DOMAIN, uri=uri, object_type_name="Order", event_trigger_names=[NAME]),
    ).failed
    refused = run_module(MODULE, dict(domain_name=DOMAIN, event_trigger_name=NAME, state="absent"))
    assert refused.failed and refused["error"]["code"] == "BadRequestException"
    cleared = run_module("customerprofiles_integration", dict(domain_name=DOMAIN, uri=uri, event_trigger_names=[]))
    assert cleared["changed"] is True and cleared["integration"]["event_trigger_names"] == []
    assert not run_module(MODULE, dict(domain_name=DOMAIN, event_trigger_name=NAME, state="absent")).failed


def test_options_are_the_model_shapes():
    """Every member of CreateEventTrigger is an option, and the sub-options are the model's shapes, required alike."""
    shape = model.input_shape("CreateEventTrigger")
    members = set(to_camel(name) for name in EVENT_TRIGGER_ARGUMENT_SPEC if name not in ("state", "purge_tags"))
    assert members == set(shape.members)

    def compare(options, shape, path):
        if shape.type_name == "list":
            shape = shape.member
        assert sorted(to_camel(name) for name in options) == sorted(shape.members), path
        for name, spec in options.items():
            member = shape.members[to_camel(name)]
            assert bool(spec.get("required")) == (to_camel(name) in shape.required_members), path + "." + name
            inner = member.member if member.type_name == "list" else member
            if inner.type_name == "structure":
                compare(spec["options"], inner, path + "." + name)

    for option in ("event_trigger_conditions", "event_trigger_limits", "intent_filter_definition"):
        compare(EVENT_TRIGGER_ARGUMENT_SPEC[option]["options"], shape.members[to_camel(option)], option)


def _condition(**attribute):
    base = dict(field_name="amount", comparison_operator="GREATER_THAN", values=["500"])
    base.update(attribute)
    return [dict(logical_operator="ALL", event_trigger_dimensions=[dict(object_attributes=[base])])]


ATTRIBUTE_PATH = "event_trigger_conditions[0].event_trigger_dimensions[0].object_attributes[0]."


@pytest.mark.parametrize(
    "options, path, value",
    [
        (dict(event_trigger_name="bad name!"), "event_trigger_name", "bad name!"),
        (dict(object_type_name="9type"), "object_type_name", "9type"),
        (dict(description="d" * 1001), "description", "d" * 1001),
        (dict(segment_filter="bad segment!"), "segment_filter", "bad segment!"),
        (dict(event_trigger_conditions=[]), "event_trigger_conditions", None),
        (dict(event_trigger_conditions=CONDITIONS * 6), "event_trigger_conditions", None),
        (
            dict(event_trigger_conditions=[dict(CONDITIONS[0], logical_operator="SOME")]),
            "event_trigger_conditions[0].logical_operator",
            "SOME",
        ),
        (
            dict(event_trigger_conditions=_condition(comparison_operator="NEAR")),
            ATTRIBUTE_PATH + "comparison_operator",
            "NEAR",
        ),
        (
            dict(event_trigger_conditions=_condition(field_name="bad field!")),
            ATTRIBUTE_PATH + "field_name",
            "bad field!",
        ),
        (dict(event_trigger_conditions=_condition(values=[])), ATTRIBUTE_PATH + "values", None),
        (dict(event_trigger_conditions=_condition(values=["v" * 256])), ATTRIBUTE_PATH + "values[0]", "v" * 256),
        (dict(event_trigger_conditions=_condition(source="")), ATTRIBUTE_PATH + "source", None),
        (
            dict(event_trigger_limits=dict(periods=[dict(unit="YEARS", value=1)])),
            "event_trigger_limits.periods[0].unit",
            "YEARS",
        ),
        (
            dict(event_trigger_limits=dict(periods=[dict(unit="DAYS", value=61)])),
            "event_trigger_limits.periods[0].value",
            "61",
        ),
        (
            dict(event_trigger_limits=dict(periods=[dict(unit="DAYS", value=1, max_invocations_per_profile=1001)])),
            "event_trigger_limits.periods[0].max_invocations_per_profile",
            "1001",
        ),
        (
            dict(event_trigger_limits=dict(periods=[dict(unit="DAYS", value=1)] * 5)),
            "event_trigger_limits.periods",
            None,
        ),
        (dict(tags={"aws:reserved": "v"}), "tags", None),
    ],
)
def test_bad_input_fails_before_any_call_naming_the_option(
    cp_mock, run_module, run_logged, domain, options, path, value
):
    result, calls = run_logged(MODULE, args(**options))
    assert result.failed, result
    assert calls == []
    assert path in result["msg"]
    if value:
        assert value not in result["msg"].replace(path, "")


def test_info_one_and_all(cp_mock, run_module, domain):
    run_module(MODULE, args(description="first"))
    run_module(MODULE, args(event_trigger_name="refunds", object_type_name="Refund"))
    cp_mock.reset_calls()
    one = run_module(INFO, dict(domain_name=DOMAIN, event_trigger_name=NAME))
    assert [item["event_trigger_name"] for item in one["event_triggers"]] == [NAME]
    assert operations(cp_mock) == ["GetEventTrigger"]
    cp_mock.reset_calls()
    everything = run_module(INFO, dict(domain_name=DOMAIN))
    assert [item["event_trigger_name"] for item in everything["event_triggers"]] == [NAME, "refunds"]
    assert everything["event_triggers"][0]["event_trigger_conditions"] == CONDITIONS
    assert operations(cp_mock) == ["ListEventTriggers", "GetEventTrigger", "GetEventTrigger"]
    assert run_module(INFO, dict(domain_name=DOMAIN, event_trigger_name="none"))["event_triggers"] == []


# ------------------------------------------------------------------ intent_filter_definition (botocore 1.44.18)


def enable_intents(cp_client, *configs):
    cp_client.put_intent_definition(
        DomainName=DOMAIN, IntentDomain="DEFAULT", Intents=[{config: {"Enabled": True}} for config in configs]
    )


def test_an_intent_filter_is_created_and_read_back(cp_mock, cp_client, run_module, run_logged, domain, sent):
    enable_intents(cp_client, "PriceSensitivityConfig")
    result, calls = run_logged(MODULE, args(intent_filter_definition=INTENT_FILTER))
    assert result["changed"] is True, result
    assert calls == ["GetEventTrigger", "GetProfileObjectType", "GetIntentDefinition", "CreateEventTrigger"]
    (request,) = requests_of(sent, "CreateEventTrigger")
    condition = request["IntentFilterDefinition"]["Groups"][0]["Conditions"][0]
    assert condition == {
        "Intent": {"IntentDomain": "DEFAULT", "Type": "PRICE_SENSITIVITY"},
        "ComparisonOperator": "EQUAL",
        "Values": ["HIGH"],
    }
    assert result["event_trigger"]["intent_filter_definition"] == INTENT_FILTER
    assert stored(cp_client)["IntentFilterDefinition"]["LogicalOperator"] == "ALL"
    again, calls = run_logged(MODULE, args(intent_filter_definition=INTENT_FILTER))
    assert again["changed"] is False and calls == ["GetEventTrigger"]
    info = run_module(INFO, dict(domain_name=DOMAIN, event_trigger_name=NAME))
    assert info["event_triggers"][0]["intent_filter_definition"] == INTENT_FILTER


def test_an_intent_filter_is_added_in_place(cp_mock, cp_client, run_module, run_logged, domain, sent):
    run_module(MODULE, args(description="Orders"))
    enable_intents(cp_client, "PriceSensitivityConfig")
    del sent[:]
    result, calls = run_logged(
        MODULE, dict(domain_name=DOMAIN, event_trigger_name=NAME, intent_filter_definition=INTENT_FILTER)
    )
    assert result["changed"] is True
    assert calls == ["GetEventTrigger", "GetIntentDefinition", "UpdateEventTrigger"]
    (request,) = requests_of(sent, "UpdateEventTrigger")
    assert sorted(request) == ["DomainName", "EventTriggerName", "IntentFilterDefinition"]
    assert stored(cp_client)["Description"] == "Orders"


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
@pytest.mark.parametrize(
    "enabled, expected",
    [
        ((), "domain trigger-domain has no intent definition DEFAULT, which must enable PRICE_SENSITIVITY"),
        (
            ("LastSearchIntentConfig",),
            "the intent definition DEFAULT of domain trigger-domain does not enable PRICE_SENSITIVITY",
        ),
    ],
    ids=["no-definition", "type-not-enabled"],
)
def test_an_intent_filter_on_types_not_enabled_fails_before_any_write(
    cp_mock, cp_client, run_module, run_logged, domain, check_mode, enabled, expected
):
    if enabled:
        enable_intents(cp_client, *enabled)
    result, calls = run_logged(MODULE, args(intent_filter_definition=INTENT_FILTER), check_mode=check_mode)
    assert result.failed, result
    assert result["changed"] is False
    assert "intent_filter_definition: " + expected in result["msg"]
    assert calls == ["GetEventTrigger", "GetProfileObjectType", "GetIntentDefinition"]
    assert writes(cp_mock) == []


def test_the_service_refuses_what_the_model_cannot_say(cp_mock, cp_client, run_module, domain):
    """The emulator checks the filter as IntentFilterCondition's reference says (an operator LAST_SEARCH_INTENT
    does not take): the service's message, no traceback."""
    enable_intents(cp_client, "LastSearchIntentConfig")
    wrong = dict(INTENT_FILTER)
    wrong["groups"] = [
        dict(
            logical_operator="ALL",
            conditions=[
                dict(
                    intent=dict(intent_domain="DEFAULT", type="LAST_SEARCH_INTENT"),
                    comparison_operator="EQUAL",
                    values=["shoes"],
                )
            ],
        )
    ]
    result = run_module(MODULE, args(intent_filter_definition=wrong))
    assert result.failed and result["error"]["code"] == "BadRequestException"
    assert "takes the comparison operators CONTAINS" in result["msg"]


def _without(data, request_shapes, member):
    for name in request_shapes:
        data["shapes"][name]["members"].pop(member)
    return data


def test_intent_filter_definition_on_an_older_botocore_names_the_release(cp_mock, run_module, domain, older_model):
    older_model(
        lambda data: _without(
            data, ("CreateEventTriggerRequest", "UpdateEventTriggerRequest"), "IntentFilterDefinition"
        )
    )
    cp_mock.reset_calls()
    result = run_module(MODULE, args(intent_filter_definition=INTENT_FILTER))
    assert result.failed
    assert "intent_filter_definition needs botocore >= 1.44.18" in result["msg"]
    assert cp_mock.calls() == []
    # the options the older model has still work
    assert run_module(MODULE, args())["changed"] is True


INTENT_PATH = "intent_filter_definition.groups[0].conditions[0]."


def _intent_filter(**condition):
    base = dict(
        intent=dict(intent_domain="DEFAULT", type="PRICE_SENSITIVITY"), comparison_operator="EQUAL", values=["HIGH"]
    )
    base.update(condition)
    return dict(logical_operator="ALL", groups=[dict(logical_operator="ALL", conditions=[base])])


@pytest.mark.parametrize(
    "intent_filter, path, value",
    [
        (dict(INTENT_FILTER, logical_operator="SOME"), "intent_filter_definition.logical_operator", "SOME"),
        (dict(INTENT_FILTER, groups=[]), "intent_filter_definition.groups", None),
        (dict(INTENT_FILTER, groups=INTENT_FILTER["groups"] * 2), "intent_filter_definition.groups", None),
        (_intent_filter(comparison_operator="NEAR"), INTENT_PATH + "comparison_operator", "NEAR"),
        (
            _intent_filter(intent=dict(intent_domain="OTHER", type="PRICE_SENSITIVITY")),
            INTENT_PATH + "intent.intent_domain",
            "OTHER",
        ),
        (_intent_filter(intent=dict(intent_domain="DEFAULT", type="MOOD")), INTENT_PATH + "intent.type", "MOOD"),
        (_intent_filter(values=[]), INTENT_PATH + "values", None),
        (_intent_filter(values=["x" * 256]), INTENT_PATH + "values[0]", "x" * 256),
        (_intent_filter(values=["a"] * 11), INTENT_PATH + "values", None),
    ],
)
def test_a_bad_intent_filter_fails_before_any_call(cp_mock, run_module, run_logged, domain, intent_filter, path, value):
    result, calls = run_logged(MODULE, args(intent_filter_definition=intent_filter))
    assert result.failed, result
    assert calls == []
    assert path in result["msg"]
    if value:
        assert value not in result["msg"].replace(path, "")

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_intent_definition and _info against the in-process emulator (botocore 1.44.18)."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_camel
from ansible_collections.awscx.customerprofiles.plugins.module_utils.intent_definition import (
    INTENT_DEFINITION_ARGUMENT_SPEC,
)
from call_log import assert_fails_naming
from call_log import writes
from connect_helpers import record_requests
from connect_helpers import requests_of

MODULE = "customerprofiles_intent_definition"
INFO = "customerprofiles_intent_definition_info"
DOMAIN = "intent-domain"
PRICE = dict(price_sensitivity_config=dict(enabled=True))
SEARCH = dict(last_search_intent_config=dict(enabled=True))
ARN = "arn:aws:profile:us-east-1:123456789012:domains/{0}/intents/DEFAULT".format(DOMAIN)


@pytest.fixture
def sent(monkeypatch):
    return record_requests(monkeypatch)


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    return DOMAIN


def args(**options):
    base = dict(domain_name=DOMAIN, intent_domain="DEFAULT", intents=[PRICE])
    base.update(options)
    return base


def stored(cp_client):
    return cp_client.get_intent_definition(DomainName=DOMAIN, IntentDomain="DEFAULT")


def test_create_then_a_second_run_is_a_no_op(cp_mock, cp_client, run_module, run_logged, domain, sent, clients_built):
    result, calls = run_logged(MODULE, args(intents=[PRICE, SEARCH], tags={"Team": "a"}))
    assert result["changed"] is True, result
    assert calls == ["GetIntentDefinition", "PutIntentDefinition"]
    (request,) = requests_of(sent, "PutIntentDefinition")
    assert request == dict(
        DomainName=DOMAIN,
        IntentDomain="DEFAULT",
        Intents=[{"PriceSensitivityConfig": {"Enabled": True}}, {"LastSearchIntentConfig": {"Enabled": True}}],
        Tags={"Team": "a"},
    )
    definition = result["intent_definition"]
    assert definition["intents"] == [PRICE, SEARCH]
    assert definition["intent_domain"] == "DEFAULT" and definition["domain_name"] == DOMAIN
    assert definition["intent_definition_arn"] == ARN
    assert definition["tags"] == {"Team": "a"}
    assert stored(cp_client)["Intents"][1] == {"LastSearchIntentConfig": {"Enabled": True}}
    del clients_built[:]
    again, calls = run_logged(MODULE, args(intents=[PRICE, SEARCH], tags={"Team": "a"}))
    assert again["changed"] is False
    assert calls == ["GetIntentDefinition", "ListTagsForResource"]
    assert clients_built.count("sts") == 1  # the ARN of the tags read: the caller's account, once a run
    assert again["intent_definition"] == definition


def test_a_change_puts_the_whole_definition_without_tags(cp_mock, cp_client, run_module, run_logged, domain, sent):
    run_module(MODULE, args(tags={"Team": "a"}))
    created_at = stored(cp_client)["CreatedAt"]
    del sent[:]
    result, calls = run_logged(MODULE, args(intents=[dict(price_sensitivity_config=dict(enabled=False)), SEARCH]))
    assert result["changed"] is True
    assert calls == ["GetIntentDefinition", "ListTagsForResource", "PutIntentDefinition"]
    (request,) = requests_of(sent, "PutIntentDefinition")
    assert "Tags" not in request  # the service refuses tags on a put that updates
    assert request["Intents"][0] == {"PriceSensitivityConfig": {"Enabled": False}}
    held = stored(cp_client)
    assert held["CreatedAt"] == created_at
    assert result["intent_definition"]["tags"] == {"Team": "a"}


def test_options_left_out_keep_their_values_and_tags_change_through_tag_calls(
    cp_mock, cp_client, run_module, run_logged, domain
):
    run_module(MODULE, args(intents=[PRICE, SEARCH], tags={"Team": "a", "Old": "x"}))
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name="DEFAULT", tags={"Team": "b"}))
    assert result["changed"] is True
    assert calls == ["GetIntentDefinition", "ListTagsForResource", "TagResource", "UntagResource"]
    assert result["intent_definition"]["intents"] == [PRICE, SEARCH]
    assert result["intent_definition"]["tags"] == {"Team": "b"}
    assert len(stored(cp_client)["Intents"]) == 2
    assert cp_client.list_tags_for_resource(resourceArn=ARN)["tags"] == {"Team": "b"}


def test_check_mode_and_diff(cp_mock, cp_client, run_module, run_logged, domain):
    predicted, calls = run_logged(MODULE, args(), check_mode=True, diff=True)
    assert predicted["changed"] is True and writes(cp_mock) == []
    assert predicted["diff"]["before"] == {}
    assert predicted["diff"]["after"]["intents"] == [PRICE]
    applied = run_module(MODULE, args())
    for key, value in predicted["intent_definition"].items():
        assert applied["intent_definition"][key] == value, key
    update, calls = run_logged(MODULE, args(intents=[SEARCH]), check_mode=True, diff=True)
    assert update["changed"] is True and writes(cp_mock) == []
    assert update["diff"]["before"]["intents"] == [PRICE] and update["diff"]["after"]["intents"] == [SEARCH]
    assert stored(cp_client)["Intents"] == [{"PriceSensitivityConfig": {"Enabled": True}}]
    gone, calls = run_logged(MODULE, args(state="absent"), check_mode=True, diff=True)
    assert gone["changed"] is True and writes(cp_mock) == [] and gone["diff"]["after"] == {}


def test_create_needs_intents(cp_mock, run_module, run_logged, domain):
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, intent_domain="DEFAULT"))
    assert result.failed
    assert "intents is required to create intent definition DEFAULT" in result["msg"]
    assert writes(cp_mock) == []


def test_delete_and_absent_when_missing(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args(tags={"Team": "a"}))
    result, calls = run_logged(MODULE, args(state="absent"))
    assert result["changed"] is True
    assert calls == ["GetIntentDefinition", "ListTagsForResource", "DeleteIntentDefinition"]
    assert result["intent_definition"] == {}
    again, calls = run_logged(MODULE, args(state="absent"))
    assert again["changed"] is False and calls == ["GetIntentDefinition"]


def test_a_missing_domain_fails_with_the_service_error(cp_mock, run_module):
    result = run_module(MODULE, args(domain_name="no-such-domain"))
    assert result.failed and result["error"]["code"] == "ResourceNotFoundException"


def test_options_are_the_model_shapes():
    """Every member of PutIntentDefinition is an option; each intents entry has the members of IntentConfig."""
    shape = model.input_shape("PutIntentDefinition")
    members = set(to_camel(name) for name in INTENT_DEFINITION_ARGUMENT_SPEC if name not in ("state", "purge_tags"))
    assert members == set(shape.members)
    config = shape.members["Intents"].member
    options = INTENT_DEFINITION_ARGUMENT_SPEC["intents"]["options"]
    assert sorted(to_camel(name) for name in options) == sorted(config.members)
    for name, spec in options.items():
        inner = config.members[to_camel(name)]
        assert sorted(to_camel(sub) for sub in spec["options"]) == sorted(inner.members)
        assert all(sub["required"] for sub in spec["options"].values()) and inner.required_members == ["Enabled"]


@pytest.mark.parametrize(
    "options, path, value",
    [
        (dict(intent_domain="CUSTOM"), "intent_domain", "CUSTOM"),
        (dict(domain_name="bad domain!"), "domain_name", "bad domain!"),
        (dict(intents=[]), "intents", None),
        (dict(intents=[PRICE] * 21), "intents", None),
        (dict(intents=[dict(PRICE, **SEARCH)]), "intents[0] must set exactly one of", None),
        (dict(intents=[dict()]), "intents[0] must set exactly one of", None),
        (dict(intents=[PRICE, PRICE]), "intents: each intent type may appear at most once", None),
        (dict(intents=[dict(price_sensitivity_config=dict(enabled=False))]), "intents: at least one intent type", None),
        (dict(intents=[dict(price_sensitivity_config=dict(enabled="maybe"))]), "intents", "maybe"),
        (dict(tags={"aws:reserved": "v"}), "tags", None),
    ],
)
def test_bad_input_fails_before_any_call_naming_the_option(cp_mock, run_module, domain, options, path, value):
    cp_mock.reset_calls()
    assert_fails_naming(run_module(MODULE, args(**options)), cp_mock, path, value)


def _without_intent_operations(data):
    for name in ("PutIntentDefinition", "GetIntentDefinition", "DeleteIntentDefinition", "ListIntentTypes"):
        data["operations"].pop(name)
    return data


@pytest.mark.parametrize(
    "module, options, named",
    [
        (MODULE, args(), "this module needs botocore >= 1.44.18"),
        (INFO, dict(domain_name=DOMAIN), "this module needs botocore >= 1.44.18"),
        (INFO, dict(domain_name=DOMAIN, list_intent_types=True), "list_intent_types needs botocore >= 1.44.18"),
    ],
)
def test_an_older_botocore_fails_naming_the_release(cp_mock, run_module, domain, older_model, module, options, named):
    older_model(_without_intent_operations)
    cp_mock.reset_calls()
    result = run_module(module, options)
    assert result.failed
    assert named in result["msg"]
    assert cp_mock.calls() == []


def test_info_one_all_and_the_intent_types(cp_mock, run_module, run_logged, domain):
    assert run_module(INFO, dict(domain_name=DOMAIN))["intent_definitions"] == []
    created = run_module(MODULE, args(tags={"Team": "a"}))["intent_definition"]
    one, calls = run_logged(INFO, dict(domain_name=DOMAIN, intent_domain="DEFAULT"))
    assert one["intent_definitions"] == [created]
    assert calls == ["GetIntentDefinition", "ListTagsForResource"]
    assert "intent_types" not in one
    everything, calls = run_logged(INFO, dict(domain_name=DOMAIN, list_intent_types=True))
    assert everything["intent_definitions"] == [created]
    assert calls == ["GetIntentDefinition", "ListTagsForResource", "ListIntentTypes"]
    (group,) = everything["intent_types"]
    assert group["intent_domain"] == "DEFAULT"
    assert [item["intent_type"] for item in group["types"]] == [
        "PRICE_SENSITIVITY",
        "WEB_SESSION_SUMMARY",
        "UPGRADE_UPSELL_PROPENSITY",
        "LAST_SEARCH_INTENT",
    ]
    assert all(item["description"] for item in group["types"])
    missing = run_module(INFO, dict(domain_name="no-such-domain", intent_domain="DEFAULT"))
    assert missing["intent_definitions"] == []


def test_an_error_of_list_intent_types_fails_with_the_service_error(cp_mock, run_module, domain):
    """The intent types are read inside the info driver's error handling: the service's error, no traceback."""
    cp_mock.inject_fault("ListIntentTypes", "AccessDeniedException", count=1)
    result = run_module(INFO, dict(domain_name=DOMAIN, list_intent_types=True))
    assert result.failed
    assert result["error"]["code"] == "AccessDeniedException"
    assert "list intent types" in result["msg"]
    assert "exception" not in result or "Traceback" not in str(result.get("exception"))

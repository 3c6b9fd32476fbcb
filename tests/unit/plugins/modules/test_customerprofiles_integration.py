# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_integration and _info against the in-process emulator."""

import json

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_camel
from ansible_collections.awscx.customerprofiles.plugins.module_utils.integration import FLOW_DEFINITION_OPTIONS
from call_log import operations
from call_log import writes
from connect_helpers import make_object_type
from connect_helpers import record_requests
from connect_helpers import requests_of

MODULE = "customerprofiles_integration"
INFO = "customerprofiles_integration_info"
DOMAIN = "integration-domain"
INSTANCE = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
FLOW_URI = "arn:aws:appflow:us-east-1:123456789012:flow/crm-import"
FLOW = dict(
    flow_name="crm-import",
    kms_arn="arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    source_flow_config=dict(connector_type="S3", source_connector_properties=dict(s3=dict(bucket_name="crm-exports"))),
    tasks=[
        dict(
            task_type="Map", source_fields=["email"], destination_field="email", task_properties={"DATA_TYPE": "string"}
        )
    ],
    trigger_config=dict(trigger_type="OnDemand"),
)


@pytest.fixture
def sent(monkeypatch):
    return record_requests(monkeypatch)


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    for name in ("CTR", "Contact", "ShopifyCustomer"):
        make_object_type(cp_mock, cp_client, DOMAIN, name)
    return DOMAIN


def args(**options):
    base = dict(domain_name=DOMAIN, uri=INSTANCE)
    base.update(options)
    return base


def stored(cp_client, uri=INSTANCE):
    return cp_client.get_integration(DomainName=DOMAIN, Uri=uri)


# ------------------------------------------------------------------ create / no-op / update / delete


def test_create_connect_instance_integration(cp_mock, cp_client, run_module, run_logged, domain):
    result, calls = run_logged(MODULE, args(object_type_name="CTR", tags={"Team": "cc", "Cost": 42}))
    assert result["changed"] is True, result
    assert calls == ["GetIntegration", "PutIntegration"]
    integration = result["integration"]
    assert integration["uri"] == INSTANCE
    assert integration["domain_name"] == DOMAIN
    assert integration["object_type_name"] == "CTR"
    assert integration["scope"] == "PROFILE"
    assert integration["tags"] == {"Team": "cc", "Cost": "42"}
    held = stored(cp_client)
    assert held["ObjectTypeName"] == "CTR"
    assert held["Tags"] == {"Team": "cc", "Cost": "42"}


def test_second_run_is_a_no_op(cp_mock, cp_client, run_module, run_logged, domain):
    options = args(object_type_name="CTR", scope="PROFILE", tags={"Team": "cc"})
    first = run_module(MODULE, options)
    result, calls = run_logged(MODULE, options)
    assert result["changed"] is False
    assert calls == ["GetIntegration"]
    assert result["integration"] == first["integration"]


def test_update_sends_the_whole_definition_keeping_what_is_left_out(
    cp_mock, cp_client, run_module, run_logged, domain, sent
):
    role = "arn:aws:iam::123456789012:role/profiles"
    run_module(MODULE, args(object_type_name="CTR", role_arn=role, tags={"Team": "cc"}))
    del sent[:]
    result, calls = run_logged(MODULE, args(scope="DOMAIN"))
    assert result["changed"] is True
    assert calls == ["GetIntegration", "PutIntegration"]
    (request,) = requests_of(sent, "PutIntegration")
    assert request == dict(DomainName=DOMAIN, Uri=INSTANCE, ObjectTypeName="CTR", RoleArn=role, Scope="DOMAIN")
    held = stored(cp_client)
    assert (held["ObjectTypeName"], held["RoleArn"], held["Scope"], held["Tags"]) == (
        "CTR",
        role,
        "DOMAIN",
        {"Team": "cc"},
    )
    assert result["integration"]["scope"] == "DOMAIN"
    assert result["integration"]["tags"] == {"Team": "cc"}


def test_switch_from_one_object_type_to_a_map(cp_mock, cp_client, run_module, domain, sent):
    run_module(MODULE, args(object_type_name="CTR"))
    names = {"ShopifyCreateCustomers": "ShopifyCustomer", "Segment_Identify": "Contact"}
    del sent[:]
    result = run_module(MODULE, args(object_type_names=names))
    assert result["changed"] is True, result
    (request,) = requests_of(sent, "PutIntegration")
    assert "ObjectTypeName" not in request
    assert request["ObjectTypeNames"] == names
    assert result["integration"]["object_type_names"] == names  # keys kept exactly
    assert "object_type_name" not in result["integration"]
    assert stored(cp_client)["ObjectTypeNames"] == names


def test_empty_role_arn_removes_the_role(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args(object_type_name="CTR", role_arn="arn:aws:iam::123456789012:role/profiles"))
    result = run_module(MODULE, args(role_arn=""))
    assert result["changed"] is True
    assert "role_arn" not in result["integration"]
    assert "RoleArn" not in stored(cp_client)
    again, calls = run_logged(MODULE, args(role_arn=""))
    assert again["changed"] is False and calls == ["GetIntegration"]


def test_tags_of_an_existing_integration_change_through_tag_calls(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args(object_type_name="CTR", tags={"Team": "cc", "Old": "x"}))
    result, calls = run_logged(MODULE, args(tags={"Team": "sales"}))
    assert result["changed"] is True
    assert calls == ["GetIntegration", "TagResource", "UntagResource"]
    assert stored(cp_client)["Tags"] == {"Team": "sales"}
    assert result["integration"]["tags"] == {"Team": "sales"}
    kept, calls = run_logged(MODULE, args(tags={"New": "1"}, purge_tags=False))
    assert calls == ["GetIntegration", "TagResource"]
    assert kept["integration"]["tags"] == {"Team": "sales", "New": "1"}


def test_delete_and_absent_when_missing(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args(object_type_name="CTR"))
    result, calls = run_logged(MODULE, args(state="absent"), diff=True)
    assert result["changed"] is True
    assert calls == ["GetIntegration", "DeleteIntegration"]
    assert result["integration"] == {}
    assert result["diff"]["before"]["uri"] == INSTANCE and result["diff"]["after"] == {}
    assert cp_client.list_integrations(DomainName=DOMAIN)["Items"] == []
    again, calls = run_logged(MODULE, args(state="absent"))
    assert again["changed"] is False and calls == ["GetIntegration"]


# ------------------------------------------------------------------ check mode and diff


def test_check_mode_create_predicts_and_writes_nothing(cp_mock, cp_client, run_module, run_logged, domain):
    predicted, calls = run_logged(MODULE, args(object_type_name="CTR", tags={"Team": "cc"}), check_mode=True, diff=True)
    assert predicted["changed"] is True
    assert writes(cp_mock) == []
    assert cp_client.list_integrations(DomainName=DOMAIN)["Items"] == []
    assert predicted["diff"]["before"] == {}
    assert predicted["diff"]["after"]["object_type_name"] == "CTR"
    applied = run_module(MODULE, args(object_type_name="CTR", tags={"Team": "cc"}))
    for key, value in predicted["integration"].items():
        assert applied["integration"][key] == value


def test_check_mode_update_and_diff(cp_mock, cp_client, run_module, run_logged, domain):
    run_module(MODULE, args(object_type_name="CTR"))
    result, calls = run_logged(MODULE, args(object_type_name="Contact", scope="DOMAIN"), check_mode=True, diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == []
    assert result["diff"]["before"]["object_type_name"] == "CTR"
    assert result["diff"]["after"]["object_type_name"] == "Contact"
    assert result["diff"]["after"]["scope"] == "DOMAIN"
    assert stored(cp_client)["ObjectTypeName"] == "CTR"


# ------------------------------------------------------------------ flow definition


def test_flow_definition_sent_on_create_never_returned(cp_mock, cp_client, run_module, domain, sent):
    result = run_module(
        MODULE, dict(domain_name=DOMAIN, uri=FLOW_URI, object_type_name="Contact", flow_definition=FLOW)
    )
    assert result["changed"] is True, result
    (request,) = requests_of(sent, "PutIntegration")
    flow = request["FlowDefinition"]
    assert flow["FlowName"] == "crm-import"
    assert flow["SourceFlowConfig"] == {
        "ConnectorType": "S3",
        "SourceConnectorProperties": {"S3": {"BucketName": "crm-exports"}},
    }
    assert flow["Tasks"][0]["TaskProperties"] == {"DATA_TYPE": "string"}  # keys kept exactly
    assert "flow_definition" not in result["integration"]


def test_flow_definition_of_an_existing_integration_needs_update_flow_definition(
    cp_mock, run_module, run_logged, domain, sent
):
    options = dict(domain_name=DOMAIN, uri=FLOW_URI, object_type_name="Contact", flow_definition=FLOW)
    run_module(MODULE, options)
    skipped, calls = run_logged(MODULE, options)
    assert skipped["changed"] is False
    assert calls == ["GetIntegration"]
    assert "update_flow_definition=true" in json.dumps(skipped.get("warnings"))  # the form differs across ansible-core
    del sent[:]
    updated, calls = run_logged(MODULE, dict(options, update_flow_definition=True))
    assert updated["changed"] is True
    assert calls == ["GetIntegration", "PutIntegration"]
    (request,) = requests_of(sent, "PutIntegration")
    assert request["FlowDefinition"]["FlowName"] == "crm-import"
    assert request["ObjectTypeName"] == "Contact"


def test_flow_definition_options_are_the_model_shape():
    """The flow_definition sub-options are the members of the model's FlowDefinition shape, required alike."""
    shape = model.input_shape("PutIntegration").members["FlowDefinition"]

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

    compare(FLOW_DEFINITION_OPTIONS, shape, "flow_definition")


# ------------------------------------------------------------------ input checks before any call


def test_object_type_name_and_names_are_mutually_exclusive(cp_mock, run_module, run_logged, domain):
    result, calls = run_logged(MODULE, args(object_type_name="CTR", object_type_names={"A": "Contact"}))
    assert result.failed
    assert calls == []
    assert "object_type_name and object_type_names are mutually exclusive" in result["msg"]


def test_create_needs_an_object_type(cp_mock, run_module, run_logged, domain):
    result, calls = run_logged(MODULE, args(scope="PROFILE"))
    assert result.failed
    assert calls == ["GetIntegration"]
    assert "object_type_name or object_type_names is required" in result["msg"]


@pytest.mark.parametrize("exists", [False, True], ids=["create", "update"])
@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_an_empty_object_type_names_fails_before_any_call(
    cp_mock, cp_client, run_module, run_logged, domain, exists, check_mode
):
    # issue 20: {} was sent as nothing, so check mode predicted success and PutIntegration then failed
    if exists:
        run_module(MODULE, args(object_type_name="CTR"))
    result, calls = run_logged(MODULE, args(object_type_names={}), check_mode=check_mode)
    assert result.failed, result
    assert "object_type_names must have at least 1 entries" in result["msg"]
    assert calls == []


@pytest.mark.parametrize(
    "options, path, value",
    [
        (dict(uri="u" * 256), "uri", "u" * 256),
        (dict(object_type_name="9bad-name"), "object_type_name", "9bad-name"),
        (dict(object_type_names={"Event": "9bad-type"}), "object_type_names", "9bad-type"),
        (dict(object_type_name="CTR", role_arn="not-a-role-xyz"), "role_arn", "not-a-role-xyz"),
        (dict(object_type_name="CTR", event_trigger_names=["t-one", "t-two"]), "event_trigger_names", "t-two"),
        (dict(object_type_name="CTR", event_trigger_names=["bad name!"]), "event_trigger_names[0]", "bad name!"),
        (dict(object_type_name="CTR", scope="GALAXY"), "scope", "GALAXY"),
        (
            dict(object_type_name="CTR", flow_definition=dict(FLOW, kms_arn="kms-key-secret-xyz")),
            "flow_definition.kms_arn",
            "kms-key-secret-xyz",
        ),
        (
            dict(
                object_type_name="CTR", flow_definition=dict(FLOW, tasks=[dict(FLOW["tasks"][0], task_type="Juggle")])
            ),
            "flow_definition.tasks[0].task_type",
            "Juggle",
        ),
        (
            dict(
                object_type_name="CTR",
                flow_definition=dict(FLOW, tasks=[dict(FLOW["tasks"][0], task_properties={"WOBBLE": "x"})]),
            ),
            "flow_definition.tasks[0].task_properties",
            "WOBBLE",
        ),
        (
            dict(
                object_type_name="CTR",
                flow_definition=dict(FLOW, source_flow_config=dict(FLOW["source_flow_config"], connector_type="Fax")),
            ),
            "flow_definition.source_flow_config.connector_type",
            "Fax",
        ),
        (
            dict(
                object_type_name="CTR",
                flow_definition=dict(
                    FLOW,
                    trigger_config=dict(
                        trigger_type="Scheduled",
                        trigger_properties=dict(
                            scheduled=dict(schedule_expression="rate(1hours)", schedule_offset=99999)
                        ),
                    ),
                ),
            ),
            "flow_definition.trigger_config.trigger_properties.scheduled.schedule_offset",
            "99999",
        ),
        (dict(object_type_name="CTR", tags={"aws:reserved": "v"}), "tags", "aws:reserved"),
    ],
)
def test_bad_input_fails_before_any_call_naming_the_option(
    cp_mock, run_module, run_logged, domain, options, path, value
):
    result, calls = run_logged(MODULE, args(**options))
    assert result.failed, result
    assert calls == []
    assert path in result["msg"]
    message = result["msg"].replace(path, "")
    if value != "aws:reserved":  # a map key is named as the key that breaks the rule
        assert value not in message


# ------------------------------------------------------------------ service errors


def test_a_uri_of_another_domain_fails_with_the_service_message(cp_mock, cp_client, run_module, domain):
    cp_client.create_domain(DomainName="other-domain", DefaultExpirationDays=30)
    make_object_type(cp_mock, cp_client, "other-domain", "CTR")
    assert not run_module(MODULE, dict(domain_name="other-domain", uri=INSTANCE, object_type_name="CTR")).failed
    result = run_module(MODULE, args(object_type_name="CTR"))
    assert result.failed
    assert "BadRequestException" in result["msg"] and "other-domain" in result["msg"]
    assert result["changed"] is False


# ------------------------------------------------------------------ info


def test_info_one_and_all(cp_mock, cp_client, run_module, domain):
    run_module(MODULE, args(object_type_name="CTR"))
    run_module(MODULE, dict(domain_name=DOMAIN, uri=FLOW_URI, object_type_name="Contact", flow_definition=FLOW))
    cp_mock.reset_calls()
    one = run_module(INFO, dict(domain_name=DOMAIN, uri=INSTANCE))
    assert one["changed"] is False
    assert [item["uri"] for item in one["integrations"]] == [INSTANCE]
    assert operations(cp_mock) == ["GetIntegration"]
    everything = run_module(INFO, dict(domain_name=DOMAIN))
    assert sorted(item["uri"] for item in everything["integrations"]) == sorted([INSTANCE, FLOW_URI])
    missing = run_module(INFO, dict(domain_name=DOMAIN, uri="arn:aws:connect:us-east-1:123456789012:instance/none"))
    assert missing["integrations"] == []


def test_info_follows_every_page(cp_mock, cp_client, run_module, domain, monkeypatch):
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import core

    original = core.paginate
    monkeypatch.setattr(
        "ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core.paginate",
        lambda call, key, **params: original(call, key, page_size=2, **params),
    )
    uris = ["arn:aws:connect:us-east-1:123456789012:instance/i-{0}".format(index) for index in range(5)]
    for uri in uris:
        cp_client.put_integration(DomainName=DOMAIN, Uri=uri, ObjectTypeName="CTR")
    cp_mock.reset_calls()
    result = run_module(INFO, dict(domain_name=DOMAIN))
    assert [item["uri"] for item in result["integrations"]] == uris
    assert operations(cp_mock) == ["ListIntegrations"] * 3

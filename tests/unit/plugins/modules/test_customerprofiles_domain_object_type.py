# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_domain_object_type and _info against the in-process emulator: results, stored state, API calls."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import domain_object_type
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import input_shape
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import spec_model_differences
from call_log import assert_fails_naming
from call_log import writes
from module_docs import doc_spec_differences
from module_docs import documented_options
from module_docs import tags_fragment_spec

MODULE = "customerprofiles_domain_object_type"
INFO = MODULE + "_info"
DOMAIN = "dot-domain"
NAME = "CatalogItem"
GET = "GetDomainObjectType"
PUT = "PutDomainObjectType"
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
FIELDS = {
    "Sku": {"source": "_source.sku", "target": "_catalogItem.Id", "content_type": "STRING"},
    "category.name": {"source": "_source.category", "target": "_catalogItem.Category", "feature_type": "CATEGORICAL"},
}
API_FIELDS = {
    "Sku": {"Source": "_source.sku", "Target": "_catalogItem.Id", "ContentType": "STRING"},
    "category.name": {"Source": "_source.category", "Target": "_catalogItem.Category", "FeatureType": "CATEGORICAL"},
}
OTHER_FIELDS = {"Sku": {"source": "_source.SKU", "target": "_catalogItem.Id"}}


@pytest.fixture
def domain(cp_mock, cp_client):
    """A domain whose data store is enabled."""
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30, DataStore={"Enabled": True})
    cp_mock.reset_calls()
    return DOMAIN


def args(**extra):
    result = dict(domain_name=DOMAIN, object_type_name=NAME, fields=FIELDS)
    result.update(extra)
    return dict((key, value) for key, value in result.items() if value is not None)


def stored(cp_client, name=NAME):
    item = cp_client.get_domain_object_type(DomainName=DOMAIN, ObjectTypeName=name)
    item.pop("ResponseMetadata")
    return item


def make(cp_mock, cp_client, **extra):
    request = dict(DomainName=DOMAIN, ObjectTypeName=NAME, Fields=API_FIELDS, Description="Catalog")
    request.update(extra)
    cp_client.put_domain_object_type(**request)
    cp_mock.reset_calls()


# ------------------------------------------------------------------ the spec and the docs follow the model


def test_the_option_tree_is_the_models_request_shape():
    differences = spec_model_differences(
        domain_object_type.DOMAIN_OBJECT_TYPE_ARGUMENT_SPEC, input_shape("PutDomainObjectType")
    )
    assert sorted(differences) == [
        "purge_tags: the model has no member PurgeTags",
        "state: the model has no member State",
    ]


def test_the_field_options_are_the_models_field_shape():
    shape = input_shape("PutDomainObjectType").members["Fields"].value
    assert spec_model_differences(domain_object_type.FIELD_OPTIONS, shape) == []


@pytest.mark.parametrize(
    "module_name, spec",
    [
        (MODULE, domain_object_type.DOMAIN_OBJECT_TYPE_ARGUMENT_SPEC),
        (INFO, domain_object_type.DomainObjectTypeLister.argument_spec),
    ],
)
def test_the_documentation_is_the_argument_spec(module_name, spec):
    assert doc_spec_differences(documented_options(module_name), tags_fragment_spec(spec)) == []


# ------------------------------------------------------------------ create, update, no-op, delete


def test_check_mode_then_create_then_no_op(run_logged, cp_mock, cp_client, domain):
    module_args = args(description="Catalog", encryption_key=KMS_KEY, tags={"Team": "crm"})
    check, calls = run_logged(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and calls == [GET, "GetDomain"] and writes(cp_mock) == []
    assert check["diff"]["before"] == {} and check["domain_object_type"]["fields"] == FIELDS
    assert cp_client.list_domain_object_types(DomainName=DOMAIN)["Items"] == []
    result, calls = run_logged(MODULE, module_args)
    assert result["changed"] is True, result
    assert calls == [GET, "GetDomain", PUT]
    item = result["domain_object_type"]
    assert item["fields"] == FIELDS  # field names as written ("category.name")
    assert item["description"] == "Catalog" and item["encryption_key"] == KMS_KEY
    assert item["tags"] == {"Team": "crm"} and item["created_at"] and item["domain_name"] == DOMAIN
    held = stored(cp_client)
    assert held["Fields"] == API_FIELDS and held["Tags"] == {"Team": "crm"}
    for key, value in check["domain_object_type"].items():
        assert item[key] == value
    again, calls = run_logged(MODULE, module_args)
    assert again["changed"] is False and calls == [GET]
    assert again["domain_object_type"] == item
    left_out, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name=NAME))
    assert left_out["changed"] is False and calls == [GET]


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_a_domain_without_data_store_fails_naming_it_before_any_write(run_logged, cp_mock, cp_client, check_mode):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    result, calls = run_logged(MODULE, args(), check_mode=check_mode)
    assert result.failed and result["changed"] is False
    assert result["msg"].startswith("data_store: domain {0} has no data store enabled".format(DOMAIN))
    assert "customerprofiles_domain" in result["msg"]
    assert calls == [GET, "GetDomain"]
    cp_client.update_domain(DomainName=DOMAIN, DataStore={"Enabled": False})
    result, calls = run_logged(MODULE, args(), check_mode=check_mode)
    assert result.failed and "data_store" in result["msg"] and writes(cp_mock) == []


def test_a_missing_domain_is_named(run_logged, cp_mock):
    result, calls = run_logged(MODULE, args())
    assert result.failed and result["msg"].startswith("domain_name: domain {0} does not exist".format(DOMAIN))
    assert calls == [GET, "GetDomain"]


def test_an_update_sends_the_whole_definition_with_the_current_values(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, EncryptionKey=KMS_KEY, Tags={"Team": "crm"})
    check, calls = run_logged(
        MODULE, dict(domain_name=DOMAIN, name=NAME, description="New"), check_mode=True, diff=True
    )
    assert check["changed"] is True and calls == [GET]
    assert check["diff"]["before"]["description"] == "Catalog" and check["diff"]["after"]["description"] == "New"
    assert check["diff"]["after"]["fields"] == FIELDS
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name=NAME, description="New"))
    assert result["changed"] is True and calls == [GET, PUT]
    put = [entry for entry in cp_mock.calls() if entry["operation"] == PUT][0]
    assert sorted(put["members"]) == ["Description", "DomainName", "EncryptionKey", "Fields", "ObjectTypeName"]
    held = stored(cp_client)
    assert held["Description"] == "New" and held["Fields"] == API_FIELDS and held["EncryptionKey"] == KMS_KEY
    assert held["Tags"] == {"Team": "crm"}
    assert result["domain_object_type"]["description"] == "New"
    assert result["domain_object_type"]["tags"] == {"Team": "crm"}


def test_a_given_fields_is_the_complete_set_and_an_empty_key_clears(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, EncryptionKey=KMS_KEY)
    result, calls = run_logged(MODULE, args(fields=OTHER_FIELDS, encryption_key=""))
    assert result["changed"] is True and calls == [GET, PUT]
    held = stored(cp_client)
    assert held["Fields"] == {"Sku": {"Source": "_source.SKU", "Target": "_catalogItem.Id"}}
    assert "EncryptionKey" not in held and held["Description"] == "Catalog"
    assert "encryption_key" not in result["domain_object_type"]
    again, calls = run_logged(MODULE, args(fields=OTHER_FIELDS, encryption_key=""))
    assert again["changed"] is False and calls == [GET]


def test_an_update_does_not_need_the_data_store(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    cp_client.update_domain(DomainName=DOMAIN, DataStore={"Enabled": False})
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name=NAME, description="New"))
    assert result["changed"] is True and calls == [GET, PUT]


def test_tags_change_in_place(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, Tags={"Team": "crm", "Old": "x"})
    result, calls = run_logged(MODULE, args(tags={"Team": "data"}))
    assert result["changed"] is True
    assert calls == [GET, "TagResource", "UntagResource"]
    assert stored(cp_client)["Tags"] == {"Team": "data"}
    assert result["domain_object_type"]["tags"] == {"Team": "data"}


def test_delete_and_delete_again(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    absent = dict(domain_name=DOMAIN, name=NAME, state="absent")
    check, calls = run_logged(MODULE, absent, check_mode=True, diff=True)
    assert check["changed"] is True and calls == [GET]
    assert check["diff"]["before"]["object_type_name"] == NAME and check["diff"]["after"] == {}
    result, calls = run_logged(MODULE, absent)
    assert result["changed"] is True and result["domain_object_type"] == {}
    assert calls == [GET, "DeleteDomainObjectType"]
    again, calls = run_logged(MODULE, absent)
    assert again["changed"] is False and calls == [GET]


def test_an_older_botocore_fails_naming_the_release(run_logged, domain, monkeypatch):
    monkeypatch.setattr(model, "has_operation", lambda operation: "DomainObjectType" not in operation)
    result, calls = run_logged(MODULE, args())
    assert result.failed and "botocore >= 1.41.6" in result["msg"] and calls == []
    info, calls = run_logged(INFO, dict(domain_name=DOMAIN))
    assert info.failed and "botocore >= 1.41.6" in info["msg"] and calls == []


# ------------------------------------------------------------------ bad input: before any call, never the value

BAD_INPUTS = [
    pytest.param(dict(object_type_name="9starts-secret"), "object_type_name", "9starts-secret", id="name-pattern"),
    pytest.param(dict(object_type_name="n" * 256), "object_type_name", None, id="name-length"),
    pytest.param(dict(domain_name="bad domain!"), "domain_name", "bad domain!", id="domain-pattern"),
    pytest.param(dict(description=""), "description", None, id="description-min"),
    pytest.param(dict(description="d" * 10001), "description", None, id="description-max"),
    pytest.param(dict(encryption_key="k" * 256), "encryption_key", None, id="key-max"),
    pytest.param(dict(fields={"bad name!": {"source": "a", "target": "b"}}), "fields", "bad name!", id="field-name"),
    pytest.param(dict(fields={"Sku": {"source": "a"}}), "fields.Sku.target", None, id="target-required"),
    pytest.param(dict(fields={"Sku": {"target": "b"}}), "fields.Sku.source", None, id="source-required"),
    pytest.param(dict(fields={"Sku": {"source": "", "target": "b"}}), "fields.Sku.source", None, id="source-min"),
    pytest.param(
        dict(fields={"Sku": {"source": "a", "target": "b", "content_type": "DATE-secret"}}),
        "fields.Sku.content_type",
        "DATE-secret",
        id="content-type-enum",
    ),
    pytest.param(
        dict(fields={"Sku": {"source": "a", "target": "b", "feature_type": "BINARY-secret"}}),
        "fields.Sku.feature_type",
        "BINARY-secret",
        id="feature-type-enum",
    ),
    pytest.param(dict(fields={"Sku": "text-secret"}), "fields.Sku", "text-secret", id="field-shape"),
    pytest.param(dict(tags={"aws:secret-key": "v"}), "tags", "aws:secret-key", id="tag-key-pattern"),
    pytest.param(dict(state="gone-secret"), "state", "gone-secret", id="state-choice"),
    pytest.param(dict(purge_tags="maybe-secret"), "purge_tags", "maybe-secret", id="purge-tags-bool"),
]


@pytest.mark.parametrize("change, option, value", BAD_INPUTS)
def test_bad_input_fails_before_any_call_naming_the_option(run_module, cp_mock, change, option, value):
    result = run_module(MODULE, args(**change))
    assert_fails_naming(result, cp_mock, option, value)


def test_bad_info_input_fails_before_any_call(run_module, cp_mock):
    result = run_module(INFO, dict(domain_name=DOMAIN, name="9starts-secret"))
    assert_fails_naming(result, cp_mock, "name", "9starts-secret")


# ------------------------------------------------------------------ the info module


def test_info_one_every_page_and_missing(run_logged, cp_mock, cp_client, domain, monkeypatch):
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import core

    monkeypatch.setattr(core.paginate, "__defaults__", (None, 2))  # two types a page
    for index in range(3):
        cp_client.put_domain_object_type(DomainName=DOMAIN, ObjectTypeName="T{0}".format(index), Fields=API_FIELDS)
    one, calls = run_logged(INFO, dict(domain_name=DOMAIN, name="T1"))
    assert calls == [GET]
    assert [item["object_type_name"] for item in one["domain_object_types"]] == ["T1"]
    assert one["domain_object_types"][0]["fields"] == FIELDS
    every, calls = run_logged(INFO, dict(domain_name=DOMAIN))
    assert calls == ["ListDomainObjectTypes", "ListDomainObjectTypes", GET, GET, GET]
    assert [item["object_type_name"] for item in every["domain_object_types"]] == ["T0", "T1", "T2"]
    missing, calls = run_logged(INFO, dict(domain_name=DOMAIN, name="Nope"))
    assert missing["domain_object_types"] == [] and calls == [GET]

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_recommender_schema and _info against the in-process emulator: results, stored state, API calls."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import recommender_schema
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import input_shape
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import spec_model_differences
from call_log import assert_fails_naming
from call_log import writes
from module_docs import doc_spec_differences
from module_docs import documented_options
from module_docs import tags_fragment_spec

MODULE = "customerprofiles_recommender_schema"
INFO = MODULE + "_info"
DOMAIN = "reco-domain"
NAME = "catalog"
GET = "GetRecommenderSchema"
TAGS = "ListTagsForResource"
ARN = "arn:aws:profile:us-east-1:123456789012:domains/{0}/recommender-schemas/{1}".format(DOMAIN, NAME)
FIELDS = {
    "_catalogItem": [{"target_field_name": "Attributes.Stock", "feature_type": "CATEGORICAL"}],
    "_webAnalytics": [{"target_field_name": "Location.City", "content_type": "STRING"}],
}
API_FIELDS = {
    "_catalogItem": [{"TargetFieldName": "Attributes.Stock", "FeatureType": "CATEGORICAL"}],
    "_webAnalytics": [{"TargetFieldName": "Location.City", "ContentType": "STRING"}],
}
OTHER_FIELDS = {"_catalogItem": [{"target_field_name": "Attributes.Colour"}]}


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_mock.reset_calls()
    return DOMAIN


def args(**extra):
    result = dict(domain_name=DOMAIN, recommender_schema_name=NAME, fields=FIELDS)
    result.update(extra)
    return dict((key, value) for key, value in result.items() if value is not None)


def stored(cp_client, name=NAME):
    item = cp_client.get_recommender_schema(DomainName=DOMAIN, RecommenderSchemaName=name)
    item.pop("ResponseMetadata")
    return item


def stored_tags(cp_client):
    return cp_client.list_tags_for_resource(resourceArn=ARN)["tags"]


def make(cp_mock, cp_client, **extra):
    request = dict(DomainName=DOMAIN, RecommenderSchemaName=NAME, Fields=API_FIELDS)
    request.update(extra)
    cp_client.create_recommender_schema(**request)
    cp_mock.reset_calls()


# ------------------------------------------------------------------ the spec and the docs follow the model


def test_the_option_tree_is_the_models_request_shape():
    differences = spec_model_differences(
        recommender_schema.RECOMMENDER_SCHEMA_ARGUMENT_SPEC, input_shape("CreateRecommenderSchema")
    )
    assert sorted(differences) == [
        "purge_tags: the model has no member PurgeTags",
        "recreate: the model has no member Recreate",
        "state: the model has no member State",
    ]


def test_the_column_options_are_the_models_field_shape():
    shape = input_shape("CreateRecommenderSchema").members["Fields"].value.member
    assert spec_model_differences(recommender_schema.SCHEMA_FIELD_OPTIONS, shape) == []


@pytest.mark.parametrize(
    "module_name, spec",
    [
        (MODULE, recommender_schema.RECOMMENDER_SCHEMA_ARGUMENT_SPEC),
        (INFO, recommender_schema.RecommenderSchemaLister.argument_spec),
    ],
)
def test_the_documentation_is_the_argument_spec(module_name, spec):
    assert doc_spec_differences(documented_options(module_name), tags_fragment_spec(spec)) == []


# ------------------------------------------------------------------ create, no-op, refuse, recreate, delete


def test_check_mode_then_create_then_no_op(run_logged, cp_mock, cp_client, domain):
    module_args = args(tags={"Team": "crm"})
    check, calls = run_logged(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and calls == [GET] and writes(cp_mock) == []
    assert check["diff"]["before"] == {} and check["recommender_schema"]["fields"] == FIELDS
    assert cp_client.list_recommender_schemas(DomainName=DOMAIN)["RecommenderSchemas"] == []
    result, calls = run_logged(MODULE, module_args)
    assert result["changed"] is True and result["recreated"] is False, result
    assert calls == [GET, "CreateRecommenderSchema"]
    schema = result["recommender_schema"]
    assert schema["fields"] == FIELDS  # dataset types as written
    assert schema["status"] == "ACTIVE" and schema["created_at"] and schema["domain_name"] == DOMAIN
    assert schema["tags"] == {"Team": "crm"} and "recommender_schema_arn" not in schema
    assert stored(cp_client)["Fields"] == API_FIELDS and stored_tags(cp_client) == {"Team": "crm"}
    for key, value in check["recommender_schema"].items():
        assert schema[key] == value
    again, calls = run_logged(MODULE, module_args)
    assert again["changed"] is False and calls == [GET, TAGS]
    assert again["recommender_schema"] == schema
    left_out, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name=NAME))
    assert left_out["changed"] is False and calls == [GET, TAGS]
    assert left_out["recommender_schema"]["tags"] == {"Team": "crm"}


def test_create_needs_fields(run_logged, domain):
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name=NAME))
    assert result.failed and "fields is required to create" in result["msg"]
    assert calls == [GET]


def test_a_different_fields_fails_naming_it(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    result, calls = run_logged(MODULE, args(fields=OTHER_FIELDS))
    assert result.failed and result["changed"] is False
    assert result["immutable_options"] == ["fields"] and "recreate=true" in result["msg"]
    assert calls == [GET, TAGS]
    assert stored(cp_client)["Fields"] == API_FIELDS


def test_recreate_lists_the_filters_that_name_it_then_replaces(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, Tags={"Team": "crm", "Old": "x"})
    cp_client.create_recommender_filter(
        DomainName=DOMAIN, RecommenderFilterName="stock", RecommenderFilterExpression="x", RecommenderSchemaName=NAME
    )
    module_args = args(fields=OTHER_FIELDS, recreate=True, tags={"Team": "data"})
    check, calls = run_logged(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and check["recreated"] is True and writes(cp_mock) == []
    assert calls == [GET, TAGS, "ListRecommenderFilters"]
    assert "recommender filters stock" in check["diff"]["after_header"]
    assert any("documents no refusal" in str(warning) for warning in check["warnings"])
    assert check["diff"]["after"]["fields"] == OTHER_FIELDS
    result, calls = run_logged(MODULE, module_args)
    assert result["changed"] is True and result["recreated"] is True, result
    assert calls == [GET, TAGS, "ListRecommenderFilters", "DeleteRecommenderSchema", "CreateRecommenderSchema"]
    assert stored(cp_client)["Fields"] == {"_catalogItem": [{"TargetFieldName": "Attributes.Colour"}]}
    assert stored_tags(cp_client) == {"Team": "data"}
    assert result["recommender_schema"]["tags"] == {"Team": "data"}
    again, calls = run_logged(MODULE, module_args)
    assert again["changed"] is False and calls == [GET, TAGS]


def test_tags_change_in_place(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, Tags={"Team": "crm", "Old": "x"})
    result, calls = run_logged(MODULE, args(tags={"Team": "data"}))
    assert result["changed"] is True and result["recreated"] is False
    assert calls == [GET, TAGS, "TagResource", "UntagResource"]
    assert stored_tags(cp_client) == {"Team": "data"}
    assert result["recommender_schema"]["tags"] == {"Team": "data"}


def test_delete_warns_then_deletes(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    absent = dict(domain_name=DOMAIN, name=NAME, state="absent")
    check, calls = run_logged(MODULE, absent, check_mode=True, diff=True)
    assert check["changed"] is True and calls == [GET, TAGS, "ListRecommenderFilters"]
    assert check["diff"]["after"] == {} and "Deleting recommender schema catalog" in check["diff"]["after_header"]
    result, calls = run_logged(MODULE, absent)
    assert result["changed"] is True and result["recommender_schema"] == {}
    assert calls == [GET, TAGS, "ListRecommenderFilters", "DeleteRecommenderSchema"]
    assert cp_client.list_recommender_schemas(DomainName=DOMAIN)["RecommenderSchemas"] == []
    again, calls = run_logged(MODULE, absent)
    assert again["changed"] is False and calls == [GET]


def test_an_older_botocore_fails_naming_the_release(run_logged, domain, monkeypatch):
    monkeypatch.setattr(model, "has_operation", lambda operation: "RecommenderSchema" not in operation)
    result, calls = run_logged(MODULE, args())
    assert result.failed and "botocore >= 1.42.90" in result["msg"] and calls == []
    info, calls = run_logged(INFO, dict(domain_name=DOMAIN))
    assert info.failed and "botocore >= 1.42.90" in info["msg"] and calls == []


# ------------------------------------------------------------------ bad input: before any call, never the value

BAD_INPUTS = [
    pytest.param(dict(recommender_schema_name="bad name!"), "recommender_schema_name", "bad name!", id="name-pattern"),
    pytest.param(dict(recommender_schema_name="n" * 65), "recommender_schema_name", None, id="name-length"),
    pytest.param(dict(domain_name="bad domain!"), "domain_name", "bad domain!", id="domain-pattern"),
    pytest.param(dict(fields={"_orders-secret": [{"target_field_name": "x"}]}), "fields", "_orders-secret", id="key"),
    pytest.param(dict(fields={}), "fields", None, id="fields-min"),
    pytest.param(dict(fields={"_catalogItem": []}), "fields._catalogItem", None, id="columns-min"),
    pytest.param(
        dict(fields={"_catalogItem": [{"target_field_name": "a"}] * 101}), "fields._catalogItem", None, id="columns-max"
    ),
    pytest.param(
        dict(fields={"_catalogItem": [{"content_type": "STRING"}]}),
        "fields._catalogItem[0].target_field_name",
        None,
        id="column-name-required",
    ),
    pytest.param(
        dict(fields={"_catalogItem": [{"target_field_name": "x" * 1001}]}),
        "fields._catalogItem[0].target_field_name",
        None,
        id="column-name-max",
    ),
    pytest.param(
        dict(fields={"_catalogItem": [{"target_field_name": "a", "content_type": "DATE-secret"}]}),
        "fields._catalogItem[0].content_type",
        "DATE-secret",
        id="content-type-enum",
    ),
    pytest.param(
        dict(fields={"_catalogItem": [{"target_field_name": "a", "feature_type": "BINARY-secret"}]}),
        "fields._catalogItem[0].feature_type",
        "BINARY-secret",
        id="feature-type-enum",
    ),
    pytest.param(dict(fields="not-a-dict-secret"), "fields", "not-a-dict-secret", id="fields-shape"),
    pytest.param(dict(tags={"aws:secret-key": "v"}), "tags", "aws:secret-key", id="tag-key-pattern"),
    pytest.param(dict(state="gone-secret"), "state", "gone-secret", id="state-choice"),
    pytest.param(dict(recreate="perhaps-secret"), "recreate", "perhaps-secret", id="recreate-bool"),
    pytest.param(dict(purge_tags="maybe-secret"), "purge_tags", "maybe-secret", id="purge-tags-bool"),
]


@pytest.mark.parametrize("change, option, value", BAD_INPUTS)
def test_bad_input_fails_before_any_call_naming_the_option(run_module, cp_mock, change, option, value):
    result = run_module(MODULE, args(**change))
    assert_fails_naming(result, cp_mock, option, value)


def test_bad_info_input_fails_before_any_call(run_module, cp_mock):
    result = run_module(INFO, dict(domain_name=DOMAIN, name="bad name!"))
    assert_fails_naming(result, cp_mock, "name", "bad name!")


# ------------------------------------------------------------------ the info module


def test_info_one_every_page_and_missing(run_logged, cp_mock, cp_client, domain, monkeypatch):
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import core

    monkeypatch.setattr(core.paginate, "__defaults__", (None, 2))  # two schemas a page
    for index in range(3):
        cp_client.create_recommender_schema(
            DomainName=DOMAIN, RecommenderSchemaName="s{0}".format(index), Fields=API_FIELDS, Tags={"N": str(index)}
        )
    one, calls = run_logged(INFO, dict(domain_name=DOMAIN, name="s1"))
    assert calls == [GET, TAGS]
    assert [(item["recommender_schema_name"], item["tags"]) for item in one["recommender_schemas"]] == [
        ("s1", {"N": "1"})
    ]
    assert one["recommender_schemas"][0]["fields"] == FIELDS
    every, calls = run_logged(INFO, dict(domain_name=DOMAIN))
    assert calls == ["ListRecommenderSchemas", "ListRecommenderSchemas"] + [GET, TAGS] * 3
    assert [item["recommender_schema_name"] for item in every["recommender_schemas"]] == ["s0", "s1", "s2"]
    assert [item["tags"] for item in every["recommender_schemas"]] == [{"N": "0"}, {"N": "1"}, {"N": "2"}]
    missing, calls = run_logged(INFO, dict(domain_name=DOMAIN, name="nope"))
    assert missing["recommender_schemas"] == [] and calls == [GET]

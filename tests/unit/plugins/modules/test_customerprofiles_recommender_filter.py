# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_recommender_filter and _info against the in-process emulator: results, stored state, API calls."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import recommender_filter
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import input_shape
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import spec_model_differences
from call_log import assert_fails_naming
from call_log import writes
from module_docs import doc_spec_differences
from module_docs import documented_options
from module_docs import tags_fragment_spec

MODULE = "customerprofiles_recommender_filter"
INFO = MODULE + "_info"
DOMAIN = "reco-domain"
NAME = "in-stock-only"
GET = "GetRecommenderFilter"
EXPRESSION = 'EXCLUDE ItemID WHERE Items.STOCK IN ("none")'
OTHER_EXPRESSION = 'EXCLUDE ItemID WHERE Items.STOCK IN ("none", "preorder")'
SCHEMA_FIELDS = {"_catalogItem": [{"TargetFieldName": "Stock", "FeatureType": "CATEGORICAL"}]}


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_mock.reset_calls()
    return DOMAIN


def args(**extra):
    result = dict(domain_name=DOMAIN, recommender_filter_name=NAME, recommender_filter_expression=EXPRESSION)
    result.update(extra)
    return dict((key, value) for key, value in result.items() if value is not None)


def stored(cp_client, name=NAME):
    item = cp_client.get_recommender_filter(DomainName=DOMAIN, RecommenderFilterName=name)
    item.pop("ResponseMetadata")
    return item


def make(cp_mock, cp_client, **extra):
    request = dict(DomainName=DOMAIN, RecommenderFilterName=NAME, RecommenderFilterExpression=EXPRESSION)
    request.update(extra)
    cp_client.create_recommender_filter(**request)
    cp_mock.reset_calls()


def make_schema(cp_mock, cp_client, name="catalog"):
    cp_client.create_recommender_schema(DomainName=DOMAIN, RecommenderSchemaName=name, Fields=SCHEMA_FIELDS)
    cp_mock.reset_calls()


# ------------------------------------------------------------------ the spec and the docs follow the model


def test_the_option_tree_is_the_models_request_shape():
    differences = spec_model_differences(
        recommender_filter.RECOMMENDER_FILTER_ARGUMENT_SPEC, input_shape("CreateRecommenderFilter")
    )
    assert sorted(differences) == [
        "purge_tags: the model has no member PurgeTags",
        "recreate: the model has no member Recreate",
        "state: the model has no member State",
    ]


@pytest.mark.parametrize(
    "module_name, spec",
    [
        (MODULE, recommender_filter.RECOMMENDER_FILTER_ARGUMENT_SPEC),
        (INFO, recommender_filter.RecommenderFilterLister.argument_spec),
    ],
)
def test_the_documentation_is_the_argument_spec(module_name, spec):
    assert doc_spec_differences(documented_options(module_name), tags_fragment_spec(spec)) == []


# ------------------------------------------------------------------ create, no-op, refuse, recreate, delete


def test_check_mode_then_create_then_no_op(run_module, run_logged, cp_mock, cp_client, domain):
    module_args = args(description="Only items in stock", tags={"Team": "crm"})
    check, calls = run_logged(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and writes(cp_mock) == [] and calls == [GET]
    assert check["diff"]["before"] == {}
    assert check["recommender_filter"]["recommender_filter_expression"] == EXPRESSION
    assert cp_client.list_recommender_filters(DomainName=DOMAIN)["RecommenderFilters"] == []
    result, calls = run_logged(MODULE, module_args)
    assert result["changed"] is True and result["recreated"] is False, result
    assert calls == [GET, "CreateRecommenderFilter", GET]
    item = result["recommender_filter"]
    assert item["recommender_filter_name"] == NAME and item["domain_name"] == DOMAIN
    assert item["recommender_filter_expression"] == EXPRESSION
    assert item["description"] == "Only items in stock"
    assert item["status"] == "ACTIVE" and item["created_at"]
    assert item["tags"] == {"Team": "crm"}
    assert stored(cp_client)["Tags"] == {"Team": "crm"}
    for key, value in check["recommender_filter"].items():
        assert item[key] == value
    again, calls = run_logged(MODULE, module_args)
    assert again["changed"] is False and calls == [GET]
    assert again["recommender_filter"] == item
    left_out, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name=NAME))
    assert left_out["changed"] is False and calls == [GET]


def test_create_needs_the_expression(run_logged, domain):
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name=NAME))
    assert result.failed and "recommender_filter_expression is required to create" in result["msg"]
    assert calls == [GET]


@pytest.mark.parametrize(
    "change, options",
    [
        (dict(recommender_filter_expression=OTHER_EXPRESSION), ["recommender_filter_expression"]),
        (dict(description="New"), ["description"]),
        (dict(recommender_schema_name="catalog"), ["recommender_schema_name"]),
        (dict(description="New", recommender_schema_name="catalog"), ["description", "recommender_schema_name"]),
    ],
)
def test_any_difference_fails_naming_the_options(run_logged, cp_mock, cp_client, domain, change, options):
    make_schema(cp_mock, cp_client)
    make(cp_mock, cp_client, Description="Old")
    before = stored(cp_client)
    result, calls = run_logged(MODULE, args(**change))
    assert result.failed and result["changed"] is False
    assert result["immutable_options"] == options
    assert "cannot update " + ", ".join(options) in result["msg"] and "recreate=true" in result["msg"]
    assert writes(cp_mock) == []
    assert stored(cp_client) == before


def test_recreate_deletes_and_creates_with_the_members_kept(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, Description="Kept", Tags={"Team": "crm", "Old": "x"})
    module_args = args(recommender_filter_expression=OTHER_EXPRESSION, recreate=True, tags={"Team": "data"})
    check, calls = run_logged(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and check["recreated"] is True and writes(cp_mock) == []
    assert check["diff"]["before"]["recommender_filter_expression"] == EXPRESSION
    assert check["diff"]["after"]["recommender_filter_expression"] == OTHER_EXPRESSION
    assert "requests that name {0} fail to find it".format(NAME) in check["diff"]["after_header"]
    assert any("no refusal of the delete" in str(warning) for warning in check["warnings"])
    result, calls = run_logged(MODULE, module_args)
    assert result["changed"] is True and result["recreated"] is True, result
    assert calls == [GET, "DeleteRecommenderFilter", "CreateRecommenderFilter", GET]
    assert any("no refusal of the delete" in str(warning) for warning in result["warnings"])
    held = stored(cp_client)
    assert held["RecommenderFilterExpression"] == OTHER_EXPRESSION
    assert held["Description"] == "Kept"
    assert held["Tags"] == {"Team": "data"}
    again, calls = run_logged(MODULE, module_args)
    assert again["changed"] is False and calls == [GET]


def test_tags_change_in_place(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, Tags={"Team": "crm", "Old": "x"})
    result, calls = run_logged(MODULE, args(tags={"Team": "data"}))
    assert result["changed"] is True and result["recreated"] is False
    assert calls == [GET, "TagResource", "UntagResource"]
    assert stored(cp_client)["Tags"] == {"Team": "data"}
    assert result["recommender_filter"]["tags"] == {"Team": "data"}


def test_delete_warns_then_deletes_and_again_is_a_no_op(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    absent = dict(domain_name=DOMAIN, name=NAME, state="absent")
    check, calls = run_logged(MODULE, absent, check_mode=True, diff=True)
    assert check["changed"] is True and calls == [GET]
    assert check["diff"]["before"]["recommender_filter_name"] == NAME and check["diff"]["after"] == {}
    assert [w for w in check["warnings"] if "GetProfileRecommendations" in str(w)]
    result, calls = run_logged(MODULE, absent)
    assert result["changed"] is True and result["recommender_filter"] == {}
    assert calls == [GET, "DeleteRecommenderFilter"]
    assert [w for w in result["warnings"] if "Deleting recommender filter " + NAME in str(w)]
    assert cp_client.list_recommender_filters(DomainName=DOMAIN)["RecommenderFilters"] == []
    again, calls = run_logged(MODULE, absent)
    assert again["changed"] is False and calls == [GET]


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_a_missing_schema_fails_naming_the_option_before_any_write(run_logged, cp_mock, domain, check_mode):
    result, calls = run_logged(MODULE, args(recommender_schema_name="catalog"), check_mode=check_mode)
    assert result.failed and result["changed"] is False
    assert result["msg"].startswith("recommender_schema_name: recommender schema catalog does not exist")
    assert calls == [GET, "GetRecommenderSchema"]


def test_a_filter_of_a_schema(run_logged, cp_mock, cp_client, domain):
    make_schema(cp_mock, cp_client)
    result, calls = run_logged(MODULE, args(recommender_schema_name="catalog"))
    assert result["changed"] is True, result
    assert calls == [GET, "GetRecommenderSchema", "CreateRecommenderFilter", GET]
    assert stored(cp_client)["RecommenderSchemaName"] == "catalog"
    assert result["recommender_filter"]["recommender_schema_name"] == "catalog"
    again, calls = run_logged(MODULE, args(recommender_schema_name="catalog"))
    assert again["changed"] is False and calls == [GET]


def test_an_older_botocore_fails_naming_the_release(run_logged, cp_mock, domain, monkeypatch):
    monkeypatch.setattr(model, "has_operation", lambda operation: "RecommenderFilter" not in operation)
    result, calls = run_logged(MODULE, args())
    assert result.failed and "botocore >= 1.42.66" in result["msg"]
    assert calls == []
    info, calls = run_logged(INFO, dict(domain_name=DOMAIN))
    assert info.failed and "botocore >= 1.42.66" in info["msg"] and calls == []


def test_the_schema_option_names_its_release():
    assert model.too_old("RecommenderSchemaName", "recommender_schema_name").startswith(
        "recommender_schema_name needs botocore >= 1.42.90"
    )


# ------------------------------------------------------------------ bad input: before any call, never the value

BAD_INPUTS = [
    pytest.param(dict(recommender_filter_name="!!!"), "recommender_filter_name", "!!!", id="name-pattern"),
    pytest.param(dict(recommender_filter_name="n" * 64), "recommender_filter_name", None, id="name-length"),
    pytest.param(dict(domain_name="bad domain!"), "domain_name", "bad domain!", id="domain-pattern"),
    pytest.param(dict(recommender_filter_expression=""), "recommender_filter_expression", None, id="expression-min"),
    pytest.param(
        dict(recommender_filter_expression="x" * 2501), "recommender_filter_expression", None, id="expression-max"
    ),
    pytest.param(
        dict(recommender_schema_name="bad schema!"), "recommender_schema_name", "bad schema!", id="schema-pattern"
    ),
    pytest.param(dict(description="d" * 1001), "description", None, id="description-max"),
    pytest.param(dict(description=""), "description", None, id="description-min"),
    pytest.param(dict(tags={"aws:secret-key": "v"}), "tags", "aws:secret-key", id="tag-key-pattern"),
    pytest.param(dict(tags={"Team": "v" * 300}), "tags.Team", "v" * 300, id="tag-value-max"),
    pytest.param(dict(state="gone-secret"), "state", "gone-secret", id="state-choice"),
    pytest.param(dict(recreate="perhaps-secret"), "recreate", "perhaps-secret", id="recreate-bool"),
    pytest.param(dict(purge_tags="maybe-secret"), "purge_tags", "maybe-secret", id="purge-tags-bool"),
    pytest.param(dict(recommender_filter_expression=["a", "list"]), "recommender_filter_expression", None, id="shape"),
]


@pytest.mark.parametrize("change, option, value", BAD_INPUTS)
def test_bad_input_fails_before_any_call_naming_the_option(run_module, cp_mock, change, option, value):
    result = run_module(MODULE, args(**change))
    assert_fails_naming(result, cp_mock, option, value)


def test_bad_info_input_fails_before_any_call(run_module, cp_mock):
    result = run_module(INFO, dict(domain_name=DOMAIN, name="!!!"))
    assert_fails_naming(result, cp_mock, "name", "!!!")


# ------------------------------------------------------------------ the info module


def test_info_one_every_page_and_missing(run_logged, cp_mock, cp_client, domain, monkeypatch):
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import core

    monkeypatch.setattr(core.paginate, "__defaults__", (None, 2))  # two filters a page
    for index in range(3):
        cp_client.create_recommender_filter(
            DomainName=DOMAIN, RecommenderFilterName="f{0}".format(index), RecommenderFilterExpression=EXPRESSION
        )
    one, calls = run_logged(INFO, dict(domain_name=DOMAIN, name="f1"))
    assert calls == [GET]
    assert [item["recommender_filter_name"] for item in one["recommender_filters"]] == ["f1"]
    every, calls = run_logged(INFO, dict(domain_name=DOMAIN))
    assert calls == ["ListRecommenderFilters", "ListRecommenderFilters", GET, GET, GET]
    assert [item["recommender_filter_name"] for item in every["recommender_filters"]] == ["f0", "f1", "f2"]
    assert every["recommender_filters"][0]["recommender_filter_expression"] == EXPRESSION
    missing, calls = run_logged(INFO, dict(domain_name=DOMAIN, name="nope"))
    assert missing["recommender_filters"] == [] and calls == [GET]
    assert missing["changed"] is False

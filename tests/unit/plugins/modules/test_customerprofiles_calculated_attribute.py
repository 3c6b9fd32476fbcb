# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_calculated_attribute against the in-process emulator: results, stored state and API calls."""

import copy

import pytest

import emulator
from ansible_collections.awscx.customerprofiles.plugins.module_utils import calculated_attribute
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import transform
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import input_shape
from call_log import assert_fails_naming
from call_log import operations
from call_log import writes
from connect_helpers import make_order_type
from domain_seed import add_segment
from module_docs import doc_spec_differences
from module_docs import documented_options
from module_docs import tags_fragment_spec

DOMAIN = "analytics-domain"
MODULE = "customerprofiles_calculated_attribute"
NAME = "orders_90_days"
GET = "GetCalculatedAttributeDefinition"

DETAILS = {"attributes": [{"name": "Order.Total"}], "expression": "{Order.Total}"}
CONDITIONS = {"range": {"value": 90, "unit": "DAYS"}}
FILTER = {
    "include": "ALL",
    "groups": [
        {
            "type": "ALL",
            "dimensions": [{"attributes": {"Order.Total": {"dimension_type": "GREATER_THAN", "values": ["100"]}}}],
        }
    ],
}


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    make_order_type(cp_mock, cp_client, DOMAIN)
    cp_mock.reset_calls()
    return DOMAIN


def args(**extra):
    result = dict(domain_name=DOMAIN, calculated_attribute_name=NAME, attribute_details=DETAILS, statistic="SUM")
    result.update(extra)
    return result


def stored(cp_client, name=NAME):
    item = cp_client.get_calculated_attribute_definition(DomainName=DOMAIN, CalculatedAttributeName=name)
    item.pop("ResponseMetadata")
    return item


def make(cp_client, name=NAME, **extra):
    """Create a definition directly; the call log is cleared afterwards."""
    request = dict(
        DomainName=DOMAIN,
        CalculatedAttributeName=name,
        AttributeDetails={"Attributes": [{"Name": "Order.Total"}], "Expression": "{Order.Total}"},
        Statistic="SUM",
    )
    request.update(extra)
    cp_client.create_calculated_attribute_definition(**request)
    emulator.reset_calls()


def assert_idempotent(run_module, cp_mock, module_args):
    cp_mock.reset_calls()
    result = run_module(MODULE, module_args)
    assert not result.failed, result
    assert result["changed"] is False
    assert operations(cp_mock) == [GET]
    return result


# ------------------------------------------------------------------ the spec and the docs follow the model


def test_the_option_tree_is_the_models_request_shape():
    differences = calculated_attribute.spec_model_differences(
        calculated_attribute.CALCULATED_ATTRIBUTE_ARGUMENT_SPEC, input_shape("CreateCalculatedAttributeDefinition")
    )
    # state, recreate and purge_tags are the module's own; calculated_attribute_name's alias maps to no member
    assert sorted(differences) == [
        "purge_tags: the model has no member PurgeTags",
        "recreate: the model has no member Recreate",
        "state: the model has no member State",
    ]


@pytest.mark.parametrize(
    "module_name, spec",
    [
        (MODULE, calculated_attribute.CALCULATED_ATTRIBUTE_ARGUMENT_SPEC),
        (MODULE + "_info", calculated_attribute.CalculatedAttributeLister.argument_spec),
    ],
)
def test_the_documentation_is_the_argument_spec(module_name, spec):
    assert doc_spec_differences(documented_options(module_name), tags_fragment_spec(spec)) == []


# ------------------------------------------------------------------ create, no-op, update, delete


def test_create_is_one_create_call_and_returns_status_and_readiness(run_module, cp_mock, cp_client, domain):
    module_args = args(
        display_name="Orders 90 days", description="Spend", conditions=CONDITIONS, filter=FILTER, tags={"Team": "crm"}
    )
    result = run_module(MODULE, module_args)
    assert result["changed"] is True, result
    assert operations(cp_mock) == [GET, "CreateCalculatedAttributeDefinition"]
    attribute = result["calculated_attribute"]
    assert attribute["calculated_attribute_name"] == NAME
    assert attribute["status"] == "COMPLETED"
    assert attribute["readiness"] == {"progress_percentage": 100}
    assert attribute["filter"] == FILTER  # map keys as written, values in option form
    assert attribute["conditions"] == CONDITIONS
    assert attribute["tags"] == {"Team": "crm"}
    assert result["recreated"] is False
    api = stored(cp_client)
    assert api["Filter"]["Groups"][0]["Dimensions"][0]["Attributes"] == {
        "Order.Total": {"DimensionType": "GREATER_THAN", "Values": ["100"]}
    }
    assert api["Conditions"] == {"Range": {"Value": 90, "Unit": "DAYS"}}
    assert api["Tags"] == {"Team": "crm"}
    again = assert_idempotent(run_module, cp_mock, module_args)
    assert again["calculated_attribute"] == attribute


def test_status_in_progress_is_reported(run_module, cp_mock, cp_client, domain):
    make(cp_client)
    cp_mock.backend().set_calculated_attribute_status(DOMAIN, NAME, "IN_PROGRESS", progress=40, message="Computing")
    result = run_module(MODULE, args())
    assert result["changed"] is False
    assert result["calculated_attribute"]["status"] == "IN_PROGRESS"
    assert result["calculated_attribute"]["readiness"] == {"progress_percentage": 40, "message": "Computing"}


def test_create_needs_attribute_details_and_statistic(run_module, cp_mock, domain):
    result = run_module(MODULE, dict(domain_name=DOMAIN, name=NAME, display_name="x"))
    assert result.failed
    assert "attribute_details and statistic are required to create" in result["msg"]
    assert writes(cp_mock) == []


def test_check_mode_create_predicts_and_writes_nothing(run_module, cp_mock, cp_client, domain):
    result = run_module(MODULE, args(conditions=CONDITIONS), check_mode=True, diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == []
    assert result["diff"]["before"] == {}
    assert result["diff"]["after"]["statistic"] == "SUM"
    assert result["calculated_attribute"]["conditions"] == CONDITIONS
    assert cp_client.list_calculated_attribute_definitions(DomainName=DOMAIN)["Items"] == []


def test_update_in_place_of_display_name_description_and_conditions(run_module, cp_mock, cp_client, domain):
    make(cp_client, DisplayName="Old", Conditions={"Range": {"Value": 30, "Unit": "DAYS"}})
    new_conditions = {"range": {"value": 90, "unit": "DAYS"}, "threshold": {"value": "10", "operator": "GREATER_THAN"}}
    module_args = args(display_name="New name", description="Now with a description", conditions=new_conditions)
    check = run_module(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and writes(cp_mock) == []
    assert check["diff"]["before"]["display_name"] == "Old"
    assert check["diff"]["after"]["display_name"] == "New name"
    cp_mock.reset_calls()
    result = run_module(MODULE, module_args)
    assert result["changed"] is True
    assert operations(cp_mock) == [GET, "UpdateCalculatedAttributeDefinition"]
    update = [c for c in cp_mock.calls() if c["operation"] == "UpdateCalculatedAttributeDefinition"]
    assert len(update) == 1
    api = stored(cp_client)
    assert api["DisplayName"] == "New name"
    assert api["Description"] == "Now with a description"
    assert api["Conditions"] == {
        "Range": {"Value": 90, "Unit": "DAYS"},
        "Threshold": {"Value": "10", "Operator": "GREATER_THAN"},
    }
    assert result["calculated_attribute"]["conditions"] == new_conditions
    assert result["calculated_attribute"]["created_at"] == check["diff"]["before"]["created_at"]
    again = assert_idempotent(run_module, cp_mock, module_args)
    assert again["calculated_attribute"]["conditions"] == new_conditions


def test_an_option_left_out_is_left_as_it_is(run_module, cp_mock, cp_client, domain):
    make(cp_client, DisplayName="Kept", Filter=transform.to_api(FILTER, calculated_attribute.VERBATIM))
    result = assert_idempotent(run_module, cp_mock, dict(domain_name=DOMAIN, name=NAME))
    assert result["calculated_attribute"]["display_name"] == "Kept"
    assert result["calculated_attribute"]["filter"] == FILTER


@pytest.mark.parametrize(
    "change, options",
    [
        (dict(statistic="AVERAGE"), ["statistic"]),
        (
            dict(attribute_details={"attributes": [{"name": "Order.Price"}], "expression": "{Order.Price}"}),
            ["attribute_details"],
        ),
        (dict(filter=FILTER), ["filter"]),
        (dict(use_historical_data=True), ["use_historical_data"]),
        (dict(statistic="COUNT", filter=FILTER, display_name="Also this"), ["filter", "statistic"]),
    ],
)
def test_a_member_the_service_cannot_update_fails_naming_it(run_module, cp_mock, cp_client, domain, change, options):
    make(cp_client)
    before = stored(cp_client)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(**change))
    assert result.failed
    assert result["changed"] is False
    assert result["immutable_options"] == options
    assert "cannot update " + ", ".join(options) in result["msg"]
    assert "recreate=true" in result["msg"]
    assert operations(cp_mock) == [GET]
    assert stored(cp_client) == before


def test_recreate_deletes_and_creates_with_the_complete_definition(run_module, cp_mock, cp_client, domain):
    make(
        cp_client,
        DisplayName="Kept",
        Conditions={"Range": {"Value": 30, "Unit": "DAYS"}},
        Tags={"Team": "crm", "Old": "x"},
    )
    module_args = dict(
        domain_name=DOMAIN, name=NAME, statistic="AVERAGE", recreate=True, tags={"Team": "crm", "New": "y"}
    )
    check = run_module(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and check["recreated"] is True
    assert writes(cp_mock) == []
    assert check["diff"]["after"]["statistic"] == "AVERAGE"
    cp_mock.reset_calls()
    result = run_module(MODULE, module_args)
    assert result["changed"] is True and result["recreated"] is True
    assert operations(cp_mock) == [GET, "DeleteCalculatedAttributeDefinition", "CreateCalculatedAttributeDefinition"]
    api = stored(cp_client)
    assert api["Statistic"] == "AVERAGE"
    assert api["DisplayName"] == "Kept"  # left out: the current value is sent again
    assert api["Conditions"] == {"Range": {"Value": 30, "Unit": "DAYS"}}
    assert api["AttributeDetails"] == {"Attributes": [{"Name": "Order.Total"}], "Expression": "{Order.Total}"}
    assert api["Tags"] == {"Team": "crm", "New": "y"}  # in the create request, no tag call
    again = assert_idempotent(run_module, cp_mock, module_args)
    assert again["recreated"] is False


def test_recreate_with_only_updatable_changes_updates_in_place(run_module, cp_mock, cp_client, domain):
    make(cp_client, DisplayName="Old")
    cp_mock.reset_calls()
    result = run_module(MODULE, args(display_name="New", recreate=True))
    assert result["changed"] is True and result["recreated"] is False
    assert operations(cp_mock) == [GET, "UpdateCalculatedAttributeDefinition"]


def test_tags_of_an_existing_definition_change_through_tag_calls(run_module, cp_mock, cp_client, domain):
    make(cp_client, Tags={"Team": "crm", "Old": "x"})
    result = run_module(MODULE, args(tags={"Team": "sales"}))
    assert result["changed"] is True
    assert writes(cp_mock) == ["TagResource", "UntagResource"]
    assert result["calculated_attribute"]["tags"] == {"Team": "sales"}
    assert stored(cp_client)["Tags"] == {"Team": "sales"}
    tag_call = [c for c in cp_mock.calls() if c["operation"] == "TagResource"]
    assert tag_call
    assert_idempotent(run_module, cp_mock, args(tags={"Team": "sales"}))


def test_delete_and_delete_again(run_module, cp_mock, cp_client, domain):
    make(cp_client)
    check = run_module(MODULE, dict(domain_name=DOMAIN, name=NAME, state="absent"), check_mode=True, diff=True)
    assert check["changed"] is True and writes(cp_mock) == []
    assert check["diff"]["before"]["calculated_attribute_name"] == NAME
    assert check["diff"]["after"] == {}
    cp_mock.reset_calls()
    result = run_module(MODULE, dict(domain_name=DOMAIN, name=NAME, state="absent"))
    assert result["changed"] is True
    assert result["calculated_attribute"] == {}
    assert result["dependents"] == {}
    assert operations(cp_mock) == [GET, "ListSegmentDefinitions", "DeleteCalculatedAttributeDefinition"]
    cp_mock.reset_calls()
    again = run_module(MODULE, dict(domain_name=DOMAIN, name=NAME, state="absent"))
    assert again["changed"] is False
    assert operations(cp_mock) == [GET]


@pytest.mark.parametrize("check_mode", [True, False], ids=["check_mode", "deletes"])
def test_delete_names_the_segment_definitions_that_use_it(run_module, cp_mock, cp_client, domain, check_mode):
    """Issue 20, 2.5: DeleteCalculatedAttributeDefinition documents no refusal for a definition in use, so the
    module deletes it, naming the segments that use it (in a dimension or in their sort) in a warning, the
    result and the diff."""
    make(cp_client)
    make(cp_client, "other")
    add_segment(cp_client, DOMAIN, "big-spenders", NAME)
    add_segment(cp_client, DOMAIN, "by-other", "other")
    add_segment(cp_client, DOMAIN, "annes")
    cp_client.create_segment_definition(
        DomainName=DOMAIN,
        SegmentDefinitionName="sorted",
        DisplayName="sorted",
        SegmentGroups={"Groups": [], "Include": "ALL"},
        SegmentSort={"Attributes": [{"Name": NAME, "Order": "DESC", "DataType": "NUMBER", "Type": "CALCULATED"}]},
    )
    cp_mock.reset_calls()

    result = run_module(MODULE, dict(domain_name=DOMAIN, name=NAME, state="absent"), check_mode=check_mode, diff=True)

    assert result["changed"] is True
    assert result["dependents"] == {"segment_definitions": ["big-spenders", "sorted"]}
    named = "orders_90_days is used by segment definitions big-spenders, sorted"
    assert named in result["diff"]["after_header"]
    assert any(named in str(warning) for warning in result["warnings"])
    assert operations(cp_mock) == [GET, "ListSegmentDefinitions"] + ["GetSegmentDefinition"] * 4 + (
        [] if check_mode else ["DeleteCalculatedAttributeDefinition"]
    )


# ------------------------------------------------------------------ the quota


def test_the_fifty_per_domain_limit_is_named_with_the_count(run_module, cp_mock, cp_client, domain):
    for index in range(calculated_attribute.MAX_PER_DOMAIN):
        make(cp_client, name="attribute_{0}".format(index))
    cp_mock.reset_calls()
    result = run_module(MODULE, args(name="one_too_many", calculated_attribute_name="one_too_many"))
    assert result.failed
    assert result["changed"] is False
    assert "already holds 50 calculated attribute definitions, the maximum of 50 per domain" in result["msg"]
    assert "BadRequestException" in result["msg"]
    assert result["calculated_attribute_count"] == 50
    assert result["error"]["code"] == "BadRequestException"
    assert operations(cp_mock) == [GET, "CreateCalculatedAttributeDefinition", "ListCalculatedAttributeDefinitions"]


def test_a_refusal_below_fifty_is_the_services_error(run_module, cp_mock, cp_client, domain, monkeypatch):
    """A BadRequestException while the domain holds fewer than 50 is not called the quota: the service's words."""
    from emulator import config

    monkeypatch.setitem(config.QUOTAS, config.CALCULATED_ATTRIBUTES, 1)
    make(cp_client, name="first")
    result = run_module(MODULE, args())
    assert result.failed
    assert result["error"]["code"] == "BadRequestException"
    assert "Limit exceeded" in result["msg"]
    assert "the maximum of 50" not in result["msg"]
    assert operations(cp_mock) == [GET, "CreateCalculatedAttributeDefinition", "ListCalculatedAttributeDefinitions"]


# ------------------------------------------------------------------ bad input: one rule at each level, before any call

BAD_INPUTS = [
    pytest.param(
        dict(calculated_attribute_name="9starts-with-a-digit"),
        "calculated_attribute_name",
        "9starts-with-a-digit",
        id="name-pattern",
    ),
    pytest.param(dict(statistic="MEDIAN_SECRET"), "statistic", "MEDIAN_SECRET", id="statistic-enum"),
    pytest.param(dict(description="d" * 1001), "description", "d" * 1001, id="description-length"),
    pytest.param(dict(display_name="bad!name"), "display_name", "bad!name", id="display-name-pattern"),
    pytest.param(
        dict(attribute_details={"attributes": [], "expression": "{a}"}),
        "attribute_details.attributes",
        None,
        id="details-attributes-min",
    ),
    pytest.param(
        dict(attribute_details={"attributes": [{"name": "bad name!"}], "expression": "{a}"}),
        "attribute_details.attributes[0].name",
        "bad name!",
        id="details-attribute-name-pattern",
    ),
    pytest.param(
        dict(conditions={"object_count": 0}), "conditions.object_count", None, id="conditions-object-count-min"
    ),
    pytest.param(
        dict(conditions={"range": {"value": 1, "unit": "WEEKS"}}),
        "conditions.range.unit",
        "WEEKS",
        id="conditions-range-unit-enum",
    ),
    pytest.param(
        dict(conditions={"threshold": {"value": "1", "operator": "ABOUT"}}),
        "conditions.threshold.operator",
        "ABOUT",
        id="conditions-threshold-operator",
    ),
    pytest.param(dict(filter=dict(FILTER, include="SOME")), "filter.include", "SOME", id="filter-include-enum"),
    pytest.param(dict(filter=dict(FILTER, groups=FILTER["groups"] * 3)), "filter.groups", None, id="filter-groups-max"),
    pytest.param(
        dict(filter={"include": "ALL", "groups": [{"type": "MOST", "dimensions": FILTER["groups"][0]["dimensions"]}]}),
        "filter.groups[0].type",
        "MOST",
        id="filter-group-type",
    ),
    pytest.param(
        dict(
            filter={
                "include": "ALL",
                "groups": [
                    {
                        "type": "ALL",
                        "dimensions": [{"attributes": {"Order.Total": {"dimension_type": "ROUGHLY", "values": ["1"]}}}],
                    }
                ],
            }
        ),
        "filter.groups[0].dimensions[0].attributes.Order.Total.dimension_type",
        "ROUGHLY",
        id="filter-dimension-type",
    ),
    pytest.param(
        dict(
            filter={
                "include": "ALL",
                "groups": [
                    {
                        "type": "ALL",
                        "dimensions": [
                            {"attributes": {"Order.Total": {"dimension_type": "EQUAL", "values": ["x" * 256]}}}
                        ],
                    }
                ],
            }
        ),
        "filter.groups[0].dimensions[0].attributes.Order.Total.values[0]",
        "x" * 256,
        id="filter-dimension-value-length",
    ),
    pytest.param(
        dict(
            filter={
                "include": "ALL",
                "groups": [{"type": "ALL", "dimensions": [{"attributes": {"Order.Total": {"values": ["1"]}}}]}],
            }
        ),
        "filter.groups[0].dimensions[0].attributes.Order.Total.dimension_type is required",
        None,
        id="filter-dimension-required",
    ),
    pytest.param(dict(tags={"aws:reserved": "x"}), "tags", None, id="tag-key-pattern"),
]


@pytest.mark.parametrize("change, option, value", BAD_INPUTS)
def test_bad_input_fails_before_any_call_naming_the_option(run_module, cp_mock, change, option, value):
    result = run_module(MODULE, args(**change))
    assert_fails_naming(result, cp_mock, option, value)


def test_bad_input_shape_is_named(run_module, cp_mock):
    result = run_module(MODULE, args(attribute_details={"attributes": [5], "expression": "{a}"}))
    assert result.failed
    assert "attribute_details.attributes[0] must be a dict" in result["msg"]
    assert operations(cp_mock) == []


def test_mapping_keeps_data_map_keys_and_maps_their_values():
    options = copy.deepcopy(FILTER)
    api = transform.to_api(options, calculated_attribute.VERBATIM)
    assert api["Groups"][0]["Dimensions"][0]["Attributes"] == {
        "Order.Total": {"DimensionType": "GREATER_THAN", "Values": ["100"]}
    }
    assert transform.from_api(api, calculated_attribute.NAMES, calculated_attribute.VERBATIM) == FILTER

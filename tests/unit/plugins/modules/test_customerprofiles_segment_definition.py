# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_segment_definition against the in-process emulator: results, stored state and API calls."""

import pytest

import emulator
from ansible_collections.awscx.customerprofiles.plugins.module_utils import segment_definition
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import input_shape
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import spec_model_differences
from call_log import assert_fails_naming
from call_log import operations
from call_log import writes
from connect_helpers import make_order_type
from module_docs import doc_spec_differences
from module_docs import documented_options
from module_docs import tags_fragment_spec

DOMAIN = "analytics-domain"
MODULE = "customerprofiles_segment_definition"
NAME = "gold_paris"
GET = "GetSegmentDefinition"

GROUPS = {
    "include": "ALL",
    "groups": [
        {
            "type": "ALL",
            "dimensions": [
                {
                    "profile_attributes": {
                        "attributes": {"Tier": {"dimension_type": "INCLUSIVE", "values": ["gold"]}},
                        "address": {"city": {"dimension_type": "INCLUSIVE", "values": ["Paris"]}},
                    },
                }
            ],
        }
    ],
}
SORT = {"attributes": [{"name": "LastName", "order": "ASC", "data_type": "STRING", "type": "PROFILE"}]}


def to_request(options):
    """Options in API form, the segment definition's data maps kept as written."""
    return to_api(options, segment_definition.VERBATIM)


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    make_order_type(cp_mock, cp_client, DOMAIN)
    cp_mock.reset_calls()
    return DOMAIN


def args(**extra):
    result = dict(domain_name=DOMAIN, segment_definition_name=NAME, display_name="Gold in Paris", segment_groups=GROUPS)
    result.update(extra)
    return dict((key, value) for key, value in result.items() if value is not None)


def stored(cp_client, name=NAME):
    item = cp_client.get_segment_definition(DomainName=DOMAIN, SegmentDefinitionName=name)
    item.pop("ResponseMetadata")
    return item


def make(cp_client, name=NAME, **extra):
    """Create a definition directly; the call log is cleared afterwards."""
    request = dict(DomainName=DOMAIN, SegmentDefinitionName=name, DisplayName="Gold in Paris")
    if "SegmentSqlQuery" not in extra:
        request["SegmentGroups"] = to_request(GROUPS)
    request.update(extra)
    cp_client.create_segment_definition(**request)
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
    differences = spec_model_differences(
        segment_definition.SEGMENT_DEFINITION_ARGUMENT_SPEC, input_shape("CreateSegmentDefinition")
    )
    assert sorted(differences) == [
        "purge_tags: the model has no member PurgeTags",
        "recreate: the model has no member Recreate",
        "state: the model has no member State",
    ]


@pytest.mark.parametrize(
    "module_name, spec",
    [
        (MODULE, segment_definition.SEGMENT_DEFINITION_ARGUMENT_SPEC),
        (MODULE + "_info", segment_definition.SegmentDefinitionLister.argument_spec),
    ],
)
def test_the_documentation_is_the_argument_spec(module_name, spec):
    assert doc_spec_differences(documented_options(module_name), tags_fragment_spec(spec)) == []


# ------------------------------------------------------------------ create, no-op, refuse, recreate, delete


def test_create_then_read_back_and_no_op(run_module, cp_mock, cp_client, domain):
    module_args = args(description="Audience", segment_sort=SORT, tags={"Campaign": "spring"})
    check = run_module(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and writes(cp_mock) == []
    assert check["diff"]["before"] == {}
    assert check["segment_definition"]["segment_groups"] == GROUPS
    cp_mock.reset_calls()
    result = run_module(MODULE, module_args)
    assert result["changed"] is True, result
    assert operations(cp_mock) == [GET, "CreateSegmentDefinition", GET]
    segment = result["segment_definition"]
    assert segment["segment_groups"] == GROUPS  # attribute names as written
    assert segment["segment_sort"] == SORT
    assert segment["segment_type"] == "CLASSIC"
    assert segment["segment_definition_arn"].endswith(":domains/{0}/segment-definitions/{1}".format(DOMAIN, NAME))
    assert segment["tags"] == {"Campaign": "spring"}
    api = stored(cp_client)
    profile_attributes = api["SegmentGroups"]["Groups"][0]["Dimensions"][0]["ProfileAttributes"]
    assert profile_attributes["Attributes"] == {"Tier": {"DimensionType": "INCLUSIVE", "Values": ["gold"]}}
    assert profile_attributes["Address"] == {"City": {"DimensionType": "INCLUSIVE", "Values": ["Paris"]}}
    assert api["Tags"] == {"Campaign": "spring"}
    again = assert_idempotent(run_module, cp_mock, module_args)
    assert again["segment_definition"] == segment


def test_create_with_an_sql_query(run_module, cp_mock, cp_client, domain):
    result = run_module(MODULE, args(segment_groups=None, segment_sql_query="SELECT * FROM profiles"))
    assert result["changed"] is True, result
    assert result["segment_definition"]["segment_sql_query"] == "SELECT * FROM profiles"
    assert result["segment_definition"]["segment_type"] == "ENHANCED"
    assert "SegmentGroups" not in stored(cp_client)


def test_a_calculated_attribute_dimension_and_a_source_segment(run_module, cp_mock, cp_client, domain):
    cp_client.create_calculated_attribute_definition(
        DomainName=DOMAIN,
        CalculatedAttributeName="orders_90",
        Statistic="COUNT",
        AttributeDetails={"Attributes": [{"Name": "Order.Id"}], "Expression": "{Order.Id}"},
    )
    make(cp_client, name="base")
    groups = {
        "include": "ANY",
        "groups": [
            {
                "type": "ALL",
                "source_type": "ALL",
                "source_segments": [{"segment_definition_name": "base"}],
                "dimensions": [
                    {
                        "calculated_attributes": {
                            "orders_90": {
                                "dimension_type": "GREATER_THAN",
                                "values": ["3"],
                                "condition_overrides": {"range": {"start": 30, "end": 0, "unit": "DAYS"}},
                            }
                        }
                    }
                ],
            }
        ],
    }
    result = run_module(MODULE, args(segment_groups=groups))
    assert result["changed"] is True, result
    assert result["segment_definition"]["segment_groups"] == groups
    dimension = stored(cp_client)["SegmentGroups"]["Groups"][0]["Dimensions"][0]
    assert dimension == {
        "CalculatedAttributes": {
            "orders_90": {
                "DimensionType": "GREATER_THAN",
                "Values": ["3"],
                "ConditionOverrides": {"Range": {"Start": 30, "End": 0, "Unit": "DAYS"}},
            }
        }
    }
    assert_idempotent(run_module, cp_mock, args(segment_groups=groups))


def test_create_needs_a_display_name_and_an_audience(run_module, cp_mock, domain):
    result = run_module(MODULE, dict(domain_name=DOMAIN, name=NAME))
    assert result.failed
    assert "display_name and segment_groups or segment_sql_query are required to create" in result["msg"]
    assert writes(cp_mock) == []


def test_groups_and_query_together_fail_before_any_call(run_module, cp_mock, domain):
    result = run_module(MODULE, args(segment_sql_query="SELECT 1"))
    assert result.failed
    assert "segment_groups" in result["msg"] and "segment_sql_query" in result["msg"]
    assert "SELECT 1" not in result["msg"]
    assert operations(cp_mock) == []


def test_an_option_left_out_is_left_as_it_is(run_module, cp_mock, cp_client, domain):
    make(cp_client, Description="Kept")
    result = assert_idempotent(run_module, cp_mock, dict(domain_name=DOMAIN, name=NAME))
    assert result["segment_definition"]["description"] == "Kept"
    assert result["segment_definition"]["segment_groups"] == GROUPS


@pytest.mark.parametrize(
    "change, options",
    [
        (dict(display_name="Another name"), ["display_name"]),
        (dict(description="New"), ["description"]),
        (dict(segment_sort=SORT), ["segment_sort"]),
        (dict(segment_groups=dict(GROUPS, include="ANY")), ["segment_groups"]),
        (dict(segment_groups=None, segment_sql_query="SELECT 1"), ["segment_sql_query"]),
        (dict(description="New", segment_sort=SORT), ["description", "segment_sort"]),
    ],
)
def test_any_difference_fails_naming_the_options(run_module, cp_mock, cp_client, domain, change, options):
    make(cp_client)
    before = stored(cp_client)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(**change))
    assert result.failed
    assert result["changed"] is False
    assert result["immutable_options"] == options
    assert "cannot update " + ", ".join(options) in result["msg"]
    assert operations(cp_mock) == [GET]
    assert stored(cp_client) == before


def test_recreate_deletes_and_creates_the_complete_definition(run_module, cp_mock, cp_client, domain):
    make(cp_client, Description="Kept", Tags={"Campaign": "spring", "Old": "x"})
    module_args = dict(domain_name=DOMAIN, name=NAME, segment_sort=SORT, recreate=True, tags={"Campaign": "summer"})
    check = run_module(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and check["recreated"] is True and writes(cp_mock) == []
    assert check["diff"]["after"]["segment_sort"] == SORT
    cp_mock.reset_calls()
    result = run_module(MODULE, module_args)
    assert result["changed"] is True and result["recreated"] is True
    assert operations(cp_mock) == [GET, "DeleteSegmentDefinition", "CreateSegmentDefinition", GET]
    api = stored(cp_client)
    assert api["Description"] == "Kept"
    assert api["DisplayName"] == "Gold in Paris"
    assert api["SegmentGroups"] == to_request(GROUPS)
    assert api["SegmentSort"] == to_request(SORT)
    assert api["Tags"] == {"Campaign": "summer"}
    assert_idempotent(run_module, cp_mock, module_args)


def test_recreate_from_groups_to_a_query_drops_the_groups(run_module, cp_mock, cp_client, domain):
    make(cp_client)
    result = run_module(
        MODULE, dict(domain_name=DOMAIN, name=NAME, segment_sql_query="SELECT * FROM profiles", recreate=True)
    )
    assert result["changed"] is True, result
    api = stored(cp_client)
    assert api["SegmentSqlQuery"] == "SELECT * FROM profiles"
    assert "SegmentGroups" not in api
    create = [c for c in cp_mock.calls() if c["operation"] == "CreateSegmentDefinition"]
    assert len(create) == 1 and create[0]["status"] == 200


def test_tags_change_in_place_on_the_services_arn(run_module, cp_mock, cp_client, domain, clients_built):
    make(cp_client, Tags={"Campaign": "spring", "Old": "x"})
    result = run_module(MODULE, args(tags={"Campaign": "summer"}))
    assert result["changed"] is True and result["recreated"] is False
    assert operations(cp_mock) == [GET, "TagResource", "UntagResource"]
    assert stored(cp_client)["Tags"] == {"Campaign": "summer"}
    assert result["segment_definition"]["tags"] == {"Campaign": "summer"}
    assert "sts" not in clients_built
    assert_idempotent(run_module, cp_mock, args(tags={"Campaign": "summer"}))


def test_delete_and_delete_again(run_module, cp_mock, cp_client, domain):
    make(cp_client)
    check = run_module(MODULE, dict(domain_name=DOMAIN, name=NAME, state="absent"), check_mode=True, diff=True)
    assert check["changed"] is True and writes(cp_mock) == []
    assert check["diff"]["before"]["segment_definition_name"] == NAME and check["diff"]["after"] == {}
    cp_mock.reset_calls()
    result = run_module(MODULE, dict(domain_name=DOMAIN, name=NAME, state="absent"))
    assert result["changed"] is True and result["segment_definition"] == {}
    assert operations(cp_mock) == [GET, "DeleteSegmentDefinition"]
    cp_mock.reset_calls()
    again = run_module(MODULE, dict(domain_name=DOMAIN, name=NAME, state="absent"))
    assert again["changed"] is False
    assert operations(cp_mock) == [GET]


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_a_missing_source_segment_or_calculated_attribute_fails_before_any_write(
    run_module, cp_mock, domain, check_mode
):
    # issue 20: check mode predicted success, and the create then failed with the service's error
    groups = {
        "groups": [
            {
                "source_segments": [{"segment_definition_name": "nowhere"}],
                "dimensions": [{"calculated_attributes": {"no_such": {"dimension_type": "EQUAL", "values": ["1"]}}}],
            }
        ]
    }
    result = run_module(MODULE, args(segment_groups=groups), check_mode=check_mode)
    assert result.failed, result
    assert result["changed"] is False
    assert (
        "segment_groups.groups[0].source_segments[0].segment_definition_name: segment definition nowhere does not "
        "exist in domain " + DOMAIN in result["msg"]
    ), result["msg"]
    assert (
        "segment_groups.groups[0].dimensions[0].calculated_attributes.no_such: calculated attribute no_such does not "
        "exist" in result["msg"]
    ), result["msg"]
    assert writes(cp_mock) == []
    assert operations(cp_mock) == [GET, GET, "GetCalculatedAttributeDefinition"]


@pytest.mark.parametrize(
    "dimension, sets",
    [
        ({}, ""),
        (
            {
                "profile_attributes": {"first_name": {"dimension_type": "INCLUSIVE", "values": ["Ada"]}},
                "calculated_attributes": {"orders": {"dimension_type": "EQUAL", "values": ["1"]}},
            },
            " (it sets profile_attributes, calculated_attributes)",
        ),
    ],
    ids=["empty", "both"],
)
@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_a_dimension_sets_exactly_one_kind_before_any_call(run_module, cp_mock, domain, dimension, sets, check_mode):
    # issue 20: botocore's "tagged union" message named no option, and check mode predicted success
    groups = {"groups": [{"dimensions": [dimension]}]}
    result = run_module(MODULE, args(segment_groups=groups), check_mode=check_mode)
    assert result.failed, result
    assert (
        "segment_groups.groups[0].dimensions[0] must set exactly one of profile_attributes, calculated_attributes"
        + sets
        in result["msg"]
    ), result["msg"]
    assert "union" not in result["msg"]
    assert operations(cp_mock) == []


# ------------------------------------------------------------------ bad input: one rule at each level, before any call


def _dimension(profile_attributes):
    return {"groups": [{"dimensions": [{"profile_attributes": profile_attributes}]}]}


BAD_INPUTS = [
    pytest.param(dict(segment_definition_name="bad name"), "segment_definition_name", "bad name", id="name-pattern"),
    pytest.param(dict(display_name="d" * 256), "display_name", "d" * 256, id="display-name-length"),
    pytest.param(dict(segment_groups=None, segment_sql_query=""), "segment_sql_query", None, id="sql-min-length"),
    pytest.param(dict(segment_groups={"include": "MOST"}), "segment_groups.include", "MOST", id="groups-include-enum"),
    pytest.param(
        dict(segment_groups={"groups": [{"type": "MOST"}]}),
        "segment_groups.groups[0].type",
        "MOST",
        id="group-type-enum",
    ),
    pytest.param(
        dict(segment_groups={"groups": [{"source_type": "MOST"}]}),
        "segment_groups.groups[0].source_type",
        "MOST",
        id="group-source-type-enum",
    ),
    pytest.param(
        dict(segment_groups={"groups": [{"source_segments": [{"segment_definition_name": "bad name!"}]}]}),
        "segment_groups.groups[0].source_segments[0].segment_definition_name",
        "bad name!",
        id="source-segment-pattern",
    ),
    pytest.param(
        dict(segment_groups=_dimension({"first_name": {"dimension_type": "AFTER", "values": ["Ada"]}})),
        "segment_groups.groups[0].dimensions[0].profile_attributes.first_name.dimension_type",
        "AFTER",
        id="profile-dimension-type",
    ),
    pytest.param(
        dict(segment_groups=_dimension({"first_name": {"dimension_type": "INCLUSIVE", "values": []}})),
        "segment_groups.groups[0].dimensions[0].profile_attributes.first_name.values",
        None,
        id="profile-dimension-values-min",
    ),
    pytest.param(
        dict(segment_groups=_dimension({"birth_date": {"dimension_type": "CONTAINS", "values": ["1990-01-01"]}})),
        "segment_groups.groups[0].dimensions[0].profile_attributes.birth_date.dimension_type",
        "CONTAINS",
        id="date-dimension-type",
    ),
    pytest.param(
        dict(segment_groups=_dimension({"address": {"city": {"dimension_type": "INCLUSIVE", "values": ["p" * 256]}}})),
        "segment_groups.groups[0].dimensions[0].profile_attributes.address.city.values[0]",
        "p" * 256,
        id="address-part-value-length",
    ),
    pytest.param(
        dict(
            segment_groups=_dimension(
                {"profile_type": {"dimension_type": "INCLUSIVE", "values": ["PROFILE", "ACCOUNT_PROFILE"]}}
            )
        ),
        "segment_groups.groups[0].dimensions[0].profile_attributes.profile_type.values",
        None,
        id="profile-type-values-max",
    ),
    pytest.param(
        dict(segment_groups=_dimension({"attributes": {"Tier": {"dimension_type": "ROUGHLY", "values": ["gold"]}}})),
        "segment_groups.groups[0].dimensions[0].profile_attributes.attributes.Tier.dimension_type",
        "ROUGHLY",
        id="custom-attribute-type",
    ),
    pytest.param(
        dict(segment_groups=_dimension({"attributes": {"Tier": {"dimension_type": "INCLUSIVE"}}})),
        "segment_groups.groups[0].dimensions[0].profile_attributes.attributes.Tier.values is required",
        None,
        id="custom-attribute-required",
    ),
    pytest.param(
        dict(
            segment_groups={
                "groups": [
                    {"dimensions": [{"calculated_attributes": {"9bad": {"dimension_type": "EQUAL", "values": ["1"]}}}]}
                ]
            }
        ),
        "every key of segment_groups.groups[0].dimensions[0].calculated_attributes must match",
        None,
        id="calculated-attribute-key-pattern",
    ),
    pytest.param(
        dict(
            segment_groups={
                "groups": [
                    {
                        "dimensions": [
                            {
                                "calculated_attributes": {
                                    "orders": {
                                        "dimension_type": "EQUAL",
                                        "values": ["1"],
                                        "condition_overrides": {"range": {"start": 1, "unit": "WEEKS"}},
                                    }
                                }
                            }
                        ]
                    }
                ]
            }
        ),
        "segment_groups.groups[0].dimensions[0].calculated_attributes.orders.condition_overrides.range.unit",
        "WEEKS",
        id="condition-override-unit",
    ),
    pytest.param(
        dict(segment_sort={"attributes": [{"name": "LastName", "order": "UP"}]}),
        "segment_sort.attributes[0].order",
        "UP",
        id="sort-order-enum",
    ),
    pytest.param(
        dict(segment_sort={"attributes": [{"name": "LastName", "order": "ASC"}] * 11}),
        "segment_sort.attributes",
        None,
        id="sort-max",
    ),
    pytest.param(dict(tags={"Campaign": ["a", "list"]}), "tags.Campaign", None, id="tag-value-type"),
]


@pytest.mark.parametrize("change, option, value", BAD_INPUTS)
def test_bad_input_fails_before_any_call_naming_the_option(run_module, cp_mock, change, option, value):
    result = run_module(MODULE, args(**change))
    assert_fails_naming(result, cp_mock, option, value)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_recommender and _info against the in-process emulator: results, stored state, API calls."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import recommender
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import input_shape
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import spec_model_differences
from call_log import writes
from module_docs import doc_spec_differences
from module_docs import documented_options
from module_docs import tags_fragment_spec

MODULE = "customerprofiles_recommender"
INFO = MODULE + "_info"
DOMAIN = "reco-domain"
NAME = "for-you"
GET = "GetRecommender"
CONFIG = dict(
    events_config=dict(event_parameters_list=[dict(event_type="purchase", event_weight=1.0)]),
    training_frequency=7,
    inference_config=dict(min_provisioned_tps=2),
)
API_CONFIG = {
    "EventsConfig": {"EventParametersList": [{"EventType": "purchase", "EventWeight": 1.0}]},
    "TrainingFrequency": 7,
    "InferenceConfig": {"MinProvisionedTPS": 2},
}


@pytest.fixture(autouse=True)
def clock(wait_clock):
    return wait_clock


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_mock.reset_calls()
    return DOMAIN


def args(**extra):
    result = dict(domain_name=DOMAIN, recommender_name=NAME, recommender_recipe_name="recommended-for-you")
    result.update(extra)
    return dict((key, value) for key, value in result.items() if value is not None)


def stored(cp_client, name=NAME):
    """The recommender as the service holds it (without moving its status: the emulator's backend)."""
    import emulator

    item = emulator.backend().get_domain_object(DOMAIN).recommenders[name]
    return dict(item.describe(), Status=item.status)


def make(cp_mock, cp_client, status="ACTIVE", **extra):
    request = dict(DomainName=DOMAIN, RecommenderName=NAME, RecommenderRecipeName="recommended-for-you")
    request.update(extra)
    cp_client.create_recommender(**request)
    cp_mock.set_recommender_status(DOMAIN, NAME, status)
    cp_mock.reset_calls()


# ------------------------------------------------------------------ the spec and the docs follow the model


def test_the_option_tree_is_the_models_request_shape():
    differences = spec_model_differences(recommender.RECOMMENDER_ARGUMENT_SPEC, input_shape("CreateRecommender"))
    assert sorted(differences) == [
        "purge_tags: the model has no member PurgeTags",
        # the one member the model spells otherwise than the option in CamelCase (model_renames maps it)
        "recommender_config.inference_config.min_provisioned_tps: the model has no member MinProvisionedTps",
        "recommender_config.inference_config: no option for member MinProvisionedTPS",
        "recreate: the model has no member Recreate",
        "state: the model has no member State",
        "status: the model has no member Status",
        "wait: the model has no member Wait",
        "wait_timeout: the model has no member WaitTimeout",
    ]


@pytest.mark.parametrize(
    "module_name, spec",
    [(MODULE, recommender.RECOMMENDER_ARGUMENT_SPEC), (INFO, recommender.RecommenderLister.argument_spec)],
)
def test_the_documentation_is_the_argument_spec(module_name, spec):
    assert doc_spec_differences(documented_options(module_name), tags_fragment_spec(spec)) == []


# ------------------------------------------------------------------ create, no-op, update, delete


def test_check_mode_then_create_waits_for_training_then_no_op(run_logged, cp_mock, cp_client, domain, clock):
    module_args = args(recommender_config=CONFIG, description="Items to buy", tags={"Team": "crm"})
    check, calls = run_logged(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and writes(cp_mock) == [] and calls == [GET]
    assert check["diff"]["before"] == {}
    assert check["recommender"]["status"] == "running" and check["recommender"]["service_status"] == "ACTIVE"
    assert cp_client.list_recommenders(DomainName=DOMAIN)["Recommenders"] == []
    result, calls = run_logged(MODULE, module_args)
    assert result["changed"] is True and result["recreated"] is False, result
    # the read-back sees PENDING, then IN_PROGRESS (one training poll), then ACTIVE
    assert calls == [GET, "CreateRecommender", GET, GET, GET]
    assert clock.slept == [1, 2]
    item = result["recommender"]
    assert item["recommender_name"] == NAME and item["domain_name"] == DOMAIN
    assert item["recommender_config"] == CONFIG
    assert item["service_status"] == "ACTIVE" and item["status"] == "running"
    assert item["tags"] == {"Team": "crm"} and item["created_at"]
    assert stored(cp_client)["RecommenderConfig"] == API_CONFIG
    for key, value in check["recommender"].items():
        assert item[key] == value, key
    again, calls = run_logged(MODULE, module_args)
    assert again["changed"] is False and calls == [GET]
    assert again["recommender"] == item
    left_out, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name=NAME))
    assert left_out["changed"] is False and calls == [GET]


def test_create_without_wait_reads_once(run_logged, cp_mock, domain, clock):
    result, calls = run_logged(MODULE, args(wait=False))
    assert result["changed"] is True and calls == [GET, "CreateRecommender", GET]
    assert result["recommender"]["service_status"] == "PENDING" and result["recommender"]["status"] == "running"
    assert clock.slept == []
    again, calls = run_logged(MODULE, args(wait=False))
    assert again["changed"] is False and calls == [GET]


def test_create_needs_the_recipe(run_logged, domain):
    result, calls = run_logged(MODULE, dict(domain_name=DOMAIN, name=NAME))
    assert result.failed and "recommender_recipe_name is required to create" in result["msg"]
    assert calls == [GET]


def test_description_and_config_update_in_place_and_wait_for_the_training(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, Description="Old", RecommenderConfig=API_CONFIG)
    new_config = dict(CONFIG, training_frequency=14)
    module_args = args(description="New", recommender_config=new_config)
    check, calls = run_logged(MODULE, module_args, check_mode=True, diff=True)
    assert check["changed"] is True and calls == [GET] and writes(cp_mock) == []
    assert check["diff"]["before"]["description"] == "Old" and check["diff"]["after"]["description"] == "New"
    result, calls = run_logged(MODULE, module_args)
    assert result["changed"] is True and result["recreated"] is False, result
    assert calls == [GET, "UpdateRecommender", GET, GET]
    held = stored(cp_client)
    assert held["Description"] == "New" and held["RecommenderConfig"]["TrainingFrequency"] == 14
    assert held["LatestRecommenderUpdate"]["Status"] == "ACTIVE"
    assert result["recommender"]["latest_recommender_update"]["status"] == "ACTIVE"
    again, calls = run_logged(MODULE, module_args)
    assert again["changed"] is False and calls == [GET]


def test_tags_change_in_place(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, Tags={"Team": "crm", "Old": "x"})
    result, calls = run_logged(MODULE, args(tags={"Team": "data"}))
    assert result["changed"] is True, result
    assert calls == [GET, "GetCallerIdentity", "TagResource", "UntagResource"] or calls == [
        GET,
        "TagResource",
        "UntagResource",
    ]
    assert stored(cp_client)["Tags"] == {"Team": "data"}
    assert result["recommender"]["tags"] == {"Team": "data"}


@pytest.mark.parametrize(
    "change, options",
    [
        (dict(recommender_recipe_name="popular-items"), ["recommender_recipe_name"]),
        (dict(recommender_schema_name="catalog"), ["recommender_schema_name"]),
    ],
)
def test_a_difference_update_cannot_make_is_refused_then_recreated(
    run_logged, cp_mock, cp_client, domain, change, options
):
    if "recommender_schema_name" in change:
        cp_client.create_recommender_schema(
            DomainName=DOMAIN, RecommenderSchemaName="catalog", Fields={"_catalogItem": [{"TargetFieldName": "Name"}]}
        )
    make(cp_mock, cp_client, Description="Kept", Tags={"Team": "crm"})
    before = stored(cp_client)
    # another schema is read first: a missing one is named before any write
    schema_read = ["GetRecommenderSchema"] if "recommender_schema_name" in change else []
    refused, calls = run_logged(MODULE, args(**change))
    assert refused.failed and refused["changed"] is False and refused["immutable_options"] == options
    assert "cannot update " + ", ".join(options) in refused["msg"] and "recreate=true" in refused["msg"]
    assert calls == [GET] + schema_read
    assert writes(cp_mock) == [] and stored(cp_client) == before
    result, calls = run_logged(MODULE, args(recreate=True, **change))
    assert result["changed"] is True and result["recreated"] is True, result
    assert calls == [GET] + schema_read + ["DeleteRecommender", "CreateRecommender", GET, GET, GET]
    held = stored(cp_client)
    assert held["Description"] == "Kept" and held["Tags"] == {"Team": "crm"} and held["Status"] == "ACTIVE"
    for option, value in change.items():
        assert result["recommender"][option] == value
    again, calls = run_logged(MODULE, args(recreate=True, **change))
    assert again["changed"] is False and calls == [GET]


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_a_missing_schema_fails_naming_the_option_before_any_write(run_logged, cp_mock, domain, check_mode):
    result, calls = run_logged(MODULE, args(recommender_schema_name="catalog"), check_mode=check_mode)
    assert result.failed and result["changed"] is False
    assert result["msg"].startswith("recommender_schema_name: recommender schema catalog does not exist")
    assert calls == [GET, "GetRecommenderSchema"]


def test_a_recommender_of_a_schema(run_logged, cp_mock, cp_client, domain):
    cp_client.create_recommender_schema(
        DomainName=DOMAIN, RecommenderSchemaName="catalog", Fields={"_catalogItem": [{"TargetFieldName": "Name"}]}
    )
    result, calls = run_logged(MODULE, args(recommender_schema_name="catalog", wait=False))
    assert result["changed"] is True and calls == [GET, "GetRecommenderSchema", "CreateRecommender", GET]
    assert stored(cp_client)["RecommenderSchemaName"] == "catalog"
    again, calls = run_logged(MODULE, args(recommender_schema_name="catalog", wait=False))
    assert again["changed"] is False and calls == [GET]


def test_delete_then_again_is_a_no_op(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    absent = dict(domain_name=DOMAIN, name=NAME, state="absent")
    check, calls = run_logged(MODULE, absent, check_mode=True, diff=True)
    assert check["changed"] is True and calls == [GET]
    assert check["diff"]["before"]["recommender_name"] == NAME and check["diff"]["after"] == {}
    result, calls = run_logged(MODULE, absent)
    assert result["changed"] is True and result["recommender"] == {} and calls == [GET, "DeleteRecommender"]
    assert cp_client.list_recommenders(DomainName=DOMAIN)["Recommenders"] == []
    again, calls = run_logged(MODULE, absent)
    assert again["changed"] is False and calls == [GET]


# ------------------------------------------------------------------ status: start, stop, wait


def test_stop_then_start_wait_until_settled(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    check, calls = run_logged(MODULE, args(status="stopped"), check_mode=True, diff=True)
    assert check["changed"] is True and calls == [GET]
    assert check["recommender"]["service_status"] == "INACTIVE" and check["recommender"]["status"] == "stopped"
    stopped, calls = run_logged(MODULE, args(status="stopped"))
    assert stopped["changed"] is True and calls == [GET, "StopRecommender", GET, GET]
    assert stopped["recommender"]["service_status"] == "INACTIVE" and stored(cp_client)["Status"] == "INACTIVE"
    again, calls = run_logged(MODULE, args(status="stopped"))
    assert again["changed"] is False and calls == [GET]
    started, calls = run_logged(MODULE, args(status="running"))
    assert started["changed"] is True and calls == [GET, "StartRecommender", GET, GET]
    assert started["recommender"]["service_status"] == "ACTIVE" and stored(cp_client)["Status"] == "ACTIVE"
    again, calls = run_logged(MODULE, args(status="running"))
    assert again["changed"] is False and calls == [GET]


def test_stop_without_wait_returns_stopping(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    result, calls = run_logged(MODULE, args(status="stopped", wait=False))
    assert result["changed"] is True and calls == [GET, "StopRecommender", GET]
    assert result["recommender"]["service_status"] == "STOPPING" and result["recommender"]["status"] == "stopped"
    again, calls = run_logged(MODULE, args(status="stopped", wait=False))
    assert again["changed"] is False and calls == [GET]


def test_a_new_recommender_stopped_is_trained_first_then_stopped(run_logged, cp_mock, cp_client, domain):
    result, calls = run_logged(MODULE, args(status="stopped"))
    assert result["changed"] is True, result
    # the stop waits until training made it ACTIVE (PENDING, IN_PROGRESS, ACTIVE), then waits for INACTIVE
    assert calls == [GET, "CreateRecommender", GET, GET, GET, "StopRecommender", GET, GET]
    assert result["recommender"]["service_status"] == "INACTIVE" and stored(cp_client)["Status"] == "INACTIVE"


@pytest.mark.parametrize(
    "status, wanted",
    [("PENDING", "stopped"), ("IN_PROGRESS", "stopped"), ("STARTING", "stopped"), ("STOPPING", "running")],
)
def test_a_recommender_on_its_way_fails_before_any_write_without_wait(
    run_logged, cp_mock, cp_client, domain, status, wanted
):
    make(cp_mock, cp_client, status=status)
    result, calls = run_logged(MODULE, args(status=wanted, wait=False))
    assert result.failed and result["changed"] is False
    assert "is " + status in result["msg"] and "wait=true" in result["msg"]
    assert calls == [GET]


def test_a_stopping_recommender_is_waited_for_then_started(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    cp_client.stop_recommender(DomainName=DOMAIN, RecommenderName=NAME)
    cp_mock.reset_calls()
    result, calls = run_logged(MODULE, args(status="running"))
    assert result["changed"] is True, result
    # the read sees STOPPING, the wait INACTIVE; the read-back STARTING, then ACTIVE
    assert calls == [GET, GET, "StartRecommender", GET, GET]
    assert stored(cp_client)["Status"] == "ACTIVE"


def test_an_update_waits_for_a_training_recommender(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, status="IN_PROGRESS")
    cp_mock.backend().get_domain_object(DOMAIN).recommenders[NAME].steps = ["ACTIVE"]
    result, calls = run_logged(MODULE, args(description="New"))
    assert result["changed"] is True, result
    # the read sees IN_PROGRESS, the wait ACTIVE; the read-back the update IN_PROGRESS, then ACTIVE
    assert calls == [GET, GET, "UpdateRecommender", GET, GET]


def test_a_failed_recommender_names_the_reason_unless_recreated(run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client)
    cp_mock.set_recommender_status(DOMAIN, NAME, "FAILED", "Not enough interactions")
    result, calls = run_logged(MODULE, args(status="running"))
    assert result.failed and result["changed"] is False and calls == [GET]
    assert "FAILED (Not enough interactions)" in result["msg"] and "recreate=true" in result["msg"]
    assert result["failure_reason"] == "Not enough interactions"
    recreated, calls = run_logged(MODULE, args(status="running", recreate=True))
    assert recreated["changed"] is True and recreated["recreated"] is True
    assert calls[:3] == [GET, "DeleteRecommender", "CreateRecommender"]
    assert stored(cp_client)["Status"] == "ACTIVE"


def test_wait_timeout_warns_after_the_write(run_logged, cp_mock, cp_client, domain, clock):
    cp_mock.set_recommender_training_polls(1000)
    result, calls = run_logged(MODULE, args(wait_timeout=60))
    assert result["changed"] is True and not result.failed
    assert any("still IN_PROGRESS after wait_timeout=60" in str(warning) for warning in result["warnings"])
    assert sum(clock.slept) == 60 and calls[:2] == [GET, "CreateRecommender"]
    assert result["recommender"]["service_status"] == "IN_PROGRESS"


def test_a_timeout_before_a_needed_settle_fails_after_the_create(run_logged, cp_mock, domain, clock):
    cp_mock.set_recommender_training_polls(1000)
    result, calls = run_logged(MODULE, args(status="stopped", wait_timeout=30))
    assert result.failed and result["changed"] is True
    assert "still IN_PROGRESS after wait_timeout=30" in result["msg"] and "stop recommender" in result["msg"]
    assert "StopRecommender" not in calls


# ------------------------------------------------------------------ bad input, old botocore


@pytest.mark.parametrize(
    "options, path, value",
    [
        (dict(recommender_name="bad name!"), "recommender_name", "bad name!"),
        (dict(recommender_recipe_name="best-sellers"), "recommender_recipe_name", "best-sellers"),
        (dict(description="d" * 1001), "description", "d" * 1001),
        (dict(recommender_schema_name="bad schema!"), "recommender_schema_name", "bad schema!"),
        (dict(recommender_config=dict(training_frequency=31)), "recommender_config.training_frequency", "31"),
        (
            dict(recommender_config=dict(events_config=dict(event_parameters_list=[]))),
            "recommender_config.events_config.event_parameters_list",
            None,
        ),
        (
            dict(recommender_config=dict(events_config=dict(event_parameters_list=[dict(event_type="e" * 257)]))),
            "recommender_config.events_config.event_parameters_list[0].event_type",
            "e" * 257,
        ),
        (
            dict(
                recommender_config=dict(
                    events_config=dict(event_parameters_list=[dict(event_type="buy", event_weight=1.5)])
                )
            ),
            "recommender_config.events_config.event_parameters_list[0].event_weight",
            "1.5",
        ),
        (
            dict(recommender_config=dict(inference_config=dict(min_provisioned_tps=1001))),
            "recommender_config.inference_config.min_provisioned_tps",
            "1001",
        ),
        (
            dict(recommender_config=dict(included_columns={"_webAnalytics": ["a"], "_catalogItem": ["b"], "x": []})),
            "recommender_config.included_columns",
            None,
        ),
        (
            dict(recommender_config=dict(included_columns={"_webAnalytics": ["a"]}, excluded_columns={"_x": ["b"]})),
            "recommender_config.included_columns and recommender_config.excluded_columns",
            None,
        ),
        (
            dict(
                recommender_config=dict(
                    diversity_config=dict(diversity_columns=[dict(name="Brand", cap_type="MOST", target="25")])
                )
            ),
            "recommender_config.diversity_config.diversity_columns[0].cap_type",
            "MOST",
        ),
        (
            dict(
                recommender_config=dict(
                    diversity_config=dict(diversity_columns=[dict(name="Brand", cap_type="VALUE", target="lots")])
                )
            ),
            "recommender_config.diversity_config.diversity_columns[0].target",
            "lots",
        ),
        (dict(domain_name="bad domain!"), "domain_name", "bad domain!"),
        (
            dict(
                recommender_config=dict(
                    events_config=dict(event_parameters_list=[dict(event_type="buy", event_value_threshold="lots")])
                )
            ),
            "recommender_config.events_config.event_parameters_list[0].event_value_threshold",
            "lots",
        ),
        (
            dict(
                recommender_config=dict(
                    diversity_config=dict(diversity_columns=[dict(name="", cap_type="VALUE", target="2")] * 3)
                )
            ),
            "recommender_config.diversity_config.diversity_columns",
            None,
        ),
        (dict(recommender_config=dict(training_frequency="weekly")), "recommender_config.training_frequency", "weekly"),
        (dict(status="paused"), "status", "paused"),
        (dict(wait="maybe"), "wait", "maybe"),
        (dict(wait_timeout="soon"), "wait_timeout", "soon"),
        (dict(recreate="maybe"), "recreate", "maybe"),
        (dict(purge_tags="maybe"), "purge_tags", "maybe"),
        (dict(wait_timeout=-1), "wait_timeout", None),
        (dict(tags={"aws:reserved": "v"}), "tags", None),
    ],
)
def test_bad_input_fails_before_any_call_naming_the_option(run_logged, domain, options, path, value):
    result, calls = run_logged(MODULE, args(**options))
    assert result.failed, result
    assert calls == []
    assert path in result["msg"], result["msg"]
    if value:
        assert value not in result["msg"].replace(path, ""), result["msg"]


def test_a_botocore_without_the_recommender_operations_fails_naming_the_release(run_logged, monkeypatch, domain):
    monkeypatch.setattr(model, "has_operation", lambda operation: "Recommender" not in operation)
    result, calls = run_logged(MODULE, args())
    assert result.failed and calls == []
    assert "this module needs botocore >= 1.41.6" in result["msg"]
    info, calls = run_logged(INFO, dict(domain_name=DOMAIN))
    assert info.failed and calls == [] and "needs botocore >= 1.41.6" in info["msg"]


# ------------------------------------------------------------------ _info


def test_info_one_all_and_the_recipes(run_module, run_logged, cp_mock, cp_client, domain):
    make(cp_mock, cp_client, Description="first")
    cp_client.create_recommender(
        DomainName=DOMAIN, RecommenderName="popular", RecommenderRecipeName="popular-items", Tags={"Team": "x"}
    )
    one, calls = run_logged(INFO, dict(domain_name=DOMAIN, recommender_name=NAME))
    assert [item["recommender_name"] for item in one["recommenders"]] == [NAME] and calls == [GET]
    assert one["recommenders"][0]["service_status"] == "ACTIVE" and "recipes" not in one
    every, calls = run_logged(INFO, dict(domain_name=DOMAIN, list_recipes=True))
    assert [item["recommender_name"] for item in every["recommenders"]] == [NAME, "popular"]
    assert calls == ["ListRecommenders", GET, GET, "ListRecommenderRecipes"]
    names = [recipe["name"] for recipe in every["recipes"]]
    assert "recommended-for-you" in names and len(names) == 6
    assert all(recipe["description"] for recipe in every["recipes"])
    none, calls = run_logged(INFO, dict(domain_name=DOMAIN, name="nothing"))
    assert none["recommenders"] == [] and calls == [GET]

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Recommenders (in-process): the statuses a recommender goes through, one per GetRecommender read; what Start,
Stop and Update refuse; the recipes; tags, paging and the deletion with the domain."""

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import assert_routed_and_handled  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator
from emulator import validation

DOMAIN = "dom"
NAME = "for-you"
OPERATIONS = (
    "CreateRecommender",
    "GetRecommender",
    "ListRecommenders",
    "UpdateRecommender",
    "StartRecommender",
    "StopRecommender",
    "DeleteRecommender",
    "ListRecommenderRecipes",
)


@pytest.fixture
def domain(client):
    emulator.reset()
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    return DOMAIN


def create(client, **extra):
    request = dict(DomainName=DOMAIN, RecommenderName=NAME, RecommenderRecipeName="recommended-for-you")
    request.update(extra)
    return client.create_recommender(**request)


def status(client, name=NAME):
    return client.get_recommender(DomainName=DOMAIN, RecommenderName=name)["Status"]


def test_every_recommender_operation_is_routed_and_handled():
    assert_routed_and_handled(OPERATIONS)


def test_a_new_recommender_trains_one_read_at_a_time(client, domain):
    emulator.set_recommender_training_polls(2)
    answer = create(client, Tags={"Team": "crm"})
    assert answer["RecommenderArn"].endswith(":domains/dom/recommenders/" + NAME) and answer["Tags"] == {"Team": "crm"}
    assert [status(client) for _read in range(5)] == ["PENDING", "IN_PROGRESS", "IN_PROGRESS", "ACTIVE", "ACTIVE"]
    held = client.get_recommender(DomainName=DOMAIN, RecommenderName=NAME)
    assert held["RecommenderRecipeName"] == "recommended-for-you" and held["Tags"] == {"Team": "crm"}
    assert held["ActiveRecommenderVersionName"].startswith(NAME + "/")
    assert "TrainingMetrics" not in held
    metrics = client.get_recommender(DomainName=DOMAIN, RecommenderName=NAME, TrainingMetricsCount=1)
    assert metrics["TrainingMetrics"][0]["RecommenderVersionName"] == held["ActiveRecommenderVersionName"]


def test_stop_and_start_go_through_their_statuses_and_refuse_the_others(client, domain):
    create(client)
    with pytest.raises(ClientError) as refused:
        client.stop_recommender(DomainName=DOMAIN, RecommenderName=NAME)
    assert error_of(refused)[1] == "BadRequestException" and "is PENDING" in error_of(refused)[2]
    while status(client) != "ACTIVE":
        pass
    with pytest.raises(ClientError) as refused:
        client.start_recommender(DomainName=DOMAIN, RecommenderName=NAME)
    assert "only a stopped (INACTIVE) recommender" in error_of(refused)[2]
    client.stop_recommender(DomainName=DOMAIN, RecommenderName=NAME)
    assert [status(client), status(client)] == ["STOPPING", "INACTIVE"]
    with pytest.raises(ClientError):
        client.stop_recommender(DomainName=DOMAIN, RecommenderName=NAME)
    client.start_recommender(DomainName=DOMAIN, RecommenderName=NAME)
    assert [status(client), status(client)] == ["STARTING", "ACTIVE"]


def test_an_update_waits_for_a_settled_recommender_and_trains_a_version(client, domain):
    create(client, Description="Old")
    config = {"TrainingFrequency": 7, "EventsConfig": {"EventParametersList": [{"EventType": "buy"}]}}
    with pytest.raises(ClientError) as refused:
        client.update_recommender(DomainName=DOMAIN, RecommenderName=NAME, Description="New")
    assert "is PENDING" in error_of(refused)[2]
    while status(client) != "ACTIVE":
        pass
    client.update_recommender(DomainName=DOMAIN, RecommenderName=NAME, Description="New", RecommenderConfig=config)
    with pytest.raises(ClientError) as refused:
        client.update_recommender(DomainName=DOMAIN, RecommenderName=NAME, Description="Newer")
    assert "an update is IN_PROGRESS" in error_of(refused)[2]
    held = client.get_recommender(DomainName=DOMAIN, RecommenderName=NAME)
    assert held["Description"] == "New" and held["RecommenderConfig"] == config and held["Status"] == "ACTIVE"
    assert held["LatestRecommenderUpdate"]["Status"] == "IN_PROGRESS"
    after = client.get_recommender(DomainName=DOMAIN, RecommenderName=NAME)
    assert after["LatestRecommenderUpdate"]["Status"] == "ACTIVE"
    assert after["ActiveRecommenderVersionName"] == after["LatestRecommenderUpdate"]["RecommenderVersionName"]
    with pytest.raises(ClientError) as refused:
        client.update_recommender(
            DomainName=DOMAIN, RecommenderName=NAME, RecommenderVersionName=NAME + "/2020-01-01T00-00-00Z"
        )
    assert "no such version" in error_of(refused)[2]


@pytest.mark.parametrize(
    "config, message",
    [
        (
            {"IncludedColumns": {"_webAnalytics": ["a"]}, "ExcludedColumns": {"_catalogItem": ["b"]}},
            "mutually exclusive",
        ),
        ({"IncludedColumns": {"_orders": ["a"]}}, "supported dataset types"),
    ],
)
def test_columns_as_the_reference_describes_them(client, domain, config, message):
    with pytest.raises(ClientError) as refused:
        create(client, RecommenderConfig=config)
    assert error_of(refused)[1] == "BadRequestException" and message in error_of(refused)[2]


def test_create_refuses_a_taken_name_and_a_missing_schema(client, domain):
    create(client)
    with pytest.raises(ClientError) as taken:
        create(client)
    assert "already exists" in error_of(taken)[2]
    with pytest.raises(ClientError) as missing:
        create(client, RecommenderName="other", RecommenderSchemaName="catalog")
    assert error_of(missing)[1] == "ResourceNotFoundException"


def test_list_pages_recipes_tags_delete_and_the_domain_delete(client, domain):
    for number in range(3):
        create(client, RecommenderName="r%d" % number, RecommenderRecipeName="popular-items")
    first = client.list_recommenders(DomainName=DOMAIN, MaxResults=2)
    rest = client.list_recommenders(DomainName=DOMAIN, NextToken=first["NextToken"])
    items = first["Recommenders"] + rest["Recommenders"]
    assert [item["RecommenderName"] for item in items] == ["r0", "r1", "r2"]
    assert items[0]["RecipeName"] == "popular-items" and items[0]["Status"] == "PENDING"
    recipes = client.list_recommender_recipes()["RecommenderRecipes"]
    assert [recipe["name"] for recipe in recipes] == validation.operation_model(
        "CreateRecommender"
    ).input_shape.members["RecommenderRecipeName"].enum
    assert client.get_recommender(DomainName=DOMAIN, RecommenderName="r0")["Tags"] == {}
    stored = client.create_recommender(
        DomainName=DOMAIN, RecommenderName="tagged", RecommenderRecipeName="trending-now"
    )
    client.tag_resource(resourceArn=stored["RecommenderArn"], tags={"a": "1"})
    assert client.list_tags_for_resource(resourceArn=stored["RecommenderArn"])["tags"] == {"a": "1"}
    emulator.set_recommender_status(DOMAIN, "r0", "STOPPING")
    client.delete_recommender(DomainName=DOMAIN, RecommenderName="r0")
    with pytest.raises(ClientError) as gone:
        client.get_recommender(DomainName=DOMAIN, RecommenderName="r0")
    assert error_of(gone)[1] == "ResourceNotFoundException"
    client.delete_domain(DomainName=DOMAIN)
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    assert client.list_recommenders(DomainName=DOMAIN)["Recommenders"] == []
    with pytest.raises(ClientError) as untagged:
        client.list_tags_for_resource(resourceArn=stored["RecommenderArn"])
    assert error_of(untagged)[1] == "ResourceNotFoundException"

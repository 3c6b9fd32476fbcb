# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Recommender filters, recommender schemas and domain object types (in-process): routing, answers, refusals,
tags, pages, and their deletion with the domain."""

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import ACCOUNT  # pylint: disable=import-error
from emulator_test_helpers import REGION  # pylint: disable=import-error
from emulator_test_helpers import assert_routed_and_handled  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error

DOMAIN_ARN = "arn:aws:profile:%s:%s:domains/dom" % (REGION, ACCOUNT)
EXPRESSION = 'EXCLUDE ItemID WHERE Items.STOCK IN ("none")'
SCHEMA_FIELDS = {"_catalogItem": [{"TargetFieldName": "Stock", "ContentType": "STRING", "FeatureType": "CATEGORICAL"}]}
OBJECT_FIELDS = {"Sku": {"Source": "_source.sku", "Target": "_catalogItem.Id", "ContentType": "STRING"}}
OPERATIONS = (
    "CreateRecommenderFilter",
    "GetRecommenderFilter",
    "ListRecommenderFilters",
    "DeleteRecommenderFilter",
    "CreateRecommenderSchema",
    "GetRecommenderSchema",
    "ListRecommenderSchemas",
    "DeleteRecommenderSchema",
    "PutDomainObjectType",
    "GetDomainObjectType",
    "ListDomainObjectTypes",
    "DeleteDomainObjectType",
)


def _error(call):
    with pytest.raises(ClientError) as excinfo:
        call()
    return error_of(excinfo)


def test_every_operation_is_routed_and_handled():
    assert_routed_and_handled(OPERATIONS)


# recommender filters -------------------------------------------------------------------------------------
def test_a_filter_is_created_read_listed_and_deleted(client, domain):
    created = client.create_recommender_filter(
        DomainName=domain,
        RecommenderFilterName="stock",
        RecommenderFilterExpression=EXPRESSION,
        Description="In stock",
        Tags={"Team": "crm"},
    )
    assert created["RecommenderFilterArn"] == DOMAIN_ARN + "/recommender-filters/stock"
    assert created["Tags"] == {"Team": "crm"}
    item = client.get_recommender_filter(DomainName=domain, RecommenderFilterName="stock")
    assert item["RecommenderFilterExpression"] == EXPRESSION and item["Description"] == "In stock"
    assert item["Status"] == "ACTIVE" and item["Tags"] == {"Team": "crm"} and "FailureReason" not in item
    listed = client.list_recommender_filters(DomainName=domain)["RecommenderFilters"]
    assert [entry["RecommenderFilterName"] for entry in listed] == ["stock"]
    client.tag_resource(resourceArn=created["RecommenderFilterArn"], tags={"Env": "dev"})
    assert client.get_recommender_filter(DomainName=domain, RecommenderFilterName="stock")["Tags"] == {
        "Team": "crm",
        "Env": "dev",
    }
    deleted = client.delete_recommender_filter(DomainName=domain, RecommenderFilterName="stock")
    assert "stock" in deleted["Message"]
    status, code, _message = _error(
        lambda: client.get_recommender_filter(DomainName=domain, RecommenderFilterName="stock")
    )
    assert (status, code) == (404, "ResourceNotFoundException")


def test_a_filter_refuses_a_second_of_its_name_and_a_missing_schema(client, domain):
    client.create_recommender_filter(DomainName=domain, RecommenderFilterName="f", RecommenderFilterExpression="x")
    status, code, message = _error(
        lambda: client.create_recommender_filter(
            DomainName=domain, RecommenderFilterName="f", RecommenderFilterExpression="x"
        )
    )
    assert (status, code) == (400, "BadRequestException") and "already exists" in message
    status, code, message = _error(
        lambda: client.create_recommender_filter(
            DomainName=domain, RecommenderFilterName="g", RecommenderFilterExpression="x", RecommenderSchemaName="nope"
        )
    )
    assert (status, code) == (404, "ResourceNotFoundException") and "nope" in message


def test_filters_come_in_pages(client, domain):
    for index in range(3):
        client.create_recommender_filter(
            DomainName=domain, RecommenderFilterName="f%d" % index, RecommenderFilterExpression="x"
        )
    first = client.list_recommender_filters(DomainName=domain, MaxResults=2)
    assert len(first["RecommenderFilters"]) == 2 and first["NextToken"]
    rest = client.list_recommender_filters(DomainName=domain, MaxResults=2, NextToken=first["NextToken"])
    assert [item["RecommenderFilterName"] for item in rest["RecommenderFilters"]] == ["f2"]
    assert "NextToken" not in rest


# recommender schemas -------------------------------------------------------------------------------------
def test_a_schema_answers_without_tags_which_list_tags_has(client, domain):
    created = client.create_recommender_schema(
        DomainName=domain, RecommenderSchemaName="catalog", Fields=SCHEMA_FIELDS, Tags={"Team": "crm"}
    )
    arn = created["RecommenderSchemaArn"]
    assert arn == DOMAIN_ARN + "/recommender-schemas/catalog"
    assert created["Fields"] == SCHEMA_FIELDS and created["Status"] == "ACTIVE"
    item = client.get_recommender_schema(DomainName=domain, RecommenderSchemaName="catalog")
    assert "Tags" not in item and "RecommenderSchemaArn" not in item
    assert item["Fields"] == SCHEMA_FIELDS
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"Team": "crm"}
    listed = client.list_recommender_schemas(DomainName=domain)["RecommenderSchemas"]
    assert [entry["RecommenderSchemaName"] for entry in listed] == ["catalog"]
    client.delete_recommender_schema(DomainName=domain, RecommenderSchemaName="catalog")
    assert client.list_recommender_schemas(DomainName=domain)["RecommenderSchemas"] == []
    status, _code, _message = _error(lambda: client.list_tags_for_resource(resourceArn=arn))
    assert status == 404


def test_a_schema_takes_the_supported_dataset_types_only(client, domain):
    status, code, message = _error(
        lambda: client.create_recommender_schema(
            DomainName=domain, RecommenderSchemaName="s", Fields={"_orders": [{"TargetFieldName": "x"}]}
        )
    )
    assert (status, code) == (400, "BadRequestException") and "_webAnalytics" in message


def test_a_schema_that_a_filter_uses_can_be_deleted(client, domain):
    client.create_recommender_schema(DomainName=domain, RecommenderSchemaName="catalog", Fields=SCHEMA_FIELDS)
    client.create_recommender_filter(
        DomainName=domain, RecommenderFilterName="f", RecommenderFilterExpression="x", RecommenderSchemaName="catalog"
    )
    client.delete_recommender_schema(DomainName=domain, RecommenderSchemaName="catalog")
    assert client.get_recommender_filter(DomainName=domain, RecommenderFilterName="f")["RecommenderSchemaName"] == (
        "catalog"
    )


# domain object types -------------------------------------------------------------------------------------
def test_a_domain_object_type_needs_the_data_store_to_be_created(client, domain):
    status, code, message = _error(
        lambda: client.put_domain_object_type(DomainName=domain, ObjectTypeName="Catalog", Fields=OBJECT_FIELDS)
    )
    assert (status, code) == (400, "BadRequestException") and "Data Store" in message
    client.update_domain(DomainName=domain, DataStore={"Enabled": True})
    created = client.put_domain_object_type(
        DomainName=domain, ObjectTypeName="Catalog", Fields=OBJECT_FIELDS, Description="Items", Tags={"T": "x"}
    )
    assert created["Fields"] == OBJECT_FIELDS and created["Description"] == "Items" and created["Tags"] == {"T": "x"}
    # a put replaces the definition (omitted members are cleared), keeps the tags and CreatedAt
    client.update_domain(DomainName=domain, DataStore={"Enabled": False})
    replaced = client.put_domain_object_type(DomainName=domain, ObjectTypeName="Catalog", Fields=OBJECT_FIELDS)
    assert "Description" not in replaced and replaced["Tags"] == {"T": "x"}
    assert replaced["CreatedAt"] == created["CreatedAt"] and replaced["LastUpdatedAt"] >= created["LastUpdatedAt"]
    listed = client.list_domain_object_types(DomainName=domain)["Items"]
    assert [item["ObjectTypeName"] for item in listed] == ["Catalog"] and "Fields" not in listed[0]
    client.delete_domain_object_type(DomainName=domain, ObjectTypeName="Catalog")
    status, code, _message = _error(lambda: client.get_domain_object_type(DomainName=domain, ObjectTypeName="Catalog"))
    assert (status, code) == (404, "ResourceNotFoundException")


def test_deleting_the_domain_deletes_them_all(client, domain):
    client.update_domain(DomainName=domain, DataStore={"Enabled": True})
    client.create_recommender_schema(DomainName=domain, RecommenderSchemaName="catalog", Fields=SCHEMA_FIELDS)
    client.create_recommender_filter(DomainName=domain, RecommenderFilterName="f", RecommenderFilterExpression="x")
    client.put_domain_object_type(DomainName=domain, ObjectTypeName="Catalog", Fields=OBJECT_FIELDS)
    client.delete_domain(DomainName=domain)
    client.create_domain(DomainName=domain, DefaultExpirationDays=30)
    assert client.list_recommender_filters(DomainName=domain)["RecommenderFilters"] == []
    assert client.list_recommender_schemas(DomainName=domain)["RecommenderSchemas"] == []
    assert client.list_domain_object_types(DomainName=domain)["Items"] == []


def test_unknown_domain_is_404_everywhere(client):
    calls = [
        lambda: client.list_recommender_filters(DomainName="nope"),
        lambda: client.get_recommender_schema(DomainName="nope", RecommenderSchemaName="s"),
        lambda: client.put_domain_object_type(DomainName="nope", ObjectTypeName="T", Fields=OBJECT_FIELDS),
    ]
    for call in calls:
        status, code, message = _error(call)
        assert (status, code) == (404, "ResourceNotFoundException") and "nope" in message

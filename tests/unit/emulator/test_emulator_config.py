# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Configuration resources (in-process): integrations, event streams, event triggers, calculated attribute
definitions, segment definitions and GetSegmentMembership; their tags and their deletion with the domain."""

import datetime

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import ACCOUNT  # pylint: disable=import-error
from emulator_test_helpers import REGION  # pylint: disable=import-error
from emulator_test_helpers import add_body_members  # pylint: disable=import-error
from emulator_test_helpers import assert_routed_and_handled  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator
from call_log import entries
from domain_seed import add_calculated_attribute  # pylint: disable=import-error
from domain_seed import add_segment  # pylint: disable=import-error
from emulator import config

DOMAIN_ARN = "arn:aws:profile:%s:%s:domains/dom" % (REGION, ACCOUNT)
CONNECT = "arn:aws:connect:%s:%s:instance/11111111-2222-3333-4444-555555555555" % (REGION, ACCOUNT)
S3_URI = "s3://bucket/prefix"
KINESIS = "arn:aws:kinesis:%s:%s:stream/profile-events" % (REGION, ACCOUNT)
ROLE = "arn:aws:iam::%s:role/profiles" % ACCOUNT
FLOW = {
    "FlowName": "flow-1",
    "KmsArn": "arn:aws:kms:%s:%s:key/k" % (REGION, ACCOUNT),
    "SourceFlowConfig": {"ConnectorType": "S3", "SourceConnectorProperties": {"S3": {"BucketName": "bucket"}}},
    "Tasks": [{"SourceFields": ["id"], "TaskType": "Map", "DestinationField": "id"}],
    "TriggerConfig": {"TriggerType": "OnDemand"},
}
CONDITIONS = [
    {
        "EventTriggerDimensions": [
            {"ObjectAttributes": [{"FieldName": "status", "ComparisonOperator": "EQUAL", "Values": ["open"]}]}
        ],
        "LogicalOperator": "ANY",
    }
]
ATTRIBUTE_DETAILS = {"Attributes": [{"Name": "Order.total"}], "Expression": "{Order.total}"}


def _error(call):
    with pytest.raises(ClientError) as excinfo:
        call()
    return error_of(excinfo)


def add_object_type(client, domain, name):
    """An object type in the domain: PutProfileObjectType when the emulator serves it, else stored directly."""
    try:
        # the smallest valid mapping (admin guide): one key that is both UNIQUE and PROFILE
        client.put_profile_object_type(
            DomainName=domain,
            ObjectTypeName=name,
            Description="test type",
            Fields={"id": {"Source": "_source.id"}, "total": {"Source": "_source.total", "ContentType": "NUMBER"}},
            Keys={"%sId" % name.lower(): [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]},
        )
    except ClientError as exc:
        status = exc.response["ResponseMetadata"]["HTTPStatusCode"]
        if status not in (404, 501) or exc.response["Error"]["Code"] == "ResourceNotFoundException":
            raise
        domain_object = emulator.backend().domains[domain]
        if getattr(domain_object, "object_types", None) is None:
            domain_object.object_types = {}
        domain_object.object_types[name] = object()


@pytest.fixture
def order(client, domain):
    add_object_type(client, domain, "Order")
    return "Order"


def _trigger(client, domain, name="trig", **extra):
    return client.create_event_trigger(
        DomainName=domain, EventTriggerName=name, ObjectTypeName="Order", EventTriggerConditions=CONDITIONS, **extra
    )


# routing ----------------------------------------------------------------------------------------------
CONFIG_OPERATIONS = (
    "PutIntegration",
    "GetIntegration",
    "ListIntegrations",
    "DeleteIntegration",
    "ListAccountIntegrations",
    "CreateEventStream",
    "GetEventStream",
    "ListEventStreams",
    "DeleteEventStream",
    "CreateEventTrigger",
    "GetEventTrigger",
    "ListEventTriggers",
    "UpdateEventTrigger",
    "DeleteEventTrigger",
    "CreateCalculatedAttributeDefinition",
    "GetCalculatedAttributeDefinition",
    "ListCalculatedAttributeDefinitions",
    "UpdateCalculatedAttributeDefinition",
    "DeleteCalculatedAttributeDefinition",
    "CreateSegmentDefinition",
    "GetSegmentDefinition",
    "ListSegmentDefinitions",
    "DeleteSegmentDefinition",
    "GetSegmentMembership",
)


def test_every_config_operation_is_routed_and_handled():
    """Routed from the model (url_paths and method + path) to one backend method that takes its members."""
    assert_routed_and_handled(CONFIG_OPERATIONS)


def test_unknown_domain_is_404_everywhere(client):
    calls = [
        lambda: client.put_integration(DomainName="nope", Uri=S3_URI, ObjectTypeName="Order"),
        lambda: client.list_integrations(DomainName="nope"),
        lambda: client.create_event_stream(DomainName="nope", EventStreamName="s", Uri=KINESIS),
        lambda: client.list_event_triggers(DomainName="nope"),
        lambda: client.get_calculated_attribute_definition(DomainName="nope", CalculatedAttributeName="c"),
        lambda: client.list_segment_definitions(DomainName="nope"),
    ]
    for call in calls:
        status, code, message = _error(call)
        assert (status, code) == (404, "ResourceNotFoundException")
        assert "nope" in message


# integrations -----------------------------------------------------------------------------------------
def test_put_get_list_integration(client, domain, order):
    _trigger(client, domain)
    put = client.put_integration(
        DomainName=domain,
        Uri=CONNECT,
        ObjectTypeName=order,
        Tags={"env": "t"},
        RoleArn=ROLE,
        EventTriggerNames=["trig"],
        Scope="DOMAIN",
        FlowDefinition=FLOW,
    )
    expected = {
        "DomainName": domain,
        "Uri": CONNECT,
        "ObjectTypeName": order,
        "Tags": {"env": "t"},
        "RoleArn": ROLE,
        "EventTriggerNames": ["trig"],
        "Scope": "DOMAIN",
        "IsUnstructured": False,
    }
    for out in (put, client.get_integration(DomainName=domain, Uri=CONNECT)):
        out.pop("ResponseMetadata")
        assert isinstance(out.pop("CreatedAt"), datetime.datetime)
        assert isinstance(out.pop("LastUpdatedAt"), datetime.datetime)
        assert out == expected  # FlowDefinition is never returned
    items = client.list_integrations(DomainName=domain)["Items"]
    assert [item["Uri"] for item in items] == [CONNECT]
    assert "FlowDefinition" not in items[0] and items[0]["Scope"] == "DOMAIN"
    stored = emulator.backend().domains[domain].integrations[CONNECT]
    assert stored.arn == DOMAIN_ARN + "/integrations/" + CONNECT


def test_integration_defaults(client, domain, order):
    out = client.put_integration(DomainName=domain, Uri=S3_URI, ObjectTypeName=order)
    assert out["Scope"] == "PROFILE"
    assert out["EventTriggerNames"] == []
    assert out["IsUnstructured"] is False
    assert out["Tags"] == {}
    for absent in ("RoleArn", "ObjectTypeNames", "WorkflowId"):
        assert absent not in out


def test_put_integration_replaces_configuration_keeps_tags(client, domain, order):
    add_object_type(client, domain, "Customer")
    first = client.put_integration(DomainName=domain, Uri=S3_URI, ObjectTypeName=order, RoleArn=ROLE, Tags={"a": "1"})
    second = client.put_integration(
        DomainName=domain, Uri=S3_URI, ObjectTypeNames={"ShopifyCreateCustomers": "Customer"}, Tags={"b": "2"}
    )
    assert second["CreatedAt"] == first["CreatedAt"]
    assert second["LastUpdatedAt"] > first["LastUpdatedAt"]
    assert second["ObjectTypeNames"] == {"ShopifyCreateCustomers": "Customer"}
    assert "ObjectTypeName" not in second and "RoleArn" not in second  # replaced, not merged
    assert second["Tags"] == {"a": "1"}  # tags of an existing integration change through TagResource only
    assert len(client.list_integrations(DomainName=domain)["Items"]) == 1


@pytest.mark.parametrize(
    "kwargs,status,fragment",
    [
        ({"Uri": S3_URI, "ObjectTypeName": "Missing"}, 404, "Object type Missing not found in domain dom"),
        ({"Uri": S3_URI, "ObjectTypeNames": {"SegmentIdentify": "Missing"}}, 404, "Object type Missing not found"),
        (
            {"Uri": S3_URI, "ObjectTypeName": "Order", "ObjectTypeNames": {"SegmentIdentify": "Order"}},
            400,
            "mutually exclusive",
        ),
        ({"Uri": S3_URI}, 400, "One of ObjectTypeName or ObjectTypeNames is required"),
        ({"ObjectTypeName": "Order"}, 400, "Uri is required"),
        (
            {"Uri": S3_URI, "ObjectTypeName": "Order", "EventTriggerNames": ["nope"]},
            404,
            "Event trigger nope not found",
        ),
    ],
)
def test_put_integration_errors(client, domain, order, kwargs, status, fragment):  # pylint: disable=unused-argument
    got_status, code, message = _error(lambda: client.put_integration(DomainName=domain, **kwargs))
    assert (got_status, code) == (status, "BadRequestException" if status == 400 else "ResourceNotFoundException")
    assert fragment in message
    assert client.list_integrations(DomainName=domain)["Items"] == []


def test_put_integration_validation_from_model(raw_client, domain):
    status, code, message = _error(
        lambda: raw_client.put_integration(DomainName=domain, Uri=S3_URI, ObjectTypeName="Order", Scope="WORLD")
    )
    assert (status, code) == (400, "BadRequestException")
    assert "'scope'" in message and "enum value set" in message
    _status, _code, message = _error(
        lambda: raw_client.put_integration(DomainName=domain, Uri=S3_URI, ObjectTypeName="Order", RoleArn="not-an-arn")
    )
    assert "'roleArn'" in message and "regular expression pattern" in message


def test_unstructured_flow_integration_without_uri(client, domain):
    out = client.put_integration(DomainName=domain, ObjectTypeName="_unstructured", FlowDefinition=FLOW)
    assert out["Uri"] == "arn:aws:appflow:%s:%s:flow/flow-1" % (REGION, ACCOUNT)
    assert out["IsUnstructured"] is True
    assert "FlowDefinition" not in client.get_integration(DomainName=domain, Uri=out["Uri"])


def test_list_integrations_paginates_and_include_hidden(client, domain, order):
    uris = ["s3://bucket/%d" % index for index in range(5)]
    for uri in uris:
        client.put_integration(DomainName=domain, Uri=uri, ObjectTypeName=order)
    emulator.backend().domains[domain].integrations[uris[4]].hidden = True
    seen, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        page = client.list_integrations(DomainName=domain, MaxResults=2, **kwargs)
        assert len(page["Items"]) <= 2
        seen.extend(item["Uri"] for item in page["Items"])
        token = page.get("NextToken")
        if not token:
            break
    assert seen == uris[:4]
    assert [item["Uri"] for item in client.list_integrations(DomainName=domain, IncludeHidden=True)["Items"]] == uris
    assert _error(lambda: client.list_integrations(DomainName=domain, NextToken="garbage"))[:2] == (
        400,
        "BadRequestException",
    )


def test_delete_integration(client, domain, order):
    client.put_integration(DomainName=domain, Uri=S3_URI, ObjectTypeName=order)
    assert "deleted" in client.delete_integration(DomainName=domain, Uri=S3_URI)["Message"]
    status, code, message = _error(lambda: client.get_integration(DomainName=domain, Uri=S3_URI))
    assert (status, code, message) == (
        404,
        "ResourceNotFoundException",
        "Integration %s not found in domain dom" % S3_URI,
    )
    assert _error(lambda: client.delete_integration(DomainName=domain, Uri=S3_URI))[:2] == (
        404,
        "ResourceNotFoundException",
    )


def test_list_account_integrations_and_one_domain_per_uri(client, domain, order):
    client.create_domain(DomainName="other", DefaultExpirationDays=5)
    add_object_type(client, "other", "Order")
    client.put_integration(DomainName=domain, Uri=CONNECT, ObjectTypeName=order)
    client.put_integration(DomainName="other", Uri=S3_URI, ObjectTypeName=order)
    items = client.list_account_integrations(Uri=CONNECT)["Items"]
    assert [(item["DomainName"], item["Uri"]) for item in items] == [(domain, CONNECT)]
    assert client.list_account_integrations(Uri="s3://none")["Items"] == []
    status, code, message = _error(
        lambda: client.put_integration(DomainName="other", Uri=CONNECT, ObjectTypeName=order)
    )
    assert (status, code) == (400, "BadRequestException")
    assert message == "Integration %s already belongs to domain dom" % CONNECT


def test_event_trigger_belongs_to_one_integration(client, domain, order):
    _trigger(client, domain)
    client.put_integration(DomainName=domain, Uri=CONNECT, ObjectTypeName=order, EventTriggerNames=["trig"])
    status, code, message = _error(
        lambda: client.put_integration(DomainName=domain, Uri=S3_URI, ObjectTypeName=order, EventTriggerNames=["trig"])
    )
    assert (status, code) == (400, "BadRequestException")
    assert "already associated with integration %s" % CONNECT in message
    # the same integration may name it again
    client.put_integration(DomainName=domain, Uri=CONNECT, ObjectTypeName=order, EventTriggerNames=["trig"])


def test_integration_quota(client, domain, order, monkeypatch):
    monkeypatch.setitem(config.QUOTAS, config.INTEGRATIONS, 3)
    for index in range(3):
        client.put_integration(DomainName=domain, Uri="s3://b/%d" % index, ObjectTypeName=order)
    client.put_integration(DomainName=domain, Uri="s3://b/0", ObjectTypeName=order)  # replacing is not a new one
    status, code, message = _error(
        lambda: client.put_integration(DomainName=domain, Uri="s3://b/9", ObjectTypeName=order)
    )
    assert (status, code) == (400, "BadRequestException")
    assert message == "Limit exceeded: domain dom already has 3 integrations, the maximum per domain"


def test_default_quotas_are_the_documented_ones():
    assert config.QUOTAS == {"integrations": 50, "event_streams": 1, "event_triggers": 50, "calculated_attributes": 50}


# event streams ----------------------------------------------------------------------------------------
def test_event_stream_lifecycle(client, domain):
    created = client.create_event_stream(DomainName=domain, EventStreamName="stream", Uri=KINESIS, Tags={"k": "v"})
    arn = DOMAIN_ARN + "/event-streams/stream"
    assert created["EventStreamArn"] == arn and created["Tags"] == {"k": "v"}
    got = client.get_event_stream(DomainName=domain, EventStreamName="stream")
    got.pop("ResponseMetadata")
    assert isinstance(got.pop("CreatedAt"), datetime.datetime)
    assert got == {
        "DomainName": domain,
        "EventStreamArn": arn,
        "State": "RUNNING",
        "DestinationDetails": {"Uri": KINESIS, "Status": "HEALTHY"},
        "Tags": {"k": "v"},
    }
    items = client.list_event_streams(DomainName=domain)["Items"]
    assert items == [
        {
            "DomainName": domain,
            "EventStreamName": "stream",
            "EventStreamArn": arn,
            "State": "RUNNING",
            "DestinationSummary": {"Uri": KINESIS, "Status": "HEALTHY"},
            "Tags": {"k": "v"},
        }
    ]
    deleted = client.delete_event_stream(DomainName=domain, EventStreamName="stream")
    assert set(deleted) == {"ResponseMetadata"}
    assert _error(lambda: client.get_event_stream(DomainName=domain, EventStreamName="stream")) == (
        404,
        "ResourceNotFoundException",
        "Event stream stream not found in domain dom",
    )
    assert not hasattr(client, "update_event_stream")


def test_one_event_stream_per_domain(client, domain):
    client.create_event_stream(DomainName=domain, EventStreamName="one", Uri=KINESIS)
    assert _error(lambda: client.create_event_stream(DomainName=domain, EventStreamName="one", Uri=KINESIS)) == (
        400,
        "BadRequestException",
        "Event stream one already exists in domain dom",
    )
    assert _error(lambda: client.create_event_stream(DomainName=domain, EventStreamName="two", Uri=KINESIS)) == (
        400,
        "BadRequestException",
        "Limit exceeded: domain dom already has 1 event streams, the maximum per domain",
    )
    client.delete_event_stream(DomainName=domain, EventStreamName="one")
    client.create_event_stream(DomainName=domain, EventStreamName="two", Uri=KINESIS)


@pytest.mark.parametrize(
    "uri",
    [
        "arn:aws:sqs:%s:%s:queue" % (REGION, ACCOUNT),
        "arn:aws:kinesis:eu-west-1:%s:stream/s" % ACCOUNT,
        "arn:aws:kinesis:%s:999999999999:stream/s" % REGION,
        "my-stream",
    ],
)
def test_event_stream_uri_must_be_a_local_kinesis_stream(client, domain, uri):
    status, code, message = _error(lambda: client.create_event_stream(DomainName=domain, EventStreamName="s", Uri=uri))
    assert (status, code) == (400, "BadRequestException")
    assert "Kinesis data stream" in message and uri in message
    assert client.list_event_streams(DomainName=domain)["Items"] == []


def test_event_stream_state_hook(client, domain):
    client.create_event_stream(DomainName=domain, EventStreamName="s", Uri=KINESIS)
    emulator.backend().set_event_stream_state(domain, "s", "STOPPED", "UNHEALTHY", "stream deleted")
    got = client.get_event_stream(DomainName=domain, EventStreamName="s")
    assert got["State"] == "STOPPED" and isinstance(got["StoppedSince"], datetime.datetime)
    assert got["DestinationDetails"]["Status"] == "UNHEALTHY"
    assert got["DestinationDetails"]["Message"] == "stream deleted"
    assert "Message" not in client.list_event_streams(DomainName=domain)["Items"][0]["DestinationSummary"]


# event triggers ---------------------------------------------------------------------------------------
def test_event_trigger_create_get_list_update(client, domain, order):
    limits = {"EventExpiration": 3600, "Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 2}]}
    created = _trigger(client, domain, Description="first", EventTriggerLimits=limits, Tags={"t": "1"})
    for out in (created, client.get_event_trigger(DomainName=domain, EventTriggerName="trig")):
        assert out["EventTriggerName"] == "trig" and out["ObjectTypeName"] == order
        assert out["EventTriggerConditions"] == CONDITIONS and out["EventTriggerLimits"] == limits
        assert out["Description"] == "first" and out["Tags"] == {"t": "1"}
        assert "SegmentFilter" not in out
    items = client.list_event_triggers(DomainName=domain)["Items"]
    assert [sorted(item) for item in items] == [
        sorted(["ObjectTypeName", "EventTriggerName", "Description", "CreatedAt", "LastUpdatedAt", "Tags"])
    ]
    client.create_segment_definition(
        DomainName=domain,
        SegmentDefinitionName="seg",
        DisplayName="Seg",
        SegmentGroups={"Groups": [], "Include": "ALL"},
    )
    updated = client.update_event_trigger(
        DomainName=domain, EventTriggerName="trig", Description="second", SegmentFilter="seg"
    )
    assert updated["Description"] == "second" and updated["SegmentFilter"] == "seg"
    assert updated["EventTriggerConditions"] == CONDITIONS and updated["EventTriggerLimits"] == limits  # omitted: kept
    assert updated["CreatedAt"] == created["CreatedAt"] and updated["LastUpdatedAt"] > created["LastUpdatedAt"]
    assert updated["Tags"] == {"t": "1"}


def test_update_event_trigger_members_are_the_models(raw_client, domain, order):  # pylint: disable=unused-argument
    _trigger(raw_client, domain)
    add_body_members(raw_client, "UpdateEventTrigger", {"Tags": {"x": "y"}})
    status, code, message = _error(lambda: raw_client.update_event_trigger(DomainName=domain, EventTriggerName="trig"))
    assert (status, code) == (400, "BadRequestException") and "'tags'" in message and "Unknown member" in message


@pytest.mark.parametrize(
    "call,fragment",
    [
        (
            lambda c: c.create_event_trigger(
                DomainName="dom", EventTriggerName="t", ObjectTypeName="Missing", EventTriggerConditions=CONDITIONS
            ),
            "Object type Missing not found",
        ),
        (
            lambda c: c.create_event_trigger(
                DomainName="dom",
                EventTriggerName="t",
                ObjectTypeName="Order",
                EventTriggerConditions=CONDITIONS,
                SegmentFilter="nope",
            ),
            "Segment definition nope not found",
        ),
        (
            lambda c: c.update_event_trigger(DomainName="dom", EventTriggerName="trig", ObjectTypeName="Missing"),
            "Object type Missing not found",
        ),
        (lambda c: c.update_event_trigger(DomainName="dom", EventTriggerName="nope"), "Event trigger nope not found"),
        (lambda c: c.get_event_trigger(DomainName="dom", EventTriggerName="nope"), "Event trigger nope not found"),
        (lambda c: c.delete_event_trigger(DomainName="dom", EventTriggerName="nope"), "Event trigger nope not found"),
    ],
)
def test_event_trigger_not_found(client, domain, order, call, fragment):  # pylint: disable=unused-argument
    _trigger(client, domain)
    status, code, message = _error(lambda: call(client))
    assert (status, code) == (404, "ResourceNotFoundException") and fragment in message
    assert client.get_event_trigger(DomainName=domain, EventTriggerName="trig")["ObjectTypeName"] == "Order"


def test_event_trigger_duplicate_quota_and_delete(client, domain, order, monkeypatch):  # pylint: disable=unused-argument
    monkeypatch.setitem(config.QUOTAS, config.EVENT_TRIGGERS, 2)
    _trigger(client, domain, "a")
    assert _error(lambda: _trigger(client, domain, "a")) == (
        400,
        "BadRequestException",
        "Event trigger a already exists in domain dom",
    )
    _trigger(client, domain, "b")
    assert _error(lambda: _trigger(client, domain, "c")) == (
        400,
        "BadRequestException",
        "Limit exceeded: domain dom already has 2 event triggers, the maximum per domain",
    )
    client.put_integration(DomainName=domain, Uri=S3_URI, ObjectTypeName="Order", EventTriggerNames=["a"])
    status, code, message = _error(lambda: client.delete_event_trigger(DomainName=domain, EventTriggerName="a"))
    assert (status, code) == (400, "BadRequestException") and "integration %s" % S3_URI in message
    client.delete_integration(DomainName=domain, Uri=S3_URI)
    assert "deleted" in client.delete_event_trigger(DomainName=domain, EventTriggerName="a")["Message"]
    assert [item["EventTriggerName"] for item in client.list_event_triggers(DomainName=domain)["Items"]] == ["b"]


# calculated attributes --------------------------------------------------------------------------------
def _calculated(client, domain, name="total", **extra):
    return client.create_calculated_attribute_definition(
        DomainName=domain, CalculatedAttributeName=name, AttributeDetails=ATTRIBUTE_DETAILS, Statistic="SUM", **extra
    )


def test_calculated_attribute_create_get_list(client, domain, order):  # pylint: disable=unused-argument
    conditions = {"Range": {"Value": 30, "Unit": "DAYS"}, "ObjectCount": 5}
    attribute_filter = {
        "Include": "ALL",
        "Groups": [
            {
                "Type": "ALL",
                "Dimensions": [{"Attributes": {"Order.status": {"DimensionType": "INCLUSIVE", "Values": ["paid"]}}}],
            }
        ],
    }
    created = _calculated(
        client,
        domain,
        DisplayName="Total",
        Description="sum of orders",
        Conditions=conditions,
        Filter=attribute_filter,
        UseHistoricalData=True,
        Tags={"a": "b"},
    )
    for out in (
        created,
        client.get_calculated_attribute_definition(DomainName=domain, CalculatedAttributeName="total"),
    ):
        assert out["CalculatedAttributeName"] == "total" and out["DisplayName"] == "Total"
        assert out["AttributeDetails"] == ATTRIBUTE_DETAILS and out["Statistic"] == "SUM"
        assert out["Conditions"] == conditions and out["Filter"] == attribute_filter
        assert out["UseHistoricalData"] is True
        assert out["Status"] == "COMPLETED" and out["Readiness"] == {"ProgressPercentage": 100}
        assert out["Tags"] == {"a": "b"}
        assert isinstance(out["CreatedAt"], datetime.datetime) and isinstance(out["LastUpdatedAt"], datetime.datetime)
    minimal = _calculated(client, domain, "count")
    assert minimal["UseHistoricalData"] is False
    for absent in ("DisplayName", "Description", "Conditions", "Filter"):
        assert absent not in minimal
    items = client.list_calculated_attribute_definitions(DomainName=domain)["Items"]
    assert [item["CalculatedAttributeName"] for item in items] == ["total", "count"]
    assert set(items[0]) == {
        "CalculatedAttributeName",
        "DisplayName",
        "Description",
        "CreatedAt",
        "LastUpdatedAt",
        "UseHistoricalData",
        "Status",
        "Tags",
    }


@pytest.mark.parametrize(
    "details,status,fragment",
    [
        ({"Attributes": [{"Name": "Order.total"}], "Expression": "Order.total"}, 400, "has none"),
        ({"Attributes": [{"Name": "total"}], "Expression": "{total}"}, 400, "{ObjectTypeName.AttributeName}"),
        ({"Attributes": [{"Name": "Nope.total"}], "Expression": "{Nope.total}"}, 404, "Object type Nope not found"),
        ({"Attributes": [{"Name": "Order.total"}], "Expression": "{Order.total} + {Other.total}"}, 400, "one object"),
        ({"Attributes": [{"Name": "Order.price"}], "Expression": "{Order.price}"}, 400, "defines no field price"),
        ({"Attributes": [{"Name": "Order.nope"}], "Expression": "{Order.total}"}, 400, "defines no field nope"),
        (
            {"Attributes": [{"Name": "Order.total"}], "Expression": "{Order.total} * {Order.qty} - {Order.id}"},
            400,
            "at most 2 fields",
        ),
    ],
)
def test_calculated_attribute_expression_names_one_object_type_and_at_most_two_fields(
    client, domain, order, details, status, fragment
):  # pylint: disable=unused-argument
    """CreateCalculatedAttributeDefinition (API reference,
    https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_CreateCalculatedAttributeDefinition.html):
    "Each calculated attribute can only reference one ObjectType and at most, two fields from that ObjectType";
    AttributeDetails.Expression: "Each element in the expression should follow the structure of
    {ObjectTypeName.AttributeName}"."""
    add_object_type(client, domain, "Other")
    error = _error(
        lambda: client.create_calculated_attribute_definition(
            DomainName=domain, CalculatedAttributeName="bad", AttributeDetails=details, Statistic="SUM"
        )
    )
    assert error[0] == status and fragment in error[2], error
    assert client.list_calculated_attribute_definitions(DomainName=domain)["Items"] == []


def test_calculated_attribute_expression_with_two_fields(client, domain):
    fields = {
        "id": {"Source": "_source.id"},
        "price": {"Source": "_source.price", "ContentType": "NUMBER"},
        "qty": {"Source": "_source.qty", "ContentType": "NUMBER"},
    }
    keys = {"orderId": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]}
    client.put_profile_object_type(DomainName=domain, ObjectTypeName="Line", Description="d", Fields=fields, Keys=keys)
    details = {"Attributes": [{"Name": "Line.price"}, {"Name": "qty"}], "Expression": "{Line.price} * {Line.qty}"}
    out = client.create_calculated_attribute_definition(
        DomainName=domain, CalculatedAttributeName="spend", AttributeDetails=details, Statistic="SUM"
    )
    assert out["AttributeDetails"] == details


def test_calculated_attribute_update_only_updatable_members(client, raw_client, domain, order):  # pylint: disable=unused-argument
    created = _calculated(client, domain, DisplayName="Total", Conditions={"Range": {"Value": 30, "Unit": "DAYS"}})
    updated = client.update_calculated_attribute_definition(
        DomainName=domain, CalculatedAttributeName="total", Description="new", Conditions={"ObjectCount": 3}
    )
    assert updated["DisplayName"] == "Total" and updated["Description"] == "new"
    assert updated["Conditions"] == {"ObjectCount": 3}  # a given Conditions block replaces the old one
    assert updated["Statistic"] == "SUM" and updated["AttributeDetails"] == ATTRIBUTE_DETAILS
    assert "Filter" not in updated  # not a member of UpdateCalculatedAttributeDefinition's response
    assert updated["CreatedAt"] == created["CreatedAt"] and updated["LastUpdatedAt"] > created["LastUpdatedAt"]
    add_body_members(raw_client, "UpdateCalculatedAttributeDefinition", {"Statistic": "COUNT"})
    status, code, message = _error(
        lambda: raw_client.update_calculated_attribute_definition(
            DomainName=domain, CalculatedAttributeName="total", Description="x"
        )
    )
    assert (status, code) == (400, "BadRequestException") and "'statistic'" in message and "Unknown member" in message
    assert (
        client.get_calculated_attribute_definition(DomainName=domain, CalculatedAttributeName="total")["Statistic"]
        == "SUM"
    )


def test_calculated_attribute_limit_duplicate_and_delete(client, domain, order):  # pylint: disable=unused-argument
    for index in range(50):
        _calculated(client, domain, "attr_%d" % index)
    assert _error(lambda: _calculated(client, domain, "attr_0")) == (
        400,
        "BadRequestException",
        "Calculated attribute definition attr_0 already exists in domain dom",
    )
    assert _error(lambda: _calculated(client, domain, "attr_50")) == (
        400,
        "BadRequestException",
        "Limit exceeded: domain dom already has 50 calculated attribute definitions, the maximum per domain",
    )
    page = client.list_calculated_attribute_definitions(DomainName=domain, MaxResults=100)
    assert len(page["Items"]) == 50 and "NextToken" not in page
    deleted = client.delete_calculated_attribute_definition(DomainName=domain, CalculatedAttributeName="attr_0")
    assert set(deleted) == {"ResponseMetadata"}
    _calculated(client, domain, "attr_50")
    assert _error(
        lambda: client.get_calculated_attribute_definition(DomainName=domain, CalculatedAttributeName="attr_0")
    ) == (404, "ResourceNotFoundException", "Calculated attribute definition attr_0 not found in domain dom")


def test_calculated_attribute_status_hook(client, domain, order):  # pylint: disable=unused-argument
    _calculated(client, domain, UseHistoricalData=True)
    emulator.backend().set_calculated_attribute_status(domain, "total", "IN_PROGRESS", 40, "indexing history")
    got = client.get_calculated_attribute_definition(DomainName=domain, CalculatedAttributeName="total")
    assert got["Status"] == "IN_PROGRESS" and got["Readiness"] == {
        "ProgressPercentage": 40,
        "Message": "indexing history",
    }
    assert client.list_calculated_attribute_definitions(DomainName=domain)["Items"][0]["Status"] == "IN_PROGRESS"


# segment definitions ----------------------------------------------------------------------------------
def _dim(**attributes):
    return {"ProfileAttributes": attributes}


def _segment(client, domain, name, groups, include="ALL", **extra):
    return client.create_segment_definition(
        DomainName=domain,
        SegmentDefinitionName=name,
        DisplayName=name.title(),
        SegmentGroups={"Groups": groups, "Include": include},
        **extra,
    )


def test_segment_definition_create_get_list_delete(client, domain):
    groups = [{"Type": "ALL", "Dimensions": [_dim(FirstName={"DimensionType": "INCLUSIVE", "Values": ["Ann"]})]}]
    sort = {"Attributes": [{"Name": "LastName", "Order": "ASC", "DataType": "STRING", "Type": "PROFILE"}]}
    created = _segment(client, domain, "vip", groups, Description="very important", SegmentSort=sort, Tags={"s": "1"})
    arn = DOMAIN_ARN + "/segment-definitions/vip"
    assert created["SegmentDefinitionArn"] == arn
    assert set(created) - {"ResponseMetadata"} == {
        "SegmentDefinitionName",
        "DisplayName",
        "Description",
        "CreatedAt",
        "SegmentDefinitionArn",
        "Tags",
    }
    got = client.get_segment_definition(DomainName=domain, SegmentDefinitionName="vip")
    assert got["SegmentGroups"] == {"Groups": groups, "Include": "ALL"} and got["SegmentSort"] == sort
    assert got["SegmentType"] == "CLASSIC" and "SegmentSqlQuery" not in got
    assert got["CreatedAt"] == created["CreatedAt"] and got["Tags"] == {"s": "1"}
    sql = client.create_segment_definition(
        DomainName=domain, SegmentDefinitionName="sql", DisplayName="Sql", SegmentSqlQuery="SELECT * FROM profiles"
    )
    assert "SegmentGroups" not in sql
    got = client.get_segment_definition(DomainName=domain, SegmentDefinitionName="sql")
    assert got["SegmentType"] == "ENHANCED" and got["SegmentSqlQuery"] == "SELECT * FROM profiles"
    items = client.list_segment_definitions(DomainName=domain)["Items"]
    assert [(item["SegmentDefinitionName"], item["SegmentType"]) for item in items] == [
        ("vip", "CLASSIC"),
        ("sql", "ENHANCED"),
    ]
    assert set(items[0]) == {
        "SegmentDefinitionName",
        "DisplayName",
        "Description",
        "SegmentDefinitionArn",
        "CreatedAt",
        "Tags",
        "SegmentType",
    }
    assert "deleted" in client.delete_segment_definition(DomainName=domain, SegmentDefinitionName="vip")["Message"]
    assert _error(lambda: client.get_segment_definition(DomainName=domain, SegmentDefinitionName="vip")) == (
        404,
        "ResourceNotFoundException",
        "Segment definition vip not found in domain dom",
    )
    assert not hasattr(client, "update_segment_definition")


@pytest.mark.parametrize(
    "kwargs,status,fragment",
    [
        ({}, 400, "Exactly one of SegmentGroups or SegmentSqlQuery"),
        (
            {"SegmentGroups": {"Groups": []}, "SegmentSqlQuery": "SELECT 1"},
            400,
            "Exactly one of SegmentGroups or SegmentSqlQuery",
        ),
        (
            {"SegmentGroups": {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": "nope"}]}]}},
            404,
            "Segment definition nope not found",
        ),
        (
            {
                "SegmentGroups": {
                    "Groups": [
                        {
                            "Dimensions": [
                                {"CalculatedAttributes": {"nope": {"DimensionType": "GREATER_THAN", "Values": ["1"]}}}
                            ]
                        }
                    ]
                }
            },
            404,
            "Calculated attribute definition nope not found",
        ),
        (
            {
                "SegmentGroups": {
                    "Groups": [
                        {
                            "Dimensions": [
                                {
                                    "ProfileAttributes": {"FirstName": {"DimensionType": "INCLUSIVE", "Values": ["a"]}},
                                    "CalculatedAttributes": {"x": {"DimensionType": "INCLUSIVE", "Values": ["a"]}},
                                }
                            ]
                        }
                    ]
                }
            },
            400,
            "exactly one of ProfileAttributes",
        ),
    ],
)
def test_create_segment_definition_errors(raw_client, domain, kwargs, status, fragment):
    got_status, code, message = _error(
        lambda: raw_client.create_segment_definition(
            DomainName=domain, SegmentDefinitionName="s", DisplayName="S", **kwargs
        )
    )
    assert (got_status, code) == (status, "BadRequestException" if status == 400 else "ResourceNotFoundException")
    assert fragment in message
    assert raw_client.list_segment_definitions(DomainName=domain)["Items"] == []


def test_segment_definition_duplicate(client, domain):
    _segment(client, domain, "s", [])
    assert _error(lambda: _segment(client, domain, "s", [])) == (
        400,
        "BadRequestException",
        "Segment definition s already exists in domain dom",
    )


# segment membership -----------------------------------------------------------------------------------
@pytest.fixture
def people(client, domain):
    def make(**fields):
        return client.create_profile(DomainName=domain, **fields)["ProfileId"]

    return {
        "ann": make(
            FirstName="Ann",
            LastName="Lee",
            EmailAddress="ann@example.com",
            BirthDate="1980-05-01",
            Address={"City": "Springfield", "Country": "US"},
            Attributes={"score": "75", "tags": '["a", "b"]'},
        ),
        "bob": make(
            FirstName="Bob",
            LastName="Stone",
            EmailAddress="bob@corp.test",
            BirthDate="1995-12-24",
            Address={"City": "Shelbyville"},
            Attributes={"score": "20"},
            ProfileType="ACCOUNT_PROFILE",
        ),
        "cy": make(FirstName="Cy", AccountNumber="A-1"),
    }


def _members(client, domain, segment, people):
    out = client.get_segment_membership(
        DomainName=domain, SegmentDefinitionName=segment, ProfileIds=list(people.values())
    )
    assert out["Failures"] == [] and out["SegmentDefinitionName"] == segment
    assert isinstance(out["LastComputedAt"], datetime.datetime)
    names = {pid: name for name, pid in people.items()}
    for item in out["Profiles"]:
        assert ("Profile" in item) == (item["QueryResult"] == "PRESENT")
    return sorted(names[item["ProfileId"]] for item in out["Profiles"] if item["QueryResult"] == "PRESENT")


@pytest.mark.parametrize(
    "dimension,expected",
    [
        (_dim(FirstName={"DimensionType": "INCLUSIVE", "Values": ["Ann", "Cy"]}), ["ann", "cy"]),
        (_dim(FirstName={"DimensionType": "EXCLUSIVE", "Values": ["Ann"]}), ["bob", "cy"]),
        (_dim(EmailAddress={"DimensionType": "ENDS_WITH", "Values": ["@example.com"]}), ["ann"]),
        (_dim(EmailAddress={"DimensionType": "CONTAINS", "Values": ["corp"]}), ["bob"]),
        (_dim(LastName={"DimensionType": "BEGINS_WITH", "Values": ["St", "Le"]}), ["ann", "bob"]),
        (_dim(Address={"City": {"DimensionType": "INCLUSIVE", "Values": ["Springfield"]}}), ["ann"]),
        (_dim(BirthDate={"DimensionType": "BEFORE", "Values": ["1990-01-01"]}), ["ann"]),
        (_dim(BirthDate={"DimensionType": "BETWEEN", "Values": ["1990-01-01", "1999-12-31"]}), ["bob"]),
        (_dim(BirthDate={"DimensionType": "ON", "Values": ["12/24/1995"]}), ["bob"]),
        (_dim(Attributes={"score": {"DimensionType": "GREATER_THAN", "Values": ["50"]}}), ["ann"]),
        (_dim(Attributes={"score": {"DimensionType": "LESS_THAN_OR_EQUAL", "Values": ["75"]}}), ["ann", "bob"]),
        (_dim(Attributes={"tags": {"DimensionType": "LIST_CONTAINS", "Values": ["b"]}}), ["ann"]),
        (_dim(Attributes={"tags": {"DimensionType": "LIST_CONTAINS_ALL", "Values": ["a", "z"]}}), []),
        (_dim(ProfileType={"DimensionType": "INCLUSIVE", "Values": ["ACCOUNT_PROFILE"]}), ["bob"]),
        (
            _dim(
                FirstName={"DimensionType": "INCLUSIVE", "Values": ["Ann", "Bob"]},
                Address={"Country": {"DimensionType": "INCLUSIVE", "Values": ["US"]}},
            ),
            ["ann"],
        ),  # conditions of one dimension: all
    ],
)
def test_membership_dimensions(client, domain, people, dimension, expected):
    _segment(client, domain, "seg", [{"Type": "ALL", "Dimensions": [dimension]}])
    assert _members(client, domain, "seg", people) == expected


def test_membership_group_types_include_and_source_segments(client, domain, people):
    ann = _dim(FirstName={"DimensionType": "INCLUSIVE", "Values": ["Ann"]})
    bob = _dim(FirstName={"DimensionType": "INCLUSIVE", "Values": ["Bob"]})
    _segment(client, domain, "either", [{"Type": "ANY", "Dimensions": [ann, bob]}])
    assert _members(client, domain, "either", people) == ["ann", "bob"]
    _segment(client, domain, "neither", [{"Type": "NONE", "Dimensions": [ann, bob]}])
    assert _members(client, domain, "neither", people) == ["cy"]
    _segment(client, domain, "two_groups_any", [{"Dimensions": [ann]}, {"Dimensions": [bob]}], include="ANY")
    assert _members(client, domain, "two_groups_any", people) == ["ann", "bob"]
    _segment(client, domain, "not_either", [{"SourceSegments": [{"SegmentDefinitionName": "either"}]}], include="NONE")
    assert _members(client, domain, "not_either", people) == ["cy"]
    _segment(
        client,
        domain,
        "either_in_us",
        [
            {
                "SourceSegments": [{"SegmentDefinitionName": "either"}],
                "SourceType": "ALL",
                "Dimensions": [_dim(Address={"Country": {"DimensionType": "INCLUSIVE", "Values": ["US"]}})],
            }
        ],
    )
    assert _members(client, domain, "either_in_us", people) == ["ann"]
    _segment(client, domain, "everyone", [])
    assert _members(client, domain, "everyone", people) == ["ann", "bob", "cy"]


def test_membership_failures(client, domain, people, order):  # pylint: disable=unused-argument
    _calculated(client, domain)
    _segment(
        client,
        domain,
        "calc",
        [{"Dimensions": [{"CalculatedAttributes": {"total": {"DimensionType": "GREATER_THAN", "Values": ["10"]}}}]}],
    )
    client.create_segment_definition(
        DomainName=domain, SegmentDefinitionName="sql", DisplayName="Sql", SegmentSqlQuery="SELECT * FROM profiles"
    )
    missing = "0" * 32
    for segment in ("calc", "sql"):
        out = client.get_segment_membership(
            DomainName=domain, SegmentDefinitionName=segment, ProfileIds=[people["ann"], missing]
        )
        assert out["Profiles"] == []
        assert out["Failures"][0]["ProfileId"] == people["ann"] and out["Failures"][0]["Status"] == 501
        assert out["Failures"][0]["Message"].startswith("Not evaluated: ")
        assert out["Failures"][1] == {"ProfileId": missing, "Message": "Profile %s not found" % missing, "Status": 404}
    assert _error(
        lambda: client.get_segment_membership(DomainName=domain, SegmentDefinitionName="nope", ProfileIds=[missing])
    )[:2] == (404, "ResourceNotFoundException")


# tags and the domain ----------------------------------------------------------------------------------
def _all_kinds(client, domain):
    """One resource of each kind; returns their ARNs."""
    _trigger(client, domain)
    client.put_integration(DomainName=domain, Uri=CONNECT, ObjectTypeName="Order")
    client.create_event_stream(DomainName=domain, EventStreamName="stream", Uri=KINESIS)
    _calculated(client, domain)
    _segment(client, domain, "seg", [])
    return [
        DOMAIN_ARN + suffix
        for suffix in (
            "/integrations/" + CONNECT,
            "/event-streams/stream",
            "/event-triggers/trig",
            "/calculated-attributes/total",
            "/segment-definitions/seg",
        )
    ]


def test_tags_on_every_arn(client, domain, order):  # pylint: disable=unused-argument
    for arn in _all_kinds(client, domain):
        assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {}
        client.tag_resource(resourceArn=arn, tags={"a": "1", "b": "2"})
        client.untag_resource(resourceArn=arn, tagKeys=["a"])
        assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"b": "2"}
    assert client.get_integration(DomainName=domain, Uri=CONNECT)["Tags"] == {"b": "2"}
    assert client.get_event_stream(DomainName=domain, EventStreamName="stream")["Tags"] == {"b": "2"}
    assert client.get_event_trigger(DomainName=domain, EventTriggerName="trig")["Tags"] == {"b": "2"}
    assert client.get_calculated_attribute_definition(DomainName=domain, CalculatedAttributeName="total")["Tags"] == {
        "b": "2"
    }
    assert client.get_segment_definition(DomainName=domain, SegmentDefinitionName="seg")["Tags"] == {"b": "2"}
    assert client.list_tags_for_resource(resourceArn=DOMAIN_ARN)["tags"] == {}


def test_at_most_50_tags_on_every_kind_of_resource(client, domain, order):  # pylint: disable=unused-argument
    """TagResource (API reference, https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_TagResource.html):
    "You can associate as many as 50 tags with a resource", whatever its kind; UpdateDomain's Tags likewise."""
    fifty = {"k%02d" % number: "v" for number in range(50)}
    arns = [DOMAIN_ARN, DOMAIN_ARN + "/object-types/Order"] + _all_kinds(client, domain)
    for arn in arns:
        client.tag_resource(resourceArn=arn, tags=dict(list(fifty.items())[:49]))
        client.tag_resource(resourceArn=arn, tags={"k48": "again", "k49": "v"})  # 50: a replaced key does not count
        status, code, message = _error(lambda arn=arn: client.tag_resource(resourceArn=arn, tags={"one": "more"}))
        assert (status, code) == (400, "BadRequestException") and "at most 50" in message, arn
        tags = client.list_tags_for_resource(resourceArn=arn)["tags"]
        assert len(tags) == 50 and "one" not in tags and tags["k48"] == "again"  # nothing changed
    assert _error(lambda: client.update_domain(DomainName=domain, DefaultExpirationDays=9, Tags={"one": "more"}))[
        :2
    ] == (
        400,
        "BadRequestException",
    )
    assert client.get_domain(DomainName=domain)["DefaultExpirationDays"] == 30  # the whole update was refused
    client.update_domain(DomainName=domain, Tags={"k00": "replaced"})
    assert client.list_tags_for_resource(resourceArn=DOMAIN_ARN)["tags"]["k00"] == "replaced"


def test_deleting_the_domain_deletes_its_configuration(client, domain, order):  # pylint: disable=unused-argument
    arns = _all_kinds(client, domain)
    client.delete_domain(DomainName=domain)
    for arn in arns:
        assert _error(lambda arn=arn: client.list_tags_for_resource(resourceArn=arn))[:2] == (
            404,
            "ResourceNotFoundException",
        )
    assert client.list_account_integrations(Uri=CONNECT)["Items"] == []
    client.create_domain(DomainName=domain, DefaultExpirationDays=3)
    assert client.list_integrations(DomainName=domain)["Items"] == []
    assert client.list_event_streams(DomainName=domain)["Items"] == []
    assert client.list_event_triggers(DomainName=domain)["Items"] == []
    assert client.list_calculated_attribute_definitions(DomainName=domain)["Items"] == []
    assert client.list_segment_definitions(DomainName=domain)["Items"] == []


def test_calls_are_logged(client, domain, order):  # pylint: disable=unused-argument
    emulator.reset_calls()
    client.put_integration(DomainName=domain, Uri=S3_URI, ObjectTypeName="Order")
    client.list_integrations(DomainName=domain)
    _error(lambda: client.get_event_stream(DomainName=domain, EventStreamName="none"))
    integration_members = ["DomainName", "ObjectTypeName", "Uri"]  # the names, never the values
    assert entries(emulator) == [
        ("PutIntegration", "write", 200, None, integration_members),
        ("ListIntegrations", "read", 200, None, ["DomainName"]),
        ("GetEventStream", "read", 404, "ResourceNotFoundException", ["DomainName", "EventStreamName"]),
    ]


def test_faults_apply_to_config_operations(client, domain):
    emulator.inject_fault("CreateEventStream", error="ThrottlingException", count=1)
    assert _error(lambda: client.create_event_stream(DomainName=domain, EventStreamName="s", Uri=KINESIS))[:2] == (
        429,
        "ThrottlingException",
    )
    client.create_event_stream(DomainName=domain, EventStreamName="s", Uri=KINESIS)


# deleting what others name --------------------------------------------------------------------------------
def test_deleting_a_calculated_attribute_in_use_is_allowed(client, domain):
    """DeleteCalculatedAttributeDefinition (API reference) documents no refusal for a definition that segment
    definitions use (choice listed in README.md): the delete succeeds and the segment keeps naming it."""
    add_object_type(client, domain, "Orders")
    attribute = add_calculated_attribute(client, domain, "Orders")
    add_segment(client, domain, "big", attribute)
    client.delete_calculated_attribute_definition(DomainName=domain, CalculatedAttributeName=attribute)
    segment = client.get_segment_definition(DomainName=domain, SegmentDefinitionName="big")
    assert attribute in segment["SegmentGroups"]["Groups"][0]["Dimensions"][0]["CalculatedAttributes"]


def test_deleting_an_object_type_that_integrations_and_triggers_name_is_allowed(client, domain, order):
    """DeleteProfileObjectType (API reference): it "also disables integrations from this specific
    ProfileObjectType", it does not refuse; the emulator keeps the integration and the trigger as they are."""
    client.put_integration(DomainName=domain, Uri=CONNECT, ObjectTypeName=order)
    _trigger(client, domain)
    client.delete_profile_object_type(DomainName=domain, ObjectTypeName=order)
    assert client.get_integration(DomainName=domain, Uri=CONNECT)["ObjectTypeName"] == order
    assert client.get_event_trigger(DomainName=domain, EventTriggerName="trig")["ObjectTypeName"] == order

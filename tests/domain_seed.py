# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A domain holding one resource of every kind the delete guards count, made through the API (a boto3 client of
the in-process emulator or of the emulator server), for the tests of what a delete takes with it.

    from domain_seed import seed_domain

    names = seed_domain(cp_client, "my-domain")   # the domain must exist
    names["integration"]  # the Uri of the integration, which names names["object_type"]
"""

REGION = "us-east-1"
ACCOUNT = "123456789012"
CONNECT = "arn:aws:connect:%s:%s:instance/11111111-2222-3333-4444-555555555555" % (REGION, ACCOUNT)
KINESIS = "arn:aws:kinesis:%s:%s:stream/profile-events" % (REGION, ACCOUNT)
CONDITIONS = [
    {
        "EventTriggerDimensions": [
            {"ObjectAttributes": [{"FieldName": "status", "ComparisonOperator": "EQUAL", "Values": ["open"]}]}
        ],
        "LogicalOperator": "ANY",
    }
]


# The reads of customerprofiles_domain state=absent on a domain that exists: its Stats, then one page of each
# kind it may hold besides profiles and their objects.
DOMAIN_DELETE_READS = [
    "GetDomain",
    "ListProfileObjectTypes",
    "ListIntegrations",
    "ListEventStreams",
    "ListCalculatedAttributeDefinitions",
    "ListSegmentDefinitions",
    "ListEventTriggers",
    "ListDomainObjectTypes",
    "ListRecommenderSchemas",
    "ListRecommenderFilters",
    "ListRecommenders",
    "GetIntentDefinition",
    "GetStreamForSegments",
]


def add_object_type(client, domain, name="Orders"):
    client.put_profile_object_type(
        DomainName=domain,
        ObjectTypeName=name,
        Description="orders",
        Fields={
            "id": {"Source": "_source.id", "Target": "_profile.AccountNumber"},
            "total": {"Source": "_source.total", "ContentType": "NUMBER"},
            "status": {"Source": "_source.status"},
        },
        Keys={"_account": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]},
    )
    return name


def add_calculated_attribute(client, domain, object_type, name="spend"):
    client.create_calculated_attribute_definition(
        DomainName=domain,
        CalculatedAttributeName=name,
        AttributeDetails={
            "Attributes": [{"Name": "%s.total" % object_type}],
            "Expression": "{%s.total}" % object_type,
        },
        Statistic="SUM",
    )
    return name


def add_segment(client, domain, name, calculated_attribute=None):
    """A segment definition; with ``calculated_attribute``, one of its dimensions uses it."""
    if calculated_attribute:
        dimension = {
            "CalculatedAttributes": {calculated_attribute: {"DimensionType": "GREATER_THAN", "Values": ["100"]}}
        }
    else:
        dimension = {"ProfileAttributes": {"FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann"]}}}
    client.create_segment_definition(
        DomainName=domain,
        SegmentDefinitionName=name,
        DisplayName=name,
        SegmentGroups={"Groups": [{"Type": "ALL", "Dimensions": [dimension]}], "Include": "ALL"},
    )
    return name


def add_event_trigger(client, domain, object_type, name="big-order"):
    client.create_event_trigger(
        DomainName=domain, EventTriggerName=name, ObjectTypeName=object_type, EventTriggerConditions=CONDITIONS
    )
    return name


def seed_domain(client, domain):
    """One object type, an integration and an event trigger naming it, an event stream, a calculated attribute
    and a segment definition using it, in ``domain`` (which exists). Returns their names by kind."""
    object_type = add_object_type(client, domain)
    client.put_integration(DomainName=domain, Uri=CONNECT, ObjectTypeName=object_type)
    client.create_event_stream(DomainName=domain, EventStreamName="events", Uri=KINESIS)
    attribute = add_calculated_attribute(client, domain, object_type)
    segment = add_segment(client, domain, "big-spenders", attribute)
    trigger = add_event_trigger(client, domain, object_type)
    return dict(
        object_type=object_type,
        integration=CONNECT,
        event_stream="events",
        calculated_attribute=attribute,
        segment_definition=segment,
        event_trigger=trigger,
    )

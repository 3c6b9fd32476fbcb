# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every read-back is valid input: what a module returns, and what its ``_info`` returns, given back is a no-op.

For every write module in plugins/modules (found from the module files, so that a new module without a
case fails ``test_every_module_has_a_round_trip_case``): apply a configuration, take the resource under the
module's result key and the item its ``_info`` module returns, restrict each to the module's options, give it
back with the identity options, and assert ``changed: false`` and no write call in the emulator's call log.
The bulk modules (profiles, profile objects) give back what their ``_info`` module reads.

Two sources of configurations: hand-written ones that use every option (nested blocks, tags, ``""`` that
clears), and configurations generated from botocore's input shapes of the create operations (hypothesis;
derandomized, so that a run is reproducible).
"""

import ast
import importlib
import inspect
import json
import os

import pytest

from call_log import writes
from connect_helpers import make_object_type
from connect_helpers import make_order_type

PLUGINS = "ansible_collections.awscx.customerprofiles.plugins.modules."
MODULES_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "plugins", "modules"
)
DOMAIN = "round-trip"
ACCOUNT = "123456789012"
KMS_KEY = "arn:aws:kms:us-east-1:{0}:key/1234abcd-12ab-34cd-56ef-1234567890ab".format(ACCOUNT)
INSTANCE = "arn:aws:connect:us-east-1:{0}:instance/11111111-2222-3333-4444-555555555555".format(ACCOUNT)
KINESIS = "arn:aws:kinesis:us-east-1:{0}:stream/profile-changes".format(ACCOUNT)


# ------------------------------------------------------------------ the modules, found from their files


def write_modules():
    """The module names of plugins/modules that manage something (every one but the ``_info`` modules)."""
    names = (name[: -len(".py")] for name in os.listdir(MODULES_DIR) if name.endswith(".py"))
    return sorted(name for name in names if name.startswith("customerprofiles_") and not name.endswith("_info"))


def contract_of(module_name):
    """The resource (or lister) class that the module's main() hands to its driver."""
    module = importlib.import_module(PLUGINS + module_name)
    tree = ast.parse(inspect.getsource(module))
    main = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "main")
    (name,) = [
        node.args[0].id
        for node in ast.walk(main)
        if isinstance(node, ast.Call) and len(node.args) == 1 and isinstance(node.args[0], ast.Name)
    ]
    return getattr(module, name)


def info_module(module_name):
    name = module_name + "_info"
    return name if os.path.exists(os.path.join(MODULES_DIR, name + ".py")) else None


def is_bulk(module_name):
    """A module that syncs a list (its result lists statuses, not a resource)."""
    return any(cls.__name__ == "BulkResource" for cls in contract_of(module_name).__mro__)


def result_key(module_name):
    """The module's singular result key: its resource's ``result_key``, or the singular of its _info's plural."""
    key = contract_of(module_name).result_key
    if key is None:
        key = contract_of(info_module(module_name)).result_key[: -len("s")]
    return key


# ------------------------------------------------------------------ read-back -> options


def restrict(read_back, argument_spec):
    """``read_back`` restricted to the options of ``argument_spec``, recursively (read-only members that are no
    option dropped). Options with a default (``state``, ``purge_tags``, ``recreate``, ``force``, ...) say how to
    act, not what the resource is: they are left out."""
    return dict(
        (name, _restrict_value(value, argument_spec[name]))
        for name, value in read_back.items()
        if name in argument_spec and "default" not in argument_spec[name] and value is not None
    )


def _restrict_options(value, options):
    return dict((name, _restrict_value(item, options[name])) for name, item in value.items() if name in options)


def _restrict_value(value, entry):
    options = entry.get("options")
    if not options:
        return value
    if isinstance(value, dict):
        return _restrict_options(value, options)
    if isinstance(value, list):
        return [_restrict_options(item, options) if isinstance(item, dict) else item for item in value]
    return value


def identity(module_name, args, result):
    """The options that say which resource: the required ones (domain_name, the name, uri), and profile_id."""
    spec = contract_of(module_name).argument_spec
    found = dict((name, args[name]) for name, entry in spec.items() if entry.get("required"))
    if "profile_id" in spec and result.get("profile_id"):
        found["profile_id"] = result["profile_id"]
    return found


def info_args(module_name, ident):
    """The _info module's options that find the one resource ``ident`` names (a list option takes it as a list)."""
    spec = contract_of(info_module(module_name)).argument_spec
    return dict(
        (name, [value] if spec[name].get("type") == "list" else value) for name, value in ident.items() if name in spec
    )


def run_ok(run_module, module_name, args):
    result = run_module(module_name, args)
    assert not result.failed, result.get("msg")
    return result


def assert_no_op(run_module, cp_mock, module_name, args, source):
    cp_mock.reset_calls()
    result = run_module(module_name, args, diff=True)
    assert not result.failed, "{0} given back fails: {1}".format(source, result.get("msg"))
    assert writes(cp_mock) == [], "{0} given back writes: {1}".format(source, result.get("diff"))
    assert result["changed"] is False, "{0} given back changes: {1}".format(source, result.get("diff"))
    return result


def read_backs(run_module, module_name, args, result):
    """(where from, options) of the resource the module returned and of the item its _info module returns."""
    spec = contract_of(module_name).argument_spec
    ident = identity(module_name, args, result)
    key = result_key(module_name)
    info = run_ok(run_module, info_module(module_name), info_args(module_name, ident))
    (item,) = info[contract_of(info_module(module_name)).result_key]
    return [
        ("{0}.{1}".format(module_name, key), dict(restrict(result[key], spec), **ident)),
        ("{0} item".format(info_module(module_name)), dict(restrict(item, spec), **ident)),
    ]


def bulk_read_back(run_module, module_name, args, result):
    """What the bulk module's _info reads of the items it synced, as its input."""
    if module_name == "customerprofiles_profiles":
        ids = [item["profile_id"] for item in result["profiles"]]
        info = run_ok(
            run_module, "customerprofiles_profile_info", dict(domain_name=args["domain_name"], profile_id=ids)
        )
        options = contract_of(module_name).argument_spec["profiles"]["options"]
        items = [_restrict_options(item, options) for item in info["profiles"]]
        return dict(domain_name=args["domain_name"], profiles=items)
    if module_name == "customerprofiles_profile_objects":
        # the profiles the objects were ingested into, found by the PROFILE key of their object type
        search = [dict(key_name="AccountNumber", values=sorted(set(PURCHASE_ACCOUNTS)))]
        found = run_ok(
            run_module, "customerprofiles_profile_info", dict(domain_name=args["domain_name"], search=search)
        )
        objects = []
        for profile_id in sorted(item["profile_id"] for item in found["profiles"]):
            lookup = dict(
                domain_name=args["domain_name"], object_type_name=args["object_type_name"], profile_id=profile_id
            )
            info = run_ok(run_module, info_module(module_name), lookup)
            objects.extend(item["object"] for item in info["profile_objects"])
        return dict(domain_name=args["domain_name"], object_type_name=args["object_type_name"], objects=objects)
    raise AssertionError("no read-back for bulk module " + module_name)


def round_trip(run_module, cp_mock, steps):
    """Apply ``steps`` ((module, args) in order); the last step's resource, read back two ways, is a no-op."""
    for module_name, args in steps:
        result = run_ok(run_module, module_name, args)
    if is_bulk(module_name):
        assert_no_op(run_module, cp_mock, module_name, bulk_read_back(run_module, module_name, args, result), "read")
        return
    for source, options in read_backs(run_module, module_name, args, result):
        assert_no_op(run_module, cp_mock, module_name, options, source)


# ------------------------------------------------------------------ hand-written configurations


def domain_step(**options):
    return ("customerprofiles_domain", options)


def in_domain(module_name, **options):
    return (module_name, dict(options, domain_name=DOMAIN))


S3_EXPORT = {"s3_exporting": {"s3_bucket_name": "profiles-export", "s3_key_name": "matches/"}}
RICH_DOMAIN = dict(
    domain_name="rt-rich",
    default_expiration_days=365,
    default_encryption_key=KMS_KEY,
    dead_letter_queue_url="https://sqs.us-east-1.amazonaws.com/{0}/profiles-dlq".format(ACCOUNT),
    matching={
        "enabled": True,
        "job_schedule": {"day_of_the_week": "SUNDAY", "time": "03:00"},
        "auto_merging": {
            "enabled": True,
            "consolidation": {"matching_attributes_list": [["EmailAddress"], ["LastName", "PhoneNumber"]]},
            "conflict_resolution": {"conflict_resolving_model": "SOURCE", "source_name": "CRM"},
            "min_allowed_confidence_score_for_merging": 0.8,
        },
        "exporting_config": S3_EXPORT,
    },
    rule_based_matching={
        "enabled": True,
        "matching_rules": [{"rule": ["EmailAddress"]}, {"rule": ["LastName", "Address.City"]}],
        "max_allowed_rule_level_for_merging": 2,
        "max_allowed_rule_level_for_matching": 3,
        "attribute_types_selector": {
            "attribute_matching_model": "ONE_TO_ONE",
            "address": ["Address"],
            "phone_number": ["PhoneNumber"],
            "email_address": ["EmailAddress"],
        },
        "conflict_resolution": {"conflict_resolving_model": "RECENCY"},
        "exporting_config": S3_EXPORT,
    },
    data_store={"enabled": True},
    tags={"Team": "crm", "Env": "test"},
)

ORDER_FIELDS = {
    "OrderId": {"source": "_source.OrderId", "content_type": "STRING"},
    "AccountNumber": {"source": "_source.Account", "target": "_profile.AccountNumber", "content_type": "STRING"},
    "City": {"source": "_source.City", "target": "_profile.Address.City", "content_type": "STRING"},
    "Email": {"source": "_source.Email", "target": "_profile.EmailAddress", "content_type": "EMAIL_ADDRESS"},
    "Tier": {"source": "_source.Tier", "target": "_profile.Attributes.tier"},
    "Updated": {"source": "_source.Updated", "target": "_profile.SourceLastUpdatedTimestamp"},
}
ORDER_KEYS = {
    "orderId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["OrderId"]}],
    "_account": [{"standard_identifiers": ["PROFILE"], "field_names": ["AccountNumber"]}],
    "_email": [{"standard_identifiers": ["LOOKUP_ONLY"], "field_names": ["Email"]}],
}
RICH_OBJECT_TYPE = dict(
    object_type_name="ShopOrder",
    description="Orders from the shop",
    expiration_days=90,
    encryption_key=KMS_KEY,
    allow_profile_creation=True,
    source_last_updated_timestamp_format="yyyy-MM-dd'T'HH:mm:ss",
    max_profile_object_count=100,
    source_priority=3,
    fields=ORDER_FIELDS,
    keys=ORDER_KEYS,
    tags={"Team": "crm"},
)

DIMENSION = {"dimension_type": "INCLUSIVE", "values": ["gold", "platinum"]}
SEGMENT_GROUPS = {
    "include": "ALL",
    "groups": [
        {
            "type": "ALL",
            "source_type": "ALL",
            "dimensions": [
                {
                    "profile_attributes": {
                        "first_name": {"dimension_type": "BEGINS_WITH", "values": ["A"]},
                        "attributes": {"Tier": DIMENSION, "loyalty": {"dimension_type": "EXCLUSIVE", "values": ["no"]}},
                        "address": {"city": {"dimension_type": "INCLUSIVE", "values": ["Paris", "Lyon"]}},
                        "profile_type": {"dimension_type": "INCLUSIVE", "values": ["PROFILE"]},
                    }
                },
                {
                    "calculated_attributes": {
                        "rt_spend": {"dimension_type": "GREATER_THAN", "values": ["100"]},
                    }
                },
            ],
        },
        {"type": "ANY", "source_segments": [{"segment_definition_name": "rt-base"}]},
    ],
}
SEGMENT_SORT = {
    "attributes": [
        {"name": "LastName", "order": "ASC", "data_type": "STRING", "type": "PROFILE"},
        {"name": "rt_spend", "order": "DESC", "data_type": "NUMBER", "type": "CALCULATED"},
    ]
}
SPEND = dict(
    calculated_attribute_name="rt_spend",
    attribute_details={"attributes": [{"name": "Order.Total"}], "expression": "{Order.Total}"},
    statistic="SUM",
)
BASE_SEGMENT = dict(
    segment_definition_name="rt-base",
    display_name="Everyone",
    segment_groups={
        "include": "ALL",
        "groups": [
            {"dimensions": [{"profile_attributes": {"last_name": {"dimension_type": "INCLUSIVE", "values": ["X"]}}}]}
        ],
    },
)
TRIGGER_CONDITIONS = [
    {
        "logical_operator": "ANY",
        "event_trigger_dimensions": [
            {"object_attributes": [{"field_name": "Total", "comparison_operator": "GREATER_THAN", "values": ["500"]}]},
            {"object_attributes": [{"source": "{Order.Id}", "comparison_operator": "EQUAL", "values": ["A", "B"]}]},
        ],
    }
]
TRIGGER_LIMITS = {
    "event_expiration": 3600,
    "periods": [
        {"unit": "DAYS", "value": 1, "max_invocations_per_profile": 2},
        {"unit": "WEEKS", "value": 1, "unlimited": True},
    ],
}
MINIMAL_TRIGGER = dict(
    event_trigger_name="rt-minimal",
    object_type_name="Order",
    event_trigger_conditions=[
        {
            "logical_operator": "ALL",
            "event_trigger_dimensions": [
                {"object_attributes": [{"field_name": "Total", "comparison_operator": "EQUAL", "values": ["x"]}]}
            ],
        }
    ],
)
FLOW = dict(
    flow_name="crm-import",
    description="CRM import",
    kms_arn=KMS_KEY,
    source_flow_config=dict(
        connector_type="S3",
        source_connector_properties=dict(s3=dict(bucket_name="crm-exports", bucket_prefix="daily/")),
    ),
    tasks=[
        dict(
            task_type="Map", source_fields=["email"], destination_field="email", task_properties={"DATA_TYPE": "string"}
        )
    ],
    trigger_config=dict(trigger_type="OnDemand"),
)
PROFILE = dict(
    account_number="RT-1",
    additional_information="note",
    birth_date="1980-02-03",
    business_email_address="biz@example.com",
    business_name="Example Ltd",
    business_phone_number="+15550000001",
    email_address="one@example.com",
    first_name="Ada",
    gender_string="female",
    home_phone_number="+15550000002",
    last_name="Lovelace",
    middle_name="B",
    mobile_phone_number="+15550000003",
    party_type_string="person",
    personal_email_address="me@example.com",
    phone_number="+15550000004",
    address={
        "address_1": "1 Main St",
        "address_2": "Apt 2",
        "city": "Springfield",
        "country": "US",
        "postal_code": "1",
    },
    billing_address={"address_1": "2 Bill St", "state": "IL", "county": "Cook", "province": "P", "address_4": "x"},
    mailing_address={"city": "Paris"},
    shipping_address={"address_3": "Dock 3", "country": "FR"},
    attributes={"SSN": "000", "loyalty_tier": "gold", "Address1": "attr"},
    gender="FEMALE",
    party_type="INDIVIDUAL",
    profile_type="PROFILE",
    engagement_preferences={
        "phone": [{"key_name": "_phone", "key_value": "+15550000004", "contact_type": "PhoneNumber"}],
        "email": [{"key_name": "_email", "key_value": "one@example.com", "contact_type": "EmailAddress"}],
    },
)
PURCHASE_ACCOUNTS = ("A1", "A2")
OBJECTS_TYPE = dict(
    object_type_name="Purchase",
    description="Purchases",
    allow_profile_creation=True,
    fields={
        "OrderId": {"source": "_source.OrderId", "content_type": "STRING"},
        "AccountNumber": {"source": "_source.Customer.AccountNumber", "target": "_profile.AccountNumber"},
    },
    keys={
        "OrderId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["OrderId"]}],
        "AccountNumber": [{"standard_identifiers": ["PROFILE"], "field_names": ["AccountNumber"]}],
    },
)

CASES = {
    "customerprofiles_domain": {
        "minimal": [domain_step(domain_name="rt-minimal", default_expiration_days=30)],
        "rich": [domain_step(**RICH_DOMAIN)],
        "cleared": [
            domain_step(**RICH_DOMAIN),
            domain_step(
                domain_name="rt-rich",
                default_encryption_key="",
                dead_letter_queue_url="",
                matching={"enabled": False},
                rule_based_matching={"enabled": False},
                data_store={"enabled": False},
                tags={},
            ),
        ],
    },
    "customerprofiles_object_type": {
        "rich": [in_domain("customerprofiles_object_type", **RICH_OBJECT_TYPE)],
        "template": [
            in_domain(
                "customerprofiles_object_type",
                object_type_name="Account",
                template_id="Salesforce-Account",
                description="Accounts",
                expiration_days=30,
                source_priority=1,
            )
        ],
        "cleared": [
            in_domain("customerprofiles_object_type", **RICH_OBJECT_TYPE),
            in_domain("customerprofiles_object_type", object_type_name="ShopOrder", encryption_key="", tags={}),
        ],
    },
    "customerprofiles_integration": {
        "connect": [
            in_domain(
                "customerprofiles_event_trigger",
                event_trigger_name="rt-trigger",
                object_type_name="Order",
                event_trigger_conditions=TRIGGER_CONDITIONS,
            ),
            in_domain(
                "customerprofiles_integration",
                uri=INSTANCE,
                object_type_name="Order",
                role_arn="arn:aws:iam::{0}:role/profiles".format(ACCOUNT),
                event_trigger_names=["rt-trigger"],
                scope="PROFILE",
                tags={"Team": "cc"},
            ),
        ],
        "appflow": [
            in_domain(
                "customerprofiles_integration",
                uri="arn:aws:appflow:us-east-1:{0}:flow/crm-import".format(ACCOUNT),
                object_type_names={"Customer": "Order", "Refund": "Refund"},
                flow_definition=FLOW,
            ),
        ],
    },
    "customerprofiles_calculated_attribute": {
        "rich": [
            in_domain(
                "customerprofiles_calculated_attribute",
                calculated_attribute_name="rt_rich",
                display_name="Spend in 90 days",
                description="Total spend",
                attribute_details={"attributes": [{"name": "Order.Total"}], "expression": "{Order.Total}"},
                conditions={
                    "range": {"value": 90, "unit": "DAYS"},
                    "object_count": 10,
                    "threshold": {"value": "100", "operator": "GREATER_THAN"},
                },
                filter={
                    "include": "ALL",
                    "groups": [
                        {
                            "type": "ALL",
                            "dimensions": [
                                {"attributes": {"Order.Total": {"dimension_type": "GREATER_THAN", "values": ["10"]}}}
                            ],
                        }
                    ],
                },
                statistic="SUM",
                use_historical_data=True,
                tags={"Team": "analytics"},
            )
        ],
        "value_range": [
            in_domain(
                "customerprofiles_calculated_attribute",
                calculated_attribute_name="rt_range",
                attribute_details={"attributes": [{"name": "Order.Total"}], "expression": "{Order.Total}"},
                conditions={
                    "range": {
                        "value_range": {"start": 30, "end": 0},
                        "unit": "DAYS",
                        "timestamp_source": "{Order.Id}",
                        "timestamp_format": "ISO_8601",
                    }
                },
                statistic="AVERAGE",
            )
        ],
        "cleared": [
            in_domain(
                "customerprofiles_calculated_attribute", **dict(SPEND, description="Spend", display_name="Spend")
            ),
            in_domain("customerprofiles_calculated_attribute", calculated_attribute_name="rt_spend", tags={}),
        ],
    },
    "customerprofiles_segment_definition": {
        "groups": [
            in_domain("customerprofiles_calculated_attribute", **SPEND),
            in_domain("customerprofiles_segment_definition", **BASE_SEGMENT),
            in_domain(
                "customerprofiles_segment_definition",
                segment_definition_name="rt-groups",
                display_name="Gold",
                description="Gold customers",
                segment_groups=SEGMENT_GROUPS,
                segment_sort=SEGMENT_SORT,
                tags={"Team": "marketing"},
            ),
        ],
        "sql": [
            in_domain(
                "customerprofiles_segment_definition",
                segment_definition_name="rt-sql",
                display_name="Everyone (SQL)",
                segment_sql_query="SELECT * FROM profiles",
            )
        ],
    },
    "customerprofiles_event_stream": {
        "kinesis": [
            in_domain("customerprofiles_event_stream", event_stream_name="rt-stream", uri=KINESIS, tags={"T": "x"})
        ],
    },
    "customerprofiles_event_trigger": {
        "rich": [
            in_domain("customerprofiles_segment_definition", **BASE_SEGMENT),
            in_domain(
                "customerprofiles_event_trigger",
                event_trigger_name="rt-rich",
                object_type_name="Order",
                description="Big orders",
                event_trigger_conditions=TRIGGER_CONDITIONS,
                segment_filter="rt-base",
                event_trigger_limits=TRIGGER_LIMITS,
                tags={"Team": "crm"},
            ),
        ],
        "minimal": [in_domain("customerprofiles_event_trigger", **MINIMAL_TRIGGER)],
        "cleared": [
            in_domain("customerprofiles_event_trigger", **dict(MINIMAL_TRIGGER, description="Orders", tags={"T": "x"})),
            in_domain("customerprofiles_event_trigger", event_trigger_name="rt-minimal", tags={}),
        ],
    },
    "customerprofiles_profile": {
        "rich": [in_domain("customerprofiles_profile", **PROFILE)],
        "cleared": [
            in_domain("customerprofiles_profile", **PROFILE),
            in_domain(
                "customerprofiles_profile",
                account_number="RT-1",
                middle_name="",
                address={"address_2": "", "postal_code": ""},
                mailing_address={"city": ""},
            ),
        ],
    },
    "customerprofiles_profiles": {
        "two": [
            in_domain(
                "customerprofiles_profiles",
                profiles=[PROFILE, dict(account_number="RT-2", first_name="Grace", attributes={"tier": "silver"})],
            )
        ],
    },
    "customerprofiles_profile_objects": {
        "orders": [
            in_domain("customerprofiles_object_type", **OBJECTS_TYPE),
            in_domain(
                "customerprofiles_profile_objects",
                object_type_name="Purchase",
                objects=[
                    {"OrderId": "1", "Customer": {"AccountNumber": PURCHASE_ACCOUNTS[0]}, "Lines": [1, 2]},
                    json.dumps({"OrderId": "2", "Customer": {"AccountNumber": PURCHASE_ACCOUNTS[0]}}),
                    {"OrderId": "3", "Customer": {"AccountNumber": PURCHASE_ACCOUNTS[1]}, "Note": None},
                ],
            ),
        ],
    },
}


@pytest.fixture
def domain(cp_mock, cp_client):
    """The domain of the cases, with object types Order (fields Id, OrderId, Total) and Refund."""
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    make_order_type(cp_mock, cp_client, DOMAIN)
    make_object_type(cp_mock, cp_client, DOMAIN, "Refund")
    return DOMAIN


def test_every_module_has_a_round_trip_case():
    assert sorted(CASES) == write_modules()
    for module_name in write_modules():
        assert is_bulk(module_name) or info_module(module_name), module_name
        assert is_bulk(module_name) or result_key(module_name) in importlib.import_module(PLUGINS + module_name).RETURN
        for steps in CASES[module_name].values():
            assert steps[-1][0] == module_name


@pytest.mark.parametrize(
    "steps",
    [pytest.param(steps, id=module + "-" + label) for module, cases in CASES.items() for label, steps in cases.items()],
)
def test_a_read_back_given_back_is_a_no_op(run_module, cp_mock, domain, steps):
    round_trip(run_module, cp_mock, steps)

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
import string
import tempfile

import botocore.session
import pytest
from hypothesis import HealthCheck
from hypothesis import assume
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from ansible.module_utils.common.dict_transformations import _camel_to_snake

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import as_options
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_camel
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


# Modules that manage a document of resources rather than one: their read-back is their _info module's export,
# given back in the tests named.
COMPOSITE = {
    "customerprofiles_domain_config": "tests/unit/plugins/modules/test_customerprofiles_domain_config.py: the export "
    "given back is a no-op, and applied to an empty domain it creates one whose export is the same",
}
# Modules that run an operation rather than manage a resource: every run writes again, so there is no read-back to
# give back; what they do is tested in the tests named.
OPERATIONS = {
    "customerprofiles_segment_snapshot": "tests/unit/plugins/modules/test_customerprofiles_segment_snapshot.py: every "
    "run exports again, and snapshot_id reads one without a write",
}


def write_modules():
    """The module names of plugins/modules that manage one resource or a list of them (every one but the ``_info``
    modules, the COMPOSITE ones and the OPERATIONS)."""
    names = (name[: -len(".py")] for name in os.listdir(MODULES_DIR) if name.endswith(".py"))
    left_out = set(COMPOSITE) | set(OPERATIONS)
    return sorted(
        name
        for name in names
        if name.startswith("customerprofiles_") and not name.endswith("_info") and name not in left_out
    )


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


def listed_item(run_module, module_name, ident):
    """The item of the _info module's listing of every resource (its required options only) that ``ident`` names;
    None when the _info module lists nothing without more options (profiles are searched)."""
    lister = contract_of(info_module(module_name))
    if lister.module_kwargs.get("required_one_of"):
        return None
    required = [name for name, entry in lister.argument_spec.items() if entry.get("required")]
    info = run_ok(run_module, info_module(module_name), dict((name, ident[name]) for name in required))
    (item,) = [
        item
        for item in info[lister.result_key]
        if all(item.get(name) == value for name, value in ident.items() if name in item)
    ]
    return item


def read_backs(run_module, module_name, args, result):
    """(where from, options) of the resource the module returned, of the item its _info module returns for the
    resource, and of the resource's item in the _info module's listing of every resource."""
    spec = contract_of(module_name).argument_spec
    ident = identity(module_name, args, result)
    key = result_key(module_name)
    info_name = info_module(module_name)
    (item,) = run_ok(run_module, info_name, info_args(module_name, ident))[contract_of(info_name).result_key]
    found = [
        ("{0}.{1}".format(module_name, key), result[key]),
        ("{0} item".format(info_name), item),
        ("{0} listing's item".format(info_name), listed_item(run_module, module_name, ident)),
    ]
    return [(source, dict(as_options(value, spec), **ident)) for source, value in found if value is not None]


def bulk_read_back(run_module, module_name, args, result):
    """What the bulk module's _info reads of the items it synced, as its input."""
    if module_name == "customerprofiles_profiles":
        ids = [item["profile_id"] for item in result["profiles"]]
        info = run_ok(
            run_module, "customerprofiles_profile_info", dict(domain_name=args["domain_name"], profile_id=ids)
        )
        options = contract_of(module_name).argument_spec["profiles"]["options"]
        items = [as_options(item, options) for item in info["profiles"]]
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


def upload_csv():
    """The CSV file of the upload job's case (a file of this process)."""
    path = os.path.join(tempfile.gettempdir(), "round-trip-upload-{0}.csv".format(os.getpid()))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("id,email\nRT-1,ada@example.com\nRT-2,grace@example.com\n")
    return path


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
SEGMENT_STREAM_STEP = in_domain(
    "customerprofiles_segment_stream",
    destination_arn=KINESIS,
    destination_role_arn="arn:aws:iam::{0}:role/segment-events".format(ACCOUNT),
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
INTENTS = [
    {"price_sensitivity_config": {"enabled": True}},
    {"upgrade_upsell_propensity_config": {"enabled": True}},
    {"last_search_intent_config": {"enabled": False}},
]
INTENT_FILTER = {
    "logical_operator": "ALL",
    "groups": [
        {
            "logical_operator": "ANY",
            "conditions": [
                {
                    "intent": {"intent_domain": "DEFAULT", "type": "PRICE_SENSITIVITY"},
                    "comparison_operator": "GREATER_THAN_OR_EQUAL",
                    "values": ["LOW"],
                },
                {
                    "intent": {"intent_domain": "DEFAULT", "type": "UPGRADE_UPSELL_PROPENSITY"},
                    "comparison_operator": "EQUAL",
                    "values": ["HIGH"],
                },
            ],
        }
    ],
}
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
RECOMMENDER_CONFIG = {
    "events_config": {
        "event_parameters_list": [
            {"event_type": "purchase", "event_weight": 1.0, "event_value_threshold": 10.5},
            {"event_type": "view", "event_weight": 0.25},
        ]
    },
    "training_frequency": 0,
    "inference_config": {"min_provisioned_tps": 3},
    "included_columns": {"_webAnalytics": ["Item.Category"], "_catalogItem": ["Price"]},
    "diversity_config": {"diversity_columns": [{"name": "Brand", "cap_type": "PERCENTAGE", "target": "25"}]},
}
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
INTENT_TRIGGER = dict(MINIMAL_TRIGGER)
INTENT_TRIGGER.update(event_trigger_name="rt-intents", intent_filter_definition=INTENT_FILTER)

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
    "customerprofiles_segment_subscription": {
        "scheduled": [
            in_domain("customerprofiles_segment_definition", **BASE_SEGMENT),
            SEGMENT_STREAM_STEP,
            in_domain(
                "customerprofiles_segment_subscription",
                segment_definition_name="rt-base",
                schedule_configuration={"interval": 6, "unit": "HOURLY"},
            ),
        ],
        "the service's schedule": [
            in_domain("customerprofiles_segment_definition", **BASE_SEGMENT),
            SEGMENT_STREAM_STEP,
            in_domain("customerprofiles_segment_subscription", segment_definition_name="rt-base"),
        ],
    },
    "customerprofiles_segment_stream": {"kinesis": [SEGMENT_STREAM_STEP]},
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
        "intent_filter": [
            in_domain("customerprofiles_intent_definition", intent_domain="DEFAULT", intents=INTENTS),
            in_domain(
                "customerprofiles_event_trigger",
                **INTENT_TRIGGER,
            ),
        ],
        "cleared": [
            in_domain("customerprofiles_event_trigger", **dict(MINIMAL_TRIGGER, description="Orders", tags={"T": "x"})),
            in_domain("customerprofiles_event_trigger", event_trigger_name="rt-minimal", tags={}),
        ],
    },
    "customerprofiles_recommender": {
        "rich": [
            in_domain(
                "customerprofiles_recommender",
                recommender_name="rt-rich",
                recommender_recipe_name="recommended-for-you",
                description="Items to buy",
                recommender_config=RECOMMENDER_CONFIG,
                status="stopped",
                tags={"Team": "crm"},
            )
        ],
        "minimal": [
            in_domain(
                "customerprofiles_recommender", recommender_name="rt-minimal", recommender_recipe_name="popular-items"
            )
        ],
        "not waited for": [
            in_domain(
                "customerprofiles_recommender",
                recommender_name="rt-pending",
                recommender_recipe_name="trending-now",
                wait=False,
            )
        ],
    },
    "customerprofiles_intent_definition": {
        "rich": [
            in_domain("customerprofiles_intent_definition", intent_domain="DEFAULT", intents=INTENTS, tags={"T": "x"})
        ],
        "tags_cleared": [
            in_domain("customerprofiles_intent_definition", intent_domain="DEFAULT", intents=INTENTS, tags={"T": "x"}),
            in_domain("customerprofiles_intent_definition", intent_domain="DEFAULT", tags={}),
        ],
    },
    "customerprofiles_domain_object_type": {
        "rich": [
            domain_step(domain_name=DOMAIN, data_store={"enabled": True}),
            in_domain(
                "customerprofiles_domain_object_type",
                object_type_name="CatalogItem",
                description="The shop's catalog",
                encryption_key=KMS_KEY,
                fields={
                    "Sku": {"source": "_source.sku", "target": "_catalogItem.Id", "content_type": "STRING"},
                    "category.name": {
                        "source": "_source.category",
                        "target": "_catalogItem.Category",
                        "feature_type": "CATEGORICAL",
                    },
                },
                tags={"Team": "crm"},
            ),
        ],
        "cleared": [
            domain_step(domain_name=DOMAIN, data_store={"enabled": True}),
            in_domain(
                "customerprofiles_domain_object_type",
                object_type_name="CatalogItem",
                encryption_key=KMS_KEY,
                fields={"Sku": {"source": "_source.sku", "target": "_catalogItem.Id"}},
                tags={"Team": "crm"},
            ),
            in_domain(
                "customerprofiles_domain_object_type", object_type_name="CatalogItem", encryption_key="", tags={}
            ),
        ],
    },
    "customerprofiles_recommender_schema": {
        "rich": [
            in_domain(
                "customerprofiles_recommender_schema",
                recommender_schema_name="rt-catalog",
                fields={
                    "_catalogItem": [
                        {
                            "target_field_name": "Attributes.Stock",
                            "content_type": "STRING",
                            "feature_type": "CATEGORICAL",
                        }
                    ],
                    "_webAnalytics": [{"target_field_name": "Location.City"}, {"target_field_name": "Attributes.Meal"}],
                },
                tags={"Team": "crm"},
            )
        ],
    },
    "customerprofiles_recommender_filter": {
        "rich": [
            in_domain(
                "customerprofiles_recommender_schema",
                recommender_schema_name="rt-catalog",
                fields={"_catalogItem": [{"target_field_name": "Attributes.Stock"}]},
            ),
            in_domain(
                "customerprofiles_recommender_filter",
                recommender_filter_name="rt-in-stock",
                recommender_filter_expression='EXCLUDE ItemID WHERE Items.STOCK IN ("none")',
                recommender_schema_name="rt-catalog",
                description="Only items in stock",
                tags={"Team": "crm"},
            ),
        ],
        "minimal": [
            in_domain(
                "customerprofiles_recommender_filter",
                recommender_filter_name="rt-minimal",
                recommender_filter_expression="EXCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY)",
            )
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
    "customerprofiles_upload_job": {
        "csv": [
            in_domain(
                "customerprofiles_upload_job",
                display_name="rt-customers",
                src=upload_csv(),
                fields={
                    "Id": {"source": "_source.id", "target": "_profile.AccountNumber"},
                    "Email": {
                        "source": "_source.email",
                        "target": "_profile.EmailAddress",
                        "content_type": "EMAIL_ADDRESS",
                    },
                },
                unique_key="Id",
                data_expiry=30,
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
def test_a_read_back_given_back_is_a_no_op(run_module, cp_mock, domain, wait_clock, steps):
    round_trip(run_module, cp_mock, steps)


# ------------------------------------------------------------------ configurations generated from the model

_MODEL = []


def service_model():
    """botocore's Customer Profiles model (the installed botocore's, read once)."""
    if not _MODEL:
        _MODEL.append(botocore.session.get_session().get_service_model("customer-profiles"))
    return _MODEL[0]


def _shape(name):
    return service_model().shape_for(name)


# Strings are drawn from this alphabet (and match the shape's pattern); collections and strings stay small.
ALPHABET = string.ascii_letters + string.digits + "_-.:/@ "
MAX_TEXT = 12
MAX_ITEMS = 2
SKIP = None  # an override that leaves the option out


def _option_of(member, options):
    """The option (snake_case) that stands for ``member``: from the spec where the option tree has one,
    ansible's conversion where it is free-form (a map's values)."""
    if options is None:
        return _camel_to_snake(member)
    return next((name for name in options if to_camel(name) == member), None)


def _text(shape):
    metadata = shape.metadata
    low = metadata.get("min", 0)
    high = max(low, min(metadata.get("max", MAX_TEXT), low + MAX_TEXT))
    pattern = metadata.get("pattern")
    if pattern and pattern not in (".*", ".+"):
        # room for the literal text of a pattern such as arn:aws:iam:.*:[0-9]+:.*
        high = max(low, min(metadata.get("max", 64), low + MAX_TEXT + len(pattern)))
        return st.from_regex(pattern, fullmatch=True, alphabet=ALPHABET).filter(lambda text: low <= len(text) <= high)
    return st.text(ALPHABET, min_size=max(low, 1 if pattern == ".+" else 0), max_size=high)


def _scalar(shape):
    metadata = shape.metadata
    kind = shape.type_name
    if kind == "string":
        return st.sampled_from(shape.enum) if shape.enum else _text(shape)
    if kind in ("integer", "long"):
        low = metadata.get("min", 0)
        return st.integers(min_value=low, max_value=min(metadata.get("max", low + 1000), low + 1000))
    if kind in ("double", "float"):
        low, high = metadata.get("min", 0), metadata.get("max", 100)
        return st.integers(min_value=int(low * 100), max_value=int(high * 100)).map(lambda value: value / 100.0)
    if kind == "boolean":
        return st.booleans()
    raise AssertionError("no strategy for a {0} shape".format(kind))


def options_from_shape(shape, options, overrides, path="", always=()):
    """A strategy of option dicts for the structure ``shape``, walking the argument spec's ``options`` beside it
    (None: a free-form map value, named by ansible's conversion). ``overrides`` maps option paths (dotted, list
    items and map values transparent) to a strategy, or to SKIP. The shape's required members, and the options
    named in ``always``, are always given."""
    required, optional = {}, {}
    for member, member_shape in shape.members.items():
        option = _option_of(member, options)
        if option is None:
            continue
        option_path = path + option
        entry = (options or {}).get(option) or {}
        if option_path in overrides:
            strategy = overrides[option_path]
            if strategy is SKIP:
                continue
        else:
            strategy = value_from_shape(member_shape, entry.get("options"), overrides, option_path + ".")
        (required if member in shape.required_members or option in always else optional)[option] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def value_from_shape(shape, options, overrides, path):
    kind = shape.type_name
    if kind == "structure":
        return options_from_shape(shape, options, overrides, path)
    if kind in ("list", "map"):
        metadata = shape.metadata
        low = metadata.get("min", 0)
        high = max(low, min(metadata.get("max", MAX_ITEMS), MAX_ITEMS))
        if kind == "list":
            return st.lists(value_from_shape(shape.member, options, overrides, path), min_size=low, max_size=high)
        values = value_from_shape(shape.value, options, overrides, path)
        return st.dictionaries(_scalar(shape.key), values, min_size=low, max_size=high)
    return _scalar(shape)


def generated_options(module_name, operation, overrides, identity, always=((),)):
    """Options of ``module_name`` drawn from ``operation``'s input shape; the identity options are ``identity``
    and the options with a default (state, purge_tags, ...) are not drawn. ``always`` lists alternatives of
    options to give always (one of them is drawn)."""
    spec = contract_of(module_name).argument_spec
    shape = service_model().operation_model(operation).input_shape
    skipped = dict((name, SKIP) for name, entry in spec.items() if "default" in entry or name in identity)
    strategy = st.one_of(
        [options_from_shape(shape, spec, dict(skipped, **overrides), always=given) for given in always]
    )
    return strategy.map(lambda options: dict(options, **identity))


GEN_DOMAIN = "generated"
ORDER_ATTRIBUTES = ("Order.Total", "Order.Id", "Order.OrderId")
FIELD_TARGETS = (
    "_profile.AccountNumber",
    "_profile.FirstName",
    "_profile.Address.City",
    "_profile.BillingAddress.PostalCode",
    "_profile.Attributes.tier",
)


def _field(name):
    """One field of an object type: its Source reads the object's member of that name."""
    optional = {"target": st.sampled_from(FIELD_TARGETS), "content_type": _scalar(_shape("FieldContentType"))}
    return st.fixed_dictionaries({"source": st.just("_source." + name)}, optional=optional)


# An object type's fields: 2 to 4, named as the service takes field names (a letter first).
FIELDS = st.lists(
    st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,7}", fullmatch=True), min_size=2, max_size=4, unique=True
).flatmap(lambda names: st.fixed_dictionaries(dict((name, _field(name)) for name in names)))


def _with_keys(options):
    """The keys an object type needs: its first field (by name) the UNIQUE key, its second the PROFILE key."""
    first, second = sorted(options["fields"])[:2]
    keys = {
        "unique" + first: [{"standard_identifiers": ["UNIQUE"], "field_names": [first]}],
        "profile" + second: [{"standard_identifiers": ["PROFILE"], "field_names": [second]}],
    }
    return dict(options, keys=keys)


def _one_audience(options):
    """A segment is made of groups or of an SQL query, never both: the query only when the groups are empty."""
    if options.get("segment_groups") and "segment_sql_query" in options:
        options = dict((name, value) for name, value in options.items() if name != "segment_sql_query")
    elif "segment_sql_query" in options:
        options = dict((name, value) for name, value in options.items() if name != "segment_groups")
    return options


# intents: each entry one intent type (a union), each type at most once, at least one enabled (the first)
INTENT_LISTS = st.lists(
    st.sampled_from(sorted(contract_of("customerprofiles_intent_definition").argument_spec["intents"]["options"])),
    min_size=1,
    max_size=4,
    unique=True,
).flatmap(
    lambda names: st.lists(st.booleans(), min_size=len(names), max_size=len(names)).map(
        lambda flags: [{name: {"enabled": flag or not index}} for index, (name, flag) in enumerate(zip(names, flags))]
    )
)

GENERATED = {
    "customerprofiles_domain": dict(operation="CreateDomain", identity={"domain_name": GEN_DOMAIN}, overrides={}),
    "customerprofiles_object_type": dict(
        operation="PutProfileObjectType",
        identity={"domain_name": GEN_DOMAIN, "object_type_name": "Generated"},
        overrides={"template_id": SKIP, "fields": FIELDS, "keys": SKIP},
        always=[("fields",)],
        fix=_with_keys,
    ),
    "customerprofiles_calculated_attribute": dict(
        operation="CreateCalculatedAttributeDefinition",
        identity={"domain_name": GEN_DOMAIN, "calculated_attribute_name": "generated"},
        overrides={
            "attribute_details": st.sampled_from(ORDER_ATTRIBUTES).map(
                lambda name: {"attributes": [{"name": name}], "expression": "{" + name + "}"}
            ),
        },
    ),
    "customerprofiles_segment_definition": dict(
        operation="CreateSegmentDefinition",
        identity={"domain_name": GEN_DOMAIN, "segment_definition_name": "generated"},
        overrides={
            "segment_groups.groups.source_segments": SKIP,
            "segment_groups.groups.dimensions.calculated_attributes": SKIP,
        },
        always=[("segment_groups",), ("segment_sql_query",)],
        fix=_one_audience,
    ),
    "customerprofiles_event_trigger": dict(
        operation="CreateEventTrigger",
        identity={"domain_name": GEN_DOMAIN, "event_trigger_name": "generated"},
        # a filter names intent types that an intent definition must enable: the hand-written case has one
        overrides={"object_type_name": st.just("Order"), "segment_filter": SKIP, "intent_filter_definition": SKIP},
    ),
    "customerprofiles_intent_definition": dict(
        operation="PutIntentDefinition",
        identity={"domain_name": GEN_DOMAIN, "intent_domain": "DEFAULT"},
        overrides={"intents": INTENT_LISTS},
        always=[("intents",)],
    ),
    "customerprofiles_event_stream": dict(
        operation="CreateEventStream",
        identity={"domain_name": GEN_DOMAIN, "event_stream_name": "generated"},
        overrides={"uri": st.just(KINESIS)},
    ),
    "customerprofiles_integration": dict(
        operation="PutIntegration",
        identity={"domain_name": GEN_DOMAIN, "uri": INSTANCE},
        # an Amazon Connect instance maps one object type; flows and triggers are named resources of their own
        overrides={
            "object_type_name": st.sampled_from(["Order", "Refund"]),
            "object_type_names": SKIP,
            "flow_definition": SKIP,
            "event_trigger_names": SKIP,
        },
        always=[("object_type_name",)],
    ),
    "customerprofiles_recommender": dict(
        operation="CreateRecommender",
        identity={"domain_name": GEN_DOMAIN, "recommender_name": "generated"},
        # the schema is a resource of its own; the columns' keys are the two dataset types the service supports
        overrides={
            "recommender_schema_name": SKIP,
            "recommender_config.included_columns": SKIP,
            "recommender_config.excluded_columns": SKIP,
        },
    ),
    "customerprofiles_domain_object_type": dict(
        operation="PutDomainObjectType",
        identity={"domain_name": GEN_DOMAIN, "object_type_name": "Generated"},
        overrides={},
        always=[("fields",)],
        domain={"DataStore": {"Enabled": True}},  # PutDomainObjectType creates a type only with a data store
    ),
    "customerprofiles_recommender_schema": dict(
        operation="CreateRecommenderSchema",
        identity={"domain_name": GEN_DOMAIN, "recommender_schema_name": "generated"},
        # the dataset types the service supports (the model says only "String")
        overrides={
            "fields": st.dictionaries(
                st.sampled_from(["_webAnalytics", "_catalogItem"]),
                st.lists(
                    st.fixed_dictionaries(
                        {"target_field_name": st.from_regex(r"[A-Za-z][A-Za-z0-9.]{0,11}", fullmatch=True)},
                        optional={
                            "content_type": _scalar(_shape("ContentType")),
                            "feature_type": _scalar(_shape("FeatureType")),
                        },
                    ),
                    min_size=1,
                    max_size=2,
                ),
                min_size=1,
                max_size=2,
            )
        },
    ),
    "customerprofiles_recommender_filter": dict(
        operation="CreateRecommenderFilter",
        identity={"domain_name": GEN_DOMAIN, "recommender_filter_name": "generated"},
        overrides={"recommender_schema_name": SKIP},
    ),
    "customerprofiles_profile": dict(
        operation="CreateProfile",
        identity={"domain_name": GEN_DOMAIN, "account_number": "generated-1"},
        overrides={"engagement_preferences.phone.profile_id": SKIP, "engagement_preferences.email.profile_id": SKIP},
    ),
}


def generated_case(module_name):
    case = GENERATED[module_name]
    strategy = generated_options(
        module_name, case["operation"], case["overrides"], case["identity"], case.get("always", ((),))
    )
    return strategy.map(case.get("fix") or (lambda options: options))


def test_every_generated_module_has_an_operation_of_the_model():
    for module_name, case in GENERATED.items():
        assert case["operation"] in service_model().operation_names, module_name
        assert module_name in write_modules()


@pytest.mark.parametrize("module_name", sorted(GENERATED))
@settings(
    max_examples=int(os.environ.get("RT_EXAMPLES", "25")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_generated_configuration_round_trips(run_module, cp_mock, cp_client, wait_clock, module_name, data):
    options = data.draw(generated_case(module_name), label="options")
    cp_mock.reset()
    if module_name != "customerprofiles_domain":
        cp_client.create_domain(
            DomainName=GEN_DOMAIN, DefaultExpirationDays=30, **GENERATED[module_name].get("domain", {})
        )
        make_order_type(cp_mock, cp_client, GEN_DOMAIN)
        make_object_type(cp_mock, cp_client, GEN_DOMAIN, "Refund")
    created = run_module(module_name, options)
    assume(not created.failed)  # what the module or the service rightly refuses
    if data.draw(st.booleans(), label="updated"):
        # then another configuration of the same resource (replacing it where the service cannot update)
        options = data.draw(generated_case(module_name), label="update")
        recreate = dict(recreate=True) if "recreate" in contract_of(module_name).argument_spec else {}
        created = run_module(module_name, dict(options, **recreate))
        assume(not created.failed)
    assert_no_op(run_module, cp_mock, module_name, options, "the same options")
    for source, read_back in read_backs(run_module, module_name, options, created):
        assert_no_op(run_module, cp_mock, module_name, read_back, source)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The README's IAM permissions table lists, for each module and for the role, exactly the IAM actions of
the calls it makes.

The IAM action of an operation is ``profile:<Operation>`` (the Service Authorization Reference,
"Actions, resources, and condition keys for Amazon Connect Customer Profiles", maps each operation to the
action of its name). The operations come from the emulator's call log while each module runs through the
paths listed in PATHS below, so that every call it can make is seen:

- a write module: check mode on a new resource, create (with tags), a second identical run (no-op), an
  update in place, a tag change and a tag removal, check mode of a delete, the delete, a delete of what is
  gone; and the paths that make a call of their own (a recreate, the refusals whose message the module
  completes with a list call);
- an info module: one resource by name, every resource of the domain, and its other lookups;
- the role (ansible-playbook against the emulator server): a domain with tags, object types, integrations
  and profiles previewed in check mode, created, run again, changed (retention, every tag, a profile given
  by id), its removal previewed in check mode, then removed with ``customer_profiles_state: absent``.
"""

import os
import re
import tempfile

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain_config import KIND_KEYS
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile_objects import ProfileObjectsResource
from connect_helpers import PRICE_FILTER as INTENT_FILTER
from playbook_runner import REPO_ROOT
from playbook_runner import run_playbook
from playbook_runner import write_text

DOMAIN = "iam"
CONNECT = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/iam-"
FIELDS = {
    "OrderId": {"source": "_source.OrderId", "content_type": "STRING"},
    "Email": {"source": "_source.Email", "target": "_profile.EmailAddress", "content_type": "EMAIL_ADDRESS"},
    "Total": {"source": "_source.Total", "content_type": "NUMBER"},
}
KEYS = {
    "OrderId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["OrderId"]}],
    "_email": [{"standard_identifiers": ["PROFILE"], "field_names": ["Email"]}],
}
ORDER = dict(object_type_name="Order", description="Orders", allow_profile_creation=True, fields=FIELDS, keys=KEYS)
ROLE_PLAY = """
- hosts: localhost
  connection: local
  gather_facts: false
  roles:
    - awscx.customerprofiles.customer_profiles
"""


def lifecycle(create, update, identity, recreate=None):
    """Check mode on a new resource, create (tagged), no-op, update, tag change, tag removal, [recreate],
    check mode of the delete, delete, delete of what is gone: a list of (args, check_mode)."""
    runs = [(dict(create, tags={"a": "1"}), True), (dict(create, tags={"a": "1"}), False)]
    runs += [(dict(create, tags={"a": "1"}), False), (dict(update, tags={"a": "1"}), False)]
    runs += [(dict(update, tags={"a": "2", "b": "1"}), False), (dict(update, tags={"b": "1"}), False)]
    if recreate:
        runs.append((dict(recreate, recreate=True), False))
    gone = dict(identity, state="absent")
    return runs + [(gone, True), (gone, False), (gone, False)]


def domain_args(**extra):
    return dict(dict(domain_name=DOMAIN), **extra)


def calculated(name, statistic="SUM"):
    details = {"attributes": [{"name": "Order.Total"}], "expression": "{Order.Total}"}
    return domain_args(name=name, attribute_details=details, statistic=statistic)


SEGMENT = domain_args(
    name="gold",
    display_name="Gold",
    segment_groups={
        "groups": [
            {"dimensions": [{"profile_attributes": {"first_name": {"dimension_type": "INCLUSIVE", "values": ["A"]}}}]}
        ]
    },
)
TRIGGER = domain_args(
    name="big",
    object_type_name="Order",
    event_trigger_conditions=[
        {
            "logical_operator": "ANY",
            "event_trigger_dimensions": [
                {"object_attributes": [{"field_name": "Total", "comparison_operator": "GREATER_THAN", "values": ["5"]}]}
            ],
        }
    ],
)
PRICE = {"price_sensitivity_config": {"enabled": True}}
INTENTS = domain_args(name="DEFAULT", intents=[PRICE])

# A recommender waits for its training (the emulator's: PENDING, IN_PROGRESS, ACTIVE, one GetRecommender poll each,
# a few seconds of the real clock a create).
RECOMMENDER = domain_args(name="r", recommender_recipe_name="popular-items")


def setup_domain(client, **_):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)


UPLOAD_CSV = os.path.join(tempfile.gettempdir(), "iam-upload-job.csv")
UPLOAD = domain_args(
    display_name="load",
    src=UPLOAD_CSV,
    fields={"Id": {"source": "_source.id", "target": "_profile.AccountNumber"}},
    unique_key="Id",
)


def setup_upload(client, **_):
    """The domain and the CSV file of an upload job (a job finishes at its first GetUploadJob: no wait)."""
    import emulator

    setup_domain(client)
    emulator.set_upload_job_polls(0)
    with open(UPLOAD_CSV, "w", encoding="utf-8") as handle:
        handle.write("id,email\n1,a@b.c\n")


def setup_upload_job(client, run, **_):
    setup_upload(client)
    assert not run("customerprofiles_upload_job", UPLOAD).failed


def upload_job_id(client):
    return client.list_upload_jobs(DomainName=DOMAIN)["Items"][0]["JobId"]


def setup_order_type(client, run, **_):
    setup_domain(client)
    assert not run("customerprofiles_object_type", domain_args(**ORDER)).failed


def setup_objects(client, run, **_):
    setup_order_type(client, run)
    client.put_profile_object(DomainName=DOMAIN, ObjectTypeName="Order", Object='{"OrderId": "1", "Email": "a@b.c"}')


def setup_intents(client, run, **_):
    setup_order_type(client, run)
    assert not run("customerprofiles_intent_definition", INTENTS).failed


def setup_segment(client, run, **_):
    setup_domain(client)
    assert not run("customerprofiles_segment_definition", SEGMENT).failed


def fill_calculated_attributes(client, run, **_):
    """49 definitions besides the module's own: a 51st is refused, which the module explains with a list call."""
    setup_order_type(client, run)
    for number in range(49):
        client.create_calculated_attribute_definition(
            DomainName=DOMAIN,
            CalculatedAttributeName="filler%d" % number,
            AttributeDetails={"Attributes": [{"Name": "Order.Total"}], "Expression": "{Order.Total}"},
            Statistic="SUM",
        )


FILTER = domain_args(name="in-stock", recommender_filter_expression='EXCLUDE ItemID WHERE Items.STOCK IN ("none")')


COLUMNS = [{"target_field_name": "Attributes.Stock"}]
SCHEMA = domain_args(name="catalog", fields={"_catalogItem": COLUMNS})


DOMAIN_OBJECT_TYPE = domain_args(
    name="CatalogItem", fields={"Sku": {"source": "_source.sku", "target": "_catalogItem.Id"}}
)


def setup_data_store(client, **_):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30, DataStore={"Enabled": True})


def setup_schema(client, **_):
    setup_domain(client)
    client.create_recommender_schema(
        DomainName=DOMAIN, RecommenderSchemaName="catalog", Fields={"_catalogItem": [{"TargetFieldName": "Stock"}]}
    )


SNAPSHOT = domain_args(segment_definition_name="gold", data_format="CSV", destination_uri="s3://exports/gold/")
# estimate queries that name a segment, and a calculated attribute that does not exist (each is read first)
ESTIMATE_QUERY = dict(groups=[dict(source_segments=[dict(segment_definition_name="gold")])])
MISSING_ATTRIBUTE = dict(
    groups=[dict(dimensions=[dict(calculated_attributes={"spend": dict(dimension_type="GREATER_THAN", values=["1"])})])]
)


def snapshot_id(client):
    return client.create_segment_snapshot(
        DomainName=DOMAIN, SegmentDefinitionName="gold", DataFormat="CSV", DestinationUri="s3://exports/gold/"
    )["SnapshotId"]


SUBSCRIPTION = domain_args(name="gold", schedule_configuration={"interval": 6})
SEGMENT_STREAM = domain_args(
    destination_arn=STREAM + "segments", destination_role_arn="arn:aws:iam::123456789012:role/s"
)


def setup_segment_stream(client, run, **_):
    """The segment and the domain's stream for segments, which a subscription needs."""
    setup_segment(client, run)
    assert not run("customerprofiles_segment_stream", SEGMENT_STREAM).failed


def setup_subscription(client, run, **_):
    setup_segment_stream(client, run)
    assert not run("customerprofiles_segment_subscription", SUBSCRIPTION).failed


def profile_id(client):
    return client.search_profiles(DomainName=DOMAIN, KeyName="_email", Values=["a@b.c"])["Items"][0]["ProfileId"]


def document(tags, changed=False, status=None):
    """A document of every kind, each resource tagged ``tags`` (customerprofiles_domain_config); ``changed``: what
    updates in place changed (the domain's retention, the descriptions of the trigger and the attribute)."""
    described = dict(description="d") if changed else {}
    recommender_status = dict(status=status) if status else {}

    def item(options):
        return dict((key, value) for key, value in options.items() if key not in ("domain_name", "name"))

    return dict(
        domain=dict(default_expiration_days=60 if changed else 30, data_store=dict(enabled=True), tags=tags),
        object_types=[dict(ORDER, tags=tags)],
        domain_object_types=[
            dict(object_type_name="Catalog", fields={"Sku": {"source": "_source.SKU", "target": "_catalogItem.Id"}})
        ],
        recommender_schemas=[
            dict(
                recommender_schema_name="catalog",
                fields={"_catalogItem": [{"target_field_name": "Stock", "feature_type": "CATEGORICAL"}]},
                tags=tags,
            )
        ],
        recommender_filters=[
            dict(
                recommender_filter_name="in-stock",
                recommender_filter_expression='EXCLUDE ItemID WHERE Items.STOCK IN ("none")',
                recommender_schema_name="catalog",
                tags=tags,
            )
        ],
        calculated_attributes=[
            dict(item(calculated("spend")), calculated_attribute_name="spend", tags=tags, **described)
        ],
        segment_definitions=[dict(item(SEGMENT), segment_definition_name="gold", tags=tags)],
        segment_streams=[item(SEGMENT_STREAM)],
        segment_subscriptions=[
            dict(
                item(SUBSCRIPTION),
                segment_definition_name="gold",
                schedule_configuration={"interval": 12 if changed else 6},
            )
        ],
        intent_definitions=[dict(item(INTENTS), intent_domain="DEFAULT", tags=tags)],
        event_triggers=[dict(item(TRIGGER), event_trigger_name="big", tags=tags, **described)],
        integrations=[dict(uri=CONNECT, object_type_name="Order", tags=tags)],
        event_streams=[dict(event_stream_name="s", uri=STREAM + "a", tags=tags)],
        recommenders=[
            dict(item(RECOMMENDER), recommender_name="r", tags=tags, **dict(described, **recommender_status))
        ],
    )


EVERY_KIND = list(KIND_KEYS)


PURGE_ALL = domain_args(config=dict((kind, []) for kind in EVERY_KIND), purge=EVERY_KIND, force=True)


REFUSED = "the service refuses it; the module's message names what is in the way"
OLD = "with a botocore that lacks BatchPutProfileObject"
# module: (setup, runs): each run (args or a function of the client returning them, check_mode[, REFUSED or OLD])
PATHS = {
    "customerprofiles_domain": (
        None,
        lifecycle(domain_args(default_expiration_days=30), domain_args(default_expiration_days=60), domain_args())
        + [(domain_args(default_expiration_days=30), False), (domain_args(state="absent", force=True), False)],
    ),
    "customerprofiles_domain_info": (setup_domain, [(domain_args(), False), ({}, False)]),
    "customerprofiles_domain_config": (
        None,
        [
            (domain_args(config=document({"a": "1"})), True),
            (domain_args(config=document({"a": "1"})), False),
            (domain_args(config=document({"a": "1"})), False),
            (domain_args(config=document({"b": "1"})), False),
            (domain_args(config=document({"b": "1"}, changed=True)), False),
            (domain_args(config=document({"b": "1"}, changed=True, status="stopped")), False),
            (domain_args(config=document({"b": "1"}, changed=True, status="running")), False),
            (PURGE_ALL, True),
            (PURGE_ALL, False),
        ],
    ),
    "customerprofiles_domain_config_info": (
        lambda client, run: run("customerprofiles_domain_config", domain_args(config=document({}))),
        [(domain_args(), False), (domain_args(substitutions={"123456789012": "210987654321"}), False)],
    ),
    "customerprofiles_profile": (
        setup_domain,
        [
            (domain_args(account_number="1", first_name="A"), True),
            (domain_args(account_number="1", first_name="A", email_address="a@b.c"), False),
            (domain_args(account_number="1", first_name="B"), False),
            (lambda client: domain_args(profile_id=profile_id(client), last_name="C"), False),
            (domain_args(account_number="1", state="absent"), True),
            (domain_args(account_number="1", state="absent"), False),
            (domain_args(account_number="1", state="absent"), False),
        ],
    ),
    "customerprofiles_profiles": (
        setup_domain,
        [
            (domain_args(profiles=[{"account_number": "1", "email_address": "a@b.c"}]), True),
            (domain_args(profiles=[{"account_number": "1", "email_address": "a@b.c"}]), False),
            (domain_args(profiles=[{"account_number": "1", "first_name": "B"}]), False),
            (lambda client: domain_args(profiles=[{"profile_id": profile_id(client), "last_name": "C"}]), False),
            (domain_args(state="absent", profiles=[{"account_number": "1"}]), True),
            (domain_args(state="absent", profiles=[{"account_number": "1"}]), False),
        ],
    ),
    "customerprofiles_profile_info": (
        setup_objects,
        [
            (lambda client: domain_args(profile_id=profile_id(client)), False),
            (domain_args(search=[{"key_name": "_email", "values": ["a@b.c"]}]), False),
        ],
    ),
    "customerprofiles_object_type": (
        setup_domain,
        lifecycle(domain_args(**ORDER), domain_args(**dict(ORDER, expiration_days=30)), domain_args(name="Order"))
        + [(domain_args(name="FromTemplate", description="t", template_id="Shopify-Order"), False)],
    ),
    "customerprofiles_object_type_info": (
        setup_order_type,
        [
            (domain_args(name="Order"), False),
            (domain_args(), False),
            ({"template_id": "Shopify-Order"}, False),
            ({"list_templates": True}, False),
        ],
    ),
    "customerprofiles_profile_objects": (
        setup_order_type,
        [
            (domain_args(object_type_name="Order", objects=[{"OrderId": "1", "Email": "a@b.c"}]), True),
            (domain_args(object_type_name="Order", objects=[{"OrderId": "1", "Email": "a@b.c"}]), False),
            (domain_args(object_type_name="Order", objects=[{"OrderId": "1", "Email": "a@b.c", "Total": 2}]), False),
            # a botocore without BatchPutProfileObject (the module then calls PutProfileObject)
            (domain_args(object_type_name="Order", objects=[{"OrderId": "2", "Email": "a@b.c"}]), False, OLD),
            (domain_args(object_type_name="Order", objects=[{"OrderId": "1", "Email": "a@b.c"}], state="absent"), True),
            (
                domain_args(object_type_name="Order", objects=[{"OrderId": "1", "Email": "a@b.c"}], state="absent"),
                False,
            ),
        ],
    ),
    "customerprofiles_profile_objects_info": (
        setup_objects,
        [
            (lambda client: domain_args(object_type_name="Order", profile_id=profile_id(client)), False),
            (
                lambda client: domain_args(
                    object_type_name="Order",
                    profile_id=profile_id(client),
                    object_filter={"key_name": "OrderId", "values": ["1"]},
                ),
                False,
            ),
        ],
    ),
    "customerprofiles_integration": (
        setup_order_type,
        lifecycle(
            domain_args(uri=CONNECT, object_type_name="Order"),
            domain_args(uri=CONNECT, object_type_name="Order", scope="DOMAIN"),
            domain_args(uri=CONNECT),
        ),
    ),
    "customerprofiles_integration_info": (
        setup_order_type,
        [(domain_args(uri=CONNECT), False), (domain_args(), False)],
    ),
    "customerprofiles_event_stream": (
        setup_domain,
        lifecycle(
            domain_args(name="s", uri=STREAM + "a"),
            domain_args(name="s", uri=STREAM + "a"),
            domain_args(name="s"),
            recreate=domain_args(name="s", uri=STREAM + "b"),
        )
        + [
            (domain_args(name="s", uri=STREAM + "a"), False),
            (domain_args(name="second", uri=STREAM + "c"), False, REFUSED),
        ],
    ),
    "customerprofiles_event_stream_info": (setup_domain, [(domain_args(name="s"), False), (domain_args(), False)]),
    "customerprofiles_event_trigger": (
        setup_intents,
        lifecycle(
            TRIGGER, dict(TRIGGER, description="d", intent_filter_definition=INTENT_FILTER), domain_args(name="big")
        ),
    ),
    "customerprofiles_event_trigger_info": (
        setup_domain,
        [(domain_args(name="big"), False), (domain_args(), False)],
    ),
    "customerprofiles_intent_definition": (
        setup_domain,
        lifecycle(INTENTS, dict(INTENTS, intents=[PRICE, {"last_search_intent_config": {"enabled": True}}]), INTENTS),
    ),
    "customerprofiles_intent_definition_info": (
        setup_intents,
        [(domain_args(name="DEFAULT"), False), (domain_args(), False), (domain_args(list_intent_types=True), False)],
    ),
    "customerprofiles_calculated_attribute": (
        fill_calculated_attributes,
        lifecycle(
            calculated("spend"),
            dict(calculated("spend"), description="d"),
            domain_args(name="spend"),
            recreate=calculated("spend", "COUNT"),
        )
        + [(calculated("spend"), False), (calculated("one-too-many"), False, REFUSED)],
    ),
    "customerprofiles_calculated_attribute_info": (
        setup_domain,
        [(domain_args(name="spend"), False), (domain_args(), False)],
    ),
    "customerprofiles_recommender": (
        setup_domain,
        lifecycle(
            RECOMMENDER,
            dict(RECOMMENDER, description="d"),
            domain_args(name="r"),
            recreate=dict(RECOMMENDER, recommender_recipe_name="trending-now"),
        )
        + [(dict(RECOMMENDER, status="stopped"), False), (dict(RECOMMENDER, status="running"), False)]
        + [(dict(RECOMMENDER, name="s", recommender_schema_name="missing"), False, REFUSED)],
    ),
    "customerprofiles_recommender_info": (
        setup_domain,
        [(domain_args(name="r"), False), (domain_args(), False), (domain_args(list_recipes=True), False)],
    ),
    "customerprofiles_segment_definition": (
        setup_domain,
        lifecycle(SEGMENT, SEGMENT, domain_args(name="gold"), recreate=dict(SEGMENT, display_name="Gold 2")),
    ),
    "customerprofiles_segment_definition_info": (
        setup_segment,
        [
            (domain_args(name="gold"), False),
            (domain_args(), False),
            (domain_args(name="gold", profile_ids=["0123456789abcdef0123456789abcdef"]), False),
        ],
    ),
    "customerprofiles_recommender_filter": (
        setup_schema,
        lifecycle(
            FILTER,
            FILTER,
            domain_args(name="in-stock"),
            recreate=dict(FILTER, recommender_filter_expression="EXCLUDE ItemID", recommender_schema_name="catalog"),
        ),
    ),
    "customerprofiles_recommender_schema": (
        setup_domain,
        lifecycle(
            SCHEMA, SCHEMA, domain_args(name="catalog"), recreate=dict(SCHEMA, fields={"_webAnalytics": COLUMNS})
        ),
    ),
    "customerprofiles_recommender_schema_info": (
        setup_schema,
        [(domain_args(name="catalog"), False), (domain_args(), False)],
    ),
    "customerprofiles_segment_subscription": (
        setup_segment_stream,
        [
            (SUBSCRIPTION, True),
            (SUBSCRIPTION, False),
            (SUBSCRIPTION, False),
            (dict(SUBSCRIPTION, schedule_configuration={"interval": 12}), False),
            (domain_args(name="gold", state="absent"), True),
            (domain_args(name="gold", state="absent"), False),
            (domain_args(name="gold", state="absent"), False),
            (domain_args(name="missing"), False, REFUSED),
        ],
    ),
    "customerprofiles_segment_subscription_info": (
        setup_subscription,
        [
            (domain_args(name="gold"), False),
            (domain_args(), False),
            (domain_args(name="gold", list_events=True), False),
        ],
    ),
    "customerprofiles_segment_stream": (
        setup_domain,
        [
            (SEGMENT_STREAM, True),
            (SEGMENT_STREAM, False),
            (SEGMENT_STREAM, False),
            (dict(SEGMENT_STREAM, destination_arn=STREAM + "other", recreate=True), False),
            (domain_args(state="absent"), True),
            (domain_args(state="absent"), False),
            (domain_args(state="absent"), False),
        ],
    ),
    "customerprofiles_segment_stream_info": (setup_domain, [(domain_args(), False)]),
    "customerprofiles_domain_object_type": (
        setup_data_store,
        lifecycle(DOMAIN_OBJECT_TYPE, dict(DOMAIN_OBJECT_TYPE, description="d"), domain_args(name="CatalogItem")),
    ),
    "customerprofiles_domain_object_type_info": (
        setup_domain,
        [(domain_args(name="CatalogItem"), False), (domain_args(), False)],
    ),
    "customerprofiles_recommender_filter_info": (
        setup_domain,
        [(domain_args(name="in-stock"), False), (domain_args(), False)],
    ),
    "customerprofiles_segment_snapshot": (
        setup_segment,
        [
            (SNAPSHOT, False),
            (SNAPSHOT, True),
            (lambda client: dict(domain_args(segment_definition_name="gold", snapshot_id=snapshot_id(client))), False),
        ],
    ),
    "customerprofiles_segment_estimate_info": (
        setup_segment,
        [
            (domain_args(segment_groups=ESTIMATE_QUERY), False),
            (domain_args(segment_groups=ESTIMATE_QUERY), True),
            (domain_args(segment_groups=MISSING_ATTRIBUTE), False, REFUSED),
        ],
    ),
    "customerprofiles_upload_job": (
        setup_upload,
        [(UPLOAD, True), (UPLOAD, False), (UPLOAD, False), (dict(UPLOAD, rerun=True), False)],
    ),
    "customerprofiles_upload_job_info": (
        setup_upload_job,
        [
            (domain_args(), False),
            (domain_args(display_name="load"), False),
            (lambda client: domain_args(job_id=upload_job_id(client)), False),
        ],
    ),
}


def documented():
    """{module or "customer_profiles role": set of profile:<Operation> actions} of the README's IAM table."""
    with open(REPO_ROOT + "/README.md", encoding="utf-8") as handle:
        section = handle.read().split("## IAM permissions", 1)[1].split("\n## ", 1)[0]
    table = {}
    for row in re.findall(r"^\| `([\w.]+)`( role)? \|(.*)\|$", section, re.M):
        table[row[0] + row[1]] = set(re.findall(r"`profile:(\w+)`", row[2]))
    return table


def test_the_table_has_a_row_per_module_and_the_role():
    assert sorted(documented()) == sorted(list(PATHS) + ["customer_profiles role"])


@pytest.mark.parametrize("module", sorted(PATHS))
def test_the_readme_lists_the_actions_of_every_call_a_module_makes(run_module, cp_mock, cp_client, monkeypatch, module):
    setup, runs = PATHS[module]
    if setup:
        setup(client=cp_client, run=run_module)
    made = set()
    for run in runs:
        args, check_mode, how = (tuple(run) + (None,))[:3]
        args = args(cp_client) if callable(args) else args
        with monkeypatch.context() as patch:
            if how == OLD:
                patch.setattr(ProfileObjectsResource, "batch_supported", lambda self: False)
            cp_mock.reset_calls()
            result = run_module(module, args, check_mode=check_mode)
        assert result.failed == (how == REFUSED), (args, result)
        made.update(call["operation"] for call in cp_mock.calls())
    assert sorted(documented()[module]) == sorted(made), " ".join(sorted(made))


def test_the_readme_lists_the_actions_of_every_call_the_role_makes(fresh_emulator_server, tmp_path):
    server = fresh_emulator_server
    play = write_text(tmp_path, "role.yml", ROLE_PLAY)
    base = {
        "customer_profiles_domain_name": DOMAIN,
        "customer_profiles_default_expiration_days": 30,
        "customer_profiles_tags": {"a": "1"},
        "customer_profiles_object_types": [dict(ORDER, tags={"a": "1"})],
        "customer_profiles_integrations": [{"uri": CONNECT, "object_type_name": "Order", "tags": {"a": "1"}}],
        "customer_profiles_profiles": [{"account_number": "1", "email_address": "a@b.c", "first_name": "A"}],
    }
    retagged = dict(base, customer_profiles_tags={"b": "1"}, customer_profiles_default_expiration_days=60)
    retagged["customer_profiles_object_types"] = [dict(ORDER, tags={"b": "1"})]
    retagged["customer_profiles_integrations"] = [{"uri": CONNECT, "object_type_name": "Order", "tags": {"b": "1"}}]
    made = set()

    def apply(name, extra_vars, check=False):
        run = run_playbook(play, tmp_path / name, extra_vars=extra_vars, check=check, env=server_env(server))
        assert run.returncode == 0, run.output[-4000:]
        made.update(call["operation"] for call in server.calls())
        server.reset_calls()

    apply("check-new", base, check=True)
    apply("create", base)
    apply("again", base)
    ada = server.client().search_profiles(DomainName=DOMAIN, KeyName="_account", Values=["1"])["Items"][0]
    by_id = dict(retagged, customer_profiles_profiles=[{"profile_id": ada["ProfileId"], "last_name": "B"}])
    apply("retag", by_id)
    apply("check-absent", dict(base, customer_profiles_state="absent", customer_profiles_force_delete=True), True)
    apply("absent", dict(base, customer_profiles_state="absent", customer_profiles_force_delete=True))
    assert sorted(documented()["customer_profiles role"]) == sorted(made), " ".join(sorted(made))


def server_env(server):
    return {
        "AWS_URL": server.url,
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }

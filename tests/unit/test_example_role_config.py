# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The role applies its domain through customerprofiles_domain_config (issue 23), by ansible-playbook against the
emulator server:

- a variable for every kind: all created in dependency order by one task, and a second run writes nothing;
- a kind whose variable is empty is left alone, even on a domain that holds resources of that kind;
- customer_profiles_purge deletes what the variables do not list, only for the kinds it names: check mode and
  --diff list each delete first, without a write.
"""

from call_log import writes
from connect_helpers import PRICE_FILTER
from domain_seed import CONNECT
from domain_seed import KINESIS
from domain_seed import seed_domain

DOMAIN = "role-config"
ORDERS = dict(
    object_type_name="Orders",
    description="Orders of the shop",
    fields={
        "id": dict(source="_source.id", target="_profile.AccountNumber", content_type="STRING"),
        "total": dict(source="_source.total", content_type="NUMBER"),
    },
    keys={"_account": [dict(standard_identifiers=["PROFILE", "UNIQUE"], field_names=["id"])]},
)
EVERY_KIND = dict(
    customer_profiles_domain_name=DOMAIN,
    customer_profiles_object_types=[ORDERS],
    customer_profiles_calculated_attributes=[
        dict(
            calculated_attribute_name="spend",
            display_name="Spend",
            attribute_details=dict(attributes=[dict(name="Orders.total")], expression="{Orders.total}"),
            statistic="SUM",
        )
    ],
    customer_profiles_segment_definitions=[
        dict(
            segment_definition_name="big-spenders",
            display_name="Big spenders",
            segment_groups=dict(
                include="ALL",
                groups=[
                    dict(
                        type="ALL",
                        dimensions=[
                            dict(calculated_attributes=dict(spend=dict(dimension_type="GREATER_THAN", values=["100"])))
                        ],
                    )
                ],
            ),
        )
    ],
    customer_profiles_segment_streams=[
        dict(
            destination_arn=KINESIS.replace("profile-events", "segment-events"),
            destination_role_arn="arn:aws:iam::123456789012:role/segment-events",
        )
    ],
    customer_profiles_segment_subscriptions=[
        dict(segment_definition_name="big-spenders", schedule_configuration=dict(interval=12))
    ],
    customer_profiles_intent_definitions=[
        dict(intent_domain="DEFAULT", intents=[dict(price_sensitivity_config=dict(enabled=True))], tags={"T": "1"})
    ],
    customer_profiles_event_triggers=[
        dict(
            event_trigger_name="big-order",
            object_type_name="Orders",
            segment_filter="big-spenders",
            intent_filter_definition=PRICE_FILTER,
            event_trigger_conditions=[
                dict(
                    logical_operator="ANY",
                    event_trigger_dimensions=[
                        dict(
                            object_attributes=[
                                dict(field_name="total", comparison_operator="GREATER_THAN", values=["500"])
                            ]
                        )
                    ],
                )
            ],
        )
    ],
    customer_profiles_integrations=[dict(uri=CONNECT, object_type_name="Orders")],
    customer_profiles_event_streams=[dict(event_stream_name="events", uri=KINESIS)],
    customer_profiles_recommenders=[
        dict(
            recommender_name="for-you",
            recommender_recipe_name="recommended-for-you",
            recommender_config=dict(training_frequency=7),
            status="stopped",
            tags=dict(Team="crm"),
        )
    ],
)
CREATES = [
    "CreateDomain",
    "PutProfileObjectType",
    "CreateCalculatedAttributeDefinition",
    "CreateSegmentDefinition",
    "AssociateStreamForSegments",
    "PutSegmentSubscription",
    "CreateRecommender",
    "PutIntentDefinition",
    "CreateEventTrigger",
    "PutIntegration",
    "CreateEventStream",
]


def test_every_kind_is_a_role_variable_applied_in_one_task(role_play, server, client):
    run = role_play(EVERY_KIND)

    assert run.returncode == 0, run.output[-3000:]
    assert [op for op in writes(server) if op in CREATES] == CREATES  # dependency order
    # the recommender trained, then stopped as its status says
    done = writes(server)
    assert done.index("StopRecommender") == done.index("CreateRecommender") + 1
    held = client.get_recommender(DomainName=DOMAIN, RecommenderName="for-you")
    assert held["Status"] == "INACTIVE" and held["Tags"] == {"Team": "crm"}
    assert run.output.count("TASK [awscx.customerprofiles.customer_profiles : Create or update") == 1
    server.reset_calls()

    again = role_play(EVERY_KIND)

    assert again.returncode == 0, again.output[-3000:]
    assert again.recap()["changed"] == 0
    assert writes(server) == []


def test_kinds_left_empty_are_left_alone_and_purge_deletes_only_the_kinds_it_names(role_play, server, client):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    seed_domain(client, DOMAIN)
    server.reset_calls()
    streams_only = dict(
        customer_profiles_domain_name=DOMAIN,
        customer_profiles_event_streams=[dict(event_stream_name="events", uri=KINESIS)],
    )

    alone = role_play(streams_only)

    assert alone.returncode == 0, alone.output[-3000:]
    assert alone.recap()["changed"] == 0
    assert writes(server) == []

    purging = dict(streams_only, customer_profiles_purge=["event_triggers", "segment_definitions"])
    check = role_play(purging, check=True, diff=True)

    assert check.returncode == 0, check.output[-3000:]
    assert writes(server) == []
    assert "event_triggers big-order (delete)" in check.output
    assert "segment_definitions big-spenders (delete)" in check.output

    purged = role_play(purging)

    assert purged.returncode == 0, purged.output[-3000:]
    assert writes(server) == ["DeleteEventTrigger", "DeleteSegmentDefinition"]
    assert client.list_event_triggers(DomainName=DOMAIN)["Items"] == []
    assert client.list_segment_definitions(DomainName=DOMAIN)["Items"] == []
    assert len(client.list_calculated_attribute_definitions(DomainName=DOMAIN)["Items"]) == 1
    assert len(client.list_profile_object_types(DomainName=DOMAIN)["Items"]) == 1
    assert len(client.list_integrations(DomainName=DOMAIN)["Items"]) == 1

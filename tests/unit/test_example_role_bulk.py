# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The example role with customerprofiles_profiles (issue 13), by ansible-playbook against the emulator server.

The three defects the issue found, each failing on the role before it:
- run with only a domain name and profiles against an existing domain, the role's defaults
  changed its retention to 365 days and deleted its tags;
- an item with no identity was rejected only when the loop reached it, after CreateDomain and
  earlier CreateProfile calls;
- customer_profiles_state: absent deleted the listed profiles, then refused to delete the domain.
Also: the profiles are synced in one task, the domain's other settings are role variables, and
object types and integrations are set up by the role.
"""

import pytest

from call_log import operations
from call_log import writes

DOMAIN = "role-bulk"
SECRET = "Sekrit-value"


@pytest.fixture
def play(role_play):
    return role_play


def profiles(count, **fields):
    return [dict(fields, account_number="R-{0:03d}".format(index)) for index in range(count)]


def stored(client):
    found = client.search_profiles(
        DomainName=DOMAIN, KeyName="_account", Values=["R-{0:03d}".format(i) for i in range(50)], MaxResults=100
    )
    return found["Items"]


def test_profiles_are_synced_in_one_task(play, server, client):
    run = play(dict(customer_profiles_domain_name=DOMAIN, customer_profiles_profiles=profiles(30, first_name="Ann")))
    assert run.returncode == 0, run.output[-3000:]
    assert len(stored(client)) == 30
    assert writes(server).count("CreateProfile") == 30
    assert "customerprofiles_profile :" not in run.output and "profile 1 of" not in run.output
    assert "created=30 ids=30" in run.output
    server.reset_calls()

    again = play(dict(customer_profiles_domain_name=DOMAIN, customer_profiles_profiles=profiles(30, first_name="Ann")))

    assert again.returncode == 0, again.output[-3000:]
    assert again.recap()["changed"] == 0
    assert writes(server) == []
    # domain info, domain module read, the check and the sync: one search each for 30 profiles.
    assert operations(server).count("SearchProfiles") == 2


def test_left_out_variables_leave_an_existing_domain_alone(play, server, client):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30, Tags={"team": "crm"})
    server.reset_calls()

    run = play(dict(customer_profiles_domain_name=DOMAIN, customer_profiles_profiles=profiles(2)))

    assert run.returncode == 0, run.output[-3000:]
    domain = client.get_domain(DomainName=DOMAIN)
    assert domain["DefaultExpirationDays"] == 30
    assert domain["Tags"] == {"team": "crm"}
    assert [op for op in writes(server) if op != "CreateProfile"] == []


def test_a_new_domain_gets_the_create_retention(play, client):
    run = play(dict(customer_profiles_domain_name=DOMAIN))
    assert run.returncode == 0, run.output[-3000:]
    assert client.get_domain(DomainName=DOMAIN)["DefaultExpirationDays"] == 365


def test_domain_settings_are_role_variables(play, client, server):
    queue = "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"
    run = play(
        dict(
            customer_profiles_domain_name=DOMAIN,
            customer_profiles_default_expiration_days=40,
            customer_profiles_dead_letter_queue_url=queue,
            customer_profiles_matching=dict(enabled=True),
            customer_profiles_tags={"env": "test"},
        )
    )
    assert run.returncode == 0, run.output[-3000:]
    domain = client.get_domain(DomainName=DOMAIN)
    assert domain["DefaultExpirationDays"] == 40
    assert domain["DeadLetterQueueUrl"] == queue
    assert domain["Matching"]["Enabled"] is True
    assert domain["Tags"] == {"env": "test"}


def test_every_profile_is_validated_before_the_first_write(play, server, client):
    items = profiles(3) + [dict(first_name=SECRET)] + profiles(1, last_name="x" * 300)

    run = play(dict(customer_profiles_domain_name=DOMAIN, customer_profiles_profiles=items))

    assert run.returncode != 0
    assert "profiles[3]" in run.output and "profiles[4].last_name" in run.output
    assert SECRET not in run.output
    assert writes(server) == []  # no CreateDomain, no CreateProfile
    assert client.list_domains()["Items"] == []


def test_duplicate_profiles_stop_the_role_before_any_write(play, server):
    run = play(dict(customer_profiles_domain_name=DOMAIN, customer_profiles_profiles=profiles(2) + profiles(1)))
    assert run.returncode != 0 and "profiles[0], profiles[2]" in run.output
    assert writes(server) == []


def test_absent_checks_first_and_deletes_nothing_when_others_remain(play, server, client):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    for index in range(3):
        client.create_profile(DomainName=DOMAIN, AccountNumber="R-{0:03d}".format(index))
    client.create_profile(DomainName=DOMAIN, AccountNumber="other")
    server.reset_calls()

    run = play(
        dict(
            customer_profiles_domain_name=DOMAIN,
            customer_profiles_profiles=profiles(3),
            customer_profiles_state="absent",
        )
    )

    assert run.returncode != 0
    assert "customer_profiles_force_delete" in run.output and "Nothing was deleted" in run.output
    assert writes(server) == []
    assert len(stored(client)) == 3
    server.reset_calls()

    forced = play(
        dict(
            customer_profiles_domain_name=DOMAIN,
            customer_profiles_profiles=profiles(3),
            customer_profiles_state="absent",
            customer_profiles_force_delete=True,
        )
    )

    assert forced.returncode == 0, forced.output[-3000:]
    assert writes(server) == ["DeleteProfile"] * 3 + ["DeleteDomain"]
    assert client.list_domains()["Items"] == []


def test_absent_deletes_the_listed_profiles_and_the_domain(play, server, client):
    assert play(dict(customer_profiles_domain_name=DOMAIN, customer_profiles_profiles=profiles(3))).returncode == 0
    server.reset_calls()

    check = play(
        dict(
            customer_profiles_domain_name=DOMAIN,
            customer_profiles_profiles=profiles(3),
            customer_profiles_state="absent",
        ),
        check=True,
    )
    assert check.returncode == 0, check.output[-3000:]
    assert writes(server) == []

    run = play(
        dict(
            customer_profiles_domain_name=DOMAIN,
            customer_profiles_profiles=profiles(3),
            customer_profiles_state="absent",
        )
    )

    assert run.returncode == 0, run.output[-3000:]
    assert writes(server) == ["DeleteProfile"] * 3 + ["DeleteDomain"]
    assert client.list_domains()["Items"] == []


def test_check_mode_on_a_new_domain_predicts_and_writes_nothing(play, server):
    run = play(
        dict(customer_profiles_domain_name=DOMAIN, customer_profiles_profiles=profiles(5)), check=True, diff=True
    )
    assert run.returncode == 0, run.output[-3000:]
    assert "created=5 ids=5" in run.output
    assert writes(server) == []


def test_object_types_and_integrations_are_set_up(play, server, client):
    object_type = dict(
        object_type_name="Orders",
        description="Orders of the shop",
        allow_profile_creation=True,
        fields={
            "account": dict(source="_source.account", target="_profile.AccountNumber", content_type="STRING"),
            "order": dict(source="_source.order", content_type="STRING"),
        },
        keys={
            "_account": [dict(standard_identifiers=["PROFILE"], field_names=["account"])],
            "order_id": [dict(standard_identifiers=["UNIQUE"], field_names=["order"])],
        },
    )
    integration = dict(
        uri="arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555",
        object_type_name="Orders",
    )
    role_vars = dict(
        customer_profiles_domain_name=DOMAIN,
        customer_profiles_object_types=[object_type],
        customer_profiles_integrations=[integration],
        customer_profiles_profiles=profiles(2),
    )

    run = play(role_vars)

    assert run.returncode == 0, run.output[-3000:]
    order = [op for op in writes(server) if op in ("PutProfileObjectType", "PutIntegration", "CreateProfile")]
    assert order == ["PutProfileObjectType", "PutIntegration", "CreateProfile", "CreateProfile"]
    assert [item["ObjectTypeName"] for item in client.list_profile_object_types(DomainName=DOMAIN)["Items"]] == [
        "Orders"
    ]
    assert len(client.list_integrations(DomainName=DOMAIN)["Items"]) == 1
    server.reset_calls()

    again = play(role_vars)

    assert again.returncode == 0, again.output[-3000:]
    assert again.recap()["changed"] == 0
    assert writes(server) == []

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The role's data safety (issue 20, 2.1, 2.3, 2.4 and 3), by ansible-playbook against the emulator server.

- customer_profiles_state: absent counts everything the domain holds, not only profiles: what the variables do
  not list fails the role, naming each kind with its count, before anything is deleted;
- check mode reports changed on a new domain, for the configuration (each resource in the diff) and the profiles;
- misspelled options of object type and integration items fail, naming the variable and the option;
- no validation message repeats a value.
Each scenario is one or two playbook runs (they are slow).
"""

import pytest

from call_log import writes
from domain_seed import CONNECT
from domain_seed import seed_domain

DOMAIN = "role-safety"
SECRET = "ada.secret@example.com"

ORDERS = dict(
    object_type_name="Orders",
    description="Orders of the shop",
    fields={"id": dict(source="_source.id", target="_profile.AccountNumber", content_type="STRING")},
    keys={"_account": [dict(standard_identifiers=["PROFILE", "UNIQUE"], field_names=["id"])]},
)


@pytest.fixture
def play(role_play):
    def _play(role_vars, check=False, diff=False):
        return role_play(dict(dict(customer_profiles_domain_name=DOMAIN), **role_vars), check=check, diff=diff)

    return _play


def test_absent_refuses_what_the_variables_do_not_list_then_deletes_with_force(play, server, client):
    """Issue 20, 2.1: a domain with object types, an integration, an event stream, a calculated attribute, a
    segment and a trigger but no profile was deleted silently (and a recommender, counted since 0.3.0)."""
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    seed_domain(client, DOMAIN)
    client.create_recommender(DomainName=DOMAIN, RecommenderName="picks", RecommenderRecipeName="recommended-for-you")
    server.reset_calls()
    listed = dict(
        customer_profiles_state="absent",
        customer_profiles_object_types=[ORDERS],
        customer_profiles_integrations=[dict(uri=CONNECT, object_type_name="Orders")],
    )

    check = play(listed, check=True, diff=True)
    run = play(listed)

    for refused in (check, run):
        assert refused.returncode != 0
        assert (
            "Domain role-safety holds 1 event stream(s), 1 calculated attribute definition(s), 1 segment "
            "definition(s), 1 event trigger(s), 1 recommender(s). Deleting the domain deletes them too"
        ) in " ".join(refused.output.split())
        assert "object type(s)" not in refused.output  # listed: they go with the domain
    assert writes(server) == []
    assert client.list_domains()["Items"] != []

    forced = play(dict(listed, customer_profiles_force_delete=True), diff=True)

    assert forced.returncode == 0, forced.output[-3000:]
    assert writes(server) == ["DeleteDomain"]
    assert "deleted with domain role-safety: 1 object type, 1 integration, 1 event stream" in forced.output
    assert client.list_domains()["Items"] == []


def test_check_mode_on_a_new_domain_reports_every_change(play, server):
    """Issue 20, 2.3: the object types and integrations were skipped and the profile check was changed_when
    false, so check mode hid them."""
    role_vars = dict(
        customer_profiles_object_types=[ORDERS],
        customer_profiles_integrations=[dict(uri=CONNECT, object_type_name="Orders")],
        customer_profiles_profiles=[dict(account_number="A-1", first_name="Ada")],
        customer_profiles_no_log=False,
    )

    run = play(role_vars, check=True, diff=True)

    assert run.returncode == 0, run.output[-3000:]
    assert writes(server) == []
    output = run.output
    # one task for the domain and its configuration: changed, with the diff of each resource it would create
    config_task = output[output.index("Create or update the domain and its configuration") :]
    config_task = config_task.split("TASK [")[0]
    assert config_task.count("changed: [localhost]") == 1
    for header in ("domain role-safety (create)", "object_types Orders (create)", "integrations %s (create)" % CONNECT):
        assert header in config_task
    profiles_task = output[output.index("Check the profiles before any write") :]
    assert profiles_task.split("TASK [")[0].count("changed: [localhost]") == 1
    assert '"first_name": "Ada"' in profiles_task  # the diff of the profile to create
    assert run.recap()["changed"] == 2  # the configuration and the profiles (debug: ok)


@pytest.mark.parametrize(
    "role_vars, variable, option",
    [
        (dict(customer_profiles_object_types=[dict(ORDERS, expiration_day=30)]), "object_types", "expiration_day"),
        (dict(customer_profiles_integrations=[dict(uri=CONNECT, scopee="PROFILE")]), "integrations", "scopee"),
        (dict(customer_profiles_integrations=[dict(uri=CONNECT, tag={"a": "b"})]), "integrations", "tag"),
    ],
    ids=["expiration_day", "scopee", "tag"],
)
def test_misspelled_item_options_fail_before_any_call(play, server, role_vars, variable, option):
    """Issue 20, 2.4: these were dropped silently."""
    run = play(role_vars)
    assert run.returncode != 0
    assert "customer_profiles_%s.%s" % (variable, option) in run.output
    assert server.calls() == []


def test_validation_never_repeats_a_value(play, server):
    """Issue 20, 3: choices (and bool, int) errors of the argument spec quoted the value given."""
    run = play(
        dict(
            customer_profiles_state=SECRET,
            customer_profiles_no_log=SECRET,
            customer_profiles_force_delete=SECRET,
            customer_profiles_default_expiration_days=SECRET,
            customer_profiles_profiles=[dict(account_number="A-1", match_by=SECRET, purge_attributes=SECRET)],
        )
    )
    assert run.returncode != 0
    assert SECRET not in run.output
    for message in (
        "customer_profiles_state must be present or absent",
        "customer_profiles_no_log must be a boolean",
        "customer_profiles_force_delete must be a boolean",
        "customer_profiles_default_expiration_days must be an integer",
    ):
        assert message in run.output
    assert server.calls() == []

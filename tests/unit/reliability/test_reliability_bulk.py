# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The bulk modules (customerprofiles_profiles, customerprofiles_profile_objects) under no_log, lost answers,
concurrent writers and a service that stops answering (issue 21, items 3, 4 and 6)."""

import time

import pytest
from botocore.exceptions import ReadTimeoutError
from reliability_helpers import DOMAIN

import call_log
from playbook_runner import run_playbook
from playbook_runner import write_text

HANG = 0.05  # seconds a hung call is held before its time-out
# Values that must never reach the output of a no_log task.
NAMES = ["Quintessa-Private", "Bartholomew-Private"]
ACCOUNTS = ["NOLOG-ACCT-7731", "NOLOG-ACCT-7732"]
ORDERS = ["NOLOG-ORDER-5501", "NOLOG-ORDER-5502"]

# An object type Order: OrderId UNIQUE, AccountNumber the PROFILE key _account (the profile's account number).
ORDER_TYPE = dict(
    object_type_name="Order",
    description="Orders",
    allow_profile_creation=True,
    fields=dict(
        OrderId=dict(source="_source.OrderId", content_type="STRING"),
        AccountNumber=dict(source="_source.AccountNumber", target="_profile.AccountNumber", content_type="STRING"),
    ),
    keys=dict(
        OrderId=[dict(standard_identifiers=["UNIQUE"], field_names=["OrderId"])],
        _account=[dict(standard_identifiers=["PROFILE"], field_names=["AccountNumber"])],
    ),
)

NO_LOG_PLAYBOOK = """
- hosts: localhost
  gather_facts: false
  module_defaults:
    group/awscx.customerprofiles.aws: {endpoint_url: "{{ emulator_url }}", region: us-east-1}
  tasks:
    - name: Domain
      awscx.customerprofiles.customerprofiles_domain:
        domain_name: %(domain)s
        default_expiration_days: 30

    - name: Object type
      awscx.customerprofiles.customerprofiles_object_type:
        domain_name: %(domain)s
        object_type_name: Order
        description: Orders
        allow_profile_creation: true
        fields: "{{ order_type['fields'] }}"
        keys: "{{ order_type['keys'] }}"

    - name: Profiles (no_log)
      awscx.customerprofiles.customerprofiles_profiles:
        domain_name: %(domain)s
        profiles: "{{ people }}"
      no_log: true
      register: sync

    - name: Objects (no_log)
      awscx.customerprofiles.customerprofiles_profile_objects:
        domain_name: %(domain)s
        object_type_name: Order
        objects: "{{ orders }}"
      no_log: true
      register: ingested

    - name: The registered results are whole and usable
      ansible.builtin.assert:
        that:
          - sync.profiles | map(attribute='status') | list == ['created', 'created']
          - sync.profiles | map(attribute='profile_id') | select | list | length == 2
          - sync.summary.created == 2
          - ingested.objects | map(attribute='status') | list == ['created', 'created']
          - ingested.objects | map(attribute='profile_id') | list == sync.profiles | map(attribute='profile_id') | list
          - ingested.summary.created == 2
        quiet: true
"""


def test_no_log_hides_every_item_of_the_bulk_modules(fresh_emulator_server, tmp_path):
    """ansible-core prints a top-level ``results`` list as loop results even under no_log; the per-item lists are
    ``profiles`` and ``objects``, so at -vvv nothing of an item (no profile id, no field value) is printed."""
    server = fresh_emulator_server
    people = [dict(account_number=account, first_name=name) for account, name in zip(ACCOUNTS, NAMES)]
    orders = [dict(OrderId=order, AccountNumber=account) for order, account in zip(ORDERS, ACCOUNTS)]
    path = write_text(tmp_path, "play.yml", NO_LOG_PLAYBOOK % dict(domain=DOMAIN))

    run = run_playbook(
        path,
        tmp_path,
        extra_vars=dict(emulator_url=server.url, people=people, orders=orders, order_type=ORDER_TYPE),
        args=["-vvv"],
        env=dict(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing"),
    )

    assert run.returncode == 0, run.output[-4000:]
    assert run.output.count("the output has been hidden due to the fact that 'no_log: true'") >= 2
    found = server.client().search_profiles(DomainName=DOMAIN, KeyName="_account", Values=ACCOUNTS)["Items"]
    profile_ids = [profile["ProfileId"] for profile in found]
    assert len(profile_ids) == 2
    for secret in NAMES + ACCOUNTS + ORDERS + profile_ids:
        assert secret not in run.output, secret


# --- lost answers (issue 21.3) -------------------------------------------------------------------------------------


@pytest.fixture
def lost_answers(cp_mock, monkeypatch):
    """``lost_answers(operation, kind, count=None)``: the next ``count`` calls of ``operation`` (None: every call)
    lose their answer. "500" and "timeout": the operation runs (a write is applied), then the call answers 500
    InternalServerException, or raises botocore's ReadTimeoutError (what a client whose read timeout passed sees);
    "hang": nothing is applied, the call is held HANG seconds, then raises ReadTimeoutError. Logged with status 0
    when no answer came. Test-local until the emulator's own lost_answers and hang faults are available."""
    from emulator import responses
    from emulator import state

    pending = {}
    original = responses.CustomerProfilesResponse._run

    def no_answer(operation):
        state.record_call(operation, 0)  # as the emulator logs a hang
        raise ReadTimeoutError(endpoint_url="https://profile.us-east-1.amazonaws.com/")

    def _run(self, operation):
        fault = pending.get(operation)
        if not fault or fault[1] <= 0:
            return original(self, operation)
        if fault[0] == "hang":
            fault[1] -= 1
            time.sleep(HANG)
            no_answer(operation)
        answer = original(self, operation)
        if answer[0] != 200:
            return answer
        fault[1] -= 1
        if fault[0] == "timeout":
            no_answer(operation)
        return responses._error(500, "InternalServerException", "Internal server error (after commit)")

    monkeypatch.setattr(responses.CustomerProfilesResponse, "_run", _run)

    def inject(operation, kind, count=None):
        pending[operation] = [kind, float("inf") if count is None else count]

    return inject


def make_domain(client):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)


def stored_accounts(client):
    """The AccountNumber of every stored profile (one entry per profile: a duplicate shows twice)."""
    return sorted(profile.get("AccountNumber") for profile in stored(client))


def stored(client):
    import emulator

    return list(emulator.backend().get_domain_object(DOMAIN).profiles.values())


@pytest.mark.parametrize("kind", ["500", "timeout"])
def test_a_lost_create_answer_is_adopted_not_retried_blindly(
    run_module, cp_mock, cp_client, sleeps, lost_answers, kind
):
    """CreateProfile commits, then its answer is lost: the module searches before retrying, finds the profile and
    adopts it (status created, its id), so no duplicate is made."""
    make_domain(cp_client)
    cp_mock.reset_calls()
    lost_answers("CreateProfile", kind, count=2)
    items = [dict(account_number="L-%d" % index, first_name="Ann") for index in range(3)]

    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items, max_concurrency=1))

    assert not result.failed, result.get("msg")
    assert [entry["status"] for entry in result["profiles"]] == ["created"] * 3
    assert stored_accounts(cp_client) == ["L-0", "L-1", "L-2"]
    by_account = dict((profile["AccountNumber"], profile["ProfileId"]) for profile in stored(cp_client))
    assert [entry["profile_id"] for entry in result["profiles"]] == [by_account["L-%d" % i] for i in range(3)]
    assert call_log.writes(cp_mock) == ["CreateProfile"] * 3


@pytest.mark.parametrize("kind", ["500", "timeout"])
def test_a_lost_create_answer_is_adopted_by_the_single_module(
    run_module, cp_mock, cp_client, sleeps, lost_answers, kind
):
    make_domain(cp_client)
    cp_mock.reset_calls()
    lost_answers("CreateProfile", kind)

    result = run_module("customerprofiles_profile", dict(domain_name=DOMAIN, account_number="L-1", first_name="Ann"))

    assert not result.failed, result.get("msg")
    assert result["changed"] is True
    assert [profile["ProfileId"] for profile in stored(cp_client)] == [result["profile_id"]]
    assert call_log.operations(cp_mock)[:3] == ["SearchProfiles", "CreateProfile", "SearchProfiles"]
    assert call_log.writes(cp_mock) == ["CreateProfile"]


def test_a_create_refused_before_commit_is_retried_after_the_search(run_module, cp_mock, cp_client, sleeps):
    """A 500 that applied nothing: the search finds nothing, the create is retried, one profile."""
    make_domain(cp_client)
    cp_mock.reset_calls()
    cp_mock.inject_fault("CreateProfile", "InternalServerException", count=2)

    result = run_module("customerprofiles_profile", dict(domain_name=DOMAIN, account_number="L-1"))

    assert not result.failed, result.get("msg")
    assert [profile["ProfileId"] for profile in stored(cp_client)] == [result["profile_id"]]
    assert call_log.operations(cp_mock)[:6] == [
        "SearchProfiles",
        "CreateProfile",
        "SearchProfiles",
        "CreateProfile",
        "SearchProfiles",
        "CreateProfile",
    ]
    assert len(sleeps) == 2


def test_a_throttled_create_is_retried_without_a_search(run_module, cp_mock, cp_client, sleeps):
    """A 429 applied nothing: retried at once, as every throttled call."""
    make_domain(cp_client)
    cp_mock.reset_calls()
    cp_mock.inject_fault("CreateProfile", "ThrottlingException", count=2)

    result = run_module("customerprofiles_profile", dict(domain_name=DOMAIN, account_number="L-1", wait=False))

    assert not result.failed, result.get("msg")
    assert call_log.operations(cp_mock) == ["SearchProfiles"] + ["CreateProfile"] * 3


# --- another writer at the same time (issue 21.3) ------------------------------------------------------------------


def test_another_writer_racing_a_bulk_create_fails_the_item_naming_both_ids(run_module, cp_mock, cp_client):
    """Another writer created L-1 just before the module, not yet visible to search (lag): the module creates it too,
    and its wait-until-visible search then finds two profiles: that item fails naming both ids, the task fails."""
    make_domain(cp_client)
    cp_mock.set_search_lag(0.5)
    other = cp_client.create_profile(DomainName=DOMAIN, AccountNumber="L-1")["ProfileId"]
    items = [dict(account_number="L-0"), dict(account_number="L-1"), dict(account_number="L-2")]

    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items))

    assert result.failed and result["changed"] is True
    assert [entry["status"] for entry in result["profiles"]] == ["created", "failed", "created"]
    failed = result["profiles"][1]
    ours = failed["profile_id"]
    assert ours and ours != other and sorted(failed["profile_ids"]) == sorted([ours, other])
    for text in (failed["msg"], result["msg"]):
        assert other in text and ours in text and "another writer" in text, text
    assert "profile_id=" in failed["msg"]
    assert result["summary"]["failed"] == 1 and result["summary"]["created"] == 2


def test_another_writer_racing_a_single_create_fails_naming_both_ids(run_module, cp_mock, cp_client):
    make_domain(cp_client)
    cp_mock.set_search_lag(0.5)
    other = cp_client.create_profile(DomainName=DOMAIN, AccountNumber="L-1")["ProfileId"]

    result = run_module("customerprofiles_profile", dict(domain_name=DOMAIN, account_number="L-1"))

    assert result.failed and result["changed"] is True
    ours = result["profile_id"]
    assert ours and ours != other and sorted(result["profile_ids"]) == sorted([ours, other])
    assert other in result["msg"] and ours in result["msg"] and "another writer" in result["msg"]


# --- a service that stops answering writes (issue 21.6) ------------------------------------------------------------


def test_writes_stop_after_three_rounds_without_an_answer(run_module, cp_mock, cp_client, sleeps, lost_answers):
    """Every CreateProfile hangs until it times out: after 3 x max_concurrency writes in a row without an answer the
    module stops sending, reports the rest not attempted (counted in summary) and says so; the time is bounded."""
    make_domain(cp_client)
    cp_mock.reset_calls()
    lost_answers("CreateProfile", "hang")
    items = [dict(account_number="H-%02d" % index) for index in range(40)]
    start = time.monotonic()

    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items, max_concurrency=2))

    elapsed = time.monotonic() - start
    assert result.failed and result["changed"] is False
    statuses = [entry["status"] for entry in result["profiles"]]
    tried = len(call_log.calls(cp_mock, "CreateProfile"))
    assert 6 <= tried <= 7  # 3 rounds of 2; the other thread may be inside its call when the 6th times out
    assert statuses == ["failed"] * tried + ["not_attempted"] * (40 - tried)
    assert result["summary"]["failed"] == tried and result["summary"]["not_attempted"] == 40 - tried
    assert all(entry["profile_id"] is None for entry in result["profiles"])
    assert "{0} not attempted".format(40 - tried) in result["msg"]
    assert "none of 6 writes in a row" in result["msg"] and "profiles[39]" in result["msg"]
    assert stored(cp_client) == []
    assert elapsed < 10


def test_timeouts_not_in_a_row_stop_nothing(run_module, cp_mock, cp_client, sleeps, lost_answers):
    """Time-outs with answers in between fail their items only: every item is attempted."""
    make_domain(cp_client)
    cp_mock.reset_calls()
    lost_answers("CreateProfile", "hang", count=5)
    items = [dict(account_number="H-%02d" % index) for index in range(12)]

    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items, max_concurrency=2))

    assert result.failed
    assert result["summary"]["failed"] == 5 and result["summary"]["created"] == 7
    assert result["summary"]["not_attempted"] == 0 and "not attempted" not in result["msg"]


def test_object_writes_stop_after_three_without_an_answer(run_module, cp_mock, cp_client, lost_answers):
    """customerprofiles_profile_objects writes one call at a time: it stops after 3 in a row without an answer."""
    make_domain(cp_client)
    assert not run_module("customerprofiles_object_type", dict(ORDER_TYPE, domain_name=DOMAIN)).failed
    cp_mock.reset_calls()
    operation = "BatchPutProfileObject" if has_batch_put() else "PutProfileObject"
    lost_answers(operation, "hang")
    objects = [dict(OrderId="O-%02d" % index, AccountNumber="H-%02d" % index) for index in range(50)]

    result = run_module(
        "customerprofiles_profile_objects", dict(domain_name=DOMAIN, object_type_name="Order", objects=objects)
    )

    assert result.failed and result["changed"] is False
    per_call = 10 if operation == "BatchPutProfileObject" else 1
    statuses = [entry["status"] for entry in result["objects"]]
    assert statuses == ["failed"] * (3 * per_call) + ["not_attempted"] * (50 - 3 * per_call)
    assert len(call_log.calls(cp_mock, operation)) == 3
    assert result["summary"]["not_attempted"] == 50 - 3 * per_call
    assert "{0} not attempted".format(50 - 3 * per_call) in result["msg"]


def has_batch_put():
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import has_operation

    return has_operation("BatchPutProfileObject")

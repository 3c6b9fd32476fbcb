# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_profiles: many profiles in one task, each item with the semantics of one
customerprofiles_profile task (the agreement table runs both), batched reads, concurrent writes,
partial failure, check/diff, validation, quota mode and the SearchProfiles values limit."""

import copy
import json
import time

import pytest

from call_log import calls
from call_log import operations
from call_log import writes
from fake_clock import FakeClock

MODULE = "customerprofiles_profiles"
SINGLE = "customerprofiles_profile"
DOMAIN = "bulk-domain"
SECRET = "Sekrit"


class NoSleep:
    """Stands in for the ``time`` module of amazon.aws's retry loop: retries at once."""

    def sleep(self, seconds):
        pass

    def __getattr__(self, name):
        return getattr(time, name)


@pytest.fixture
def no_retry_sleep(monkeypatch):
    from ansible_collections.amazon.aws.plugins.module_utils import cloud

    monkeypatch.setattr(cloud, "time", NoSleep())


@pytest.fixture
def domain(cp_client, cp_mock):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    cp_mock.reset_calls()
    return DOMAIN


def bulk(run_module, profiles, check_mode=False, diff=False, **args):
    args = dict(args, domain_name=args.get("domain_name", DOMAIN), profiles=profiles)
    return run_module(MODULE, args, check_mode=check_mode, diff=diff)


def stored_profiles(cp_mock):
    """{profile id: API-form profile} of everything the emulator holds in the domain."""
    profiles = cp_mock.backend().get_domain_object(DOMAIN).profiles
    return dict((profile_id, copy.deepcopy(profile)) for profile_id, profile in profiles.items())


def without_ids(profiles):
    """The stored profiles as a sorted list, ids dropped (created ids differ between two runs)."""
    rows = []
    for profile in profiles.values():
        profile = dict(profile)
        profile.pop("ProfileId", None)
        rows.append(repr(sorted(profile.items())))
    return sorted(rows)


def accounts(count, **fields):
    return [dict(fields, account_number="A-{0:04d}".format(index)) for index in range(count)]


def seed(cp_client, count, **fields):
    ids = []
    for index in range(count):
        ids.append(
            cp_client.create_profile(DomainName=DOMAIN, AccountNumber="A-{0:04d}".format(index), **fields)["ProfileId"]
        )
    return ids


# --- the agreement table: each case through both modules, item for item ------------------

# (name, stored profiles (API form), task options, items); "{id0}" is the id of the first stored profile.
CASES = [
    (
        "identity",
        [dict(AccountNumber="A1", FirstName="Ann"), dict(AccountNumber="A2"), dict(AccountNumber="A5", FirstName="Al")],
        {},
        [
            dict(account_number="A1", first_name="Anna"),  # update by match
            dict(account_number="A3", first_name="New"),  # create
            dict(profile_id="{id1}", last_name="Doe"),  # by id
            dict(profile_id="0123456789abcdef0123456789abcdef", first_name="x"),  # unknown id: fails
            dict(account_number="A5", first_name="Al"),  # unchanged
        ],
    ),
    (
        "match_by_email_exact",
        [dict(AccountNumber="B1", PersonalEmailAddress="p@example.com", EmailAddress="e@example.com")],
        dict(match_by="email_address"),
        [
            dict(email_address="p@example.com", first_name="Other"),  # only PersonalEmailAddress equals: create
            dict(email_address="e@example.com", first_name="Same"),  # update
        ],
    ),
    (
        "merge",
        [dict(AccountNumber="M1", Address=dict(City="Paris", Country="FR"), Attributes=dict(a="1", b="2"))],
        {},
        [
            dict(account_number="M1", address=dict(city="Lyon"), attributes=dict(b="3", c="4")),
        ],
    ),
    (
        "empty_clears",
        [dict(AccountNumber="E1", FirstName="Ann", MiddleName="Q", Address=dict(City="Paris", Country="FR"))],
        {},
        [
            dict(account_number="E1", middle_name="", address=dict(city="")),
            dict(account_number="E2", first_name="", last_name="Doe"),
        ],
    ),
    (
        "purge",
        [dict(AccountNumber="P1", Attributes=dict(a="1", b="2")), dict(AccountNumber="P2", Attributes=dict(a="1"))],
        dict(purge_attributes=True),
        [
            dict(account_number="P1", attributes=dict(a="1")),
            dict(account_number="P2"),  # no attributes given: left as they are
        ],
    ),
    (
        "purge_per_item",
        [
            dict(AccountNumber="Q1", Attributes=dict(a="1", b="2")),
            dict(AccountNumber="Q2", Attributes=dict(a="1", b="2")),
        ],
        {},
        [
            dict(account_number="Q1", attributes=dict(a="1"), purge_attributes=True),
            dict(account_number="Q2", attributes=dict(a="1")),
        ],
    ),
    (
        "absent",
        [dict(AccountNumber="D1"), dict(AccountNumber="D2")],
        dict(state="absent"),
        [
            dict(account_number="D1"),
            dict(account_number="D9"),
            dict(profile_id="{id1}"),
        ],
    ),
    (
        "ambiguity",
        [dict(AccountNumber="X1", FirstName="a"), dict(AccountNumber="X1", FirstName="b"), dict(AccountNumber="X2")],
        {},
        [
            dict(account_number="X1", first_name="c"),  # two profiles: fails, nothing changed for it
            dict(account_number="X2", first_name="d"),  # applied anyway
        ],
    ),
]


def setup_case(cp_client, cp_mock, stored):
    cp_mock.reset_state()
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    ids = [cp_client.create_profile(DomainName=DOMAIN, **profile)["ProfileId"] for profile in stored]
    cp_mock.reset_calls()
    return dict(("id{0}".format(index), profile_id) for index, profile_id in enumerate(ids))


def resolve(items, ids):
    out = []
    for item in items:
        item = dict(item)
        if "profile_id" in item:
            item["profile_id"] = item["profile_id"].format(**ids)
        out.append(item)
    return out


def single_status(result, state):
    """The status one customerprofiles_profile task (run with diff) amounts to."""
    if result.failed:
        return "failed"
    if state == "absent":
        return "deleted" if result["changed"] else "absent"
    if not result["changed"]:
        return "unchanged"
    return "created" if not result["diff"]["before"] else "updated"


@pytest.mark.parametrize("name,stored,options,items", CASES, ids=[case[0] for case in CASES])
def test_items_agree_with_single_profile_tasks(run_module, cp_client, cp_mock, name, stored, options, items):
    ids = setup_case(cp_client, cp_mock, stored)
    state = options.get("state", "present")
    single = []
    for item in resolve(items, ids):
        args = dict(item, domain_name=DOMAIN, **options)
        single.append(single_status(run_module(SINGLE, args, diff=True), state))
    after_single = without_ids(stored_profiles(cp_mock))

    ids = setup_case(cp_client, cp_mock, stored)
    result = bulk(run_module, resolve(items, ids), **options)

    assert [entry["status"] for entry in result["profiles"]] == single
    assert [entry["index"] for entry in result["profiles"]] == list(range(len(items)))
    assert without_ids(stored_profiles(cp_mock)) == after_single
    assert result.failed == ("failed" in single)
    assert result["changed"] == any(status in ("created", "updated", "deleted") for status in single)
    assert len(writes(cp_mock)) == sum(status in ("created", "updated", "deleted") for status in single)


def test_ambiguous_item_names_the_ids_not_the_values(run_module, cp_client, domain):
    ids = [cp_client.create_profile(DomainName=DOMAIN, AccountNumber=SECRET)["ProfileId"] for count in range(2)]

    result = bulk(run_module, [dict(account_number=SECRET, first_name="x")])

    assert result.failed
    entry = result["profiles"][0]
    assert entry["status"] == "failed" and entry["error"]["code"] is None
    assert all(profile_id in entry["msg"] for profile_id in ids)
    assert SECRET not in result["msg"] and SECRET not in entry["msg"]
    assert "profiles[0]" in result["msg"]


# --- reads ------------------------------------------------------------------------------


def test_reads_are_batched_and_a_second_run_writes_nothing(run_module, cp_mock, domain):
    profiles = accounts(120, first_name="Ann")
    first = bulk(run_module, profiles)
    assert first["summary"]["created"] == 120 and first["changed"] is True
    assert len(set(entry["profile_id"] for entry in first["profiles"])) == 120
    cp_mock.reset_calls()

    second = bulk(run_module, profiles)

    assert second["changed"] is False
    assert second["summary"] == dict(
        created=0, updated=0, unchanged=120, deleted=0, absent=0, failed=0, not_attempted=0
    )
    assert operations(cp_mock) == ["SearchProfiles"] * 3  # ceil(120 / 50)
    assert [entry["profile_id"] for entry in second["profiles"]] == [entry["profile_id"] for entry in first["profiles"]]


def test_profile_id_items_use_batch_get_profile(run_module, cp_client, cp_mock, domain):
    ids = seed(cp_client, 45, FirstName="Ann")
    cp_mock.reset_calls()

    result = bulk(run_module, [dict(profile_id=profile_id, first_name="Ann") for profile_id in ids])

    assert result["changed"] is False
    assert operations(cp_mock) == ["BatchGetProfile"] * 3  # ceil(45 / 20)


@pytest.mark.parametrize(
    "rate, at_once",
    [
        (95.0, 95),  # the default: one second's worth at once, as the service's bucket allows
        (5.0, 5),
        (0.5, 1),  # at least one call
    ],
)
def test_token_bucket_starts_full_then_keeps_the_rate(rate, at_once):
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import TokenBucket

    fake = FakeClock()
    bucket = TokenBucket(rate, clock=fake.clock, sleep=fake.sleep)
    for _call in range(at_once):
        bucket.take()
    assert fake.now == 0.0
    for _call in range(20):
        bucket.take()
    # after the burst, one call per 1/rate seconds
    assert fake.now == pytest.approx(20 / rate)
    # idle time refills the bucket, never beyond one second's worth
    fake.now += 10
    for _call in range(at_once):
        bucket.take()
    assert fake.now == pytest.approx(20 / rate + 10)
    bucket.take()
    assert fake.now == pytest.approx(20 / rate + 10 + 1 / rate)


def test_reads_one_at_a_time_find_the_same(run_module, cp_client, cp_mock, domain):
    ids = seed(cp_client, 175, FirstName="Ann")
    # 130 items by match_by (3 searches), 45 by profile_id (3 BatchGetProfile calls)
    items = accounts(130, first_name="Ann") + [dict(profile_id=profile_id) for profile_id in ids[130:]]
    cp_mock.reset_calls()

    serial = bulk(run_module, items, max_concurrency=1)
    pooled = bulk(run_module, items, max_concurrency=10)

    assert serial.get("failed") is not True and pooled.get("failed") is not True
    assert serial["profiles"] == pooled["profiles"]
    assert serial["summary"]["unchanged"] == 175
    assert sorted(operations(cp_mock)) == sorted((["BatchGetProfile"] * 3 + ["SearchProfiles"] * 3) * 2)


def test_values_limit_halves_the_chunk_and_goes_on(run_module, cp_client, cp_mock, domain):
    seed(cp_client, 40, FirstName="Ann")
    cp_mock.set_search_values_limit(12)
    cp_mock.reset_calls()

    result = bulk(run_module, accounts(40, first_name="Ann"))

    assert not result.failed, result
    assert result["summary"]["unchanged"] == 40
    searches = calls(cp_mock, "SearchProfiles")
    # 40 values: refused, 20 refused, 10 accepted, then 10-value chunks.
    assert [entry["status"] for entry in searches] == [400, 400, 200, 200, 200, 200]


# 3 items: one search; 130: three searches, run in the thread pool.
MISSING_DOMAIN_COUNTS = pytest.mark.parametrize("count", [3, 130])


@MISSING_DOMAIN_COUNTS
def test_present_in_a_missing_domain_fails_before_any_write(run_module, cp_mock, count):
    result = bulk(run_module, accounts(count), domain_name="no-such-domain")
    assert result.failed and "ResourceNotFoundException" in result["msg"]
    assert writes(cp_mock) == []


@MISSING_DOMAIN_COUNTS
def test_absent_in_a_missing_domain_is_not_an_error(run_module, cp_mock, count):
    result = bulk(run_module, accounts(count), domain_name="no-such-domain", state="absent")
    assert not result.failed and result["changed"] is False
    assert result["summary"]["absent"] == count


@MISSING_DOMAIN_COUNTS
def test_check_mode_in_a_missing_domain_predicts_creates(run_module, cp_mock, count):
    result = bulk(run_module, accounts(count), domain_name="no-such-domain", check_mode=True)
    assert not result.failed and result["changed"] is True
    assert result["summary"]["created"] == count
    assert writes(cp_mock) == []


# --- duplicates, validation ---------------------------------------------------------------


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_two_items_with_the_same_match_value_fail_before_any_call(run_module, cp_mock, domain, check_mode):
    # issue 20: they failed after one SearchProfiles call
    items = [dict(account_number="A-1"), dict(account_number="A-2"), dict(account_number="A-1", first_name="x")]
    items += [
        dict(email_address=SECRET, match_by="email_address"),
        dict(email_address=SECRET, match_by="email_address"),
    ]
    result = bulk(run_module, items, check_mode=check_mode)
    assert result.failed
    assert result["duplicate_items"] == [[0, 2], [3, 4]]
    assert "profiles[0], profiles[2]; profiles[3], profiles[4]" in result["msg"]
    assert "A-1" not in result["msg"] and SECRET not in result["msg"]
    assert operations(cp_mock) == []


def test_the_same_value_under_two_match_by_fields_is_two_profiles(run_module, cp_mock, domain):
    items = [
        dict(email_address="a@example.com", match_by="email_address"),
        dict(personal_email_address="a@example.com", match_by="personal_email_address"),
    ]
    result = bulk(run_module, items)
    assert not result.failed, result
    assert result["summary"]["created"] == 2


def test_id_and_match_resolving_to_one_profile_fail_before_any_write(run_module, cp_client, cp_mock, domain):
    (profile_id,) = seed(cp_client, 1)
    cp_mock.reset_calls()
    result = bulk(
        run_module, [dict(account_number="A-0000", first_name="a"), dict(profile_id=profile_id, first_name="b")]
    )
    assert result.failed and result["duplicate_items"] == [[0, 1]]
    assert writes(cp_mock) == []


VALIDATION = [
    # (items, option paths named, whether the value must not appear)
    ([dict(account_number="1"), dict(account_number="2", first_name=SECRET * 50)], ["profiles[1].first_name"], True),
    (
        [dict(account_number="1", address=dict(city=SECRET * 50)), dict(first_name="x")],
        ["profiles[0].address.city", "profiles[1]: the profile cannot be identified"],
        True,
    ),
    ([dict(account_number="1", attributes={"k": SECRET * 50})], ["profiles[0].attributes"], True),
    (
        [dict(account_number="1", engagement_preferences=dict(email=[{}]))],
        ["profiles[0].engagement_preferences.email[0]"],
        False,
    ),
    ([dict(profile_id=SECRET)], ["profiles[0].profile_id"], False),
    ([dict(account_number="1", gender="ROBOT" + SECRET)], ["profiles[0].gender"], True),
]


@pytest.mark.parametrize("items,paths,secret", VALIDATION, ids=[row[1][0] for row in VALIDATION])
def test_every_item_validated_before_any_call(run_module, cp_mock, domain, items, paths, secret):
    result = bulk(run_module, items)
    assert result.failed
    for path in paths:
        assert path in result["msg"]
    if secret:
        assert SECRET not in result["msg"]
    assert cp_mock.calls() == []


@pytest.mark.parametrize(
    "args,option",
    [
        (dict(max_concurrency=0), "max_concurrency"),
        (dict(rate_limit=0), "rate_limit"),
        (dict(domain_name="bad name!"), "domain_name"),
        (dict(match_by="first_name"), "match_by"),
    ],
)
def test_task_options_validated_before_any_call(run_module, cp_mock, domain, args, option):
    result = bulk(run_module, accounts(2), **args)
    assert result.failed and option in result["msg"]
    assert cp_mock.calls() == []


# --- partial failure, retries -------------------------------------------------------------


def test_a_failed_item_does_not_stop_the_others_and_a_rerun_converges(run_module, cp_mock, domain, no_retry_sleep):
    profiles = accounts(5, first_name="Ann")
    # One thread: the first create meets all 12 faults (every attempt of the retry policy) and fails.
    cp_mock.inject_fault("CreateProfile", "InternalServerException", count=12)

    result = bulk(run_module, profiles, max_concurrency=1)

    assert result.failed and result["changed"] is True
    statuses = [entry["status"] for entry in result["profiles"]]
    assert statuses == ["failed", "created", "created", "created", "created"]
    failed = result["profiles"][0]
    assert failed["error"]["code"] == "InternalServerException" and failed["profile_id"] is None
    assert (
        "profiles[0]" in result["msg"] and "InternalServerException" in result["msg"] and "A-0000" not in result["msg"]
    )
    assert result["summary"]["failed"] == 1 and result["summary"]["created"] == 4
    assert len(stored_profiles(cp_mock)) == 4
    cp_mock.reset_calls()

    rerun = bulk(run_module, profiles)

    assert not rerun.failed
    assert [entry["status"] for entry in rerun["profiles"]] == [
        "created",
        "unchanged",
        "unchanged",
        "unchanged",
        "unchanged",
    ]
    assert writes(cp_mock) == ["CreateProfile"]
    assert len(stored_profiles(cp_mock)) == 5


def test_throttled_writes_are_retried(run_module, cp_mock, domain, no_retry_sleep):
    cp_mock.inject_fault("CreateProfile", "ThrottlingException", count=6)
    result = bulk(run_module, accounts(20))
    assert not result.failed, result
    assert result["summary"]["created"] == 20
    assert len(calls(cp_mock, "CreateProfile")) == 26


def test_throttled_reads_in_the_pool_are_retried(run_module, cp_client, cp_mock, domain, no_retry_sleep):
    seed(cp_client, 130, FirstName="Ann")
    cp_mock.reset_calls()
    cp_mock.inject_fault("SearchProfiles", "ThrottlingException", count=4)

    result = bulk(run_module, accounts(130, first_name="Ann"))

    assert not result.failed, result
    assert result["summary"]["unchanged"] == 130 and result["changed"] is False
    statuses = [entry["status"] for entry in calls(cp_mock, "SearchProfiles")]
    assert sorted(statuses) == [200] * 3 + [429] * 4


def test_quota_mode_creates_without_a_throttle(run_module, cp_mock, domain):
    cp_mock.set_quota_mode(True)

    result = bulk(run_module, accounts(250))

    assert not result.failed and result["summary"]["created"] == 250
    assert [entry for entry in cp_mock.calls() if entry["status"] == 429] == []
    # How long it takes (250 writes at 95 a second) is measured by make bench's quota mode, not here.


def test_quota_mode_over_the_rate_is_ridden_out(run_module, cp_mock, domain):
    # A rate_limit above the quota: the throttled calls are retried (real backoff) until every item is created.
    cp_mock.set_quota_mode(True, rates={"CreateProfile": 20})

    result = bulk(run_module, accounts(40), rate_limit=1000, max_concurrency=10)

    assert not result.failed, result.get("msg")
    assert result["summary"]["created"] == 40
    assert len(stored_profiles(cp_mock)) == 40
    assert [entry for entry in calls(cp_mock, "CreateProfile") if entry["status"] == 429]


# --- check mode, diff -----------------------------------------------------------------------


def mixed(cp_client, cp_mock):
    seed(cp_client, 3, FirstName="Ann")
    cp_mock.reset_calls()
    return [
        dict(account_number="A-0000", first_name="Ann"),
        dict(account_number="A-0001", first_name="Bob"),
        dict(account_number="A-0009", first_name="New"),
    ]


def test_check_mode_predicts_every_item_and_writes_nothing(run_module, cp_client, cp_mock, domain):
    items = mixed(cp_client, cp_mock)
    before = stored_profiles(cp_mock)

    result = bulk(run_module, items, check_mode=True)

    assert result["changed"] is True
    assert [entry["status"] for entry in result["profiles"]] == ["unchanged", "updated", "created"]
    assert result["profiles"][2]["profile_id"] is None
    assert writes(cp_mock) == []
    assert stored_profiles(cp_mock) == before
    assert [entry["status"] for entry in bulk(run_module, items)["profiles"]] == ["unchanged", "updated", "created"]


def test_check_mode_absent_writes_nothing(run_module, cp_client, cp_mock, domain):
    seed(cp_client, 2)
    cp_mock.reset_calls()
    result = bulk(run_module, accounts(3), state="absent", check_mode=True)
    assert [entry["status"] for entry in result["profiles"]] == ["deleted", "deleted", "absent"]
    assert writes(cp_mock) == []
    assert len(stored_profiles(cp_mock)) == 2


@pytest.mark.parametrize("check_mode", [True, False])
def test_diff_lists_the_changed_items_only(run_module, cp_client, cp_mock, domain, check_mode):
    items = mixed(cp_client, cp_mock)

    result = bulk(run_module, items, check_mode=check_mode, diff=True)

    assert [entry["before_header"] for entry in result["diff"]] == ["profiles[1]", "profiles[2]"]
    update, create = result["diff"]
    assert update["before"]["first_name"] == "Ann" and update["after"]["first_name"] == "Bob"
    assert create["before"] == {} and create["after"]["first_name"] == "New"
    if not check_mode:
        assert create["after"]["profile_id"] == result["profiles"][2]["profile_id"]


def test_no_change_has_an_empty_diff(run_module, cp_client, cp_mock, domain):
    seed(cp_client, 2, FirstName="Ann")
    result = bulk(run_module, accounts(2, first_name="Ann"), diff=True)
    assert result["changed"] is False and result["diff"] == []


def test_empty_list_does_nothing(run_module, cp_mock, domain):
    result = bulk(run_module, [])
    assert result["changed"] is False and result["profiles"] == []
    assert cp_mock.calls() == []


# --- memory: what N items cost (docs/performance.md, "Memory") -------------------------------


@pytest.fixture
def planned_items(monkeypatch):
    """The resource's items as they are when the result is built (a list filled by each run)."""
    from ansible_collections.awscx.customerprofiles.plugins.module_utils.profiles import ProfilesResource

    seen = []
    result = ProfilesResource.result

    def capture(self, plan, outcome):
        seen.extend(self.items)
        return result(self, plan, outcome)

    monkeypatch.setattr(ProfilesResource, "result", capture)
    return seen


def test_check_mode_without_diff_holds_no_profile_per_item(run_module, cp_client, cp_mock, domain, planned_items):
    """Once planned, an item keeps neither the profile read, nor its predicted before and after, nor (in check mode)
    its requests; the result carries no field value (the invocation leaves the items out below -vvv)."""
    items = mixed(cp_client, cp_mock)

    result = bulk(run_module, items, check_mode=True)

    assert [entry["status"] for entry in result["profiles"]] == ["unchanged", "updated", "created"]
    assert result["changed"] is True
    for item in planned_items:
        assert item.current is None and item.calls == []
        assert item.before == {} and item.after == {}
    assert [item.current_id is not None for item in planned_items] == [True, True, False]
    assert set(result["profiles"][0]) == {"index", "profile_id", "status"}
    assert "profiles" not in result["invocation"]["module_args"]
    assert result["invocation"]["module_args"]["domain_name"] == DOMAIN
    text = json.dumps(result)
    assert not [value for item in items for value in item.values() if value in text]


def test_diff_mode_keeps_the_predictions_and_apply_the_calls(run_module, cp_client, cp_mock, domain, planned_items):
    items = mixed(cp_client, cp_mock)

    result = bulk(run_module, items, diff=True)

    assert [bool(item.calls) for item in planned_items] == [False, True, True]
    assert [item.after.get("first_name") for item in planned_items] == ["Ann", "Bob", "New"]
    assert len(result["diff"]) == 2 and len(writes(cp_mock)) == 2


def test_invocation_lists_the_items_as_given_at_vvv(run_module, cp_mock, domain):
    items = [dict(account_number="A-0001", first_name="Ann", address=dict(city="Paris")), dict(account_number="A-2")]

    result = bulk(run_module, items, check_mode=True, _ansible_verbosity=3)

    assert result["invocation"]["module_args"]["profiles"] == items
    assert result["invocation"]["module_args"]["domain_name"] == DOMAIN


@pytest.fixture
def read_items(monkeypatch):
    """The resource's items as the read leaves them for the plan: (item, its current profile) of each run."""
    from ansible_collections.awscx.customerprofiles.plugins.module_utils.profiles import ProfilesResource

    seen = []
    plan = ProfilesResource.plan

    def capture(self, current):
        seen.extend((item, item.current) for item in self.items)
        return plan(self, current)

    monkeypatch.setattr(ProfilesResource, "plan", capture)
    return seen


def test_each_item_holds_its_options_as_given_and_its_profile_without_how_it_was_found(
    run_module, cp_client, cp_mock, domain, read_items
):
    """An item's options are the item as given over one dict of the task's options shared by every item (no copy
    per item); the profile read for it lacks SearchProfiles' FoundByItems (nothing reads it)."""
    items = mixed(cp_client, cp_mock)
    items[2]["match_by"] = "account_number"

    result = bulk(run_module, items, check_mode=True, purge_attributes=True)

    assert [entry["status"] for entry in result["profiles"]] == ["unchanged", "updated", "created"]
    assert [item.params.maps[0] for item, _current in read_items] == items
    assert len(set(id(item.params.maps[1]) for item, _current in read_items)) == 1
    assert dict(read_items[0][0].params) == dict(
        items[0], match_by="account_number", purge_attributes=True, domain_name=DOMAIN, state="present"
    )
    profiles = [current for _item, current in read_items if current is not None]
    assert len(profiles) == 2 and not [profile for profile in profiles if "FoundByItems" in profile]
    assert all("ProfileId" in profile and "AccountNumber" in profile for profile in profiles)


@pytest.fixture
def argument_parses(monkeypatch):
    """The module arguments' JSON decodes of a run (a bulk module's N items each time): one a run."""
    parses = []
    decode = json.loads

    def loads(text, *args, **kwargs):
        head = text[:40] if isinstance(text, str) else text[:40].decode("utf-8", "replace")
        if "ANSIBLE_MODULE_ARGS" in head:
            parses.append(head)
        return decode(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", loads)
    return parses


def test_the_arguments_are_parsed_once(run_module, cp_client, cp_mock, domain, argument_parses):
    """The driver's read of the input as written (its shape check) is the arguments ansible-core validates: the
    list is not parsed a second time."""
    items = mixed(cp_client, cp_mock)

    result = bulk(run_module, items, check_mode=True, _ansible_verbosity=3)

    assert len(argument_parses) == 1
    assert [entry["status"] for entry in result["profiles"]] == ["unchanged", "updated", "created"]
    assert result["invocation"]["module_args"]["profiles"] == items
    # amazon.aws's module class is its own again once the module is built
    from ansible.module_utils.basic import AnsibleModule

    from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

    assert AnsibleAWSModule.default_settings["module_class"] is AnsibleModule


def test_input_refused_by_its_shape_is_parsed_once(run_module, cp_mock, domain, argument_parses):
    items = [dict(account_number="A-1", first_name=True), dict(account_number="A-2", first_name="Bob")]

    result = bulk(run_module, items)

    assert len(argument_parses) == 1
    assert result["failed"] is True and "profiles[0].first_name must be a string, not a boolean" in result["msg"]
    assert calls(cp_mock) == []


def test_no_target_syslog_leaves_out_only_the_invoked_with_line(run_module, cp_client, cp_mock, domain, monkeypatch):
    """ansible_no_target_syslog (docs/performance.md, "Memory"), which ansible-core sends as _ansible_no_log: the
    module builds no "Invoked with" line (N items as one string), and returns what it returns without it."""
    from ansible.module_utils.basic import AnsibleModule

    logged = []
    monkeypatch.setattr(AnsibleModule, "_log_invocation", lambda self: logged.append(self._name))
    items = mixed(cp_client, cp_mock)

    with_line = bulk(run_module, items, check_mode=True)
    assert len(logged) == 1
    without = bulk(run_module, items, check_mode=True, _ansible_no_log=True)

    assert len(logged) == 1
    # (ansible-core 2.17 and 2.18 keep deprecations process-wide: a second run in-process repeats the first's)
    assert dict(without, deprecations=None) == dict(with_line, deprecations=None)


def test_the_invoked_with_line_lists_each_item_as_given(run_module, cp_client, cp_mock, domain, monkeypatch):
    """ansible-core's "Invoked with" log line (the target's syslog or journal) is made of the items as given, not of
    ansible-core's validated copies, where every option an item leaves out is None (some 30 an item, 10 an
    address): at 50,000 items that string and its copies were the module's peak memory (docs/performance.md)."""
    from ansible.module_utils.basic import AnsibleModule

    logged = []
    monkeypatch.setattr(AnsibleModule, "log", lambda self, msg, log_args=None: logged.append(log_args or {}))
    items = mixed(cp_client, cp_mock)
    items[2]["address"] = dict(city="Paris")

    result = bulk(run_module, items, check_mode=True)

    assert [entry["status"] for entry in result["profiles"]] == ["unchanged", "updated", "created"]
    lines = [args for args in logged if "profiles" in args]
    assert len(lines) == 1
    assert lines[0]["profiles"] == str(items)


# --- 1,000 profiles end to end, over the emulator server --------------------------------------


def test_a_thousand_profiles_end_to_end(fresh_emulator_server, tmp_path):
    from playbook_runner import emulator_play
    from playbook_runner import run_playbook
    from playbook_runner import write_text

    server = fresh_emulator_server
    play = emulator_play(
        "1,000 profiles",
        """
        tasks:
          - name: Domain
            awscx.customerprofiles.customerprofiles_domain:
              domain_name: bulk-e2e
              default_expiration_days: 30
          - name: Profiles
            awscx.customerprofiles.customerprofiles_profiles:
              domain_name: bulk-e2e
              profiles: "{{ bulk_profiles }}"
            register: sync
          - name: Summary
            ansible.builtin.assert:
              that: sync.summary.failed == 0 and (sync.summary.created + sync.summary.unchanged) == 1000
        """,
    )
    path = write_text(tmp_path, "play.yml", play)
    extra_vars = {"emulator_url": server.url, "bulk_profiles": accounts(1000, first_name="Ann")}
    first = run_playbook(path, tmp_path, extra_vars=extra_vars)
    assert first.returncode == 0, first.output[-3000:]
    creates = len([entry for entry in server.calls() if entry["operation"] == "CreateProfile"])
    server.reset_calls()
    second = run_playbook(path, tmp_path, extra_vars=extra_vars)

    assert second.returncode == 0, second.output[-3000:]
    assert creates == 1000
    assert second.recap()["changed"] == 0
    assert writes(server) == []
    assert operations(server).count("SearchProfiles") == 20
    # Its time is make bench's (the bulk kinds), not a test's.

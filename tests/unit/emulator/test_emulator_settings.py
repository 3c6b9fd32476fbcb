# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Emulator settings, in-process: search-visibility lag, SearchProfiles values limit, quota mode."""

import time

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import NO_RETRY  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error
from emulator_test_helpers import make_client  # pylint: disable=import-error

import emulator
from emulator import state

LAG = 0.4


@pytest.fixture(autouse=True)
def clean_settings():
    state.reset_settings()
    yield
    state.reset_settings()


def _search(client, domain, key, values):
    return [
        item["ProfileId"] for item in client.search_profiles(DomainName=domain, KeyName=key, Values=values)["Items"]
    ]


def _batch_get(client, domain, profile_id):
    return client.batch_get_profile(DomainName=domain, ProfileIds=[profile_id])["Profiles"]


# search lag -----------------------------------------------------------------------
def test_lag_defaults_to_zero(client, domain):
    assert emulator.search_lag() == 0
    pid = client.create_profile(DomainName=domain, AccountNumber="A1")["ProfileId"]
    assert _search(client, domain, "_account", ["A1"]) == [pid]


def test_created_profile_reaches_search_after_the_lag(client, domain):
    emulator.set_search_lag(LAG)
    pid = client.create_profile(DomainName=domain, AccountNumber="A1")["ProfileId"]
    assert _search(client, domain, "_account", ["A1"]) == []
    assert _search(client, domain, "_profileId", [pid]) == []
    assert [p["ProfileId"] for p in _batch_get(client, domain, pid)] == [pid]  # BatchGetProfile: at once
    time.sleep(LAG + 0.1)
    assert _search(client, domain, "_account", ["A1"]) == [pid]


def test_update_reaches_search_after_the_lag(client, domain):
    pid = client.create_profile(DomainName=domain, AccountNumber="A1", FirstName="Ann")["ProfileId"]
    emulator.set_search_lag(LAG)
    client.update_profile(DomainName=domain, ProfileId=pid, AccountNumber="B2", FirstName="Anna")
    stale = client.search_profiles(DomainName=domain, KeyName="_account", Values=["A1"])["Items"]
    assert [(p["ProfileId"], p["AccountNumber"], p["FirstName"]) for p in stale] == [(pid, "A1", "Ann")]
    assert _search(client, domain, "_account", ["B2"]) == []
    assert _batch_get(client, domain, pid)[0]["FirstName"] == "Anna"
    time.sleep(LAG + 0.1)
    assert _search(client, domain, "_account", ["A1"]) == []
    fresh = client.search_profiles(DomainName=domain, KeyName="_account", Values=["B2"])["Items"]
    assert [(p["ProfileId"], p["FirstName"]) for p in fresh] == [(pid, "Anna")]


def test_delete_reaches_search_after_the_lag(client, domain):
    pid = client.create_profile(DomainName=domain, AccountNumber="A1")["ProfileId"]
    emulator.set_search_lag(LAG)
    client.delete_profile(DomainName=domain, ProfileId=pid)
    assert _search(client, domain, "_account", ["A1"]) == [pid]
    assert _batch_get(client, domain, pid) == []
    time.sleep(LAG + 0.1)
    assert _search(client, domain, "_account", ["A1"]) == []


def test_writes_apply_in_order_when_the_lag_is_lowered(client, domain):
    emulator.set_search_lag(LAG)
    pid = client.create_profile(DomainName=domain, AccountNumber="A1")["ProfileId"]
    emulator.set_search_lag(0)
    client.update_profile(DomainName=domain, ProfileId=pid, AccountNumber="B2")
    assert _search(client, domain, "_account", ["B2"]) == []  # waits behind the pending create
    time.sleep(LAG + 0.1)
    assert _search(client, domain, "_account", ["A1"]) == []
    assert _search(client, domain, "_account", ["B2"]) == [pid]


def test_reset_clears_the_lag(aws):  # pylint: disable=unused-argument
    emulator.set_search_lag(3)
    assert emulator.search_lag() == 3
    emulator.reset()
    assert emulator.search_lag() == 0


@pytest.mark.parametrize("bad", [-1, "2", None, True, float("nan")])
def test_lag_must_be_a_number(bad):
    with pytest.raises(ValueError):
        emulator.set_search_lag(bad)


# SearchProfiles values limit -----------------------------------------------------
def test_no_values_limit_by_default(client, domain):
    assert emulator.search_values_limit() is None
    pid = client.create_profile(DomainName=domain, AccountNumber="A0")["ProfileId"]
    assert _search(client, domain, "_account", ["A%d" % n for n in range(500)]) == [pid]


def test_values_limit(client, domain):
    pid = client.create_profile(DomainName=domain, AccountNumber="A0")["ProfileId"]
    emulator.set_search_values_limit(10)
    assert _search(client, domain, "_account", ["A%d" % n for n in range(10)]) == [pid]
    with pytest.raises(ClientError) as excinfo:
        _search(client, domain, "_account", ["A%d" % n for n in range(11)])
    status, code, message = error_of(excinfo)
    assert (status, code) == (400, "BadRequestException")
    assert "Values" in message and "'values'" in message and "less than or equal to 10" in message
    with pytest.raises(ClientError) as excinfo:
        client.search_profiles(
            DomainName=domain,
            KeyName="_account",
            Values=["A0"],
            AdditionalSearchKeys=[{"KeyName": "_email", "Values": ["x%d" % n for n in range(11)]}],
        )
    assert "Values" in error_of(excinfo)[2] and "'additionalSearchKeys.1.member.values'" in error_of(excinfo)[2]


def test_reset_clears_the_values_limit(aws):  # pylint: disable=unused-argument
    emulator.set_search_values_limit(5)
    emulator.reset()
    assert emulator.search_values_limit() is None


@pytest.mark.parametrize("bad", [0, -3, 2.5, "10", True])
def test_values_limit_must_be_a_positive_integer(bad):
    with pytest.raises(ValueError):
        emulator.set_search_values_limit(bad)


# quota mode ------------------------------------------------------------------------
def _throttled(call):
    """True when call answered 429 ThrottlingException, False when it succeeded."""
    try:
        call()
    except ClientError as exc:
        assert (exc.response["ResponseMetadata"]["HTTPStatusCode"], exc.response["Error"]["Code"]) == (
            429,
            "ThrottlingException",
        )
        return True
    return False


def test_quota_mode_off_by_default(client, domain):
    assert emulator.quota_mode() == {"enabled": False, "rates": {}}
    assert not any(
        _throttled(lambda: client.update_domain(DomainName=domain, DefaultExpirationDays=3)) for _n in range(5)
    )


def test_burst_over_the_documented_quota_is_throttled(client):
    emulator.set_quota_mode(True)
    assert state.quota_tps("CreateDomain") == 1  # the administrator guide's table
    results = [
        _throttled(lambda n=n: client.create_domain(DomainName="d%d" % n, DefaultExpirationDays=1)) for n in range(4)
    ]
    assert results == [False, True, True, True]
    assert [call["status"] for call in emulator.calls()] == [200, 429, 429, 429]
    assert emulator.calls()[-1]["error"] == "ThrottlingException"
    assert list(emulator.backend().domains) == ["d0"]


def test_paced_run_under_the_documented_quota_is_not_throttled(client, domain):
    emulator.set_quota_mode(True)
    assert state.quota_tps("UpdateDomain") == 1
    for days in (2, 3, 4):
        if days > 2:
            time.sleep(1.05)  # one token a second
        assert not _throttled(lambda d=days: client.update_domain(DomainName=domain, DefaultExpirationDays=d))
    assert client.get_domain(DomainName=domain)["DefaultExpirationDays"] == 4


@pytest.fixture
def frozen_clock(monkeypatch):
    """The quota buckets' clock stands still until the test moves it (now[0] += seconds): exact bursts on any machine."""
    now = [1000.0]
    monkeypatch.setattr(state, "clock", lambda: now[0])
    return now


def test_burst_over_100_tps_profile_writes(client, domain, frozen_clock):
    emulator.set_quota_mode(True)
    assert state.quota_tps("CreateProfile") == 100
    throttled = sum(_throttled(lambda: client.create_profile(DomainName=domain, FirstName="x")) for _n in range(300))
    assert throttled == 200  # the bucket holds one second's worth: 100 calls, then 429
    assert len(emulator.backend().domains[domain].profiles) == 100
    frozen_clock[0] += 0.5  # half a second refills 50 tokens
    throttled = sum(_throttled(lambda: client.create_profile(DomainName=domain, FirstName="x")) for _n in range(100))
    assert throttled == 50
    assert len(emulator.backend().domains[domain].profiles) == 150


def test_rate_overrides_and_paced_run(client, domain, frozen_clock):
    emulator.set_quota_mode(True, rates={"GetDomain": 20})
    assert emulator.quota_mode() == {"enabled": True, "rates": {"GetDomain": 20.0}}
    assert sum(_throttled(lambda: client.get_domain(DomainName=domain)) for _n in range(60)) == 40
    frozen_clock[0] += 1.0  # the bucket refills
    for _n in range(30):  # more calls than the bucket holds, paced at ~14 a second (under 20)
        assert not _throttled(lambda: client.get_domain(DomainName=domain))
        frozen_clock[0] += 0.07


def test_buckets_are_per_operation_and_per_region(aws):  # pylint: disable=unused-argument
    emulator.set_quota_mode(True)
    east, west = make_client(NO_RETRY, region="us-east-1"), make_client(NO_RETRY, region="us-west-2")
    assert not _throttled(lambda: east.create_domain(DomainName="a", DefaultExpirationDays=1))
    assert _throttled(lambda: east.create_domain(DomainName="b", DefaultExpirationDays=1))
    assert not _throttled(lambda: west.create_domain(DomainName="a", DefaultExpirationDays=1))
    assert not _throttled(lambda: east.update_domain(DomainName="a", DefaultExpirationDays=2))


def test_unlisted_operations_get_the_documented_choice():
    assert state.quota_tps("BatchGetProfile") == 100
    assert state.quota_tps("BatchPutProfileObject") == 100
    assert state.quota_tps("GetSegmentDefinition") == 5
    assert state.quota_tps("CreateSegmentDefinition") == 1


def test_reset_turns_quota_mode_off(aws):  # pylint: disable=unused-argument
    emulator.set_quota_mode(True, rates={"GetDomain": 2})
    emulator.reset()
    assert emulator.quota_mode() == {"enabled": False, "rates": {}}


@pytest.mark.parametrize(
    "enabled,rates", [("yes", None), (1, None), (True, {"GetDomain": 0}), (True, {"GetDomain": "5"}), (True, {"": 5})]
)
def test_quota_mode_arguments_are_checked(enabled, rates):
    with pytest.raises(ValueError):
        emulator.set_quota_mode(enabled, rates)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Throttling and 5xx answers on every operation each module calls are retried with a jittered,
bounded backoff; past the retry budget the task fails clearly, naming the operation and the code.

The sleeps of amazon.aws's retry loop are recorded instead of slept (fixture ``sleeps``).
"""

import pytest
from reliability_helpers import ATTEMPTS
from reliability_helpers import DELAY_BOUNDS
from reliability_helpers import DOMAIN

import call_log

# Bursts of 10 and 11 consecutive refusals (amazon.aws's own default rides out 9) are ridden out.
ERRORS = [("ThrottlingException", 10), ("InternalServerException", 11)]

ACCOUNT = "A-1"


def make_domain(client, **extra):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30, **extra)


def make_profile(client, **extra):
    make_domain(client)
    return client.create_profile(DomainName=DOMAIN, AccountNumber=ACCOUNT, FirstName="Ada", **extra)["ProfileId"]


def profiles(client):
    return client.search_profiles(DomainName=DOMAIN, KeyName="_account", Values=[ACCOUNT])["Items"]


def domain(client):
    return client.get_domain(DomainName=DOMAIN)


def domain_names(client):
    return [item["DomainName"] for item in client.list_domains()["Items"]]


# Each case: (id, module, operation faulted, setup(client) -> ctx, args(ctx), check(client, ctx, result), helper description)
CASES = [
    (
        "domain-GetDomain",
        "customerprofiles_domain",
        "GetDomain",
        make_domain,
        lambda ctx: dict(domain_name=DOMAIN, default_expiration_days=31),
        lambda client, ctx, result: domain(client)["DefaultExpirationDays"] == 31,
        "get domain",
    ),
    (
        "domain-CreateDomain",
        "customerprofiles_domain",
        "CreateDomain",
        lambda client: None,
        lambda ctx: dict(domain_name=DOMAIN, default_expiration_days=30, tags={"Env": "dev"}),
        lambda client, ctx, result: domain(client)["Tags"] == {"Env": "dev"} and domain_names(client) == [DOMAIN],
        "create domain",
    ),
    (
        "domain-UpdateDomain",
        "customerprofiles_domain",
        "UpdateDomain",
        lambda client: make_domain(client, Tags={"Env": "dev"}),
        lambda ctx: dict(domain_name=DOMAIN, default_expiration_days=60, tags={"Env": "prod", "Team": "crm"}),
        lambda client, ctx, result: (
            domain(client)["DefaultExpirationDays"] == 60 and domain(client)["Tags"] == {"Env": "prod", "Team": "crm"}
        ),
        "update domain",
    ),
    (
        "domain-UntagResource",
        "customerprofiles_domain",
        "UntagResource",
        lambda client: make_domain(client, Tags={"Keep": "1", "Drop": "2"}),
        lambda ctx: dict(domain_name=DOMAIN, tags={"Keep": "1"}, purge_tags=True),
        lambda client, ctx, result: domain(client)["Tags"] == {"Keep": "1"},
        "remove tags of domains/" + DOMAIN,
    ),
    (
        "domain-DeleteDomain",
        "customerprofiles_domain",
        "DeleteDomain",
        make_domain,
        lambda ctx: dict(domain_name=DOMAIN, state="absent"),
        lambda client, ctx, result: domain_names(client) == [],
        "delete domain",
    ),
    (
        "domain_info-ListDomains",
        "customerprofiles_domain_info",
        "ListDomains",
        make_domain,
        lambda ctx: dict(),
        lambda client, ctx, result: [d["domain_name"] for d in result["domains"]] == [DOMAIN],
        "list domains",
    ),
    (
        "domain_info-GetDomain",
        "customerprofiles_domain_info",
        "GetDomain",
        make_domain,
        lambda ctx: dict(domain_name=DOMAIN),
        lambda client, ctx, result: result["domains"][0]["default_expiration_days"] == 30,
        "get domain",
    ),
    (
        "profile-SearchProfiles",
        "customerprofiles_profile",
        "SearchProfiles",
        make_domain,
        lambda ctx: dict(domain_name=DOMAIN, account_number=ACCOUNT, first_name="Ada"),
        lambda client, ctx, result: [p["FirstName"] for p in profiles(client)] == ["Ada"],
        "search profiles",
    ),
    (
        "profile-CreateProfile",
        "customerprofiles_profile",
        "CreateProfile",
        make_domain,
        lambda ctx: dict(domain_name=DOMAIN, account_number=ACCOUNT, first_name="Ada"),
        lambda client, ctx, result: [p["ProfileId"] for p in profiles(client)] == [result["profile_id"]],
        "create profile",
    ),
    (
        "profile-UpdateProfile",
        "customerprofiles_profile",
        "UpdateProfile",
        make_profile,
        lambda ctx: dict(domain_name=DOMAIN, account_number=ACCOUNT, first_name="Grace"),
        lambda client, ctx, result: [(p["ProfileId"], p["FirstName"]) for p in profiles(client)] == [(ctx, "Grace")],
        "update profile",
    ),
    (
        "profile-DeleteProfile",
        "customerprofiles_profile",
        "DeleteProfile",
        make_profile,
        lambda ctx: dict(domain_name=DOMAIN, account_number=ACCOUNT, state="absent"),
        lambda client, ctx, result: profiles(client) == [],
        "delete profile",
    ),
    (
        "profile_info-BatchGetProfile",
        "customerprofiles_profile_info",
        "BatchGetProfile",
        make_profile,
        lambda ctx: dict(domain_name=DOMAIN, profile_id=[ctx]),
        lambda client, ctx, result: [p["profile_id"] for p in result["profiles"]] == [ctx],
        "get profiles",
    ),
    (
        "profile_info-SearchProfiles",
        "customerprofiles_profile_info",
        "SearchProfiles",
        make_profile,
        lambda ctx: dict(domain_name=DOMAIN, search=[dict(key_name="_account", values=[ACCOUNT])]),
        lambda client, ctx, result: [p["profile_id"] for p in result["profiles"]] == [ctx],
        "search profiles",
    ),
]

IDS = [case[0] for case in CASES]


@pytest.mark.parametrize("error, count", ERRORS, ids=[row[0] for row in ERRORS])
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_burst_is_retried_and_the_task_succeeds(run_module, cp_mock, cp_client, sleeps, case, error, count):
    module, operation, setup, make_args, check = case[1:6]
    ctx = setup(cp_client)
    cp_mock.reset_calls()
    cp_mock.inject_fault(operation, error, count=count)

    result = run_module(module, make_args(ctx))
    calls = call_log.calls(cp_mock, operation)

    assert not result.failed, result.get("msg")
    assert check(cp_client, ctx, result), result
    # the call log shows the burst: `count` refused attempts, then the one that went through
    # (a profile create then searches once more, waiting for the new profile: that call goes through too)
    assert [call["error"] for call in calls][: count + 1] == [error] * count + [None]
    assert all(call["status"] == 200 for call in calls[count:])
    # one sleep before each retry, each drawn from [0, bound] (bounds 0.5, 1, 2, 4, 8: exponential, then capped at 10)
    assert len(sleeps) == count
    assert all(0 <= delay <= bound for delay, bound in zip(sleeps, DELAY_BOUNDS))
    assert sleeps != DELAY_BOUNDS[:count]  # jittered, not the bare exponential sequence


# Past the budget, each operation once, the two error codes taking turns (both paths are the same code).
BEYOND = [(case, ERRORS[index % 2][0]) for index, case in enumerate(CASES)]


@pytest.mark.parametrize("case, error", BEYOND, ids=["{0}-{1}".format(case[0], error) for case, error in BEYOND])
def test_past_the_retry_budget_fails_clearly(run_module, cp_mock, cp_client, sleeps, case, error):
    module, operation, setup, make_args = case[1:5]
    description = case[6]
    ctx = setup(cp_client)
    cp_mock.reset_calls()
    cp_mock.inject_fault(operation, error, count=ATTEMPTS + 2)

    result = run_module(module, make_args(ctx))

    assert result.failed
    message = result["msg"]
    assert message.startswith("Failed to " + description), message
    assert operation in message and error in message
    assert "Traceback" not in message
    assert result["error"]["code"] == error
    assert "{0} attempts".format(ATTEMPTS) in message
    assert "reached max retries" not in message and "exception" not in result
    # exactly the budget: twelve attempts, eleven (bounded) sleeps, nothing after the failed operation
    calls = call_log.calls(cp_mock, operation)
    assert len(calls) == ATTEMPTS
    assert all(call["error"] == error for call in calls)
    assert len(sleeps) == ATTEMPTS - 1
    assert all(0 <= delay <= bound for delay, bound in zip(sleeps, DELAY_BOUNDS))
    assert cp_mock.calls()[-1]["operation"] == operation


def test_delays_are_random_between_runs(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    runs = []
    for _run in range(3):
        del sleeps[:]
        cp_mock.inject_fault("GetDomain", "ThrottlingException", count=ATTEMPTS)
        result = run_module("customerprofiles_domain_info", dict(domain_name=DOMAIN))
        assert result.failed
        runs.append(list(sleeps))
    assert all(len(run) == ATTEMPTS - 1 for run in runs)
    assert len(set(tuple(run) for run in runs)) == 3  # each run draws its own delays
    assert all(0 <= delay <= bound for run in runs for delay, bound in zip(run, DELAY_BOUNDS))


def test_a_non_retryable_error_is_not_retried(run_module, cp_mock, cp_client, sleeps):
    """A client error (here the service's BadRequestException on a profile in a missing domain) fails at once."""
    cp_mock.reset_calls()
    result = run_module("customerprofiles_profile", dict(domain_name="missing", account_number=ACCOUNT))
    assert result.failed
    assert "ResourceNotFoundException" in result["msg"]
    assert call_log.operations(cp_mock) == ["SearchProfiles"]
    assert sleeps == []


@pytest.mark.parametrize("error", ["AccessDeniedException", "BadRequestException"])
def test_an_injected_client_error_fails_at_once_naming_it(run_module, cp_mock, cp_client, sleeps, error):
    """An error that is not transient, injected on a write, fails that write at once: one attempt, no delay,
    the code and the attempt count in the message, nothing stored."""
    make_domain(cp_client)
    cp_mock.reset_calls()
    cp_mock.inject_fault("CreateProfile", error, count=1)
    result = run_module("customerprofiles_profile", dict(domain_name=DOMAIN, account_number=ACCOUNT))
    assert result.failed and result["changed"] is False
    assert "({0} from CreateProfile, 1 attempt)".format(error) in result["msg"]
    assert result["error"]["code"] == error and result["attempts"] == 1
    assert call_log.operations(cp_mock) == ["SearchProfiles", "CreateProfile"]
    assert sleeps == [] and profiles(cp_client) == []


def test_an_injected_client_error_fails_only_its_item_in_a_bulk_task(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.reset_calls()
    cp_mock.inject_fault("CreateProfile", "AccessDeniedException", count=1)
    items = [dict(account_number="B-%d" % index) for index in range(3)]
    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items, max_concurrency=1))
    assert result.failed and result["changed"] is True
    assert [entry["status"] for entry in result["profiles"]] == ["failed", "created", "created"]
    assert result["profiles"][0]["error"]["code"] == "AccessDeniedException"
    assert call_log.writes(cp_mock) == ["CreateProfile"] * 3
    assert sleeps == []


def test_tag_calls_ride_out_a_burst(run_module, cp_mock, cp_client, sleeps):
    """Tags of an existing domain change through TagResource, which is retried like every other call."""
    make_domain(cp_client, Tags={"Env": "dev"})
    cp_mock.reset_calls()
    cp_mock.inject_fault("TagResource", "ThrottlingException", count=10)
    result = run_module(
        "customerprofiles_domain", dict(domain_name=DOMAIN, tags={"Env": "prod", "New": "x"}, purge_tags=False)
    )
    assert not result.failed, result.get("msg")
    assert result["changed"] is True
    assert call_log.writes(cp_mock) == ["TagResource"] * 11
    assert domain(cp_client)["Tags"] == {"Env": "prod", "New": "x"}


def test_the_whole_budget_is_bounded_in_time():
    """At most 75.5 seconds of sleep in all before the last attempt (the sum of the bounds)."""
    assert len(DELAY_BOUNDS) == ATTEMPTS - 1
    assert sum(DELAY_BOUNDS) == 75.5

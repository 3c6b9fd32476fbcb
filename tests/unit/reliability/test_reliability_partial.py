# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A multi-step change that fails half-way fails clearly, and rerunning the same task converges."""

from reliability_helpers import ATTEMPTS
from reliability_helpers import DOMAIN

from call_log import writes

DOMAIN_ARGS = dict(
    domain_name=DOMAIN,
    default_expiration_days=90,
    dead_letter_queue_url="https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
    tags={"Keep": "1", "Changed": "new"},
    purge_tags=True,
)


def test_update_then_untag_failure_then_rerun_converges(run_module, cp_mock, cp_client, sleeps):
    cp_client.create_domain(
        DomainName=DOMAIN, DefaultExpirationDays=30, Tags={"Keep": "1", "Changed": "old", "Drop": "x"}
    )
    cp_mock.reset_calls()
    cp_mock.inject_fault("UntagResource", "ThrottlingException", count=ATTEMPTS + 5)

    failed = run_module("customerprofiles_domain", DOMAIN_ARGS)

    assert failed.failed
    assert failed["msg"].startswith("Failed to remove tags of domains/" + DOMAIN)
    # UpdateDomain and TagResource went through before UntagResource failed: the task reports the change
    assert failed["changed"] is True
    assert "UntagResource" in failed["msg"] and "ThrottlingException" in failed["msg"]
    assert "Traceback" not in failed["msg"]
    # the first step went through, the second did not: the domain is half-way
    half = cp_client.get_domain(DomainName=DOMAIN)
    assert half["DefaultExpirationDays"] == 90
    assert half["Tags"] == {"Keep": "1", "Changed": "new", "Drop": "x"}
    assert writes(cp_mock)[:2] == ["UpdateDomain", "TagResource"]

    cp_mock.clear_faults()
    cp_mock.reset_calls()
    rerun = run_module("customerprofiles_domain", DOMAIN_ARGS)

    assert not rerun.failed, rerun.get("msg")
    assert rerun["changed"] is True
    # only what was left is done: no second UpdateDomain or TagResource
    assert writes(cp_mock) == ["UntagResource"]
    final = cp_client.get_domain(DomainName=DOMAIN)
    assert final["Tags"] == {"Keep": "1", "Changed": "new"}
    assert final["DefaultExpirationDays"] == 90
    assert final["DeadLetterQueueUrl"] == DOMAIN_ARGS["dead_letter_queue_url"]
    assert rerun["domain"]["tags"] == {"Keep": "1", "Changed": "new"}

    cp_mock.reset_calls()
    third = run_module("customerprofiles_domain", DOMAIN_ARGS)
    assert third["changed"] is False
    assert writes(cp_mock) == []


def test_update_domain_failure_changes_nothing_and_rerun_applies_everything(run_module, cp_mock, cp_client, sleeps):
    cp_client.create_domain(
        DomainName=DOMAIN, DefaultExpirationDays=30, Tags={"Keep": "1", "Changed": "old", "Drop": "x"}
    )
    cp_mock.reset_calls()
    cp_mock.inject_fault("UpdateDomain", "InternalServerException", count=ATTEMPTS)

    failed = run_module("customerprofiles_domain", DOMAIN_ARGS)

    assert failed.failed
    assert failed["msg"].startswith("Failed to update domain")
    # the failure stopped the task before the tag removal
    assert writes(cp_mock) == ["UpdateDomain"] * ATTEMPTS
    assert cp_client.get_domain(DomainName=DOMAIN)["Tags"] == {"Keep": "1", "Changed": "old", "Drop": "x"}

    rerun = run_module("customerprofiles_domain", DOMAIN_ARGS)
    assert rerun["changed"] is True
    final = cp_client.get_domain(DomainName=DOMAIN)
    assert final["DefaultExpirationDays"] == 90
    assert final["Tags"] == {"Keep": "1", "Changed": "new"}


def test_failed_profile_create_then_rerun_creates_exactly_one(run_module, cp_mock, cp_client, sleeps):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    args = dict(domain_name=DOMAIN, account_number="A-1", first_name="Ada", address=dict(city="Paris"))
    cp_mock.inject_fault("CreateProfile", "InternalServerException", count=ATTEMPTS)

    failed = run_module("customerprofiles_profile", args)
    assert failed.failed
    assert failed["msg"].startswith("Failed to create profile")

    rerun = run_module("customerprofiles_profile", args)
    assert rerun["changed"] is True
    items = cp_client.search_profiles(DomainName=DOMAIN, KeyName="_account", Values=["A-1"])["Items"]
    assert [item["ProfileId"] for item in items] == [rerun["profile_id"]]
    assert items[0]["Address"] == {"City": "Paris"}


def test_failed_profile_update_keeps_the_stored_profile_and_rerun_applies(run_module, cp_mock, cp_client, sleeps):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    profile_id = cp_client.create_profile(
        DomainName=DOMAIN,
        AccountNumber="A-1",
        FirstName="Ada",
        LastName="Lovelace",
        Attributes={"tier": "gold", "SSN": "x"},
    )["ProfileId"]
    args = dict(domain_name=DOMAIN, account_number="A-1", first_name="Augusta", attributes={"tier": "platinum"})
    cp_mock.inject_fault("UpdateProfile", "ThrottlingException", count=ATTEMPTS)

    failed = run_module("customerprofiles_profile", args)
    assert failed.failed
    before = cp_client.search_profiles(DomainName=DOMAIN, KeyName="_profileId", Values=[profile_id])["Items"][0]
    assert before["FirstName"] == "Ada" and before["Attributes"] == {"tier": "gold", "SSN": "x"}

    rerun = run_module("customerprofiles_profile", args)
    assert rerun["changed"] is True and rerun["profile_id"] == profile_id
    after = cp_client.search_profiles(DomainName=DOMAIN, KeyName="_profileId", Values=[profile_id])["Items"][0]
    assert after["FirstName"] == "Augusta"
    assert after["LastName"] == "Lovelace"
    assert after["Attributes"] == {"tier": "platinum", "SSN": "x"}

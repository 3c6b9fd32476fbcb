# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Broken answers (issue 21): a truncated 200, a proxy's HTML 5xx, a service message quoting values of the
request, and how a bulk item's failure says how many attempts were made.

The emulator's fault injection gives each fault; the sleeps of the retry layer are recorded (fixture ``sleeps``).
"""

import json

import pytest
from reliability_helpers import ATTEMPTS
from reliability_helpers import DOMAIN

from call_log import calls
from call_log import operations
from call_log import writes

TRUNCATED = dict(kind="truncated")
PERSISTENT = dict(count=None)
ACCOUNTS = ["A-1", "A-2", "A-3"]
OBJECT_TYPE = "Order"
OBJECT_TYPE_ARGS = dict(
    domain_name=DOMAIN,
    object_type_name=OBJECT_TYPE,
    description="Orders",
    allow_profile_creation=True,
    fields=dict(
        OrderId=dict(source="_source.OrderId", content_type="STRING"),
        AccountNumber=dict(
            source="_source.Customer.AccountNumber", target="_profile.AccountNumber", content_type="STRING"
        ),
    ),
    keys=dict(
        OrderId=[dict(standard_identifiers=["UNIQUE"], field_names=["OrderId"])],
        AccountNumber=[dict(standard_identifiers=["PROFILE"], field_names=["AccountNumber"])],
    ),
)


def make_domain(client):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)


def stored(client, account):
    return client.search_profiles(DomainName=DOMAIN, KeyName="_account", Values=[account])["Items"]


def incomplete(operation, attempts=ATTEMPTS):
    """What a task that met an incomplete answer on every attempt says."""
    return "(IncompleteAnswer from {0}, {1} attempts)".format(operation, attempts)


def assert_incomplete_failure(result, operation, changed):
    assert result.failed
    assert "an incomplete answer from {0}".format(operation) in result["msg"], result["msg"]
    assert incomplete(operation) in result["msg"]
    assert result["error"]["code"] == "IncompleteAnswer" and result["attempts"] == ATTEMPTS
    assert "KeyError" not in result["msg"] and "exception" not in result
    assert result["changed"] is changed


def orders(count):
    return [{"OrderId": str(index), "Customer": {"AccountNumber": "A-%d" % index}} for index in range(count)]


@pytest.fixture
def object_type(run_module, cp_mock, cp_client):
    make_domain(cp_client)
    assert run_module("customerprofiles_object_type", OBJECT_TYPE_ARGS)["changed"] is True
    cp_mock.reset_calls()
    return OBJECT_TYPE


def ingest(run_module, objects):
    return run_module(
        "customerprofiles_profile_objects",
        dict(domain_name=DOMAIN, object_type_name=OBJECT_TYPE, objects=objects),
    )


# --- 21.1 a truncated answer ---------------------------------------------------------------------------------


def test_domain_create_with_a_truncated_answer_is_retried_and_succeeds(run_module, cp_mock, cp_client, sleeps):
    """The retried CreateDomain finds the domain the first one created: the module reads it and goes on."""
    cp_mock.inject_fault("CreateDomain", **TRUNCATED)
    args = dict(domain_name=DOMAIN, default_expiration_days=30, tags={"Env": "dev"})
    result = run_module("customerprofiles_domain", args)
    assert not result.failed, result
    assert result["changed"] is True
    domain = result["domain"]
    assert (domain["domain_name"], domain["default_expiration_days"], domain["tags"]) == (DOMAIN, 30, {"Env": "dev"})
    assert writes(cp_mock) == ["CreateDomain", "CreateDomain"] and len(sleeps) == 1
    assert [item["DomainName"] for item in cp_client.list_domains()["Items"]] == [DOMAIN]
    cp_mock.reset_calls()
    assert run_module("customerprofiles_domain", args)["changed"] is False
    assert writes(cp_mock) == []


def test_domain_with_every_answer_truncated_fails_naming_the_operation(run_module, cp_mock, sleeps):
    cp_mock.inject_fault("*", **dict(TRUNCATED, **PERSISTENT))
    result = run_module("customerprofiles_domain", dict(domain_name=DOMAIN, default_expiration_days=30))
    # CreateDomain was applied (its answer was a 200): changed; the read of the domain it created never completes
    assert_incomplete_failure(result, "GetDomain", changed=True)
    assert "UpdateDomain" not in operations(cp_mock)


def test_domain_update_with_truncated_answers_fails_naming_update_domain(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("UpdateDomain", **dict(TRUNCATED, **PERSISTENT))
    result = run_module("customerprofiles_domain", dict(domain_name=DOMAIN, default_expiration_days=31))
    assert_incomplete_failure(result, "UpdateDomain", changed=True)
    assert len(sleeps) == ATTEMPTS - 1
    assert cp_client.get_domain(DomainName=DOMAIN)["DefaultExpirationDays"] == 31  # each attempt was applied


def test_profile_create_with_a_truncated_answer_is_retried_and_succeeds(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.reset_calls()
    cp_mock.inject_fault("CreateProfile", **TRUNCATED)
    result = run_module("customerprofiles_profile", dict(domain_name=DOMAIN, account_number="A-1", first_name="Ada"))
    assert not result.failed, result
    assert result["changed"] is True
    assert result["profile"]["first_name"] == "Ada"
    assert result["profile_id"] in [item["ProfileId"] for item in stored(cp_client, "A-1")]
    assert calls(cp_mock, "CreateProfile")[0]["status"] == 200  # the truncated answer


def test_profile_update_with_truncated_answers_fails_naming_update_profile(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_client.create_profile(DomainName=DOMAIN, AccountNumber="A-1", FirstName="Ada")
    cp_mock.inject_fault("UpdateProfile", **dict(TRUNCATED, **PERSISTENT))
    result = run_module("customerprofiles_profile", dict(domain_name=DOMAIN, account_number="A-1", first_name="Eve"))
    assert_incomplete_failure(result, "UpdateProfile", changed=True)


def test_profile_search_with_truncated_answers_fails_and_creates_nothing(run_module, cp_mock, cp_client, sleeps):
    """A cut SearchProfiles answer once read as "no profile" made the module create a duplicate."""
    make_domain(cp_client)
    cp_client.create_profile(DomainName=DOMAIN, AccountNumber="A-1", FirstName="Ada")
    cp_mock.reset_calls()
    cp_mock.inject_fault("SearchProfiles", **dict(TRUNCATED, **PERSISTENT))
    result = run_module("customerprofiles_profile", dict(domain_name=DOMAIN, account_number="A-1", first_name="Ada"))
    assert_incomplete_failure(result, "SearchProfiles", changed=False)
    assert writes(cp_mock) == []


def test_profiles_create_with_a_truncated_answer_is_retried_and_succeeds(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("CreateProfile", **TRUNCATED)
    items = [dict(account_number=account, first_name="Ada") for account in ACCOUNTS]
    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items, max_concurrency=1))
    assert not result.failed, result
    assert result["changed"] is True
    for entry, account in zip(result["profiles"], ACCOUNTS):
        assert entry["status"] == "created"
        assert entry["profile_id"] in [item["ProfileId"] for item in stored(cp_client, account)]


def test_profiles_search_with_a_truncated_answer_is_retried(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    for account in ACCOUNTS:
        cp_client.create_profile(DomainName=DOMAIN, AccountNumber=account, FirstName="Ada")
    cp_mock.reset_calls()
    cp_mock.inject_fault("SearchProfiles", **TRUNCATED)
    items = [dict(account_number=account, first_name="Ada") for account in ACCOUNTS]
    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items))
    assert not result.failed, result
    assert result["changed"] is False and writes(cp_mock) == []  # no "not found, create" from an empty answer
    assert [entry["status"] for entry in result["profiles"]] == ["unchanged"] * 3


def test_profiles_with_truncated_update_answers_fail_per_item(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    for account in ACCOUNTS[:2]:
        cp_client.create_profile(DomainName=DOMAIN, AccountNumber=account, FirstName="Ada")
    cp_mock.inject_fault("UpdateProfile", **dict(TRUNCATED, **PERSISTENT))
    items = [dict(account_number=account, first_name="Eve") for account in ACCOUNTS]
    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items, max_concurrency=1))
    assert result.failed and result["changed"] is True
    assert "KeyError" not in result["msg"]
    assert [entry["status"] for entry in result["profiles"]] == ["failed", "failed", "created"]
    for entry in result["profiles"][:2]:
        assert "an incomplete answer from UpdateProfile" in entry["msg"] and incomplete("UpdateProfile") in entry["msg"]
        assert entry["error"]["code"] == "IncompleteAnswer"


def test_object_type_put_with_a_truncated_answer_is_retried_and_succeeds(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("PutProfileObjectType", **TRUNCATED)
    result = run_module("customerprofiles_object_type", OBJECT_TYPE_ARGS)
    assert not result.failed, result
    assert result["changed"] is True
    assert result["object_type"]["object_type_name"] == OBJECT_TYPE
    assert sorted(result["object_type"]["keys"]) == ["AccountNumber", "OrderId"]
    assert writes(cp_mock)[-2:] == ["PutProfileObjectType", "PutProfileObjectType"]


def test_object_type_put_with_truncated_answers_fails_naming_it(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("PutProfileObjectType", **dict(TRUNCATED, **PERSISTENT))
    result = run_module("customerprofiles_object_type", OBJECT_TYPE_ARGS)
    assert_incomplete_failure(result, "PutProfileObjectType", changed=True)


@pytest.mark.parametrize("operation", ["GetProfileObjectType", "BatchPutProfileObject"])
def test_profile_objects_with_a_truncated_answer_are_retried_and_succeed(
    run_module, cp_mock, cp_client, object_type, sleeps, operation
):
    cp_mock.inject_fault(operation, **TRUNCATED)
    result = ingest(run_module, orders(3))
    assert not result.failed, result
    assert [entry["status"] for entry in result["objects"]] == ["created"] * 3
    assert all(entry["unique_key"] for entry in result["objects"])
    cp_mock.reset_calls()
    assert ingest(run_module, orders(3))["changed"] is False and writes(cp_mock) == []


def test_profile_objects_rerun_with_a_truncated_search_is_retried_and_sends_nothing(
    run_module, cp_mock, object_type, sleeps
):
    """A cut SearchProfiles answer once read as "no profile": every stored object was sent again as created."""
    assert ingest(run_module, orders(3))["changed"] is True
    cp_mock.reset_calls()
    cp_mock.inject_fault("SearchProfiles", **TRUNCATED)
    result = ingest(run_module, orders(3))
    assert not result.failed, result
    assert [entry["status"] for entry in result["objects"]] == ["unchanged"] * 3
    assert writes(cp_mock) == [] and len(sleeps) == 1


def test_profile_objects_with_a_truncated_object_type_fail_naming_the_operation(
    run_module, cp_mock, object_type, sleeps
):
    cp_mock.inject_fault("GetProfileObjectType", **dict(TRUNCATED, **PERSISTENT))
    result = ingest(run_module, orders(2))
    assert_incomplete_failure(result, "GetProfileObjectType", changed=False)
    assert "UNIQUE" not in result["msg"] and writes(cp_mock) == []


# --- 21.2 a proxy's HTML 5xx ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [502, 503, 504])
def test_an_html_5xx_is_retried(run_module, cp_mock, cp_client, sleeps, status):
    make_domain(cp_client)
    cp_mock.reset_calls()
    cp_mock.inject_fault("GetDomain", kind="html", status=status, count=3)
    result = run_module("customerprofiles_domain_info", dict(domain_name=DOMAIN))
    assert not result.failed, result
    assert [domain["domain_name"] for domain in result["domains"]] == [DOMAIN]
    assert [entry["status"] for entry in calls(cp_mock)] == [status] * 3 + [200]
    assert len(sleeps) == 3


def test_an_html_5xx_on_writes_is_retried_in_both_kinds_of_module(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("CreateProfile", kind="html", status=503, count=2)
    result = run_module("customerprofiles_profile", dict(domain_name=DOMAIN, account_number="A-1"))
    assert not result.failed, result
    cp_mock.inject_fault("CreateProfile", kind="html", status=502, count=2)
    items = [dict(account_number=account) for account in ACCOUNTS[1:]]
    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items, max_concurrency=1))
    assert not result.failed, result
    assert [len(stored(cp_client, account)) for account in ACCOUNTS] == [1, 1, 1]


def test_html_5xx_past_the_budget_fails_naming_the_status(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("GetDomain", kind="html", status=502, count=None)
    result = run_module("customerprofiles_domain_info", dict(domain_name=DOMAIN))
    assert result.failed
    assert "Bad Gateway (502 from GetDomain, {0} attempts)".format(ATTEMPTS) in result["msg"]
    assert "<html>" not in result["msg"] and len(sleeps) == ATTEMPTS - 1


# --- 21.5 service messages that quote values ----------------------------------------------------------------

EMAIL = "jane.doe@example.com"
CITY = "Gotham-9"
VALIDATION = (
    "1 validation error detected: Value '{EmailAddress}' at 'emailAddress' failed to satisfy constraint; "
    "'{Address.City}' and '{Attributes.tier}' too; domain {DomainName}"
)


def assert_no_value(result, *values):
    """No value anywhere in the result (but the module's arguments, which ansible-core returns as given)."""
    text = json.dumps(dict((key, value) for key, value in result.items() if key != "invocation"))
    for value in values:
        assert value not in text, text


def test_a_service_message_loses_the_values_of_the_request(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("CreateProfile", error="BadRequestException", message=VALIDATION)
    args = dict(domain_name=DOMAIN, account_number="A-1", email_address=EMAIL, address=dict(city=CITY))
    result = run_module("customerprofiles_profile", dict(args, attributes=dict(tier="7")))
    assert result.failed
    assert "Value '<value>' at 'emailAddress' failed to satisfy constraint" in result["msg"]
    assert "domain {0}".format(DOMAIN) in result["msg"]  # names are kept
    assert_no_value(result, EMAIL, CITY, "'7'")


def test_a_search_message_loses_the_values_searched(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("SearchProfiles", error="BadRequestException", message="No match for '{Values.0}'")
    result = run_module(
        "customerprofiles_profile_info", dict(domain_name=DOMAIN, search=[dict(key_name="_email", values=[EMAIL])])
    )
    assert result.failed and "No match for '<value>'" in result["msg"]
    assert_no_value(result, EMAIL)


def test_bulk_item_messages_lose_the_values_of_the_request(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("CreateProfile", error="BadRequestException", message=VALIDATION, count=None)
    items = [
        dict(account_number=account, email_address=account + EMAIL, address=dict(city=CITY)) for account in ACCOUNTS
    ]
    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items))
    assert result.failed
    assert [entry["status"] for entry in result["profiles"]] == ["failed"] * 3
    assert all("Value '<value>' at 'emailAddress'" in entry["msg"] for entry in result["profiles"])
    assert_no_value(result, EMAIL, CITY)


def test_profile_object_messages_lose_the_values_of_the_objects(run_module, cp_mock, object_type, sleeps):
    cp_mock.inject_fault(
        "BatchPutProfileObject",
        error="BadRequestException",
        message="Value '{Items.1.Object.Customer.AccountNumber}' of object type {ObjectTypeName} is invalid",
    )
    result = ingest(run_module, orders(3))
    assert result.failed
    for entry in result["objects"]:
        assert entry["status"] == "failed"
        assert "Value '<value>' of object type Order is invalid" in entry["msg"]
    assert_no_value(result, "A-1")


def test_per_object_failures_in_a_batch_lose_the_values_of_the_objects(
    run_module, cp_mock, object_type, sleeps, monkeypatch
):
    """BatchPutProfileObject answers 200 with a Failed item whose message quotes a value of its object."""
    from emulator import objects  # pylint: disable=import-outside-toplevel

    ingest_one = objects.ObjectsBackendMixin._ingest  # pylint: disable=protected-access

    def reject_the_second(self, domain, object_type_, text):
        document = json.loads(text)
        if document["OrderId"] == "1":
            raise objects.Rejected(400, "Value '%s' is not allowed" % document["Customer"]["AccountNumber"])
        return ingest_one(self, domain, object_type_, text)

    monkeypatch.setattr(objects.ObjectsBackendMixin, "_ingest", reject_the_second)
    result = ingest(run_module, orders(3))
    assert result.failed
    assert [entry["status"] for entry in result["objects"]] == ["created", "failed", "created"]
    assert "Value '<value>' is not allowed" in result["objects"][1]["msg"]
    assert_no_value(result, "A-1")


# --- 21.8 per-item messages say how many attempts were made -------------------------------------------------


def test_bulk_item_messages_say_how_many_attempts_were_made(run_module, cp_mock, cp_client, sleeps):
    make_domain(cp_client)
    cp_mock.inject_fault("CreateProfile", error="InternalServerException", count=ATTEMPTS)
    items = [dict(account_number=account) for account in ACCOUNTS]
    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items, max_concurrency=1))
    assert result.failed
    entry = result["profiles"][0]
    assert entry["status"] == "failed"
    expected = "Internal server error (injected fault) (InternalServerException from CreateProfile, {0} attempts)"
    assert entry["msg"] == expected.format(ATTEMPTS)
    assert entry["error"] == dict(code="InternalServerException", message="Internal server error (injected fault)")
    assert "profiles[0]: " + entry["msg"] in result["msg"]
    # an error that is not retried: one attempt
    cp_mock.inject_fault("CreateProfile", error="AccessDeniedException")
    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items[:1]))
    assert result["profiles"][0]["msg"].endswith("(AccessDeniedException from CreateProfile, 1 attempt)")


# --- a storm of every kind of transient fault ---------------------------------------------------------------


def test_a_storm_of_mixed_faults_is_ridden_out(run_module, cp_mock, cp_client, sleeps):
    """30% throttling, 5% HTML 503 and 5% truncated reads on the bulk sync's operations (seeded rates): every
    item ends as it should and a rerun changes nothing."""
    make_domain(cp_client)
    accounts = ["S-%03d" % index for index in range(60)]
    for account in accounts[:20]:
        cp_client.create_profile(DomainName=DOMAIN, AccountNumber=account, FirstName="Old")
    cp_mock.reset_calls()
    for operation in ("SearchProfiles", "CreateProfile", "UpdateProfile"):
        cp_mock.inject_fault(operation, rate=0.3, seed=1)
        cp_mock.inject_fault(operation, kind="html", status=503, rate=0.05, seed=2)
    cp_mock.inject_fault("SearchProfiles", kind="truncated", rate=0.05, seed=3)
    items = [dict(account_number=account, first_name="New") for account in accounts]
    result = run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items))
    assert not result.failed, result
    assert result["summary"]["created"] == 40 and result["summary"]["updated"] == 20
    refused = [entry for entry in calls(cp_mock) if entry["status"] != 200]
    assert len(refused) >= 10 and set(entry["status"] for entry in refused) == {429, 503}
    cp_mock.clear_faults()
    assert [len(stored(cp_client, account)) for account in accounts] == [1] * 60
    assert run_module("customerprofiles_profiles", dict(domain_name=DOMAIN, profiles=items))["changed"] is False

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_profile against the in-process emulator: results, what the service holds, API calls."""

import copy
import json

import pytest

from call_log import calls
from call_log import entries
from call_log import operations
from call_log import writes

MODULE = "customerprofiles_profile"
DOMAIN = "profiles-domain"

ADDRESS_KEYS = (
    "address_1",
    "address_2",
    "address_3",
    "address_4",
    "city",
    "country",
    "county",
    "postal_code",
    "province",
    "state",
)
ADDRESS_FIELDS = ("address", "billing_address", "mailing_address", "shipping_address")
STRING_FIELDS = (
    "account_number",
    "additional_information",
    "birth_date",
    "business_email_address",
    "business_name",
    "business_phone_number",
    "email_address",
    "first_name",
    "gender_string",
    "home_phone_number",
    "last_name",
    "middle_name",
    "mobile_phone_number",
    "party_type_string",
    "personal_email_address",
    "phone_number",
)


def address(tag):
    return dict((key, "{0} {1}".format(tag, key)) for key in ADDRESS_KEYS)


def full_profile(tag):
    """Every field of the module set, values derived from ``tag`` (Terraform's acceptance test pattern)."""
    fields = dict((name, "{0}-{1}".format(tag, name)) for name in STRING_FIELDS)
    for name in ADDRESS_FIELDS:
        fields[name] = address("{0}-{1}".format(tag, name))
    fields["attributes"] = {"SSN": tag + "-ssn", "Address1": tag + "-attr", "loyalty_tier": tag + "-tier"}
    fields["gender"] = "FEMALE" if tag == "one" else "MALE"
    fields["party_type"] = "INDIVIDUAL" if tag == "one" else "BUSINESS"
    fields["profile_type"] = "PROFILE" if tag == "one" else "ACCOUNT_PROFILE"
    fields["engagement_preferences"] = {
        "phone": [{"key_name": "_phone", "key_value": tag + "-phone", "contact_type": "PhoneNumber"}],
        "email": [{"key_name": "_email", "key_value": tag + "-email", "contact_type": "EmailAddress"}],
    }
    return fields


FULL = full_profile("one")
CHANGED = full_profile("two")


@pytest.fixture
def domain(cp_client, cp_mock):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    cp_mock.reset_calls()
    return DOMAIN


def run(run_module, check_mode=False, diff=False, **args):
    args.setdefault("domain_name", DOMAIN)
    return run_module(MODULE, args, check_mode=check_mode, diff=diff)


def stored(cp_client, profile_id):
    """The profile as the emulator holds it (API shape, without FoundByItems), or None."""
    items = cp_client.search_profiles(DomainName=DOMAIN, KeyName="_profileId", Values=[profile_id])["Items"]
    for item in items:
        item.pop("FoundByItems", None)
    return items[0] if items else None


def all_stored(cp_client):
    """Every profile id in the domain (searched through the full name key no test uses: _profileId per id is not possible)."""
    backend_profiles = __import__("emulator").backend().get_domain_object(DOMAIN).profiles
    return dict((profile_id, copy.deepcopy(profile)) for profile_id, profile in backend_profiles.items())


def create(run_module, cp_mock, **fields):
    result = run(run_module, **fields)
    assert result["changed"] is True, result
    cp_mock.reset_calls()
    return result["profile_id"]


def api_form(fields):
    """What the service should hold for module-form fields (CamelCase, attribute keys verbatim)."""
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
    from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import VERBATIM

    return to_api(fields, VERBATIM)


# --- create / update / no-op ------------------------------------------------------------


def test_create_with_every_field(run_module, cp_mock, cp_client, domain):
    result = run(run_module, **FULL)

    assert result["changed"] is True
    profile_id = result["profile_id"]
    assert len(profile_id) == 32
    assert result["profile"] == dict(FULL, profile_id=profile_id)
    assert result["profile"]["address"]["address_1"] == "one-address address_1"
    assert result["profile"]["attributes"]["SSN"] == "one-ssn"
    # the identity search, the create, then the wait: one search that finds the new profile
    assert operations(cp_mock) == ["SearchProfiles", "CreateProfile", "SearchProfiles"]
    assert stored(cp_client, profile_id) == dict(api_form(FULL), ProfileId=profile_id)


def test_second_identical_run_reads_once_and_writes_nothing(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, **FULL)

    result = run(run_module, **FULL)

    assert result["changed"] is False
    assert result["profile_id"] == profile_id
    assert result["profile"] == dict(FULL, profile_id=profile_id)
    assert entries(cp_mock) == [
        ("SearchProfiles", "read", 200, None, ["DomainName", "KeyName", "MaxResults", "Values"])
    ]


def test_returned_profile_fed_back_as_options_changes_nothing(run_module, cp_mock, cp_client, domain):
    created = run(run_module, **FULL)
    cp_mock.reset_calls()

    result = run(run_module, **created["profile"])

    assert result["changed"] is False
    assert writes(cp_mock) == []


def test_change_every_value_at_once(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, **FULL)

    result = run(run_module, profile_id=profile_id, **CHANGED)

    assert result["changed"] is True
    assert result["profile"] == dict(CHANGED, profile_id=profile_id)
    assert operations(cp_mock) == ["SearchProfiles", "UpdateProfile"]
    # attribute keys of FULL and CHANGED are the same, so nothing else is left over
    assert stored(cp_client, profile_id) == dict(api_form(CHANGED), ProfileId=profile_id)


@pytest.mark.parametrize("field", sorted(FULL))
def test_change_one_field_leaves_the_others(run_module, cp_mock, cp_client, domain, field):
    profile_id = create(run_module, cp_mock, **FULL)

    result = run(run_module, profile_id=profile_id, **{field: CHANGED[field]})

    expected = dict(FULL, profile_id=profile_id)
    expected[field] = CHANGED[field]
    assert result["changed"] is True
    assert result["profile"] == expected
    assert operations(cp_mock) == ["SearchProfiles", "UpdateProfile"]
    assert stored(cp_client, profile_id) == dict(api_form(expected), ProfileId=profile_id)

    cp_mock.reset_calls()
    again = run(run_module, profile_id=profile_id, **{field: CHANGED[field]})
    assert again["changed"] is False
    assert operations(cp_mock) == ["SearchProfiles"]


def test_update_sends_only_the_changed_fields(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, **FULL)
    cp_mock.reset_calls()

    run(
        run_module,
        profile_id=profile_id,
        first_name="new",
        address={"city": "new city"},
        attributes={"SSN": "new"},
        last_name=FULL["last_name"],
    )

    # the call log has the request's member names: the unchanged last name is not sent
    assert [call["members"] for call in calls(cp_mock, "UpdateProfile")] == [
        ["Address", "Attributes", "DomainName", "FirstName", "ProfileId"]
    ]


# --- check mode and diff ----------------------------------------------------------------


def test_check_mode_create_writes_nothing_and_predicts(run_module, cp_mock, cp_client, domain):
    result = run(run_module, check_mode=True, **FULL)

    assert result["changed"] is True
    assert result["profile_id"] is None
    assert result["profile"] == FULL
    assert writes(cp_mock) == []
    assert all_stored(cp_client) == {}


def test_check_mode_update_writes_nothing_and_predicts(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, **FULL)

    result = run(run_module, check_mode=True, profile_id=profile_id, first_name="", address={"city": "Elsewhere"})

    expected = dict(copy.deepcopy(FULL), profile_id=profile_id)
    del expected["first_name"]
    expected["address"]["city"] = "Elsewhere"
    assert result["changed"] is True
    assert result["profile"] == expected
    assert operations(cp_mock) == ["SearchProfiles"]
    assert stored(cp_client, profile_id) == dict(api_form(FULL), ProfileId=profile_id)


def test_check_mode_delete_writes_nothing(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, **FULL)

    result = run(run_module, check_mode=True, profile_id=profile_id, state="absent")

    assert result["changed"] is True
    assert result["profile"] == {}
    assert writes(cp_mock) == []
    assert stored(cp_client, profile_id) is not None


def test_diff_gives_before_and_after(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, account_number="A-1", first_name="Jane")

    result = run(run_module, diff=True, account_number="A-1", first_name="Janet", last_name="Doe")

    assert result["diff"] == {
        "before": {"profile_id": profile_id, "account_number": "A-1", "first_name": "Jane"},
        "after": {"profile_id": profile_id, "account_number": "A-1", "first_name": "Janet", "last_name": "Doe"},
    }


def test_diff_on_create_and_delete(run_module, cp_mock, cp_client, domain):
    created = run(run_module, diff=True, account_number="A-1")
    assert created["diff"] == {"before": {}, "after": {"account_number": "A-1", "profile_id": created["profile_id"]}}

    deleted = run(run_module, diff=True, account_number="A-1", state="absent")
    assert deleted["diff"] == {"before": {"account_number": "A-1", "profile_id": created["profile_id"]}, "after": {}}


# --- merge / clear / purge --------------------------------------------------------------


@pytest.mark.parametrize("field", [name for name in STRING_FIELDS if name != "account_number"])
def test_empty_string_clears_a_field_and_omission_keeps_it(run_module, cp_mock, cp_client, domain, field):
    profile_id = create(run_module, cp_mock, **FULL)

    result = run(run_module, account_number=FULL["account_number"], **{field: ""})

    assert result["changed"] is True
    assert field not in result["profile"]
    held = stored(cp_client, profile_id)
    assert api_form({field: "x"}).popitem()[0] not in held
    expected = dict(FULL, profile_id=profile_id)
    del expected[field]
    assert held == dict(api_form(expected), ProfileId=profile_id)

    cp_mock.reset_calls()
    assert run(run_module, account_number=FULL["account_number"], **{field: ""})["changed"] is False
    assert writes(cp_mock) == []


@pytest.mark.parametrize("block", ADDRESS_FIELDS)
def test_address_merged_key_by_key(run_module, cp_mock, cp_client, domain, block):
    profile_id = create(
        run_module,
        cp_mock,
        account_number="A-1",
        **{block: {"address_1": "1 Main St", "city": "Seattle", "state": "WA"}},
    )

    result = run(run_module, account_number="A-1", **{block: {"city": "Tacoma", "state": "", "postal_code": "98401"}})

    expected = {"address_1": "1 Main St", "city": "Tacoma", "postal_code": "98401"}
    assert result["profile"][block] == expected
    assert stored(cp_client, profile_id)[api_form({block: {}}).popitem()[0]] == api_form(expected)


def test_clearing_every_key_of_an_address_removes_the_block(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, account_number="A-1", address={"city": "Seattle"}, first_name="J")

    result = run(run_module, account_number="A-1", address={"city": ""})

    assert "address" not in result["profile"]
    assert "Address" not in stored(cp_client, profile_id)
    cp_mock.reset_calls()
    assert run(run_module, account_number="A-1", address={"city": ""})["changed"] is False


def test_attributes_merged_and_cleared_by_key(run_module, cp_mock, cp_client, domain):
    profile_id = create(
        run_module, cp_mock, account_number="A-1", attributes={"SSN": "1", "tier": "gold", "color": "red"}
    )

    result = run(run_module, account_number="A-1", attributes={"tier": "silver", "color": "", "new": "x"})

    assert result["profile"]["attributes"] == {"SSN": "1", "tier": "silver", "new": "x"}
    assert stored(cp_client, profile_id)["Attributes"] == {"SSN": "1", "tier": "silver", "new": "x"}


def test_purge_attributes_removes_keys_not_given(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, account_number="A-1", attributes={"SSN": "1", "tier": "gold"})

    result = run(run_module, account_number="A-1", attributes={"tier": "gold"}, purge_attributes=True)

    assert result["changed"] is True
    assert result["profile"]["attributes"] == {"tier": "gold"}
    assert stored(cp_client, profile_id)["Attributes"] == {"tier": "gold"}
    cp_mock.reset_calls()
    assert run(run_module, account_number="A-1", attributes={"tier": "gold"}, purge_attributes=True)["changed"] is False
    assert writes(cp_mock) == []


def test_purge_attributes_without_attributes_leaves_them(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, account_number="A-1", attributes={"SSN": "1"})

    result = run(run_module, account_number="A-1", purge_attributes=True)

    assert result["changed"] is False
    assert stored(cp_client, profile_id)["Attributes"] == {"SSN": "1"}


def test_purge_with_empty_attributes_removes_them_all(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, account_number="A-1", attributes={"SSN": "1", "b": "2"})

    result = run(run_module, account_number="A-1", attributes={}, purge_attributes=True)

    assert "attributes" not in result["profile"]
    assert "Attributes" not in stored(cp_client, profile_id)


def test_numeric_attribute_values_are_sent_as_strings(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, account_number="A-1", attributes={"age": 42})

    assert stored(cp_client, profile_id)["Attributes"] == {"age": "42"}
    assert run(run_module, account_number="A-1", attributes={"age": 42})["changed"] is False


def test_engagement_preferences_list_replaced_other_kept(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, **FULL)
    phone = [{"key_name": "_phone", "key_value": "new", "contact_type": "MobilePhoneNumber", "profile_id": profile_id}]

    result = run(run_module, profile_id=profile_id, engagement_preferences={"phone": phone})

    expected = {"phone": phone, "email": FULL["engagement_preferences"]["email"]}
    assert result["profile"]["engagement_preferences"] == expected
    assert stored(cp_client, profile_id)["EngagementPreferences"] == api_form(expected)
    cp_mock.reset_calls()
    assert run(run_module, profile_id=profile_id, engagement_preferences={"phone": phone})["changed"] is False
    assert writes(cp_mock) == []


def test_empty_string_on_create_means_no_value(run_module, cp_mock, cp_client, domain):
    result = run(
        run_module, account_number="A-1", first_name="", address={"city": "", "country": "US"}, attributes={"a": ""}
    )

    assert result["profile"] == {
        "profile_id": result["profile_id"],
        "account_number": "A-1",
        "address": {"country": "US"},
    }
    assert stored(cp_client, result["profile_id"]) == {
        "ProfileId": result["profile_id"],
        "AccountNumber": "A-1",
        "Address": {"Country": "US"},
    }


# --- identity ---------------------------------------------------------------------------


def test_profile_id_identifies_the_profile(run_module, cp_mock, cp_client, domain):
    profile_id = cp_client.create_profile(DomainName=DOMAIN, AccountNumber="A-1")["ProfileId"]

    result = run(run_module, profile_id=profile_id, account_number="A-2")

    assert result["profile_id"] == profile_id
    assert stored(cp_client, profile_id)["AccountNumber"] == "A-2"
    assert len(all_stored(cp_client)) == 1


def test_unknown_profile_id_fails_without_writing(run_module, cp_mock, cp_client, domain):
    result = run(run_module, profile_id="0" * 32, first_name="Jane")

    assert result.failed
    assert "0" * 32 in result["msg"] and "assigned by the service" in result["msg"]
    assert writes(cp_mock) == []
    assert all_stored(cp_client) == {}


def test_match_by_account_number_creates_then_updates(run_module, cp_mock, cp_client, domain):
    first = run(run_module, account_number="A-1", first_name="Jane")
    second = run(run_module, account_number="A-1", first_name="Janet")

    assert first["profile_id"] == second["profile_id"]
    assert list(all_stored(cp_client)) == [first["profile_id"]]
    assert stored(cp_client, first["profile_id"])["FirstName"] == "Janet"


@pytest.mark.parametrize("match_by", ["email_address", "personal_email_address", "business_email_address"])
def test_match_by_email_compares_the_chosen_field_exactly(run_module, cp_mock, cp_client, domain, match_by):
    other_fields = [
        name for name in ("email_address", "personal_email_address", "business_email_address") if name != match_by
    ]
    decoys = [
        cp_client.create_profile(DomainName=DOMAIN, **api_form({name: "jane@example.com"}))["ProfileId"]
        for name in other_fields
    ]
    target = cp_client.create_profile(DomainName=DOMAIN, **api_form({match_by: "jane@example.com"}))["ProfileId"]
    cp_mock.reset_calls()

    result = run(run_module, match_by=match_by, first_name="Jane", **{match_by: "jane@example.com"})

    assert result["profile_id"] == target
    assert operations(cp_mock) == ["SearchProfiles", "UpdateProfile"]
    assert stored(cp_client, target)["FirstName"] == "Jane"
    assert all("FirstName" not in stored(cp_client, decoy) for decoy in decoys)


@pytest.mark.parametrize(
    "match_by", ["phone_number", "mobile_phone_number", "home_phone_number", "business_phone_number"]
)
def test_match_by_phone_compares_the_chosen_field_exactly(run_module, cp_mock, cp_client, domain, match_by):
    # every profile shares the number, each in a different phone field
    phone_fields = ["phone_number", "mobile_phone_number", "home_phone_number", "business_phone_number"]
    ids = dict(
        (name, cp_client.create_profile(DomainName=DOMAIN, **api_form({name: "+15550100"}))["ProfileId"])
        for name in phone_fields
    )

    result = run(run_module, match_by=match_by, last_name="Doe", **{match_by: "+15550100"})

    assert result["changed"] is True
    assert result["profile_id"] == ids[match_by]
    for name, profile_id in ids.items():
        assert ("LastName" in stored(cp_client, profile_id)) == (name == match_by)


def test_match_by_with_no_exact_match_creates(run_module, cp_mock, cp_client, domain):
    # the search finds this profile through another email field, but its email_address differs
    decoy = cp_client.create_profile(DomainName=DOMAIN, PersonalEmailAddress="jane@example.com")["ProfileId"]

    result = run(run_module, match_by="email_address", email_address="jane@example.com")

    assert result["changed"] is True
    assert result["profile_id"] != decoy
    assert writes(cp_mock) == ["CreateProfile", "CreateProfile"]  # the decoy's, then the module's
    assert len(all_stored(cp_client)) == 2


def test_ambiguous_match_fails_naming_both_ids_and_changes_nothing(run_module, cp_mock, cp_client, domain):
    first = cp_client.create_profile(DomainName=DOMAIN, AccountNumber="A-1", FirstName="One")["ProfileId"]
    second = cp_client.create_profile(DomainName=DOMAIN, AccountNumber="A-1", FirstName="Two")["ProfileId"]
    before = all_stored(cp_client)
    cp_mock.reset_calls()

    for state in ("present", "absent"):
        result = run(run_module, account_number="A-1", first_name="Three", state=state)

        assert result.failed
        assert first in result["msg"] and second in result["msg"]
        assert "A-1" not in result["msg"]
        assert sorted(result["profile_ids"]) == sorted([first, second])
    assert writes(cp_mock) == []
    assert all_stored(cp_client) == before


@pytest.mark.parametrize(
    "args",
    [
        {"first_name": "Jane"},
        {"match_by": "email_address", "account_number": "A-1"},
        {"account_number": ""},
        {"state": "absent"},
    ],
)
def test_missing_identity_fails_before_any_call(run_module, cp_mock, domain, args):
    cp_mock.reset_calls()

    result = run(run_module, **args)

    assert result.failed
    assert "profile_id" in result["msg"]
    assert (args.get("match_by") or "account_number") in result["msg"]
    assert cp_mock.calls() == []


# --- absent -----------------------------------------------------------------------------


def test_absent_by_id_then_again(run_module, cp_mock, cp_client, domain):
    profile_id = create(run_module, cp_mock, account_number="A-1")

    result = run(run_module, profile_id=profile_id, state="absent")
    assert result["changed"] is True
    assert result["profile"] == {}
    assert result["profile_id"] is None
    assert operations(cp_mock) == ["SearchProfiles", "DeleteProfile"]
    assert stored(cp_client, profile_id) is None

    cp_mock.reset_calls()
    again = run(run_module, profile_id=profile_id, state="absent")
    assert again["changed"] is False
    assert operations(cp_mock) == ["SearchProfiles"]


def test_absent_by_match_keeps_other_profiles(run_module, cp_mock, cp_client, domain):
    keep = cp_client.create_profile(DomainName=DOMAIN, AccountNumber="A-2")["ProfileId"]
    create(run_module, cp_mock, account_number="A-1")

    result = run(run_module, account_number="A-1", state="absent")

    assert result["changed"] is True
    assert list(all_stored(cp_client)) == [keep]
    cp_mock.reset_calls()
    assert run(run_module, account_number="A-1", state="absent")["changed"] is False
    assert writes(cp_mock) == []


def test_absent_in_a_missing_domain_is_not_an_error(run_module, cp_mock):
    result = run(run_module, domain_name="no-such-domain", account_number="A-1", state="absent")

    assert not result.failed
    assert result["changed"] is False


def test_present_in_a_missing_domain_fails_with_the_service_error(run_module, cp_mock):
    result = run(run_module, domain_name="no-such-domain", account_number="A-1")

    assert result.failed
    assert "ResourceNotFoundException" in str(result)
    assert "Traceback" not in str(result)


# --- validation -------------------------------------------------------------------------

SECRET = "Sekrit"

VALIDATION = [
    # (args, option named in the message, whether the value given must not appear)
    ({"first_name": SECRET * 50}, "first_name", True),
    ({"additional_information": SECRET * 200}, "additional_information", True),
    ({"email_address": SECRET * 50}, "email_address", True),
    ({"address": {"city": SECRET * 50}}, "address.city", True),
    ({"shipping_address": {"address_4": SECRET * 50}}, "shipping_address.address_4", True),
    ({"attributes": {"SSN": SECRET * 50}}, "attributes", True),
    ({"attributes": {"k" * 256: SECRET}}, "attributes", True),
    ({"attributes": {"k": [SECRET]}}, "attributes", True),
    ({"attributes": {"k": True}}, "attributes", False),
    ({"profile_id": SECRET}, "profile_id", False),
    ({"domain_name": "bad name!"}, "domain_name", False),
    ({"domain_name": "d" * 65}, "domain_name", False),
    (
        {"engagement_preferences": {"phone": [{"key_name": "bad key!"}]}},
        "engagement_preferences.phone[0].key_name",
        False,
    ),
    (
        {"engagement_preferences": {"email": [{"key_value": SECRET * 50}]}},
        "engagement_preferences.email[0].key_value",
        True,
    ),
    (
        {"engagement_preferences": {"email": [{"profile_id": SECRET}]}},
        "engagement_preferences.email[0].profile_id",
        False,
    ),
    ({"engagement_preferences": {"email": [{}]}}, "engagement_preferences.email[0]", False),
    # argspec rules (ansible-core's own messages)
    ({"gender": "ROBOT"}, "gender", False),
    ({"party_type": "CROWD"}, "party_type", False),
    ({"profile_type": "OTHER"}, "profile_type", False),
    ({"engagement_preferences": {"phone": [{"contact_type": "Pager"}]}}, "contact_type", False),
    ({"match_by": "first_name"}, "match_by", False),
    ({"state": "gone"}, "state", False),
    ({"purge_attributes": "maybe"}, "purge_attributes", False),
    # ansible-core's type-conversion message does not name the option (None: not checked)
    ({"address": ["not", "a", "dict"]}, None, False),
    ({"engagement_preferences": {"phone": "not a list of dicts"}}, None, False),
    ({"unknown_option": "x"}, "unknown_option", False),
]


@pytest.mark.parametrize(
    "args,option,secret", VALIDATION, ids=[str(row[1]) + "-" + str(i) for i, row in enumerate(VALIDATION)]
)
def test_invalid_input_fails_before_any_call(run_module, cp_mock, domain, args, option, secret):
    cp_mock.reset_calls()
    args = dict(args)
    args.setdefault("account_number", "A-1")

    result = run(run_module, **args)

    assert result.failed
    assert option is None or option in result["msg"]
    if secret:
        assert SECRET not in result["msg"]
    assert cp_mock.calls() == []


def test_every_problem_reported_at_once(run_module, cp_mock, domain):
    result = run(run_module, account_number="A-1", first_name="x" * 256, last_name="y" * 256)

    assert "first_name" in result["msg"] and "last_name" in result["msg"]
    assert "x" * 256 not in result["msg"]


def test_maximum_lengths_are_accepted(run_module, cp_mock, cp_client, domain):
    result = run(
        run_module, account_number="a" * 255, additional_information="b" * 1000, attributes={"k" * 255: "v" * 255}
    )

    assert result["changed"] is True
    assert stored(cp_client, result["profile_id"])["AdditionalInformation"] == "b" * 1000


# --- enum values are never echoed --------------------------------------------------------


@pytest.mark.parametrize("option", ["gender", "party_type", "profile_type"])
def test_a_bad_sensitive_enum_names_the_option_and_never_the_value(run_module, cp_mock, option):
    args = {"domain_name": DOMAIN, "account_number": "A-1", option: SECRET, "_ansible_no_log": True}
    result = run_module("customerprofiles_profile", args)
    assert result.failed
    assert option + " must be one of" in result["msg"]
    # under no_log ansible drops the invocation; nothing else may carry the value
    assert SECRET not in json.dumps(dict((key, value) for key, value in result.items() if key != "invocation"))
    assert cp_mock.calls() == []


def test_a_bad_contact_type_names_its_path(run_module, cp_mock):
    args = {
        "domain_name": DOMAIN,
        "account_number": "A-1",
        "engagement_preferences": {"phone": [{"contact_type": SECRET}]},
    }
    result = run_module("customerprofiles_profile", args)
    assert result.failed
    assert "engagement_preferences.phone[0].contact_type must be one of" in result["msg"]
    assert SECRET not in result["msg"]


# --- check mode before the domain exists -------------------------------------------------


def test_check_mode_profile_on_a_domain_the_run_would_create(run_module, cp_mock):
    result = run_module(
        "customerprofiles_profile",
        {"domain_name": DOMAIN, "account_number": "A-1", "first_name": "Ada"},
        check_mode=True,
    )
    assert not result.failed, result.get("msg")
    assert result["changed"] is True
    assert result["profile"] == {"account_number": "A-1", "first_name": "Ada"}
    assert writes(cp_mock) == []


def test_without_check_mode_a_missing_domain_still_fails_with_the_service_error(run_module, cp_mock):
    result = run_module("customerprofiles_profile", {"domain_name": DOMAIN, "account_number": "A-1"})
    assert result.failed
    assert "ResourceNotFoundException" in result["msg"]
    assert writes(cp_mock) == []


# --- eventual consistency: wait after a create -------------------------------------------


def test_create_waits_until_search_finds_the_profile(run_module, cp_mock, cp_client, domain, monkeypatch):
    import time as real_time

    real_sleep = real_time.sleep

    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import wait

    cp_mock.set_search_lag(0.6)
    slept = []
    monkeypatch.setattr(wait.time, "sleep", lambda seconds: slept.append(seconds) or real_sleep(seconds))
    args = {"domain_name": DOMAIN, "account_number": "LAG-1", "first_name": "Ada"}
    cp_mock.reset_calls()
    created = run_module("customerprofiles_profile", args)
    assert created["changed"] is True
    searches = operations(cp_mock).count("SearchProfiles")
    assert searches >= 2 and slept  # the identity search, then the wait's searches until the profile shows
    # the next task matching the same key updates the profile instead of creating a duplicate
    updated = run_module("customerprofiles_profile", dict(args, first_name="Grace"))
    assert updated["profile_id"] == created["profile_id"]
    assert len(cp_client.batch_get_profile(DomainName=DOMAIN, ProfileIds=[created["profile_id"]])["Profiles"]) == 1
    cp_mock.set_search_lag(0)


def test_without_wait_the_next_task_may_create_a_duplicate(run_module, cp_mock, cp_client, domain):
    """What wait prevents: with a search lag and wait=false, the second task does not see the first profile."""
    cp_mock.set_search_lag(30)
    args = {"domain_name": DOMAIN, "account_number": "LAG-2", "wait": False}
    first = run_module("customerprofiles_profile", args)
    second = run_module("customerprofiles_profile", args)
    assert first["profile_id"] != second["profile_id"]
    cp_mock.set_search_lag(0)


def test_wait_timeout_warns_and_succeeds(run_module, cp_mock, cp_client, domain):
    cp_mock.set_search_lag(30)
    result = run_module(
        "customerprofiles_profile", {"domain_name": DOMAIN, "account_number": "LAG-3", "wait_timeout": 0}
    )
    assert not result.failed
    assert result["changed"] is True
    assert "within wait_timeout=0 seconds" in json.dumps(result.get("warnings"))
    cp_mock.set_search_lag(0)

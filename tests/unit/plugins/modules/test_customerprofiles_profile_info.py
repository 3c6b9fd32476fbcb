# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_profile_info against the in-process emulator."""

import pytest

from call_log import operations

MODULE = "customerprofiles_profile_info"
DOMAIN = "info-domain"


@pytest.fixture
def domain(cp_client, cp_mock):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    cp_mock.reset_calls()
    return DOMAIN


def info(run_module, **args):
    args.setdefault("domain_name", DOMAIN)
    return run_module(MODULE, args)


def make(cp_client, **fields):
    return cp_client.create_profile(DomainName=DOMAIN, **fields)["ProfileId"]


def test_by_one_id_in_the_profile_module_form(run_module, cp_mock, cp_client, domain):
    created = run_module(
        "customerprofiles_profile",
        dict(
            domain_name=DOMAIN,
            account_number="A-1",
            address={"address_1": "1 Main St"},
            attributes={"SSN": "1", "Address1": "x"},
            engagement_preferences={"phone": [{"key_name": "_phone", "contact_type": "PhoneNumber"}]},
        ),
    )
    make(cp_client, AccountNumber="A-2")
    cp_mock.reset_calls()

    result = info(run_module, profile_id=created["profile_id"])

    assert result["changed"] is False
    assert result["profiles"] == [created["profile"]]
    assert result["profiles"][0]["address"] == {"address_1": "1 Main St"}
    assert result["profiles"][0]["attributes"] == {"SSN": "1", "Address1": "x"}
    assert operations(cp_mock) == ["BatchGetProfile"]


def test_by_list_of_ids_keeps_order_and_skips_unknown(run_module, cp_mock, cp_client, domain):
    first = make(cp_client, AccountNumber="A-1")
    second = make(cp_client, AccountNumber="A-2")
    cp_mock.reset_calls()

    result = info(run_module, profile_id=[second, "f" * 32, first])

    assert [p["profile_id"] for p in result["profiles"]] == [second, first]
    assert [p["account_number"] for p in result["profiles"]] == ["A-2", "A-1"]


def test_more_than_20_ids_are_read_in_chunks(run_module, cp_mock, cp_client, domain):
    ids = [make(cp_client, AccountNumber="A-%d" % index) for index in range(25)]
    cp_mock.reset_calls()

    result = info(run_module, profile_id=ids)

    assert [p["profile_id"] for p in result["profiles"]] == ids
    assert operations(cp_mock) == ["BatchGetProfile", "BatchGetProfile"]


@pytest.fixture
def people(cp_client, domain):
    return dict(
        both=make(cp_client, AccountNumber="A-1", EmailAddress="jane@example.com"),
        account_only=make(cp_client, AccountNumber="A-1"),
        email_only=make(cp_client, PersonalEmailAddress="jane@example.com"),
        neither=make(cp_client, AccountNumber="A-9", PhoneNumber="+1555"),
    )


def test_search_and_across_keys(run_module, cp_mock, people):
    result = info(
        run_module,
        search=[
            {"key_name": "_account", "values": ["A-1"]},
            {"key_name": "_email", "values": ["jane@example.com"]},
        ],
        logical_operator="AND",
    )

    assert [p["profile_id"] for p in result["profiles"]] == [people["both"]]
    assert "found_by_items" not in result["profiles"][0]


def test_search_or_across_keys_is_the_default(run_module, cp_mock, people):
    search = [
        {"key_name": "_account", "values": ["A-1"]},
        {"key_name": "_email", "values": ["jane@example.com"]},
        {"key_name": "_phone", "values": ["+1555"]},
    ]
    expected = sorted(people.values())

    default = info(run_module, search=search)
    explicit = info(run_module, search=search, logical_operator="OR")

    assert sorted(p["profile_id"] for p in default["profiles"]) == expected
    assert sorted(p["profile_id"] for p in explicit["profiles"]) == expected


def test_search_one_key_several_values(run_module, cp_mock, people):
    result = info(run_module, search=[{"key_name": "_account", "values": ["A-1", "A-9"]}])

    assert sorted(p["profile_id"] for p in result["profiles"]) == sorted(
        [people["both"], people["account_only"], people["neither"]]
    )


def test_search_with_no_match_is_empty(run_module, cp_mock, people):
    assert info(run_module, search=[{"key_name": "_account", "values": ["nobody"]}])["profiles"] == []


@pytest.fixture
def many(cp_client, cp_mock, domain):
    ids = [make(cp_client, AccountNumber="A-%03d" % index, EmailAddress="shared@example.com") for index in range(120)]
    cp_mock.reset_calls()
    return ids


def test_search_follows_every_page(run_module, cp_mock, many):
    result = info(run_module, search=[{"key_name": "_email", "values": ["shared@example.com"]}])

    assert sorted(p["profile_id"] for p in result["profiles"]) == sorted(many)
    assert operations(cp_mock) == ["SearchProfiles", "SearchProfiles"]


@pytest.mark.parametrize(
    "cap,expected_count,expected_calls", [(30, 30, 1), (100, 100, 1), (101, 101, 2), (500, 120, 2)]
)
def test_max_results_caps_the_total(run_module, cp_mock, many, cap, expected_count, expected_calls):
    result = info(run_module, search=[{"key_name": "_email", "values": ["shared@example.com"]}], max_results=cap)

    assert len(result["profiles"]) == expected_count
    assert len(set(p["profile_id"] for p in result["profiles"])) == expected_count
    assert operations(cp_mock) == ["SearchProfiles"] * expected_calls


def test_missing_domain_fails_with_the_service_error(run_module, cp_mock):
    for args in ({"profile_id": "a" * 32}, {"search": [{"key_name": "_account", "values": ["A-1"]}]}):
        result = info(run_module, domain_name="no-such-domain", **args)

        assert result.failed
        assert "ResourceNotFoundException" in str(result)


SECRET = "Sekrit"


@pytest.mark.parametrize(
    "args,option,secret",
    [
        ({"profile_id": [SECRET]}, "profile_id[0]", False),
        ({"profile_id": []}, "profile_id", False),
        ({"search": [{"key_name": "_account", "values": ["x"]}] * 6}, "search", False),
        ({"search": []}, "search", False),
        ({"search": [{"key_name": "bad key!", "values": ["x"]}]}, "search[0].key_name", False),
        ({"search": [{"key_name": "_email", "values": [SECRET * 50]}]}, "search[0].values", True),
        ({"search": [{"key_name": "_email", "values": []}]}, "search[0].values", False),
        ({"search": [{"key_name": "_email", "values": [""]}]}, "search[0].values", False),
        ({"search": [{"key_name": "_email", "values": ["x"]}], "max_results": 0}, "max_results", False),
        ({"search": [{"key_name": "_email", "values": ["x"]}], "logical_operator": "XOR"}, "logical_operator", False),
        ({"search": [{"key_name": "_email"}]}, "values", False),
        ({"profile_id": ["a" * 32], "search": [{"key_name": "_email", "values": ["x"]}]}, "profile_id", False),
        ({}, "profile_id", False),
        ({"domain_name": "bad name!", "profile_id": ["a" * 32]}, "domain_name", False),
    ],
)
def test_invalid_input_fails_before_any_call(run_module, cp_mock, domain, args, option, secret):
    result = info(run_module, **args)

    assert result.failed
    assert option in result["msg"]
    if secret:
        assert SECRET not in result["msg"]
    assert cp_mock.calls() == []

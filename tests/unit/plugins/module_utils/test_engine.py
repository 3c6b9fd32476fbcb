# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The resource engine's driver, seen through the modules: validation from the service model before the first call
(option paths named, values never echoed), option values converted as the model wants them, and a failure after a
write reported as changed."""

import pytest

from call_log import writes

DOMAIN = "engine-domain"
SECRET = "Zq7SecretValue"


def make_domain(cp_client, **extra):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30, **extra)


# ------------------------------------------------------------------ a block of the wrong type names the option


@pytest.mark.parametrize(
    "module, option, value",
    [
        ("customerprofiles_domain", "matching", True),
        ("customerprofiles_domain", "rule_based_matching", False),
        ("customerprofiles_domain", "data_store", True),
        ("customerprofiles_profile", "address", 5),
        ("customerprofiles_profile", "engagement_preferences", True),
    ],
)
def test_a_scalar_given_for_a_block_fails_naming_it(run_module, cp_mock, module, option, value):
    args = {"domain_name": DOMAIN, "account_number": "A-1"} if module.endswith("profile") else {"domain_name": DOMAIN}
    args[option] = value
    result = run_module(module, args)
    assert result.failed
    assert result["msg"].startswith("Invalid options: {0} must be a dict".format(option)), result["msg"]
    assert "not iterable" not in result["msg"]
    assert cp_mock.calls() == []


def test_null_given_for_a_block_of_a_list_is_called_null(run_module, cp_mock):
    args = {"domain_name": DOMAIN, "rule_based_matching": {"enabled": True, "matching_rules": [None]}}
    result = run_module("customerprofiles_domain", args)
    assert result.failed
    assert "rule_based_matching.matching_rules[0] must be a dict, not a null" in result["msg"]
    assert cp_mock.calls() == []


def test_text_given_for_a_list_of_blocks_fails_naming_it(run_module, cp_mock):
    args = {"domain_name": DOMAIN, "rule_based_matching": {"enabled": True, "matching_rules": "EmailAddress"}}
    result = run_module("customerprofiles_domain", args)
    assert result.failed
    assert "rule_based_matching.matching_rules must be a list of dicts, not a string" in result["msg"]
    assert cp_mock.calls() == []


# ------------------------------------------------------------------ lists and dicts given to text options


@pytest.mark.parametrize(
    "module, extra, path",
    [
        ("customerprofiles_profile", {"first_name": ["Ann", "Marie"]}, "first_name must be a string, not a list"),
        ("customerprofiles_profile", {"address": {"city": [SECRET]}}, "address.city must be a string, not a list"),
        (
            "customerprofiles_profile",
            {"attributes": {"tier": {"k": SECRET}}},
            "attributes.tier must be a string, not a dict",
        ),
        (
            "customerprofiles_profile",
            {"engagement_preferences": {"email": [{"key_value": [SECRET]}]}},
            "engagement_preferences.email[0].key_value must be a string, not a list",
        ),
        ("customerprofiles_domain", {"tags": {"Team": ["a", "b"]}}, "tags.Team must be a string, not a list"),
        (
            "customerprofiles_domain",
            {"dead_letter_queue_url": {"url": "x"}},
            "dead_letter_queue_url must be a string, not a dict",
        ),
    ],
)
def test_a_list_or_dict_is_never_stored_as_text(run_module, cp_mock, cp_client, module, extra, path):
    make_domain(cp_client)
    cp_mock.reset_calls()
    args = {"domain_name": DOMAIN, "account_number": "A-1"} if module.endswith("profile") else {"domain_name": DOMAIN}
    args.update(extra)
    result = run_module(module, args)
    assert result.failed
    assert path in result["msg"], result["msg"]
    assert SECRET not in result["msg"]
    assert cp_mock.calls() == []


def test_numbers_in_attributes_and_tags_are_still_sent_as_text(run_module, cp_mock, cp_client):
    make_domain(cp_client)
    result = run_module("customerprofiles_domain", {"domain_name": DOMAIN, "tags": {"Year": 2026}})
    assert result["changed"] is True
    assert cp_client.get_domain(DomainName=DOMAIN)["Tags"] == {"Year": "2026"}
    result = run_module(
        "customerprofiles_profile", {"domain_name": DOMAIN, "account_number": "A-1", "attributes": {"visits": 3}}
    )
    assert result["profile"]["attributes"] == {"visits": "3"}


# ------------------------------------------------------------------ a failure after a write reports changed


def test_tag_failure_after_update_domain_reports_changed(run_module, cp_mock, cp_client, monkeypatch):
    from ansible_collections.amazon.aws.plugins.module_utils import cloud

    monkeypatch.setattr(cloud.time, "sleep", lambda seconds: None)
    make_domain(cp_client, Tags={"Env": "dev"})
    cp_mock.reset_calls()
    cp_mock.inject_fault("TagResource", "InternalServerException", count=50)
    result = run_module(
        "customerprofiles_domain", {"domain_name": DOMAIN, "default_expiration_days": 60, "tags": {"Env": "prod"}}
    )
    assert result.failed
    assert result["changed"] is True
    assert writes(cp_mock)[0] == "UpdateDomain"
    assert cp_client.get_domain(DomainName=DOMAIN)["DefaultExpirationDays"] == 60


# ------------------------------------------------------------------ an option the installed botocore cannot send


def test_an_option_the_installed_botocore_lacks_names_the_option_and_the_version(run_module, cp_mock, older_model):
    def without_data_store(data):
        for name in ("UpdateDomainRequest", "CreateDomainRequest"):
            data["shapes"][name]["members"].pop("DataStore")
        return data

    older_model(without_data_store)

    result = run_module(
        "customerprofiles_domain",
        {"domain_name": DOMAIN, "default_expiration_days": 30, "data_store": {"enabled": True}},
    )
    assert result.failed
    assert "data_store needs botocore >= 1.41.6" in result["msg"]
    assert cp_mock.calls() == []

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a new user found in 0.1.0 (issue 11), each pinned: every test here failed on 0.1.0's code."""

import copy
import glob
import json
import os
import re

import pytest

from call_log import operations
from call_log import writes

DOMAIN = "fixes-domain"
SECRET = "Zq7SecretValue"


def make_domain(cp_client, **extra):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30, **extra)


# ------------------------------------------------------------------ enum values are not echoed


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


# ------------------------------------------------------------------ check mode before the domain exists


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


# ------------------------------------------------------------------ an option the installed botocore cannot send


def test_an_option_the_installed_botocore_lacks_names_the_option_and_the_version(run_module, cp_mock, monkeypatch):
    import botocore.model
    import botocore.session

    from ansible_collections.awscx.customerprofiles.plugins.module_utils import model

    loader = botocore.session.get_session().get_component("data_loader")
    data = copy.deepcopy(loader.load_service_model("customer-profiles", "service-2"))
    for name in ("UpdateDomainRequest", "CreateDomainRequest"):
        data["shapes"][name]["members"].pop("DataStore")
    monkeypatch.setattr(model, "_MODEL", [botocore.model.ServiceModel(data, service_name="customer-profiles")])

    result = run_module(
        "customerprofiles_domain",
        {"domain_name": DOMAIN, "default_expiration_days": 30, "data_store": {"enabled": True}},
    )
    assert result.failed
    assert "data_store needs botocore >= 1.41.6" in result["msg"]
    assert cp_mock.calls() == []


def test_documented_requirements_agree_with_requirements_txt():
    root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..")
    with open(os.path.join(root, "requirements.txt"), encoding="utf-8") as handle:
        wanted = sorted(
            line.strip().replace(">=", " >= ") for line in handle if line.strip() and not line.startswith("#")
        )
    with open(os.path.join(root, "plugins", "doc_fragments", "boto3.py"), encoding="utf-8") as handle:
        fragment = handle.read()
    documented = sorted(re.findall(r"^  - (boto3 >= \S+|botocore >= \S+)$", fragment, re.M))
    assert documented == wanted


# ------------------------------------------------------------------ doc markup


def _markup_arguments(text, macro):
    """The argument of every ``macro(...)`` in text, closed at the first unescaped ``)``."""
    found = []
    for match in re.finditer(re.escape(macro) + r"\(", text):
        index, argument = match.end(), []
        while index < len(text) and text[index] != ")":
            if text[index] == "\\" and index + 1 < len(text):
                index += 1
            argument.append(text[index])
            index += 1
        found.append("".join(argument))
    return found


def _strings(value):
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def test_every_value_markup_in_the_module_docs_is_closed_where_it_should_be():
    """V(...) ends at the first unescaped ")": a pattern such as ^(a|b)$ must escape its own parentheses."""
    import yaml

    root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "plugins", "modules")
    checked = 0
    for path in sorted(glob.glob(os.path.join(root, "*.py"))):
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        docs = re.search(r'DOCUMENTATION = r"""(.*?)"""', source, re.S).group(1)
        for argument in _markup_arguments("\n".join(_strings(yaml.safe_load(docs))), "V"):
            checked += 1
            assert argument.count("(") == argument.count(")"), "{0}: V({1}) is cut at an unescaped ')'".format(
                path, argument
            )
    assert checked > 0


# ------------------------------------------------------------------ eventual consistency: wait after a create


def test_create_waits_until_search_finds_the_profile(run_module, cp_mock, cp_client, monkeypatch):
    import time as real_time

    real_sleep = real_time.sleep

    from ansible_collections.awscx.customerprofiles.plugins.module_utils import profile

    make_domain(cp_client)
    cp_mock.set_search_lag(0.6)
    slept = []
    monkeypatch.setattr(profile.time, "sleep", lambda seconds: slept.append(seconds) or real_sleep(seconds))
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


def test_without_wait_the_next_task_may_create_a_duplicate(run_module, cp_mock, cp_client):
    """What wait prevents: with a search lag and wait=false, the second task does not see the first profile."""
    make_domain(cp_client)
    cp_mock.set_search_lag(30)
    args = {"domain_name": DOMAIN, "account_number": "LAG-2", "wait": False}
    first = run_module("customerprofiles_profile", args)
    second = run_module("customerprofiles_profile", args)
    assert first["profile_id"] != second["profile_id"]
    cp_mock.set_search_lag(0)


def test_wait_timeout_warns_and_succeeds(run_module, cp_mock, cp_client):
    make_domain(cp_client)
    cp_mock.set_search_lag(30)
    result = run_module(
        "customerprofiles_profile", {"domain_name": DOMAIN, "account_number": "LAG-3", "wait_timeout": 0}
    )
    assert not result.failed
    assert result["changed"] is True
    assert "within wait_timeout=0 seconds" in json.dumps(result.get("warnings"))
    cp_mock.set_search_lag(0)

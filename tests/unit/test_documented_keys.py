# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The object types the docs define keep guide_own_records' promise: "a record whose account number matches a
profile's goes to that profile", the profile customerprofiles_profile created included.

A PROFILE key named after a standard key (_account) is matched against the profile's AccountNumber; a custom name
(AccountNumber) only against other objects' keys, so an object keyed that way made a second profile and the next
customerprofiles_profile run failed as ambiguous. Admin guide: "Associate the Contact Record with one profile found
using the _phone key in Customer Profiles"
(https://docs.aws.amazon.com/connect/latest/adminguide/auto-associate-profile-using-phone-profile-key.html) and "Key
definitions in Customer Profiles object type mappings"
(https://docs.aws.amazon.com/connect/latest/adminguide/mapping-key-definitions.html).
"""

import json
import os
import re

import pytest
import yaml

from playbook_runner import REPO_ROOT

DOMAIN = "documented-keys"
ACCOUNT = "ACC-4242"
OBJECT_TYPE_MODULE = "awscx.customerprofiles.customerprofiles_object_type"
SOURCES = (
    "plugins/modules/customerprofiles_object_type.py",
    "docs/guide_own_records.md",
    "docs/guide_audiences.md",
)


def _read(path):
    with open(os.path.join(REPO_ROOT, path), encoding="utf-8") as handle:
        return handle.read()


def _tasks(path):
    text = _read(path)
    if path.endswith(".py"):
        return yaml.safe_load(re.search(r'EXAMPLES = r"""(.*?)"""', text, re.S).group(1))
    tasks = []
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        for play in yaml.safe_load(block) or []:
            tasks.extend(play.get("tasks") or [])
    return tasks


def documented_object_type(path):
    """The options of the first customerprofiles_object_type task of a doc that ties objects to profiles by
    account number (a PROFILE key on a field that targets _profile.AccountNumber), for the test's domain."""
    for task in _tasks(path):
        options = task.get(OBJECT_TYPE_MODULE)
        if not options or not options.get("keys"):
            continue
        targets = dict((name, field.get("target")) for name, field in options["fields"].items())
        for definitions in options["keys"].values():
            for definition in definitions:
                if "PROFILE" in definition["standard_identifiers"] and any(
                    targets.get(name) == "_profile.AccountNumber" for name in definition["field_names"]
                ):
                    return dict(options, domain_name=DOMAIN)
    raise AssertionError("{0} defines no object type keyed by account number".format(path))


def an_object(options):
    """An object of the type: every field's _source path set, the account number field to ACCOUNT."""
    document = {}
    for name, field in options["fields"].items():
        if field.get("target") == "_profile.AccountNumber":
            value = ACCOUNT
        elif field.get("content_type") == "NUMBER":
            value = 42
        elif field.get("content_type") == "EMAIL_ADDRESS":
            value = "jane@example.com"
        else:
            value = "value-of-" + name
        steps = field["source"][len("_source.") :].split(".")
        node = document
        for step in steps[:-1]:
            node = node.setdefault(step, {})
        node[steps[-1]] = value
    return document


@pytest.mark.parametrize("path", SOURCES)
def test_an_object_goes_to_the_profile_with_its_account_number(run_module, cp_mock, cp_client, path):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    profile_args = dict(domain_name=DOMAIN, account_number=ACCOUNT, first_name="Jane")
    made = run_module("customerprofiles_profile", profile_args)
    assert not made.failed and made["changed"], made
    options = documented_object_type(path)
    defined = run_module("customerprofiles_object_type", options)
    assert not defined.failed, defined

    ingested = run_module(
        "customerprofiles_profile_objects",
        dict(domain_name=DOMAIN, object_type_name=options["object_type_name"], objects=[an_object(options)]),
    )
    assert not ingested.failed, ingested
    per_object = ingested["objects"]
    assert [(item["status"], item["profile_id"]) for item in per_object] == [("created", made["profile_id"])]

    # the object went to that profile: no second profile, the object is on it
    assert list(cp_mock.backend().domains[DOMAIN].profiles) == [made["profile_id"]]
    stored = cp_client.list_profile_objects(
        DomainName=DOMAIN, ObjectTypeName=options["object_type_name"], ProfileId=made["profile_id"]
    )["Items"]
    assert [json.loads(item["Object"]) for item in stored] == [an_object(options)]

    # and customerprofiles_profile still finds exactly one profile by the account number
    again = run_module("customerprofiles_profile", profile_args)
    assert not again.failed, again
    assert again["profile_id"] == made["profile_id"] and again["changed"] is False

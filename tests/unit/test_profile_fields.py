# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The profile fields are defined once, by PROFILE_FIELD_SPEC; every other place that spells them out
must agree with it, or this test fails naming the place and the fields that drifted.

The places: the role's meta/argument_specs.yml and its present/absent tasks, the
customerprofiles_profile integration target (the task that passes every field, and its
"every field" profiles), the example's variables, and the reliability tests' stored profile
with every field. Lists that can be derived from PROFILE_FIELD_SPEC are derived instead
(the string fields of tests/unit/reliability/test_reliability_validation.py, the address
keys of test_reliability_omission.py).
"""

import os
import sys

import pytest
import yaml

from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import PROFILE_FIELD_SPEC

UNIT_DIR = os.path.dirname(os.path.abspath(__file__))
TESTS_DIR = os.path.dirname(UNIT_DIR)
REPO_ROOT = os.path.dirname(TESTS_DIR)
ROLE_DIR = os.path.join(REPO_ROOT, "roles", "customer_profiles")
TARGET_DIR = os.path.join(TESTS_DIR, "integration", "targets", "customerprofiles_profile", "tasks")
RELIABILITY_DIR = os.path.join(UNIT_DIR, "reliability")

FIELDS = set(PROFILE_FIELD_SPEC)
# The profile module's options that are not profile fields: which profile, and how to merge.
IDENTITY = {"profile_id", "match_by"}
NOT_FIELDS = IDENTITY | {"purge_attributes"}
# Options every profile task sets itself.
TASK_OWN = {"domain_name", "state"}


def load(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def task(tasks, name):
    found = [item for item in tasks if item.get("name") == name]
    assert len(found) == 1, "expected one task named {0!r}".format(name)
    return found[0]


def module_args(item, module="awscx.customerprofiles.customerprofiles_profile"):
    assert module in item, "the task {0!r} no longer calls {1}".format(item.get("name"), module)
    return item[module]


def sub_options(spec):
    """The sub-options of one option's spec (of its list elements too), or None."""
    return spec.get("options")


def api_name(option):
    """The API member of an option: address_1 -> Address1, party_type_string -> PartyTypeString."""
    return "".join(part.capitalize() for part in option.split("_"))


def drift(expected, actual):
    """A readable difference of two name sets ('' when they agree)."""
    missing, unknown = sorted(set(expected) - set(actual)), sorted(set(actual) - set(expected))
    return "missing {0}, not profile fields {1}".format(missing, unknown) if missing or unknown else ""


def unknown_names(value, spec, path):
    """Every key of ``value`` (nested dicts and lists of dicts) that the option spec ``spec`` does not know."""
    found = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            found += unknown_names(item, spec, "{0}[{1}]".format(path, index))
    elif isinstance(value, dict) and spec is not None:
        for key, item in value.items():
            if key not in spec:
                found.append("{0}.{1}".format(path, key))
            else:
                found += unknown_names(item, sub_options(spec[key]), "{0}.{1}".format(path, key))
    return found


# ------------------------------------------------------------------ the role


ROLE_SPEC = load(ROLE_DIR, "meta", "argument_specs.yml")["argument_specs"]["main"]["options"]
ROLE_PROFILE_OPTIONS = ROLE_SPEC["customer_profiles_profiles"]["options"]


def compare_option(path, field_spec, role_spec):
    """The role's argument spec of one option against PROFILE_FIELD_SPEC's: type, elements, choices and sub-options."""
    problems = []
    for key in ("type", "elements"):
        if field_spec.get(key, "str" if key == "type" else None) != role_spec.get(
            key, "str" if key == "type" else None
        ):
            problems.append(
                "{0}: {1} {2!r} in the role, {3!r} in PROFILE_FIELD_SPEC".format(
                    path, key, role_spec.get(key), field_spec.get(key)
                )
            )
    if "choices" in field_spec and sorted(field_spec["choices"]) != sorted(role_spec.get("choices") or []):
        problems.append(
            "{0}: choices {1} in the role, {2} in PROFILE_FIELD_SPEC".format(
                path, role_spec.get("choices"), field_spec["choices"]
            )
        )
    # The role may leave a block's sub-options to the module's validation; when it lists them, all of them.
    if sub_options(field_spec) and sub_options(role_spec) is not None:
        difference = drift(sub_options(field_spec), sub_options(role_spec))
        if difference:
            problems.append("{0}: sub-options {1}".format(path, difference))
        else:
            for name, spec in sub_options(field_spec).items():
                problems += compare_option("{0}.{1}".format(path, name), spec, sub_options(role_spec)[name])
    elif sub_options(role_spec) and not sub_options(field_spec):
        problems.append("{0}: the role lists sub-options PROFILE_FIELD_SPEC does not have".format(path))
    return problems


def test_role_argument_spec_lists_every_field():
    assert not drift(FIELDS, set(ROLE_PROFILE_OPTIONS) - NOT_FIELDS), (
        "roles/customer_profiles/meta/argument_specs.yml customer_profiles_profiles: "
        + drift(FIELDS, set(ROLE_PROFILE_OPTIONS) - NOT_FIELDS)
    )
    assert NOT_FIELDS <= set(ROLE_PROFILE_OPTIONS)


def test_role_argument_spec_types_and_sub_options_match():
    problems = []
    for name in sorted(FIELDS & set(ROLE_PROFILE_OPTIONS)):
        problems += compare_option(name, PROFILE_FIELD_SPEC[name], ROLE_PROFILE_OPTIONS[name])
    assert not problems, "roles/customer_profiles/meta/argument_specs.yml drifted:\n" + "\n".join(problems)


def role_tasks(name):
    return load(ROLE_DIR, "tasks", name)


def test_role_syncs_the_profiles_in_one_task_of_the_bulk_module():
    """The role hands customer_profiles_profiles whole to customerprofiles_profiles (one task, no loop)."""
    bulk = "awscx.customerprofiles.customerprofiles_profiles"
    for tasks_file, name, state in (
        ("present.yml", "Sync the profiles", "present"),
        ("absent.yml", "Delete the profiles", "absent"),
    ):
        args = module_args(task(role_tasks(tasks_file), name), bulk)
        assert args["profiles"] == "{{ customer_profiles_profiles }}", tasks_file
        assert args["state"] == state, tasks_file
        assert "loop" not in task(role_tasks(tasks_file), name), tasks_file


def test_role_profile_options_are_the_bulk_module_item_options():
    """Every option the role's argument spec allows for a profile is one the bulk module takes for an item."""
    from ansible_collections.awscx.customerprofiles.plugins.module_utils.profiles import ProfilesResource

    item_spec = ProfilesResource.argument_spec["profiles"]["options"]
    assert set(ROLE_PROFILE_OPTIONS) <= set(item_spec), drift(set(item_spec), set(ROLE_PROFILE_OPTIONS))
    assert FIELDS <= set(item_spec)
    match_by = set(ROLE_PROFILE_OPTIONS["match_by"].get("choices") or item_spec["match_by"].get("choices") or [])
    assert match_by <= FIELDS, "match_by choices that are not profile fields: {0}".format(sorted(match_by - FIELDS))


# ------------------------------------------------------------------ the integration target


def test_target_step_passes_every_field():
    """steps.yml runs each change with one task (reused by anchor) that passes every option of the step."""
    args = module_args(task(load(TARGET_DIR, "steps.yml"), "Check mode - {{ step_name }}"))
    passed = set(args) - TASK_OWN - NOT_FIELDS
    assert not drift(FIELDS, passed), "customerprofiles_profile/tasks/steps.yml: " + drift(FIELDS, passed)
    for name in set(args) - {"domain_name"}:
        assert args[name] == "{{ step.%s | default(omit) }}" % name, name


TARGET_VARS = load(TARGET_DIR, "main.yml")[0]["vars"]


@pytest.mark.parametrize("profile", ["full_profile", "changed_profile"])
def test_target_profiles_set_every_field(profile):
    value = TARGET_VARS[profile]
    assert not drift(FIELDS, value), "customerprofiles_profile/tasks/main.yml {0}: {1}".format(
        profile, drift(FIELDS, value)
    )
    assert unknown_names(value, PROFILE_FIELD_SPEC, profile) == []
    # one address block and the engagement preferences hold every sub-option
    for name in ("address", "engagement_preferences"):
        assert not drift(sub_options(PROFILE_FIELD_SPEC[name]), value[name]), "{0}.{1}: {2}".format(
            profile, name, drift(sub_options(PROFILE_FIELD_SPEC[name]), value[name])
        )


# ------------------------------------------------------------------ the example and the reliability tests


def test_example_profiles_use_only_known_options():
    profiles = load(TESTS_DIR, "example", "vars.yml")["customer_profiles_profiles"]
    spec = dict(PROFILE_FIELD_SPEC, **dict((name, {}) for name in NOT_FIELDS))
    assert unknown_names(profiles, spec, "customer_profiles_profiles") == []


def reliability_module(name):
    if RELIABILITY_DIR not in sys.path:
        sys.path.insert(0, RELIABILITY_DIR)
    return __import__(name)


def test_reliability_full_profile_sets_every_field():
    full = reliability_module("test_reliability_omission").FULL_PROFILE
    expected = set(api_name(name) for name in FIELDS)
    assert not drift(expected, full), "test_reliability_omission.FULL_PROFILE: " + drift(expected, full)
    assert set(full["EngagementPreferences"]) == set(
        api_name(name) for name in sub_options(PROFILE_FIELD_SPEC["engagement_preferences"])
    )

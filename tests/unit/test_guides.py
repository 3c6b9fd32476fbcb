# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every playbook and task list of the docs runs as written against the emulator (tests/doc_examples.py
finds and runs them):

- every module's EXAMPLES, in one sequence, in the order one needs another (object types before the
  objects, integrations and triggers that name them; calculated attributes before the segment that uses
  one); the removals last, dependents first;
- the README's tasks, twice: the second run makes no write call, as the README's call-log example asserts;
- every guide: the user guide's files in their order, with the teardown previewed with ``--check --diff``
  first; the playbooks that set a domain up run twice (the second changes nothing and makes no write call)
  and once more in check mode (which changes nothing either).

Each run must succeed and print no deprecation warning. ``test_every_playbook_of_the_docs_runs`` fails when
a doc gets a playbook or task list that no scenario runs. ``test_profile_data_tasks_set_no_log``: every
documented task of a module that handles profile data sets ``no_log: true``.
"""

import json

import pytest
import yaml

import doc_examples
from doc_examples import step

# A profile id for the examples that ask whether a given caller is in a segment.
CALLER = {"caller_profile_id": "0123456789abcdef0123456789abcdef"}
# The JSON file that customerprofiles_profiles' and the README's examples load.
CUSTOMERS_JSON = json.dumps(
    [
        {"account_number": "ACME-0003", "email_address": "sam@example.com", "first_name": "Sam"},
        {"account_number": "ACME-0004", "email_address": "kim@example.com", "first_name": "Kim"},
    ]
)
EXAMPLES_ORDER = [
    "customerprofiles_domain",
    "customerprofiles_domain_info",
    "customerprofiles_object_type",
    "customerprofiles_object_type_info",
    "customerprofiles_profile_objects",
    "customerprofiles_profile_objects_info",
    "customerprofiles_profile",
    "customerprofiles_profiles",
    "customerprofiles_profile_info",
    "customerprofiles_calculated_attribute",
    "customerprofiles_calculated_attribute_info",
    "customerprofiles_segment_definition",
    "customerprofiles_segment_definition_info",
    "customerprofiles_integration",
    "customerprofiles_integration_info",
    "customerprofiles_event_stream",
    "customerprofiles_event_stream_info",
    "customerprofiles_intent_definition",
    "customerprofiles_intent_definition_info",
    "customerprofiles_event_trigger",
    "customerprofiles_event_trigger_info",
    "customerprofiles_recommender_schema",
    "customerprofiles_recommender_schema_info",
    "customerprofiles_recommender_filter",
    "customerprofiles_recommender_filter_info",
    "customerprofiles_domain_object_type",
    "customerprofiles_domain_object_type_info",
    "customerprofiles_domain_config_info",
    "customerprofiles_domain_config",
]
README_TASKS = ["README.md#1", "README.md#2", "README.md#3", "README.md#4", "README.md#5", "README.md#6"]
USER_GUIDE = "docs/user_guide.md:"
# name: (steps, files, extra vars, idempotent: run the steps again with no change and no write, then in check mode)
SCENARIOS = {
    "module EXAMPLES": ([step(*EXAMPLES_ORDER)], {"customers.json": CUSTOMERS_JSON}, CALLER, False),
    "user guide": (
        [
            step(USER_GUIDE + "domain.yml"),
            step(USER_GUIDE + "profiles.yml"),
            step(USER_GUIDE + "find.yml"),
            step(USER_GUIDE + "teardown.yml", check=True, diff=True),
            step(USER_GUIDE + "teardown.yml"),
        ],
        {"customers.yml": doc_examples.sources()[USER_GUIDE + "customers.yml"]},
        {},
        False,
    ),
    "guide_own_records": ([step("docs/guide_own_records.md#1")], {}, {}, True),
    "guide_connect": ([step("docs/guide_connect.md#1")], {}, {}, True),
    "guide_audiences": ([step("docs/guide_audiences.md:audiences.yml")], {}, {}, True),
    "guide_audiences membership": (
        [step("docs/guide_audiences.md:audiences.yml"), step("docs/guide_audiences.md:membership.yml")],
        {},
        CALLER,
        False,
    ),
    "reliability": ([step("docs/reliability.md#1")], {}, {}, False),
}
# Runnable blocks that no scenario runs, and why.
EXEMPT = {
    "docs/reliability.md#2": "a play for an inventory of app servers (hosts: app_servers), showing run_once and throttle",
}
# Modules whose tasks handle profile data: their results and diffs hold it.
PROFILE_DATA_MODULES = {
    "customerprofiles_profile",
    "customerprofiles_profiles",
    "customerprofiles_profile_info",
    "customerprofiles_profile_objects",
    "customerprofiles_profile_objects_info",
}


def scenario_sources():
    found = set(README_TASKS) | {"README.md#8"}
    for steps, _files, _vars, _idempotent in SCENARIOS.values():
        for one in steps:
            found.update(one.sources)
    return found


def test_every_playbook_of_the_docs_runs():
    runnable = doc_examples.runnable()
    assert set(doc_examples.modules()) <= set(runnable), "a module's EXAMPLES is not a task list"
    assert sorted(set(runnable) - scenario_sources() - set(EXEMPT)) == []
    assert sorted((scenario_sources() | set(EXEMPT)) - set(runnable)) == []


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_docs_run_against_the_emulator(fresh_emulator_server, tmp_path, name):
    steps, files, extra_vars, idempotent = SCENARIOS[name]
    runs = doc_examples.run(fresh_emulator_server, tmp_path / "first", steps, files, extra_vars)
    if not idempotent:
        return
    assert runs[0].recap()["changed"] > 0, runs[0].stdout
    fresh_emulator_server.reset_calls()
    second = doc_examples.run(fresh_emulator_server, tmp_path / "second", steps, files, extra_vars)
    assert all(run.recap()["changed"] == 0 for run in second), second[-1].stdout
    assert [call for call in fresh_emulator_server.calls() if call["kind"] == "write"] == []
    checked = doc_examples.run(fresh_emulator_server, tmp_path / "check", [s._replace(check=True) for s in steps])
    assert all(run.recap()["changed"] == 0 for run in checked), checked[-1].stdout


def test_the_readme_tasks_run_and_a_second_run_makes_no_write(fresh_emulator_server, tmp_path):
    files = {"customers.json": CUSTOMERS_JSON}
    first = doc_examples.run(fresh_emulator_server, tmp_path / "first", [step(*README_TASKS)], files)
    assert first[0].recap()["changed"] > 0, first[0].stdout
    fresh_emulator_server.reset_calls()
    # The README's own check: the call log holds no write call (its assert task fails otherwise).
    second = doc_examples.run(
        fresh_emulator_server, tmp_path / "second", [step(*README_TASKS + ["README.md#8"])], files
    )
    assert second[0].recap()["changed"] == 0, second[0].stdout


def test_the_user_guide_teardown_preview_shows_no_profile_data(fresh_emulator_server, tmp_path):
    steps, files, extra_vars, _idempotent = SCENARIOS["user guide"]
    runs = doc_examples.run(fresh_emulator_server, tmp_path, steps[:4], files, extra_vars)
    preview = runs[-1]
    assert preview.recap()["changed"] > 0, preview.stdout
    customers = yaml.safe_load(files["customers.yml"])
    values = [item["email_address"] for item in customers["subscribers"]] + [
        item["account_number"] for item in customers["accounts"]
    ]
    assert [value for value in values if value in preview.stdout] == []
    assert fresh_emulator_server.client().list_domains()["Items"] != []  # check mode deleted nothing


def test_profile_data_tasks_set_no_log():
    missing = []
    for name, text in sorted(doc_examples.sources(with_role=True).items()):
        data = yaml.safe_load(text)
        if not doc_examples.kind(data):
            continue
        for task in doc_examples.tasks_in(data):
            module = doc_examples.short_name(doc_examples.module_of(task))
            if module in PROFILE_DATA_MODULES and task.get("no_log") is not True:
                missing.append("{0}: {1!r}".format(name, task.get("name")))
    assert missing == [], "\n".join(missing)

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

The guides that start from an existing domain (adopt_domain, promote_domain) run on a domain built with
plain boto3 calls, the way the console builds it (``SEEDED``).

Each run must succeed and print no deprecation warning. ``test_every_playbook_of_the_docs_runs`` fails when
a doc gets a playbook or task list that no scenario runs. ``test_profile_data_tasks_set_no_log``: every
documented task of a module that handles profile data sets ``no_log: true``.
"""

import json

import pytest
import yaml

import doc_examples
from call_log import writes
from doc_examples import step
from domain_seed import CONNECT
from domain_seed import seed_domain

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
    "customerprofiles_upload_job",
    "customerprofiles_upload_job_info",
    "customerprofiles_calculated_attribute",
    "customerprofiles_calculated_attribute_info",
    "customerprofiles_segment_definition",
    "customerprofiles_segment_definition_info",
    "customerprofiles_segment_estimate_info",
    "customerprofiles_segment_snapshot",
    "customerprofiles_segment_stream",
    "customerprofiles_segment_stream_info",
    "customerprofiles_segment_subscription",
    "customerprofiles_segment_subscription_info",
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
    "customerprofiles_recommender",
    "customerprofiles_recommender_info",
    "customerprofiles_domain_object_type",
    "customerprofiles_domain_object_type_info",
    "customerprofiles_domain_config_info",
    "customerprofiles_domain_config",
]
UPLOAD_GUIDE = "docs/guide_upload_csv.md"


def csv_block(path):
    """The text of the first ```csv block of a guide (the file its playbooks import)."""
    return next(body for lang, body in doc_examples.FENCE.findall(doc_examples.read(path)) if lang == "csv")


README_TASKS = ["README.md#1", "README.md#2", "README.md#3", "README.md#4", "README.md#5", "README.md#6"]
USER_GUIDE = "docs/user_guide.md:"
# name: (steps, files, extra vars, idempotent: run the steps again with no change and no write, then in check mode)
SCENARIOS = {
    "module EXAMPLES": (
        [step(*EXAMPLES_ORDER)],
        {"customers.json": CUSTOMERS_JSON, "customers.csv": csv_block(UPLOAD_GUIDE)},
        CALLER,
        False,
    ),
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
    "guide_recommendations": ([step("docs/guide_recommendations.md:recommendations.yml")], {}, {}, True),
    "guide_audiences membership": (
        [step("docs/guide_audiences.md:audiences.yml"), step("docs/guide_audiences.md:membership.yml")],
        {},
        CALLER,
        False,
    ),
    "guide_audiences exports": (
        [step("docs/guide_audiences.md:audiences.yml"), step("docs/guide_audiences.md:exports.yml")],
        {},
        {},
        False,
    ),
    "reliability": ([step("docs/reliability.md#1")], {}, {}, False),
    "guide_upload_csv": (
        [step(*(UPLOAD_GUIDE + ":" + name for name in ("import.yml", "import_tolerant.yml", "import_async.yml")))],
        {"customers.csv": csv_block(UPLOAD_GUIDE)},
        {},
        True,
    ),
}
ADOPT = "docs/adopt_domain.md:"
PROMOTE = "docs/promote_domain.md:"
# The guides' domain, as the console would have made it: the domain, an object type, the Amazon Connect
# integration, an event stream, a calculated attribute, a segment using it, an event trigger.
GUIDE_DOMAIN = "retail-customers"
# The promotion on the emulator: one account (moto's), another Region, another Connect instance.
PROD_CONNECT_INSTANCE = "66666666-7777-8888-9999-000000000000"
PROMOTE_VARS = {
    "dev_account_id": "123456789012",
    "prod_account_id": "123456789012",
    "prod_region": "us-west-2",
    "dev_connect_instance_id": CONNECT.rsplit("/", 1)[1],
    "prod_connect_instance_id": PROD_CONNECT_INSTANCE,
}
# name: the steps that run on a domain made with boto3 (GUIDE_DOMAIN in us-east-1), and their extra vars
SEEDED = {
    "adopt_domain": (
        [step(ADOPT + "export.yml"), step(ADOPT + "apply.yml", check=True, diff=True), step(ADOPT + "apply.yml")],
        {},
    ),
    "promote_domain": (
        [
            step(PROMOTE + "export_dev.yml"),
            step(PROMOTE + "apply_prod.yml", check=True, diff=True),
            step(PROMOTE + "apply_prod.yml"),
        ],
        PROMOTE_VARS,
    ),
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
    for steps, _vars in SEEDED.values():
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
    checked = doc_examples.run(
        fresh_emulator_server, tmp_path / "check", [s._replace(check=True) for s in steps], files, extra_vars
    )
    assert all(run.recap()["changed"] == 0 for run in checked), checked[-1].stdout


def console_domain(server):
    """GUIDE_DOMAIN in us-east-1, made with boto3 calls as the console makes it; returns the client."""
    client = server.client(region="us-east-1")
    client.create_domain(DomainName=GUIDE_DOMAIN, DefaultExpirationDays=365, Matching={"Enabled": True})
    seed_domain(client, GUIDE_DOMAIN)
    server.reset_calls()
    return client


def test_adopt_a_domain_made_in_the_console(fresh_emulator_server, tmp_path):
    """The export saves the domain as a vars file; applied back, in check mode and for real, it changes nothing
    and makes no write call."""
    server = fresh_emulator_server
    console_domain(server)
    steps, extra_vars = SEEDED["adopt_domain"]

    export, check, apply = doc_examples.run(server, tmp_path, steps, extra_vars=extra_vars)

    assert export.recap()["changed"] == 1, export.stdout  # the vars file was written
    saved = yaml.safe_load((tmp_path / "retail-customers.yml").read_text())["domain_config"]
    assert [item["object_type_name"] for item in saved["object_types"]] == ["Orders"]
    assert [item["uri"] for item in saved["integrations"]] == [CONNECT]
    assert saved["domain"]["matching"]["enabled"] is True
    assert "integrations[0].uri" in export.stdout  # account_specific, printed
    assert check.recap()["changed"] == 0, check.stdout
    assert apply.recap()["changed"] == 0, apply.stdout
    assert writes(server) == []


def test_promote_a_domain_to_another_account(fresh_emulator_server, tmp_path):
    """The dev domain, exported with substitutions, is created in prod (here another Region of the emulator,
    with another Connect instance): check mode first, then the apply; prod's export is the saved document, and
    a second apply makes no write call."""
    server = fresh_emulator_server
    console_domain(server)
    steps, extra_vars = SEEDED["promote_domain"]

    export, check, apply = doc_examples.run(server, tmp_path / "first", steps, extra_vars=extra_vars)

    assert check.recap()["changed"] == 1, check.stdout
    assert writes(server).count("CreateDomain") == 1
    prod = server.client(region="us-west-2")
    integrations = prod.list_integrations(DomainName=GUIDE_DOMAIN)["Items"]
    # the Region and the Connect instance substituted
    prod_connect = CONNECT.replace("us-east-1", "us-west-2").replace(CONNECT.rsplit("/", 1)[1], PROD_CONNECT_INSTANCE)
    assert [item["Uri"] for item in integrations] == [prod_connect]
    streams = prod.list_event_streams(DomainName=GUIDE_DOMAIN)["Items"]
    assert [item["DestinationSummary"]["Uri"].split(":")[3] for item in streams] == ["us-west-2"]
    assert apply.recap()["changed"] == 1, apply.stdout
    assert len(server.client(region="us-east-1").list_integrations(DomainName=GUIDE_DOMAIN)["Items"]) == 1
    saved = yaml.safe_load((tmp_path / "first" / "prod-retail-customers.yml").read_text())["domain_config"]
    server.reset_calls()

    again = doc_examples.run(
        server,
        tmp_path / "again",
        steps[1:],
        extra_vars=extra_vars,
        files={"prod-retail-customers.yml": yaml.safe_dump({"domain_config": saved})},
    )

    assert [run.recap()["changed"] for run in again] == [0, 0]
    assert writes(server) == []


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

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""make bench, whole-domain part (issue 23): a domain of 40 resources as one document.

The domain (``document()``): 10 object types, 1 integration, 10 calculated attributes, 10 segment definitions,
1 event stream and 8 event triggers, in the option names of their modules. One ansible-playbook run against the
bundled emulator server: an untimed task creates the domain with customerprofiles_domain_config, then
BENCH_DOMAIN_N rounds (default 5, after one warm-up round), each timed task by the bench_timer callback (task
start to result, the call log cleared before and read after):

- single_noop: one no-op customerprofiles_object_type task (the first object type of the document);
- export: customerprofiles_domain_config_info of the domain;
- config_noop: customerprofiles_domain_config with the document (a no-op);
- per_resource: the 0.2.0 way, one task per resource with the single modules (the domain and the 40 resources,
  41 tasks; the round's time is their sum).

The goals: the export and the no-op apply each within 2.5 x one no-op single-resource task, with at most one
List call per kind plus one Get call per resource (and the domain's), and no write. Returns the markdown section;
run_bench.py writes it into docs/performance.md. tests/unit/test_bench_domain_config.py pins the call counts.
"""

import functools
import json
import os
import statistics
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
TESTS_DIR = os.path.dirname(BENCH_DIR)
REPO_ROOT = os.path.dirname(TESTS_DIR)
OUT_DIR = os.path.join(REPO_ROOT, ".build", "bench")
WORK_DIR = os.path.join(OUT_DIR, "ansible-domain")
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from playbook_runner import run_playbook  # noqa: E402  pylint: disable=wrong-import-position

REGION = "us-east-1"
ACCOUNT = "123456789012"
DOMAIN = "bench-config"
COLLECTION = "awscx.customerprofiles."
GOAL = 2.5  # x one no-op single-resource task
KIND_COUNTS = (
    ("object_types", 10),
    ("integrations", 1),
    ("calculated_attributes", 10),
    ("segment_definitions", 10),
    ("event_streams", 1),
    ("event_triggers", 8),
)
# kind of the document -> (its module, the option that names an item)
MODULES = {
    "object_types": ("customerprofiles_object_type", "object_type_name"),
    "integrations": ("customerprofiles_integration", "uri"),
    "calculated_attributes": ("customerprofiles_calculated_attribute", "calculated_attribute_name"),
    "segment_definitions": ("customerprofiles_segment_definition", "segment_definition_name"),
    "event_streams": ("customerprofiles_event_stream", "event_stream_name"),
    "event_triggers": ("customerprofiles_event_trigger", "event_trigger_name"),
}
RESOURCES = sum(count for _kind, count in KIND_COUNTS)
# What the export (customerprofiles_domain_config_info) of the bench's domain reads: every kind, those the document
# leaves empty too. One List per kind that has a list call; one Get per resource whose list item is not complete
# (an integration's is) and the domain's; and, for the kinds without a list call, their Gets. Pinned by
# tests/unit/test_bench_domain_config.py (the same tasks run in-process), budgeted here.
EXPORT_GETS = {
    "GetDomain": 1,
    "GetProfileObjectType": 10,
    "GetCalculatedAttributeDefinition": 10,
    "GetSegmentDefinition": 10,
    "GetEventStream": 1,
    "GetEventTrigger": 8,
    "GetIntentDefinition": 1,  # no list call exists: one Get per intent domain of the model (DEFAULT)
    "GetSegmentSubscription": 10,  # no list call exists: one Get per segment definition (none has one)
    "GetStreamForSegments": 1,  # the domain's one stream for segments (none)
}
EXPORT_LISTS = [
    "ListCalculatedAttributeDefinitions",
    "ListDomainObjectTypes",
    "ListEventStreams",
    "ListEventTriggers",
    "ListIntegrations",
    "ListProfileObjectTypes",
    "ListRecommenderFilters",
    "ListRecommenderSchemas",
    "ListRecommenders",
    "ListSegmentDefinitions",
    "ListSegmentDefinitions",  # the segment subscriptions': no list of them, one Get per segment
]


def rounds():
    return int(os.environ.get("BENCH_DOMAIN_N", "5"))


def object_type(index):
    return dict(
        object_type_name="Type{0:02d}".format(index),
        description="Records of source {0}".format(index),
        allow_profile_creation=True,
        fields={
            "RecordId": dict(source="_source.id", content_type="STRING"),
            "Total": dict(source="_source.total", content_type="NUMBER"),
            "AccountNumber": dict(source="_source.account", target="_profile.AccountNumber", content_type="STRING"),
        },
        keys={
            "RecordId{0:02d}".format(index): [dict(standard_identifiers=["UNIQUE"], field_names=["RecordId"])],
            "_account": [dict(standard_identifiers=["PROFILE"], field_names=["AccountNumber"])],
        },
        tags={"Bench": "yes"},
    )


def calculated_attribute(index):
    source = "Type{0:02d}.Total".format(index)
    return dict(
        calculated_attribute_name="spend_{0:02d}".format(index),
        display_name="Spend {0}".format(index),
        attribute_details=dict(attributes=[dict(name=source)], expression="{" + source + "}"),
        statistic="SUM",
        conditions=dict(range=dict(value=90, unit="DAYS")),
    )


def segment_definition(index):
    return dict(
        segment_definition_name="big_spenders_{0:02d}".format(index),
        display_name="Big spenders {0}".format(index),
        segment_groups=dict(
            include="ALL",
            groups=[
                dict(
                    type="ALL",
                    dimensions=[
                        dict(
                            calculated_attributes={
                                "spend_{0:02d}".format(index): dict(dimension_type="GREATER_THAN", values=["100"])
                            }
                        )
                    ],
                )
            ],
        ),
    )


def event_trigger(index):
    return dict(
        event_trigger_name="big-record-{0:02d}".format(index),
        object_type_name="Type{0:02d}".format(index),
        description="Records over 500",
        event_trigger_conditions=[
            dict(
                logical_operator="ALL",
                event_trigger_dimensions=[
                    dict(
                        object_attributes=[dict(field_name="Total", comparison_operator="GREATER_THAN", values=["500"])]
                    )
                ],
            )
        ],
    )


def document():
    """The domain's configuration: 40 resources, in the option names of their modules, the kinds in dependency
    order (what a kind names comes before it)."""
    counts = dict(KIND_COUNTS)
    return dict(
        domain=dict(default_expiration_days=365, tags={"Bench": "yes"}),
        object_types=[object_type(index) for index in range(counts["object_types"])],
        calculated_attributes=[calculated_attribute(index) for index in range(counts["calculated_attributes"])],
        segment_definitions=[segment_definition(index) for index in range(counts["segment_definitions"])],
        event_triggers=[event_trigger(index) for index in range(counts["event_triggers"])],
        integrations=[
            dict(
                uri="arn:aws:connect:{0}:{1}:instance/11111111-2222-3333-4444-555555555555".format(REGION, ACCOUNT),
                object_type_name="Type00",
            )
        ],
        event_streams=[
            dict(event_stream_name="events", uri="arn:aws:kinesis:{0}:{1}:stream/bench-events".format(REGION, ACCOUNT))
        ],
    )


def per_resource_tasks(domain_name, config):
    """(module, args) of the 0.2.0 way: one task for the domain, then one per resource, in the document's
    (dependency) order."""
    tasks = [("customerprofiles_domain", dict(config["domain"], domain_name=domain_name))]
    for kind, items in config.items():
        if kind != "domain":
            tasks.extend((MODULES[kind][0], dict(item, domain_name=domain_name)) for item in items)
    return tasks


def connection(url):
    return dict(endpoint_url=url, region=REGION, access_key="testing", secret_key="testing")


def task(name, module, args, **extra):
    return dict({"name": name, COLLECTION + module: args}, **extra)


def task_name(phase, round_name, kind, suffix=""):
    """``<phase>:<kind>:<round><suffix>``, the name the bench_timer callback times."""
    return "{0}:{1}:{2}{3}".format(phase, kind, round_name, suffix)


def playbook(url, n):
    conn = connection(url)
    config = document()
    tasks = [
        task(
            "setup: the domain of 40 resources",
            "customerprofiles_domain_config",
            dict(conn, domain_name=DOMAIN, config=config),
        )
    ]
    for round_name in ["w"] + [str(r) for r in range(1, n + 1)]:
        phase = "warmup" if round_name == "w" else "bench"
        name = functools.partial(task_name, phase, round_name)

        tasks += [
            task(
                name("single_noop"),
                "customerprofiles_object_type",
                dict(conn, domain_name=DOMAIN, **config["object_types"][0]),
            ),
            task(name("export"), "customerprofiles_domain_config_info", dict(conn, domain_name=DOMAIN)),
            task(name("config_noop"), "customerprofiles_domain_config", dict(conn, domain_name=DOMAIN, config=config)),
        ]
        tasks += [
            task(name("per_resource", ".{0:02d}".format(index)), module, dict(conn, **args))
            for index, (module, args) in enumerate(per_resource_tasks(DOMAIN, config))
        ]
    return [{"name": "bench domain config", "hosts": "localhost", "gather_facts": False, "tasks": tasks}]


def measure():
    """(records, seconds) of one run on an emulator server of its own."""
    from run_bench import bench_env  # pylint: disable=import-outside-toplevel

    from emulator.testing import start_server

    os.makedirs(OUT_DIR, exist_ok=True)
    results = os.path.join(OUT_DIR, "domain_config_results.json")
    started = time.time()
    server = start_server()
    try:
        book = os.path.join(OUT_DIR, "domain_config.yml")
        with open(book, "w") as handle:
            json.dump(playbook(server.url, rounds()), handle)
        log_path = os.path.join(OUT_DIR, "domain_config_ansible.log")
        print("domain config: {0} rounds; ansible output in {1}".format(rounds(), os.path.relpath(log_path, REPO_ROOT)))
        with open(log_path, "w") as log:
            rc = run_playbook(
                book, WORK_DIR, env=bench_env(server.url, results), cwd=REPO_ROOT, timeout=None, echo=log
            ).returncode
        if rc != 0:
            sys.exit("domain config ansible-playbook failed (rc={0}); see {1}".format(rc, log_path))
    finally:
        server.stop()
    with open(results) as handle:
        return json.load(handle), time.time() - started


def call_counts(operations):
    """{"List": n, "Get": n, "other": n} of a task's operations."""
    counts = {"List": 0, "Get": 0, "other": 0}
    for operation in operations:
        prefix = "List" if operation.startswith("List") else "Get" if operation.startswith("Get") else "other"
        counts[prefix] += 1
    return counts


def call_budget(kind):
    """(List calls, Get calls) that a run of ``kind`` may make: the export its reads above (EXPORT_LISTS,
    EXPORT_GETS); the no-op apply one List per kind of the document and one Get per resource and the domain's."""
    if kind == "export":
        return len(EXPORT_LISTS), sum(EXPORT_GETS.values())
    return len(KIND_COUNTS), RESOURCES + 1


def within_call_budget(record):
    """Within call_budget(), nothing else, no write."""
    counts = call_counts(record["operations"])
    lists, gets = call_budget(record["kind"])
    return record["writes"] == 0 and counts["other"] == 0 and counts["List"] <= lists and counts["Get"] <= gets


def summarize(records):
    """(rows, problems): per kind the median seconds and the call counts of its runs; per_resource per round."""
    bench = [r for r in records if r["phase"] == "bench"]
    problems = [
        "{0} {1}: {2} {3}".format(r["kind"], r["round"], r["status"], r["msg"]) for r in bench if r["status"] != "ok"
    ]
    problems += ["{0} {1}: changed".format(r["kind"], r["round"]) for r in bench if r["changed"]]
    rows = {}
    for kind in ("single_noop", "export", "config_noop"):
        runs = [r for r in bench if r["kind"] == kind]
        rows[kind] = dict(
            seconds=statistics.median(r["seconds"] for r in runs),
            by_round=dict((r["round"], r["seconds"]) for r in runs),
            counts=call_counts(runs[0]["operations"]),
            reads=sorted(set(r["reads"] for r in runs)),
            writes=sorted(set(r["writes"] for r in runs)),
            within=all(within_call_budget(r) for r in runs),
        )
    per_round = {}
    for r in bench:
        if r["kind"] == "per_resource":
            one = per_round.setdefault(r["round"].split(".")[0], dict(seconds=0.0, tasks=0, reads=0, writes=0))
            one["seconds"] += r["seconds"]
            one["tasks"] += 1
            one["reads"] += r["reads"]
            one["writes"] += r["writes"]
    rows["per_resource"] = dict(
        seconds=statistics.median(one["seconds"] for one in per_round.values()),
        by_round=dict((key, one["seconds"]) for key, one in per_round.items()),
        tasks=sorted(set(one["tasks"] for one in per_round.values())),
        reads=sorted(set(one["reads"] for one in per_round.values())),
        writes=sorted(set(one["writes"] for one in per_round.values())),
    )
    for kind in ("export", "config_noop", "per_resource"):
        mine, single = rows[kind]["by_round"], rows["single_noop"]["by_round"]
        rows[kind]["paired"] = statistics.median(mine[key] / single[key] for key in mine if key in single)
    return rows, problems


def report(records, elapsed):
    rows, problems = summarize(records)
    single = rows["single_noop"]["seconds"]

    def counts(row):
        found = row["counts"]
        return "{0} List, {1} Get, {2} other".format(found["List"], found["Get"], found["other"])

    lines = [
        "| task | median s | / one no-op task | / one no-op task, paired | reads | writes | calls |",
        "|---|---:|---:|---:|---:|---:|---|",
        "| one no-op `customerprofiles_object_type` task | {0:.2f} | 1.00 | 1.00 | {1} | {2} | {3} |".format(
            single, rows["single_noop"]["reads"][0], rows["single_noop"]["writes"][0], counts(rows["single_noop"])
        ),
    ]
    for kind, label in (
        ("export", "export: `customerprofiles_domain_config_info`"),
        ("config_noop", "no-op apply: `customerprofiles_domain_config`"),
    ):
        row = rows[kind]
        lines.append(
            "| {0} | {1:.2f} | {2:.2f} | {3:.2f} | {4} | {5} | {6} |".format(
                label,
                row["seconds"],
                row["seconds"] / single,
                row["paired"],
                row["reads"][0],
                row["writes"][0],
                counts(row),
            )
        )
    per = rows["per_resource"]
    lines.append(
        "| the 0.2.0 way: {0} tasks, one per resource (their sum) | {1:.2f} | {2:.2f} | {3:.2f} | {4} | {5} | "
        "one read per task |".format(
            per["tasks"][0], per["seconds"], per["seconds"] / single, per["paired"], per["reads"][0], per["writes"][0]
        )
    )
    goal_lines = [
        "| goal (issue 23) | measured | target | met |",
        "|---|---:|---|---|",
    ]
    budgets = dict(
        export="one List per kind that has a list call ({0}), one Get per resource not complete in its list and "
        "the domain's, and the Gets of the kinds without a list call ({1})",
        config_noop="at most one List per kind of the document ({0}) and one Get per resource and the domain ({1})",
    )
    for kind, label in (("export", "export"), ("config_noop", "no-op apply")):
        ratio = rows[kind]["seconds"] / single
        goal_lines.append(
            "| {0} / one no-op single-resource task | {1:.2f} | <= {2} | {3} |".format(
                label, ratio, GOAL, "yes" if ratio <= GOAL else "**no**"
            )
        )
        goal_lines.append(
            "| {0}: {1}, no write | {2} | | {3} |".format(
                label,
                budgets[kind].format(*call_budget(kind)),
                counts(rows[kind]),
                "yes" if rows[kind]["within"] else "**no**",
            )
        )
        if not rows[kind]["within"]:
            problems.append("{0}: calls beyond the budget: {1}".format(kind, counts(rows[kind])))
    goal_lines.append(
        "| the 0.2.0 way (a task per resource) / the no-op apply | {0:.1f} | (reported) | |".format(
            per["seconds"] / rows["config_noop"]["seconds"]
        )
    )
    context = (
        "Whole-domain run: {0} resources ({1}), {2} rounds after one warm-up round, measured {3} UTC on {4} "
        'CPU(s); the part took {5:.0f} s. "paired" is the median over rounds of the ratio to the single task of '
        "the same round.".format(
            RESOURCES,
            ", ".join(
                "{0} {1}".format(count, kind.replace("_", " ")[: -1 if count == 1 else None])
                for kind, count in KIND_COUNTS
            ),
            rounds(),
            time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
            os.cpu_count(),
            elapsed,
        )
    )
    return "\n\n".join([context, "\n".join(lines), "\n".join(goal_lines)]), problems


BEGIN = "<!-- BEGIN domain config section, generated by make bench: do not edit by hand -->"
END = "<!-- END domain config section -->"
HEADING = "## A whole domain: customerprofiles_domain_config"


def main():
    """Measure, print, and rewrite the whole-domain section of docs/performance.md (at the default rounds only)."""
    from bulk_bench import write_doc  # pylint: disable=import-outside-toplevel

    records, elapsed = measure()
    text, problems = report(records, elapsed)
    print(text)
    for problem in problems:
        print("PROBLEM: " + problem)
    if rounds() == 5 and not problems:
        write_doc(text, BEGIN, END, HEADING)
        print("wrote the whole-domain section of docs/performance.md")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""make bench, bulk part (issue 13): customerprofiles_profiles with N profiles (BENCH_BULK_N, default 1000).

One ansible-playbook run against the bundled emulator server, every kind side by side, each task timed
by the bench_timer callback (task start to result, and the span of its API calls as the emulator logged
them; the call log cleared before and read after):

- single_noop: one no-op customerprofiles_profile task (NOOP_RUNS runs, interleaved with the no-op syncs,
  the median is kept);
- bulk_create / bulk_noop / bulk_update (10 % of the items change) / bulk_check (check mode, 10 % would
  change), at the default rate_limit (95 calls/s, under the 100 TPS quota); the no-op NOOP_RUNS times;
- bulk_create_unlimited / bulk_update_unlimited: the same with rate_limit 100000 (no client-side limit),
  to compare with the raw boto3 ceiling, which has none either; UNLIMITED_RUNS times each on fresh domains,
  medians kept;
- loop: LOOP_N customerprofiles_profile create tasks (a loop of 50, scaled to N, said so in the table);
- bulk_create_quota: N creates with the emulator's quota mode on (100 TPS CreateProfile, 429 beyond).

The raw ceiling is tests/bench/raw_sync.py, a plain boto3 script with a thread pool of 10 that makes the
module's calls for the same lists (create, no-op, update of 10 %). Its call spans come from runs as command
tasks of the playbook, each next to the module's run it is compared with (UNLIMITED_RUNS rounds, medians);
its time as a process (start to exit) from RAW_RUNS runs after the playbook, on fresh domains of the same
server (medians). tests/emulator/ceiling.py adds the emulator's own rates.

Returns the markdown section; run_bench.py writes it into docs/performance.md.
"""

import json
import os
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
TESTS_DIR = os.path.dirname(BENCH_DIR)
REPO_ROOT = os.path.dirname(TESTS_DIR)
OUT_DIR = os.path.join(REPO_ROOT, ".build", "bench")
WORK_DIR = os.path.join(OUT_DIR, "ansible-bulk")
sys.path.insert(0, TESTS_DIR)

from playbook_runner import run_playbook  # noqa: E402  pylint: disable=wrong-import-position

sys.path.insert(0, BENCH_DIR)
from callback_plugins.bench_timer import call_span  # noqa: E402  pylint: disable=wrong-import-position

REGION = "us-east-1"
LOOP_N = 50
# The no-op sync and the one no-op customerprofiles_profile task it is compared with run this many times
# each, interleaved; the medians are kept.
NOOP_RUNS = 5
RAW_RUNS = 3
# The kinds compared with the raw script run this many times each (on fresh domains); medians kept.
UNLIMITED_RUNS = 3
RAW_SCRIPT = os.path.join(BENCH_DIR, "raw_sync.py")
UNLIMITED = 100000
# The goals of issue 13.
NOOP_GOAL = 2.0  # x one no-op customerprofiles_profile task
NOOP_READS_GOAL = 20
CEILING_GOAL = 1.5  # x the raw boto3 ceiling
LOOP_GOAL = 100.0  # x faster than the loop
QUOTA_GOAL = 1.3  # x the time the quota allows (N / 100 s)
QUOTA_TPS = 100.0


def bench_n():
    return int(os.environ.get("BENCH_BULK_N", "1000"))


def accounts(prefix, count, **fields):
    return [dict(fields, account_number="{0}-{1:05d}".format(prefix, index)) for index in range(count)]


def connection(url):
    return dict(endpoint_url=url, region=REGION, access_key="testing", secret_key="testing")


def task(kind, round_name, module, args, check_mode=False):
    out = {"name": "bench:{0}:{1}".format(kind, round_name), "awscx.customerprofiles." + module: args}
    if check_mode:
        out["check_mode"] = True
    return out


def control(url, path, payload):
    return {
        "name": "control " + path,
        "ansible.builtin.uri": {
            "url": url + "/_emulator/" + path,
            "method": "POST",
            "body_format": "json",
            "body": payload,
        },
    }


def lists(n):
    """The item lists of the kinds: created (every item new), updated (the first tenth with another
    first_name), checked (the first tenth with a third first_name, for check mode)."""
    tenth = max(1, n // 10)
    created = accounts("a", n, first_name="Ann")
    return (
        created,
        accounts("a", tenth, first_name="Bob") + created[tenth:],
        accounts("a", tenth, first_name="Cid") + created[tenth:],
    )


def items_file(name):
    return os.path.join(OUT_DIR, "raw_{0}.json".format(name))


def write_items(n):
    """The lists the raw script reads (items_file("created"), items_file("updated"))."""
    created, updated, _checked = lists(n)
    for name, items in (("created", created), ("updated", updated)):
        with open(items_file(name), "w") as handle:
            json.dump(items, handle)


def raw_task(kind, run, url, items):
    """The raw script as a task of the playbook, on a domain of its own (raw-p<run>)."""
    argv = [sys.executable, RAW_SCRIPT, "--url", url, "--domain", "raw-p%d" % run, "--items", items_file(items)]
    return {"name": "bench:{0}:{1}".format(kind, run), "ansible.builtin.command": {"argv": argv}, "changed_when": False}


def playbook(url, n):
    conn = connection(url)

    def bulk(kind, domain, profiles, check_mode=False, round_name="1", **extra):
        return task(
            kind,
            round_name,
            "customerprofiles_profiles",
            dict(conn, domain_name=domain, profiles=profiles, **extra),
            check_mode,
        )

    created, updated, checked = lists(n)
    tasks = [
        task(
            "warmup",
            "w",
            "customerprofiles_profile",
            dict(conn, domain_name="bulk-single", account_number="single", first_name="Ann"),
        )
    ]
    tasks += [bulk("bulk_create", "bulk-a", created)]
    # The two no-ops the goal compares, interleaved run by run so that a change of load hits both alike.
    for run in range(NOOP_RUNS):
        tasks += [
            task(
                "single_noop",
                str(run),
                "customerprofiles_profile",
                dict(conn, domain_name="bulk-single", account_number="single", first_name="Ann"),
            ),
            bulk("bulk_noop", "bulk-a", created, round_name=str(run)),
        ]
    tasks += [
        bulk("bulk_update", "bulk-a", updated),
        bulk("bulk_check", "bulk-a", checked, check_mode=True),
    ]
    # The kinds compared with the raw script, each next to the script's run with the same calls (a command task
    # whose calls the emulator logs like the module's), round by round, so that a change of load hits both alike.
    for run in range(UNLIMITED_RUNS):
        tasks += [
            bulk("bulk_create_unlimited", "bulk-b%d" % run, created, round_name=str(run), rate_limit=UNLIMITED),
            raw_task("raw_create", run, url, "created"),
            raw_task("raw_noop", run, url, "created"),
            bulk("bulk_update_unlimited", "bulk-b%d" % run, updated, round_name=str(run), rate_limit=UNLIMITED),
            raw_task("raw_update", run, url, "updated"),
        ]
    tasks += [
        task("loop", str(index), "customerprofiles_profile", dict(conn, domain_name="bulk-loop", **item))
        for index, item in enumerate(accounts("l", LOOP_N, first_name="Ann"))
    ]
    tasks += [
        control(url, "quota", {"enabled": True}),
        bulk("bulk_create_quota", "bulk-q", created),
        control(url, "quota", {"enabled": False}),
    ]
    return [{"name": "bench bulk", "hosts": "localhost", "gather_facts": False, "tasks": tasks}]


def setup(server):
    client = server.client(region=REGION)
    domains = ["bulk-single", "bulk-a", "bulk-loop", "bulk-q"]
    domains += ["bulk-b%d" % run for run in range(UNLIMITED_RUNS)] + ["raw-p%d" % run for run in range(UNLIMITED_RUNS)]
    for domain in domains:
        client.create_domain(DomainName=domain, DefaultExpirationDays=365)
    client.create_profile(DomainName="bulk-single", AccountNumber="single", FirstName="Ann")


def ceiling(url, n):
    from emulator.ceiling import run

    return run(url, n=n, workers=10)


def raw_runs(server, n):
    """{kind: record} of the raw script on RAW_RUNS fresh domains: create, no-op and update of 10 %, each run
    timed as a process and by the span of its calls; medians over the runs."""
    client = server.client(region=REGION)
    created, updated, _checked = lists(n)
    items_path = os.path.join(OUT_DIR, "raw_items.json")
    runs = {}
    for run in range(RAW_RUNS):
        domain = "raw-{0}".format(run)
        client.create_domain(DomainName=domain, DefaultExpirationDays=365)
        for kind, items in (("create", created), ("noop", created), ("update", updated)):
            with open(items_path, "w") as handle:
                json.dump(items, handle)
            server.reset_calls()
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, RAW_SCRIPT, "--url", server.url, "--domain", domain, "--items", items_path],
                check=True,
                capture_output=True,
                text=True,
            )
            seconds = time.perf_counter() - started
            runs.setdefault(kind, []).append(dict(seconds=seconds, calls_seconds=call_span(server.calls(times=True))))
    return dict(
        (
            kind,
            dict(
                seconds=statistics.median(run["seconds"] for run in records),
                calls_seconds=statistics.median(run["calls_seconds"] for run in records),
                runs=records,
            ),
        )
        for kind, records in runs.items()
    )


def measure():
    """(records, raw script records, ceiling report, n, seconds) of one bulk run on a server of its own."""
    from run_bench import bench_env  # pylint: disable=import-outside-toplevel

    from emulator.testing import start_server

    n = bench_n()
    os.makedirs(OUT_DIR, exist_ok=True)
    results = os.path.join(OUT_DIR, "bulk_results.json")
    started = time.time()
    server = start_server()
    try:
        setup(server)
        write_items(n)
        book = os.path.join(OUT_DIR, "bulk.yml")
        with open(book, "w") as handle:
            json.dump(playbook(server.url, n), handle)
        log_path = os.path.join(OUT_DIR, "bulk_ansible.log")
        print("bulk: N={0}; ansible output in {1}".format(n, os.path.relpath(log_path, REPO_ROOT)), flush=True)
        with open(log_path, "w") as log:
            rc = run_playbook(
                book, WORK_DIR, env=bench_env(server.url, results), cwd=REPO_ROOT, timeout=None, echo=log
            ).returncode
        if rc != 0:
            sys.exit("bulk ansible-playbook failed (rc={0}); see {1}".format(rc, log_path))
        raw = raw_runs(server, n)
        rates = ceiling(server.url, n)
    finally:
        server.stop()
    with open(results) as handle:
        records = json.load(handle)
    with open(os.path.join(OUT_DIR, "bulk_summary.json"), "w") as handle:
        json.dump(dict(records=records, raw=raw, ceiling=rates, n=n), handle, indent=1)
    return records, raw, rates, n, time.time() - started


def rows_of(records):
    by_kind = {}
    for record in records:
        if record["phase"] == "bench":
            by_kind.setdefault(record["kind"], []).append(record)
    return by_kind


# kind -> (label, the raw script's run with the same calls)
BULK_KINDS = [
    ("bulk_create", "create (rate_limit 95/s)", "create"),
    ("bulk_noop", "no-op sync (median of {0} runs)".format(NOOP_RUNS), "noop"),
    ("bulk_update", "update of 10 % (rate_limit 95/s)", "update"),
    ("bulk_check", "check mode (10 % would change)", "noop"),
    ("bulk_create_unlimited", "create (rate_limit off; median of {0} runs)".format(UNLIMITED_RUNS), "create"),
    ("bulk_update_unlimited", "update of 10 % (rate_limit off; median of {0} runs)".format(UNLIMITED_RUNS), "update"),
    ("bulk_create_quota", "create, emulator quota mode on", "create"),
]


def goal(label, value, target, met):
    return "| {0} | {1:.2f} | {2} | {3} |".format(label, value, target, "yes" if met else "**no**")


def report(records, raw, rates, n, elapsed):
    kinds = rows_of(records)
    problems = [r["kind"] + ": " + str(r.get("msg")) for r in records if r["status"] != "ok"]
    single = statistics.median(r["seconds"] for r in kinds["single_noop"])
    loop_seconds = sum(r["seconds"] for r in kinds["loop"])
    loop_scaled = loop_seconds * n / LOOP_N

    def one(kind):
        """The kind's record; of a kind run several times, the median seconds and call span."""
        records = kinds[kind]
        return dict(
            records[0],
            seconds=statistics.median(r["seconds"] for r in records),
            calls_seconds=statistics.median(r["calls_seconds"] or 0.0 for r in records),
            runs=len(records),
        )

    lines = [
        "| kind | items | task (s) | its calls (s) | reads | writes | raw script: run (s) | raw script: calls (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, label, raw_kind in BULK_KINDS:
        # the script's calls: its runs in the playbook, next to the module's; its process time: its bare runs
        record, in_play = one(kind), one("raw_" + raw_kind)
        if (record["reads"], record["writes"]) != (in_play["reads"], in_play["writes"]):
            problems.append(
                "{0}: the raw script made {1} reads and {2} writes, the module {3} and {4}".format(
                    kind, in_play["reads"], in_play["writes"], record["reads"], record["writes"]
                )
            )
        lines.append(
            "| {0} | {1} | {2:.2f} | {3:.2f} | {4} | {5} | {6:.2f} | {7:.2f} |".format(
                label,
                n,
                record["seconds"],
                record["calls_seconds"] or 0.0,
                record["reads"],
                record["writes"],
                raw[raw_kind]["seconds"],
                in_play["calls_seconds"],
            )
        )
    lines.append(
        "| one no-op `customerprofiles_profile` task (median of {0}) | 1 | {1:.2f} | | {2} | {3} | | |".format(
            NOOP_RUNS, single, kinds["single_noop"][0]["reads"], kinds["single_noop"][0]["writes"]
        )
    )
    lines.append(
        "| loop of `customerprofiles_profile` creates: {0} tasks measured ({1:.1f} s), scaled x{2:g} "
        "| {3} | {4:.1f} | | {5} | {6} | | |".format(
            LOOP_N,
            loop_seconds,
            n / float(LOOP_N),
            n,
            loop_scaled,
            sum(r["reads"] for r in kinds["loop"]) * n // LOOP_N,
            sum(r["writes"] for r in kinds["loop"]) * n // LOOP_N,
        )
    )
    phases = rates["phases"]
    lines.append("")
    lines.append(
        'The raw script (tests/bench/raw_sync.py): "calls" is the span of its calls in the emulator\'s log, '
        "median of {0} runs as tasks of the playbook, each next to the module's run it is compared with; "
        '"run" is the process from start to exit, median of {0} runs after the playbook. The emulator\'s own '
        "ceiling (tests/emulator/ceiling.py, {1} workers, one client): CreateProfile "
        "{2} calls/s, SearchProfiles {3} calls/s (chunks of {4} values), UpdateProfile {5} calls/s.".format(
            RAW_RUNS,
            rates["workers"],
            phases["create_profile"]["calls_per_second"],
            phases["search_profiles"]["calls_per_second"],
            rates["chunk"],
            phases["update_profile"]["calls_per_second"],
        )
    )

    def calls_ratio(kind, raw_kind):
        return one(kind)["calls_seconds"] / one("raw_" + raw_kind)["calls_seconds"]

    def run_ratio(kind, raw_kind):
        return one(kind)["seconds"] / raw[raw_kind]["seconds"]

    quota = one("bulk_create_quota")
    noop = one("bulk_noop")
    create_calls, update_calls = (
        calls_ratio("bulk_create_unlimited", "create"),
        calls_ratio("bulk_update_unlimited", "update"),
    )
    loop_ratio = loop_scaled / one("bulk_create_unlimited")["seconds"]
    quota_ratio = quota["seconds"] / (n / QUOTA_TPS)
    goal_lines = [
        "| goal (issue 13) | measured | target | met |",
        "|---|---:|---|---|",
        goal(
            "no-op sync of N / one no-op customerprofiles_profile task",
            noop["seconds"] / single,
            "<= {0}".format(NOOP_GOAL),
            noop["seconds"] / single <= NOOP_GOAL,
        ),
        goal("no-op sync reads", noop["reads"], "<= {0}".format(NOOP_READS_GOAL), noop["reads"] <= NOOP_READS_GOAL),
        goal(
            "create (rate_limit off) / raw ceiling, calls",
            create_calls,
            "<= {0}".format(CEILING_GOAL),
            create_calls <= CEILING_GOAL,
        ),
        goal(
            "update of 10 % (rate_limit off) / raw ceiling, calls",
            update_calls,
            "<= {0}".format(CEILING_GOAL),
            update_calls <= CEILING_GOAL,
        ),
        goal(
            "loop of N creates / bulk create (rate_limit off)",
            loop_ratio,
            ">= {0:g}".format(LOOP_GOAL),
            loop_ratio >= LOOP_GOAL,
        ),
        goal(
            "create with quota mode on / N at 100 TPS ({0:.0f} s)".format(n / QUOTA_TPS),
            quota_ratio,
            "<= {0} and no failed item".format(QUOTA_GOAL),
            quota_ratio <= QUOTA_GOAL and quota["status"] == "ok",
        ),
    ]
    other_lines = [
        "| the same, measured otherwise (not the goals) | measured |",
        "|---|---:|",
        "| create (rate_limit off), task / raw script run | {0:.2f} |".format(
            run_ratio("bulk_create_unlimited", "create")
        ),
        "| update of 10 % (rate_limit off), task / raw script run | {0:.2f} |".format(
            run_ratio("bulk_update_unlimited", "update")
        ),
        "| loop of N creates / bulk create at the default rate_limit (95/s) | {0:.2f} |".format(
            loop_scaled / one("bulk_create")["seconds"]
        ),
    ]
    context = "Bulk run: N = {0}, measured {1} UTC on {2} CPU(s); the bulk part took {3:.0f} s.".format(
        n, time.strftime("%Y-%m-%d %H:%M", time.gmtime()), os.cpu_count(), elapsed
    )
    return "\n\n".join([context, "\n".join(lines), "\n".join(goal_lines), "\n".join(other_lines)]), problems


DOC = os.path.join(REPO_ROOT, "docs", "performance.md")
BEGIN = "<!-- BEGIN bulk section, generated by make bench: do not edit by hand -->"
END = "<!-- END bulk section -->"


def write_doc(section, begin=BEGIN, end=END, heading="## Bulk: customerprofiles_profiles"):
    """Replace a generated section of docs/performance.md (between ``begin`` and ``end``; appended under
    ``heading`` when missing): by default the bulk section."""
    with open(DOC) as handle:
        text = handle.read()
    block = begin + "\n" + section + "\n" + end
    if begin in text and end in text:
        text = text[: text.index(begin)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip("\n") + "\n\n" + heading + "\n\n" + block + "\n"
    with open(DOC, "w") as handle:
        handle.write(text)


def main():
    """Measure, print, and rewrite the bulk section of docs/performance.md (at the default N only)."""
    records, raw, rates, n, elapsed = measure()
    text, problems = report(records, raw, rates, n, elapsed)
    print(text)
    for problem in problems:
        print("PROBLEM: " + problem)
    if n == 1000 and not problems:
        write_doc(text)
        print("wrote the bulk section of docs/performance.md")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

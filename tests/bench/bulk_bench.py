# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""make bench, bulk part (issue 13): customerprofiles_profiles with N profiles (BENCH_BULK_N, default 1000).

One ansible-playbook run against the bundled emulator server, every kind side by side, each task timed
by the bench_timer callback (task start to result, the emulator's call log cleared before and read after):

- single_noop: one no-op customerprofiles_profile task (3 runs, the median is kept);
- bulk_create / bulk_noop / bulk_update (10 % of the items change) / bulk_check (check mode, 10 % would
  change), at the default rate_limit (95 writes/s, under the 100 TPS quota);
- bulk_create_unlimited / bulk_update_unlimited: the same with rate_limit 100000 (no client-side limit),
  to compare with the raw boto3 ceiling, which has none either;
- loop: LOOP_N customerprofiles_profile create tasks (a loop of 50, scaled to N, said so in the table);
- bulk_create_quota: N creates with the emulator's quota mode on (100 TPS CreateProfile, 429 beyond).

Then the raw ceiling: tests/emulator/ceiling.py (a plain boto3 thread pool of 10 workers: N CreateProfile,
SearchProfiles in chunks, N UpdateProfile) against the same server; the ceiling time of a kind is its own
calls at the ceiling's rates (writes / write calls per second + reads / search calls per second).

Returns the markdown section; run_bench.py writes it into docs/performance.md.
"""

import json
import os
import statistics
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
TESTS_DIR = os.path.dirname(BENCH_DIR)
REPO_ROOT = os.path.dirname(TESTS_DIR)
OUT_DIR = os.path.join(REPO_ROOT, ".build", "bench")
WORK_DIR = os.path.join(OUT_DIR, "ansible-bulk")
sys.path.insert(0, TESTS_DIR)

from playbook_runner import run_playbook  # noqa: E402  pylint: disable=wrong-import-position

REGION = "us-east-1"
LOOP_N = 50
SINGLE_RUNS = 3
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


def playbook(url, n):
    conn = connection(url)
    tenth = max(1, n // 10)

    def bulk(kind, domain, profiles, check_mode=False, **extra):
        return task(
            kind,
            "1",
            "customerprofiles_profiles",
            dict(conn, domain_name=domain, profiles=profiles, **extra),
            check_mode,
        )

    created = accounts("a", n, first_name="Ann")
    updated = accounts("a", tenth, first_name="Bob") + created[tenth:]
    checked = accounts("a", tenth, first_name="Cid") + created[tenth:]
    tasks = [
        task(
            "warmup",
            "w",
            "customerprofiles_profile",
            dict(conn, domain_name="bulk-single", account_number="single", first_name="Ann"),
        )
    ]
    tasks += [
        task(
            "single_noop",
            str(r),
            "customerprofiles_profile",
            dict(conn, domain_name="bulk-single", account_number="single", first_name="Ann"),
        )
        for r in range(SINGLE_RUNS)
    ]
    tasks += [
        bulk("bulk_create", "bulk-a", created),
        bulk("bulk_noop", "bulk-a", created),
        bulk("bulk_update", "bulk-a", updated),
        bulk("bulk_check", "bulk-a", checked, check_mode=True),
        bulk("bulk_create_unlimited", "bulk-b", created, rate_limit=UNLIMITED),
        bulk("bulk_update_unlimited", "bulk-b", updated, rate_limit=UNLIMITED),
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


def setup(url):
    import boto3

    client = boto3.client(
        "customer-profiles",
        endpoint_url=url,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    for domain in ("bulk-single", "bulk-a", "bulk-b", "bulk-loop", "bulk-q"):
        client.create_domain(DomainName=domain, DefaultExpirationDays=365)
    client.create_profile(DomainName="bulk-single", AccountNumber="single", FirstName="Ann")


def ceiling(url, n):
    from emulator.ceiling import run

    return run(url, n=n, workers=10)


def measure():
    """(records, ceiling report, n, seconds) of one bulk run on a server of its own."""
    from run_bench import bench_env  # pylint: disable=import-outside-toplevel

    from emulator.testing import start_server

    n = bench_n()
    os.makedirs(OUT_DIR, exist_ok=True)
    results = os.path.join(OUT_DIR, "bulk_results.json")
    started = time.time()
    server = start_server()
    try:
        setup(server.url)
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
        raw = ceiling(server.url, n)
    finally:
        server.stop()
    with open(results) as handle:
        records = json.load(handle)
    with open(os.path.join(OUT_DIR, "bulk_summary.json"), "w") as handle:
        json.dump(dict(records=records, ceiling=raw, n=n), handle, indent=1)
    return records, raw, n, time.time() - started


def rows_of(records):
    by_kind = {}
    for record in records:
        if record["phase"] == "bench":
            by_kind.setdefault(record["kind"], []).append(record)
    return by_kind


def ceiling_seconds(raw, reads, writes, write_phase="create_profile"):
    phases = raw["phases"]
    return writes / phases[write_phase]["calls_per_second"] + reads / phases["search_profiles"]["calls_per_second"]


def report(records, raw, n, elapsed):
    kinds = rows_of(records)
    problems = [r["kind"] + ": " + str(r.get("msg")) for r in records if r["status"] != "ok"]
    single = statistics.median(r["seconds"] for r in kinds["single_noop"])
    loop_seconds = sum(r["seconds"] for r in kinds["loop"])
    loop_scaled = loop_seconds * n / LOOP_N

    def one(kind):
        return kinds[kind][0]

    lines = [
        "| kind | items | seconds | reads | writes | raw boto3 ceiling, same calls (s) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    ceilings = {}
    for kind, label, write_phase in [
        ("bulk_create", "create (rate_limit 95/s)", "create_profile"),
        ("bulk_noop", "no-op sync", "create_profile"),
        ("bulk_update", "update of 10 % (rate_limit 95/s)", "update_profile"),
        ("bulk_check", "check mode (10 % would change)", "update_profile"),
        ("bulk_create_unlimited", "create (rate_limit off)", "create_profile"),
        ("bulk_update_unlimited", "update of 10 % (rate_limit off)", "update_profile"),
        ("bulk_create_quota", "create, emulator quota mode on", "create_profile"),
    ]:
        record = one(kind)
        ceilings[kind] = ceiling_seconds(raw, record["reads"], record["writes"], write_phase)
        lines.append(
            "| {0} | {1} | {2:.2f} | {3} | {4} | {5:.2f} |".format(
                label, n, record["seconds"], record["reads"], record["writes"], ceilings[kind]
            )
        )
    lines.append(
        "| one no-op `customerprofiles_profile` task (median of {0}) | 1 | {1:.2f} | {2} | {3} | |".format(
            SINGLE_RUNS, single, kinds["single_noop"][0]["reads"], kinds["single_noop"][0]["writes"]
        )
    )
    lines.append(
        "| loop of `customerprofiles_profile` creates: {0} tasks measured ({1:.1f} s), scaled x{2:g} | {3} | {4:.1f} | {5} | {6} | |".format(
            LOOP_N,
            loop_seconds,
            n / float(LOOP_N),
            n,
            loop_scaled,
            sum(r["reads"] for r in kinds["loop"]) * n // LOOP_N,
            sum(r["writes"] for r in kinds["loop"]) * n // LOOP_N,
        )
    )
    phases = raw["phases"]
    lines.append("")
    lines.append(
        "Raw boto3 ceiling (tests/emulator/ceiling.py, {0} workers, one client): CreateProfile {1} calls/s, "
        "SearchProfiles {2} calls/s (chunks of {3} values), UpdateProfile {4} calls/s.".format(
            raw["workers"],
            phases["create_profile"]["calls_per_second"],
            phases["search_profiles"]["calls_per_second"],
            raw["chunk"],
            phases["update_profile"]["calls_per_second"],
        )
    )
    quota = one("bulk_create_quota")
    goals = [
        (
            "no-op sync of N / one no-op customerprofiles_profile task",
            one("bulk_noop")["seconds"] / single,
            "<= {0}".format(NOOP_GOAL),
            one("bulk_noop")["seconds"] / single <= NOOP_GOAL,
        ),
        (
            "no-op sync reads",
            one("bulk_noop")["reads"],
            "<= {0}".format(NOOP_READS_GOAL),
            one("bulk_noop")["reads"] <= NOOP_READS_GOAL,
        ),
        (
            "create (rate_limit off) / raw ceiling",
            one("bulk_create_unlimited")["seconds"] / ceilings["bulk_create_unlimited"],
            "<= {0}".format(CEILING_GOAL),
            one("bulk_create_unlimited")["seconds"] / ceilings["bulk_create_unlimited"] <= CEILING_GOAL,
        ),
        (
            "update of 10 % (rate_limit off) / raw ceiling",
            one("bulk_update_unlimited")["seconds"] / ceilings["bulk_update_unlimited"],
            "<= {0}".format(CEILING_GOAL),
            one("bulk_update_unlimited")["seconds"] / ceilings["bulk_update_unlimited"] <= CEILING_GOAL,
        ),
        (
            "loop of N creates / bulk create (rate_limit 95/s)",
            loop_scaled / one("bulk_create")["seconds"],
            ">= {0:g}".format(LOOP_GOAL),
            loop_scaled / one("bulk_create")["seconds"] >= LOOP_GOAL,
        ),
        (
            "create with quota mode on / N at 100 TPS ({0:.0f} s)".format(n / QUOTA_TPS),
            quota["seconds"] / (n / QUOTA_TPS),
            "<= {0} and no failed item".format(QUOTA_GOAL),
            quota["seconds"] / (n / QUOTA_TPS) <= QUOTA_GOAL and quota["status"] == "ok",
        ),
    ]
    goal_lines = ["| goal (issue 13) | measured | target | met |", "|---|---:|---|---|"]
    for label, value, target, met in goals:
        goal_lines.append("| {0} | {1:.2f} | {2} | {3} |".format(label, value, target, "yes" if met else "**no**"))
    context = "Bulk run: N = {0}, measured {1} UTC on {2} CPU(s); the bulk part took {3:.0f} s.".format(
        n, time.strftime("%Y-%m-%d %H:%M", time.gmtime()), os.cpu_count(), elapsed
    )
    return "\n\n".join([context, "\n".join(lines), "\n".join(goal_lines)]), problems


DOC = os.path.join(REPO_ROOT, "docs", "performance.md")
BEGIN = "<!-- BEGIN bulk section, generated by make bench: do not edit by hand -->"
END = "<!-- END bulk section -->"


def write_doc(section):
    """Replace the bulk section of docs/performance.md (between BEGIN and END; appended when missing)."""
    with open(DOC) as handle:
        text = handle.read()
    block = BEGIN + "\n" + section + "\n" + END
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n## Bulk: customerprofiles_profiles\n\n" + block + "\n"
    with open(DOC, "w") as handle:
        handle.write(text)


def main():
    """Measure, print, and rewrite the bulk section of docs/performance.md (at the default N only)."""
    records, raw, n, elapsed = measure()
    text, problems = report(records, raw, n, elapsed)
    print(text)
    for problem in problems:
        print("PROBLEM: " + problem)
    if n == 1000 and not problems:
        write_doc(text)
        print("wrote the bulk section of docs/performance.md")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

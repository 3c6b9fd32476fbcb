# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulator's own ceiling: how many calls a second it serves to a plain boto3 thread pool.

    PYTHONPATH=tests python -m emulator.ceiling --url http://127.0.0.1:PORT --n 1000 --workers 10

Creates a domain, then runs three phases with `workers` threads sharing one client: CreateProfile N
times (AccountNumber acct-<i>), SearchProfiles by _account in chunks of --chunk values (every page),
UpdateProfile N times; deletes the domain. Prints one JSON object: per phase the calls, seconds and
calls per second (and, for search, the profiles found, which must be N).
"""

import argparse
import concurrent.futures
import json
import sys
import time
import uuid

import boto3
from botocore.config import Config


def _client(url, region, workers):
    config = Config(retries={"mode": "standard", "total_max_attempts": 3}, max_pool_connections=max(workers, 10))
    return boto3.session.Session().client(
        "customer-profiles",
        region_name=region,
        endpoint_url=url,
        config=config,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def _phase(workers, jobs):
    """(calls made, seconds) of running every job (a callable returning its number of calls) on the pool."""
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        calls = sum(pool.map(lambda job: job(), jobs))
    return calls, time.perf_counter() - started


def _report(calls, seconds, **extra):
    out = {
        "calls": calls,
        "seconds": round(seconds, 3),
        "calls_per_second": round(calls / seconds, 1) if seconds else None,
    }
    out.update(extra)
    return out


def run(url, n=1000, workers=10, chunk=100, region="us-east-1"):
    """Run the three phases against the emulator at url; return the report (a dict)."""
    client = _client(url, region, workers)
    domain = "ceiling-%s" % uuid.uuid4().hex[:12]
    client.create_domain(DomainName=domain, DefaultExpirationDays=1)
    accounts = ["acct-%06d" % index for index in range(n)]
    ids = {}

    def create(account):
        def job():
            ids[account] = client.create_profile(DomainName=domain, AccountNumber=account, FirstName="Ceiling")[
                "ProfileId"
            ]
            return 1

        return job

    def search(values):
        def job():
            calls, token, found = 0, None, []
            while True:
                params = {"DomainName": domain, "KeyName": "_account", "Values": values, "MaxResults": 100}
                if token:
                    params["NextToken"] = token
                page = client.search_profiles(**params)
                calls += 1
                found.extend(item["ProfileId"] for item in page["Items"])
                token = page.get("NextToken")
                if not token:
                    break
            found_ids.extend(found)
            return calls

        return job

    def update(account):
        def job():
            client.update_profile(DomainName=domain, ProfileId=ids[account], LastName="Updated")
            return 1

        return job

    found_ids = []
    report = {"url": url, "n": n, "workers": workers, "chunk": chunk, "phases": {}}
    try:
        calls, seconds = _phase(workers, [create(account) for account in accounts])
        report["phases"]["create_profile"] = _report(calls, seconds)
        chunks = [accounts[start : start + chunk] for start in range(0, n, chunk)]
        calls, seconds = _phase(workers, [search(values) for values in chunks])
        report["phases"]["search_profiles"] = _report(calls, seconds, found=len(set(found_ids)))
        calls, seconds = _phase(workers, [update(account) for account in accounts])
        report["phases"]["update_profile"] = _report(calls, seconds)
    finally:
        client.delete_domain(DomainName=domain)
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m emulator.ceiling", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", required=True, help="the emulator's URL (EMULATOR_URL=...)")
    parser.add_argument("--n", type=int, default=1000, help="profiles (default 1000)")
    parser.add_argument("--workers", type=int, default=10, help="threads (default 10)")
    parser.add_argument("--chunk", type=int, default=100, help="values per SearchProfiles call (default 100)")
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args(argv)
    if args.n < 1 or args.workers < 1 or args.chunk < 1:
        parser.error("--n, --workers and --chunk must be >= 1")
    print(json.dumps(run(args.url, args.n, args.workers, args.chunk, args.region), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

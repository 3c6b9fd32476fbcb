# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The raw boto3 ceiling of make bench's bulk kinds: a plain boto3 script that makes the calls
customerprofiles_profiles makes for the same list, with a thread pool and nothing else.

    python tests/bench/raw_sync.py --url URL --domain D --items items.json [--workers 10] [--chunk 50]

items.json is a list of {"account_number": ..., "first_name": ...}. The script, like the module with
match_by account_number and wait on:

1. searches every account number by the _account key, --chunk values a call, every page (the chunks in
   the thread pool);
2. creates each item that was not found (CreateProfile) and updates each whose FirstName differs
   (UpdateProfile), --workers at a time, no rate limit;
3. searches the created account numbers again, as the module does to wait until they are searchable.

It imports only boto3 (no collection code, no validation, no planning beyond the one field) and prints one
JSON object: reads, writes, and calls_seconds (from the first call to the last answer). bulk_bench.py times
the whole process too: interpreter start, boto3 import and client creation, as a user running it would wait.
"""

import argparse
import concurrent.futures
import json
import sys
import threading
import time

import boto3
from botocore.config import Config


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--domain", required=True)
    parser.add_argument("--items", required=True, help="JSON file: a list of {account_number, first_name}")
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--chunk", type=int, default=50)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args(argv)
    with open(args.items) as handle:
        items = json.load(handle)
    client = boto3.session.Session().client(
        "customer-profiles",
        region_name=args.region,
        endpoint_url=args.url,
        config=Config(retries={"mode": "standard"}, max_pool_connections=max(args.workers, 10)),
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    lock = threading.Lock()
    counts = {"reads": 0, "writes": 0}

    def count(kind):
        with lock:
            counts[kind] += 1

    def search(values):
        found, token = [], None
        while True:
            params = {"DomainName": args.domain, "KeyName": "_account", "Values": values, "MaxResults": 100}
            if token:
                params["NextToken"] = token
            page = client.search_profiles(**params)
            count("reads")
            found.extend(page["Items"])
            token = page.get("NextToken")
            if not token:
                return found

    def search_all(pool, accounts):
        wanted = set(accounts)
        chunks = [accounts[start : start + args.chunk] for start in range(0, len(accounts), args.chunk)]
        return dict(
            (profile["AccountNumber"], profile)
            for found in pool.map(search, chunks)
            for profile in found
            if profile.get("AccountNumber") in wanted
        )

    def write(item, current):
        if current is None:
            client.create_profile(
                DomainName=args.domain, AccountNumber=item["account_number"], FirstName=item["first_name"]
            )
        else:
            client.update_profile(DomainName=args.domain, ProfileId=current["ProfileId"], FirstName=item["first_name"])
        count("writes")

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.workers) as pool:
        current = search_all(pool, [item["account_number"] for item in items])
        todo = [
            item for item in items if current.get(item["account_number"], {}).get("FirstName") != item["first_name"]
        ]
        list(pool.map(lambda item: write(item, current.get(item["account_number"])), todo))
        created = [item["account_number"] for item in todo if item["account_number"] not in current]
        if created:
            search_all(pool, created)
    seconds = time.perf_counter() - started
    print(json.dumps(dict(counts, calls_seconds=round(seconds, 3), items=len(items))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

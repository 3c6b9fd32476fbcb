# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""make bench's raw boto3 ceiling (tests/bench/raw_sync.py) makes the calls customerprofiles_profiles
makes for the same list: the bench compares the two, so the script must not drift."""

import json
import os
import subprocess
import sys

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(TESTS_DIR, "bench", "raw_sync.py")


def raw_sync(server, domain, items, path):
    with open(path, "w") as handle:
        json.dump(items, handle)
    server.reset_calls()
    done = subprocess.run(
        [sys.executable, SCRIPT, "--url", server.url, "--domain", domain, "--items", path, "--chunk", "50"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    calls = server.calls(times=True)
    return json.loads(done.stdout), [call["operation"] for call in calls], calls


def test_raw_sync_makes_the_module_calls(fresh_emulator_server, tmp_path):
    server = fresh_emulator_server
    client = server.client()
    client.create_domain(DomainName="raw", DefaultExpirationDays=365)
    created = [dict(account_number="r-%03d" % index, first_name="Ann") for index in range(120)]
    updated = [dict(item, first_name="Bob") if index < 12 else item for index, item in enumerate(created)]
    path = str(tmp_path / "items.json")

    report, operations, calls = raw_sync(server, "raw", created, path)
    # ceil(120 / 50) searches, 120 creates, then the same searches for the created profiles
    assert sorted(operations) == sorted(["SearchProfiles"] * 6 + ["CreateProfile"] * 120)
    assert (report["reads"], report["writes"]) == (6, 120)
    assert all(call["status"] == 200 and call["started"] <= call["ended"] for call in calls)

    report, operations, _calls = raw_sync(server, "raw", created, path)
    assert operations == ["SearchProfiles"] * 3 and report["writes"] == 0

    report, operations, _calls = raw_sync(server, "raw", updated, path)
    assert sorted(operations) == sorted(["SearchProfiles"] * 3 + ["UpdateProfile"] * 12)
    found = client.search_profiles(DomainName="raw", KeyName="_account", Values=["r-000", "r-050"])["Items"]
    assert sorted(profile["FirstName"] for profile in found) == ["Ann", "Bob"]

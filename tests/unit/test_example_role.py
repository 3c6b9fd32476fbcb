# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The example role, run by ansible-playbook against the emulator server.

tests/example/playbook.yml applies awscx.customerprofiles.customer_profiles with
tests/example/vars.yml (a tagged domain and three profiles); the collection is
the source tree linked under .build/collections (tests/playbook_runner.py). Also
runs the commands that `make example` prints for AWS, against the emulator.
"""

import os
import subprocess
import sys

import pytest
import yaml

from call_log import writes
from playbook_runner import SOURCE_COLLECTIONS
from playbook_runner import ansible_bin
from playbook_runner import playbook_env
from playbook_runner import run_playbook

EXAMPLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "example")
if EXAMPLE_DIR not in sys.path:
    sys.path.insert(0, EXAMPLE_DIR)

import run_example  # noqa: E402  pylint: disable=wrong-import-position,import-error

with open(os.path.join(EXAMPLE_DIR, "vars.yml"), encoding="utf-8") as _handle:
    EXAMPLE_VARS = yaml.safe_load(_handle)
DOMAIN = EXAMPLE_VARS["customer_profiles_domain_name"]
PROFILES = EXAMPLE_VARS["customer_profiles_profiles"]


@pytest.fixture
def play(server, tmp_path):
    """play(check=False, diff=False, extra_vars=None) -> PLAY RECAP counts of tests/example/playbook.yml."""

    def _play(check=False, diff=False, extra_vars=None):
        run = run_playbook(
            run_example.PLAYBOOK,
            tmp_path,
            extra_vars=dict(extra_vars or {}, emulator_url=server.url),
            check=check,
            diff=diff,
        )
        assert run.returncode == 0, run.output[-4000:]
        return run.recap("localhost")

    return _play


def stored_profiles(client):
    found = {}
    for profile in PROFILES:
        key, value = (
            ("_account", profile["account_number"])
            if "account_number" in profile
            else ("_email", profile["email_address"])
        )
        result = client.search_profiles(DomainName=DOMAIN, KeyName=key, Values=[value])["Items"]
        assert len(result) == 1, "expected one profile for %s=%s, got %d" % (key, value, len(result))
        found[value] = result[0]
    return found


def test_role_creates_then_changes_nothing(server, play, client, tmp_path):
    # check mode on an empty region: reports the creation, writes nothing
    recap = play(check=True, diff=True)
    assert recap["changed"] >= 1
    assert writes(server) == []
    assert client.list_domains()["Items"] == []

    recap = play()
    assert recap["changed"] >= 2  # the domain and the profiles
    assert writes(server).count("CreateProfile") == 3

    server.reset_calls()
    recap = play()
    assert recap["changed"] == 0
    assert writes(server) == []

    # make example's check-mode step: a longer expiration and a profile's new city are reported (the profile
    # task changed, with its diff), nothing is written (issue 20, 2.3: the profile change was hidden)
    run = run_playbook(
        run_example.PLAYBOOK,
        tmp_path,
        extra_vars=[{"emulator_url": server.url}, "@" + run_example.check_mode_vars(str(tmp_path))],
        check=True,
        diff=True,
    )
    assert run.returncode == 0, run.output[-4000:]
    assert run.recap("localhost")["changed"] == 2
    assert run_example.profile_change(run.output) == ("updated=1 unchanged=2", True)
    assert writes(server) == []

    domain = client.get_domain(DomainName=DOMAIN)
    assert domain["DefaultExpirationDays"] == EXAMPLE_VARS["customer_profiles_default_expiration_days"]
    assert domain["Tags"] == EXAMPLE_VARS["customer_profiles_tags"]
    stored = stored_profiles(client)
    ada = stored["ACME-0001"]
    assert ada["FirstName"] == "Ada"
    assert ada["Address"]["City"] == "London"
    assert ada["Attributes"] == {"loyalty_tier": "gold", "preferred_store": "17"}
    assert stored["ACME-0002"]["ShippingAddress"]["City"] == "Manchester"
    assert stored["grace@example.com"]["MailingAddress"]["State"] == "VA"


def test_role_absent_removes_profiles_then_domain(server, play, client):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    # seeded as the role itself would: by account number, or by email address
    client.create_profile(DomainName=DOMAIN, AccountNumber="ACME-0001", FirstName="Ada")
    client.create_profile(DomainName=DOMAIN, AccountNumber="ACME-0002", BusinessName="Babbage Engines Ltd")
    client.create_profile(DomainName=DOMAIN, EmailAddress="grace@example.com", FirstName="Grace")
    server.reset_calls()

    recap = play(check=True, diff=True, extra_vars={"customer_profiles_state": "absent"})
    assert recap["changed"] >= 2  # the profiles and the domain would go
    assert writes(server) == []
    assert len(stored_profiles(client)) == 3

    recap = play(extra_vars={"customer_profiles_state": "absent"})
    assert recap["changed"] >= 2
    assert sorted(writes(server)) == ["DeleteDomain"] + ["DeleteProfile"] * 3
    assert client.list_domains()["Items"] == []

    server.reset_calls()
    recap = play(extra_vars={"customer_profiles_state": "absent"})
    assert recap["changed"] == 0
    assert writes(server) == []


def printed_aws_commands(collections):
    """The command lines of the "against AWS" block that `make example` prints, as printed."""
    text = run_example.aws_instructions(collections)
    lines = [line.strip() for line in text.splitlines() if line.startswith("  ")]
    return [line for line in lines if line.startswith("export ") or line.startswith(ansible_bin())]


def test_printed_aws_commands_work_as_printed(server, client, tmp_path):
    """The block is run by bash as printed, in a shell that has no ansible-playbook on PATH, no collections
    path and no interpreter setting; only AWS_PROFILE is swapped for the emulator's keys and endpoint."""
    commands = printed_aws_commands(SOURCE_COLLECTIONS)
    assert "export AWS_REGION=us-east-1" in commands
    assert "export AWS_PROFILE=my-profile" in commands
    assert sum(1 for line in commands if line.startswith(ansible_bin())) == 2
    script = "\n".join(line for line in commands if not line.startswith("export AWS_PROFILE="))
    env = playbook_env(
        tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_URL": server.url,
        },
    )
    for key in ("ANSIBLE_COLLECTIONS_PATH", "ANSIBLE_PYTHON_INTERPRETER"):
        del env[key]

    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=str(tmp_path),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
        check=False,
    )

    assert run.returncode == 0, run.stdout[-4000:]
    assert run.stdout.count("PLAY RECAP") == 2
    # the check-mode run wrote nothing; the second run created the domain and the three profiles
    assert writes(server).count("CreateDomain") == 1
    assert writes(server).count("CreateProfile") == 3
    assert (
        client.get_domain(DomainName=DOMAIN)["DefaultExpirationDays"]
        == EXAMPLE_VARS["customer_profiles_default_expiration_days"]
    )
    assert len(stored_profiles(client)) == 3

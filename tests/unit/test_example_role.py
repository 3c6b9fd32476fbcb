# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The example role, run by ansible-playbook against the emulator server.

tests/example/playbook.yml applies awscx.customerprofiles.customer_profiles with
tests/example/vars.yml (a tagged domain and three profiles); the collection is
the source tree linked under .build/collections (see tests/conftest.py).
"""

import os
import sys
import tempfile

import boto3
import pytest
import yaml

EXAMPLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "example")
if EXAMPLE_DIR not in sys.path:
    sys.path.insert(0, EXAMPLE_DIR)

import run_example  # noqa: E402  pylint: disable=wrong-import-position,import-error

with open(os.path.join(EXAMPLE_DIR, "vars.yml"), encoding="utf-8") as _handle:
    EXAMPLE_VARS = yaml.safe_load(_handle)
DOMAIN = EXAMPLE_VARS["customer_profiles_domain_name"]
PROFILES = EXAMPLE_VARS["customer_profiles_profiles"]


@pytest.fixture
def server(fresh_emulator_server):
    return fresh_emulator_server


@pytest.fixture
def play(server):
    """play(*ansible_playbook_args) -> PLAY RECAP counts of tests/example/playbook.yml."""
    with tempfile.TemporaryDirectory(prefix="cp-role-") as workdir:
        env = run_example.ansible_env(run_example.DEFAULT_COLLECTIONS, workdir)

        def _play(*args):
            return run_example.run_playbook("playbook.yml", env, server.url, *args)

        yield _play


@pytest.fixture
def client(server):
    return boto3.client("customer-profiles", endpoint_url=server.url, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def writes(server):
    return [call["operation"] for call in server.calls() if call["kind"] == "write"]


def stored_profiles(client):
    found = {}
    for profile in PROFILES:
        key, value = ("_account", profile["account_number"]) if "account_number" in profile else ("_email", profile["email_address"])
        result = client.search_profiles(DomainName=DOMAIN, KeyName=key, Values=[value])["Items"]
        assert len(result) == 1, "expected one profile for %s=%s, got %d" % (key, value, len(result))
        found[value] = result[0]
    return found


def test_role_creates_then_changes_nothing(server, play, client):
    # check mode on an empty region: reports the creation, writes nothing
    recap = play("--check", "--diff")
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

    recap = play("--check", "--diff", "-e", "customer_profiles_state=absent")
    assert recap["changed"] >= 2  # the profiles and the domain would go
    assert writes(server) == []
    assert len(stored_profiles(client)) == 3

    recap = play("-e", "customer_profiles_state=absent")
    assert recap["changed"] >= 2
    assert sorted(writes(server)) == ["DeleteDomain"] + ["DeleteProfile"] * 3
    assert client.list_domains()["Items"] == []

    server.reset_calls()
    recap = play("-e", "customer_profiles_state=absent")
    assert recap["changed"] == 0
    assert writes(server) == []

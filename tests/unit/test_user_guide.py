# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The newcomer's docs work as written.

- every play in the guides runs on the control node (``hosts: localhost`` with ``connection: local``:
  without it, ``-i localhost,`` makes ansible connect over SSH);
- every example region is one where Customer Profiles exists (botocore's list for the service);
- the user guide's "From a source checkout" and emulator commands, run by bash as written, apply the
  guide's playbooks (domain, profiles, find, teardown) to the emulator.
"""

import os
import re
import subprocess

import boto3
import pytest
import yaml

import doc_examples
from playbook_runner import REPO_ROOT
from playbook_runner import playbook_env

GUIDE = os.path.join(REPO_ROOT, "docs", "user_guide.md")
DOCS = sorted(os.path.join(REPO_ROOT, path) for path in doc_examples.DOCS + [doc_examples.ROLE_README])
FENCE = doc_examples.FENCE
REGIONS = boto3.session.Session().get_available_regions("customer-profiles")


def read(path):
    return doc_examples.read(path)


def doc_id(path):
    return os.path.relpath(path, REPO_ROOT)


def plays(path):
    found = []
    for text in doc_examples.yaml_blocks(os.path.relpath(path, REPO_ROOT)).values():
        data = yaml.safe_load(text)
        if doc_examples.kind(data) == "playbook":
            found += data
    return found


def test_the_guides_hold_plays():
    assert len(plays(GUIDE)) >= 4


@pytest.mark.parametrize("path", DOCS, ids=doc_id)
def test_every_play_on_localhost_connects_locally(path):
    for play in plays(path):
        if play["hosts"] == "localhost":
            assert play.get("connection") == "local", "{0}: play {1!r} has no connection: local".format(
                doc_id(path), play.get("name", play["hosts"])
            )


@pytest.mark.parametrize("path", DOCS, ids=doc_id)
def test_every_example_region_has_customer_profiles(path):
    text = read(path)
    regions = re.findall(r"\bregion: *['\"]?([a-z]{2}(?:-[a-z]+)+-\d)\b", text)
    regions += re.findall(r"\bAWS_(?:DEFAULT_)?REGION=([a-z]{2}(?:-[a-z]+)+-\d)\b", text)
    regions += re.findall(r"default\('([a-z]{2}(?:-[a-z]+)+-\d)'\)", text)
    unknown = sorted(set(region for region in regions if region not in REGIONS))
    assert not unknown, "{0}: regions without Customer Profiles: {1} (it exists in {2})".format(
        doc_id(path), unknown, REGIONS
    )


def guide_file(name):
    """The body of the user guide's code block that starts with the comment ``# <name>``."""
    return doc_examples.sources()["docs/user_guide.md:" + name]


def checkout_commands(url, playbooks_dir, playbooks):
    """The bash of "From a source checkout" and of section 7 as written, with the placeholders filled in."""
    section = read(GUIDE).split("### From a source checkout", 1)[1]
    checkout = [line for line in FENCE.search(section).group(2).splitlines() if line.strip()]
    assert checkout[0].startswith("cd /path/to/checkout") and checkout[1] == "make venv collection", checkout
    assert checkout[-2] == "cd /path/to/your/playbooks" and checkout[-1].endswith(" domain.yml"), checkout
    emulator = [body for lang, body in FENCE.findall(read(GUIDE).split("## 7. Trying", 1)[1]) if lang == "bash"][-1]
    export, command = emulator.strip().splitlines()
    assert export.startswith("export AWS_URL=http://127.0.0.1:41234 ") and command == checkout[-1], emulator
    # make venv collection: this test runs in that venv, with the link made by tests/conftest.py
    script = (
        ["cd " + REPO_ROOT] + checkout[2:-2] + ["cd " + playbooks_dir, export.replace("http://127.0.0.1:41234", url)]
    )
    return script + [command[: -len("domain.yml")] + playbook for playbook in playbooks]


def test_user_guide_playbooks_run_from_a_checkout(fresh_emulator_server, tmp_path):
    server = fresh_emulator_server
    for name in ("customers.yml", "domain.yml", "profiles.yml", "find.yml", "teardown.yml"):
        (tmp_path / name).write_text(guide_file(name))
    script = checkout_commands(server.url, str(tmp_path), ["domain.yml", "profiles.yml", "find.yml"])
    # no ansible on PATH, no collections path or interpreter but what the commands set
    env = playbook_env(tmp_path / "ansible", env={"PATH": "/usr/bin:/bin"})
    for key in ("ANSIBLE_COLLECTIONS_PATH", "ANSIBLE_PYTHON_INTERPRETER"):
        del env[key]
    client = server.client()

    def bash(lines):
        run = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", "\n".join(lines)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=600,
            check=False,
        )
        assert run.returncode == 0, run.stdout[-4000:]
        return run.stdout

    output = bash(script)
    assert output.count("PLAY RECAP") == 3
    domain = client.get_domain(DomainName="retail-customers")
    assert domain["Matching"]["Enabled"] is True and domain["RuleBasedMatching"]["Enabled"] is True
    assert domain["Tags"] == {"team": "customer-care", "cost-center": "4711"}
    ada = client.search_profiles(DomainName="retail-customers", KeyName="_email", Values=["ada@example.com"])["Items"]
    assert [item["AccountNumber"] for item in ada] == ["ACME-0001"]
    assert ada[0]["Attributes"] == {"loyalty_tier": "gold", "newsletter": "yes"}  # merged by the sign-up task
    assert (
        len(
            client.search_profiles(DomainName="retail-customers", KeyName="_email", Values=["grace@example.com"])[
                "Items"
            ]
        )
        == 1
    )

    bash(script[:-3] + [script[-1][: -len("find.yml")] + "teardown.yml"])
    assert client.list_domains()["Items"] == []

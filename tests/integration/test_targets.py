# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Integration runner: one test per role in tests/integration/targets.

Each target is run by ansible-playbook, as a role in a play on localhost,
against the emulator server (reset before each target). A target is skipped
when its ``aliases`` file lists ``disabled`` (ansible-test's convention).
"""

import os
import tempfile
import uuid

import pytest

from playbook_runner import run_playbook
from playbook_runner import write_text

INTEGRATION_DIR = os.path.dirname(os.path.abspath(__file__))
TARGETS_DIR = os.path.join(INTEGRATION_DIR, "targets")
REGION = "us-east-1"

PLAYBOOK = """\
- hosts: localhost
  connection: local
  gather_facts: false
  roles:
    - {target}
"""


def _aliases(target):
    path = os.path.join(TARGETS_DIR, target, "aliases")
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8") as handle:
        return [line.split("#", 1)[0].strip() for line in handle if line.split("#", 1)[0].strip()]


def discover_targets():
    if not os.path.isdir(TARGETS_DIR):
        return []
    return sorted(
        name
        for name in os.listdir(TARGETS_DIR)
        if os.path.isdir(os.path.join(TARGETS_DIR, name)) and not name.startswith(".")
    )


def _params():
    params = []
    for target in discover_targets():
        marks = []
        if "disabled" in _aliases(target):
            marks.append(pytest.mark.skip(reason="aliases: disabled"))
        params.append(pytest.param(target, id=target, marks=marks))
    return params


def run_target(target, emulator_url, workdir):
    """The target as a role in a play on localhost, with the collection from playbook_runner.collection_root()
    (the artifact test points CUSTOMERPROFILES_COLLECTIONS_PATH at an installed build)."""
    extra_vars = {
        "emulator_url": emulator_url,
        "aws_region": REGION,
        "aws_access_key": "testing",
        "aws_secret_key": "testing",
        "resource_prefix": "it-" + uuid.uuid4().hex[:10],
    }
    playbook = write_text(workdir, "play.yml", PLAYBOOK.format(target=target))
    return run_playbook(playbook, workdir, extra_vars=extra_vars, roles_path=TARGETS_DIR, timeout=None)


def test_targets_exist():
    """An empty targets directory means a broken checkout, not a passing suite."""
    assert discover_targets(), "no integration targets found under " + TARGETS_DIR


@pytest.mark.parametrize("target", _params())
def test_target(target, emulator_url):
    with tempfile.TemporaryDirectory(prefix="cp-it-") as workdir:
        proc = run_target(target, emulator_url, workdir)
    if proc.returncode != 0:
        pytest.fail(
            "target {0} failed (ansible-playbook rc={1}):\n{2}".format(target, proc.returncode, proc.stdout),
            pytrace=False,
        )

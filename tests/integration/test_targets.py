# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Integration runner: one test per role in tests/integration/targets.

Each target is run by ansible-playbook, as a role in a play on localhost,
against the emulator server (reset before each target). A target is skipped
when its ``aliases`` file lists ``disabled`` (ansible-test's convention).
"""

import os
import subprocess
import sys
import sysconfig
import tempfile
import uuid

import pytest

INTEGRATION_DIR = os.path.dirname(os.path.abspath(__file__))
TARGETS_DIR = os.path.join(INTEGRATION_DIR, "targets")
REPO_ROOT = os.path.dirname(os.path.dirname(INTEGRATION_DIR))
BIN_DIR = os.path.dirname(sys.executable)
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
        name for name in os.listdir(TARGETS_DIR)
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


def collections_path():
    """Where ansible finds our collection (the .build link) and amazon.aws (the venv)."""
    # Overridable so the artifact test can run the targets from an installed build.
    override = os.environ.get("CUSTOMERPROFILES_COLLECTIONS_PATH")
    first = override or os.path.join(REPO_ROOT, ".build", "collections")
    return os.pathsep.join([first, sysconfig.get_paths()["purelib"]])


def run_target(target, emulator_url, workdir):
    playbook = os.path.join(workdir, "play.yml")
    with open(playbook, "w", encoding="utf-8") as handle:
        handle.write(PLAYBOOK.format(target=target))
    # No ansible.cfg from the caller's cwd or home may change the run.
    config = os.path.join(workdir, "ansible.cfg")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write("[defaults]\n")
    env = dict(os.environ)
    for key in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        env.pop(key, None)
    env.update({
        "ANSIBLE_ROLES_PATH": TARGETS_DIR,
        "ANSIBLE_COLLECTIONS_PATH": collections_path(),
        "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
        "ANSIBLE_FORCE_COLOR": "0",
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_RETRY_FILES_ENABLED": "0",
        "ANSIBLE_LOCAL_TEMP": os.path.join(workdir, "tmp"),
        "ANSIBLE_HOME": os.path.join(workdir, "ansible-home"),
        "ANSIBLE_CONFIG": config,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    })
    extra_vars = {
        "emulator_url": emulator_url,
        "aws_region": REGION,
        "aws_access_key": "testing",
        "aws_secret_key": "testing",
        "resource_prefix": "it-" + uuid.uuid4().hex[:10],
    }
    cmd = [os.path.join(BIN_DIR, "ansible-playbook"), "-i", "localhost,", "-c", "local", playbook]
    for key, value in extra_vars.items():
        cmd += ["-e", "{0}={1}".format(key, value)]
    return subprocess.run(
        cmd, cwd=workdir, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False,
    )


def test_targets_exist():
    """An empty targets directory means a broken checkout, not a passing suite."""
    assert discover_targets(), "no integration targets found under " + TARGETS_DIR


@pytest.mark.parametrize("target", _params())
def test_target(target, emulator_url):
    with tempfile.TemporaryDirectory(prefix="cp-it-") as workdir:
        proc = run_target(target, emulator_url, workdir)
    if proc.returncode != 0:
        pytest.fail("target {0} failed (ansible-playbook rc={1}):\n{2}".format(target, proc.returncode, proc.stdout), pytrace=False)

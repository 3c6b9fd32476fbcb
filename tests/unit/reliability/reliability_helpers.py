# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers shared by the reliability tests."""

import os
import socket
import subprocess
import textwrap
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
VENV_BIN = os.path.join(REPO_ROOT, ".venv", "bin")
COLLECTIONS = os.path.join(REPO_ROOT, ".build", "collections")

DOMAIN = "reliability"
# The policy of plugins/module_utils/core.py: AWSRetry.jittered_backoff(retries=5, delay=1, backoff=2, max_delay=8).
ATTEMPTS = 5
DELAY_BOUNDS = [1, 2, 4, 8]


class RecordedSleeps:
    """Stands in for the ``time`` module of amazon.aws's cloud.py: records the delays instead of sleeping."""

    def __init__(self):
        self.delays = []

    def sleep(self, seconds):
        self.delays.append(seconds)

    def __getattr__(self, name):
        return getattr(time, name)


def operations(emulator_module, kind=None):
    return [call["operation"] for call in emulator_module.calls() if kind is None or call["kind"] == kind]


def closed_port():
    """A loopback port nothing listens on."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def playbook_env(extra=None):
    env = dict(os.environ)
    for key in list(env):
        if key.startswith("AWS_"):
            del env[key]
    env.update(
        ANSIBLE_COLLECTIONS_PATH=COLLECTIONS,
        ANSIBLE_PYTHON_INTERPRETER=os.path.join(VENV_BIN, "python"),
        ANSIBLE_NOCOLOR="1",
        ANSIBLE_FORCE_COLOR="0",
        ANSIBLE_HOST_KEY_CHECKING="False",
        ANSIBLE_RETRY_FILES_ENABLED="False",
        ANSIBLE_LOCAL_TEMP=os.environ.get("TMPDIR", "/tmp"),
        ANSIBLE_STDOUT_CALLBACK="default",
        PYTHONPATH=os.path.join(REPO_ROOT, "tests"),
    )
    env.update(extra or {})
    return env


def run_playbook(tmp_path, playbook, inventory=None, args=(), extra_env=None, timeout=240):
    """ansible-playbook on a playbook text; returns the CompletedProcess (stdout and stderr as text)."""
    path = tmp_path / "playbook.yml"
    path.write_text(textwrap.dedent(playbook))
    command = [os.path.join(VENV_BIN, "ansible-playbook"), str(path)]
    if inventory is not None:
        inventory_path = tmp_path / "inventory.ini"
        inventory_path.write_text(textwrap.dedent(inventory))
        command += ["-i", str(inventory_path)]
    else:
        command += ["-i", "localhost,", "-c", "local"]
    command += list(args)
    return subprocess.run(command, env=playbook_env(extra_env), cwd=str(tmp_path), capture_output=True, text=True, timeout=timeout, check=False)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The playbooks of the guides run as written against the emulator: a first run sets the domain up,
a second run changes nothing, and check mode after it changes nothing either."""

import os
import re

import pytest

from playbook_runner import REPO_ROOT
from playbook_runner import run_playbook
from playbook_runner import write_text

GUIDES = ["guide_own_records.md", "guide_connect.md", "guide_audiences.md"]


def first_playbook(guide):
    with open(os.path.join(REPO_ROOT, "docs", guide), encoding="utf-8") as handle:
        text = handle.read()
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        if "hosts: localhost" in block:
            return block
    raise AssertionError("{0} holds no playbook".format(guide))


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_playbook_runs_and_is_idempotent(fresh_emulator_server, tmp_path, guide):
    playbook = write_text(tmp_path, "guide.yml", first_playbook(guide))
    env = {
        "AWS_URL": fresh_emulator_server.url,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    first = run_playbook(playbook, tmp_path / "first", env=env)
    assert first.returncode == 0, first.stdout
    assert first.recap()["changed"] > 0, first.stdout

    fresh_emulator_server.reset_calls()
    second = run_playbook(playbook, tmp_path / "second", env=env)
    assert second.returncode == 0, second.stdout
    assert second.recap()["changed"] == 0, second.stdout
    assert [call for call in fresh_emulator_server.calls() if call["kind"] == "write"] == []

    check = run_playbook(playbook, tmp_path / "check", env=env, check=True)
    assert check.returncode == 0, check.stdout
    assert check.recap()["changed"] == 0, check.stdout

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The collection's metadata agrees with its content (galaxy.yml, meta/runtime.yml, sanity ignores)."""

import os
import re

import pytest
import yaml

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES_DIR = os.path.join(REPO_ROOT, "plugins", "modules")


def load_yaml(*path):
    with open(os.path.join(REPO_ROOT, *path), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def module_names():
    return sorted(name[:-3] for name in os.listdir(MODULES_DIR) if name.endswith(".py") and not name.startswith("_"))


@pytest.fixture(scope="module")
def galaxy():
    return load_yaml("galaxy.yml")


@pytest.fixture(scope="module")
def runtime():
    return load_yaml("meta", "runtime.yml")


def split_group(entries):
    """(modules, extended groups) of an action group list."""
    modules, extends = [], []
    for entry in entries:
        if isinstance(entry, dict):
            extends.extend(entry.get("metadata", {}).get("extend_group", []))
        else:
            modules.append(entry)
    return modules, extends


def test_modules_exist():
    assert module_names(), "no modules under plugins/modules"


def test_action_group_lists_every_module(runtime):
    modules, dummy = split_group(runtime["action_groups"]["aws"])
    assert sorted(modules) == module_names()


def test_action_group_lists_modules_once(runtime):
    modules, dummy = split_group(runtime["action_groups"]["aws"])
    assert len(modules) == len(set(modules))


def test_action_group_extends_amazon_and_community_aws(runtime):
    dummy, extends = split_group(runtime["action_groups"]["aws"])
    assert sorted(extends) == ["amazon.aws.aws", "community.aws.aws"]


def test_requires_ansible(runtime):
    assert runtime["requires_ansible"] == ">=2.17.0"


def test_sanity_ignore_file_per_supported_ansible_core(runtime):
    """One (empty) ignore file per ansible-core release the collection claims, up to the one installed."""
    from ansible.release import __version__ as core_version  # pylint: disable=import-outside-toplevel

    floor = tuple(int(part) for part in re.match(r">=(\d+)\.(\d+)", runtime["requires_ansible"]).groups())
    current = tuple(int(part) for part in core_version.split(".")[:2])
    for minor in range(floor[1], current[1] + 1):
        path = os.path.join(REPO_ROOT, "tests", "sanity", "ignore-2.{0}.txt".format(minor))
        assert os.path.isfile(path), path
        with open(path, encoding="utf-8") as handle:
            assert handle.read().strip() == "", "{0} must stay empty".format(path)


def test_galaxy_identity(galaxy):
    assert (galaxy["namespace"], galaxy["name"]) == ("awscx", "customerprofiles")
    assert re.match(r"^\d+\.\d+\.\d+$", galaxy["version"])
    assert galaxy["license"] == ["GPL-3.0-or-later"]
    assert os.path.isfile(os.path.join(REPO_ROOT, "COPYING"))


def test_galaxy_depends_on_amazon_aws(galaxy):
    assert "amazon.aws" in galaxy["dependencies"]


def test_modules_declare_version_added_of_a_release(galaxy):
    """New modules are picked up by the changelog from version_added: it must name a version."""
    for name in module_names():
        with open(os.path.join(MODULES_DIR, name + ".py"), encoding="utf-8") as handle:
            source = handle.read()
        match = re.search(r"^version_added:\s*['\"]?([0-9.]+)", source, re.MULTILINE)
        assert match, "{0}: no version_added".format(name)
        assert tuple(int(p) for p in match.group(1).split(".")) <= tuple(
            int(p) for p in galaxy["version"].split(".")
        ), name


def test_documented_requirements_agree_with_requirements_txt():
    with open(os.path.join(REPO_ROOT, "requirements.txt"), encoding="utf-8") as handle:
        wanted = sorted(
            line.strip().replace(">=", " >= ") for line in handle if line.strip() and not line.startswith("#")
        )
    with open(os.path.join(REPO_ROOT, "plugins", "doc_fragments", "boto3.py"), encoding="utf-8") as handle:
        fragment = handle.read()
    documented = sorted(re.findall(r"^  - (boto3 >= \S+|botocore >= \S+)$", fragment, re.M))
    assert documented == wanted

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run ``ansible-test sanity`` on a copy of the collection (``make sanity``).

ansible-test wants the collection at ``ansible_collections/<namespace>/<name>``
as a real directory, so the files git knows about (tracked, plus untracked ones
that are not ignored) are copied to ``.build/ansible_collections/awscx/customerprofiles``
with a throwaway git repository of their own (ansible-test lists content with git
when it finds a ``.git``; without one it would find the outer checkout, which
ignores ``.build``). amazon.aws, which the modules import, is copied next to it
from the virtualenv's site-packages.

``--venv`` makes ansible-test build one virtualenv per test from pinned
requirements on PyPI. It bootstraps pip in each with a get-pip script it
downloads from a host that is not reachable everywhere; it uses a cached copy
when one exists, so a stand-in is written there (ensurepip, then pip install).

Usage: python tests/sanity/run_sanity.py [ansible-test sanity options...]
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import types

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD_ROOT = os.path.join(REPO_ROOT, ".build", "ansible_collections")
DEST = os.path.join(BUILD_ROOT, "awscx", "customerprofiles")
PYTHON_VERSION = "{0}.{1}".format(*sys.version_info[:2])

GET_PIP_STANDIN = '''\
"""Stand-in for ansible-test's get-pip bootstrap script (written by tests/sanity/run_sanity.py).

Seeds pip with ensurepip, then runs ``pip install`` with this script's arguments.
"""
import subprocess
import sys

GET_PIP_ONLY = ("--no-setuptools", "--no-wheel")
args = [arg for arg in sys.argv[1:] if arg not in GET_PIP_ONLY]
subprocess.check_call([sys.executable, "-m", "ensurepip", "--default-pip"])
subprocess.check_call([sys.executable, "-m", "pip", "install"] + args)
if "--no-setuptools" in sys.argv[1:]:
    subprocess.call([sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", "setuptools"])
'''


def run(cmd, **kwargs):
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kwargs)


def collection_files():
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT,
        check=True,
        stdout=subprocess.PIPE,
    ).stdout.decode("utf-8")
    return sorted(path for path in out.split("\0") if path and os.path.isfile(os.path.join(REPO_ROOT, path)))


def copy_collection():
    if os.path.lexists(DEST):
        if os.path.islink(DEST):
            os.unlink(DEST)
        else:
            shutil.rmtree(DEST)
    for path in collection_files():
        target = os.path.join(DEST, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(REPO_ROOT, path), target)
    git = ["git", "-c", "user.name=sanity", "-c", "user.email=sanity@localhost"]
    run(git + ["init", "--quiet", DEST])
    run(git + ["-C", DEST, "add", "--all"])


def copy_dependencies():
    """Put amazon.aws (from the virtualenv) where ansible-test looks for other collections."""
    source = os.path.join(sysconfig.get_paths()["purelib"], "ansible_collections", "amazon", "aws")
    target = os.path.join(BUILD_ROOT, "amazon", "aws")
    if os.path.lexists(target):
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


def pip_bootstrap_version():
    from ansible_test._internal.python_requirements import get_venv_packages  # pylint: disable=import-outside-toplevel

    return get_venv_packages(types.SimpleNamespace(version=PYTHON_VERSION))["pip"]


def write_get_pip_standin():
    version = pip_bootstrap_version()
    path = os.path.expanduser("~/.ansible/test/cache/get_pip_{0}.py".format(version.replace(".", "_")))
    if os.path.exists(path):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(GET_PIP_STANDIN)
    os.replace(path + ".tmp", path)
    print("wrote pip bootstrap stand-in " + path, flush=True)


def main(argv):
    copy_collection()
    copy_dependencies()
    write_get_pip_standin()
    env = dict(os.environ)
    env.pop("ANSIBLE_COLLECTIONS_PATH", None)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    cmd = [
        os.path.join(os.path.dirname(sys.executable), "ansible-test"),
        "sanity",
        "--venv",
        "--python",
        PYTHON_VERSION,
        "--color",
        "no",
    ] + argv
    print("+ (cd {0} && {1})".format(os.path.relpath(DEST, REPO_ROOT), " ".join(cmd)), flush=True)
    return subprocess.run(cmd, cwd=DEST, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

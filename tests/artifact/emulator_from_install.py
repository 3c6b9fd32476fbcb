# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``make artifact-test``: the bundled emulator starts from an installed collection, as README.md
("The emulator from an installed collection") tells users to start it:

    PYTHONPATH=<collection>/tests python -m emulator --port 5000

run here with ``--port 0`` (a free port), from an empty working directory, with nothing else on
PYTHONPATH, so the emulator can only come from the installed copy. One boto3 client then
creates a domain and lists it back through the URL the emulator prints; SIGTERM must stop it
with exit code 0.

Usage: python tests/artifact/emulator_from_install.py COLLECTION_DIR
(COLLECTION_DIR: .../ansible_collections/awscx/customerprofiles of the install)
"""

import os
import signal
import subprocess
import sys
import tempfile

import boto3

STARTUP_TIMEOUT = 60


def main(collection_dir):
    collection_dir = os.path.abspath(collection_dir)
    env = dict(os.environ, PYTHONPATH=os.path.join(collection_dir, "tests"))
    for key in list(env):
        if key.startswith("AWS_"):
            del env[key]
    with tempfile.TemporaryDirectory(prefix="emulator-from-install-") as workdir:
        origin = subprocess.run(
            [sys.executable, "-c", "import emulator; print(emulator.__file__)"],
            cwd=workdir,
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout.strip()
        if not origin.startswith(collection_dir + os.sep):
            sys.exit("emulator imported from %s, not from the installed collection %s" % (origin, collection_dir))
        cmd = [sys.executable, "-m", "emulator", "--port", "0"]
        print("+ (cd %s && PYTHONPATH=%s %s)" % (workdir, env["PYTHONPATH"], " ".join(cmd)), flush=True)
        server = subprocess.Popen(cmd, cwd=workdir, env=env, stdout=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline().strip()
            if not line.startswith("EMULATOR_URL="):
                sys.exit("the emulator printed %r, not EMULATOR_URL=..." % line)
            url = line.split("=", 1)[1]
            client = boto3.client(
                "customer-profiles",
                endpoint_url=url,
                region_name="us-east-1",
                aws_access_key_id="testing",
                aws_secret_access_key="testing",
            )
            client.create_domain(DomainName="from-install", DefaultExpirationDays=30)
            names = [item["DomainName"] for item in client.list_domains()["Items"]]
            if names != ["from-install"]:
                sys.exit("ListDomains answered %r, expected ['from-install']" % names)
        finally:
            server.send_signal(signal.SIGTERM)
            code = server.wait(timeout=STARTUP_TIMEOUT)
        if code != 0:
            sys.exit("the emulator exited with %d on SIGTERM" % code)
    print("emulator from %s: %s served CreateDomain and ListDomains, stopped on SIGTERM" % (origin, url))


if __name__ == "__main__":
    main(sys.argv[1])

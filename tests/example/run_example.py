#!/usr/bin/env python
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make example`: run the customer_profiles example role against the bundled emulator.

    .venv/bin/python tests/example/run_example.py [--collections-path DIR]

Starts the Customer Profiles emulator on a free 127.0.0.1 port, then runs
tests/example/playbook.yml (the awscx.customerprofiles.customer_profiles role
with tests/example/vars.yml) with ansible-playbook from this Python's venv:

1. apply            - creates the domain and three profiles;
2. apply again      - must report changed=0 and make no write call;
3. check mode       - a changed expiration and city, with --check --diff: must
                      report a change and make no write call;

then prints the domain and profiles with tests/example/show.yml, and how to
aim the same playbook at AWS. Exits non-zero when any step does not do that.
"""

import argparse
import copy
import json
import os
import re
import subprocess
import sys
import sysconfig
import tempfile

import yaml

EXAMPLE_DIR = os.path.dirname(os.path.abspath(__file__))
TESTS_DIR = os.path.dirname(EXAMPLE_DIR)
REPO_ROOT = os.path.dirname(TESTS_DIR)
DEFAULT_COLLECTIONS = os.path.join(REPO_ROOT, ".build", "collections")
BIN_DIR = os.path.dirname(sys.executable)

if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator.testing import start_server  # noqa: E402  pylint: disable=wrong-import-position

ANSI = re.compile(r"\x1b\[[0-9;]*m")
RECAP = re.compile(
    r"^(?P<host>\S+)\s*:\s*ok=(?P<ok>\d+)\s+changed=(?P<changed>\d+)\s+unreachable=(?P<unreachable>\d+)\s+failed=(?P<failed>\d+)",
    re.M,
)
# AWS settings of the caller that must not reach the emulator runs (a profile
# next to explicit keys is an error in amazon.aws; an endpoint would win over ours).
AWS_ENV_TO_DROP = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CUSTOMER_PROFILES",
                   "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")


class ExampleFailed(Exception):
    pass


def header(title):
    line = "=" * 78
    print("\n%s\n== %s\n%s" % (line, title, line), flush=True)


def ensure_source_link(collections_path):
    """The default path is the source tree linked as a collection (as tests/conftest.py does)."""
    link = os.path.join(collections_path, "ansible_collections", "awscx", "customerprofiles")
    if not os.path.lexists(link):
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(REPO_ROOT, link)


def ansible_env(collections_path, workdir):
    config = os.path.join(workdir, "ansible.cfg")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write("[defaults]\n")  # no ansible.cfg of the caller may change the run
    env = dict(os.environ)
    for key in AWS_ENV_TO_DROP:
        env.pop(key, None)
    env.update({
        "ANSIBLE_COLLECTIONS_PATH": os.pathsep.join([collections_path, sysconfig.get_paths()["purelib"]]),
        "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
        "ANSIBLE_CONFIG": config,
        "ANSIBLE_HOME": os.path.join(workdir, "ansible-home"),
        "ANSIBLE_LOCAL_TEMP": os.path.join(workdir, "tmp"),
        "ANSIBLE_RETRY_FILES_ENABLED": "0",
        "ANSIBLE_PIPELINING": "1",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    })
    if sys.stdout.isatty():
        env["ANSIBLE_FORCE_COLOR"] = "1"
    else:
        env["ANSIBLE_NOCOLOR"] = "1"
    return env


def run_playbook(name, env, emulator_url, *args):
    """Run one playbook of tests/example, echoing its output; return (returncode, recap dict)."""
    cmd = [os.path.join(BIN_DIR, "ansible-playbook"), "-i", "localhost,", "-c", "local",
           os.path.join(EXAMPLE_DIR, name), "-e", "emulator_url=" + emulator_url] + list(args)
    print("$ ansible-playbook " + " ".join(cmd[1:]).replace(EXAMPLE_DIR + os.sep, "tests/example/"), flush=True)
    with subprocess.Popen(cmd, cwd=EXAMPLE_DIR, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as proc:
        output = []
        for line in proc.stdout:
            sys.stdout.write(line)
            output.append(line)
        sys.stdout.flush()
        returncode = proc.wait()
    if returncode != 0:
        raise ExampleFailed("ansible-playbook %s exited with %d" % (name, returncode))
    match = RECAP.search(ANSI.sub("", "".join(output)))
    if not match:
        raise ExampleFailed("no PLAY RECAP in the output of ansible-playbook %s" % name)
    return {key: int(value) for key, value in match.groupdict().items() if key != "host"}


def writes(calls):
    return [call["operation"] for call in calls if call["kind"] == "write"]


def check_mode_vars(workdir):
    """vars.yml with a longer expiration and the first profile moved to another city."""
    with open(os.path.join(EXAMPLE_DIR, "vars.yml"), encoding="utf-8") as handle:
        example_vars = yaml.safe_load(handle)
    changed = {
        "customer_profiles_default_expiration_days": example_vars["customer_profiles_default_expiration_days"] + 35,
        "customer_profiles_profiles": copy.deepcopy(example_vars["customer_profiles_profiles"]),
    }
    changed["customer_profiles_profiles"][0]["address"]["city"] = "Cambridge"
    path = os.path.join(workdir, "changed-vars.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(changed, handle)
    return path


def run(collections_path):
    with tempfile.TemporaryDirectory(prefix="cp-example-") as workdir:
        env = ansible_env(collections_path, workdir)
        header("Starting the Customer Profiles emulator")
        server = start_server()
        try:
            print("Emulator listening on %s" % server.url, flush=True)
            url = server.url

            header("1/4 Apply the role: create the domain and three profiles")
            recap = run_playbook("playbook.yml", env, url)
            if recap["changed"] == 0:
                raise ExampleFailed("the first run changed nothing")
            print("-> created: changed=%d; write calls: %s" % (recap["changed"], ", ".join(writes(server.calls()))))

            header("2/4 Apply the role again: nothing to change")
            server.reset_calls()
            recap = run_playbook("playbook.yml", env, url)
            second_writes = writes(server.calls())
            if recap["changed"] != 0:
                raise ExampleFailed("the second run is not idempotent: changed=%d" % recap["changed"])
            if second_writes:
                raise ExampleFailed("the second run made write calls: %s" % ", ".join(second_writes))
            print("-> idempotent: changed=0, no write call")

            header("3/4 Check mode with changed variables (expiration days, a profile's city)")
            server.reset_calls()
            recap = run_playbook("playbook.yml", env, url, "--check", "--diff", "-e", "@" + check_mode_vars(workdir))
            check_writes = writes(server.calls())
            if recap["changed"] == 0:
                raise ExampleFailed("check mode did not report the changed variables")
            if check_writes:
                raise ExampleFailed("check mode made write calls: %s" % ", ".join(check_writes))
            print("-> check mode reported changed=%d and made no write call" % recap["changed"])

            header("4/4 What the emulator holds (the _info modules)")
            run_playbook("show.yml", env, url)
        finally:
            server.stop()

    header("Running the same playbook against AWS")
    print("""\
The playbook only talks to the emulator because it is given emulator_url, which
sets endpoint_url and test credentials through
  module_defaults: {group/awscx.customerprofiles.aws: {...}}
Leave emulator_url out and give a region and credentials the usual way:

  export AWS_REGION=eu-west-1
  export AWS_PROFILE=my-profile      # or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
  ansible-playbook -i localhost, -c local tests/example/playbook.yml --check --diff
  ansible-playbook -i localhost, -c local tests/example/playbook.yml

(Review tests/example/vars.yml first: it creates a domain named
example-retail-customers with three fictional profiles.)""")

    header("Example finished: create, idempotent re-run (changed=0), check mode without writes")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--collections-path", default=DEFAULT_COLLECTIONS,
                        help="directory holding ansible_collections/awscx/customerprofiles (default: the source tree "
                             "linked under .build/collections)")
    args = parser.parse_args(argv)
    collections_path = os.path.abspath(args.collections_path)
    if collections_path == DEFAULT_COLLECTIONS:
        ensure_source_link(collections_path)
    if not os.path.isdir(os.path.join(collections_path, "ansible_collections", "awscx", "customerprofiles")):
        print("ERROR: no awscx.customerprofiles collection under %s" % collections_path, file=sys.stderr)
        return 2
    try:
        run(collections_path)
    except ExampleFailed as exc:
        header("Example FAILED")
        print(str(exc), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
                      report the domain and the profile changed (the profile
                      task's diff shows the city) and make no write call;

then prints the domain and profiles with tests/example/show.yml, exports the
domain as one document with tests/example/export.yml (customerprofiles_domain_config_info,
no write call) and prints it, and how to
aim the same playbook at AWS (commands that work as printed;
tests/unit/test_example_role.py runs them against the emulator). Exits non-zero
when any step does not do that. The runs go through tests/playbook_runner.py.
"""

import argparse
import copy
import json
import os
import re
import shlex
import sys
import tempfile
import textwrap

import yaml

EXAMPLE_DIR = os.path.dirname(os.path.abspath(__file__))
TESTS_DIR = os.path.dirname(EXAMPLE_DIR)

if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from call_log import writes  # noqa: E402  pylint: disable=wrong-import-position
from emulator.testing import start_server  # noqa: E402  pylint: disable=wrong-import-position
from playbook_runner import COLLECTION_SUBDIR  # noqa: E402  pylint: disable=wrong-import-position
from playbook_runner import REPO_ROOT  # noqa: E402  pylint: disable=wrong-import-position
from playbook_runner import SOURCE_COLLECTIONS  # noqa: E402  pylint: disable=wrong-import-position
from playbook_runner import ansible_bin  # noqa: E402  pylint: disable=wrong-import-position
from playbook_runner import collections_path  # noqa: E402  pylint: disable=wrong-import-position
from playbook_runner import link_collection  # noqa: E402  pylint: disable=wrong-import-position
from playbook_runner import run_playbook  # noqa: E402  pylint: disable=wrong-import-position

PLAYBOOK = os.path.join(EXAMPLE_DIR, "playbook.yml")

# How to run the playbook against AWS. Every path is absolute, so the commands work as printed from any
# directory; tests/unit/test_example_role.py runs them against the emulator.
AWS_INSTRUCTIONS = """\
The playbook only talks to the emulator because it is given emulator_url, which
sets endpoint_url and test credentials through
  module_defaults: {{group/awscx.customerprofiles.aws: {{...}}}}
Leave emulator_url out and give a region and credentials the usual way. The
commands below work as printed, from any directory:
- ANSIBLE_COLLECTIONS_PATH finds this collection (the copy the example just
  ran) and amazon.aws (in the virtualenv);
- ANSIBLE_PYTHON_INTERPRETER runs the modules with the virtualenv's Python,
  which has boto3 (the system Python may not);
- ansible-playbook is the virtualenv's (it need not be on your PATH);
{regions}

  export ANSIBLE_COLLECTIONS_PATH={collections_path}
  export ANSIBLE_PYTHON_INTERPRETER={python}
  export AWS_REGION=us-east-1
  export AWS_PROFILE=my-profile
  {ansible_playbook} -i localhost, -c local {playbook} --check --diff
  {ansible_playbook} -i localhost, -c local {playbook}

Instead of AWS_PROFILE, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and
AWS_SESSION_TOKEN) work too. Review {vars} first: it creates
a domain named example-retail-customers with three fictional profiles."""


class ExampleFailed(Exception):
    pass


def header(title):
    line = "=" * 78
    print("\n%s\n== %s\n%s" % (line, title, line), flush=True)


def aws_instructions(collections):
    """The text printed on how to run the example playbook against AWS, for the collection under ``collections``."""
    import boto3  # pylint: disable=import-outside-toplevel

    regions = boto3.session.Session().get_available_regions("customer-profiles")
    regions = textwrap.fill(
        "- AWS_REGION: a region where Customer Profiles exists, one of " + ", ".join(regions) + ".",
        width=78,
        subsequent_indent="  ",
        break_on_hyphens=False,
    )
    return AWS_INSTRUCTIONS.format(
        regions=regions,
        collections_path=shlex.quote(collections_path(collections)),
        python=shlex.quote(sys.executable),
        ansible_playbook=shlex.quote(ansible_bin()),
        playbook=shlex.quote(PLAYBOOK),
        vars=os.path.relpath(os.path.join(EXAMPLE_DIR, "vars.yml"), REPO_ROOT),
    )


def play(name, workdir, collections, emulator_url, check=False, diff=False, extra_vars=(), output=None):
    """Run one playbook of tests/example against the emulator, echoing its output; return its PLAY RECAP counts.

    ``output``: a list that gets the run's output."""
    run_vars = [{"emulator_url": emulator_url}] + list(extra_vars)
    shown = [ansible_bin(), "-i", "localhost,", "-c", "local", os.path.join(EXAMPLE_DIR, name)]
    shown += ["-e", "emulator_url=" + emulator_url]
    for item in extra_vars:
        shown += ["-e", item]
    shown += (["--check"] if check else []) + (["--diff"] if diff else [])
    print("$ " + " ".join(shown).replace(REPO_ROOT + os.sep, ""), flush=True)
    run = run_playbook(
        os.path.join(EXAMPLE_DIR, name),
        workdir,
        extra_vars=run_vars,
        check=check,
        diff=diff,
        collections=collections,
        env={"ANSIBLE_PIPELINING": "1"},
        cwd=EXAMPLE_DIR,
        timeout=None,
        echo=sys.stdout,
    )
    if output is not None:
        output.append(run.output)
    if run.returncode != 0:
        raise ExampleFailed("ansible-playbook %s exited with %d" % (name, run.returncode))
    recaps = run.recaps()
    if "localhost" not in recaps:
        raise ExampleFailed("no PLAY RECAP in the output of ansible-playbook %s" % name)
    return recaps["localhost"]


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


def profile_change(output):
    """(the profile counts the playbook printed, whether the profile task showed the new city in its diff)."""
    counts = re.search(r'"profiles": "([^"]*)"', output)
    task = output[output.find("Check the profiles before any write") :]
    task = task[: task.find("TASK [", 1)]
    return (counts.group(1) if counts else None), ("changed: [localhost]" in task and "Cambridge" in task)


def run(collections):
    with tempfile.TemporaryDirectory(prefix="cp-example-") as workdir:
        header("Starting the Customer Profiles emulator")
        server = start_server()
        try:
            print("Emulator listening on %s" % server.url, flush=True)
            print(
                "The runs below use ANSIBLE_COLLECTIONS_PATH=%s and the virtualenv's Python as the module "
                "interpreter (commands to copy are printed at the end)." % collections_path(collections),
                flush=True,
            )
            url = server.url

            header("1/5 Apply the role: create the domain and three profiles")
            recap = play("playbook.yml", workdir, collections, url)
            if recap["changed"] == 0:
                raise ExampleFailed("the first run changed nothing")
            print("-> created: changed=%d; write calls: %s" % (recap["changed"], ", ".join(writes(server))))

            header("2/5 Apply the role again: nothing to change")
            server.reset_calls()
            recap = play("playbook.yml", workdir, collections, url)
            second_writes = writes(server)
            if recap["changed"] != 0:
                raise ExampleFailed("the second run is not idempotent: changed=%d" % recap["changed"])
            if second_writes:
                raise ExampleFailed("the second run made write calls: %s" % ", ".join(second_writes))
            print("-> idempotent: changed=0, no write call")

            header("3/5 Check mode with changed variables (expiration days, a profile's city)")
            server.reset_calls()
            output = []
            recap = play(
                "playbook.yml",
                workdir,
                collections,
                url,
                check=True,
                diff=True,
                extra_vars=["@" + check_mode_vars(workdir)],
                output=output,
            )
            check_writes = writes(server)
            if recap["changed"] < 2:
                raise ExampleFailed("check mode did not report both changes: changed=%d" % recap["changed"])
            if profile_change(output[0]) != ("updated=1 unchanged=2", True):
                raise ExampleFailed("check mode did not report the profile's change (its city) with its diff")
            if check_writes:
                raise ExampleFailed("check mode made write calls: %s" % ", ".join(check_writes))
            print(
                "-> check mode reported changed=%d (the domain, in the configuration task, and one profile) and made no write call"
                % recap["changed"]
            )

            header("4/5 What the emulator holds (the _info modules)")
            play("show.yml", workdir, collections, url)

            header("5/5 Export the domain as one document (customerprofiles_domain_config_info)")
            server.reset_calls()
            output = []
            play("export.yml", workdir, collections, url, output=output)
            if writes(server):
                raise ExampleFailed("the export made write calls: %s" % ", ".join(writes(server)))
            if '"example_export.config": {' not in output[0]:
                raise ExampleFailed("the export printed no document")
            print("-> the document above applies back with customerprofiles_domain_config (docs/adopt_domain.md)")
        finally:
            server.stop()

    header("Running the same playbook against AWS")
    print(aws_instructions(collections))

    header("Example finished: create, idempotent re-run (changed=0), check mode without writes, export")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--collections-path",
        default=SOURCE_COLLECTIONS,
        help="directory holding ansible_collections/awscx/customerprofiles (default: the source tree "
        "linked under .build/collections)",
    )
    args = parser.parse_args(argv)
    collections = os.path.abspath(args.collections_path)
    if collections == SOURCE_COLLECTIONS:
        link_collection()
    if not os.path.isdir(os.path.join(collections, COLLECTION_SUBDIR)):
        print("ERROR: no awscx.customerprofiles collection under %s" % collections, file=sys.stderr)
        return 2
    try:
        run(collections)
    except ExampleFailed as exc:
        header("Example FAILED")
        print(str(exc), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one hermetic ansible-playbook runner of the test suites, and the one collection link.

    from playbook_runner import run_playbook, write_text

    run = run_playbook(write_text(tmp_path, "play.yml", PLAY), tmp_path,
                       extra_vars={"emulator_url": server.url}, check=True, diff=True)
    assert run.returncode == 0, run.output
    assert run.recap()["changed"] == 0

Hermetic: nothing of the caller's shell reaches the run. The caller's ``AWS_*`` and
``ANSIBLE_*`` variables are dropped, the AWS config and credentials files are
/dev/null, an empty ansible.cfg in the work dir is the configuration, and
ansible's home, local and remote temp dirs are in the work dir. The collections
path is our collection (the source tree linked under .build/collections, or
``CUSTOMERPROFILES_COLLECTIONS_PATH``, or the caller's ``collections``) and
amazon.aws from this Python's site-packages; the module interpreter is this
Python; no colour; ``-i localhost, -c local`` unless an inventory is given.
"""

import json
import os
import re
import subprocess
import sys
import sysconfig
import textwrap
import threading

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(TESTS_DIR)
# The source tree as ansible expects a collection: .build/collections/ansible_collections/awscx/customerprofiles
# (the Makefile's `collection` target makes the same link).
SOURCE_COLLECTIONS = os.path.join(REPO_ROOT, ".build", "collections")
COLLECTION_SUBDIR = os.path.join("ansible_collections", "awscx", "customerprofiles")
# Where the artifact test points the runs at an installed build instead of the source link.
COLLECTIONS_OVERRIDE = "CUSTOMERPROFILES_COLLECTIONS_PATH"

RECAP_LINE = re.compile(r"^(?P<host>\S+)\s*:\s*(?P<counts>ok=\d+.*)$", re.M)
RECAP_COUNT = re.compile(r"(\w+)=(\d+)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def link_collection(collections_dir=SOURCE_COLLECTIONS, source=REPO_ROOT):
    """Link ``source`` as awscx.customerprofiles under ``collections_dir`` (once); return ``collections_dir``."""
    link = os.path.join(collections_dir, COLLECTION_SUBDIR)
    if not os.path.lexists(link):
        os.makedirs(os.path.dirname(link), exist_ok=True)
        try:
            os.symlink(source, link)
        except FileExistsError:  # made meanwhile by a parallel worker
            pass
    return collections_dir


def collection_root():
    """The directory holding ansible_collections/awscx/customerprofiles that the runs use by default."""
    override = os.environ.get(COLLECTIONS_OVERRIDE)
    if override:
        return override
    return link_collection()


def venv_collections():
    """This Python's site-packages, where amazon.aws is installed (ansible_collections/amazon/aws)."""
    return sysconfig.get_paths()["purelib"]


def collections_path(collections=None):
    """ANSIBLE_COLLECTIONS_PATH: ``collections`` (default: collection_root()), then amazon.aws of this Python."""
    return os.pathsep.join([os.path.abspath(collections or collection_root()), venv_collections()])


def ansible_bin(name="ansible-playbook"):
    """A console script of this Python's venv (never one found on PATH)."""
    return os.path.join(os.path.dirname(sys.executable), name)


EMULATOR_PLAY_HEADER = """
- name: NAME
  hosts: localhost
  connection: local
  gather_facts: false
  module_defaults:
    group/awscx.customerprofiles.aws:
      endpoint_url: "{{ emulator_url }}"
      region: us-east-1
      access_key: testing
      secret_key: testing
"""


def emulator_play(name, body):
    """A play named ``name`` on localhost whose modules of this collection call the emulator server at
    ``emulator_url`` (an extra var), with ``body``: its ``tasks:``, ``roles:`` ... sections, written at the play's
    key level (dedented here, then indented under the play)."""
    return (
        EMULATOR_PLAY_HEADER.replace("NAME", name, 1) + textwrap.indent(textwrap.dedent(body).strip("\n"), "  ") + "\n"
    )


def write_text(directory, name, text):
    """Write ``text`` (dedented; a list or dict is written as JSON, which is YAML) to directory/name; return the path."""
    path = os.path.join(str(directory), name)
    with open(path, "w", encoding="utf-8") as handle:
        if isinstance(text, str):
            handle.write(textwrap.dedent(text))
        else:
            json.dump(text, handle, indent=1)
    return path


def playbook_env(workdir, collections=None, roles_path=None, env=None):
    """The hermetic environment of a run in ``workdir`` (which gets an empty ansible.cfg); ``env`` is added last."""
    workdir = os.path.abspath(str(workdir))
    os.makedirs(workdir, exist_ok=True)
    config = write_text(workdir, "ansible.cfg", "[defaults]\n")
    result = dict((key, value) for key, value in os.environ.items() if not key.startswith(("AWS_", "ANSIBLE_")))
    result.update(
        {
            "ANSIBLE_CONFIG": config,
            "ANSIBLE_COLLECTIONS_PATH": collections_path(collections),
            "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
            "ANSIBLE_HOME": os.path.join(workdir, "ansible-home"),
            "ANSIBLE_LOCAL_TEMP": os.path.join(workdir, "ansible-tmp"),
            "ANSIBLE_REMOTE_TMP": os.path.join(workdir, "ansible-remote-tmp"),
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_FORCE_COLOR": "0",
            "ANSIBLE_RETRY_FILES_ENABLED": "0",
            "AWS_CONFIG_FILE": os.devnull,
            "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
            "AWS_EC2_METADATA_DISABLED": "true",
        }
    )
    if roles_path:
        result["ANSIBLE_ROLES_PATH"] = roles_path
    result.update(env or {})
    return result


def playbook_command(playbook, inventory=None, extra_vars=None, check=False, diff=False, args=()):
    """The ansible-playbook command line. ``extra_vars``: a dict (passed as JSON), or a list of dicts and
    ``@file`` strings, each one ``-e``."""
    command = [ansible_bin(), str(playbook)]
    command += ["-i", "localhost,", "-c", "local"] if inventory is None else ["-i", str(inventory)]
    if extra_vars:
        for item in [extra_vars] if isinstance(extra_vars, dict) else extra_vars:
            command += ["-e", item if isinstance(item, str) else json.dumps(item)]
    if check:
        command.append("--check")
    if diff:
        command.append("--diff")
    return command + [str(arg) for arg in args]


class PlaybookRun(subprocess.CompletedProcess):
    """The completed ansible-playbook: ``stdout`` holds stdout and stderr interleaved (``stderr`` is "")."""

    @property
    def output(self):
        return self.stdout

    def recaps(self):
        return parse_recap(self.stdout)

    def recap(self, host=None):
        """The PLAY RECAP counts of ``host`` (default: the only host), e.g. {"ok": 3, "changed": 1, ...}."""
        recaps = self.recaps()
        if host is None:
            if len(recaps) != 1:
                raise AssertionError(
                    "expected the PLAY RECAP of one host, found %s in:\n%s" % (sorted(recaps), self.stdout[-4000:])
                )
            return next(iter(recaps.values()))
        if host not in recaps:
            raise AssertionError("no PLAY RECAP line for %s in:\n%s" % (host, self.stdout[-4000:]))
        return recaps[host]


def parse_recap(output):
    """{host: {"ok": n, "changed": n, "unreachable": n, "failed": n, "skipped": n, "rescued": n, "ignored": n}}
    of the PLAY RECAP in an ansible-playbook output (default callback; the last recap wins)."""
    text = ANSI.sub("", output)
    if "PLAY RECAP" not in text:
        return {}
    recaps = {}
    for match in RECAP_LINE.finditer(text[text.rindex("PLAY RECAP") :]):
        recaps[match.group("host")] = dict(
            (key, int(value)) for key, value in RECAP_COUNT.findall(match.group("counts"))
        )
    return recaps


def run_playbook(
    playbook,
    workdir,
    inventory=None,
    extra_vars=None,
    check=False,
    diff=False,
    args=(),
    collections=None,
    roles_path=None,
    env=None,
    cwd=None,
    timeout=600,
    echo=None,
):
    """Run ansible-playbook hermetically (see the module's docstring); return a PlaybookRun.

    playbook, inventory: paths (see write_text); workdir: the run's ansible.cfg, home and temp dirs;
    extra_vars, check, diff, args: see playbook_command; collections, roles_path, env: see playbook_env;
    cwd: default workdir; timeout: seconds, None for no limit (subprocess.TimeoutExpired when hit);
    echo: a stream (e.g. sys.stdout) that gets the output line by line while it runs.
    """
    command = playbook_command(playbook, inventory, extra_vars, check, diff, args)
    run_env = playbook_env(workdir, collections, roles_path, env)
    with subprocess.Popen(
        command,
        cwd=str(cwd or workdir),
        env=run_env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        timed_out = []

        def kill():
            timed_out.append(True)
            process.kill()

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        lines = []
        try:
            for line in process.stdout:
                lines.append(line)
                if echo is not None:
                    echo.write(line)
                    echo.flush()
            returncode = process.wait()
        finally:
            if timer:
                timer.cancel()
    output = "".join(lines)
    if timed_out:
        raise subprocess.TimeoutExpired(command, timeout, output=output)
    return PlaybookRun(command, returncode, output, "")

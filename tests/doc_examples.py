# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The playbook material of the docs, found one way and run one way against the emulator.

Sources (each has a name):

- ``customerprofiles_<x>``: that module's EXAMPLES, a task list;
- ``<path>:<name>``: a ```yaml block of README.md, docs/*.md or the role's README whose first line is
  ``# <name>`` (the user guide's ``# domain.yml``), else ``<path>#<n>``, n counting that file's yaml
  blocks from 1.

A source is a *playbook* (a list of plays), a *task list* (a list of tasks that each name a module), or
neither (a vars file, a ``module_defaults`` fragment).

``playbook(names)`` makes one playbook of several sources: a playbook's plays are kept as written; a
task list becomes a play on localhost (module EXAMPLES leave region and credentials to the environment,
as the user guide's "Connection settings" says). In a playbook of several task lists, the tasks with
``state: absent`` run after every block, in reverse block order: a module's examples end with its
removal, which the examples of the modules after it (its ``_info`` module, the resources that name it)
must not see yet, and the reverse order deletes the dependents first.

``run(server, workdir, steps)`` runs the steps (``Step``: sources, check, diff) one ansible-playbook each
against the emulator server (``AWS_URL``; ``emulator_url`` is an extra var), with ``files`` written next
to the playbooks.
"""

import ast
import collections
import glob
import os
import re

import yaml

from playbook_runner import REPO_ROOT
from playbook_runner import run_playbook
from playbook_runner import write_text

MODULES_DIR = os.path.join(REPO_ROOT, "plugins", "modules")
COLLECTION = "awscx.customerprofiles."
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
DOCS = ["README.md"] + sorted(
    os.path.relpath(path, REPO_ROOT) for path in glob.glob(os.path.join(REPO_ROOT, "docs", "*.md"))
)
ROLE_README = os.path.join("roles", "customer_profiles", "README.md")
PLAY_KEYS = ("pre_tasks", "tasks", "post_tasks", "handlers")
BLOCK_KEYS = ("block", "rescue", "always")
# Task keywords that are not the module (a task names its module by the one key left).
TASK_KEYWORDS = frozenset(
    "name register loop loop_control when no_log throttle run_once changed_when failed_when until retries delay "
    "ignore_errors tags vars environment delegate_to become check_mode diff notify listen module_defaults async poll "
    "with_items args".split()
)

Step = collections.namedtuple("Step", "sources check diff")


def step(*sources, check=False, diff=False):
    return Step(list(sources), check, diff)


def read(path):
    with open(os.path.join(REPO_ROOT, path), encoding="utf-8") as handle:
        return handle.read()


def modules():
    """The module names of plugins/modules, sorted."""
    return sorted(name[:-3] for name in os.listdir(MODULES_DIR) if name.startswith("customerprofiles_"))


def module_examples(module):
    """The text of a module's EXAMPLES."""
    tree = ast.parse(read(os.path.join("plugins", "modules", module + ".py")))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "EXAMPLES":
            return node.value.value
    raise AssertionError("{0} has no EXAMPLES".format(module))


def yaml_blocks(path):
    """{name: text} of the ```yaml blocks of a markdown file (see the module's docstring for the names)."""
    found = {}
    bodies = [body for lang, body in FENCE.findall(read(path)) if lang == "yaml"]
    for number, body in enumerate(bodies, 1):
        first = body.split("\n", 1)[0]
        name = first[2:].strip() if re.match(r"^# [\w.-]+\.ya?ml$", first) else "#{0}".format(number)
        found["{0}:{1}".format(path, name) if not name.startswith("#") else path + name] = body
    return found


def sources(with_role=False):
    """{name: text} of every source: module EXAMPLES, then the docs' yaml blocks (and the role's README)."""
    found = dict((module, module_examples(module)) for module in modules())
    for path in DOCS + ([ROLE_README] if with_role else []):
        found.update(yaml_blocks(path))
    return found


def kind(data):
    """ "playbook", "tasks" or None (a vars file, a fragment)."""
    if not isinstance(data, list) or not data or not all(isinstance(item, dict) for item in data):
        return None
    if all("hosts" in item for item in data):
        return "playbook"
    if all(module_of(item) or any(key in item for key in BLOCK_KEYS) for item in data):
        return "tasks"
    return None


def module_of(task):
    """The module a task calls (its key that is not a task keyword), or None."""
    names = [key for key in task if key not in TASK_KEYWORDS and key not in BLOCK_KEYS]
    return names[0] if len(names) == 1 else None


def short_name(module):
    return module[len(COLLECTION) :] if module and module.startswith(COLLECTION) else module


def tasks_in(data):
    """Every task of a playbook or task list, blocks and plays descended into."""
    for item in data or ():
        if "hosts" in item:
            for key in PLAY_KEYS:
                yield from tasks_in(item.get(key))
        elif any(key in item for key in BLOCK_KEYS):
            for key in BLOCK_KEYS:
                yield from tasks_in(item.get(key))
        else:
            yield item


def runnable(with_role=False):
    """{name: kind} of the sources that are playbooks or task lists."""
    found = {}
    for name, text in sources(with_role).items():
        found_kind = kind(yaml.safe_load(text))
        if found_kind:
            found[name] = found_kind
    return found


def is_absent(task):
    module = module_of(task)
    return isinstance(task.get(module), dict) and task[module].get("state") == "absent"


def playbook(names):
    """One playbook (a list of plays) of the named sources, as the module's docstring says."""
    texts = sources()
    plays, deferred = [], []
    for name in names:
        data = yaml.safe_load(texts[name])
        if kind(data) == "playbook":
            plays.extend(data)
            continue
        assert kind(data) == "tasks", "{0} is neither a playbook nor a task list".format(name)
        deferred.insert(0, [task for task in data if is_absent(task)])
        plays.append(local_play(name, [task for task in data if not is_absent(task)]))
    teardown = [task for tasks in deferred for task in tasks]
    if teardown:
        plays.append(local_play("removals of the examples above, last example first", teardown))
    return plays


def local_play(name, tasks):
    return {"name": name, "hosts": "localhost", "connection": "local", "gather_facts": False, "tasks": tasks}


def run(server, workdir, steps, files=None, extra_vars=None):
    """Run each step (one ansible-playbook each) against ``server``; return the PlaybookRuns.

    Every run must succeed and print no deprecation warning; ``files`` ({name: text}) are written next to
    the playbooks (a vars file, a lookup's JSON).
    """
    workdir = str(workdir)
    os.makedirs(workdir, exist_ok=True)
    for name, text in (files or {}).items():
        write_text(workdir, name, text)
    env = {
        "AWS_URL": server.url,
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    extra_vars = dict(extra_vars or {}, emulator_url=server.url)  # the README's call log example reads it
    runs = []
    for number, (names, check, diff) in enumerate(steps, 1):
        path = write_text(workdir, "step{0}.yml".format(number), yaml.safe_dump(playbook(names), sort_keys=False))
        done = run_playbook(
            path,
            os.path.join(workdir, "run{0}".format(number)),
            extra_vars=extra_vars,
            check=check,
            diff=diff,
            env=env,
            cwd=workdir,
        )
        where = "step {0} ({1}{2})".format(number, ", ".join(names), ", check mode" if check else "")
        assert done.returncode == 0, "{0} failed:\n{1}".format(where, done.stdout[-6000:])
        assert "[DEPRECATION WARNING]" not in done.stdout, "{0}:\n{1}".format(where, done.stdout[-6000:])
        runs.append(done)
    return runs

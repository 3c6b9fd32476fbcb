# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Module documentation that two modules share, written once (``make docs-modules``).

ansible-core merges doc fragments (plugins/doc_fragments/) into a module's top-level options
only. What they cannot share, nested suboptions (the profile fields that
customerprofiles_profile takes as options and customerprofiles_profiles as suboptions of
``profiles``) and RETURN blocks (a module and its ``_info`` describe the same resource), is
kept once here, in tests/docs/blocks/<name>.yml, and copied into the modules' DOCUMENTATION
and RETURN strings between two YAML comment lines, which YAML ignores:

    <indent># BEGIN generated from tests/docs/blocks/<name>.yml (make docs-modules) [key=value ...]
    ...the block, every line indented by <indent>...
    <indent># END generated <name>

A block is YAML text, copied as written (its own comment lines, such as its header, are left
out), with ``{key}`` replaced by the value the BEGIN line gives it (by "" when it gives none) for
each key that the block's ``# parameters:`` comment line names: ``prefix=profiles[].`` makes
``O({prefix}gender)`` refer to the suboption ``profiles[].gender`` where the block is nested.

Edit the block, then run ``make docs-modules``; tests/unit/test_module_docs_current.py (so
``make unit`` and ``make test``) fails while a module is not what this script writes.

Usage: python tests/docs/module_docs.py [write|check]
"""

import glob
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BLOCKS = os.path.join("tests", "docs", "blocks")
MODULES = os.path.join("plugins", "modules")
BEGIN = re.compile(
    r"^(?P<indent> *)# BEGIN generated from tests/docs/blocks/(?P<name>[a-z0-9_]+)\.yml \(make docs-modules\)(?P<params>( [a-z_]+=\S*)*)\n",
    re.M,
)
END = "{indent}# END generated {name}\n"


def block_text(name, params, root=REPO_ROOT):
    """The lines of tests/docs/blocks/<name>.yml, without its comment lines, its parameters replaced."""
    with open(os.path.join(root, BLOCKS, name + ".yml")) as handle:
        lines = handle.read().splitlines(True)
    declared = [line.split(":", 1)[1].split() for line in lines if line.startswith("# parameters:")]
    declared = declared[0] if declared else []
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise ValueError("%s.yml has no parameter %s" % (name, ", ".join(unknown)))
    text = "".join(line for line in lines if not line.lstrip().startswith("#"))
    for key in declared:
        text = text.replace("{%s}" % key, params.get(key, ""))
    return text.splitlines(True)


def generated(text, root=REPO_ROOT):
    """``text`` (a module file) with every generated region as its block gives it."""
    pieces, last = [], 0
    for begin in BEGIN.finditer(text):
        indent, name = begin.group("indent"), begin.group("name")
        end_marker = END.format(indent=indent, name=name)
        end = text.find(end_marker, begin.end())
        if end < 0:
            raise ValueError("%r has no end marker %r" % (begin.group(0), end_marker))
        params = dict(pair.split("=", 1) for pair in begin.group("params").split())
        lines = [indent + line if line.strip() else line for line in block_text(name, params, root)]
        pieces += [text[last : begin.end()], "".join(lines)]
        last = end
    return "".join(pieces) + text[last:]


def module_files(root=REPO_ROOT):
    return sorted(glob.glob(os.path.join(root, MODULES, "*.py")))


def stale(root=REPO_ROOT):
    """{module path: text as it should be} for every module that is not what ``write`` gives."""
    out = {}
    for path in module_files(root):
        with open(path) as handle:
            text = handle.read()
        want = generated(text, root)
        if want != text:
            out[path] = want
    return out


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else "write"
    changes = stale()
    if command == "check":
        if changes:
            names = ", ".join(os.path.relpath(path, REPO_ROOT) for path in changes)
            sys.exit("not what tests/docs/blocks gives (run make docs-modules): " + names)
        return
    for path, text in changes.items():
        with open(path, "w") as handle:
            handle.write(text)
        print("rewrote " + os.path.relpath(path, REPO_ROOT))


if __name__ == "__main__":
    main()

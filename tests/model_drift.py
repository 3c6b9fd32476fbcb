# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``make model-drift``: what a botocore release adds to the Customer Profiles model, and which
operations the collection calls.

``report WHEEL``: compares the customer-profiles model inside a botocore wheel (the newest on
PyPI, which make model-drift downloads) with the model of the installed, locked botocore, and
prints the operations and members (request and answer, nested ones by path) that one has and
the other lacks; then the coverage table of the wheel's model.

``write-docs``: rewrites docs/api_coverage.md, the coverage table of the locked model: every
operation, and the modules that call it. ``check-docs`` exits 1 when that page is stale (make unit
runs the same comparison in tests/unit/test_api_coverage.py).

Which module calls which operation comes from one place: the IAM permissions table of README.md
(one row per module, its ``profile:<Operation>`` actions), which tests/unit/test_iam_permissions.py
derives from the calls each module makes against the emulator.

Usage: python tests/model_drift.py report WHEEL | write-docs | check-docs
"""

import gzip
import json
import os
import re
import sys
import zipfile

import botocore
import botocore.model
import botocore.session

SERVICE = "customer-profiles"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(REPO_ROOT, "README.md")
COVERAGE_PAGE = os.path.join(REPO_ROOT, "docs", "api_coverage.md")
MODULE_CELL = re.compile(r"^\|\s*`?(customerprofiles_[a-z_]+)`?\s*\|")
ACTION = re.compile(r"profile:([A-Za-z]+)")


def locked_model():
    """The model of the installed botocore (the lock's, in the test virtualenv)."""
    return botocore.session.get_session().get_service_model(SERVICE)


def wheel_model(wheel):
    """(model, botocore version) of the customer-profiles model inside a botocore wheel."""
    with zipfile.ZipFile(wheel) as archive:
        names = sorted(
            name
            for name in archive.namelist()
            if re.match(r"botocore/data/{0}/[^/]+/service-2\.json(\.gz)?$".format(SERVICE), name)
        )
        if not names:
            sys.exit("{0}: no {1} model in this wheel".format(wheel, SERVICE))
        data = archive.read(names[-1])
    if names[-1].endswith(".gz"):
        data = gzip.decompress(data)
    version = re.search(r"botocore-([0-9][^-]*)-", os.path.basename(wheel))
    return botocore.model.ServiceModel(json.loads(data), service_name=SERVICE), version.group(1) if version else "?"


def member_paths(shape, path, seen=()):
    """Every member path below ``shape``: ``Name``, ``Name.Inner``, ``List[].Inner``, ``Map{}.Inner``."""
    if shape is None or shape.name in seen:
        return
    seen = seen + (shape.name,)
    if shape.type_name == "structure":
        for name, member in shape.members.items():
            inner = "{0}.{1}".format(path, name) if path else name
            yield inner
            yield from member_paths(member, inner, seen)
    elif shape.type_name == "list":
        yield from member_paths(shape.member, path + "[]", seen)
    elif shape.type_name == "map":
        yield from member_paths(shape.value, path + "{}", seen)


def operation_members(model, operation):
    """The member paths of an operation's request and answer, each prefixed ``request.``/``answer.``."""
    op = model.operation_model(operation)
    paths = set()
    for side, shape in (("request", op.input_shape), ("answer", op.output_shape)):
        paths.update("{0}.{1}".format(side, path) for path in member_paths(shape, ""))
    return paths


def outermost(paths):
    """``paths`` without those below another path of the list (a new block is named once, not each member)."""
    kept = []
    for path in sorted(paths):
        if not any(path.startswith(parent + ".") or path.startswith(parent + "[") for parent in kept):
            kept.append(path)
    return kept


def drift(old, new):
    """(added operations, removed operations, {operation: (added members, removed members)})."""
    old_ops, new_ops = set(old.operation_names), set(new.operation_names)
    members = {}
    for operation in sorted(old_ops & new_ops):
        before, after = operation_members(old, operation), operation_members(new, operation)
        if before != after:
            members[operation] = (outermost(after - before), outermost(before - after))
    return sorted(new_ops - old_ops), sorted(old_ops - new_ops), members


def module_operations(readme=README):
    """{operation: [modules]} from README.md's IAM permissions table (one row per module)."""
    callers = {}
    with open(readme) as handle:
        for line in handle:
            match = MODULE_CELL.match(line)
            if not match:
                continue
            for operation in ACTION.findall(line):
                callers.setdefault(operation, set()).add(match.group(1))
    return {operation: sorted(modules) for operation, modules in callers.items()}


def coverage_table(model, callers):
    """The coverage table (Markdown lines) of ``model``: every operation and the modules that call it."""
    operations = sorted(model.operation_names)
    covered = [operation for operation in operations if callers.get(operation)]
    lines = [
        "{0} of the {1} operations of the model are called by a module.".format(len(covered), len(operations)),
        "",
        "| Operation | Called by |",
        "|---|---|",
    ]
    for operation in operations:
        modules = ", ".join("`{0}`".format(module) for module in callers.get(operation, [])) or "not covered"
        lines.append("| `{0}` | {1} |".format(operation, modules))
    return lines


def coverage_page(model=None, callers=None):
    """The text of docs/api_coverage.md for the locked model."""
    model = model or locked_model()
    callers = module_operations() if callers is None else callers
    lines = [
        "# API coverage",
        "",
        "Every operation of the Amazon Connect Customer Profiles API, as the model of botocore {0} (the"
        " release the tests run against, `tests/constraints.txt`) has it, and the modules of this"
        " collection that call it. Generated by `make model-drift` from the model and the IAM"
        " permissions table of the README (which a test derives from the calls each module makes"
        " against the emulator); `make test` fails when this page is stale.".format(botocore.__version__),
        "",
        "Operations marked *not covered* are not called by any module yet. `make model-drift` also"
        " reports what the newest botocore release adds to the model.",
        "",
    ]
    return "\n".join(lines + coverage_table(model, callers)) + "\n"


def report(wheel):
    new, version = wheel_model(wheel)
    old = locked_model()
    added, removed, members = drift(old, new)
    print("Customer Profiles model: locked botocore {0} -> newest botocore {1}".format(botocore.__version__, version))
    if not (added or removed or members):
        print("No difference: the newest model has nothing the locked one lacks.")
    for title, operations in (("New operations", added), ("Operations removed", removed)):
        if operations:
            print("\n{0} ({1}):".format(title, len(operations)))
            for operation in operations:
                print("  " + operation)
    if members:
        print("\nOperations whose members changed ({0}):".format(len(members)))
        for operation, (plus, minus) in members.items():
            print("  " + operation)
            for path in plus:
                print("    + " + path)
            for path in minus:
                print("    - " + path)
    print("\nCoverage of the newest model (botocore {0}):\n".format(version))
    print("\n".join(coverage_table(new, module_operations())))


def main(argv):
    if argv[:1] == ["report"] and len(argv) == 2:
        report(argv[1])
    elif argv == ["write-docs"]:
        with open(COVERAGE_PAGE, "w") as handle:
            handle.write(coverage_page())
        print("wrote " + os.path.relpath(COVERAGE_PAGE, REPO_ROOT))
    elif argv == ["check-docs"]:
        with open(COVERAGE_PAGE) as handle:
            if handle.read() != coverage_page():
                sys.exit("docs/api_coverage.md is stale: run make model-drift")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

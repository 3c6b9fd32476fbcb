# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""make docs-modules (tests/docs/module_docs.py): the blocks two modules share are written once."""

import glob
import importlib.util
import os

import pytest

from playbook_runner import REPO_ROOT

_spec = importlib.util.spec_from_file_location(
    "module_docs", os.path.join(REPO_ROOT, "tests", "docs", "module_docs.py")
)
module_docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(module_docs)


def test_module_docs_are_current():
    """Every generated region of plugins/modules is its block (else: run make docs-modules)."""
    stale = [os.path.relpath(path, REPO_ROOT) for path in module_docs.stale()]
    assert stale == [], "not what tests/docs/blocks gives: run make docs-modules"


def test_every_block_is_shared():
    """A block exists to be written once for two places or more."""
    uses = {}
    for path in module_docs.module_files():
        with open(path) as handle:
            for begin in module_docs.BEGIN.finditer(handle.read()):
                uses.setdefault(begin.group("name"), []).append(os.path.basename(path))
    blocks = sorted(
        os.path.basename(path)[: -len(".yml")]
        for path in glob.glob(os.path.join(REPO_ROOT, module_docs.BLOCKS, "*.yml"))
    )
    assert blocks and sorted(uses) == blocks
    assert dict((name, places) for name, places in uses.items() if len(places) < 2) == {}


def _tree(tmp_path, module, block):
    (tmp_path / module_docs.BLOCKS).mkdir(parents=True)
    (tmp_path / module_docs.MODULES).mkdir(parents=True)
    (tmp_path / module_docs.BLOCKS / "fields.yml").write_text(block)
    (tmp_path / module_docs.MODULES / "m.py").write_text(module)
    return str(tmp_path)


MODULE = '''DOCUMENTATION = r"""
options:
  items:
    suboptions:
      # BEGIN generated from tests/docs/blocks/fields.yml (make docs-modules) prefix=items[].
      old: {}
      # END generated fields
  other: {}
"""
'''


def test_the_region_is_rewritten_indented_with_its_parameters(tmp_path):
    block = '# A header.\n# parameters: prefix\nname:\n  description:\n    - See O({prefix}other), {"a": 1}.\n\nx: {}\n'
    root = _tree(tmp_path, MODULE, block)
    ((path, text),) = module_docs.stale(root).items()
    assert text == MODULE.replace(
        "      old: {}\n",
        '      name:\n        description:\n          - See O(items[].other), {"a": 1}.\n\n      x: {}\n',
    )
    with open(path, "w") as handle:
        handle.write(text)
    assert module_docs.stale(root) == {}


def test_a_parameter_the_block_does_not_declare_fails(tmp_path):
    root = _tree(tmp_path, MODULE, "name: {}\n")
    with pytest.raises(ValueError, match="no parameter prefix"):
        module_docs.stale(root)


def test_a_region_without_its_end_fails(tmp_path):
    root = _tree(tmp_path, MODULE.replace("      # END generated fields\n", ""), "# parameters: prefix\nname: {}\n")
    with pytest.raises(ValueError, match="no end marker"):
        module_docs.stale(root)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""compare.py: the shared rules for "what changes"."""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import apply_changes
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import apply_tag_changes
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import complete_definition
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import differing_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import tag_changes


def test_strip_none_at_every_level():
    assert strip_none({"a": None, "b": {"c": None, "d": 1}, "e": [{"f": None, "g": 2}]}) == {
        "b": {"d": 1},
        "e": [{"g": 2}],
    }


def test_apply_changes_rules():
    current = {"keep": 1, "clear": "x", "block": {"a": 1, "b": 2}, "items": [1, 2]}
    desired = {"keep": None, "clear": "", "block": {"b": 3, "c": None}, "items": [3], "new": {"x": 1}}
    assert apply_changes(current, desired) == {"keep": 1, "block": {"a": 1, "b": 3}, "items": [3], "new": {"x": 1}}
    assert current == {"keep": 1, "clear": "x", "block": {"a": 1, "b": 2}, "items": [1, 2]}


def test_apply_changes_on_nothing():
    assert apply_changes(None, {"a": {"b": 1}}) == {"a": {"b": 1}}
    assert apply_changes({"a": 1}, None) == {"a": 1}


def test_tag_changes_semantics():
    current = {"Keep": "1", "Drop": "2", "aws:cloudformation:stack-name": "s"}
    assert tag_changes(current, None, True) == ({}, [])
    to_set, to_remove = tag_changes(current, {"Keep": "1", "New": "3"}, True)
    assert to_set == {"New": "3"}
    assert to_remove == ["Drop"]
    assert tag_changes(current, {"Keep": "changed"}, False) == ({"Keep": "changed"}, [])
    assert sorted(tag_changes(current, {}, True)[1]) == ["Drop", "Keep"]


def test_tag_changes_keeps_key_case():
    to_set, to_remove = tag_changes({"costcenter": "x"}, {"CostCenter": "x"}, True)
    assert to_set == {"CostCenter": "x"}
    assert to_remove == ["costcenter"]


def test_apply_tag_changes():
    assert apply_tag_changes({"A": "1", "B": "2"}, {"C": "3", "A": "0"}, ["B"]) == {"A": "0", "C": "3"}


def test_differing_members_compares_given_blocks_whole():
    current = {"A": 1, "B": {"C": 1, "D": 2}}
    assert differing_members(current, {"A": 1, "B": {"C": 1, "D": 2}, "E": None}) == []
    assert differing_members(current, {"B": {"C": 1}}) == ["B"]
    assert differing_members(current, {"A": 2, "F": "x"}) == ["A", "F"]


def test_complete_definition_keeps_current_values_for_what_is_left_out():
    current = {"Description": "d", "Fields": {"a": 1}, "CreatedAt": "t"}
    assert complete_definition(current, {"Fields": {"b": 2}, "Keys": None}, read_only=("CreatedAt",)) == {
        "Description": "d",
        "Fields": {"b": 2},
    }

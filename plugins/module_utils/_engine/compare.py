# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one place that compares what the user asked for with what exists.

Rules, shared by every module:
- an option left out (None) leaves the field as it is;
- ``""`` clears the field (it is absent afterwards);
- a dict is merged key by key with the same two rules, recursively;
- a list is replaced as a whole.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.amazon.aws.plugins.module_utils.tagging import compare_aws_tags


def strip_none(value):
    """Drop the options that were not given, at every level."""
    if isinstance(value, dict):
        return dict((key, strip_none(item)) for key, item in value.items() if item is not None)
    if isinstance(value, list):
        return [strip_none(item) for item in value]
    return value


def apply_changes(current, desired):
    """What ``current`` becomes once ``desired`` is applied (neither is modified)."""
    result = copy.deepcopy(current) if current else {}
    for key, wanted in (desired or {}).items():
        if wanted is None:
            continue
        if wanted == "":
            result.pop(key, None)
        elif isinstance(wanted, dict) and isinstance(result.get(key), dict):
            result[key] = apply_changes(result[key], wanted)
        elif isinstance(wanted, dict):
            result[key] = apply_changes({}, wanted)
        else:
            result[key] = copy.deepcopy(wanted)
    return result


def tag_changes(current, desired, purge):
    """(tags to set, keys to remove) following amazon.aws semantics.

    ``desired`` None leaves tags untouched. ``aws:`` keys belong to AWS and are
    never removed.
    """
    if desired is None:
        return {}, []
    to_set, to_remove = compare_aws_tags(current or {}, desired, purge_tags=purge)
    return to_set, [key for key in to_remove if not key.startswith("aws:")]


def apply_tag_changes(current, to_set, to_remove):
    """The tags after a change from tag_changes()."""
    tags = dict(current or {})
    for key in to_remove:
        tags.pop(key, None)
    tags.update(to_set)
    return tags


def differing_members(current, desired):
    """The top-level members of ``desired`` (None: not given) whose value differs from ``current``'s.

    A given block is the complete block (compared whole, not merged).
    """
    current = current or {}
    return sorted(key for key, wanted in (desired or {}).items() if wanted is not None and current.get(key) != wanted)


def complete_definition(current, desired, read_only=()):
    """The whole definition for a call that replaces it (PutProfileObjectType, PutIntegration): the current
    members, less the read-only ones, with the members given in ``desired`` (None: not given) put over them."""
    result = dict((key, copy.deepcopy(value)) for key, value in (current or {}).items() if key not in read_only)
    for key, wanted in (desired or {}).items():
        if wanted is not None:
            result[key] = copy.deepcopy(wanted)
    return result


def replaced_members(current, desired, members):
    """A copy of ``current`` in which each of ``members`` has its value in ``desired``; ``""`` removes the member
    (what a call that replaces the whole definition leaves)."""
    result = copy.deepcopy(current)
    for member in members:
        if desired[member] == "":
            result.pop(member, None)
        else:
            result[member] = copy.deepcopy(desired[member])
    return result

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""make bench's whole domain (tests/bench/domain_config_bench.py): the calls its tasks make, pinned.

The bench times the export and the no-op apply of a domain of 40 resources against one no-op single-resource
task, and the 0.2.0 way (a task per resource); the goal on calls is at most one List per kind plus one Get per
resource (and the domain's), and no write. These are the same tasks, run in-process, so the counts the bench
reports cannot drift from what the tests pin.
"""

import collections
import os
import sys

import pytest

from call_log import operations
from call_log import writes

BENCH_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench")
if BENCH_DIR not in sys.path:
    sys.path.insert(0, BENCH_DIR)

import domain_config_bench as bench  # noqa: E402  pylint: disable=wrong-import-position,import-error

# The export's reads, pinned here and budgeted by the bench (one list of them, in domain_config_bench.py)
GETS = bench.EXPORT_GETS
LISTS = bench.EXPORT_LISTS


@pytest.fixture
def domain(run_module, cp_mock):
    created = run_module("customerprofiles_domain_config", dict(domain_name=bench.DOMAIN, config=bench.document()))
    assert not created.failed, created.get("msg")
    assert created["summary"]["create"] == bench.RESOURCES + 1
    cp_mock.reset_calls()
    return bench.DOMAIN


def budget(log):
    """(List calls, Get calls by operation, other calls) of a run."""
    made = operations(log)
    lists = sorted(op for op in made if op.startswith("List"))
    gets = collections.Counter(op for op in made if op.startswith("Get"))
    return lists, dict(gets), [op for op in made if not op.startswith(("List", "Get"))]


def test_the_document_has_the_resources_of_the_issue():
    config = bench.document()
    assert [(kind, len(config[kind])) for kind, _count in bench.KIND_COUNTS] == list(bench.KIND_COUNTS)
    assert bench.RESOURCES == 40
    assert len(bench.per_resource_tasks(bench.DOMAIN, config)) == 41


def test_export_reads_one_list_per_kind_and_one_get_per_resource(run_module, cp_mock, domain):
    exported = run_module("customerprofiles_domain_config_info", dict(domain_name=domain))

    assert not exported.failed, exported.get("msg")
    lists, gets, other = budget(cp_mock)
    assert lists == LISTS
    assert gets == GETS
    assert other == []
    assert [len(exported["config"][kind]) for kind, _count in bench.KIND_COUNTS] == [c for _k, c in bench.KIND_COUNTS]


def test_noop_apply_reads_within_the_budget_and_writes_nothing(run_module, cp_mock, domain):
    applied = run_module("customerprofiles_domain_config", dict(domain_name=domain, config=bench.document()))

    assert not applied.failed, applied.get("msg")
    assert applied["changed"] is False
    assert applied["summary"]["none"] == bench.RESOURCES + 1
    lists, gets, other = budget(cp_mock)
    assert writes(cp_mock) == []
    assert other == []
    assert len(lists) <= len(bench.KIND_COUNTS)
    assert sum(gets.values()) <= bench.RESOURCES + 1
    assert all(count <= GETS.get(op, 1) for op, count in gets.items()), gets


def test_the_export_applies_back_with_no_write(run_module, cp_mock, domain):
    exported = run_module("customerprofiles_domain_config_info", dict(domain_name=domain))
    cp_mock.reset_calls()

    applied = run_module("customerprofiles_domain_config", dict(domain_name=domain, config=exported["config"]))

    assert not applied.failed, applied.get("msg")
    assert applied["changed"] is False
    assert writes(cp_mock) == []


def test_the_0_2_0_way_is_one_read_per_task(run_module, cp_mock, domain):
    made = []
    for module, args in bench.per_resource_tasks(domain, bench.document()):
        cp_mock.reset_calls()
        result = run_module(module, args)
        assert not result.failed and not result["changed"], (module, result.get("msg"))
        made.append(operations(cp_mock))

    assert [len(ops) for ops in made] == [1] * (bench.RESOURCES + 1)
    assert [ops[0] for ops in made if not ops[0].startswith(("Get", "List"))] == []

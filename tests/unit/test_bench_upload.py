# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""make bench's upload part (tests/bench/upload_bench.py): its file and its two tasks, run in-process on a few rows,
do what the bench checks (the job imports every row, the sync creates every profile), so the bench cannot drift
from the modules."""

import os
import sys

import pytest

BENCH_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench")
if BENCH_DIR not in sys.path:
    sys.path.insert(0, BENCH_DIR)

import upload_bench as bench  # noqa: E402  pylint: disable=wrong-import-position,import-error

N = 25


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "OUT_DIR", str(tmp_path))
    return bench.write_files(N)


def module_args(task):
    (name,) = [key for key in task if key.startswith("awscx.")]
    args = dict(task[name])
    for key in ("endpoint_url", "access_key", "secret_key"):
        args.pop(key)
    return name.split(".")[-1], args


def test_the_upload_task_imports_every_row(cp_mock, cp_client, run_module, wait_clock, files):
    cp_client.create_domain(DomainName="bench", DefaultExpirationDays=365)
    name, args = module_args(bench.upload_task("http://unused", "bench", N, files[0]))

    result = run_module(name, args)

    assert result["upload_job"]["status"] == "SUCCEEDED", result.get("msg")
    assert result["upload_job"]["results_summary"]["created_records"] == N
    profile = next(iter(cp_mock.backend().get_domain_object("bench").profiles.values()))
    assert profile["Address"] == {"City": "Springfield"} and profile["Attributes"] == {"tier": "gold"}


def test_the_sync_task_creates_the_same_rows(cp_mock, cp_client, run_module, files):
    import json

    cp_client.create_domain(DomainName="bench", DefaultExpirationDays=365)
    name, args = module_args(bench.profiles_task("http://unused", "bench", N, files[1]))
    with open(files[1]) as handle:
        args["profiles"] = json.load(handle)

    result = run_module(name, args)

    assert result["summary"]["created"] == N, result.get("msg")

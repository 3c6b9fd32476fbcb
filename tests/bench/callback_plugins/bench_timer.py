# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark callback (test-only): wall time and emulator API calls of every task named ``bench:<kind>:<round>``.

For each such task: the emulator's call log is cleared *before* the clock starts
(v2_playbook_on_task_start) and read *after* it stops (v2_runner_on_*), so the
control requests are never inside a measured interval. The interval is what a
user waits for one task: worker fork, module transfer, the module's Python
process, the result back on the controller. ``calls_seconds`` is the span of the
task's API calls as the emulator logged them: from the first request taken to
the last answer ready.

Environment: BENCH_RESULTS (JSON file written at the end), BENCH_EMULATOR_URL.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: bench_timer
type: aggregate
short_description: per-task wall time and emulator call log of benchmark tasks
description: Test-only callback of tests/bench.
requirements: [enable in configuration]
"""

import json
import os
import time
import urllib.request

from ansible.plugins.callback import CallbackBase


def _control(method, url):
    request = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
    return json.loads(body.decode("utf-8")) if body else {}


def call_span(calls):
    """Seconds from the first call's arrival at the emulator to the last call's answer (None without calls)."""
    if not calls:
        return None
    return max(call["ended"] for call in calls) - min(call["started"] for call in calls)


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "bench_timer"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self._url = os.environ.get("BENCH_EMULATOR_URL", "").rstrip("/")
        self._path = os.environ.get("BENCH_RESULTS")
        self._records = []
        self._current = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        parts = (task.get_name() or "").split(":")
        self._current = None
        if len(parts) != 3 or parts[0] not in ("bench", "warmup"):
            return
        if self._url:
            _control("DELETE", self._url + "/_emulator/calls")
        self._current = dict(phase=parts[0], kind=parts[1], round=parts[2], start=time.perf_counter())

    def _finish(self, result, status):
        end = time.perf_counter()
        current, self._current = self._current, None
        if current is None:
            return
        calls = _control("GET", self._url + "/_emulator/calls?times=1")["calls"] if self._url else []
        outcome = result._result
        self._records.append(
            dict(
                phase=current["phase"],
                kind=current["kind"],
                round=current["round"],
                seconds=end - current["start"],
                status=status,
                changed=bool(outcome.get("changed")),
                msg=outcome.get("msg") if status != "ok" else None,
                operations=[call["operation"] for call in calls],
                reads=sum(1 for call in calls if call["kind"] == "read"),
                writes=sum(1 for call in calls if call["kind"] == "write"),
                calls_seconds=call_span(calls),
            )
        )

    def v2_runner_on_ok(self, result):
        self._finish(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._finish(result, "failed")

    def v2_runner_on_skipped(self, result):
        self._finish(result, "skipped")

    def v2_runner_on_unreachable(self, result):
        self._finish(result, "unreachable")

    def v2_playbook_on_stats(self, stats):
        if self._path:
            with open(self._path, "w") as handle:
                json.dump(self._records, handle, indent=1)

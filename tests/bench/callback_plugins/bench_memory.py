# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark callback (test-only): peak memory of the ansible-playbook process and of its workers.

At the end of the playbook (v2_playbook_on_stats), writes to BENCH_MEMORY_RESULTS:

- ``self_kb``: ru_maxrss of this process (getrusage RUSAGE_SELF): the peak resident set of the
  ansible-playbook process itself, exact (the kernel keeps the high-water mark);
- ``children_kb``: ru_maxrss of RUSAGE_CHILDREN: the largest peak of any descendant waited for (the
  task's worker process, and through it the module process it ran), exact;
- ``workers_kb``: {pid: VmHWM} of this process's children (the workers ansible-core forks per task),
  read from /proc/<pid>/status every SAMPLE_SECONDS while they live: VmHWM is the kernel's own
  high-water mark, so a read after the peak is exact; only a peak in a worker's last SAMPLE_SECONDS
  would be missed (children_kb bounds it from above);
- ``results``: per task, its status and the module's ``summary`` (what the bench checks).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: bench_memory
type: aggregate
short_description: peak memory of ansible-playbook and its workers
description: Test-only callback of tests/bench (memory kind).
requirements: [enable in configuration]
"""

import json
import multiprocessing
import os
import resource
import threading

from ansible.plugins.callback import CallbackBase

SAMPLE_SECONDS = 0.02


def children_of(pid):
    """The pids whose parent is ``pid`` (from /proc)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/{0}/stat".format(name)) as handle:
                stat = handle.read()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ")"
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            found.append(int(name))
    return found


def high_water_kb(pid):
    """VmHWM of ``pid`` in KiB (None once it is gone)."""
    try:
        with open("/proc/{0}/status".format(pid)) as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "bench_memory"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self._path = os.environ.get("BENCH_MEMORY_RESULTS")
        self._workers = {}
        self._results = []
        self._done = threading.Event()
        self._sampler = threading.Thread(target=self._sample, name="bench_memory", daemon=True)
        self._sampler.start()

    def _sample(self):
        me = os.getpid()
        while not self._done.wait(SAMPLE_SECONDS):
            for pid in children_of(me):
                kb = high_water_kb(pid)
                if kb is not None:
                    self._workers[pid] = max(kb, self._workers.get(pid, 0))

    def _record(self, result, status):
        outcome = result._result
        self._results.append(
            dict(
                task=result.task_name,
                status=status,
                changed=bool(outcome.get("changed")),
                summary=outcome.get("summary"),
            )
        )

    def v2_runner_on_ok(self, result):
        self._record(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, "failed")

    def v2_playbook_on_stats(self, stats):
        self._done.set()
        self._sampler.join()
        # Reap the finished workers (multiprocessing waits for them lazily), so that RUSAGE_CHILDREN holds them.
        multiprocessing.active_children()
        if not self._path:
            return
        with open(self._path, "w") as handle:
            json.dump(
                dict(
                    self_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                    children_kb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                    workers_kb=self._workers,
                    results=self._results,
                ),
                handle,
                indent=1,
            )

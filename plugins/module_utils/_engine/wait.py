# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Engine: the bounded, backed-off wait of every module that waits (a profile until search finds it, a
recommender until it settles, a segment snapshot or estimate until it is done).

Tests replace this module's ``time`` with a fake clock (tests/conftest.py's ``wait_clock``): no test sleeps.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import itertools
import time

WAIT_DELAYS = (0.25, 0.5, 1, 2)  # seconds between searches while waiting; the last one repeats
# Seconds between two polls of a job the service runs for minutes or more (a recommender's training, a segment's
# export, an estimate); the last one repeats.
JOB_DELAYS = (1, 2, 4, 8, 15, 30)


def wait_until_found(still_missing, missing, timeout, delays=WAIT_DELAYS):
    """Search again (``still_missing(missing)``: what is not found yet) after ``delays`` (seconds between searches,
    the last one repeating) until nothing is missing or ``timeout`` seconds have passed; returns what is still
    missing (empty when all were found)."""
    deadline = time.time() + max(timeout, 0)
    for attempt in itertools.count():
        missing = still_missing(missing)
        remaining = deadline - time.time()
        if not missing or remaining <= 0:
            return missing
        time.sleep(min(delays[min(attempt, len(delays) - 1)], remaining))


def poll(read, done, timeout, delays=WAIT_DELAYS):
    """``read()`` until ``done(answer)`` (or the answer is None: gone), at most ``timeout`` seconds, pausing
    ``delays`` between reads: (the last answer, True when it is done or gone)."""
    last = [None]

    def not_done(missing):
        last[0] = read()
        return [] if last[0] is None or done(last[0]) else missing

    left = wait_until_found(not_done, [True], timeout, delays)
    return last[0], not left

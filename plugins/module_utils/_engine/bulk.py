# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the bulk modules (customerprofiles_profiles, customerprofiles_profile_objects) share.

- the options ``max_concurrency`` and ``rate_limit`` and their checks;
- a client-side token bucket (TokenBucket) and a thread pool (BulkResource.concurrently);
- calls that carry many values, in chunks halved when the service refuses a call for its number
  of values (BulkResource.by_values);
- the stop of the writes once the service has answered none of the last ``NO_ANSWER_ROUNDS`` rounds
  of calls (NoAnswerStop).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import functools
import threading
import time
from concurrent.futures import ThreadPoolExecutor

try:
    from botocore.exceptions import HTTPClientError
except ImportError:
    HTTPClientError = None  # AnsibleAWSModule reports a missing botocore

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import chunks
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import describe_error
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Resource

DEFAULT_CONCURRENCY = 10
# Calls per second: just under the service's default quota of 100 TPS per profile operation.
DEFAULT_RATE_LIMIT = 95.0
# Writes stop once this many rounds of calls in a row got no answer (time-outs, dropped connections): for
# max_concurrency calls at a time, 3 x max_concurrency writes in a row, about 3 x read_timeout seconds (90 s by
# default) of waiting before the rest is reported not attempted.
NO_ANSWER_ROUNDS = 3

BULK_OPTIONS = dict(
    max_concurrency=dict(type="int", default=DEFAULT_CONCURRENCY),
    rate_limit=dict(type="float", default=DEFAULT_RATE_LIMIT),
)


def bulk_option_errors(params):
    """The messages for ``max_concurrency`` and ``rate_limit`` out of range."""
    errors = []
    if params["max_concurrency"] < 1:
        errors.append("max_concurrency must be at least 1")
    if not params["rate_limit"] > 0:
        errors.append("rate_limit must be greater than 0")
    return errors


def concurrently(function, arguments, max_concurrency, bucket=None):
    """function(argument) for each argument, at most ``max_concurrency`` at a time in threads of the module process,
    each started once ``bucket`` (a TokenBucket, when given) lets it; the results in order."""

    def limited(argument):
        if bucket is not None:
            bucket.take()
        return function(argument)

    if len(arguments) < 2:
        return [limited(argument) for argument in arguments]
    with ThreadPoolExecutor(max_workers=min(max_concurrency, len(arguments))) as pool:
        return list(pool.map(limited, arguments))


class TokenBucket:
    """Client-side rate limit shared by the worker threads: ``rate`` calls per second, a burst of at most
    one second's worth (at least one call). It starts full: up to ``rate`` calls may go at once, then ``rate``
    a second. (Against a service bucket of a higher rate and burst, such as the emulator's quota mode models,
    that never throttles.) ``take()`` blocks until a call may go."""

    def __init__(self, rate, clock=time.monotonic, sleep=time.sleep):
        self.rate = float(rate)
        self.capacity = max(1.0, self.rate)
        self.tokens = self.capacity
        self.clock = clock
        self.sleep = sleep
        self.stamp = clock()
        self.lock = threading.Lock()

    def take(self):
        while True:
            with self.lock:
                now = self.clock()
                self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
                self.stamp = now
                if self.tokens >= 1 - 1e-9:  # a float sum of waits may fall short of 1 by rounding
                    self.tokens -= 1
                    return
                wait = (1 - self.tokens) / self.rate
            self.sleep(wait)


def is_values_limit(error):
    """A 400 BadRequestException refusing a call for its number of values (it names them)."""
    details = describe_error(error)[1].get("error", {})
    return details.get("code") == "BadRequestException" and "Values" in (details.get("message") or "")


def got_no_answer(error):
    """True when a call's error is that no answer came: a time-out or a dropped connection."""
    exception = getattr(error, "exception", error)
    return HTTPClientError is not None and isinstance(exception, HTTPClientError)


class NoAnswerStop:
    """Counts the writes in a row that got no answer (any answer, an error one too, resets the count);
    ``stopped`` once ``limit`` is reached. Shared by the worker threads."""

    def __init__(self, limit):
        self.limit = limit
        self.count = 0
        self.stopped = False
        self.lock = threading.Lock()

    def record(self, error=None):
        """One write ended: without error (None), or with ``error``."""
        with self.lock:
            self.count = self.count + 1 if error is not None and got_no_answer(error) else 0
            if self.count >= self.limit:
                self.stopped = True

    def message(self, not_attempted):
        """What the task's msg says of the items left out (empty when none was)."""
        if not not_attempted:
            return ""
        return (
            "{0} not attempted: the service answered none of {1} writes in a row (time-outs or dropped connections), "
            "so the module stopped sending; run the task again once the service answers".format(
                not_attempted, self.limit
            )
        )


class BulkResource(Resource):
    """A Resource with the bulk options: reads run ``max_concurrency`` at a time under a read bucket of
    ``rate_limit`` calls per second (start_reads() makes it).

    A bulk resource overrides plan() and apply() (the engine's per-call hooks do not fit): each item is
    planned on its own and fails on its own, the writes are rate limited (and, for profiles, concurrent),
    they stop after rounds without an answer, and the result is one status per item."""

    values_per_call = 50

    def bulk_errors(self):
        return bulk_option_errors(self.params)

    def start_reads(self):
        self.read_bucket = TokenBucket(self.params["rate_limit"])
        self.values_lock = threading.Lock()

    def concurrently(self, function, arguments):
        """function(argument) for each argument, ``max_concurrency`` at a time; the results in order."""
        return concurrently(function, arguments, self.params["max_concurrency"])

    def by_values(self, call, groups):
        """{key: items}: call(key, chunk) for chunks of at most ``values_per_call`` of each group's values
        (``groups``: {key: values}), every chunk of every group run concurrently, each under the read bucket."""
        tasks = [(key, chunk) for key, values in groups.items() for chunk in chunks(values, self.values_per_call)]
        answers = self.concurrently(lambda task: self.values_chunk(functools.partial(call, task[0]), task[1]), tasks)
        found = dict((key, []) for key in groups)
        for (key, _chunk), items in zip(tasks, answers):
            found[key].extend(items)
        return found

    def values_chunk(self, call, values):
        """One chunk's items. A chunk the service refuses for its number of values is halved, and the smaller
        size kept for the chunks not yet sent (a chunk above it is split before it is sent)."""
        if len(values) > self.values_per_call:
            return [item for part in chunks(values, self.values_per_call) for item in self.values_chunk(call, part)]
        self.read_bucket.take()
        try:
            return call(values)
        except CustomerProfilesError as e:
            if len(values) > 1 and is_values_limit(e):
                with self.values_lock:
                    self.values_per_call = min(self.values_per_call, len(values) // 2)
                return self.values_chunk(call, values)
            raise

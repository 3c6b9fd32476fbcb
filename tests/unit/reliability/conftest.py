# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures of the reliability suite (issue 8)."""

import random

import pytest
from reliability_helpers import RecordedSleeps


@pytest.fixture
def sleeps(monkeypatch):
    """Replace the sleep of amazon.aws's retry loop (CloudRetry in module_utils.cloud) with a recorder.

    Only the retry layer's clock is replaced (the module's ``time`` name), not ``time.sleep`` globally,
    so a sleep anywhere else (botocore's own retries, which must be off) would still be real.
    The random generator is seeded so the jittered delays are reproducible.
    """
    from ansible_collections.amazon.aws.plugins.module_utils import cloud

    recorder = RecordedSleeps()
    monkeypatch.setattr(cloud, "time", recorder)
    state = random.getstate()
    random.seed(20240808)
    yield recorder.delays
    random.setstate(state)

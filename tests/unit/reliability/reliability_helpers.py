# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers shared by the reliability tests."""

import socket
import time

DOMAIN = "reliability"
# The policy of plugins/module_utils/_engine/core.py: AWSRetry.jittered_backoff(retries=12, delay=0.5, backoff=2, max_delay=10):
# 12 attempts, the delay before each retry drawn from [0, bound].
ATTEMPTS = 12
DELAY_BOUNDS = [0.5, 1, 2, 4, 8, 10, 10, 10, 10, 10, 10]


class RecordedSleeps:
    """Stands in for the ``time`` module of amazon.aws's cloud.py: records the delays instead of sleeping."""

    def __init__(self):
        self.delays = []

    def sleep(self, seconds):
        self.delays.append(seconds)

    def __getattr__(self, name):
        return getattr(time, name)


def closed_port():
    """A loopback port nothing listens on."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A clock for tests of what waits: time moves only when the code under test sleeps, and each sleep is recorded.

clock = FakeClock()
TokenBucket(rate, clock=clock.clock, sleep=clock.sleep)   # or, in place of a module's ``time``:
monkeypatch.setattr(wait, "time", clock)                  # _engine/wait.py: time.time() and time.sleep()
"""


class FakeClock:
    def __init__(self, now=0.0):
        self.now = now
        self.slept = []

    def time(self):
        return self.now

    clock = time

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds

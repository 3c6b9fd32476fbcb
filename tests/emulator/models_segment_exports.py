# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A segment's snapshots and a domain's segment estimates: SegmentSnapshot and SegmentEstimate, jobs whose status
moves on one step each time their Get operation reads them (the operations are in segment_exports.py).

Snapshots live in a ``snapshots`` dict of their SegmentDefinition (deleting the segment deletes them), estimates in
the dict attribute of the Domain named SEGMENT_ESTIMATES; both keyed by their id."""

import uuid

SEGMENT_SNAPSHOTS = "snapshots"  # an attribute of a SegmentDefinition
SEGMENT_ESTIMATES = "segment_estimates"  # an attribute of a Domain


class _Job:
    """A job that answers ``running`` for ``polls`` reads, then ``done`` (with its ``message``): advance() after each
    read."""

    def __init__(self, running, done, polls, message=None):
        self.status = running if polls > 0 else done
        self.polls_left = polls
        self.done = done
        self.message = message

    def advance(self):
        if self.polls_left > 0:
            self.polls_left -= 1
            if self.polls_left == 0:
                self.status = self.done


class SegmentSnapshot(_Job):
    """A snapshot (an export of a segment's members to DestinationUri): IN_PROGRESS, then COMPLETED, or FAILED with
    ``failure`` as its StatusMessage."""

    MEMBERS = ("DataFormat", "EncryptionKey", "RoleArn", "DestinationUri")

    def __init__(self, params, polls, failure=None):
        super().__init__("IN_PROGRESS", "FAILED" if failure else "COMPLETED", polls, failure)
        self.snapshot_id = uuid.uuid4().hex  # the model's pattern: [a-f0-9]{32}
        self.values = dict((key, params[key]) for key in self.MEMBERS if params.get(key) is not None)

    def describe(self):
        answer = dict(self.values, SnapshotId=self.snapshot_id, Status=self.status)
        if self.status == "FAILED":
            answer["StatusMessage"] = self.message
        return answer


class SegmentEstimate(_Job):
    """An estimate: RUNNING, then SUCCEEDED with ``count`` (the profiles of the domain that match the query when it
    was created), or FAILED with ``message`` where the emulator cannot evaluate the query."""

    def __init__(self, domain_name, count, message, polls):
        super().__init__("RUNNING", "FAILED" if message else "SUCCEEDED", polls, message)
        self.estimate_id = uuid.uuid4().hex
        self.domain_name = domain_name
        self.count = count

    def describe(self):
        answer = {"DomainName": self.domain_name, "EstimateId": self.estimate_id, "Status": self.status}
        if self.status == "SUCCEEDED":
            answer["Estimate"] = str(self.count)
        elif self.status == "FAILED":
            answer["Message"] = self.message
        return answer

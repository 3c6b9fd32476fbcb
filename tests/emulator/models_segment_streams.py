# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Segment subscriptions and the stream for segments of a domain (botocore 1.43.84): SegmentSubscription, one per
segment definition, and SegmentStream, at most one per domain, in the Domain's dicts named in
SEGMENT_STREAM_COLLECTIONS; the operations on them are in segment_streams.py. Neither has an ARN or tags."""

import copy
import datetime

from moto.core.utils import unix_time

from .common import later_than
from .common import now

SEGMENT_SUBSCRIPTIONS = "segment_subscriptions"  # segment definition name -> SegmentSubscription
SEGMENT_STREAMS = "segment_streams"  # domain name -> SegmentStream (the one stream of the domain)
# Domain attributes (dicts) that hold this module's resources: DeleteDomain drops them with the domain.
SEGMENT_STREAM_COLLECTIONS = (SEGMENT_SUBSCRIPTIONS, SEGMENT_STREAMS)

# PutSegmentSubscription's reference: without a schedule, the interval is 24 hours (HOURLY is the one unit).
DEFAULT_SCHEDULE = {"Interval": 24, "Unit": "HOURLY"}


class SegmentSubscription:
    """A segment's subscription: its schedule, status (STARTING for ``starting_reads`` GetSegmentSubscription reads,
    then RUNNING), the members of its last evaluation (None when the emulator cannot evaluate the segment) and its
    events, newest first."""

    def __init__(self, name, schedule, starting_reads, members):
        self.name = name
        self.schedule = None
        self.configure(schedule)
        self.status = "STARTING"
        self.message = None
        self.starting_reads = starting_reads
        self.started_at = now()
        self.last_updated_at = self.started_at
        self.members = members
        self.events = []
        self.record(members or (), "JOINED", "SCHEDULE")  # the initial snapshot: its members joined

    def configure(self, schedule):
        self.schedule = dict(DEFAULT_SCHEDULE, **(schedule or {}))

    def touch(self):
        self.last_updated_at = later_than(self.last_updated_at)

    def read(self):
        """One GetSegmentSubscription read: the status moves on (STARTING -> RUNNING once its reads are spent)."""
        if self.status == "STARTING":
            if self.starting_reads > 0:
                self.starting_reads -= 1
            else:
                self.status = "RUNNING"

    def record(self, profile_ids, event, event_type):
        stamp = unix_time(now())
        for profile_id in sorted(profile_ids):
            self.events.insert(
                0, {"ProfileId": profile_id, "UpdatedAt": stamp, "EventType": event_type, "Event": event}
            )

    def update_members(self, members):
        """A new evaluation: profiles that entered are JOINED, those that left LEFT (LIVE events)."""
        if members is None or self.members is None:
            self.members = members
            return
        self.record(members - self.members, "JOINED", "LIVE")
        self.record(self.members - members, "LEFT", "LIVE")
        self.members = members

    def put_answer(self):
        return {
            "Status": self.status,
            "ScheduleConfiguration": copy.deepcopy(self.schedule),
            "StartedAt": unix_time(self.started_at),
        }

    def describe(self):
        out = self.put_answer()
        next_run = self.started_at + datetime.timedelta(hours=self.schedule["Interval"])
        out.update(
            {
                "Message": self.message,
                "ScheduledExecutions": {"NextExecutedAt": unix_time(next_run)},
                "LastUpdatedAt": unix_time(self.last_updated_at),
            }
        )
        return out


class SegmentStream:
    """The domain's stream for segments: its destination and role, RUNNING once associated; a disassociated one is
    kept, STOPPED with its DisassociatedAt, until another is associated."""

    def __init__(self, domain_name, destination_arn, role_arn):
        self.domain_name = domain_name
        self.destination_arn = destination_arn
        self.role_arn = role_arn
        self.associated_at = now()
        self.disassociated_at = None
        self.state = "RUNNING"

    @property
    def active(self):
        return self.disassociated_at is None

    def disassociate(self):
        self.disassociated_at = later_than(self.associated_at)
        self.state = "STOPPED"

    def describe(self, subscriptions):
        out = {
            "DomainName": self.domain_name,
            "DestinationArn": self.destination_arn,
            "DestinationRoleArn": self.role_arn,
            "State": self.state,
            "AssociatedAt": unix_time(self.associated_at),
            "AssociatedSegments": [
                {"SegmentName": name, "Status": subscription.status if self.active else "STOPPED"}
                for name, subscription in sorted(subscriptions.items())
            ],
        }
        if not self.active:
            out["DisassociatedAt"] = unix_time(self.disassociated_at)
        return out

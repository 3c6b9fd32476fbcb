# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Segment snapshots (CreateSegmentSnapshot, GetSegmentSnapshot), for customerprofiles_segment_snapshot.

A snapshot is an operation, not configuration: every run that is not check mode exports the segment again
(CreateSegmentSnapshot, ``changed``), and nothing is compared. Check mode makes no write and returns the request
it would send. Before any write the segment definition is read (GetSegmentDefinition): a missing one fails naming
``segment_definition_name``. With ``wait`` the module polls GetSegmentSnapshot with growing pauses, up to
``wait_timeout`` seconds, until the snapshot is COMPLETED or FAILED; FAILED fails the task with the service's
status message. With ``snapshot_id`` the module only reads that snapshot (waiting for it with ``wait``) and
writes nothing.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Resource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import JOB_DELAYS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import poll
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import get_segment_definition

# The members of a snapshot request besides its identity; the ones a create needs.
MEMBERS = option_members("data_format", "destination_uri", "role_arn", "encryption_key")
REQUIRED_TO_CREATE = ("data_format", "destination_uri")

SEGMENT_SNAPSHOT_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True),
    segment_definition_name=dict(type="str", required=True),
    data_format=dict(type="str"),
    destination_uri=dict(type="str"),
    role_arn=dict(type="str"),
    encryption_key=dict(type="str", no_log=False),
    snapshot_id=dict(type="str"),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=900),
)

NAMES = names_from_spec(SEGMENT_SNAPSHOT_ARGUMENT_SPEC) | {"status", "status_message"}
# The statuses where a snapshot stays (SegmentSnapshotStatus).
DONE = ("COMPLETED", "FAILED")


def describe_segment_snapshot(api, domain_name, segment_definition_name):
    """A snapshot as the module returns it ({} when there is none): its members in option form, with its domain and
    segment."""
    if not api:
        return {}
    api = dict(api, DomainName=domain_name, SegmentDefinitionName=segment_definition_name)
    return from_api(api, NAMES)


class SegmentSnapshotResource(Resource):
    """One snapshot of a segment: created on every run (an operation), or read by ``snapshot_id``."""

    argument_spec = SEGMENT_SNAPSHOT_ARGUMENT_SPEC
    module_kwargs = dict(mutually_exclusive=[("snapshot_id", option) for option, _member in MEMBERS])
    result_key = "segment_snapshot"

    def identity(self):
        return {
            "DomainName": self.params["domain_name"],
            "SegmentDefinitionName": self.params["segment_definition_name"],
        }

    # validation --------------------------------------------------------------------------
    def model_inputs(self):
        options = dict(
            domain_name=self.params["domain_name"], segment_definition_name=self.params["segment_definition_name"]
        )
        if self.params["snapshot_id"] is not None:
            return [("GetSegmentSnapshot", dict(options, snapshot_id=self.params["snapshot_id"]), "")]
        options.update((option, self.params[option]) for option, _member in MEMBERS)
        return [("CreateSegmentSnapshot", options, "")]

    def extra_checks(self):
        errors = []
        if self.params["snapshot_id"] is None:
            errors.extend(
                "{0} is required to create a snapshot (without snapshot_id){1}".format(
                    option,
                    " (the API requires it outside the Amazon Connect admin website)"
                    if option == "destination_uri"
                    else "",
                )
                for option in REQUIRED_TO_CREATE
                if self.params[option] is None
            )
        if self.params["wait_timeout"] < 0:
            errors.append("wait_timeout must be 0 or more")
        return errors

    # read and plan --------------------------------------------------------------------------
    def get(self, snapshot_id):
        return get_or_none(
            self.client.get_segment_snapshot, "get segment snapshot", SnapshotId=snapshot_id, **self.identity()
        )

    def read(self):
        """The segment definition must exist (before any write); with ``snapshot_id``, the snapshot, waited for."""
        name = self.params["segment_definition_name"]
        self.require("segment_definition_name", "segment_definitions", name, get_segment_definition)
        snapshot_id = self.params["snapshot_id"]
        if snapshot_id is None:
            return Current()
        found = self.get(snapshot_id)
        if found is None:
            raise PlanError(
                "snapshot_id: segment definition {0} of domain {1} has no snapshot {2}.".format(
                    name, self.params["domain_name"], snapshot_id
                )
            )
        return Current(self.settled(snapshot_id, found))

    def plan(self, current):
        if self.params["snapshot_id"] is not None:
            return Plan(after=current.resource, changed=False)
        request = dict(self.identity())
        request.update((member, self.params[option]) for option, member in MEMBERS if self.params[option] is not None)
        predicted = dict((key, value) for key, value in request.items() if key not in self.identity())
        predicted.update(SnapshotId=None, Status="COMPLETED" if self.params["wait"] else "IN_PROGRESS")
        return Plan([Call("create_segment_snapshot", request, "create segment snapshot")], predicted)

    # apply -------------------------------------------------------------------------------------
    def outcome_from(self, call, response, outcome):
        return dict(outcome, SnapshotId=response.get("SnapshotId"))

    def read_back(self, plan, outcome):
        """The snapshot as GetSegmentSnapshot answers once it is done (``wait``), or at once."""
        return self.settled(outcome["SnapshotId"]) or outcome

    def settled(self, snapshot_id, found=None):
        """The snapshot ``snapshot_id`` (``found``: as read already) once done (``wait``: polled up to
        ``wait_timeout``), or as it is; FAILED, or still in progress after ``wait_timeout``, fails the task with
        it."""
        wait = self.params["wait"]
        done = found is not None and found.get("Status") in DONE
        if found is None or (wait and not done):
            found, done = poll(
                lambda: self.get(snapshot_id),
                lambda snapshot: snapshot.get("Status") in DONE,
                self.params["wait_timeout"] if wait else 0,
                JOB_DELAYS,
            )
        if found is None:
            return None
        if wait and not done:
            raise self.failure(
                found,
                "is still {0} after wait_timeout={1} seconds; the export goes on by itself (read it again with "
                "snapshot_id={2}).".format(found.get("Status"), self.params["wait_timeout"], snapshot_id),
            )
        if found.get("Status") == "FAILED":
            raise self.failure(found, "FAILED: {0}".format(found.get("StatusMessage") or "no message given"))
        return found

    def failure(self, snapshot, what):
        return PlanError(
            "Snapshot {0} of segment definition {1} in domain {2} {3}".format(
                snapshot.get("SnapshotId"), self.params["segment_definition_name"], self.params["domain_name"], what
            ),
            segment_snapshot=self.describe(snapshot),
        )

    def describe(self, result):
        return describe_segment_snapshot(result, self.params["domain_name"], self.params["segment_definition_name"])

    def diff(self, current, plan, outcome):
        return dict(before=self.describe(current.resource), after=self.describe(outcome))

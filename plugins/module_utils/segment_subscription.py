# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Segment subscriptions (PutSegmentSubscription, botocore 1.43.84), for customerprofiles_segment_subscription and
_info.

A subscription makes the service publish a segment's membership changes (profiles that join or leave it); it is
named by its segment definition and has no ARN and no tags. PutSegmentSubscription creates or replaces the whole
subscription: an update sends the whole ``schedule_configuration`` (the current one where an option is left out).
The segment definition and the domain's stream for segments must exist: both are read before a create (what the
same task makes is not). No list
operation exists: every subscription of a domain is one GetSegmentSubscription per segment definition
(ListSegmentDefinitions), a segment without one answering not found.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import apply_changes
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import has_operation
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import get_segment_definition
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import list_segment_definitions
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_stream import get_stream_for_segments

SEGMENT_SUBSCRIPTION_ARGUMENT_SPEC = child_spec(
    "segment_definition_name",
    schedule_configuration=dict_option(dict(interval=dict(type="int", required=True), unit=dict(type="str"))),
)

NAMES = names_from_spec(SEGMENT_SUBSCRIPTION_ARGUMENT_SPEC)
MEMBERS = option_members("schedule_configuration")
SCHEDULE = "ScheduleConfiguration"
PUT = "put_segment_subscription"


# ---------------------------------------------------------------- reads


def get_segment_subscription(client, domain_name, name):
    """GetSegmentSubscription's answer with the segment's name, or None when there is none (or no such segment or
    domain)."""
    found = get_or_none(
        client.get_segment_subscription,
        "get segment subscription",
        DomainName=domain_name,
        SegmentDefinitionName=name,
    )
    if found is not None:
        found["SegmentDefinitionName"] = name
    return found


def segment_subscriptions(client, domain_name):
    """Every subscription of the domain: one GetSegmentSubscription per segment definition (the service has no list
    operation), those that exist; none with a botocore older than the subscriptions (the export of a domain then has
    none)."""
    if not has_operation("GetSegmentSubscription"):
        return []
    found = (
        get_segment_subscription(client, domain_name, item["SegmentDefinitionName"])
        for item in list_segment_definitions(client, domain_name)
    )
    return [item for item in found if item is not None]


def list_subscription_events(client, domain_name, name):
    """Every ListSegmentSubscriptionEvents item of the segment, all pages."""
    return list_all(
        client.list_segment_subscription_events,
        "list segment subscription events",
        result_key="Events",
        DomainName=domain_name,
        SegmentDefinitionName=name,
    )


def describe_segment_subscription(api, domain_name=None):
    """A subscription as the modules return it ({} when absent): the options' names, the read-only members (status,
    message, scheduled_executions, started_at, last_updated_at, events) in snake_case; no tags (it has none)."""
    described = describe(api, NAMES, **({"DomainName": domain_name} if domain_name else {}))
    described.pop("tags", None)
    return described


class SegmentSubscriptionResource(DomainChild):
    """PutSegmentSubscription creates and replaces the whole subscription; its answer (status, schedule, start)
    is merged into the outcome. No ARN, no tags."""

    argument_spec = SEGMENT_SUBSCRIPTION_ARGUMENT_SPEC
    result_key = "segment_subscription"
    kind = "segment subscription"
    name_option = "segment_definition_name"
    name_member = "SegmentDefinitionName"
    arn_kind = "segment-definitions"
    create_operation = "PutSegmentSubscription"
    members = MEMBERS
    create_method = PUT
    delete_method = "delete_segment_subscription"
    reads_one = staticmethod(get_segment_subscription)

    def read(self):
        current = self.get()
        if current is None and self.params["state"] == "present":
            # PutSegmentSubscription needs the segment definition and the domain's stream for segments: say so by
            # name, before any write
            self.require("segment_definition_name", "segment_definitions", self.name, get_segment_definition)
            self.require_stream()
        return current

    def require_stream(self):
        """A new subscription needs the domain's stream for segments (the admin guide: segment membership events
        are enabled before a segment is subscribed): read it, unless the same task manages it."""
        domain_name = self.params["domain_name"]
        if not self.missing("segment_streams", domain_name, get_stream_for_segments):
            return
        raise PlanError(
            "domain {0} has no stream for segments, which segment subscription {1} needs; associate one first "
            "(awscx.customerprofiles.customerprofiles_segment_stream). Nothing was changed.".format(
                domain_name, self.name
            )
        )

    def plan_update(self, found):
        """One PutSegmentSubscription with the whole schedule when it differs: the members given over the current
        ones (a sub-option left out keeps its value)."""
        resource = found.resource
        given = self.desired().get(SCHEDULE)
        current = resource.get(SCHEDULE)
        wanted = apply_changes(current, given) if given is not None else current
        if given is None or wanted == current:
            return Plan([], after=resource)
        call = Call(PUT, dict(self.identity(), ScheduleConfiguration=wanted), "update " + self.kind)
        after = copy.deepcopy(resource)
        after[SCHEDULE] = copy.deepcopy(wanted)
        return Plan([call], after=after)

    def predicted(self, request, tags):
        after = super(SegmentSubscriptionResource, self).predicted(request, tags)
        after["Status"] = "STARTING"  # the reference: the initial snapshot is in progress
        return after

    def outcome_from(self, call, response, outcome):
        """PutSegmentSubscription answers the status, the schedule and the start: merged into the prediction."""
        if call.method != PUT:
            return outcome
        return dict(outcome, **response)

    def describe(self, result):
        return describe_segment_subscription(result, self.params["domain_name"])


class SegmentSubscriptionLister(
    named_lister(
        SegmentSubscriptionResource,
        "GetSegmentSubscription",
        "segment_subscriptions",
        list_segment_definitions,
        list_events=dict(type="bool", default=False),
    )
):
    """One subscription by its segment, or every subscription of the domain (one GetSegmentSubscription per segment
    definition, those without one left out); ``list_events`` adds each one's events (every page)."""

    def model_inputs(self):
        inputs = super(SegmentSubscriptionLister, self).model_inputs()
        if self.params.get("list_events"):
            options = dict(domain_name=self.params["domain_name"])
            options["segment_definition_name"] = self.params.get("segment_definition_name")
            inputs.append(("ListSegmentSubscriptionEvents", options, ""))
        return inputs

    def get(self, name):
        found = super(SegmentSubscriptionLister, self).get(name)
        if found is not None and self.params.get("list_events"):
            found["Events"] = list_subscription_events(self.client, self.params["domain_name"], name)
        return found

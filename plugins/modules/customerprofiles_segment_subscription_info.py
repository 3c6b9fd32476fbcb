#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_segment_subscription_info
version_added: 0.3.0
short_description: Describe the segment subscriptions of an Amazon Connect Customer Profiles domain, and their events
description:
  - With O(segment_definition_name), describes the subscription of that segment (GetSegmentSubscription), or returns
    an empty list when it has none (or the segment or the domain does not exist).
  - Without O(segment_definition_name), describes every subscription of the domain. The service has no list
    operation for subscriptions, so the module lists the segment definitions (ListSegmentDefinitions, every page)
    and makes one GetSegmentSubscription call per segment; segments without a subscription are left out.
  - With O(list_events=true), each subscription also has its recent membership events (ListSegmentSubscriptionEvents,
    every page).
  - "B(botocore.) The segment subscription operations are in botocore 1.43.84 and later. With an older botocore the
    module fails before any call, naming the botocore release it needs."
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:GetSegmentSubscription), C(profile:ListSegmentDefinitions) (without
    O(segment_definition_name)) and C(profile:ListSegmentSubscriptionEvents) (with O(list_events=true))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  segment_definition_name:
    description:
      - The segment whose subscription to describe. When not given, every subscription of the domain is described.
    type: str
    aliases: ['name']
  list_events:
    description:
      - Also return each subscription's recent membership events, as RV(segment_subscriptions[].events).
    type: bool
    default: false
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The subscription of a segment, with its recent events
  awscx.customerprofiles.customerprofiles_segment_subscription_info:
    domain_name: retail-customers
    segment_definition_name: gold_paris_frequent
    list_events: true
  register: subscription

- name: The profiles that joined the segment
  ansible.builtin.debug:
    msg: "{{ subscription.segment_subscriptions[0].events | selectattr('event', 'eq', 'JOINED') | map(attribute='profile_id') | list }}"
"""

RETURN = r"""
segment_subscriptions:
  description:
    - The subscriptions, each in the form M(awscx.customerprofiles.customerprofiles_segment_subscription) returns.
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/segment_subscription_return.yml (make docs-modules)
    domain_name:
      description: The domain.
      type: str
      returned: when the subscription exists
      sample: retail-customers
    segment_definition_name:
      description: The segment definition the subscription follows.
      type: str
      returned: when the subscription exists
      sample: gold_paris_frequent
    schedule_configuration:
      description: How often the service takes a membership snapshot of the segment.
      type: dict
      returned: when the subscription exists (not in check mode before creation unless given)
      contains:
        interval:
          description: The hours between scheduled snapshots (1 to 24).
          type: int
          sample: 24
        unit:
          description: The unit of C(interval), V(HOURLY).
          type: str
          sample: HOURLY
    status:
      description:
        - The lifecycle status (read-only), V(STARTING) (the initial snapshot is in progress; what check mode predicts for a
          new subscription), V(RUNNING), V(STOPPED) or V(FAILED).
      type: str
      returned: when the subscription exists
      sample: RUNNING
    message:
      description: More about the status, such as a failure reason (read-only).
      type: str
      returned: when the service gives one
      sample: The Amazon Kinesis data stream is not accessible
    scheduled_executions:
      description: When the scheduled snapshots run (read-only), C(next_executed_at) and C(last_executed_at) (ISO 8601).
      type: dict
      returned: when the subscription exists (not right after a create)
      sample: {"next_executed_at": "2026-12-02T12:00:00+00:00"}
    started_at:
      description: When the subscription was started (ISO 8601, read-only).
      type: str
      returned: when the subscription exists (not in check mode before creation)
      sample: "2026-12-01T12:00:00+00:00"
    last_updated_at:
      description: When the subscription's configuration last changed (ISO 8601, read-only).
      type: str
      returned: when the subscription exists (not right after a create)
      sample: "2026-12-01T12:00:00+00:00"
    # END generated segment_subscription_return
    events:
      description: The segment's recent membership events (ListSegmentSubscriptionEvents).
      type: list
      elements: dict
      returned: when O(list_events=true)
      contains:
        profile_id:
          description: The profile that joined or left the segment.
          type: str
          sample: 4cb7b7e6c7c7460f8bbcc0b8c6e01c3d
        event:
          description: V(JOINED) or V(LEFT).
          type: str
          sample: JOINED
        event_type:
          description: V(LIVE) (a profile or calculated attribute changed; classic segments only) or V(SCHEDULE) (a scheduled snapshot).
          type: str
          sample: LIVE
        updated_at:
          description: When the change was detected (ISO 8601).
          type: str
          sample: "2026-12-01T12:00:00+00:00"
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_subscription import (
    SegmentSubscriptionLister,
)


def main():
    run_info(SegmentSubscriptionLister)


if __name__ == "__main__":
    main()

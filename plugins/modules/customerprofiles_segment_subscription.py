#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_segment_subscription
version_added: 0.3.0
short_description: Subscribe to the membership changes of an Amazon Connect Customer Profiles segment
description:
  - Creates, updates and deletes the subscription of a segment definition (PutSegmentSubscription,
    DeleteSegmentSubscription). A subscribed segment's membership changes (profiles that join or leave it) are
    published as events, to the domain's stream for segments (M(awscx.customerprofiles.customerprofiles_segment_stream)),
    and M(awscx.customerprofiles.customerprofiles_segment_subscription_info) lists them with its option
    C(list_events=true).
  - A subscription is named by its segment definition, which must exist, and the domain must have a stream for
    segments (the events go to it; the admin guide has segment membership events enabled before a segment is
    subscribed). Before creating a subscription the module reads both (GetSegmentDefinition, GetStreamForSegments)
    and fails naming what is missing, in check mode too.
  - PutSegmentSubscription replaces the whole subscription. An option left out keeps its current value (the
    module sends the current schedule with the members given over it). A subscription has no tags.
  - A run that changes nothing makes one read call (GetSegmentSubscription) and no write call.
  - In check mode no write call is made; RV(segment_subscription) is the subscription as it would be. With
    C(--diff), RV(diff.before) and RV(diff.after) are the subscription before and after.
  - "B(botocore.) The segment subscription operations are in botocore 1.43.84 and later. With an older botocore the
    module fails before any call, naming the botocore release it needs."
  - "IAM actions used: C(profile:GetSegmentSubscription), C(profile:GetSegmentDefinition),
    C(profile:GetStreamForSegments), C(profile:PutSegmentSubscription), C(profile:DeleteSegmentSubscription)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  segment_definition_name:
    description:
      - The segment definition whose membership changes are published (1 to 64 letters, digits, underscores or
        hyphens).
    type: str
    required: true
    aliases: ['name']
  schedule_configuration:
    description:
      - How often the service takes a membership snapshot of the segment. Without it a new subscription takes one
        every 24 hours (the service's default), and an existing one keeps its schedule.
      - Scheduled snapshots run on a best-effort basis. Classic segments also publish events in near real time;
        SQL segments only from the scheduled snapshots.
    type: dict
    suboptions:
      interval:
        description:
          - The hours between scheduled snapshots, 1 to 24.
        type: int
        required: true
      unit:
        description:
          - The unit of O(schedule_configuration.interval), V(HOURLY) (the only one). Left out, it keeps its current
            value.
        type: str
  state:
    description:
      - V(present) creates or updates the subscription; V(absent) deletes it (the segment definition stays).
        A subscription that does not exist is left alone (not changed).
    type: str
    default: present
    choices: ['present', 'absent']
notes:
  - Bad option values fail before any API call, with a message naming the option and the rule broken, never the value.
  - Throttling and server errors are retried with jittered backoff.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Publish the membership changes of a segment every six hours
  awscx.customerprofiles.customerprofiles_segment_subscription:
    domain_name: retail-customers
    segment_definition_name: gold_paris_frequent
    schedule_configuration:
      interval: 6
      unit: HOURLY

- name: Stop publishing them
  awscx.customerprofiles.customerprofiles_segment_subscription:
    domain_name: retail-customers
    segment_definition_name: gold_paris_frequent
    state: absent
"""

RETURN = r"""
segment_subscription:
  description: The subscription as GetSegmentSubscription describes it, in snake_case; V({}) once absent.
  returned: always
  type: dict
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
diff:
  description: With C(--diff), the subscription before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The subscription before the run.
      type: dict
      sample: {}
    after:
      description: The subscription after the run.
      type: dict
      sample: {"segment_definition_name": "gold_paris_frequent", "schedule_configuration": {"interval": 6, "unit": "HOURLY"}}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_subscription import (
    SegmentSubscriptionResource,
)


def main():
    run(SegmentSubscriptionResource)


if __name__ == "__main__":
    main()

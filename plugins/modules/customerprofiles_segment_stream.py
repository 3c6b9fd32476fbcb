#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_segment_stream
version_added: 0.3.0
short_description: Send an Amazon Connect Customer Profiles domain's segment membership events to a Kinesis data stream
description:
  - Associates and disassociates the stream for segments of a Customer Profiles domain (AssociateStreamForSegments,
    DisassociateStreamForSegments), the Amazon Kinesis data stream that receives the membership events of every
    segment subscription of the domain (M(awscx.customerprofiles.customerprofiles_segment_subscription)).
  - A domain has at most one stream for segments. It has no name (the domain names it) and no tags.
  - The service has no update call. A O(destination_arn) or O(destination_role_arn) that differs from the stream's
    fails, naming the option, and nothing is changed, unless O(recreate=true), which disassociates the stream and
    associates the new destination (events of the time in between are not delivered).
  - After a disassociation GetStreamForSegments may still describe the stream, stopped (with the time it was
    disassociated). Such a stream publishes nothing, so the module treats it as absent; V(present) associates a
    stream again.
  - A run that changes nothing makes one read call (GetStreamForSegments) and no write call. Associating makes one
    AssociateStreamForSegments call, then one GetStreamForSegments read for the stream's state.
  - In check mode no write call is made; RV(segment_stream) is the stream as it would be. With C(--diff),
    RV(diff.before) and RV(diff.after) are the stream before and after.
  - "B(botocore.) The segment stream operations are in botocore 1.43.84 and later. With an older botocore the module
    fails before any call, naming the botocore release it needs."
  - "IAM actions used: C(profile:GetStreamForSegments), C(profile:AssociateStreamForSegments),
    C(profile:DisassociateStreamForSegments), and C(iam:PassRole) on O(destination_role_arn). The role must allow the
    Customer Profiles service to write to the stream (C(kinesis:PutRecord), C(kinesis:PutRecords),
    C(kinesis:DescribeStream))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  destination_arn:
    description:
      - The ARN of the Kinesis data stream that receives the events
        (C(arn:aws:kinesis:<region>:<account>:stream/<name>)), 1 to 2048 characters.
      - Required to associate a stream. On an existing stream a different value needs O(recreate=true).
    type: str
  destination_role_arn:
    description:
      - The ARN of the IAM role that the service assumes for its Kinesis and AWS KMS operations (1 to 512 characters,
        an IAM ARN).
      - Required to associate a stream. On an existing stream a different value needs O(recreate=true).
    type: str
  recreate:
    description:
      - When O(destination_arn) or O(destination_role_arn) differs from the existing stream's, disassociate the stream
        and associate the new destination (the service cannot change it). Without it the module fails naming the
        options and changes nothing.
    type: bool
    default: false
  state:
    description:
      - V(present) associates the stream (or checks that it is as described); V(absent) disassociates it.
        A domain without a stream is left alone (not changed).
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
- name: Send the domain's segment membership events to a Kinesis data stream
  awscx.customerprofiles.customerprofiles_segment_stream:
    domain_name: retail-customers
    destination_arn: arn:aws:kinesis:us-east-1:123456789012:stream/segment-events
    destination_role_arn: arn:aws:iam::123456789012:role/segment-events

- name: Move them to another stream (disassociated, then associated)
  awscx.customerprofiles.customerprofiles_segment_stream:
    domain_name: retail-customers
    destination_arn: arn:aws:kinesis:us-east-1:123456789012:stream/segment-events-v2
    destination_role_arn: arn:aws:iam::123456789012:role/segment-events
    recreate: true

- name: Stop sending them
  awscx.customerprofiles.customerprofiles_segment_stream:
    domain_name: retail-customers
    state: absent
"""

RETURN = r"""
segment_stream:
  description: The stream as GetStreamForSegments describes it, in snake_case; V({}) once absent.
  returned: always
  type: dict
  contains:
    # BEGIN generated from tests/docs/blocks/segment_stream_return.yml (make docs-modules)
    domain_name:
      description: The domain (the stream has no name of its own).
      type: str
      returned: when the stream exists
      sample: retail-customers
    destination_arn:
      description: The ARN of the Kinesis data stream that receives the segment membership events.
      type: str
      returned: when the stream exists
      sample: arn:aws:kinesis:us-east-1:123456789012:stream/segment-events
    destination_role_arn:
      description: The ARN of the IAM role the service assumes to write to the stream.
      type: str
      returned: when the stream exists
      sample: arn:aws:iam::123456789012:role/segment-events
    service_state:
      description:
        - The state of the destination (the service's C(State), read-only), V(RUNNING) or V(UNHEALTHY) (see
          C(failure_reason)). A disassociated stream (V(STOPPED)) is not returned, the modules treat it as absent.
      type: str
      returned: when the stream exists (not in check mode before creation)
      sample: RUNNING
    failure_reason:
      description: Why the stream is unhealthy (read-only).
      type: str
      returned: when the service gives one
      sample: The role cannot be assumed
    associated_at:
      description: When the stream was associated (ISO 8601, read-only).
      type: str
      returned: when the stream exists (not in check mode before creation)
      sample: "2026-12-01T12:00:00+00:00"
    associated_segments:
      description: The segments whose subscriptions publish to the stream, each with C(segment_name), C(status) and C(message) (read-only).
      type: list
      elements: dict
      returned: when the stream exists (not in check mode before creation)
      sample: [{"segment_name": "gold_paris_frequent", "status": "RUNNING"}]
    # END generated segment_stream_return
recreated:
  description: Whether the stream was disassociated and associated again (O(recreate=true) with another destination).
  returned: always
  type: bool
  sample: false
diff:
  description: With C(--diff), the stream before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The stream before the run.
      type: dict
      sample: {}
    after:
      description: The stream after the run.
      type: dict
      sample: {"domain_name": "retail-customers", "destination_arn": "arn:aws:kinesis:us-east-1:123456789012:stream/segment-events"}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_stream import SegmentStreamResource


def main():
    run(SegmentStreamResource)


if __name__ == "__main__":
    main()

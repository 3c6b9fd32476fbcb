#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_segment_stream_info
version_added: 0.3.0
short_description: Describe the stream for segments of an Amazon Connect Customer Profiles domain
description:
  - Describes the domain's stream for segments (GetStreamForSegments) as a list of at most one, empty when the domain
    has none (or does not exist). A stream that was disassociated (stopped, with the time it was disassociated) is
    not listed.
  - "B(botocore.) The segment stream operations are in botocore 1.43.84 and later. With an older botocore the module
    fails before any call, naming the botocore release it needs."
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:GetStreamForSegments)."
author:
  - awscx.customerprofiles contributors (@awscx)
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The domain's stream for segments
  awscx.customerprofiles.customerprofiles_segment_stream_info:
    domain_name: retail-customers
  register: streams

- name: Its state
  ansible.builtin.debug:
    msg: "{{ streams.segment_streams | map(attribute='service_state') | list }}"
"""

RETURN = r"""
segment_streams:
  description:
    - The domain's stream (at most one), in the form M(awscx.customerprofiles.customerprofiles_segment_stream) returns.
  returned: always
  type: list
  elements: dict
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
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_stream import SegmentStreamLister


def main():
    run_info(SegmentStreamLister)


if __name__ == "__main__":
    main()

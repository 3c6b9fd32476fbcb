#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_event_stream_info
version_added: 0.2.0
short_description: Describe the event streams of an Amazon Connect Customer Profiles domain
description:
  - With O(event_stream_name), describes that stream (one GetEventStream call), or returns an empty list when it (or
    the domain) does not exist.
  - Without O(event_stream_name), describes every stream of the domain, with every page of ListEventStreams and
    then one GetEventStream call per stream (the service allows one stream per domain).
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:GetEventStream) and C(profile:ListEventStreams) (without O(event_stream_name))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  event_stream_name:
    description:
      - The name of one event stream. When not given, every stream of the domain is described.
    type: str
    aliases: ['name']
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The domain's event streams
  awscx.customerprofiles.customerprofiles_event_stream_info:
    domain_name: retail-customers
  register: streams

- name: Fail when the export is not running and healthy
  ansible.builtin.assert:
    that:
      - streams.event_streams | length == 1
      - streams.event_streams[0].state == 'RUNNING'
      - streams.event_streams[0].destination_details.status == 'HEALTHY'
"""

RETURN = r"""
event_streams:
  description:
    - The streams, each in the form M(awscx.customerprofiles.customerprofiles_event_stream) returns.
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/event_stream_return.yml (make docs-modules)
    domain_name:
      description: The domain.
      type: str
      returned: when the stream exists
      sample: retail-customers
    event_stream_name:
      description: The name of the stream.
      type: str
      returned: when the stream exists
      sample: profile-changes
    event_stream_arn:
      description: The ARN of the event stream.
      type: str
      returned: when the stream exists (not in check mode before creation)
      sample: arn:aws:profile:us-east-1:123456789012:domains/retail-customers/event-streams/profile-changes
    uri:
      description: The Kinesis data stream ARN (the destination's URI).
      type: str
      returned: when the stream exists
      sample: arn:aws:kinesis:us-east-1:123456789012:stream/profile-changes
    state:
      description: V(RUNNING) or V(STOPPED).
      type: str
      returned: when the stream exists (not in check mode before creation)
      sample: RUNNING
    stopped_since:
      description: When the stream stopped (ISO 8601).
      type: str
      returned: when stopped
      sample: "2024-05-02T08:30:00+00:00"
    destination_details:
      description: The destination and its status.
      type: dict
      returned: when the stream exists
      contains:
        uri:
          description: The Kinesis data stream ARN.
          type: str
          sample: arn:aws:kinesis:us-east-1:123456789012:stream/profile-changes
        status:
          description: V(HEALTHY) or V(UNHEALTHY).
          type: str
          returned: when the stream exists (not in check mode before creation)
          sample: HEALTHY
        unhealthy_since:
          description: When the destination became unhealthy (ISO 8601).
          type: str
          returned: when unhealthy
          sample: "2024-05-02T08:30:00+00:00"
        message:
          description: Why the destination is unhealthy.
          type: str
          returned: when the service gives one
          sample: The stream does not exist
    created_at:
      description: When the stream was created (ISO 8601).
      type: str
      returned: when the stream exists (not in check mode before creation)
      sample: "2024-05-01T12:00:00+00:00"
    tags:
      description: The stream's tags, keys exactly as stored.
      type: dict
      returned: when the stream exists
      sample: {"Team": "crm"}
    # END generated event_stream_return
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_stream import EventStreamLister


def main():
    run_info(EventStreamLister)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_event_stream
version_added: 0.2.0
short_description: Export a Customer Profiles domain's profile changes to a Kinesis data stream
description:
  - Creates and deletes the event stream of an Amazon Connect Customer Profiles domain (CreateEventStream,
    DeleteEventStream), which sends the domain's profile and object changes to an Amazon Kinesis data stream.
  - The service has no update call for event streams. A O(uri) that differs from the stream's destination fails,
    naming O(uri), and nothing is changed, unless O(recreate=true), which deletes the stream and creates it again
    (events of the time in between are not exported). Tags change in place.
  - The service allows one event stream per domain. Creating a second one fails with a message that names the stream
    the domain already has.
  - A run that changes nothing makes one read call (GetEventStream, which also returns the tags) and no write call.
    Creating makes one CreateEventStream call (tags included), then one GetEventStream read for the stream's
    RV(event_stream.state) and destination status. Tags of an existing stream change through TagResource and
    UntagResource on the stream's ARN, which GetEventStream returns.
  - In check mode no write call is made; RV(event_stream) is the stream as it would be (a stream not created yet has no
    RV(event_stream.state)). With C(--diff), RV(diff.before) and RV(diff.after) are the stream before and after.
  - "IAM actions used: C(profile:GetEventStream), C(profile:CreateEventStream), C(profile:DeleteEventStream),
    C(profile:ListEventStreams) (only to name the existing stream when a second one is refused), C(profile:TagResource),
    C(profile:UntagResource). The Customer Profiles service must also be allowed to write to the Kinesis stream."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  event_stream_name:
    description:
      - The name of the event stream (1 to 64 letters, digits, underscores or hyphens).
    type: str
    required: true
    aliases: ['name']
  uri:
    description:
      - The ARN of the Kinesis data stream that receives the events (C(arn:aws:kinesis:<region>:<account>:stream/<name>)),
        1 to 255 characters. The CreateEventStream reference requires a stream in the same Region and account as the domain.
      - The module checks the form and the Region before any call, and the account before it creates the stream (it
        reads the caller's account with C(sts:GetCallerIdentity), as amazon.aws does); check mode checks it too.
      - Required to create the stream. On an existing stream a different O(uri) needs O(recreate=true).
    type: str
  recreate:
    description:
      - When O(uri) differs from the existing stream's destination, delete the stream and create it again
        (the service cannot change it). Without it the module fails naming O(uri) and changes nothing.
      - The stream keeps its name and tags (the tags given, with O(purge_tags) applied to the current ones).
    type: bool
    default: false
  state:
    description:
      - V(present) creates the event stream (or checks that it is as described); V(absent) deletes it.
        A stream that does not exist is left alone (not changed).
    type: str
    default: present
    choices: ['present', 'absent']
notes:
  - Tag keys are kept exactly as written.
  - Bad option values fail before any API call, with a message naming the option and the rule broken, never the value.
  - Throttling and server errors are retried with jittered backoff.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Export profile changes to a Kinesis data stream
  awscx.customerprofiles.customerprofiles_event_stream:
    domain_name: retail-customers
    event_stream_name: profile-changes
    uri: arn:aws:kinesis:us-east-1:123456789012:stream/profile-changes
    tags:
      Team: crm

- name: Point the stream at another Kinesis stream (deleted and created again)
  awscx.customerprofiles.customerprofiles_event_stream:
    domain_name: retail-customers
    event_stream_name: profile-changes
    uri: arn:aws:kinesis:us-east-1:123456789012:stream/profile-changes-v2
    recreate: true

- name: Stop exporting
  awscx.customerprofiles.customerprofiles_event_stream:
    domain_name: retail-customers
    event_stream_name: profile-changes
    state: absent
"""

RETURN = r"""
event_stream:
  description: The event stream as GetEventStream describes it, in snake_case; V({}) once absent.
  returned: always
  type: dict
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
      sample: {"event_stream_name": "profile-changes", "uri": "arn:aws:kinesis:us-east-1:123456789012:stream/profile-changes"}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_stream import EventStreamResource


def main():
    run(EventStreamResource)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_segment_snapshot
version_added: 0.3.0
short_description: Export the audience of a segment of an Amazon Connect Customer Profiles domain to Amazon S3
description:
  - Creates a snapshot of one segment definition (CreateSegmentSnapshot), the job that exports the profiles in the
    segment to O(destination_uri) in the format O(data_format), and waits until it is done (O(wait)).
  - A snapshot is an operation, not configuration. Every run that is not in check mode exports the segment again and
    reports C(changed=true); nothing is compared with an earlier snapshot. Snapshots are not part of the domain
    document of M(awscx.customerprofiles.customerprofiles_domain_config).
  - Before any write the module reads the segment definition (GetSegmentDefinition); when it does not exist the
    module fails naming O(segment_definition_name), and nothing is exported.
  - In check mode the module makes no write. It returns the snapshot as the request would describe it, with
    RV(segment_snapshot.snapshot_id) empty.
  - With O(wait=true) (the default) the module polls GetSegmentSnapshot, with growing pauses (1 second, then up to
    30), until the snapshot is V(COMPLETED) or V(FAILED), at most O(wait_timeout) seconds. A V(FAILED) snapshot fails the task
    with the service's status message (RV(segment_snapshot) carries it). A snapshot still V(IN_PROGRESS) after
    O(wait_timeout) fails the task too; the export goes on by itself and O(snapshot_id) reads it later.
  - With O(snapshot_id) the module only reads that snapshot of the segment (waiting for it with O(wait)); it
    writes nothing and reports C(changed=false).
  - Long exports can run in the background with Ansible's C(async) and C(poll) keywords.
  - "IAM actions used: C(profile:GetSegmentDefinition), C(profile:CreateSegmentSnapshot) (not with O(snapshot_id)),
    C(profile:GetSegmentSnapshot). The role O(role_arn) is what the service assumes to write to Amazon S3 and use
    the KMS key; the caller also needs C(iam:PassRole) on it."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  segment_definition_name:
    description:
      - The name of the segment definition whose profiles are exported; it must exist.
    type: str
    required: true
  data_format:
    description:
      - The format of the export, V(CSV), V(JSONL) or V(ORC) (the installed botocore's model is what is checked).
      - Required, unless O(snapshot_id) is given.
    type: str
  destination_uri:
    description:
      - Where the export is written, an Amazon S3 location such as V(s3://my-bucket/segments/).
      - The API reference requires it for every request that is not made from the Amazon Connect admin website, which
        a module never is, so the module requires it (unless O(snapshot_id) is given). 1 to 255 characters.
    type: str
  role_arn:
    description:
      - The ARN of the IAM role the Customer Profiles service assumes to write to O(destination_uri) and to use
        O(encryption_key) (at most 512 characters, C(arn:aws:iam::<account>:role/<name>)).
    type: str
  encryption_key:
    description:
      - The ARN of the KMS key that encrypts the export (at most 255 characters).
    type: str
  snapshot_id:
    description:
      - Read this snapshot of the segment (32 lowercase hexadecimal characters, as RV(segment_snapshot.snapshot_id)
        returns it) instead of creating one. Nothing is written.
      - Mutually exclusive with O(data_format), O(destination_uri), O(role_arn) and O(encryption_key).
    type: str
  wait:
    description:
      - Wait until the snapshot is V(COMPLETED) or V(FAILED). With V(false) the module returns the snapshot as the
        service describes it at once (usually V(IN_PROGRESS)).
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait at most (O(wait)), 0 or more.
    type: int
    default: 900
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The audience to export, customers in Paris
  awscx.customerprofiles.customerprofiles_segment_definition:
    domain_name: retail-customers
    segment_definition_name: paris_customers
    display_name: Customers in Paris
    segment_groups:
      groups:
        - dimensions:
            - profile_attributes:
                address:
                  city:
                    dimension_type: INCLUSIVE
                    values: [Paris]

- name: Export the audience of a segment to Amazon S3 as CSV and wait until it is written
  awscx.customerprofiles.customerprofiles_segment_snapshot:
    domain_name: retail-customers
    segment_definition_name: paris_customers
    data_format: CSV
    destination_uri: s3://retail-exports/segments/paris_customers/
    role_arn: arn:aws:iam::123456789012:role/customer-profiles-exports
    encryption_key: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
  register: export

- name: Start a large export without waiting
  awscx.customerprofiles.customerprofiles_segment_snapshot:
    domain_name: retail-customers
    segment_definition_name: paris_customers
    data_format: JSONL
    destination_uri: s3://retail-exports/segments/paris_customers/
    role_arn: arn:aws:iam::123456789012:role/customer-profiles-exports
    wait: false
  register: started

- name: Later, wait for that export
  awscx.customerprofiles.customerprofiles_segment_snapshot:
    domain_name: retail-customers
    segment_definition_name: paris_customers
    snapshot_id: "{{ started.segment_snapshot.snapshot_id }}"
    wait_timeout: 3600
"""

RETURN = r"""
segment_snapshot:
  description:
    - The snapshot as GetSegmentSnapshot describes it, in snake_case; in check mode, as the request would create it.
  returned: always (also on a V(FAILED) snapshot or a time-out, with the failure)
  type: dict
  contains:
    domain_name:
      description: The domain.
      type: str
      sample: retail-customers
    segment_definition_name:
      description: The segment definition exported.
      type: str
      sample: gold_paris_frequent
    snapshot_id:
      description: The snapshot's id (None in check mode).
      type: str
      sample: 0123456789abcdef0123456789abcdef
    status:
      description: V(IN_PROGRESS), V(COMPLETED) or V(FAILED); in check mode, what the run would wait for.
      type: str
      sample: COMPLETED
    status_message:
      description: The service's message about the export, such as why it failed.
      type: str
      returned: when the service gives one
      sample: Access denied to the destination bucket
    data_format:
      description: The format of the export.
      type: str
      sample: CSV
    destination_uri:
      description: Where the export is written.
      type: str
      returned: when the service reports it
      sample: s3://retail-exports/segments/paris_customers/
    role_arn:
      description: The role the service assumes.
      type: str
      returned: when set
      sample: arn:aws:iam::123456789012:role/customer-profiles-exports
    encryption_key:
      description: The KMS key that encrypts the export.
      type: str
      returned: when set
      sample: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
diff:
  description:
    - With C(--diff), V({}) before and the snapshot after (with O(snapshot_id), the snapshot both times).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: Nothing (V({})), or the snapshot read with O(snapshot_id).
      type: dict
    after:
      description: The snapshot as it is (or would be) after the run.
      type: dict
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_snapshot import SegmentSnapshotResource


def main():
    run(SegmentSnapshotResource)


if __name__ == "__main__":
    main()

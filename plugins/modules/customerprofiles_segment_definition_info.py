#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_segment_definition_info
version_added: 0.2.0
short_description: Describe the segment definitions of an Amazon Connect Customer Profiles domain, and who is in one
description:
  - With O(segment_definition_name), describes that definition fully (one GetSegmentDefinition call), or returns
    an empty list when it does not exist.
  - Without it, describes every definition of the domain. The module follows every page of ListSegmentDefinitions,
    then makes one GetSegmentDefinition call per definition, since the listing lacks the groups, query and sort.
    A definition deleted between the listing and its description is left out.
  - With O(profile_ids), also reports whether each of those profiles is in the segment (one GetSegmentMembership
    call), in RV(segment_membership). This needs a botocore whose service model has GetSegmentMembership; with an
    older one the module fails before any call, naming the option.
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:ListSegmentDefinitions) (without O(segment_definition_name)),
    C(profile:GetSegmentDefinition) and C(profile:GetSegmentMembership) (with O(profile_ids))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  segment_definition_name:
    description:
      - The name of one segment definition. Left out, every definition of the domain is described.
    type: str
    aliases: ['name']
  profile_ids:
    description:
      - Profile ids (1 to 100, each 32 lowercase hexadecimal characters) whose membership of the segment is asked.
      - Needs O(segment_definition_name).
    type: list
    elements: str
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Describe one segment definition
  awscx.customerprofiles.customerprofiles_segment_definition_info:
    domain_name: retail-customers
    segment_definition_name: gold_paris_frequent
  register: result

- name: Is this caller in the audience?
  awscx.customerprofiles.customerprofiles_segment_definition_info:
    domain_name: retail-customers
    segment_definition_name: gold_paris_frequent
    profile_ids:
      - "{{ caller_profile_id }}"
  register: membership

- name: Report it
  ansible.builtin.debug:
    msg: "{{ membership.segment_membership.profiles | selectattr('query_result', 'equalto', 'PRESENT') | length > 0 }}"

- name: Describe every segment definition of the domain
  awscx.customerprofiles.customerprofiles_segment_definition_info:
    domain_name: retail-customers
  register: all_segments
"""

RETURN = r"""
segment_definitions:
  description:
    - The definitions, each as M(awscx.customerprofiles.customerprofiles_segment_definition) returns it in
      RV(ignore:segment_definition).
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/segment_definition_return.yml (make docs-modules)
    segment_definition_name:
      description: The name.
      type: str
      returned: when the definition exists
      sample: gold_paris_frequent
    display_name:
      description: The display name.
      type: str
      returned: when the definition exists
      sample: Gold customers in Paris, frequent buyers
    description:
      description: The description.
      type: str
      returned: when set
      sample: Audience of the spring campaign
    segment_groups:
      description: The groups, map keys (attribute names) as written.
      type: dict
      returned: when set
      sample:
        include: ALL
        groups:
          - type: ALL
            dimensions:
              - profile_attributes: {"attributes": {"Tier": {"dimension_type": "INCLUSIVE", "values": ["gold"]}}}
    segment_sql_query:
      description: The SQL query.
      type: str
      returned: when set
      sample: SELECT * FROM profiles
    segment_sort:
      description: The sort keys.
      type: dict
      returned: when set
      sample: {"attributes": [{"name": "LastName", "order": "ASC"}]}
    segment_type:
      description: V(CLASSIC) or V(ENHANCED), as the service reports it.
      type: str
      returned: when the service reports it
      sample: CLASSIC
    segment_definition_arn:
      description: The ARN of the definition.
      type: str
      returned: when the definition exists (not in check mode before creation)
      sample: arn:aws:profile:us-east-1:123456789012:domains/retail-customers/segment-definitions/gold_paris_frequent
    created_at:
      description: When the definition was created (ISO 8601).
      type: str
      returned: when the definition exists (not in check mode before creation)
      sample: "2024-05-01T12:00:00+00:00"
    tags:
      description: The tags, keys exactly as stored.
      type: dict
      returned: when the definition exists
      sample: {"Campaign": "spring"}
    # END generated segment_definition_return
segment_membership:
  description:
    - With O(profile_ids), the membership of those profiles in the segment, as GetSegmentMembership reports it;
      V({}) when the segment definition does not exist (no GetSegmentMembership call is made then).
  returned: when O(profile_ids) is given
  type: dict
  contains:
    segment_definition_name:
      description: The segment definition.
      type: str
      returned: when the segment definition exists
      sample: gold_paris_frequent
    profiles:
      description: The profiles the service evaluated.
      type: list
      elements: dict
      returned: when the segment definition exists
      contains:
        profile_id:
          description: The profile id.
          type: str
          sample: 0123456789abcdef0123456789abcdef
        query_result:
          description: V(PRESENT) (in the segment) or V(ABSENT).
          type: str
          sample: PRESENT
        profile:
          description:
            - The profile, as M(awscx.customerprofiles.customerprofiles_profile_info) describes one (field names
              such as C(first_name), attribute keys as stored).
          type: dict
          returned: when the profile is in the segment and the service returns it
          sample: {"profile_id": "0123456789abcdef0123456789abcdef", "first_name": "Ada"}
    failures:
      description: The profiles the service could not evaluate (for example unknown ids).
      type: list
      elements: dict
      returned: when the segment definition exists
      contains:
        profile_id:
          description: The profile id.
          type: str
          sample: 0123456789abcdef0123456789abcdef
        message:
          description: The service's message.
          type: str
          sample: Profile not found
        status:
          description: The HTTP-like status of the failure.
          type: int
          sample: 404
    last_computed_at:
      description: When the service computed the membership (ISO 8601).
      type: str
      returned: when the service reports it
      sample: "2024-05-02T08:30:00+00:00"
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import SegmentDefinitionLister


def main():
    run_info(SegmentDefinitionLister)


if __name__ == "__main__":
    main()

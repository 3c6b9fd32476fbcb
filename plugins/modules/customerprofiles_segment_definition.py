#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_segment_definition
version_added: 0.2.0
short_description: Manage a segment definition (an audience) of an Amazon Connect Customer Profiles domain
description:
  - Creates and deletes one segment definition of a Customer Profiles domain, the audiences of Amazon Connect
    outbound campaigns and of event triggers.
  - The audience is defined by exactly one of O(segment_groups) (groups of conditions on profile fields,
    calculated attributes and other segments) or O(segment_sql_query). Giving both fails before any call.
  - Every member of the CreateSegmentDefinition request is an option. An option left out leaves that member as it
    is. A block that is given is the complete block.
  - The service has no update operation for segment definitions. Any difference in O(display_name),
    O(description), O(segment_groups), O(segment_sql_query) or O(segment_sort) fails before any write, naming
    those options, unless O(recreate=true). Tags are the exception; they change in place.
  - B(Warning:) with O(recreate=true) the definition is deleted and created again (DeleteSegmentDefinition, then
    CreateSegmentDefinition with the complete definition, that is the members given and the current values of those left
    out, tags included; a given O(segment_groups) replaces a current O(segment_sql_query) and the other way
    round). What the service computed for the segment (its membership, estimates, snapshots) starts over, and
    outbound campaigns and event triggers that use it see it disappear for a moment. Check mode and C(--diff)
    show the replacement before it is made.
  - A run that changes nothing makes exactly one read call (GetSegmentDefinition, which also returns the tags)
    and no write call. Creating makes one CreateSegmentDefinition call (tags included) and then one
    GetSegmentDefinition call, since the create answer does not carry the definition. Tags of an existing
    definition change through TagResource and UntagResource on the ARN that the service returns (no STS call).
  - Bad input (lengths, patterns, enums, list sizes and required members of the service model, at every level of
    the nested groups) fails before any API call, naming the option path and never repeating the value.
  - In check mode no write call is made; RV(segment_definition) is the definition as it would be.
    With C(--diff), RV(diff.before) and RV(diff.after) are the definition before and as it would be after.
  - A failure after a write (for example the create of a replacement failing after the delete succeeded)
    reports C(changed=true).
  - "IAM actions used: C(profile:GetSegmentDefinition), C(profile:CreateSegmentDefinition),
    C(profile:DeleteSegmentDefinition), C(profile:TagResource) (tags given on create or changed on update) and
    C(profile:UntagResource)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  segment_definition_name:
    description:
      - The name of the segment definition, 1 to 64 letters, digits, underscores or hyphens.
    type: str
    required: true
    aliases: ['name']
  state:
    description:
      - V(present) creates the definition or checks that it matches the options given.
      - V(absent) deletes the definition. A definition that does not exist is left alone (not changed).
    type: str
    default: present
    choices: ['present', 'absent']
  display_name:
    description:
      - The display name, 1 to 255 characters. Required to create.
    type: str
  description:
    description:
      - The description, 1 to 4000 characters.
    type: str
  segment_groups:
    description:
      - The audience as groups of conditions. Mutually exclusive with O(segment_sql_query); one of the two is
        required to create.
    type: dict
    # BEGIN generated from tests/docs/blocks/segment_groups_options.yml (make docs-modules)
    suboptions:
      include:
        description: How the groups combine, V(ALL), V(ANY) or V(NONE).
        type: str
      groups:
        description: The groups.
        type: list
        elements: dict
        suboptions:
          type:
            description: How the O(segment_groups.groups[].dimensions) of the group combine, V(ALL), V(ANY) or V(NONE).
            type: str
          source_type:
            description: How the O(segment_groups.groups[].source_segments) of the group combine, V(ALL), V(ANY) or V(NONE).
            type: str
          source_segments:
            description: Other segment definitions the profiles must (or must not) be in.
            type: list
            elements: dict
            suboptions:
              segment_definition_name:
                description: The name of the other segment definition (it must exist).
                type: str
          dimensions:
            description:
              - The conditions of the group. Each dimension sets exactly one of
                O(segment_groups.groups[].dimensions[].profile_attributes) or
                O(segment_groups.groups[].dimensions[].calculated_attributes).
            type: list
            elements: dict
            suboptions:
              calculated_attributes:
                description:
                  - A map of calculated attribute name (kept exactly as written; the definition must exist) to its
                    condition, a dict of C(dimension_type) (V(INCLUSIVE), V(EXCLUSIVE), V(CONTAINS), V(BEGINS_WITH),
                    V(ENDS_WITH), V(BEFORE), V(AFTER), V(BETWEEN), V(NOT_BETWEEN), V(ON), V(GREATER_THAN),
                    V(LESS_THAN), V(GREATER_THAN_OR_EQUAL), V(LESS_THAN_OR_EQUAL), V(EQUAL), V(LIST_CONTAINS),
                    V(LIST_CONTAINS_ALL)), C(values) (1 to 50 strings) and optionally C(condition_overrides)
                    (C(range) with C(start), C(end) and C(unit) V(DAYS)).
                type: dict
              profile_attributes:
                description: Conditions on profile fields; all of them must hold.
                type: dict
                suboptions:
                  account_number:
                    description: A condition on the account number.
                    type: dict
                    suboptions: &dimension
                      dimension_type:
                        description:
                          - How the values are compared. Text fields take V(INCLUSIVE), V(EXCLUSIVE), V(CONTAINS),
                            V(BEGINS_WITH) or V(ENDS_WITH); C(birth_date) takes V(BEFORE), V(AFTER), V(BETWEEN),
                            V(NOT_BETWEEN) or V(ON); C(profile_type) takes V(INCLUSIVE) or V(EXCLUSIVE).
                        type: str
                        required: true
                      values:
                        description:
                          - The values, 1 to 50 (C(profile_type) takes one, V(PROFILE) or V(ACCOUNT_PROFILE)).
                        type: list
                        elements: str
                        required: true
                  additional_information:
                    description: A condition on the additional information (values of up to 1000 characters).
                    type: dict
                    suboptions: *dimension
                  first_name:
                    description: A condition on the first name.
                    type: dict
                    suboptions: *dimension
                  last_name:
                    description: A condition on the last name.
                    type: dict
                    suboptions: *dimension
                  middle_name:
                    description: A condition on the middle name.
                    type: dict
                    suboptions: *dimension
                  gender_string:
                    description: A condition on the gender.
                    type: dict
                    suboptions: *dimension
                  party_type_string:
                    description: A condition on the party type.
                    type: dict
                    suboptions: *dimension
                  birth_date:
                    description: A condition on the birth date.
                    type: dict
                    suboptions: *dimension
                  phone_number:
                    description: A condition on the phone number.
                    type: dict
                    suboptions: *dimension
                  business_name:
                    description: A condition on the business name.
                    type: dict
                    suboptions: *dimension
                  business_phone_number:
                    description: A condition on the business phone number.
                    type: dict
                    suboptions: *dimension
                  home_phone_number:
                    description: A condition on the home phone number.
                    type: dict
                    suboptions: *dimension
                  mobile_phone_number:
                    description: A condition on the mobile phone number.
                    type: dict
                    suboptions: *dimension
                  email_address:
                    description: A condition on the email address.
                    type: dict
                    suboptions: *dimension
                  personal_email_address:
                    description: A condition on the personal email address.
                    type: dict
                    suboptions: *dimension
                  business_email_address:
                    description: A condition on the business email address.
                    type: dict
                    suboptions: *dimension
                  address:
                    description: Conditions on the address; all of those given must hold.
                    type: dict
                    suboptions: &address
                      city:
                        description: A condition on the city.
                        type: dict
                        suboptions: *dimension
                      country:
                        description: A condition on the country.
                        type: dict
                        suboptions: *dimension
                      county:
                        description: A condition on the county.
                        type: dict
                        suboptions: *dimension
                      postal_code:
                        description: A condition on the postal code.
                        type: dict
                        suboptions: *dimension
                      province:
                        description: A condition on the province.
                        type: dict
                        suboptions: *dimension
                      state:
                        description: A condition on the state.
                        type: dict
                        suboptions: *dimension
                  shipping_address:
                    description: Conditions on the shipping address.
                    type: dict
                    suboptions: *address
                  mailing_address:
                    description: Conditions on the mailing address.
                    type: dict
                    suboptions: *address
                  billing_address:
                    description: Conditions on the billing address.
                    type: dict
                    suboptions: *address
                  attributes:
                    description:
                      - A map of custom attribute name (the profile's C(Attributes) key, kept exactly as written, 1 to
                        255 characters) to its condition, a dict of C(dimension_type) (as for
                        O(segment_groups.groups[].dimensions[].calculated_attributes)) and C(values) (1 to 50 strings).
                    type: dict
                  profile_type:
                    description: A condition on the profile type.
                    type: dict
                    suboptions: *dimension
    # END generated segment_groups_options
  segment_sql_query:
    description:
      - The audience as an SQL query, 1 to 50000 characters. Mutually exclusive with O(segment_groups); one of the
        two is required to create.
    type: str
  segment_sort:
    description: How the profiles of the segment are sorted.
    type: dict
    suboptions:
      attributes:
        description: The sort keys, 1 to 10, in order.
        type: list
        elements: dict
        required: true
        suboptions:
          name:
            description: The attribute name, 1 to 64 letters, digits, dots, underscores or hyphens.
            type: str
            required: true
          order:
            description: V(ASC) or V(DESC).
            type: str
            required: true
          data_type:
            description: V(STRING), V(NUMBER) or V(DATE).
            type: str
          type:
            description: V(PROFILE) (a profile field) or V(CALCULATED) (a calculated attribute).
            type: str
  recreate:
    description:
      - Delete the definition and create it again when it differs from the options given (the service cannot
        update a segment definition).
      - B(What the service computed for the segment starts over.)
      - Without it a difference fails, naming the options, and nothing is changed.
    type: bool
    default: false
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Gold customers in Paris who ordered more than 3 times in the last 90 days
  awscx.customerprofiles.customerprofiles_segment_definition:
    domain_name: retail-customers
    segment_definition_name: gold_paris_frequent
    display_name: Gold customers in Paris, frequent buyers
    segment_groups:
      include: ALL
      groups:
        - type: ALL
          dimensions:
            - profile_attributes:
                attributes:
                  Tier:
                    dimension_type: INCLUSIVE
                    values: [gold]
                address:
                  city:
                    dimension_type: INCLUSIVE
                    values: [Paris]
            - calculated_attributes:
                orders_last_90_days:
                  dimension_type: GREATER_THAN
                  values: ["3"]
    tags:
      Campaign: spring

- name: The same segment with a new description; recreate it (what the service computed starts over)
  awscx.customerprofiles.customerprofiles_segment_definition:
    domain_name: retail-customers
    name: gold_paris_frequent
    description: Audience of the spring campaign
    recreate: true

- name: Delete a segment definition
  awscx.customerprofiles.customerprofiles_segment_definition:
    domain_name: retail-customers
    name: gold_paris_frequent
    state: absent
"""

RETURN = r"""
segment_definition:
  description:
    - The segment definition after the run, with the module's option names (V({}) after O(state=absent)).
    - In check mode, the definition as it would be; what only the service knows (ARN, type, creation time)
      is left out of a definition not created yet.
  returned: always
  type: dict
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
recreated:
  description: Whether the definition was deleted and created again (O(recreate=true)); in check mode, whether it would be.
  returned: always
  type: bool
  sample: false
diff:
  description: With C(--diff), the definition before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The definition before the run.
      type: dict
      sample: {}
    after:
      description: The definition after the run.
      type: dict
      sample: {"segment_definition_name": "gold_paris_frequent", "display_name": "Gold customers"}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import SegmentDefinitionResource


def main():
    run(SegmentDefinitionResource)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_segment_estimate_info
version_added: 0.3.0
short_description: Estimate how many profiles of an Amazon Connect Customer Profiles domain a segment query matches
description:
  - Asks the service how many profiles a segment query matches, before anyone creates the segment
    (CreateSegmentEstimate, then GetSegmentEstimate until the estimate is done).
  - The query is given exactly as M(awscx.customerprofiles.customerprofiles_segment_definition) takes it, either
    O(segment_groups) or O(segment_sql_query), so a definition's options can be estimated as they are.
  - Before any call the query is checked against the service model (the option named as written, never its value).
    The segment definitions and calculated attributes that O(segment_groups) names are read first
    (GetSegmentDefinition, GetCalculatedAttributeDefinition); one that does not exist fails the task naming its
    option path.
  - CreateSegmentEstimate starts a query on the service side and creates nothing lasting (nothing a domain lists or
    exports), so this module reports C(changed=false) and runs the same in check mode.
  - The module polls GetSegmentEstimate, with growing pauses (1 second, then up to 30), until the estimate
    V(SUCCEEDED) or V(FAILED), at most O(wait_timeout) seconds. A V(FAILED) estimate, or one still V(RUNNING) after
    O(wait_timeout), fails the task with the service's message; RV(estimate_id) and RV(status) are returned with
    the failure.
  - "IAM actions used: C(profile:CreateSegmentEstimate) (starts a query; creates nothing lasting),
    C(profile:GetSegmentEstimate), C(profile:GetSegmentDefinition) and C(profile:GetCalculatedAttributeDefinition)
    (the segments and calculated attributes that O(segment_groups) names)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  segment_groups:
    description:
      - The query as groups of conditions, as
        O(awscx.customerprofiles.customerprofiles_segment_definition#module:segment_groups) takes it (the estimate's
        C(SegmentQuery)). Mutually exclusive with O(segment_sql_query); one of the two is
        required.
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
      - The query in SQL, 1 to 50000 characters. Mutually exclusive with O(segment_groups); one of the two is
        required.
    type: str
  wait_timeout:
    description:
      - How many seconds to wait at most for the estimate, 0 or more.
    type: int
    default: 300
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: How many gold customers live in Paris?
  awscx.customerprofiles.customerprofiles_segment_estimate_info:
    domain_name: retail-customers
    segment_groups:
      include: ALL
      groups:
        - type: ALL
          dimensions:
            - profile_attributes:
                address:
                  city:
                    dimension_type: INCLUSIVE
                    values: [Paris]
                attributes:
                  Tier:
                    dimension_type: INCLUSIVE
                    values: [gold]
  register: estimate

- name: Report it
  ansible.builtin.debug:
    msg: "About {{ estimate.profile_count }} profiles"
"""

RETURN = r"""
estimate_id:
  description: The id of the estimate query (CreateSegmentEstimate's C(EstimateId)).
  returned: always (also with a failure after the estimate was created)
  type: str
  sample: 6f1c4bd0a4b94cf6a2c7b0a1d3e5f7a9
status:
  description: The status of the estimate, V(SUCCEEDED); with a failure, V(FAILED) or V(RUNNING).
  returned: always (also with a failure after the estimate was created)
  type: str
  sample: SUCCEEDED
estimate:
  description:
    - The estimated number of profiles, as the service gives it (a string).
  returned: when the estimate succeeded
  type: str
  sample: "1250"
profile_count:
  description:
    - RV(estimate) as an integer, when it is a whole number; None otherwise (the service may word an estimate
      otherwise), so that RV(estimate) is what to read then.
  returned: always
  type: int
  sample: 1250
message:
  description: The service's message about the estimate (with a failure, it is part of C(msg)).
  returned: when the estimate succeeded (None when the service gives none)
  type: str
  sample: null
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_estimate import SegmentEstimateLister


def main():
    run_info(SegmentEstimateLister)


if __name__ == "__main__":
    main()

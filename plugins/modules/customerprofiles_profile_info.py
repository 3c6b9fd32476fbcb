#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_profile_info
version_added: 0.1.0
short_description: Find Amazon Connect Customer Profiles profiles
description:
  - Finds the profiles of one Amazon Connect Customer Profiles domain by id or by search keys.
  - Each profile is returned in the form M(awscx.customerprofiles.customerprofiles_profile) returns it.
  - A domain that does not exist is a configuration error, so the module fails with the service's
    C(ResourceNotFoundException) message.
  - "IAM actions used: C(profile:BatchGetProfile) (O(profile_id)) and C(profile:SearchProfiles) (O(search))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  profile_id:
    description:
      - One profile id, or a list of them. The profiles are read with BatchGetProfile, 20 ids a call.
      - Ids that match no profile are left out of RV(profiles); the order of the ids given is kept.
      - Exactly one of O(profile_id) and O(search) is required.
    type: list
    elements: str
  search:
    description:
      - Up to 5 search keys; the first is sent as C(KeyName)/C(Values), the others as C(AdditionalSearchKeys),
        combined with O(logical_operator).
      - Every page of results is followed, unless O(max_results) caps the total.
    type: list
    elements: dict
    suboptions:
      key_name:
        description:
          - A standard search key such as C(_account), C(_email), C(_phone), C(_fullName), C(_profileId),
            or a custom search key of the domain (1-64 characters, letters, digits, C(_), C(-)).
          - A custom search key is a key that an object type of the domain defines (the names of its C(keys), see
            M(awscx.customerprofiles.customerprofiles_object_type)). When profile objects of that type are ingested
            (M(awscx.customerprofiles.customerprofiles_profile_objects)), the key's values are stored on the profile
            the object belongs to, and the profile is then found by the key's name, for example C(OrderId). Values
            are matched after the normalisation of the key's fields' C(content_type) (for example email addresses
            and phone numbers).
          - A profile attribute (C(attributes)) is not a search key, and a name that no object type defines finds no
            profiles. V(LOOKUP_ONLY) keys are not kept for search.
        type: str
        required: true
      values:
        description:
          - The values to look for (each 1-255 characters); a profile matches the key when one of them matches.
        type: list
        elements: str
        required: true
  logical_operator:
    description:
      - How the keys of O(search) combine. V(OR), the API's own default, finds profiles matching any key;
        V(AND) finds profiles matching every key.
    type: str
    choices: [AND, OR]
    default: OR
  max_results:
    description:
      - The most profiles to return for a O(search) (pages are requested until this many are found).
      - By default every matching profile is returned.
    type: int
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Get one profile by id
  awscx.customerprofiles.customerprofiles_profile_info:
    domain_name: retail-customers
    profile_id: 0123456789abcdef0123456789abcdef
  no_log: true

- name: Get several profiles by id
  awscx.customerprofiles.customerprofiles_profile_info:
    domain_name: retail-customers
    profile_id:
      - 0123456789abcdef0123456789abcdef
      - fedcba9876543210fedcba9876543210
  no_log: true

- name: Find the profiles with this email address and this phone number
  awscx.customerprofiles.customerprofiles_profile_info:
    domain_name: retail-customers
    search:
      - key_name: _email
        values: [jane@example.com]
      - key_name: _phone
        values: ["+15555550100"]
    logical_operator: AND
  register: found
  no_log: true

- name: Find the profile of an order by the custom key OrderId (defined by the Order object type's keys)
  awscx.customerprofiles.customerprofiles_profile_info:
    domain_name: retail-customers
    search:
      - key_name: OrderId
        values: ["ORD-1001"]
  register: order_owner
  no_log: true

- name: At most 10 profiles of either account
  awscx.customerprofiles.customerprofiles_profile_info:
    domain_name: retail-customers
    search:
      - key_name: _account
        values: ["123", "456"]
    max_results: 10
  no_log: true
"""

RETURN = r"""
profiles:
  description:
    - The profiles found, each as M(awscx.customerprofiles.customerprofiles_profile) returns RV(awscx.customerprofiles.customerprofiles_profile#module:profile)
      (option names such as C(address_1), attribute keys as stored, fields without a value left out).
  returned: always
  type: list
  elements: dict
  sample:
    - profile_id: 0123456789abcdef0123456789abcdef
      account_number: "123"
      first_name: Jane
      address:
        address_1: 1 Main Street
      attributes:
        loyalty_tier: gold
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import ProfileLister


def main():
    run_info(ProfileLister)


if __name__ == "__main__":
    main()

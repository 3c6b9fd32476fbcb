#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_profile_objects_info
version_added: 0.2.0
short_description: List a profile's objects of one object type in Amazon Connect Customer Profiles
description:
  - Lists the objects of one object type that belong to one profile (C(ListProfileObjects), every page,
    100 objects a call).
  - O(object_filter) keeps the objects whose key O(object_filter.key_name) has one of O(object_filter.values).
  - A domain, object type or profile that does not exist fails with the service's C(ResourceNotFoundException) message.
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:ListProfileObjects)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  object_type_name:
    description:
      - The object type of the objects to list.
    type: str
    required: true
  profile_id:
    description:
      - The id of the profile whose objects to list (32 hexadecimal characters).
    type: str
    required: true
  object_filter:
    description:
      - Only the objects with one of these values of one key.
    type: dict
    suboptions:
      key_name:
        description:
          - A key of the object type (a name of its C(keys)), or a standard key of a standard object type.
        type: str
        required: true
      values:
        description:
          - The values of the key (each 1 to 255 characters).
        type: list
        elements: str
        required: true
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The profile of account A-100
  awscx.customerprofiles.customerprofiles_profile_info:
    domain_name: retail-customers
    search:
      - key_name: _account
        values: [A-100]
  register: customer
  no_log: true

- name: Every order of that profile
  awscx.customerprofiles.customerprofiles_profile_objects_info:
    domain_name: retail-customers
    object_type_name: Order
    profile_id: "{{ customer.profiles[0].profile_id }}"
  register: orders
  no_log: true

- name: One order, by its UNIQUE key
  awscx.customerprofiles.customerprofiles_profile_objects_info:
    domain_name: retail-customers
    object_type_name: Order
    profile_id: "{{ customer.profiles[0].profile_id }}"
    object_filter:
      key_name: OrderId
      values: ["1001"]
  no_log: true
"""

RETURN = r"""
profile_objects:
  description: The profile's objects of the type, in the order the service lists them.
  returned: always
  type: list
  elements: dict
  contains:
    object_type_name:
      description: The object type.
      type: str
      sample: Order
    profile_object_unique_key:
      description: The service's unique key of the object.
      type: str
      sample: hCvmq2u44ZA1GzeZHOEl9ku2fyl7f8et
    object:
      description: The object as stored, parsed from its JSON (the text itself when it is not JSON).
      type: raw
      sample: {"OrderId": "1001", "AccountNumber": "A-100", "Total": 42.5}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile_objects import ProfileObjectsLister


def main():
    run_info(ProfileObjectsLister)


if __name__ == "__main__":
    main()

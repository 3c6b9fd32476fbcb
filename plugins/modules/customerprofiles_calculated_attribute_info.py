#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_calculated_attribute_info
version_added: 0.2.0
short_description: Describe the calculated attribute definitions of an Amazon Connect Customer Profiles domain
description:
  - With O(calculated_attribute_name), describes that definition fully (one GetCalculatedAttributeDefinition
    call), or returns an empty list when it does not exist.
  - Without it, describes every definition of the domain. The module follows every page of
    ListCalculatedAttributeDefinitions, then makes one GetCalculatedAttributeDefinition call per definition,
    since the listing lacks the attribute details, conditions, filter and statistic.
  - A definition deleted between the listing and its description is left out.
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:ListCalculatedAttributeDefinitions) (without O(calculated_attribute_name)) and
    C(profile:GetCalculatedAttributeDefinition)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  calculated_attribute_name:
    description:
      - The name of one calculated attribute definition. Left out, every definition of the domain is described.
    type: str
    aliases: ['name']
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Describe one calculated attribute
  awscx.customerprofiles.customerprofiles_calculated_attribute_info:
    domain_name: retail-customers
    calculated_attribute_name: orders_last_90_days
  register: result

- name: Wait for nothing; report whether the values are computed
  ansible.builtin.debug:
    msg: "{{ result.calculated_attributes[0].status }} ({{ result.calculated_attributes[0].readiness.progress_percentage }}%)"

- name: Describe every calculated attribute of the domain
  awscx.customerprofiles.customerprofiles_calculated_attribute_info:
    domain_name: retail-customers
  register: all_attributes
"""

RETURN = r"""
calculated_attributes:
  description:
    - The definitions, each as M(awscx.customerprofiles.customerprofiles_calculated_attribute) returns it in
      RV(ignore:calculated_attribute).
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/calculated_attribute_return.yml (make docs-modules)
    calculated_attribute_name:
      description: The name.
      type: str
      returned: when the definition exists
      sample: orders_last_90_days
    display_name:
      description: The display name.
      type: str
      returned: when set
      sample: Orders in the last 90 days
    description:
      description: The description.
      type: str
      returned: when set
      sample: How many orders the customer placed in the last 90 days
    attribute_details:
      description: The attributes and the expression.
      type: dict
      returned: when the definition exists
      sample: {"attributes": [{"name": "Order.OrderId"}], "expression": "{Order.OrderId}"}
    conditions:
      description: The conditions (range, object count, threshold).
      type: dict
      returned: when set
      sample: {"range": {"value": 90, "unit": "DAYS"}}
    filter:
      description: The filter, attribute names as written.
      type: dict
      returned: when set
      sample:
        include: ALL
        groups:
          - type: ALL
            dimensions:
              - attributes: {"Order.Total": {"dimension_type": "GREATER_THAN", "values": ["100"]}}
    statistic:
      description: The aggregation.
      type: str
      returned: when the definition exists
      sample: COUNT
    use_historical_data:
      description: Whether objects ingested before the definition are used.
      type: bool
      returned: when the service reports it
      sample: false
    status:
      description: Where the service is in computing the values, V(PREPARING), V(IN_PROGRESS), V(COMPLETED) or V(FAILED).
      type: str
      returned: when the service reports it
      sample: COMPLETED
    readiness:
      description: How far the computation is.
      type: dict
      returned: when the service reports it
      contains:
        progress_percentage:
          description: The percentage done.
          type: int
          sample: 100
        message:
          description: The service's message, if any.
          type: str
          sample: Computing values from historical data
    created_at:
      description: When the definition was created (ISO 8601).
      type: str
      returned: when the definition exists (not in check mode before creation)
      sample: "2024-05-01T12:00:00+00:00"
    last_updated_at:
      description: When the definition was last updated (ISO 8601).
      type: str
      returned: when the definition exists (not in check mode before creation)
      sample: "2024-05-02T08:30:00+00:00"
    tags:
      description: The tags, keys exactly as stored.
      type: dict
      returned: when the definition exists
      sample: {"Team": "marketing"}
    # END generated calculated_attribute_return
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import (
    CalculatedAttributeLister,
)


def main():
    run_info(CalculatedAttributeLister)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_event_trigger_info
version_added: 0.2.0
short_description: Describe the event triggers of an Amazon Connect Customer Profiles domain
description:
  - With O(event_trigger_name), describes that trigger (one GetEventTrigger call), or returns an empty list when it (or
    the domain) does not exist.
  - Without O(event_trigger_name), describes every trigger of the domain, with every page of ListEventTriggers (whose
    items lack the conditions and limits) and then one GetEventTrigger call per trigger.
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:GetEventTrigger) and C(profile:ListEventTriggers) (without O(event_trigger_name))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  event_trigger_name:
    description:
      - The name of one event trigger. When not given, every trigger of the domain is described.
    type: str
    aliases: ['name']
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Every event trigger of the domain
  awscx.customerprofiles.customerprofiles_event_trigger_info:
    domain_name: retail-customers
  register: triggers

- name: Their names
  ansible.builtin.debug:
    msg: "{{ triggers.event_triggers | map(attribute='event_trigger_name') | list }}"
"""

RETURN = r"""
event_triggers:
  description:
    - The triggers, each in the form M(awscx.customerprofiles.customerprofiles_event_trigger) returns.
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/event_trigger_return.yml (make docs-modules)
    domain_name:
      description: The domain.
      type: str
      returned: when the trigger exists
      sample: retail-customers
    event_trigger_name:
      description: The name of the trigger.
      type: str
      returned: when the trigger exists
      sample: high-value-order
    object_type_name:
      description: The object type.
      type: str
      returned: when the trigger exists
      sample: Order
    description:
      description: The description.
      type: str
      returned: when set
      sample: Orders over 500
    event_trigger_conditions:
      description: The conditions, with the module's option names.
      type: list
      elements: dict
      returned: when the trigger exists
      sample: [{"logical_operator": "ALL", "event_trigger_dimensions": [{"object_attributes": [{"field_name": "amount",
               "comparison_operator": "GREATER_THAN", "values": ["500"]}]}]}]
    segment_filter:
      description: The segment definition the trigger applies to.
      type: str
      returned: when set
      sample: vip-customers
    event_trigger_limits:
      description: The limits, with the module's option names.
      type: dict
      returned: when set
      sample: {"event_expiration": 3600, "periods": [{"unit": "DAYS", "value": 1, "max_invocations_per_profile": 1}]}
    intent_filter_definition:
      description: The filter on the profile's intents, with the module's option names.
      type: dict
      returned: when set
      sample: {"logical_operator": "ALL", "groups": [{"logical_operator": "ALL", "conditions": [{"intent": {"intent_domain":
               "DEFAULT", "type": "PRICE_SENSITIVITY"}, "comparison_operator": "EQUAL", "values": ["HIGH"]}]}]}
    created_at:
      description: When the trigger was created (ISO 8601).
      type: str
      returned: when the trigger exists (not in check mode before creation)
      sample: "2024-05-01T12:00:00+00:00"
    last_updated_at:
      description: When the trigger was last changed (ISO 8601).
      type: str
      returned: when the trigger exists (not in check mode before creation)
      sample: "2024-05-02T08:30:00+00:00"
    tags:
      description: The trigger's tags, keys exactly as stored.
      type: dict
      returned: when the trigger exists
      sample: {"Team": "campaigns"}
    # END generated event_trigger_return
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_trigger import EventTriggerLister


def main():
    run_info(EventTriggerLister)


if __name__ == "__main__":
    main()

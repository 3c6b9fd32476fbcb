#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_event_trigger
version_added: 0.2.0
short_description: Manage an event trigger of a Customer Profiles domain (the events that start outbound campaigns)
description:
  - Creates, updates and deletes one event trigger of an Amazon Connect Customer Profiles domain (CreateEventTrigger,
    UpdateEventTrigger, DeleteEventTrigger). An event trigger says which objects of an object type, ingested for profiles
    of an optional segment, raise an event (for example to start an Amazon Connect outbound campaign), and how often.
  - Every member of CreateEventTrigger is an option. An option left out leaves that setting as it is; a block given
    (O(event_trigger_conditions), O(event_trigger_limits)) is the complete block.
  - An existing trigger is updated in place; one UpdateEventTrigger call carries the members that differ. The service
    cannot remove O(description), O(segment_filter) or O(event_trigger_limits) from a trigger once set (UpdateEventTrigger
    keeps what it is not sent); delete the trigger and create it again to drop them.
  - Before a trigger is created, or moved to another object type, the module reads the object type (one
    GetProfileObjectType call); a missing object type fails naming O(object_type_name), and nothing is changed.
  - Before a new O(intent_filter_definition) is sent, the module reads the domain's intent definition (one
    GetIntentDefinition call). The service filters only on the intent types that it enables, so a type it does not
    enable fails naming O(intent_filter_definition), and nothing is changed (in check mode too). Enable them with
    M(awscx.customerprofiles.customerprofiles_intent_definition) first.
  - O(intent_filter_definition) needs botocore 1.44.18 or later; with an older botocore it fails before any call,
    naming the release, and the other options work as before.
  - A run that changes nothing makes one read call (GetEventTrigger, which also returns the tags) and no write call.
    Creating makes GetEventTrigger, GetProfileObjectType and one CreateEventTrigger call (tags included). Tags of an
    existing trigger change through TagResource and UntagResource on the trigger's ARN, which one STS
    GetCallerIdentity call builds (C(arn:aws:profile:<region>:<account>:domains/<domain>/event-triggers/<name>)).
  - The service refuses to delete a trigger that an integration names in its C(event_trigger_names); remove it from the
    integration first (M(awscx.customerprofiles.customerprofiles_integration) with
    O(awscx.customerprofiles.customerprofiles_integration#module:event_trigger_names=[])).
  - In check mode no write call is made; RV(event_trigger) is the trigger as it would be.
    With C(--diff), RV(diff.before) and RV(diff.after) are the trigger before and as it would be after.
  - "IAM actions used: C(profile:GetEventTrigger), C(profile:GetProfileObjectType),
    C(profile:GetIntentDefinition) (with a new O(intent_filter_definition)), C(profile:CreateEventTrigger),
    C(profile:UpdateEventTrigger), C(profile:DeleteEventTrigger), C(profile:TagResource), C(profile:UntagResource) and
    C(sts:GetCallerIdentity) (the last three only when tags of an existing trigger change)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  event_trigger_name:
    description:
      - The name of the event trigger (1 to 64 letters, digits, underscores or hyphens).
    type: str
    required: true
    aliases: ['name']
  state:
    description:
      - V(present) creates the trigger or updates it to match the options given; V(absent) deletes it.
        A trigger that does not exist is left alone (not changed).
    type: str
    default: present
    choices: ['present', 'absent']
  object_type_name:
    description:
      - The object type whose ingested objects are evaluated (1 to 255 characters, V(^[a-zA-Z_][a-zA-Z_0-9-]*$)). It must exist.
      - Required to create the trigger.
    type: str
  description:
    description:
      - A description of the trigger, 1 to 1000 characters.
    type: str
  event_trigger_conditions:
    description:
      - 1 to 5 conditions; each holds dimensions and how they combine. Required to create the trigger.
    type: list
    elements: dict
    suboptions:
      event_trigger_dimensions:
        description: 1 to 10 dimensions.
        type: list
        elements: dict
        required: true
        suboptions:
          object_attributes:
            description: 1 to 10 comparisons of the object's fields.
            type: list
            elements: dict
            required: true
            suboptions:
              source:
                description: An expression of the object's source fields (for example V({ObjectType.Amount})), 1 to 1000 characters.
                type: str
              field_name:
                description: A field of the object type (1 to 64 letters, digits, C(_), C(.), C(-)).
                type: str
              comparison_operator:
                description:
                  - V(INCLUSIVE), V(EXCLUSIVE), V(CONTAINS), V(BEGINS_WITH), V(ENDS_WITH), V(GREATER_THAN), V(LESS_THAN),
                    V(GREATER_THAN_OR_EQUAL), V(LESS_THAN_OR_EQUAL), V(EQUAL), V(BEFORE), V(AFTER), V(ON) or V(BETWEEN).
                type: str
                required: true
              values:
                description: 1 to 10 values compared with (each 1 to 255 characters).
                type: list
                elements: str
                required: true
      logical_operator:
        description: How the dimensions combine, V(ANY), V(ALL) or V(NONE).
        type: str
        required: true
  segment_filter:
    description:
      - The segment definition whose profiles the trigger applies to (1 to 64 letters, digits, underscores or hyphens).
    type: str
  event_trigger_limits:
    description:
      - How often the trigger may fire per profile.
    type: dict
    suboptions:
      event_expiration:
        description: How long, in seconds, an event is valid.
        type: int
      periods:
        description: 1 to 4 periods.
        type: list
        elements: dict
        suboptions:
          unit:
            description: V(MINUTES), V(HOURS), V(DAYS), V(WEEKS) or V(MONTHS).
            type: str
            required: true
          value:
            description: The number of units, 1 to 60.
            type: int
            required: true
          max_invocations_per_profile:
            description: How many times the trigger fires for one profile in the period, 1 to 1000.
            type: int
          unlimited:
            description: Whether the trigger may fire without a limit in the period.
            type: bool
  intent_filter_definition:
    description:
      - A filter on the intents of the profile (Predictive Intent); the trigger fires only for profiles whose intents
        meet it, besides O(event_trigger_conditions). The intent types it names must be enabled in the domain's
        intent definition. Needs botocore 1.44.18 or later.
      - A given filter is the complete filter.
    type: dict
    suboptions:
      groups:
        description: Exactly one group of conditions (the service supports one).
        type: list
        elements: dict
        required: true
        suboptions:
          conditions:
            description: 1 to 5 conditions; each intent type appears at most once in a group.
            type: list
            elements: dict
            required: true
            suboptions:
              intent:
                description: The intent evaluated.
                type: dict
                required: true
                suboptions:
                  intent_domain:
                    description: The intent domain; the service supports only V(DEFAULT).
                    type: str
                    required: true
                  type:
                    description:
                      - V(PRICE_SENSITIVITY), V(UPGRADE_UPSELL_PROPENSITY) or V(LAST_SEARCH_INTENT)
                        (V(WEB_SESSION_SUMMARY) cannot be used in a filter).
                    type: str
                    required: true
              comparison_operator:
                description:
                  - For V(PRICE_SENSITIVITY) and V(UPGRADE_UPSELL_PROPENSITY), V(INCLUSIVE), V(EXCLUSIVE), V(EQUAL),
                    V(GREATER_THAN), V(GREATER_THAN_OR_EQUAL), V(LESS_THAN) or V(LESS_THAN_OR_EQUAL); for
                    V(LAST_SEARCH_INTENT), V(CONTAINS).
                type: str
                required: true
              values:
                description:
                  - 1 to 10 values (each 1 to 255 characters). For V(PRICE_SENSITIVITY) and
                    V(UPGRADE_UPSELL_PROPENSITY), exactly one, V(HIGH) or V(LOW); for V(LAST_SEARCH_INTENT), search
                    phrases, any of which the profile's last search intent contains.
                type: list
                elements: str
                required: true
          logical_operator:
            description: How the conditions of the group combine, V(ANY), V(ALL) or V(NONE).
            type: str
            required: true
      logical_operator:
        description: How the groups combine, V(ANY), V(ALL) or V(NONE).
        type: str
        required: true
notes:
  - Tag keys are kept exactly as written.
  - Bad option values fail before any API call, with a message naming the option (for example
    O(event_trigger_conditions[0].logical_operator)) and the rule broken, never the value.
  - Throttling and server errors are retried with jittered backoff.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Fire when an order over 500 is ingested, at most once a day per profile
  awscx.customerprofiles.customerprofiles_event_trigger:
    domain_name: retail-customers
    event_trigger_name: high-value-order
    object_type_name: Order
    description: Orders over 500
    event_trigger_conditions:
      - logical_operator: ALL
        event_trigger_dimensions:
          - object_attributes:
              - field_name: Total
                comparison_operator: GREATER_THAN
                values: ["500"]
    event_trigger_limits:
      event_expiration: 3600
      periods:
        - unit: DAYS
          value: 1
          max_invocations_per_profile: 1
    tags:
      Team: campaigns

- name: Fire only for price-sensitive customers (the domain's intent definition enables PRICE_SENSITIVITY)
  awscx.customerprofiles.customerprofiles_event_trigger:
    domain_name: retail-customers
    event_trigger_name: high-value-order
    intent_filter_definition:
      logical_operator: ALL
      groups:
        - logical_operator: ALL
          conditions:
            - intent:
                intent_domain: DEFAULT
                type: PRICE_SENSITIVITY
              comparison_operator: EQUAL
              values: ["HIGH"]

- name: Change only the description (updated in place)
  awscx.customerprofiles.customerprofiles_event_trigger:
    domain_name: retail-customers
    event_trigger_name: high-value-order
    description: Orders over 500, any channel

- name: Delete the trigger
  awscx.customerprofiles.customerprofiles_event_trigger:
    domain_name: retail-customers
    event_trigger_name: high-value-order
    state: absent
"""

RETURN = r"""
event_trigger:
  description: The event trigger as GetEventTrigger describes it, in snake_case; V({}) once absent.
  returned: always
  type: dict
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
diff:
  description: With C(--diff), the trigger before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The trigger before the run.
      type: dict
      sample: {}
    after:
      description: The trigger after the run.
      type: dict
      sample: {"event_trigger_name": "high-value-order", "object_type_name": "Order"}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_trigger import EventTriggerResource


def main():
    run(EventTriggerResource)


if __name__ == "__main__":
    main()

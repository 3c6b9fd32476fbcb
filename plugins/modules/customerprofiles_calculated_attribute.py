#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_calculated_attribute
version_added: 0.2.0
short_description: Manage a calculated attribute definition of an Amazon Connect Customer Profiles domain
description:
  - Creates, updates and deletes one calculated attribute definition of a Customer Profiles domain, such as
    "orders in the last 90 days" or "average spend", which agent views, segments and flows read.
  - Every member of the CreateCalculatedAttributeDefinition request is an option. An option left out leaves
    that member as it is. A block that is given (O(attribute_details), O(conditions), O(filter)) is the complete
    block; its sub-options left out are not kept from the current definition.
  - The service updates only O(display_name), O(description) and O(conditions) of an existing definition
    (one UpdateCalculatedAttributeDefinition call). A difference in O(attribute_details), O(filter),
    O(statistic) or O(use_historical_data) fails before any write, naming those options, unless
    O(recreate=true).
  - B(Warning:) with O(recreate=true) the definition is deleted and created again (DeleteCalculatedAttributeDefinition,
    then CreateCalculatedAttributeDefinition with the complete definition, that is the members given and the current
    values of the members left out, tags included). The values the service computed for every profile start over;
    until the new definition is computed again (RV(calculated_attribute.status), RV(calculated_attribute.readiness)),
    agent views, segments and flows that read it see no value. Check mode and C(--diff) show the replacement
    before it is made.
  - A domain holds at most 50 calculated attribute definitions (a quota AWS does not raise). When the service
    refuses a create because of it, the module fails saying that the domain holds the maximum, with the count it
    reads then (one ListCalculatedAttributeDefinitions listing).
  - A run that changes nothing makes exactly one read call (GetCalculatedAttributeDefinition, which also returns
    the tags) and no write call. Creating makes one CreateCalculatedAttributeDefinition call (tags included) and
    returns the definition from its answer. Tags of an existing definition change only through TagResource and
    UntagResource on its ARN, which one STS GetCallerIdentity call builds (account and partition) when a tag call
    is to be made.
  - Bad input (lengths, patterns, enums, ranges, required members of the service model, at every level of the
    nested blocks) fails before any API call, naming the option path and never repeating the value.
  - In check mode no write call is made; RV(calculated_attribute) is the definition as it would be.
    With C(--diff), RV(diff.before) and RV(diff.after) are the definition before and as it would be after.
  - A failure after a write (for example the create of a replacement failing after the delete succeeded)
    reports C(changed=true).
  - "IAM actions used: C(profile:GetCalculatedAttributeDefinition), C(profile:CreateCalculatedAttributeDefinition),
    C(profile:UpdateCalculatedAttributeDefinition), C(profile:DeleteCalculatedAttributeDefinition),
    C(profile:ListCalculatedAttributeDefinitions) (only to count the definitions when a create is refused),
    C(profile:ListSegmentDefinitions) and C(profile:GetSegmentDefinition) (O(state=absent), one get per
    segment definition made of groups),
    C(profile:TagResource) (tags given on create or changed on update), C(profile:UntagResource) and
    C(sts:GetCallerIdentity) (only when tags of an existing definition change)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  calculated_attribute_name:
    description:
      - The name of the calculated attribute, 1 to 255 characters, a letter or underscore first, then letters,
        digits, underscores or hyphens (V(^[a-zA-Z_][a-zA-Z_0-9-]*$)).
    type: str
    required: true
    aliases: ['name']
  state:
    description:
      - V(present) creates the definition or brings it to the options given.
      - V(absent) deletes the definition (its computed values with it). A definition that does not exist is
        left alone (not changed).
      - Before deleting, the module finds the segment definitions that use it (in a dimension or in their sort;
        the query of a SQL segment is not examined) and names them in a warning, the diff's C(after_header) and
        RV(dependents). The DeleteCalculatedAttributeDefinition API reference documents no refusal for a
        definition in use, so the module does not refuse either; those segments keep naming it.
    type: str
    default: present
    choices: ['present', 'absent']
  display_name:
    description:
      - The display name, 1 to 255 characters, a letter or underscore first, then letters, digits, underscores,
        hyphens or spaces. Updated in place.
    type: str
  description:
    description:
      - The description, 1 to 1000 characters. Updated in place.
    type: str
  attribute_details:
    description:
      - The object type attributes the calculated attribute is computed from, and how they are combined.
      - Required to create. Cannot be updated; a difference needs O(recreate=true).
    type: dict
    suboptions:
      attributes:
        description:
          - The attributes, 1 to 50, each named C(<ObjectTypeName>.<AttributeName>) as in the object type's
            fields.
        type: list
        elements: dict
        required: true
        suboptions:
          name:
            description:
              - The attribute name, 1 to 64 letters, digits, dots, underscores or hyphens.
            type: str
            required: true
      expression:
        description:
          - The mathematical expression over the attributes, 1 to 255 characters, each attribute in braces,
            for example V({Order.Total}), or V({Order.Price} * {Order.Quantity}).
        type: str
        required: true
  conditions:
    description:
      - Which objects count (a time range, how many objects) and a threshold on the result.
      - A given block replaces the current one. Updated in place.
    type: dict
    suboptions:
      range:
        description: The time range of the objects that count.
        type: dict
        suboptions:
          value:
            description: The length of the range, 0 to 2147483647 units.
            type: int
          unit:
            description: The unit of the range. The service model knows V(DAYS).
            type: str
          value_range:
            description: A range relative to now, in units (negative values lie in the past).
            type: dict
            suboptions:
              start:
                description: The start of the range.
                type: int
                required: true
              end:
                description: The end of the range.
                type: int
                required: true
          timestamp_source:
            description:
              - The object field whose timestamp places an object in the range, 1 to 255 characters, for example
                V({Order.Datetime}).
            type: str
          timestamp_format:
            description: The format of that timestamp, 1 to 255 characters (for example V(EPOCHMILLI) or V(ISO_8601)).
            type: str
      object_count:
        description: How many objects (the most recent ones) count, at least 1.
        type: int
      threshold:
        description: The result is kept only where it passes this threshold.
        type: dict
        suboptions:
          value:
            description: The threshold value, 1 to 255 characters.
            type: str
            required: true
          operator:
            description: V(EQUAL_TO), V(GREATER_THAN), V(LESS_THAN) or V(NOT_EQUAL_TO).
            type: str
            required: true
  filter:
    description:
      - Which objects of the object type are used, by their attribute values.
      - Cannot be updated; a difference needs O(recreate=true).
    type: dict
    suboptions:
      include:
        description: How the groups combine, V(ALL), V(ANY) or V(NONE).
        type: str
        required: true
      groups:
        description: The filter groups, 1 or 2.
        type: list
        elements: dict
        required: true
        suboptions:
          type:
            description: How the dimensions of the group combine, V(ALL), V(ANY) or V(NONE).
            type: str
            required: true
          dimensions:
            description: The dimensions of the group, 1 to 10.
            type: list
            elements: dict
            required: true
            suboptions:
              attributes:
                description:
                  - A map of attribute name (kept exactly as written, 1 to 64 letters, digits, dots, underscores or
                    hyphens) to its condition, a dict of C(dimension_type) (for example V(INCLUSIVE),
                    V(GREATER_THAN), V(BETWEEN); the service model lists them) and C(values) (1 to 10 strings).
                type: dict
                required: true
  statistic:
    description:
      - How the values are aggregated, for example V(SUM), V(COUNT), V(AVERAGE), V(MAXIMUM), V(MINIMUM),
        V(FIRST_OCCURRENCE), V(LAST_OCCURRENCE), V(MAX_OCCURRENCE), V(RECENT_OCCURRENCES) (the installed botocore's
        model is what is checked).
      - Required to create. Cannot be updated; a difference needs O(recreate=true).
    type: str
  use_historical_data:
    description:
      - Whether the objects ingested before the definition was created are used.
      - Cannot be updated; a difference needs O(recreate=true). The service reports V(false) when it was not given.
    type: bool
  recreate:
    description:
      - Delete the definition and create it again when a member the service cannot update differs.
      - B(The values computed for every profile start over.)
      - Without it such a difference fails, naming the options, and nothing is changed.
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
- name: Orders of the last 90 days, per profile
  awscx.customerprofiles.customerprofiles_calculated_attribute:
    domain_name: retail-customers
    calculated_attribute_name: orders_last_90_days
    display_name: Orders in the last 90 days
    description: How many orders the customer placed in the last 90 days
    attribute_details:
      attributes:
        - name: Order.OrderId
      expression: "{Order.OrderId}"
    statistic: COUNT
    conditions:
      range:
        value: 90
        unit: DAYS
    tags:
      Team: marketing

- name: Average spend on big orders; recreate it if the statistic or the filter changed (values start over)
  awscx.customerprofiles.customerprofiles_calculated_attribute:
    domain_name: retail-customers
    name: average_big_order
    attribute_details:
      attributes:
        - name: Order.Total
      expression: "{Order.Total}"
    statistic: AVERAGE
    filter:
      include: ALL
      groups:
        - type: ALL
          dimensions:
            - attributes:
                Order.Total:
                  dimension_type: GREATER_THAN
                  values: ["100"]
    recreate: true

- name: Delete a calculated attribute
  awscx.customerprofiles.customerprofiles_calculated_attribute:
    domain_name: retail-customers
    name: average_big_order
    state: absent
"""

RETURN = r"""
calculated_attribute:
  description:
    - The calculated attribute definition after the run, with the module's option names (V({}) after
      O(state=absent)).
    - In check mode, the definition as it would be; what only the service knows (status, readiness, timestamps)
      is left out of a definition not created yet.
  returned: always
  type: dict
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
recreated:
  description: Whether the definition was deleted and created again (O(recreate=true)); in check mode, whether it would be.
  returned: always
  type: bool
  sample: false
dependents:
  description:
    - With O(state=absent) when the definition exists, what uses it, by kind; V({}) when nothing does.
  returned: when an existing definition is deleted (also in check mode)
  type: dict
  sample: {"segment_definitions": ["big-spenders"]}
  contains:
    segment_definitions:
      description: The names of the segment definitions that use it.
      type: list
      elements: str
      returned: when there are any
diff:
  description:
    - With C(--diff), the definition before and as it would be after (V({}) when absent).
    - When a definition in use is deleted, C(after_header) names what uses it.
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
      sample: {"calculated_attribute_name": "orders_last_90_days", "statistic": "COUNT"}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import (
    CalculatedAttributeResource,
)


def main():
    run(CalculatedAttributeResource)


if __name__ == "__main__":
    main()

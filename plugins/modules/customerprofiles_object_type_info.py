#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_object_type_info
version_added: 0.2.0
short_description: Describe Amazon Connect Customer Profiles object types and object type templates
description:
  - With O(domain_name) and O(object_type_name), describes that object type fully (one C(GetProfileObjectType)
    call), or returns an empty RV(object_types) when it does not exist.
  - With O(domain_name) alone, describes every object type of the domain. The module follows every page of
    C(ListProfileObjectTypes), then calls C(GetProfileObjectType) once per type so that each is fully described
    (fields, keys, tags); for a domain with N types that is N C(GetProfileObjectType) calls plus one
    C(ListProfileObjectTypes) call per 100 types. A type deleted between the listing and its description is left out.
  - O(template_id) returns that template (C(GetProfileObjectTypeTemplate)) in RV(templates); O(list_templates=true)
    returns every template the service offers (C(ListProfileObjectTypeTemplates), all pages; each item gives
    C(template_id), C(source_name) and C(source_object)).
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:GetProfileObjectType), C(profile:ListProfileObjectTypes),
    C(profile:GetProfileObjectTypeTemplate), C(profile:ListProfileObjectTypeTemplates)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  domain_name:
    description:
      - The domain whose object types to describe. Required with O(object_type_name).
      - One of O(domain_name), O(template_id) and O(list_templates=true) is required.
    type: str
  object_type_name:
    description:
      - The name of one object type to describe. When not given, every object type of O(domain_name) is described.
    type: str
    aliases: ['name']
  template_id:
    description:
      - The id of one object type template to return in RV(templates). An unknown id gives an empty list.
      - Mutually exclusive with O(list_templates).
    type: str
  list_templates:
    description:
      - Return every object type template in RV(templates).
    type: bool
    default: false
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
"""

EXAMPLES = r"""
- name: Describe one object type
  awscx.customerprofiles.customerprofiles_object_type_info:
    domain_name: retail-customers
    object_type_name: Order
  register: order_type

- name: The keys that tie orders to profiles
  ansible.builtin.debug:
    msg: "{{ order_type.object_types[0]['keys'] | dict2items | selectattr('value.0.standard_identifiers', 'contains', 'PROFILE')
      | map(attribute='key') | list }}"

- name: Every object type of the domain
  awscx.customerprofiles.customerprofiles_object_type_info:
    domain_name: retail-customers
  register: all_types

- name: The templates the service offers
  awscx.customerprofiles.customerprofiles_object_type_info:
    list_templates: true
  register: templates

- name: One template, with its fields and keys
  awscx.customerprofiles.customerprofiles_object_type_info:
    template_id: Shopify-Order
"""

RETURN = r"""
object_types:
  description:
    - The object types, each in the form M(awscx.customerprofiles.customerprofiles_object_type) returns as
      RV(awscx.customerprofiles.customerprofiles_object_type#module:object_type) (snake_case; field and key names as stored).
    - Empty when no O(domain_name) is given or O(object_type_name) names a type that does not exist.
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/object_type_return.yml (make docs-modules)
    object_type_name:
      description: The name of the object type.
      type: str
      sample: Order
    description:
      description: The description.
      type: str
      sample: Orders from the web shop
    template_id:
      description: The template the type is defined by.
      type: str
      returned: when set
      sample: Shopify-Order
    expiration_days:
      description: Days until the objects expire.
      type: int
      returned: when set
      sample: 365
    encryption_key:
      description: The KMS key ARN.
      type: str
      returned: when set
      sample: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
    allow_profile_creation:
      description: Whether an object matching no profile creates one.
      type: bool
      returned: when set
      sample: true
    source_last_updated_timestamp_format:
      description: The format of the source's last-updated timestamp.
      type: str
      returned: when set
      sample: epoch
    max_profile_object_count:
      description: The most objects of this type per profile.
      type: int
      returned: when set
      sample: 100
    max_available_profile_object_count:
      description: The most objects of this type per profile the service allows.
      type: int
      returned: when the service reports it
      sample: 1000
    source_priority:
      description: The priority of the type's data.
      type: int
      returned: when set
      sample: 1
    fields:
      description: Field name to C(source), C(target), C(content_type).
      type: dict
      returned: when set
      sample: {"AccountNumber": {"source": "_source.AccountNumber", "target": "_profile.AccountNumber", "content_type": "STRING"}}
    keys:
      description: Key name to a list of C(standard_identifiers) and C(field_names).
      type: dict
      returned: when set
      sample: {"_account": [{"standard_identifiers": ["PROFILE"], "field_names": ["AccountNumber"]}]}
    created_at:
      description: When the type was created (ISO 8601).
      type: str
      returned: when known
      sample: "2024-05-01T12:00:00+00:00"
    last_updated_at:
      description: When the type was last updated (ISO 8601).
      type: str
      returned: when known
      sample: "2024-05-02T08:30:00+00:00"
    tags:
      description: The tags, keys as stored.
      type: dict
      sample: {"team": "crm"}
    # END generated object_type_return
templates:
  description:
    - The templates asked for. With O(template_id), the template as C(GetProfileObjectTypeTemplate) describes it;
      with O(list_templates=true), the list items (C(template_id), C(source_name), C(source_object)).
    - Empty when neither is asked for, or O(template_id) names no template.
  returned: always
  type: list
  elements: dict
  contains:
    template_id:
      description: The template's id.
      type: str
      sample: Shopify-Order
    source_name:
      description: The source the template is for.
      type: str
      sample: Shopify
    source_object:
      description: The source object the template maps.
      type: str
      sample: Order
    allow_profile_creation:
      description: Whether objects of a type made from the template create profiles.
      type: bool
      returned: with O(template_id), when set
      sample: true
    source_last_updated_timestamp_format:
      description: The format of the source's last-updated timestamp.
      type: str
      returned: with O(template_id), when set
      sample: epoch
    fields:
      description: Field name to C(source), C(target), C(content_type) (names as stored).
      type: dict
      returned: with O(template_id)
      sample: {"id": {"source": "_source.id", "target": "_order.ExternalOrderId", "content_type": "STRING"}}
    keys:
      description: Key name to a list of C(standard_identifiers) and C(field_names) (names as stored).
      type: dict
      returned: with O(template_id)
      sample: {"ShopifyOrderId": [{"standard_identifiers": ["UNIQUE", "ORDER"], "field_names": ["id"]}]}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import ObjectTypeLister


def main():
    run_info(ObjectTypeLister)


if __name__ == "__main__":
    main()

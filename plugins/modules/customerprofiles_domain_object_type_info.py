#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_domain_object_type_info
version_added: 0.3.0
short_description: Describe the domain object types of an Amazon Connect Customer Profiles domain
description:
  - With O(object_type_name), describes that domain object type (one GetDomainObjectType call), or returns an empty
    list when it (or the domain) does not exist.
  - Without O(object_type_name), describes every domain object type of the domain, with every page of
    ListDomainObjectTypes and then one GetDomainObjectType call per type (the list items lack the fields).
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:GetDomainObjectType) and C(profile:ListDomainObjectTypes) (without
    O(object_type_name))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  object_type_name:
    description:
      - The name of one domain object type. When not given, every domain object type of the domain is described.
    type: str
    aliases: ['name']
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The domain's domain object types
  awscx.customerprofiles.customerprofiles_domain_object_type_info:
    domain_name: retail-customers
  register: types

- name: Their names
  ansible.builtin.debug:
    msg: "{{ types.domain_object_types | map(attribute='object_type_name') | list }}"
"""

RETURN = r"""
domain_object_types:
  description:
    - The domain object types, each in the form M(awscx.customerprofiles.customerprofiles_domain_object_type)
      returns.
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/domain_object_type_return.yml (make docs-modules)
    domain_name:
      description: The domain.
      type: str
      returned: when the type exists
      sample: retail-customers
    object_type_name:
      description: The name of the domain object type.
      type: str
      returned: when the type exists
      sample: CatalogItem
    description:
      description: The description of the type.
      type: str
      returned: when the type has one
      sample: The shop's catalog
    encryption_key:
      description: The KMS key that encrypts the objects of this type.
      type: str
      returned: when the type has one
      sample: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
    fields:
      description:
        - The fields, by field name (names exactly as stored), each with C(source), C(target), and C(content_type) and
          C(feature_type) when set.
      type: dict
      returned: when the type exists
      sample: {"Sku": {"source": "_source.sku", "target": "_catalogItem.Id", "content_type": "STRING"}}
    created_at:
      description: "Read-only: when the type was created (ISO 8601)."
      type: str
      returned: when the type exists (not in check mode before creation)
      sample: "2026-05-01T12:00:00+00:00"
    last_updated_at:
      description: "Read-only: when the type was last changed (ISO 8601)."
      type: str
      returned: when the type exists (not in check mode before creation)
      sample: "2026-05-02T08:30:00+00:00"
    tags:
      description: The type's tags, keys exactly as stored.
      type: dict
      returned: when the type exists
      sample: {"Team": "crm"}
    # END generated domain_object_type_return
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain_object_type import DomainObjectTypeLister


def main():
    run_info(DomainObjectTypeLister)


if __name__ == "__main__":
    main()

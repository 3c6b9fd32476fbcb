#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_domain_object_type
version_added: 0.3.0
short_description: Manage a domain object type of an Amazon Connect Customer Profiles domain
description:
  - Creates, updates and deletes a domain object type of an Amazon Connect Customer Profiles domain
    (PutDomainObjectType, DeleteDomainObjectType). A domain object type maps a kind of source record onto the
    domain's standard domain objects (such as the catalog items recommendations use), field by field.
  - PutDomainObjectType replaces the whole definition. An option left out keeps its current value (the module sends
    it); a given O(fields) is the complete set of fields; O(encryption_key="") removes the key.
  - "B(The domain's data store.) The PutDomainObjectType reference: to create a new domain object type, Data Store
    needs to be enabled on the domain. Before a create the module reads the domain (GetDomain) and, when its data
    store is not enabled, fails naming C(data_store) and changes nothing, in check mode too. Enable it with
    M(awscx.customerprofiles.customerprofiles_domain) (C(data_store: {enabled: true})) first."
  - A run that changes nothing makes one read call (GetDomainObjectType, which also returns the tags) and no write
    call. Creating makes GetDomain and one PutDomainObjectType call (tags included); a change makes one
    PutDomainObjectType call. Tags of an existing type change through TagResource and UntagResource on the type's ARN
    (built from the caller's account, read once with C(sts:GetCallerIdentity)).
  - In check mode no write call is made; RV(domain_object_type) is the type as it would be. With C(--diff),
    RV(diff.before) and RV(diff.after) are the type before and after.
  - "IAM actions used: C(profile:GetDomainObjectType), C(profile:GetDomain) (before a create),
    C(profile:PutDomainObjectType), C(profile:DeleteDomainObjectType), C(profile:TagResource),
    C(profile:UntagResource). A type with O(encryption_key) also needs the KMS permissions the service documents for
    its key."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  object_type_name:
    description:
      - The name of the domain object type (1 to 255 characters; a letter or underscore first, then letters, digits,
        underscores or hyphens).
    type: str
    required: true
    aliases: ['name']
  description:
    description:
      - The description of the type (1 to 10000 characters).
    type: str
  encryption_key:
    description:
      - The ARN of the customer managed KMS key that encrypts the objects of this type (at most 255 characters).
        V("") removes it.
    type: str
  fields:
    description:
      - The fields of the type, by field name (1 to 64 letters, digits, underscores, periods or hyphens; kept exactly
        as written). Each is a dict with C(source) (required, the expression that reads the value from the source
        record, such as C(_source.sku)), C(target) (required, where it goes in the standard domain object, such as
        C(_catalogItem.Id)), both 1 to 1000 characters, C(content_type) (C(STRING) or C(NUMBER)) and C(feature_type)
        (C(TEXTUAL) or C(CATEGORICAL)).
      - Required to create the type. A given O(fields) is the complete set.
    type: dict
  state:
    description:
      - V(present) creates or updates the type; V(absent) deletes it. A type that does not exist is left alone (not
        changed).
    type: str
    default: present
    choices: ['present', 'absent']
notes:
  - Field names and tag keys are kept exactly as written.
  - Bad option values fail before any API call, with a message naming the option and the rule broken, never the value.
  - Throttling and server errors are retried with jittered backoff.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The domain's data store, which domain object types need
  awscx.customerprofiles.customerprofiles_domain:
    domain_name: retail-customers
    data_store:
      enabled: true

- name: Catalog items from the shop's export
  awscx.customerprofiles.customerprofiles_domain_object_type:
    domain_name: retail-customers
    object_type_name: CatalogItem
    description: The shop's catalog
    fields:
      Sku:
        source: _source.sku
        target: _catalogItem.Id
        content_type: STRING
      Category:
        source: _source.category
        target: _catalogItem.Category
        feature_type: CATEGORICAL
    tags:
      Team: crm

- name: Change the description only (the fields are kept)
  awscx.customerprofiles.customerprofiles_domain_object_type:
    domain_name: retail-customers
    object_type_name: CatalogItem
    description: The shop's catalog, nightly export

- name: Delete the type
  awscx.customerprofiles.customerprofiles_domain_object_type:
    domain_name: retail-customers
    object_type_name: CatalogItem
    state: absent
"""

RETURN = r"""
domain_object_type:
  description: The domain object type as GetDomainObjectType describes it, in the module's option names; V({}) once absent.
  returned: always
  type: dict
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
diff:
  description: With C(--diff), the type before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The type before the run.
      type: dict
      sample: {}
    after:
      description: The type after the run.
      type: dict
      sample: {"object_type_name": "CatalogItem", "fields": {"Sku": {"source": "_source.sku", "target": "_catalogItem.Id"}}}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain_object_type import DomainObjectTypeResource


def main():
    run(DomainObjectTypeResource)


if __name__ == "__main__":
    main()

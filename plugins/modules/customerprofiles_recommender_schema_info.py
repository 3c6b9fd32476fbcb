#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_recommender_schema_info
version_added: 0.3.0
short_description: Describe the recommender schemas of an Amazon Connect Customer Profiles domain
description:
  - With O(recommender_schema_name), describes that schema (one GetRecommenderSchema call, then one
    ListTagsForResource call for its tags), or returns an empty list when it (or the domain) does not exist.
  - Without O(recommender_schema_name), describes every schema of the domain, with every page of
    ListRecommenderSchemas and then, per schema, one GetRecommenderSchema and one ListTagsForResource call.
  - The ARN whose tags are read is built from the caller's account, read once with C(sts:GetCallerIdentity).
  - This module makes no change and supports check mode.
  - The recommender schema operations need botocore 1.42.90 or later; with an older botocore the module fails before
    any call, naming the release it needs.
  - "IAM actions used: C(profile:GetRecommenderSchema), C(profile:ListTagsForResource) and
    C(profile:ListRecommenderSchemas) (without O(recommender_schema_name))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  recommender_schema_name:
    description:
      - The name of one recommender schema. When not given, every schema of the domain is described.
    type: str
    aliases: ['name']
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The domain's recommender schemas
  awscx.customerprofiles.customerprofiles_recommender_schema_info:
    domain_name: retail-customers
  register: schemas

- name: The columns of each schema
  ansible.builtin.debug:
    msg: "{{ item.recommender_schema_name }}: {{ item.fields }}"
  loop: "{{ schemas.recommender_schemas }}"
"""

RETURN = r"""
recommender_schemas:
  description:
    - The schemas, each in the form M(awscx.customerprofiles.customerprofiles_recommender_schema) returns.
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/recommender_schema_return.yml (make docs-modules)
    domain_name:
      description: The domain.
      type: str
      returned: when the schema exists
      sample: retail-customers
    recommender_schema_name:
      description: The name of the schema.
      type: str
      returned: when the schema exists
      sample: catalog-columns
    fields:
      description:
        - The columns of the schema, by dataset type (V(_webAnalytics), V(_catalogItem); keys as stored).
      type: dict
      returned: when the schema exists
      sample: {"_catalogItem": [{"target_field_name": "Attributes.Stock", "feature_type": "CATEGORICAL"}]}
    status:
      description: "Read-only: V(ACTIVE) or V(DELETING), as the service reports it."
      type: str
      returned: when the schema exists (not in check mode before creation)
      sample: ACTIVE
    created_at:
      description: "Read-only: when the schema was created (ISO 8601)."
      type: str
      returned: when the schema exists (not in check mode before creation)
      sample: "2026-05-01T12:00:00+00:00"
    tags:
      description: The schema's tags, keys exactly as stored (read with ListTagsForResource).
      type: dict
      returned: when the schema exists
      sample: {"Team": "crm"}
    # END generated recommender_schema_return
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_schema import RecommenderSchemaLister


def main():
    run_info(RecommenderSchemaLister)


if __name__ == "__main__":
    main()

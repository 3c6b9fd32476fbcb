#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_recommender_schema
version_added: 0.3.0
short_description: Manage a recommender schema of an Amazon Connect Customer Profiles domain
description:
  - Creates and deletes a recommender schema of an Amazon Connect Customer Profiles domain (CreateRecommenderSchema,
    DeleteRecommenderSchema). A schema says which data columns recommenders and recommender filters of the domain
    train on and filter by.
  - The service has no update call for recommender schemas. A O(fields) that differs from the schema's fails, naming
    O(fields), and nothing is changed, unless O(recreate=true), which deletes the schema and creates it again. Tags
    change in place.
  - "B(Deleting a schema that is in use.) The DeleteRecommenderSchema reference documents no check of the
    recommenders and recommender filters created with the schema, and no refusal: the service deletes it, and they
    keep naming a schema that no longer exists (with O(recreate=true), until it is created again). Before the delete
    the module lists the domain's recommender filters that name the schema (ListRecommenderFilters) and says so in a
    warning, in check mode too, and in the C(--diff) header (recommenders are not listed)."
  - GetRecommenderSchema returns neither the schema's tags nor its ARN. A run on an existing schema makes one
    GetRecommenderSchema and one ListTagsForResource call (on the ARN built from the caller's account, read once with
    C(sts:GetCallerIdentity)), so that RV(recommender_schema.tags) are the schema's, and no write call when nothing
    changes. Creating makes one CreateRecommenderSchema call (tags included); its answer is the result. Tags of an
    existing schema change through TagResource and UntagResource.
  - In check mode no write call is made; RV(recommender_schema) is the schema as it would be. With C(--diff),
    RV(diff.before) and RV(diff.after) are the schema before and after.
  - The recommender schema operations need botocore 1.42.90 or later; with an older botocore the module fails before
    any call, naming the release it needs.
  - "IAM actions used: C(profile:GetRecommenderSchema), C(profile:CreateRecommenderSchema),
    C(profile:DeleteRecommenderSchema), C(profile:ListTagsForResource), C(profile:ListRecommenderFilters) (before a
    delete), C(profile:TagResource), C(profile:UntagResource)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  recommender_schema_name:
    description:
      - The name of the recommender schema (1 to 64 letters, digits, underscores or hyphens), unique in the domain.
    type: str
    required: true
    aliases: ['name']
  fields:
    description:
      - The columns of the schema, by dataset type. The keys are the dataset types the service supports,
        C(_webAnalytics) and C(_catalogItem) (at most both; kept exactly as written); each value is a list of 1 or 2
        columns, each a dict with C(target_field_name) (required, the field in the dataset, such as
        C(Location.City) or C(Attributes.MealTime), 1 to 1000 characters), C(content_type) (C(STRING) or C(NUMBER);
        the service's default is C(STRING)) and C(feature_type) (C(TEXTUAL) or C(CATEGORICAL)).
      - Required to create the schema. A given O(fields) is the complete set; on an existing schema a different
        O(fields) needs O(recreate=true).
    type: dict
  recreate:
    description:
      - When O(fields) differs from the existing schema's, delete the schema and create it again (the service cannot
        update it). Without it the module fails naming O(fields) and changes nothing.
      - The schema keeps its name and tags (the tags given, with O(purge_tags) applied to the current ones).
    type: bool
    default: false
  state:
    description:
      - V(present) creates the schema (or checks that it is as described); V(absent) deletes it. A schema that does
        not exist is left alone (not changed).
    type: str
    default: present
    choices: ['present', 'absent']
notes:
  - Tag keys and dataset types are kept exactly as written.
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
- name: The catalog columns recommenders train on
  awscx.customerprofiles.customerprofiles_recommender_schema:
    domain_name: retail-customers
    recommender_schema_name: catalog-columns
    fields:
      _catalogItem:
        - target_field_name: Attributes.Stock
          feature_type: CATEGORICAL
      _webAnalytics:
        - target_field_name: Location.City
    tags:
      Team: crm

- name: Other columns (the schema is deleted and created again)
  awscx.customerprofiles.customerprofiles_recommender_schema:
    domain_name: retail-customers
    recommender_schema_name: catalog-columns
    fields:
      _catalogItem:
        - target_field_name: Attributes.Stock
          feature_type: CATEGORICAL
    recreate: true

- name: Delete the schema
  awscx.customerprofiles.customerprofiles_recommender_schema:
    domain_name: retail-customers
    recommender_schema_name: catalog-columns
    state: absent
"""

RETURN = r"""
recommender_schema:
  description: The recommender schema as GetRecommenderSchema describes it, with its tags, in the module's option names; V({}) once absent.
  returned: always
  type: dict
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
recreated:
  description: Whether the schema was deleted and created again (O(recreate=true) and O(fields) differed).
  returned: always
  type: bool
  sample: false
diff:
  description: With C(--diff), the schema before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The schema before the run.
      type: dict
      sample: {}
    after:
      description: The schema after the run.
      type: dict
      sample: {"recommender_schema_name": "catalog-columns", "fields": {"_catalogItem": [{"target_field_name": "Attributes.Stock"}]}}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_schema import RecommenderSchemaResource


def main():
    run(RecommenderSchemaResource)


if __name__ == "__main__":
    main()

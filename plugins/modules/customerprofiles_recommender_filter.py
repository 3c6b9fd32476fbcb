#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_recommender_filter
version_added: 0.3.0
short_description: Manage a recommender filter of an Amazon Connect Customer Profiles domain
description:
  - Creates and deletes a recommender filter of an Amazon Connect Customer Profiles domain (CreateRecommenderFilter,
    DeleteRecommenderFilter). A filter says which items to include in or exclude from recommendations; callers name
    it in their GetProfileRecommendations requests.
  - The service has no update call for recommender filters. An option that differs from the filter fails, naming the
    options, and nothing is changed, unless O(recreate=true), which deletes the filter and creates it again. Tags
    change in place.
  - "B(Deleting a filter that is in use.) A filter is not stored with a recommender: each GetProfileRecommendations
    request names the filters it applies. The DeleteRecommenderFilter reference documents no check of who still names
    the filter, and no refusal: the service deletes it, and requests that name it no longer find it (with
    O(recreate=true), until it is created again). The module says so in a warning before the delete, in check mode
    too, and in the C(--diff) header."
  - A run that changes nothing makes one read call (GetRecommenderFilter, which also returns the tags) and no write
    call. Creating makes one CreateRecommenderFilter call (tags included), then one GetRecommenderFilter read for the
    filter's RV(recommender_filter.status). Tags of an existing filter change through TagResource and UntagResource
    on the filter's ARN (built from the caller's account, read once with C(sts:GetCallerIdentity)).
  - In check mode no write call is made; RV(recommender_filter) is the filter as it would be. With C(--diff),
    RV(diff.before) and RV(diff.after) are the filter before and after.
  - The recommender filter operations need botocore 1.42.66 or later, O(recommender_schema_name) botocore 1.42.90 or
    later; with an older botocore the module fails before any call, naming the release it needs.
  - "IAM actions used: C(profile:GetRecommenderFilter), C(profile:CreateRecommenderFilter),
    C(profile:DeleteRecommenderFilter), C(profile:TagResource), C(profile:UntagResource)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  recommender_filter_name:
    description:
      - The name of the recommender filter (1 to 63 letters, digits, underscores or hyphens), unique in the domain.
    type: str
    required: true
    aliases: ['name']
  recommender_filter_expression:
    description:
      - The filter expression that says which items to include in or exclude from recommendations (1 to 2500
        characters), for example C(EXCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY)). Placeholders such as
        C($CATEGORY) take their values from each GetProfileRecommendations request.
      - Required to create the filter. On an existing filter a different expression needs O(recreate=true).
    type: str
  recommender_schema_name:
    description:
      - The recommender schema whose columns the expression uses (1 to 64 letters, digits, underscores or hyphens);
        the service's default schema when not given. Before the filter is created the module reads the schema and
        fails naming this option when the domain has no such schema.
      - On an existing filter a different schema needs O(recreate=true).
    type: str
  description:
    description:
      - A description of the filter (1 to 1000 characters). On an existing filter a different description needs
        O(recreate=true).
    type: str
  recreate:
    description:
      - When an option differs from the existing filter, delete the filter and create it again (the service cannot
        update it). Without it the module fails naming the options and changes nothing.
      - The filter keeps its name, the members not given and its tags (the tags given, with O(purge_tags) applied to
        the current ones).
    type: bool
    default: false
  state:
    description:
      - V(present) creates the filter (or checks that it is as described); V(absent) deletes it. A filter that does
        not exist is left alone (not changed).
    type: str
    default: present
    choices: ['present', 'absent']
notes:
  - Tag keys are kept exactly as written.
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
- name: Recommend only items in stock
  awscx.customerprofiles.customerprofiles_recommender_filter:
    domain_name: retail-customers
    recommender_filter_name: in-stock-only
    recommender_filter_expression: EXCLUDE ItemID WHERE Items.STOCK IN ("none")
    description: Only items in stock
    tags:
      Team: crm

- name: Change the expression (the filter is deleted and created again)
  awscx.customerprofiles.customerprofiles_recommender_filter:
    domain_name: retail-customers
    recommender_filter_name: in-stock-only
    recommender_filter_expression: EXCLUDE ItemID WHERE Items.STOCK IN ("none", "preorder")
    recreate: true

- name: Delete the filter (requests that still name it stop finding it)
  awscx.customerprofiles.customerprofiles_recommender_filter:
    domain_name: retail-customers
    recommender_filter_name: in-stock-only
    state: absent
"""

RETURN = r"""
recommender_filter:
  description: The recommender filter as GetRecommenderFilter describes it, in the module's option names; V({}) once absent.
  returned: always
  type: dict
  contains:
    # BEGIN generated from tests/docs/blocks/recommender_filter_return.yml (make docs-modules)
    domain_name:
      description: The domain.
      type: str
      returned: when the filter exists
      sample: retail-customers
    recommender_filter_name:
      description: The name of the filter.
      type: str
      returned: when the filter exists
      sample: in-stock-only
    recommender_filter_expression:
      description: The filter expression (which items to include or exclude from recommendations).
      type: str
      returned: when the filter exists
      sample: EXCLUDE ItemID WHERE Items.STOCK IN ("none")
    recommender_schema_name:
      description: The recommender schema of the filter (the service's default schema when absent).
      type: str
      returned: when the filter has one
      sample: catalog-columns
    description:
      description: The description of the filter.
      type: str
      returned: when the filter has one
      sample: Only items in stock
    status:
      description: >-
        Read-only: V(ACTIVE), V(PENDING), V(IN_PROGRESS), V(FAILED) or V(DELETING), as the service reports it.
      type: str
      returned: when the filter exists (not in check mode before creation)
      sample: ACTIVE
    failure_reason:
      description: "Read-only: why the filter failed."
      type: str
      returned: when the status is V(FAILED)
      sample: The filter expression is not valid
    created_at:
      description: "Read-only: when the filter was created (ISO 8601)."
      type: str
      returned: when the filter exists (not in check mode before creation)
      sample: "2026-05-01T12:00:00+00:00"
    tags:
      description: The filter's tags, keys exactly as stored.
      type: dict
      returned: when the filter exists
      sample: {"Team": "crm"}
    # END generated recommender_filter_return
recreated:
  description: Whether the filter was deleted and created again (O(recreate=true) and an option differed).
  returned: always
  type: bool
  sample: false
diff:
  description: With C(--diff), the filter before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The filter before the run.
      type: dict
      sample: {}
    after:
      description: The filter after the run.
      type: dict
      sample: {"recommender_filter_name": "in-stock-only", "recommender_filter_expression": "EXCLUDE ItemID WHERE Items.STOCK IN (\"none\")"}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_filter import RecommenderFilterResource


def main():
    run(RecommenderFilterResource)


if __name__ == "__main__":
    main()

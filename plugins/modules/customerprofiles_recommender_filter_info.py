#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_recommender_filter_info
version_added: 0.3.0
short_description: Describe the recommender filters of an Amazon Connect Customer Profiles domain
description:
  - With O(recommender_filter_name), describes that filter (one GetRecommenderFilter call), or returns an empty list
    when it (or the domain) does not exist.
  - Without O(recommender_filter_name), describes every filter of the domain, with every page of
    ListRecommenderFilters and then one GetRecommenderFilter call per filter.
  - This module makes no change and supports check mode.
  - The recommender filter operations need botocore 1.42.66 or later; with an older botocore the module fails before
    any call, naming the release it needs.
  - "IAM actions used: C(profile:GetRecommenderFilter) and C(profile:ListRecommenderFilters) (without
    O(recommender_filter_name))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  recommender_filter_name:
    description:
      - The name of one recommender filter. When not given, every filter of the domain is described.
    type: str
    aliases: ['name']
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The domain's recommender filters
  awscx.customerprofiles.customerprofiles_recommender_filter_info:
    domain_name: retail-customers
  register: filters

- name: Fail when a filter did not become active
  ansible.builtin.assert:
    that:
      - filters.recommender_filters | rejectattr('status', 'equalto', 'ACTIVE') | list | length == 0
"""

RETURN = r"""
recommender_filters:
  description:
    - The filters, each in the form M(awscx.customerprofiles.customerprofiles_recommender_filter) returns.
  returned: always
  type: list
  elements: dict
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
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_filter import RecommenderFilterLister


def main():
    run_info(RecommenderFilterLister)


if __name__ == "__main__":
    main()

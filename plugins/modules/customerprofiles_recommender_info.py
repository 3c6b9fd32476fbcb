#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_recommender_info
version_added: 0.3.0
short_description: Describe the recommenders of an Amazon Connect Customer Profiles domain, and the recipes
description:
  - With O(recommender_name), describes that recommender (one GetRecommender call), or returns an empty list when
    it does not exist.
  - Without it, describes every recommender of the domain. The module follows every page of ListRecommenders, then
    makes one GetRecommender call per recommender. A recommender deleted between the listing and its description
    is left out.
  - With O(list_recipes=true), also lists the recipes a recommender can be created with (every page of
    ListRecommenderRecipes).
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:ListRecommenders) (without O(recommender_name)), C(profile:GetRecommender) and
    C(profile:ListRecommenderRecipes) (with O(list_recipes=true))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  recommender_name:
    description:
      - The name of one recommender. Left out, every recommender of the domain is described.
    type: str
    aliases: ['name']
  list_recipes:
    description:
      - Also list the recipes (RV(recipes)).
    type: bool
    default: false
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Describe one recommender
  awscx.customerprofiles.customerprofiles_recommender_info:
    domain_name: retail-customers
    recommender_name: for-you
  register: result

- name: Report its status
  ansible.builtin.debug:
    msg: "{{ result.recommenders[0].service_status | default('absent') }}"

- name: Every recommender of the domain, and the recipes
  awscx.customerprofiles.customerprofiles_recommender_info:
    domain_name: retail-customers
    list_recipes: true
  register: all_recommenders
"""

RETURN = r"""
recommenders:
  description:
    - The recommenders, each as M(awscx.customerprofiles.customerprofiles_recommender) returns it in
      RV(ignore:recommender).
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/recommender_return.yml (make docs-modules)
    domain_name:
      description: The domain.
      type: str
      returned: when the recommender exists
      sample: retail-customers
    recommender_name:
      description: The name of the recommender.
      type: str
      returned: when the recommender exists
      sample: for-you
    recommender_recipe_name:
      description: The recipe it was created with.
      type: str
      returned: when the recommender exists
      sample: recommended-for-you
    recommender_config:
      description: Its configuration, with the module's option names (dataset types of the columns as stored).
      type: dict
      returned: when set
      sample: {"events_config": {"event_parameters_list": [{"event_type": "purchase", "event_weight": 1.0}]},
               "training_frequency": 7, "included_columns": {"_webAnalytics": ["Item.Category"]}}
    description:
      description: The description.
      type: str
      returned: when set
      sample: Items each customer is likely to buy
    recommender_schema_name:
      description: The recommender schema it trains with (the domain's default schema when not reported).
      type: str
      returned: when set
      sample: catalog
    status:
      description:
        - The option's form of C(service_status), given back to the module unchanged; V(running) for
          V(ACTIVE) and the statuses on the way there (V(PENDING), V(IN_PROGRESS), V(STARTING)), V(stopped) for
          V(INACTIVE) and V(STOPPING), V(null) for V(FAILED) and V(DELETING).
      type: str
      returned: when the recommender exists
      sample: running
    service_status:
      description:
        - Read-only. The service's status of the recommender, V(PENDING), V(IN_PROGRESS) (training), V(ACTIVE),
          V(FAILED), V(STOPPING), V(INACTIVE), V(STARTING) or V(DELETING).
      type: str
      returned: when the recommender exists
      sample: ACTIVE
    failure_reason:
      description: Read-only. Why the recommender failed.
      type: str
      returned: when the service reports it
      sample: Not enough interactions to train on
    latest_recommender_update:
      description:
        - Read-only. The latest update's training (UpdateRecommender), with its own C(status), C(recommender_config),
          C(created_at), C(last_updated_at), C(failure_reason) and C(recommender_version_name).
      type: dict
      returned: when the recommender was updated
      sample: {"status": "ACTIVE", "recommender_version_name": "for-you/2026-07-02T10-00-00Z"}
    active_recommender_version_name:
      description: Read-only. The trained version that serves recommendations.
      type: str
      returned: when the service reports it
      sample: for-you/2026-07-02T10-00-00Z
    training_metrics:
      description: Read-only. Metrics of the latest trainings, when the service reports them.
      type: list
      elements: dict
      returned: when the service reports them
      sample: [{"time": "2026-07-02T10:00:00", "metrics": {"hit": 0.25, "coverage": 0.5}}]
    created_at:
      description: Read-only. When the recommender was created (ISO 8601).
      type: str
      returned: when the recommender exists (not in check mode before creation)
      sample: "2026-07-01T12:00:00+00:00"
    last_updated_at:
      description: Read-only. When the recommender was last changed (ISO 8601).
      type: str
      returned: when the recommender exists (not in check mode before creation)
      sample: "2026-07-02T08:30:00+00:00"
    tags:
      description: The tags, keys exactly as stored.
      type: dict
      returned: when the recommender exists
      sample: {"Team": "marketing"}
    # END generated recommender_return
recipes:
  description: The recipes, with O(list_recipes=true).
  returned: with O(list_recipes=true)
  type: list
  elements: dict
  contains:
    name:
      description: The recipe's name, the value of the recommender's C(recommender_recipe_name).
      type: str
      sample: recommended-for-you
    description:
      description: What the recipe recommends.
      type: str
      sample: Items a profile is likely to interact with
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender import RecommenderLister


def main():
    run_info(RecommenderLister)


if __name__ == "__main__":
    main()

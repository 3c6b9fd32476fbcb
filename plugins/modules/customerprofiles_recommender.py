#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_recommender
version_added: 0.3.0
short_description: Manage a recommender of an Amazon Connect Customer Profiles domain
description:
  - Creates, updates, starts, stops and deletes one recommender of a Customer Profiles domain, the model that
    GetProfileRecommendations asks for the items a customer is likely to want.
  - Every member of the CreateRecommender request is an option. An option left out leaves that member as it is;
    O(recommender_config), when given, is the complete configuration (its sub-options left out are not kept).
  - O(description) and O(recommender_config) change in place (one UpdateRecommender call, which trains the
    recommender again). A difference in O(recommender_recipe_name) or O(recommender_schema_name) fails before any
    write, naming those options, unless O(recreate=true).
  - B(Warning:) with O(recreate=true) the recommender is deleted and created again (DeleteRecommender, then
    CreateRecommender with the members given and the current values of those left out, tags included); its
    training starts over and GetProfileRecommendations gets nothing from it until the new one is V(ACTIVE).
  - O(status) starts (StartRecommender) or stops (StopRecommender) the recommender. A new recommender is
    V(PENDING), then V(IN_PROGRESS) while it trains, then V(ACTIVE) (or V(FAILED)); StopRecommender takes an
    V(ACTIVE) one through V(STOPPING) to V(INACTIVE), StartRecommender an V(INACTIVE) one through V(STARTING) back
    to V(ACTIVE). StartRecommender starts only a stopped recommender and StopRecommender stops only an V(ACTIVE)
    one, and an update is made only once the recommender has settled; so a recommender on its way to another
    status is waited for first (O(wait)), or the module fails before any write naming its status. A V(FAILED)
    recommender cannot be started or stopped; O(status) then fails naming the service's failure reason, unless
    O(recreate=true) creates it again. A recommender being deleted (V(DELETING)) fails any change.
  - With O(wait) (the default), after its calls the module reads the recommender (GetRecommender) after 1, 2, 4, 8,
    15 and then every 30 seconds until what the calls started has settled (V(ACTIVE), V(INACTIVE) or V(FAILED),
    and the latest update's training too), at most O(wait_timeout) seconds; then it warns and succeeds (what was
    asked is done and goes on by itself). Training a recommender can take longer than that.
  - A run that changes nothing makes exactly one read call (GetRecommender, which also returns the tags) and no
    write call. Tags of an existing recommender change only through TagResource and UntagResource on its ARN,
    which one STS GetCallerIdentity call builds (account and partition) when a tag call is to be made.
  - Bad input (lengths, patterns, enums, ranges, required members of the service model, at every level of
    O(recommender_config)) fails before any API call, naming the option path and never repeating the value.
    On a botocore too old for the recommender operations, or for a member given (O(recommender_config.excluded_columns),
    O(recommender_config.diversity_config)), the module fails naming the botocore release it needs.
  - In check mode no write call is made; RV(recommender) is the recommender as it would be.
    With C(--diff), RV(diff.before) and RV(diff.after) are the recommender before and as it would be after.
  - A failure after a write (for example the create of a replacement failing after the delete succeeded)
    reports C(changed=true).
  - "IAM actions used: C(profile:GetRecommender), C(profile:CreateRecommender), C(profile:UpdateRecommender),
    C(profile:StartRecommender), C(profile:StopRecommender), C(profile:DeleteRecommender),
    C(profile:GetRecommenderSchema) (O(recommender_schema_name) of a create: a missing schema fails naming it),
    C(profile:TagResource) (tags given on create or changed on update), C(profile:UntagResource) and
    C(sts:GetCallerIdentity) (only when tags of an existing recommender change)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  recommender_name:
    description:
      - The name of the recommender, 1 to 64 letters, digits, underscores or hyphens.
    type: str
    required: true
    aliases: ['name']
  state:
    description:
      - V(present) creates or updates the recommender, V(absent) deletes it (DeleteRecommender, whatever its status).
    type: str
    choices: ['present', 'absent']
    default: present
  recommender_recipe_name:
    description:
      - The recipe, V(recommended-for-you), V(similar-items), V(frequently-paired-items), V(popular-items),
        V(trending-now) or V(personalized-ranking) (M(awscx.customerprofiles.customerprofiles_recommender_info)
        lists them with O(awscx.customerprofiles.customerprofiles_recommender_info#module:list_recipes=true)).
      - Required to create. Cannot be updated; a difference needs O(recreate=true).
    type: str
  recommender_config:
    description:
      - How the recommender trains and serves; the complete configuration. Updated in place.
    type: dict
    suboptions:
      events_config:
        description: How events are used.
        type: dict
        suboptions:
          event_parameters_list:
            description: The event types used in training, 1 to 10.
            type: list
            elements: dict
            required: true
            suboptions:
              event_type:
                description: The event type, such as V(purchase), V(click) or V(view).
                type: str
                required: true
              event_value_threshold:
                description: The minimum value an event must have to be used.
                type: float
              event_weight:
                description: The weight of the event type, 0 to 1.
                type: float
      training_frequency:
        description:
          - How often (in days, 0 to 30) the recommender trains again with new data; V(0) turns automatic
            retraining off.
        type: int
      inference_config:
        description: How the recommender serves.
        type: dict
        suboptions:
          min_provisioned_tps:
            description: The minimum requests a second it serves (1 to 1000; the API member MinProvisionedTPS).
            type: int
      included_columns:
        description:
          - Dataset type (V(_webAnalytics), V(_catalogItem)) to the columns to train on, a subset of the columns of
            the recommender schema. Mutually exclusive with O(recommender_config.excluded_columns).
        type: dict
      excluded_columns:
        description:
          - Dataset type (V(_webAnalytics), V(_catalogItem)) to the columns not to train on. Mutually exclusive
            with O(recommender_config.included_columns). Needs botocore 1.43.12 or later.
        type: dict
      diversity_config:
        description:
          - Caps on the recommended items that share a value of an item column. Needs botocore 1.43.40 or later.
        type: dict
        suboptions:
          diversity_columns:
            description: Up to two columns, each with its cap.
            type: list
            elements: dict
            suboptions:
              name:
                description: The item catalog column.
                type: str
                required: true
              cap_type:
                description: V(PERCENTAGE) (of the items returned) or V(VALUE) (a count).
                type: str
                required: true
              target:
                description: The cap, an integer such as V(25), or V($name) given at inference time.
                type: str
                required: true
  description:
    description:
      - The description, 1 to 1000 characters. Updated in place.
    type: str
  recommender_schema_name:
    description:
      - The recommender schema (M(awscx.customerprofiles.customerprofiles_recommender_schema)) to train with; left
        out on create, the domain's default schema. Cannot be updated; a difference needs O(recreate=true).
    type: str
  status:
    description:
      - V(running) starts a stopped recommender (StartRecommender); V(stopped) stops a running one
        (StopRecommender), which stops its billing and retraining. Left out, the status is left as it is (a new
        recommender trains and runs).
      - A new recommender with V(stopped) is created, waited for until its training is done, then stopped (it
        needs O(wait=true)).
    type: str
    choices: ['running', 'stopped']
  wait:
    description:
      - Wait until what the calls started has settled (see the description), and wait for a recommender on its way
        to another status before a call that needs it settled. Without it, such a call fails before any write.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds O(wait) waits at most, each time.
    type: int
    default: 600
  recreate:
    description:
      - Delete the recommender and create it again when a member the service cannot update differs, or when it
        FAILED and O(status) is given.
      - B(Its training starts over.)
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
- name: Items each customer is likely to buy, trained on purchases and views
  awscx.customerprofiles.customerprofiles_recommender:
    domain_name: retail-customers
    recommender_name: for-you
    recommender_recipe_name: recommended-for-you
    description: Items each customer is likely to buy
    recommender_config:
      events_config:
        event_parameters_list:
          - event_type: purchase
            event_weight: 1.0
          - event_type: view
            event_weight: 0.3
      training_frequency: 7
    tags:
      Team: marketing
  register: created

- name: Stop it over the weekend (no billing, no retraining)
  awscx.customerprofiles.customerprofiles_recommender:
    domain_name: retail-customers
    name: for-you
    status: stopped

- name: Start it again without waiting for it to be ACTIVE
  awscx.customerprofiles.customerprofiles_recommender:
    domain_name: retail-customers
    name: for-you
    status: running
    wait: false

- name: Delete the recommender
  awscx.customerprofiles.customerprofiles_recommender:
    domain_name: retail-customers
    name: for-you
    state: absent
"""

RETURN = r"""
recommender:
  description:
    - The recommender after the run, with the module's option names (V({}) after O(state=absent)).
    - In check mode, the recommender as it would be; what only the service knows (timestamps, versions) is left
      out of a recommender not created yet.
  returned: always
  type: dict
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
recreated:
  description: Whether the recommender was deleted and created again (O(recreate=true)); in check mode, whether it would be.
  returned: always
  type: bool
  sample: false
failure_reason:
  description: When O(status) meets a FAILED recommender, the service's reason.
  returned: on that failure
  type: str
  sample: Not enough interactions to train on
diff:
  description:
    - With C(--diff), the recommender before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The recommender before the run.
      type: dict
    after:
      description: The recommender as it is (or would be) after the run.
      type: dict
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender import RecommenderResource


def main():
    run(RecommenderResource)


if __name__ == "__main__":
    main()

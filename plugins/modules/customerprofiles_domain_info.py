#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_domain_info
version_added: 0.1.0
short_description: Describe Amazon Connect Customer Profiles domains
description:
  - With O(domain_name), describes that domain fully (one GetDomain call), or returns an empty list
    when it does not exist.
  - Without O(domain_name), describes every domain of the region. The module follows every page of
    ListDomains, then calls GetDomain once per domain so that each item is fully described (statistics,
    matching, tags); for a region with N domains that is N GetDomain calls plus one ListDomains call
    per 100 domains.
  - A domain deleted between the listing and its description is left out.
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:ListDomains) (without O(domain_name)) and C(profile:GetDomain)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  domain_name:
    description:
      - The name of one domain to describe (1 to 64 letters, digits, underscores or hyphens).
      - When not given, every domain of the region is described.
    type: str
    aliases: ['name']
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
"""

EXAMPLES = r"""
- name: Describe one domain
  awscx.customerprofiles.customerprofiles_domain_info:
    domain_name: retail-customers
  register: result

- name: Fail unless the domain exists
  ansible.builtin.assert:
    that: result.domains | length == 1

- name: Describe every domain of the region
  awscx.customerprofiles.customerprofiles_domain_info:
  register: all_domains

- name: Names of the domains holding profiles
  ansible.builtin.debug:
    msg: "{{ all_domains.domains | selectattr('stats.profile_count') | map(attribute='domain_name') | list }}"
"""

RETURN = r"""
domains:
  description:
    - The domains, each as GetDomain describes it, in snake_case (the form
      M(awscx.customerprofiles.customerprofiles_domain) returns as RV(awscx.customerprofiles.customerprofiles_domain#module:domain)).
    - Empty when O(domain_name) names a domain that does not exist.
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/domain_return.yml (make docs-modules)
    domain_name:
      description: The name of the domain.
      type: str
      returned: when the domain exists
      sample: retail-customers
    default_expiration_days:
      description: The default number of days until data expires.
      type: int
      returned: when the domain exists
      sample: 365
    default_encryption_key:
      description: The KMS key ARN used to encrypt the domain's data.
      type: str
      returned: when set
      sample: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
    dead_letter_queue_url:
      description: The SQS dead letter queue URL.
      type: str
      returned: when set
      sample: https://sqs.us-east-1.amazonaws.com/123456789012/profiles-dlq
    matching:
      description: The identity resolution configuration, with the module's option names.
      type: dict
      returned: when set
      sample:
        enabled: true
        job_schedule:
          day_of_the_week: MONDAY
          time: "03:00"
        auto_merging:
          enabled: true
          consolidation:
            matching_attributes_list: [[EmailAddress]]
          conflict_resolution:
            conflict_resolving_model: RECENCY
          min_allowed_confidence_score_for_merging: 0.9
        exporting_config:
          s3_exporting:
            s3_bucket_name: my-results
            s3_key_name: matches/
    rule_based_matching:
      description: The rule-based matching configuration, with the module's option names, and its C(status).
      type: dict
      returned: when set
      sample:
        enabled: true
        status: ACTIVE
        matching_rules:
          - rule: [EmailAddress]
        max_allowed_rule_level_for_merging: 1
        max_allowed_rule_level_for_matching: 1
        attribute_types_selector:
          attribute_matching_model: ONE_TO_ONE
          email_address: [EmailAddress]
        conflict_resolution:
          conflict_resolving_model: RECENCY
    data_store:
      description: The data store configuration and readiness.
      type: dict
      returned: when set
      sample:
        enabled: true
        readiness:
          progress_percentage: 100
          message: Ready
    stats:
      description: Usage statistics of the domain.
      type: dict
      returned: when the domain exists
      contains:
        profile_count:
          description: The number of profiles.
          type: int
          sample: 42
        metering_profile_count:
          description: The number of profiles metered this month.
          type: int
          sample: 42
        object_count:
          description: The number of profile objects.
          type: int
          sample: 120
        total_size:
          description: The total size of the domain's data, in bytes.
          type: int
          sample: 65536
    created_at:
      description: When the domain was created (ISO 8601).
      type: str
      returned: when the domain exists (not in check mode before creation)
      sample: "2024-05-01T12:00:00+00:00"
    last_updated_at:
      description: When the domain was last updated (ISO 8601).
      type: str
      returned: when the domain exists (not in check mode before creation)
      sample: "2024-05-02T08:30:00+00:00"
    tags:
      description: The domain's tags, keys exactly as stored.
      type: dict
      returned: when the domain exists
      sample: {"CostCenter": "retail", "Environment": "prod"}
    # END generated domain_return
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain import DomainLister


def main():
    run_info(DomainLister)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_intent_definition_info
version_added: 0.3.0
short_description: Describe the intent definitions of an Amazon Connect Customer Profiles domain, and the intent types
description:
  - With O(intent_domain), describes the intent definition of that intent domain (GetIntentDefinition), or returns an
    empty list when it (or the domain) does not exist.
  - Without O(intent_domain), describes the definition of every intent domain. The service has no list operation, so
    the module makes one GetIntentDefinition call per intent domain of botocore's model (today only V(DEFAULT)).
  - Each definition's tags are read with ListTagsForResource on its ARN, built from the caller's account (read once
    with C(sts:GetCallerIdentity)).
  - With O(list_intent_types=true), also returns the intent types the service offers (ListIntentTypes, every page).
  - "B(botocore.) The intent definition operations are in botocore 1.44.18 and later. With an older botocore the module
    fails before any call, naming the botocore release it needs."
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:GetIntentDefinition), C(profile:ListTagsForResource), C(sts:GetCallerIdentity) and
    C(profile:ListIntentTypes) (with O(list_intent_types=true))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  intent_domain:
    description:
      - The intent domain of one definition (the service supports only V(DEFAULT)). When not given, the definition of
        every intent domain is described.
    type: str
    aliases: ['name']
  list_intent_types:
    description:
      - Also return RV(intent_types), the intent types the service offers, grouped by intent domain.
    type: bool
    default: false
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The intent definition of the domain, and the intent types the service offers
  awscx.customerprofiles.customerprofiles_intent_definition_info:
    domain_name: retail-customers
    list_intent_types: true
  register: intents

- name: The intent types that can be enabled
  ansible.builtin.debug:
    msg: "{{ intents.intent_types | map(attribute='types') | flatten | map(attribute='intent_type') | list }}"
"""

RETURN = r"""
intent_definitions:
  description:
    - The definitions, each in the form M(awscx.customerprofiles.customerprofiles_intent_definition) returns.
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/intent_definition_return.yml (make docs-modules)
    domain_name:
      description: The domain.
      type: str
      returned: when the definition exists
      sample: retail-customers
    intent_domain:
      description: The intent domain of the definition.
      type: str
      returned: when the definition exists
      sample: DEFAULT
    intents:
      description: The intent configurations, each with the one intent type it configures, with the module's option names.
      type: list
      elements: dict
      returned: when the definition exists
      sample: [{"price_sensitivity_config": {"enabled": true}}, {"last_search_intent_config": {"enabled": false}}]
    intent_definition_arn:
      description:
        - The ARN of the definition (read-only). The service returns it only from PutIntentDefinition; otherwise the module
          builds it from the caller's account, as C(arn:aws:profile:<region>:<account>:domains/<domain>/intents/<intent domain>).
      type: str
      returned: when the definition exists (not in check mode before creation)
      sample: arn:aws:profile:us-east-1:123456789012:domains/retail-customers/intents/DEFAULT
    created_at:
      description: When the definition was created (ISO 8601, read-only).
      type: str
      returned: when the definition exists (not in check mode before creation)
      sample: "2026-12-01T12:00:00+00:00"
    last_updated_at:
      description: When the definition was last changed (ISO 8601, read-only).
      type: str
      returned: when the definition exists (not in check mode before creation)
      sample: "2026-12-02T08:30:00+00:00"
    tags:
      description: The definition's tags (ListTagsForResource), keys exactly as stored.
      type: dict
      returned: when the definition exists
      sample: {"Team": "analytics"}
    # END generated intent_definition_return
intent_types:
  description: The intent types the service offers (ListIntentTypes), grouped by intent domain.
  returned: when O(list_intent_types=true)
  type: list
  elements: dict
  contains:
    intent_domain:
      description: The intent domain.
      type: str
      sample: DEFAULT
    types:
      description: The intent types of the intent domain.
      type: list
      elements: dict
      contains:
        intent_type:
          description:
            - The intent type. V(PRICE_SENSITIVITY) is enabled by an entry C(price_sensitivity_config) of
              O(awscx.customerprofiles.customerprofiles_intent_definition#module:intents), and so on for each type.
          type: str
          sample: PRICE_SENSITIVITY
        description:
          description: What the intent type computes, as the service describes it.
          type: str
          sample: How sensitive the profile is to price.
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.intent_definition import IntentDefinitionLister


def main():
    run_info(IntentDefinitionLister)


if __name__ == "__main__":
    main()

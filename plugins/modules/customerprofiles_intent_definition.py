#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_intent_definition
version_added: 0.3.0
short_description: Manage the intent definition of an Amazon Connect Customer Profiles domain (Predictive Intent)
description:
  - Creates, updates and deletes the intent definition of an intent domain in an Amazon Connect Customer Profiles
    domain (PutIntentDefinition, DeleteIntentDefinition). The definition says which Predictive Intent types the domain
    computes for its profiles (price sensitivity, a web session summary, upgrade and upsell propensity, the last search
    intent); an event trigger's C(intent_filter_definition) can then filter on them
    (M(awscx.customerprofiles.customerprofiles_event_trigger)).
  - PutIntentDefinition replaces the whole definition. An option left out keeps its current value (the module sends
    it); a given O(intents) is the complete list.
  - "B(botocore.) The intent definition operations are in botocore 1.44.18 and later. With an older botocore the module
    fails before any call, naming the botocore release it needs."
  - A run that changes nothing makes GetIntentDefinition and ListTagsForResource (GetIntentDefinition returns neither
    the tags nor the ARN) and no write call. Creating makes one PutIntentDefinition call (tags included); a change of
    O(intents) makes one PutIntentDefinition call. The service takes tags only when it creates the definition, so the
    tags of an existing one change through TagResource and UntagResource. The ARN these calls need is built from the
    caller's account, read once with C(sts:GetCallerIdentity), as
    C(arn:aws:profile:<region>:<account>:domains/<domain>/intents/<intent domain>).
  - In check mode no write call is made; RV(intent_definition) is the definition as it would be. With C(--diff),
    RV(diff.before) and RV(diff.after) are the definition before and after.
  - "IAM actions used: C(profile:GetIntentDefinition), C(profile:PutIntentDefinition),
    C(profile:DeleteIntentDefinition), C(profile:ListTagsForResource), C(profile:TagResource),
    C(profile:UntagResource) and C(sts:GetCallerIdentity)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  intent_domain:
    description:
      - The intent domain of the definition. The service supports only V(DEFAULT).
    type: str
    required: true
    aliases: ['name']
  intents:
    description:
      - 1 to 20 intent configurations; each sets exactly one of its suboptions, the intent type it configures, and each
        intent type appears at most once. At least one intent type must be enabled.
      - Required to create the definition. A given O(intents) is the complete list (the service keeps its order).
    type: list
    elements: dict
    suboptions:
      price_sensitivity_config:
        description: The C(PRICE_SENSITIVITY) intent type.
        type: dict
        suboptions:
          enabled:
            description: Whether the intent type is enabled.
            type: bool
            required: true
      web_session_summary_config:
        description: The C(WEB_SESSION_SUMMARY) intent type (it cannot be used in an event trigger's intent filter).
        type: dict
        suboptions:
          enabled:
            description: Whether the intent type is enabled.
            type: bool
            required: true
      upgrade_upsell_propensity_config:
        description: The C(UPGRADE_UPSELL_PROPENSITY) intent type.
        type: dict
        suboptions:
          enabled:
            description: Whether the intent type is enabled.
            type: bool
            required: true
      last_search_intent_config:
        description: The C(LAST_SEARCH_INTENT) intent type.
        type: dict
        suboptions:
          enabled:
            description: Whether the intent type is enabled.
            type: bool
            required: true
  state:
    description:
      - V(present) creates or updates the definition; V(absent) deletes it. A definition that does not exist is left
        alone (not changed).
    type: str
    default: present
    choices: ['present', 'absent']
notes:
  - Tag keys are kept exactly as written.
  - Bad option values fail before any API call, with a message naming the option (for example
    O(intents[0].price_sensitivity_config.enabled)) and the rule broken, never the value.
  - Throttling and server errors are retried with jittered backoff.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Compute price sensitivity and the last search intent of every profile
  awscx.customerprofiles.customerprofiles_intent_definition:
    domain_name: retail-customers
    intent_domain: DEFAULT
    intents:
      - price_sensitivity_config:
          enabled: true
      - last_search_intent_config:
          enabled: true
    tags:
      Team: analytics

- name: Change only the tags (the intents stay as they are)
  awscx.customerprofiles.customerprofiles_intent_definition:
    domain_name: retail-customers
    intent_domain: DEFAULT
    tags:
      Team: marketing

- name: Stop computing the last search intent (intents is the complete list)
  awscx.customerprofiles.customerprofiles_intent_definition:
    domain_name: retail-customers
    intent_domain: DEFAULT
    intents:
      - price_sensitivity_config:
          enabled: true
      - last_search_intent_config:
          enabled: false
"""

RETURN = r"""
intent_definition:
  description: The intent definition, in snake_case; V({}) once absent.
  returned: always
  type: dict
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
diff:
  description: With C(--diff), the definition before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The definition before the run.
      type: dict
      sample: {}
    after:
      description: The definition after the run.
      type: dict
      sample: {"intent_domain": "DEFAULT", "intents": [{"price_sensitivity_config": {"enabled": true}}]}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.intent_definition import IntentDefinitionResource


def main():
    run(IntentDefinitionResource)


if __name__ == "__main__":
    main()

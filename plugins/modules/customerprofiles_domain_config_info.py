#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_domain_config_info
version_added: 0.3.0
short_description: Export the whole configuration of a Customer Profiles domain as one document
description:
  - Reads an Amazon Connect Customer Profiles domain (one made in the Amazon Connect console, say) and returns its
    configuration as the document that M(awscx.customerprofiles.customerprofiles_domain_config) takes (the
    domain's settings and every resource of every kind, each in the options of its own module; the kinds are
    those of O(awscx.customerprofiles.customerprofiles_domain_config#module:config)).
  - Nothing read-only is exported (no ARN the service assigns, no time, statistic or status; a recommender's
    C(status) is its module's option, V(running) or V(stopped), not the service's status), nor the options
    that say how to act (C(state), C(purge_tags), C(recreate), C(force)), so RV(config) can be given straight
    back (applied to the same domain it makes no write call).
  - An object type made from a template is exported with its C(template_id) and the members a user may set
    with it, not the fields, keys and settings the template supplies.
  - Reads one List call per kind (every page), then one Get call per resource (the integrations' list items are
    complete), at most O(max_concurrency) at a time under O(rate_limit), and GetDomain. Intent definitions have no
    List call, so the module makes one GetIntentDefinition per intent domain of botocore's model (none with a
    botocore older than 1.44.18, and RV(not_exported) then names C(intent_definitions) and the release they
    need) and reads their tags with ListTagsForResource (the ARN built from the caller's account,
    C(sts:GetCallerIdentity)). Segment subscriptions have no List call either, so one more ListSegmentDefinitions,
    then one GetSegmentSubscription per segment definition. The stream for segments is one GetStreamForSegments
    (a disassociated stream is not exported). Both need botocore 1.43.84; with an older one RV(not_exported) names
    them.
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:GetDomain), and the List and Get actions of every kind: C(profile:ListProfileObjectTypes),
    C(profile:GetProfileObjectType), C(profile:ListDomainObjectTypes), C(profile:GetDomainObjectType),
    C(profile:ListCalculatedAttributeDefinitions), C(profile:GetCalculatedAttributeDefinition),
    C(profile:ListSegmentDefinitions), C(profile:GetSegmentDefinition), C(profile:ListRecommenderSchemas),
    C(profile:GetRecommenderSchema), C(profile:ListRecommenderFilters), C(profile:GetRecommenderFilter),
    C(profile:ListEventTriggers), C(profile:GetEventTrigger), C(profile:ListIntegrations), C(profile:ListEventStreams),
    C(profile:GetEventStream), C(profile:ListRecommenders), C(profile:GetRecommender), C(profile:GetIntentDefinition),
    C(profile:GetSegmentSubscription), C(profile:GetStreamForSegments);
    C(profile:ListTagsForResource) for the tags of recommender schemas and intent definitions (with
    C(sts:GetCallerIdentity))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  substitutions:
    description:
      - Literal text to replace (key) by its replacement (value) in every string value of RV(config), to move a
        configuration to another account or region (for example the account id, the region, an Amazon Connect
        instance ARN, a bucket name). The longest text is replaced first, in one pass.
      - Map keys (field names, key names, tag keys) are names and are kept as they are.
    type: dict
    default: {}
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
  - awscx.customerprofiles.read_concurrency
seealso:
  - module: awscx.customerprofiles.customerprofiles_domain_config
"""

EXAMPLES = r"""
- name: Export a domain made in the console
  awscx.customerprofiles.customerprofiles_domain_config_info:
    domain_name: retail-customers
  register: exported

- name: Save it as a vars file, to keep it as code
  ansible.builtin.copy:
    content: "{{ exported.config | to_nice_yaml }}"
    dest: "{{ playbook_dir }}/retail-customers.yml"
    mode: "0644"

- name: Export it for another account and region
  awscx.customerprofiles.customerprofiles_domain_config_info:
    domain_name: retail-customers
    substitutions:
      "111111111111": "222222222222"
      us-east-1: eu-west-2
  register: for_production

- name: What still names the first account or region
  ansible.builtin.debug:
    var: for_production.account_specific
"""

RETURN = r"""
config:
  description:
    - The document, as O(awscx.customerprofiles.customerprofiles_domain_config#module:config) takes it, with
      O(substitutions) made. V({}) when the domain does not exist.
    - C(domain), the options of M(awscx.customerprofiles.customerprofiles_domain) (without C(domain_name)).
    - Every kind of O(awscx.customerprofiles.customerprofiles_domain_config#module:config) (C(object_types), ...),
      each a list (sorted by name) of dicts with the options of that kind's module, in the form that module
      returns them.
  returned: always
  type: dict
  sample:
    domain: {"default_expiration_days": 365, "tags": {"Team": "crm"}}
    object_types: [{"object_type_name": "Order", "description": "Orders", "template_id": null}]
    calculated_attributes: []
    segment_definitions: []
    segment_streams: []
    segment_subscriptions: []
    intent_definitions: [{"intent_domain": "DEFAULT", "intents": [{"price_sensitivity_config": {"enabled": true}}]}]
    event_triggers: []
    integrations: [{"uri": "arn:aws:connect:us-east-1:111111111111:instance/1", "object_type_name": "CTR"}]
    event_streams: []
    recommenders: [{"recommender_name": "for-you", "recommender_recipe_name": "recommended-for-you", "status": "running"}]
not_exported:
  description:
    - What the service never returns, so the document cannot hold it; give it yourself before applying the
      document to another domain.
    - Also a kind that the installed botocore cannot read (C(intent_definitions) before botocore 1.44.18,
      C(segment_streams) and C(segment_subscriptions) before 1.43.84), its key as the path.
  returned: always
  type: list
  elements: dict
  contains:
    path:
      description: Where it would be in RV(config), in the form of the error messages.
      type: str
      sample: integrations[0].flow_definition
    reason:
      description: Why it is not exported.
      type: str
      sample: GetIntegration never returns an Amazon AppFlow integration's flow definition
account_specific:
  description:
    - The paths in RV(config) of the string values that hold an ARN or a URL, the region of the task, a 12-digit
      number (an account id) or the name of a resource outside the domain (an S3 bucket); what to look at, and
      substitute, before applying the document in another account or region.
  returned: always
  type: list
  elements: str
  sample: ["domain.dead_letter_queue_url", "integrations[0].uri"]
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain_config import DomainConfigLister


def main():
    run_info(DomainConfigLister)


if __name__ == "__main__":
    main()

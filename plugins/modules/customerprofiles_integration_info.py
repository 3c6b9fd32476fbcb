#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_integration_info
version_added: 0.2.0
short_description: Describe the integrations of an Amazon Connect Customer Profiles domain
description:
  - With O(uri), describes that integration (one GetIntegration call), or returns an empty list when it (or the domain)
    does not exist.
  - Without O(uri), describes every integration of the domain, following every page of ListIntegrations
    (one call per 100 integrations).
  - The flow definition of an AppFlow integration is never returned (the service does not return it).
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:GetIntegration) (with O(uri)) and C(profile:ListIntegrations) (without)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  uri:
    description:
      - The URI of one integration (for Amazon Connect, the instance ARN).
      - When not given, every integration of the domain is described.
    type: str
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Is the Amazon Connect instance connected to the domain?
  awscx.customerprofiles.customerprofiles_integration_info:
    domain_name: retail-customers
    uri: arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555
  register: connect_integration

- name: Every integration of the domain
  awscx.customerprofiles.customerprofiles_integration_info:
    domain_name: retail-customers
  register: all_integrations

- name: The URIs of the sources
  ansible.builtin.debug:
    msg: "{{ all_integrations.integrations | map(attribute='uri') | list }}"
"""

RETURN = r"""
integrations:
  description:
    - The integrations, each as GetIntegration describes it, in snake_case (the form
      M(awscx.customerprofiles.customerprofiles_integration) returns).
    - Empty when O(uri) names an integration that does not exist.
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/integration_return.yml (make docs-modules)
    domain_name:
      description: The domain.
      type: str
      returned: when the integration exists
      sample: retail-customers
    uri:
      description: The URI of the source.
      type: str
      returned: when the integration exists
      sample: arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555
    object_type_name:
      description: The object type.
      type: str
      returned: when set
      sample: CTR
    object_type_names:
      description: The map of event types to object types, keys as stored.
      type: dict
      returned: when set
      sample: {"ShopifyCreateCustomers": "ShopifyCustomer"}
    role_arn:
      description: The IAM role of the integration.
      type: str
      returned: when set
      sample: arn:aws:iam::123456789012:role/profiles-appflow
    event_trigger_names:
      description: The event triggers of the integration (empty when none).
      type: list
      elements: str
      returned: when the integration exists
      sample: ["high-value-order"]
    scope:
      description: V(PROFILE) or V(DOMAIN).
      type: str
      returned: when the integration exists
      sample: PROFILE
    is_unstructured:
      description: Whether the integration ingests unstructured data (object type V(_unstructured)).
      type: bool
      returned: when the integration exists
      sample: false
    workflow_id:
      description: The workflow the service runs for the integration, if any.
      type: str
      returned: when set
      sample: 1234abcd-12ab-34cd-56ef-1234567890ab
    created_at:
      description: When the integration was created (ISO 8601).
      type: str
      returned: when the integration exists (not in check mode before creation)
      sample: "2024-05-01T12:00:00+00:00"
    last_updated_at:
      description: When the integration was last changed (ISO 8601).
      type: str
      returned: when the integration exists (not in check mode before creation)
      sample: "2024-05-02T08:30:00+00:00"
    tags:
      description: The integration's tags, keys exactly as stored.
      type: dict
      returned: when the integration exists
      sample: {"Team": "contact-center"}
    # END generated integration_return
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.integration import IntegrationLister


def main():
    run_info(IntegrationLister)


if __name__ == "__main__":
    main()

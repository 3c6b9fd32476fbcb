#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_integration
version_added: 0.2.0
short_description: Connect a source (an Amazon Connect instance, an AppFlow flow, S3, EventBridge) to a Customer Profiles domain
description:
  - Creates, updates and deletes one integration of an Amazon Connect Customer Profiles domain (PutIntegration,
    DeleteIntegration). The integration is identified by O(uri).
  - The most common integration is the one of an Amazon Connect instance, whose O(uri) is the instance ARN
    (C(arn:aws:connect:<region>:<account>:instance/<instance id>)); it makes the instance's contact records
    reach the domain, mapped by the object type named in O(object_type_name) (for example the C(CTR) type
    that Amazon Connect's own template creates). See the notes for what the Amazon Connect console does beyond this call.
  - PutIntegration replaces the whole definition of an existing integration. An option left out keeps its
    current value (the module sends it again); an option given replaces it. O(role_arn="") and
    O(event_trigger_names=[]) remove the role and the event trigger.
  - O(flow_definition) (an Amazon AppFlow flow) is sent when the integration is created. The service never returns it
    (GetIntegration and ListIntegrations have no such member), so the module cannot compare it; on an existing
    integration it is sent only with O(update_flow_definition=true), and then on every run (that run reports a change).
    Without O(update_flow_definition=true) a O(flow_definition) given for an existing integration is not sent, with a warning.
  - A run that changes nothing makes one read call (GetIntegration, which also returns the tags) and no write call.
    Creating makes one PutIntegration call (tags included). Updating makes one PutIntegration call when the definition
    changes. Tags of an existing integration change only through TagResource and UntagResource (the PutIntegration
    reference sends them there), on the integration's ARN, which one STS GetCallerIdentity call builds
    (C(arn:aws:profile:<region>:<account>:domains/<domain>/integrations/<uri>)).
  - The object types named must exist in the domain (the service refuses the call otherwise), except V(_unstructured),
    which makes an unstructured AppFlow integration.
  - In check mode no write call is made; RV(integration) is the integration as it would be.
    With C(--diff), RV(diff.before) and RV(diff.after) are the integration before and as it would be after.
  - "IAM actions used: C(profile:GetIntegration), C(profile:PutIntegration), C(profile:DeleteIntegration),
    C(profile:TagResource), C(profile:UntagResource) and C(sts:GetCallerIdentity) (the last three only when tags of an
    existing integration change). An AppFlow flow also needs the AppFlow permissions of the PutIntegration reference."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  uri:
    description:
      - The URI of the source, 1 to 255 characters; the identity of the integration.
      - For Amazon Connect, the instance ARN. For AppFlow, the flow ARN (C(arn:aws:appflow:<region>:<account>:flow/<name>)).
        For S3, the bucket; for EventBridge, the event bus or source ARN.
      - An integration belongs to one domain only; a O(uri) already integrated with another domain is refused by the service.
    type: str
    required: true
  state:
    description:
      - V(present) creates the integration or updates it to match the options given.
      - V(absent) deletes the integration (DeleteIntegration). An integration that does not exist is left alone (not changed).
    type: str
    default: present
    choices: ['present', 'absent']
  object_type_name:
    description:
      - The object type that maps the source's data to profiles (1 to 255 characters, V(^[a-zA-Z_][a-zA-Z_0-9-]*$)).
      - Mutually exclusive with O(object_type_names) (checked before any call). One of the two is required to create.
      - Giving it on an integration that uses O(object_type_names) switches the integration to this one object type.
    type: str
  object_type_names:
    description:
      - A map of source event types to object types, for sources that send several kinds of event (for example
        C(SegmentIdentify), C(ShopifyCreateCustomers)). Keys are kept exactly as written.
      - Mutually exclusive with O(object_type_name) (checked before any call).
    type: dict
  role_arn:
    description:
      - The IAM role (C(arn:aws:iam::<account>:role/<name>), at most 512 characters) that Customer Profiles uses to manage
        the integration's AppFlow workflows.
      - O(role_arn="") removes the role.
    type: str
  event_trigger_names:
    description:
      - The event trigger (exactly one name; see M(awscx.customerprofiles.customerprofiles_event_trigger)) that the
        integration's objects are evaluated against. The trigger must exist; a trigger belongs to one integration.
      - O(event_trigger_names=[]) removes the event trigger.
    type: list
    elements: str
  scope:
    description:
      - V(PROFILE) (the service's default) or V(DOMAIN), the scope of the integration's event triggers.
    type: str
  flow_definition:
    description:
      - The Amazon AppFlow flow that brings data from the source (Salesforce, Marketo, Zendesk, ServiceNow, S3).
      - Sent when the integration is created; on an existing integration only with O(update_flow_definition=true),
        because the service never returns it. The sub-options are the members of the API's C(FlowDefinition).
    type: dict
    suboptions:
      description:
        description: A description of the flow (at most 2048 characters).
        type: str
      flow_name:
        description: The name of the flow (at most 256 characters).
        type: str
        required: true
      kms_arn:
        description: The ARN of the KMS key that encrypts the flow's data (C(arn:aws:kms:...)).
        type: str
        required: true
      source_flow_config:
        description: Where the flow reads.
        type: dict
        required: true
        suboptions:
          connector_profile_name:
            description: The AppFlow connector profile (at most 256 characters).
            type: str
          connector_type:
            description: V(Salesforce), V(Marketo), V(Zendesk), V(Servicenow) or V(S3).
            type: str
            required: true
          incremental_pull_config:
            description: How new records are found.
            type: dict
            suboptions:
              datetime_type_field_name:
                description: The field of the source that holds the record's time.
                type: str
          source_connector_properties:
            description: The source object, under the connector's name (exactly one of the sub-options).
            type: dict
            required: true
            suboptions:
              marketo:
                description: Marketo.
                type: dict
                suboptions:
                  object:
                    description: The Marketo object.
                    type: str
                    required: true
              s3:
                description: S3.
                type: dict
                suboptions:
                  bucket_name:
                    description: The bucket (3 to 63 characters).
                    type: str
                    required: true
                  bucket_prefix:
                    description: The key prefix.
                    type: str
              salesforce:
                description: Salesforce.
                type: dict
                suboptions:
                  object:
                    description: The Salesforce object.
                    type: str
                    required: true
                  enable_dynamic_field_update:
                    description: Whether new fields of the object are picked up.
                    type: bool
                  include_deleted_records:
                    description: Whether deleted records are read too.
                    type: bool
              service_now:
                description: ServiceNow.
                type: dict
                suboptions:
                  object:
                    description: The ServiceNow object.
                    type: str
                    required: true
              zendesk:
                description: Zendesk.
                type: dict
                suboptions:
                  object:
                    description: The Zendesk object.
                    type: str
                    required: true
      tasks:
        description: The flow's tasks (field mappings, filters, validations).
        type: list
        elements: dict
        required: true
        suboptions:
          connector_operator:
            description: The operation, under the connector's name (for example O(flow_definition.tasks[].connector_operator.s3=PROJECTION)).
            type: dict
            suboptions:
              marketo:
                description: A Marketo operator.
                type: str
              s3:
                description: An S3 operator.
                type: str
              salesforce:
                description: A Salesforce operator.
                type: str
              service_now:
                description: A ServiceNow operator.
                type: str
              zendesk:
                description: A Zendesk operator.
                type: str
          destination_field:
            description: The field written.
            type: str
          source_fields:
            description: The fields read.
            type: list
            elements: str
            required: true
          task_properties:
            description:
              - Properties of the task, keyed by the API's property names (V(VALUE), V(DATA_TYPE), V(SOURCE_DATA_TYPE), ...),
                kept exactly as written.
            type: dict
          task_type:
            description: V(Arithmetic), V(Filter), V(Map), V(Mask), V(Merge), V(Truncate) or V(Validate).
            type: str
            required: true
      trigger_config:
        description: When the flow runs.
        type: dict
        required: true
        suboptions:
          trigger_type:
            description: V(Scheduled), V(Event) or V(OnDemand).
            type: str
            required: true
          trigger_properties:
            description: The schedule of a V(Scheduled) flow.
            type: dict
            suboptions:
              scheduled:
                description: The schedule.
                type: dict
                suboptions:
                  schedule_expression:
                    description: The schedule, for example V(rate(1hours\)).
                    type: str
                    required: true
                  data_pull_mode:
                    description: V(Incremental) or V(Complete).
                    type: str
                  schedule_start_time:
                    description: When the schedule starts (ISO 8601).
                    type: str
                  schedule_end_time:
                    description: When the schedule ends (ISO 8601).
                    type: str
                  timezone:
                    description: The time zone of the schedule.
                    type: str
                  schedule_offset:
                    description: The offset of the schedule in seconds, 0 to 36000.
                    type: int
                  first_execution_from:
                    description: The time from which the first run reads records (ISO 8601).
                    type: str
  update_flow_definition:
    description:
      - Send O(flow_definition) to an existing integration. The service never returns the flow definition, so it cannot
        be compared; with V(true) every run sends it and reports a change.
    type: bool
    default: false
notes:
  - "What PutIntegration does and does not do for Amazon Connect: the call records, in the domain, that the instance
    (its ARN) is a source and which object type maps its data
    (U(https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_PutIntegration.html): an integration
    belongs to one domain only). It changes nothing in the Amazon Connect instance. The CreateDomain reference
    (U(https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_CreateDomain.html)) says that each
    Amazon Connect instance can be associated with only one domain, and the administrator guide
    (U(https://docs.aws.amazon.com/connect/latest/adminguide/enable-customer-profiles.html)) makes that association, which
    shows a domain's profiles to the instance's agents, in the Amazon Connect console (Customer profiles, Enable):
    the console step is still needed for agents to see profiles. See the collection's guide
    C(docs/guide_connect.md)."
  - Tag keys are kept exactly as written.
  - Bad option values fail before any API call, with a message naming the option (for example
    O(flow_definition.tasks[0].task_type)) and the rule broken, never the value.
  - Throttling and server errors are retried with jittered backoff.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The object types the integrations below map their data to (see customerprofiles_object_type)
  awscx.customerprofiles.customerprofiles_object_type:
    domain_name: retail-customers
    object_type_name: "{{ item }}"
    description: "{{ item }} records, keyed by id, tied to profiles by email address"
    allow_profile_creation: true
    fields:
      Id:
        source: _source.id
        content_type: STRING
      Email:
        source: _source.email
        target: _profile.EmailAddress
        content_type: EMAIL_ADDRESS
    keys:
      Id:
        - standard_identifiers: [UNIQUE]
          field_names: [Id]
      _email:
        - standard_identifiers: [PROFILE]
          field_names: [Email]
  loop: [CTR, ShopifyCustomer, CrmContact]

- name: Connect an Amazon Connect instance to the domain (contact records mapped by the CTR object type)
  awscx.customerprofiles.customerprofiles_integration:
    domain_name: retail-customers
    uri: arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555
    object_type_name: CTR
    tags:
      Team: contact-center

- name: Change only the scope; the object type and the tags stay as they are
  awscx.customerprofiles.customerprofiles_integration:
    domain_name: retail-customers
    uri: arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555
    scope: DOMAIN

- name: Ingest Shopify events, each event type with its object type
  awscx.customerprofiles.customerprofiles_integration:
    domain_name: retail-customers
    uri: arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/12345/retail
    object_type_names:
      ShopifyCreateCustomers: ShopifyCustomer
      ShopifyUpdateCustomers: ShopifyCustomer

- name: An S3 source through an AppFlow flow (the flow definition is sent when the integration is created)
  awscx.customerprofiles.customerprofiles_integration:
    domain_name: retail-customers
    uri: arn:aws:appflow:us-east-1:123456789012:flow/crm-import
    object_type_name: CrmContact
    flow_definition:
      flow_name: crm-import
      kms_arn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
      source_flow_config:
        connector_type: S3
        source_connector_properties:
          s3:
            bucket_name: crm-exports
            bucket_prefix: contacts/
      tasks:
        - task_type: Map
          source_fields: [email]
          destination_field: email
          connector_operator:
            s3: NO_OP
          task_properties:
            SOURCE_DATA_TYPE: string
            DESTINATION_DATA_TYPE: string
      trigger_config:
        trigger_type: Scheduled
        trigger_properties:
          scheduled:
            schedule_expression: rate(1hours)
            data_pull_mode: Incremental

- name: Disconnect the instance
  awscx.customerprofiles.customerprofiles_integration:
    domain_name: retail-customers
    uri: arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555
    state: absent
"""

RETURN = r"""
integration:
  description:
    - The integration as GetIntegration describes it, in snake_case; V({}) once absent. It never holds the flow
      definition (the service does not return it).
    - In check mode, the integration as it would be (one not created yet has no RV(integration.created_at)).
  returned: always
  type: dict
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
diff:
  description: With C(--diff), the integration before and as it would be after (V({}) when absent).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The integration before the run.
      type: dict
      sample: {}
    after:
      description: The integration after the run.
      type: dict
      sample: {"uri": "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555", "object_type_name": "CTR"}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.integration import IntegrationResource


def main():
    run(IntegrationResource)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_domain
version_added: 0.1.0
short_description: Manage an Amazon Connect Customer Profiles domain
description:
  - Creates, updates and deletes one Amazon Connect Customer Profiles domain.
  - An option left out leaves the domain's setting as it is.
  - A block that is given (O(matching), O(rule_based_matching), O(data_store)) is the complete desired
    block, as in amazon.aws and Terraform; its sub-options left out are not kept from the current
    configuration (the service replaces these blocks whole). A block left out is left as it is.
  - A run that changes nothing makes exactly one read call (GetDomain, which also returns the tags)
    and no write call.
  - Creating a domain makes one CreateDomain call (tags included) and returns the domain from its answer.
    Updating makes one UpdateDomain call when a setting other than tags changes. Tags of an existing domain
    change only through TagResource (keys to add or change) and UntagResource (keys to remove), as the
    UpdateDomain API reference asks, on the domain's ARN, which one STS GetCallerIdentity call builds
    (account and partition) when a tag call is to be made.
  - A domain holds at most 50 tags; the total after the change is checked before any write.
  - A failure after a write (for example a tag call failing after UpdateDomain succeeded) reports
    C(changed=true).
  - In check mode no write call is made; RV(domain) is the domain as it would be.
    With C(--diff), RV(diff.before) and RV(diff.after) are the domain before and as it would be after.
  - With O(state=absent) on a domain that exists, the module first counts what the domain holds (see O(force)),
    profiles and profile objects from GetDomain's statistics, then one page of ListProfileObjectTypes,
    ListIntegrations (hidden ones included), ListEventStreams, ListCalculatedAttributeDefinitions,
    ListSegmentDefinitions, ListEventTriggers, ListDomainObjectTypes, ListRecommenderSchemas,
    ListRecommenderFilters and ListRecommenders (one call each, the largest page the API allows; a kind with
    more than one page is reported as "at least" that page), one GetIntentDefinition for each intent domain
    the service model names (today one, V(DEFAULT)) and one GetStreamForSegments (a stream that was
    disassociated is not counted). A kind whose operations the installed botocore lacks (recommender filters
    before botocore 1.42.66, recommender schemas before 1.42.90, the segment stream before 1.43.84, intent
    definitions before 1.44.18) is not counted.
  - "IAM actions used: C(profile:GetDomain), C(profile:CreateDomain), C(profile:UpdateDomain), C(profile:DeleteDomain),
    C(profile:TagResource) (tags given on create or changed on update), C(profile:UntagResource) and
    C(sts:GetCallerIdentity) (only when tags of an existing domain change); with O(state=absent),
    C(profile:ListProfileObjectTypes), C(profile:ListIntegrations), C(profile:ListEventStreams),
    C(profile:ListCalculatedAttributeDefinitions), C(profile:ListSegmentDefinitions), C(profile:ListEventTriggers),
    C(profile:ListDomainObjectTypes), C(profile:ListRecommenderSchemas), C(profile:ListRecommenderFilters),
    C(profile:ListRecommenders), C(profile:GetIntentDefinition) and C(profile:GetStreamForSegments)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  domain_name:
    description:
      - The name of the domain, 1 to 64 letters, digits, underscores or hyphens (V(^[a-zA-Z0-9_-]+$)).
    type: str
    required: true
    aliases: ['name']
  state:
    description:
      - V(present) creates the domain or updates it to match the options given.
      - V(absent) deletes the domain. A domain that does not exist is left alone (not changed).
        A domain that still holds anything (profiles, objects, object types, integrations, ...; see O(force))
        is only deleted with O(force=true).
    type: str
    default: present
    choices: ['present', 'absent']
  default_expiration_days:
    description:
      - The default number of days until the data within the domain expires, 1 to 1098.
      - Required to create a domain; the module fails, naming this option, when the domain does not
        exist and it is not given.
    type: int
  default_encryption_key:
    description:
      - The ARN of the KMS key used to encrypt the domain's data (at most 255 characters).
      - O(default_encryption_key="") removes the key from the domain.
    type: str
  dead_letter_queue_url:
    description:
      - The URL of the SQS queue that receives errors of ingestion from third-party applications
        (at most 255 characters).
      - O(dead_letter_queue_url="") removes the queue from the domain.
    type: str
  matching:
    description:
      - Identity resolution (the weekly matching job).
      - The complete matching configuration; sub-options left out are not kept from the current one.
        O(matching.enabled=false) alone disables matching and drops the rest of its configuration.
    type: dict
    suboptions:
      enabled:
        description: Whether the matching job runs.
        type: bool
        required: true
      job_schedule:
        description: When the weekly job starts. The service's default is Saturday, 12AM UTC.
        type: dict
        suboptions:
          day_of_the_week:
            description: Day of the week.
            type: str
            required: true
            choices: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
          time:
            description: Time of day, C(HH:MM) on a 24-hour clock in UTC (V(^([0-9]|0[0-9]|1[0-9]|2[0-3]\):[0-5][0-9]$)).
            type: str
            required: true
      auto_merging:
        description: Automatic merging of the profiles the job finds to be duplicates.
        type: dict
        suboptions:
          enabled:
            description: Whether matched profiles are merged.
            type: bool
            required: true
          consolidation:
            description: Which profiles are merged.
            type: dict
            suboptions:
              matching_attributes_list:
                description:
                  - 1 to 10 lists of 1 to 20 attribute names; profiles equal on every attribute of one list are merged.
                type: list
                elements: list
                required: true
          conflict_resolution: &conflict_resolution
            description: How conflicting values are resolved when profiles are merged.
            type: dict
            suboptions:
              conflict_resolving_model:
                description:
                  - V(RECENCY) keeps the most recently updated value.
                  - V(SOURCE) keeps the value of the object type named in C(source_name), next to this sub-option.
                type: str
                required: true
                choices: ['RECENCY', 'SOURCE']
              source_name:
                description: The object type name whose values win with V(SOURCE) (1 to 255 characters).
                type: str
          min_allowed_confidence_score_for_merging:
            description: The lowest confidence score, 0 to 1, at which matched profiles are merged.
            type: float
      exporting_config: &exporting_config
        description: Where the job's results are exported.
        type: dict
        suboptions:
          s3_exporting:
            description: An S3 location.
            type: dict
            suboptions:
              s3_bucket_name:
                description: The bucket (3 to 63 lower-case letters, digits, dots or hyphens).
                type: str
                required: true
              s3_key_name:
                description: The key prefix (1 to 800 characters).
                type: str
  rule_based_matching:
    description:
      - Rule-based identity resolution.
      - The complete rule-based matching configuration; sub-options left out are not kept from the current one.
      - While the service's rule-based matching job is in progress it refuses changes to this block;
        the module then fails, asking to retry once the job has finished.
    type: dict
    suboptions:
      enabled:
        description: Whether rule-based matching is on.
        type: bool
        required: true
      matching_rules:
        description: 1 to 15 rules, tried in order.
        type: list
        elements: dict
        suboptions:
          rule:
            description: 1 to 15 attribute names (for example V(Profile.EmailAddress)) that must all match.
            type: list
            elements: str
            required: true
      max_allowed_rule_level_for_merging:
        description: The highest rule level, 1 to 15, whose matches are merged.
        type: int
      max_allowed_rule_level_for_matching:
        description: The highest rule level, 1 to 15, used for matching.
        type: int
      attribute_types_selector:
        description: Which address, phone and email attributes are compared.
        type: dict
        suboptions:
          attribute_matching_model:
            description: How attributes of these types are compared.
            type: str
            required: true
            choices: ['ONE_TO_ONE', 'MANY_TO_MANY']
          address:
            description: 1 to 4 address attribute names.
            type: list
            elements: str
          phone_number:
            description: 1 to 4 phone number attribute names.
            type: list
            elements: str
          email_address:
            description: 1 to 3 email address attribute names.
            type: list
            elements: str
      conflict_resolution: *conflict_resolution
      exporting_config: *exporting_config
  data_store:
    description:
      - The domain's data store, the complete block.
    type: dict
    suboptions:
      enabled:
        description: Whether the data store is enabled.
        type: bool
  force:
    description:
      - With O(state=absent), delete the domain even though it still holds something.
      - Deleting a domain deletes everything in it, irreversibly. Without O(force=true) the module fails on a
        domain that holds any profile, profile object, object type, integration, event stream, calculated
        attribute definition, segment definition, event trigger, domain object type, recommender schema,
        recommender filter, recommender, intent definition or segment stream, naming each kind it holds with its count
        (never a value), and deletes nothing. In check mode too, so C(--check) shows the refusal.
      - What is counted is listed in RV(contents). Profiles and profile objects are GetDomain's statistics,
        which the service updates periodically, so a profile created moments before may not be counted yet.
      - Not counted, because the API gives no count of them for a domain, objects that failed ingestion (they
        are in the dead-letter queue, an SQS queue that deleting the domain leaves as it is), and the resources
        kinds this collection does not manage (layouts, workflows), upload jobs (operations, not configuration),
        and segment subscriptions (each hangs on a segment definition, which is counted).
    type: bool
    default: false
notes:
  - Tag keys are kept exactly as written (V(CostCenter) stays V(CostCenter)).
  - Bad option values fail before any API call, with a message naming the option (for example
    O(rule_based_matching.max_allowed_rule_level_for_merging)) and the rule broken.
  - Throttling and server errors are retried with jittered backoff.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - awscx.customerprofiles.boto3
"""

EXAMPLES = r"""
- name: Create a domain (or make sure it is as described)
  awscx.customerprofiles.customerprofiles_domain:
    domain_name: retail-customers
    default_expiration_days: 365
    dead_letter_queue_url: https://sqs.us-east-1.amazonaws.com/123456789012/profiles-dlq
    tags:
      CostCenter: retail
      Environment: prod

- name: Enable identity resolution every Monday at 03:00 UTC, merging automatically
  awscx.customerprofiles.customerprofiles_domain:
    domain_name: retail-customers
    matching:
      enabled: true
      job_schedule:
        day_of_the_week: MONDAY
        time: "03:00"
      auto_merging:
        enabled: true
        consolidation:
          matching_attributes_list:
            - [EmailAddress]
            - [PhoneNumber, LastName]
        conflict_resolution:
          conflict_resolving_model: RECENCY
        min_allowed_confidence_score_for_merging: 0.9

- name: Stop merging automatically but keep the weekly job (a given block is complete, so repeat what stays)
  awscx.customerprofiles.customerprofiles_domain:
    domain_name: retail-customers
    matching:
      enabled: true
      job_schedule: {day_of_the_week: MONDAY, time: "03:00"}
      auto_merging: {enabled: false}

- name: Disable matching (the block is complete - its schedule and merging settings go too)
  awscx.customerprofiles.customerprofiles_domain:
    domain_name: retail-customers
    matching:
      enabled: false

- name: Rule-based matching
  awscx.customerprofiles.customerprofiles_domain:
    domain_name: retail-customers
    rule_based_matching:
      enabled: true
      matching_rules:
        - rule: [EmailAddress]
        - rule: [PhoneNumber, LastName]
      max_allowed_rule_level_for_merging: 1
      attribute_types_selector:
        attribute_matching_model: ONE_TO_ONE
        email_address: [EmailAddress, PersonalEmailAddress]

- name: Remove the dead letter queue and add a tag, keeping the other tags
  awscx.customerprofiles.customerprofiles_domain:
    domain_name: retail-customers
    dead_letter_queue_url: ""
    tags:
      Owner: crm-team
    purge_tags: false

- name: Delete the domain, only if it holds nothing (else the task fails, naming what it holds by kind and count)
  awscx.customerprofiles.customerprofiles_domain:
    domain_name: retail-customers-staging
    state: absent

- name: Delete the domain and everything in it
  awscx.customerprofiles.customerprofiles_domain:
    domain_name: retail-customers
    state: absent
    force: true
"""

RETURN = r"""
domain:
  description:
    - The domain as GetDomain describes it, in snake_case; V({}) once the domain is absent.
    - In check mode, the domain as it would be (a domain not created yet has no RV(domain.created_at)).
  returned: always
  type: dict
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
contents:
  description:
    - With O(state=absent) on a domain that existed, what it held when the module read it, by kind (each
      kind counted, V(0) included). Also returned when the module refuses to delete it.
    - A kind with more than one page of items is counted as the first page (100, or 500 segment
      definitions); the failure message then says "at least".
  returned: when O(state=absent) and the domain existed
  type: dict
  sample:
    profiles: 1200
    profile_objects: 5310
    object_types: 2
    integrations: 1
    event_streams: 0
    calculated_attributes: 3
    segment_definitions: 1
    event_triggers: 0
    domain_object_types: 0
    recommender_schemas: 0
    recommender_filters: 0
    recommenders: 0
    intent_definitions: 0
    segment_streams: 0
  contains:
    profiles:
      description: Profiles (GetDomain's C(Stats.ProfileCount)).
      type: int
    profile_objects:
      description: Profile objects of every type (GetDomain's C(Stats.ObjectCount)).
      type: int
    object_types:
      description: Object types.
      type: int
    integrations:
      description: Integrations, hidden ones included.
      type: int
    event_streams:
      description: Event streams.
      type: int
    calculated_attributes:
      description: Calculated attribute definitions.
      type: int
    segment_definitions:
      description: Segment definitions.
      type: int
    event_triggers:
      description: Event triggers.
      type: int
    domain_object_types:
      description: Domain object types.
      type: int
    recommender_schemas:
      description: Recommender schemas.
      type: int
      returned: when the installed botocore has ListRecommenderSchemas (1.42.90)
    recommender_filters:
      description: Recommender filters.
      type: int
      returned: when the installed botocore has ListRecommenderFilters (1.42.66)
    recommenders:
      description: Recommenders.
      type: int
    intent_definitions:
      description: Intent definitions (one GetIntentDefinition per intent domain).
      type: int
      returned: when the installed botocore has GetIntentDefinition (1.44.18)
    segment_streams:
      description: The stream for segments (V(0) or V(1); GetStreamForSegments).
      type: int
      returned: when the installed botocore has GetStreamForSegments (1.43.84)
diff:
  description:
    - With C(--diff), the domain before and as it would be after (V({}) when absent).
    - When the domain is deleted, RV(diff.after_header) says what is deleted with it, by kind and count.
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The domain before the run.
      type: dict
      sample: {}
    after:
      description: The domain after the run.
      type: dict
      sample: {"domain_name": "retail-customers", "default_expiration_days": 365}
    after_header:
      description: What is deleted with the domain, by kind and count.
      type: str
      returned: when the domain is deleted
      sample: "deleted with domain retail-customers: 1200 profiles, 5310 profile objects and 2 object types"
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain import DomainResource


def main():
    run(DomainResource)


if __name__ == "__main__":
    main()

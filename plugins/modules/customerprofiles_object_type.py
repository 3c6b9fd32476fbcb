#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_object_type
version_added: 0.2.0
short_description: Manage Amazon Connect Customer Profiles object types
description:
  - Creates, updates or deletes an object type of an Amazon Connect Customer Profiles domain. An object type
    maps the records of a source (orders, loyalty accounts, CRM contacts), sent as profile objects, onto
    profiles, and defines the keys that tie a record to a profile and that C(SearchProfiles) can search by.
  - C(PutProfileObjectType) replaces the whole definition of an object type. The module therefore always sends
    the complete definition, taking the current value of every option left out, so that nothing is lost by
    omission. A given O(fields) or O(keys) map is the complete set of fields or keys.
  - The names in O(fields) and O(keys) are data, kept exactly as written (for example C(AccountNumber) and
    C(account_number) are two different fields).
  - Tags are changed with C(TagResource) and C(UntagResource) on the object type's ARN,
    C(arn:<partition>:profile:<region>:<account>:domains/<domain>/object-types/<name>); on creation they are
    sent with C(PutProfileObjectType).
  - O(state=absent) deletes the object type B(and every profile object of that type), irreversibly. Check mode
    and C(--diff) show it, since the module warns, returns RV(domain_object_count) (the number of profile objects
    of all types the domain reports) and the diff's C(after_header) says so.
  - Before deleting, the module also finds the integrations and event triggers that name the object type and
    names them in the warning, the diff's C(after_header) and RV(dependents). The service does not refuse the
    delete for them (the DeleteProfileObjectType API reference says it "also disables integrations from this
    specific ProfileObjectType"), so neither does the module.
  - "Calls: a run that changes nothing makes one C(GetProfileObjectType) call. Creating makes one
    C(PutProfileObjectType) call; an update makes one C(PutProfileObjectType) call when the definition changes,
    plus C(TagResource)/C(UntagResource) when tags change (with one C(sts:GetCallerIdentity) call to form the ARN).
    Deleting reads the domain (C(GetDomain)) for its object count and lists the integrations and the event triggers
    (C(ListIntegrations), C(ListEventTriggers), every page), then makes one C(DeleteProfileObjectType) call.
    Check mode makes no write."
  - "IAM actions used: C(profile:GetProfileObjectType), C(profile:PutProfileObjectType),
    C(profile:DeleteProfileObjectType), C(profile:GetDomain), C(profile:ListIntegrations) and
    C(profile:ListEventTriggers) (O(state=absent)), C(profile:TagResource),
    C(profile:UntagResource), C(sts:GetCallerIdentity) (tag changes)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  object_type_name:
    description:
      - The name of the object type (1 to 255 characters; a letter or underscore, then letters, digits,
        underscores or hyphens).
    type: str
    required: true
    aliases: ['name']
  state:
    description:
      - V(present) creates or updates the object type.
      - V(absent) deletes it together with every profile object of that type. A missing object type is not a change.
    type: str
    choices: [present, absent]
    default: present
  description:
    description:
      - The description of the object type (1 to 1000 characters).
      - Required to create the object type; left out, an existing type keeps its description.
    type: str
  template_id:
    description:
      - The id of an object type template (see M(awscx.customerprofiles.customerprofiles_object_type_info) with
        O(awscx.customerprofiles.customerprofiles_object_type_info#module:list_templates=true)). The template supplies the
        fields, keys, profile creation and timestamp format, so O(fields), O(keys), O(allow_profile_creation) and
        O(source_last_updated_timestamp_format) cannot be given with it to create the type. On a type made from a
        template they may be given as the type holds them (the RV(object_type) a run returned, given back), never
        changed.
    type: str
  expiration_days:
    description:
      - The number of days until the objects of this type expire (1 to 1098). Left out on creation, the domain's
        default applies.
    type: int
  encryption_key:
    description:
      - The ARN of the KMS key that encrypts the objects of this type (at most 255 characters).
      - V("") clears it (the domain's key applies).
    type: str
  allow_profile_creation:
    description:
      - Whether an object that matches no profile creates one. When V(false), such an object is not stored
        (the service sends it to the domain's dead-letter queue).
    type: bool
  source_last_updated_timestamp_format:
    description:
      - The format of the timestamp field of the source data that says when a record was last updated
        (for example V(epoch) or a date pattern; 1 to 255 characters).
    type: str
  max_profile_object_count:
    description:
      - The most objects of this type a profile keeps (at least 1).
    type: int
  source_priority:
    description:
      - The priority of this type's data when objects of several types set the same profile field
        (at least 1; a lower number wins).
    type: int
  fields:
    description:
      - The complete map of field name to field definition; the names (1 to 64 letters, digits, C(_), C(.) or C(-))
        are kept exactly as written.
      - "Each definition is a dict of: C(source), where the value comes from in the ingested object,
        C(_source.<path>) (for example V(_source.AccountNumber)) or a Handlebars expression over it (1 to 1000
        characters); C(target), the profile field the value goes to, for example V(_profile.AccountNumber),
        V(_profile.Address.City) or V(_profile.Attributes.loyalty_tier) (1 to 1000 characters); C(content_type),
        one of V(STRING), V(NUMBER), V(PHONE_NUMBER), V(EMAIL_ADDRESS), V(NAME), which decides how the value is
        normalised for matching and search."
      - A given map replaces the current one (a field left out of it is removed); left out, the fields stay as they are.
      - "At most 250 fields. A C(target) is a text field of the standard profile (V(_profile.FirstName)), a member
        of one of its address blocks (V(_profile.Address.City)), a custom attribute (V(_profile.Attributes.<name>)),
        V(_profile.SourceLastUpdatedTimestamp) (with O(source_last_updated_timestamp_format)), or a member of another
        standard object (V(_order.<member>), V(_asset.<member>), ...) other than its system-managed id
        (V(_order.OrderId)). Anything else fails before any write, in check mode too."
    type: dict
  keys:
    description:
      - The complete map of key name to its definitions; the names (1 to 64 letters, digits, C(_) or C(-))
        are kept exactly as written.
      - "Each key is a list of dicts of: C(standard_identifiers), a list of V(PROFILE), V(UNIQUE), V(SECONDARY),
        V(LOOKUP_ONLY), V(NEW_ONLY), V(ASSET), V(CASE), V(ORDER), V(DEVICE), V(WEB_ANALYTICS), V(COMMUNICATION_RECORD),
        V(AIR_PREFERENCE), V(HOTEL_PREFERENCE), V(AIR_BOOKING), V(AIR_SEGMENT), V(HOTEL_RESERVATION),
        V(HOTEL_STAY_REVENUE), V(LOYALTY), V(LOYALTY_TRANSACTION), V(LOYALTY_PROMOTION); and C(field_names), the names of
        the O(fields) the key is made of."
      - A key with V(PROFILE) ties an object to a profile (an object whose value matches a profile's goes to that
        profile); a key with V(UNIQUE) identifies the object (an object with the same value replaces the stored one;
        an object type has one UNIQUE key). A V(SECONDARY) key is searched for the profile after every PROFILE key;
        a V(LOOKUP_ONLY) key only finds the profile and is not kept on it for search; a V(NEW_ONLY) key is used only
        when the profile does not exist yet, otherwise only to match the object to a profile.
      - "The name of a key decides which profiles its values match. Key names are global to the domain: a name is
        matched against the values that objects of every type stored under the same name. The standard key names
        V(_account), V(_email) and V(_phone) are matched against the profile's own fields as well: V(_account)
        against C(AccountNumber), V(_email) against the email addresses, V(_phone) against the phone numbers, so
        they find profiles created with M(awscx.customerprofiles.customerprofiles_profile) too. Any other name
        matches only the keys of other objects: a PROFILE key named C(AccountNumber) does not find the profile
        that M(awscx.customerprofiles.customerprofiles_profile) created with that account number, and the object
        creates a second profile. To tie objects to profiles by account number, email or phone, name the PROFILE
        key V(_account), V(_email) or V(_phone). A key name starting with C(_) must be one of the service's
        standard names (the predefined keys of C(SearchProfiles))."
      - The values of the keys are indexed on the profile, so each key (but a V(LOOKUP_ONLY) one) is a custom
        search key of the domain, searched by its name
        (M(awscx.customerprofiles.customerprofiles_profile_info) O(awscx.customerprofiles.customerprofiles_profile_info#module:search)).
      - A given map replaces the current one; left out, the keys stay as they are.
    type: dict
  tags:
    description:
      - The object type's tags (keys 1 to 128 characters, not starting with V(aws:); values 1 to 50 characters).
      - Left out, the tags stay as they are.
    type: dict
    aliases: ['resource_tags']
notes:
  - Every entry of O(fields) and O(keys) is checked against the service model before any call (names, lengths,
    patterns, the choices of C(content_type) and C(standard_identifiers), unknown sub-options), and no message
    repeats a value. So are the rules the model cannot say (at most 250 fields, each C(target), each key's
    C(field_names) naming fields of the definition, with the fields kept when O(fields) is left out), before any
    write, in check mode too.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Orders, keyed by order id, tied to profiles by account number
  awscx.customerprofiles.customerprofiles_object_type:
    domain_name: retail-customers
    object_type_name: Order
    description: Orders from the web shop
    allow_profile_creation: true
    expiration_days: 365
    fields:
      OrderId:
        source: _source.OrderId
        content_type: STRING
      AccountNumber:
        source: _source.AccountNumber
        target: _profile.AccountNumber
        content_type: STRING
      Total:
        source: _source.Total
        content_type: NUMBER
      Email:
        source: _source.Email
        target: _profile.EmailAddress
        content_type: EMAIL_ADDRESS
      City:
        source: _source.City
        target: _profile.Address.City
        content_type: STRING
      Tier:
        source: _source.Tier
        target: _profile.Attributes.loyalty_tier
        content_type: STRING
    keys:
      OrderId:
        - standard_identifiers: [UNIQUE]
          field_names: [OrderId]
      _account:
        - standard_identifiers: [PROFILE]
          field_names: [AccountNumber]
    tags:
      team: crm

- name: Change only the expiration; every other setting is kept
  awscx.customerprofiles.customerprofiles_object_type:
    domain_name: retail-customers
    name: Order
    expiration_days: 730

- name: An object type from a template
  awscx.customerprofiles.customerprofiles_object_type:
    domain_name: retail-customers
    object_type_name: ShopifyOrder
    description: Orders synced from Shopify
    template_id: Shopify-Order

- name: Delete the object type and every object of it (check mode first shows the warning)
  awscx.customerprofiles.customerprofiles_object_type:
    domain_name: retail-customers
    object_type_name: Order
    state: absent
"""

RETURN = r"""
object_type:
  description:
    - The object type as GetProfileObjectType describes it, in snake_case; field and key names as stored.
    - Empty after O(state=absent).
    - In check mode, the predicted object type (timestamps of a new type are not known yet).
  returned: always
  type: dict
  contains:
    # BEGIN generated from tests/docs/blocks/object_type_return.yml (make docs-modules)
    object_type_name:
      description: The name of the object type.
      type: str
      sample: Order
    description:
      description: The description.
      type: str
      sample: Orders from the web shop
    template_id:
      description: The template the type is defined by.
      type: str
      returned: when set
      sample: Shopify-Order
    expiration_days:
      description: Days until the objects expire.
      type: int
      returned: when set
      sample: 365
    encryption_key:
      description: The KMS key ARN.
      type: str
      returned: when set
      sample: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
    allow_profile_creation:
      description: Whether an object matching no profile creates one.
      type: bool
      returned: when set
      sample: true
    source_last_updated_timestamp_format:
      description: The format of the source's last-updated timestamp.
      type: str
      returned: when set
      sample: epoch
    max_profile_object_count:
      description: The most objects of this type per profile.
      type: int
      returned: when set
      sample: 100
    max_available_profile_object_count:
      description: The most objects of this type per profile the service allows.
      type: int
      returned: when the service reports it
      sample: 1000
    source_priority:
      description: The priority of the type's data.
      type: int
      returned: when set
      sample: 1
    fields:
      description: Field name to C(source), C(target), C(content_type).
      type: dict
      returned: when set
      sample: {"AccountNumber": {"source": "_source.AccountNumber", "target": "_profile.AccountNumber", "content_type": "STRING"}}
    keys:
      description: Key name to a list of C(standard_identifiers) and C(field_names).
      type: dict
      returned: when set
      sample: {"_account": [{"standard_identifiers": ["PROFILE"], "field_names": ["AccountNumber"]}]}
    created_at:
      description: When the type was created (ISO 8601).
      type: str
      returned: when known
      sample: "2024-05-01T12:00:00+00:00"
    last_updated_at:
      description: When the type was last updated (ISO 8601).
      type: str
      returned: when known
      sample: "2024-05-02T08:30:00+00:00"
    tags:
      description: The tags, keys as stored.
      type: dict
      sample: {"team": "crm"}
    # END generated object_type_return
domain_object_count:
  description:
    - With O(state=absent) when the object type exists, the number of profile objects (of every type) the domain
      reports before the deletion; the objects of this type are among them and are deleted with it.
  returned: when an existing object type is deleted (also in check mode)
  type: int
  sample: 25
dependents:
  description:
    - With O(state=absent) when the object type exists, what names it, by kind; V({}) when nothing does.
  returned: when an existing object type is deleted (also in check mode)
  type: dict
  sample: {"integrations": ["arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"],
           "event_triggers": ["big-order"]}
  contains:
    integrations:
      description: The URIs of the integrations whose C(object_type_name) or C(object_type_names) name it.
      type: list
      elements: str
      returned: when there are any
    event_triggers:
      description: The names of the event triggers whose C(object_type_name) is it.
      type: list
      elements: str
      returned: when there are any
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import ObjectTypeResource


def main():
    run(ObjectTypeResource)


if __name__ == "__main__":
    main()

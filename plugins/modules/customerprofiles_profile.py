#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_profile
version_added: 0.1.0
short_description: Manage one Amazon Connect Customer Profiles profile
description:
  - Creates, updates and deletes one customer profile in an Amazon Connect Customer Profiles domain.
  - "Identity, in this order: O(profile_id) given: that profile (O(state=present) on an unknown id fails, since the
    service assigns ids). Otherwise the profiles whose O(match_by) field equals the value given for that option exactly
    (one SearchProfiles search, then an exact comparison): none means create, one means update, more than one fails
    naming the matching profile ids and changes nothing. Neither O(profile_id) nor a value for the O(match_by) field
    fails before any API call."
  - "Update semantics, so no data is lost by omission: an option left out leaves that field as it is; C(\"\") clears
    the field; an address block is merged key by key (C(\"\") clears one key); O(attributes) are merged, and
    O(purge_attributes=true) removes the stored keys not given; each list of O(engagement_preferences) given replaces
    the stored one."
  - When a profile is created, C("") means no value and the field is not sent (CreateProfile does not accept
    empty values).
  - A run that changes nothing makes exactly one read call (the identity search) and no write call. A create makes
    one search and one CreateProfile call, then (with O(wait)) searches until the new profile is found, an update
    one search and one UpdateProfile call carrying only the fields that change; the profile returned is the profile
    as it will be, not read again.
  - In check mode no write call is made and RV(profile) is the profile as it would be (without a profile id when
    it would be created). With C(--diff), the diff gives the profile before and after.
  - Field values are personal data; validation messages name the option and the rule broken, never the value.
  - "IAM actions used: C(profile:SearchProfiles), C(profile:CreateProfile), C(profile:UpdateProfile),
    C(profile:DeleteProfile)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  state:
    description:
      - V(present) creates or updates the profile, V(absent) deletes it.
      - With V(absent), a profile (or a domain) that does not exist is not an error.
    type: str
    choices: [present, absent]
    default: present
  profile_id:
    description:
      - The id of the profile (32 lowercase hexadecimal characters), as returned in RV(profile_id).
      - When given, it alone identifies the profile and O(match_by) is not used.
    type: str
  match_by:
    description:
      - When O(profile_id) is not given, the option whose value identifies the profile.
      - The profile whose field equals the value of that option exactly is the one managed.
    type: str
    choices:
      - account_number
      - email_address
      - personal_email_address
      - business_email_address
      - phone_number
      - mobile_phone_number
      - home_phone_number
      - business_phone_number
    default: account_number
  purge_attributes:
    description:
      - When V(true) and O(attributes) is given, stored attribute keys not in O(attributes) are removed.
      - O(attributes) left out leaves every attribute as it is, whatever this option says.
    type: bool
    default: false
  # BEGIN generated from tests/docs/blocks/profile_fields.yml (make docs-modules)
  account_number:
    description:
      - A unique account number that you have given to the customer.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  additional_information:
    description:
      - Any additional information relevant to the customer's profile.
      - At most 1000 characters. C("") clears the field (a new profile is created without it).
    type: str
  birth_date:
    description:
      - The customer's birth date.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  business_email_address:
    description:
      - The customer's business email address.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  business_name:
    description:
      - The name of the customer's business.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  business_phone_number:
    description:
      - The customer's business phone number.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  email_address:
    description:
      - The customer's email address, which has not been specified as a personal or business address.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  first_name:
    description:
      - The customer's first name.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  gender_string:
    description:
      - An alternative to O(gender) which accepts any string.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  home_phone_number:
    description:
      - The customer's home phone number.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  last_name:
    description:
      - The customer's last name.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  middle_name:
    description:
      - The customer's middle name.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  mobile_phone_number:
    description:
      - The customer's mobile phone number.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  party_type_string:
    description:
      - An alternative to O(party_type) which accepts any string.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  personal_email_address:
    description:
      - The customer's personal email address.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  phone_number:
    description:
      - The customer's phone number, which has not been specified as a mobile, home, or business number.
      - At most 255 characters. C("") clears the field (a new profile is created without it).
    type: str
  address:
    description:
      - A generic address associated with the customer that is not mailing, shipping, or billing.
      - Merged key by key onto the stored address. A key left out is kept, C("") clears one key.
    type: dict
    suboptions: &address_suboptions
      address_1:
        description:
          - The first line of the address. At most 255 characters.
        type: str
      address_2:
        description:
          - The second line of the address. At most 255 characters.
        type: str
      address_3:
        description:
          - The third line of the address. At most 255 characters.
        type: str
      address_4:
        description:
          - The fourth line of the address. At most 255 characters.
        type: str
      city:
        description:
          - The city. At most 255 characters.
        type: str
      country:
        description:
          - The country. At most 255 characters.
        type: str
      county:
        description:
          - The county. At most 255 characters.
        type: str
      postal_code:
        description:
          - The postal code. At most 255 characters.
        type: str
      province:
        description:
          - The province. At most 255 characters.
        type: str
      state:
        description:
          - The state. At most 255 characters.
        type: str
  billing_address:
    description:
      - The customer's billing address.
      - Merged key by key onto the stored address. A key left out is kept, C("") clears one key.
    type: dict
    suboptions: *address_suboptions
  mailing_address:
    description:
      - The customer's mailing address.
      - Merged key by key onto the stored address. A key left out is kept, C("") clears one key.
    type: dict
    suboptions: *address_suboptions
  shipping_address:
    description:
      - The customer's shipping address.
      - Merged key by key onto the stored address. A key left out is kept, C("") clears one key.
    type: dict
    suboptions: *address_suboptions
  attributes:
    description:
      - Custom attributes of the profile; keys are kept exactly as written (1-255 characters), values are strings
        of at most 255 characters (numbers are sent as strings).
      - Merged onto the stored attributes; C("") as a value removes that key. See O(purge_attributes).
    type: dict
  gender:
    description:
      - The customer's gender (the API's older enumeration; see also O(gender_string)).
      - One of V(MALE), V(FEMALE), V(UNSPECIFIED). The service model marks the value sensitive, so a value
        outside the list fails with a message that names the option and does not repeat the value.
    type: str
  party_type:
    description:
      - The type of the customer's party (the API's older enumeration; see also O(party_type_string)).
      - One of V(INDIVIDUAL), V(BUSINESS), V(OTHER) (checked without repeating the value, as for O(gender)).
    type: str
  profile_type:
    description:
      - The type of the profile.
      - One of V(ACCOUNT_PROFILE), V(PROFILE) (checked without repeating the value, as for O(gender)).
    type: str
  engagement_preferences:
    description:
      - The customer's preferred contact channels.
      - Each of O(engagement_preferences.phone) and O(engagement_preferences.email) given replaces the stored list;
        one left out keeps it; V([]) empties it.
    type: dict
    suboptions:
      phone:
        description:
          - The phone contact preferences, in order.
        type: list
        elements: dict
        suboptions: &contact_preference_suboptions
          key_name:
            description:
              - The name of the search key the preference refers to (1-64 characters, letters, digits, C(_), C(-)).
            type: str
          key_value:
            description:
              - The value of the search key (1-255 characters).
            type: str
          profile_id:
            description:
              - The id of the profile the preference refers to.
            type: str
          contact_type:
            description:
              - The field of that profile to contact, one of V(PhoneNumber), V(MobilePhoneNumber), V(HomePhoneNumber),
                V(BusinessPhoneNumber), V(EmailAddress), V(PersonalEmailAddress), V(BusinessEmailAddress).
            type: str
      email:
        description:
          - The email contact preferences, in order.
        type: list
        elements: dict
        suboptions: *contact_preference_suboptions
  # END generated profile_fields
notes:
  - A profile's fields are personal data. None of its options is marked C(no_log), since the module returns the
    profile; use C(no_log) on the task when its output must not be logged.
  - CreateProfile has no idempotency token. A create whose answer is lost (a 5xx answer or a time-out, after which
    the service may have stored the profile) is never retried blindly. The module first searches for the
    O(match_by) value; a profile found is adopted (reported created, with its id). When none is found, a 5xx is
    retried like every call, and a time-out fails. A throttled create stored nothing and is retried at once.
  - When the search of O(wait) finds the new profile and another one with the same O(match_by) value, another writer
    created the same profile at the same time (a second task or playbook, or the worker process of an interrupted
    C(ansible-playbook) run that kept running). The task fails, naming both ids in C(msg) and C(profile_ids). Keep
    one (see the guide docs/reliability.md) and delete the others with O(state=absent) and O(profile_id).
  - In check mode, a profile task on a domain that does not exist yet (for example one that an earlier task of the
    same check run would create) reports that the profile would be created.
  - A list or dict given to a text option (for example O(first_name=[Ann, Marie]), O(address.city)) fails naming the
    option instead of being stored as its Python text.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
  - awscx.customerprofiles.profile_wait
"""

EXAMPLES = r"""
- name: Create or update the profile of account 123 (matched by account number)
  awscx.customerprofiles.customerprofiles_profile:
    domain_name: retail-customers
    account_number: "123"
    first_name: Jane
    last_name: Doe
    email_address: jane@example.com
    address:
      address_1: 1 Main Street
      city: Seattle
      country: US
    attributes:
      loyalty_tier: gold
  register: jane
  no_log: true

- name: Change one field of that profile by id, leaving every other field as it is
  awscx.customerprofiles.customerprofiles_profile:
    domain_name: retail-customers
    profile_id: "{{ jane.profile_id }}"
    middle_name: Q
  no_log: true

- name: Clear the middle name and the city, keep only the attributes given
  awscx.customerprofiles.customerprofiles_profile:
    domain_name: retail-customers
    account_number: "123"
    middle_name: ""
    address:
      city: ""
    attributes:
      loyalty_tier: silver
    purge_attributes: true
  no_log: true

- name: Manage a profile identified by its email address
  awscx.customerprofiles.customerprofiles_profile:
    domain_name: retail-customers
    match_by: email_address
    email_address: sam@example.com
    first_name: Sam
  no_log: true

- name: Delete the profile of account 123
  awscx.customerprofiles.customerprofiles_profile:
    domain_name: retail-customers
    account_number: "123"
    state: absent
  no_log: true
"""

RETURN = r"""
profile_id:
  description:
    - The id of the profile.
    - V(null) once the profile is absent, or when check mode reports a profile that would be created.
  returned: always
  type: str
  sample: 0123456789abcdef0123456789abcdef
profile:
  description:
    - The profile as SearchProfiles describes it, under the module's own option names (C(address_1), not C(Address1)),
      attribute keys exactly as stored; fields without a value are left out. It can be fed back as options.
    - In check mode and after a write, the profile as it is predicted to be (not read again).
    - An empty dict once the profile is absent.
  returned: always
  type: dict
  contains:
    profile_id:
      description: The id of the profile (left out when check mode reports a profile that would be created).
      type: str
      returned: when the profile exists
    account_number:
      description: The account number.
      type: str
      returned: when set
    first_name:
      description: The first name.
      type: str
      returned: when set
    address:
      description: The generic address, with keys C(address_1) to C(address_4), C(city), C(country), C(county),
        C(postal_code), C(province) and C(state). C(billing_address), C(mailing_address) and C(shipping_address) alike.
      type: dict
      returned: when set
    attributes:
      description: The custom attributes, keys as stored.
      type: dict
      returned: when set
    engagement_preferences:
      description: The contact preferences, C(phone) and C(email) lists of C(key_name), C(key_value), C(profile_id),
        C(contact_type).
      type: dict
      returned: when set
  sample:
    profile_id: 0123456789abcdef0123456789abcdef
    account_number: "123"
    first_name: Jane
    address:
      address_1: 1 Main Street
      city: Seattle
    attributes:
      loyalty_tier: gold
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import ProfileResource


def main():
    run(ProfileResource)


if __name__ == "__main__":
    main()

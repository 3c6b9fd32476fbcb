#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_profiles
version_added: 0.2.0
short_description: Sync many Amazon Connect Customer Profiles profiles in one task
description:
  - Creates, updates or deletes a list of customer profiles of one Amazon Connect Customer Profiles domain in one
    module run, for loads (a CRM export, a CSV) that a loop of M(awscx.customerprofiles.customerprofiles_profile)
    tasks makes slow, since each task of a loop is a process of its own.
  - Each item of O(profiles) has exactly the semantics of one M(awscx.customerprofiles.customerprofiles_profile) task
    with the same options (the item's fields plus O(domain_name), O(match_by), O(purge_attributes) and O(state));
    the same code plans it. Identity is O(profiles[].profile_id), or else the profile whose O(match_by) field equals
    the item's value exactly; none means create, more than one fails that item naming the matching profile ids and
    changes nothing for it. An option left out leaves that field as it is, C("") clears it, addresses and
    attributes are merged (O(purge_attributes) removes the attributes not given).
  - Every item is validated before the first API call; a message names the item and the option (V(profiles[3].first_name)),
    never a value.
  - "Reads are batched: the O(match_by) values of the items go to SearchProfiles, 50 values a call (every page,
    then the same exact comparison as M(awscx.customerprofiles.customerprofiles_profile)). When the service refuses a
    call for its number of values (a C(BadRequestException) naming C(Values)), the module halves the number of values
    a call and goes on. Items with O(profiles[].profile_id) are read with BatchGetProfile, 20 ids a call. The read
    calls run O(max_concurrency) at a time, under a token bucket of their own of O(rate_limit) calls per second."
  - "A run that changes nothing makes only reads: ceil(M / 50) SearchProfiles calls for M distinct O(match_by) values
    (one more page for a chunk of values that find more than 100 profiles) plus ceil(I / 20) BatchGetProfile calls for
    I distinct profile ids, and no write. 1,000 unchanged profiles by O(match_by) cost 20 reads."
  - Two items that resolve to the same profile (the same profile id, or the same O(match_by) value that would be
    created twice) fail the task before any write.
  - "Writes (one CreateProfile, UpdateProfile or DeleteProfile call per changed item, so the writes equal the changed
    items) run concurrently in a thread pool of O(max_concurrency) threads inside the module, under a client-side
    token bucket of O(rate_limit) calls per second (separate from the reads' bucket, since the service's quotas are
    per operation), each with the collection's retries of throttling and server errors. After creating, the module
    searches (batched) until every new profile is found, see O(wait)."
  - A failed item never stops the others. When items fail, the task fails listing them by index with the
    service's error code and message (never a field value); the other items stay applied, so a rerun converges.
  - "A service that stops answering: once 3 x O(max_concurrency) writes in a row got no answer (a time-out or a dropped
    connection; any answer, an error too, starts the count again), the module stops sending. The items not sent yet
    are reported V(not_attempted) and the task fails saying so; a rerun sends them. So writes that hang cost about 3 x
    the client's C(read_timeout) (30 seconds by default, see O(aws_config)), not one time-out per item."
  - CreateProfile has no idempotency token. A create whose answer is lost (a 5xx answer or a time-out, after which
    the service may have stored the profile) is never retried blindly. The module first searches for the item's
    O(match_by) value; a profile found is adopted (status V(created), its id). When none is found, a 5xx is
    retried like every call, and a time-out fails the item. A throttled create stored nothing and is retried at
    once.
  - "Duplicates made by another writer: when the search of O(wait) finds an item's new profile and another one with
    the same O(match_by) value, another writer created the same profile at the same time (a second task or
    playbook, or the worker process of an interrupted C(ansible-playbook) run that kept running). That item fails
    naming both ids (RV(profiles[].profile_ids)), so the task fails. Keep one profile, then delete the others with
    M(awscx.customerprofiles.customerprofiles_profile) O(awscx.customerprofiles.customerprofiles_profile#module:state=absent)
    and O(awscx.customerprofiles.customerprofiles_profile#module:profile_id); the guide docs/reliability.md says
    which one to keep."
  - In check mode no write call is made and RV(profiles) predicts every item. With C(--diff), the diff gives the
    profile before and after for each item that changes, and only for those.
  - "IAM actions used: C(profile:SearchProfiles), C(profile:BatchGetProfile), C(profile:CreateProfile),
    C(profile:UpdateProfile), C(profile:DeleteProfile)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  state:
    description:
      - V(present) creates or updates every profile of O(profiles), V(absent) deletes those that exist.
      - With V(absent), a profile (or a domain) that does not exist is not an error (status V(absent)).
    type: str
    choices: [present, absent]
    default: present
  match_by:
    description:
      - For the items without O(profiles[].profile_id), the option whose value identifies the profile, as in
        M(awscx.customerprofiles.customerprofiles_profile).
      - An item may set its own O(profiles[].match_by).
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
      - When V(true), for an item that gives O(profiles[].attributes), stored attribute keys not given are removed.
      - An item may set its own O(profiles[].purge_attributes).
    type: bool
    default: false
  max_concurrency:
    description:
      - How many calls run at the same time, in threads of the module process (first the read calls, then the write
        calls). At least 1.
    type: int
    default: 10
  rate_limit:
    description:
      - At most this many calls per second, in all threads together, counted in two client-side token buckets (one
        for the read calls, SearchProfiles and BatchGetProfile, and one for the write calls). A bucket holds at most
        one second's worth of calls and starts full, so a task may make up to O(rate_limit) calls at once (as fast as
        O(max_concurrency) threads go), then O(rate_limit) a second.
      - The default stays just under the service's default quota of 100 requests per second for SearchProfiles,
        CreateProfile, UpdateProfile and DeleteProfile; throttled calls are retried anyway.
    type: float
    default: 95
  profiles:
    description:
      - The profiles. Each item takes the options of M(awscx.customerprofiles.customerprofiles_profile) except
        O(domain_name), O(state), O(wait) and O(wait_timeout), which are the task's.
      - Each item needs O(profiles[].profile_id), or a value for the field named by its O(match_by).
      - V([]) is allowed and does nothing.
    type: list
    elements: dict
    required: true
    suboptions:
      profile_id:
        description:
          - The id of an existing profile (32 lowercase hexadecimal characters). When given, it alone identifies
            the profile; an unknown id fails that item (ids are assigned by the service).
        type: str
      match_by:
        description:
          - This item's O(match_by), instead of the task's.
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
      purge_attributes:
        description:
          - This item's O(purge_attributes), instead of the task's.
        type: bool
      # BEGIN generated from tests/docs/blocks/profile_fields.yml (make docs-modules) prefix=profiles[].
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
          - An alternative to O(profiles[].gender) which accepts any string.
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
          - An alternative to O(profiles[].party_type) which accepts any string.
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
          - The customer's gender (the API's older enumeration; see also O(profiles[].gender_string)).
          - One of V(MALE), V(FEMALE), V(UNSPECIFIED). The service model marks the value sensitive, so a value
            outside the list fails with a message that names the option and does not repeat the value.
        type: str
      party_type:
        description:
          - The type of the customer's party (the API's older enumeration; see also O(profiles[].party_type_string)).
          - One of V(INDIVIDUAL), V(BUSINESS), V(OTHER) (checked without repeating the value, as for O(profiles[].gender)).
        type: str
      profile_type:
        description:
          - The type of the profile.
          - One of V(ACCOUNT_PROFILE), V(PROFILE) (checked without repeating the value, as for O(profiles[].gender)).
        type: str
      engagement_preferences:
        description:
          - The customer's preferred contact channels.
          - Each of O(profiles[].engagement_preferences.phone) and O(profiles[].engagement_preferences.email) given replaces the stored list;
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
  - A profile's fields are personal data. None of the options is marked C(no_log); RV(profiles) holds ids and
    statuses only, but the task's arguments (and C(--diff)) hold the fields, so use C(no_log) on the task when they
    must not be logged. With C(no_log), ansible-playbook shows none of the result; it is still registered whole.
  - In check mode, a task on a domain that does not exist yet predicts that every profile would be created.
  - The boto3 client keeps at most 10 connections open, so a O(max_concurrency) above 10 opens extra connections
    instead of reusing them.
  - Below verbosity C(-vvv), the C(invocation.module_args) that ansible-core returns leaves O(profiles) out (the
    controller holds a task's result several times, and tens of thousands of items echoed in it cost more memory than
    all the rest). At C(-vvv) it lists each item with the options the item sets. What 50,000 items cost in memory is
    in the collection's docs/performance.md.
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
  - awscx.customerprofiles.profile_wait
"""

EXAMPLES = r"""
- name: Sync the profiles of a CRM export (matched by account number)
  awscx.customerprofiles.customerprofiles_profiles:
    domain_name: retail-customers
    profiles:
      - account_number: "1001"
        first_name: Jane
        last_name: Doe
        email_address: jane@example.com
        attributes:
          loyalty_tier: gold
      - account_number: "1002"
        first_name: Sam
        address:
          city: Seattle
          country: US
  register: sync
  no_log: true

- name: Show how many profiles changed
  ansible.builtin.debug:
    msg: "{{ sync.summary }}"

- name: Load customers exported as JSON, 50 writes a second at most
  awscx.customerprofiles.customerprofiles_profiles:
    domain_name: retail-customers
    match_by: email_address
    rate_limit: 50
    profiles: "{{ lookup('ansible.builtin.file', 'customers.json') | from_json }}"
  no_log: true

- name: Find the profiles of accounts 1001 and 1002
  awscx.customerprofiles.customerprofiles_profile_info:
    domain_name: retail-customers
    search:
      - key_name: _account
        values: ["1001", "1002"]
  register: found
  no_log: true

- name: Clear the middle name of those profiles by id, keeping only the attributes given
  awscx.customerprofiles.customerprofiles_profiles:
    domain_name: retail-customers
    purge_attributes: true
    profiles:
      - profile_id: "{{ found.profiles[0].profile_id }}"
        middle_name: ""
        attributes:
          loyalty_tier: silver
      - profile_id: "{{ found.profiles[1].profile_id }}"
        middle_name: ""
        attributes: {}
  no_log: true

- name: Delete the profiles of two accounts
  awscx.customerprofiles.customerprofiles_profiles:
    domain_name: retail-customers
    state: absent
    profiles:
      - account_number: "1001"
      - account_number: "1002"
  no_log: true
"""

RETURN = r"""
profiles:
  description:
    - One entry per item of O(profiles), in the same order.
    - In check mode, what each item would become.
    - Until version 0.2.1 this list was named C(results). ansible-core takes a top-level C(results) list for the
      results of a loop and printed it even under C(no_log), so it was renamed.
  returned: always
  type: list
  elements: dict
  contains:
    index:
      description: The position of the item in O(profiles), from 0.
      type: int
      returned: always
      sample: 0
    profile_id:
      description:
        - The id of the profile.
        - V(null) once the profile is deleted or absent, and in check mode for a profile that would be created.
          For a failed item, the id of the profile it found, if any.
      type: str
      returned: always
      sample: 0123456789abcdef0123456789abcdef
    status:
      description:
        - V(created), V(updated), V(unchanged), V(deleted), V(absent) (O(state=absent) and no such profile),
          V(failed), or V(not_attempted) (the module stopped sending before this item's write, when the service
          answered none of the last 3 x O(max_concurrency) writes).
      type: str
      returned: always
      sample: created
    msg:
      description: Why the item failed; the service's message and error code, or the module's reason (for example
        several profiles matching). Never a field value.
      type: str
      returned: when RV(profiles[].status) is V(failed)
      sample: "Internal error (InternalServerException)"
    profile_ids:
      description:
        - The ids of the profiles that have the item's O(match_by) value, when there are several (the item failed
          because its value matches more than one profile, or because another writer created the same profile
          while this task created it).
      type: list
      elements: str
      returned: when RV(profiles[].status) is V(failed) for several profiles
      sample: [0123456789abcdef0123456789abcdef, 00112233445566778899aabbccddeeff]
    error:
      description: The service's error code (V(null) for a reason found by the module) and message.
      type: dict
      returned: when RV(profiles[].status) is V(failed)
      sample:
        code: InternalServerException
        message: Internal error
summary:
  description: How many items ended in each status (every status is listed, 0 included).
  returned: always
  type: dict
  contains:
    created:
      description: Profiles created (or that would be, in check mode).
      type: int
      returned: always
    updated:
      description: Profiles updated.
      type: int
      returned: always
    unchanged:
      description: Profiles already as given.
      type: int
      returned: always
    deleted:
      description: Profiles deleted.
      type: int
      returned: always
    absent:
      description: Items of O(state=absent) whose profile does not exist.
      type: int
      returned: always
    failed:
      description: Items that failed.
      type: int
      returned: always
    not_attempted:
      description: Items not sent because the service stopped answering.
      type: int
      returned: always
      version_added: 0.2.2
  sample:
    created: 2
    updated: 1
    unchanged: 997
    deleted: 0
    absent: 0
    failed: 0
    not_attempted: 0
duplicate_items:
  description: When items resolve to the same profile (the task then fails before any write), the indexes of each
    group of such items.
  returned: on that failure
  type: list
  elements: list
  sample: [[0, 4]]
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profiles import ProfilesResource


def main():
    run(ProfilesResource)


if __name__ == "__main__":
    main()

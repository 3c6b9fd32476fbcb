#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_profile_objects
version_added: 0.2.0
short_description: Ingest profile objects into an Amazon Connect Customer Profiles domain, idempotently
description:
  - Sends a list of objects of one object type to a domain the way production sources do (C(PutProfileObject)),
    and the object type's mapping (M(awscx.customerprofiles.customerprofiles_object_type)) turns each object into
    profile fields and ties it to a profile. O(state=absent) deletes the listed objects.
  - "Idempotent: before sending anything the module reads the object type (C(GetProfileObjectType)) to learn its
    keys. For each object it reads the value of each PROFILE key, finds the profile by it (C(SearchProfiles) with the
    key's name, once per distinct value), then looks for the stored object on that profile by the type's UNIQUE key
    (C(ListProfileObjects) with an C(ObjectFilter) on that key, one call per object). An object equal to its stored
    copy (compared as JSON) is not sent again: on AWS each ingestion can fire event streams and event triggers, so an
    unchanged object costs no write."
  - "Writes: where the installed botocore has C(BatchPutProfileObject) (botocore 1.43.17 and later), new and changed
    objects are sent 10 per call; otherwise one C(PutProfileObject) call per object. O(state=absent) makes one
    C(DeleteProfileObject) call per stored object found. A run in which every object is unchanged makes only the
    reads above; check mode makes no write."
  - The module reads a key's value through the C(source) of the key's field, which must be a C(_source.<path>)
    accessor (V(_source.OrderId), V(_source.Customer.AccountNumber), V(_source.Items[0].Sku)), and handles keys
    made of one field. An object type whose UNIQUE key, or all of whose PROFILE keys, the module cannot read fails
    before any write.
  - Every object is attempted. An object without a value for the UNIQUE key or for any PROFILE key, or one the
    service refuses, is reported with status V(failed) and a message (never a field value); the task then fails and
    the other objects stay applied, so a rerun converges. Two objects with the same UNIQUE key value fail the task
    before any write.
  - An object whose profile does not exist yet (no profile found by its PROFILE keys) is reported V(created) with no
    RV(results[].profile_id); the service creates the profile when the object type's C(allow_profile_creation) is
    true, and otherwise sends the object to the domain's dead-letter queue.
  - SearchProfiles is eventually consistent on AWS. A rerun right after the first ingestion of a new customer may not
    find the new profile yet and then sends its objects again (the UNIQUE key makes the service replace them, so no
    duplicate is stored).
  - A missing object type fails the task; in check mode every object is then predicted V(created) (a type the same
    run would create).
  - "IAM actions used: C(profile:GetProfileObjectType), C(profile:SearchProfiles), C(profile:ListProfileObjects),
    C(profile:PutProfileObject) (BatchPutProfileObject uses the same action), C(profile:DeleteProfileObject)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  domain_name:
    description:
      - The name of the domain (1 to 64 letters, digits, underscores or hyphens).
    type: str
    required: true
  object_type_name:
    description:
      - The object type of every object in O(objects).
    type: str
    required: true
  objects:
    description:
      - The objects, each a dict (sent as JSON) or a string holding a JSON object (sent as given), at most 256000
        characters of JSON each.
      - With O(state=absent), each object needs only the fields of the type's UNIQUE key and of a PROFILE key.
    type: list
    elements: raw
    required: true
  state:
    description:
      - V(present) ingests the objects that are new or differ from their stored copy.
      - V(absent) deletes the listed objects that are stored (found as above); the others are reported V(absent).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
"""

EXAMPLES = r"""
- name: Ingest orders (an object type Order keyed by OrderId UNIQUE and AccountNumber PROFILE)
  awscx.customerprofiles.customerprofiles_profile_objects:
    domain_name: retail-customers
    object_type_name: Order
    objects:
      - OrderId: "1001"
        AccountNumber: "A-100"
        Email: jane@example.com
        Total: 42.5
      - '{"OrderId": "1002", "AccountNumber": "A-200", "Total": 10}'
  register: ingested
  no_log: true

- name: What was sent
  ansible.builtin.debug:
    msg: "{{ ingested.summary }}"

- name: Delete one order
  awscx.customerprofiles.customerprofiles_profile_objects:
    domain_name: retail-customers
    object_type_name: Order
    state: absent
    objects:
      - OrderId: "1002"
        AccountNumber: "A-200"
  no_log: true
"""

RETURN = r"""
results:
  description:
    - One item per object of O(objects), in order.
  returned: always
  type: list
  elements: dict
  contains:
    index:
      description: The position of the object in O(objects).
      type: int
      sample: 0
    profile_id:
      description: The profile the object belongs to; null for an object whose profile was not found before the write.
      type: str
      sample: 0123456789abcdef0123456789abcdef
    unique_key:
      description:
        - The service's C(ProfileObjectUniqueKey) of the object (what C(DeleteProfileObject) takes).
        - Null for an object that check mode predicts V(created), or that failed.
      type: str
      sample: hCvmq2u44ZA1GzeZHOEl9ku2fyl7f8et
    status:
      description: V(created), V(updated), V(unchanged), V(deleted), V(absent) or V(failed).
      type: str
      sample: created
    msg:
      description: Why the object failed (the service's message and code, or the missing key); never a field value.
      type: str
      returned: when status is failed
      sample: the object has no value for the UNIQUE key OrderId
summary:
  description: The number of objects of each status (every status is listed).
  returned: always
  type: dict
  sample: {"created": 2, "updated": 1, "unchanged": 22, "deleted": 0, "absent": 0, "failed": 0}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils.engine import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile_objects import ProfileObjectsResource


def main():
    run(ProfileObjectsResource)


if __name__ == "__main__":
    main()

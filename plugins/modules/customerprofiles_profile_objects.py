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
    key's name, once per distinct value), then looks for the stored objects on each profile found by the type's
    UNIQUE key (C(ListProfileObjects) with an C(ObjectFilter) on that key holding the UNIQUE values of every object
    of that profile, 50 values a call; a call the service refuses for its number of values is halved). An object
    equal to its stored copy (compared as JSON) is not sent again: on AWS each ingestion can fire event streams and
    event triggers, so an unchanged object costs no write."
  - "Reads: 1 + P + L calls for P distinct PROFILE key values and L = ceil(n / 50) summed over the profiles found
    (n: the objects of that profile); 1,000 orders of 100 customers cost 1 + 100 + 100 reads. They run
    O(max_concurrency) at a time under a token bucket of O(rate_limit) calls per second."
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
  - "A service that stops answering: once 3 write calls in a row got no answer (a time-out or a dropped connection),
    the module stops sending; the objects not sent yet are reported V(not_attempted) and the task fails saying so."
  - An object whose profile does not exist yet (no profile found by its PROFILE keys) is reported V(created) with no
    RV(objects[].profile_id); the service creates the profile when the object type's C(allow_profile_creation) is
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
  max_concurrency:
    description:
      - How many read calls (C(SearchProfiles), C(ListProfileObjects)) run at the same time, in threads of the module
        process. At least 1. The writes are sent one after another, in the order of O(objects).
    type: int
    default: 10
    version_added: 0.2.2
  rate_limit:
    description:
      - At most this many read calls per second, in all threads together (a client-side token bucket that holds at
        most one second's worth of calls and starts full).
      - The default stays just under the service's default quota of 100 requests per second for C(SearchProfiles)
        and C(ListProfileObjects); throttled calls are retried anyway.
    type: float
    default: 95
    version_added: 0.2.2
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: Ingest orders (an object type Order keyed by OrderId UNIQUE and _account PROFILE, on field AccountNumber)
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
objects:
  description:
    - One item per object of O(objects), in order.
    - Until version 0.2.1 this list was named C(results). ansible-core takes a top-level C(results) list for the
      results of a loop and printed it even under C(no_log), so it was renamed.
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
      description:
        - V(created), V(updated), V(unchanged), V(deleted), V(absent), V(failed), or V(not_attempted) (the module
          stopped sending before this object's write, when the service answered none of the last 3 writes).
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
  sample: {"created": 2, "updated": 1, "unchanged": 22, "deleted": 0, "absent": 0, "failed": 0, "not_attempted": 0}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile_objects import ProfileObjectsResource


def main():
    run(ProfileObjectsResource)


if __name__ == "__main__":
    main()

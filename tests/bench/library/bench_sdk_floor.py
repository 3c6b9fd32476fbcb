# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Benchmark floor + SDK (test-only, never shipped): the least any boto3-based module can cost.

An AnsibleModule (like ansible.builtin.ping) that imports boto3, builds one
customer-profiles client and makes one read call (ListDomains, one page).
No retries wrapper, no amazon.aws module_utils, no validation.

The memory part's floor (memory_bench.py) also hands it ``profiles``, the list
customerprofiles_profiles gets there, as a plain list of dicts (no sub-options: ansible-core
checks each item's type and nothing more). It is counted, and left out of the result's
``invocation`` as customerprofiles_profiles leaves it out of its own below -vvv: what the
run then costs is what ansible-core spends to hand any module this list.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: bench_sdk_floor
short_description: Benchmark floor - boto3 import, one client, one ListDomains call
description: Test-only module of the benchmark in tests/bench.
options:
  endpoint_url: {type: str, required: true, description: Endpoint of the service.}
  region: {type: str, default: us-east-1, description: Region.}
  access_key: {type: str, required: true, description: Access key.}
  secret_key: {type: str, required: true, description: Secret key.}
  profiles: {type: list, elements: dict, description: Items (the memory floor), counted only.}
author: awscx.customerprofiles contributors
"""

from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(
        argument_spec=dict(
            endpoint_url=dict(type="str", required=True),
            region=dict(type="str", default="us-east-1"),
            access_key=dict(type="str", required=True, no_log=True),
            secret_key=dict(type="str", required=True, no_log=True),
            profiles=dict(type="list", elements="dict"),
        ),
        supports_check_mode=True,
    )
    import boto3  # the SDK cost is the point of this module

    client = boto3.session.Session().client(
        "customer-profiles",
        endpoint_url=module.params["endpoint_url"],
        region_name=module.params["region"],
        aws_access_key_id=module.params["access_key"],
        aws_secret_access_key=module.params["secret_key"],
    )
    response = client.list_domains(MaxResults=1)
    result = dict(changed=False, domains=len(response.get("Items", [])))
    profiles = module.params["profiles"]
    if profiles is not None:
        result.update(summary=dict(items=len(profiles)), invocation=dict(module_args=dict(items=len(profiles))))
    module.exit_json(**result)


if __name__ == "__main__":
    main()

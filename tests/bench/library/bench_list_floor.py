# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Benchmark floor, memory (test-only, never shipped): the least any boto3-based module costs that is handed the
memory part's list of profiles.

An AnsibleModule that takes ``profiles`` as a list of dicts (no sub-options, so ansible-core checks each item's
type and nothing more), imports boto3, builds one customer-profiles client and makes no call. Its result is as small
as a result can be: the item count, and an ``invocation`` without the list (as customerprofiles_profiles leaves
the list out of its own below -vvv). What the memory part measures for it is what ansible-core itself spends to
template the list, build and run the module, and return: no module handed this list can cost less.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: bench_list_floor
short_description: Benchmark floor - a module handed a list of profiles, boto3 imported, one client, no call
description: Test-only module of the benchmark in tests/bench.
options:
  profiles: {type: list, elements: dict, required: true, description: The items, unchecked.}
  domain_name: {type: str, required: true, description: Domain (unused).}
  endpoint_url: {type: str, required: true, description: Endpoint of the service.}
  region: {type: str, default: us-east-1, description: Region.}
  access_key: {type: str, required: true, description: Access key.}
  secret_key: {type: str, required: true, description: Secret key.}
author: awscx.customerprofiles contributors
"""

from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(
        argument_spec=dict(
            profiles=dict(type="list", elements="dict", required=True),
            domain_name=dict(type="str", required=True),
            endpoint_url=dict(type="str", required=True),
            region=dict(type="str", default="us-east-1"),
            access_key=dict(type="str", required=True, no_log=True),
            secret_key=dict(type="str", required=True, no_log=True),
        ),
        supports_check_mode=True,
    )
    import boto3  # the SDK cost is part of the floor

    boto3.session.Session().client(
        "customer-profiles",
        endpoint_url=module.params["endpoint_url"],
        region_name=module.params["region"],
        aws_access_key_id=module.params["access_key"],
        aws_secret_access_key=module.params["secret_key"],
    )
    count = len(module.params["profiles"])
    module.exit_json(
        changed=False,
        summary=dict(items=count),
        invocation=dict(module_args=dict(domain_name=module.params["domain_name"], profiles_count=count)),
    )


if __name__ == "__main__":
    main()

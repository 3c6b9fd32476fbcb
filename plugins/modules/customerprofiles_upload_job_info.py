#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_upload_job_info
version_added: 0.3.0
short_description: Describe the upload jobs (CSV imports) of an Amazon Connect Customer Profiles domain
description:
  - With O(job_id), describes that job in full (GetUploadJob, with its mapping and counts), or returns an empty
    list when it (or the domain) does not exist.
  - Without it, lists the domain's jobs (ListUploadJobs, every page), in the order the service gives them, or
    only those of O(display_name). The list items carry the job's identity, status and times, not its mapping or
    counts (read one with O(job_id) for those).
  - This module makes no change and supports check mode.
  - "IAM actions used: C(profile:ListUploadJobs), C(profile:GetUploadJob) (with O(job_id))."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  display_name:
    description:
      - Only the jobs of this display name.
      - Mutually exclusive with O(job_id).
    type: str
    aliases: ['name']
  job_id:
    description:
      - The identifier of one job (RV(upload_jobs[].job_id) of a listing, or of M(awscx.customerprofiles.customerprofiles_upload_job)'s result).
    type: str
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
"""

EXAMPLES = r"""
- name: The imports of the December file
  awscx.customerprofiles.customerprofiles_upload_job_info:
    domain_name: retail-customers
    display_name: customers-2026-12
  register: imports

- name: The newest of them in full, with its counts
  awscx.customerprofiles.customerprofiles_upload_job_info:
    domain_name: retail-customers
    job_id: "{{ (imports.upload_jobs | sort(attribute='created_at') | last).job_id }}"
  register: newest
"""

RETURN = r"""
upload_jobs:
  description:
    - The jobs, each in the form M(awscx.customerprofiles.customerprofiles_upload_job) returns (the list items of
      ListUploadJobs without O(job_id)).
  returned: always
  type: list
  elements: dict
  contains:
    # BEGIN generated from tests/docs/blocks/upload_job_return.yml (make docs-modules)
    job_id:
      description: The job's identifier (32 hexadecimal digits).
      type: str
      returned: when the job exists (not in check mode before creation)
      sample: 0123456789abcdef0123456789abcdef
    display_name:
      description: The job's display name, its identity for the module.
      type: str
      returned: when the job exists
      sample: customers-2026-12
    status:
      description:
        - V(CREATED), V(IN_PROGRESS), V(SUCCEEDED), V(PARTIALLY_SUCCEEDED) (some rows failed), V(FAILED) or V(STOPPED).
      type: str
      returned: when the job exists
      sample: SUCCEEDED
    status_reason:
      description: Why the job failed, V(VALIDATION_FAILURE) or V(INTERNAL_FAILURE).
      type: str
      returned: when the service gives one
      sample: VALIDATION_FAILURE
    created_at:
      description: When the job was created (ISO 8601).
      type: str
      returned: when the job exists (not in check mode before creation)
      sample: "2026-12-01T12:00:00+00:00"
    completed_at:
      description: When the job finished (ISO 8601).
      type: str
      returned: when the job finished
      sample: "2026-12-01T12:04:10+00:00"
    fields:
      description: The mapping of the CSV columns onto the profile, with the module's option names, field names as stored.
      type: dict
      returned: when the job exists (not in the list items of the _info module without C(job_id))
      sample: {"Email": {"source": "_source.email", "target": "_profile.EmailAddress", "content_type": "EMAIL_ADDRESS"}}
    unique_key:
      description: The field whose value identifies a profile.
      type: str
      returned: when the job exists (not in the list items of the _info module without C(job_id))
      sample: AccountNumber
    data_expiry:
      description: How many days the profiles the job ingests are kept.
      type: int
      returned: when the job exists and the service gives it
      sample: 14
    results_summary:
      description: The counts of the rows the job processed.
      type: dict
      returned: when the job exists and has started (not in the list items of the _info module without C(job_id))
      contains:
        created_records:
          description: The rows that created a profile.
          type: int
          sample: 9500
        updated_records:
          description: The rows that updated a profile.
          type: int
          sample: 480
        failed_records:
          description: The rows that failed (a missing unique key value, a value its content type refuses).
          type: int
          sample: 20
    # END generated upload_job_return
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run_info
from ansible_collections.awscx.customerprofiles.plugins.module_utils.upload_job import UploadJobLister


def main():
    run_info(UploadJobLister)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_upload_job
version_added: 0.3.0
short_description: Import customers from a CSV file into an Amazon Connect Customer Profiles domain (an upload job)
description:
  - Runs an upload job, the service's bulk import of a CSV file into a domain's profiles (the import behind a segment
    made from a file). The module creates the job (CreateUploadJob) with the mapping of the file's columns onto the
    profile (O(fields)) and the field that identifies a profile (O(unique_key)), uploads the local file O(src) to the
    pre-signed URL the service gives (GetUploadJobPath), starts the job (StartUploadJob) and, with O(wait), waits
    for it to finish (GetUploadJob) and returns its status and the counts of created, updated and failed rows.
  - The upload is an HTTP PUT made with ansible-core's own URL helpers, streamed from the open file (the file is
    never read whole into memory; the service takes files under 1 GB). It carries the server-side encryption
    headers the GetUploadJobPath reference requires (C(x-amz-server-side-encryption-customer-key) is the
    ClientToken the service gives, C(x-amz-server-side-encryption-customer-key-MD5) its MD5,
    C(x-amz-server-side-encryption-customer-algorithm) V(AES256)). The ClientToken is a secret; it is never
    returned, logged, shown in a diff or put in a message. An upload the URL refuses fails with its HTTP status
    and S3's error code; the job is then left V(CREATED), and the next run uploads to it and starts it.
  - Before any API call the module reads the first line of O(src) (only that line) and checks that each field's
    source names a column of that header, and that O(unique_key) names one of O(fields); a mismatch fails naming
    the options and the missing column names (never a value of the file). Bad input of the service model
    (lengths, patterns, ranges, enums, at every level of O(fields)) also fails before any call, naming the option
    path and never repeating the value.
  - O(display_name) is the job's identity. The module lists the domain's jobs (ListUploadJobs, every page); the
    newest job of that name decides what the run does.
  - "No job of that name, or O(rerun=true) and the job finished: a new job runs the file (C(changed=true))."
  - "A job V(CREATED) but never started (a run that was stopped before it started the job): the file is uploaded
    to that job and it is started, no new job is made (C(changed=true))."
  - "A job V(IN_PROGRESS): no write call; with O(wait) the module waits for it to finish, then reports it as below."
  - "A job V(SUCCEEDED): reported in RV(upload_job), no write call (C(changed=false)), unless O(rerun=true)."
  - A job V(PARTIALLY_SUCCEEDED) (some rows failed), V(FAILED) or V(STOPPED) fails the task, whether this run ran
    it or an earlier one did. The message names the status, the service's reason and the counts of created,
    updated and failed rows, and RV(upload_job) is in the result. The rows that succeeded stay in the domain. A
    rerun with O(rerun=true) runs the (fixed) file again in a new job; a failed job found again without it fails
    again without any write call (C(changed=false)).
  - A job of this run that has not finished within O(wait_timeout) seconds (or with O(wait=false)) is returned as
    it is, with a warning when the wait timed out; the task succeeds and the job goes on by itself. A later run
    with the same O(display_name) waits for it (it is V(IN_PROGRESS)) instead of running the file again.
  - The waits read the job (GetUploadJob) after 1, 2, 4, 8, 15 and then every 30 seconds. For a file that takes
    longer than a task should block, run the task with Ansible's C(async) and C(poll) (see the examples), with
    O(wait_timeout) as long as the C(async) limit.
  - Check mode makes reads only (ListUploadJobs, GetUploadJob) besides the check of the CSV header; it makes no
    call that writes, GetUploadJobPath included. It reports C(changed=true) when the run would run the file, and
    RV(upload_job) is the job as it would be once started (V(IN_PROGRESS), without RV(upload_job.job_id) or
    counts for a new job). With C(--diff), RV(diff.before) is the newest job of that name and RV(diff.after) the
    job after the run.
  - "The service gives no update or delete of an upload job. Upload jobs are operations, not configuration:
    M(awscx.customerprofiles.customerprofiles_domain_config) does not manage or export them."
  - "IAM actions used: C(profile:ListUploadJobs), C(profile:GetUploadJob), C(profile:CreateUploadJob),
    C(profile:GetUploadJobPath) and C(profile:StartUploadJob). The upload itself is a PUT to the pre-signed URL,
    which needs no permission of the caller."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  display_name:
    description:
      - The name of the job, 1 to 255 characters; the job's identity (the newest job of that name is the one the
        module finds). A name per file and load (V(customers-2026-12)) lets a later run find the job again.
    type: str
    required: true
    aliases: ['name']
  fields:
    description:
      - The mapping of the CSV columns onto the standard profile, as the O(awscx.customerprofiles.customerprofiles_object_type#module:fields)
        of an object type; each key is a field name (1 to 64 letters, digits, C(_), C(.) or C(-)), each value has
        the sub-options below.
      - C(source) is required; it is V(_source.<column>), the column of the CSV header whose values the field
        takes (the header is checked before any call).
      - C(target) is required; it is V(_profile.<field>), the field of the standard profile the value goes to
        (V(_profile.EmailAddress), V(_profile.Address.City), V(_profile.Attributes.<name>)).
      - C(content_type) (optional) is V(STRING), V(NUMBER), V(PHONE_NUMBER), V(EMAIL_ADDRESS) or V(NAME); a value
        that does not fit it fails its row.
      - The service model marks the mapping sensitive; it is configuration, not profile data, and is returned.
    type: dict
    required: true
  unique_key:
    description:
      - The field (a key of O(fields)) whose value identifies a profile. A row whose value finds a profile updates
        it, any other row creates one; a row without a value fails.
    type: str
    required: true
  data_expiry:
    description:
      - How many days (1 to 1098) the service keeps the profiles the job ingests. When not given the service
        keeps them 14 days (its default).
    type: int
  src:
    description:
      - The local path of the CSV file on the host the module runs on (UTF-8, a header line naming the columns,
        under 1 GB).
    type: path
    required: true
  wait:
    description:
      - Wait until the job finishes (SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED or STOPPED), at most O(wait_timeout)
        seconds. With V(false) the module returns once the job is started.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait for the job, 0 or more.
    type: int
    default: 600
  rerun:
    description:
      - Run the file again in a new job when the newest job of O(display_name) has finished (whatever its status).
        A job V(CREATED) or V(IN_PROGRESS) is never run twice.
    type: bool
    default: false
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
notes:
  - The service refuses ingestion from CSV headers that contain dots; the header check does not judge the column
    names beyond their presence.
"""

EXAMPLES = r"""
- name: Import the customers of a CSV file (customers.csv beside the playbook)
  awscx.customerprofiles.customerprofiles_upload_job:
    domain_name: retail-customers
    display_name: customers-2026-12
    src: "{{ playbook_dir }}/customers.csv"
    fields:
      AccountNumber:
        source: _source.account_number
        target: _profile.AccountNumber
      Email:
        source: _source.email
        target: _profile.EmailAddress
        content_type: EMAIL_ADDRESS
      FirstName:
        source: _source.first_name
        target: _profile.FirstName
        content_type: NAME
    unique_key: AccountNumber
    data_expiry: 365
  register: import

- name: How many rows created and updated profiles
  ansible.builtin.debug:
    msg: "{{ import.upload_job.results_summary }}"

- name: A long import in the background, checked every 5 seconds (async, at most 2 hours)
  awscx.customerprofiles.customerprofiles_upload_job:
    domain_name: retail-customers
    display_name: customers-2026-12-full
    src: "{{ playbook_dir }}/customers.csv"
    fields:
      AccountNumber:
        source: _source.account_number
        target: _profile.AccountNumber
    unique_key: AccountNumber
    wait_timeout: 7200
  async: 7200
  poll: 5
"""

RETURN = r"""
upload_job:
  description:
    - The job (GetUploadJob) once it finished, or as it is when the wait ended first; in check mode, the job as it
      would be once started. Also in the result of a task that fails because the job did not succeed.
  returned: always
  type: dict
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
diff:
  description: With C(--diff), the newest job of that name before the run and the job after it (V({}) when none).
  returned: in diff mode
  type: dict
  contains:
    before:
      description: The newest job of that O(display_name) before the run.
      type: dict
      sample: {}
    after:
      description: The job after the run (as it would be, in check mode).
      type: dict
      sample: {"display_name": "spring-import", "status": "IN_PROGRESS"}
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.upload_job import UploadJobResource


def main():
    run(UploadJobResource)


if __name__ == "__main__":
    main()

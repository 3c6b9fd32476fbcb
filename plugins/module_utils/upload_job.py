# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Upload jobs (CreateUploadJob, GetUploadJobPath, StartUploadJob, GetUploadJob, ListUploadJobs), for
customerprofiles_upload_job and _info.

An upload job imports a CSV file into a domain's profiles: the job is created with its field mapping (``fields``, as
an object type's) and the field whose value identifies a profile (``unique_key``), the file is PUT to the pre-signed
URL GetUploadJobPath gives, with the server-side-encryption headers its API reference requires (the ClientToken is the
key: a secret, never returned, logged or put in a message), then the job is started and, with ``wait``, polled until
it finishes.

``display_name`` is the identity: the newest job of that name (ListUploadJobs, every page) decides.

- none, or one that finished and ``rerun``: a new job is created, uploaded, started;
- CREATED (a run that stopped before starting it): the file is uploaded to that job and it is started;
- IN_PROGRESS: no write; with ``wait`` (not in check mode) the module waits for it;
- SUCCEEDED: reported, no write;
- PARTIALLY_SUCCEEDED, FAILED, STOPPED: reported, and the task fails with the counts (the rows that succeeded stay);
  ``rerun`` runs the file again in a new job.

A job that this run started and that ends other than SUCCEEDED fails the task the same way.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import copy
import csv
import hashlib
import os
import re
from urllib.error import HTTPError
from urllib.error import URLError

from ansible.module_utils.urls import open_url

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Resource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import JOB_DELAYS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import poll
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import FIELD_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import _shape_errors
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import target_error

UPLOAD_JOB_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True),
    display_name=dict(type="str", required=True, aliases=["name"]),
    fields=dict(type="dict", required=True),
    unique_key=dict(type="str", required=True, no_log=False),
    data_expiry=dict(type="int"),
    src=dict(type="path", required=True),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=600),
    rerun=dict(type="bool", default=False),
)

# The members whose maps are keyed by data (the field names).
VERBATIM = ("Fields",)
NAMES = frozenset(FIELD_OPTIONS) | frozenset(("job_id", "display_name", "unique_key", "data_expiry"))

SOURCE_PREFIX = "_source."
FINISHED = ("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "STOPPED")
FAILED = ("PARTIALLY_SUCCEEDED", "FAILED", "STOPPED")
# The longest header line read (the check reads the first line only, never the file).
MAX_HEADER_BYTES = 1024 * 1024
# Seconds the upload may wait for the server between two blocks of the file.
UPLOAD_TIMEOUT = 120
UPLOAD_METHOD = "upload_file"  # the plan's pseudo-call: GetUploadJobPath, then the PUT of the file


# ---------------------------------------------------------------- reads


def list_upload_jobs(client, domain_name):
    """Every ListUploadJobs item of the domain, all pages."""
    return list_all(client.list_upload_jobs, "list upload jobs", DomainName=domain_name)


def get_upload_job(client, domain_name, job_id):
    """GetUploadJob's answer, or None when the job (or the domain) does not exist."""
    return get_or_none(client.get_upload_job, "get upload job", DomainName=domain_name, JobId=job_id)


def newest_named(items, display_name):
    """The newest list item whose DisplayName is ``display_name``, or None."""
    named = [item for item in items if item.get("DisplayName") == display_name]
    return max(named, key=lambda item: item.get("CreatedAt")) if named else None


def describe_upload_job(api):
    """An upload job as the modules return it: snake_case, ``fields`` in the option form (field names as stored),
    ``results_summary`` with the counts; {} for None."""
    if not api:
        return {}
    api = dict(api)
    api.pop("ResponseMetadata", None)
    return from_api(api, NAMES, VERBATIM)


# ---------------------------------------------------------------- the CSV file


def source_column(source):
    """The CSV column a field's Source names (``_source.<column>``), or None for another form."""
    if isinstance(source, str) and source.startswith(SOURCE_PREFIX) and len(source) > len(SOURCE_PREFIX):
        return source.split(".", maxsplit=1)[1]
    return None


def read_header(path):
    """The column names of the CSV file's first line (the only line read); raises ValueError saying why not (never
    a value of the file)."""
    try:
        with open(path, "r", encoding="utf-8-sig", newline="") as stream:
            line = stream.readline(MAX_HEADER_BYTES)
    except (IOError, OSError) as e:
        raise ValueError("cannot read the file ({0})".format(e.strerror or type(e).__name__)) from None
    except UnicodeDecodeError:
        raise ValueError("its first line is not UTF-8 text (the service takes UTF-8 CSV files)") from None
    if not line.strip():
        raise ValueError("its first line is empty: the file needs a header line naming its columns")
    return next(csv.reader([line]), [])


def header_errors(fields, unique_key, path):
    """What the options and the CSV file's header say before any call: each field's source a column of the header,
    each target a field of the standard profile, ``unique_key`` one of ``fields``. Names and column names only."""
    errors = []
    if unique_key not in fields:
        errors.append("unique_key must name one of fields ({0})".format(", ".join(sorted(fields))))
    columns = {}
    for name, field in sorted(fields.items()):
        source = (field or {}).get("source")
        column = source_column(source)
        if source is not None and column is None:
            errors.append("fields.{0}.source must be _source.<column> (a column of the CSV header)".format(name))
        elif column is not None:
            columns.setdefault(column, []).append(name)
        target = (field or {}).get("target")
        if isinstance(target, str) and target:
            problem = "is not on the profile (an upload job writes _profile.<field> only)"
            if target.startswith("_profile."):
                problem = target_error(target, None)
            if problem:
                errors.append("fields.{0}.target {1}".format(name, problem))
    if not columns:
        return errors
    try:
        header = read_header(path)
    except ValueError as e:
        return errors + ["src: {0}".format(e)]
    missing = sorted(column for column in columns if column not in header)
    if missing:
        errors.append(
            "fields: the header of src has no column {0} (named by {1})".format(
                ", ".join(missing),
                ", ".join("fields.{0}.source".format(name) for column in missing for name in columns[column]),
            )
        )
    return errors


def sse_headers(client_token, size):
    """The headers of the PUT to GetUploadJobPath's URL (its API reference): the ClientToken as the SSE-C key, the
    base64 MD5 of the key's bytes, AES256; and the file's length (the body is streamed)."""
    try:
        key = base64.b64decode(client_token)
    except (TypeError, ValueError):
        key = client_token.encode("utf-8")
    return {
        "x-amz-server-side-encryption-customer-key": client_token,
        "x-amz-server-side-encryption-customer-key-MD5": base64.b64encode(hashlib.md5(key).digest()).decode("ascii"),
        "x-amz-server-side-encryption-customer-algorithm": "AES256",
        "Content-Length": str(size),
        "Content-Type": "text/csv",
    }


S3_CODE = re.compile(r"<Code>([A-Za-z]+)</Code>")


def put_file(url, client_token, path):
    """PUT the file at ``path`` to ``url``, streamed from the open file (never read whole); raises PlanError with the
    HTTP status and S3's error code. Nothing of the token or the URL's signature is in a message."""
    size = os.path.getsize(path)
    try:
        with open(path, "rb") as body:
            response = open_url(
                url,
                data=body,
                method="PUT",
                headers=sse_headers(client_token, size),
                timeout=UPLOAD_TIMEOUT,
                follow_redirects="none",
            )
            response.read()
    except HTTPError as e:
        try:
            found = S3_CODE.search(e.read().decode("utf-8", "replace"))
        except Exception:  # pylint: disable=broad-except
            found = None
        raise PlanError(
            "Uploading src to the job's upload URL failed: HTTP {0}{1}; the job is left CREATED (not started): run the "
            "task again to upload the file to it and start it.".format(
                e.code, " ({0})".format(found.group(1)) if found else ""
            ),
            http_status=e.code,
        ) from None
    except (URLError, IOError, OSError) as e:
        reason = getattr(e, "reason", None) or getattr(e, "strerror", None) or type(e).__name__
        raise PlanError(
            "Uploading src to the job's upload URL failed ({0}); the job is left CREATED (not started): run the task "
            "again to upload the file to it and start it.".format(
                reason if isinstance(reason, str) else type(reason).__name__
            )
        ) from None


class UploadJobResource(Resource):
    """One upload job by its display name: created, uploaded and started, or the newest of that name reported."""

    argument_spec = UPLOAD_JOB_ARGUMENT_SPEC
    result_key = "upload_job"
    verbatim_keys = VERBATIM

    # validation -----------------------------------------------------------------------
    def validate(self):
        errors = _shape_errors("fields", self.params.get("fields"), FIELD_OPTIONS, False)
        if errors:
            return errors
        return super(UploadJobResource, self).validate()

    def model_inputs(self):
        params = self.params
        options = dict(
            (option, params.get(option))
            for option in ("domain_name", "display_name", "fields", "unique_key", "data_expiry")
        )
        return [("CreateUploadJob", options, "")]

    def extra_checks(self):
        params = self.params
        errors = []
        if params["wait_timeout"] < 0:
            errors.append("wait_timeout must be 0 or more")
        return errors + header_errors(params["fields"], params["unique_key"], params["src"])

    # the flow -------------------------------------------------------------------------
    def identity(self, job_id=None):
        return dict(DomainName=self.params["domain_name"], JobId=job_id)

    def get(self, job_id):
        return get_upload_job(self.client, self.params["domain_name"], job_id)

    def read(self):
        """The newest job of the display name, as GetUploadJob describes it; one IN_PROGRESS is waited for first
        (``wait``, not in check mode)."""
        item = newest_named(list_upload_jobs(self.client, self.params["domain_name"]), self.params["display_name"])
        if item is None:
            return None
        job = self.get(item["JobId"]) or item
        if job.get("Status") == "IN_PROGRESS" and self.params["wait"] and not self.module.check_mode:
            job = self.poll(job)
        return job

    def plan(self, current):
        job = current.resource
        status = (job or {}).get("Status")
        if job is None or (status in FINISHED and self.params["rerun"]):
            return self.plan_new()
        if status == "CREATED":
            return self.plan_start(job)
        return Plan([], after=job, failure=self.failure(job, ran=False))

    def desired(self):
        """CreateUploadJob's members from the options."""
        params = self.params
        request = dict(
            DomainName=params["domain_name"],
            DisplayName=params["display_name"],
            Fields=to_api(dict(fields=params["fields"]), VERBATIM)["Fields"],
            UniqueKey=params["unique_key"],
        )
        if params.get("data_expiry") is not None:
            request["DataExpiry"] = params["data_expiry"]
        return request

    def plan_new(self):
        request = self.desired()
        after = dict((key, value) for key, value in request.items() if key != "DomainName")
        after["Status"] = "IN_PROGRESS"
        calls = [Call("create_upload_job", request, "create upload job")] + self.upload_calls(None)
        return Plan(calls, after=after)

    def plan_start(self, found):
        after = copy.deepcopy(found)
        after["Status"] = "IN_PROGRESS"
        return Plan(self.upload_calls(found["JobId"]), after=after)

    def upload_calls(self, job_id):
        return [
            Call(UPLOAD_METHOD, self.identity(job_id), "upload the CSV file (get upload job path)"),
            Call("start_upload_job", self.identity(job_id), "start upload job"),
        ]

    def failure(self, job, ran):
        """The PlanError of a job that finished other than SUCCEEDED (None otherwise): its status, reason and counts;
        the job is in the result."""
        status = job.get("Status")
        if status not in FAILED:
            return None
        counts = job.get("ResultsSummary") or {}
        return PlanError(
            "Upload job {0} of domain {1} {2} {3}{4}: {5} created, {6} updated, {7} failed rows (the rows that "
            "succeeded stay). {8}".format(
                self.params["display_name"],
                self.params["domain_name"],
                "ended" if ran else "(an earlier run) is",
                status,
                " ({0})".format(job["StatusReason"]) if job.get("StatusReason") else "",
                counts.get("CreatedRecords", 0),
                counts.get("UpdatedRecords", 0),
                counts.get("FailedRecords", 0),
                "Fix the file and set rerun=true to run it again in a new job."
                if ran
                else "Set rerun=true to run the file again in a new job.",
            ),
            upload_job=self.describe(job),
        )

    # apply ------------------------------------------------------------------------------
    job_id = None

    def call(self, call, method=None):
        """The calls after the create take its JobId; the upload is GetUploadJobPath (counted as a write: the token
        it gives is for this upload) and the PUT of the file."""
        if "JobId" in call.request and call.request["JobId"] is None:
            call.request["JobId"] = self.job_id
        if call.method != UPLOAD_METHOD:
            return super(UploadJobResource, self).call(call, method)
        path = self.wrapped(call.action, self.client.get_upload_job_path, **call.request)
        self.count_write()
        put_file(path["Url"], path["ClientToken"], self.params["src"])
        return {}

    def outcome_from(self, call, response, outcome):
        if call.method == "create_upload_job":
            self.job_id = response["JobId"]
            outcome["JobId"] = self.job_id
        else:
            self.job_id = self.job_id or call.request.get("JobId")
        return outcome

    def read_back(self, plan, outcome):
        """The job read again: once it finished (``wait``; a warning when it did not within ``wait_timeout``) or as
        it is. A job that ended other than SUCCEEDED fails the task, the job in the result."""
        job = self.get(self.job_id) or outcome
        if self.params["wait"] and job.get("Status") not in FINISHED:
            job = self.poll(job)
        failure = self.failure(job, ran=True)
        if failure is not None:
            raise failure
        return job

    def poll(self, job):
        """GetUploadJob until the job finished, at most ``wait_timeout`` seconds; the last read (a warning when it
        has not finished)."""
        last, finished = poll(
            lambda: self.get(job["JobId"]) or job,
            lambda answer: answer.get("Status") in FINISHED,
            self.params["wait_timeout"],
            JOB_DELAYS,
        )
        if not finished:
            self.module.warn(
                "Upload job {0} of domain {1} is still {2} after wait_timeout={3} seconds; it goes on by itself (run "
                "the task again to wait for it, or read it with customerprofiles_upload_job_info).".format(
                    self.params["display_name"],
                    self.params["domain_name"],
                    last.get("Status"),
                    self.params["wait_timeout"],
                )
            )
        return last

    def describe(self, result):
        return describe_upload_job(result)


class UploadJobLister(Lister):
    """One job (``job_id``: GetUploadJob), the jobs of a display name or every job (ListUploadJobs items)."""

    argument_spec = dict(
        domain_name=dict(type="str", required=True),
        display_name=dict(type="str", aliases=["name"]),
        job_id=dict(type="str"),
    )
    module_kwargs = dict(mutually_exclusive=[["display_name", "job_id"]])
    result_key = "upload_jobs"

    def model_inputs(self):
        params = self.params
        inputs = [("ListUploadJobs", dict(domain_name=params["domain_name"]), "")]
        if params["job_id"] is not None:
            inputs.append(("GetUploadJob", dict(domain_name=params["domain_name"], job_id=params["job_id"]), ""))
        if params["display_name"] is not None:
            inputs.append(("CreateUploadJob.DisplayName", params["display_name"], "display_name"))
        return inputs

    def wanted_one(self):
        return self.params["job_id"] is not None

    def get_one(self):
        return get_upload_job(self.client, self.params["domain_name"], self.params["job_id"])

    def list_all(self):
        items = list_upload_jobs(self.client, self.params["domain_name"])
        name = self.params["display_name"]
        return [item for item in items if name is None or item.get("DisplayName") == name]

    def describe(self, item):
        return describe_upload_job(item)

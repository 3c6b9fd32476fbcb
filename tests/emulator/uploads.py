# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The upload jobs of a domain (CreateUploadJob, GetUploadJobPath, StartUploadJob, StopUploadJob, GetUploadJob,
ListUploadJobs): UploadJobsBackendMixin, a base class of models.CustomerProfilesBackend, and the upload URL that
GetUploadJobPath gives (``receive_upload``: a PUT of the CSV file with the SSE-C headers the API reference names).
The resource is in models_uploads.py. Choices where AWS's documentation is silent are listed in README.md,
"Upload jobs".

The URL is on the emulator server itself (server.py serves UPLOAD_PREFIX); with moto's in-process mock there is no
server, so the first GetUploadJobPath starts a loopback HTTP listener in this process that serves the same path."""

import http.server
import itertools
import re
import threading
from urllib.parse import unquote

from moto.core.utils import unix_time

from .common import now
from .common import paginated
from .config import collection
from .errors import BadRequestException
from .errors import ResourceNotFoundException
from .mapping import SourceError
from .mapping import compile_source
from .models_objects import profile_field_shapes
from .models_uploads import FINISHED
from .models_uploads import MAX_FILE_BYTES
from .models_uploads import ROWS_PER_READ
from .models_uploads import UPLOAD_JOBS
from .models_uploads import UploadJob
from .models_uploads import file_path
from .models_uploads import key_md5
from .models_uploads import store_file
from .objects import _set_path
from .objects import _valid_profile_value
from .state import upload_job_polls

UPLOAD_PREFIX = "/_emulator-uploads/"
SSE_KEY = "x-amz-server-side-encryption-customer-key"
SSE_MD5 = "x-amz-server-side-encryption-customer-key-MD5"
SSE_ALGORITHM = "x-amz-server-side-encryption-customer-algorithm"
# The base URL of the server answering the current request (server.py sets it per request thread).
SERVER_BASE = threading.local()
# What a value of each content type must look like, else its row fails (the emulator's rules).
CONTENT_RULES = {
    "NUMBER": re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"),
    "EMAIL_ADDRESS": re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
    "PHONE_NUMBER": re.compile(r"^\+?[0-9][0-9 ().-]{2,}$"),
}


def _job(domain, job_id):
    found = collection(domain, UPLOAD_JOBS).get(job_id)
    if found is None:
        raise ResourceNotFoundException("Upload job %s not found in domain %s" % (job_id, domain.name))
    return found


def _check_fields(fields, unique_key):
    """CreateUploadJob's Fields and UniqueKey: every Source a _source accessor (the column), every Target a field of
    the standard profile, UniqueKey one of the Fields (400 otherwise)."""
    problems = []
    shapes = profile_field_shapes()
    for name, field in sorted(fields.items()):
        try:
            compile_source(field["Source"])
        except SourceError as exc:
            problems.append("Fields.%s.Source: %s" % (name, exc))
        target = field["Target"]
        head, _dot, path = target.partition(".")
        parts = path.split(".")
        member = shapes.get(parts[0]) if head == "_profile" else None
        valid = member is not None and (
            (member.type_name == "string" and len(parts) == 1)
            or (member.type_name == "map" and len(parts) == 2 and parts[1])
            or (member.type_name == "structure" and len(parts) == 2 and parts[1] in member.members)
        )
        if not valid:
            problems.append("Fields.%s.Target %s is not a field of the standard profile" % (name, target))
    if unique_key not in fields:
        problems.append("UniqueKey %s is not one of the Fields" % unique_key)
    if problems:
        raise BadRequestException("; ".join(problems))


class UploadJobsBackendMixin:
    """The upload jobs of a backend's domains. Mixed into CustomerProfilesBackend (get_domain_object, new_profile,
    store_profile)."""

    def create_upload_job(self, DomainName, DisplayName, Fields, UniqueKey, DataExpiry=None):
        domain = self.get_domain_object(DomainName)
        _check_fields(Fields, UniqueKey)
        job = UploadJob(domain, DisplayName, Fields, UniqueKey, DataExpiry, upload_job_polls())
        collection(domain, UPLOAD_JOBS)[job.job_id] = job
        return {"JobId": job.job_id}

    def get_upload_job_path(self, DomainName, JobId):
        domain = self.get_domain_object(DomainName)
        job = _job(domain, JobId)
        if job.status != "CREATED":
            raise BadRequestException(
                "Upload job %s is %s: a file can be uploaded only before it starts" % (JobId, job.status)
            )
        token = job.new_token()
        url = "%s%s%s/%s/%s/%s" % (_base_url(), UPLOAD_PREFIX, self.account_id, self.region_name, domain.name, JobId)
        return {"Url": url, "ClientToken": token, "ValidUntil": job.valid_until}

    def start_upload_job(self, DomainName, JobId):
        domain = self.get_domain_object(DomainName)
        job = _job(domain, JobId)
        if job.status != "CREATED":
            raise BadRequestException("Upload job %s is %s: only a CREATED job can be started" % (JobId, job.status))
        if file_path(JobId) is None:
            job.finish("FAILED", "VALIDATION_FAILURE")
            return {}
        job.status = "IN_PROGRESS"
        if job.polls <= 0:
            self._process(domain, job)
        return {}

    def stop_upload_job(self, DomainName, JobId):
        domain = self.get_domain_object(DomainName)
        job = _job(domain, JobId)
        if job.status in FINISHED:
            raise BadRequestException(
                "Upload job %s is %s: only a job not finished can be stopped" % (JobId, job.status)
            )
        job.finish("STOPPED")
        return {}

    def get_upload_job(self, DomainName, JobId):
        domain = self.get_domain_object(DomainName)
        job = _job(domain, JobId)
        if job.status == "IN_PROGRESS":
            job.polls -= 1
            if job.polls <= 0:
                self._process(domain, job)
        return job.describe()

    @paginated()
    def list_upload_jobs(self, DomainName):
        """The domain's jobs, newest first."""
        domain = self.get_domain_object(DomainName)
        jobs = sorted(collection(domain, UPLOAD_JOBS).values(), key=lambda job: job.created_at, reverse=True)
        return [job.summary() for job in jobs]

    # processing -----------------------------------------------------------------------------------------
    def _process(self, domain, job):
        """Map the next ROWS_PER_READ rows of the job's file into profiles keyed by the UniqueKey field's value:
        created or updated; a row without that value, or with a value its content type or the profile's shape
        refuses, fails. The read that reaches the end of the file finishes the job."""
        if job.reader is None:
            job.open(file_path(job.job_id))
            if job.header is None:
                job.finish("FAILED", "VALIDATION_FAILURE")
                return
        sources = {name: compile_source(field["Source"]) for name, field in job.fields.items()}
        index = collection(domain, "upload_keys")
        key_name = job.fields[job.unique_key].get("Target") or job.unique_key
        done = 0
        for row in itertools.islice(job.reader, ROWS_PER_READ):
            done += 1
            if row:
                outcome = self._upload_row(domain, job, sources, index, key_name, dict(zip(job.header, row)))
                job.results[outcome] += 1
        if done == ROWS_PER_READ:
            return  # more rows, at the next read
        failed = job.results["FailedRecords"]
        job.finish(
            "SUCCEEDED" if not failed else "PARTIALLY_SUCCEEDED" if failed < sum(job.results.values()) else "FAILED"
        )

    def _upload_row(self, domain, job, sources, index, key_name, document):
        values = {name: source(document) for name, source in sources.items()}
        unique = values.get(job.unique_key)
        if unique is None:
            return "FailedRecords"
        targets = []
        for name, field in job.fields.items():
            value = values.get(name)
            if value is None:
                continue
            rule = CONTENT_RULES.get(field.get("ContentType"))
            path = field["Target"][len("_profile.") :]
            if (rule is not None and not rule.match(value)) or not _valid_profile_value(path, value):
                return "FailedRecords"
            targets.append((path, value))
        profile_id = index.get((key_name, unique))
        if profile_id not in domain.profiles:
            profile = {}
            for path, value in targets:
                _set_path(profile, path, value)
            index[(key_name, unique)] = self.new_profile(domain, profile)["ProfileId"]
            return "CreatedRecords"
        profile = dict(domain.profiles[profile_id])
        for path, value in targets:
            _set_path(profile, path, value)
        self.store_profile(domain, profile)
        return "UpdatedRecords"


# the upload URL ------------------------------------------------------------------------------------------------
def _s3_error(status, code, message):
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>%s</Code><Message>%s</Message></Error>' % (code, message)
    ).encode("utf-8")
    return status, [("Content-Type", "application/xml")], body


def receive_upload(method, path, headers, stream, length):
    """(status, headers, body) of a request to an upload URL: a PUT with the job's SSE-C key stores the file
    (streamed), anything else is refused as S3 refuses it (an XML error)."""
    from .models import customerprofiles_backends  # pylint: disable=import-outside-toplevel
    from .responses import BACKEND_LOCK  # pylint: disable=import-outside-toplevel

    if method != "PUT":
        return _s3_error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
    parts = [unquote(part) for part in path[len(UPLOAD_PREFIX) :].split("/")]
    if len(parts) != 4:
        return _s3_error(404, "NoSuchKey", "The specified key does not exist.")
    account, region, domain_name, job_id = parts
    with BACKEND_LOCK:
        try:
            domain = customerprofiles_backends[account][region].domains[domain_name]
            job = collection(domain, UPLOAD_JOBS)[job_id]
        except KeyError:
            return _s3_error(404, "NoSuchKey", "The specified key does not exist.")
        token, status, valid_until = job.token, job.status, job.valid_until
    key, md5, algorithm = headers.get(SSE_KEY), headers.get(SSE_MD5), headers.get(SSE_ALGORITHM)
    if token is None or status != "CREATED":
        return _s3_error(403, "AccessDenied", "Access Denied")
    if unix_time(now()) > valid_until:
        return _s3_error(403, "AccessDenied", "Request has expired")
    if not (key and md5 and algorithm):
        return _s3_error(
            400,
            "InvalidArgument",
            "Requests specifying Server Side Encryption with Customer provided keys must provide an appropriate secret "
            "key, its MD5 and the algorithm.",
        )
    if algorithm != "AES256":
        return _s3_error(400, "InvalidEncryptionAlgorithmError", "The encryption request you specified is not valid.")
    if key_md5(key) != md5:
        return _s3_error(
            400, "InvalidArgument", "The calculated MD5 hash of the key did not match the hash that was provided."
        )
    if key != token:
        return _s3_error(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.",
        )
    if length is None:
        return _s3_error(411, "MissingContentLength", "You must provide the Content-Length HTTP header.")
    if length > MAX_FILE_BYTES:
        return _s3_error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
    store_file(job_id, stream, length)
    return 200, [("ETag", '"%s"' % job_id)], b""


class _UploadHandler(http.server.BaseHTTPRequestHandler):
    """The in-process listener's handler: every request goes to receive_upload."""

    protocol_version = "HTTP/1.1"

    def _answer(self):
        length = self.headers.get("Content-Length")
        status, headers, body = receive_upload(
            self.command,
            self.path.split("?", maxsplit=1)[0],
            self.headers,
            self.rfile,
            None if length is None else int(length),
        )
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_GET = do_POST = _answer

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Quiet."""


_LISTENER = []
_LISTENER_LOCK = threading.Lock()


def _base_url():
    """The server's own base URL, or that of the in-process loopback listener (started on first use)."""
    base = getattr(SERVER_BASE, "url", None)
    if base:
        return base
    with _LISTENER_LOCK:
        if not _LISTENER:
            listener = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _UploadHandler)
            listener.daemon_threads = True
            threading.Thread(target=listener.serve_forever, daemon=True).start()
            _LISTENER.append("http://127.0.0.1:%d" % listener.server_port)
        return _LISTENER[0]

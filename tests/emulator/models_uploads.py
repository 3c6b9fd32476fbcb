# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The upload jobs of a domain (CreateUploadJob and the CSV file uploaded for it): UploadJob, in the Domain's dict
named UPLOAD_JOBS (made on first use: a job has no ARN and no tags); the operations are in uploads.py. Choices where
AWS's documentation is silent are listed in README.md, "Upload jobs"."""

import base64
import csv
import hashlib
import os
import secrets
import tempfile
import threading
import uuid

from moto.core.utils import unix_time

from .common import now

UPLOAD_JOBS = "upload_jobs"
# The admin guide ("Create segments from imported files"): the CSV file must be under 1 GB.
MAX_FILE_BYTES = 1024**3
# CreateUploadJob's DataExpiry: "If not provided, the system default of 2 weeks is used".
DEFAULT_DATA_EXPIRY = 14
# How long a GetUploadJobPath URL is valid (ValidUntil): the emulator's choice.
URL_VALID_SECONDS = 3600
# The most rows one GetUploadJob read processes (so that no read takes long; a larger file takes more reads).
ROWS_PER_READ = 10000
# The statuses a job does not leave.
FINISHED = ("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "STOPPED")

_FILES_LOCK = threading.Lock()
_FILES = {}  # job id -> path of its uploaded file (a temporary file of this process)
_DIRECTORY = []


def _directory():
    with _FILES_LOCK:
        if not _DIRECTORY:
            _DIRECTORY.append(tempfile.mkdtemp(prefix="emulator-uploads-"))
        return _DIRECTORY[0]


def file_path(job_id):
    """Where the file uploaded for ``job_id`` is (None: nothing uploaded)."""
    with _FILES_LOCK:
        return _FILES.get(job_id)


def store_file(job_id, stream, length, chunk=1024 * 1024):
    """Copy ``length`` bytes of ``stream`` to the job's file, ``chunk`` bytes at a time (never the whole file in
    memory); replaces an earlier upload of the job."""
    path = os.path.join(_directory(), job_id + ".csv")
    left = length
    with open(path, "wb") as out:
        while left > 0:
            data = stream.read(min(chunk, left))
            if not data:
                break
            out.write(data)
            left -= len(data)
    with _FILES_LOCK:
        _FILES[job_id] = path
    return length - left


def discard_files():
    """Remove every uploaded file (emulator.reset())."""
    with _FILES_LOCK:
        paths = list(_FILES.values())
        _FILES.clear()
    for path in paths:
        try:
            os.remove(path)
        except OSError:
            pass


def key_md5(key):
    """The base64 MD5 of a base64 SSE-C key, as x-amz-server-side-encryption-customer-key-MD5 carries it (S3: the MD5
    of the key's bytes), or None when ``key`` is not base64."""
    try:
        raw = base64.b64decode(key, validate=True)
    except (ValueError, TypeError):
        return None
    return base64.b64encode(hashlib.md5(raw).digest()).decode("ascii")  # nosec: S3's own checksum of the key


class UploadJob:  # pylint: disable=too-many-instance-attributes
    """One upload job: its definition, status, the ClientToken of its upload URL and its results."""

    def __init__(self, domain, display_name, fields, unique_key, data_expiry, polls):
        self.domain_name = domain.name
        self.job_id = uuid.uuid4().hex
        self.display_name = display_name
        self.fields = fields
        self.unique_key = unique_key
        self.data_expiry = data_expiry or DEFAULT_DATA_EXPIRY
        self.status = "CREATED"
        self.status_reason = None
        self.created_at = now()
        self.completed_at = None
        self.polls = polls  # GetUploadJob reads left before a started job finishes
        self.token = None  # the SSE-C key of the upload URL (GetUploadJobPath)
        self.valid_until = None
        self.results = {"UpdatedRecords": 0, "CreatedRecords": 0, "FailedRecords": 0}
        self.stream = self.reader = self.header = None  # the file being processed, its rows and its header

    def open(self, path):
        """Start reading the uploaded file: its header now, its rows read by read."""
        self.stream = open(path, "r", encoding="utf-8", newline="")  # pylint: disable=consider-using-with
        self.reader = csv.reader(self.stream)
        self.header = next(self.reader, None)

    def new_token(self):
        """A new 256-bit key (base64), as GetUploadJobPath gives one for the job's upload URL."""
        self.token = base64.b64encode(secrets.token_bytes(32)).decode("ascii")
        self.valid_until = unix_time(now()) + URL_VALID_SECONDS
        return self.token

    def finish(self, status, reason=None):
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        self.status = status
        self.status_reason = reason
        self.completed_at = now()

    def summary(self):
        out = {
            "JobId": self.job_id,
            "DisplayName": self.display_name,
            "Status": self.status,
            "CreatedAt": unix_time(self.created_at),
            "DataExpiry": self.data_expiry,
        }
        if self.status_reason:
            out["StatusReason"] = self.status_reason
        if self.completed_at is not None:
            out["CompletedAt"] = unix_time(self.completed_at)
        return out

    def describe(self):
        out = self.summary()
        out.update(Fields=self.fields, UniqueKey=self.unique_key, ResultsSummary=dict(self.results))
        return out

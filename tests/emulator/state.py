# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Process-wide emulator settings shared by the in-process mock and the server: the call log, the
fault table (faults.py), the search lag, quota mode (token buckets per operation per account/region) and the
SearchProfiles values limit. emulator.reset() clears all of them."""

import math
import threading
import time

from .faults import FAULT_STATUS  # noqa: F401  pylint: disable=unused-import
from .faults import clear_faults  # noqa: F401  pylint: disable=unused-import
from .faults import inject_fault  # noqa: F401  pylint: disable=unused-import
from .faults import pending_faults  # noqa: F401  pylint: disable=unused-import
from .faults import take_fault  # noqa: F401  pylint: disable=unused-import

_LOCK = threading.Lock()
_CALLS = []


def operation_kind(operation):
    """Reads are Get*/List*/Search*/BatchGet*; everything else is a write."""
    for prefix in ("Get", "List", "Search", "BatchGet"):
        if operation.startswith(prefix):
            return "read"
    return "write"


# Times of a call (seconds since the epoch, as time.time() gives them): when the emulator took the request and
# when it had the answer. Kept beside each entry; calls(times=True) adds them as "started" and "ended".
_TIME_KEYS = ("started", "ended")


def record_call(operation, status, error=None, started=None, members=()):
    """Log a call; ``members``: the names of the request's top-level members (never their values)."""
    ended = time.time()
    entry = {
        "operation": operation,
        "kind": operation_kind(operation),
        "status": int(status),
        "error": error,
        "members": sorted(members),
    }
    with _LOCK:
        _CALLS.append((entry, (ended if started is None else started, ended)))


def calls(times=False):
    """The call log, oldest first; with ``times`` each entry also has "started" and "ended"."""
    with _LOCK:
        if times:
            return [
                dict(entry, members=list(entry["members"]), **dict(zip(_TIME_KEYS, stamps))) for entry, stamps in _CALLS
            ]
        return [dict(entry, members=list(entry["members"])) for entry, _stamps in _CALLS]


def reset_calls():
    with _LOCK:
        del _CALLS[:]


# search lag -------------------------------------------------------------------
_SETTINGS = {"search_lag": 0.0, "search_values_limit": None, "recommender_training_polls": 1, "upload_job_polls": 2}
_SETTINGS["segment_subscription_starting_reads"] = 1


def _number(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) or value < 0:
        raise ValueError("%s must be a number >= 0" % name)
    return float(value)


def set_search_lag(seconds):
    """Profiles written (created, updated, deleted, or changed by ingestion) reach SearchProfiles
    only `seconds` later; 0 (the default) makes every write visible at once."""
    seconds = _number(seconds, "seconds")
    with _LOCK:
        _SETTINGS["search_lag"] = seconds


def search_lag():
    return _SETTINGS["search_lag"]


# SearchProfiles values limit --------------------------------------------------
def set_search_values_limit(limit):
    """At most `limit` Values per search key in one SearchProfiles call (None: no limit, the default)."""
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError("limit must be a positive integer or null")
    with _LOCK:
        _SETTINGS["search_values_limit"] = limit


def search_values_limit():
    return _SETTINGS["search_values_limit"]


# recommender training ---------------------------------------------------------
def set_recommender_training_polls(polls):
    """A recommender trains (IN_PROGRESS, and an update's) for ``polls`` GetRecommender reads before it is ACTIVE;
    a new one is PENDING for the first read (default 1)."""
    _set_polls("recommender_training_polls", polls)


def recommender_training_polls():
    return _SETTINGS["recommender_training_polls"]


# segment snapshots and estimates ---------------------------------------------
# How many GetSegmentSnapshot / GetSegmentEstimate reads answer IN_PROGRESS / RUNNING before the job is done, and the
# StatusMessage with which new snapshots fail (None: they complete).
SEGMENT_EXPORT_DEFAULTS = {"snapshot_polls": 1, "estimate_polls": 1, "snapshot_failure": None}
_SEGMENT_EXPORTS = dict(SEGMENT_EXPORT_DEFAULTS)


def set_segment_exports(snapshot_polls=None, estimate_polls=None, snapshot_failure=None, fail_snapshots=None):
    """Segment snapshots are IN_PROGRESS for ``snapshot_polls`` GetSegmentSnapshot reads, then COMPLETED (or FAILED
    with ``snapshot_failure`` as StatusMessage, for snapshots created while it is set; ``fail_snapshots=False``
    clears it); estimates are RUNNING for ``estimate_polls`` GetSegmentEstimate reads, then done. None leaves a
    setting as it is (defaults: 1, 1, none fail)."""
    changes = {}
    for name, value in (("snapshot_polls", snapshot_polls), ("estimate_polls", estimate_polls)):
        if value is not None:
            changes[name] = _count(name, value)
    if snapshot_failure is not None:
        if not isinstance(snapshot_failure, str) or not 1 <= len(snapshot_failure) <= 1000:
            raise ValueError("snapshot_failure must be a message of 1 to 1000 characters")
        changes["snapshot_failure"] = snapshot_failure
    if fail_snapshots is False:
        changes["snapshot_failure"] = None
    with _LOCK:
        _SEGMENT_EXPORTS.update(changes)


def segment_exports():
    """The settings of set_segment_exports (a copy)."""
    return dict(_SEGMENT_EXPORTS)


# upload jobs ------------------------------------------------------------------
def set_upload_job_polls(polls):
    """A started upload job is IN_PROGRESS until the ``polls``-th GetUploadJob read, which processes its file and
    answers the finished job (default 2; 0: StartUploadJob processes it at once)."""
    _set_polls("upload_job_polls", polls)


def _count(name, value):
    """``value`` when it is a number of reads (an integer >= 0); ValueError naming ``name`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("%s must be an integer >= 0" % name)
    return value


def _set_polls(setting, polls, name="polls"):
    """A setting that counts reads: an integer >= 0 (ValueError naming ``name`` otherwise)."""
    polls = _count(name, polls)
    with _LOCK:
        _SETTINGS[setting] = polls


def upload_job_polls():
    return _SETTINGS["upload_job_polls"]


# segment subscriptions --------------------------------------------------------
def set_segment_subscription_starting_reads(reads):
    """A new segment subscription is STARTING (its initial snapshot) for ``reads`` GetSegmentSubscription reads,
    then RUNNING (default 1)."""
    _set_polls("segment_subscription_starting_reads", reads, "reads")


def segment_subscription_starting_reads():
    return _SETTINGS["segment_subscription_starting_reads"]


# quota mode -------------------------------------------------------------------
# Default requests-per-second quota of each operation: the table "Customer Profiles API throttling
# quotas" of the Amazon Connect Administrator Guide, "Amazon Connect service quotas"
# (https://docs.aws.amazon.com/connect/latest/adminguide/amazon-connect-service-limits.html).
QUOTA_TPS = {
    "ListDomains": 5,
    "GetDomain": 5,
    "CreateDomain": 1,
    "UpdateDomain": 1,
    "DeleteDomain": 1,
    "ListProfileObjectTypes": 5,
    "GetProfileObjectType": 10,
    "PutProfileObjectType": 1,
    "DeleteProfileObjectType": 1,
    "ListProfileObjectTypeTemplates": 5,
    "GetProfileObjectTypeTemplate": 5,
    "ListIntegrations": 5,
    "GetIntegration": 5,
    "PutIntegration": 1,
    "DeleteIntegration": 1,
    "ListIdentityResolutionJobs": 5,
    "GetIdentityResolutionJob": 5,
    "GetAutoMergingPreview": 1,
    "CreateEventStream": 1,
    "ListEventStreams": 5,
    "DeleteEventStream": 5,
    "GetEventStream": 5,
    "CreateCalculatedAttributeDefinition": 1,
    "GetCalculatedAttributeDefinition": 5,
    "UpdateCalculatedAttributeDefinition": 1,
    "DeleteCalculatedAttributeDefinition": 5,
    "ListCalculatedAttributeDefinitions": 5,
    "CreateIntegrationWorkflow": 5,
    "DeleteWorkflow": 5,
    "ListWorkflows": 5,
    "GetWorkflow": 5,
    "GetWorkflowSteps": 5,
    "SearchProfiles": 100,
    "ListProfileObjects": 100,
    "GetMatches": 100,
    "GetSimilarProfiles": 100,
    "ListRuleBasedMatches": 5,
    "GetCalculatedAttributeForProfile": 100,
    "ListCalculatedAttributesForProfile": 100,
    "CreateProfile": 100,
    "UpdateProfile": 100,
    "PutProfileObject": 100,
    "AddProfileKey": 100,
    "DeleteProfile": 100,
    "DeleteProfileObject": 100,
    "DeleteProfileKey": 100,
    "MergeProfiles": 100,
    "TagResource": 5,
    "UntagResource": 5,
    "ListTagsForResource": 5,
    "ListAccountIntegrations": 100,
}
# Operations the table does not list (the emulator's choice, see README): the batch forms of the
# profile data operations get the rate of their single-item form; any other read 5, any other write 1
# (the table's control-plane defaults).
QUOTA_TPS_UNLISTED = {"BatchGetProfile": 100, "BatchPutProfileObject": 100}
UNLISTED_READ_TPS = 5
UNLISTED_WRITE_TPS = 1

_QUOTA = {"enabled": False, "rates": {}}
_BUCKETS = {}

# The clock the quota buckets read (seconds, monotonic); tests replace it to make a burst exact.
clock = time.monotonic


def quota_tps(operation):
    """The requests-per-second quota quota mode enforces for operation (overrides first)."""
    rates = _QUOTA["rates"]
    if operation in rates:
        return rates[operation]
    if operation in QUOTA_TPS:
        return QUOTA_TPS[operation]
    if operation in QUOTA_TPS_UNLISTED:
        return QUOTA_TPS_UNLISTED[operation]
    return UNLISTED_READ_TPS if operation_kind(operation) == "read" else UNLISTED_WRITE_TPS


def set_quota_mode(enabled, rates=None):
    """Quota mode on/off. On: each operation has a token bucket per account/region holding at most
    max(quota, 1) tokens (one second of burst), refilled at the quota per second; a call that finds it empty
    answers 429 ThrottlingException. rates: {operation: requests per second} overriding the table."""
    if not isinstance(enabled, bool):
        raise ValueError("enabled must be true or false")
    checked = {}
    for operation, rate in (rates or {}).items():
        if not isinstance(operation, str) or not operation:
            raise ValueError("rates keys must be operation names")
        checked[operation] = _number(rate, "rates[%s]" % operation)
        if checked[operation] <= 0:
            raise ValueError("rates[%s] must be > 0" % operation)
    with _LOCK:
        _QUOTA["enabled"] = enabled
        _QUOTA["rates"] = checked
        _BUCKETS.clear()


def quota_mode():
    return {"enabled": _QUOTA["enabled"], "rates": dict(_QUOTA["rates"])}


def take_quota(account, region, operation):
    """True when the call may proceed (quota mode off, or a token was taken); False: throttle it."""
    if not _QUOTA["enabled"]:
        return True
    rate = quota_tps(operation)
    capacity = max(float(rate), 1.0)
    key = (account, region, operation)
    current = clock()
    with _LOCK:
        bucket = _BUCKETS.get(key)
        if bucket is None:
            bucket = _BUCKETS[key] = [capacity, current]
        tokens = min(capacity, bucket[0] + (current - bucket[1]) * rate)
        bucket[1] = current
        if tokens >= 1.0:
            bucket[0] = tokens - 1.0
            return True
        bucket[0] = tokens
        return False


def reset_settings():
    """Search lag 0, no values limit, recommenders training for 1 poll, segment exports as by default, upload jobs
    finishing at the 2nd poll, quota mode off."""
    with _LOCK:
        _SETTINGS["search_lag"] = 0.0
        _SETTINGS["search_values_limit"] = None
        _SETTINGS["recommender_training_polls"] = 1
        _SEGMENT_EXPORTS.update(SEGMENT_EXPORT_DEFAULTS)
        _SETTINGS["upload_job_polls"] = 2
        _SETTINGS["segment_subscription_starting_reads"] = 1
        _QUOTA["enabled"] = False
        _QUOTA["rates"] = {}
        _BUCKETS.clear()

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Amazon Connect Customer Profiles emulator: a moto backend added to moto at runtime.

import emulator
emulator.register()
with moto.mock_aws():
    boto3.client("customer-profiles", region_name="us-east-1").list_domains()
"""

import re
import sys
import threading

from .faults import clear_faults
from .faults import inject_fault
from .faults import pending_faults
from .state import calls
from .state import quota_mode
from .state import recommender_training_polls
from .state import reset_calls
from .state import search_lag
from .state import search_values_limit
from .state import segment_exports
from .state import segment_subscription_starting_reads
from .state import set_quota_mode
from .state import set_recommender_training_polls
from .state import set_search_lag
from .state import set_search_values_limit
from .state import set_segment_exports
from .state import set_segment_subscription_starting_reads
from .state import set_upload_job_polls
from .state import upload_job_polls

BACKEND_NAME = "customerprofiles"
DEFAULT_REGION = "us-east-1"

__all__ = [
    "register",
    "calls",
    "reset_calls",
    "inject_fault",
    "pending_faults",
    "clear_faults",
    "set_rule_based_matching_status",
    "backend",
    "reset",
    "supported_regions",
    "set_search_lag",
    "search_lag",
    "set_quota_mode",
    "quota_mode",
    "set_search_values_limit",
    "search_values_limit",
    "set_recommender_training_polls",
    "recommender_training_polls",
    "set_recommender_status",
    "dead_letters",
    "set_segment_exports",
    "segment_exports",
    "set_upload_job_polls",
    "upload_job_polls",
    "set_segment_subscription_starting_reads",
    "segment_subscription_starting_reads",
]

_REGISTER_LOCK = threading.Lock()
_REGISTERED = []


def register():
    """Make moto (in-process mock_aws and the moto server app) serve customer-profiles. Idempotent."""
    with _REGISTER_LOCK:
        if _REGISTERED:
            return
        import moto  # pylint: disable=import-outside-toplevel
        from moto import backend_index  # pylint: disable=import-outside-toplevel

        from . import models  # pylint: disable=import-outside-toplevel
        from . import responses  # pylint: disable=import-outside-toplevel
        from . import urls  # pylint: disable=import-outside-toplevel

        prefix = "moto." + BACKEND_NAME
        sys.modules[prefix] = models
        sys.modules[prefix + ".models"] = models
        sys.modules[prefix + ".responses"] = responses
        sys.modules[prefix + ".urls"] = urls
        setattr(moto, BACKEND_NAME, models)
        if not any(name == BACKEND_NAME for name, _pattern in backend_index.backend_url_patterns):
            backend_index.backend_url_patterns.append((BACKEND_NAME, re.compile(urls.URL_PATTERN)))
        _REGISTERED.append(True)


def _backends():
    register()
    from .models import customerprofiles_backends  # pylint: disable=import-outside-toplevel

    return customerprofiles_backends


def supported_regions():
    """The regions the emulator serves: every region of every partition in which botocore lists
    customer-profiles ({region: partition}); any other region answers 400 UnsupportedRegionException."""
    from .common import supported_regions as regions  # pylint: disable=import-outside-toplevel

    return dict(regions())


def backend(region=DEFAULT_REGION, account_id=None):
    """The backend of an account (default: moto's default account) in region (fetch it again after a
    mock_aws reset). A region the service is not in raises UnsupportedRegionException."""
    from moto.core import DEFAULT_ACCOUNT_ID  # pylint: disable=import-outside-toplevel

    from .common import check_region  # pylint: disable=import-outside-toplevel

    check_region(region)
    return _backends()[account_id or DEFAULT_ACCOUNT_ID][region]


def set_rule_based_matching_status(domain_name, status, region=DEFAULT_REGION):
    """Force RuleBasedMatching.Status of a domain (e.g. IN_PROGRESS, which blocks RuleBasedMatching updates)."""
    backend(region).set_rule_based_matching_status(domain_name, status)


def set_recommender_status(domain_name, name, status, failure_reason=None, region=DEFAULT_REGION):
    """Put a recommender in ``status`` at once (FAILED with ``failure_reason``, a STOPPING or STARTING one that
    settles no further...)."""
    backend(region).set_recommender_status(domain_name, name, status, failure_reason)


def reset_state():
    """Drop every stored domain/profile in every account and region."""
    for account_backends in _backends().values():
        account_backends.reset()


def dead_letters():
    """Objects that PutProfileObject/BatchPutProfileObject accepted but could not attach to a profile
    (no single match, AllowProfileCreation false): what AWS sends to the domain's dead-letter queue.
    A list of {"account_id", "region", "domain_name", "object_type_name", "object" (the JSON text as sent),
    "reason", "dead_letter_queue_url" (the domain's DeadLetterQueueUrl or None)}."""
    out = []
    for account_backends in _backends().values():
        for region_backend in account_backends.values():
            out.extend(region_backend.dead_letter_items())
    return out


def reset():
    """Reset stored state, the call log, pending faults and the settings (search lag 0, quota mode
    off, no SearchProfiles values limit)."""
    from .models_uploads import discard_files  # pylint: disable=import-outside-toplevel
    from .state import reset_settings  # pylint: disable=import-outside-toplevel

    reset_state()
    discard_files()
    reset_calls()
    clear_faults()
    reset_settings()

# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The module class, client factory and error handling every module of this collection uses."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

try:
    import botocore.config
except ImportError:
    pass  # AnsibleAWSModule reports a missing botocore

from ansible_collections.amazon.aws.plugins.module_utils.common import set_collection_info
from ansible_collections.amazon.aws.plugins.module_utils.errors import AWSErrorHandler
from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule
from ansible_collections.amazon.aws.plugins.module_utils.botocore import is_boto3_error_code
from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry

COLLECTION_NAME = "awscx.customerprofiles"
COLLECTION_VERSION = "0.1.0"

SERVICE_NAME = "customer-profiles"

# amazon.aws's default retry list misses the codes Customer Profiles answers with
# when it throttles (domain writes are limited to one call a second) or fails
# transiently.
RETRIED_ERROR_CODES = ["ThrottlingException", "InternalServerException", "TooManyRequestsException"]

# One retry policy for every call: five attempts in all (CloudRetry counts the
# first call among its "retries"), with jittered delays drawn uniformly from
# [0, 1], [0, 2], [0, 4] and [0, 8] seconds between them (about 7.5 seconds on
# average before the last attempt fails).
RETRY_DECORATOR = AWSRetry.jittered_backoff(
    retries=5,
    delay=1,
    backoff=2.0,
    max_delay=8,
    catch_extra_error_codes=RETRIED_ERROR_CODES,
)

# botocore's own retries are switched off so that AWSRetry above is the one
# retry layer (predictable attempts and timing); time-outs are bounded so an
# unreachable endpoint fails in seconds. Both can be overridden with the
# standard aws_config option, which is applied after these defaults.
CLIENT_DEFAULTS = dict(
    connect_timeout=10,
    read_timeout=30,
    # botocore's "max_attempts" counts retries, not attempts: 0 means one attempt.
    retries={"mode": "standard", "max_attempts": 0},
)


class CustomerProfilesError(AnsibleAWSError):
    """An error from a Customer Profiles call, carrying the botocore exception."""


class CustomerProfilesErrorHandler(AWSErrorHandler):
    """Turns botocore errors into CustomerProfilesError; ResourceNotFoundException means "missing"."""

    _CUSTOM_EXCEPTION = CustomerProfilesError

    @classmethod
    def _is_missing(cls):
        return is_boto3_error_code("ResourceNotFoundException")


class CustomerProfilesModule(AnsibleAWSModule):
    """AnsibleAWSModule that names this collection in the User-Agent."""

    def __init__(self, **kwargs):
        super(CustomerProfilesModule, self).__init__(**kwargs)
        set_collection_info(collection_name=COLLECTION_NAME, collection_version=COLLECTION_VERSION)

    def customer_profiles_client(self):
        """The one client factory: retried calls (pass aws_retry=True) with bounded time-outs."""
        return self.retrying_client(SERVICE_NAME)

    def retrying_client(self, service):
        """A client of any service with this collection's retry policy and time-outs."""
        return self.client(service, retry_decorator=RETRY_DECORATOR, config=botocore.config.Config(**CLIENT_DEFAULTS))

    def fail_aws_error(self, error):
        """Fail with the service's message and error code, never a traceback."""
        self.fail_json_aws_error(error)


def error_code(error):
    """The service error code carried by a CustomerProfilesError, or None."""
    exception = getattr(error, "exception", None)
    response = getattr(exception, "response", None) or {}
    return response.get("Error", {}).get("Code")


def paginate(call, result_key, limit=None, page_size=100, **params):
    """Every item of a NextToken-paginated call, or the first ``limit`` items.

    ``call`` is a client method wrapped for retries; it is called with
    ``aws_retry=True``, ``MaxResults`` and ``NextToken``.
    """
    items = []
    token = None
    while True:
        size = page_size if limit is None else max(1, min(page_size, limit - len(items)))
        request = dict(params, MaxResults=size)
        if token:
            request["NextToken"] = token
        response = call(aws_retry=True, **request)
        items.extend(response.get(result_key, []))
        token = response.get("NextToken")
        if not token or (limit is not None and len(items) >= limit):
            return items if limit is None else items[:limit]

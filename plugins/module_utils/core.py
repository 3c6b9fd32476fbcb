# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The module class, client factory and error handling every module of this collection uses."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import functools

try:
    import botocore.config
except ImportError:
    pass  # AnsibleAWSModule reports a missing botocore

from ansible_collections.amazon.aws.plugins.module_utils.botocore import is_boto3_error_code
from ansible_collections.amazon.aws.plugins.module_utils.common import set_collection_info
from ansible_collections.amazon.aws.plugins.module_utils.errors import AWSErrorHandler
from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule
from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry

COLLECTION_NAME = "awscx.customerprofiles"
COLLECTION_VERSION = "0.2.0"

SERVICE_NAME = "customer-profiles"

# amazon.aws's default retry list misses the codes Customer Profiles answers with
# when it throttles (domain writes are limited to one call a second) or fails
# transiently.
RETRIED_ERROR_CODES = ["ThrottlingException", "InternalServerException", "TooManyRequestsException"]

# The one retry budget of every call, documented in docs/reliability.md.
# CloudRetry counts attempts: 12 attempts ride out 11 consecutive throttled or 5xx
# answers (amazon.aws's own default rides out 9). Each delay is drawn uniformly from
# [0, d] with d = 0.5, 1, 2, 4, 8 and then 10 seconds (capped): at most 75.5 seconds
# of sleep in all, about 38 seconds on average, before the last attempt fails.
RETRY_ATTEMPTS = 12
RETRY_DELAY = 0.5
RETRY_BACKOFF = 2.0
RETRY_MAX_DELAY = 10
_BACKOFF = AWSRetry.jittered_backoff(
    retries=RETRY_ATTEMPTS,
    delay=RETRY_DELAY,
    backoff=RETRY_BACKOFF,
    max_delay=RETRY_MAX_DELAY,
    catch_extra_error_codes=RETRIED_ERROR_CODES,
)


def retry_with_backoff(func):
    """amazon.aws's jittered backoff, counting attempts: a final error carries ``attempts``."""

    @functools.wraps(func)
    def retried(*args, **kwargs):
        attempts = [0]

        def attempt():
            attempts[0] += 1
            return func(*args, **kwargs)

        try:
            return _BACKOFF(attempt)()
        except Exception as e:  # pylint: disable=broad-except
            e.attempts = attempts[0]
            raise

    return retried


RETRY_DECORATOR = retry_with_backoff

# botocore's own retries are switched off so that the policy above is the one
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

    def warn(self, warning):
        """A warning in the task result, the way ansible-core shows it.

        AnsibleAWSModule.warn also keeps the warning and, on ansible-core 2.19 and later, passes it to
        exit_json/fail_json as ``warnings=``, which ansible-core deprecates: every warning would come
        with a "Passing `warnings` to `exit_json` or `fail_json` is deprecated" warning of its own.
        AnsibleModule.warn alone puts the warning in the result on every supported ansible-core.
        """
        self._module.warn(warning)

    def customer_profiles_client(self):
        """The one client factory: retried calls (pass aws_retry=True) with bounded time-outs."""
        return self.retrying_client(SERVICE_NAME)

    def retrying_client(self, service):
        """A client of any service with this collection's retry policy and time-outs."""
        return self.client(service, retry_decorator=RETRY_DECORATOR, config=botocore.config.Config(**CLIENT_DEFAULTS))


def describe_error(error):
    """(message, details) of a CustomerProfilesError: the service's message and code, and how many attempts were made.

    botocore's own text ends "(reached max retries: 0)" because its retries are off;
    this message says instead how many attempts the collection's policy made.
    """
    exception = getattr(error, "exception", None)
    response = getattr(exception, "response", None) or {}
    code = response.get("Error", {}).get("Code")
    if code is None:
        text = str(exception) if exception is not None else ""
        return "{0}: {1}".format(error.message, text) if text else error.message, {}
    service_message = response.get("Error", {}).get("Message") or code
    attempts = getattr(exception, "attempts", 1)
    operation = getattr(exception, "operation_name", None) or "the service"
    message = "{0}: {1} ({2} from {3}, {4} attempt{5})".format(
        error.message, service_message, code, operation, attempts, "" if attempts == 1 else "s"
    )
    details = dict(error=dict(code=code, message=service_message), attempts=attempts)
    request_id = response.get("ResponseMetadata", {}).get("RequestId")
    if request_id:
        details["request_id"] = request_id
    return message, details


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


def chunks(items, size):
    """``items`` (a list) in consecutive slices of at most ``size``."""
    for start in range(0, len(items), size):
        end = start + size
        yield items[start:end]


def get_or_none(method, action, **request):
    """A Get call's answer (ResponseMetadata dropped), retried; None when the resource (or its domain) does not exist."""

    @CustomerProfilesErrorHandler.list_error_handler(action, None)
    def get():
        response = method(aws_retry=True, **request)
        response.pop("ResponseMetadata", None)
        return response

    return get()


def list_all(method, action, result_key="Items", **request):
    """Every item of a NextToken-paginated List call, all pages, retried (``page_size`` is paginate's)."""

    @CustomerProfilesErrorHandler.common_error_handler(action)
    def pages():
        return paginate(method, result_key, **request)

    return pages()

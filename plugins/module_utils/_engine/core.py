# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The module class, client factory and error handling every module of this collection uses."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import functools
import json
import re
import threading

try:
    import botocore.config
    from botocore.exceptions import ClientError
except ImportError:
    pass  # AnsibleAWSModule reports a missing botocore

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.amazon.aws.plugins.module_utils.botocore import is_boto3_error_code
from ansible_collections.amazon.aws.plugins.module_utils.common import set_collection_info
from ansible_collections.amazon.aws.plugins.module_utils.errors import AWSErrorHandler
from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.amazon.aws.plugins.module_utils.iam import get_aws_account_info
from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule
from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry

COLLECTION_NAME = "awscx.customerprofiles"
COLLECTION_VERSION = "0.3.0"

SERVICE_NAME = "customer-profiles"

# amazon.aws's default retry list misses the codes Customer Profiles answers with
# when it throttles (domain writes are limited to one call a second) or fails
# transiently, and the code this layer gives an incomplete answer (see check_answer).
INCOMPLETE_ANSWER = "IncompleteAnswer"
RETRIED_ERROR_CODES = ["ThrottlingException", "InternalServerException", "TooManyRequestsException", INCOMPLETE_ANSWER]
# amazon.aws decides by error code only. A 5xx from a proxy or load balancer (an HTML page) has no AWS error
# code: botocore gives it the HTTP status as its code ("502"). These statuses are retried whatever the code,
# as botocore's own standard retry mode does.
RETRIED_STATUSES = (500, 502, 503, 504)


class CustomerProfilesRetry(AWSRetry):
    """AWSRetry deciding by error code, and by HTTP status for a transient server error (RETRIED_STATUSES)."""

    @staticmethod
    def status_code_from_exception(error):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if status in RETRIED_STATUSES:
            return "HTTP {0}".format(status)
        return AWSRetry.status_code_from_exception(error)


# The one retry budget of every call, documented in docs/reliability.md.
# CloudRetry counts attempts: 12 attempts ride out 11 consecutive throttled or 5xx
# answers (amazon.aws's own default rides out 9). Each delay is drawn uniformly from
# [0, d] with d = 0.5, 1, 2, 4, 8 and then 10 seconds (capped): at most 75.5 seconds
# of sleep in all, about 38 seconds on average, before the last attempt fails.
RETRY_ATTEMPTS = 12
RETRY_DELAY = 0.5
RETRY_BACKOFF = 2.0
RETRY_MAX_DELAY = 10
_BACKOFF = CustomerProfilesRetry.jittered_backoff(
    retries=RETRY_ATTEMPTS,
    delay=RETRY_DELAY,
    backoff=RETRY_BACKOFF,
    max_delay=RETRY_MAX_DELAY,
    catch_extra_error_codes=RETRIED_ERROR_CODES + ["HTTP {0}".format(status) for status in RETRIED_STATUSES],
)


def retry_with_backoff(func):
    """amazon.aws's jittered backoff, counting attempts. A final error carries ``attempts``, ``applied`` (an
    attempt was answered with a 2xx, so the service applied the call, though its answer was incomplete), and a
    service message without the values of the request (``redact``)."""

    @functools.wraps(func)
    def retried(*args, **kwargs):
        attempts = [0]
        applied = [False]

        def attempt():
            attempts[0] += 1
            try:
                return func(*args, **kwargs)
            except ClientError as e:
                applied[0] = applied[0] or is_incomplete_answer(e)
                raise

        try:
            return _BACKOFF(attempt)()
        except Exception as e:  # pylint: disable=broad-except
            e.attempts = attempts[0]
            e.applied = applied[0]
            if isinstance(e, ClientError):
                redact_error(e, getattr(e, "operation_name", None), kwargs)
            raise

    return retried


# --- answers the service did not finish ----------------------------------------------------------------


def check_answer(http_response, parsed, model, **kwargs):  # pylint: disable=unused-argument
    """botocore's after-call hook of every client: a 2xx answer that is not whole raises a ClientError
    INCOMPLETE_ANSWER naming the operation, which the retry layer retries as a server error.

    Not whole: a body cut short (botocore parses JSON it cannot read as an empty success), or an answer without
    a member the operation's output shape marks required (what the modules rely on, such as CreateProfile's
    ProfileId), so that a lost member never surfaces as a KeyError or a wrong "does not exist".
    """
    status = getattr(http_response, "status_code", None)
    if status is None or not 200 <= status < 300 or model.has_streaming_output:
        return
    reason = None
    shape = model.output_shape
    body = http_response.content or b""
    # botocore reads a body that is not JSON as an answer without members: only such an answer is parsed again.
    body_members = [
        name for name, member in (shape.members if shape else {}).items() if not member.serialization.get("location")
    ]
    json_body = model.metadata.get("protocol") in ("json", "rest-json")
    parsed_empty = not any(name in parsed for name in body_members)
    if body.strip() and json_body and parsed_empty:
        try:
            json.loads(body.decode("utf-8"))
        except ValueError:  # UnicodeDecodeError is a ValueError
            reason = "its body is cut short ({0} bytes that are not complete JSON)".format(len(body))
    if reason is None and shape is not None:
        missing = [name for name in shape.required_members if name not in parsed]
        if missing:
            reason = "it lacks {0}".format(", ".join(missing))
    if reason is None:
        return
    metadata = dict(parsed.get("ResponseMetadata") or {}, HTTPStatusCode=status)
    raise ClientError(
        {
            "Error": {
                "Code": INCOMPLETE_ANSWER,
                "Message": "an incomplete answer from {0}: {1}".format(model.name, reason),
            },
            "ResponseMetadata": metadata,
        },
        model.name,
    )


def is_incomplete_answer(exception):
    """True for the ClientError check_answer raises (the service answered 2xx: it applied the call)."""
    return (getattr(exception, "response", None) or {}).get("Error", {}).get("Code") == INCOMPLETE_ANSWER


def applied(error):
    """True when a failed call (a CustomerProfilesError) was applied all the same: an attempt was answered 2xx."""
    return bool(getattr(getattr(error, "exception", None), "applied", False))


# --- values of the request in service messages ----------------------------------------------------------

REDACTED = "<value>"
# The operations that send profile data or objects. The service's messages quote values of the request
# ("Value 'jane@example.com' at 'emailAddress' failed to satisfy constraint"), and ansible-core prints a failed
# task's msg even under no_log: these operations' messages lose every value of their request.
PERSONAL_DATA_OPERATIONS = frozenset(
    [
        "CreateProfile",
        "UpdateProfile",
        "DeleteProfile",
        "SearchProfiles",
        "BatchGetProfile",
        "PutProfileObject",
        "BatchPutProfileObject",
        "ListProfileObjects",
        "DeleteProfileObject",
    ]
)
# Members whose values name what the user configures or what the service assigned (never profile data): kept,
# so that a message still says which domain, object type or profile it is about.
NAME_MEMBERS = frozenset(
    ["DomainName", "ObjectTypeName", "KeyName", "ProfileId", "ProfileIds", "ProfileObjectUniqueKey", "Id", "NextToken"]
)


def request_values(value):
    """Every value in a request, as text: strings at any depth (not map keys, not NAME_MEMBERS), and every
    scalar inside a string that holds JSON (a profile object)."""
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in NAME_MEMBERS for text in request_values(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in request_values(item)]
    if isinstance(value, bool) or value is None:
        return []
    if not isinstance(value, str):
        return [str(value)]
    try:
        inner = json.loads(value) if value.lstrip()[:1] in ("{", "[") else None
    except ValueError:
        inner = None
    return [value] + (_json_values(inner) if inner is not None else [])


def _json_values(value):
    if isinstance(value, dict):
        return [text for item in value.values() for text in _json_values(item)]
    if isinstance(value, list):
        return [text for item in value for text in _json_values(item)]
    if isinstance(value, bool) or value is None:
        return []
    return [value if isinstance(value, str) else json.dumps(value)]


def redact(text, request):
    """``text`` with every value of ``request`` (see request_values) replaced by REDACTED, where it stands as a
    whole (not inside a longer word or number), longest first."""
    if not text:
        return text
    for value in sorted(set(request_values(request)), key=len, reverse=True):
        if value.strip():
            text = re.sub(r"(?<![0-9A-Za-z]){0}(?![0-9A-Za-z])".format(re.escape(value)), REDACTED, text)
    return text


def redact_error(exception, operation, request):
    """Remove the values of ``request`` from a ClientError's service message (and its text), for the
    PERSONAL_DATA_OPERATIONS."""
    if operation not in PERSONAL_DATA_OPERATIONS:
        return
    error = exception.response.get("Error") or {}
    if error.get("Message"):
        error["Message"] = redact(error["Message"], request)
    exception.args = tuple(redact(arg, request) if isinstance(arg, str) else arg for arg in exception.args)


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


class ParsedOnceModule(AnsibleModule):
    """An AnsibleModule given its arguments already parsed (``parsed``: the dict ansible-core's ``_load_params()``
    returned to the driver), so that ansible-core does not parse them a second time. Everything else is
    AnsibleModule's own: it sets its internal properties from that dict and validates it against the argument
    spec as usual. Should an ansible-core no longer read its arguments through this method, it parses them
    itself: the same module, only the memory of a second copy.

    ``compact``: the resource's ``compact_params`` (Contract), or None. It makes the validated options smaller in
    place (a bulk module's items without the options ansible-core filled in with None) and runs once
    (compact_params()): before ansible-core logs the invocation, which it writes as one string of every option,
    or else when the driver calls it, before anything else is built."""

    def __init__(self, parsed=None, compact=None, **kwargs):
        self._parsed = parsed
        self._compact = compact
        super(ParsedOnceModule, self).__init__(**kwargs)

    def _load_params(self):
        if self._parsed is None:
            super(ParsedOnceModule, self)._load_params()
            return
        # AnsibleModule mutates its params (the _ansible_ keys go, the validated values replace the given ones),
        # as it does the dict its own parse returns; the driver is done with it.
        self.params, self._parsed = self._parsed, None

    def compact_params(self):
        """``compact`` on the validated options, the first time only."""
        compact, self._compact = self._compact, None
        if compact is not None:
            compact(self.params)

    def _log_invocation(self):
        # AnsibleModule calls this once its options are validated ("Invoked with" and every option, one string):
        # compacted first, a list of N items is written as given, not with every option of every item filled in
        self.compact_params()
        super(ParsedOnceModule, self)._log_invocation()


class CustomerProfilesModule(AnsibleAWSModule):
    """AnsibleAWSModule that names this collection in the User-Agent.

    ``parsed``: the arguments as the driver read them (options_as_written()); the AnsibleModule it wraps then
    takes them instead of parsing them again (ParsedOnceModule): a bulk module's list is parsed once.
    ``compact``: the resource's ``compact_params``, run by ParsedOnceModule. amazon.aws builds the wrapped module
    from ``AnsibleAWSModule.default_settings["module_class"]``, which is set for the construction only.
    """

    def __init__(self, parsed=None, compact=None, **kwargs):
        settings = AnsibleAWSModule.default_settings
        module_class = settings["module_class"]
        settings["module_class"] = functools.partial(ParsedOnceModule, parsed, compact)
        try:
            super(CustomerProfilesModule, self).__init__(**kwargs)
        finally:
            settings["module_class"] = module_class
        set_collection_info(collection_name=COLLECTION_NAME, collection_version=COLLECTION_VERSION)

    def compact_params(self):
        """The resource's ``compact_params`` on the options, once (ParsedOnceModule, the wrapped module: an
        amazon.aws 9 forwards no other attribute to it)."""
        self._module.compact_params()

    def warn(self, warning):
        """A warning in the task result, the way ansible-core shows it.

        AnsibleAWSModule.warn also keeps the warning and, on ansible-core 2.19 and later, passes it to
        exit_json/fail_json as ``warnings=``, which ansible-core deprecates: every warning would come
        with a "Passing `warnings` to `exit_json` or `fail_json` is deprecated" warning of its own.
        AnsibleModule.warn alone puts the warning in the result on every supported ansible-core.
        """
        self._module.warn(warning)

    def verbosity(self):
        """How many ``-v`` the task runs with. AnsibleAWSModule wraps an AnsibleModule (``_module``) and forwards
        unknown attributes to it only from amazon.aws 10 on, so the wrapped module is asked directly."""
        return getattr(getattr(self, "_module", self), "_verbosity", 0)

    _account_info = None
    _account_lock = threading.Lock()

    def account_info(self):
        """(account id, partition) of the caller, as amazon.aws's get_aws_account_info finds them: one STS call a
        run, however many resources ask (the resources of customerprofiles_domain_config, from several threads)."""
        with self._account_lock:
            if self._account_info is None:
                self._account_info = get_aws_account_info(self)
            return self._account_info

    def customer_profiles_client(self):
        """The one client factory: retried calls (pass aws_retry=True) with bounded time-outs."""
        return self.retrying_client(SERVICE_NAME)

    def retrying_client(self, service):
        """A client of any service with this collection's retry policy and time-outs, whose 2xx answers are checked
        (check_answer)."""
        client = self.client(service, retry_decorator=RETRY_DECORATOR, config=botocore.config.Config(**CLIENT_DEFAULTS))
        client.meta.events.register("after-call", check_answer, unique_id="awscx-customerprofiles-check-answer")
        return client


def error_details(error):
    """(details, text) of a CustomerProfilesError that carries a service answer: details are the result keys
    ``error`` (code, message), ``attempts`` and ``request_id``; text is "<message> (<Code> from <Operation>,
    <n> attempts)". (None, None) when the error carries no service answer (a connection error, a time-out).

    botocore's own text ends "(reached max retries: 0)" because its retries are off; this text says instead how
    many attempts the collection's policy made.
    """
    exception = getattr(error, "exception", None)
    response = getattr(exception, "response", None) or {}
    code = response.get("Error", {}).get("Code")
    if code is None:
        return None, None
    service_message = response.get("Error", {}).get("Message") or code
    attempts = getattr(exception, "attempts", 1)
    operation = getattr(exception, "operation_name", None) or "the service"
    text = "{0} ({1} from {2}, {3} attempt{4})".format(
        service_message, code, operation, attempts, "" if attempts == 1 else "s"
    )
    details = dict(error=dict(code=code, message=service_message), attempts=attempts)
    request_id = response.get("ResponseMetadata", {}).get("RequestId")
    if request_id:
        details["request_id"] = request_id
    return details, text


def describe_error(error):
    """(message, details) of a CustomerProfilesError: "<what failed>: " and error_details' text and details."""
    details, text = error_details(error)
    if details is None:
        exception = getattr(error, "exception", None)
        text = str(exception) if exception is not None else ""
        return "{0}: {1}".format(error.message, text) if text else error.message, {}
    return "{0}: {1}".format(error.message, text), details


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

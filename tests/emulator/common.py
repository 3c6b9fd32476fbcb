# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Primitives shared by the backend and response modules: regions, time (one now()), name casing (one
snake()), pagination (one paginator). Imports no backend module, so every backend module can use it."""

import base64
import datetime
import functools
import inspect
import json

import botocore.session
from botocore import xform_name

from .errors import BadRequestException
from .errors import CustomerProfilesError
from .validation import service_model

SERVICE_NAME = "customer-profiles"


class UnsupportedRegionException(CustomerProfilesError):
    """The answer for a region in which botocore lists no customer-profiles endpoint.

    On AWS such a request never reaches the service (there is no endpoint to connect to); the
    emulator answers HTTP 400 with this error code instead, so the failure is explicit.
    """

    def __init__(self, region):
        super().__init__(
            "UnsupportedRegionException",
            "Amazon Connect Customer Profiles is not available in region %s: botocore lists no customer-profiles "
            "endpoint there (available: %s)" % (region, ", ".join(sorted(supported_regions()))),
            400,
        )


@functools.lru_cache(maxsize=None)
def supported_regions():
    """{region: partition} for every region of every partition in which botocore lists customer-profiles."""
    session = botocore.session.get_session()
    regions = {}
    for partition in session.get_available_partitions():
        for region in session.get_available_regions(SERVICE_NAME, partition_name=partition):
            regions[region] = partition
    return regions


def check_region(region):
    """Raise UnsupportedRegionException unless botocore lists customer-profiles in region."""
    if region not in supported_regions():
        raise UnsupportedRegionException(region)


def partition_of(region):
    return supported_regions().get(region, "aws")


def now():
    """Naive UTC now (the form moto's unix_time expects)."""
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


def identity(value):
    """A normaliser that keeps the value (a key without a ContentType)."""
    return value


def snake(name):
    """An operation's (or any CamelCase name's) Python form, as botocore names client methods:
    CreateDomain -> create_domain. The backend method that answers an operation has this name."""
    return xform_name(name)


def later_than(previous):
    """now(), or 1 ms after previous when the clock has not moved past it (LastUpdatedAt always grows)."""
    current = now()
    if previous is not None and current <= previous:
        current = previous + datetime.timedelta(milliseconds=1)
    return current


DEFAULT_PAGE_SIZE = 20  # a List operation's page without MaxResults


def encode_token(offset):
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode("utf-8")).decode("ascii")


def decode_token(token):
    if not token:
        return 0
    try:
        offset = json.loads(base64.urlsafe_b64decode(token.encode("ascii")).decode("utf-8"))["offset"]
    except (ValueError, KeyError, TypeError, UnicodeError):
        raise BadRequestException("Invalid NextToken") from None
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise BadRequestException("Invalid NextToken")
    return offset


@functools.lru_cache(maxsize=None)
def _list_member(method_name):
    """The list member of the output of the operation a backend method answers (Items, for every emulated one)."""
    model = service_model()
    for operation in model.operation_names:
        if snake(operation) == method_name:
            members = model.operation_model(operation).output_shape.members
            return next(name for name, shape in members.items() if shape.type_name == "list")
    raise ValueError("%s answers no operation of the model" % method_name)


def paginated(render=None):
    """The one paginator: a decorator of the backend method of a paginated operation (MaxResults and NextToken in
    its input). The method returns every item in order; the decorated one takes MaxResults (default
    DEFAULT_PAGE_SIZE) and NextToken (an opaque offset; a bad one is a BadRequestException) and answers
    {<the output's list member>: page[, "NextToken": token]}. render, if given, makes each item of the page into
    its answer (SearchProfiles copies only the profiles it returns)."""

    def decorate(method):
        @functools.wraps(method)
        def page(self, *args, MaxResults=None, NextToken=None, **members):
            items = method(self, *args, **members)
            start = decode_token(NextToken)
            size = MaxResults or DEFAULT_PAGE_SIZE
            chosen = items[start : start + size]
            out = {_list_member(method.__name__): [render(item) for item in chosen] if render else chosen}
            if start + size < len(items):
                out["NextToken"] = encode_token(start + size)
            return out

        signature = inspect.signature(method)
        parameters = [p for p in signature.parameters.values() if p.kind != p.VAR_KEYWORD]
        parameters += [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None) for name in PAGING]
        parameters += [p for p in signature.parameters.values() if p.kind == p.VAR_KEYWORD]
        page.__signature__ = signature.replace(parameters=parameters)
        return page

    return decorate


PAGING = ("MaxResults", "NextToken")

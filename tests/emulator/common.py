# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Primitives shared by models.py and the backend/response mixin modules (objects.py, ...): regions,
time, pagination. Imports no backend module, so a mixin module can use it while models.py imports
the mixin."""

import base64
import datetime
import functools
import json

import botocore.session
from botocore import xform_name

from .errors import BadRequestException
from .errors import CustomerProfilesError

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


def encode_token(offset):
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode("utf-8")).decode("ascii")


def decode_token(token):
    if not token:
        return 0
    try:
        offset = json.loads(base64.urlsafe_b64decode(token.encode("ascii")).decode("utf-8"))["offset"]
    except (ValueError, KeyError, TypeError, UnicodeError):
        raise BadRequestException("Invalid NextToken") from None
    if not isinstance(offset, int) or offset < 0:
        raise BadRequestException("Invalid NextToken")
    return offset


def paginate(items, max_results, next_token, default=20):
    """(page, next token or None) of a list; the token is an opaque offset."""
    start = decode_token(next_token)
    size = max_results or default
    page = items[start : start + size]
    token = encode_token(start + size) if start + size < len(items) else None
    return page, token


def page_result(items, max_results, next_token, default=20):
    """{"Items": page[, "NextToken": token]}."""
    page, token = paginate(items, max_results, next_token, default)
    out = {"Items": page}
    if token:
        out["NextToken"] = token
    return out

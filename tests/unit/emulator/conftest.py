# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures for the customer-profiles emulator tests."""

import json
import os
import sys

import boto3
import pytest
from botocore.config import Config

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

import emulator  # noqa: E402  pylint: disable=wrong-import-position
from moto import mock_aws  # noqa: E402  pylint: disable=wrong-import-position

REGION = "us-east-1"
ACCOUNT = "123456789012"
NO_RETRY = Config(retries={"total_max_attempts": 1, "mode": "standard"})
RAW = Config(parameter_validation=False, retries={"total_max_attempts": 1, "mode": "standard"})
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
# One session for the whole run: mock_aws resets boto3's default session on every start, which makes each
# new client reload the service model (~0.5 s); clients of a kept session are created in milliseconds and
# are still intercepted (moto hooks every botocore session created after it was imported).
SESSION = boto3.session.Session()


def make_client(config=NO_RETRY, region=REGION, **kwargs):
    return SESSION.client("customer-profiles", region_name=region, config=config, **dict(CREDENTIALS, **kwargs))


@pytest.fixture
def aws():
    """A fresh in-process moto with the emulator registered, an empty call log and no faults."""
    emulator.register()
    with mock_aws():
        emulator.reset_calls()
        emulator.clear_faults()
        yield
        emulator.clear_faults()


@pytest.fixture
def client(aws):  # pylint: disable=redefined-outer-name,unused-argument
    return make_client(NO_RETRY)


@pytest.fixture
def raw_client(aws):  # pylint: disable=redefined-outer-name,unused-argument
    """A client that skips boto3's own parameter validation, so the emulator's validation is what answers."""
    return make_client(RAW)


@pytest.fixture
def domain(client):  # pylint: disable=redefined-outer-name
    client.create_domain(DomainName="dom", DefaultExpirationDays=30)
    return "dom"


def add_body_members(client, operation, extra):
    """Make every later `operation` call of client send extra members in its JSON body (boto3 cannot)."""

    def _inject(request, **kwargs):  # pylint: disable=unused-argument
        body = json.loads(request.body or b"{}")
        body.update(extra)
        request.data = json.dumps(body).encode("utf-8")
        request.headers["Content-Length"] = str(len(request.data))

    client.meta.events.register("before-sign.customer-profiles.%s" % operation, _inject)


def error_of(excinfo):
    """(HTTP status, error code, message) of a botocore ClientError."""
    response = excinfo.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"], response["Error"]["Message"]

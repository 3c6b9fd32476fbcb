# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Shared helpers of the customer-profiles emulator tests (a unique module name, unlike conftest)."""

import inspect
import json
import os
import re
import sys

import boto3
from botocore.config import Config

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)


REGION = "us-east-1"
ACCOUNT = "123456789012"
NO_RETRY = Config(retries={"total_max_attempts": 1, "mode": "standard"})
RAW = Config(parameter_validation=False, retries={"total_max_attempts": 1, "mode": "standard"})
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
# One session for the whole run: mock_aws resets boto3's default session on every start, which makes each
# new client reload the service model (~0.5 s); clients of a kept session are created in milliseconds and
# are still intercepted (moto hooks every botocore session created after it was imported).
_SESSIONS = []


def session():
    """The shared boto3 session, created on first use (after moto is imported, so its hooks are in it)."""
    if not _SESSIONS:
        import moto.core.models  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import

        _SESSIONS.append(boto3.session.Session())
    return _SESSIONS[0]


def make_client(config=NO_RETRY, region=REGION, **kwargs):
    return session().client("customer-profiles", region_name=region, config=config, **dict(CREDENTIALS, **kwargs))


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


def assert_reset(client, calls, domain_name):
    """After a reset: no call logged, no domain stored, and the fault injected before it is gone
    (GetDomain answers ResourceNotFoundException, not the fault)."""
    import pytest  # pylint: disable=import-outside-toplevel
    from botocore.exceptions import ClientError  # pylint: disable=import-outside-toplevel

    assert calls == []
    assert client.list_domains()["Items"] == []
    with pytest.raises(ClientError) as excinfo:
        client.get_domain(DomainName=domain_name)
    assert error_of(excinfo)[1] == "ResourceNotFoundException"


def assert_routed_and_handled(operations):
    """Each operation is routed from the model (url_paths and method + path) to one backend method that takes its
    members."""
    import emulator  # pylint: disable=import-outside-toplevel
    from emulator import common  # pylint: disable=import-outside-toplevel
    from emulator import routing  # pylint: disable=import-outside-toplevel
    from emulator import urls  # pylint: disable=import-outside-toplevel
    from emulator import validation  # pylint: disable=import-outside-toplevel

    base = "https://profile.us-east-1.amazonaws.com"
    paths = [re.compile(pattern.format(urls.URL_PATTERN)) for pattern in urls.url_paths]
    for operation in operations:
        http = validation.operation_model(operation).http
        path = re.sub(r"\{[^}]+\}", "x", http["requestUri"].split("?", 1)[0])
        assert any(pattern.match(base + path) for pattern in paths), (operation, path)
        assert routing.match_operation(http["method"], path)[0] == operation
        method = getattr(emulator.models.CustomerProfilesBackend, common.snake(operation))
        parameters = inspect.signature(method).parameters
        members = validation.operation_model(operation).input_shape.members
        if not any(parameter.kind == parameter.VAR_KEYWORD for parameter in parameters.values()):
            assert set(members) <= set(parameters), operation

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The loopback server (python -m emulator) with moto's own services and the /_emulator/ control endpoints."""

import json
import urllib.error
import urllib.request

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from emulator_test_helpers import CREDENTIALS, assert_reset, error_of, session  # pylint: disable=import-error
from emulator.testing import start_server


@pytest.fixture(scope="module")
def server():
    with start_server() as running:
        yield running


@pytest.fixture
def srv(server):  # pylint: disable=redefined-outer-name
    server.reset()
    yield server
    server.clear_faults()


def _client(server, service="customer-profiles", **config):  # pylint: disable=redefined-outer-name
    return session().client(service, region_name="us-east-1", endpoint_url=server.url,
                            config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, **config), **CREDENTIALS)


def test_url_line(srv):
    assert srv.url.startswith("http://127.0.0.1:") and int(srv.url.rsplit(":", 1)[1]) > 0


def test_user_flow_with_plain_boto3(srv):
    kwargs = dict(region_name="us-east-1", endpoint_url=srv.url, aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
    client = boto3.client("customer-profiles", **kwargs)
    client.create_domain(DomainName="shop", DefaultExpirationDays=365)
    pid = client.create_profile(DomainName="shop", FirstName="Jane", EmailAddress="jane@example.com")["ProfileId"]
    found = client.search_profiles(DomainName="shop", KeyName="_email", Values=["jane@example.com"])["Items"]
    assert [item["ProfileId"] for item in found] == [pid]
    assert found[0]["FirstName"] == "Jane"
    client.delete_profile(DomainName="shop", ProfileId=pid)
    client.delete_domain(DomainName="shop")
    assert client.list_domains()["Items"] == []


def test_moto_services_served_too(srv):
    assert _client(srv, "sts").get_caller_identity()["Account"] == "123456789012"
    vpcs = _client(srv, "ec2").describe_vpcs()["Vpcs"]
    assert any(vpc["IsDefault"] for vpc in vpcs)


def test_tags_and_domain_over_http(srv):
    client = _client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=3, Tags={"a": "1"})
    arn = "arn:aws:profile:us-east-1:123456789012:domains/dom"
    client.tag_resource(resourceArn=arn, tags={"b": "2"})
    client.untag_resource(resourceArn=arn, tagKeys=["a"])
    assert client.get_domain(DomainName="dom")["Tags"] == {"b": "2"}
    with pytest.raises(ClientError) as excinfo:
        client.create_domain(DomainName="dom", DefaultExpirationDays=3)
    assert error_of(excinfo) == (400, "BadRequestException", "Domain dom already exists")


def test_validation_over_http(srv):
    client = _client(srv, parameter_validation=False)
    with pytest.raises(ClientError) as excinfo:
        client.create_domain(DomainName="dom", DefaultExpirationDays=2000)
    status, code, message = error_of(excinfo)
    assert (status, code) == (400, "BadRequestException")
    assert "'defaultExpirationDays'" in message


@pytest.mark.parametrize("error,status", [("ThrottlingException", 429), ("InternalServerException", 500)])
def test_faults_and_call_log_over_http(srv, error, status):
    client = _client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=3)
    srv.reset_calls()
    srv.inject_fault("UpdateDomain", error=error, count=3)
    for _attempt in range(3):
        with pytest.raises(ClientError) as excinfo:
            client.update_domain(DomainName="dom", DefaultExpirationDays=4)
        assert error_of(excinfo)[:2] == (status, error)
    assert client.update_domain(DomainName="dom", DefaultExpirationDays=4)["DefaultExpirationDays"] == 4
    calls = srv.calls()
    assert calls == [{"operation": "UpdateDomain", "kind": "write", "status": status, "error": error}] * 3 + [
        {"operation": "UpdateDomain", "kind": "write", "status": 200, "error": None}]
    srv.reset_calls()
    assert srv.calls() == []


def test_clear_faults_over_http(srv):
    client = _client(srv)
    srv.inject_fault("*", count=5)
    with pytest.raises(ClientError):
        client.list_domains()
    srv.clear_faults()
    assert client.list_domains()["Items"] == []


def test_rule_based_matching_status_over_http(srv):
    client = _client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=3, RuleBasedMatching={"Enabled": True})
    srv.set_rule_based_matching_status("dom", "IN_PROGRESS")
    assert client.get_domain(DomainName="dom")["RuleBasedMatching"]["Status"] == "IN_PROGRESS"
    with pytest.raises(ClientError) as excinfo:
        client.update_domain(DomainName="dom", RuleBasedMatching={"Enabled": False})
    assert error_of(excinfo)[:2] == (400, "BadRequestException")
    with pytest.raises(RuntimeError):
        srv.set_rule_based_matching_status("missing", "ACTIVE")


def test_reset_over_http(srv):
    client = _client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=3)
    srv.inject_fault("GetDomain", count=2)
    srv.reset()
    assert_reset(client, srv.calls(), "dom")


def test_control_endpoint_errors(srv):
    request = urllib.request.Request(srv.url + "/_emulator/faults", data=json.dumps({"operation": "X", "error": "Nope"}).encode(), method="POST")
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(request, timeout=10)  # pylint: disable=consider-using-with
    assert excinfo.value.code == 400
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(srv.url + "/_emulator/nothing", timeout=10)  # pylint: disable=consider-using-with
    assert excinfo.value.code == 404


def test_stop_exits_cleanly():
    running = start_server()
    assert running.process.poll() is None
    assert running.stop() == 0

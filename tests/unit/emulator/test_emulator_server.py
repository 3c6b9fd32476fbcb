# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The loopback server (python -m emulator) with moto's own services and the /_emulator/ control endpoints."""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from emulator_test_helpers import CREDENTIALS  # pylint: disable=import-error
from emulator_test_helpers import assert_reset  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error
from emulator_test_helpers import session  # pylint: disable=import-error

from call_log import entries
from emulator.testing import TESTS_DIR
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
    return session().client(
        service,
        region_name="us-east-1",
        endpoint_url=server.url,
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, **config),
        **CREDENTIALS,
    )


def test_url_line(srv):
    assert srv.url.startswith("http://127.0.0.1:") and int(srv.url.rsplit(":", 1)[1]) > 0


def test_user_flow_with_plain_boto3(srv):
    kwargs = dict(
        region_name="us-east-1", endpoint_url=srv.url, aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret"
    )
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
    assert entries(calls) == [("UpdateDomain", "write", status, error, ["DefaultExpirationDays", "DomainName"])] * 3 + [
        ("UpdateDomain", "write", 200, None, ["DefaultExpirationDays", "DomainName"])
    ]
    timed = srv.calls(times=True)
    assert [entry["status"] for entry in timed] == [status] * 3 + [200]
    assert all(entry["started"] <= entry["ended"] for entry in timed)
    assert [entry["started"] for entry in timed] == sorted(entry["started"] for entry in timed)
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
    request = urllib.request.Request(
        srv.url + "/_emulator/faults", data=json.dumps({"operation": "X", "error": "Nope"}).encode(), method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(request, timeout=10)  # pylint: disable=consider-using-with
    assert excinfo.value.code == 400
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(srv.url + "/_emulator/nothing", timeout=10)  # pylint: disable=consider-using-with
    assert excinfo.value.code == 404


def test_unsupported_region_over_http(srv):
    client = session().client(
        "customer-profiles",
        region_name="eu-west-1",
        endpoint_url=srv.url,
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}),
        **CREDENTIALS,
    )
    with pytest.raises(ClientError) as excinfo:
        client.list_domains()
    status, code, message = error_of(excinfo)
    assert (status, code) == (400, "UnsupportedRegionException") and "eu-west-1" in message
    served = session().client("customer-profiles", region_name="ap-southeast-2", endpoint_url=srv.url, **CREDENTIALS)
    assert served.list_domains()["Items"] == []


def test_search_lag_over_http(srv):
    client = _client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=3)
    srv.set_search_lag(0.5)
    assert srv.search_lag() == 0.5
    pid = client.create_profile(DomainName="dom", AccountNumber="A1")["ProfileId"]
    assert client.search_profiles(DomainName="dom", KeyName="_account", Values=["A1"])["Items"] == []
    assert client.batch_get_profile(DomainName="dom", ProfileIds=[pid])["Profiles"][0]["ProfileId"] == pid
    time.sleep(0.6)
    assert [
        p["ProfileId"] for p in client.search_profiles(DomainName="dom", KeyName="_account", Values=["A1"])["Items"]
    ] == [pid]
    srv.reset()
    assert srv.search_lag() == 0


def test_quota_mode_over_http(srv):
    client = _client(srv)
    srv.set_quota_mode(True)
    assert srv.quota_mode() == {"enabled": True, "rates": {}}
    outcomes = []
    for index in range(3):
        try:
            client.create_domain(DomainName="d%d" % index, DefaultExpirationDays=3)
            outcomes.append(200)
        except ClientError as exc:
            outcomes.append(error_of(_Caught(exc))[:2])
    assert outcomes == [200, (429, "ThrottlingException"), (429, "ThrottlingException")]
    srv.set_quota_mode(True, rates={"CreateDomain": 50})
    assert srv.quota_mode()["rates"] == {"CreateDomain": 50.0}
    client.create_domain(DomainName="d9", DefaultExpirationDays=3)
    srv.reset()
    assert srv.quota_mode() == {"enabled": False, "rates": {}}


def test_search_values_limit_over_http(srv):
    client = _client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=3)
    srv.set_search_values_limit(10)
    assert srv.search_values_limit() == 10
    client.search_profiles(DomainName="dom", KeyName="_account", Values=["v%d" % n for n in range(10)])
    with pytest.raises(ClientError) as excinfo:
        client.search_profiles(DomainName="dom", KeyName="_account", Values=["v%d" % n for n in range(11)])
    status, code, message = error_of(excinfo)
    assert (status, code) == (400, "BadRequestException") and "Values" in message
    srv.set_search_values_limit(None)
    client.search_profiles(DomainName="dom", KeyName="_account", Values=["v%d" % n for n in range(11)])
    srv.set_search_values_limit(3)
    srv.reset()
    assert srv.search_values_limit() is None


@pytest.mark.parametrize(
    "path,payload",
    [
        ("search-lag", {"seconds": -1}),
        ("search-lag", {}),
        ("quota", {"enabled": "yes"}),
        ("quota", {}),
        ("quota", {"enabled": True, "rates": {"GetDomain": 0}}),
        ("search-values-limit", {"limit": 0}),
    ],
)
def test_settings_endpoints_reject_bad_payloads(srv, path, payload):
    request = urllib.request.Request(srv.url + "/_emulator/" + path, data=json.dumps(payload).encode(), method="POST")
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(request, timeout=10)  # pylint: disable=consider-using-with
    assert excinfo.value.code == 400


def test_object_types_and_profile_objects_over_http(srv):
    client = _client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=3)
    assert {t["TemplateId"] for t in client.list_profile_object_type_templates()["Items"]} >= {"Shopify-Order"}
    assert client.get_profile_object_type_template(TemplateId="Shopify-Order")["SourceName"] == "Shopify"
    client.put_profile_object_type(
        DomainName="dom",
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={"id": {"Source": "_source.id"}, "acct": {"Source": "_source.acct", "Target": "_profile.AccountNumber"}},
        Keys={
            "orderNumber": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "accountNo": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["acct"]}],
        },
    )
    assert [t["ObjectTypeName"] for t in client.list_profile_object_types(DomainName="dom")["Items"]] == ["Order"]
    key = client.put_profile_object(
        DomainName="dom", ObjectTypeName="Order", Object=json.dumps({"id": "o1", "acct": "A1"})
    )["ProfileObjectUniqueKey"]
    batch = client.batch_put_profile_object(
        DomainName="dom", ObjectTypeName="Order", Items=[{"Id": "x", "Object": json.dumps({"id": "o2", "acct": "A1"})}]
    )
    assert [item["Id"] for item in batch["Successful"]] == ["x"] and batch["Failed"] == []
    found = client.search_profiles(DomainName="dom", KeyName="accountNo", Values=["A1"])["Items"]
    assert len(found) == 1 and found[0]["AccountNumber"] == "A1"
    listed = client.list_profile_objects(DomainName="dom", ObjectTypeName="Order", ProfileId=found[0]["ProfileId"])[
        "Items"
    ]
    assert [item["ProfileObjectUniqueKey"] for item in listed][0] == key and len(listed) == 2
    client.delete_profile_object(
        DomainName="dom", ObjectTypeName="Order", ProfileId=found[0]["ProfileId"], ProfileObjectUniqueKey=key
    )
    assert client.get_domain(DomainName="dom")["Stats"]["ObjectCount"] == 1
    client.delete_profile_object_type(DomainName="dom", ObjectTypeName="Order")
    assert client.get_domain(DomainName="dom")["Stats"]["ObjectCount"] == 0
    assert srv.dead_letters() == []


def test_ceiling_script_over_http(srv):
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([TESTS_DIR] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]),
    )
    done = subprocess.run(
        [sys.executable, "-m", "emulator.ceiling", "--url", srv.url, "--n", "40", "--workers", "4", "--chunk", "15"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    report = json.loads(done.stdout)
    assert (report["n"], report["workers"], report["chunk"]) == (40, 4, 15)
    phases = report["phases"]
    assert phases["create_profile"]["calls"] == 40 and phases["update_profile"]["calls"] == 40
    assert phases["search_profiles"]["calls"] == 3 and phases["search_profiles"]["found"] == 40
    assert all(phase["calls_per_second"] > 0 for phase in phases.values())
    assert _client(srv).list_domains()["Items"] == []  # the script deletes its domain


def test_direct_dispatch_answers_like_moto(srv):
    client = _client(srv)
    response = client.list_domains()
    assert response["ResponseMetadata"]["HTTPHeaders"]["content-type"] == "application/json"
    assert response["ResponseMetadata"]["RequestId"]
    client.create_domain(DomainName="d-1", DefaultExpirationDays=3)
    arn = "arn:aws:profile:us-east-1:123456789012:domains/d-1"
    client.tag_resource(resourceArn=arn, tags={"k": "v"})  # the ARN travels percent-encoded in the path
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"k": "v"}
    with pytest.raises(urllib.error.HTTPError) as excinfo:  # unsigned: not customer-profiles' (moto answers)
        urllib.request.urlopen(srv.url + "/domains", timeout=10)  # pylint: disable=consider-using-with
    assert excinfo.value.code >= 400


class _Caught:  # pylint: disable=too-few-public-methods
    """error_of() reads .value of a pytest ExceptionInfo; this holds a caught ClientError the same way."""

    def __init__(self, exc):
        self.value = exc


def test_stop_exits_cleanly():
    running = start_server()
    assert running.process.poll() is None
    assert running.stop() == 0


def test_segment_exports_over_http(srv):
    client = _client(srv)
    client.create_domain(DomainName="dom", DefaultExpirationDays=3)
    client.create_segment_definition(
        DomainName="dom", SegmentDefinitionName="all", DisplayName="All", SegmentGroups={"Groups": [], "Include": "ALL"}
    )
    assert srv.set_segment_exports(snapshot_polls=0, snapshot_failure="denied")["snapshot_failure"] == "denied"
    snapshot_id = client.create_segment_snapshot(
        DomainName="dom", SegmentDefinitionName="all", DataFormat="CSV", DestinationUri="s3://bucket/x"
    )["SnapshotId"]
    answer = client.get_segment_snapshot(DomainName="dom", SegmentDefinitionName="all", SnapshotId=snapshot_id)
    assert (answer["Status"], answer["StatusMessage"]) == ("FAILED", "denied")
    srv.reset()
    assert srv.segment_exports() == {"snapshot_polls": 1, "estimate_polls": 1, "snapshot_failure": None}

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Upload jobs: CreateUploadJob, GetUploadJobPath (the upload URL and its SSE-C headers, in-process and on the
server), StartUploadJob, StopUploadJob, GetUploadJob (a job finishes after a configurable number of reads, rows
counted), ListUploadJobs."""

import base64
import hashlib
import urllib.error
import urllib.request

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import assert_routed_and_handled  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator

OPERATIONS = (
    "CreateUploadJob",
    "GetUploadJobPath",
    "StartUploadJob",
    "StopUploadJob",
    "GetUploadJob",
    "ListUploadJobs",
)
FIELDS = {
    "Id": {"Source": "_source.id", "Target": "_profile.AccountNumber"},
    "Email": {"Source": "_source.email", "Target": "_profile.EmailAddress", "ContentType": "EMAIL_ADDRESS"},
    "Spend": {"Source": "_source.spend", "Target": "_profile.Attributes.spend", "ContentType": "NUMBER"},
}
CSV = b"id,email,spend\n1,a@example.com,10\n2,b@example.com,2.5\n"


@pytest.fixture(autouse=True)
def polls(aws):  # pylint: disable=unused-argument
    emulator.set_upload_job_polls(2)
    yield
    emulator.set_upload_job_polls(2)


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="dom", DefaultExpirationDays=30)
    return "dom"


def create(client, name="load", fields=None, unique_key="Id", **extra):
    return client.create_upload_job(
        DomainName="dom", DisplayName=name, Fields=fields or FIELDS, UniqueKey=unique_key, **extra
    )["JobId"]


def sse(token, key=None, md5=None, algorithm="AES256"):
    key = token if key is None else key
    digest = base64.b64encode(hashlib.md5(base64.b64decode(key)).digest()).decode("ascii")
    return {
        "x-amz-server-side-encryption-customer-key": key,
        "x-amz-server-side-encryption-customer-key-MD5": digest if md5 is None else md5,
        "x-amz-server-side-encryption-customer-algorithm": algorithm,
    }


def put(url, body, headers):
    """(status, body) of a PUT to the upload URL."""
    request = urllib.request.Request(url, data=body, method="PUT", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def upload(client, job_id, body=CSV):
    path = client.get_upload_job_path(DomainName="dom", JobId=job_id)
    assert put(path["Url"], body, sse(path["ClientToken"]))[0] == 200


def run(client, job_id, reads=2):
    client.start_upload_job(DomainName="dom", JobId=job_id)
    for _read in range(reads):
        job = client.get_upload_job(DomainName="dom", JobId=job_id)
    return job


def test_the_operations_are_routed_and_handled():
    assert_routed_and_handled(OPERATIONS)


def test_a_job_imports_the_rows_and_a_second_one_updates_them(client, domain):
    job_id = create(client, DataExpiry=30)
    upload(client, job_id)

    job = run(client, job_id)

    assert job["Status"] == "SUCCEEDED" and job["DataExpiry"] == 30 and "CompletedAt" in job
    assert job["ResultsSummary"] == {"CreatedRecords": 2, "UpdatedRecords": 0, "FailedRecords": 0}
    profiles = sorted(emulator.backend().domains[domain].profiles.values(), key=lambda item: item["AccountNumber"])
    assert [(p["AccountNumber"], p["EmailAddress"], p["Attributes"]) for p in profiles] == [
        ("1", "a@example.com", {"spend": "10"}),
        ("2", "b@example.com", {"spend": "2.5"}),
    ]
    second = create(client)
    upload(client, second, b"id,email,spend\n2,new@example.com,3\n3,c@example.com,1\n")
    assert run(client, second)["ResultsSummary"] == {"CreatedRecords": 1, "UpdatedRecords": 1, "FailedRecords": 0}
    assert len(emulator.backend().domains[domain].profiles) == 3


def test_rows_that_cannot_be_mapped_fail_and_the_others_stay(client, domain):
    job_id = create(client)
    upload(
        client, job_id, b"id,email,spend\n1,a@example.com,1\n,b@example.com,1\n2,not-an-email,1\n3,c@example.com,x\n"
    )

    job = run(client, job_id)

    assert job["Status"] == "PARTIALLY_SUCCEEDED"
    assert job["ResultsSummary"] == {"CreatedRecords": 1, "UpdatedRecords": 0, "FailedRecords": 3}
    assert [p["AccountNumber"] for p in emulator.backend().domains[domain].profiles.values()] == ["1"]


def test_every_row_failing_fails_the_job(client, domain):
    job_id = create(client)
    upload(client, job_id, b"id,email,spend\n,a@example.com,1\n")

    assert run(client, job_id)["Status"] == "FAILED"


def test_a_job_finishes_at_the_configured_read(client, domain):
    emulator.set_upload_job_polls(3)
    job_id = create(client)
    upload(client, job_id)
    client.start_upload_job(DomainName="dom", JobId=job_id)

    statuses = [client.get_upload_job(DomainName="dom", JobId=job_id)["Status"] for _read in range(4)]

    assert statuses == ["IN_PROGRESS", "IN_PROGRESS", "SUCCEEDED", "SUCCEEDED"]
    assert client.list_upload_jobs(DomainName="dom")["Items"][0]["Status"] == "SUCCEEDED"


def test_zero_polls_processes_at_start(client, domain):
    emulator.set_upload_job_polls(0)
    job_id = create(client)
    upload(client, job_id)

    assert run(client, job_id, reads=1)["Status"] == "SUCCEEDED"


def test_start_without_a_file_fails_the_job_with_a_validation_failure(client, domain):
    job_id = create(client)

    job = run(client, job_id, reads=1)

    assert (job["Status"], job["StatusReason"]) == ("FAILED", "VALIDATION_FAILURE")
    assert job["ResultsSummary"] == {"CreatedRecords": 0, "UpdatedRecords": 0, "FailedRecords": 0}


def test_stop_a_running_job_and_a_finished_one_is_refused(client, domain):
    job_id = create(client)
    upload(client, job_id)
    client.start_upload_job(DomainName="dom", JobId=job_id)

    client.stop_upload_job(DomainName="dom", JobId=job_id)

    job = client.get_upload_job(DomainName="dom", JobId=job_id)
    assert job["Status"] == "STOPPED" and job["ResultsSummary"]["CreatedRecords"] == 0
    assert emulator.backend().domains[domain].profiles == {}
    with pytest.raises(ClientError) as excinfo:
        client.stop_upload_job(DomainName="dom", JobId=job_id)
    assert error_of(excinfo)[:2] == (400, "BadRequestException")
    with pytest.raises(ClientError) as excinfo:
        client.start_upload_job(DomainName="dom", JobId=job_id)
    assert error_of(excinfo)[:2] == (400, "BadRequestException")


@pytest.mark.parametrize(
    "headers, status, code",
    [
        (lambda token: {}, 400, "InvalidArgument"),
        (lambda token: sse(token, md5="AAAAAAAAAAAAAAAAAAAAAA=="), 400, "InvalidArgument"),
        (lambda token: sse(token, algorithm="aws:kms"), 400, "InvalidEncryptionAlgorithmError"),
        (lambda token: sse(token, key=base64.b64encode(b"k" * 32).decode("ascii")), 403, "SignatureDoesNotMatch"),
    ],
)
def test_a_put_without_the_right_sse_c_headers_is_refused_as_s3_refuses_it(client, domain, headers, status, code):
    job_id = create(client)
    path = client.get_upload_job_path(DomainName="dom", JobId=job_id)

    answer = put(path["Url"], CSV, headers(path["ClientToken"]))

    assert answer[0] == status
    assert b"<Code>%s</Code>" % code.encode("ascii") in answer[1]
    assert run(client, job_id, reads=1)["StatusReason"] == "VALIDATION_FAILURE"  # nothing was stored


def test_a_started_job_takes_no_upload(client, domain):
    job_id = create(client)
    path = client.get_upload_job_path(DomainName="dom", JobId=job_id)
    upload(client, job_id)
    client.start_upload_job(DomainName="dom", JobId=job_id)

    assert put(path["Url"], CSV, sse(path["ClientToken"]))[0] == 403
    with pytest.raises(ClientError) as excinfo:
        client.get_upload_job_path(DomainName="dom", JobId=job_id)
    assert error_of(excinfo)[:2] == (400, "BadRequestException")


@pytest.mark.parametrize(
    "fields, unique_key, names",
    [
        (FIELDS, "Phone", "UniqueKey"),
        (dict(FIELDS, Id={"Source": "{{#bad}}", "Target": "_profile.AccountNumber"}), "Id", "Fields.Id.Source"),
        (dict(FIELDS, Id={"Source": "_source.id", "Target": "_order.Id"}), "Id", "Fields.Id.Target"),
    ],
)
def test_create_refuses_a_mapping_it_cannot_run(client, domain, fields, unique_key, names):
    with pytest.raises(ClientError) as excinfo:
        create(client, fields=fields, unique_key=unique_key)
    assert error_of(excinfo)[:2] == (400, "BadRequestException")
    assert names in error_of(excinfo)[2]


def test_list_is_paginated_newest_first_and_a_missing_job_is_not_found(client, domain):
    ids = [create(client, name="job-%d" % number) for number in range(3)]

    first = client.list_upload_jobs(DomainName="dom", MaxResults=2)
    rest = client.list_upload_jobs(DomainName="dom", MaxResults=2, NextToken=first["NextToken"])

    assert [item["JobId"] for item in first["Items"] + rest["Items"]] == ids[::-1]
    assert set(first["Items"][0]) == {"JobId", "DisplayName", "Status", "CreatedAt", "DataExpiry"}
    with pytest.raises(ClientError) as excinfo:
        client.get_upload_job(DomainName="dom", JobId="0" * 32)
    assert error_of(excinfo)[:2] == (404, "ResourceNotFoundException")


def test_the_upload_url_is_on_the_server_itself(fresh_emulator_server):
    server = fresh_emulator_server
    client = server.client()
    client.create_domain(DomainName="dom", DefaultExpirationDays=30)
    server.set_upload_job_polls(1)
    job_id = create(client)
    path = client.get_upload_job_path(DomainName="dom", JobId=job_id)

    assert path["Url"].startswith(server.url + "/")
    assert put(path["Url"], CSV, {})[0] == 400
    assert put(path["Url"], CSV, sse(path["ClientToken"]))[0] == 200
    client.start_upload_job(DomainName="dom", JobId=job_id)
    job = client.get_upload_job(DomainName="dom", JobId=job_id)
    assert job["Status"] == "SUCCEEDED" and job["ResultsSummary"]["CreatedRecords"] == 2
    assert server.upload_job_polls() == 1
    server.reset()
    assert server.upload_job_polls() == 2


def test_a_large_file_takes_a_read_per_chunk_of_rows_and_a_stop_keeps_what_was_written(client, domain, monkeypatch):
    from emulator import uploads

    monkeypatch.setattr(uploads, "ROWS_PER_READ", 2)
    rows = b"".join(b"%d,p%d@example.com,1\n" % (number, number) for number in range(5))
    whole, stopped = create(client), create(client, name="stopped")
    upload(client, whole, b"id,email,spend\n" + rows)
    upload(client, stopped, b"id,email,spend\n" + rows.replace(b",p", b",q"))
    client.start_upload_job(DomainName="dom", JobId=whole)
    client.start_upload_job(DomainName="dom", JobId=stopped)

    reads = [client.get_upload_job(DomainName="dom", JobId=whole) for _read in range(4)]
    client.get_upload_job(DomainName="dom", JobId=stopped)
    client.get_upload_job(DomainName="dom", JobId=stopped)
    client.stop_upload_job(DomainName="dom", JobId=stopped)

    assert [read["Status"] for read in reads] == ["IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "SUCCEEDED"]
    assert [read["ResultsSummary"]["CreatedRecords"] for read in reads] == [0, 2, 4, 5]
    job = client.get_upload_job(DomainName="dom", JobId=stopped)
    assert job["Status"] == "STOPPED"
    assert job["ResultsSummary"] == {"CreatedRecords": 0, "UpdatedRecords": 2, "FailedRecords": 0}
    emails = sorted(p["EmailAddress"] for p in emulator.backend().domains[domain].profiles.values())
    assert emails == ["p2@example.com", "p3@example.com", "p4@example.com", "q0@example.com", "q1@example.com"]

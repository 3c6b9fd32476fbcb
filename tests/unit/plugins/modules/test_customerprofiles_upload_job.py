# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_upload_job and _info against the in-process emulator (its upload URL is a loopback listener in
this process): results, the profiles the job made, the calls made, and the ClientToken kept out of everything."""

import json

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import upload_job
from call_log import assert_fails_naming
from call_log import assert_no_call
from call_log import writes
from module_docs import doc_spec_differences
from module_docs import documented_options

MODULE = "customerprofiles_upload_job"
INFO = MODULE + "_info"
DOMAIN = "upload-domain"
NAME = "customers-2026-12"
FIELDS = dict(
    AccountNumber=dict(source="_source.account_number", target="_profile.AccountNumber"),
    Email=dict(source="_source.email", target="_profile.EmailAddress", content_type="EMAIL_ADDRESS"),
    FirstName=dict(source="_source.first_name", target="_profile.FirstName", content_type="NAME"),
)
GOOD = "account_number,email,first_name\nA-1,sam@example.com,Sam\nA-2,kim@example.com,Kim\nA-3,lee@example.com,Lee\n"
# A-5 has an email its content type refuses, the third row no account number: two rows fail, two succeed.
BAD_ROWS = (
    "account_number,email,first_name\nA-4,ann@example.com,Ann\nA-5,not-an-email,Bob\n,joe@example.com,Joe\nA-6,,Max\n"
)
# The writes of a job run from scratch (GetUploadJobPath is logged as a read; the module counts it as a write).
pytestmark = pytest.mark.usefixtures("wait_clock")  # the module's waits on a fake clock: no test sleeps
RUN_CALLS = ["ListUploadJobs", "CreateUploadJob", "GetUploadJobPath", "StartUploadJob", "GetUploadJob", "GetUploadJob"]


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_mock.reset_calls()
    return DOMAIN


@pytest.fixture
def csv_file(tmp_path):
    def write(text, name="customers.csv"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def args(src, **extra):
    result = dict(domain_name=DOMAIN, display_name=NAME, src=src, fields=FIELDS, unique_key="AccountNumber")
    result.update(extra)
    return result


def profiles(cp_mock):
    return sorted(
        (profile.get("AccountNumber"), profile.get("EmailAddress"))
        for profile in cp_mock.backend().get_domain_object(DOMAIN).profiles.values()
    )


def test_a_job_that_succeeds_imports_the_rows(domain, cp_mock, run_logged, csv_file):
    result, calls = run_logged(MODULE, args(csv_file(GOOD), data_expiry=30))

    assert result["changed"] is True, result
    job = result["upload_job"]
    assert job["status"] == "SUCCEEDED"
    assert job["results_summary"] == dict(created_records=3, updated_records=0, failed_records=0)
    assert job["fields"] == FIELDS and job["unique_key"] == "AccountNumber" and job["data_expiry"] == 30
    assert len(job["job_id"]) == 32
    assert calls == RUN_CALLS
    assert profiles(cp_mock) == [("A-1", "sam@example.com"), ("A-2", "kim@example.com"), ("A-3", "lee@example.com")]


@pytest.fixture
def tokens(monkeypatch):
    """The ClientTokens the emulator gives (GetUploadJobPath), as they are made."""
    from emulator import models_uploads

    made = []
    original = models_uploads.UploadJob.new_token

    def recorded(job):
        made.append(original(job))
        return made[-1]

    monkeypatch.setattr(models_uploads.UploadJob, "new_token", recorded)
    return made


def test_the_client_token_appears_nowhere_in_the_result(domain, cp_mock, run_module, csv_file, tokens):
    result = run_module(MODULE, args(csv_file(GOOD)), diff=True)

    assert result["upload_job"]["status"] == "SUCCEEDED"
    assert len(tokens) == 1
    text = json.dumps(result)
    assert tokens[0] not in text
    assert "customer-key" not in text.lower()


def test_a_rerun_of_a_succeeded_job_makes_no_write(domain, cp_mock, run_module, run_logged, csv_file):
    src = csv_file(GOOD)
    first = run_module(MODULE, args(src))

    again, calls = run_logged(MODULE, args(src))

    assert again["changed"] is False
    assert again["upload_job"]["job_id"] == first["upload_job"]["job_id"]
    assert again["upload_job"]["status"] == "SUCCEEDED"
    assert calls == ["ListUploadJobs", "GetUploadJob"]
    checked, calls = run_logged(MODULE, args(src), check_mode=True)
    assert checked["changed"] is False and calls == ["ListUploadJobs", "GetUploadJob"]


def test_rerun_runs_the_file_again_in_a_new_job_that_updates_the_profiles(domain, cp_mock, run_module, csv_file):
    src = csv_file(GOOD)
    first = run_module(MODULE, args(src))

    again = run_module(MODULE, args(src, rerun=True))

    assert again["changed"] is True
    assert again["upload_job"]["job_id"] != first["upload_job"]["job_id"]
    assert again["upload_job"]["results_summary"] == dict(created_records=0, updated_records=3, failed_records=0)
    assert len(profiles(cp_mock)) == 3


def test_failing_rows_fail_the_task_with_the_counts_and_the_good_rows_stay(domain, cp_mock, run_module, csv_file):
    result = run_module(MODULE, args(csv_file(BAD_ROWS)))

    assert result.failed and result["changed"] is True, result
    assert "PARTIALLY_SUCCEEDED" in result["msg"]
    assert "2 created, 0 updated, 2 failed rows" in result["msg"]
    assert "not-an-email" not in result["msg"]
    assert result["upload_job"]["results_summary"] == dict(created_records=2, updated_records=0, failed_records=2)
    assert profiles(cp_mock) == [("A-4", "ann@example.com"), ("A-6", None)]


def test_a_failed_job_found_again_fails_again_without_a_write(domain, cp_mock, run_module, run_logged, csv_file):
    src = csv_file(BAD_ROWS)
    run_module(MODULE, args(src))

    again, calls = run_logged(MODULE, args(src))

    assert again.failed and again["changed"] is False
    assert "(an earlier run) is PARTIALLY_SUCCEEDED" in again["msg"] and "rerun=true" in again["msg"]
    assert writes(cp_mock) == [] and calls == ["ListUploadJobs", "GetUploadJob"]


def test_a_stopped_job_is_reported_and_fails_the_task(domain, cp_mock, cp_client, run_module, run_logged, csv_file):
    src = csv_file(GOOD)
    started = run_module(MODULE, args(src, wait=False))
    assert started["changed"] is True and started["upload_job"]["status"] == "IN_PROGRESS"
    cp_client.stop_upload_job(DomainName=DOMAIN, JobId=started["upload_job"]["job_id"])

    result, calls = run_logged(MODULE, args(src))

    assert result.failed and result["changed"] is False
    assert result["upload_job"]["status"] == "STOPPED"
    assert "STOPPED" in result["msg"]
    assert calls == ["ListUploadJobs", "GetUploadJob"]
    assert profiles(cp_mock) == []


def test_a_job_in_progress_is_waited_for_not_run_again(domain, cp_mock, run_module, run_logged, csv_file):
    src = csv_file(GOOD)
    run_module(MODULE, args(src, wait=False))

    result, calls = run_logged(MODULE, args(src))

    assert result["changed"] is False and result["upload_job"]["status"] == "SUCCEEDED"
    assert writes(cp_mock) == [] and "CreateUploadJob" not in calls


def test_a_created_job_never_started_is_uploaded_and_started(domain, cp_mock, cp_client, run_logged, csv_file):
    api_fields = {
        "AccountNumber": {"Source": "_source.account_number", "Target": "_profile.AccountNumber"},
    }
    cp_client.create_upload_job(DomainName=DOMAIN, DisplayName=NAME, Fields=api_fields, UniqueKey="AccountNumber")
    cp_mock.reset_calls()

    result, calls = run_logged(MODULE, args(csv_file(GOOD)))

    assert result["changed"] is True and result["upload_job"]["status"] == "SUCCEEDED"
    assert "CreateUploadJob" not in calls and "StartUploadJob" in calls
    assert [key for key, _email in profiles(cp_mock)] == ["A-1", "A-2", "A-3"]


def test_check_mode_makes_no_write_and_predicts_the_job(domain, cp_mock, run_logged, csv_file):
    result, calls = run_logged(MODULE, args(csv_file(GOOD)), check_mode=True, diff=True)

    assert result["changed"] is True
    assert result["upload_job"]["status"] == "IN_PROGRESS"
    assert result["upload_job"]["fields"] == FIELDS
    assert calls == ["ListUploadJobs"]
    assert result["diff"]["before"] == {}
    assert profiles(cp_mock) == []


def test_a_header_that_does_not_match_fields_fails_before_any_call(domain, cp_mock, run_module, csv_file):
    src = csv_file("account,e_mail,first_name\nA-1,secret@example.com,Sam\n")

    result = run_module(MODULE, args(src))

    assert_fails_naming(result, cp_mock, "fields.AccountNumber.source", "secret@example.com")
    assert "no column account_number, email" in result["msg"]
    assert "fields.Email.source" in result["msg"]


@pytest.mark.parametrize(
    "change, option",
    [
        (dict(unique_key="Phone"), "unique_key"),
        (dict(data_expiry=2000), "data_expiry"),
        (dict(display_name=""), "display_name"),
        (dict(fields=dict(FIELDS, Email=dict(FIELDS["Email"], content_type="MAIL"))), "fields.Email.content_type"),
        (dict(fields=dict(FIELDS, Email=dict(FIELDS["Email"], source="{{email}}"))), "fields.Email.source"),
        (dict(fields=dict(FIELDS, Email=dict(FIELDS["Email"], target="_order.Email"))), "fields.Email.target"),
        (dict(wait_timeout=-1), "wait_timeout"),
    ],
)
def test_bad_input_fails_before_any_call(domain, cp_mock, run_module, csv_file, change, option):
    result = run_module(MODULE, args(csv_file(GOOD), **change))

    assert_fails_naming(result, cp_mock, option)


def test_a_file_that_cannot_be_read_fails_before_any_call(domain, cp_mock, run_module, tmp_path):
    result = run_module(MODULE, args(str(tmp_path / "missing.csv")))

    assert_fails_naming(result, cp_mock, "src: cannot read the file")


def test_an_upload_the_url_refuses_fails_cleanly_and_leaves_the_job_created(
    domain, cp_mock, run_module, csv_file, monkeypatch, tokens
):
    src = csv_file(GOOD)
    with monkeypatch.context() as patched:
        patched.setattr(upload_job, "sse_headers", lambda token, size: {"Content-Length": str(size)})
        result = run_module(MODULE, args(src))

    assert result.failed and result["changed"] is True
    assert "HTTP 400 (InvalidArgument)" in result["msg"] and "Traceback" not in json.dumps(result)
    assert len(tokens) == 1 and tokens[0] not in json.dumps(result)
    assert [job["Status"] for job in cp_mock.backend().list_upload_jobs(DomainName=DOMAIN)["Items"]] == ["CREATED"]

    again = run_module(MODULE, args(src))

    assert again["upload_job"]["status"] == "SUCCEEDED"
    assert len(cp_mock.backend().list_upload_jobs(DomainName=DOMAIN)["Items"]) == 1


def test_a_job_that_does_not_finish_in_time_warns_and_succeeds(domain, cp_mock, run_module, csv_file):
    cp_mock.set_upload_job_polls(1000)

    result = run_module(MODULE, args(csv_file(GOOD), wait_timeout=60))

    assert result["changed"] is True and result["upload_job"]["status"] == "IN_PROGRESS"
    assert any("still IN_PROGRESS after wait_timeout=60" in str(warning) for warning in result["warnings"])


def test_info_lists_the_jobs_and_reads_one(domain, cp_mock, run_module, csv_file):
    src = csv_file(GOOD)
    run_module(MODULE, args(src))
    run_module(MODULE, args(src, display_name="other"))

    listed = run_module(INFO, dict(domain_name=DOMAIN))
    named = run_module(INFO, dict(domain_name=DOMAIN, display_name=NAME))
    job_id = named["upload_jobs"][0]["job_id"]
    one = run_module(INFO, dict(domain_name=DOMAIN, job_id=job_id))
    missing = run_module(INFO, dict(domain_name=DOMAIN, job_id="0" * 32))

    assert sorted(job["display_name"] for job in listed["upload_jobs"]) == ["customers-2026-12", "other"]
    assert [job["display_name"] for job in named["upload_jobs"]] == [NAME]
    assert one["upload_jobs"][0]["results_summary"]["created_records"] == 3
    assert one["upload_jobs"][0]["fields"] == FIELDS
    assert missing["upload_jobs"] == []


def test_info_bad_input_fails_before_any_call(domain, cp_mock, run_module):
    result = run_module(INFO, dict(domain_name=DOMAIN, job_id="not/an id"))

    assert_fails_naming(result, cp_mock, "job_id")
    assert_no_call(cp_mock)


@pytest.mark.parametrize(
    "module_name, spec",
    [(MODULE, upload_job.UPLOAD_JOB_ARGUMENT_SPEC), (INFO, upload_job.UploadJobLister.argument_spec)],
)
def test_the_documentation_is_the_argument_spec(module_name, spec):
    assert doc_spec_differences(documented_options(module_name), spec) == []

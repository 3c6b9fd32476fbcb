# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one place that pins how many API calls each kind of task makes (issue 7).

Call counts are deterministic, so they are asserted here, in-process against the
emulator: a no-op is exactly one read and no write, a create or update is the
one read plus exactly the writes it needs, check mode never writes. The same
numbers appear per task in docs/performance.md (make bench). Also pinned: which
AWS clients a task builds (STS only when tags of an existing domain change, as
TagResource/UntagResource need the account and partition in the ARN).
"""

import pytest

from call_log import reads
from call_log import writes
from domain_seed import DOMAIN_DELETE_READS

DOMAIN = "calls-domain"
ACCOUNT = "acct-1"


@pytest.fixture
def domain(cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365, Tags={"Team": "crm", "Env": "test"})
    return DOMAIN


@pytest.fixture
def profile_id(cp_client, domain):
    return cp_client.create_profile(
        DomainName=domain, AccountNumber=ACCOUNT, FirstName="Ada", Attributes={"Tier": "gold"}
    )["ProfileId"]


# ------------------------------------------------------------------ no-op: 1 read, 0 writes


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(dict(domain_name=DOMAIN), id="name-only"),
        pytest.param(
            dict(domain_name=DOMAIN, default_expiration_days=365, tags={"Team": "crm", "Env": "test"}),
            id="same-values-and-tags",
        ),
        pytest.param(dict(domain_name=DOMAIN, tags={"Team": "crm"}, purge_tags=False), id="subset-of-tags-no-purge"),
    ],
)
def test_noop_domain_present_is_one_read_no_write_no_sts(run_logged, cp_mock, domain, clients_built, args):
    result, operations = run_logged("customerprofiles_domain", args)
    assert not result.failed, result
    assert result["changed"] is False
    assert operations == ["GetDomain"]
    assert (reads(cp_mock), writes(cp_mock)) == (["GetDomain"], [])
    assert clients_built == ["customer-profiles"]


def test_noop_domain_absent_is_one_read(run_logged, cp_mock):
    result, operations = run_logged("customerprofiles_domain", dict(domain_name="never-made", state="absent"))
    assert not result.failed, result
    assert result["changed"] is False
    assert operations == ["GetDomain"]


def test_noop_profile_by_match_by_is_one_read_no_write(run_logged, cp_mock, profile_id, clients_built):
    args = dict(domain_name=DOMAIN, account_number=ACCOUNT, first_name="Ada", attributes={"Tier": "gold"})
    result, operations = run_logged("customerprofiles_profile", args)
    assert not result.failed, result
    assert result["changed"] is False
    assert result["profile_id"] == profile_id
    assert (operations, reads(cp_mock), writes(cp_mock)) == (["SearchProfiles"], ["SearchProfiles"], [])
    assert clients_built == ["customer-profiles"]


def test_noop_profile_by_profile_id_is_one_read_no_write(run_logged, cp_mock, profile_id):
    args = dict(domain_name=DOMAIN, profile_id=profile_id, first_name="Ada")
    result, operations = run_logged("customerprofiles_profile", args)
    assert not result.failed, result
    assert result["changed"] is False
    assert (operations, reads(cp_mock), writes(cp_mock)) == (["SearchProfiles"], ["SearchProfiles"], [])


def test_noop_profile_absent_is_one_read(run_logged, cp_mock, domain):
    args = dict(domain_name=domain, account_number="nobody", state="absent")
    result, operations = run_logged("customerprofiles_profile", args)
    assert not result.failed, result
    assert result["changed"] is False
    assert operations == ["SearchProfiles"]


# ------------------------------------------------------------------ writes: the one read plus exactly the writes needed


def test_domain_create_is_exactly_one_create_call(run_logged, cp_mock, clients_built):
    args = dict(domain_name="calls-new", default_expiration_days=30, tags={"Team": "crm"})
    result, operations = run_logged("customerprofiles_domain", args)
    assert not result.failed, result
    assert result["changed"] is True
    assert operations == ["GetDomain", "CreateDomain"]  # tags go in CreateDomain: no TagResource, no re-read
    assert writes(cp_mock) == ["CreateDomain"]
    assert clients_built == ["customer-profiles"]


def test_domain_update_with_added_tag_is_one_update_and_one_tag_call(run_logged, cp_mock, domain, clients_built):
    """Tags of an existing domain change through TagResource (the UpdateDomain reference), never UpdateDomain."""
    args = dict(domain_name=domain, default_expiration_days=400, tags={"Owner": "me"}, purge_tags=False)
    result, operations = run_logged("customerprofiles_domain", args)
    assert not result.failed, result
    assert result["changed"] is True
    assert operations == ["GetDomain", "UpdateDomain", "TagResource"]
    assert writes(cp_mock) == ["UpdateDomain", "TagResource"]
    assert clients_built == ["customer-profiles", "sts"]  # the ARN needs the account and partition


def test_domain_tag_change_alone_is_one_tag_call(run_logged, cp_mock, domain, clients_built):
    args = dict(domain_name=domain, tags={"Team": "crm", "Env": "prod"})
    result, operations = run_logged("customerprofiles_domain", args)
    assert not result.failed, result
    assert result["changed"] is True
    assert operations == ["GetDomain", "TagResource"]
    assert writes(cp_mock) == ["TagResource"]


def test_domain_tag_removal_is_one_untag_call_and_the_only_sts_use(run_logged, cp_mock, domain, clients_built):
    args = dict(domain_name=domain, tags={"Team": "crm"})
    result, operations = run_logged("customerprofiles_domain", args)
    assert not result.failed, result
    assert result["changed"] is True
    assert operations == ["GetDomain", "UntagResource"]
    assert writes(cp_mock) == ["UntagResource"]
    assert clients_built == ["customer-profiles", "sts"]


def test_domain_delete_is_one_delete_call(run_logged, cp_mock, domain):
    result, operations = run_logged("customerprofiles_domain", dict(domain_name=domain, state="absent"))
    assert not result.failed, result
    assert result["changed"] is True
    # what the domain holds: its Stats, then one page of each kind it may hold
    assert operations == DOMAIN_DELETE_READS + ["DeleteDomain"]
    assert writes(cp_mock) == ["DeleteDomain"]


def test_profile_create_is_one_search_and_one_create(run_logged, cp_mock, domain):
    args = dict(domain_name=domain, account_number="acct-new", first_name="Grace")
    result, operations = run_logged("customerprofiles_profile", args)
    assert not result.failed, result
    assert result["changed"] is True
    # no read-back after the create; one search of the wait finds the new profile (search lag 0)
    assert operations == ["SearchProfiles", "CreateProfile", "SearchProfiles"]
    assert writes(cp_mock) == ["CreateProfile"]


@pytest.mark.parametrize("identity", ["match_by", "profile_id"])
def test_profile_update_is_one_search_and_one_update(run_logged, cp_mock, profile_id, identity):
    args = dict(domain_name=DOMAIN, first_name="Grace")
    args.update(dict(account_number=ACCOUNT) if identity == "match_by" else dict(profile_id=profile_id))
    result, operations = run_logged("customerprofiles_profile", args)
    assert not result.failed, result
    assert result["changed"] is True
    assert operations == ["SearchProfiles", "UpdateProfile"]  # no read-back after the update
    assert writes(cp_mock) == ["UpdateProfile"]


def test_profile_delete_is_one_search_and_one_delete(run_logged, cp_mock, profile_id):
    args = dict(domain_name=DOMAIN, profile_id=profile_id, state="absent")
    result, operations = run_logged("customerprofiles_profile", args)
    assert not result.failed, result
    assert result["changed"] is True
    assert operations == ["SearchProfiles", "DeleteProfile"]


# ------------------------------------------------------------------ info modules: reads only


def test_domain_info_by_name_is_one_read(run_logged, cp_mock, domain):
    result, operations = run_logged("customerprofiles_domain_info", dict(domain_name=domain))
    assert not result.failed, result
    assert len(result["domains"]) == 1
    assert (operations, writes(cp_mock)) == (["GetDomain"], [])


def test_domain_info_of_every_domain_is_one_list_and_one_get_per_domain(run_logged, cp_mock, cp_client, domain):
    cp_client.create_domain(DomainName="calls-other", DefaultExpirationDays=30)
    result, operations = run_logged("customerprofiles_domain_info", {})
    assert not result.failed, result
    assert len(result["domains"]) == 2
    assert operations == ["ListDomains", "GetDomain", "GetDomain"]
    assert writes(cp_mock) == []


def test_profile_info_by_search_is_one_read(run_logged, cp_mock, profile_id):
    args = dict(domain_name=DOMAIN, search=[dict(key_name="_account", values=[ACCOUNT])])
    result, operations = run_logged("customerprofiles_profile_info", args)
    assert not result.failed, result
    assert [p["profile_id"] for p in result["profiles"]] == [profile_id]
    assert (operations, writes(cp_mock)) == (["SearchProfiles"], [])


def test_profile_info_by_profile_id_is_one_read(run_logged, cp_mock, profile_id):
    result, operations = run_logged("customerprofiles_profile_info", dict(domain_name=DOMAIN, profile_id=[profile_id]))
    assert not result.failed, result
    assert [p["profile_id"] for p in result["profiles"]] == [profile_id]
    assert (operations, writes(cp_mock)) == (["BatchGetProfile"], [])


# ------------------------------------------------------------------ check mode: the read, never a write
# (a domain delete reads what the domain holds too: test_customerprofiles_domain.py counts its reads)


@pytest.mark.parametrize(
    "name, args",
    [
        pytest.param(
            "customerprofiles_domain", dict(domain_name="calls-new", default_expiration_days=30), id="domain-create"
        ),
        pytest.param(
            "customerprofiles_domain",
            dict(domain_name=DOMAIN, default_expiration_days=400, tags={"Owner": "me"}),
            id="domain-update",
        ),
        pytest.param("customerprofiles_domain", dict(domain_name=DOMAIN, tags={}), id="domain-tag-removal"),
        pytest.param(
            "customerprofiles_profile",
            dict(domain_name=DOMAIN, account_number="acct-new", first_name="Grace"),
            id="profile-create",
        ),
        pytest.param(
            "customerprofiles_profile",
            dict(domain_name=DOMAIN, account_number=ACCOUNT, first_name="Grace"),
            id="profile-update",
        ),
        pytest.param(
            "customerprofiles_profile",
            dict(domain_name=DOMAIN, account_number=ACCOUNT, state="absent"),
            id="profile-delete",
        ),
    ],
)
def test_check_mode_reads_once_and_never_writes(run_logged, cp_mock, profile_id, clients_built, name, args):
    result, operations = run_logged(name, args, check_mode=True)
    assert not result.failed, result
    assert result["changed"] is True
    assert writes(cp_mock) == []
    assert len(operations) == 1 and reads(cp_mock) == operations
    assert clients_built == ["customer-profiles"]  # no STS either: nothing will be untagged

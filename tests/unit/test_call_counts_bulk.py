# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""API calls of customerprofiles_profiles, pinned.

The no-op bound: N items, M of them by match_by (M distinct values) and I by profile_id (I distinct
ids), every value finding at most one profile, make

    reads(M, I) = ceil(M / VALUES_PER_SEARCH) SearchProfiles + ceil(I / BATCH_GET_SIZE) BatchGetProfile

(VALUES_PER_SEARCH = 50, BATCH_GET_SIZE = 20: 1,000 profiles by match_by cost 20 reads) and no write.
A run's writes equal its changed items (one CreateProfile, UpdateProfile or DeleteProfile each); a create
adds the wait's searches (ceil(created / 50) when SearchProfiles finds them at once); check mode makes no write.
"""

import math

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import BATCH_GET_SIZE
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profiles import VALUES_PER_SEARCH
from call_log import operations
from call_log import reads
from call_log import writes

DOMAIN = "counts-bulk"


def no_op_reads(by_match, by_id):
    return ["BatchGetProfile"] * int(math.ceil(by_id / float(BATCH_GET_SIZE))) + ["SearchProfiles"] * int(
        math.ceil(by_match / float(VALUES_PER_SEARCH))
    )


@pytest.fixture
def domain(cp_client, cp_mock):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    cp_mock.reset_calls()
    return DOMAIN


def items(count, start=0, **fields):
    return [dict(fields, account_number="C-{0:05d}".format(index)) for index in range(start, start + count)]


def run(run_module, profiles, check_mode=False, **args):
    return run_module(
        "customerprofiles_profiles", dict(args, domain_name=DOMAIN, profiles=profiles), check_mode=check_mode
    )


def test_constants():
    assert VALUES_PER_SEARCH == 50 and BATCH_GET_SIZE == 20
    assert no_op_reads(1000, 0) == ["SearchProfiles"] * 20


@pytest.mark.parametrize("by_match,by_id", [(1, 0), (50, 0), (51, 0), (130, 0), (0, 1), (0, 20), (0, 21), (75, 45)])
def test_no_op_reads_follow_the_formula(run_module, cp_client, cp_mock, domain, by_match, by_id):
    ids = [
        cp_client.create_profile(DomainName=DOMAIN, AccountNumber="I-{0}".format(i), FirstName="x")["ProfileId"]
        for i in range(by_id)
    ]
    profiles = items(by_match, first_name="x") + [dict(profile_id=profile_id, first_name="x") for profile_id in ids]
    assert run(run_module, profiles)["changed"] is (by_match > 0)
    cp_mock.reset_calls()

    result = run(run_module, profiles)

    assert result["changed"] is False
    assert operations(cp_mock) == no_op_reads(by_match, by_id)


def test_create_writes_one_call_per_item(run_module, cp_mock, domain):
    result = run(run_module, items(120))
    assert result["summary"]["created"] == 120
    assert writes(cp_mock) == ["CreateProfile"] * 120
    # The identity reads, then the wait's searches for the created profiles.
    assert reads(cp_mock) == ["SearchProfiles"] * 3 + ["SearchProfiles"] * 3


def test_writes_equal_the_changed_items(run_module, cp_mock, domain):
    run(run_module, items(100, first_name="x"))
    cp_mock.reset_calls()

    changed = items(10, first_name="y") + items(90, start=10, first_name="x")
    result = run(run_module, changed)

    assert result["summary"]["updated"] == 10 and result["summary"]["unchanged"] == 90
    assert writes(cp_mock) == ["UpdateProfile"] * 10
    assert reads(cp_mock) == no_op_reads(100, 0)


def test_delete_writes_one_call_per_existing_item(run_module, cp_mock, domain):
    run(run_module, items(30))
    cp_mock.reset_calls()
    result = run(run_module, items(40), state="absent")
    assert result["summary"]["deleted"] == 30 and result["summary"]["absent"] == 10
    assert writes(cp_mock) == ["DeleteProfile"] * 30
    assert reads(cp_mock) == no_op_reads(40, 0)


@pytest.mark.parametrize("state", ["present", "absent"])
def test_check_mode_makes_no_write(run_module, cp_mock, domain, state):
    run(run_module, items(20))
    cp_mock.reset_calls()
    result = run(run_module, items(60, first_name="z"), check_mode=True, state=state)
    assert result["changed"] is True
    assert writes(cp_mock) == []
    assert reads(cp_mock) == no_op_reads(60, 0)

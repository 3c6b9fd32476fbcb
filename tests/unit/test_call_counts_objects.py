# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The API calls of object type and profile object tasks, pinned (in-process, against the emulator).

customerprofiles_object_type: a no-op is one GetProfileObjectType; a create or a definition change is that
read plus one PutProfileObjectType; a tag change adds TagResource/UntagResource (and builds an STS client for
the ARN); a delete reads the domain for its object count, then one DeleteProfileObjectType. Check mode writes
nothing. customerprofiles_profile_objects: GetProfileObjectType, one SearchProfiles per distinct PROFILE key
value, one ListProfileObjects per profile found (filtered on the UNIQUE values of its objects, 50 a call), the
reads run concurrently; writes only for new or changed objects, 10 per BatchPutProfileObject call.
"""

import json

import pytest

from call_log import writes

DOMAIN = "calls-objects"
TYPE = "Order"
FIELDS = {
    "OrderId": {"source": "_source.OrderId", "content_type": "STRING"},
    "AccountNumber": {"source": "_source.AccountNumber", "target": "_profile.AccountNumber", "content_type": "STRING"},
}
KEYS = {
    "OrderId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["OrderId"]}],
    "AccountNumber": [{"standard_identifiers": ["PROFILE"], "field_names": ["AccountNumber"]}],
}
TYPE_ARGS = dict(
    domain_name=DOMAIN,
    object_type_name=TYPE,
    description="Orders",
    allow_profile_creation=True,
    fields=FIELDS,
    keys=KEYS,
    tags={"team": "crm"},
)


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_mock.reset_calls()
    return DOMAIN


def run_type(run_logged, check_mode=False, **extra):
    """The operations of one successful customerprofiles_object_type run with TYPE_ARGS and ``extra``."""
    result, calls = run_logged("customerprofiles_object_type", dict(TYPE_ARGS, **extra), check_mode=check_mode)
    assert not result.failed, result
    return calls


def test_object_type_create(run_logged, cp_mock, domain, clients_built):
    assert run_type(run_logged, check_mode=True) == ["GetProfileObjectType"]
    assert run_type(run_logged) == ["GetProfileObjectType", "PutProfileObjectType"]
    assert "sts" not in clients_built


def test_object_type_no_op_and_update(run_logged, cp_mock, domain, clients_built):
    run_type(run_logged)
    assert run_type(run_logged) == ["GetProfileObjectType"]
    assert run_type(run_logged, check_mode=True, expiration_days=60) == ["GetProfileObjectType"]
    assert run_type(run_logged, expiration_days=60) == ["GetProfileObjectType", "PutProfileObjectType"]
    assert "sts" not in clients_built
    assert run_type(run_logged, expiration_days=60, tags={"team": "sales"}) == [
        "GetProfileObjectType",
        "TagResource",
    ]
    assert clients_built.count("sts") == 1


def test_object_type_delete(run_logged, cp_mock, domain):
    run_type(run_logged)
    # the object count, then what names the type (integrations, event triggers)
    reads = ["GetProfileObjectType", "GetDomain", "ListIntegrations", "ListEventTriggers"]
    assert run_type(run_logged, check_mode=True, state="absent") == reads
    assert run_type(run_logged, state="absent") == reads + ["DeleteProfileObjectType"]
    assert run_type(run_logged, state="absent") == ["GetProfileObjectType"]


def orders(count, customers):
    return [{"OrderId": str(i), "AccountNumber": "A{0}".format(i % customers)} for i in range(count)]


def run_objects(run_logged, objects, check_mode=False, **extra):
    """The operations of one successful customerprofiles_profile_objects run of ``objects``."""
    result, calls = run_logged(
        "customerprofiles_profile_objects",
        dict(domain_name=DOMAIN, object_type_name=TYPE, objects=objects, **extra),
        check_mode=check_mode,
    )
    assert not result.failed, result
    return calls


@pytest.fixture
def object_type(run_logged, cp_mock, domain):
    run_type(run_logged)


def test_profile_objects_create(run_logged, cp_mock, object_type):
    objects = orders(25, 10)
    # nothing stored: the type, one search per customer, no listing (no profile found)
    reads = ["GetProfileObjectType"] + ["SearchProfiles"] * 10
    assert run_objects(run_logged, objects, check_mode=True) == reads
    assert run_objects(run_logged, objects) == reads + ["BatchPutProfileObject"] * 3


def test_profile_objects_no_op_update_and_delete(run_logged, cp_mock, object_type):
    objects = orders(25, 10)
    run_objects(run_logged, objects)
    found = run_objects(run_logged, objects)
    assert found == ["GetProfileObjectType"] + ["SearchProfiles"] * 10 + ["ListProfileObjects"] * 10
    assert found[0] == "GetProfileObjectType" and writes(cp_mock) == []
    objects[3]["Extra"] = "x"
    objects[17]["Extra"] = "y"
    assert run_objects(run_logged, objects, check_mode=True) == found
    assert run_objects(run_logged, objects) == found + ["BatchPutProfileObject"]
    assert run_objects(run_logged, objects[:2], state="absent")[-2:] == ["DeleteProfileObject"] * 2
    assert writes(cp_mock) == ["DeleteProfileObject"] * 2


def test_profile_objects_info_one_call_a_page(run_logged, cp_mock, cp_client, object_type):
    cp_client.put_profile_object(DomainName=DOMAIN, ObjectTypeName=TYPE, Object=json.dumps(orders(1, 1)[0]))
    profile_id = cp_client.search_profiles(DomainName=DOMAIN, KeyName="AccountNumber", Values=["A0"])["Items"][0][
        "ProfileId"
    ]
    result, calls = run_logged(
        "customerprofiles_profile_objects_info", dict(domain_name=DOMAIN, object_type_name=TYPE, profile_id=profile_id)
    )
    assert not result.failed, result
    assert calls == ["ListProfileObjects"]


@pytest.mark.parametrize("count, customers, lists", [(120, 120, 120), (120, 2, 2 * 2)])
def test_profile_objects_no_op_lists_once_per_profile(run_logged, cp_client, object_type, count, customers, lists):
    """A no-op rerun: one ListProfileObjects per profile (not per object), 50 UNIQUE values a call; the reads run
    max_concurrency at a time and find the same as one at a time."""
    objects = orders(count, customers)
    for chunk in range(0, count, 10):
        items = [dict(Id=str(i), Object=json.dumps(obj)) for i, obj in enumerate(objects[chunk : chunk + 10])]
        cp_client.batch_put_profile_object(DomainName=DOMAIN, ObjectTypeName=TYPE, Items=items)
    found = run_objects(run_logged, objects)
    assert found == ["GetProfileObjectType"] + ["SearchProfiles"] * customers + ["ListProfileObjects"] * lists
    one_at_a_time = run_objects(run_logged, objects, max_concurrency=1)
    assert one_at_a_time == found

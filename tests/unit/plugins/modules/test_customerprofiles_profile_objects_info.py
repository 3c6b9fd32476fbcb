# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_profile_objects_info against the in-process emulator."""

import json

import pytest

from call_log import operations

MODULE = "customerprofiles_profile_objects_info"
DOMAIN = "unit-objects-info"
TYPE = "Order"


@pytest.fixture
def profile_id(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName=TYPE,
        Description="Orders",
        AllowProfileCreation=True,
        Fields={
            "OrderId": {"Source": "_source.OrderId", "ContentType": "STRING"},
            "Account": {"Source": "_source.Account", "Target": "_profile.AccountNumber", "ContentType": "STRING"},
        },
        Keys={
            "OrderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["OrderId"]}],
            "Account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["Account"]}],
        },
    )
    for start in range(0, 120, 10):
        cp_client.batch_put_profile_object(
            DomainName=DOMAIN,
            ObjectTypeName=TYPE,
            Items=[
                {"Id": str(i), "Object": json.dumps({"OrderId": str(i), "Account": "A1"})}
                for i in range(start, start + 10)
            ],
        )
    cp_mock.reset_calls()
    return cp_client.search_profiles(DomainName=DOMAIN, KeyName="Account", Values=["A1"])["Items"][0]["ProfileId"]


def test_every_page_of_a_profile_s_objects(run_module, cp_mock, profile_id):
    cp_mock.reset_calls()
    result = run_module(MODULE, {"domain_name": DOMAIN, "object_type_name": TYPE, "profile_id": profile_id})
    assert result["changed"] is False
    assert len(result["profile_objects"]) == 120
    assert operations(cp_mock) == ["ListProfileObjects", "ListProfileObjects"]
    first = result["profile_objects"][0]
    assert first["object_type_name"] == TYPE
    assert first["profile_object_unique_key"]
    assert first["object"] == {"OrderId": "0", "Account": "A1"}


def test_object_filter_keeps_the_objects_with_those_key_values(run_module, cp_mock, profile_id):
    result = run_module(
        MODULE,
        {
            "domain_name": DOMAIN,
            "object_type_name": TYPE,
            "profile_id": profile_id,
            "object_filter": {"key_name": "OrderId", "values": ["7", "42"]},
        },
    )
    assert sorted(item["object"]["OrderId"] for item in result["profile_objects"]) == ["42", "7"]


def test_an_unknown_profile_fails_with_the_service_error(run_module, cp_mock, profile_id):
    result = run_module(MODULE, {"domain_name": DOMAIN, "object_type_name": TYPE, "profile_id": "f" * 32})
    assert result.failed
    assert result["error"]["code"] == "ResourceNotFoundException"


@pytest.mark.parametrize(
    "extra, option",
    [
        ({"profile_id": "not-an-id"}, "profile_id"),
        ({"object_type_name": "9bad!"}, "object_type_name"),
        ({"object_filter": {"key_name": "bad key!", "values": ["x"]}}, "object_filter.key_name"),
        ({"object_filter": {"key_name": "OrderId", "values": ["v" * 256]}}, "object_filter.values[0]"),
    ],
)
def test_bad_input_fails_before_any_call(run_module, cp_mock, extra, option):
    module_args = {"domain_name": DOMAIN, "object_type_name": TYPE, "profile_id": "a" * 32}
    module_args.update(extra)
    result = run_module(MODULE, module_args)
    assert result.failed
    assert option in result["msg"]
    assert "v" * 256 not in result["msg"] and "bad key!" not in result["msg"]
    assert operations(cp_mock) == []

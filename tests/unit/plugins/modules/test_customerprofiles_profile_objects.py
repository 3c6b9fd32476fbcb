# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_profile_objects against the in-process emulator: results, stored objects and API calls."""

import json

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import profile_objects
from call_log import calls
from call_log import operations
from call_log import writes

MODULE = "customerprofiles_profile_objects"
DOMAIN = "unit-ingest"
TYPE = "Order"

DEFINITION = dict(
    Description="Orders",
    AllowProfileCreation=True,
    Fields={
        "OrderId": {"Source": "_source.OrderId", "ContentType": "STRING"},
        "AccountNumber": {
            "Source": "_source.Customer.AccountNumber",
            "Target": "_profile.AccountNumber",
            "ContentType": "STRING",
        },
        "City": {"Source": "_source.City", "Target": "_profile.Address.City", "ContentType": "STRING"},
    },
    Keys={
        "OrderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["OrderId"]}],
        "AccountNumber": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["AccountNumber"]}],
    },
)


def order(number, account, city="Springfield"):
    return {"OrderId": str(number), "Customer": {"AccountNumber": account}, "City": city}


def orders(count, customers):
    return [order(i, "A{0}".format(i % customers)) for i in range(count)]


def args(objects, **extra):
    result = {"domain_name": DOMAIN, "object_type_name": TYPE, "objects": objects}
    result.update(extra)
    return result


@pytest.fixture
def object_type(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_client.put_profile_object_type(DomainName=DOMAIN, ObjectTypeName=TYPE, **DEFINITION)
    cp_mock.reset_calls()
    return TYPE


def stored_objects(cp_client, account):
    profile = cp_client.search_profiles(DomainName=DOMAIN, KeyName="AccountNumber", Values=[account])["Items"][0]
    items = cp_client.list_profile_objects(DomainName=DOMAIN, ObjectTypeName=TYPE, ProfileId=profile["ProfileId"])[
        "Items"
    ]
    return profile, [json.loads(item["Object"]) for item in items]


def test_new_objects_are_ingested_ten_per_batch(run_module, cp_mock, cp_client, object_type):
    result = run_module(MODULE, args(orders(12, 4)))
    assert not result.failed, result
    assert result["changed"] is True
    assert writes(cp_mock) == ["BatchPutProfileObject", "BatchPutProfileObject"]
    assert [r["status"] for r in result["objects"]] == ["created"] * 12
    assert [r["index"] for r in result["objects"]] == list(range(12))
    assert all(r["unique_key"] for r in result["objects"])
    assert result["summary"] == {
        "created": 12,
        "updated": 0,
        "unchanged": 0,
        "deleted": 0,
        "absent": 0,
        "failed": 0,
        "not_attempted": 0,
    }
    profile, objects = stored_objects(cp_client, "A1")
    assert sorted(o["OrderId"] for o in objects) == ["1", "5", "9"]
    assert profile["Address"]["City"] == "Springfield"


def test_a_rerun_reads_and_writes_nothing(run_module, cp_mock, cp_client, object_type):
    first = run_module(MODULE, args(orders(12, 4)))
    cp_mock.reset_calls()
    again = run_module(MODULE, args(orders(12, 4)))
    assert again["changed"] is False
    assert writes(cp_mock) == []
    # the type, one search per customer, then one listing per customer filtered on the ids of its 3 orders
    assert operations(cp_mock) == ["GetProfileObjectType"] + ["SearchProfiles"] * 4 + ["ListProfileObjects"] * 4
    assert [r["status"] for r in again["objects"]] == ["unchanged"] * 12
    assert [r["unique_key"] for r in again["objects"]] == [r["unique_key"] for r in first["objects"]]
    assert all(r["profile_id"] for r in again["objects"])


def test_only_the_changed_object_is_sent_again(run_module, cp_mock, cp_client, object_type):
    objects = orders(12, 4)
    first = run_module(MODULE, args(objects))
    objects[5]["City"] = "Shelbyville"
    cp_mock.reset_calls()
    result = run_module(MODULE, args(objects), diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == ["BatchPutProfileObject"]
    assert result["objects"][5]["status"] == "updated"
    assert result["objects"][5]["unique_key"] == first["objects"][5]["unique_key"]
    assert result["summary"]["unchanged"] == 11
    assert result["diff"]["before"]["objects"] == [{"index": 5, "object": order(5, "A1")}]
    assert result["diff"]["after"]["objects"] == [{"index": 5, "object": objects[5]}]
    _profile, stored = stored_objects(cp_client, "A1")
    assert len(stored) == 3  # replaced through the UNIQUE key, not added
    assert {"OrderId": "5", "Customer": {"AccountNumber": "A1"}, "City": "Shelbyville"} in stored


def test_json_strings_are_sent_as_given_and_compared_as_json(run_module, cp_mock, cp_client, object_type):
    text = '{"OrderId": "7", "Customer": {"AccountNumber": "A7"},  "City": "Ogdenville"}'
    result = run_module(MODULE, args([text]))
    assert result["objects"][0]["status"] == "created"
    profile = cp_client.search_profiles(DomainName=DOMAIN, KeyName="AccountNumber", Values=["A7"])["Items"][0]
    item = cp_client.list_profile_objects(DomainName=DOMAIN, ObjectTypeName=TYPE, ProfileId=profile["ProfileId"])[
        "Items"
    ][0]
    assert item["Object"] == text
    cp_mock.reset_calls()
    again = run_module(MODULE, args([order(7, "A7", "Ogdenville")]))
    assert again["objects"][0]["status"] == "unchanged"
    assert writes(cp_mock) == []


def test_put_profile_object_one_per_object_without_batch(run_module, cp_mock, cp_client, object_type, monkeypatch):
    monkeypatch.setattr(profile_objects.ProfileObjectsResource, "batch_supported", lambda self: False)
    result = run_module(MODULE, args(orders(3, 2)))
    assert writes(cp_mock) == ["PutProfileObject"] * 3
    assert [r["status"] for r in result["objects"]] == ["created"] * 3
    assert all(r["unique_key"] for r in result["objects"])


def test_batch_is_chosen_by_the_installed_botocore(run_module, cp_mock, object_type):
    import botocore

    assert tuple(int(part) for part in botocore.__version__.split(".")[:3]) >= (1, 43, 17)  # has the batch call
    run_module(MODULE, args(orders(1, 1)))
    assert writes(cp_mock) == ["BatchPutProfileObject"]
    assert calls(cp_mock, "BatchPutProfileObject")[0]["members"] == ["DomainName", "Items", "ObjectTypeName"]


def test_check_mode_predicts_and_writes_nothing(run_module, cp_mock, cp_client, object_type):
    run_module(MODULE, args(orders(2, 2)))
    objects = orders(3, 2)
    objects[0]["City"] = "Elsewhere"
    cp_mock.reset_calls()
    result = run_module(MODULE, args(objects), check_mode=True, diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == []
    assert [r["status"] for r in result["objects"]] == ["updated", "unchanged", "created"]
    assert result["objects"][2]["unique_key"] is None


def test_check_mode_with_a_missing_type_predicts_every_object_created(run_module, cp_mock, cp_client, object_type):
    result = run_module(MODULE, args(orders(2, 2), object_type_name="Later"), check_mode=True)
    assert not result.failed, result
    assert [r["status"] for r in result["objects"]] == ["created", "created"]


def test_a_missing_type_fails(run_module, cp_mock, object_type):
    result = run_module(MODULE, args(orders(2, 2), object_type_name="Missing"))
    assert result.failed
    assert "Missing does not exist" in result["msg"]
    assert writes(cp_mock) == []


def test_absent_deletes_the_stored_objects_by_unique_key(run_module, cp_mock, cp_client, object_type):
    run_module(MODULE, args(orders(4, 2)))
    cp_mock.reset_calls()
    gone = [{"OrderId": "1", "Customer": {"AccountNumber": "A1"}}, order(99, "A1")]
    result = run_module(MODULE, args(gone, state="absent"), diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == ["DeleteProfileObject"]
    assert [r["status"] for r in result["objects"]] == ["deleted", "absent"]
    assert result["diff"]["before"]["objects"][0]["object"]["OrderId"] == "1"
    _profile, stored = stored_objects(cp_client, "A1")
    assert [o["OrderId"] for o in stored] == ["3"]
    cp_mock.reset_calls()
    again = run_module(MODULE, args(gone, state="absent"))
    assert again["changed"] is False
    assert [r["status"] for r in again["objects"]] == ["absent", "absent"]
    assert writes(cp_mock) == []


def test_an_object_without_a_key_value_fails_and_the_others_are_applied(run_module, cp_mock, cp_client, object_type):
    objects = [order(1, "A1"), {"Customer": {"AccountNumber": "A2"}, "City": "x"}, {"OrderId": "3"}]
    result = run_module(MODULE, args(objects))
    assert result.failed
    assert result["changed"] is True
    assert [r["status"] for r in result["objects"]] == ["created", "failed", "failed"]
    assert "UNIQUE key OrderId" in result["objects"][1]["msg"]
    assert "PROFILE key" in result["objects"][2]["msg"]
    assert result["summary"]["failed"] == 2
    assert result["msg"].startswith(
        "2 of 3 object(s) failed, the others were applied: objects[1]: the object has no value for the UNIQUE key "
        "OrderId; objects[2]: "
    ), result["msg"]
    assert writes(cp_mock) == ["BatchPutProfileObject"]


def test_failures_without_writes_fail_unchanged(run_module, cp_mock, object_type):
    # issue 20: "1 of 1 objects failed (objects 0); the others were applied" gave no reason and spoke of others
    result = run_module(MODULE, args([{"City": SECRET}]))
    assert result.failed
    assert result["changed"] is False
    assert result["msg"] == "1 of 1 object(s) failed: objects[0]: the object has no value for the UNIQUE key OrderId"
    assert writes(cp_mock) == []


@pytest.mark.parametrize("check_mode", [False, True], ids=["nothing-to-write", "check"])
def test_a_failure_where_nothing_is_written_says_so(run_module, cp_mock, cp_client, object_type, check_mode):
    if not check_mode:
        run_module(MODULE, args([order(1, "A1")]))  # stored: unchanged on the next run
    result = run_module(MODULE, args([order(1, "A1"), {"City": SECRET}]), check_mode=check_mode)
    assert result.failed
    assert result["msg"] == (
        "1 of 2 object(s) failed, nothing was changed: objects[1]: the object has no value for the UNIQUE key OrderId"
    )
    assert SECRET not in result["msg"]


def test_two_objects_with_one_unique_value_fail_before_any_write(run_module, cp_mock, object_type):
    result = run_module(MODULE, args([order(1, "A1"), order(1, "A2")]))
    assert result.failed
    assert "objects[0] and objects[1]" in result["msg"]
    assert writes(cp_mock) == []


def test_a_type_whose_unique_key_is_not_a_source_path_fails_before_any_write(
    run_module, cp_mock, cp_client, object_type
):
    definition = dict(
        DEFINITION, Fields=dict(DEFINITION["Fields"], OrderId={"Source": "{{OrderId}}-x", "ContentType": "STRING"})
    )
    cp_client.put_profile_object_type(DomainName=DOMAIN, ObjectTypeName="Templated", **definition)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(orders(1, 1), object_type_name="Templated"))
    assert result.failed
    assert "_source.<path>" in result["msg"]
    assert writes(cp_mock) == []


SECRET = "S3CR3T-VALUE"

INVALID = [
    (dict(domain_name="bad domain " + SECRET), "domain_name"),
    (dict(object_type_name="9" + SECRET + "!"), "object_type_name"),
    (dict(objects=["not json " + SECRET]), "objects[0]"),
    (dict(objects=[order(1, "A1"), '["a list", "' + SECRET + '"]']), "objects[1]"),
    (dict(objects=[42]), "objects[0]"),
    (dict(objects=[{"OrderId": "1", "Blob": SECRET + "x" * 256000}]), "objects[0]"),
]


@pytest.mark.parametrize("bad, option", INVALID, ids=[case[1] + "-" + str(i) for i, case in enumerate(INVALID)])
def test_bad_input_fails_before_any_call_naming_the_option(run_module, cp_mock, bad, option):
    module_args = args(orders(1, 1))
    module_args.update(bad)
    result = run_module(MODULE, module_args)
    assert result.failed, result
    assert option in result["msg"]
    assert SECRET not in result["msg"]
    assert operations(cp_mock) == []

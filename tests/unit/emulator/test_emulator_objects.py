# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Object types, templates and profile objects (in-process): ingestion as the admin guide documents it."""

import json
import time

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import ACCOUNT  # pylint: disable=import-error
from emulator_test_helpers import REGION  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator
from emulator import state

ORDER_FIELDS = {
    "orderId": {"Source": "_source.orderId"},
    "accountNumber": {"Source": "_source.customer.account", "Target": "_profile.AccountNumber"},
    "firstName": {"Source": "_source.customer.firstName", "Target": "_profile.FirstName", "ContentType": "NAME"},
    "lastName": {"Source": "_source.customer.lastName", "Target": "_profile.LastName", "ContentType": "NAME"},
    "email": {"Source": "_source.customer.email", "Target": "_profile.EmailAddress", "ContentType": "EMAIL_ADDRESS"},
    "city": {"Source": "_source.shipTo.city", "Target": "_profile.ShippingAddress.City"},
    "tier": {"Source": "_source.customer.tier", "Target": "_profile.Attributes.tier"},
    "total": {"Source": "_source.total", "ContentType": "NUMBER"},
}
ORDER_KEYS = {
    "orderNumber": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}],
    "accountNo": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["accountNumber"]}],
}


def _order_type(client, domain, name="Order", **extra):
    params = dict(
        DomainName=domain,
        ObjectTypeName=name,
        Description="orders",
        AllowProfileCreation=True,
        Fields=ORDER_FIELDS,
        Keys=ORDER_KEYS,
    )
    params.update(extra)
    return client.put_profile_object_type(**params)


def _order(number, customer, total=10):
    return {
        "orderId": "O-%03d" % number,
        "total": total,
        "customer": {
            "account": "ACC-%02d" % customer,
            "firstName": "First%d" % customer,
            "lastName": "Last%d" % customer,
            "email": "c%d@example.com" % customer,
            "tier": "gold" if customer % 2 else "silver",
        },
        "shipTo": {"city": "City%d" % customer},
    }


def _put(client, domain, document, type_name="Order"):
    text = document if isinstance(document, str) else json.dumps(document)
    return client.put_profile_object(DomainName=domain, ObjectTypeName=type_name, Object=text)["ProfileObjectUniqueKey"]


def _search(client, domain, key, values, **extra):
    return client.search_profiles(DomainName=domain, KeyName=key, Values=values, **extra)["Items"]


def _error(call):
    with pytest.raises(ClientError) as excinfo:
        call()
    return error_of(excinfo)


def _stats(client, domain):
    return client.get_domain(DomainName=domain)["Stats"]


# the mapping flow ------------------------------------------------------------------------------------
def test_orders_mapped_onto_profiles(client, domain):
    _order_type(client, domain)
    keys = {}
    for number in range(25):
        keys[number] = _put(client, domain, _order(number, number % 10))
    profiles = emulator.backend().domains[domain].profiles
    assert len(profiles) == 10
    assert _stats(client, domain)["ProfileCount"] == 10
    assert _stats(client, domain)["ObjectCount"] == 25

    for customer in range(10):
        found = _search(client, domain, "accountNo", ["ACC-%02d" % customer])
        assert len(found) == 1
        profile = found[0]
        assert profile["AccountNumber"] == "ACC-%02d" % customer
        assert profile["FirstName"] == "First%d" % customer and profile["LastName"] == "Last%d" % customer
        assert profile["EmailAddress"] == "c%d@example.com" % customer
        assert profile["ShippingAddress"] == {"City": "City%d" % customer}
        assert profile["Attributes"] == {"tier": "gold" if customer % 2 else "silver"}
        assert profile["FoundByItems"] == [{"KeyName": "accountNo", "Values": ["ACC-%02d" % customer]}]
        objects = client.list_profile_objects(
            DomainName=domain, ObjectTypeName="Order", ProfileId=profile["ProfileId"]
        )["Items"]
        assert sorted(json.loads(item["Object"])["orderId"] for item in objects) == [
            "O-%03d" % n for n in range(25) if n % 10 == customer
        ]
        # the standard keys find the same profile (fields written by the mapping)
        assert [p["ProfileId"] for p in _search(client, domain, "_account", ["ACC-%02d" % customer])] == [
            profile["ProfileId"]
        ]

    # the UNIQUE key is a search key too: an order number finds its customer's profile
    by_order = _search(client, domain, "orderNumber", ["O-017"])
    assert [p["AccountNumber"] for p in by_order] == ["ACC-07"]

    # the same UNIQUE value replaces the stored object: the count stays, the key stays, the content changes
    replaced = _put(client, domain, _order(17, 7, total=99))
    assert replaced == keys[17]
    assert _stats(client, domain)["ObjectCount"] == 25
    profile_id = by_order[0]["ProfileId"]
    objects = client.list_profile_objects(DomainName=domain, ObjectTypeName="Order", ProfileId=profile_id)["Items"]
    totals = {json.loads(item["Object"])["orderId"]: json.loads(item["Object"])["total"] for item in objects}
    assert totals == {"O-007": 10, "O-017": 99}
    assert len(emulator.backend().domains[domain].profiles) == 10


def test_put_profile_object_type_describes_the_type(client, domain):
    out = _order_type(client, domain, Tags={"team": "crm"}, SourcePriority=2, ExpirationDays=30)
    assert out["ObjectTypeName"] == "Order" and out["Description"] == "orders"
    assert out["Fields"] == ORDER_FIELDS and out["Keys"] == ORDER_KEYS
    assert out["AllowProfileCreation"] is True and out["SourcePriority"] == 2 and out["ExpirationDays"] == 30
    assert out["Tags"] == {"team": "crm"} and "TemplateId" not in out
    got = client.get_profile_object_type(DomainName=domain, ObjectTypeName="Order")
    assert {k: v for k, v in got.items() if k != "ResponseMetadata"} == {
        k: v for k, v in out.items() if k != "ResponseMetadata"
    }


def test_put_replaces_the_whole_definition(client, domain):
    first = _order_type(client, domain, SourcePriority=3, Tags={"a": "1"})
    time.sleep(0.01)
    fields = {"orderId": ORDER_FIELDS["orderId"], "accountNumber": ORDER_FIELDS["accountNumber"]}
    second = client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="Order", Description="v2", Fields=fields, Keys=ORDER_KEYS, Tags={"b": "2"}
    )
    assert second["CreatedAt"] == first["CreatedAt"]
    assert second["LastUpdatedAt"] > first["LastUpdatedAt"]
    assert second["Fields"] == fields and second["Description"] == "v2"
    assert "SourcePriority" not in second and second["AllowProfileCreation"] is False  # omitted: not kept
    assert second["Tags"] == {"a": "1"}  # Tags of an existing type change through TagResource only


def test_list_profile_object_types_paginates(client, domain):
    for index in range(25):
        _order_type(client, domain, name="T%02d" % index)
    first = client.list_profile_object_types(DomainName=domain, MaxResults=10)
    second = client.list_profile_object_types(DomainName=domain, MaxResults=10, NextToken=first["NextToken"])
    third = client.list_profile_object_types(DomainName=domain, MaxResults=10, NextToken=second["NextToken"])
    names = [item["ObjectTypeName"] for page in (first, second, third) for item in page["Items"]]
    assert names == ["T%02d" % n for n in range(25)] and "NextToken" not in third
    assert set(first["Items"][0]) == {"ObjectTypeName", "Description", "CreatedAt", "LastUpdatedAt", "Tags"}
    assert len(client.list_profile_object_types(DomainName=domain)["Items"]) == 20  # default page


def test_delete_object_type_deletes_its_objects_and_scrubs_its_fields(client, domain):
    _order_type(client, domain)
    other_fields = {
        "id": {"Source": "_source.id"},
        "account": {"Source": "_source.account"},
        "phone": {"Source": "_source.phone", "Target": "_profile.PhoneNumber", "ContentType": "PHONE_NUMBER"},
    }
    client.put_profile_object_type(
        DomainName=domain,
        ObjectTypeName="Call",
        Description="calls",
        Fields=other_fields,
        Keys={
            "callId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "accountNo": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["account"]}],
        },
    )
    _put(client, domain, _order(1, 1))
    _put(client, domain, _order(2, 1))
    _put(client, domain, {"id": "call-1", "account": "ACC-01", "phone": "+1 555 0100"}, "Call")
    profile_id = _search(client, domain, "accountNo", ["ACC-01"])[0]["ProfileId"]
    client.update_profile(DomainName=domain, ProfileId=profile_id, LastName="Manual")
    assert _stats(client, domain)["ObjectCount"] == 3
    message = client.delete_profile_object_type(DomainName=domain, ObjectTypeName="Order")["Message"]
    assert "Order" in message
    assert _stats(client, domain)["ObjectCount"] == 1
    profile = client.batch_get_profile(DomainName=domain, ProfileIds=[profile_id])["Profiles"][0]
    # the fields the Order objects wrote are gone; the manual LastName and the Call's phone stay
    assert profile == {"ProfileId": profile_id, "LastName": "Manual", "PhoneNumber": "+1 555 0100"}
    assert _search(client, domain, "orderNumber", ["O-001"]) == []
    assert [p["ProfileId"] for p in _search(client, domain, "accountNo", ["ACC-01"])] == [
        profile_id
    ]  # Call's key stays
    status, code, _message = _error(lambda: client.get_profile_object_type(DomainName=domain, ObjectTypeName="Order"))
    assert (status, code) == (404, "ResourceNotFoundException")
    assert _error(lambda: client.delete_profile_object_type(DomainName=domain, ObjectTypeName="Order"))[0] == 404


def test_object_types_of_unknown_domain_or_type(client, domain):
    for call in (
        lambda: client.get_profile_object_type(DomainName="nope", ObjectTypeName="Order"),
        lambda: client.list_profile_object_types(DomainName="nope"),
        lambda: client.get_profile_object_type(DomainName=domain, ObjectTypeName="Order"),
        lambda: _put(client, domain, _order(1, 1)),
    ):
        assert _error(call)[:2] == (404, "ResourceNotFoundException")


def test_object_type_arn_and_tags(client, domain):
    _order_type(client, domain, Tags={"a": "1"})
    arn = "arn:aws:profile:%s:%s:domains/%s/object-types/Order" % (REGION, ACCOUNT, domain)
    client.tag_resource(resourceArn=arn, tags={"b": "2"})
    client.untag_resource(resourceArn=arn, tagKeys=["a"])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"b": "2"}
    assert client.get_profile_object_type(DomainName=domain, ObjectTypeName="Order")["Tags"] == {"b": "2"}
    client.delete_domain(DomainName=domain)
    assert _error(lambda: client.list_tags_for_resource(resourceArn=arn))[0] == 404


# templates --------------------------------------------------------------------------------------------
def test_templates(client):
    items = client.list_profile_object_type_templates()["Items"]
    assert {item["TemplateId"] for item in items} >= {"Salesforce-Account", "Salesforce-Contact", "Shopify-Order"}
    assert all(set(item) == {"TemplateId", "SourceName", "SourceObject"} for item in items)
    page = client.list_profile_object_type_templates(MaxResults=1)
    assert len(page["Items"]) == 1 and page["NextToken"]
    found = client.get_profile_object_type_template(TemplateId="Salesforce-Account")
    assert found["SourceName"] == "Salesforce" and found["SourceObject"] == "Account"
    assert found["Keys"]["_salesforceAccountId"] == [
        {"FieldNames": ["Id"], "StandardIdentifiers": ["PROFILE", "UNIQUE"]}
    ]
    assert _error(lambda: client.get_profile_object_type_template(TemplateId="Nope"))[:2] == (
        404,
        "ResourceNotFoundException",
    )


@pytest.mark.parametrize("template_id", ["Salesforce-Account", "Salesforce-Contact", "Shopify-Order"])
def test_type_from_template_uses_its_mapping(client, domain, template_id):
    found = client.get_profile_object_type_template(TemplateId=template_id)
    out = client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="FromTemplate", Description="d", TemplateId=template_id
    )
    assert out["TemplateId"] == template_id
    assert out["Fields"] == found["Fields"] and out["Keys"] == found["Keys"]
    assert out["AllowProfileCreation"] == found["AllowProfileCreation"]


def test_shopify_template_ingests(client, domain):
    client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="Orders", Description="d", TemplateId="Shopify-Order"
    )
    order = {
        "id": 450789469,
        "email": "Bob@Example.com",
        "total_price": "199.00",
        "phone": "+1 (555) 010-0200",
        "customer": {"id": 207119551, "first_name": "Bob", "last_name": "Norman"},
        "shipping_address": {
            "address1": "123 Amoebobacterium St",
            "city": "Ottawa",
            "province": "ON",
            "zip": "K2P 1L4",
            "country_code": "CA",
        },
    }
    _put(client, domain, order, "Orders")
    found = _search(client, domain, "_shopifyCustomerId", ["207119551"])
    assert len(found) == 1
    profile = found[0]
    assert (profile["FirstName"], profile["LastName"], profile["EmailAddress"]) == ("Bob", "Norman", "Bob@Example.com")
    assert profile["ShippingAddress"] == {
        "Address1": "123 Amoebobacterium St",
        "City": "Ottawa",
        "Province": "ON",
        "PostalCode": "K2P 1L4",
        "Country": "CA",
    }
    # EMAIL_ADDRESS keys match case-insensitively, PHONE_NUMBER ones ignore formatting
    assert [p["ProfileId"] for p in _search(client, domain, "_email", ["bob@example.COM"])] == [profile["ProfileId"]]
    assert [p["ProfileId"] for p in _search(client, domain, "_shopifyOrderId", ["450789469"])] == [profile["ProfileId"]]


@pytest.mark.parametrize(
    "member,value",
    [
        ("Fields", ORDER_FIELDS),
        ("Keys", ORDER_KEYS),
        ("AllowProfileCreation", False),
        ("SourceLastUpdatedTimestampFormat", "EpochMilli"),
    ],
)
def test_template_id_rejects_members_the_template_defines(client, domain, member, value):
    status, code, message = _error(
        lambda: client.put_profile_object_type(
            DomainName=domain, ObjectTypeName="T", Description="d", TemplateId="Salesforce-Contact", **{member: value}
        )
    )
    assert (status, code) == (400, "BadRequestException") and member in message


def test_unknown_template_id_is_a_bad_request(client, domain):
    status, code, message = _error(
        lambda: client.put_profile_object_type(
            DomainName=domain, ObjectTypeName="T", Description="d", TemplateId="Nope"
        )
    )
    assert (status, code) == (400, "BadRequestException") and "Nope" in message


# mapping rules ------------------------------------------------------------------------------------------
def _keys(**keys):
    return {name: [{"StandardIdentifiers": list(ids), "FieldNames": fields}] for name, (ids, fields) in keys.items()}


BASE_FIELDS = {"id": {"Source": "_source.id"}, "acct": {"Source": "_source.acct"}}


@pytest.mark.parametrize(
    "fields,keys,extra,fragment",
    [
        (BASE_FIELDS, None, {}, "at least one key"),
        (BASE_FIELDS, _keys(a=(["PROFILE"], ["acct"])), {}, "Exactly one key must carry the UNIQUE"),
        (
            BASE_FIELDS,
            _keys(a=(["UNIQUE", "PROFILE"], ["id"]), b=(["UNIQUE"], ["acct"])),
            {},
            "Exactly one key must carry the UNIQUE",
        ),
        (BASE_FIELDS, _keys(a=(["UNIQUE"], ["id"])), {}, "PROFILE identifier"),
        (
            BASE_FIELDS,
            _keys(a=(["UNIQUE", "LOOKUP_ONLY"], ["id"]), b=(["PROFILE"], ["acct"])),
            {},
            "UNIQUE cannot be combined",
        ),
        (BASE_FIELDS, _keys(a=(["UNIQUE", "NEW_ONLY", "PROFILE"], ["id"])), {}, "UNIQUE cannot be combined"),
        (
            BASE_FIELDS,
            _keys(a=(["UNIQUE"], ["id"]), b=(["SECONDARY"], ["acct"]), c=(["PROFILE"], ["acct"])),
            {},
            "SECONDARY must be combined",
        ),
        (
            BASE_FIELDS,
            _keys(a=(["UNIQUE"], ["id"]), b=(["PROFILE", "LOOKUP_ONLY"], ["acct"])),
            {"AllowProfileCreation": True},
            "at least one other key must use PROFILE on its own",
        ),
        (
            BASE_FIELDS,
            _keys(a=(["UNIQUE"], ["id"]), _orderId=(["PROFILE"], ["acct"])),
            {},
            "reserved and must be declared LOOKUP_ONLY",
        ),
        (BASE_FIELDS, _keys(a=(["UNIQUE"], ["id"]), _custom=(["PROFILE"], ["acct"])), {}, "must be a predefined key"),
        (BASE_FIELDS, _keys(a=(["UNIQUE"], ["id"]), b=(["PROFILE"], ["nope"])), {}, "references fields not defined"),
        (BASE_FIELDS, _keys(a=(["UNIQUE"], ["id"]), Tags=(["PROFILE"], ["acct"])), {}, "Key name Tags is not allowed"),
        (
            dict(BASE_FIELDS, x={"Source": "_source.x", "Target": "_profile.Nickname"}),
            None,
            {},
            "not a field of the standard profile",
        ),
        (
            dict(BASE_FIELDS, x={"Source": "_source.x", "Target": "_profile.ProfileId"}),
            None,
            {},
            "reserved for system use",
        ),
        (
            dict(BASE_FIELDS, x={"Source": "_source.x", "Target": "_profile.Address.Street"}),
            None,
            {},
            "not a field of the standard profile",
        ),
        (
            dict(BASE_FIELDS, x={"Source": "_source.x", "Target": "_profile.EngagementPreferences.Phone"}),
            None,
            {},
            "not a field",
        ),
        (
            dict(
                BASE_FIELDS,
                g={"Source": "_source.g", "Target": "_profile.Gender"},
                s={"Source": "_source.s", "Target": "_profile.GenderString"},
            ),
            None,
            {},
            "both _profile.Gender and _profile.GenderString",
        ),
        (
            dict(BASE_FIELDS, sn={"Source": "_source.sn", "Target": "_asset.SerialNumber"}),
            None,
            {},
            "must carry the ASSET identifier",
        ),
        (dict(BASE_FIELDS, sn={"Source": "_source.sn", "Target": "_asset.AssetId"}), None, {}, "system-managed ID"),
        (
            dict(BASE_FIELDS, sn={"Source": "_source.sn", "Target": "_gadget.Name"}),
            None,
            {},
            "names no standard object",
        ),
        (
            dict(BASE_FIELDS, t={"Source": "_source.t", "Target": "_profile.SourceLastUpdatedTimestamp"}),
            None,
            {},
            "SourceLastUpdatedTimestampFormat is required",
        ),
        (dict(BASE_FIELDS, x={"Source": "account"}), None, {}, "invalid Source"),
        (dict(BASE_FIELDS, x={"Source": "{{#if _source.a}}x"}), None, {}, "invalid Source"),
        (dict(BASE_FIELDS, x={"Source": "{{#lookup _source.a}}{{/lookup}}"}), None, {}, "invalid Source"),
        (dict(BASE_FIELDS, **{"1x": {"Source": "_source.x"}}), None, {}, "must start with a letter"),
        (
            BASE_FIELDS,
            dict(
                _keys(a=(["UNIQUE"], ["id"])),
                **{"k%d" % n: [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["acct"]}] for n in range(10)},
            ),
            {},
            "at most 10 keys",
        ),
    ],
)
def test_invalid_mappings_are_rejected(client, domain, fields, keys, extra, fragment):
    if keys is None and fields is not BASE_FIELDS:
        keys = _keys(a=(["UNIQUE", "PROFILE"], ["id"]))
    params = dict(DomainName=domain, ObjectTypeName="T", Description="d", Fields=fields, **extra)
    if keys is not None:
        params["Keys"] = keys
    status, code, message = _error(lambda: client.put_profile_object_type(**params))
    assert (status, code) == (400, "BadRequestException")
    assert fragment in message, message
    assert emulator.backend().domains[domain].object_types == {}


def test_valid_special_mappings_are_accepted(client, domain):
    fields = dict(
        BASE_FIELDS,
        sn={"Source": "_source.sn", "Target": "_asset.SerialNumber"},
        t={"Source": "_source.t", "Target": "_profile.SourceLastUpdatedTimestamp"},
        pid={"Source": "_source.pid"},
    )
    keys = dict(
        _keys(a=(["UNIQUE", "ASSET"], ["id"]), acct=(["PROFILE"], ["acct"])),
        _profileId=[{"StandardIdentifiers": ["PROFILE", "LOOKUP_ONLY"], "FieldNames": ["pid"]}],
    )
    client.put_profile_object_type(
        DomainName=domain,
        ObjectTypeName="T",
        Description="d",
        Fields=fields,
        Keys=keys,
        SourceLastUpdatedTimestampFormat="EpochMilli",
    )
    # LOOKUP_ONLY + PROFILE alone is fine when AllowProfileCreation is false (the admin guide's waiver)
    lookup_only = _keys(a=(["UNIQUE"], ["id"]), b=(["PROFILE", "LOOKUP_ONLY"], ["acct"]))
    client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="U", Description="d", Fields=BASE_FIELDS, Keys=lookup_only
    )

    assert sorted(emulator.backend().domains[domain].object_types) == ["T", "U"]
    special = client.get_profile_object_type(DomainName=domain, ObjectTypeName="T")
    assert (special["Fields"], special["Keys"]) == (fields, keys)
    assert special["SourceLastUpdatedTimestampFormat"] == "EpochMilli"
    waived = client.get_profile_object_type(DomainName=domain, ObjectTypeName="U")
    assert (waived["Fields"], waived["Keys"]) == (BASE_FIELDS, lookup_only)
    assert waived.get("AllowProfileCreation", False) is False


def test_reserved_names_and_shared_key_content_types(client, domain):
    assert "reserved" in _error(lambda: _order_type(client, domain, name="_order"))[2]
    _order_type(client, domain)
    fields = {"id": {"Source": "_source.id"}, "acct": {"Source": "_source.acct", "ContentType": "NUMBER"}}
    message = _error(
        lambda: client.put_profile_object_type(
            DomainName=domain,
            ObjectTypeName="Other",
            Description="d",
            Fields=fields,
            Keys=_keys(k=(["UNIQUE"], ["id"]), accountNo=(["PROFILE"], ["acct"])),
        )
    )[2]
    assert "accountNo" in message and "content types" in message
    # the type itself may change its own key's content type (it replaces its definition)
    changed = dict(ORDER_FIELDS, accountNumber=dict(ORDER_FIELDS["accountNumber"], ContentType="NUMBER"))
    _order_type(client, domain, Fields=changed)


# ingestion ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,fragment",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        (json.dumps({"customer": {"account": "A"}}), "Missing unique key"),
    ],
)
def test_invalid_objects_are_rejected(client, domain, text, fragment):
    _order_type(client, domain)
    status, code, message = _error(lambda: _put(client, domain, text))
    assert (status, code) == (400, "BadRequestException") and fragment in message
    assert _stats(client, domain)["ObjectCount"] == 0 and _stats(client, domain)["ProfileCount"] == 0


@pytest.mark.parametrize("batch", [False, True])
def test_no_profile_key_value_falls_through_to_allow_profile_creation(client, domain, batch):
    """No value for any PROFILE key is not an error: no key matches, so AllowProfileCreation decides.

    Admin guide, "Profile matching and inferred profiles in Customer Profiles"
    (https://docs.aws.amazon.com/connect/latest/adminguide/profile-matching.html): "If no key produces a
    single match, the outcome depends on AllowProfileCreation"."""

    def ingest(document, type_name):
        if not batch:
            return _put(client, domain, document, type_name)
        out = client.batch_put_profile_object(
            DomainName=domain, ObjectTypeName=type_name, Items=[{"Id": "1", "Object": json.dumps(document)}]
        )
        assert out["Failed"] == []
        return out["Successful"][0]["ProfileObjectUniqueKey"]

    _order_type(client, domain)
    no_account = {"orderId": "O-1", "customer": {"firstName": "Ann"}}
    assert ingest(no_account, "Order")
    # AllowProfileCreation: an inferred profile takes the object
    profiles = emulator.backend().domains[domain].profiles
    assert len(profiles) == 1 and next(iter(profiles.values()))["FirstName"] == "Ann"
    assert [p["FirstName"] for p in _search(client, domain, "orderNumber", ["O-1"])] == ["Ann"]
    assert _stats(client, domain)["ObjectCount"] == 1
    # without AllowProfileCreation: accepted, not stored, sent to the dead-letter queue
    _order_type(client, domain, name="Closed", AllowProfileCreation=False)
    assert ingest({"orderId": "O-2", "customer": {}}, "Closed")
    assert _stats(client, domain)["ObjectCount"] == 1 and len(profiles) == 1
    assert [letter["object_type_name"] for letter in emulator.dead_letters()] == ["Closed"]


def test_standard_object_type_names_are_rejected_at_ingestion(client, domain):
    assert _error(lambda: _put(client, domain, {"a": 1}, "_profile"))[:2] == (400, "BadRequestException")


def test_batch_put_profile_object(client, domain):
    _order_type(client, domain)
    items = [
        {"Id": "a", "Object": json.dumps(_order(1, 1))},
        {"Id": "b", "Object": "{broken"},
        {"Id": "c", "Object": json.dumps({"customer": {"account": "X"}})},
        {"Id": "d", "Object": json.dumps(_order(2, 2))},
    ]
    out = client.batch_put_profile_object(DomainName=domain, ObjectTypeName="Order", Items=items)
    assert [item["Id"] for item in out["Successful"]] == ["a", "d"]
    assert all(item["ProfileObjectUniqueKey"] for item in out["Successful"])
    assert [(item["Id"], item["Code"]) for item in out["Failed"]] == [("b", 400), ("c", 400)]
    assert "not valid JSON" in out["Failed"][0]["Message"]
    assert _stats(client, domain)["ObjectCount"] == 2
    duplicate = [{"Id": "a", "Object": "{}"}, {"Id": "a", "Object": "{}"}]
    assert _error(lambda: client.batch_put_profile_object(DomainName=domain, ObjectTypeName="Order", Items=duplicate))[
        :2
    ] == (400, "BadRequestException")
    assert (
        _error(lambda: client.batch_put_profile_object(DomainName=domain, ObjectTypeName="Nope", Items=items[:1]))[0]
        == 404
    )


def test_no_match_without_profile_creation_goes_to_the_dead_letter_queue(client, domain):
    _order_type(client, domain, AllowProfileCreation=False)
    unique_key = _put(client, domain, _order(1, 1))
    assert unique_key  # accepted (ingestion is asynchronous on AWS) ...
    assert _stats(client, domain)["ObjectCount"] == 0 and _stats(client, domain)["ProfileCount"] == 0
    letters = emulator.dead_letters()  # ... and sent to the dead-letter queue
    assert [(d["domain_name"], d["object_type_name"], d["region"], d["account_id"]) for d in letters] == [
        (domain, "Order", REGION, ACCOUNT)
    ]
    assert json.loads(letters[0]["object"])["orderId"] == "O-001" and "AllowProfileCreation" in letters[0]["reason"]
    # a profile that the key finds takes the object
    pid = client.create_profile(DomainName=domain, AccountNumber="ACC-01")["ProfileId"]
    client.put_profile_object_type(
        DomainName=domain,
        ObjectTypeName="Order2",
        Description="d",
        Fields=ORDER_FIELDS,
        Keys=dict(ORDER_KEYS, _account=[{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["accountNumber"]}]),
    )
    _put(client, domain, _order(1, 1), "Order2")
    assert [o["ProfileId"] for o in _search(client, domain, "orderNumber", ["O-001"])] == [pid]
    emulator.reset()
    assert emulator.dead_letters() == []


def test_standard_key_names_find_profiles_made_by_create_profile(client, domain):
    """A PROFILE key named after a standard key (_account, _phone, _email) finds the profile whose standard field
    holds the value, profiles made by CreateProfile included; any other key name finds only the objects' keys.

    Admin guide, "Associate the Contact Record with one profile found using the _phone key in Customer Profiles"
    (https://docs.aws.amazon.com/connect/latest/adminguide/auto-associate-profile-using-phone-profile-key.html):
    a profile created by CreateProfile with a PhoneNumber is found by the contact record's _phone profile key;
    "Key definitions in Customer Profiles object type mappings"
    (https://docs.aws.amazon.com/connect/latest/adminguide/mapping-key-definitions.html): key names are global
    to a domain, keys of the same name share one namespace."""
    made = client.create_profile(DomainName=domain, AccountNumber="ACC-07", PhoneNumber="+11234567890")["ProfileId"]
    # _account: the order goes to the profile CreateProfile made
    by_account = dict(ORDER_KEYS)
    by_account["_account"] = by_account.pop("accountNo")
    _order_type(client, domain, name="Standard", Keys=by_account)
    _put(client, domain, _order(1, 7), "Standard")
    assert [p["ProfileId"] for p in _search(client, domain, "orderNumber", ["O-001"])] == [made]
    assert len(emulator.backend().domains[domain].profiles) == 1
    # _phone: the documented example
    fields = {"id": {"Source": "_source.id"}, "phone": {"Source": "_source.phone", "ContentType": "PHONE_NUMBER"}}
    keys = {
        "callId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
        "_phone": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["phone"]}],
    }
    client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="Call", Description="d", Fields=fields, Keys=keys, AllowProfileCreation=True
    )
    _put(client, domain, {"id": "c1", "phone": "+11234567890"}, "Call")
    assert [p["ProfileId"] for p in _search(client, domain, "callId", ["c1"])] == [made]
    # a custom key name (even one whose field targets _profile.AccountNumber) does not look at the standard field:
    # the order creates an inferred profile with the same account number
    by_custom = dict(ORDER_KEYS)
    by_custom["AccountNumber"] = by_custom.pop("accountNo")
    _order_type(client, domain, name="Custom", Keys=by_custom)
    _put(client, domain, _order(2, 7), "Custom")
    inferred = _search(client, domain, "orderNumber", ["O-002"])[0]["ProfileId"]
    assert inferred != made
    assert sorted(p["ProfileId"] for p in _search(client, domain, "_account", ["ACC-07"])) == sorted([made, inferred])


def test_manual_fields_are_never_overwritten_whatever_the_source_priority(client, domain):
    """Ingestion never overwrites a field set through CreateProfile/UpdateProfile, SourcePriority or not.

    Admin guide, "Additional properties of object types in Customer Profiles"
    (https://docs.aws.amazon.com/connect/latest/adminguide/additional-properties-object-types.html): "If this
    object matches with an existing profile, it will not overwrite fields manually populated through an API
    call or the Agent Workspace"."""
    keys = dict(ORDER_KEYS, _account=[{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["accountNumber"]}])
    _order_type(client, domain, Keys=keys)
    pid = client.create_profile(DomainName=domain, AccountNumber="ACC-01", FirstName="Manual")["ProfileId"]
    _put(client, domain, _order(1, 1))
    profile = client.batch_get_profile(DomainName=domain, ProfileIds=[pid])["Profiles"][0]
    assert profile["FirstName"] == "Manual" and profile["LastName"] == "Last1"  # kept / written (was empty)
    # a type with the highest SourcePriority does not overwrite it either
    _order_type(client, domain, Keys=keys, SourcePriority=1)
    _put(client, domain, _order(2, 1))
    profile = client.batch_get_profile(DomainName=domain, ProfileIds=[pid])["Profiles"][0]
    assert profile["FirstName"] == "Manual"
    # nor a value changed through UpdateProfile after ingestion wrote the field
    client.update_profile(DomainName=domain, ProfileId=pid, LastName="Edited")
    _put(client, domain, _order(3, 1))
    profile = client.batch_get_profile(DomainName=domain, ProfileIds=[pid])["Profiles"][0]
    assert profile["FirstName"] == "Manual" and profile["LastName"] == "Edited"
    # a field ingestion wrote itself is still updated by the next object
    changed = _order(4, 1)
    changed["shipTo"]["city"] = "Elsewhere"
    _put(client, domain, changed)
    assert client.batch_get_profile(DomainName=domain, ProfileIds=[pid])["Profiles"][0]["ShippingAddress"] == {
        "City": "Elsewhere"
    }


def test_source_priority_between_object_types(client, domain):
    high = dict(ORDER_FIELDS)
    _order_type(client, domain, name="High", SourcePriority=1, Fields=high)
    _order_type(client, domain, name="Low", SourcePriority=5, Fields=high)
    _put(client, domain, _order(1, 1), "High")
    low = _order(2, 1)
    low["customer"]["firstName"] = "FromLow"
    _put(client, domain, low, "Low")
    assert _search(client, domain, "accountNo", ["ACC-01"])[0]["FirstName"] == "First1"  # the lower value wins
    again = _order(3, 1)
    again["customer"]["firstName"] = "HighAgain"
    _put(client, domain, again, "High")
    assert _search(client, domain, "accountNo", ["ACC-01"])[0]["FirstName"] == "HighAgain"


def test_empty_source_values_never_clear(client, domain):
    _order_type(client, domain)
    _put(client, domain, _order(1, 1))
    sparse = {"orderId": "O-002", "customer": {"account": "ACC-01", "firstName": ""}}
    _put(client, domain, sparse)
    profile = _search(client, domain, "accountNo", ["ACC-01"])[0]
    assert profile["FirstName"] == "First1" and profile["EmailAddress"] == "c1@example.com"


def test_ambiguous_keys_are_skipped_and_secondary_keys_are_a_fallback(client, domain):
    fields = {
        "id": {"Source": "_source.id"},
        "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
        "phone": {"Source": "_source.phone", "ContentType": "PHONE_NUMBER"},
    }
    keys = {
        "ticket": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
        "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        "_phone": [{"StandardIdentifiers": ["PROFILE", "SECONDARY"], "FieldNames": ["phone"]}],
    }
    client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="Ticket", Description="d", Fields=fields, Keys=keys, AllowProfileCreation=True
    )
    shared_a = client.create_profile(DomainName=domain, EmailAddress="shared@x.com", PhoneNumber="+1 555-0001")[
        "ProfileId"
    ]
    client.create_profile(DomainName=domain, EmailAddress="shared@x.com")
    # _email is ambiguous (two profiles): discarded; the SECONDARY _phone key finds one profile
    _put(client, domain, {"id": "t1", "email": "shared@x.com", "phone": "+1 555-0001"}, "Ticket")
    assert [p["ProfileId"] for p in _search(client, domain, "ticket", ["t1"])] == [shared_a]
    # nothing matches: AllowProfileCreation creates an inferred profile, EMAIL_ADDRESS/PHONE_NUMBER fields populate it
    _put(client, domain, {"id": "t2", "email": "New@X.com", "phone": "(555) 000-9999"}, "Ticket")
    inferred = _search(client, domain, "ticket", ["t2"])[0]
    assert inferred["EmailAddress"] == "New@X.com" and inferred["PhoneNumber"] == "(555) 000-9999"
    assert [p["ProfileId"] for p in _search(client, domain, "_phone", ["5550009999"])] == [inferred["ProfileId"]]


def test_lookup_only_and_new_only_keys(client, domain):
    fields = {
        "id": {"Source": "_source.id"},
        "acct": {"Source": "_source.acct"},
        "visit": {"Source": "_source.visit"},
        "device": {"Source": "_source.device"},
    }
    keys = {
        "eventId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
        "accountNo": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["acct"]}],
        "visitId": [{"StandardIdentifiers": ["PROFILE", "LOOKUP_ONLY"], "FieldNames": ["visit"]}],
        "deviceId": [{"StandardIdentifiers": ["PROFILE", "NEW_ONLY"], "FieldNames": ["device"]}],
    }
    client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="Event", Description="d", Fields=fields, Keys=keys, AllowProfileCreation=True
    )
    _put(client, domain, {"id": "e1", "acct": "A1", "visit": "v1", "device": "d1"}, "Event")  # creates a profile
    profile_id = _search(client, domain, "accountNo", ["A1"])[0]["ProfileId"]
    assert _search(client, domain, "visitId", ["v1"]) == []  # LOOKUP_ONLY: never stored
    assert [p["ProfileId"] for p in _search(client, domain, "deviceId", ["d1"])] == [
        profile_id
    ]  # NEW_ONLY: new profile
    _put(client, domain, {"id": "e2", "acct": "A1", "device": "d2"}, "Event")  # matches the existing profile
    assert _search(client, domain, "deviceId", ["d2"]) == []  # NEW_ONLY on an existing profile: not stored
    objects = client.list_profile_objects(DomainName=domain, ObjectTypeName="Event", ProfileId=profile_id)["Items"]
    assert len(objects) == 2


def test_handlebars_sources_and_name_keys(client, domain):
    fields = {
        "id": {"Source": "_source.id"},
        "fullName": {
            "Source": "{{#removeExtraSpace}}{{_source.first}} {{_source.middle}} {{_source.last}}{{/removeExtraSpace}}",
            "ContentType": "NAME",
        },
        "label": {"Source": "{{#if _source.vip}}VIP {{/if}}{{_source.last}}", "Target": "_profile.Attributes.label"},
    }
    keys = {
        "personId": [{"StandardIdentifiers": ["UNIQUE", "PROFILE"], "FieldNames": ["id"]}],
        "_fullName": [{"FieldNames": ["fullName"]}],
    }
    client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="Person", Description="d", Fields=fields, Keys=keys, AllowProfileCreation=True
    )
    _put(client, domain, {"id": "p1", "first": "John", "middle": "", "last": "Smith", "vip": True}, "Person")
    found = _search(client, domain, "_fullName", ["john   SMITH"])  # NAME: case-insensitive, spaces collapsed
    assert len(found) == 1 and found[0]["Attributes"] == {"label": "VIP Smith"}


def test_list_profile_objects_filter_pagination_and_delete(client, domain):
    _order_type(client, domain)
    keys = [_put(client, domain, _order(number, 1)) for number in range(30)]
    profile_id = _search(client, domain, "accountNo", ["ACC-01"])[0]["ProfileId"]
    first = client.list_profile_objects(DomainName=domain, ObjectTypeName="Order", ProfileId=profile_id)
    assert len(first["Items"]) == 20 and first["NextToken"]
    second = client.list_profile_objects(
        DomainName=domain, ObjectTypeName="Order", ProfileId=profile_id, NextToken=first["NextToken"]
    )
    assert [i["ProfileObjectUniqueKey"] for i in first["Items"] + second["Items"]] == keys
    assert first["Items"][0]["ObjectTypeName"] == "Order"
    filtered = client.list_profile_objects(
        DomainName=domain,
        ObjectTypeName="Order",
        ProfileId=profile_id,
        ObjectFilter={"KeyName": "orderNumber", "Values": ["O-003", "O-007", "O-999"]},
    )["Items"]
    assert [json.loads(i["Object"])["orderId"] for i in filtered] == ["O-003", "O-007"]
    assert (
        client.list_profile_objects(
            DomainName=domain,
            ObjectTypeName="Order",
            ProfileId=profile_id,
            ObjectFilter={"KeyName": "nope", "Values": ["x"]},
        )["Items"]
        == []
    )
    message = client.delete_profile_object(
        DomainName=domain, ObjectTypeName="Order", ProfileId=profile_id, ProfileObjectUniqueKey=keys[3]
    )["Message"]
    assert keys[3] in message
    assert _stats(client, domain)["ObjectCount"] == 29
    assert _search(client, domain, "orderNumber", ["O-003"]) == []  # its keys leave the profile
    assert [p["ProfileId"] for p in _search(client, domain, "orderNumber", ["O-004"])] == [profile_id]
    for call in (
        lambda: client.delete_profile_object(
            DomainName=domain, ObjectTypeName="Order", ProfileId=profile_id, ProfileObjectUniqueKey=keys[3]
        ),
        lambda: client.list_profile_objects(DomainName=domain, ObjectTypeName="Order", ProfileId="0" * 32),
        lambda: client.list_profile_objects(DomainName=domain, ObjectTypeName="Nope", ProfileId=profile_id),
    ):
        assert _error(call)[:2] == (404, "ResourceNotFoundException")


def test_deleting_a_profile_or_the_domain_deletes_objects(client, domain):
    _order_type(client, domain)
    for number in range(4):
        _put(client, domain, _order(number, number % 2))
    profile_id = _search(client, domain, "accountNo", ["ACC-00"])[0]["ProfileId"]
    client.delete_profile(DomainName=domain, ProfileId=profile_id)
    assert _stats(client, domain)["ObjectCount"] == 2
    assert _search(client, domain, "orderNumber", ["O-000"]) == []
    assert _stats(client, domain)["TotalSize"] > 0
    client.delete_domain(DomainName=domain)
    client.create_domain(DomainName=domain, DefaultExpirationDays=5)
    assert _stats(client, domain)["ObjectCount"] == 0
    assert client.list_profile_object_types(DomainName=domain)["Items"] == []


def test_search_lag_applies_to_ingested_profiles(client, domain):
    _order_type(client, domain)
    state.set_search_lag(0.3)
    try:
        _put(client, domain, _order(1, 1))
        _put(client, domain, _order(2, 1))  # ingestion matches the new profile at once (no duplicate)
        assert _search(client, domain, "accountNo", ["ACC-01"]) == []
        time.sleep(0.4)
        assert len(_search(client, domain, "accountNo", ["ACC-01"])) == 1
        assert _stats(client, domain)["ProfileCount"] == 1
    finally:
        state.set_search_lag(0)


def test_unknown_search_key_finds_nothing(client, domain):
    _order_type(client, domain)
    _put(client, domain, _order(1, 1))
    assert _search(client, domain, "tier", ["gold"]) == []  # an attribute, not a key
    assert (
        _search(
            client,
            domain,
            "accountNo",
            ["ACC-01"],
            AdditionalSearchKeys=[{"KeyName": "nothing", "Values": ["x"]}],
            LogicalOperator="AND",
        )
        == []
    )

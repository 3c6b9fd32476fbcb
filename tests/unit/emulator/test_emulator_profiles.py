# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Profile operations and SearchProfiles (in-process)."""

import re

import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import error_of  # pylint: disable=import-error

import emulator

ADDRESS = {"Address1": "1 Main St", "City": "Springfield", "PostalCode": "12345", "Country": "US"}


def _get(client, domain, profile_id):
    out = client.batch_get_profile(DomainName=domain, ProfileIds=[profile_id])
    assert out["Errors"] == []
    return out["Profiles"][0]


def test_create_profile_and_stats(client, domain):
    pid = client.create_profile(
        DomainName=domain,
        FirstName="Ann",
        LastName="Lee",
        EmailAddress="ann@x.com",
        Address=ADDRESS,
        Attributes={"tier": "gold"},
        PartyType="INDIVIDUAL",
    )["ProfileId"]
    assert re.fullmatch(r"[0-9a-f]{32}", pid)
    client.create_profile(DomainName=domain, FirstName="Bob")
    assert client.get_domain(DomainName=domain)["Stats"]["ProfileCount"] == 2
    profile = _get(client, domain, pid)
    assert profile == {
        "ProfileId": pid,
        "FirstName": "Ann",
        "LastName": "Lee",
        "EmailAddress": "ann@x.com",
        "Address": ADDRESS,
        "Attributes": {"tier": "gold"},
        "PartyType": "INDIVIDUAL",
    }


def test_create_profile_rejects_empty_string(raw_client, domain):
    with pytest.raises(ClientError) as excinfo:
        raw_client.create_profile(DomainName=domain, FirstName="")
    status, code, message = error_of(excinfo)
    assert (status, code) == (400, "BadRequestException")
    assert "'firstName'" in message and "greater than or equal to 1" in message
    assert emulator.backend().domains[domain].profiles == {}


def test_update_profile_semantics(client, domain):
    pid = client.create_profile(
        DomainName=domain,
        FirstName="Ann",
        LastName="Lee",
        PhoneNumber="+1555",
        Address=ADDRESS,
        Attributes={"tier": "gold", "color": "red"},
    )["ProfileId"]
    assert (
        client.update_profile(
            DomainName=domain,
            ProfileId=pid,
            FirstName="Anna",
            PhoneNumber="",
            Address={"City": "Shelbyville", "PostalCode": ""},
            BillingAddress={"City": "Ogdenville"},
            Attributes={"tier": "", "size": "L"},
        )["ProfileId"]
        == pid
    )
    profile = _get(client, domain, pid)
    assert profile["FirstName"] == "Anna"
    assert profile["LastName"] == "Lee"  # omitted: stays
    assert "PhoneNumber" not in profile  # "" removes
    assert profile["Address"] == {"Address1": "1 Main St", "City": "Shelbyville", "Country": "US"}
    assert profile["BillingAddress"] == {"City": "Ogdenville"}
    assert profile["Attributes"] == {"color": "red", "size": "L"}
    client.update_profile(DomainName=domain, ProfileId=pid, Attributes={"color": "", "size": ""})
    assert "Attributes" not in _get(client, domain, pid)


def test_update_and_delete_unknown_profile_is_404(client, domain):
    missing = "0" * 32
    for call in (
        lambda: client.update_profile(DomainName=domain, ProfileId=missing, FirstName="x"),
        lambda: client.delete_profile(DomainName=domain, ProfileId=missing),
    ):
        with pytest.raises(ClientError) as excinfo:
            call()
        status, code, message = error_of(excinfo)
        assert (status, code) == (404, "ResourceNotFoundException")
        assert missing in message


def test_delete_profile(client, domain):
    pid = client.create_profile(DomainName=domain, FirstName="Ann")["ProfileId"]
    keep = client.create_profile(DomainName=domain, FirstName="Bob")["ProfileId"]
    assert pid in client.delete_profile(DomainName=domain, ProfileId=pid)["Message"]
    assert list(emulator.backend().domains[domain].profiles) == [keep]
    assert client.get_domain(DomainName=domain)["Stats"]["ProfileCount"] == 1


def test_batch_get_profile_errors(client, domain):
    pid = client.create_profile(DomainName=domain, FirstName="Ann")["ProfileId"]
    missing = "f" * 32
    out = client.batch_get_profile(DomainName=domain, ProfileIds=[pid, missing])
    assert [p["ProfileId"] for p in out["Profiles"]] == [pid]
    assert out["Errors"] == [
        {"Code": "ResourceNotFoundException", "Message": "Profile %s not found" % missing, "ProfileId": missing}
    ]


def _ids(result):
    return [item["ProfileId"] for item in result["Items"]]


@pytest.fixture
def people(client, domain):
    def make(**fields):
        return client.create_profile(DomainName=domain, **fields)["ProfileId"]

    return {
        "ann": make(
            FirstName="Ann",
            MiddleName="B",
            LastName="Lee",
            EmailAddress="ann@x.com",
            AccountNumber="A1",
            PhoneNumber="+100",
            Attributes={"tier": "gold"},
        ),
        "bob": make(
            FirstName="Bob",
            LastName="Lee",
            BusinessEmailAddress="bob@corp.com",
            MobilePhoneNumber="+200",
            Attributes={"tier": "silver"},
        ),
        "cid": make(FirstName="Cid", PersonalEmailAddress="ann@x.com", HomePhoneNumber="+100", AccountNumber="A3"),
    }


@pytest.mark.parametrize(
    "key,values,expected",
    [
        ("_email", ["ann@x.com"], ["ann", "cid"]),
        ("_email", ["bob@corp.com"], ["bob"]),
        ("_email", ["ANN@x.com"], []),
        ("_phone", ["+100"], ["ann", "cid"]),
        ("_phone", ["+200", "+100"], ["ann", "bob", "cid"]),
        ("_account", ["A3"], ["cid"]),
        ("_fullName", ["Ann B Lee"], ["ann"]),
        ("_fullName", ["Bob Lee"], ["bob"]),
        ("_fullName", ["Cid"], ["cid"]),
        ("_fullName", ["Ann Lee"], []),
        ("_account", ["A1", "A3"], ["ann", "cid"]),
        ("_profileId", ["0" * 32], []),
        # custom search keys exist only through object-type keys (test_emulator_objects.py): an attribute
        # of the same name, or a name no object type defines, finds nothing
        ("tier", ["gold"], []),
        ("nosuchkey", ["gold"], []),
    ],
)
def test_search_keys(client, domain, people, key, values, expected):
    out = client.search_profiles(DomainName=domain, KeyName=key, Values=values)
    assert _ids(out) == [people[name] for name in expected]
    for item in out["Items"]:
        assert item["FoundByItems"][0]["KeyName"] == key
        assert set(item["FoundByItems"][0]["Values"]) <= set(values)


def test_search_by_profile_id_returns_full_profile(client, domain, people):
    out = client.search_profiles(DomainName=domain, KeyName="_profileId", Values=[people["bob"]])
    assert out["Items"] == [
        {
            "ProfileId": people["bob"],
            "FirstName": "Bob",
            "LastName": "Lee",
            "BusinessEmailAddress": "bob@corp.com",
            "MobilePhoneNumber": "+200",
            "Attributes": {"tier": "silver"},
            "FoundByItems": [{"KeyName": "_profileId", "Values": [people["bob"]]}],
        }
    ]


def test_search_additional_keys_and_or(client, domain, people):
    extra = [{"KeyName": "_phone", "Values": ["+100"]}]
    and_out = client.search_profiles(
        DomainName=domain,
        KeyName="_email",
        Values=["ann@x.com"],
        AdditionalSearchKeys=[{"KeyName": "_account", "Values": ["A1"]}],
        LogicalOperator="AND",
    )
    assert _ids(and_out) == [people["ann"]]
    assert and_out["Items"][0]["FoundByItems"] == [
        {"KeyName": "_email", "Values": ["ann@x.com"]},
        {"KeyName": "_account", "Values": ["A1"]},
    ]
    or_out = client.search_profiles(
        DomainName=domain, KeyName="_email", Values=["bob@corp.com"], AdditionalSearchKeys=extra, LogicalOperator="OR"
    )
    assert _ids(or_out) == [people["ann"], people["bob"], people["cid"]]
    bob = [i for i in or_out["Items"] if i["ProfileId"] == people["bob"]][0]
    assert bob["FoundByItems"] == [{"KeyName": "_email", "Values": ["bob@corp.com"]}]
    default_out = client.search_profiles(
        DomainName=domain, KeyName="_email", Values=["bob@corp.com"], AdditionalSearchKeys=extra
    )
    assert _ids(default_out) == _ids(or_out)  # OR is the default
    none_out = client.search_profiles(
        DomainName=domain, KeyName="_email", Values=["bob@corp.com"], AdditionalSearchKeys=extra, LogicalOperator="AND"
    )
    assert none_out["Items"] == []


def test_search_pagination_over_100(client, domain):
    ids = [client.create_profile(DomainName=domain, AccountNumber="b1")["ProfileId"] for _index in range(105)]
    first = client.search_profiles(DomainName=domain, KeyName="_account", Values=["b1"], MaxResults=100)
    assert len(first["Items"]) == 100 and first["NextToken"]
    second = client.search_profiles(
        DomainName=domain, KeyName="_account", Values=["b1"], MaxResults=100, NextToken=first["NextToken"]
    )
    assert "NextToken" not in second
    assert _ids(first) + _ids(second) == ids
    default = client.search_profiles(DomainName=domain, KeyName="_account", Values=["b1"])
    assert _ids(default) == ids[:20]
    assert client.get_domain(DomainName=domain)["Stats"]["ProfileCount"] == 105

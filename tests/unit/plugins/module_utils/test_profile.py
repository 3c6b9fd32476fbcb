# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The profile client layer: mapping, comparison and paging, without the service."""

import pytest

from ansible_collections.awscx.customerprofiles.plugins.module_utils import profile


class FakeClient:
    """Answers search_profiles in pages of ``page`` items and batch_get_profile from ``profiles``."""

    def __init__(self, profiles, page=100):
        self.profiles = profiles
        self.page = page
        self.requests = []

    def search_profiles(self, aws_retry=False, **request):
        self.requests.append(("SearchProfiles", request))
        start = int(request.get("NextToken") or 0)
        size = min(self.page, request["MaxResults"])
        answer = {"Items": self.profiles[start : start + size]}
        if start + size < len(self.profiles):
            answer["NextToken"] = str(start + size)
        return answer

    def batch_get_profile(self, aws_retry=False, **request):
        self.requests.append(("BatchGetProfile", request))
        assert 1 <= len(request["ProfileIds"]) <= 20
        return {"Profiles": [p for p in self.profiles if p["ProfileId"] in request["ProfileIds"]], "Errors": []}


def test_describe_profile_uses_option_names_and_keeps_attribute_keys():
    item = {
        "ProfileId": "a" * 32,
        "AccountNumber": "1",
        "Address": {"Address1": "street", "PostalCode": "9", "State": "WA"},
        "BillingAddress": {},
        "Attributes": {"SSN": "x", "Address1": "y", "first_name": "z"},
        "PartyTypeString": "p",
        "EngagementPreferences": {"Phone": [{"KeyName": "_phone", "ContactType": "PhoneNumber"}], "Email": []},
        "FoundByItems": [{"KeyName": "_account", "Values": ["1"]}],
    }

    assert profile.describe_profile(item) == {
        "profile_id": "a" * 32,
        "account_number": "1",
        "address": {"address_1": "street", "postal_code": "9", "state": "WA"},
        "attributes": {"SSN": "x", "Address1": "y", "first_name": "z"},
        "party_type_string": "p",
        "engagement_preferences": {"phone": [{"key_name": "_phone", "contact_type": "PhoneNumber"}]},
    }
    assert profile.describe_profile(None) == {}


def test_profile_to_api_round_trips():
    fields = {
        "address_1": None,
        "address": {"address_1": "s", "postal_code": "9"},
        "attributes": {"my_key": "v"},
        "gender_string": "g",
    }
    api = profile.profile_to_api(profile.fields_from_params(dict(fields, first_name=None)))

    assert api == {"Address": {"Address1": "s", "PostalCode": "9"}, "Attributes": {"my_key": "v"}, "GenderString": "g"}
    assert profile.describe_profile(api) == {
        "address": {"address_1": "s", "postal_code": "9"},
        "attributes": {"my_key": "v"},
        "gender_string": "g",
    }


def test_update_request_sends_only_what_changes():
    current = {
        "profile_id": "p",
        "first_name": "a",
        "last_name": "b",
        "address": {"city": "c", "state": "s"},
        "attributes": {"k": "1", "j": "2"},
        "engagement_preferences": {"email": [{"key_name": "e"}]},
    }
    desired = profile.desired_with_purge(
        current,
        {
            "first_name": "a",
            "last_name": "",
            "address": {"city": "d", "state": ""},
            "attributes": {"k": "1"},
            "engagement_preferences": {"phone": [{"key_name": "p"}]},
        },
        True,
    )
    after = profile.predict(current, desired)
    request = profile.update_request(current, after)

    assert after == {
        "profile_id": "p",
        "first_name": "a",
        "address": {"city": "d"},
        "attributes": {"k": "1"},
        "engagement_preferences": {"email": [{"key_name": "e"}], "phone": [{"key_name": "p"}]},
    }
    assert request == {
        "last_name": "",
        "address": {"city": "d", "state": ""},
        "attributes": {"j": ""},
        "engagement_preferences": {"phone": [{"key_name": "p"}], "email": [{"key_name": "e"}]},
    }
    assert profile.update_to_api(request) == {
        "LastName": "",
        "Address": {"City": "d", "State": ""},
        "Attributes": {"j": ""},
        "EngagementPreferences": {"Phone": [{"KeyName": "p"}], "Email": [{"KeyName": "e"}]},
    }
    assert profile.update_request(after, after) == {}


def test_purge_without_attributes_given_removes_nothing():
    current = {"attributes": {"k": "1"}}
    assert profile.desired_with_purge(current, {"first_name": "x"}, True) == {"first_name": "x"}


def test_search_by_match_is_exact_on_the_chosen_field():
    items = [
        {"ProfileId": "1", "PhoneNumber": "+1"},
        {"ProfileId": "2", "MobilePhoneNumber": "+1"},
        {"ProfileId": "3", "PhoneNumber": "+1 "},
        {"ProfileId": "4", "PhoneNumber": "+1", "MobilePhoneNumber": "+1"},
    ]
    assert [i["ProfileId"] for i in profile.search_by_match(FakeClient(items), "d", "phone_number", ["+1"])] == [
        "1",
        "4",
    ]
    assert [i["ProfileId"] for i in profile.search_by_match(FakeClient(items), "d", "mobile_phone_number", ["+1"])] == [
        "2",
        "4",
    ]


@pytest.mark.parametrize(
    "match_by,key",
    [
        ("account_number", "_account"),
        ("email_address", "_email"),
        ("personal_email_address", "_email"),
        ("business_email_address", "_email"),
        ("phone_number", "_phone"),
        ("mobile_phone_number", "_phone"),
        ("home_phone_number", "_phone"),
        ("business_phone_number", "_phone"),
    ],
)
def test_find_by_match_searches_the_standard_key(match_by, key):
    client = FakeClient([{"ProfileId": "1", profile.to_api({match_by: "v"}).popitem()[0]: "v"}])

    assert [i["ProfileId"] for i in profile.search_by_match(client, "d", match_by, ["v"])] == ["1"]
    assert client.requests == [
        ("SearchProfiles", {"DomainName": "d", "KeyName": key, "Values": ["v"], "MaxResults": 100})
    ]


def test_search_profiles_follows_pages_and_caps():
    items = [{"ProfileId": str(i)} for i in range(250)]
    client = FakeClient(items)

    assert profile.search_profiles(client, "d", "_email", ["x"]) == items
    assert len(client.requests) == 3

    client.requests = []
    assert profile.search_profiles(client, "d", "_email", ["x"], limit=150) == items[:150]
    assert [r[1]["MaxResults"] for r in client.requests] == [100, 50]


def test_search_profiles_passes_additional_keys_and_operator():
    client = FakeClient([])
    profile.search_profiles(
        client,
        "d",
        "_email",
        ["x"],
        additional_search_keys=[{"KeyName": "_phone", "Values": ["1"]}],
        logical_operator="AND",
    )

    assert client.requests[0][1] == {
        "DomainName": "d",
        "KeyName": "_email",
        "Values": ["x"],
        "MaxResults": 100,
        "AdditionalSearchKeys": [{"KeyName": "_phone", "Values": ["1"]}],
        "LogicalOperator": "AND",
    }


def test_batch_get_profiles_chunks_by_20_and_dedups():
    items = [{"ProfileId": "%032x" % i} for i in range(45)]
    client = FakeClient(items)
    ids = [item["ProfileId"] for item in reversed(items)] + [items[0]["ProfileId"]]

    assert profile.batch_get_profiles(client, "d", ids) == list(reversed(items))
    assert [len(r[1]["ProfileIds"]) for r in client.requests] == [20, 20, 5]


def test_get_profile_by_id():
    client = FakeClient([{"ProfileId": "a" * 32}])
    assert profile.get_profile_by_id(client, "d", "a" * 32) == {"ProfileId": "a" * 32}
    assert client.requests[0][1]["KeyName"] == "_profileId"
    assert profile.get_profile_by_id(FakeClient([]), "d", "a" * 32) is None


def test_model_check_allows_empty_and_maximums():
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import check_request

    fields = {"first_name": "", "additional_information": "x" * 1000, "address": {"city": ""}, "attributes": {"k": ""}}
    assert check_request("UpdateProfile", fields) == []
    assert check_request("UpdateProfile", dict(fields, additional_information="x" * 1001)) == [
        "additional_information must have at most 1000 characters"
    ]


def test_field_spec_covers_every_profile_member_of_the_api():
    import botocore.session

    shape = (
        botocore.session.get_session()
        .get_service_model("customer-profiles")
        .operation_model("CreateProfile")
        .input_shape
    )
    api_members = set(shape.members) - {"DomainName"}

    assert set(profile.profile_to_api(dict((name, "x") for name in profile.PROFILE_FIELDS))) == api_members

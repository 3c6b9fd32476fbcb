# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_object_type_info against the in-process emulator."""

import pytest

from call_log import operations

MODULE = "customerprofiles_object_type_info"
DOMAIN = "unit-types-info"


def definition(name):
    return dict(
        Description="Type " + name,
        Fields={
            "Id": {"Source": "_source.Id", "ContentType": "STRING"},
            "account_no": {"Source": "_source.Account", "Target": "_profile.AccountNumber", "ContentType": "STRING"},
        },
        Keys={
            "Id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["Id"]}],
            "account_no": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["account_no"]}],
        },
        Tags={"Team": name},
    )


@pytest.fixture
def types(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    for name in ("Order", "Loyalty"):
        cp_client.put_profile_object_type(DomainName=DOMAIN, ObjectTypeName=name, **definition(name))
    cp_mock.reset_calls()


def test_one_type_is_fully_described_with_names_as_stored(run_module, cp_mock, types):
    result = run_module(MODULE, {"domain_name": DOMAIN, "object_type_name": "Order"})
    assert result["changed"] is False
    assert operations(cp_mock) == ["GetProfileObjectType"]
    [found] = result["object_types"]
    assert found["object_type_name"] == "Order"
    assert found["fields"]["account_no"] == {
        "source": "_source.Account",
        "target": "_profile.AccountNumber",
        "content_type": "STRING",
    }
    assert found["keys"]["account_no"] == [{"standard_identifiers": ["PROFILE"], "field_names": ["account_no"]}]
    assert found["tags"] == {"Team": "Order"}
    assert result["templates"] == []


def test_a_missing_type_gives_an_empty_list(run_module, cp_mock, types):
    result = run_module(MODULE, {"domain_name": DOMAIN, "name": "Nope"})
    assert result["object_types"] == []


def test_every_type_of_the_domain(run_module, cp_mock, types):
    result = run_module(MODULE, {"domain_name": DOMAIN})
    assert sorted(t["object_type_name"] for t in result["object_types"]) == ["Loyalty", "Order"]
    assert all(t["fields"] for t in result["object_types"])
    assert operations(cp_mock) == ["ListProfileObjectTypes", "GetProfileObjectType", "GetProfileObjectType"]


def test_every_template_and_one_template(run_module, cp_mock, cp_client):
    listed = run_module(MODULE, {"list_templates": True})
    assert not listed.failed, listed
    expected = cp_client.list_profile_object_type_templates()["Items"]
    assert [t["template_id"] for t in listed["templates"]] == [t["TemplateId"] for t in expected]
    assert listed["object_types"] == []
    template_id = expected[0]["TemplateId"]
    one = run_module(MODULE, {"template_id": template_id})
    [template] = one["templates"]
    assert template["template_id"] == template_id
    api = cp_client.get_profile_object_type_template(TemplateId=template_id)
    assert set(template["fields"]) == set(api["Fields"])
    assert set(template["keys"]) == set(api["Keys"])


def test_an_unknown_template_gives_an_empty_list(run_module, cp_mock):
    assert run_module(MODULE, {"template_id": "NoSuchTemplate"})["templates"] == []


@pytest.mark.parametrize(
    "module_args, option",
    [
        ({"domain_name": "bad domain!"}, "domain_name"),
        ({"domain_name": DOMAIN, "object_type_name": "1bad!"}, "object_type_name"),
        ({"template_id": "bad template!"}, "template_id"),
    ],
)
def test_bad_input_fails_before_any_call(run_module, cp_mock, module_args, option):
    result = run_module(MODULE, module_args)
    assert result.failed
    assert option in result["msg"]
    assert "bad" not in result["msg"].replace(option, "")
    assert operations(cp_mock) == []


def test_object_type_name_needs_a_domain(run_module, cp_mock):
    result = run_module(MODULE, {"object_type_name": "Order"})
    assert result.failed
    assert operations(cp_mock) == []

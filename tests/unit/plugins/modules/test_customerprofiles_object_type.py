# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_object_type against the in-process emulator: results, stored state and API calls."""

import copy

import pytest

from call_log import operations
from call_log import writes
from domain_seed import CONNECT
from domain_seed import add_event_trigger

MODULE = "customerprofiles_object_type"
DOMAIN = "unit-objects"
TYPE = "Order"
KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

# Field names are data: "account_number" and "AccountNumber" are two fields, kept as written.
FIELDS = {
    "OrderId": {"source": "_source.OrderId", "content_type": "STRING"},
    "AccountNumber": {"source": "_source.AccountNumber", "target": "_profile.AccountNumber", "content_type": "STRING"},
    "account_number": {
        "source": "_source.LegacyAccount",
        "target": "_profile.Attributes.legacy_account",
        "content_type": "STRING",
    },
    "City": {"source": "_source.City", "target": "_profile.Address.City", "content_type": "STRING"},
}
KEYS = {
    "OrderId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["OrderId"]}],
    "AccountNumber": [{"standard_identifiers": ["PROFILE"], "field_names": ["AccountNumber"]}],
}


def args(**extra):
    result = {"domain_name": DOMAIN, "object_type_name": TYPE}
    result.update(extra)
    return result


def full_args(**extra):
    return args(
        description="Orders",
        allow_profile_creation=True,
        fields=copy.deepcopy(FIELDS),
        keys=copy.deepcopy(KEYS),
        **extra,
    )


@pytest.fixture
def domain(cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    cp_mock.reset_calls()
    return DOMAIN


def stored(cp_client):
    found = cp_client.get_profile_object_type(DomainName=DOMAIN, ObjectTypeName=TYPE)
    found.pop("ResponseMetadata")
    return found


def put_request(cp_mock):
    """The PutProfileObjectType request the module made (the emulator's stored definition shows it)."""
    return [c for c in cp_mock.calls() if c["operation"] == "PutProfileObjectType"]


# ------------------------------------------------------------------ create


def test_create_makes_one_put_and_keeps_field_names_verbatim(run_module, cp_mock, cp_client, domain):
    result = run_module(MODULE, full_args(tags={"team": "crm"}))
    assert not result.failed, result
    assert result["changed"] is True
    assert operations(cp_mock) == ["GetProfileObjectType", "PutProfileObjectType"]
    object_type = result["object_type"]
    assert set(object_type["fields"]) == {"OrderId", "AccountNumber", "account_number", "City"}
    assert object_type["fields"]["account_number"] == FIELDS["account_number"]
    assert object_type["keys"] == KEYS
    assert object_type["tags"] == {"team": "crm"}
    assert object_type["created_at"]
    api = stored(cp_client)
    assert set(api["Fields"]) == {"OrderId", "AccountNumber", "account_number", "City"}
    assert api["Fields"]["AccountNumber"] == {
        "Source": "_source.AccountNumber",
        "Target": "_profile.AccountNumber",
        "ContentType": "STRING",
    }
    assert api["Keys"]["AccountNumber"] == [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["AccountNumber"]}]
    assert api["Tags"] == {"team": "crm"}


def test_check_mode_create_predicts_and_writes_nothing(run_module, cp_mock, cp_client, domain):
    result = run_module(MODULE, full_args(), check_mode=True, diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == []
    assert result["diff"]["before"] == {}
    assert result["diff"]["after"]["fields"] == FIELDS
    assert result["object_type"]["keys"] == KEYS
    assert cp_client.list_profile_object_types(DomainName=DOMAIN)["Items"] == []


def test_second_run_reads_once_and_writes_nothing(run_module, cp_mock, domain):
    first = run_module(MODULE, full_args(tags={"team": "crm"}))
    cp_mock.reset_calls()
    again = run_module(MODULE, full_args(tags={"team": "crm"}))
    assert again["changed"] is False
    assert operations(cp_mock) == ["GetProfileObjectType"]
    assert again["object_type"] == first["object_type"]


def test_description_is_required_to_create(run_module, cp_mock, domain):
    result = run_module(MODULE, args(fields=FIELDS, keys=KEYS))
    assert result.failed
    assert "description is required" in result["msg"]
    assert writes(cp_mock) == []


def test_missing_domain_fails_with_the_service_error(run_module, cp_mock, cp_client):
    result = run_module(MODULE, full_args())
    assert result.failed
    assert result["error"]["code"] == "ResourceNotFoundException"


# ------------------------------------------------------------------ update


def test_an_option_left_out_keeps_its_value(run_module, cp_mock, cp_client, domain):
    run_module(MODULE, full_args(expiration_days=30, source_priority=2, encryption_key=KMS))
    cp_mock.reset_calls()
    result = run_module(MODULE, args(expiration_days=90), diff=True)
    assert result["changed"] is True
    assert writes(cp_mock) == ["PutProfileObjectType"]
    api = stored(cp_client)
    assert api["ExpirationDays"] == 90
    assert api["Description"] == "Orders"
    assert api["SourcePriority"] == 2
    assert api["EncryptionKey"] == KMS
    assert api["AllowProfileCreation"] is True
    assert set(api["Fields"]) == set(FIELDS)
    assert set(api["Keys"]) == set(KEYS)
    assert result["diff"]["before"]["expiration_days"] == 30
    assert result["diff"]["after"]["expiration_days"] == 90


def test_a_given_fields_map_is_the_complete_set(run_module, cp_mock, cp_client, domain):
    run_module(MODULE, full_args())
    fields = dict((name, FIELDS[name]) for name in ("OrderId", "AccountNumber"))
    result = run_module(MODULE, args(fields=fields))
    assert result["changed"] is True
    assert set(stored(cp_client)["Fields"]) == {"OrderId", "AccountNumber"}
    assert set(result["object_type"]["fields"]) == {"OrderId", "AccountNumber"}


def test_a_changed_key_is_sent_with_every_other_key(run_module, cp_mock, cp_client, domain):
    run_module(MODULE, full_args())
    keys = copy.deepcopy(KEYS)
    keys["City"] = [{"standard_identifiers": ["SECONDARY", "PROFILE"], "field_names": ["City"]}]
    result = run_module(MODULE, args(keys=keys))
    assert result["changed"] is True
    assert stored(cp_client)["Keys"]["City"] == [
        {"StandardIdentifiers": ["SECONDARY", "PROFILE"], "FieldNames": ["City"]}
    ]
    assert set(stored(cp_client)["Keys"]) == {"OrderId", "AccountNumber", "City"}


def test_empty_encryption_key_clears_it(run_module, cp_mock, cp_client, domain):
    run_module(MODULE, full_args(encryption_key=KMS))
    result = run_module(MODULE, args(encryption_key=""))
    assert result["changed"] is True
    assert "EncryptionKey" not in stored(cp_client)
    cp_mock.reset_calls()
    again = run_module(MODULE, args(encryption_key=""))
    assert again["changed"] is False
    assert writes(cp_mock) == []


def test_tags_change_through_tag_and_untag_resource_on_the_type_arn(run_module, cp_mock, cp_client, domain):
    run_module(MODULE, full_args(tags={"team": "crm", "old": "x"}))
    cp_mock.reset_calls()
    result = run_module(MODULE, args(tags={"team": "sales"}))
    assert result["changed"] is True
    assert writes(cp_mock) == ["TagResource", "UntagResource"]
    assert stored(cp_client)["Tags"] == {"team": "sales"}
    assert result["object_type"]["tags"] == {"team": "sales"}
    arn = "arn:aws:profile:us-east-1:123456789012:domains/{0}/object-types/{1}".format(DOMAIN, TYPE)
    assert cp_client.list_tags_for_resource(resourceArn=arn)["tags"] == {"team": "sales"}


def test_purge_tags_false_keeps_other_tags(run_module, cp_mock, cp_client, domain):
    run_module(MODULE, full_args(tags={"team": "crm"}))
    result = run_module(MODULE, args(tags={"env": "prod"}, purge_tags=False))
    assert result["changed"] is True
    assert stored(cp_client)["Tags"] == {"team": "crm", "env": "prod"}


# ------------------------------------------------------------------ templates


def template_id(cp_client):
    return cp_client.list_profile_object_type_templates()["Items"][0]["TemplateId"]


def test_a_type_from_a_template_keeps_the_template_on_update(run_module, cp_mock, cp_client, domain):
    template = template_id(cp_client)
    created = run_module(MODULE, args(description="From a template", template_id=template))
    assert not created.failed, created
    assert created["object_type"]["template_id"] == template
    result = run_module(MODULE, args(description="Changed"))
    assert not result.failed, result
    assert result["changed"] is True
    api = stored(cp_client)
    assert api["TemplateId"] == template and api["Description"] == "Changed"
    assert api["Fields"]


def test_fields_with_template_id_fail_to_create_before_any_write(run_module, cp_mock, cp_client, domain):
    template = template_id(cp_client)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(description="x", template_id=template, fields=FIELDS))
    assert result.failed
    assert "fields" in result["msg"] and "template_id" in result["msg"]
    assert operations(cp_mock) == ["GetProfileObjectType"]


def test_what_the_template_supplies_given_back_unchanged_is_a_no_op(run_module, cp_mock, cp_client, domain):
    template = template_id(cp_client)
    created = run_module(MODULE, args(description="From a template", template_id=template))["object_type"]
    cp_mock.reset_calls()
    supplied = dict((option, created[option]) for option in ("fields", "keys", "allow_profile_creation"))
    result = run_module(MODULE, args(description="From a template", template_id=template, **supplied))
    assert not result.failed, result
    assert result["changed"] is False and writes(cp_mock) == []
    changed = dict(supplied, fields=dict(created["fields"], Extra={"source": "_source.Extra"}))
    result = run_module(MODULE, args(template_id=template, **changed))
    assert result.failed and template in result["msg"] and "fields" in result["msg"]
    assert writes(cp_mock) == []


def test_fields_on_a_template_type_fail_naming_the_template(run_module, cp_mock, cp_client, domain):
    template = template_id(cp_client)
    run_module(MODULE, args(description="From a template", template_id=template))
    cp_mock.reset_calls()
    result = run_module(MODULE, args(keys=KEYS))
    assert result.failed
    assert template in result["msg"] and "keys" in result["msg"]
    assert writes(cp_mock) == []


# ------------------------------------------------------------------ delete


def ingest(cp_client, count):
    cp_client.batch_put_profile_object(
        DomainName=DOMAIN,
        ObjectTypeName=TYPE,
        Items=[{"Id": str(i), "Object": '{"OrderId": "%d", "AccountNumber": "A%d"}' % (i, i)} for i in range(count)],
    )


@pytest.mark.parametrize("check_mode", [True, False], ids=["check_mode", "deletes"])
def test_absent_warns_that_every_object_goes_with_the_type(run_module, cp_mock, cp_client, domain, check_mode):
    run_module(MODULE, full_args())
    ingest(cp_client, 3)
    cp_mock.reset_calls()
    result = run_module(MODULE, args(state="absent"), check_mode=check_mode, diff=True)
    assert result["changed"] is True
    assert result["domain_object_count"] == 3
    assert "deletes every profile object" in result["diff"]["after_header"]
    assert any("deletes every profile object" in str(warning) for warning in result["warnings"])
    assert result["diff"]["before"]["object_type_name"] == TYPE
    assert result["diff"]["after"] == {}
    assert result["object_type"] == {}
    if check_mode:
        assert writes(cp_mock) == []
        assert stored(cp_client)["ObjectTypeName"] == TYPE
    else:
        assert operations(cp_mock) == [
            "GetProfileObjectType",
            "GetDomain",
            "ListIntegrations",
            "ListEventTriggers",
            "DeleteProfileObjectType",
        ]
        assert cp_client.list_profile_object_types(DomainName=DOMAIN)["Items"] == []
        assert cp_client.get_domain(DomainName=DOMAIN)["Stats"]["ObjectCount"] == 0
    assert result["dependents"] == {}


@pytest.mark.parametrize("check_mode", [True, False], ids=["check_mode", "deletes"])
def test_absent_names_the_integrations_and_triggers_that_name_the_type(
    run_module, cp_mock, cp_client, domain, check_mode
):
    """Issue 20, 2.5. DeleteProfileObjectType is not refused for them (the API reference: it "also disables
    integrations from this specific ProfileObjectType"), so the module deletes it, naming them."""
    run_module(MODULE, full_args())
    run_module(MODULE, full_args(object_type_name="Other"))
    cp_client.put_integration(DomainName=DOMAIN, Uri=CONNECT, ObjectTypeNames={"OrderCreated": TYPE})
    cp_client.put_integration(DomainName=DOMAIN, Uri="s3://other-bucket", ObjectTypeName="Other")
    add_event_trigger(cp_client, DOMAIN, TYPE, "big-order")
    add_event_trigger(cp_client, DOMAIN, "Other", "other-trigger")
    cp_mock.reset_calls()

    result = run_module(MODULE, args(state="absent"), check_mode=check_mode, diff=True)

    assert result["changed"] is True
    assert result["dependents"] == {"integrations": [CONNECT], "event_triggers": ["big-order"]}
    named = "It is named by integrations {0}; event triggers big-order".format(CONNECT)
    assert named in result["diff"]["after_header"]
    assert any(named in str(warning) for warning in result["warnings"])
    assert writes(cp_mock) == ([] if check_mode else ["DeleteProfileObjectType"])


def test_absent_on_a_missing_type_is_not_a_change(run_module, cp_mock, domain):
    result = run_module(MODULE, args(state="absent"))
    assert result["changed"] is False
    assert operations(cp_mock) == ["GetProfileObjectType"]


# ------------------------------------------------------------------ bad input: fails before any call, never echoes

SECRET = "S3CR3T-VALUE"


def bad_fields(**entry):
    fields = copy.deepcopy(FIELDS)
    fields["OrderId"] = dict(fields["OrderId"], **entry)
    return fields


def bad_keys(**entry):
    keys = copy.deepcopy(KEYS)
    keys["OrderId"] = [dict(keys["OrderId"][0], **entry)]
    return keys


INVALID = [
    (dict(domain_name="bad domain " + SECRET), "domain_name"),
    (dict(object_type_name="9" + SECRET + "!"), "object_type_name"),
    (dict(description="x" * 1001 + SECRET), "description"),
    (dict(description=""), "description"),
    (dict(template_id="no spaces " + SECRET), "template_id"),
    (dict(expiration_days=0), "expiration_days"),
    (dict(expiration_days=1099), "expiration_days"),
    (dict(encryption_key="k" * 256 + SECRET), "encryption_key"),
    (dict(source_last_updated_timestamp_format=""), "source_last_updated_timestamp_format"),
    (dict(source_last_updated_timestamp_format="f" * 256 + SECRET), "source_last_updated_timestamp_format"),
    (dict(max_profile_object_count=0), "max_profile_object_count"),
    (dict(source_priority=0), "source_priority"),
    (dict(fields={"bad name " + SECRET: {"source": "_source.a"}}), "every key of fields"),
    (dict(fields={"n" * 65: {"source": "_source.a"}}), "every key of fields"),
    (dict(fields=bad_fields(content_type="DATE-" + SECRET)), "fields.OrderId.content_type"),
    (dict(fields=bad_fields(source="s" * 1001 + SECRET)), "fields.OrderId.source"),
    (dict(fields=bad_fields(target="")), "fields.OrderId.target"),
    (dict(fields=bad_fields(colour=SECRET)), "fields.OrderId"),
    (dict(fields={"OrderId": SECRET}), "fields.OrderId"),
    (dict(keys={"bad key " + SECRET: [{"field_names": ["OrderId"]}]}), "every key of keys"),
    (
        dict(keys=bad_keys(standard_identifiers=["PROFILE", "BOGUS-" + SECRET])),
        "keys.OrderId[0].standard_identifiers[1]",
    ),
    (dict(keys=bad_keys(field_names=["has space " + SECRET])), "keys.OrderId[0].field_names[0]"),
    (dict(keys=bad_keys(unknown=SECRET)), "keys.OrderId[0]"),
    (dict(keys={"OrderId": {"standard_identifiers": ["UNIQUE"]}}), "keys.OrderId"),
    (dict(tags={"team": "v" * 257 + SECRET}), "tags.team"),
    (dict(tags={"aws:reserved": SECRET}), "every key of tags"),
]


@pytest.mark.parametrize("bad, option", INVALID, ids=[case[1] + "-" + str(i) for i, case in enumerate(INVALID)])
def test_bad_input_fails_before_any_call_naming_the_option(run_module, cp_mock, bad, option):
    module_args = full_args()
    module_args.update(bad)
    result = run_module(MODULE, module_args)
    assert result.failed, result
    assert option in result["msg"]
    assert SECRET not in result["msg"]
    assert "x" * 1001 not in result["msg"]
    assert operations(cp_mock) == []


# ------------------------------------------------------------------ issue 20: what the service refuses, found first


def many_fields(count):
    fields = dict(("F{0}".format(index), {"source": "_source.f{0}".format(index)}) for index in range(count - 2))
    fields.update(copy.deepcopy(FIELDS))
    return dict(list(fields.items())[-count:])


def bad_target(target, problem, case):
    return pytest.param(dict(fields=bad_fields(target=target)), "fields.OrderId.target " + problem, id=case)


NOT_PROFILE = "is not a field of the standard profile"

MAPPING = [
    pytest.param(
        dict(keys=dict(KEYS, Email=[{"standard_identifiers": ["PROFILE"], "field_names": ["Email"]}])),
        "keys.Email[0].field_names[0] names no field defined in fields",
        id="key-field-undefined",
    ),
    bad_target("_profile.NoSuchField", NOT_PROFILE, "target-unknown-profile-field"),
    bad_target("_profile.ProfileId", NOT_PROFILE, "target-reserved"),
    bad_target("_profile.Address.Street", NOT_PROFILE, "target-unknown-address-part"),
    bad_target("OrderId", "names no standard object (_profile, _asset", "target-no-object"),
    bad_target("_order.OrderId", "is the standard object's system-managed id", "target-system-id"),
    bad_target(
        "_profile.SourceLastUpdatedTimestamp",
        "needs source_last_updated_timestamp_format",
        "target-timestamp-without-format",
    ),
    pytest.param(
        dict(fields=many_fields(251)),
        "fields: an object type can define at most 250 fields, not 251",
        id="too-many-fields",
    ),
]


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
@pytest.mark.parametrize("bad, message", MAPPING)
def test_a_mapping_the_service_refuses_fails_before_any_call(run_module, cp_mock, domain, bad, message, check_mode):
    # issue 20: check mode predicted success, and PutProfileObjectType then failed
    result = run_module(MODULE, dict(full_args(), **bad), check_mode=check_mode)
    assert result.failed, result
    assert message in result["msg"], result["msg"]
    # the format may be the current type's: that one is judged once the type is read, still before any write
    assert operations(cp_mock) == (["GetProfileObjectType"] if "timestamp" in message else [])


@pytest.mark.parametrize(
    "fields",
    [
        dict(FIELDS, Stamp={"source": "_source.ts", "target": "_profile.SourceLastUpdatedTimestamp"}),
        dict(FIELDS, Asset={"source": "_source.serial", "target": "_asset.SerialNumber"}),
        dict(FIELDS, Gender={"source": "_source.g", "target": "_profile.GenderString"}),
        many_fields(250),
    ],
    ids=["timestamp-with-format", "standard-object", "profile-string", "250-fields"],
)
def test_a_mapping_the_service_takes_is_not_refused(run_module, cp_mock, domain, fields):
    extra = dict(source_last_updated_timestamp_format="epoch") if "Stamp" in fields else {}
    keys = (
        dict(KEYS, Serial=[{"standard_identifiers": ["ASSET"], "field_names": ["Asset"]}])
        if "Asset" in fields
        else KEYS
    )
    result = run_module(MODULE, dict(full_args(**extra), fields=fields, keys=copy.deepcopy(keys)))
    assert not result.failed, result
    assert writes(cp_mock) == ["PutProfileObjectType"]


@pytest.mark.parametrize("check_mode", [False, True], ids=["apply", "check"])
def test_keys_given_alone_are_checked_against_the_current_fields(run_module, cp_mock, cp_client, domain, check_mode):
    run_module(MODULE, full_args())
    cp_mock.reset_calls()
    keys = dict(KEYS, Email=[{"standard_identifiers": ["PROFILE"], "field_names": ["Email"]}])
    result = run_module(MODULE, args(keys=keys), check_mode=check_mode)
    assert result.failed, result
    assert "keys.Email[0].field_names[0] names no field defined in fields; nothing was changed" in result["msg"]
    assert operations(cp_mock) == ["GetProfileObjectType"]
    assert "Email" not in stored(cp_client)["Keys"]


def test_a_timestamp_target_is_judged_with_the_current_format(run_module, cp_mock, cp_client, domain):
    run_module(MODULE, full_args(source_last_updated_timestamp_format="epoch"))
    fields = dict(FIELDS, Stamp={"source": "_source.ts", "target": "_profile.SourceLastUpdatedTimestamp"})
    result = run_module(MODULE, args(fields=fields))
    assert not result.failed, result
    assert result["changed"] is True

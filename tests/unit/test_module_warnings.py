# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A module that warns shows the warning, and nothing else: no "Passing `warnings` to `exit_json`"
deprecation (AnsibleAWSModule.warn passes its warnings to exit_json as ``warnings=`` on ansible-core
2.19 and later, which ansible-core deprecates; the collection's module warns the plain AnsibleModule way)."""

DOMAIN = "warns"
TYPE = "Order"
FIELDS = {
    "OrderId": {"source": "_source.OrderId", "content_type": "STRING"},
    "Email": {"source": "_source.Email", "target": "_profile.EmailAddress", "content_type": "EMAIL_ADDRESS"},
}
KEYS = {
    "OrderId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["OrderId"]}],
    "_email": [{"standard_identifiers": ["PROFILE"], "field_names": ["Email"]}],
}


def test_a_warning_comes_without_a_deprecation(run_module, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    args = dict(domain_name=DOMAIN, object_type_name=TYPE)
    created = run_module(
        "customerprofiles_object_type",
        dict(args, description="Orders", allow_profile_creation=True, fields=FIELDS, keys=KEYS),
    )
    assert not created.failed, created
    cp_client.put_profile_object(DomainName=DOMAIN, ObjectTypeName=TYPE, Object='{"OrderId": "1", "Email": "a@b.c"}')

    result = run_module("customerprofiles_object_type", dict(args, state="absent"), check_mode=True)

    assert any("deletes every profile object" in str(warning) for warning in result["warnings"]), result
    assert result.get("deprecations", []) == [], result["deprecations"]

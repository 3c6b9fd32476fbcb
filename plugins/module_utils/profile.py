# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The profile half of the client layer: calls, option <-> API mapping, identity and comparison.

Profile fields hold personal data: nothing here ever puts a field value into a
message.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.awscx.customerprofiles.plugins.module_utils.compare import apply_changes
from ansible_collections.awscx.customerprofiles.plugins.module_utils.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils.core import CustomerProfilesErrorHandler
from ansible_collections.awscx.customerprofiles.plugins.module_utils.core import paginate
from ansible_collections.awscx.customerprofiles.plugins.module_utils.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_name
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_items
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_length
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_pattern

# --- the service's rules (botocore model of customer-profiles) ---------------------------

PROFILE_ID_PATTERN = r"^[a-f0-9]{32}$"
PROFILE_ID_RULE = "32 lowercase hexadecimal characters"
SEARCH_PAGE_SIZE = 100  # SearchProfiles MaxResults: 1-100
BATCH_GET_SIZE = 20  # BatchGetProfile ProfileIds: 1-20
MAX_SEARCH_KEYS = 5  # KeyName/Values plus at most 4 AdditionalSearchKeys

ADDRESS_FIELDS = ("address", "billing_address", "mailing_address", "shipping_address")
ADDRESS_KEYS = ("address_1", "address_2", "address_3", "address_4", "city", "country", "county", "postal_code", "province", "state")
# Plain string fields and their maximum length (the minimum is 1 on create; "" clears on update).
STRING_FIELDS = dict(
    (name, 1000 if name == "additional_information" else 255)
    for name in (
        "account_number", "additional_information", "birth_date", "business_email_address", "business_name",
        "business_phone_number", "email_address", "first_name", "gender_string", "home_phone_number", "last_name",
        "middle_name", "mobile_phone_number", "party_type_string", "personal_email_address", "phone_number",
    )
)
ENUM_FIELDS = dict(
    gender=["MALE", "FEMALE", "UNSPECIFIED"],
    party_type=["INDIVIDUAL", "BUSINESS", "OTHER"],
    profile_type=["ACCOUNT_PROFILE", "PROFILE"],
)
CONTACT_TYPES = [
    "PhoneNumber", "MobilePhoneNumber", "HomePhoneNumber", "BusinessPhoneNumber",
    "EmailAddress", "PersonalEmailAddress", "BusinessEmailAddress",
]

# match_by option -> (SearchProfiles key, the profile field compared exactly)
MATCH_BY = {
    "account_number": "_account",
    "email_address": "_email",
    "personal_email_address": "_email",
    "business_email_address": "_email",
    "phone_number": "_phone",
    "mobile_phone_number": "_phone",
    "home_phone_number": "_phone",
    "business_phone_number": "_phone",
}

# --- argument spec of the profile fields (shared by the profile module and the mapping) --

_CONTACT_PREFERENCE = dict(
    type="list",
    elements="dict",
    options=dict(
        key_name=dict(type="str", no_log=False),
        key_value=dict(type="str", no_log=False),
        profile_id=dict(type="str"),
        contact_type=dict(type="str", choices=CONTACT_TYPES),
    ),
)


def _field_spec():
    spec = {}
    for name in STRING_FIELDS:
        spec[name] = dict(type="str")
    for name in ADDRESS_FIELDS:
        spec[name] = dict(type="dict", options=dict((key, dict(type="str")) for key in ADDRESS_KEYS))
    spec["attributes"] = dict(type="dict")
    for name, choices in ENUM_FIELDS.items():
        spec[name] = dict(type="str", choices=list(choices))
    spec["engagement_preferences"] = dict(
        type="dict",
        options=dict(phone=copy.deepcopy(_CONTACT_PREFERENCE), email=copy.deepcopy(_CONTACT_PREFERENCE)),
    )
    return spec


PROFILE_FIELD_SPEC = _field_spec()
PROFILE_FIELDS = tuple(sorted(PROFILE_FIELD_SPEC))
PROFILE_NAMES = names_from_spec(PROFILE_FIELD_SPEC) | set(["profile_id"])


# --- calls ------------------------------------------------------------------------------


@CustomerProfilesErrorHandler.common_error_handler("search profiles")
def search_profiles(client, domain, key_name, values, additional_search_keys=None, logical_operator=None, limit=None):
    """Every profile SearchProfiles finds (all pages, or the first ``limit``), as API items."""
    params = dict(DomainName=domain, KeyName=key_name, Values=list(values))
    if additional_search_keys:
        params["AdditionalSearchKeys"] = list(additional_search_keys)
    if logical_operator:
        params["LogicalOperator"] = logical_operator
    return paginate(client.search_profiles, "Items", limit=limit, page_size=SEARCH_PAGE_SIZE, **params)


def get_profile_by_id(client, domain, profile_id):
    """The profile with that id (API item), or None. One SearchProfiles call."""
    for item in search_profiles(client, domain, "_profileId", [profile_id]):
        if item.get("ProfileId") == profile_id:
            return item
    return None


@CustomerProfilesErrorHandler.common_error_handler("get profiles")
def batch_get_profiles(client, domain, profile_ids):
    """The profiles (API items) of those ids that exist, in the order asked; unknown ids are skipped."""
    found = {}
    ids = list(dict.fromkeys(profile_ids))
    for start in range(0, len(ids), BATCH_GET_SIZE):
        response = client.batch_get_profile(aws_retry=True, DomainName=domain, ProfileIds=ids[start:start + BATCH_GET_SIZE])
        for item in response.get("Profiles", []):
            found[item.get("ProfileId")] = item
    return [found[profile_id] for profile_id in ids if profile_id in found]


@CustomerProfilesErrorHandler.common_error_handler("create profile")
def create_profile(client, domain, api_fields):
    """Create a profile; returns its new id."""
    return client.create_profile(aws_retry=True, DomainName=domain, **api_fields)["ProfileId"]


@CustomerProfilesErrorHandler.common_error_handler("update profile")
def update_profile(client, domain, profile_id, api_fields):
    return client.update_profile(aws_retry=True, DomainName=domain, ProfileId=profile_id, **api_fields)


@CustomerProfilesErrorHandler.deletion_error_handler("delete profile")
def delete_profile(client, domain, profile_id):
    client.delete_profile(aws_retry=True, DomainName=domain, ProfileId=profile_id)
    return True


# --- mapping ----------------------------------------------------------------------------


def prune(value):
    """Drop None, "" and empty dicts/lists at every level (what the service does not store)."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            item = prune(item)
            if item is None or item == "" or item == {} or item == []:
                continue
            result[key] = item
        return result
    if isinstance(value, list):
        return [prune(item) for item in value]
    return value


def describe_profile(api_item):
    """A SearchProfiles/BatchGetProfile item in the module's form (option names, attribute keys as stored)."""
    if not api_item:
        return {}
    item = dict((key, value) for key, value in api_item.items() if key != "FoundByItems")
    return prune(from_api(item, PROFILE_NAMES))


def fields_from_params(params):
    """The profile fields the user gave, None dropped at every level."""
    return strip_none(dict((name, params.get(name)) for name in PROFILE_FIELDS if params.get(name) is not None))


def profile_to_api(fields):
    """Module-form profile fields to CreateProfile/UpdateProfile members."""
    return to_api(fields)


def match_profiles(items, match_by, value):
    """The items whose ``match_by`` field equals ``value`` exactly (the search itself is broader)."""
    api_field = to_api({match_by: value}).popitem()[0]
    return [item for item in items if item.get(api_field) == value]


def find_by_match(client, domain, match_by, value):
    """The profiles (API items) whose ``match_by`` field equals ``value``. One search (all pages)."""
    return match_profiles(search_profiles(client, domain, MATCH_BY[match_by], [value]), match_by, value)


# --- comparison -------------------------------------------------------------------------


def desired_with_purge(current, desired, purge_attributes):
    """``desired`` plus "" for every stored attribute not given, when purging."""
    desired = copy.deepcopy(desired)
    if purge_attributes and desired.get("attributes") is not None:
        for key in (current or {}).get("attributes", {}):
            desired["attributes"].setdefault(key, "")
    return desired


def predict(current, desired):
    """The profile (module form) once ``desired`` is applied to ``current`` ({} for a new profile)."""
    return prune(apply_changes(current or {}, desired))


def update_request(current, after):
    """The module-form fields that UpdateProfile must send to turn ``current`` into ``after``.

    Only changed fields are sent; removed scalars are sent as "" (which clears them);
    addresses and attributes send only their changed keys ("" removing one);
    engagement preferences are sent whole (the service replaces them).
    """
    request = {}
    for name in sorted(set(current) | set(after)):
        if name == "profile_id":
            continue
        before_value, after_value = current.get(name), after.get(name)
        if before_value == after_value:
            continue
        if name in ADDRESS_FIELDS or name == "attributes":
            before_value, after_value = before_value or {}, after_value or {}
            request[name] = dict(
                (key, after_value.get(key, ""))
                for key in sorted(set(before_value) | set(after_value))
                if before_value.get(key) != after_value.get(key)
            )
        elif name == "engagement_preferences":
            after_value = after_value or {}
            request[name] = dict((kind, after_value.get(kind, [])) for kind in ("phone", "email"))
        else:
            request[name] = "" if after_value is None else after_value
    return request


def update_to_api(request):
    """UpdateProfile members from update_request(); "" values kept (they clear)."""
    api = {}
    for name, value in request.items():
        if name == "attributes":
            api["Attributes"] = dict(value)
        elif name == "engagement_preferences":
            api["EngagementPreferences"] = dict((kind.capitalize(), to_api(items)) for kind, items in value.items())
        else:
            api.update(to_api({name: value}))
    return api


# --- validation -------------------------------------------------------------------------


def check_profile_id(errors, option, value):
    if value is not None:
        check_pattern(errors, option, value, PROFILE_ID_PATTERN, PROFILE_ID_RULE)
        if value == "":
            errors.append("{0} must not be empty".format(option))


def check_fields(errors, fields):
    """The service's length rules for module-form profile fields ("" is allowed: it clears)."""
    for name, maximum in STRING_FIELDS.items():
        check_length(errors, name, fields.get(name), maximum=maximum)
    for name in ADDRESS_FIELDS:
        for key, value in (fields.get(name) or {}).items():
            check_length(errors, "{0}.{1}".format(name, key), value, maximum=255)
    check_attributes(errors, fields.get("attributes"))
    preferences = fields.get("engagement_preferences") or {}
    for kind in ("phone", "email"):
        for index, item in enumerate(preferences.get(kind) or []):
            option = "engagement_preferences.{0}[{1}]".format(kind, index)
            if not any(item.get(key) is not None for key in ("key_name", "key_value", "profile_id", "contact_type")):
                errors.append("{0} must set at least one of key_name, key_value, profile_id, contact_type".format(option))
            check_name(errors, item.get("key_name"), option + ".key_name")
            check_length(errors, option + ".key_value", item.get("key_value"), 1, 255)
            check_profile_id(errors, option + ".profile_id", item.get("profile_id"))


def check_attributes(errors, attributes):
    """Attribute keys 1-255 characters, values strings of at most 255 (numbers are accepted and sent as strings)."""
    if not attributes:
        return
    for key, value in attributes.items():
        if not 1 <= len(key) <= 255:
            errors.append("attributes: every key must be 1 to 255 characters long")
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            errors.append("attributes: the value of key {0} must be a string".format(key))
        elif len(str(value)) > 255:
            errors.append("attributes: the value of key {0} must be at most 255 characters long".format(key))


def normalize_attributes(fields):
    """Attribute values as the strings the service stores (42 -> "42")."""
    attributes = fields.get("attributes")
    if attributes:
        fields["attributes"] = dict((key, value if isinstance(value, str) else str(value)) for key, value in attributes.items())
    return fields


def check_search(errors, search):
    """SearchProfiles rules for the info module's search keys (they are field names and values: values are not echoed)."""
    for index, key in enumerate(search or []):
        option = "search[{0}]".format(index)
        check_name(errors, key.get("key_name"), option + ".key_name")
        check_items(errors, option + ".values", key.get("values"), minimum=1)
        for value in key.get("values") or []:
            check_length(errors, option + ".values", value, 1, 255)

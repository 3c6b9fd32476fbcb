# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The resources of object types: ObjectType (a domain's profile object type, with its objects), ProfileObject,
the templates, and the checks of a type's mapping (compile_definition), as the admin guide documents them.
The operations on them are in objects.py."""

import base64
import copy
import functools
import os
import re

from moto.core.utils import unix_time

from .common import now
from .errors import BadRequestException
from .errors import ResourceNotFoundException
from .mapping import SourceError
from .mapping import compile_source
from .tagging import Tagged
from .validation import operation_model
from .validation import service_model

OBJECT_TYPES = "object_types"
OBJECT_COLLECTIONS = (OBJECT_TYPES,)
# Quotas (administrator guide, "Customer Profiles service quotas" and "Field definitions ..."): defaults.
MAX_OBJECT_TYPES_PER_DOMAIN = 100
MAX_KEYS_PER_OBJECT_TYPE = 10  # every definition in a key's list counts
MAX_FIELDS_PER_OBJECT_TYPE = 250

# Members of the type definition that PutProfileObjectType replaces as a whole (Tags are not among them).
DEFINITION_MEMBERS = (
    "Description",
    "TemplateId",
    "ExpirationDays",
    "EncryptionKey",
    "AllowProfileCreation",
    "SourceLastUpdatedTimestampFormat",
    "MaxProfileObjectCount",
    "SourcePriority",
    "Fields",
    "Keys",
)
# With a TemplateId these come from the template; the API reference: "If these attributes are present in
# the request, the service may return a BadRequestException" (the emulator always does).
TEMPLATE_MEMBERS = ("AllowProfileCreation", "SourceLastUpdatedTimestampFormat", "Fields", "Keys")
RESERVED_LOOKUP_ONLY_KEYS = ("_profileId", "_orderId", "_caseId", "_assetId")
RESERVED_TARGETS = ("_profile.ProfileId", "_profile.ImportIds", "_profile.FoundByItems")
NOT_NAMES = ("Tags", "tags")


# model facts ------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def predefined_keys():
    """The predefined search keys SearchProfiles' KeyName documentation lists (_account, _email, ...)."""
    documentation = operation_model("SearchProfiles").input_shape.members["KeyName"].documentation or ""
    return tuple(dict.fromkeys(re.findall(r"(?<![A-Za-z0-9])_[a-zA-Z]+", documentation)))


@functools.lru_cache(maxsize=None)
def profile_field_shapes():
    """{member: shape} of the standard profile that a field Target may write (CreateProfile's members)."""
    members = operation_model("CreateProfile").input_shape.members
    return {name: shape for name, shape in members.items() if name != "DomainName"}


@functools.lru_cache(maxsize=None)
def standard_identifiers():
    return tuple(service_model().shape_for("StandardIdentifier").metadata["enum"])


# templates --------------------------------------------------------------------------------------------
def _field(source, target=None, content_type=None):
    out = {"Source": source}
    if target:
        out["Target"] = target
    if content_type:
        out["ContentType"] = content_type
    return out


def _key(identifiers, *field_names):
    out = {"FieldNames": list(field_names)}
    if identifiers:
        out["StandardIdentifiers"] = list(identifiers)
    return [out]


def _address(prefix, target_block, parts):
    return {
        "%s.%s" % (prefix, member): _field("_source.%s" % source, "_profile.%s.%s" % (target_block, member))
        for member, source in parts
    }


# A small illustrative set (not AWS's catalogue; names and shapes in the style of AWS's templates).
TEMPLATES = {
    "Salesforce-Account": {
        "SourceName": "Salesforce",
        "SourceObject": "Account",
        "AllowProfileCreation": True,
        "SourceLastUpdatedTimestampFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
        "Fields": dict(
            {
                "Id": _field("_source.Id"),
                "Name": _field("_source.Name", "_profile.BusinessName", "NAME"),
                "AccountNumber": _field("_source.AccountNumber", "_profile.AccountNumber"),
                "Phone": _field("_source.Phone", "_profile.BusinessPhoneNumber", "PHONE_NUMBER"),
                "Website": _field("_source.Website", "_profile.Attributes.Website"),
                "LastModifiedDate": _field(
                    "_source.LastModifiedDate", "_profile.Attributes.SalesforceLastModifiedDate"
                ),
            },
            **_address(
                "BillingAddress",
                "BillingAddress",
                (
                    ("Address1", "BillingStreet"),
                    ("City", "BillingCity"),
                    ("State", "BillingState"),
                    ("PostalCode", "BillingPostalCode"),
                    ("Country", "BillingCountry"),
                ),
            ),
        ),
        "Keys": {
            "_salesforceAccountId": _key(("PROFILE", "UNIQUE"), "Id"),
            "_account": _key((), "AccountNumber"),
            "_phone": _key((), "Phone"),
        },
    },
    "Salesforce-Contact": {
        "SourceName": "Salesforce",
        "SourceObject": "Contact",
        "AllowProfileCreation": True,
        "SourceLastUpdatedTimestampFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
        "Fields": dict(
            {
                "Id": _field("_source.Id"),
                "FirstName": _field("_source.FirstName", "_profile.FirstName", "NAME"),
                "LastName": _field("_source.LastName", "_profile.LastName", "NAME"),
                "Email": _field("_source.Email", "_profile.EmailAddress", "EMAIL_ADDRESS"),
                "Phone": _field("_source.Phone", "_profile.PhoneNumber", "PHONE_NUMBER"),
                "MobilePhone": _field("_source.MobilePhone", "_profile.MobilePhoneNumber", "PHONE_NUMBER"),
                "Birthdate": _field("_source.Birthdate", "_profile.BirthDate"),
                "FullName": _field(
                    "{{#removeExtraSpace}}{{_source.FirstName}} {{_source.LastName}}{{/removeExtraSpace}}",
                    content_type="NAME",
                ),
            },
            **_address(
                "MailingAddress",
                "MailingAddress",
                (
                    ("Address1", "MailingStreet"),
                    ("City", "MailingCity"),
                    ("State", "MailingState"),
                    ("PostalCode", "MailingPostalCode"),
                    ("Country", "MailingCountry"),
                ),
            ),
        ),
        "Keys": {
            "_salesforceContactId": _key(("PROFILE", "UNIQUE"), "Id"),
            "_email": _key((), "Email"),
            "_phone": _key((), "Phone"),
            "_fullName": _key((), "FullName"),
        },
    },
    "Shopify-Order": {
        "SourceName": "Shopify",
        "SourceObject": "Order",
        "AllowProfileCreation": True,
        "SourceLastUpdatedTimestampFormat": "yyyy-MM-dd'T'HH:mm:ssXXX",
        "Fields": dict(
            {
                "id": _field("_source.id"),
                "customer.id": _field("_source.customer.id", "_profile.Attributes.ShopifyCustomerId"),
                "email": _field("_source.email", "_profile.EmailAddress", "EMAIL_ADDRESS"),
                "customer.first_name": _field("_source.customer.first_name", "_profile.FirstName", "NAME"),
                "customer.last_name": _field("_source.customer.last_name", "_profile.LastName", "NAME"),
                "phone": _field("_source.phone", "_profile.PhoneNumber", "PHONE_NUMBER"),
                "total_price": _field("_source.total_price", content_type="NUMBER"),
            },
            **_address(
                "shipping_address",
                "ShippingAddress",
                (
                    ("Address1", "shipping_address.address1"),
                    ("City", "shipping_address.city"),
                    ("Province", "shipping_address.province"),
                    ("PostalCode", "shipping_address.zip"),
                    ("Country", "shipping_address.country_code"),
                ),
            ),
        ),
        "Keys": {
            "_shopifyOrderId": _key(("UNIQUE", "ORDER"), "id"),
            "_shopifyCustomerId": _key(("PROFILE",), "customer.id"),
            "_email": _key((), "email"),
        },
    },
}


def template(template_id):
    found = TEMPLATES.get(template_id)
    if found is None:
        raise ResourceNotFoundException("Template %s not found" % template_id)
    return found


# object types -----------------------------------------------------------------------------------------
class CompiledKey:  # pylint: disable=too-few-public-methods
    """One definition of a key: its name, identifiers, fields, and the ContentType of each field."""

    def __init__(self, name, definition, fields):
        self.name = name
        self.identifiers = frozenset(definition.get("StandardIdentifiers") or ())
        self.field_names = list(definition.get("FieldNames") or ())
        self.content_types = tuple(fields[field].get("ContentType") or "STRING" for field in self.field_names)
        self.is_profile = (
            "PROFILE" in self.identifiers or "LOOKUP_ONLY" in self.identifiers or "NEW_ONLY" in self.identifiers
        )
        self.is_secondary = "SECONDARY" in self.identifiers

    def content_type(self):
        """One ContentType for searched values of the key: its fields', when they agree, else STRING."""
        return self.content_types[0] if len(set(self.content_types)) == 1 else "STRING"


class ObjectType(Tagged):
    """A profile object type of a domain and the objects of that type."""

    def __init__(self, domain, name, tags):
        super().__init__("%s/object-types/%s" % (domain.arn, name), domain.tag_store, tags)
        self.name = name
        self.domain_name = domain.name
        self.created_at = now()
        self.last_updated_at = self.created_at
        self.definition = {}
        self.sources = {}  # field name -> compiled Source
        self.keys = []  # [CompiledKey]
        self.objects = {}  # ProfileObjectUniqueKey -> ProfileObject (ingestion order)
        self.by_unique = {}  # normalised UNIQUE key value -> ProfileObjectUniqueKey
        self.by_profile = {}  # profile id -> {ProfileObjectUniqueKey: None} (ordered)
        self.objects_size = 0

    def define(self, definition, sources, keys):
        self.definition = definition
        self.sources = sources
        self.keys = keys

    @property
    def priority(self):
        return self.definition.get("SourcePriority")

    def describe(self):
        out = {"ObjectTypeName": self.name}
        for member in DEFINITION_MEMBERS:
            if self.definition.get(member) not in (None, ""):
                out[member] = copy.deepcopy(self.definition[member])
        out["AllowProfileCreation"] = bool(self.definition.get("AllowProfileCreation"))
        out["CreatedAt"] = unix_time(self.created_at)
        out["LastUpdatedAt"] = unix_time(self.last_updated_at)
        out["Tags"] = self.tags
        return out

    def summary(self):
        out = {
            "ObjectTypeName": self.name,
            "Description": self.definition["Description"],
            "CreatedAt": unix_time(self.created_at),
            "LastUpdatedAt": unix_time(self.last_updated_at),
        }
        for member in ("MaxProfileObjectCount", "SourcePriority"):
            if self.definition.get(member) is not None:
                out[member] = self.definition[member]
        out["Tags"] = self.tags
        return out

    # objects ------------------------------------------------------------------------------------------
    def add(self, stored):
        previous = self.objects.get(stored.unique_key)
        if previous is not None:
            self.discard(previous.unique_key)
        self.objects[stored.unique_key] = stored
        self.by_unique[stored.unique_value] = stored.unique_key
        self.by_profile.setdefault(stored.profile_id, {})[stored.unique_key] = None
        self.objects_size += stored.size
        return previous

    def discard(self, unique_key):
        stored = self.objects.pop(unique_key, None)
        if stored is None:
            return None
        if self.by_unique.get(stored.unique_value) == unique_key:
            del self.by_unique[stored.unique_value]
        keys = self.by_profile.get(stored.profile_id)
        if keys is not None:
            keys.pop(unique_key, None)
            if not keys:
                del self.by_profile[stored.profile_id]
        self.objects_size -= stored.size
        return stored

    def objects_of(self, profile_id):
        return [self.objects[key] for key in self.by_profile.get(profile_id, ())]


class ProfileObject:  # pylint: disable=too-few-public-methods
    """A stored object: the JSON text as sent, its profile, and the key values stored for it."""

    __slots__ = ("unique_key", "unique_value", "profile_id", "text", "size", "keys")

    def __init__(self, unique_key, unique_value, profile_id, text, keys):
        self.unique_key = unique_key
        self.unique_value = unique_value
        self.profile_id = profile_id
        self.text = text
        self.size = len(text.encode("utf-8"))
        self.keys = keys  # {key name: {normalised value}}


def new_unique_key():
    return base64.urlsafe_b64encode(os.urandom(24)).decode("ascii")


def _upper_snake_targets():
    """{target object prefix (_asset, ...): its standard identifier (ASSET, ...)} for non-profile objects."""
    return {
        "_" + _camel_of(identifier): identifier
        for identifier in standard_identifiers()
        if identifier not in ("PROFILE", "UNIQUE", "SECONDARY", "LOOKUP_ONLY", "NEW_ONLY")
    }


def _camel_of(identifier):
    head, *rest = identifier.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


def _check_target(target, definition, problems, field_name, targeted_objects):
    """Validate a field Target; record which standard objects are targeted."""
    if target in RESERVED_TARGETS:
        problems.append("Field %s: Target %s is reserved for system use" % (field_name, target))
        return
    prefix, _dot, path = target.partition(".")
    if prefix == "_profile":
        parts = path.split(".")
        shapes = profile_field_shapes()
        if parts == ["SourceLastUpdatedTimestamp"]:
            if not definition.get("SourceLastUpdatedTimestampFormat"):
                problems.append(
                    "Field %s targets _profile.SourceLastUpdatedTimestamp: SourceLastUpdatedTimestampFormat is required"
                    % field_name
                )
            return
        member = shapes.get(parts[0])
        if member is None or not path:
            problems.append("Field %s: Target %s is not a field of the standard profile" % (field_name, target))
        elif member.type_name == "string" and len(parts) == 1:
            return
        elif member.type_name == "map" and len(parts) == 2 and parts[1]:
            return  # _profile.Attributes.<name>
        elif (
            member.type_name == "structure"
            and parts[0] != "EngagementPreferences"
            and len(parts) == 2
            and parts[1] in member.members
        ):
            return  # _profile.Address.City
        else:
            problems.append("Field %s: Target %s is not a field of the standard profile" % (field_name, target))
        return
    identifier = _upper_snake_targets().get(prefix)
    if identifier is None or not path:
        problems.append(
            "Field %s: Target %s names no standard object (_profile, _asset, _order, _case, ...)" % (field_name, target)
        )
        return
    if path == prefix.lstrip("_")[:1].upper() + prefix.lstrip("_")[1:] + "Id":
        problems.append("Field %s: Target %s is a system-managed ID" % (field_name, target))
        return
    targeted_objects.add((prefix, identifier))


def compile_definition(definition, other_types):
    """(sources, keys) of a type definition, or BadRequestException listing every rule it breaks
    (admin guide: "Before you submit", "Standard identifiers", "Key definitions", "Field definitions")."""
    problems = []
    fields = definition.get("Fields") or {}
    keys_in = definition.get("Keys") or {}
    if len(fields) > MAX_FIELDS_PER_OBJECT_TYPE:
        problems.append("An object type can define at most %d fields" % MAX_FIELDS_PER_OBJECT_TYPE)
    sources, targeted_objects, targets = {}, set(), {}
    for field_name, field in fields.items():
        if field_name in NOT_NAMES or not field_name[:1].isalpha():
            problems.append("Field name %s must start with a letter and cannot be Tags or tags" % field_name)
        if not field.get("Source"):
            problems.append("Field %s has no Source" % field_name)
        else:
            try:
                sources[field_name] = compile_source(field["Source"])
            except SourceError as exc:
                problems.append("Field %s: invalid Source: %s" % (field_name, exc))
        if field.get("Target"):
            _check_target(field["Target"], definition, problems, field_name, targeted_objects)
            targets[field["Target"]] = field_name
    for first, second in (("Gender", "GenderString"), ("PartyType", "PartyTypeString")):
        if "_profile." + first in targets and "_profile." + second in targets:
            problems.append("Fields cannot target both _profile.%s and _profile.%s" % (first, second))
    keys, count = [], 0
    for key_name, definitions in keys_in.items():
        if key_name in NOT_NAMES:
            problems.append("Key name %s is not allowed" % key_name)
        elif key_name.startswith("_") and key_name not in predefined_keys():
            problems.append(
                "Key name %s: a key name starting with _ must be a predefined key (%s)"
                % (key_name, ", ".join(predefined_keys()))
            )
        elif not key_name[:1].isalpha() and not key_name.startswith("_"):
            problems.append("Key name %s must start with a letter" % key_name)
        for entry in definitions or []:
            count += 1
            names = entry.get("FieldNames") or []
            if not names:
                problems.append("Key %s must reference at least one field" % key_name)
                continue
            missing = [name for name in names if name not in fields]
            if missing:
                problems.append("Key %s references fields not defined in Fields: %s" % (key_name, ", ".join(missing)))
                continue
            keys.append(CompiledKey(key_name, entry, fields))
    if count > MAX_KEYS_PER_OBJECT_TYPE:
        problems.append("An object type can define at most %d keys" % MAX_KEYS_PER_OBJECT_TYPE)
    if not keys_in:
        problems.append("Keys: at least one key is required (one UNIQUE and one PROFILE)")
    _check_identifiers(keys, definition, targeted_objects, problems)
    _check_content_types(keys, other_types, problems)
    if problems:
        raise BadRequestException("Invalid object type mapping: " + "; ".join(problems))
    return sources, keys


def _check_identifiers(keys, definition, targeted_objects, problems):
    unique = [key for key in keys if "UNIQUE" in key.identifiers]
    if len(unique) != 1 and keys:
        problems.append("Exactly one key must carry the UNIQUE identifier (found %d)" % len(unique))
    if keys and not any("PROFILE" in key.identifiers for key in keys):
        problems.append("At least one key must carry the PROFILE identifier")
    for key in keys:
        if "UNIQUE" in key.identifiers and key.identifiers & {"LOOKUP_ONLY", "NEW_ONLY"}:
            problems.append("Key %s: UNIQUE cannot be combined with LOOKUP_ONLY or NEW_ONLY" % key.name)
        if "SECONDARY" in key.identifiers and "PROFILE" not in key.identifiers:
            problems.append("Key %s: SECONDARY must be combined with PROFILE" % key.name)
        if key.name in RESERVED_LOOKUP_ONLY_KEYS and "LOOKUP_ONLY" not in key.identifiers:
            problems.append("Key %s is reserved and must be declared LOOKUP_ONLY" % key.name)
    plain_profile = any(
        "PROFILE" in key.identifiers and not key.identifiers & {"LOOKUP_ONLY", "NEW_ONLY"} for key in keys
    )
    restricted = [
        key.name
        for key in keys
        if "PROFILE" in key.identifiers and key.identifiers & {"LOOKUP_ONLY", "NEW_ONLY"} and key.name != "_profileId"
    ]
    if restricted and not plain_profile and definition.get("AllowProfileCreation"):
        problems.append(
            "Keys %s combine PROFILE with LOOKUP_ONLY or NEW_ONLY: at least one other key must use PROFILE on its own"
            % ", ".join(restricted)
        )
    carried = set().union(*(key.identifiers for key in keys)) if keys else set()
    for prefix, identifier in sorted(targeted_objects):
        if identifier not in carried:
            problems.append("Fields target %s: at least one key must carry the %s identifier" % (prefix, identifier))


def _check_content_types(keys, other_types, problems):
    existing = {}
    for other in other_types:
        for key in other.keys:
            existing.setdefault(key.name, set()).add(key.content_types)
    for key in keys:
        known = existing.get(key.name)
        if known and key.content_types not in known:
            problems.append(
                "Key %s exists in the domain with field content types %s; this definition has %s"
                % (key.name, " / ".join(",".join(types) for types in sorted(known)), ",".join(key.content_types))
            )

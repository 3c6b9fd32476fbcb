# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The operations on object types (PutProfileObjectType, ...), their templates, and profile objects
(PutProfileObject, BatchPutProfileObject, ListProfileObjects, DeleteProfileObject), with the ingestion that the admin
guide documents for object type mappings: fields map `_source` values onto the standard profile, keys find (or
create) the profile an object belongs to and make the profile searchable by their values.

ObjectsBackendMixin is a base class of models.CustomerProfilesBackend: one method per operation, named after it,
taking the request's members as keyword arguments. The resources (ObjectType, ProfileObject, templates, the checks of
a mapping) are in models_objects.py. Choices where AWS's documentation is silent are listed in README.md, "Object
types and profile objects".
"""

import copy
import json

from .common import identity
from .common import later_than
from .common import paginated
from .errors import BadRequestException
from .errors import ResourceNotFoundException
from .models_objects import DEFINITION_MEMBERS
from .models_objects import MAX_OBJECT_TYPES_PER_DOMAIN
from .models_objects import OBJECT_TYPES
from .models_objects import TEMPLATE_MEMBERS
from .models_objects import TEMPLATES
from .models_objects import ObjectType
from .models_objects import ProfileObject
from .models_objects import compile_definition
from .models_objects import new_unique_key
from .models_objects import profile_field_shapes
from .models_objects import template
from .search import NORMALIZERS
from .search import normalize
from .validation import validate


# ingestion --------------------------------------------------------------------------------------------
class Rejected(Exception):
    """An object the service rejects synchronously (HTTP status, message)."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def _parse_object(text):
    try:
        document = json.loads(text)
    except ValueError:
        raise Rejected(400, "Object is not valid JSON") from None
    if not isinstance(document, dict):
        raise Rejected(400, "Object must be a JSON object")
    return document


def _key_values(object_type, document):
    """([(CompiledKey, raw value, normalised value)] for every key whose fields all have a value,
    {field name: value})."""
    values = {name: source(document) for name, source in object_type.sources.items()}
    out = []
    for key in object_type.keys:
        parts = [values.get(name) for name in key.field_names]
        if any(part is None for part in parts):
            continue
        normalised = [normalize(content_type, part) for content_type, part in zip(key.content_types, parts)]
        out.append((key, "_".join(parts), "_".join(normalised)))
    return out, values


def _field_target_values(object_type, values):
    """[(target path under _profile, value)] of the fields that have a Target on the standard profile."""
    out = []
    for name, field in (object_type.definition.get("Fields") or {}).items():
        target = field.get("Target") or ""
        value = values.get(name)
        if value is None or not target.startswith("_profile.") or target == "_profile.SourceLastUpdatedTimestamp":
            continue
        out.append((target[len("_profile.") :], value))
    return out


def _valid_profile_value(path, value):
    """The value fits the profile member's shape (lengths, enums); otherwise the field is not written."""
    parts = path.split(".")
    shape = profile_field_shapes()[parts[0]]
    if len(parts) == 2:
        shape = shape.value if shape.type_name == "map" else shape.members[parts[1]]
    errors = []
    validate(shape, value, path, errors)
    return not errors


class ObjectsBackendMixin:
    """Object types and profile objects of CustomerProfilesBackend (uses get_domain_object, store_profile,
    new_profile and index_profile of the backend)."""

    # object types ---------------------------------------------------------------------------------------
    def _object_type(self, domain, name):
        found = getattr(domain, OBJECT_TYPES).get(name)
        if found is None:
            raise ResourceNotFoundException("Object type %s not found in domain %s" % (name, domain.name))
        return found

    def put_profile_object_type(self, DomainName, ObjectTypeName, **params):
        domain = self.get_domain_object(DomainName)
        name = ObjectTypeName
        types = getattr(domain, OBJECT_TYPES)
        if name.startswith("_"):
            raise BadRequestException(
                "Object type names cannot start with _ (reserved for standard object types): %s" % name
            )
        if name not in types and len(types) >= MAX_OBJECT_TYPES_PER_DOMAIN:
            raise BadRequestException(
                "Limit exceeded: domain %s already has %d object types, the maximum per domain"
                % (domain.name, MAX_OBJECT_TYPES_PER_DOMAIN)
            )
        definition = {member: copy.deepcopy(params[member]) for member in DEFINITION_MEMBERS if member in params}
        if "TemplateId" in definition:
            given = [member for member in TEMPLATE_MEMBERS if member in params]
            if given:
                raise BadRequestException(
                    "%s cannot be given with TemplateId: the template %s defines them"
                    % (", ".join(given), definition["TemplateId"])
                )
            try:
                found = template(definition["TemplateId"])
            except ResourceNotFoundException as exc:
                raise BadRequestException(exc.message) from None
            for member in TEMPLATE_MEMBERS:
                if member in found:
                    definition[member] = copy.deepcopy(found[member])
        sources, keys = compile_definition(definition, [t for t in types.values() if t.name != name])
        object_type = types.get(name)
        if object_type is None:
            object_type = types[name] = ObjectType(domain, name, params.get("Tags"))
        else:
            object_type.last_updated_at = later_than(object_type.last_updated_at)
        object_type.define(definition, sources, keys)
        return object_type.describe()

    def get_profile_object_type(self, DomainName, ObjectTypeName):
        domain = self.get_domain_object(DomainName)
        return self._object_type(domain, ObjectTypeName).describe()

    @paginated()
    def list_profile_object_types(self, DomainName):
        domain = self.get_domain_object(DomainName)
        return [object_type.summary() for object_type in getattr(domain, OBJECT_TYPES).values()]

    def delete_profile_object_type(self, DomainName, ObjectTypeName):
        domain = self.get_domain_object(DomainName)
        object_type = self._object_type(domain, ObjectTypeName)
        del getattr(domain, OBJECT_TYPES)[object_type.name]
        object_type.drop_tags()
        affected = list(object_type.by_profile)
        sources = _field_sources(domain)
        for profile_id in set(affected) | set(sources):
            self._scrub_fields(domain, profile_id, object_type.name)
        for profile_id in affected:
            if profile_id in domain.profiles:
                self.index_profile(domain, profile_id)
        return {
            "Message": "Object type %s was deleted, with its %d objects." % (object_type.name, len(object_type.objects))
        }

    def _scrub_fields(self, domain, profile_id, type_name):
        """Remove the standard profile fields that objects of type_name wrote (and nothing changed since)."""
        written = _field_sources(domain).get(profile_id)
        profile = domain.profiles.get(profile_id)
        if not written or profile is None:
            return
        changed = dict(profile)
        for path, (source_type, _priority, value) in list(written.items()):
            if source_type != type_name:
                continue
            del written[path]
            if _get_path(changed, path) == value:
                _remove_path(changed, path)
        if changed != profile:
            self.store_profile(domain, changed)

    @paginated()
    def list_profile_object_type_templates(self):  # pylint: disable=no-self-use
        items = [
            {"TemplateId": template_id, "SourceName": found["SourceName"], "SourceObject": found["SourceObject"]}
            for template_id, found in TEMPLATES.items()
        ]
        return items

    @staticmethod
    def get_profile_object_type_template(TemplateId):
        found = template(TemplateId)
        return dict(copy.deepcopy(found), TemplateId=TemplateId)

    # profile objects -------------------------------------------------------------------------------------
    def _ingest_target(self, domain, type_name):
        if type_name.startswith("_"):
            raise BadRequestException(
                "PutProfileObject cannot be called with a standard object type name: %s" % type_name
            )
        return self._object_type(domain, type_name)

    def put_profile_object(self, DomainName, ObjectTypeName, Object):
        domain = self.get_domain_object(DomainName)
        object_type = self._ingest_target(domain, ObjectTypeName)
        try:
            return {"ProfileObjectUniqueKey": self._ingest(domain, object_type, Object)}
        except Rejected as exc:
            raise BadRequestException(exc.message) from None

    def batch_put_profile_object(self, DomainName, ObjectTypeName, Items):
        domain = self.get_domain_object(DomainName)
        object_type = self._ingest_target(domain, ObjectTypeName)
        ids = [item["Id"] for item in Items]
        duplicates = sorted({item_id for item_id in ids if ids.count(item_id) > 1})
        if duplicates:
            raise BadRequestException("Items: duplicate Id %s" % ", ".join(duplicates))
        successful, failed = [], []
        for item in Items:
            try:
                successful.append(
                    {"Id": item["Id"], "ProfileObjectUniqueKey": self._ingest(domain, object_type, item["Object"])}
                )
            except Rejected as exc:
                failed.append({"Id": item["Id"], "Code": exc.status, "Message": exc.message})
        return {"Successful": successful, "Failed": failed}

    def _ingest(self, domain, object_type, text):
        """Store one object; return its ProfileObjectUniqueKey. Raises Rejected for an invalid object."""
        document = _parse_object(text)
        key_values, values = _key_values(object_type, document)
        unique = [entry for entry in key_values if "UNIQUE" in entry[0].identifiers]
        if not unique:
            raise Rejected(
                400,
                "Missing unique key: every field of the UNIQUE key of object type %s must have a value"
                % object_type.name,
            )
        # No value for any PROFILE key is not an error: no key matches, so AllowProfileCreation decides (admin
        # guide, "Profile matching and inferred profiles": "If no key produces a single match, the outcome
        # depends on AllowProfileCreation").
        profile_id = self._resolve_profile(domain, key_values)
        created = profile_id is None
        if created:
            if not object_type.definition.get("AllowProfileCreation"):
                _dead_letters(domain).append(
                    {
                        "object_type_name": object_type.name,
                        "object": text,
                        "reason": "No profile matched the object's PROFILE keys and AllowProfileCreation is false",
                        "dead_letter_queue_url": domain.dead_letter_queue_url,
                    }
                )
                return new_unique_key()
            profile_id = self.new_profile(domain, {})["ProfileId"]
        unique_value = unique[0][2]
        unique_key = object_type.by_unique.get(unique_value) or new_unique_key()
        stored_keys = {}
        for key, _raw, normal in key_values:
            if "LOOKUP_ONLY" in key.identifiers or ("NEW_ONLY" in key.identifiers and not created):
                continue
            stored_keys.setdefault(key.name, set()).add(normal)
        previous = object_type.add(ProfileObject(unique_key, unique_value, profile_id, text, stored_keys))
        self._write_fields(domain, profile_id, object_type, values, created)
        if previous is not None and previous.profile_id != profile_id and previous.profile_id in domain.profiles:
            self.index_profile(domain, previous.profile_id)
        return unique_key

    def _resolve_profile(self, domain, key_values):
        """The one profile the object's PROFILE keys find (primary keys first, then SECONDARY), else None."""
        for secondary in (False, True):
            for key, raw, normal in key_values:
                if not key.is_profile or key.is_secondary != secondary:
                    continue
                found = domain.index.lookup(key.name, dict.fromkeys((raw, normal)), identity)
                if len(found) == 1:
                    return next(iter(found))
        return None

    def _write_fields(self, domain, profile_id, object_type, values, created):
        """Write the object's Target fields onto the standard profile, as the admin guide's merge rules say:
        empty values never clear; a field set by CreateProfile/UpdateProfile (or changed since ingestion
        wrote it) is never overwritten, whatever the type's SourcePriority ("Additional properties of object
        types": ingestion "will not overwrite fields manually populated through an API call"); between object
        types the lower SourcePriority wins (none: lowest), equal priority: the latest."""
        profile = dict(domain.profiles[profile_id])
        written = _field_sources(domain).setdefault(profile_id, {})
        targets = _field_target_values(object_type, values)
        if created:
            targeted = {path for path, _value in targets}
            for name, field in (object_type.definition.get("Fields") or {}).items():
                automatic = {"EMAIL_ADDRESS": "EmailAddress", "PHONE_NUMBER": "PhoneNumber"}.get(
                    field.get("ContentType")
                )
                if automatic and not field.get("Target") and values.get(name) is not None and automatic not in targeted:
                    targets.append((automatic, values[name]))
                    targeted.add(automatic)
        for path, value in targets:
            if not _valid_profile_value(path, value):
                continue
            current = _get_path(profile, path)
            if current is not None and not created and not _may_overwrite(written.get(path), current, object_type):
                continue
            _set_path(profile, path, value)
            written[path] = (object_type.name, object_type.priority, value)
        self.store_profile(domain, profile)

    # objects of a profile ------------------------------------------------------------------------------
    def _profile_of(self, domain, profile_id):
        if profile_id not in domain.profiles:
            raise ResourceNotFoundException("Profile %s not found in domain %s" % (profile_id, domain.name))

    @paginated()
    def list_profile_objects(self, DomainName, ObjectTypeName, ProfileId, ObjectFilter=None):
        domain = self.get_domain_object(DomainName)
        object_type = self._object_type(domain, ObjectTypeName)
        self._profile_of(domain, ProfileId)
        stored = object_type.objects_of(ProfileId)
        wanted = ObjectFilter
        if wanted:
            normalizer = _type_key_normalizer(object_type, wanted["KeyName"])
            values = {normalizer(value) for value in wanted["Values"]}
            stored = [item for item in stored if item.keys.get(wanted["KeyName"], set()) & values]
        items = [
            {"ObjectTypeName": object_type.name, "ProfileObjectUniqueKey": item.unique_key, "Object": item.text}
            for item in stored
        ]
        return items

    def delete_profile_object(self, DomainName, ObjectTypeName, ProfileId, ProfileObjectUniqueKey):
        domain = self.get_domain_object(DomainName)
        object_type = self._object_type(domain, ObjectTypeName)
        self._profile_of(domain, ProfileId)
        stored = object_type.objects.get(ProfileObjectUniqueKey)
        if stored is None or stored.profile_id != ProfileId:
            raise ResourceNotFoundException(
                "Profile object %s not found for profile %s in object type %s"
                % (ProfileObjectUniqueKey, ProfileId, object_type.name)
            )
        object_type.discard(stored.unique_key)
        self.index_profile(domain, stored.profile_id)
        return {"Message": "Profile object %s was deleted." % stored.unique_key}

    # hooks of models.BackendHooks -----------------------------------------------------------------------
    def profile_custom_keys(self, domain, profile_id):
        keys = {}
        for object_type in getattr(domain, OBJECT_TYPES, {}).values():
            for stored in object_type.objects_of(profile_id):
                for name, values in stored.keys.items():
                    keys.setdefault(name, set()).update(values)
        return keys

    def key_normalizer(self, domain, key_name):
        for object_type in getattr(domain, OBJECT_TYPES, {}).values():
            for key in object_type.keys:
                if key.name == key_name:
                    return NORMALIZERS[key.content_type()]
        return identity

    def profile_removed(self, domain, profile_id):
        for object_type in getattr(domain, OBJECT_TYPES, {}).values():
            for stored in object_type.objects_of(profile_id):
                object_type.discard(stored.unique_key)
        _field_sources(domain).pop(profile_id, None)

    def dead_letter_items(self):
        out = []
        for domain in self.domains.values():
            for item in _dead_letters(domain):
                out.append(dict(item, account_id=self.account_id, region=self.region_name, domain_name=domain.name))
        return out


def _type_key_normalizer(object_type, key_name):
    for key in object_type.keys:
        if key.name == key_name:
            return NORMALIZERS[key.content_type()]
    return identity


def _field_sources(domain):
    """{profile id: {field path: (object type name, its SourcePriority, value written)}} of a domain."""
    found = getattr(domain, "object_field_sources", None)
    if found is None:
        found = domain.object_field_sources = {}
    return found


def _dead_letters(domain):
    found = getattr(domain, "object_dead_letters", None)
    if found is None:
        found = domain.object_dead_letters = []
    return found


def _rank(priority):
    return float("inf") if priority is None else priority


def _may_overwrite(source, current, object_type):
    if source is None or source[2] != current:
        return False  # a manual value (CreateProfile/UpdateProfile): ingestion never overwrites it
    if source[0] == object_type.name:
        return True
    return _rank(object_type.priority) <= _rank(source[1])


def _get_path(profile, path):
    head, _dot, rest = path.partition(".")
    value = profile.get(head)
    if rest:
        return value.get(rest) if isinstance(value, dict) else None
    return value


def _set_path(profile, path, value):
    head, _dot, rest = path.partition(".")
    if rest:
        block = dict(profile.get(head) or {})
        block[rest] = value
        profile[head] = block
    else:
        profile[head] = value


def _remove_path(profile, path):
    head, _dot, rest = path.partition(".")
    if rest:
        block = dict(profile.get(head) or {})
        block.pop(rest, None)
        if block:
            profile[head] = block
        else:
            profile.pop(head, None)
    else:
        profile.pop(head, None)

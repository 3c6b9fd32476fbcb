# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The object type resource (PutProfileObjectType), for customerprofiles_object_type and _info.

PutProfileObjectType replaces the whole definition: the request carries every member, the
current value for each option left out. The keys of ``fields`` and ``keys`` are data (field
and key names as the user wrote them): their values are converted here, one entry at a time,
so that transform.py never sees the names. The helpers reading an object type's keys
(``object_keys``) are shared with module_utils/profile_objects.py.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import complete_definition
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import differing_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import replaced_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import describe_dependents
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import object_type_dependents
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import input_shape
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import service_model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TaggedResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import tag_plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import text_values
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain import get_domain

# The sub-options of one entry of ``fields`` and of one item of a ``keys`` entry.
FIELD_OPTIONS = ("source", "target", "content_type")
KEY_OPTIONS = ("standard_identifiers", "field_names")

# option -> PutProfileObjectType member, the settings besides fields, keys and tags.
SETTINGS = option_members(
    "description",
    "template_id",
    "expiration_days",
    "encryption_key",
    "allow_profile_creation",
    "source_last_updated_timestamp_format",
    "max_profile_object_count",
    "source_priority",
)

# Members of GetProfileObjectType's answer that are not part of the definition sent back.
READ_ONLY = ("ObjectTypeName", "CreatedAt", "LastUpdatedAt", "MaxAvailableProfileObjectCount", "Tags", "DomainName")

# With TemplateId, the service takes these from the template and may refuse them in the request
# (PutProfileObjectType, TemplateId: "the service may return a BadRequestException").
FROM_TEMPLATE = option_members("allow_profile_creation", "source_last_updated_timestamp_format", "fields", "keys")

OBJECT_TYPE_ARGUMENT_SPEC = child_spec(
    "object_type_name",
    description=dict(type="str"),
    template_id=dict(type="str"),
    expiration_days=dict(type="int"),
    encryption_key=dict(type="str", no_log=False),
    allow_profile_creation=dict(type="bool"),
    source_last_updated_timestamp_format=dict(type="str"),
    max_profile_object_count=dict(type="int"),
    source_priority=dict(type="int"),
    fields=dict(type="dict"),
    keys=dict(type="dict", no_log=False),
    **TAG_OPTIONS,
)

OBJECT_TYPE_NAMES = names_from_spec(OBJECT_TYPE_ARGUMENT_SPEC)
TEMPLATE_NAMES = ("template_id", "source_name", "source_object")


# ---------------------------------------------------------------- reads


get_object_type, list_object_types = named_reads(
    "get_profile_object_type", "list_profile_object_types", "ObjectTypeName", kind="object type"
)


def get_template(client, template_id):
    return get_or_none(client.get_profile_object_type_template, "get object type template", TemplateId=template_id)


def list_templates(client):
    return list_all(client.list_profile_object_type_templates, "list object type templates")


# ---------------------------------------------------------------- shapes


# The members whose maps are keyed by user data (field and key names): kept as written or stored.
VERBATIM = ("Tags", "Fields", "Keys")


def describe_object_type(api):
    """An object type (or template) answer as the modules return it: snake_case, field and key names as stored."""
    if not api:
        return {}
    api = dict(api)
    api.pop("ResponseMetadata", None)
    if "Tags" in api or "ObjectTypeName" in api:
        api["Tags"] = dict(api.get("Tags") or {})
    return from_api(api, OBJECT_TYPE_NAMES | set(TEMPLATE_NAMES), VERBATIM)


def object_keys(object_type, identifier):
    """The names of the object type's keys whose StandardIdentifiers include ``identifier`` (PROFILE, UNIQUE), sorted."""
    keys = object_type.get("Keys") or {}
    return sorted(
        name
        for name, items in keys.items()
        if any(identifier in (item.get("StandardIdentifiers") or []) for item in items)
    )


def _shape_errors(option, value, sub_options, is_list):
    """Sub-option names of ``fields`` / ``keys`` entries that this module does not know (named, never valued)."""
    errors = []
    if value is None:
        return errors
    for name, entry in value.items():
        items = entry if is_list else [entry]
        if is_list and not isinstance(entry, list):
            errors.append("{0}.{1} must be a list, not a {2}".format(option, name, type(entry).__name__))
            continue
        for index, item in enumerate(items):
            path = "{0}.{1}[{2}]".format(option, name, index) if is_list else "{0}.{1}".format(option, name)
            if not isinstance(item, dict):
                errors.append("{0} must be a dict, not a {1}".format(path, type(item).__name__))
                continue
            unknown = sorted(set(item) - set(sub_options))
            if unknown:
                errors.append(
                    "{0}: unsupported sub-option(s) {1} (supported: {2})".format(
                        path, ", ".join(unknown), ", ".join(sub_options)
                    )
                )
    return errors


# The service's limit of fields per object type (the admin guide's quotas).
MAX_FIELDS = 250
# Standard identifiers that give a key a role instead of naming a standard object (_asset, _order, ...).
KEY_ROLES = ("PROFILE", "UNIQUE", "SECONDARY", "LOOKUP_ONLY", "NEW_ONLY")


def standard_objects():
    """The standard objects a field Target may write besides the profile: ``_asset``, ``_order``,
    ``_communicationRecord``, ... (from the model's StandardIdentifier enum)."""
    names = []
    for identifier in service_model().shape_for("StandardIdentifier").enum:
        if identifier not in KEY_ROLES:
            head, _sep, rest = identifier.lower().partition("_")
            names.append("_" + head + "".join(part.capitalize() for part in rest.split("_") if part))
    return names


def target_error(target, timestamp_format):
    """Why ``target`` is no place the service writes (None when it is one), from the admin guide's "Field
    definitions": a string field of the standard profile (``_profile.FirstName``), a member of one of its address
    blocks (``_profile.Address.City``), a custom attribute (``_profile.Attributes.<name>``),
    ``_profile.SourceLastUpdatedTimestamp`` (with source_last_updated_timestamp_format), or a member of another
    standard object (``_order.<member>``, ...) but not its system-managed id (``_order.OrderId``)."""
    prefix, _dot, path = target.partition(".")
    parts = path.split(".")
    if prefix == "_profile":
        if parts == ["SourceLastUpdatedTimestamp"]:
            return None if timestamp_format else "needs source_last_updated_timestamp_format"
        member = input_shape("CreateProfile").members.get(parts[0]) if parts[0] != "DomainName" else None
        kind = member.type_name if member is not None else None
        text_field = kind == "string" and len(parts) == 1
        map_key = kind == "map" and len(parts) == 2 and bool(parts[1])
        text_member = kind == "structure" and len(parts) == 2 and parts[1] in member.members
        if text_field or map_key or (text_member and member.members[parts[1]].type_name == "string"):
            return None
        return (
            "is not a field of the standard profile (_profile.FirstName, _profile.Address.City, "
            "_profile.Attributes.<name>, ...)"
        )
    if prefix not in standard_objects() or not path:
        return "names no standard object ({0}, {1})".format("_profile", ", ".join(standard_objects()))
    if path == prefix[1:2].upper() + prefix[2:] + "Id":
        return "is the standard object's system-managed id"
    return None


def mapping_errors(definition, format_known=True):
    """What the service refuses in a definition (API form) and the model cannot say: too many fields, a key naming
    a field that is not defined, a bad field Target. Messages name option paths (field and key names are names).

    ``format_known`` False: SourceLastUpdatedTimestampFormat is not in ``definition`` but may be in the current
    one (not read yet), so a target that needs it is not judged."""
    fields = definition.get("Fields") or {}
    errors = []
    if len(fields) > MAX_FIELDS:
        errors.append("fields: an object type can define at most {0} fields, not {1}".format(MAX_FIELDS, len(fields)))
    for name, field in sorted(fields.items()):
        target = (field or {}).get("Target")
        if not (target and isinstance(target, str)):
            continue
        problem = target_error(target, definition.get("SourceLastUpdatedTimestampFormat") or not format_known)
        if problem:
            errors.append("fields.{0}.target {1}".format(name, problem))
    for name, items in sorted((definition.get("Keys") or {}).items()):
        for index, item in enumerate(items or []):
            names = (item or {}).get("FieldNames")
            for position, field in enumerate(names if isinstance(names, list) else []):
                if field not in fields:
                    errors.append(
                        "keys.{0}[{1}].field_names[{2}] names no field defined in fields".format(name, index, position)
                    )
    return errors


class ObjectTypeResource(TaggedResource):
    argument_spec = OBJECT_TYPE_ARGUMENT_SPEC
    result_key = "object_type"
    verbatim_keys = VERBATIM
    answered_by = ("put_profile_object_type",)
    name_option = "object_type_name"
    arn_kind = "object-types"

    # validation -----------------------------------------------------------------------
    def validate(self):
        errors = _shape_errors("fields", self.params.get("fields"), FIELD_OPTIONS, False)
        errors.extend(_shape_errors("keys", self.params.get("keys"), KEY_OPTIONS, True))
        if errors:
            return errors
        return super(ObjectTypeResource, self).validate()

    def model_inputs(self):
        params = self.params
        options = dict((option, params.get(option)) for option, _member in SETTINGS)
        options.update(domain_name=params["domain_name"], object_type_name=params["object_type_name"])
        options["fields"] = params.get("fields")
        options["keys"] = params.get("keys")
        if params.get("tags"):
            options["tags"] = text_values(params["tags"])
        # "" clears the key (not sent); the model's rules apply to a key given.
        if options["encryption_key"] == "":
            options["encryption_key"] = None
        return [("PutProfileObjectType", options, "")]

    def extra_checks(self):
        params = self.params
        if params.get("description") == "":
            return ["description must have at least 1 characters"]
        if params.get("fields") is not None and not params.get("template_id"):
            # what the options alone show; plan() checks the whole definition (with the current members kept)
            return mapping_errors(
                self.desired(), format_known=params.get("source_last_updated_timestamp_format") is not None
            )
        return []

    @staticmethod
    def check_mapping(definition):
        """Before a write: the whole definition the put would send (not one made from a template)."""
        errors = [] if definition.get("TemplateId") else mapping_errors(definition)
        if errors:
            raise PlanError("Invalid options: " + "; ".join(errors) + "; nothing was changed")

    # the flow -------------------------------------------------------------------------
    def read(self):
        """The object type, and for state=absent the domain's object count and what names the type."""
        current = get_object_type(self.client, self.params["domain_name"], self.params["object_type_name"])
        if current is None or self.params["state"] != "absent":
            return current
        domain = get_domain(self.client, self.params["domain_name"]) or {}
        return Current(
            current,
            domain_object_count=(domain.get("Stats") or {}).get("ObjectCount"),
            dependents=object_type_dependents(self.client, self.params["domain_name"], self.params["object_type_name"]),
        )

    def desired(self):
        """The members the user gave (None: not given), in API shape."""
        params = self.params
        desired = dict((member, params.get(option)) for option, member in SETTINGS)
        # the names of fields and keys are data: transform keeps the keys of these maps as written
        maps = to_api(strip_none(dict(fields=params.get("fields"), keys=params.get("keys"))), self.verbatim_keys)
        desired["Fields"] = maps.get("Fields")
        desired["Keys"] = maps.get("Keys")
        return desired

    def plan_absent(self, found):
        if found.resource is None:
            return Plan(after=None)
        params = self.params
        count = found.domain_object_count
        warning = (
            "Deleting object type {0} deletes every profile object of that type from domain {1}, irreversibly "
            "(the domain holds {2} profile object(s) of all types).".format(
                params["object_type_name"], params["domain_name"], "an unknown number of" if count is None else count
            )
        )
        if found.dependents:
            # The API reference: DeleteProfileObjectType "also disables integrations from this specific
            # ProfileObjectType"; it does not refuse the delete.
            warning += (
                " It is named by {0}: the service deletes it anyway, disables those integrations for it, and what "
                "names it keeps naming a type that no longer exists.".format(describe_dependents(found.dependents))
            )
        call = Call(
            "delete_profile_object_type",
            dict(DomainName=params["domain_name"], ObjectTypeName=params["object_type_name"]),
            "delete object type",
        )
        return Plan(
            [call],
            after=None,
            warnings=[warning],
            diff_header=warning,
            domain_object_count=count,
            dependents=found.dependents,
        )

    def plan_create(self, found):
        params = self.params
        if not params.get("description"):
            raise PlanError(
                "description is required to create object type {0}, which does not exist".format(
                    params["object_type_name"]
                )
            )
        if params.get("template_id"):
            given = [option for option, _member in FROM_TEMPLATE if params.get(option) is not None]
            if given:
                raise PlanError(
                    "Invalid options: {0}: not allowed with template_id to create object type {1} (the template "
                    "defines them; the service refuses them with TemplateId); nothing was changed".format(
                        ", ".join(given), params["object_type_name"]
                    )
                )
        definition = strip_none(self.desired())
        if definition.get("EncryptionKey") == "":
            definition.pop("EncryptionKey")
        self.check_mapping(definition)
        request = dict(definition, DomainName=params["domain_name"], ObjectTypeName=params["object_type_name"])
        tags = text_values(params.get("tags"))
        if tags:
            request["Tags"] = tags
        after = copy.deepcopy(request)
        after.pop("DomainName")
        after["Tags"] = dict(tags or {})
        return Plan([Call("put_profile_object_type", request, "create object type")], after=after)

    def plan_update(self, found):
        params = self.params
        current = found.resource
        desired = self.desired()
        template_id = desired.get("TemplateId") or current.get("TemplateId")
        if template_id:
            # what the template supplies may be given as it is (a read-back given back), never changed
            given = [option for option, member in FROM_TEMPLATE if member in differing_members(current, desired)]
            if given:
                raise PlanError(
                    "Object type {0} is defined by template {1}, which supplies {2}; nothing was changed".format(
                        params["object_type_name"], template_id, ", ".join(given)
                    )
                )
        comparable = dict(current)
        comparable.setdefault("EncryptionKey", "")
        changed = differing_members(comparable, desired)
        calls = []
        if changed:
            read_only = READ_ONLY + (tuple(member for _option, member in FROM_TEMPLATE) if template_id else ())
            definition = complete_definition(current, desired, read_only=read_only)
            if definition.get("EncryptionKey") == "":
                definition.pop("EncryptionKey")
            self.check_mapping(definition)
            request = dict(definition, DomainName=params["domain_name"], ObjectTypeName=params["object_type_name"])
            calls.append(Call("put_profile_object_type", request, "update object type"))
        after = replaced_members(current, desired, changed)
        after["Tags"] = tag_plan(calls, self.arn_path(), current.get("Tags") or {}, params)
        return Plan(calls, after=after)

    def describe(self, result):
        return describe_object_type(result)

    def result(self, plan, outcome):
        result = {self.result_key: self.describe(outcome)}
        if plan.dependents is not None:
            result["domain_object_count"] = plan.domain_object_count
            result["dependents"] = plan.dependents
        return result


class ObjectTypeLister(Lister):
    argument_spec = dict(
        domain_name=dict(type="str"),
        object_type_name=dict(type="str", aliases=["name"]),
        template_id=dict(type="str"),
        list_templates=dict(type="bool", default=False),
    )
    module_kwargs = dict(
        required_by=dict(object_type_name="domain_name"),
        required_one_of=[["domain_name", "template_id", "list_templates"]],
        mutually_exclusive=[["template_id", "list_templates"]],
    )
    result_key = "object_types"

    templates = ()

    def model_inputs(self):
        params = self.params
        inputs = []
        if params["domain_name"] is not None:
            inputs.append(
                (
                    "GetProfileObjectType",
                    dict(domain_name=params["domain_name"], object_type_name=params["object_type_name"]),
                    "",
                )
            )
        if params["template_id"] is not None:
            inputs.append(("GetProfileObjectTypeTemplate", dict(template_id=params["template_id"]), ""))
        return inputs

    def extra_checks(self):
        params = self.params
        if not (params["list_templates"] or params["template_id"] is not None or params["domain_name"] is not None):
            return ["one of domain_name, template_id or list_templates=true is required"]
        return []

    def read_templates(self):
        params = self.params
        if params["template_id"] is not None:
            template = get_template(self.client, params["template_id"])
            self.templates = [] if template is None else [template]
        elif params["list_templates"]:
            self.templates = list_templates(self.client)

    def wanted_one(self):
        self.read_templates()
        return self.params["object_type_name"] is not None

    def get_one(self):
        return get_object_type(self.client, self.params["domain_name"], self.params["object_type_name"])

    def list_all(self):
        domain_name = self.params["domain_name"]
        if domain_name is None:
            return []
        types = (
            get_object_type(self.client, domain_name, item["ObjectTypeName"])
            for item in list_object_types(self.client, domain_name)
        )
        return [item for item in types if item is not None]

    def describe(self, item):
        return describe_object_type(item)

    def result(self, items):
        result = super(ObjectTypeLister, self).result(items)
        result["templates"] = [describe_object_type(template) for template in self.templates]
        return result

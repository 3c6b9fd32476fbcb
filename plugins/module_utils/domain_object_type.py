# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Domain object types (PutDomainObjectType), for customerprofiles_domain_object_type and _info.

PutDomainObjectType creates or replaces the whole definition: the request carries every member, the current value
for each option left out (the rule of customerprofiles_object_type). The keys of ``fields`` are field names (data):
kept as written. Its reference: "To create a new DomainObjectType, Data Store needs to be enabled on the Domain":
before a create the domain is read (GetDomain), and a domain whose data store is not enabled fails naming it, before
any write.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import complete_definition
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import differing_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import replaced_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import tag_plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain import get_domain

# The sub-options of one entry of ``fields`` (the model's DomainObjectTypeField).
FIELD_OPTIONS = dict(
    source=dict(type="str", required=True),
    target=dict(type="str", required=True),
    content_type=dict(type="str"),
    feature_type=dict(type="str"),
)

DOMAIN_OBJECT_TYPE_ARGUMENT_SPEC = child_spec(
    "object_type_name",
    description=dict(type="str"),
    encryption_key=dict(type="str", no_log=False),
    # map: field name (data, kept as written) -> {source, target, content_type, feature_type}
    fields=dict(type="dict"),
    **TAG_OPTIONS,
)

# option -> PutDomainObjectType member (besides the names and tags)
MEMBERS = option_members("description", "encryption_key", "fields")
# Members of a GetDomainObjectType answer that are not part of the definition sent back.
READ_ONLY = ("ObjectTypeName", "CreatedAt", "LastUpdatedAt", "Tags")
# The members whose maps are keyed by names: tags and the field names of Fields.
VERBATIM = ("Tags", "Fields")
NAMES = names_from_spec(dict(DOMAIN_OBJECT_TYPE_ARGUMENT_SPEC, **FIELD_OPTIONS))


# ---------------------------------------------------------------- reads


get_domain_object_type, list_domain_object_types = named_reads(
    "get_domain_object_type", "list_domain_object_types", "ObjectTypeName"
)


def describe_domain_object_type(api, domain_name=None):
    """A domain object type as the modules return it ({} when absent); field names as stored."""
    return describe(api, NAMES, VERBATIM, **({"DomainName": domain_name} if domain_name else {}))


def data_store_error(domain, domain_name, name):
    """Why domain object type ``name`` cannot be created in ``domain`` (GetDomain's answer, None: no domain)."""
    if domain is None:
        return "domain_name: domain {0} does not exist; create it first. Nothing was changed.".format(domain_name)
    if ((domain.get("DataStore") or {}).get("Enabled")) is not True:
        return (
            "data_store: domain {0} has no data store enabled, and the service creates domain object type {1} only "
            "in a domain whose data store is enabled (PutDomainObjectType); enable it first "
            "(awscx.customerprofiles.customerprofiles_domain with data_store.enabled=true). Nothing was "
            "changed.".format(domain_name, name)
        )
    return None


class DomainObjectTypeResource(DomainChild):
    """PutDomainObjectType creates and updates: an update sends the whole definition (the current members, the
    options given over them). Its answer is the type."""

    argument_spec = DOMAIN_OBJECT_TYPE_ARGUMENT_SPEC
    result_key = "domain_object_type"
    kind = "domain object type"
    verbatim_keys = VERBATIM
    name_option = "object_type_name"
    name_member = "ObjectTypeName"
    arn_kind = "domain-object-types"
    create_operation = "PutDomainObjectType"
    members = MEMBERS
    required_to_create = option_members("fields")
    read_only = READ_ONLY
    create_method = "put_domain_object_type"
    delete_method = "delete_domain_object_type"
    answered_by = ("put_domain_object_type",)
    reads_one = staticmethod(get_domain_object_type)

    def read(self):
        current = self.get()
        enabled_alongside = self.managed_alongside("data_store", "enabled")
        if current is None and self.params["state"] == "present" and not enabled_alongside:
            # the service refuses the create in a domain without a data store, after check mode predicted it (a
            # domain_config document that enables the data store enables it first)
            error = data_store_error(
                get_domain(self.client, self.params["domain_name"]), self.params["domain_name"], self.name
            )
            if error:
                raise PlanError(error)
        return current

    def plan_create(self, found):
        """The create, without an ``encryption_key`` of ``""`` (no key: nothing to send)."""
        plan = super(DomainObjectTypeResource, self).plan_create(found)
        if plan.calls[0].request.get("EncryptionKey") == "":
            plan.calls[0].request.pop("EncryptionKey")
            plan.after.pop("EncryptionKey")
        return plan

    def plan_update(self, found):
        """One PutDomainObjectType with the whole definition when a member differs (``""`` clears the key: it is left
        out of the put); tags through TagResource/UntagResource."""
        resource = found.resource
        desired = self.desired()
        comparable = dict(resource)
        comparable.setdefault("EncryptionKey", "")
        changed = differing_members(comparable, desired)
        calls = []
        if changed:
            definition = complete_definition(resource, desired, self.read_only)
            if definition.get("EncryptionKey") == "":
                definition.pop("EncryptionKey")
            calls.append(Call(self.create_method, dict(definition, **self.identity()), "update " + self.kind))
        after = replaced_members(resource, desired, changed)
        after["Tags"] = tag_plan(calls, self.arn_path(), resource.get("Tags") or {}, self.params)
        return Plan(calls, after=after)

    def describe(self, result):
        return describe_domain_object_type(result, self.params["domain_name"])


# Every type is described by GetDomainObjectType (the list items lack the fields).
DomainObjectTypeLister = named_lister(
    DomainObjectTypeResource, "GetDomainObjectType", "domain_object_types", list_domain_object_types
)

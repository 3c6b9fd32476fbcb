# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Segment definitions, for customerprofiles_segment_definition and _info (with GetSegmentMembership).

A segment definition has no update operation: any difference in its members fails naming the options,
unless ``recreate`` deletes it and creates it again. The option tree of ``segment_groups`` follows the
model's SegmentGroup shapes; its repeated parts (a profile dimension, an address) are written once here.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesErrorHandler
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import list_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import (
    get_calculated_attribute,
)
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import describe_profile


def _dimension():
    """A condition on one profile field (the model's ProfileDimension, DateDimension, ProfileTypeDimension...)."""
    return dict(dimension_type=dict(type="str", required=True), values=dict(type="list", elements="str", required=True))


ADDRESS_PARTS = ("city", "country", "county", "postal_code", "province", "state")
ADDRESS_FIELDS = ("address", "shipping_address", "mailing_address", "billing_address")
# The profile fields a segment dimension can test, in the order of the model's ProfileAttributes shape.
PROFILE_DIMENSION_FIELDS = (
    "account_number",
    "additional_information",
    "first_name",
    "last_name",
    "middle_name",
    "gender_string",
    "party_type_string",
    "birth_date",
    "phone_number",
    "business_name",
    "business_phone_number",
    "home_phone_number",
    "mobile_phone_number",
    "email_address",
    "personal_email_address",
    "business_email_address",
)


def _profile_attributes_options():
    options = dict((field, dict_option(_dimension())) for field in PROFILE_DIMENSION_FIELDS)
    address = dict((part, dict_option(_dimension())) for part in ADDRESS_PARTS)
    for field in ADDRESS_FIELDS:
        options[field] = dict_option(copy.deepcopy(address))
    # map: custom attribute name (data, kept as written) -> {dimension_type, values}
    options["attributes"] = dict(type="dict")
    options["profile_type"] = dict_option(_dimension())
    return options


GROUP_OPTIONS = dict(
    dimensions=list_option(
        dict(
            profile_attributes=dict_option(_profile_attributes_options()),
            # map: calculated attribute name -> {dimension_type, values, condition_overrides}
            calculated_attributes=dict(type="dict"),
        )
    ),
    source_segments=list_option(dict(segment_definition_name=dict(type="str"))),
    source_type=dict(type="str"),
    type=dict(type="str"),
)

SEGMENT_GROUPS_OPTIONS = dict(
    groups=list_option(GROUP_OPTIONS),
    include=dict(type="str"),
)

SEGMENT_SORT_OPTIONS = dict(
    attributes=list_option(
        dict(
            name=dict(type="str", required=True),
            data_type=dict(type="str"),
            order=dict(type="str", required=True),
            type=dict(type="str"),
        ),
        required=True,
    ),
)

SEGMENT_DEFINITION_ARGUMENT_SPEC = child_spec(
    "segment_definition_name",
    display_name=dict(type="str"),
    description=dict(type="str"),
    segment_groups=dict_option(SEGMENT_GROUPS_OPTIONS),
    segment_sql_query=dict(type="str"),
    segment_sort=dict_option(SEGMENT_SORT_OPTIONS),
    **TAG_OPTIONS,
    recreate=dict(type="bool", default=False),
)

# option -> CreateSegmentDefinition member
MEMBERS = option_members("display_name", "description", "segment_groups", "segment_sql_query", "segment_sort")
# Members of a GetSegmentDefinition answer that are never sent back.
READ_ONLY = ("SegmentDefinitionName", "SegmentDefinitionArn", "CreatedAt", "Tags", "SegmentType")
# The two ways of defining the audience: exactly one of them.
EXCLUSIVE = (("SegmentGroups", "SegmentSqlQuery"),)

NAMES = names_from_spec(SEGMENT_DEFINITION_ARGUMENT_SPEC)
# The members whose maps are keyed by user data: tags and a segment dimension's Attributes and CalculatedAttributes.
VERBATIM = ("Tags", "Attributes", "CalculatedAttributes")
MEMBERSHIP_NAMES = ("profile_ids", "segment_definition_name")


# ---------------------------------------------------------------- reads


get_segment_definition, list_segment_definitions = named_reads(
    "get_segment_definition", "list_segment_definitions", "SegmentDefinitionName"
)


@CustomerProfilesErrorHandler.common_error_handler("get segment membership")
def get_segment_membership(client, domain_name, name, profile_ids):
    response = client.get_segment_membership(
        aws_retry=True, DomainName=domain_name, SegmentDefinitionName=name, ProfileIds=profile_ids
    )
    response.pop("ResponseMetadata", None)
    return response


def describe_segment_definition(api):
    """A segment definition as the modules return it (snake_case, data map keys as stored)."""
    return describe(api, NAMES, VERBATIM)


def describe_membership(api):
    """A GetSegmentMembership answer in option form; each present profile as customerprofiles_profile_info describes it."""
    result = from_api(
        dict((key, value) for key, value in api.items() if key not in ("Profiles", "Failures")), MEMBERSHIP_NAMES
    )
    result["profiles"] = []
    for item in api.get("Profiles") or []:
        entry = dict(profile_id=item.get("ProfileId"), query_result=item.get("QueryResult"))
        if item.get("Profile"):
            entry["profile"] = describe_profile(item["Profile"])
        result["profiles"].append(entry)
    result["failures"] = [from_api(item) for item in api.get("Failures") or []]
    return result


def segment_references(segment_groups):
    """(option path, kind, name) of every source segment and calculated attribute that ``segment_groups`` names."""
    references = []
    for index, group in enumerate((segment_groups or {}).get("groups") or []):
        path = "segment_groups.groups[{0}]".format(index)
        for position, source in enumerate(group.get("source_segments") or []):
            if source.get("segment_definition_name"):
                references.append(
                    (
                        "{0}.source_segments[{1}].segment_definition_name".format(path, position),
                        "segment definition",
                        source["segment_definition_name"],
                    )
                )
        for position, dimension in enumerate(group.get("dimensions") or []):
            for name in sorted((dimension or {}).get("calculated_attributes") or {}):
                references.append(
                    (
                        "{0}.dimensions[{1}].calculated_attributes.{2}".format(path, position, name),
                        "calculated attribute",
                        name,
                    )
                )
    return references


def check_references(contract, segment_groups):
    """Before a call that takes ``segment_groups`` (a create, an estimate): every source segment and calculated
    attribute it names exists (the service refuses the call otherwise, after check mode predicted it). One read each,
    with ``contract``'s client in its domain; a reference the same task makes first (``managed_alongside``) is not
    read."""
    domain = contract.params["domain_name"]
    getters = {"segment definition": get_segment_definition, "calculated attribute": get_calculated_attribute}
    kinds = {"segment definition": "segment_definitions", "calculated attribute": "calculated_attributes"}
    exists = {}
    missing = []
    for path, kind, name in segment_references(segment_groups):
        if (kind, name) not in exists:
            exists[(kind, name)] = contract.managed_alongside(kinds[kind], name) or (
                getters[kind](contract.client, domain, name) is not None
            )
        if not exists[(kind, name)]:
            missing.append((path, kind, name))
    if missing:
        reasons = [
            "{0}: {1} {2} does not exist in domain {3}".format(path, kind, name, domain) for path, kind, name in missing
        ]
        raise PlanError("; ".join(reasons + ["create it first. Nothing was changed."]))


class SegmentDefinitionResource(DomainChild):
    """No update: any difference is replaced. CreateSegmentDefinition answers without the definition itself: it
    is read back once (``read_back_after_create``)."""

    argument_spec = SEGMENT_DEFINITION_ARGUMENT_SPEC
    module_kwargs = dict(mutually_exclusive=[("segment_groups", "segment_sql_query")])
    result_key = "segment_definition"
    kind = "segment definition"
    verbatim_keys = VERBATIM
    name_option = "segment_definition_name"
    name_member = "SegmentDefinitionName"
    arn_kind = "segment-definitions"
    create_operation = "CreateSegmentDefinition"
    members = MEMBERS
    read_only = READ_ONLY
    exclusive = EXCLUSIVE
    create_method = "create_segment_definition"
    delete_method = "delete_segment_definition"
    read_back_after_create = True
    reads_one = staticmethod(get_segment_definition)
    reports_recreated = True

    def read(self):
        current = self.get()
        if current and current.get("SegmentDefinitionArn"):
            self._arn = current["SegmentDefinitionArn"]  # the service's own ARN, for tag calls
        if self.params["state"] == "present" and (current is None or self.params["recreate"]):
            self.check_references()
        return current

    def check_references(self):
        """Before a create: the references of ``segment_groups`` exist (check_references)."""
        check_references(self, self.params.get("segment_groups"))

    def missing_to_create(self, desired):
        missing = []
        if "DisplayName" not in desired:
            missing.append("display_name")
        if "SegmentGroups" not in desired and "SegmentSqlQuery" not in desired:
            missing.append("segment_groups or segment_sql_query")
        return missing

    def describe(self, result):
        return describe_segment_definition(result)


class SegmentDefinitionLister(
    named_lister(
        SegmentDefinitionResource,
        "GetSegmentDefinition",
        "segment_definitions",
        list_segment_definitions,
        profile_ids=dict(type="list", elements="str"),
    )
):
    """With ``profile_ids``, the definition's membership of those profiles too (GetSegmentMembership)."""

    module_kwargs = dict(required_by=dict(profile_ids="segment_definition_name"))
    membership = None

    def model_inputs(self):
        inputs = super(SegmentDefinitionLister, self).model_inputs()
        if self.params.get("profile_ids") is not None:
            options = dict(inputs[0][1], profile_ids=self.params["profile_ids"])
            inputs.append(("GetSegmentMembership", options, ""))
        return inputs

    def get_one(self):
        domain, name = self.params["domain_name"], self.params["segment_definition_name"]
        item = self.get(name)
        if self.params.get("profile_ids") is not None:
            self.membership = {}
            if item is not None:
                self.membership = describe_membership(
                    get_segment_membership(self.client, domain, name, self.params["profile_ids"])
                )
        return item

    def result(self, items):
        result = super(SegmentDefinitionLister, self).result(items)
        if self.membership is not None:
            result["segment_membership"] = self.membership
        return result

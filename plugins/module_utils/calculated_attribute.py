# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Calculated attribute definitions, for customerprofiles_calculated_attribute and _info.

Also the option <-> API mapping of the analytics shapes (shared with segment_definition.py): their
maps keyed by user data (``Tags``, a filter dimension's ``Attributes``, a segment dimension's
``Attributes`` and ``CalculatedAttributes``) keep their keys as written while their values, which are
structures, are mapped like any other (transform.to_api would keep those values as given).

The service updates only DisplayName, Description and Conditions of a definition
(UpdateCalculatedAttributeDefinition); a difference in any other member fails naming the options,
unless ``recreate`` deletes the definition and creates it again.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import (
    calculated_attribute_dependents,
)
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import describe_dependents
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import bad_request_message
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import list_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import refusal_explained
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_camel

# "Maximum number of calculated attributes per domain" (Amazon Connect administrator guide, not adjustable).
MAX_PER_DOMAIN = 50

# The members whose maps are keyed by user data: tags and a filter dimension's Attributes.
VERBATIM = ("Tags", "Attributes")


# ---------------------------------------------------------------- option <-> API mapping


def spec_model_differences(argument_spec, shape, path=""):
    """Where an option tree and a model shape disagree (options the shape lacks, members the spec lacks).

    A free-form dict option (no sub-options) stands for a map shape and is not walked. Used by the tests
    that keep the hand-written specs equal to the model they were derived from.
    """
    differences = []
    if shape.type_name == "list":
        shape = shape.member
    if shape.type_name != "structure":
        return differences
    members = dict((to_camel(name), name) for name in argument_spec)
    for member in shape.members:
        if member not in members:
            differences.append("{0}: no option for member {1}".format(path or "the options", member))
    for member, name in members.items():
        option_path = "{0}.{1}".format(path, name) if path else name
        if member not in shape.members:
            differences.append("{0}: the model has no member {1}".format(option_path, member))
        elif argument_spec[name].get("options"):
            differences.extend(
                spec_model_differences(argument_spec[name]["options"], shape.members[member], option_path)
            )
    return differences


# ---------------------------------------------------------------- options

INCLUDE_OPTIONS = ("ALL", "ANY", "NONE")

CONDITIONS_OPTIONS = dict(
    range=dict_option(
        dict(
            value=dict(type="int"),
            unit=dict(type="str"),
            value_range=dict_option(dict(start=dict(type="int", required=True), end=dict(type="int", required=True))),
            timestamp_source=dict(type="str"),
            timestamp_format=dict(type="str"),
        )
    ),
    object_count=dict(type="int"),
    threshold=dict_option(dict(value=dict(type="str", required=True), operator=dict(type="str", required=True))),
)

FILTER_OPTIONS = dict(
    include=dict(type="str", required=True),
    groups=list_option(
        dict(
            type=dict(type="str", required=True),
            dimensions=list_option(dict(attributes=dict(type="dict", required=True)), required=True),
        ),
        required=True,
    ),
)

ATTRIBUTE_DETAILS_OPTIONS = dict(
    attributes=list_option(dict(name=dict(type="str", required=True)), required=True),
    expression=dict(type="str", required=True),
)

CALCULATED_ATTRIBUTE_ARGUMENT_SPEC = child_spec(
    "calculated_attribute_name",
    display_name=dict(type="str"),
    description=dict(type="str"),
    attribute_details=dict_option(ATTRIBUTE_DETAILS_OPTIONS),
    conditions=dict_option(CONDITIONS_OPTIONS),
    filter=dict_option(FILTER_OPTIONS),
    statistic=dict(type="str"),
    use_historical_data=dict(type="bool"),
    **TAG_OPTIONS,
    recreate=dict(type="bool", default=False),
)

# option -> CreateCalculatedAttributeDefinition member, in the order of the request shape
MEMBERS = option_members(
    "display_name", "description", "attribute_details", "conditions", "filter", "statistic", "use_historical_data"
)
UPDATABLE = ("DisplayName", "Description", "Conditions")
REQUIRED_TO_CREATE = option_members("attribute_details", "statistic")
# Members of a GetCalculatedAttributeDefinition answer that are never sent back.
READ_ONLY = ("CalculatedAttributeName", "CreatedAt", "LastUpdatedAt", "Status", "Readiness", "Tags")

NAMES = names_from_spec(CALCULATED_ATTRIBUTE_ARGUMENT_SPEC)


# ---------------------------------------------------------------- reads


get_calculated_attribute, list_calculated_attributes = named_reads(
    "get_calculated_attribute_definition", "list_calculated_attribute_definitions", "CalculatedAttributeName"
)


def describe_calculated_attribute(api):
    """A calculated attribute definition as the modules return it (snake_case, data map keys as stored)."""
    return describe(api, NAMES, VERBATIM)


class CalculatedAttributeResource(DomainChild):
    """DisplayName, Description and Conditions update in place; a difference in another member is replaced."""

    argument_spec = CALCULATED_ATTRIBUTE_ARGUMENT_SPEC
    result_key = "calculated_attribute"
    kind = "calculated attribute definition"
    verbatim_keys = VERBATIM
    name_option = "calculated_attribute_name"
    name_member = "CalculatedAttributeName"
    arn_kind = "calculated-attributes"
    create_operation = "CreateCalculatedAttributeDefinition"
    members = MEMBERS
    required_to_create = REQUIRED_TO_CREATE
    updatable = UPDATABLE
    read_only = READ_ONLY
    create_method = "create_calculated_attribute_definition"
    update_method = "update_calculated_attribute_definition"
    delete_method = "delete_calculated_attribute_definition"
    reads_one = staticmethod(get_calculated_attribute)
    reports_recreated = True

    def read(self):
        """The definition, and for state=absent what names it (``dependents``)."""
        current = self.get()
        if current is None or self.params["state"] != "absent":
            return current
        return Current(
            current, dependents=calculated_attribute_dependents(self.client, self.params["domain_name"], self.name)
        )

    def plan_absent(self, found):
        plan = super(CalculatedAttributeResource, self).plan_absent(found)
        if plan.calls:
            plan.dependents = found.dependents
            if found.dependents:
                # DeleteCalculatedAttributeDefinition documents no refusal for definitions in use.
                plan.diff_header = (
                    "Calculated attribute definition {0} is used by {1}: the service deletes it anyway, and they "
                    "keep naming a definition that no longer exists.".format(
                        self.name, describe_dependents(found.dependents)
                    )
                )
                plan.warnings = [plan.diff_header]
        return plan

    def outcome_from(self, call, response, outcome):
        if call.method == "create_calculated_attribute_definition":
            outcome.update(response)
        elif call.method == "update_calculated_attribute_definition":
            outcome.update(dict((key, value) for key, value in response.items() if key != "Tags"))
        return outcome

    def explain(self, call, error, plan):
        """A create refused because the domain holds the maximum says so, with the count."""
        if call.method != "create_calculated_attribute_definition":
            return
        message = bad_request_message(error)
        if message is None:
            return
        count = len(list_calculated_attributes(self.client, self.params["domain_name"]))
        if count < MAX_PER_DOMAIN:
            return
        raise refusal_explained(
            "Domain {0} already holds {1} calculated attribute definitions, the maximum of {2} per domain (a quota "
            "that cannot be raised), so calculated attribute definition {3} was not created. Delete one that is "
            "no longer used first.".format(self.params["domain_name"], count, MAX_PER_DOMAIN, self.name),
            message,
            calculated_attribute_count=count,
        )

    def result(self, plan, outcome):
        result = super(CalculatedAttributeResource, self).result(plan, outcome)
        if plan.dependents is not None:
            result["dependents"] = plan.dependents
        return result

    def describe(self, result):
        return describe_calculated_attribute(result)


CalculatedAttributeLister = named_lister(
    CalculatedAttributeResource, "GetCalculatedAttributeDefinition", "calculated_attributes", list_calculated_attributes
)

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


from ansible_collections.amazon.aws.plugins.module_utils.exceptions import is_ansible_aws_error_code

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import (
    calculated_attribute_dependents,
)
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import describe_dependents
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import NamedLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
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
    range=dict(
        type="dict",
        options=dict(
            value=dict(type="int"),
            unit=dict(type="str"),
            value_range=dict(
                type="dict", options=dict(start=dict(type="int", required=True), end=dict(type="int", required=True))
            ),
            timestamp_source=dict(type="str"),
            timestamp_format=dict(type="str"),
        ),
    ),
    object_count=dict(type="int"),
    threshold=dict(
        type="dict", options=dict(value=dict(type="str", required=True), operator=dict(type="str", required=True))
    ),
)

FILTER_OPTIONS = dict(
    include=dict(type="str", required=True),
    groups=dict(
        type="list",
        elements="dict",
        required=True,
        options=dict(
            type=dict(type="str", required=True),
            dimensions=dict(
                type="list", elements="dict", required=True, options=dict(attributes=dict(type="dict", required=True))
            ),
        ),
    ),
)

ATTRIBUTE_DETAILS_OPTIONS = dict(
    attributes=dict(type="list", elements="dict", required=True, options=dict(name=dict(type="str", required=True))),
    expression=dict(type="str", required=True),
)

CALCULATED_ATTRIBUTE_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True),
    calculated_attribute_name=dict(type="str", required=True, aliases=["name"]),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    display_name=dict(type="str"),
    description=dict(type="str"),
    attribute_details=dict(type="dict", options=ATTRIBUTE_DETAILS_OPTIONS),
    conditions=dict(type="dict", options=CONDITIONS_OPTIONS),
    filter=dict(type="dict", options=FILTER_OPTIONS),
    statistic=dict(type="str"),
    use_historical_data=dict(type="bool"),
    **TAG_OPTIONS,
    recreate=dict(type="bool", default=False),
)

# option -> CreateCalculatedAttributeDefinition member, in the order of the request shape
MEMBERS = (
    ("display_name", "DisplayName"),
    ("description", "Description"),
    ("attribute_details", "AttributeDetails"),
    ("conditions", "Conditions"),
    ("filter", "Filter"),
    ("statistic", "Statistic"),
    ("use_historical_data", "UseHistoricalData"),
)
UPDATABLE = ("DisplayName", "Description", "Conditions")
REQUIRED_TO_CREATE = (("attribute_details", "AttributeDetails"), ("statistic", "Statistic"))
# Members of a GetCalculatedAttributeDefinition answer that are never sent back.
READ_ONLY = ("CalculatedAttributeName", "CreatedAt", "LastUpdatedAt", "Status", "Readiness", "Tags")

NAMES = names_from_spec(CALCULATED_ATTRIBUTE_ARGUMENT_SPEC)


# ---------------------------------------------------------------- reads


def get_calculated_attribute(client, domain_name, name):
    """GetCalculatedAttributeDefinition's answer, or None when the definition (or the domain) does not exist."""
    return get_or_none(
        client.get_calculated_attribute_definition,
        "get calculated attribute definition",
        DomainName=domain_name,
        CalculatedAttributeName=name,
    )


def list_calculated_attributes(client, domain_name):
    """Every ListCalculatedAttributeDefinitions item of the domain, all pages."""
    return list_all(
        client.list_calculated_attribute_definitions, "list calculated attribute definitions", DomainName=domain_name
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

    def plan_absent(self, current):
        plan = super(CalculatedAttributeResource, self).plan_absent(current)
        if plan.calls:
            plan.dependents = current.dependents
            if current.dependents:
                # DeleteCalculatedAttributeDefinition documents no refusal for definitions in use.
                plan.diff_header = (
                    "Calculated attribute definition {0} is used by {1}: the service deletes it anyway, and they "
                    "keep naming a definition that no longer exists.".format(
                        self.name, describe_dependents(current.dependents)
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
        if not isinstance(error, is_ansible_aws_error_code("BadRequestException", error)):
            return
        count = len(list_calculated_attributes(self.client, self.params["domain_name"]))
        if count < MAX_PER_DOMAIN:
            return
        message = error.exception.response.get("Error", {}).get("Message", "")
        raise PlanError(
            "Domain {0} already holds {1} calculated attribute definitions, the maximum of {2} per domain (a quota "
            "that cannot be raised), so calculated attribute definition {3} was not created. Delete one that is "
            "no longer used first. Service message: {4} (BadRequestException)".format(
                self.params["domain_name"], count, MAX_PER_DOMAIN, self.name, message
            ),
            error=dict(code="BadRequestException", message=message),
            calculated_attribute_count=count,
        )

    def result(self, plan, outcome):
        result = super(CalculatedAttributeResource, self).result(plan, outcome)
        if plan.dependents is not None:
            result["dependents"] = plan.dependents
        return result

    def describe(self, result):
        return describe_calculated_attribute(result)


class CalculatedAttributeLister(NamedLister):
    name_option = "calculated_attribute_name"
    name_member = "CalculatedAttributeName"
    get_operation = "GetCalculatedAttributeDefinition"
    argument_spec = named_spec("calculated_attribute_name")
    result_key = "calculated_attributes"
    reads_one = staticmethod(get_calculated_attribute)
    reads_all = staticmethod(list_calculated_attributes)

    def describe(self, item):
        return describe_calculated_attribute(item)

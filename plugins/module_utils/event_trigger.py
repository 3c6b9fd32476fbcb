# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The event trigger resource (CreateEventTrigger/UpdateEventTrigger), for customerprofiles_event_trigger and _info.

Every member of CreateEventTrigger is an option. An existing trigger is updated in place:
UpdateEventTrigger carries the members that differ (a block given is the complete block).
Before a trigger is created, or moved to another object type, the object type is read
(GetProfileObjectType), so that a missing one fails naming ``object_type_name``; likewise the
segment definition of a new ``segment_filter`` (GetSegmentDefinition) and the intent definition of a new
``intent_filter_definition`` (GetIntentDefinition: it must enable the intent types the filter names).
``intent_filter_definition`` needs botocore 1.44.18 (model.MINIMUM_BOTOCORE).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import given_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import list_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils.intent_definition import enabled_intent_types
from ansible_collections.awscx.customerprofiles.plugins.module_utils.intent_definition import get_intent_definition
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import get_object_type
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import get_segment_definition

# The members of the model's EventTriggerCondition and EventTriggerLimits shapes, as snake_case sub-options.
# tests/unit/plugins/modules/test_customerprofiles_event_trigger.py checks these trees against the model.
EVENT_TRIGGER_CONDITION_OPTIONS = dict(
    event_trigger_dimensions=list_option(
        dict(
            object_attributes=list_option(
                dict(
                    source=dict(type="str"),
                    field_name=dict(type="str"),
                    comparison_operator=dict(type="str", required=True),
                    values=dict(type="list", elements="str", required=True),
                ),
                required=True,
            ),
        ),
        required=True,
    ),
    logical_operator=dict(type="str", required=True),
)

EVENT_TRIGGER_LIMITS_OPTIONS = dict(
    event_expiration=dict(type="int"),
    periods=list_option(
        dict(
            unit=dict(type="str", required=True),
            value=dict(type="int", required=True),
            max_invocations_per_profile=dict(type="int"),
            unlimited=dict(type="bool"),
        )
    ),
)

# The members of the model's IntentFilterDefinition (botocore 1.44.18), as snake_case sub-options.
INTENT_FILTER_DEFINITION_OPTIONS = dict(
    groups=list_option(
        dict(
            conditions=list_option(
                dict(
                    intent=dict_option(
                        dict(intent_domain=dict(type="str", required=True), type=dict(type="str", required=True)),
                        required=True,
                    ),
                    comparison_operator=dict(type="str", required=True),
                    values=dict(type="list", elements="str", required=True),
                ),
                required=True,
            ),
            logical_operator=dict(type="str", required=True),
        ),
        required=True,
    ),
    logical_operator=dict(type="str", required=True),
)

EVENT_TRIGGER_ARGUMENT_SPEC = child_spec(
    "event_trigger_name",
    object_type_name=dict(type="str"),
    description=dict(type="str"),
    event_trigger_conditions=list_option(EVENT_TRIGGER_CONDITION_OPTIONS),
    segment_filter=dict(type="str"),
    event_trigger_limits=dict_option(EVENT_TRIGGER_LIMITS_OPTIONS),
    intent_filter_definition=dict_option(INTENT_FILTER_DEFINITION_OPTIONS),
    **TAG_OPTIONS,
)

EVENT_TRIGGER_NAMES = names_from_spec(EVENT_TRIGGER_ARGUMENT_SPEC)

# option -> member of CreateEventTrigger and UpdateEventTrigger (besides the names and tags)
MEMBERS = option_members(
    "object_type_name",
    "description",
    "event_trigger_conditions",
    "segment_filter",
    "event_trigger_limits",
    "intent_filter_definition",
)
REQUIRED_TO_CREATE = option_members("object_type_name", "event_trigger_conditions")


# ---------------------------------------------------------------- reads


get_event_trigger, list_event_triggers = named_reads("get_event_trigger", "list_event_triggers", "EventTriggerName")


# ---------------------------------------------------------------- shapes


def describe_event_trigger(api, domain_name=None):
    """A GetEventTrigger/CreateEventTrigger/UpdateEventTrigger answer as the modules return it ({} when absent)."""
    return describe(api, EVENT_TRIGGER_NAMES, **({"DomainName": domain_name} if domain_name else {}))


class EventTriggerResource(DomainChild):
    """Every member updates in place; the answers of the create and the update are the trigger."""

    argument_spec = EVENT_TRIGGER_ARGUMENT_SPEC
    result_key = "event_trigger"
    kind = "event trigger"
    name_option = "event_trigger_name"
    name_member = "EventTriggerName"
    arn_kind = "event-triggers"
    create_operation = "CreateEventTrigger"
    members = MEMBERS
    required_to_create = REQUIRED_TO_CREATE
    updatable = tuple(member for _option, member in MEMBERS)
    create_method = "create_event_trigger"
    update_method = "update_event_trigger"
    delete_method = "delete_event_trigger"
    answered_by = ("create_event_trigger", "update_event_trigger")
    reads_one = staticmethod(get_event_trigger)

    def read(self):
        params = self.params
        current = self.get()
        wanted_type = params.get("object_type_name")
        moving = current is None or (wanted_type is not None and wanted_type != current.get("ObjectTypeName"))
        if params["state"] == "present" and wanted_type is not None and moving:
            # CreateEventTrigger (or a move to another object type) needs the object type
            self.require("object_type_name", "object_types", wanted_type, get_object_type)
        segment = params.get("segment_filter")
        if params["state"] == "present" and segment and segment != (current or {}).get("SegmentFilter"):
            # and a new segment filter its segment definition
            self.require("segment_filter", "segment_definitions", segment, get_segment_definition)
        self.check_intent_filter(current)
        return current

    def check_intent_filter(self, current):
        """A new ``intent_filter_definition`` names intent types that the domain's intent definition must enable (the
        service refuses the write otherwise, after check mode predicted it): read it and say so by name (one that
        the same task manages is not read)."""
        params = self.params
        wanted = given_members(params, (("intent_filter_definition", "IntentFilterDefinition"),))
        wanted = wanted.get("IntentFilterDefinition")
        if params["state"] != "present" or not wanted or wanted == (current or {}).get("IntentFilterDefinition"):
            return
        used = {}
        for group in wanted["Groups"]:
            for condition in group["Conditions"]:
                used.setdefault(condition["Intent"]["IntentDomain"], set()).add(condition["Intent"]["Type"])
        for intent_domain, types in sorted(used.items()):
            if self.managed_alongside("intent_definitions", intent_domain):
                continue
            definition = get_intent_definition(self.client, params["domain_name"], intent_domain)
            missing = sorted(types - enabled_intent_types(definition))
            if missing:
                problem = (
                    "domain {1} has no intent definition {0}, which must enable {2}; create it first"
                    if definition is None
                    else "the intent definition {0} of domain {1} does not enable {2}; enable it first"
                )
                reason = problem.format(intent_domain, params["domain_name"], ", ".join(missing))
                raise PlanError(
                    "intent_filter_definition: {0} (awscx.customerprofiles.customerprofiles_intent_definition). "
                    "Nothing was changed.".format(reason)
                )

    def describe(self, result):
        return describe_event_trigger(result, self.params["domain_name"])


# Every trigger is described by GetEventTrigger (the list items lack the conditions).
EventTriggerLister = named_lister(EventTriggerResource, "GetEventTrigger", "event_triggers", list_event_triggers)

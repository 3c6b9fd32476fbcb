# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The integration resource (PutIntegration), for customerprofiles_integration and _info.

An integration connects a source to a domain: an Amazon Connect instance (its ARN is the
``Uri``), an AppFlow flow, an EventBridge or S3 source. Its identity is the ``Uri``.

PutIntegration creates or replaces: it replaces the whole definition (ObjectTypeName or
ObjectTypeNames, RoleArn, EventTriggerNames, Scope), so an update sends the current values
for what the user left out. ``FlowDefinition`` is never returned by the service: it cannot be
compared, so it is sent when the integration is created and, on an existing integration,
only with ``update_flow_definition: true``. Tags of an existing integration change through
TagResource/UntagResource (the PutIntegration reference says so).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import complete_definition
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import differing_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import list_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TaggedResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import tag_plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import text_values

# API maps keyed by data (event types, AppFlow task property names): their keys are kept as written.

# The members of the model's FlowDefinition shape (PutIntegration), as snake_case sub-options.
# tests/unit/plugins/modules/test_customerprofiles_integration.py checks this tree against the model.
_OBJECT = dict(object=dict(type="str", required=True))
FLOW_DEFINITION_OPTIONS = dict(
    description=dict(type="str"),
    flow_name=dict(type="str", required=True),
    kms_arn=dict(type="str", required=True),
    source_flow_config=dict_option(
        dict(
            connector_profile_name=dict(type="str"),
            connector_type=dict(type="str", required=True),
            incremental_pull_config=dict_option(dict(datetime_type_field_name=dict(type="str"))),
            source_connector_properties=dict_option(
                dict(
                    marketo=dict_option(copy.deepcopy(_OBJECT)),
                    s3=dict_option(dict(bucket_name=dict(type="str", required=True), bucket_prefix=dict(type="str"))),
                    salesforce=dict_option(
                        dict(
                            object=dict(type="str", required=True),
                            enable_dynamic_field_update=dict(type="bool"),
                            include_deleted_records=dict(type="bool"),
                        )
                    ),
                    service_now=dict_option(copy.deepcopy(_OBJECT)),
                    zendesk=dict_option(copy.deepcopy(_OBJECT)),
                ),
                required=True,
            ),
        ),
        required=True,
    ),
    tasks=list_option(
        dict(
            connector_operator=dict_option(
                dict(
                    marketo=dict(type="str"),
                    s3=dict(type="str"),
                    salesforce=dict(type="str"),
                    service_now=dict(type="str"),
                    zendesk=dict(type="str"),
                )
            ),
            destination_field=dict(type="str"),
            source_fields=dict(type="list", elements="str", required=True),
            task_properties=dict(type="dict"),
            task_type=dict(type="str", required=True),
        ),
        required=True,
    ),
    trigger_config=dict_option(
        dict(
            trigger_type=dict(type="str", required=True),
            trigger_properties=dict_option(
                dict(
                    scheduled=dict_option(
                        dict(
                            schedule_expression=dict(type="str", required=True),
                            data_pull_mode=dict(type="str"),
                            schedule_start_time=dict(type="str"),
                            schedule_end_time=dict(type="str"),
                            timezone=dict(type="str"),
                            schedule_offset=dict(type="int"),
                            first_execution_from=dict(type="str"),
                        )
                    ),
                )
            ),
        ),
        required=True,
    ),
)

INTEGRATION_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True),
    uri=dict(type="str", required=True),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    object_type_name=dict(type="str"),
    object_type_names=dict(type="dict"),
    role_arn=dict(type="str"),
    event_trigger_names=dict(type="list", elements="str"),
    scope=dict(type="str"),
    flow_definition=dict_option(FLOW_DEFINITION_OPTIONS),
    update_flow_definition=dict(type="bool", default=False),
    **TAG_OPTIONS,
)

INTEGRATION_NAMES = names_from_spec(INTEGRATION_ARGUMENT_SPEC)

# option -> PutIntegration member: the definition that PutIntegration replaces whole.
DEFINITION = option_members("object_type_name", "object_type_names", "role_arn", "event_trigger_names", "scope")
DEFINITION_MEMBERS = tuple(member for _option, member in DEFINITION)
# What the service puts in when a member is not sent (GetIntegration returns these).
SERVICE_DEFAULTS = {"Scope": "PROFILE", "EventTriggerNames": []}
# The two ways of naming object types; exactly one is sent.
EXCLUSIVE = {"ObjectTypeName": "ObjectTypeNames", "ObjectTypeNames": "ObjectTypeName"}
UNSTRUCTURED = "_unstructured"


# ---------------------------------------------------------------- reads


get_integration, list_integrations = named_reads("get_integration", "list_integrations", "Uri")


# ---------------------------------------------------------------- shapes


# The members whose maps are keyed by user data (source event types, task properties): kept as written.
VERBATIM = ("Tags", "ObjectTypeNames", "TaskProperties")


def describe_integration(api):
    """A GetIntegration/PutIntegration/ListIntegrations item as the modules return it ({} when absent)."""
    return describe(api, INTEGRATION_NAMES, VERBATIM)


def current_definition(current):
    """The definition members of an integration as the service describes it, with its defaults filled in."""
    definition = dict(SERVICE_DEFAULTS)
    for member in DEFINITION_MEMBERS:
        value = (current or {}).get(member)
        if value not in (None, {}) and not (member == "EventTriggerNames" and value == []):
            definition[member] = copy.deepcopy(value)
    return definition


def desired_definition(params):
    """The definition members the user gave, in API form (None: not given).

    ``role_arn: ""`` and ``event_trigger_names: []`` mean "none" (the member is then not sent).
    """
    desired = {}
    for option, member in DEFINITION:
        value = params.get(option)
        desired[member] = None if value is None else copy.deepcopy(dict(value) if isinstance(value, dict) else value)
    return desired


def target_definition(have, desired):
    """The whole definition to send: the current one (``have``) with the members given put over it.

    Naming object types one way (object_type_name) drops the other (object_type_names), and back.
    """
    have = dict(have)
    for member, other in EXCLUSIVE.items():
        if desired.get(member) is not None:
            have.pop(other, None)
    target = complete_definition(have, desired)
    if target.get("RoleArn") == "":
        target.pop("RoleArn")
    return target


def flow_definition_request(params):
    """The FlowDefinition member from the flow_definition option (None when not given)."""
    if params.get("flow_definition") is None:
        return None
    return to_api(strip_none(params["flow_definition"]), VERBATIM)


def _sendable(definition):
    """The definition as PutIntegration takes it: members meaning "none" ("" / [] / None) left out."""
    return dict((member, value) for member, value in definition.items() if value not in (None, "", [], {}))


class IntegrationResource(TaggedResource):
    argument_spec = INTEGRATION_ARGUMENT_SPEC
    result_key = "integration"
    verbatim_keys = VERBATIM
    answered_by = ("put_integration",)
    name_option = "uri"
    arn_kind = "integrations"

    def model_inputs(self):
        params = self.params
        options = dict((option, params.get(option)) for option, _member in DEFINITION)
        if options["event_trigger_names"] == []:
            options["event_trigger_names"] = None  # [] means "no event trigger"
        if options["role_arn"] == "":
            options["role_arn"] = None  # "" means "no role"
        options.update(domain_name=params["domain_name"], uri=params["uri"])
        options["flow_definition"] = strip_none(params.get("flow_definition"))
        if params.get("tags"):
            options["tags"] = text_values(params["tags"])
        return [("PutIntegration", options, "")]

    def extra_checks(self):
        if self.params.get("object_type_name") is not None and self.params.get("object_type_names") is not None:
            return [
                "object_type_name and object_type_names are mutually exclusive: give either one object type "
                "(object_type_name) or a map of source event types to object types (object_type_names)"
            ]
        if self.params.get("object_type_names") == {}:
            # sent as nothing: PutIntegration would get neither member, after check mode predicted success
            return ["object_type_names must have at least 1 entries (source event type: object type name)"]
        return []

    def read(self):
        return get_integration(self.client, self.params["domain_name"], self.params["uri"])

    def plan_absent(self, found):
        if found.resource is None:
            return Plan(after=None)
        request = dict(DomainName=self.params["domain_name"], Uri=self.params["uri"])
        return Plan([Call("delete_integration", request, "delete integration")], after=None)

    def _request(self, definition, with_flow):
        request = dict(_sendable(definition), DomainName=self.params["domain_name"], Uri=self.params["uri"])
        flow = flow_definition_request(self.params)
        if with_flow and flow is not None:
            request["FlowDefinition"] = flow
        return request

    def plan_create(self, found):
        desired = desired_definition(self.params)
        if desired["ObjectTypeName"] is None and desired["ObjectTypeNames"] is None:
            raise PlanError(
                "object_type_name or object_type_names is required to create integration {0} in domain {1}, "
                "which does not exist".format(self.params["uri"], self.params["domain_name"])
            )
        request = self._request(desired, with_flow=True)
        tags = text_values(self.params.get("tags"))
        if tags:
            request["Tags"] = tags
        after = dict(
            SERVICE_DEFAULTS, **dict((key, value) for key, value in request.items() if key != "FlowDefinition")
        )
        after["Tags"] = dict(tags or {})
        after["IsUnstructured"] = after.get("ObjectTypeName") == UNSTRUCTURED
        return Plan([Call("put_integration", request, "create integration")], after=after)

    def plan_update(self, found):
        current = found.resource
        have = current_definition(current)
        target = target_definition(have, desired_definition(self.params))
        after_definition = current_definition(target)
        changes = sorted(
            set(differing_members(have, after_definition)) | set(differing_members(after_definition, have))
        )
        flow_given = self.params.get("flow_definition") is not None
        send_flow = flow_given and self.params["update_flow_definition"]
        warnings = []
        if flow_given and not send_flow:
            warnings.append(
                "flow_definition is not sent to integration {0}, which exists: the service never returns it, so it "
                "cannot be compared. Set update_flow_definition=true to send it.".format(self.params["uri"])
            )
        calls = []
        after = copy.deepcopy(current)
        if changes or send_flow:
            calls.append(Call("put_integration", self._request(target, with_flow=send_flow), "update integration"))
            for member in DEFINITION_MEMBERS:
                after.pop(member, None)
            after.update(after_definition)
            after["IsUnstructured"] = after.get("ObjectTypeName") == UNSTRUCTURED
        after["Tags"] = tag_plan(calls, self.arn_path(), current.get("Tags") or {}, self.params)
        return Plan(calls, after=after, warnings=warnings)

    def describe(self, result):
        return describe_integration(result)


class IntegrationLister(Lister):
    argument_spec = dict(domain_name=dict(type="str", required=True), uri=dict(type="str"))
    result_key = "integrations"

    def model_inputs(self):
        return [("GetIntegration", dict(domain_name=self.params["domain_name"], uri=self.params["uri"]), "")]

    def wanted_one(self):
        return self.params["uri"] is not None

    def get_one(self):
        return get_integration(self.client, self.params["domain_name"], self.params["uri"])

    def list_all(self):
        return list_integrations(self.client, self.params["domain_name"])

    def describe(self, item):
        return describe_integration(item)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The operations on a domain's configuration resources (integrations, event streams, event triggers, calculated
attribute definitions, segment definitions): ConfigBackendMixin, a base class of models.CustomerProfilesBackend, one
method per operation named after it (put_integration for PutIntegration), taking the request's members as keyword
arguments. The resources are in models_config.py, GetSegmentMembership's evaluation in segments.py. Choices where
AWS's documentation is silent are listed in README.md, "Configuration resources".
"""

import copy
import re

from moto.core.utils import unix_time

from .common import now
from .common import paginated
from .errors import BadRequestException
from .errors import ResourceNotFoundException
from .models_config import CALCULATED_ATTRIBUTES
from .models_config import EVENT_STREAMS
from .models_config import EVENT_TRIGGERS
from .models_config import INTEGRATIONS
from .models_config import SEGMENT_DEFINITIONS
from .models_config import UNSTRUCTURED
from .models_config import CalculatedAttribute
from .models_config import EventStream
from .models_config import EventTrigger
from .models_config import Integration
from .models_config import SegmentDefinition
from .models_intents import check_intent_filter
from .segments import NotEvaluated
from .segments import combine
from .segments import profile_attributes_match
from .validation import operation_model

# Per-domain quotas of the Amazon Connect administrator guide ("Customer Profiles service quotas", defaults).
# Going over one is a BadRequestException (the only client error these operations' model lists).
QUOTAS = {
    INTEGRATIONS: 50,  # "Maximum number of integrations" (adjustable on AWS)
    EVENT_STREAMS: 1,  # "Maximum number of event stream per domain" (not adjustable)
    EVENT_TRIGGERS: 50,  # "Maximum number of event triggers per domain" (adjustable on AWS)
    CALCULATED_ATTRIBUTES: 50,  # "Maximum number of calculated attributes per domain" (not adjustable)
}
QUOTA_NOUNS = {
    INTEGRATIONS: "integrations",
    EVENT_STREAMS: "event streams",
    EVENT_TRIGGERS: "event triggers",
    CALCULATED_ATTRIBUTES: "calculated attribute definitions",
}

KINESIS_STREAM_ARN = re.compile(r"^arn:(aws[a-z-]*):kinesis:([a-z0-9-]+):(\d{12}):stream/([a-zA-Z0-9_.-]{1,128})$")


# helpers ------------------------------------------------------------------------------------------------
def _shape_members(operation, list_items=False):
    shape = operation_model(operation).output_shape
    if list_items:
        shape = shape.members["Items"].member
    return shape.members


def _only(operation, data, list_items=False):
    """data without the keys that the operation's output shape (or its Items member) does not have."""
    members = _shape_members(operation, list_items)
    return {key: value for key, value in data.items() if key in members and value is not None}


def collection(domain, attribute):
    """The dict attribute of domain that holds one kind of configuration resource (created on first use)."""
    store = getattr(domain, attribute, None)
    if store is None:
        store = {}
        setattr(domain, attribute, store)
    return store


def _object_types(domain):
    return getattr(domain, "object_types", None) or {}


def _check_quota(domain, attribute):
    limit = QUOTAS[attribute]
    if len(collection(domain, attribute)) >= limit:
        raise BadRequestException(
            "Limit exceeded: domain %s already has %d %s, the maximum per domain"
            % (domain.name, limit, QUOTA_NOUNS[attribute])
        )


def _require_object_type(domain, name):
    if name not in _object_types(domain):
        raise ResourceNotFoundException("Object type %s not found in domain %s" % (name, domain.name))


# An element of a calculated attribute's Expression: {ObjectTypeName.AttributeName}.
EXPRESSION_ELEMENT = re.compile(r"\{([^{}]*)\}")
MAX_CALCULATED_ATTRIBUTE_FIELDS = 2


def _check_attribute_details(domain, details):
    """AttributeDetails as the API reference describes them: each element of the Expression is
    "{ObjectTypeName.AttributeName}", and a calculated attribute "can only reference one ObjectType and at most,
    two fields from that ObjectType" (CreateCalculatedAttributeDefinition). The object type must exist (404) and
    define the fields; the Attributes items name fields of that type, as ``Type.Field`` or ``Field`` (choice)."""
    elements = [element.partition(".") for element in EXPRESSION_ELEMENT.findall(details["Expression"])]
    malformed = ["{%s}" % "".join(parts) for parts in elements if not (parts[0] and parts[1] and parts[2])]
    if malformed or not elements:
        raise BadRequestException(
            "AttributeDetails.Expression: each element must be {ObjectTypeName.AttributeName}%s"
            % (" (found %s)" % ", ".join(malformed) if malformed else "; the expression has none")
        )
    type_names = list(dict.fromkeys(type_name for type_name, _dot, _field in elements))
    if len(type_names) > 1:
        raise BadRequestException(
            "AttributeDetails.Expression: a calculated attribute references one object type (found %s)"
            % ", ".join(type_names)
        )
    type_name = type_names[0]
    _require_object_type(domain, type_name)
    definition = getattr(_object_types(domain)[type_name], "definition", None) or {}
    defined = definition.get("Fields") or {}
    named = list(dict.fromkeys(field for _type, _dot, field in elements))
    for item in details["Attributes"]:
        name = item["Name"]
        field = name[len(type_name) + 1 :] if name.startswith(type_name + ".") else name
        if field not in named:
            named.append(field)
    if len(named) > MAX_CALCULATED_ATTRIBUTE_FIELDS:
        raise BadRequestException(
            "AttributeDetails: a calculated attribute references at most %d fields of its object type (found %s)"
            % (MAX_CALCULATED_ATTRIBUTE_FIELDS, ", ".join(named))
        )
    unknown = [field for field in named if field not in defined]
    if unknown:
        raise BadRequestException(
            "AttributeDetails: object type %s defines no field %s" % (type_name, ", ".join(unknown))
        )


def _get(domain, attribute, key, kind):
    resource = collection(domain, attribute).get(key)
    if resource is None:
        raise ResourceNotFoundException("%s %s not found in domain %s" % (kind, key, domain.name))
    return resource


# backend ------------------------------------------------------------------------------------------------
class ConfigBackendMixin:
    """Integrations, event streams, event triggers, calculated attributes and segments of a backend's domains.

    Mixed into CustomerProfilesBackend, which provides domains, get_domain_object, region_name, account_id.
    """

    # integrations -------------------------------------------------------
    def _integration_owner(self, uri):
        for domain in self.domains.values():
            if uri in collection(domain, INTEGRATIONS):
                return domain
        return None

    def put_integration(self, DomainName, **params):
        domain = self.get_domain_object(DomainName)
        uri = params.get("Uri")
        if not uri:
            flow = params.get("FlowDefinition")
            if not flow:
                raise BadRequestException("Uri is required when no FlowDefinition is given")
            partition = domain.arn.split(":")[1]
            uri = "arn:%s:appflow:%s:%s:flow/%s" % (partition, self.region_name, self.account_id, flow["FlowName"])
        name, names = params.get("ObjectTypeName"), params.get("ObjectTypeNames") or None
        if name and names:
            raise BadRequestException("ObjectTypeName and ObjectTypeNames are mutually exclusive")
        if not name and not names:
            raise BadRequestException("One of ObjectTypeName or ObjectTypeNames is required")
        for object_type in [name] if name else list(names.values()):
            if object_type != UNSTRUCTURED:
                _require_object_type(domain, object_type)
        integrations = collection(domain, INTEGRATIONS)
        for trigger in params.get("EventTriggerNames") or []:
            _get(domain, EVENT_TRIGGERS, trigger, "Event trigger")
            for other in integrations.values():
                if other.uri != uri and trigger in other.event_trigger_names:
                    raise BadRequestException(
                        "Event trigger %s is already associated with integration %s" % (trigger, other.uri)
                    )
        owner = self._integration_owner(uri)
        if owner is not None and owner is not domain:
            raise BadRequestException("Integration %s already belongs to domain %s" % (uri, owner.name))
        integration = integrations.get(uri)
        if integration is None:
            _check_quota(domain, INTEGRATIONS)
            integration = Integration(domain, uri, params.get("Tags"))
            integration.configure(params)
            integrations[uri] = integration
        else:
            integration.configure(params)
            integration.touch()
        return _only("PutIntegration", integration.describe())

    def get_integration(self, DomainName, Uri):
        domain = self.get_domain_object(DomainName)
        return _only("GetIntegration", _get(domain, INTEGRATIONS, Uri, "Integration").describe())

    def _visible_integrations(self, domain, include_hidden):
        return [item for item in collection(domain, INTEGRATIONS).values() if include_hidden or not item.hidden]

    @paginated()
    def list_integrations(self, DomainName, IncludeHidden=None):
        domain = self.get_domain_object(DomainName)
        items = [
            _only("ListIntegrations", item.describe(), list_items=True)
            for item in self._visible_integrations(domain, IncludeHidden)
        ]
        return items

    def delete_integration(self, DomainName, Uri):
        domain = self.get_domain_object(DomainName)
        uri = Uri
        _get(domain, INTEGRATIONS, uri, "Integration")
        collection(domain, INTEGRATIONS).pop(uri).drop_tags()
        return {"Message": "Integration %s was deleted from domain %s." % (uri, domain.name)}

    @paginated()
    def list_account_integrations(self, Uri, IncludeHidden=None):
        items = []
        for domain in self.domains.values():
            for item in self._visible_integrations(domain, IncludeHidden):
                if item.uri == Uri:
                    items.append(_only("ListAccountIntegrations", item.describe(), list_items=True))
        return items

    # event streams ------------------------------------------------------
    def create_event_stream(self, DomainName, EventStreamName, Uri, Tags=None):
        domain = self.get_domain_object(DomainName)
        name, uri = EventStreamName, Uri
        streams = collection(domain, EVENT_STREAMS)
        if name in streams:
            raise BadRequestException("Event stream %s already exists in domain %s" % (name, domain.name))
        found, partition = KINESIS_STREAM_ARN.match(uri), domain.arn.split(":")[1]
        if not found or found.groups()[:3] != (partition, self.region_name, self.account_id):
            raise BadRequestException(
                "Uri must be the ARN of a Kinesis data stream in the domain's Region and account "
                "(arn:%s:kinesis:%s:%s:stream/<name>), not '%s'" % (partition, self.region_name, self.account_id, uri)
            )
        _check_quota(domain, EVENT_STREAMS)
        stream = EventStream(domain, name, uri, Tags)
        streams[name] = stream
        return _only("CreateEventStream", {"EventStreamArn": stream.arn, "Tags": stream.tags})

    def get_event_stream(self, DomainName, EventStreamName):
        domain = self.get_domain_object(DomainName)
        return _only("GetEventStream", _get(domain, EVENT_STREAMS, EventStreamName, "Event stream").describe())

    @paginated()
    def list_event_streams(self, DomainName):
        domain = self.get_domain_object(DomainName)
        items = [
            _only("ListEventStreams", stream.summary(), list_items=True)
            for stream in collection(domain, EVENT_STREAMS).values()
        ]
        return items

    def delete_event_stream(self, DomainName, EventStreamName):
        domain = self.get_domain_object(DomainName)
        name = EventStreamName
        _get(domain, EVENT_STREAMS, name, "Event stream")
        collection(domain, EVENT_STREAMS).pop(name).drop_tags()
        return {}

    def set_event_stream_state(
        self, domain_name, stream_name, state="RUNNING", destination_status="HEALTHY", message=None
    ):
        """Test hook: force an event stream's State (RUNNING/STOPPED) and destination Status (HEALTHY/UNHEALTHY)."""
        stream = _get(self.get_domain_object(domain_name), EVENT_STREAMS, stream_name, "Event stream")
        stream.state = state
        stream.stopped_since = now() if state == "STOPPED" else None
        stream.destination_status = destination_status
        stream.unhealthy_since = now() if destination_status == "UNHEALTHY" else None
        stream.destination_message = message

    # event triggers -----------------------------------------------------
    def _check_trigger_references(self, domain, params):
        if params.get("ObjectTypeName") is not None:
            _require_object_type(domain, params["ObjectTypeName"])
        if params.get("SegmentFilter") is not None:
            _get(domain, SEGMENT_DEFINITIONS, params["SegmentFilter"], "Segment definition")
        if params.get("IntentFilterDefinition") is not None:
            check_intent_filter(domain, params["IntentFilterDefinition"])

    def create_event_trigger(self, DomainName, EventTriggerName, **params):
        domain = self.get_domain_object(DomainName)
        name = EventTriggerName
        triggers = collection(domain, EVENT_TRIGGERS)
        if name in triggers:
            raise BadRequestException("Event trigger %s already exists in domain %s" % (name, domain.name))
        self._check_trigger_references(domain, params)
        _check_quota(domain, EVENT_TRIGGERS)
        trigger = EventTrigger(domain, name, params)
        triggers[name] = trigger
        return _only("CreateEventTrigger", trigger.describe())

    def get_event_trigger(self, DomainName, EventTriggerName):
        domain = self.get_domain_object(DomainName)
        return _only("GetEventTrigger", _get(domain, EVENT_TRIGGERS, EventTriggerName, "Event trigger").describe())

    @paginated()
    def list_event_triggers(self, DomainName):
        domain = self.get_domain_object(DomainName)
        items = [
            _only("ListEventTriggers", trigger.describe(), list_items=True)
            for trigger in collection(domain, EVENT_TRIGGERS).values()
        ]
        return items

    def update_event_trigger(self, DomainName, EventTriggerName, **params):
        domain = self.get_domain_object(DomainName)
        trigger = _get(domain, EVENT_TRIGGERS, EventTriggerName, "Event trigger")
        self._check_trigger_references(domain, params)
        for key in EventTrigger.UPDATABLE:
            if params.get(key) is not None:
                trigger.values[key] = copy.deepcopy(params[key])
        trigger.touch()
        return _only("UpdateEventTrigger", trigger.describe())

    def delete_event_trigger(self, DomainName, EventTriggerName):
        domain = self.get_domain_object(DomainName)
        name = EventTriggerName
        _get(domain, EVENT_TRIGGERS, name, "Event trigger")
        for integration in collection(domain, INTEGRATIONS).values():
            if name in integration.event_trigger_names:
                raise BadRequestException(
                    "Event trigger %s cannot be deleted while integration %s is associated with it"
                    % (name, integration.uri)
                )
        collection(domain, EVENT_TRIGGERS).pop(name).drop_tags()
        return {"Message": "Event trigger %s was deleted." % name}

    # calculated attributes ----------------------------------------------
    def create_calculated_attribute_definition(self, DomainName, CalculatedAttributeName, **params):
        domain = self.get_domain_object(DomainName)
        name = CalculatedAttributeName
        attributes = collection(domain, CALCULATED_ATTRIBUTES)
        if name in attributes:
            raise BadRequestException(
                "Calculated attribute definition %s already exists in domain %s" % (name, domain.name)
            )
        _check_quota(domain, CALCULATED_ATTRIBUTES)
        _check_attribute_details(domain, params["AttributeDetails"])
        attribute = CalculatedAttribute(domain, name, params)
        attributes[name] = attribute
        return _only("CreateCalculatedAttributeDefinition", attribute.describe())

    def get_calculated_attribute_definition(self, DomainName, CalculatedAttributeName):
        domain = self.get_domain_object(DomainName)
        attribute = _get(domain, CALCULATED_ATTRIBUTES, CalculatedAttributeName, "Calculated attribute definition")
        return _only("GetCalculatedAttributeDefinition", attribute.describe())

    @paginated()
    def list_calculated_attribute_definitions(self, DomainName):
        domain = self.get_domain_object(DomainName)
        items = [
            _only("ListCalculatedAttributeDefinitions", attribute.describe(), list_items=True)
            for attribute in collection(domain, CALCULATED_ATTRIBUTES).values()
        ]
        return items

    def update_calculated_attribute_definition(self, DomainName, CalculatedAttributeName, **params):
        domain = self.get_domain_object(DomainName)
        attribute = _get(domain, CALCULATED_ATTRIBUTES, CalculatedAttributeName, "Calculated attribute definition")
        for key in CalculatedAttribute.UPDATABLE:
            if params.get(key) is not None:
                attribute.values[key] = copy.deepcopy(params[key])
        attribute.touch()
        return _only("UpdateCalculatedAttributeDefinition", attribute.describe())

    def delete_calculated_attribute_definition(self, DomainName, CalculatedAttributeName):
        domain = self.get_domain_object(DomainName)
        name = CalculatedAttributeName
        _get(domain, CALCULATED_ATTRIBUTES, name, "Calculated attribute definition")
        collection(domain, CALCULATED_ATTRIBUTES).pop(name).drop_tags()
        return {}

    def set_calculated_attribute_status(self, domain_name, name, status, progress=None, message=None):
        """Test hook: force Status (PREPARING/IN_PROGRESS/COMPLETED/FAILED) and Readiness of a definition."""
        attribute = _get(
            self.get_domain_object(domain_name), CALCULATED_ATTRIBUTES, name, "Calculated attribute definition"
        )
        attribute.status = status
        attribute.progress = progress if progress is not None else (100 if status == "COMPLETED" else 0)
        attribute.readiness_message = message

    # segment definitions ------------------------------------------------
    def _check_segment_groups(self, domain, groups):
        for group in (groups or {}).get("Groups") or []:
            for source in group.get("SourceSegments") or []:
                if source.get("SegmentDefinitionName"):
                    _get(domain, SEGMENT_DEFINITIONS, source["SegmentDefinitionName"], "Segment definition")
            for index, dimension in enumerate(group.get("Dimensions") or [], start=1):
                chosen = [key for key, value in dimension.items() if value is not None]
                if len(chosen) != 1:
                    raise BadRequestException(
                        "A segment dimension must set exactly one of ProfileAttributes or CalculatedAttributes "
                        "(dimension %d sets %s)" % (index, ", ".join(chosen) or "none")
                    )
                for attribute in dimension.get("CalculatedAttributes") or {}:
                    _get(domain, CALCULATED_ATTRIBUTES, attribute, "Calculated attribute definition")

    def create_segment_definition(self, DomainName, SegmentDefinitionName, **params):
        domain = self.get_domain_object(DomainName)
        name = SegmentDefinitionName
        segments = collection(domain, SEGMENT_DEFINITIONS)
        if name in segments:
            raise BadRequestException("Segment definition %s already exists in domain %s" % (name, domain.name))
        has_groups, has_sql = params.get("SegmentGroups") is not None, params.get("SegmentSqlQuery") is not None
        if has_groups == has_sql:
            raise BadRequestException("Exactly one of SegmentGroups or SegmentSqlQuery is required")
        self._check_segment_groups(domain, params.get("SegmentGroups"))
        segment = SegmentDefinition(domain, name, params)
        segments[name] = segment
        return _only("CreateSegmentDefinition", segment.describe())

    def get_segment_definition(self, DomainName, SegmentDefinitionName):
        domain = self.get_domain_object(DomainName)
        segment = _get(domain, SEGMENT_DEFINITIONS, SegmentDefinitionName, "Segment definition")
        return _only("GetSegmentDefinition", segment.describe())

    @paginated()
    def list_segment_definitions(self, DomainName):
        domain = self.get_domain_object(DomainName)
        items = [
            _only("ListSegmentDefinitions", segment.describe(), list_items=True)
            for segment in collection(domain, SEGMENT_DEFINITIONS).values()
        ]
        return items

    def delete_segment_definition(self, DomainName, SegmentDefinitionName):
        domain = self.get_domain_object(DomainName)
        name = SegmentDefinitionName
        _get(domain, SEGMENT_DEFINITIONS, name, "Segment definition")
        collection(domain, SEGMENT_DEFINITIONS).pop(name).drop_tags()
        return {"Message": "Segment definition %s was deleted." % name}

    def _in_segment(self, domain, segment_name, profile, seen):
        segment = collection(domain, SEGMENT_DEFINITIONS).get(segment_name)
        if segment is None:
            raise NotEvaluated("source segment %s no longer exists" % segment_name)
        if segment_name in seen:
            raise NotEvaluated("segment %s refers to itself through its source segments" % segment_name)
        if segment.segment_groups is None:
            raise NotEvaluated("SQL segments (SegmentSqlQuery) are not evaluated by the emulator")
        return self.in_segment_groups(domain, segment.segment_groups, profile, seen | {segment_name})

    def in_segment_groups(self, domain, segment_groups, profile, seen=frozenset()):
        """Whether ``profile`` matches a SegmentGroups structure (a segment definition's, or an estimate's
        SegmentQuery); NotEvaluated where the emulator cannot tell. ``seen``: the segments on the way here."""
        groups = segment_groups.get("Groups") or []
        return combine(
            segment_groups.get("Include"), (self._in_group(domain, group, profile, seen) for group in groups)
        )

    def _in_group(self, domain, group, profile, seen):
        parts = []
        sources = [
            source["SegmentDefinitionName"]
            for source in group.get("SourceSegments") or []
            if source.get("SegmentDefinitionName")
        ]
        if sources:
            parts.append(
                combine(group.get("SourceType"), [self._in_segment(domain, name, profile, seen) for name in sources])
            )
        dimensions = group.get("Dimensions") or []
        if dimensions:
            results = []
            for dimension in dimensions:
                if dimension.get("CalculatedAttributes"):
                    raise NotEvaluated("calculated attribute dimensions are not evaluated by the emulator")
                results.append(profile_attributes_match(dimension.get("ProfileAttributes") or {}, profile))
            parts.append(combine(group.get("Type"), results))
        return all(parts)

    def get_segment_membership(self, DomainName, SegmentDefinitionName, ProfileIds):
        domain = self.get_domain_object(DomainName)
        name = SegmentDefinitionName
        _get(domain, SEGMENT_DEFINITIONS, name, "Segment definition")
        profiles, failures = [], []
        for profile_id in ProfileIds:
            profile = domain.profiles.get(profile_id)
            if profile is None:
                failures.append(
                    {"ProfileId": profile_id, "Message": "Profile %s not found" % profile_id, "Status": 404}
                )
                continue
            try:
                present = self._in_segment(domain, name, profile, frozenset())
            except NotEvaluated as exc:
                failures.append({"ProfileId": profile_id, "Message": "Not evaluated: %s" % exc, "Status": 501})
                continue
            item = {"ProfileId": profile_id, "QueryResult": "PRESENT" if present else "ABSENT"}
            if present:
                item["Profile"] = copy.deepcopy(profile)
            profiles.append(item)
        return {
            "SegmentDefinitionName": name,
            "Profiles": profiles,
            "Failures": failures,
            "LastComputedAt": unix_time(now()),
        }

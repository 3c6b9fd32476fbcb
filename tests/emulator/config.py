# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A domain's configuration resources: integrations, event streams, event triggers, calculated attribute
definitions and segment definitions.

ConfigBackendMixin is a base class of models.CustomerProfilesBackend: one method per operation, named after it
(put_integration for PutIntegration), taking the request's members as keyword arguments.
Each kind of resource lives in a dict attribute of the Domain object (CONFIG_COLLECTIONS, appended to
models.CHILD_COLLECTIONS), so deleting a domain deletes them and TagResource finds them by ARN.

This module imports no other backend module (models imports it), only the error classes and the model-driven
validation module. Choices where AWS's documentation is silent are listed in README.md, "Configuration resources".
"""

import copy
import datetime
import json
import re

from moto.core.utils import unix_time

from .common import later_than
from .common import now
from .common import paginated
from .errors import BadRequestException
from .errors import ResourceNotFoundException
from .tagging import Tagged
from .validation import operation_model

INTEGRATIONS = "integrations"
EVENT_STREAMS = "event_streams"
EVENT_TRIGGERS = "event_triggers"
CALCULATED_ATTRIBUTES = "calculated_attributes"
SEGMENT_DEFINITIONS = "segment_definitions"
# Domain attributes (dicts keyed by the resource's identity) that hold this module's resources.
CONFIG_COLLECTIONS = (INTEGRATIONS, EVENT_STREAMS, EVENT_TRIGGERS, CALCULATED_ATTRIBUTES, SEGMENT_DEFINITIONS)

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

# The object type name that marks an unstructured AppFlow integration (GetIntegration IsUnstructured).
UNSTRUCTURED = "_unstructured"
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


# resources ----------------------------------------------------------------------------------------------
class _Child(Tagged):
    """A configuration resource of a domain: ARN, tags, creation and update times."""

    def __init__(self, domain, path, tags):
        super().__init__("%s/%s" % (domain.arn, path), domain.tag_store, tags)
        self.domain_name = domain.name
        self.created_at = now()
        self.last_updated_at = self.created_at

    def touch(self):
        self.last_updated_at = later_than(self.last_updated_at)


class Integration(_Child):
    def __init__(self, domain, uri, tags):
        super().__init__(domain, "integrations/" + uri, tags)
        self.uri = uri
        self.object_type_name = None
        self.object_type_names = None
        self.role_arn = None
        self.event_trigger_names = []
        self.scope = "PROFILE"
        self.workflow_id = None
        self.is_unstructured = False
        self.hidden = False

    def configure(self, params):
        """Apply a PutIntegration request: the whole configuration is replaced (tags and CreatedAt stay)."""
        self.object_type_name = params.get("ObjectTypeName")
        self.object_type_names = copy.deepcopy(params.get("ObjectTypeNames")) or None
        self.role_arn = params.get("RoleArn")
        self.event_trigger_names = list(params.get("EventTriggerNames") or [])
        self.scope = params.get("Scope") or "PROFILE"
        self.is_unstructured = self.object_type_name == UNSTRUCTURED

    def describe(self):
        return {
            "DomainName": self.domain_name,
            "Uri": self.uri,
            "ObjectTypeName": self.object_type_name,
            "CreatedAt": unix_time(self.created_at),
            "LastUpdatedAt": unix_time(self.last_updated_at),
            "Tags": self.tags,
            "ObjectTypeNames": copy.deepcopy(self.object_type_names),
            "WorkflowId": self.workflow_id,
            "IsUnstructured": self.is_unstructured,
            "RoleArn": self.role_arn,
            "EventTriggerNames": list(self.event_trigger_names),
            "Scope": self.scope,
        }


class EventStream(_Child):
    def __init__(self, domain, name, uri, tags):
        super().__init__(domain, "event-streams/" + name, tags)
        self.name = name
        self.uri = uri
        self.state = "RUNNING"
        self.stopped_since = None
        self.destination_status = "HEALTHY"
        self.unhealthy_since = None
        self.destination_message = None

    def _destination(self):
        out = {"Uri": self.uri, "Status": self.destination_status}
        if self.unhealthy_since is not None:
            out["UnhealthySince"] = unix_time(self.unhealthy_since)
        return out

    def describe(self):
        details = self._destination()
        if self.destination_message:
            details["Message"] = self.destination_message
        out = {
            "DomainName": self.domain_name,
            "EventStreamArn": self.arn,
            "CreatedAt": unix_time(self.created_at),
            "State": self.state,
            "DestinationDetails": details,
            "Tags": self.tags,
        }
        if self.stopped_since is not None:
            out["StoppedSince"] = unix_time(self.stopped_since)
        return out

    def summary(self):
        out = {
            "DomainName": self.domain_name,
            "EventStreamName": self.name,
            "EventStreamArn": self.arn,
            "State": self.state,
            "DestinationSummary": self._destination(),
            "Tags": self.tags,
        }
        if self.stopped_since is not None:
            out["StoppedSince"] = unix_time(self.stopped_since)
        return out


class EventTrigger(_Child):
    UPDATABLE = ("ObjectTypeName", "Description", "EventTriggerConditions", "SegmentFilter", "EventTriggerLimits")

    def __init__(self, domain, name, params):
        super().__init__(domain, "event-triggers/" + name, params.get("Tags"))
        self.name = name
        self.values = {key: copy.deepcopy(params[key]) for key in self.UPDATABLE if params.get(key) is not None}

    def describe(self):
        out = {"EventTriggerName": self.name}
        out.update(copy.deepcopy(self.values))
        out.update(
            {
                "CreatedAt": unix_time(self.created_at),
                "LastUpdatedAt": unix_time(self.last_updated_at),
                "Tags": self.tags,
            }
        )
        return out


class CalculatedAttribute(_Child):
    MEMBERS = ("DisplayName", "Description", "AttributeDetails", "Conditions", "Filter", "Statistic")
    UPDATABLE = ("DisplayName", "Description", "Conditions")

    def __init__(self, domain, name, params):
        super().__init__(domain, "calculated-attributes/" + name, params.get("Tags"))
        self.name = name
        self.values = {key: copy.deepcopy(params[key]) for key in self.MEMBERS if params.get(key) is not None}
        self.use_historical_data = bool(params.get("UseHistoricalData", False))
        self.status = "COMPLETED"
        self.progress = 100
        self.readiness_message = None

    def describe(self):
        readiness = {"ProgressPercentage": self.progress}
        if self.readiness_message:
            readiness["Message"] = self.readiness_message
        out = {"CalculatedAttributeName": self.name}
        out.update(copy.deepcopy(self.values))
        out.update(
            {
                "CreatedAt": unix_time(self.created_at),
                "LastUpdatedAt": unix_time(self.last_updated_at),
                "UseHistoricalData": self.use_historical_data,
                "Status": self.status,
                "Readiness": readiness,
                "Tags": self.tags,
            }
        )
        return out


class SegmentDefinition(_Child):
    def __init__(self, domain, name, params):
        super().__init__(domain, "segment-definitions/" + name, params.get("Tags"))
        self.name = name
        self.display_name = params["DisplayName"]
        self.description = params.get("Description")
        self.segment_groups = copy.deepcopy(params.get("SegmentGroups"))
        self.segment_sql_query = params.get("SegmentSqlQuery")
        self.segment_sort = copy.deepcopy(params.get("SegmentSort"))
        self.segment_type = "ENHANCED" if self.segment_sql_query is not None else "CLASSIC"

    def describe(self):
        return {
            "SegmentDefinitionName": self.name,
            "DisplayName": self.display_name,
            "Description": self.description,
            "SegmentGroups": copy.deepcopy(self.segment_groups),
            "SegmentSort": copy.deepcopy(self.segment_sort),
            "SegmentDefinitionArn": self.arn,
            "CreatedAt": unix_time(self.created_at),
            "Tags": self.tags,
            "SegmentSqlQuery": self.segment_sql_query,
            "SegmentType": self.segment_type,
        }


# segment evaluation -------------------------------------------------------------------------------------
class NotEvaluated(Exception):
    """The emulator cannot tell whether a profile is in the segment (calculated attributes, SQL segments)."""


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%Y%m%d")


def _date(text):
    if not isinstance(text, str):
        return None
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _as_list(value):
    if isinstance(value, list):
        return [str(item) for item in value]
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return [value]
    return [str(item) for item in parsed] if isinstance(parsed, list) else [value]


def _compare_ordered(kind, value, wanted, convert):
    """BEFORE/AFTER/ON/BETWEEN/NOT_BETWEEN and the numeric comparisons, after converting both sides."""
    actual = convert(value)
    bounds = [convert(item) for item in wanted]
    if actual is None or any(bound is None for bound in bounds):
        return False
    if kind in ("BEFORE", "LESS_THAN"):
        return actual < bounds[0]
    if kind in ("AFTER", "GREATER_THAN"):
        return actual > bounds[0]
    if kind == "LESS_THAN_OR_EQUAL":
        return actual <= bounds[0]
    if kind == "GREATER_THAN_OR_EQUAL":
        return actual >= bounds[0]
    if kind in ("ON", "EQUAL"):
        return actual in bounds
    if len(bounds) < 2:
        return False
    inside = bounds[0] <= actual <= bounds[1]
    return inside if kind == "BETWEEN" else not inside


_DATE_KINDS = ("BEFORE", "AFTER", "ON")
_NUMBER_KINDS = ("GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN_OR_EQUAL", "EQUAL")


def dimension_matches(dimension, value):
    """Whether value (a profile field, None when absent) satisfies one {DimensionType, Values} condition."""
    kind, wanted = dimension["DimensionType"], dimension["Values"]
    if kind == "EXCLUSIVE":
        return value is None or value not in wanted
    if value is None:
        return False
    if kind == "INCLUSIVE":
        return value in wanted
    if kind == "CONTAINS":
        return any(item in value for item in wanted)
    if kind == "BEGINS_WITH":
        return any(value.startswith(item) for item in wanted)
    if kind == "ENDS_WITH":
        return any(value.endswith(item) for item in wanted)
    if kind == "LIST_CONTAINS":
        return any(item in _as_list(value) for item in wanted)
    if kind == "LIST_CONTAINS_ALL":
        return all(item in _as_list(value) for item in wanted)
    if kind in _DATE_KINDS:
        return _compare_ordered(kind, value, wanted, _date)
    if kind in _NUMBER_KINDS:
        return _compare_ordered(kind, value, wanted, _number)
    # BETWEEN / NOT_BETWEEN: numbers when every side is a number, dates otherwise
    numeric = _number(value) is not None and all(_number(item) is not None for item in wanted)
    return _compare_ordered(kind, value, wanted, _number if numeric else _date)


def _profile_attributes_match(attributes, profile):
    """Every condition of a ProfileAttributes dimension holds (address blocks: every given sub-field)."""
    for field, condition in attributes.items():
        if field == "Attributes":
            custom = profile.get("Attributes") or {}
            if not all(dimension_matches(sub, custom.get(key)) for key, sub in condition.items()):
                return False
        elif "DimensionType" in condition:
            if not dimension_matches(condition, profile.get(field)):
                return False
        else:  # an AddressDimension: City, Country, County, PostalCode, Province, State
            block = profile.get(field) or {}
            if not all(dimension_matches(sub, block.get(key)) for key, sub in condition.items()):
                return False
    return True


def _combine(include, results):
    results = list(results)
    if include == "ANY":
        return any(results)
    if include == "NONE":
        return not any(results)
    return all(results)


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
        seen = seen | {segment_name}
        groups = segment.segment_groups.get("Groups") or []
        return _combine(
            segment.segment_groups.get("Include"), (self._in_group(domain, group, profile, seen) for group in groups)
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
                _combine(group.get("SourceType"), [self._in_segment(domain, name, profile, seen) for name in sources])
            )
        dimensions = group.get("Dimensions") or []
        if dimensions:
            results = []
            for dimension in dimensions:
                if dimension.get("CalculatedAttributes"):
                    raise NotEvaluated("calculated attribute dimensions are not evaluated by the emulator")
                results.append(_profile_attributes_match(dimension.get("ProfileAttributes") or {}, profile))
            parts.append(_combine(group.get("Type"), results))
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

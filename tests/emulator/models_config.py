# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The configuration resources of a domain: Integration, EventStream, EventTrigger, CalculatedAttribute,
SegmentDefinition. Each kind lives in a dict attribute of the Domain (CONFIG_COLLECTIONS); the operations on
them are in config.py."""

import copy

from moto.core.utils import unix_time

from .common import later_than
from .common import now
from .tagging import Tagged

INTEGRATIONS = "integrations"
EVENT_STREAMS = "event_streams"
EVENT_TRIGGERS = "event_triggers"
CALCULATED_ATTRIBUTES = "calculated_attributes"
SEGMENT_DEFINITIONS = "segment_definitions"
# Domain attributes (dicts keyed by the resource's identity) that hold this module's resources.
CONFIG_COLLECTIONS = (INTEGRATIONS, EVENT_STREAMS, EVENT_TRIGGERS, CALCULATED_ATTRIBUTES, SEGMENT_DEFINITIONS)

# The object type name that marks an unstructured AppFlow integration (GetIntegration IsUnstructured).
UNSTRUCTURED = "_unstructured"


class _Child(Tagged):
    """A configuration resource of a domain: ARN, tags, creation and update times."""

    def __init__(self, domain, path, tags):
        super().__init__("%s/%s" % (domain.arn, path), domain.tag_store, tags)
        self.domain_name = domain.name
        self.created_at = now()
        self.last_updated_at = self.created_at

    def touch(self):
        self.last_updated_at = later_than(self.last_updated_at)

    def described(self, name_member, values):
        """The answer of a resource whose members are ``values``: its name, the members, its times and tags."""
        out = {name_member: self.name}
        out.update(copy.deepcopy(values))
        out.update(
            {
                "CreatedAt": unix_time(self.created_at),
                "LastUpdatedAt": unix_time(self.last_updated_at),
                "Tags": self.tags,
            }
        )
        return out


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
    UPDATABLE += ("IntentFilterDefinition",)

    def __init__(self, domain, name, params):
        super().__init__(domain, "event-triggers/" + name, params.get("Tags"))
        self.name = name
        self.values = {key: copy.deepcopy(params[key]) for key in self.UPDATABLE if params.get(key) is not None}

    def describe(self):
        return self.described("EventTriggerName", self.values)


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

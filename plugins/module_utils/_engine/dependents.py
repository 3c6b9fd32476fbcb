# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a delete takes with it: the contents of a domain, and the resources that name an object type or a
calculated attribute definition. Reads only; each finder returns values (never a field value of a profile).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesErrorHandler
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import has_operation

# What customerprofiles_domain counts before a delete, in this order: (kind, singular, plural). The first two
# come from GetDomain's Stats, the others from one page of their List call (LISTED).
CONTENT_KINDS = (
    ("profiles", "profile", "profiles"),
    ("profile_objects", "profile object", "profile objects"),
    ("object_types", "object type", "object types"),
    ("integrations", "integration", "integrations"),
    ("event_streams", "event stream", "event streams"),
    ("calculated_attributes", "calculated attribute definition", "calculated attribute definitions"),
    ("segment_definitions", "segment definition", "segment definitions"),
    ("event_triggers", "event trigger", "event triggers"),
    ("domain_object_types", "domain object type", "domain object types"),
    ("recommender_schemas", "recommender schema", "recommender schemas"),
    ("recommender_filters", "recommender filter", "recommender filters"),
    ("recommenders", "recommender", "recommenders"),
    ("intent_definitions", "intent definition", "intent definitions"),
    ("segment_streams", "segment stream", "segment streams"),
)
STATS_KINDS = (("profiles", "ProfileCount"), ("profile_objects", "ObjectCount"))
# kind -> (List operation, its client method, extra request members); the page is the largest the model allows.
LISTED = (
    ("object_types", "ListProfileObjectTypes", "list_profile_object_types", {}),
    ("integrations", "ListIntegrations", "list_integrations", {"IncludeHidden": True}),
    ("event_streams", "ListEventStreams", "list_event_streams", {}),
    ("calculated_attributes", "ListCalculatedAttributeDefinitions", "list_calculated_attribute_definitions", {}),
    ("segment_definitions", "ListSegmentDefinitions", "list_segment_definitions", {}),
    ("event_triggers", "ListEventTriggers", "list_event_triggers", {}),
    ("domain_object_types", "ListDomainObjectTypes", "list_domain_object_types", {}),
    ("recommender_schemas", "ListRecommenderSchemas", "list_recommender_schemas", {}),
    ("recommender_filters", "ListRecommenderFilters", "list_recommender_filters", {}),
    ("recommenders", "ListRecommenders", "list_recommenders", {}),
)
# A kind with no List call, counted with Get calls: (kind, Get operation, its client method, the request member
# naming one and the model shape whose enum holds the names, or None: one per domain, the answer's member whose
# presence says the resource is gone, or None). A segment stream that was disassociated (DisassociatedAt) is gone,
# as its modules say.
GOT = (
    ("intent_definitions", "GetIntentDefinition", "get_intent_definition", "IntentDomain", "IntentDomain", None),
    ("segment_streams", "GetStreamForSegments", "get_stream_for_segments", None, None, "DisassociatedAt"),
)


def _one_page(client, operation, method, domain_name, extra):
    """(items of the first page, whether more pages follow), the page as large as the model allows."""
    model = client.meta.service_model.operation_model(operation)
    shape = model.input_shape.members["MaxResults"]
    request = dict(extra, DomainName=domain_name, MaxResults=int(shape.metadata.get("max", 100)))
    # the page's items: the answer's one list member (Items, or RecommenderSchemas and the like)
    (items_key,) = [name for name, member in model.output_shape.members.items() if member.type_name == "list"]

    @CustomerProfilesErrorHandler.common_error_handler(method.replace("_", " "))
    def page():
        return getattr(client, method)(aws_retry=True, **request)

    response = page()
    return response.get(items_key) or [], bool(response.get("NextToken"))


class DomainContents:
    """What a domain holds, by kind: ``counts`` (kind -> number) and ``at_least`` (the kinds with more than
    one page, whose count is the page's)."""

    def __init__(self, counts, at_least=()):
        self.counts = counts
        self.at_least = set(at_least)

    def held(self):
        """The kinds that are not empty, in CONTENT_KINDS order."""
        return [kind for kind, _one, _many in CONTENT_KINDS if self.counts.get(kind)]

    def describe(self):
        """``2 profiles, 1 object type and at least 100 segment definitions`` (the kinds held), or ``nothing``."""
        parts = []
        for kind, one, many in CONTENT_KINDS:
            count = self.counts.get(kind)
            if count:
                parts.append(
                    "{0}{1} {2}".format(
                        "at least " if kind in self.at_least else "", count, one if count == 1 else many
                    )
                )
        if not parts:
            return "nothing"
        return parts[0] if len(parts) == 1 else "{0} and {1}".format(", ".join(parts[:-1]), parts[-1])


def domain_contents(client, domain_name, stats):
    """The DomainContents of a domain: profiles and objects from ``stats`` (GetDomain's Stats), the other kinds
    from one page of each kind's List call (one call per kind), intent definitions from one Get per intent domain,
    the stream for segments from one Get.
    A kind whose operation the installed botocore lacks is not counted (the module documentation says which)."""
    stats = stats or {}
    counts = dict((kind, int(stats.get(member) or 0)) for kind, member in STATS_KINDS)
    at_least = []
    for kind, operation, method, extra in LISTED:
        if not has_operation(operation):
            continue
        items, more = _one_page(client, operation, method, domain_name, extra)
        counts[kind] = len(items)
        if more:
            at_least.append(kind)
    for kind, operation, method, member, shape, gone in GOT:
        if not has_operation(operation):
            continue
        requests = [{member: name} for name in client.meta.service_model.shape_for(shape).enum] if member else [{}]
        getter = getattr(client, method)
        answers = [get_or_none(getter, method.replace("_", " "), DomainName=domain_name, **extra) for extra in requests]
        counts[kind] = sum(1 for answer in answers if answer is not None and not (gone and answer.get(gone)))
    return DomainContents(counts, at_least)


# ---------------------------------------------------------------- dependents of one resource


def describe_dependents(dependents):
    """``integrations arn:...; event triggers a, b`` from {kind: [names]} (kinds in snake_case)."""
    return "; ".join(
        "{0} {1}".format(kind.replace("_", " "), ", ".join(names)) for kind, names in dependents.items() if names
    )


def object_type_dependents(client, domain_name, object_type_name):
    """{kind: [identities]}: the integrations (by Uri) and event triggers (by name) that name the object type;
    kinds with none are left out. One ListIntegrations and one ListEventTriggers (all pages)."""

    def names_it(integration):
        names = [integration.get("ObjectTypeName")] + list((integration.get("ObjectTypeNames") or {}).values())
        return object_type_name in names

    integrations = list_all(client.list_integrations, "list integrations", DomainName=domain_name, IncludeHidden=True)
    triggers = list_all(client.list_event_triggers, "list event triggers", DomainName=domain_name)
    found = {
        "integrations": sorted(item["Uri"] for item in integrations if names_it(item)),
        "event_triggers": sorted(
            item["EventTriggerName"] for item in triggers if item.get("ObjectTypeName") == object_type_name
        ),
    }
    return dict((kind, names) for kind, names in found.items() if names)


def segment_calculated_attributes(definition):
    """The names of the calculated attribute definitions that a segment definition (GetSegmentDefinition's
    answer) uses: in its dimensions and in its sort."""
    names = set()
    for group in (definition.get("SegmentGroups") or {}).get("Groups") or []:
        for dimension in group.get("Dimensions") or []:
            names.update((dimension.get("CalculatedAttributes") or {}).keys())
    for attribute in (definition.get("SegmentSort") or {}).get("Attributes") or []:
        if attribute.get("Type") == "CALCULATED" and attribute.get("Name"):
            names.add(attribute["Name"])
    return names


def calculated_attribute_dependents(client, domain_name, name):
    """{"segment_definitions": [names]} of the segment definitions that use the calculated attribute ({} when
    none). One ListSegmentDefinitions (all pages), then one GetSegmentDefinition per segment definition made of
    segment groups (a SQL segment's query is not examined)."""
    segments = list_all(client.list_segment_definitions, "list segment definitions", DomainName=domain_name)
    users = []
    for item in segments:
        if item.get("SegmentType") == "ENHANCED":
            continue
        definition = get_or_none(
            client.get_segment_definition,
            "get segment definition",
            DomainName=domain_name,
            SegmentDefinitionName=item["SegmentDefinitionName"],
        )
        if definition and name in segment_calculated_attributes(definition):
            users.append(item["SegmentDefinitionName"])
    return {"segment_definitions": sorted(users)} if users else {}


def recommender_schema_dependents(client, domain_name, name):
    """{"recommender_filters": [names]} of the recommender filters that name the schema ({} when none). One
    ListRecommenderFilters (all pages). (Recommenders name a schema too; they are not listed here.)"""
    filters = list_all(
        client.list_recommender_filters,
        "list recommender filters",
        result_key="RecommenderFilters",
        DomainName=domain_name,
    )
    users = sorted(
        item["RecommenderFilterName"]
        for item in filters
        if item.get("RecommenderSchemaName") == name and item.get("RecommenderFilterName")
    )
    return {"recommender_filters": users} if users else {}

# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A whole domain as one document: customerprofiles_domain_config (plan and apply) and its _info (export).

The document (``config``) has a key per kind: ``domain`` (a dict of customerprofiles_domain's options) and a
list per kind of resource inside the domain (``object_types``, ...), each item the options of that kind's own
module. Nothing here plans or compares a resource: each item is that kind's engine resource (its validation,
read, pure plan and apply), built with the item's options, so an item means exactly what its module means.

What this file owns is the composition: the kinds in dependency order (KINDS), the validation of the document
(every error at once, each with its path), the reads run concurrently, the purge of what the document does not
list, the writes in dependency order (deletes in reverse), and the export.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import BULK_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import TokenBucket
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import bulk_option_errors
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import concurrently
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import describe_error
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Resource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import as_written
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import WHOLE_MODULE
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import has_operation
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import too_old
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import as_options
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import input_shape_errors
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import (
    CalculatedAttributeLister,
)
from ansible_collections.awscx.customerprofiles.plugins.module_utils.calculated_attribute import (
    CalculatedAttributeResource,
)
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain import DomainResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain import describe_domain
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain import get_domain
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain_object_type import DomainObjectTypeLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain_object_type import DomainObjectTypeResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_stream import EventStreamLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_stream import EventStreamResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_trigger import EventTriggerLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_trigger import EventTriggerResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.integration import IntegrationLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.integration import IntegrationResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.integration import list_integrations
from ansible_collections.awscx.customerprofiles.plugins.module_utils.intent_definition import IntentDefinitionLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.intent_definition import IntentDefinitionResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import FROM_TEMPLATE
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import ObjectTypeLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import ObjectTypeResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import get_object_type
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import list_object_types
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender import RecommenderLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender import RecommenderResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_filter import RecommenderFilterLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_filter import RecommenderFilterResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_schema import RecommenderSchemaLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_schema import RecommenderSchemaResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import SegmentDefinitionLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import SegmentDefinitionResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_stream import SegmentStreamLister
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_stream import SegmentStreamResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_subscription import (
    SegmentSubscriptionLister,
)
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_subscription import (
    SegmentSubscriptionResource,
)
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_subscription import segment_subscriptions

# Options of a kind's module that a document item never takes: the domain is the task's, an item of the
# document is present (purge deletes), and recreate is the task's.
NOT_ITEM_OPTIONS = ("domain_name", "state", "recreate")
# Options of customerprofiles_domain that config.domain does not take (the domain is never deleted here).
NOT_DOMAIN_OPTIONS = ("domain_name", "state", "force")
ACTIONS = ("create", "update", "replace", "delete", "none")


def _without_template_members(options):
    """An object type made from a template is exported with its template_id and what a user may set with it,
    not the fields, keys and settings the template supplies."""
    if options.get("template_id"):
        for option, _member in FROM_TEMPLATE:
            options.pop(option, None)
    return options


LISTER_GET = "the lister's get"


class Kind:
    """A kind of resource inside a domain, as the document lists it.

    ``key``: its key in the document (``object_types``); ``resource``: its engine resource; ``lister``: its
    _info module's lister (describes a read as the module returns it); ``name_option`` / ``name_member``: its
    identity as an option and as the member of a list item; ``reads_all`` (client, domain) -> list items;
    ``reads_one`` (client, domain, name) -> the resource, None where the list items are complete, or by default
    LISTER_GET: the _info module's own read of one resource (its lister's ``get``, which may add what the Get
    call lacks, such as tags);
    ``exported``: options -> the options exported; ``not_exported``: (item options -> [(option, reason)]);
    ``operation``: the read a botocore older than the kind lacks (its reads_all then lists none, and the export
    says why in ``not_exported``); ``one_per_domain``: the domain holds at most one (named by the domain: its
    ``name_option`` is ``domain_name``), so the document lists at most one.
    """

    def __init__(self, key, resource, lister, name_option, name_member, **hooks):
        self.key = key
        self.resource = resource
        self.lister = lister
        self.name_option = name_option
        self.name_member = name_member
        self.words = key[:-1].replace("_", " ")
        self.reads_all = hooks.get("reads_all") or lister.reads_all
        self.reads_one = hooks.get("reads_one", LISTER_GET)
        self.exported = hooks.get("exported") or (lambda options: options)
        self.not_exported = hooks.get("not_exported") or (lambda options: [])
        self.operation = hooks.get("operation")
        self.one_per_domain = hooks.get("one_per_domain", False)

    def unreadable(self):
        """Why the installed botocore cannot read this kind, or None."""
        if self.operation and not has_operation(self.operation):
            return too_old(self.operation, self.operation)
        return None


def _appflow_flow_definition(options):
    """GetIntegration never returns a flow definition: an Amazon AppFlow integration's cannot be exported."""
    if ":appflow:" in (options.get("uri") or ""):
        return [("flow_definition", "GetIntegration never returns an Amazon AppFlow integration's flow definition")]
    return []


# The kinds in dependency order: a kind may name the kinds before it (an event trigger its object type, its
# segment definition and the intent types of an intent definition, a segment definition calculated attributes and
# other segments, a segment subscription its segment definition, a recommender filter and a recommender their
# recommender schema, an integration object types and event triggers; a domain object type needs the domain's data
# store). Writes go in this order, deletes in reverse.
KINDS = (
    Kind(
        "object_types",
        ObjectTypeResource,
        ObjectTypeLister,
        "object_type_name",
        "ObjectTypeName",
        reads_all=list_object_types,
        reads_one=get_object_type,
        exported=_without_template_members,
    ),
    Kind(
        "domain_object_types",
        DomainObjectTypeResource,
        DomainObjectTypeLister,
        "object_type_name",
        "ObjectTypeName",
    ),
    Kind(
        "calculated_attributes",
        CalculatedAttributeResource,
        CalculatedAttributeLister,
        "calculated_attribute_name",
        "CalculatedAttributeName",
    ),
    Kind(
        "segment_definitions",
        SegmentDefinitionResource,
        SegmentDefinitionLister,
        "segment_definition_name",
        "SegmentDefinitionName",
    ),
    # the domain's one stream for segments, named by the domain; before the subscriptions that publish to it
    Kind(
        "segment_streams",
        SegmentStreamResource,
        SegmentStreamLister,
        "domain_name",
        "DomainName",
        reads_one=None,
        operation="GetStreamForSegments",
        one_per_domain=True,
    ),
    # a subscription is named by its segment definition; the service has no list of them: one Get per segment
    Kind(
        "segment_subscriptions",
        SegmentSubscriptionResource,
        SegmentSubscriptionLister,
        "segment_definition_name",
        "SegmentDefinitionName",
        reads_all=segment_subscriptions,
        reads_one=None,
        operation="GetSegmentSubscription",
    ),
    Kind(
        "recommender_schemas",
        RecommenderSchemaResource,
        RecommenderSchemaLister,
        "recommender_schema_name",
        "RecommenderSchemaName",
    ),
    Kind(
        "recommender_filters",
        RecommenderFilterResource,
        RecommenderFilterLister,
        "recommender_filter_name",
        "RecommenderFilterName",
    ),
    Kind("recommenders", RecommenderResource, RecommenderLister, "recommender_name", "RecommenderName"),
    Kind(
        "intent_definitions",
        IntentDefinitionResource,
        IntentDefinitionLister,
        "intent_domain",
        "IntentDomain",
        operation="GetIntentDefinition",
    ),
    Kind("event_triggers", EventTriggerResource, EventTriggerLister, "event_trigger_name", "EventTriggerName"),
    Kind(
        "integrations",
        IntegrationResource,
        IntegrationLister,
        "uri",
        "Uri",
        reads_all=list_integrations,
        reads_one=None,
        not_exported=_appflow_flow_definition,
    ),
    Kind("event_streams", EventStreamResource, EventStreamLister, "event_stream_name", "EventStreamName"),
)
KIND_KEYS = tuple(kind.key for kind in KINDS)
BY_KEY = dict((kind.key, kind) for kind in KINDS)

DOMAIN_CONFIG_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True),
    config=dict(type="dict", required=True),
    purge=dict(type="list", elements="str", default=[], choices=list(KIND_KEYS)),
    recreate=dict(type="bool", default=False),
    force=dict(type="bool", default=False),
    **BULK_OPTIONS,
)

DOMAIN_CONFIG_INFO_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True),
    substitutions=dict(type="dict", default={}),
    **BULK_OPTIONS,
)


def reads_concurrently(params, function, arguments):
    """function(argument) for each argument, ``max_concurrency`` at a time, each started under a read bucket of
    ``rate_limit`` a second; the results in order."""
    return concurrently(function, arguments, params["max_concurrency"], TokenBucket(params["rate_limit"]))


class ItemModule:
    """The module object one resource of the document sees: the item's options as ``params``; everything else
    (check mode, the region, warnings, clients, the caller's account) is the task's module."""

    def __init__(self, module, params):
        self.task_module = module
        self.params = params

    def __getattr__(self, name):
        return getattr(self.task_module, name)


def option_errors(spec, raw, path, words, module_name, left_out):
    """Messages for what ansible-core could not report by path without repeating a value: ``raw`` (an item as the
    user wrote it) not a dict, an option ``spec`` does not have (``left_out``: the module's options an item never
    takes), and input_shape_errors() (a list given to a text option, a value not among the choices)."""
    if not isinstance(raw, dict):
        return ["{0} must be a dict of the options of {1}".format(path, module_name)]
    known = set(spec)
    for entry in spec.values():
        known.update(entry.get("aliases", []))
    unknown = sorted(name for name in raw if name not in known)
    if unknown:
        return [
            "{0}.{1} is not an option of {2} (the options of {3}, less {4})".format(
                path, name, words, module_name, ", ".join(left_out)
            )
            for name in unknown
        ]
    return input_shape_errors(spec, raw, path)[0]


def _at(path, module_name, message):
    """An item's own validation message at its path; one about the whole module (an operation the installed botocore
    lacks) names the module."""
    if message.startswith(WHOLE_MODULE):
        return "{0}: {1}{2}".format(path, module_name, message.replace(WHOLE_MODULE, "", 1))
    return "{0}.{1}".format(path, message)


class DocumentItem:
    """One resource of the document: its kind (None for the domain), where it is (``path``), its name, the engine
    resource built with its options, and what the run found, planned and did."""

    def __init__(self, kind, path, name, resource, purged=False):
        self.kind = kind
        self.path = path
        self.name = name
        self.resource = resource
        self.purged = purged
        self.current = None
        self.plan = None
        self.outcome = None  # what apply() returned, once the item's plan is applied

    def after(self):
        """The resource after the run: what apply() returned, or the plan's prediction (check mode, no call)."""
        return self.plan.after if self.outcome is None else self.outcome

    @property
    def key(self):
        return self.kind.key if self.kind else "domain"

    def action(self):
        plan = self.plan
        if plan is None or not plan.changed:
            return "none"
        if self.purged:
            return "delete"
        if plan.replaced:
            return "replace"
        return "create" if self.current.resource is None else "update"

    def change(self):
        return dict(kind=self.key, name=self.name, action=self.action())


class DomainConfigResource(Resource):
    """The document as one resource. It composes the kinds' resources rather than planning any of its own, so it
    overrides the flow: read() reads every item concurrently, plan() plans each item and gathers them, and
    apply() applies each item's plan in dependency order (a failure stops the writes after it)."""

    argument_spec = DOMAIN_CONFIG_ARGUMENT_SPEC
    items = ()

    # validation ---------------------------------------------------------------------
    def validate(self):
        """Every item of the document checked (shape, options, the service model, each kind's own checks), before
        any call; every error at once, each with its path as written (``config.object_types[2].fields...``)."""
        params = self.params
        errors = []
        config = params["config"]
        for key in sorted(set(config) - set(("domain",) + KIND_KEYS)):
            errors.append("config.{0} is not a kind ({1})".format(key, ", ".join(("domain",) + KIND_KEYS)))
        for key in params["purge"]:
            if key not in config:
                errors.append(
                    "purge: {0} is not in config; a kind that config leaves out is left alone, so it cannot be "
                    "purged (give config.{0}: [] to delete every one)".format(key)
                )
        errors.extend(bulk_option_errors(params))
        items = []
        if config.get("domain") is not None:
            items.extend(self._domain_item(config["domain"], errors))
        alongside = {}
        for kind in KINDS:
            given = config.get(kind.key)
            if given is None:
                continue
            if not isinstance(given, list):
                errors.append("config.{0} must be a list of dicts".format(kind.key))
                continue
            found = self._kind_items(kind, given, errors)
            alongside[kind.key] = frozenset(item.name for item in found)
            items.extend(found)
        domain = next((item for item in items if item.kind is None), None)
        if domain is not None and (domain.resource.params.get("data_store") or {}).get("enabled") is True:
            alongside["data_store"] = frozenset(["enabled"])  # the document enables the domain's data store
        for item in items:
            item.resource.alongside = alongside
        self.items = items
        return errors

    def _build(self, resource_class, params):
        return resource_class(ItemModule(self.module, params), self.client)

    def _checked(self, resource_class, raw, path, words, module_name, fixed):
        """(messages, resource): ``raw`` checked against the resource's spec with ``fixed`` options (name ->
        value: the domain, state, ...) added, then by the resource's own validate(); messages have ``path``."""
        spec = resource_class.argument_spec
        item_spec = dict((name, entry) for name, entry in spec.items() if name not in fixed)
        messages = option_errors(item_spec, raw, path, words, module_name, sorted(fixed))
        if messages:
            return messages, None
        result = ArgumentSpecValidator(spec, **resource_class.module_kwargs).validate(dict(raw, **fixed))
        if result.error_messages:
            return ["{0}: {1}".format(path, message) for message in result.error_messages], None
        resource = self._build(resource_class, result.validated_parameters)
        written = frozenset(raw)
        own = [as_written(message, spec, written) for message in resource.validate()]
        return [_at(path, module_name, message) for message in own], resource

    def _domain_item(self, raw, errors):
        fixed = dict(domain_name=self.params["domain_name"], state="present", force=False)
        messages, resource = self._checked(
            DomainResource, raw, "config.domain", "the domain", "awscx.customerprofiles.customerprofiles_domain", fixed
        )
        errors.extend(messages)
        return [DocumentItem(None, "config.domain", self.params["domain_name"], resource)] if resource else []

    def _kind_items(self, kind, given, errors):
        items = []
        seen = {}
        module_name = "awscx.customerprofiles.customerprofiles_" + kind.key[:-1]
        if kind.one_per_domain and len(given) > 1:
            errors.append(
                "config.{0}: a domain has at most one {1}, the list has {2}".format(kind.key, kind.words, len(given))
            )
            return items
        for index, raw in enumerate(given):
            path = "config.{0}[{1}]".format(kind.key, index)
            fixed = dict(domain_name=self.params["domain_name"], state="present")
            if "recreate" in kind.resource.argument_spec:
                fixed["recreate"] = self.params["recreate"]
            messages, resource = self._checked(kind.resource, raw, path, "a " + kind.words, module_name, fixed)
            errors.extend(messages)
            if resource is None:
                continue
            name = resource.params[kind.name_option]
            if name in seen:
                errors.append("{0}: {1} {2} is listed twice (also {3})".format(path, kind.words, name, seen[name]))
                continue
            seen[name] = path
            items.append(DocumentItem(kind, path, name, resource))
        return items

    # the flow -------------------------------------------------------------------------
    def concurrently(self, function, arguments):
        return reads_concurrently(self.params, function, arguments)

    def read(self):
        """Every item read concurrently (its own read: one Get, and what its plan needs besides); the purged kinds
        listed (one List each) and what the document does not list read for deletion; the domain read when the
        document leaves it out (its children need it)."""
        domain_name = self.params["domain_name"]
        purged = self.params["purge"]
        work = [("item", item) for item in self.items]
        work.extend(("list", BY_KEY[key]) for key in purged)
        if not any(item.kind is None for item in self.items):
            work.append(("domain", None))
        answers = self.concurrently(self._read_one, work)
        domain = None
        purge_items = []
        for (what, subject), answer in zip(work, answers):
            if what == "item":
                subject.current = answer
            elif what == "domain":
                domain = answer
            else:
                listed = set(item.name for item in self.items if item.kind is subject)
                names = sorted(set(item[subject.name_member] for item in answer) - listed)
                purge_items.extend(self._purge_item(subject, name) for name in names)
        for item, answer in zip(purge_items, self.concurrently(self._read_one, [("item", i) for i in purge_items])):
            item.current = answer
        return Current(dict(items=list(self.items) + purge_items, domain=domain, domain_name=domain_name))

    def _read_one(self, work):
        what, subject = work
        if what == "domain":
            return get_domain(self.client, self.params["domain_name"]) or {}
        if what == "list":
            return subject.reads_all(self.client, self.params["domain_name"])
        try:
            current = subject.resource.read()
        except PlanError as e:
            return e
        return current if isinstance(current, Current) else Current(current)

    def _purge_item(self, kind, name):
        params = dict(domain_name=self.params["domain_name"], state="absent")
        params[kind.name_option] = name
        result = ArgumentSpecValidator(kind.resource.argument_spec).validate(params)
        resource = self._build(kind.resource, result.validated_parameters)
        return DocumentItem(kind, "purge {0}".format(kind.key), name, resource, purged=True)

    def plan(self, current):
        """Each item's own plan; every reason the document cannot be applied at once (before any write)."""
        found = current.resource
        errors = []
        if found["domain"] == {}:
            errors.append(
                "domain {0} does not exist: give config.domain (with default_expiration_days) to create it".format(
                    found["domain_name"]
                )
            )
        warnings, blocked, calls = [], [], []
        for item in found["items"]:
            if isinstance(item.current, PlanError):
                errors.append("{0}: {1}".format(item.path, item.current.message))
                continue
            try:
                item.plan = item.resource.plan(item.current)
            except PlanError as e:
                errors.append("{0}: {1}".format(item.path, e.message))
                continue
            errors.extend(self._purge_refusals(item))
            warnings.extend("{0}: {1}".format(item.path, warning) for warning in item.plan.warnings)
            for reason in (item.plan.blocked, item.plan.failure):
                if reason is not None:
                    blocked.append("{0}: {1}".format(item.path, getattr(reason, "message", reason)))
            calls.extend(item.plan.calls)
        if errors:
            raise PlanError("; ".join(errors) + ". Nothing was changed.")
        changes = [item.change() for item in found["items"]]
        return Plan(
            calls,
            after=found["items"],
            changed=any(change["action"] != "none" for change in changes),
            warnings=warnings,
            blocked=PlanError("; ".join(blocked) + ". Nothing was changed.") if blocked else None,
            entries=changes,
        )

    def _purge_refusals(self, item):
        """Purging an object type deletes its profile objects: refused unless force, when the domain holds any
        (the service counts objects per domain, not per type)."""
        if not (item.purged and item.kind.key == "object_types" and item.plan.calls) or self.params["force"]:
            return []
        count = item.plan.domain_object_count
        if count == 0:
            return []
        return [
            "{0}: deleting object type {1} deletes every profile object of that type (the domain holds {2} profile "
            "object(s) of all types); set force=true to purge it anyway".format(
                item.path, item.name, "an unknown number of" if count is None else count
            )
        ]

    def ordered(self, items):
        """The writes in dependency order: the domain, the kinds in KINDS order; then the deletes, in reverse."""
        rank = dict((kind.key, index) for index, kind in enumerate(KINDS))
        writes = [item for item in items if not item.purged]
        writes.sort(key=lambda item: -1 if item.kind is None else rank[item.kind.key])
        deletes = [item for item in items if item.purged]
        deletes.sort(key=lambda item: -rank[item.kind.key])
        return writes + deletes

    def apply(self, plan):
        """Each item's plan applied by its own resource, one item at a time in dependency order. A failure stops
        the writes after it (they may depend on it): the error says what was done and what was not."""
        done = []
        pending = [item for item in self.ordered(plan.after) if item.plan.calls]
        for position, item in enumerate(pending, 1):
            failure = None
            try:
                item.outcome = item.resource.apply(item.plan)
            except (CustomerProfilesError, PlanError) as error:
                failure = self._stopped(item, error, done, pending[position:])
            self.writes += item.resource.writes
            if failure is not None:
                raise failure
            done.append(item)
        return plan.after

    def _stopped(self, item, error, done, not_made):
        if isinstance(error, PlanError):
            message, details = error.message, dict(error.details)
        else:
            message, details = describe_error(error)
            details.update(error.kwargs or {})
        details.update(
            changes=[one.change() for one in done],
            not_made=[one.change() for one in not_made],
            failed_change=item.change(),
        )
        return PlanError(
            "{0} ({1} {2}): {3}. Made before it: {4} change(s) (changes); not made after it: {5} (not_made), since "
            "they may depend on it. Run the task again once the cause is fixed: it makes only what is left.".format(
                item.path, item.action(), item.name, message, len(done), len(not_made)
            ),
            **details,
        )

    def result(self, plan, outcome):
        changes = plan.entries
        summary = dict((action, 0) for action in ACTIONS)
        for change in changes:
            summary[change["action"]] += 1
        result = dict(changes=changes, summary=summary)
        for item in outcome:
            if item.kind is None:  # the domain, as customerprofiles_domain returns it (predicted in check mode)
                result["domain"] = item.resource.describe(item.after())
        return result

    def diff(self, current, plan, outcome):
        """One before/after per changed resource, each headed by its kind and name."""
        diffs = []
        for item in self.ordered(outcome):
            if item.action() == "none":
                continue
            header = "{0} {1} ({2})".format(item.key, item.name, item.action())
            after = None if item.purged else item.after()
            one = dict(
                before_header=header,
                after_header=item.plan.diff_header or header,
                before=item.resource.describe(item.current.resource),
                after=item.resource.describe(after),
            )
            diffs.append(one)
        return diffs


# ---------------------------------------------------------------- export

TWELVE_DIGITS = re.compile(r"(?<![0-9])[0-9]{12}(?![0-9])")
# Options that name a resource outside the domain by something other than an ARN or a URL.
EXTERNAL_NAMES = ("s3_bucket_name",)


def substituted(value, substitutions):
    """``value`` with every string value's literal texts replaced (longest first, in one pass); map keys (field
    names, tag keys) are names and stay as they are."""
    if not substitutions:
        return value
    pattern = re.compile("|".join(re.escape(text) for text in sorted(substitutions, key=len, reverse=True)))

    def walk(item):
        if isinstance(item, dict):
            return dict((key, walk(sub)) for key, sub in item.items())
        if isinstance(item, list):
            return [walk(sub) for sub in item]
        if isinstance(item, str):
            return pattern.sub(lambda match: substitutions[match.group(0)], item)
        return item

    return walk(value)


def account_specific_paths(document, region):
    """The paths of the string values that hold an ARN or a URL, the region, a 12-digit number (an account id),
    or the name of a resource outside the domain (an S3 bucket), in the form of the error messages."""
    paths = []

    def walk(item, path, name):
        if isinstance(item, dict):
            for key, sub in item.items():
                walk(sub, "{0}.{1}".format(path, key) if path else key, key)
        elif isinstance(item, list):
            for index, sub in enumerate(item):
                walk(sub, "{0}[{1}]".format(path, index), name)
        elif isinstance(item, str):
            reasons = (
                item.startswith("arn:"),
                "://" in item,
                bool(region) and region in item,
                TWELVE_DIGITS.search(item) is not None,
                name in EXTERNAL_NAMES,
            )
            if any(reasons):
                paths.append(path)

    walk(document, "", None)
    return paths


class DomainConfigLister(Lister):
    """The export: the domain and every resource of every kind, each described as its module returns it and
    restricted to its module's options. One List a kind and one Get a resource (the integrations' list items
    are complete), run concurrently under the rate limit."""

    argument_spec = DOMAIN_CONFIG_INFO_ARGUMENT_SPEC

    def concurrently(self, function, arguments):
        return reads_concurrently(self.params, function, arguments)

    def model_inputs(self):
        return [("GetDomain", dict(domain_name=self.params["domain_name"]), "")]

    def extra_checks(self):
        errors = []
        for text, replacement in self.params["substitutions"].items():
            if not text:
                errors.append("substitutions: a text to replace must not be empty")
            if not isinstance(replacement, str):
                errors.append("substitutions: every replacement must be a string")
        return errors + bulk_option_errors(self.params)

    def wanted_one(self):
        return True

    def get_one(self):
        domain_name = self.params["domain_name"]
        domain = get_domain(self.client, domain_name)
        if domain is None:
            return None
        listings = self.concurrently(lambda kind: kind.reads_all(self.client, domain_name), list(KINDS))
        wanted = [
            (kind, item)
            for kind, listed in zip(KINDS, listings)
            for item in sorted(listed, key=lambda one: one[kind.name_member])
        ]
        listers = dict(
            (kind.key, kind.lister(ItemModule(self.module, dict(domain_name=domain_name)), self.client))
            for kind in KINDS
        )
        full = self.concurrently(lambda work: self._full(listers[work[0].key], work), wanted)
        config = dict(domain=as_options(describe_domain(domain), DomainResource.argument_spec, NOT_DOMAIN_OPTIONS))
        not_exported = [dict(path=kind.key, reason=kind.unreadable()) for kind in KINDS if kind.unreadable()]
        for kind in KINDS:
            config[kind.key] = []
        for (kind, _listed), resource in zip(wanted, full):
            if resource is None:  # deleted between the list and the get
                continue
            lister = listers[kind.key]
            options = kind.exported(
                as_options(lister.describe(resource), kind.resource.argument_spec, NOT_ITEM_OPTIONS)
            )
            path = "{0}[{1}]".format(kind.key, len(config[kind.key]))
            for option, reason in kind.not_exported(options):
                not_exported.append(dict(path="{0}.{1}".format(path, option), reason=reason))
            config[kind.key].append(options)
        return dict(
            config=substituted(config, self.params["substitutions"]),
            not_exported=not_exported,
            account_specific=account_specific_paths(config, self.module.region),
        )

    def _full(self, lister, work):
        kind, listed = work
        if kind.reads_one is None:
            return listed
        name = listed[kind.name_member]
        if kind.reads_one == LISTER_GET:
            found = lister.get(name)
        else:
            found = kind.reads_one(self.client, self.params["domain_name"], name)
        if found is not None:
            found.setdefault(kind.name_member, name)
        return found

    def result(self, items):
        if not items:
            return dict(config={}, not_exported=[], account_specific=[])
        return copy.deepcopy(items[0])

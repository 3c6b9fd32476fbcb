# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Engine: a resource named inside a domain (an event stream, a trigger, a calculated attribute, a segment
definition) declares what it is; the engine plans its create, update, replace and delete.

A DomainChild declares:

- its identity: ``name_option`` (the option that names it), ``name_member`` (the request member of its name),
  ``arn_kind`` (its ARN is ``domains/<domain>/<arn_kind>/<name>``) and ``kind`` (its name in words);
- its members: ``members``, (option, member) pairs of its create request, checked against the model's
  ``create_operation``; ``required_to_create``, the (option, member) pairs a create needs;
- which members update in place: ``updatable`` (sent by ``update_method``); any other member that differs needs
  replacing (delete, then create), refused unless ``recreate`` is set; ``read_only`` are the members of a read
  that are never sent back, ``exclusive`` groups of members of which the one given replaces the others;
- its calls: ``create_method``, ``update_method`` (None: the service has none), ``delete_method``;
- ``reads_one``, its get function ``(client, domain_name, name)`` (as ``staticmethod(get_...)``): ``get()``
  reads the resource by its identity, for read() and where ``read_back_after_create`` is set (a create that
  answers without the resource);
- its describe, and ``reports_recreated`` (the result carries ``recreated``).

Hooks for what differs from the rule: ``desired()`` (the members given), ``differing(resource, desired)``,
``missing_to_create(desired)``, ``replacement(resource, desired)`` (the definition a replacing create sends),
``predicted(request, tags)`` (the resource a create makes).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import complete_definition
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import differing_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import check_replaceable
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TaggedResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import planned_tags
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import tag_plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import TAGS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import text_values


def child_spec(name_option, **options):
    """The argument spec of a resource named inside a domain: ``domain_name``, ``name_option`` (required, alias
    ``name``) and ``state``, then ``options`` in their order."""
    spec = dict(domain_name=dict(type="str", required=True))
    spec[name_option] = dict(type="str", required=True, aliases=["name"])
    spec["state"] = dict(type="str", default="present", choices=["present", "absent"])
    spec.update(options)
    return spec


def named_reads(get_method, list_method, name_member, kind=None, result_key="Items"):
    """The two reads of a resource named inside a domain, by its client methods: ``get(client, domain_name, name)``,
    the get call's answer or None when the resource (or the domain) does not exist, and ``list(client,
    domain_name)``, every item of the list call of the domain, all pages (``result_key``, the member of the list
    answer that holds them). ``kind``, the resource in words in the errors (``get <kind>``, ``list <kind>s``), is
    the get method's by default."""
    kind = kind or get_method.replace("get_", "", 1).replace("_", " ")

    def get(client, domain_name, name):
        request = {"DomainName": domain_name, name_member: name}
        return get_or_none(getattr(client, get_method), "get " + kind, **request)

    def list_every(client, domain_name):
        return list_all(
            getattr(client, list_method), "list {0}s".format(kind), result_key=result_key, DomainName=domain_name
        )

    return get, list_every


def given_members(params, members, verbatim=TAGS):
    """The members the user gave, in API form: ``members`` is a sequence of (option, member); ``verbatim`` the
    members whose map keys are data (kept as written)."""
    desired = {}
    for option, member in members:
        value = params.get(option)
        if value is not None:
            # wrapped in its member, so that a member named in ``verbatim`` keeps the keys of its own map too
            desired[member] = (
                to_api({member: strip_none(value)}, verbatim)[member] if isinstance(value, (dict, list)) else value
            )
    return desired


class DomainChild(TaggedResource):
    """A resource named inside a domain: see the module docstring for what a subclass declares."""

    name_member = None
    kind = None
    create_operation = None
    members = ()
    required_to_create = ()
    updatable = ()
    read_only = ()
    exclusive = ()
    create_method = None
    update_method = None
    delete_method = None
    read_back_after_create = False
    reads_one = None
    reports_recreated = False  # the result says whether the resource was deleted and created again (``recreated``)

    @property
    def name(self):
        return self.params[self.name_option]

    def identity(self):
        """The request members that address the resource."""
        return {"DomainName": self.params["domain_name"], self.name_member: self.name}

    def get(self):
        """The resource read by its identity (None when it does not exist)."""
        return self.reads_one(self.client, self.params["domain_name"], self.name)

    def model_inputs(self):
        params = self.params
        options = dict((option, strip_none(params.get(option))) for option, _member in self.members)
        options.update({"domain_name": params["domain_name"], self.name_option: self.name})
        if params.get("tags"):
            options["tags"] = text_values(params["tags"])
        return [(self.create_operation, options, "")]

    # the calls ------------------------------------------------------------------------
    def delete_call(self, why=""):
        action = self.delete_method.replace("_", " ") + (" ({0})".format(why) if why else "")
        return Call(self.delete_method, self.identity(), action)

    def create_call(self, definition, tags, action):
        """The create request: ``definition`` (API form), the identity and ``tags`` (the tags it is to have)."""
        request = dict(definition, **self.identity())
        if tags:
            request["Tags"] = dict(tags)
        return Call(self.create_method, request, action)

    # the hooks ------------------------------------------------------------------------
    def desired(self):
        """The members the user gave, in API form (members left out are absent)."""
        return given_members(self.params, self.members, self.verbatim_keys)

    def differing(self, resource, desired):
        """The members of ``desired`` that differ from ``resource``."""
        return differing_members(resource, desired)

    def missing_to_create(self, desired):
        """The options a create needs that were not given."""
        return [option for option, member in self.required_to_create if member not in desired]

    def replacement(self, resource, desired):
        """The definition that replaces ``resource``: its members (less the read-only ones) with ``desired`` over
        them; of each ``exclusive`` group, the member given replaces the others."""
        definition = complete_definition(resource, desired, self.read_only)
        for group in self.exclusive:
            if any(member in desired for member in group):
                for member in group:
                    if member not in desired:
                        definition.pop(member, None)
        return definition

    def predicted(self, request, tags):
        """The resource a create of ``request`` makes (before read_back)."""
        after = dict((key, value) for key, value in request.items() if key != "DomainName")
        after["Tags"] = dict(tags or {})
        return after

    def option_of(self, member):
        return dict((member, option) for option, member in self.members)[member]

    # the plans ------------------------------------------------------------------------
    def plan_absent(self, found):
        if found.resource is None:
            return Plan(after=None)
        return Plan([self.delete_call()], after=None)

    def plan_create(self, found):
        desired = self.desired()
        missing = self.missing_to_create(desired)
        if missing:
            raise PlanError(
                "{0} required to create {1} {2} in domain {3}, which does not exist".format(
                    " and ".join(missing) + (" are" if len(missing) > 1 else " is"),
                    self.kind,
                    self.name,
                    self.params["domain_name"],
                )
            )
        tags = text_values(self.params.get("tags")) or {}
        call = self.create_call(desired, tags, "create " + self.kind)
        return Plan([call], after=self.predicted(call.request, tags))

    def plan_update(self, found):
        resource = found.resource
        desired = self.desired()
        differing = self.differing(resource, desired)
        fixed = [self.option_of(member) for member in differing if member not in self.updatable]
        if check_replaceable(self.kind[:1].upper() + self.kind[1:], self.name, fixed, self.params.get("recreate")):
            return self.plan_replace(resource, desired)
        updates = dict((member, desired[member]) for member in differing if member in self.updatable)
        calls = []
        if updates:
            calls.append(Call(self.update_method, dict(updates, **self.identity()), "update " + self.kind))
        after = copy.deepcopy(resource)
        after.update(copy.deepcopy(updates))
        after["Tags"] = tag_plan(calls, self.arn_path(), resource.get("Tags") or {}, self.params)
        return Plan(calls, after=after)

    def plan_replace(self, resource, desired):
        """Delete, then create with the whole definition (``replacement``) and the tags planned."""
        tags = planned_tags(resource.get("Tags") or {}, self.params)
        create = self.create_call(self.replacement(resource, desired), tags, "create {0} again".format(self.kind))
        calls = [self.delete_call("to create it again"), create]
        return Plan(calls, after=self.predicted(create.request, tags), replaced=True)

    def result(self, plan, outcome):
        result = {self.result_key: self.describe(outcome)}
        if self.reports_recreated:
            result["recreated"] = plan.replaced
        return result

    def read_back(self, plan, outcome):
        if self.read_back_after_create and any(call.method == self.create_method for call in plan.calls):
            return self.get() or outcome
        return outcome

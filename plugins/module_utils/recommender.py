# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Recommenders (CreateRecommender, UpdateRecommender, StartRecommender, StopRecommender), for
customerprofiles_recommender and _info.

Every member of CreateRecommender is an option. UpdateRecommender takes ``description`` and ``recommender_config``:
they change in place; any other difference (the recipe, the schema) fails naming the options, unless ``recreate``
deletes the recommender and creates it again (its training starts over).

A recommender has a status (GetRecommender's ``Status``): a new one is PENDING, then IN_PROGRESS while it trains,
then ACTIVE (or FAILED); StopRecommender takes it through STOPPING to INACTIVE, StartRecommender through STARTING
back to ACTIVE. The option ``status`` (``running`` / ``stopped``) makes the call that gets there. StartRecommender
"starts a recommender that was previously stopped" (the API reference) and StopRecommender stops an ACTIVE one (the
Amazon Personalize reference of the recommenders behind it); so a call is made only from the status it takes, and a
recommender on its way to another status (PENDING, IN_PROGRESS, STARTING, STOPPING) is waited for first (``wait``),
or the module fails before any write naming the status. With ``wait`` the module then waits, polling GetRecommender
with growing pauses up to ``wait_timeout`` seconds, until the status the calls started has settled (ACTIVE, INACTIVE or
FAILED, and the latest update's too).

The result carries the service's status as ``service_status``; ``status`` is the option's form of it (``running``
for ACTIVE and the statuses on the way there, ``stopped`` for INACTIVE and STOPPING, None for FAILED and DELETING),
so that the recommender as returned, given back to the module, changes nothing.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import list_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import JOB_DELAYS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import poll
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_schema import read_with_schema

# The members of the model's RecommenderConfig shape, as snake_case sub-options (checked against the model by
# tests/unit/plugins/modules/test_customerprofiles_recommender.py).
EVENT_PARAMETERS_OPTIONS = dict(
    event_type=dict(type="str", required=True),
    event_value_threshold=dict(type="float"),
    event_weight=dict(type="float"),
)
DIVERSITY_COLUMN_OPTIONS = dict(
    name=dict(type="str", required=True),
    cap_type=dict(type="str", required=True),
    target=dict(type="str", required=True),
)
RECOMMENDER_CONFIG_OPTIONS = dict(
    events_config=dict_option(dict(event_parameters_list=list_option(EVENT_PARAMETERS_OPTIONS, required=True))),
    training_frequency=dict(type="int"),
    inference_config=dict_option(dict(min_provisioned_tps=dict(type="int"))),
    included_columns=dict(type="dict"),
    excluded_columns=dict(type="dict"),
    diversity_config=dict_option(dict(diversity_columns=list_option(DIVERSITY_COLUMN_OPTIONS))),
)

RECOMMENDER_ARGUMENT_SPEC = child_spec(
    "recommender_name",
    recommender_recipe_name=dict(type="str"),
    recommender_config=dict_option(RECOMMENDER_CONFIG_OPTIONS),
    description=dict(type="str"),
    recommender_schema_name=dict(type="str"),
    status=dict(type="str", choices=["running", "stopped"]),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=600),
    recreate=dict(type="bool", default=False),
    **TAG_OPTIONS,
)

NAMES = names_from_spec(RECOMMENDER_ARGUMENT_SPEC)

# option -> CreateRecommender member (besides the names and tags)
MEMBERS = option_members("recommender_recipe_name", "recommender_config", "description", "recommender_schema_name")
UPDATABLE = ("Description", "RecommenderConfig")  # the members of UpdateRecommender
REQUIRED_TO_CREATE = option_members("recommender_recipe_name")
# Members of a GetRecommender answer that are never sent back.
READ_ONLY = (
    "RecommenderName",
    "Status",
    "CreatedAt",
    "LastUpdatedAt",
    "FailureReason",
    "LatestRecommenderUpdate",
    "ActiveRecommenderVersionName",
    "TrainingMetrics",
    "Tags",
)
# The member the model spells otherwise than the option in CamelCase.
TPS_OPTION, TPS_MEMBER = "recommender_config.inference_config.min_provisioned_tps", "MinProvisionedTPS"
# The members whose maps are keyed by data: tags, the dataset types of the columns, the training metrics' names.
VERBATIM = ("Tags", "IncludedColumns", "ExcludedColumns", "Metrics")

# The statuses (RecommenderStatus): where a recommender stays, and the option's form of each.
SETTLED = ("ACTIVE", "INACTIVE", "FAILED")
RUNNING = ("ACTIVE", "PENDING", "IN_PROGRESS", "STARTING")  # serving, or on its way to
STOPPED = ("INACTIVE", "STOPPING")
# The status each call takes the recommender from, and the one it settles in.
STATUS_CALLS = {"start_recommender": ("INACTIVE", "ACTIVE"), "stop_recommender": ("ACTIVE", "INACTIVE")}
# What the settling calls do, in words (the refusals name them).
DOES = {
    "start_recommender": "StartRecommender starts only a stopped (INACTIVE) recommender",
    "stop_recommender": "StopRecommender stops only an ACTIVE recommender",
    "update_recommender": "UpdateRecommender is made only once it has settled",
}


# ---------------------------------------------------------------- reads


get_recommender, list_recommenders = named_reads(
    "get_recommender", "list_recommenders", "RecommenderName", result_key="Recommenders"
)


def list_recipes(client):
    """Every ListRecommenderRecipes item (the recipes a recommender can use), all pages."""
    return list_all(client.list_recommender_recipes, "list recommender recipes", result_key="RecommenderRecipes")


def option_status(service_status):
    """The option's form (``running``, ``stopped``, or None) of a recommender's status."""
    if service_status in RUNNING:
        return "running"
    return "stopped" if service_status in STOPPED else None


def describe_recommender(api, domain_name=None):
    """A recommender as the modules return it ({} when absent): the service's status as ``service_status``, the
    option's form of it as ``status``."""
    if not api:
        return {}
    described = describe(api, NAMES, VERBATIM, **({"DomainName": domain_name} if domain_name else {}))
    described["service_status"] = described.pop("status", None)
    described["status"] = option_status(described["service_status"])
    return described


def settled(recommender):
    """True when the recommender stays as it is: its status and its latest update's are ACTIVE, INACTIVE or FAILED."""
    update = (recommender.get("LatestRecommenderUpdate") or {}).get("Status")
    return recommender.get("Status") in SETTLED and update in SETTLED + (None,)


class RecommenderResource(DomainChild):
    """Description and RecommenderConfig update in place; the recipe and the schema are replaced (``recreate``).
    ``status`` plans a StartRecommender or StopRecommender; apply waits (``wait``) where a call needs a settled
    recommender (``settle_first`` on the call) and, at the end, until what the calls started has settled."""

    argument_spec = RECOMMENDER_ARGUMENT_SPEC
    result_key = "recommender"
    kind = "recommender"
    verbatim_keys = VERBATIM
    model_renames = {TPS_OPTION: TPS_MEMBER}
    name_option = "recommender_name"
    name_member = "RecommenderName"
    arn_kind = "recommenders"
    create_operation = "CreateRecommender"
    members = MEMBERS
    required_to_create = REQUIRED_TO_CREATE
    updatable = UPDATABLE
    read_only = READ_ONLY
    create_method = "create_recommender"
    update_method = "update_recommender"
    delete_method = "delete_recommender"
    reads_one = staticmethod(get_recommender)
    reports_recreated = True

    # validation --------------------------------------------------------------------------
    def extra_checks(self):
        errors = []
        config = self.params.get("recommender_config") or {}
        if config.get("included_columns") is not None and config.get("excluded_columns") is not None:
            errors.append(
                "recommender_config.included_columns and recommender_config.excluded_columns are mutually exclusive "
                "(the service trains on the columns included, or on every column but those excluded)"
            )
        if self.params.get("wait_timeout") is not None and self.params["wait_timeout"] < 0:
            errors.append("wait_timeout must be 0 or more")
        return errors

    def desired(self):
        desired = super(RecommenderResource, self).desired()
        inference = (desired.get("RecommenderConfig") or {}).get("InferenceConfig") or {}
        if "MinProvisionedTps" in inference:
            inference[TPS_MEMBER] = inference.pop("MinProvisionedTps")
        return desired

    def read(self):
        return read_with_schema(self)

    # the plans -----------------------------------------------------------------------------
    def plan_create(self, found):
        return self.with_status(super(RecommenderResource, self).plan_create(found), "PENDING")

    def plan_replace(self, resource, desired):
        return self.with_status(super(RecommenderResource, self).plan_replace(resource, desired), "PENDING")

    def plan_update(self, found):
        resource = found.resource
        status = resource.get("Status")
        if status == "DELETING":
            raise PlanError(
                "Recommender {0} of domain {1} is being deleted (DELETING); nothing was changed. Run again once it "
                "is gone.".format(self.name, self.params["domain_name"])
            )
        if status == "FAILED" and self.params.get("status"):
            if not self.params.get("recreate"):
                raise PlanError(
                    "Recommender {0} of domain {1} FAILED ({2}): StartRecommender and StopRecommender take only an "
                    "ACTIVE or INACTIVE recommender; nothing was changed. Set recreate=true to delete it and create "
                    "it again (its training starts over).".format(
                        self.name, self.params["domain_name"], resource.get("FailureReason") or "no reason given"
                    ),
                    failure_reason=resource.get("FailureReason"),
                )
            return self.plan_replace(resource, self.desired())
        plan = super(RecommenderResource, self).plan_update(found)
        if plan.replaced:
            return plan
        for call in plan.calls:
            if call.method == self.update_method:
                call.settle_first = not settled(resource)
        return self.with_status(plan, status)

    def with_status(self, plan, status):
        """``plan`` with the StartRecommender or StopRecommender call that takes a recommender in ``status`` (once
        the plan's other calls are made) to the option ``status``, and the status predicted. A call that needs a
        settled recommender, without ``wait``, fails naming the status, before any write."""
        wanted = self.params.get("status")
        method = None
        if wanted == "running" and status in STOPPED:
            method = "start_recommender"
        elif wanted == "stopped" and status in RUNNING:
            method = "stop_recommender"
        if method:
            call = Call(method, self.identity(), method.replace("_", " "))
            call.settle_first = status not in SETTLED
            plan.calls.append(call)
            plan.changed = True
        for call in plan.calls:
            if getattr(call, "settle_first", False) and not self.params["wait"]:
                raise PlanError(
                    "Recommender {0} of domain {1} is {2}{3}: {4}; nothing was changed. Set wait=true to wait until it "
                    "settles first.".format(
                        self.name,
                        self.params["domain_name"],
                        status,
                        " (a new recommender trains first)" if status == "PENDING" else "",
                        DOES[call.method],
                    )
                )
        wait = self.params["wait"]
        if method:
            plan.after["Status"] = STATUS_CALLS[method][1] if wait else method.split("_", maxsplit=1)[0].upper() + "ING"
        elif any(call.method == self.create_method for call in plan.calls):
            plan.after["Status"] = "ACTIVE" if wait else status
        else:
            plan.after["Status"] = status
        return plan

    # apply -------------------------------------------------------------------------------------
    def call(self, call, method=None):
        """A call that needs a settled recommender waits for it first; a Start or Stop whose recommender settled where
        the call would take it is not made, one that settled elsewhere (FAILED) fails naming the status."""
        if getattr(call, "settle_first", False):
            found, done = self.poll()
            status = (found or {}).get("Status")
            if not done:
                raise PlanError(
                    "Recommender {0} of domain {1} is still {2} after wait_timeout={3} seconds: {4}; the calls not "
                    "made: {5}.".format(
                        self.name,
                        self.params["domain_name"],
                        status,
                        self.params["wait_timeout"],
                        DOES[call.method],
                        call.action,
                    )
                )
            if call.method in STATUS_CALLS:
                takes, makes = STATUS_CALLS[call.method]
                if status == makes:
                    return {}
                if status != takes:
                    raise PlanError(
                        "Recommender {0} of domain {1} settled {2}{3}: {4}.".format(
                            self.name,
                            self.params["domain_name"],
                            status,
                            " ({0})".format(found.get("FailureReason")) if found.get("FailureReason") else "",
                            DOES[call.method],
                        )
                    )
        return super(RecommenderResource, self).call(call)

    def poll(self):
        """GetRecommender until the recommender has settled (``settled``) or is gone, at most ``wait_timeout`` seconds:
        (the last read, True when it settled)."""
        return poll(self.get, settled, self.params["wait_timeout"], JOB_DELAYS)

    def read_back(self, plan, outcome):
        """After a create, an update, a start or a stop: the recommender read again, once it settled (``wait``; a
        warning when it did not within ``wait_timeout``) or as it is."""
        writes = (self.create_method, self.update_method) + tuple(STATUS_CALLS)
        if outcome is None or not any(call.method in writes for call in plan.calls):
            return outcome
        if not self.params["wait"]:
            return self.get() or outcome
        found, done = self.poll()
        if not done:
            self.module.warn(
                "Recommender {0} of domain {1} is still {2} after wait_timeout={3} seconds; what was asked is done "
                "and it goes on by itself (run again, or read it with customerprofiles_recommender_info).".format(
                    self.name, self.params["domain_name"], (found or {}).get("Status"), self.params["wait_timeout"]
                )
            )
        return found or outcome

    def describe(self, result):
        return describe_recommender(result, self.params["domain_name"])


class RecommenderLister(
    named_lister(
        RecommenderResource,
        "GetRecommender",
        "recommenders",
        list_recommenders,
        list_recipes=dict(type="bool", default=False),
    )
):
    """Every recommender is described by GetRecommender (as the module returns it); ``list_recipes`` adds the
    recipes (ListRecommenderRecipes)."""

    def model_inputs(self):
        inputs = super(RecommenderLister, self).model_inputs()
        if self.params["list_recipes"]:
            inputs.append(("ListRecommenderRecipes", {}, "list_recipes"))
        return inputs

    def result(self, items):
        result = super(RecommenderLister, self).result(items)
        if self.params["list_recipes"]:
            result["recipes"] = [from_api(recipe) for recipe in list_recipes(self.client)]
        return result

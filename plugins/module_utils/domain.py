# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The domain resource: its options, calls, plan and description, for customerprofiles_domain and _info."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import applied
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import domain_contents
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import bad_request_message
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import list_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import refusal_explained
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TaggedResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import tag_plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import text_values

DAYS_OF_THE_WEEK = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]

# The blocks the API replaces whole on UpdateDomain, and the members of their
# responses that are read-only (never sent back).
READ_ONLY_MEMBERS = {"RuleBasedMatching": ("Status",), "DataStore": ("Readiness",)}

CONFLICT_RESOLUTION_OPTIONS = dict(
    conflict_resolving_model=dict(type="str", required=True, choices=["RECENCY", "SOURCE"]),
    source_name=dict(type="str"),
)

EXPORTING_CONFIG_OPTIONS = dict(
    s3_exporting=dict_option(
        dict(
            s3_bucket_name=dict(type="str", required=True),
            s3_key_name=dict(type="str", no_log=False),
        )
    ),
)

MATCHING_OPTIONS = dict(
    enabled=dict(type="bool", required=True),
    job_schedule=dict_option(
        dict(
            day_of_the_week=dict(type="str", required=True, choices=DAYS_OF_THE_WEEK),
            time=dict(type="str", required=True),
        )
    ),
    auto_merging=dict_option(
        dict(
            enabled=dict(type="bool", required=True),
            consolidation=dict_option(dict(matching_attributes_list=dict(type="list", elements="list", required=True))),
            conflict_resolution=dict_option(CONFLICT_RESOLUTION_OPTIONS),
            min_allowed_confidence_score_for_merging=dict(type="float"),
        )
    ),
    exporting_config=dict_option(EXPORTING_CONFIG_OPTIONS),
)

RULE_BASED_MATCHING_OPTIONS = dict(
    enabled=dict(type="bool", required=True),
    matching_rules=list_option(dict(rule=dict(type="list", elements="str", required=True))),
    max_allowed_rule_level_for_merging=dict(type="int"),
    max_allowed_rule_level_for_matching=dict(type="int"),
    attribute_types_selector=dict_option(
        dict(
            attribute_matching_model=dict(type="str", required=True, choices=["ONE_TO_ONE", "MANY_TO_MANY"]),
            address=dict(type="list", elements="str"),
            phone_number=dict(type="list", elements="str"),
            email_address=dict(type="list", elements="str"),
        )
    ),
    conflict_resolution=dict_option(CONFLICT_RESOLUTION_OPTIONS),
    exporting_config=dict_option(EXPORTING_CONFIG_OPTIONS),
)

DOMAIN_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True, aliases=["name"]),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    default_expiration_days=dict(type="int"),
    default_encryption_key=dict(type="str", no_log=False),
    dead_letter_queue_url=dict(type="str"),
    matching=dict_option(MATCHING_OPTIONS),
    rule_based_matching=dict_option(RULE_BASED_MATCHING_OPTIONS),
    data_store=dict_option(dict(enabled=dict(type="bool"))),
    **TAG_OPTIONS,
    force=dict(type="bool", default=False),
)

DOMAIN_NAMES = names_from_spec(DOMAIN_ARGUMENT_SPEC)

EMPTY_STATS = {"ProfileCount": 0, "MeteringProfileCount": 0, "ObjectCount": 0, "TotalSize": 0}

# option -> UpdateDomain member, for the top-level settings ("" clears the two text ones)
SETTINGS = option_members("default_expiration_days", "default_encryption_key", "dead_letter_queue_url")
BLOCK_OPTIONS = option_members("matching", "rule_based_matching", "data_store")


# ---------------------------------------------------------------- reads


def get_domain(client, domain_name):
    """GetDomain's answer, or None when the domain does not exist."""
    return get_or_none(client.get_domain, "get domain", DomainName=domain_name)


def list_domains(client):
    """Every ListDomains item of the region, all pages."""
    return list_all(client.list_domains, "list domains")


# ---------------------------------------------------------------- shapes


def describe_domain(api):
    """A GetDomain/CreateDomain/UpdateDomain answer as the modules return it (snake_case, tags a plain dict)."""
    return describe(api, DOMAIN_NAMES)


def _without_read_only(member, block):
    block = copy.deepcopy(block or {})
    for read_only in READ_ONLY_MEMBERS.get(member, ()):
        block.pop(read_only, None)
    return block


def given_block(params, option):
    """The block the user gave, in API shape: the complete desired block (None when not given)."""
    if params.get(option) is None:
        return None
    return to_api(strip_none(params[option]))


class DomainResource(TaggedResource):
    argument_spec = DOMAIN_ARGUMENT_SPEC
    result_key = "domain"

    def arn_path(self):
        return "domains/" + self.params["domain_name"]

    def model_inputs(self):
        options = dict((option, self.params.get(option)) for option, _member in SETTINGS + BLOCK_OPTIONS)
        options["domain_name"] = self.params["domain_name"]
        if self.params.get("tags"):
            options["tags"] = text_values(self.params["tags"])
        return [("UpdateDomain", options, "")]

    def read(self):
        """The domain, and for state=absent what it holds (``contents``)."""
        current = get_domain(self.client, self.params["domain_name"])
        contents = None
        if current is not None and self.params["state"] == "absent":
            contents = domain_contents(self.client, self.params["domain_name"], current.get("Stats"))
        return Current(current, contents=contents)

    def plan_absent(self, found):
        if found.resource is None:
            return Plan(after=None)
        contents = found.contents
        if contents.held() and not self.params["force"]:
            raise PlanError(
                "Domain {0} holds {1}. Deleting it deletes all of it, irreversibly; set force=true to delete it "
                "anyway. Nothing was deleted.".format(self.params["domain_name"], contents.describe()),
                contents=contents.counts,
                profile_count=contents.counts["profiles"],
            )
        call = Call("delete_domain", dict(DomainName=self.params["domain_name"]), "delete domain")
        header = "deleted with domain {0}: {1}".format(self.params["domain_name"], contents.describe())
        return Plan([call], after=None, contents=contents, diff_header=header)

    def plan_create(self, found):
        params = self.params
        if params["default_expiration_days"] is None:
            raise PlanError(
                "default_expiration_days is required to create domain {0}, which does not exist".format(
                    params["domain_name"]
                )
            )
        request = {"DomainName": params["domain_name"], "DefaultExpirationDays": params["default_expiration_days"]}
        for option, member in SETTINGS[1:]:
            if params.get(option):
                request[member] = params[option]
        for option, member in BLOCK_OPTIONS:
            block = given_block(params, option)
            if block is not None:
                request[member] = block
        tags = text_values(params.get("tags"))
        if tags:
            request["Tags"] = tags
        after = copy.deepcopy(request)
        after["Tags"] = dict(tags or {})
        after["Stats"] = dict(EMPTY_STATS)
        return Plan([Call("create_domain", request, "create domain")], after=after)

    def plan_update(self, found):
        params = self.params
        current = found.resource
        request = {}
        for option, member in SETTINGS:
            wanted = params.get(option)
            if wanted is not None and wanted != current.get(
                member, "" if option != "default_expiration_days" else None
            ):
                request[member] = wanted
        for option, member in BLOCK_OPTIONS:
            block = given_block(params, option)
            if block is not None and block != _without_read_only(member, current.get(member)):
                request[member] = block
        calls = (
            [Call("update_domain", dict(request, DomainName=params["domain_name"]), "update domain")] if request else []
        )
        after = copy.deepcopy(current)
        for member, value in request.items():
            if value == "":
                after.pop(member, None)
            elif member in READ_ONLY_MEMBERS:
                kept = dict(
                    (key, item) for key, item in (current.get(member) or {}).items() if key in READ_ONLY_MEMBERS[member]
                )
                after[member] = dict(value, **kept)
            else:
                after[member] = value
        after["Tags"] = tag_plan(calls, self.arn_path(), current.get("Tags") or {}, params)
        return Plan(calls, after=after, before=current)

    def call(self, call):
        """A CreateDomain that failed but created the domain all the same answers with the domain read."""
        try:
            return super(DomainResource, self).call(call)
        except CustomerProfilesError as e:
            response = self._created_all_the_same(e, call)
            if response is None:
                raise
            return response

    def outcome_from(self, call, response, outcome):
        if call.method == "create_domain":
            # A domain just created holds nothing: its statistics are known without a read.
            response.setdefault("Stats", outcome["Stats"])
            response["Tags"] = dict(response.get("Tags") or outcome["Tags"])
            return response
        if call.method == "update_domain":
            for member, value in response.items():
                if member not in ("Tags", "DomainName"):
                    outcome[member] = value
            for _option, member in SETTINGS[1:]:
                if call.request.get(member) == "":
                    outcome.pop(member, None)
        return outcome

    def explain(self, call, error, plan):
        self._explain_busy_matching(error, call, plan.before or {})

    def _created_all_the_same(self, error, call):
        """The domain a failed CreateDomain created all the same (an attempt's answer was incomplete, so the retry
        found the domain existing), as GetDomain describes it; None for any other failure."""
        if call.method != "create_domain" or not applied(error):
            return None
        return get_domain(self.client, self.params["domain_name"])

    def _explain_busy_matching(self, error, call, current):
        """UpdateDomain refused while a rule-based matching job runs: say so (the service's message alone does not)."""
        busy = (current.get("RuleBasedMatching") or {}).get("Status") == "IN_PROGRESS"
        if call.method != "update_domain" or not ("RuleBasedMatching" in call.request or busy):
            return
        message = bad_request_message(error)
        if message is not None:
            status = (current.get("RuleBasedMatching") or {}).get("Status") or "unknown"
            raise refusal_explained(
                "The service refused to change rule_based_matching of domain {0} because its rule-based matching job is in "
                "progress (status {1}). Retry when the rule-based matching job has finished.".format(
                    self.params["domain_name"], status
                ),
                message,
            )

    def describe(self, result):
        return describe_domain(result)

    def result(self, plan, outcome):
        result = {self.result_key: self.describe(outcome)}
        if plan.contents is not None:
            result["contents"] = plan.contents.counts
        return result


class DomainLister(Lister):
    argument_spec = dict(domain_name=dict(type="str", aliases=["name"]))
    result_key = "domains"

    def model_inputs(self):
        return [("GetDomain", dict(domain_name=self.params["domain_name"]), "")]

    def wanted_one(self):
        return self.params["domain_name"] is not None

    def get_one(self):
        return get_domain(self.client, self.params["domain_name"])

    def list_all(self):
        domains = (get_domain(self.client, item["DomainName"]) for item in list_domains(self.client))
        return [domain for domain in domains if domain is not None]

    def describe(self, item):
        return describe_domain(item)

# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Recommender filters (CreateRecommenderFilter), for customerprofiles_recommender_filter and _info.

A recommender filter has no update operation: any difference in its members fails naming the options, unless
``recreate`` deletes it and creates it again. A filter is not attached to a recommender: callers name it in each
GetProfileRecommendations request (``RecommenderFilters[].Name``). DeleteRecommenderFilter's reference documents no
check of those callers and no refusal (its errors are the generic ones), so the module warns, in check mode too,
before a delete or a replacement: requests that name the filter stop finding it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils.recommender_schema import read_with_schema

RECOMMENDER_FILTER_ARGUMENT_SPEC = child_spec(
    "recommender_filter_name",
    recommender_filter_expression=dict(type="str"),
    recommender_schema_name=dict(type="str"),
    description=dict(type="str"),
    recreate=dict(type="bool", default=False),
    **TAG_OPTIONS,
)

# option -> CreateRecommenderFilter member (besides the names and tags)
MEMBERS = option_members("recommender_filter_expression", "recommender_schema_name", "description")
REQUIRED_TO_CREATE = option_members("recommender_filter_expression")
# Members of a GetRecommenderFilter answer that are never sent back.
READ_ONLY = ("RecommenderFilterName", "CreatedAt", "Status", "FailureReason", "Tags")

NAMES = names_from_spec(RECOMMENDER_FILTER_ARGUMENT_SPEC)


# ---------------------------------------------------------------- reads


get_recommender_filter, list_recommender_filters = named_reads(
    "get_recommender_filter", "list_recommender_filters", "RecommenderFilterName", result_key="RecommenderFilters"
)


def describe_recommender_filter(api, domain_name=None):
    """A recommender filter as the modules return it ({} when absent)."""
    return describe(api, NAMES, **({"DomainName": domain_name} if domain_name else {}))


def delete_warning(domain_name, name, why):
    """What deleting the filter does to the requests that name it (said before the delete, in check mode too)."""
    return (
        "{0} recommender filter {1} of domain {2}: a filter is named in each GetProfileRecommendations request, "
        "not stored with a recommender, and the DeleteRecommenderFilter reference documents no check of who uses it "
        "and no refusal of the delete; requests that name {1} fail to find it{3}.".format(
            why, name, domain_name, " until it is created again" if why.startswith("Replacing") else ""
        )
    )


class RecommenderFilterResource(DomainChild):
    """No update: any difference is replaced (``recreate``). CreateRecommenderFilter answers only the ARN and tags:
    the filter is read back once (``read_back_after_create``)."""

    argument_spec = RECOMMENDER_FILTER_ARGUMENT_SPEC
    result_key = "recommender_filter"
    kind = "recommender filter"
    name_option = "recommender_filter_name"
    name_member = "RecommenderFilterName"
    arn_kind = "recommender-filters"
    create_operation = "CreateRecommenderFilter"
    members = MEMBERS
    required_to_create = REQUIRED_TO_CREATE
    read_only = READ_ONLY
    create_method = "create_recommender_filter"
    delete_method = "delete_recommender_filter"
    read_back_after_create = True
    reads_one = staticmethod(get_recommender_filter)
    reports_recreated = True

    def read(self):
        return read_with_schema(self)

    def plan_absent(self, found):
        plan = super(RecommenderFilterResource, self).plan_absent(found)
        if plan.calls:
            warning = delete_warning(self.params["domain_name"], self.name, "Deleting")
            plan.warnings, plan.diff_header = [warning], warning
        return plan

    def plan_replace(self, resource, desired):
        plan = super(RecommenderFilterResource, self).plan_replace(resource, desired)
        warning = delete_warning(self.params["domain_name"], self.name, "Replacing (delete, then create)")
        plan.warnings, plan.diff_header = [warning], warning
        return plan

    def describe(self, result):
        return describe_recommender_filter(result, self.params["domain_name"])


# Every filter is described by GetRecommenderFilter (as the module returns it).
RecommenderFilterLister = named_lister(
    RecommenderFilterResource, "GetRecommenderFilter", "recommender_filters", list_recommender_filters
)

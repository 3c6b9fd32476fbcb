# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Recommender schemas (CreateRecommenderSchema), for customerprofiles_recommender_schema and _info.

A recommender schema has no update operation: a different ``fields`` fails naming it, unless ``recreate`` deletes
the schema and creates it again. GetRecommenderSchema answers without the tags and the ARN: the tags of an existing
schema are read with ListTagsForResource on the ARN built from the caller's account. The keys of ``fields`` are
dataset types (``_webAnalytics``, ``_catalogItem``): names, kept as written.

DeleteRecommenderSchema's reference documents no check of the recommenders and filters that name the schema, and no
refusal: before a delete (or a replacement) the module lists the filters that name it and warns, in check mode too.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import describe_dependents
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.dependents import (
    recommender_schema_dependents,
)
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import read_tags
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import resource_arn
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members

# The dataset types CreateRecommenderSchema takes as the keys of Fields ("The _webAnalytics and _catalogItem keys
# are supported"); the model says only "String".
DATASET_TYPES = ("_webAnalytics", "_catalogItem")

SCHEMA_FIELD_OPTIONS = dict(
    target_field_name=dict(type="str", required=True),
    content_type=dict(type="str"),
    feature_type=dict(type="str"),
)

RECOMMENDER_SCHEMA_ARGUMENT_SPEC = child_spec(
    "recommender_schema_name",
    # map: dataset type (_webAnalytics, _catalogItem) -> list of {target_field_name, content_type, feature_type}
    fields=dict(type="dict"),
    recreate=dict(type="bool", default=False),
    **TAG_OPTIONS,
)

MEMBERS = option_members("fields")
READ_ONLY = ("RecommenderSchemaName", "RecommenderSchemaArn", "CreatedAt", "Status", "Tags")
# The members whose maps are keyed by names: tags, and the dataset types of Fields.
VERBATIM = ("Tags", "Fields")
NAMES = names_from_spec(dict(RECOMMENDER_SCHEMA_ARGUMENT_SPEC, **SCHEMA_FIELD_OPTIONS))


# ---------------------------------------------------------------- reads


# GetRecommenderSchema answers without the tags (read_tags reads them).
get_recommender_schema, list_recommender_schemas = named_reads(
    "get_recommender_schema", "list_recommender_schemas", "RecommenderSchemaName", result_key="RecommenderSchemas"
)


def read_with_schema(resource):
    """The read of a resource made from a recommender schema (a recommender, a recommender filter): what it is now,
    after requiring (Resource.require) the schema that a create, or a change of schema, names."""
    current = resource.get()
    schema = resource.params.get("recommender_schema_name")
    creating = current is None or schema != current.get("RecommenderSchemaName")
    if resource.params["state"] == "present" and schema and creating:
        resource.require("recommender_schema_name", "recommender_schemas", schema, get_recommender_schema)
    return current


def schema_path(domain_name, name):
    return "domains/{0}/recommender-schemas/{1}".format(domain_name, name)


def describe_recommender_schema(api, domain_name=None):
    """A recommender schema as the modules return it ({} when absent); dataset types as stored."""
    return describe(api, NAMES, VERBATIM, **({"DomainName": domain_name} if domain_name else {}))


def fields_errors(fields):
    """The dataset types of ``fields`` the service does not take (the model cannot say it)."""
    unknown = sorted(key for key in fields or {} if key not in DATASET_TYPES)
    if not unknown:
        return []
    return [
        "fields: every key must be one of {0} (the dataset types the service supports)".format(", ".join(DATASET_TYPES))
    ]


def delete_warning(domain_name, name, why, dependents):
    named = "; it is named by {0}, which keep naming it".format(describe_dependents(dependents)) if dependents else ""
    return (
        "{0} recommender schema {1} of domain {2}: the DeleteRecommenderSchema reference documents no refusal of "
        "the delete of a schema that recommenders or recommender filters use{3}; recommenders created with it keep "
        "naming it too{4}.".format(
            why, name, domain_name, named, " until it is created again" if why.startswith("Replacing") else ""
        )
    )


class RecommenderSchemaResource(DomainChild):
    """No update: a different ``fields`` is replaced (``recreate``). The tags come from ListTagsForResource.
    CreateRecommenderSchema answers the schema: its answer is the outcome (without the ARN, which no read returns)."""

    argument_spec = RECOMMENDER_SCHEMA_ARGUMENT_SPEC
    result_key = "recommender_schema"
    kind = "recommender schema"
    verbatim_keys = VERBATIM
    name_option = "recommender_schema_name"
    name_member = "RecommenderSchemaName"
    arn_kind = "recommender-schemas"
    create_operation = "CreateRecommenderSchema"
    members = MEMBERS
    required_to_create = MEMBERS
    read_only = READ_ONLY
    create_method = "create_recommender_schema"
    delete_method = "delete_recommender_schema"
    answered_by = ("create_recommender_schema",)
    reads_one = staticmethod(get_recommender_schema)
    reports_recreated = True

    def extra_checks(self):
        return fields_errors(self.params.get("fields"))

    def get(self):
        """The schema with its tags (GetRecommenderSchema, then ListTagsForResource), or None."""
        current = super(RecommenderSchemaResource, self).get()
        if current is not None:
            current["Tags"] = read_tags(self.client, self.arn())
        return current

    def read(self):
        current = self.get()
        params = self.params
        replacing = current is not None and params["recreate"] and self.differing(current, self.desired())
        if current is None or not (params["state"] == "absent" or replacing):
            return current
        return Current(current, dependents=recommender_schema_dependents(self.client, params["domain_name"], self.name))

    def _warn(self, plan, why, current):
        warning = delete_warning(self.params["domain_name"], self.name, why, current.dependents)
        plan.warnings, plan.diff_header = [warning], warning
        return plan

    def plan_absent(self, found):
        plan = super(RecommenderSchemaResource, self).plan_absent(found)
        return self._warn(plan, "Deleting", found) if plan.calls else plan

    def plan_update(self, found):
        plan = super(RecommenderSchemaResource, self).plan_update(found)
        return self._warn(plan, "Replacing (delete, then create)", found) if plan.replaced else plan

    def outcome_from(self, call, response, outcome):
        outcome = super(RecommenderSchemaResource, self).outcome_from(call, response, outcome)
        if outcome:
            outcome.pop("RecommenderSchemaArn", None)
        return outcome

    def describe(self, result):
        return describe_recommender_schema(result, self.params["domain_name"])


class RecommenderSchemaLister(
    named_lister(RecommenderSchemaResource, "GetRecommenderSchema", "recommender_schemas", list_recommender_schemas)
):
    """Every schema is described by GetRecommenderSchema, its tags by ListTagsForResource."""

    _prefix = None

    def get(self, name):
        item = super(RecommenderSchemaLister, self).get(name)
        if item is not None:
            if self._prefix is None:  # the caller's account, read once
                self._prefix = resource_arn(self.module, schema_path(self.params["domain_name"], ""))
            item["Tags"] = read_tags(self.client, self._prefix + name)
        return item

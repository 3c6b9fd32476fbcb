# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The recommendation configuration of a domain and its domain object types: RecommenderFilter, RecommenderSchema,
DomainObjectType. Each kind lives in a dict attribute of the Domain (RECOMMENDER_COLLECTIONS, keyed by name); the
operations on them are in recommender_config.py."""

import copy

from moto.core.utils import unix_time

from .models_config import _Child

RECOMMENDER_FILTERS = "recommender_filters"
RECOMMENDER_SCHEMAS = "recommender_schemas"
DOMAIN_OBJECT_TYPES = "domain_object_types"
# Domain attributes (dicts keyed by name) that hold this module's resources.
RECOMMENDER_COLLECTIONS = (RECOMMENDER_FILTERS, RECOMMENDER_SCHEMAS, DOMAIN_OBJECT_TYPES)


class RecommenderFilter(_Child):
    MEMBERS = ("RecommenderFilterExpression", "RecommenderSchemaName", "Description")

    def __init__(self, domain, name, params):
        super().__init__(domain, "recommender-filters/" + name, params.get("Tags"))
        self.name = name
        self.values = {key: copy.deepcopy(params[key]) for key in self.MEMBERS if params.get(key) is not None}
        self.status = "ACTIVE"
        self.failure_reason = None

    def describe(self):
        out = {"RecommenderFilterName": self.name}
        out.update(copy.deepcopy(self.values))
        out.update({"CreatedAt": unix_time(self.created_at), "Status": self.status, "Tags": self.tags})
        if self.failure_reason:
            out["FailureReason"] = self.failure_reason
        return out


class RecommenderSchema(_Child):
    def __init__(self, domain, name, params):
        super().__init__(domain, "recommender-schemas/" + name, params.get("Tags"))
        self.name = name
        self.fields = copy.deepcopy(params["Fields"])
        self.status = "ACTIVE"

    def describe(self):
        """GetRecommenderSchema's answer (the model's answer has no Tags: ListTagsForResource has them)."""
        return {
            "RecommenderSchemaName": self.name,
            "RecommenderSchemaArn": self.arn,
            "Fields": copy.deepcopy(self.fields),
            "CreatedAt": unix_time(self.created_at),
            "Status": self.status,
            "Tags": self.tags,
        }


class DomainObjectType(_Child):
    MEMBERS = ("Description", "EncryptionKey", "Fields")

    def __init__(self, domain, name, params):
        super().__init__(domain, "domain-object-types/" + name, params.get("Tags"))
        self.name = name
        self.values = {}
        self.configure(params)

    def configure(self, params):
        """Apply a PutDomainObjectType request: the whole definition is replaced (tags and CreatedAt stay)."""
        self.values = {key: copy.deepcopy(params[key]) for key in self.MEMBERS if params.get(key) not in (None, "")}

    def describe(self):
        return self.described("ObjectTypeName", self.values)

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The operations on a domain's recommender filters, recommender schemas and domain object types:
RecommenderConfigBackendMixin, a base class of models.CustomerProfilesBackend, one method per operation named after
it, taking the request's members as keyword arguments. The resources are in models_recommender.py. Choices where
AWS's documentation is silent are listed in README.md, "Recommender filters, recommender schemas, domain object
types".
"""

from .common import paginated
from .config import _get
from .config import _only
from .config import collection
from .errors import BadRequestException
from .models_recommender import DOMAIN_OBJECT_TYPES
from .models_recommender import RECOMMENDER_FILTERS
from .models_recommender import RECOMMENDER_SCHEMAS
from .models_recommender import DomainObjectType
from .models_recommender import RecommenderFilter
from .models_recommender import RecommenderSchema
from .validation import operation_model

# CreateRecommenderSchema's reference: "The _webAnalytics and _catalogItem keys are supported" (Fields).
SCHEMA_DATASETS = ("_webAnalytics", "_catalogItem")


def _listed(operation, data):
    """data without the keys that the item shape of the operation's list member lacks (ListRecommenderFilters'
    list is RecommenderFilters, not Items)."""
    shape = operation_model(operation).output_shape
    member = next(name for name, member in shape.members.items() if member.type_name == "list")
    members = shape.members[member].member.members
    return {key: value for key, value in data.items() if key in members and value is not None}


def _create(domain, attribute, name, kind, make):
    store = collection(domain, attribute)
    if name in store:
        raise BadRequestException("%s %s already exists in domain %s" % (kind, name, domain.name))
    store[name] = resource = make()
    return resource


def _delete(domain, attribute, name, kind):
    _get(domain, attribute, name, kind)
    collection(domain, attribute).pop(name).drop_tags()


class RecommenderConfigBackendMixin:
    """Mixed into CustomerProfilesBackend, which provides get_domain_object."""

    # recommender filters --------------------------------------------------
    def create_recommender_filter(self, DomainName, RecommenderFilterName, RecommenderFilterExpression, **params):
        domain = self.get_domain_object(DomainName)
        if params.get("RecommenderSchemaName") is not None:
            _get(domain, RECOMMENDER_SCHEMAS, params["RecommenderSchemaName"], "Recommender schema")
        params["RecommenderFilterExpression"] = RecommenderFilterExpression
        item = _create(
            domain,
            RECOMMENDER_FILTERS,
            RecommenderFilterName,
            "Recommender filter",
            lambda: RecommenderFilter(domain, RecommenderFilterName, params),
        )
        return _only("CreateRecommenderFilter", {"RecommenderFilterArn": item.arn, "Tags": item.tags or None})

    def get_recommender_filter(self, DomainName, RecommenderFilterName):
        domain = self.get_domain_object(DomainName)
        item = _get(domain, RECOMMENDER_FILTERS, RecommenderFilterName, "Recommender filter")
        return _only("GetRecommenderFilter", item.describe())

    @paginated()
    def list_recommender_filters(self, DomainName):
        domain = self.get_domain_object(DomainName)
        return [
            _listed("ListRecommenderFilters", item.describe())
            for item in collection(domain, RECOMMENDER_FILTERS).values()
        ]

    def delete_recommender_filter(self, DomainName, RecommenderFilterName):
        domain = self.get_domain_object(DomainName)
        _delete(domain, RECOMMENDER_FILTERS, RecommenderFilterName, "Recommender filter")
        return {"Message": "Recommender filter %s was deleted from domain %s." % (RecommenderFilterName, domain.name)}

    # recommender schemas --------------------------------------------------
    def create_recommender_schema(self, DomainName, RecommenderSchemaName, Fields, Tags=None):
        domain = self.get_domain_object(DomainName)
        unknown = sorted(key for key in Fields if key not in SCHEMA_DATASETS)
        if unknown:
            raise BadRequestException(
                "Fields: the supported dataset types are %s (not %s)" % (", ".join(SCHEMA_DATASETS), ", ".join(unknown))
            )
        item = _create(
            domain,
            RECOMMENDER_SCHEMAS,
            RecommenderSchemaName,
            "Recommender schema",
            lambda: RecommenderSchema(domain, RecommenderSchemaName, {"Fields": Fields, "Tags": Tags}),
        )
        return _only("CreateRecommenderSchema", dict(item.describe(), Tags=item.tags or None))

    def get_recommender_schema(self, DomainName, RecommenderSchemaName):
        domain = self.get_domain_object(DomainName)
        item = _get(domain, RECOMMENDER_SCHEMAS, RecommenderSchemaName, "Recommender schema")
        return _only("GetRecommenderSchema", item.describe())

    @paginated()
    def list_recommender_schemas(self, DomainName):
        domain = self.get_domain_object(DomainName)
        return [
            _listed("ListRecommenderSchemas", item.describe())
            for item in collection(domain, RECOMMENDER_SCHEMAS).values()
        ]

    def delete_recommender_schema(self, DomainName, RecommenderSchemaName):
        domain = self.get_domain_object(DomainName)
        _delete(domain, RECOMMENDER_SCHEMAS, RecommenderSchemaName, "Recommender schema")
        return {}

    # domain object types --------------------------------------------------
    def put_domain_object_type(self, DomainName, ObjectTypeName, Fields, **params):
        domain = self.get_domain_object(DomainName)
        params["Fields"] = Fields
        store = collection(domain, DOMAIN_OBJECT_TYPES)
        item = store.get(ObjectTypeName)
        if item is None:
            # PutDomainObjectType's reference: "To create a new DomainObjectType, Data Store needs to be enabled on
            # the Domain."
            if not (domain.data_store or {}).get("Enabled"):
                raise BadRequestException(
                    "Data Store is not enabled on domain %s: it is needed to create a domain object type" % domain.name
                )
            store[ObjectTypeName] = item = DomainObjectType(domain, ObjectTypeName, params)
        else:
            item.configure(params)
            item.touch()
        return _only("PutDomainObjectType", item.describe())

    def get_domain_object_type(self, DomainName, ObjectTypeName):
        domain = self.get_domain_object(DomainName)
        item = _get(domain, DOMAIN_OBJECT_TYPES, ObjectTypeName, "Domain object type")
        return _only("GetDomainObjectType", item.describe())

    @paginated()
    def list_domain_object_types(self, DomainName):
        domain = self.get_domain_object(DomainName)
        return [
            _listed("ListDomainObjectTypes", item.describe())
            for item in collection(domain, DOMAIN_OBJECT_TYPES).values()
        ]

    def delete_domain_object_type(self, DomainName, ObjectTypeName):
        domain = self.get_domain_object(DomainName)
        _delete(domain, DOMAIN_OBJECT_TYPES, ObjectTypeName, "Domain object type")
        return {}

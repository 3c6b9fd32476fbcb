# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The operations on a domain's recommenders: RecommendersBackendMixin, a base class of
models.CustomerProfilesBackend, one method per operation named after it (create_recommender for CreateRecommender),
taking the request's members as keyword arguments. The resource is in models_recommenders.py. Choices where AWS's
documentation is silent are listed in README.md, "Recommenders".
"""

from .common import paginated
from .config import _get
from .config import _only
from .config import collection
from .errors import BadRequestException
from .models_recommender import RECOMMENDER_SCHEMAS
from .models_recommenders import RECOMMENDERS
from .models_recommenders import Recommender
from .recommender_config import _create
from .recommender_config import _delete
from .recommender_config import _listed
from .state import recommender_training_polls

# RecommenderConfig's reference: "The _webAnalytics and _catalogItem keys are supported" (IncludedColumns and
# ExcludedColumns).
COLUMN_DATASETS = ("_webAnalytics", "_catalogItem")
# The recipes ListRecommenderRecipes answers: the model's RecommenderRecipeName values, described (our words).
RECIPES = {
    "recommended-for-you": "Items a profile is likely to interact with, from its own history",
    "similar-items": "Items similar to a given item",
    "frequently-paired-items": "Items often bought or viewed together with a given item",
    "popular-items": "The items most interacted with",
    "trending-now": "The items whose interactions grow fastest",
    "personalized-ranking": "A given list of items ranked for a profile",
}
# What StartRecommender and StopRecommender take (the API reference: StartRecommender "starts a recommender that was
# previously stopped"; the Amazon Personalize reference: StopRecommender "stops a recommender that is ACTIVE").
TAKES = {
    "StartRecommender": "only a stopped (INACTIVE) recommender can be started",
    "StopRecommender": "only an ACTIVE recommender can be stopped",
}


def _check_config(config):
    """RecommenderConfig as its reference describes it: IncludedColumns and ExcludedColumns are "mutually
    exclusive", each keyed by a supported dataset type."""
    if not config:
        return
    if config.get("IncludedColumns") is not None and config.get("ExcludedColumns") is not None:
        raise BadRequestException("RecommenderConfig: IncludedColumns and ExcludedColumns are mutually exclusive")
    for member in ("IncludedColumns", "ExcludedColumns"):
        unknown = sorted(key for key in config.get(member) or {} if key not in COLUMN_DATASETS)
        if unknown:
            raise BadRequestException(
                "RecommenderConfig.%s: the supported dataset types are %s (not %s)"
                % (member, ", ".join(COLUMN_DATASETS), ", ".join(unknown))
            )


class RecommendersBackendMixin:
    """Mixed into CustomerProfilesBackend, which provides get_domain_object."""

    def create_recommender(self, DomainName, RecommenderName, RecommenderRecipeName, **params):
        domain = self.get_domain_object(DomainName)
        _check_config(params.get("RecommenderConfig"))
        if params.get("RecommenderSchemaName") is not None:
            _get(domain, RECOMMENDER_SCHEMAS, params["RecommenderSchemaName"], "Recommender schema")
        params["RecommenderRecipeName"] = RecommenderRecipeName
        item = _create(
            domain,
            RECOMMENDERS,
            RecommenderName,
            "Recommender",
            lambda: Recommender(domain, RecommenderName, params, recommender_training_polls()),
        )
        return _only("CreateRecommender", {"RecommenderArn": item.arn, "Tags": item.tags or None})

    def get_recommender(self, DomainName, RecommenderName, TrainingMetricsCount=None):
        domain = self.get_domain_object(DomainName)
        item = _get(domain, RECOMMENDERS, RecommenderName, "Recommender")
        answer = _only("GetRecommender", item.describe(TrainingMetricsCount or 0))
        item.advance()
        return answer

    @paginated()
    def list_recommenders(self, DomainName):
        domain = self.get_domain_object(DomainName)
        # the list item names the recipe RecipeName
        return [
            _listed("ListRecommenders", dict(item.describe(), RecipeName=item.values["RecommenderRecipeName"]))
            for item in collection(domain, RECOMMENDERS).values()
        ]

    def update_recommender(self, DomainName, RecommenderName, **params):
        domain = self.get_domain_object(DomainName)
        item = _get(domain, RECOMMENDERS, RecommenderName, "Recommender")
        if not item.settled():
            raise BadRequestException(
                "UpdateRecommender: recommender %s is %s%s; it can be updated once that settles"
                % (
                    item.name,
                    item.status,
                    " (an update is %s)" % item.update["Status"] if item.update else "",
                )
            )
        _check_config(params.get("RecommenderConfig"))
        if params.get("RecommenderVersionName") is not None and params["RecommenderVersionName"] not in item.versions:
            raise BadRequestException("RecommenderVersionName: recommender %s has no such version" % item.name)
        item.updated(params, recommender_training_polls())
        return {"RecommenderName": item.name}

    def start_recommender(self, DomainName, RecommenderName):
        return self._move(DomainName, RecommenderName, "StartRecommender", "INACTIVE", "STARTING", "ACTIVE")

    def stop_recommender(self, DomainName, RecommenderName):
        return self._move(DomainName, RecommenderName, "StopRecommender", "ACTIVE", "STOPPING", "INACTIVE")

    def _move(self, domain_name, name, operation, takes, through, to):
        """Start or Stop: only from the status the call takes (TAKES), through one status to another."""
        item = _get(self.get_domain_object(domain_name), RECOMMENDERS, name, "Recommender")
        if item.status != takes:
            raise BadRequestException(
                "%s: recommender %s is %s; %s" % (operation, item.name, item.status, TAKES[operation])
            )
        item.move(through, [to])
        return {}

    def delete_recommender(self, DomainName, RecommenderName):
        _delete(self.get_domain_object(DomainName), RECOMMENDERS, RecommenderName, "Recommender")
        return {}

    @paginated()
    def list_recommender_recipes(self):
        return [{"name": name, "description": description} for name, description in RECIPES.items()]

    def set_recommender_status(self, domain_name, name, status, failure_reason=None):
        """Testing: put a recommender in ``status`` at once (FAILED with ``failure_reason``, say)."""
        item = _get(self.get_domain_object(domain_name), RECOMMENDERS, name, "Recommender")
        item.move(status, [])
        item.failure_reason = failure_reason

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A domain's recommenders: Recommender, with its status and its training, which move on one step each time
GetRecommender reads it (the operations are in recommenders.py). Recommenders live in the dict attribute of the
Domain named in RECOMMENDERS_COLLECTIONS, keyed by name."""

import copy

from moto.core.utils import unix_time

from .common import now
from .models_config import _Child

RECOMMENDERS = "recommenders"
RECOMMENDERS_COLLECTIONS = (RECOMMENDERS,)

# The statuses where a recommender stays until a call moves it (RecommenderStatus).
SETTLED = ("ACTIVE", "INACTIVE", "FAILED")


class Recommender(_Child):
    """A recommender. ``status`` is its Status; ``steps`` the statuses it goes through next, one per GetRecommender
    read (after the answer), so that a poll sees each of them; ``update`` its LatestRecommenderUpdate and
    ``update_steps`` likewise."""

    MEMBERS = ("RecommenderRecipeName", "RecommenderConfig", "Description", "RecommenderSchemaName")

    def __init__(self, domain, name, params, training_polls):
        super().__init__(domain, "recommenders/" + name, params.get("Tags"))
        self.name = name
        self.values = {key: copy.deepcopy(params[key]) for key in self.MEMBERS if params.get(key) is not None}
        self.status = "PENDING"
        self.steps = ["IN_PROGRESS"] * training_polls + ["ACTIVE"]
        self.failure_reason = None
        self.update = None
        self.update_steps = []
        self.versions = []  # the names of the trained versions, oldest first

    def settled(self):
        return self.status in SETTLED and (self.update is None or self.update["Status"] in SETTLED)

    def move(self, status, steps):
        self.status = status
        self.steps = list(steps)
        self.touch()

    def updated(self, params, training_polls):
        """UpdateRecommender: the members given replace the current ones at once; the update trains a new version."""
        for key in ("Description", "RecommenderConfig"):
            if params.get(key) is not None:
                self.values[key] = copy.deepcopy(params[key])
        stamp = unix_time(now())
        self.update = {
            "RecommenderConfig": copy.deepcopy(self.values.get("RecommenderConfig") or {}),
            "Status": "IN_PROGRESS",
            "CreatedAt": stamp,
            "LastUpdatedAt": stamp,
        }
        self.update_steps = ["IN_PROGRESS"] * max(training_polls - 1, 0) + ["ACTIVE"]
        self.touch()

    def advance(self):
        """One step on (after a GetRecommender answer): the next status, and the latest update's."""
        if self.steps:
            self.status = self.steps.pop(0)
            if self.status == "ACTIVE" and not self.versions:
                self.versions.append(self.version_name())
        if self.update_steps:
            self.update["Status"] = self.update_steps.pop(0)
            self.update["LastUpdatedAt"] = unix_time(now())
            if self.update["Status"] == "ACTIVE":
                self.versions.append(self.version_name())
                self.update["RecommenderVersionName"] = self.versions[-1]

    def version_name(self):
        """A version's name, as the model's pattern has it: <name>/<UTC time>."""
        return "%s/%s" % (self.name, now().strftime("%Y-%m-%dT%H-%M-%SZ"))

    def describe(self, training_metrics=0):
        out = {"RecommenderName": self.name}
        out.update(copy.deepcopy(self.values))
        out.update(
            {
                "Status": self.status,
                "CreatedAt": unix_time(self.created_at),
                "LastUpdatedAt": unix_time(self.last_updated_at),
                "Tags": self.tags,
            }
        )
        if self.failure_reason:
            out["FailureReason"] = self.failure_reason
        if self.update is not None:
            out["LatestRecommenderUpdate"] = copy.deepcopy(self.update)
        if self.versions:
            out["ActiveRecommenderVersionName"] = self.versions[-1]
        if training_metrics and self.versions:
            stamp = unix_time(self.last_updated_at)
            out["TrainingMetrics"] = [
                {"Time": stamp, "Metrics": {"coverage": 0.5, "hit": 0.25}, "RecommenderVersionName": version}
                for version in reversed(self.versions[-training_metrics:])
            ]
        return out

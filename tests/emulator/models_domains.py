# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The domain resource: Domain (settings, profiles and their search indexes, and the dicts of its child
resources named in CHILD_COLLECTIONS). The operations on domains, profiles and tags are in domains.py."""

import copy

from moto.core.utils import unix_time

from .common import later_than
from .common import now
from .common import partition_of
from .models_config import CONFIG_COLLECTIONS
from .models_intents import INTENT_COLLECTIONS
from .models_objects import OBJECT_COLLECTIONS
from .models_recommender import RECOMMENDER_COLLECTIONS
from .models_recommenders import RECOMMENDERS_COLLECTIONS
from .models_segment_streams import SEGMENT_STREAM_COLLECTIONS
from .search import LaggingIndex
from .search import SearchIndex
from .tagging import Tagged

ADDRESS_FIELDS = ("Address", "ShippingAddress", "MailingAddress", "BillingAddress")
EMAIL_FIELDS = ("EmailAddress", "PersonalEmailAddress", "BusinessEmailAddress")
PHONE_FIELDS = ("PhoneNumber", "MobilePhoneNumber", "HomePhoneNumber", "BusinessPhoneNumber")
NAME_FIELDS = ("FirstName", "MiddleName", "LastName")
# Names of the Domain attributes (dicts) that hold child resources with an ARN and tags.
# Extensions append to this list; see Domain.children().
CHILD_COLLECTIONS = []
CHILD_COLLECTIONS.extend(CONFIG_COLLECTIONS)  # models_config.py: integrations, event streams, ...
CHILD_COLLECTIONS.extend(OBJECT_COLLECTIONS)  # models_objects.py: object types (each with its profile objects)
CHILD_COLLECTIONS.extend(
    RECOMMENDER_COLLECTIONS
)  # models_recommender.py: recommender filters and schemas, domain object types
CHILD_COLLECTIONS.extend(RECOMMENDERS_COLLECTIONS)  # models_recommenders.py: recommenders
CHILD_COLLECTIONS.extend(INTENT_COLLECTIONS)  # models_intents.py: intent definitions
CHILD_COLLECTIONS.extend(SEGMENT_STREAM_COLLECTIONS)  # models_segment_streams.py: segment subscriptions and stream


class Domain(Tagged):
    def __init__(self, name, region, account_id, expiration_days, tag_store, tags=None):
        super().__init__(
            "arn:%s:profile:%s:%s:domains/%s" % (partition_of(region), region, account_id, name), tag_store, tags
        )
        self.name = name
        self.default_expiration_days = expiration_days
        self.default_encryption_key = None
        self.dead_letter_queue_url = None
        self.matching = None
        self.rule_based_matching = None
        self.data_store = None
        self.created_at = now()
        self.last_updated_at = self.created_at
        self.rule_based_matching_status = None
        self.profiles = {}  # profile id -> profile dict; a stored dict is never changed (writes store a new one)
        self.profile_seq = {}  # profile id -> creation sequence number (search results come in creation order)
        self.next_seq = 0
        self.index = SearchIndex()  # every search key's values, current (ingestion matches profiles through it)
        self.search_replica = LaggingIndex()  # the same, as SearchProfiles sees it (after the search lag)
        for attribute in CHILD_COLLECTIONS:
            setattr(self, attribute, {})

    def children(self):
        """The domain's child resources that carry ``.arn`` and ``.tags`` (object types, integrations, ...).

        Each kind of child is kept in a dict attribute of the Domain named in CHILD_COLLECTIONS, so
        that deleting the domain deletes them all.
        """
        for attribute in CHILD_COLLECTIONS:
            for child in getattr(self, attribute, {}).values():
                if isinstance(child, Tagged):
                    yield child

    def object_stats(self):
        """(number, total bytes) of the profile objects of the domain: children that keep objects
        (object types) have an ``objects`` dict and an ``objects_size``."""
        count = size = 0
        for child in self.children():
            objects = getattr(child, "objects", None)
            if objects is not None:
                count += len(objects)
                size += getattr(child, "objects_size", 0)
        return count, size

    def touch(self):
        self.last_updated_at = later_than(self.last_updated_at)

    def rule_based_matching_view(self):
        if self.rule_based_matching is None:
            return None
        view = copy.deepcopy(self.rule_based_matching)
        if self.rule_based_matching_status:
            view["Status"] = self.rule_based_matching_status
        elif view.get("Enabled"):
            view["Status"] = "ACTIVE"
        return view

    def describe(self, with_stats=False):
        out = {"DomainName": self.name, "DefaultExpirationDays": self.default_expiration_days}
        if self.default_encryption_key:
            out["DefaultEncryptionKey"] = self.default_encryption_key
        if self.dead_letter_queue_url:
            out["DeadLetterQueueUrl"] = self.dead_letter_queue_url
        if with_stats:
            object_count, total_size = self.object_stats()
            out["Stats"] = {
                "ProfileCount": len(self.profiles),
                "MeteringProfileCount": len(self.profiles),
                "ObjectCount": object_count,
                "TotalSize": total_size,
            }
        if self.matching is not None:
            out["Matching"] = copy.deepcopy(self.matching)
        rule_based = self.rule_based_matching_view()
        if rule_based is not None:
            out["RuleBasedMatching"] = rule_based
        if self.data_store is not None:
            out["DataStore"] = copy.deepcopy(self.data_store)
        out["CreatedAt"] = unix_time(self.created_at)
        out["LastUpdatedAt"] = unix_time(self.last_updated_at)
        out["Tags"] = self.tags
        return out

    def summary(self):
        return {
            "DomainName": self.name,
            "CreatedAt": unix_time(self.created_at),
            "LastUpdatedAt": unix_time(self.last_updated_at),
            "Tags": self.tags,
        }

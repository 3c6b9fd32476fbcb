# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The operations on domains, profiles, SearchProfiles and tags: DomainsBackendMixin, a base class of
models.CustomerProfilesBackend (one method per operation, named after it, taking the request's members), and
BackendHooks, the extension points that objects.py overrides."""

import copy
import uuid

from . import state
from .common import identity
from .common import paginated
from .errors import BadRequestException
from .errors import ResourceNotFoundException
from .models_domains import ADDRESS_FIELDS
from .models_domains import Domain
from .search import SearchDocument


class BackendHooks:
    """Extension points of CustomerProfilesBackend that a backend mixin (objects.py) overrides."""

    def profile_custom_keys(self, domain, profile_id):  # pylint: disable=unused-argument
        """{key name: normalised values} of the custom search keys stored for a profile."""
        return {}

    def key_normalizer(self, domain, key_name):  # pylint: disable=unused-argument
        """How a searched value of a custom key is normalised before lookup (its ContentType)."""
        return identity

    def profile_removed(self, domain, profile_id):
        """Called after DeleteProfile removed a profile from domain."""

    def dead_letter_items(self):
        """What this backend sent to dead-letter queues (see emulator.dead_letters())."""
        return []


def _found_profile(match):
    """A SearchProfiles item: a copy of the profile and the keys that found it."""
    document, found = match
    return dict(copy.deepcopy(document.profile), FoundByItems=found)


class DomainsBackendMixin:
    """Domains, profiles, SearchProfiles and tags of a backend (self.domains, self.tag_store: see models.py)."""

    # domains -------------------------------------------------------------
    def get_domain_object(self, domain_name):
        domain = self.domains.get(domain_name)
        if domain is None:
            raise ResourceNotFoundException("Domain %s not found" % domain_name)
        return domain

    def taggable_resources(self):
        """Every resource of this account/region that has an ARN and tags (``.arn``, ``.tags``).

        Child resources (object types, integrations, event streams, ...) live on their Domain
        object, so deleting a domain deletes them too; extensions add them here by overriding
        this generator and chaining to ``super().taggable_resources()``.
        """
        for domain in self.domains.values():
            yield domain
            yield from domain.children()

    def resource_by_arn(self, arn):
        for resource in self.taggable_resources():
            if resource.arn == arn:
                return resource
        raise ResourceNotFoundException("Resource %s not found" % arn)

    def create_domain(self, DomainName, DefaultExpirationDays, **settings):
        name = DomainName
        if name in self.domains:
            raise BadRequestException("Domain %s already exists" % name)
        domain = Domain(
            name, self.region_name, self.account_id, DefaultExpirationDays, self.tag_store, settings.get("Tags")
        )
        domain.default_encryption_key = settings.get("DefaultEncryptionKey") or None
        domain.dead_letter_queue_url = settings.get("DeadLetterQueueUrl") or None
        for key, attr in (
            ("Matching", "matching"),
            ("RuleBasedMatching", "rule_based_matching"),
            ("DataStore", "data_store"),
        ):
            if key in settings:
                setattr(domain, attr, copy.deepcopy(settings[key]))
        self.domains[name] = domain
        return domain.describe()

    def get_domain(self, DomainName):
        return self.get_domain_object(DomainName).describe(with_stats=True)

    def update_domain(self, DomainName, **changes):
        domain = self.get_domain_object(DomainName)
        domain.check_tags(changes.get("Tags"))
        if "RuleBasedMatching" in changes and changes["RuleBasedMatching"] != domain.rule_based_matching:
            if domain.rule_based_matching_status == "IN_PROGRESS":
                raise BadRequestException(
                    "Cannot update RuleBasedMatching of domain %s while rule-based matching is IN_PROGRESS"
                    % domain.name
                )
        if "DefaultExpirationDays" in changes:
            domain.default_expiration_days = changes["DefaultExpirationDays"]
        if "DefaultEncryptionKey" in changes:
            domain.default_encryption_key = changes["DefaultEncryptionKey"] or None
        if "DeadLetterQueueUrl" in changes:
            domain.dead_letter_queue_url = changes["DeadLetterQueueUrl"] or None
        if "Matching" in changes:
            domain.matching = copy.deepcopy(changes["Matching"])
        if "RuleBasedMatching" in changes:
            if changes["RuleBasedMatching"] != domain.rule_based_matching:
                domain.rule_based_matching_status = None
            domain.rule_based_matching = copy.deepcopy(changes["RuleBasedMatching"])
        if "DataStore" in changes:
            domain.data_store = copy.deepcopy(changes["DataStore"])
        domain.add_tags(changes.get("Tags"))
        domain.touch()
        return domain.describe()

    def delete_domain(self, DomainName):
        domain = self.get_domain_object(DomainName)
        for resource in [domain, *domain.children()]:
            resource.drop_tags()
        del self.domains[DomainName]
        return {"Message": "Domain %s was deleted." % DomainName}

    @paginated()
    def list_domains(self):
        return [domain.summary() for domain in self.domains.values()]

    def set_rule_based_matching_status(self, domain_name, status):
        domain = self.get_domain_object(domain_name)
        if domain.rule_based_matching is None:
            domain.rule_based_matching = {"Enabled": True}
        domain.rule_based_matching_status = status

    # tags ----------------------------------------------------------------
    def tag_resource(self, resourceArn, tags):
        resource = self.resource_by_arn(resourceArn)
        resource.add_tags(tags)
        return {}

    def untag_resource(self, resourceArn, tagKeys):
        self.resource_by_arn(resourceArn).remove_tags(tagKeys)
        return {}

    def list_tags_for_resource(self, resourceArn):
        return {"tags": self.resource_by_arn(resourceArn).tags}

    # profiles ------------------------------------------------------------
    def _profile(self, domain, profile_id):
        profile = domain.profiles.get(profile_id)
        if profile is None:
            raise ResourceNotFoundException("Profile %s not found in domain %s" % (profile_id, domain.name))
        return profile

    def store_profile(self, domain, profile):
        """Store a profile dict (new, or a changed copy: a stored dict is never changed) and index it."""
        profile_id = profile["ProfileId"]
        if profile_id not in domain.profile_seq:
            domain.profile_seq[profile_id] = domain.next_seq
            domain.next_seq += 1
        domain.profiles[profile_id] = profile
        self.index_profile(domain, profile_id)

    def index_profile(self, domain, profile_id):
        """(Re)index a stored profile: the primary index now, SearchProfiles' replica after the search lag."""
        document = SearchDocument(
            domain.profiles[profile_id], domain.profile_seq[profile_id], self.profile_custom_keys(domain, profile_id)
        )
        domain.index.put(profile_id, document)
        domain.search_replica.put(profile_id, document)

    def new_profile(self, domain, fields):
        """Create a profile from API-shaped fields (CreateProfile, or a profile inferred by ingestion)."""
        profile = {"ProfileId": uuid.uuid4().hex}
        for key, value in fields.items():
            profile[key] = copy.deepcopy(value)
        self.store_profile(domain, profile)
        return profile

    def create_profile(self, DomainName, **fields):
        domain = self.get_domain_object(DomainName)
        return {"ProfileId": self.new_profile(domain, fields)["ProfileId"]}

    def update_profile(self, DomainName, ProfileId, **changes):
        domain = self.get_domain_object(DomainName)
        profile = dict(self._profile(domain, ProfileId))
        for key, value in changes.items():
            if key in ADDRESS_FIELDS or key == "Attributes":
                merged = dict(profile.get(key) or {})
                for sub_key, sub_value in value.items():
                    if sub_value == "":
                        merged.pop(sub_key, None)
                    else:
                        merged[sub_key] = sub_value
                if merged:
                    profile[key] = merged
                else:
                    profile.pop(key, None)
            elif value == "":
                profile.pop(key, None)
            else:
                profile[key] = copy.deepcopy(value)
        self.store_profile(domain, profile)
        return {"ProfileId": profile["ProfileId"]}

    def delete_profile(self, DomainName, ProfileId):
        profile_id = ProfileId
        domain = self.get_domain_object(DomainName)
        self._profile(domain, profile_id)
        del domain.profiles[profile_id]
        domain.profile_seq.pop(profile_id, None)
        domain.index.remove(profile_id)
        domain.search_replica.remove(profile_id)
        self.profile_removed(domain, profile_id)
        return {"Message": "Profile %s was deleted." % profile_id}

    def batch_get_profile(self, DomainName, ProfileIds):
        domain = self.get_domain_object(DomainName)
        profiles, errors = [], []
        for profile_id in ProfileIds:
            profile = domain.profiles.get(profile_id)
            if profile is None:
                errors.append(
                    {
                        "Code": "ResourceNotFoundException",
                        "Message": "Profile %s not found" % profile_id,
                        "ProfileId": profile_id,
                    }
                )
            else:
                profiles.append(copy.deepcopy(profile))
        return {"Errors": errors, "Profiles": profiles}

    @paginated(render=_found_profile)
    def search_profiles(self, DomainName, KeyName, Values, AdditionalSearchKeys=None, LogicalOperator="OR"):
        """Search the domain's replica index (eventually consistent: see state.set_search_lag).

        Key names are the standard keys (search.STANDARD_KEYS) and the keys of the domain's object
        types; any other name finds nothing. Exact matches for standard keys, ContentType-normalised
        ones for object-type keys."""
        domain = self.get_domain_object(DomainName)
        keys = [(KeyName, Values, "values")]
        keys.extend(
            (key["KeyName"], key["Values"], "additionalSearchKeys.%d.member.values" % index)
            for index, key in enumerate(AdditionalSearchKeys or [], start=1)
        )
        limit = state.search_values_limit()
        if limit is not None:
            for _key_name, values, path in keys:
                if len(values) > limit:
                    raise BadRequestException(
                        "Values: too many values in one SearchProfiles call: 1 validation error detected: Value at '%s' "
                        "failed to satisfy constraint: Member must have length less than or equal to %d" % (path, limit)
                    )
        use_and = LogicalOperator == "AND"
        return domain.search_replica.search(
            [(key_name, values, self.key_normalizer(domain, key_name)) for key_name, values, _path in keys], use_and
        )

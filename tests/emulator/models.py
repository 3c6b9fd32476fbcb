# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""In-memory Customer Profiles backend (moto BaseBackend), one per account and region."""

import base64
import copy
import datetime
import json
import uuid

from moto.core.base_backend import BackendDict, BaseBackend
from moto.core.utils import unix_time

from .config import CONFIG_COLLECTIONS, ConfigBackendMixin
from .errors import BadRequestException, CustomerProfilesError, ResourceNotFoundException  # noqa: F401 pylint: disable=unused-import

ADDRESS_FIELDS = ("Address", "ShippingAddress", "MailingAddress", "BillingAddress")
EMAIL_FIELDS = ("EmailAddress", "PersonalEmailAddress", "BusinessEmailAddress")
PHONE_FIELDS = ("PhoneNumber", "MobilePhoneNumber", "HomePhoneNumber", "BusinessPhoneNumber")
NAME_FIELDS = ("FirstName", "MiddleName", "LastName")
# Names of the Domain attributes (dicts) that hold child resources with an ARN and tags.
# Extensions append to this list; see Domain.children().
CHILD_COLLECTIONS = []
CHILD_COLLECTIONS.extend(CONFIG_COLLECTIONS)  # config.py: integrations, event streams, ...


def _now():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


def encode_token(offset):
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode("utf-8")).decode("ascii")


def decode_token(token):
    if not token:
        return 0
    try:
        offset = json.loads(base64.urlsafe_b64decode(token.encode("ascii")).decode("utf-8"))["offset"]
    except (ValueError, KeyError, TypeError, UnicodeError):
        raise BadRequestException("Invalid NextToken") from None
    if not isinstance(offset, int) or offset < 0:
        raise BadRequestException("Invalid NextToken")
    return offset


def paginate(items, max_results, next_token, default=20):
    start = decode_token(next_token)
    size = max_results or default
    page = items[start:start + size]
    token = encode_token(start + size) if start + size < len(items) else None
    return page, token


class Domain:
    def __init__(self, name, region, account_id, expiration_days):
        self.name = name
        self.arn = "arn:aws:profile:%s:%s:domains/%s" % (region, account_id, name)
        self.default_expiration_days = expiration_days
        self.default_encryption_key = None
        self.dead_letter_queue_url = None
        self.matching = None
        self.rule_based_matching = None
        self.data_store = None
        self.tags = {}
        self.created_at = _now()
        self.last_updated_at = self.created_at
        self.rule_based_matching_status = None
        self.profiles = {}

    def children(self):
        """The domain's child resources that carry ``.arn`` and ``.tags`` (object types, integrations, ...).

        Each kind of child is kept in a dict attribute of the Domain named in CHILD_COLLECTIONS, so
        that deleting the domain deletes them all.
        """
        for attribute in CHILD_COLLECTIONS:
            for child in getattr(self, attribute, {}).values():
                if hasattr(child, "arn") and hasattr(child, "tags"):
                    yield child

    def touch(self):
        now = _now()
        if now <= self.last_updated_at:
            now = self.last_updated_at + datetime.timedelta(milliseconds=1)
        self.last_updated_at = now

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
            out["Stats"] = {"ProfileCount": len(self.profiles), "MeteringProfileCount": len(self.profiles),
                            "ObjectCount": 0, "TotalSize": 0}
        if self.matching is not None:
            out["Matching"] = copy.deepcopy(self.matching)
        rule_based = self.rule_based_matching_view()
        if rule_based is not None:
            out["RuleBasedMatching"] = rule_based
        if self.data_store is not None:
            out["DataStore"] = copy.deepcopy(self.data_store)
        out["CreatedAt"] = unix_time(self.created_at)
        out["LastUpdatedAt"] = unix_time(self.last_updated_at)
        out["Tags"] = dict(self.tags)
        return out

    def summary(self):
        return {"DomainName": self.name, "CreatedAt": unix_time(self.created_at),
                "LastUpdatedAt": unix_time(self.last_updated_at), "Tags": dict(self.tags)}


def _full_name(profile):
    return " ".join(profile[field] for field in NAME_FIELDS if profile.get(field))


def search_values(profile, key_name):
    """The values of profile that a search key looks at."""
    if key_name == "_profileId":
        return [profile["ProfileId"]]
    if key_name == "_account":
        return [profile["AccountNumber"]] if profile.get("AccountNumber") else []
    if key_name == "_email":
        return [profile[f] for f in EMAIL_FIELDS if profile.get(f)]
    if key_name == "_phone":
        return [profile[f] for f in PHONE_FIELDS if profile.get(f)]
    if key_name == "_fullName":
        name = _full_name(profile)
        return [name] if name else []
    # Custom search keys are emulated as lookups of the profile attribute of that name.
    value = profile.get("Attributes", {}).get(key_name)
    return [value] if value is not None else []


class CustomerProfilesBackend(ConfigBackendMixin, BaseBackend):
    """Domains and their profiles for one account/region."""

    def __init__(self, region_name, account_id):
        super().__init__(region_name, account_id)
        self.domains = {}

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
            for child in domain.children():
                yield child

    def resource_by_arn(self, arn):
        for resource in self.taggable_resources():
            if resource.arn == arn:
                return resource
        raise ResourceNotFoundException("Resource %s not found" % arn)

    def create_domain(self, params):
        name = params["DomainName"]
        if name in self.domains:
            raise BadRequestException("Domain %s already exists" % name)
        domain = Domain(name, self.region_name, self.account_id, params["DefaultExpirationDays"])
        domain.default_encryption_key = params.get("DefaultEncryptionKey") or None
        domain.dead_letter_queue_url = params.get("DeadLetterQueueUrl") or None
        for key, attr in (("Matching", "matching"), ("RuleBasedMatching", "rule_based_matching"), ("DataStore", "data_store")):
            if key in params:
                setattr(domain, attr, copy.deepcopy(params[key]))
        domain.tags.update(params.get("Tags") or {})
        self.domains[name] = domain
        return domain.describe()

    def get_domain(self, domain_name):
        return self.get_domain_object(domain_name).describe(with_stats=True)

    def update_domain(self, params):
        domain = self.get_domain_object(params["DomainName"])
        if "RuleBasedMatching" in params and params["RuleBasedMatching"] != domain.rule_based_matching:
            if domain.rule_based_matching_status == "IN_PROGRESS":
                raise BadRequestException(
                    "Cannot update RuleBasedMatching of domain %s while rule-based matching is IN_PROGRESS" % domain.name)
        if "DefaultExpirationDays" in params:
            domain.default_expiration_days = params["DefaultExpirationDays"]
        if "DefaultEncryptionKey" in params:
            domain.default_encryption_key = params["DefaultEncryptionKey"] or None
        if "DeadLetterQueueUrl" in params:
            domain.dead_letter_queue_url = params["DeadLetterQueueUrl"] or None
        if "Matching" in params:
            domain.matching = copy.deepcopy(params["Matching"])
        if "RuleBasedMatching" in params:
            if params["RuleBasedMatching"] != domain.rule_based_matching:
                domain.rule_based_matching_status = None
            domain.rule_based_matching = copy.deepcopy(params["RuleBasedMatching"])
        if "DataStore" in params:
            domain.data_store = copy.deepcopy(params["DataStore"])
        domain.tags.update(params.get("Tags") or {})
        domain.touch()
        return domain.describe()

    def delete_domain(self, domain_name):
        self.get_domain_object(domain_name)
        del self.domains[domain_name]
        return {"Message": "Domain %s was deleted." % domain_name}

    def list_domains(self, max_results=None, next_token=None):
        items = [domain.summary() for domain in self.domains.values()]
        page, token = paginate(items, max_results, next_token)
        out = {"Items": page}
        if token:
            out["NextToken"] = token
        return out

    def set_rule_based_matching_status(self, domain_name, status):
        domain = self.get_domain_object(domain_name)
        if domain.rule_based_matching is None:
            domain.rule_based_matching = {"Enabled": True}
        domain.rule_based_matching_status = status

    # tags ----------------------------------------------------------------
    def tag_resource(self, arn, tags):
        self.resource_by_arn(arn).tags.update(tags)
        return {}

    def untag_resource(self, arn, tag_keys):
        domain = self.resource_by_arn(arn)
        for key in tag_keys:
            domain.tags.pop(key, None)
        return {}

    def list_tags_for_resource(self, arn):
        return {"tags": dict(self.resource_by_arn(arn).tags)}

    # profiles ------------------------------------------------------------
    def _profile(self, domain, profile_id):
        profile = domain.profiles.get(profile_id)
        if profile is None:
            raise ResourceNotFoundException("Profile %s not found in domain %s" % (profile_id, domain.name))
        return profile

    def create_profile(self, params):
        domain = self.get_domain_object(params["DomainName"])
        profile_id = uuid.uuid4().hex
        profile = {"ProfileId": profile_id}
        for key, value in params.items():
            if key != "DomainName":
                profile[key] = copy.deepcopy(value)
        domain.profiles[profile_id] = profile
        return {"ProfileId": profile_id}

    def update_profile(self, params):
        domain = self.get_domain_object(params["DomainName"])
        profile = self._profile(domain, params["ProfileId"])
        for key, value in params.items():
            if key in ("DomainName", "ProfileId"):
                continue
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
        return {"ProfileId": profile["ProfileId"]}

    def delete_profile(self, domain_name, profile_id):
        domain = self.get_domain_object(domain_name)
        self._profile(domain, profile_id)
        del domain.profiles[profile_id]
        return {"Message": "Profile %s was deleted." % profile_id}

    def batch_get_profile(self, domain_name, profile_ids):
        domain = self.get_domain_object(domain_name)
        profiles, errors = [], []
        for profile_id in profile_ids:
            profile = domain.profiles.get(profile_id)
            if profile is None:
                errors.append({"Code": "ResourceNotFoundException",
                               "Message": "Profile %s not found" % profile_id, "ProfileId": profile_id})
            else:
                profiles.append(copy.deepcopy(profile))
        return {"Errors": errors, "Profiles": profiles}

    def search_profiles(self, params):
        domain = self.get_domain_object(params["DomainName"])
        keys = [(params["KeyName"], params["Values"])]
        keys.extend((key["KeyName"], key["Values"]) for key in params.get("AdditionalSearchKeys") or [])
        use_and = params.get("LogicalOperator", "OR") == "AND"
        matches = []
        for profile in domain.profiles.values():
            found = []
            for key_name, wanted in keys:
                hits = [value for value in search_values(profile, key_name) if value in wanted]
                if hits:
                    found.append({"KeyName": key_name, "Values": sorted(set(hits), key=hits.index)})
            if (use_and and len(found) == len(keys)) or (not use_and and found):
                item = copy.deepcopy(profile)
                item["FoundByItems"] = found
                matches.append(item)
        page, token = paginate(matches, params.get("MaxResults"), params.get("NextToken"))
        out = {"Items": page}
        if token:
            out["NextToken"] = token
        return out


customerprofiles_backends = BackendDict(CustomerProfilesBackend, "customer-profiles")

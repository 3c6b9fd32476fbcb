# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The profile half of the client layer: calls, option <-> API mapping, identity and comparison.

Profile fields hold personal data: nothing here ever puts a field value into a
message.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import functools

try:
    from botocore.exceptions import ClientError
    from botocore.exceptions import ConnectionClosedError
    from botocore.exceptions import ReadTimeoutError
except ImportError:
    pass  # AnsibleAWSModule reports a missing botocore

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import is_ansible_aws_error_code

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import apply_changes
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import RETRY_DECORATOR
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesErrorHandler
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import chunks
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import is_incomplete_answer
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import paginate
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Resource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import list_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import text_values
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import wait_until_found

# --- the service's rules (botocore model of customer-profiles) ---------------------------

SEARCH_PAGE_SIZE = 100  # SearchProfiles MaxResults: 1-100
BATCH_GET_SIZE = 20  # BatchGetProfile ProfileIds: 1-20
MAX_SEARCH_KEYS = 5  # KeyName/Values plus at most 4 AdditionalSearchKeys

ADDRESS_FIELDS = ("address", "billing_address", "mailing_address", "shipping_address")
ADDRESS_KEYS = (
    "address_1",
    "address_2",
    "address_3",
    "address_4",
    "city",
    "country",
    "county",
    "postal_code",
    "province",
    "state",
)
# Plain string fields (their lengths come from the service model: 0-255, additional_information 0-1000).
STRING_FIELDS = (
    "account_number",
    "additional_information",
    "birth_date",
    "business_email_address",
    "business_name",
    "business_phone_number",
    "email_address",
    "first_name",
    "gender_string",
    "home_phone_number",
    "last_name",
    "middle_name",
    "mobile_phone_number",
    "party_type_string",
    "personal_email_address",
    "phone_number",
)
# The older enum fields. The model marks them sensitive, so their values are checked against the
# model's enums by module_utils/_engine/model.py (whose messages never repeat a value), not by
# ansible-core's choices (whose message does, even under no_log).
ENUM_FIELDS = ("gender", "party_type", "profile_type")

# match_by option -> (SearchProfiles key, the profile field compared exactly)
MATCH_BY = {
    "account_number": "_account",
    "email_address": "_email",
    "personal_email_address": "_email",
    "business_email_address": "_email",
    "phone_number": "_phone",
    "mobile_phone_number": "_phone",
    "home_phone_number": "_phone",
    "business_phone_number": "_phone",
}

# --- argument spec of the profile fields (shared by the profile module and the mapping) --

_CONTACT_PREFERENCE = list_option(
    dict(
        key_name=dict(type="str", no_log=False),
        key_value=dict(type="str", no_log=False),
        profile_id=dict(type="str"),
        contact_type=dict(type="str"),
    )
)


def _field_spec():
    spec = {}
    for name in STRING_FIELDS:
        spec[name] = dict(type="str")
    for name in ADDRESS_FIELDS:
        spec[name] = dict_option(dict((key, dict(type="str")) for key in ADDRESS_KEYS))
    spec["attributes"] = dict(type="dict")
    for name in ENUM_FIELDS:
        spec[name] = dict(type="str")
    spec["engagement_preferences"] = dict_option(
        dict(phone=copy.deepcopy(_CONTACT_PREFERENCE), email=copy.deepcopy(_CONTACT_PREFERENCE))
    )
    return spec


PROFILE_FIELD_SPEC = _field_spec()
PROFILE_FIELDS = tuple(sorted(PROFILE_FIELD_SPEC))
PROFILE_NAMES = frozenset(names_from_spec(PROFILE_FIELD_SPEC) | set(["profile_id"]))
# The member whose map is keyed by user data (custom attribute names): kept as written or stored.
VERBATIM = ("Attributes",)


# --- calls ------------------------------------------------------------------------------


@CustomerProfilesErrorHandler.common_error_handler("search profiles")
def search_profiles(client, domain, key_name, values, additional_search_keys=None, logical_operator=None, limit=None):
    """Every profile SearchProfiles finds (all pages, or the first ``limit``), as API items."""
    params = dict(DomainName=domain, KeyName=key_name, Values=list(values))
    if additional_search_keys:
        params["AdditionalSearchKeys"] = list(additional_search_keys)
    if logical_operator:
        params["LogicalOperator"] = logical_operator
    return paginate(client.search_profiles, "Items", limit=limit, page_size=SEARCH_PAGE_SIZE, **params)


def match_field(match_by):
    """The API member of a match_by option (account_number -> AccountNumber)."""
    return to_api({match_by: "x"}).popitem()[0]


def search_by_match(client, domain, match_by, values):
    """The profiles (API items) whose ``match_by`` field equals one of ``values`` (one search, all pages)."""
    api_field = match_field(match_by)
    wanted = set(values)
    return [
        item for item in search_profiles(client, domain, MATCH_BY[match_by], values) if item.get(api_field) in wanted
    ]


def answer_lost(error):
    """True when a failed write may have been applied all the same: a 5xx answer, or none once the request was
    sent (a read time-out, a dropped connection), or a 2xx answer that was not whole (core.check_answer: the
    service applied the create). A throttle (429) or any other 4xx answer applied nothing."""
    if is_incomplete_answer(error):
        return True
    if isinstance(error, ClientError):
        return (error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 500) >= 500
    return isinstance(error, (ReadTimeoutError, ConnectionClosedError))


def create_profile(client, match_by, value, aws_retry=True, **request):
    """CreateProfile, never retried blindly: the method that Resource.wrapped calls for a create.

    CreateProfile has no idempotency token, so a create whose answer was lost (answer_lost) may have committed.
    Before retrying it, and after the last attempt, the profile is searched for by its match value: a profile found
    is adopted (its id is the answer), more than one fails (duplicate_error); none found, the create is retried as
    the collection's policy retries that error (5xx and throttling; a time-out is not retried). A throttle applied
    nothing and is retried without a search. ``aws_retry`` is ignored: the retries are these.
    """
    lost = []

    def adopted():
        found = search_by_match(client, request["DomainName"], match_by, [value])
        if len(found) > 1:
            raise duplicate_error(found, match_by)
        return dict(ProfileId=found[0]["ProfileId"]) if found else None

    def attempt(**_request):  # the request reaches the retry layer, which removes its values from a message
        answer = adopted() if lost else None
        if answer:
            return answer
        try:
            return client.create_profile(**request)
        except (ClientError, ReadTimeoutError, ConnectionClosedError) as e:
            if answer_lost(e):
                lost.append(e)
            raise

    try:
        return RETRY_DECORATOR(attempt)(**request)
    except (ClientError, ReadTimeoutError, ConnectionClosedError):
        answer = adopted() if lost else None
        if answer:
            return answer
        raise


def write_method(client, call, params):
    """The client method that makes ``call`` for a profile of ``params``: for CreateProfile, create_profile."""
    if call.method == "create_profile":
        return functools.partial(create_profile, client, params["match_by"], params[params["match_by"]])
    return getattr(client, call.method)


def get_profile_by_id(client, domain, profile_id):
    """The profile with that id (API item), or None. One SearchProfiles call."""
    for item in search_profiles(client, domain, "_profileId", [profile_id]):
        if item.get("ProfileId") == profile_id:
            return item
    return None


@CustomerProfilesErrorHandler.common_error_handler("get profiles")
def batch_get_profiles(client, domain, profile_ids):
    """The profiles (API items) of those ids that exist, in the order asked; unknown ids are skipped."""
    found = {}
    ids = list(dict.fromkeys(profile_ids))
    for chunk in chunks(ids, BATCH_GET_SIZE):
        response = client.batch_get_profile(aws_retry=True, DomainName=domain, ProfileIds=chunk)
        for item in response.get("Profiles", []):
            found[item.get("ProfileId")] = item
    return [found[profile_id] for profile_id in ids if profile_id in found]


# --- mapping ----------------------------------------------------------------------------


def prune(value):
    """Drop None, "" and empty dicts/lists at every level (what the service does not store)."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            item = prune(item)
            if item is None or item == "" or item == {} or item == []:
                continue
            result[key] = item
        return result
    if isinstance(value, list):
        return [prune(item) for item in value]
    return value


def describe_profile(api_item):
    """A SearchProfiles/BatchGetProfile item in the module's form (option names, attribute keys as stored)."""
    if not api_item:
        return {}
    item = dict((key, value) for key, value in api_item.items() if key != "FoundByItems")
    return prune(from_api(item, PROFILE_NAMES, VERBATIM))


def fields_from_params(params):
    """The profile fields the user gave, None dropped at every level; attribute numbers as text (42 -> "42")."""
    fields = strip_none(dict((name, params.get(name)) for name in PROFILE_FIELDS if params.get(name) is not None))
    if fields.get("attributes"):
        fields["attributes"] = text_values(fields["attributes"])
    return fields


def profile_to_api(fields):
    """Module-form profile fields to CreateProfile/UpdateProfile members."""
    return to_api(fields, VERBATIM)


# --- comparison -------------------------------------------------------------------------


def desired_with_purge(current, desired, purge_attributes):
    """``desired`` plus "" for every stored attribute not given, when purging."""
    desired = copy.deepcopy(desired)
    if purge_attributes and desired.get("attributes") is not None:
        for key in (current or {}).get("attributes", {}):
            desired["attributes"].setdefault(key, "")
    return desired


def predict(current, desired):
    """The profile (module form) once ``desired`` is applied to ``current`` ({} for a new profile)."""
    return prune(apply_changes(current or {}, desired))


def update_request(current, after):
    """The module-form fields that UpdateProfile must send to turn ``current`` into ``after``.

    Only changed fields are sent; removed scalars are sent as "" (which clears them);
    addresses and attributes send only their changed keys ("" removing one);
    engagement preferences are sent whole (the service replaces them).
    """
    request = {}
    for name in sorted(set(current) | set(after)):
        if name == "profile_id":
            continue
        before_value, after_value = current.get(name), after.get(name)
        if before_value == after_value:
            continue
        if name in ADDRESS_FIELDS or name == "attributes":
            before_value, after_value = before_value or {}, after_value or {}
            request[name] = dict(
                (key, after_value.get(key, ""))
                for key in sorted(set(before_value) | set(after_value))
                if before_value.get(key) != after_value.get(key)
            )
        elif name == "engagement_preferences":
            after_value = after_value or {}
            request[name] = dict((kind, after_value.get(kind, [])) for kind in ("phone", "email"))
        else:
            request[name] = "" if after_value is None else after_value
    return request


def update_to_api(request):
    """UpdateProfile members from update_request(); "" values kept (they clear)."""
    api = {}
    for name, value in request.items():
        if name == "attributes":
            api["Attributes"] = dict(value)
        elif name == "engagement_preferences":
            api["EngagementPreferences"] = dict((kind.capitalize(), to_api(items)) for kind, items in value.items())
        else:
            api.update(to_api({name: value}, VERBATIM))
    return api


# --- the resource -------------------------------------------------------------------------

PROFILE_OPTIONS = dict(
    domain_name=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    profile_id=dict(type="str"),
    match_by=dict(type="str", choices=list(MATCH_BY), default="account_number"),
    purge_attributes=dict(type="bool", default=False),
)
WAIT_OPTIONS = dict(
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=60),
)


def profile_model_inputs(params, prefix=""):
    """The option tree of one profile to check against the model (UpdateProfile: "" clears a field)."""
    options = dict(
        fields_from_params(params), domain_name=params.get("domain_name"), profile_id=params.get("profile_id")
    )
    return [("UpdateProfile", options, prefix)]


CONTACT_PREFERENCE_KEYS = ("key_name", "key_value", "profile_id", "contact_type")


def profile_errors(params, prefix=""):
    """What the model cannot say of one profile: its identity (profile_id, or the value of its match_by field),
    and that each engagement preference names something."""
    errors = []
    lead = prefix + "." if prefix else ""
    if not (params.get("profile_id") or params.get(params["match_by"])):
        errors.append(
            "{0}the profile cannot be identified: give profile_id, or a value for {1} (the match_by option)".format(
                prefix + ": " if prefix else "", params["match_by"]
            )
        )
    for kind in ("phone", "email"):
        for index, item in enumerate((params.get("engagement_preferences") or {}).get(kind) or []):
            if isinstance(item, dict) and not any(item.get(key) is not None for key in CONTACT_PREFERENCE_KEYS):
                errors.append(
                    "{0}engagement_preferences.{1}[{2}] must set at least one of {3}".format(
                        lead, kind, index, ", ".join(CONTACT_PREFERENCE_KEYS)
                    )
                )
    return errors


def plan_profile(current, params):
    """Pure: the calls that bring one profile (API item or None) to the options given, and the profile after.

    Returns (calls, before, after) in module form; after is {} once absent.
    """
    before = describe_profile(current)
    domain = params["domain_name"]
    if params["state"] == "absent":
        if current is None:
            return [], before, {}
        return (
            [Call("delete_profile", dict(DomainName=domain, ProfileId=current["ProfileId"]), "delete profile")],
            before,
            {},
        )
    if current is None:
        if params.get("profile_id"):
            raise PlanError(
                "No profile with profile_id {0} in domain {1}; profile ids are assigned by the service, "
                "leave profile_id out to create a profile".format(params["profile_id"], domain)
            )
        after = predict({}, fields_from_params(params))
        return [Call("create_profile", dict(profile_to_api(after), DomainName=domain), "create profile")], before, after
    desired = desired_with_purge(before, fields_from_params(params), params["purge_attributes"])
    after = predict(before, desired)
    request = update_request(before, after)
    if not request:
        return [], before, after
    call = Call(
        "update_profile",
        dict(update_to_api(request), DomainName=domain, ProfileId=before["profile_id"]),
        "update profile",
    )
    return [call], before, after


def duplicate_error(matches, match_by, created=None):
    """More than one profile has the match value of a profile this task just created (or adopted after a lost
    answer): another writer created the same profile at the same time."""
    ids = sorted(item["ProfileId"] for item in matches)
    when = "after this task created profile {0}".format(created) if created else "after a create whose answer was lost"
    return PlanError(
        "{0} profiles have the {1} given (profile ids: {2}) {3}: another writer created the same profile at the same "
        "time (another task or playbook with the same values, or the worker process of an interrupted "
        "ansible-playbook run that kept running). Keep one and delete the others with "
        "customerprofiles_profile state=absent profile_id=<id> (see docs/reliability.md).".format(
            len(ids), match_by, ", ".join(ids), when
        ),
        profile_ids=ids,
        profile_id=created,
    )


def ambiguity_error(matches, match_by):
    ids = sorted(item["ProfileId"] for item in matches)
    return PlanError(
        "{0} profiles have the {1} given (profile ids: {2}); nothing was changed. Give profile_id to choose one.".format(
            len(ids), match_by, ", ".join(ids)
        ),
        profile_ids=ids,
    )


class ProfileResource(Resource):
    argument_spec = dict(PROFILE_OPTIONS, **WAIT_OPTIONS)
    argument_spec.update(PROFILE_FIELD_SPEC)

    def model_inputs(self):
        return profile_model_inputs(self.params)

    def extra_checks(self):
        return profile_errors(self.params)

    def read(self):
        """The current profile (API item) or None; a missing domain counts as no profile (``missing``)."""
        params = self.params
        try:
            if params["profile_id"]:
                return get_profile_by_id(self.client, params["domain_name"], params["profile_id"])
            matches = search_by_match(
                self.client, params["domain_name"], params["match_by"], [params[params["match_by"]]]
            )
        except is_ansible_aws_error_code("ResourceNotFoundException") as e:
            return Current(None, missing=e)
        if len(matches) > 1:
            raise ambiguity_error(matches, params["match_by"])
        return matches[0] if matches else None

    def plan(self, current):
        """One profile's plan is plan_profile's, which the bulk module (profiles.py) runs for each item: it plans
        every state, so the dispatch of Resource.plan is not used."""
        # The domain does not exist. In check mode it may be one that the same run would create: the profile
        # "would be created". Otherwise a present profile fails with the service's error (``blocked``).
        blocked = current.missing if self.params["state"] == "present" else None
        calls, before, after = plan_profile(current.resource, self.params)
        return Plan(calls, after=after, before=before, blocked=blocked)

    def call(self, call):
        """One write, retried; a create never blindly (see create_profile)."""
        if call.method != "create_profile":
            return super(ProfileResource, self).call(call)
        response = self.wrapped(call.action, write_method(self.client, call, self.params), **call.request)
        self.writes += 1
        return response

    def outcome_from(self, call, response, outcome):
        if call.method == "create_profile":
            outcome["profile_id"] = response["ProfileId"]
            self.wait_until_searchable(outcome["profile_id"])
        return outcome

    def wait_until_searchable(self, profile_id):
        """SearchProfiles is eventually consistent: wait (bounded) until the new profile is found by its match_by key,
        so that a next task matching the same key updates it instead of creating a duplicate."""
        params = self.params
        if not params["wait"]:
            return

        def still_missing(missing):
            found = search_by_match(
                self.client, params["domain_name"], params["match_by"], [params[params["match_by"]]]
            )
            if not any(item.get("ProfileId") == profile_id for item in found):
                return missing
            if len(found) > 1:
                raise duplicate_error(found, params["match_by"], profile_id)
            return []

        if not wait_until_found(still_missing, [profile_id], params["wait_timeout"]):
            return
        self.module.warn(
            "Profile {0} was created but SearchProfiles did not find it by {1} within wait_timeout={2} seconds; "
            "a task that matches the same {1} soon may not see it yet".format(
                profile_id, params["match_by"], params["wait_timeout"]
            )
        )

    def result(self, plan, outcome):
        return dict(profile_id=outcome.get("profile_id"), profile=outcome)

    def diff(self, current, plan, outcome):
        return dict(before=plan.before, after=outcome)


class ProfileLister(Lister):
    argument_spec = dict(
        domain_name=dict(type="str", required=True),
        profile_id=dict(type="list", elements="str"),
        search=list_option(
            dict(
                key_name=dict(type="str", required=True, no_log=False),
                values=dict(type="list", elements="str", required=True),
            )
        ),
        logical_operator=dict(type="str", choices=["AND", "OR"], default="OR"),
        max_results=dict(type="int"),
    )
    module_kwargs = dict(mutually_exclusive=[["profile_id", "search"]], required_one_of=[["profile_id", "search"]])
    result_key = "profiles"

    def model_inputs(self):
        params = self.params
        inputs = [("SearchProfiles", dict(domain_name=params["domain_name"]), "")]
        for index, profile_id in enumerate(params["profile_id"] or []):
            inputs.append(("BatchGetProfile.ProfileIds", profile_id, "profile_id[{0}]".format(index)))
        for index, key in enumerate(params["search"] or []):
            inputs.append(("SearchProfiles.AdditionalSearchKeys", key, "search[{0}]".format(index)))
        return inputs

    def extra_checks(self):
        errors = []
        params = self.params
        if params["profile_id"] is not None and not params["profile_id"]:
            errors.append("profile_id must have at least 1 items")
        for index, key in enumerate(params["search"] or []):
            if not key["values"]:
                errors.append("search[{0}].values must have at least 1 items".format(index))
        if params["search"] is not None and not 1 <= len(params["search"]) <= MAX_SEARCH_KEYS:
            errors.append(
                "search must have 1 to {0} items (SearchProfiles takes one key and at most {1} more)".format(
                    MAX_SEARCH_KEYS, MAX_SEARCH_KEYS - 1
                )
            )
        if params["max_results"] is not None and params["max_results"] < 1:
            errors.append("max_results must be at least 1")
        return errors

    def wanted_one(self):
        return False

    def list_all(self):
        params = self.params
        if params["profile_id"] is not None:
            return batch_get_profiles(self.client, params["domain_name"], params["profile_id"])
        keys = [dict(KeyName=key["key_name"], Values=key["values"]) for key in params["search"]]
        return search_profiles(
            self.client,
            params["domain_name"],
            keys[0]["KeyName"],
            keys[0]["Values"],
            additional_search_keys=keys[1:],
            logical_operator=params["logical_operator"] if len(keys) > 1 else None,
            limit=params["max_results"],
        )

    def describe(self, item):
        return describe_profile(item)

# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Many profiles in one task: the resource of customerprofiles_profiles.

Each item is planned by profile.plan_profile, exactly as one customerprofiles_profile
task plans it; this file adds only what a list needs:

- validation of every item before any call (messages ``profiles[i].option``);
- batched reads: the match_by values go to SearchProfiles in chunks (VALUES_PER_SEARCH values a
  call, halved when the service refuses a call for its number of values), profile ids to
  BatchGetProfile (BATCH_GET_SIZE a call);
- two items resolving to the same profile fail the task before any write;
- the writes run in a thread pool (``max_concurrency``) under a client-side token bucket
  (``rate_limit`` calls per second), each through the engine's retried call;
- a failed item never stops the others; the task then fails listing the failed items by
  index, error code and message (never a field value).

Profile fields hold personal data: nothing here puts a field value into a message.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import threading
from collections import ChainMap

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import is_ansible_aws_error_code

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import BULK_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import NO_ANSWER_ROUNDS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import BulkResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import NoAnswerStop
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import TokenBucket
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import chunks
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import describe_error
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import error_details
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import list_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import wait_until_found
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import BATCH_GET_SIZE
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import MATCH_BY
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import PROFILE_FIELD_SPEC
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import PROFILE_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import WAIT_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import ambiguity_error
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import batch_get_profiles
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import duplicate_error
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import match_field
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import plan_profile
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import profile_errors
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import profile_model_inputs
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import search_by_match
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import write_method

# Values in one SearchProfiles call. Neither the service model nor the API reference states a limit;
# a call the service refuses for its number of values halves it (see search_chunk). 50 values of an
# exact key find at most 50 profiles, one page of SEARCH_PAGE_SIZE (100), so N no-op items by match_by
# cost ceil(N / 50) reads.
VALUES_PER_SEARCH = 50

STATUSES = ("created", "updated", "unchanged", "deleted", "absent", "failed", "not_attempted")
# Options of the task that each item may set for itself (the task's value is the default).
ITEM_OVERRIDES = ("match_by", "purge_attributes")

_ITEM_SPEC = dict(PROFILE_FIELD_SPEC)
_ITEM_SPEC["profile_id"] = dict(type="str")
_ITEM_SPEC["match_by"] = dict(type="str", choices=list(MATCH_BY))
_ITEM_SPEC["purge_attributes"] = dict(type="bool")


def error_code(error):
    """The service's error code of a CustomerProfilesError (None when it has none)."""
    return describe_error(error)[1].get("error", {}).get("code")


def item_failure(error):
    """(code, message, text) of a failed item: the service's code and message and the text the single modules
    give them (how many attempts were made, error_details), or the plan's reason."""
    if isinstance(error, PlanError):
        return None, error.message, error.message
    details, text = error_details(error)
    if details is None:
        message = describe_error(error)[0]
        return "Error", message, message
    return details["error"]["code"], details["error"]["message"], text


class Item:
    """One item of the list: its per-item params (the fields given plus the task's options), and what became of it.

    Held for every item at once, so it keeps only what the run still needs: the current profile (API item) from
    the read until the item is planned, then its id; the write calls (``calls``) only when they are to be made (not
    in check mode; ``changes`` says whether there are any); the predicted before and after only in diff mode."""

    __slots__ = ("index", "params", "current", "current_id", "profile_id", "calls", "changes", "before", "after")
    __slots__ += ("status", "error", "profile_ids")

    def __init__(self, index, params):
        self.index = index
        self.params = params
        self.current = None
        self.current_id = None
        self.profile_id = None
        self.calls = []
        self.changes = False
        self.before = {}
        self.after = {}
        self.status = None
        self.error = None
        self.profile_ids = None

    @property
    def key(self):
        """How the item finds its profile: ("id", profile_id) or (match_by, value)."""
        if self.params.get("profile_id"):
            return ("id", self.params["profile_id"])
        return (self.params["match_by"], self.params.get(self.params["match_by"]))

    def fail(self, error):
        self.status = "failed"
        self.error = item_failure(error)
        self.profile_ids = getattr(error, "details", {}).get("profile_ids")


def given(item):
    """The options an item of ``profiles`` sets (ansible-core fills every option it leaves out with None)."""
    return strip_none(item)


def task_options(params):
    """What every item takes from the task: its domain and state, and the ITEM_OVERRIDES an item may set itself."""
    options = dict((name, params[name]) for name in ITEM_OVERRIDES)
    options.update(domain_name=params["domain_name"], state=params["state"])
    return options


def item_params(item, task):
    """The options of one customerprofiles_profile task for ``item`` (given(), the options it sets, never None):
    those, then the task's (``task``, task_options(), one dict shared by every item). A view, not a dict per item:
    an item's options are read, never changed, and N items do not hold N copies of the task's options."""
    return ChainMap(item, task)


def compact_profiles(params):
    """The items as given (given()) replace, in place, ansible-core's validated items, in which every option an item
    leaves out is None (some 30 per item): the module then holds one small dict per item instead, ansible-core's
    "Invoked with" log line is made of them, and the invocation it returns at -vvv (module_args) lists each item's
    options as given, without 30 nulls each. One at a time: ansible-core's copy of each item goes as it is
    replaced."""
    profiles = params.get("profiles") or []
    for index, item in enumerate(profiles):
        profiles[index] = given(item)


class ProfilesResource(BulkResource):
    argument_spec = dict(
        domain_name=PROFILE_OPTIONS["domain_name"],
        state=PROFILE_OPTIONS["state"],
        match_by=PROFILE_OPTIONS["match_by"],
        purge_attributes=PROFILE_OPTIONS["purge_attributes"],
        profiles=list_option(_ITEM_SPEC, required=True),
    )
    argument_spec.update(BULK_OPTIONS)
    argument_spec.update(WAIT_OPTIONS)
    values_per_call = VALUES_PER_SEARCH
    compact_params = staticmethod(compact_profiles)

    def __init__(self, module, client):
        super(ProfilesResource, self).__init__(module, client)
        profiles = self.params["profiles"] or []  # compacted (compact_profiles) by now
        task = task_options(self.params)
        self.items = [Item(index, item_params(item, task)) for index, item in enumerate(profiles)]
        self.lock = threading.Lock()

    def invocation(self):
        """Below -vvv, the ``invocation`` leaves ``profiles`` out: ansible-core holds a task's result several times
        on the controller, and N items echoed in it cost more than all the rest. At -vvv (where the default
        callback shows it) it is ansible-core's own, which lists each item's options as given."""
        if self.module.verbosity() >= 3:
            return None
        return dict(module_args=dict((name, value) for name, value in self.params.items() if name != "profiles"))

    # validation -----------------------------------------------------------------------
    def model_inputs(self):
        inputs = [("UpdateProfile", dict(domain_name=self.params["domain_name"]), "")]
        for item in self.items:
            # The domain is checked once, above, not once per item.
            inputs.extend(profile_model_inputs(dict(item.params, domain_name=None), "profiles[{0}]".format(item.index)))
        return inputs

    def extra_checks(self):
        errors = self.bulk_errors()
        for item in self.items:
            errors.extend(profile_errors(item.params, "profiles[{0}]".format(item.index)))
        return errors

    # reads ------------------------------------------------------------------------------
    def read(self):
        """Each item's current profile (API item, in ``item.current``) or None, from batched reads run
        ``max_concurrency`` at a time under a read bucket of ``rate_limit`` calls per second; a missing domain: no
        profiles (``missing``). Returns a Current of the items (plan() drops each API item once the item is planned)
        and what of each item's plan the run will read (``keep``)."""
        # Two items with the same profile_id or match_by value: known before any call.
        raise_duplicates((item.key, item.index) for item in self.items if item.key[1])
        self.start_reads()
        try:
            self.read_by_id([item for item in self.items if item.key[0] == "id"])
            by_match = {}
            for item in self.items:
                if item.key[0] != "id":
                    by_match.setdefault(item.key[0], []).append(item)
            for match_by in sorted(by_match):
                self.read_by_match(match_by, by_match[match_by])
        except is_ansible_aws_error_code("ResourceNotFoundException") as e:
            for item in self.items:
                item.current, item.status, item.error = None, None, None
            return Current(self.items, missing=e, keep=self.keep())
        return Current(self.items, keep=self.keep())

    def keep(self):
        """What of each item's plan the run reads: its calls when they are sent (not in check mode), its predicted
        before and after when the diff shows them. N items never hold N requests or N predictions for nothing."""
        keep = set() if self.module.check_mode else {"calls"}
        if self.module._diff:
            keep.add("predictions")
        return frozenset(keep)

    def read_by_id(self, items):
        if not items:
            return
        ids = list(dict.fromkeys(item.key[1] for item in items))
        found = {}
        for profiles in self.concurrently(self.get_chunk, list(chunks(ids, BATCH_GET_SIZE))):
            found.update((profile["ProfileId"], profile) for profile in profiles)
        for item in items:
            item.current = found.get(item.key[1])

    def get_chunk(self, ids):
        self.read_bucket.take()
        return batch_get_profiles(self.client, self.params["domain_name"], ids)

    def read_by_match(self, match_by, items):
        values = list(dict.fromkeys(item.key[1] for item in items))
        api_field = match_field(match_by)
        matches = dict((value, {}) for value in values)
        for profile in self.search(match_by, values):
            matches[profile[api_field]][profile["ProfileId"]] = profile
        for item in items:
            found = list(matches[item.key[1]].values())
            if len(found) > 1:
                item.fail(ambiguity_error(found, match_by))
            item.current = found[0] if len(found) == 1 else None

    def search(self, match_by, values):
        """The profiles whose match_by field equals one of ``values`` exactly: chunks of values_per_call values
        (searched concurrently, every page)."""
        found = self.by_values(self.search_chunk, {match_by: values})
        return found[match_by]

    def search_chunk(self, match_by, values):
        """One chunk's profiles, without what SearchProfiles says of how each was found (``FoundByItems``, which
        nothing reads): a read of N items holds up to N profiles at once."""
        found = search_by_match(self.client, self.params["domain_name"], match_by, values)
        for profile in found:
            profile.pop("FoundByItems", None)
        return found

    # plan -------------------------------------------------------------------------------
    def plan(self, current):
        """Each item planned on its own (plan_item); a failed item fails alone. The bulk module overrides the
        dispatch: there is no one resource to find absent, to create or to update. A missing domain blocks a present
        state's writes (check mode predicts the creates: the same run may create the domain first), and the items
        that fail end a run that writes nothing (``failure``); the driver decides both."""
        items = current.resource
        for item in items:
            self.plan_item(item, current.keep)
        self.check_duplicates()
        calls = [call for item in items for call in item.calls]
        plan = Plan(
            calls,
            changed=any(item.changes for item in items),
            blocked=current.missing if self.params["state"] == "present" else None,
        )
        if self.failed():
            plan.failure = self.failure(plan)
        return plan

    @staticmethod
    def plan_item(item, keep):
        """Plan one item. Of its current profile only the id is kept, its calls only when the run sends them, and
        the predicted before and after only when the diff shows them (``keep``, what the run reads): N items never
        hold N API items and N predictions at once."""
        current, item.current = item.current, None
        item.current_id = current["ProfileId"] if current else None
        if item.status == "failed":
            return
        try:
            calls, before, after = plan_profile(current, item.params)
        except PlanError as e:
            item.fail(e)
            return
        item.changes = bool(calls)
        item.calls = calls if "calls" in keep else []
        item.profile_id = after.get("profile_id")
        if "predictions" in keep:
            item.before, item.after = before, after
        item.status = predicted_status(item)

    def check_duplicates(self):
        """Two items that would manage the same profile (the same profile id, or the same match value that
        finds no profile, so both would create it) fail the task before any write."""
        raise_duplicates(
            (("id", item.current_id) if item.current_id else item.key, item.index)
            for item in self.items
            if item.status not in ("failed", "absent")
        )

    # apply ------------------------------------------------------------------------------
    def call(self, call, item):  # pylint: disable=arguments-differ,arguments-renamed
        """One write of ``item`` (retried, a create never blindly: see profile.create_profile; rate limited)."""
        self.bucket.take()
        return super(ProfilesResource, self).call(call, write_method(self.client, call, item.params))

    def count_write(self):
        """The write counter is shared by the worker threads."""
        with self.lock:
            self.writes += 1

    def apply_item(self, item):
        if self.stop.stopped:
            item.status = "not_attempted"
            return
        try:
            for call in item.calls:
                response = self.call(call, item)
                self.stop.record()
                if call.method == "create_profile":
                    item.profile_id = response["ProfileId"]
                    if self.module._diff:
                        item.after = dict(item.after, profile_id=item.profile_id)
        except (CustomerProfilesError, PlanError) as e:
            self.stop.record(e)
            item.fail(e)

    def apply(self, plan):
        """The items' writes, concurrently (``max_concurrency``) under the token bucket (``rate_limit``): the
        engine's apply makes one call after another and stops at the first failure, while here each item fails on
        its own, the writes stop after rounds without an answer, and created profiles are waited for."""
        self.bucket = TokenBucket(self.params["rate_limit"])
        self.stop = NoAnswerStop(NO_ANSWER_ROUNDS * self.params["max_concurrency"])
        pending = [item for item in self.items if item.calls and item.status != "failed"]
        self.concurrently(self.apply_item, pending)
        self.wait_until_searchable([item for item in pending if item.status == "created"])
        if self.failed() or self.not_attempted():
            raise self.failure(plan)
        return None

    def wait_until_searchable(self, created):
        """SearchProfiles is eventually consistent: search (batched, bounded by wait_timeout) until every created
        profile is found by its match_by key, as customerprofiles_profile waits for the one it creates."""
        params = self.params
        if not params["wait"] or not created:
            return
        missing = wait_until_found(self.not_found_yet, created, params["wait_timeout"])
        if not missing:
            return
        self.module.warn(
            "{0} created profile(s) were not found by SearchProfiles within wait_timeout={1} seconds (profiles[{2}]); "
            "a task that matches the same values soon may not see them yet".format(
                len(missing), params["wait_timeout"], "], profiles[".join(str(item.index) for item in missing)
            )
        )

    def not_found_yet(self, items):
        """The items whose created profile is not found yet. An item whose match value finds its profile and
        another one fails: another writer created the same profile meanwhile (duplicate_error)."""
        by_match = {}
        for item in items:
            by_match.setdefault(item.params["match_by"], []).append(item)
        found = {}
        for match_by, group in by_match.items():
            for profile in self.search(match_by, list(dict.fromkeys(item.key[1] for item in group))):
                found.setdefault((match_by, profile[match_field(match_by)]), []).append(profile)
        missing = []
        for item in items:
            profiles = found.get(item.key, [])
            if not any(profile["ProfileId"] == item.profile_id for profile in profiles):
                missing.append(item)
            elif len(profiles) > 1:
                item.fail(duplicate_error(profiles, item.key[0], item.profile_id))
        return missing

    # results ----------------------------------------------------------------------------
    def failed(self):
        return [item for item in self.items if item.status == "failed"]

    def not_attempted(self):
        return [item for item in self.items if item.status == "not_attempted"]

    def failure(self, plan):
        failed = self.failed()
        listed = "; ".join("profiles[{0}]: {1}".format(item.index, failure_text(item.error)) for item in failed)
        message = "{0} of {1} profile(s) failed, the others were applied: {2}".format(
            len(failed), len(self.items), listed
        )
        not_attempted = self.not_attempted()
        if not_attempted:
            message = "{0} of {1} profile(s) failed{2}; {3} (profiles[{4}]); the others were applied".format(
                len(failed),
                len(self.items),
                ": " + listed if failed else "",
                self.stop.message(len(not_attempted)),
                "], profiles[".join(str(item.index) for item in not_attempted),
            )
        return PlanError(message, **self.result(plan, None))

    def result(self, plan, outcome):
        results = []
        for item in self.items:
            entry = dict(index=item.index, profile_id=profile_id_of(item), status=item.status)
            if item.status == "failed":
                entry["msg"] = failure_text(item.error)
                entry["error"] = dict(code=item.error[0], message=item.error[1])
                if item.profile_ids:
                    entry["profile_ids"] = item.profile_ids
            results.append(entry)
        summary = dict((status, 0) for status in STATUSES)
        for entry in results:
            summary[entry["status"]] += 1
        return dict(profiles=results, summary=summary)

    def diff(self, current, plan, outcome):
        """Before/after of the items that change (or would), one diff each."""
        return [
            dict(
                before_header="profiles[{0}]".format(item.index),
                after_header="profiles[{0}]".format(item.index),
                before=item.before,
                after=item.after,
            )
            for item in self.items
            if item.changes and item.status not in ("failed", "not_attempted")
        ]


def raise_duplicates(targets):
    """PlanError naming the items (indexes, never values) of ``targets``, (profile, index) pairs, that share a
    profile."""
    owners = {}
    for target, index in targets:
        owners.setdefault(target, []).append(index)
    clashes = [indexes for indexes in owners.values() if len(indexes) > 1]
    if clashes:
        raise PlanError(
            "Items that resolve to the same profile: {0}; nothing was changed. Give each profile once.".format(
                "; ".join(", ".join("profiles[{0}]".format(index) for index in indexes) for indexes in clashes)
            ),
            duplicate_items=clashes,
        )


def failure_text(error):
    return error[2]


def predicted_status(item):
    if item.params["state"] == "absent":
        return "deleted" if item.changes else "absent"
    if item.current_id is None:
        return "created"
    return "updated" if item.changes else "unchanged"


def profile_id_of(item):
    if item.status in ("failed", "not_attempted"):
        return item.current_id or item.params.get("profile_id") or item.profile_id
    if item.status in ("deleted", "absent"):
        return None
    return item.profile_id

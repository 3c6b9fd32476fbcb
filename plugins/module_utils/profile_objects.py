# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Profile objects (PutProfileObject / BatchPutProfileObject), for customerprofiles_profile_objects and _info.

An object's stored copy is found through its object type's keys: the PROFILE keys find the
profile (SearchProfiles by the key's name), the UNIQUE key finds the object on it
(ListProfileObjects with an ObjectFilter on that key). A key's value is read from the object
through the Source of the key's field (``_source.<path>``). An object equal to its stored copy
is not sent again: on AWS every ingestion can fire event streams and triggers.

Objects hold personal data: no message here repeats a value.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import functools
import json
import re

from ansible.module_utils.six import string_types

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import BULK_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import NO_ANSWER_ROUNDS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import BulkResource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.bulk import NoAnswerStop
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import chunks
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import describe_error
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import redact
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Current
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import MINIMUM_BOTOCORE
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import has_operation
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import get_object_type
from ansible_collections.awscx.customerprofiles.plugins.module_utils.object_type import object_keys
from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import search_profiles

BATCH_SIZE = 10  # BatchPutProfileObject Items: 1-10
LIST_PAGE_SIZE = 100  # ListProfileObjects MaxResults: 1-100
STATUSES = ("created", "updated", "unchanged", "deleted", "absent", "failed", "not_attempted")
SOURCE_PREFIX = "_source."
_SEGMENT = re.compile(r"^([^\[\]]+)((?:\[\d+\])*)$")
_INDEX = re.compile(r"\[(\d+)\]")

PROFILE_OBJECTS_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True),
    object_type_name=dict(type="str", required=True),
    objects=dict(type="list", elements="raw", required=True),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    **BULK_OPTIONS,
)


# ---------------------------------------------------------------- objects and keys


def parse_object(value):
    """(dict, JSON text to send) of one ``objects`` item: a dict, or a string holding a JSON object. Raises ValueError."""
    if isinstance(value, dict):
        try:
            return value, json.dumps(value)
        except (TypeError, ValueError):
            raise ValueError("cannot be written as JSON") from None
    if isinstance(value, string_types):
        try:
            parsed = json.loads(value)
        except ValueError:
            raise ValueError("is a string that is not valid JSON") from None
        if not isinstance(parsed, dict):
            raise ValueError("must be a JSON object, not a JSON {0}".format(type(parsed).__name__))
        return parsed, value
    raise ValueError("must be a dict or a JSON object string")


def source_path(source):
    """The steps of a ``_source.a.b[0]`` accessor (names and list indexes), or None for any other Source."""
    if not isinstance(source, string_types) or not source.startswith(SOURCE_PREFIX):
        return None
    steps = []
    prefix_length = len(SOURCE_PREFIX)
    for segment in source[prefix_length:].split("."):
        match = _SEGMENT.match(segment)
        if not match:
            return None
        steps.append(match.group(1))
        steps.extend(int(index) for index in _INDEX.findall(match.group(2)))
    return steps


def value_at(obj, steps):
    """The text of the value at ``steps`` in ``obj`` (numbers as text), or None when there is none."""
    value = obj
    for step in steps:
        if isinstance(step, int):
            if not isinstance(value, list) or step >= len(value):
                return None
        elif not isinstance(value, dict) or step not in value:
            return None
        value = value[step]
    if value is None or isinstance(value, (dict, list)) or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, string_types) else json.dumps(value)


def key_reader(object_type, key_name):
    """The steps that read key ``key_name`` from an object, or a reason (str) why the module cannot read it."""
    fields = object_type.get("Fields") or {}
    names = []
    for item in (object_type.get("Keys") or {}).get(key_name) or []:
        names.extend(item.get("FieldNames") or [])
    if len(names) != 1:
        return "key {0} is made of {1} fields; the module reads keys made of one field".format(key_name, len(names))
    steps = source_path((fields.get(names[0]) or {}).get("Source"))
    if steps is None:
        return "the source of field {0} (key {1}) is not a _source.<path> accessor".format(names[0], key_name)
    return steps


def object_type_keys(object_type, object_type_name):
    """(unique key name, its steps, [(profile key name, steps)]) of an object type; PlanError when unusable."""
    unique = object_keys(object_type, "UNIQUE")
    if len(unique) != 1:
        raise PlanError(
            "Object type {0} has {1} UNIQUE keys; the module identifies stored objects by the one UNIQUE key of "
            "the type".format(object_type_name, len(unique))
        )
    unique_steps = key_reader(object_type, unique[0])
    if not isinstance(unique_steps, list):
        raise PlanError("Object type {0}: {1}".format(object_type_name, unique_steps))
    profile_keys = []
    for name in object_keys(object_type, "PROFILE"):
        steps = key_reader(object_type, name)
        if isinstance(steps, list):
            profile_keys.append((name, steps))
    if not profile_keys:
        raise PlanError(
            "Object type {0} has no PROFILE key made of one _source.<path> field; the module finds an object's "
            "profile through such a key".format(object_type_name)
        )
    return unique[0], unique_steps, profile_keys


# ---------------------------------------------------------------- calls


def list_profile_objects(client, domain_name, object_type_name, profile_id, object_filter=None):
    """Every ListProfileObjects item of a profile's objects of one type (all pages), optionally filtered."""
    params = dict(DomainName=domain_name, ObjectTypeName=object_type_name, ProfileId=profile_id)
    if object_filter:
        params["ObjectFilter"] = object_filter
    return list_all(client.list_profile_objects, "list profile objects", page_size=LIST_PAGE_SIZE, **params)


def stored_object(item):
    """The object of a ListProfileObjects item, parsed (None when it is not a JSON object)."""
    try:
        parsed = json.loads(item.get("Object") or "")
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None


def describe_profile_object(item):
    """A ListProfileObjects item in snake_case, its object parsed (kept as text when it is not JSON)."""
    result = from_api(dict((key, value) for key, value in item.items() if key != "Object"))
    parsed = stored_object(item)
    result["object"] = parsed if parsed is not None else item.get("Object")
    return result


# ---------------------------------------------------------------- the resource


class ProfileObjectsResource(BulkResource):
    argument_spec = PROFILE_OBJECTS_ARGUMENT_SPEC

    def model_inputs(self):
        params = self.params
        inputs = [
            (
                "PutProfileObject",
                dict(domain_name=params["domain_name"], object_type_name=params["object_type_name"]),
                "",
            )
        ]
        for index, item in enumerate(params["objects"]):
            try:
                inputs.append(("PutProfileObject.Object", parse_object(item)[1], "objects[{0}]".format(index)))
            except ValueError:
                continue  # reported by extra_checks
        return inputs

    def extra_checks(self):
        errors = self.bulk_errors()
        for index, item in enumerate(self.params["objects"]):
            try:
                parse_object(item)
            except ValueError as e:
                errors.append("objects[{0}] {1}".format(index, e))
        return errors

    def batch_supported(self):
        """BatchPutProfileObject is used where the installed botocore has it."""
        return self.module.botocore_at_least(MINIMUM_BOTOCORE["BatchPutProfileObject"]) and has_operation(
            "BatchPutProfileObject"
        )

    # read -------------------------------------------------------------------------------
    def read(self):
        """One entry per object: its text, unique key value, the profile and stored copy found (or an error)."""
        params = self.params
        domain, type_name = params["domain_name"], params["object_type_name"]
        object_type = get_object_type(self.client, domain, type_name)
        entries = []
        for index, item in enumerate(params["objects"]):
            obj, text = parse_object(item)
            entries.append(
                dict(index=index, object=obj, text=text, profile_id=None, unique_key=None, stored=None, error=None)
            )
        if object_type is None:
            missing = PlanError("Object type {0} does not exist in domain {1}".format(type_name, domain))
            if params["state"] == "present":
                # check mode: a type the same run would create, every object would be created; apply: blocked
                return Current(entries, missing=missing)
            raise missing
        unique_name, unique_steps, profile_keys = object_type_keys(object_type, type_name)
        seen = {}
        for entry in entries:
            entry["unique_value"] = value_at(entry["object"], unique_steps)
            entry["profile_values"] = [(name, value_at(entry["object"], steps)) for name, steps in profile_keys]
            entry["profile_values"] = [(name, value) for name, value in entry["profile_values"] if value is not None]
            if entry["unique_value"] is None:
                entry["error"] = "the object has no value for the UNIQUE key {0}".format(unique_name)
            elif not entry["profile_values"]:
                entry["error"] = "the object has no value for a PROFILE key ({0})".format(
                    ", ".join(name for name, _s in profile_keys)
                )
            elif entry["unique_value"] in seen:
                raise PlanError(
                    "objects[{0}] and objects[{1}] have the same value of the UNIQUE key {2}; nothing was changed".format(
                        seen[entry["unique_value"]], entry["index"], unique_name
                    )
                )
            else:
                seen[entry["unique_value"]] = entry["index"]
        self.start_reads()
        self.find_stored([entry for entry in entries if entry["error"] is None], unique_name, unique_steps)
        return entries

    def find_stored(self, entries, unique_name, unique_steps):
        """Fill in each entry's profile and stored copy: the profiles its PROFILE keys find (one SearchProfiles per
        distinct key value), then its object on them (one ListProfileObjects per profile found, filtered on the
        UNIQUE values of every object looking there). The calls run concurrently, under the read bucket."""
        keys = list(dict.fromkeys(pair for entry in entries for pair in entry["profile_values"]))
        profiles = dict(zip(keys, self.concurrently(self.profiles_of, keys)))
        wanted = {}
        for entry in entries:
            candidates = []
            for pair in entry["profile_values"]:
                candidates.extend(profile_id for profile_id in profiles[pair] if profile_id not in candidates)
            entry["candidates"] = candidates
            entry["profile_id"] = candidates[0] if candidates else None
            for profile_id in candidates:
                wanted.setdefault(profile_id, []).append(entry["unique_value"])
        stored = {}
        for profile_id, items in self.by_values(functools.partial(self.objects_of, unique_name), wanted).items():
            for item in items:
                parsed = stored_object(item)
                if parsed is not None:
                    stored.setdefault((profile_id, value_at(parsed, unique_steps)), (item, parsed))
        for entry in entries:
            for profile_id in entry.pop("candidates"):
                if (profile_id, entry["unique_value"]) in stored:
                    item, parsed = stored[(profile_id, entry["unique_value"])]
                    entry.update(profile_id=profile_id, unique_key=item.get("ProfileObjectUniqueKey"), stored=parsed)
                    break

    def profiles_of(self, key):
        """The ids of the profiles a PROFILE key (name, value) finds."""
        self.read_bucket.take()
        found = search_profiles(self.client, self.params["domain_name"], key[0], [key[1]])
        return [item["ProfileId"] for item in found if item.get("ProfileId")]

    def objects_of(self, unique_name, profile_id, unique_values):
        """The profile's objects of the type whose UNIQUE key has one of ``unique_values`` (every page)."""
        params = self.params
        object_filter = dict(KeyName=unique_name, Values=list(unique_values))
        return list_profile_objects(
            self.client, params["domain_name"], params["object_type_name"], profile_id, object_filter
        )

    # plan -------------------------------------------------------------------------------
    def plan(self, current):
        params = self.params
        results, puts, calls, call_items = [], [], [], []
        for entry in current.resource:
            result = dict(index=entry["index"], profile_id=entry["profile_id"], unique_key=entry["unique_key"])
            if entry["error"]:
                result.update(status="failed", msg=entry["error"])
            elif params["state"] == "absent":
                result["status"] = "absent" if entry["stored"] is None else "deleted"
                if entry["stored"] is not None:
                    calls.append(
                        Call(
                            "delete_profile_object",
                            dict(
                                DomainName=params["domain_name"],
                                ObjectTypeName=params["object_type_name"],
                                ProfileId=entry["profile_id"],
                                ProfileObjectUniqueKey=entry["unique_key"],
                            ),
                            "delete profile object {0}".format(entry["index"]),
                        )
                    )
                    call_items.append([entry["index"]])
            elif entry["stored"] is None:
                result["status"] = "created"
                puts.append(entry)
            elif entry["stored"] == entry["object"]:
                result["status"] = "unchanged"
            else:
                result["status"] = "updated"
                puts.append(entry)
            results.append(result)
        batch = self.batch_supported()
        step = BATCH_SIZE if batch else 1
        for chunk in chunks(puts, step):
            indexes = [entry["index"] for entry in chunk]
            if batch:
                request = dict(
                    DomainName=params["domain_name"],
                    ObjectTypeName=params["object_type_name"],
                    Items=[dict(Id=str(entry["index"]), Object=entry["text"]) for entry in chunk],
                )
                calls.append(
                    Call("batch_put_profile_object", request, "ingest objects {0}".format(", ".join(map(str, indexes))))
                )
            else:
                request = dict(
                    DomainName=params["domain_name"], ObjectTypeName=params["object_type_name"], Object=chunk[0]["text"]
                )
                calls.append(Call("put_profile_object", request, "ingest object {0}".format(indexes[0])))
            call_items.append(indexes)
        return Plan(
            calls,
            after=results,
            call_items=call_items,
            entries=current.resource,
            blocked=current.missing,
            failure=self.failure(results),
        )

    # apply ------------------------------------------------------------------------------
    def apply(self, plan):
        results = dict((result["index"], dict(result)) for result in plan.after)
        # The writes go one at a time: they stop after NO_ANSWER_ROUNDS in a row got no answer.
        self.stop = NoAnswerStop(NO_ANSWER_ROUNDS)
        for call, indexes in zip(plan.calls, plan.call_items):
            if self.stop.stopped:
                for index in indexes:
                    results[index]["status"] = "not_attempted"
                continue
            try:
                response = self.call(call)
                self.stop.record()
            except CustomerProfilesError as e:
                self.stop.record(e)
                message, _details = describe_error(e)
                for index in indexes:
                    results[index].update(status="failed", msg=message)
                continue
            if call.method == "put_profile_object":
                results[indexes[0]]["unique_key"] = response.get("ProfileObjectUniqueKey")
            elif call.method == "batch_put_profile_object":
                for item in response.get("Successful") or []:
                    results[int(item["Id"])]["unique_key"] = item.get("ProfileObjectUniqueKey")
                for item in response.get("Failed") or []:
                    results[int(item["Id"])].update(
                        status="failed",
                        msg="ingest object: {0} (HTTP {1})".format(
                            redact(item.get("Message") or "failed", call.request), item.get("Code")
                        ),
                    )
        outcome = [results[result["index"]] for result in plan.after]
        self.raise_failures(outcome, applied=True)
        return outcome

    @staticmethod
    def summary(results):
        summary = dict((status, 0) for status in STATUSES)
        for result in results:
            summary[result["status"]] += 1
        return summary

    def raise_failures(self, results, applied=False):
        error = self.failure(results, applied)
        if error is not None:
            raise error

    def failure(self, results, applied=False):
        """The PlanError giving each failed object's reason (never a field value) and the objects not attempted (the
        writes stopped getting answers); "the others were applied" only when there are others and writes were
        made (``applied``)."""
        failed = [result for result in results if result["status"] == "failed"]
        not_attempted = [result["index"] for result in results if result["status"] == "not_attempted"]
        if not (failed or not_attempted):
            return None
        others = ""
        if len(failed) + len(not_attempted) < len(results):
            others = ", the others were applied" if applied else ", nothing was changed"
        parts = []
        if failed:
            reasons = "; ".join("objects[{0}]: {1}".format(result["index"], result["msg"]) for result in failed)
            parts.append("{0} of {1} object(s) failed{2}: {3}".format(len(failed), len(results), others, reasons))
        if not_attempted:
            parts.append(
                "{0} (objects {1}){2}".format(
                    self.stop.message(len(not_attempted)), ", ".join(map(str, not_attempted)), "" if failed else others
                )
            )
        return PlanError("; ".join(parts), objects=results, summary=self.summary(results))

    def result(self, plan, outcome):
        return dict(objects=outcome, summary=self.summary(outcome))

    def diff(self, current, plan, outcome):
        changed = [result["index"] for result in outcome if result["status"] in ("created", "updated", "deleted")]
        entries = dict((entry["index"], entry) for entry in plan.entries)
        before = [
            dict(index=index, object=entries[index]["stored"])
            for index in changed
            if entries[index]["stored"] is not None
        ]
        after = [
            dict(index=index, object=entries[index]["object"]) for index in changed if self.params["state"] == "present"
        ]
        return dict(before=dict(objects=before), after=dict(objects=after))


class ProfileObjectsLister(Lister):
    argument_spec = dict(
        domain_name=dict(type="str", required=True),
        object_type_name=dict(type="str", required=True),
        profile_id=dict(type="str", required=True),
        object_filter=dict_option(
            dict(
                key_name=dict(type="str", required=True, no_log=False),
                values=dict(type="list", elements="str", required=True),
            )
        ),
    )
    result_key = "profile_objects"

    def model_inputs(self):
        params = self.params
        options = dict(
            (name, params[name]) for name in ("domain_name", "object_type_name", "profile_id", "object_filter")
        )
        return [("ListProfileObjects", options, "")]

    def wanted_one(self):
        return False

    def list_all(self):
        params = self.params
        object_filter = None
        if params["object_filter"]:
            object_filter = dict(KeyName=params["object_filter"]["key_name"], Values=params["object_filter"]["values"])
        return list_profile_objects(
            self.client, params["domain_name"], params["object_type_name"], params["profile_id"], object_filter
        )

    def describe(self, item):
        return describe_profile_object(item)

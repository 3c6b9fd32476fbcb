# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The event stream resource (CreateEventStream), for customerprofiles_event_stream and _info.

An event stream exports a domain's profile changes to a Kinesis data stream. The service has
no update call: a different ``uri`` fails naming it unless ``recreate: true`` (delete, then
create). A domain holds at most one event stream; the service's refusal of a second one is
reported with the name of the stream that exists.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import named_reads
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import bad_request_message
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import refusal_explained
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members

EVENT_STREAM_ARGUMENT_SPEC = child_spec(
    "event_stream_name",
    uri=dict(type="str"),
    recreate=dict(type="bool", default=False),
    **TAG_OPTIONS,
)

EVENT_STREAM_NAMES = ("domain_name", "event_stream_name", "uri", "tags")

# A Kinesis data stream ARN (stream names: 1 to 128 letters, digits, underscores, hyphens and periods).
# CreateEventStream takes a stream of the domain's own account and Region only.
KINESIS_STREAM_ARN = re.compile(r"^arn:(aws[a-z-]*):kinesis:([a-z0-9-]+):(\d{12}):stream/[a-zA-Z0-9_.-]{1,128}\Z")


# ---------------------------------------------------------------- reads


_get_event_stream, list_event_streams = named_reads("get_event_stream", "list_event_streams", "EventStreamName")


def get_event_stream(client, domain_name, name):
    """GetEventStream's answer with the stream's name, or None when the stream (or the domain) does not exist."""
    response = _get_event_stream(client, domain_name, name)
    if response is not None:
        response["EventStreamName"] = name
    return response


# ---------------------------------------------------------------- shapes


def uri_errors(uri, region, account=None):
    """What is wrong with ``uri`` as the stream of a domain in ``region`` (and, once read, ``account``: a
    pair of account id and partition); the messages show the form expected, never the value given."""
    if not uri:
        return []
    wanted = "arn:{0}:kinesis:{1}:{2}:stream/<name>".format(
        account[1] if account else "<partition>", region, account[0] if account else "<account>"
    )
    found = KINESIS_STREAM_ARN.match(uri)
    if any(ord(char) < 32 or ord(char) == 127 for char in uri):
        return ["uri must not hold control characters"]
    if not found:
        return ["uri must be the ARN of a Kinesis data stream ({0})".format(wanted)]
    if found.group(2) != region or (account and found.group(3, 1) != account):
        return [
            "uri must be a Kinesis data stream of the domain's account and Region ({0}): CreateEventStream "
            "takes no other".format(wanted)
        ]
    return []


def describe_event_stream(api):
    """A GetEventStream answer (with EventStreamName) as the modules return it ({} when absent).

    ``uri`` is the destination's Uri (the option of the same name); ``destination_details`` carries its status.
    """
    destination = (api or {}).get("DestinationDetails") or {}
    return describe(api, EVENT_STREAM_NAMES, **({"Uri": destination["Uri"]} if destination.get("Uri") else {}))


class EventStreamResource(DomainChild):
    """No update: a different ``uri`` is replaced. CreateEventStream answers only the ARN and tags: the state and
    destination status come from a read (``read_back_after_create``)."""

    argument_spec = EVENT_STREAM_ARGUMENT_SPEC
    result_key = "event_stream"
    kind = "event stream"
    name_option = "event_stream_name"
    name_member = "EventStreamName"
    arn_kind = "event-streams"
    create_operation = "CreateEventStream"
    members = option_members("uri")
    create_method = "create_event_stream"
    delete_method = "delete_event_stream"
    read_back_after_create = True
    reads_one = staticmethod(get_event_stream)

    def arn(self):
        """The service returns the stream's ARN: no STS call is needed."""
        return self._arn or super(EventStreamResource, self).arn()

    def extra_checks(self):
        return uri_errors(self.params.get("uri"), self.module.region)

    def read(self):
        params = self.params
        current = self.get()
        if current:
            self._arn = current.get("EventStreamArn")
        current_uri = ((current or {}).get("DestinationDetails") or {}).get("Uri")
        creating = current is None or (params["recreate"] and params.get("uri") not in (None, current_uri))
        if params["state"] == "present" and params.get("uri") and creating:
            # Only a read tells the account: the caller's (STS), as amazon.aws finds it for ARNs.
            errors = uri_errors(params["uri"], self.module.region, self.module.account_info())
            if errors:
                raise PlanError(errors[0] + "; nothing was changed")
        return current

    def differing(self, resource, desired):
        """A different ``uri`` (the stream's DestinationDetails.Uri), the one member, which cannot be updated."""
        current_uri = (resource.get("DestinationDetails") or {}).get("Uri")
        return ["Uri"] if desired.get("Uri") is not None and desired["Uri"] != current_uri else []

    def missing_to_create(self, desired):
        return [] if desired.get("Uri") else ["uri (a Kinesis data stream ARN)"]

    def replacement(self, resource, desired):
        return dict(Uri=desired["Uri"])

    def predicted(self, request, tags):
        return dict(self.identity(), DestinationDetails=dict(Uri=request["Uri"]), Tags=dict(tags or {}))

    def explain(self, call, error, plan):
        if call.method == "create_event_stream":
            self._explain_one_stream_per_domain(error)

    def _explain_one_stream_per_domain(self, error):
        """CreateEventStream refused on a domain that already has a stream: name that stream."""
        message = bad_request_message(error)
        if message is None:
            return
        others = [item.get("EventStreamName") for item in list_event_streams(self.client, self.params["domain_name"])]
        others = [name for name in others if name and name != self.params["event_stream_name"]]
        if not others:
            return
        raise refusal_explained(
            "Domain {0} already has event stream {1}, and the service allows one event stream per domain: event stream {2} "
            "was not created. Delete {1} first (state=absent) or manage that one.".format(
                self.params["domain_name"], ", ".join(others), self.params["event_stream_name"]
            ),
            message,
            existing_event_streams=others,
        )

    def describe(self, result):
        return describe_event_stream(result)


# Every stream is described by GetEventStream (the list items lack CreatedAt).
EventStreamLister = named_lister(EventStreamResource, "GetEventStream", "event_streams", list_event_streams)

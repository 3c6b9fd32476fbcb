# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The segment stream of a domain (AssociateStreamForSegments, botocore 1.43.84), for customerprofiles_segment_stream
and _info.

A domain has at most one stream for segments: the Kinesis data stream (``destination_arn``) that receives the
membership events of every segment subscription of the domain, written with the role ``destination_role_arn``. It
has no name (the domain names it), no ARN of its own and no tags. The service has no update call: a different
destination (either member) fails naming it unless ``recreate: true`` (disassociate, then associate), as for event
streams, through the engine's replace plan.

GetStreamForSegments may describe a stream that was disassociated (its ``DisassociatedAt`` set, ``State``
``STOPPED``): the model documents both members for that. Such a stream publishes nothing and cannot be disassociated
again, so the modules treat it as absent (``state: present`` associates a stream again; the _info module lists none).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import has_operation
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils.event_stream import KINESIS_STREAM_ARN

SEGMENT_STREAM_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    destination_arn=dict(type="str"),
    destination_role_arn=dict(type="str"),
    recreate=dict(type="bool", default=False),
)

NAMES = names_from_spec(SEGMENT_STREAM_ARGUMENT_SPEC)
MEMBERS = option_members("destination_arn", "destination_role_arn")
# Members of GetStreamForSegments that are not part of what AssociateStreamForSegments sends.
READ_ONLY = (
    "DomainName",
    "AssociatedAt",
    "AssociatedSegments",
    "State",
    "DisassociatedAt",
    "FailureReason",
    "Tags",
)


# ---------------------------------------------------------------- reads


def get_stream_for_segments(client, domain_name, name=None):  # pylint: disable=unused-argument
    """GetStreamForSegments' answer, or None when the domain has no stream (or no such domain), or only one that was
    disassociated (``DisassociatedAt``). ``name`` is the domain's: a stream has no name of its own."""
    found = get_or_none(client.get_stream_for_segments, "get stream for segments", DomainName=domain_name)
    if found is None or found.get("DisassociatedAt") is not None:
        return None
    found.setdefault("DomainName", domain_name)
    return found


def segment_streams(client, domain_name):
    """The domain's stream as a list of at most one; none with a botocore older than the streams (the export of a
    domain then has none)."""
    if not has_operation("GetStreamForSegments"):
        return []
    found = get_stream_for_segments(client, domain_name)
    return [] if found is None else [found]


def describe_segment_stream(api, domain_name=None):
    """A stream as the modules return it ({} when absent): its destination with the options' names, its state
    (``service_state``: the option ``state`` is present/absent) and associated segments (read-only); no tags (it has
    none)."""
    api = dict(api or {})
    if "State" in api:
        api["ServiceState"] = api.pop("State")
    described = describe(api, NAMES, **({"DomainName": domain_name} if api and domain_name else {}))
    described.pop("tags", None)
    return described


def destination_errors(params):
    """What the model cannot say: ``destination_arn`` is a Kinesis data stream's ARN (its reference). The message
    shows the form expected, never the value."""
    arn = params.get("destination_arn")
    if arn and not KINESIS_STREAM_ARN.match(arn):
        return [
            "destination_arn must be the ARN of a Kinesis data stream "
            "(arn:<partition>:kinesis:<region>:<account>:stream/<name>)"
        ]
    return []


class SegmentStreamResource(DomainChild):
    """The domain is the identity; no update: a different destination is replaced (Disassociate, then Associate).
    AssociateStreamForSegments answers nothing: the stream is read back."""

    argument_spec = SEGMENT_STREAM_ARGUMENT_SPEC
    result_key = "segment_stream"
    kind = "segment stream"
    name_option = "domain_name"
    name_member = "DomainName"
    arn_kind = "segment-streams"
    create_operation = "AssociateStreamForSegments"
    members = MEMBERS
    required_to_create = MEMBERS
    read_only = READ_ONLY
    create_method = "associate_stream_for_segments"
    delete_method = "disassociate_stream_for_segments"
    read_back_after_create = True
    reports_recreated = True
    reads_one = staticmethod(get_stream_for_segments)

    def extra_checks(self):
        return destination_errors(self.params)

    def read(self):
        return self.get()

    def describe(self, result):
        return describe_segment_stream(result, self.params["domain_name"])


class SegmentStreamLister(Lister):
    """The domain's stream, as a list of at most one (GetStreamForSegments)."""

    argument_spec = dict(domain_name=dict(type="str", required=True))
    result_key = "segment_streams"
    reads_all = staticmethod(segment_streams)

    def model_inputs(self):
        return [("GetStreamForSegments", dict(domain_name=self.params["domain_name"]), "")]

    def wanted_one(self):
        return False

    def list_all(self):
        return self.reads_all(self.client, self.params["domain_name"])

    def describe(self, item):
        return describe_segment_stream(item, self.params["domain_name"])

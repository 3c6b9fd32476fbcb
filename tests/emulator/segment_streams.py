# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The operations on segment subscriptions and the stream for segments (PutSegmentSubscription,
GetSegmentSubscription, DeleteSegmentSubscription, ListSegmentSubscriptionEvents, AssociateStreamForSegments,
GetStreamForSegments, DisassociateStreamForSegments): SegmentStreamsBackendMixin, a base class of
models.CustomerProfilesBackend. The resources are in models_segment_streams.py. Choices where AWS's documentation is
silent are listed in README.md, "Segment subscriptions and the stream for segments"."""

from .common import paginated
from .config import KINESIS_STREAM_ARN
from .config import _only
from .config import collection
from .errors import BadRequestException
from .errors import ResourceNotFoundException
from .models_config import SEGMENT_DEFINITIONS
from .models_segment_streams import SEGMENT_STREAMS
from .models_segment_streams import SEGMENT_SUBSCRIPTIONS
from .models_segment_streams import SegmentStream
from .models_segment_streams import SegmentSubscription
from .segments import NotEvaluated
from .state import segment_subscription_starting_reads


def _segment(domain, name):
    if name not in collection(domain, SEGMENT_DEFINITIONS):
        raise ResourceNotFoundException("Segment definition %s not found in domain %s" % (name, domain.name))


def _subscription(domain, name):
    _segment(domain, name)
    found = collection(domain, SEGMENT_SUBSCRIPTIONS).get(name)
    if found is None:
        raise ResourceNotFoundException("Segment %s of domain %s has no subscription" % (name, domain.name))
    return found


def _active_stream(domain):
    found = collection(domain, SEGMENT_STREAMS).get(domain.name)
    return found if found is not None and found.active else None


class SegmentStreamsBackendMixin:
    """Segment subscriptions and the stream for segments of a backend's domains. Mixed into CustomerProfilesBackend
    (get_domain_object, and the segment evaluation of config.py: _in_segment)."""

    def _members(self, domain, name):
        """The ids of the domain's profiles in segment ``name``, or None when the emulator cannot evaluate it."""
        try:
            return set(
                profile_id
                for profile_id, profile in domain.profiles.items()
                if self._in_segment(domain, name, profile, frozenset())
            )
        except NotEvaluated:
            return None

    # segment subscriptions ------------------------------------------------
    def put_segment_subscription(self, DomainName, SegmentDefinitionName, ScheduleConfiguration=None):
        domain = self.get_domain_object(DomainName)
        name = SegmentDefinitionName
        _segment(domain, name)
        subscriptions = collection(domain, SEGMENT_SUBSCRIPTIONS)
        subscription = subscriptions.get(name)
        if subscription is None:
            if _active_stream(domain) is None:  # the admin guide: segment membership events are enabled first
                raise BadRequestException(
                    "Domain %s has no stream for segments: associate one (AssociateStreamForSegments) before "
                    "subscribing a segment" % domain.name
                )
            subscription = subscriptions[name] = SegmentSubscription(
                name, ScheduleConfiguration, segment_subscription_starting_reads(), self._members(domain, name)
            )
        else:
            subscription.configure(ScheduleConfiguration)
            subscription.touch()
        return _only("PutSegmentSubscription", subscription.put_answer())

    def get_segment_subscription(self, DomainName, SegmentDefinitionName):
        domain = self.get_domain_object(DomainName)
        subscription = _subscription(domain, SegmentDefinitionName)
        subscription.read()
        return _only("GetSegmentSubscription", subscription.describe())

    def delete_segment_subscription(self, DomainName, SegmentDefinitionName):
        domain = self.get_domain_object(DomainName)
        _subscription(domain, SegmentDefinitionName)
        collection(domain, SEGMENT_SUBSCRIPTIONS).pop(SegmentDefinitionName)
        return {"Message": "Segment subscription of %s was deleted." % SegmentDefinitionName}

    @paginated()
    def list_segment_subscription_events(self, DomainName, SegmentDefinitionName):
        """The events of the subscription, newest first, once the segment is evaluated again (the changes since the
        last evaluation are recorded as LIVE events)."""
        domain = self.get_domain_object(DomainName)
        subscription = _subscription(domain, SegmentDefinitionName)
        subscription.update_members(self._members(domain, SegmentDefinitionName))
        return list(subscription.events)

    def delete_segment_definition(self, DomainName, SegmentDefinitionName):
        """The segment's subscription goes with it."""
        answer = super().delete_segment_definition(DomainName=DomainName, SegmentDefinitionName=SegmentDefinitionName)
        collection(self.get_domain_object(DomainName), SEGMENT_SUBSCRIPTIONS).pop(SegmentDefinitionName, None)
        return answer

    # the stream for segments ------------------------------------------------
    def associate_stream_for_segments(self, DomainName, DestinationArn, DestinationRoleArn):
        domain = self.get_domain_object(DomainName)
        if _active_stream(domain) is not None:
            raise BadRequestException(
                "Domain %s already has a stream for segments; a domain can have only one associated stream at a time"
                % domain.name
            )
        if not KINESIS_STREAM_ARN.match(DestinationArn):
            raise BadRequestException("DestinationArn must be the ARN of an Amazon Kinesis data stream")
        collection(domain, SEGMENT_STREAMS)[domain.name] = SegmentStream(
            domain.name, DestinationArn, DestinationRoleArn
        )
        return {}

    def get_stream_for_segments(self, DomainName):
        domain = self.get_domain_object(DomainName)
        stream = collection(domain, SEGMENT_STREAMS).get(domain.name)
        if stream is None:
            raise ResourceNotFoundException("Domain %s has no stream for segments" % domain.name)
        return _only("GetStreamForSegments", stream.describe(collection(domain, SEGMENT_SUBSCRIPTIONS)))

    def disassociate_stream_for_segments(self, DomainName):
        domain = self.get_domain_object(DomainName)
        stream = _active_stream(domain)
        if stream is None:
            raise ResourceNotFoundException("Domain %s has no associated stream for segments" % domain.name)
        stream.disassociate()
        return {"Message": "The stream for segments of domain %s was disassociated." % domain.name}

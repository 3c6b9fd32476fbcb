# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The operations that take a segment's audience out of a domain without changing it (CreateSegmentSnapshot,
GetSegmentSnapshot, CreateSegmentEstimate, GetSegmentEstimate): SegmentExportsBackendMixin, a base class of
models.CustomerProfilesBackend. The jobs are in models_segment_exports.py; an estimate counts the profiles with the
evaluation of GetSegmentMembership (config.py, segments.py). Choices where AWS's documentation is silent are listed
in README.md, "Segment snapshots and estimates"."""

import re

from .config import _get
from .config import _only
from .config import collection
from .errors import BadRequestException
from .errors import ResourceNotFoundException
from .models_config import SEGMENT_DEFINITIONS
from .models_segment_exports import SEGMENT_ESTIMATES
from .models_segment_exports import SEGMENT_SNAPSHOTS
from .models_segment_exports import SegmentEstimate
from .models_segment_exports import SegmentSnapshot
from .segments import NotEvaluated
from .state import segment_exports

# DestinationUri: an Amazon S3 location, s3://<bucket>[/<key prefix>] (S3's bucket naming rules: 3-63 lowercase
# letters, digits, dots and hyphens, starting and ending with a letter or digit).
S3_URI = re.compile(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$")
# EncryptionKey: "The Amazon Resource Name (ARN) of the KMS key" (a key or an alias ARN); "" is no key.
KMS_KEY_ARN = re.compile(r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)/.+$")
NOT_EVALUATED = "The emulator cannot evaluate this segment query: %s"


def _check_destination(params):
    """CreateSegmentSnapshot's reference: DestinationUri "must be provided if the request is not submitted from the
    Amazon Connect Admin Website" (an API request never is)."""
    uri = params.get("DestinationUri")
    if uri is None:
        raise BadRequestException(
            "DestinationUri must be provided when the request is not submitted from the Amazon Connect admin website"
        )
    if not S3_URI.match(uri):
        raise BadRequestException("DestinationUri must be an Amazon S3 location, s3://<bucket>[/<prefix>]")
    if params.get("EncryptionKey") and not KMS_KEY_ARN.match(params["EncryptionKey"]):
        raise BadRequestException("EncryptionKey must be the ARN of a KMS key")


class SegmentExportsBackendMixin:
    """Mixed into CustomerProfilesBackend, which provides get_domain_object and (ConfigBackendMixin)
    _check_segment_groups and in_segment_groups."""

    def create_segment_snapshot(self, DomainName, SegmentDefinitionName, DataFormat, **params):
        domain = self.get_domain_object(DomainName)
        segment = _get(domain, SEGMENT_DEFINITIONS, SegmentDefinitionName, "Segment definition")
        _check_destination(params)
        settings = segment_exports()
        snapshot = SegmentSnapshot(
            dict(params, DataFormat=DataFormat), settings["snapshot_polls"], settings["snapshot_failure"]
        )
        collection(segment, SEGMENT_SNAPSHOTS)[snapshot.snapshot_id] = snapshot
        return {"SnapshotId": snapshot.snapshot_id}

    def get_segment_snapshot(self, DomainName, SegmentDefinitionName, SnapshotId):
        domain = self.get_domain_object(DomainName)
        segment = _get(domain, SEGMENT_DEFINITIONS, SegmentDefinitionName, "Segment definition")
        snapshot = collection(segment, SEGMENT_SNAPSHOTS).get(SnapshotId)
        if snapshot is None:
            raise ResourceNotFoundException(
                "Snapshot %s of segment definition %s not found in domain %s"
                % (SnapshotId, SegmentDefinitionName, domain.name)
            )
        answer = _only("GetSegmentSnapshot", snapshot.describe())
        snapshot.advance()
        return answer

    def create_segment_estimate(self, DomainName, SegmentQuery=None, SegmentSqlQuery=None):
        domain = self.get_domain_object(DomainName)
        if (SegmentQuery is None) == (SegmentSqlQuery is None):
            raise BadRequestException("Exactly one of SegmentQuery or SegmentSqlQuery is required")
        count, message = None, None
        if SegmentSqlQuery is not None:
            message = NOT_EVALUATED % "SQL queries (SegmentSqlQuery) are not evaluated by the emulator"
        else:
            self._check_segment_groups(domain, SegmentQuery)
            try:
                count = sum(
                    1
                    for profile in list(domain.profiles.values())
                    if self.in_segment_groups(domain, SegmentQuery, profile)
                )
            except NotEvaluated as exc:
                message = NOT_EVALUATED % exc
        estimate = SegmentEstimate(domain.name, count, message, segment_exports()["estimate_polls"])
        collection(domain, SEGMENT_ESTIMATES)[estimate.estimate_id] = estimate
        return {"DomainName": domain.name, "EstimateId": estimate.estimate_id}

    def get_segment_estimate(self, DomainName, EstimateId):
        domain = self.get_domain_object(DomainName)
        estimate = collection(domain, SEGMENT_ESTIMATES).get(EstimateId)
        if estimate is None:
            raise ResourceNotFoundException("Segment estimate %s not found in domain %s" % (EstimateId, domain.name))
        answer = _only("GetSegmentEstimate", estimate.describe())
        estimate.advance()
        return answer

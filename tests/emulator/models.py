# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""moto's entry for the emulator: the backend class of one account and region, assembled from the operations of
each area (domains.py, config.py, objects.py, recommender_config.py, recommenders.py, intents.py,
segment_exports.py, uploads.py, segment_streams.py), and the BackendDict moto looks up as ``<service>_backends``.

moto finds the backend here (``moto.customerprofiles.models``, see register()) and url_paths in urls.py beside
it (BaseBackend derives the urls module from this module's name). The resources are in models_domains.py,
models_config.py, models_objects.py, models_recommender.py, models_recommenders.py, models_intents.py,
models_segment_exports.py, models_uploads.py and models_segment_streams.py."""

from moto.core.base_backend import BackendDict
from moto.core.base_backend import BaseBackend

from .config import ConfigBackendMixin
from .domains import BackendHooks
from .domains import DomainsBackendMixin
from .errors import BadRequestException  # noqa: F401 pylint: disable=unused-import
from .errors import CustomerProfilesError  # noqa: F401 pylint: disable=unused-import
from .errors import ResourceNotFoundException  # noqa: F401 pylint: disable=unused-import
from .intents import IntentsBackendMixin
from .models_domains import Domain  # noqa: F401 pylint: disable=unused-import
from .objects import ObjectsBackendMixin
from .recommender_config import RecommenderConfigBackendMixin
from .recommenders import RecommendersBackendMixin
from .segment_exports import SegmentExportsBackendMixin
from .segment_streams import SegmentStreamsBackendMixin
from .tagging import new_tag_store
from .uploads import UploadJobsBackendMixin


class CustomerProfilesBackend(
    SegmentExportsBackendMixin,
    UploadJobsBackendMixin,
    SegmentStreamsBackendMixin,
    RecommendersBackendMixin,
    IntentsBackendMixin,
    RecommenderConfigBackendMixin,
    ObjectsBackendMixin,
    ConfigBackendMixin,
    DomainsBackendMixin,
    BackendHooks,
    BaseBackend,
):
    """Domains and their profiles for one account/region."""

    def __init__(self, region_name, account_id):
        super().__init__(region_name, account_id)
        self.domains = {}
        self.tag_store = new_tag_store()  # the tags of every resource of this account/region, by ARN


customerprofiles_backends = BackendDict(CustomerProfilesBackend, "customer-profiles")

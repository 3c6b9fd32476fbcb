# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""HTTP layer: routes a rest-json request to an operation, applies faults and validation, logs the call."""

import json
import logging
import threading
import time
from urllib.parse import parse_qs
from urllib.parse import unquote
from urllib.parse import urlparse

from moto.core.responses import BaseResponse

from . import faults
from . import state
from .common import check_region
from .common import snake
from .config import ConfigResponseMixin
from .models import CustomerProfilesError
from .models import customerprofiles_backends
from .objects import ObjectsResponseMixin
from .validation import RequestValidationError
from .validation import match_operation
from .validation import parse_and_validate

LOG = logging.getLogger(__name__)
# One operation at a time changes or reads the stored state (the server is threaded; the indexes
# and dicts of the backend are not safe to change while another thread iterates them).
BACKEND_LOCK = threading.RLock()


_error = faults.error_answer


class CustomerProfilesResponse(ObjectsResponseMixin, ConfigResponseMixin, BaseResponse):
    """Dispatches customer-profiles calls; each API operation has a method named after it."""

    def __init__(self):
        super().__init__(service_name="customer-profiles")

    @property
    def backend(self):
        return customerprofiles_backends[self.current_account][self.region]

    def _dispatch(self, request, full_url=None, headers=None):  # pylint: disable=unused-argument
        started = time.time()
        self._setup(request, full_url)
        operation, self.uri_match = match_operation(request.method, self.path)
        if not operation:
            return _error(
                404,
                "ResourceNotFoundException",
                "No customer-profiles operation matches %s %s" % (request.method, self.path),
            )
        try:
            status, response_headers, body = self._run(operation)
        except faults.NoAnswer:
            state.record_call(operation, 0, None, started)
            raise
        error = response_headers.get("x-amzn-ErrorType") if status >= 300 else None
        state.record_call(operation, status, error, started)
        return status, response_headers, body

    def _setup(self, request, full_url):
        """What the dispatch needs of the request (moto's setup_class also parses the body as a form,
        registers the access key with IAM, ... which costs more than the whole operation here)."""
        full_url = request.raw_url if full_url is None else full_url
        self.parsed_url = urlparse(full_url)
        self.path = self.parsed_url.path
        self.method = request.method
        self.headers = request.headers
        self.body = request.data
        self.querystring = {}
        self.region = self.get_region_from_url(request, full_url)
        self.current_account = self.get_current_account()

    def _run(self, operation):
        try:
            check_region(self.region)
        except CustomerProfilesError as exc:
            return _error(exc.status, exc.code, exc.message)
        if not state.take_quota(self.current_account, self.region, operation):
            status, message = state.FAULT_STATUS["ThrottlingException"]
            return _error(status, "ThrottlingException", message)
        fault = faults.take_fault(operation)
        if fault is None:
            return self._perform(operation)
        url = self.parsed_url.geturl()
        answer = self._perform(operation) if fault.runs_operation else None
        return fault.answer(url, answer, self._request_members())

    def _request_members(self):
        """The request's members as sent (JSON body and URI parameters), for a fault's message."""
        try:
            members = json.loads(self.body or b"{}")
        except ValueError:
            members = {}
        members = members if isinstance(members, dict) else {}
        members.update((key, unquote(value)) for key, value in (self.uri_match or {}).items())
        return members

    def _perform(self, operation):
        """Validate the request and run the operation: its (status, headers, body)."""
        try:
            uri_params = {key: unquote(value) for key, value in (self.uri_match or {}).items()}
            query = parse_qs(self.parsed_url.query, keep_blank_values=True) if self.parsed_url.query else {}
            self.params = parse_and_validate(operation, uri_params, query, self.headers, self.body)
            handler = getattr(self, snake(operation), None)
            if handler is None:
                return _error(501, "NotImplemented", "%s is not emulated" % operation)
            with BACKEND_LOCK:
                result = handler()
        except RequestValidationError as exc:
            return _error(400, "BadRequestException", exc.message)
        except CustomerProfilesError as exc:
            return _error(exc.status, exc.code, exc.message)
        except Exception as exc:  # pylint: disable=broad-except
            LOG.exception("customer-profiles emulator failed on %s", operation)
            return _error(500, "InternalServerException", "Emulator error: %s" % exc)
        return 200, {"Content-Type": "application/json"}, json.dumps(result)

    # operations -----------------------------------------------------------
    def create_domain(self):
        return self.backend.create_domain(self.params)

    def get_domain(self):
        return self.backend.get_domain(self.params["DomainName"])

    def update_domain(self):
        return self.backend.update_domain(self.params)

    def delete_domain(self):
        return self.backend.delete_domain(self.params["DomainName"])

    def list_domains(self):
        return self.backend.list_domains(self.params.get("MaxResults"), self.params.get("NextToken"))

    def create_profile(self):
        return self.backend.create_profile(self.params)

    def update_profile(self):
        return self.backend.update_profile(self.params)

    def delete_profile(self):
        return self.backend.delete_profile(self.params["DomainName"], self.params["ProfileId"])

    def search_profiles(self):
        return self.backend.search_profiles(self.params)

    def batch_get_profile(self):
        return self.backend.batch_get_profile(self.params["DomainName"], self.params["ProfileIds"])

    def tag_resource(self):
        return self.backend.tag_resource(self.params["resourceArn"], self.params["tags"])

    def untag_resource(self):
        return self.backend.untag_resource(self.params["resourceArn"], self.params["tagKeys"])

    def list_tags_for_resource(self):
        return self.backend.list_tags_for_resource(self.params["resourceArn"])

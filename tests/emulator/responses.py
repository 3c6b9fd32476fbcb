# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""HTTP layer: finds the operation from method + path (routing.py, from the model), applies the region check,
quota, faults and validation, calls the backend method named after the operation with the request's members
and answers its dict as JSON; logs the call."""

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
from .errors import CustomerProfilesError
from .models import customerprofiles_backends
from .routing import match_operation
from .routing import response_status
from .validation import RequestValidationError
from .validation import parse_and_validate
from .validation import request_member_names

LOG = logging.getLogger(__name__)
# One operation at a time changes or reads the stored state (the server is threaded; the indexes
# and dicts of the backend are not safe to change while another thread iterates them).
BACKEND_LOCK = threading.RLock()


_error = faults.error_answer


class CustomerProfilesResponse(BaseResponse):
    """Answers every customer-profiles request; no method per operation: the backend has one
    (backend.<snake name of the operation>(**members)), found by the operation's name."""

    def __init__(self):
        super().__init__(service_name="customer-profiles")

    @property
    def backend(self):
        return customerprofiles_backends[self.current_account][self.region]

    @classmethod
    def dispatch(cls, request, full_url=None, headers=None):  # pylint: disable=arguments-differ,unused-argument
        """The handler of every url_paths entry (and of the server's customer-profiles requests): the one adapter
        between moto and this layer, replacing BaseResponse.dispatch.

        moto's dispatch runs setup_class and call_action. setup_class parses the body as a form and registers the
        access key with IAM, which costs several times an operation here; call_action wants one method per
        operation on the response class and serialises through moto's own serializer. Neither has a public hook
        to route by the model, so this reads the few request parts it needs and uses only BaseResponse's public
        helpers (get_region_from_url, get_current_account)."""
        return cls().answer(request, full_url)

    def answer(self, request, full_url=None):
        """(status, headers, body) of a request, logged in the call log."""
        started = time.time()
        full_url = request.raw_url if full_url is None else full_url
        self.parsed_url = urlparse(full_url)
        self.path = self.parsed_url.path
        self.method = request.method
        self.headers = request.headers
        self.body = request.data
        self.querystring = {}  # get_current_account reads it
        self.region = self.get_region_from_url(request, full_url)
        self.current_account = self.get_current_account()
        operation, self.uri_match = match_operation(request.method, self.path)
        if not operation:
            return _error(
                404,
                "ResourceNotFoundException",
                "No customer-profiles operation matches %s %s" % (request.method, self.path),
            )
        members = request_member_names(
            operation, self.uri_match, parse_qs(self.parsed_url.query), self.headers, self.body
        )
        try:
            status, response_headers, body = self._run(operation)
        except faults.NoAnswer:
            state.record_call(operation, 0, None, started, members)
            raise
        error = response_headers.get("x-amzn-ErrorType") if status >= 300 else None
        state.record_call(operation, status, error, started, members)
        return status, response_headers, body

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
        """Parse and validate the request into the operation's members, then answer it with the backend method
        named after the operation: (status, headers, body)."""
        try:
            uri_params = {key: unquote(value) for key, value in (self.uri_match or {}).items()}
            query = parse_qs(self.parsed_url.query, keep_blank_values=True) if self.parsed_url.query else {}
            members = parse_and_validate(operation, uri_params, query, self.headers, self.body)
            method = getattr(self.backend, snake(operation), None)
            if method is None:
                return _error(501, "NotImplemented", "%s is not emulated" % operation)
            with BACKEND_LOCK:
                result = method(**members)
        except RequestValidationError as exc:
            return _error(400, "BadRequestException", exc.message)
        except CustomerProfilesError as exc:
            return _error(exc.status, exc.code, exc.message)
        except Exception as exc:  # pylint: disable=broad-except
            LOG.exception("customer-profiles emulator failed on %s", operation)
            return _error(500, "InternalServerException", "Emulator error: %s" % exc)
        return response_status(operation), {"Content-Type": "application/json"}, json.dumps(result)

# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Segment estimates (CreateSegmentEstimate, GetSegmentEstimate), for customerprofiles_segment_estimate_info.

The query is given as customerprofiles_segment_definition takes it: ``segment_groups`` (the same argument spec,
SEGMENT_GROUPS_OPTIONS, and the same transform to the API, given_members with the segment definition's VERBATIM
maps) or ``segment_sql_query``. CreateSegmentEstimate starts a query that creates nothing lasting (nothing a domain
lists), so the module runs the same in check mode; it then polls GetSegmentEstimate with growing pauses, up to
``wait_timeout`` seconds, until the estimate SUCCEEDED (the count) or FAILED (the task fails with the service's
message).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesErrorHandler
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import given_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import JOB_DELAYS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.wait import poll
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import SEGMENT_GROUPS_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import VERBATIM
from ansible_collections.awscx.customerprofiles.plugins.module_utils.segment_definition import check_references

SEGMENT_ESTIMATE_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True),
    segment_groups=dict_option(SEGMENT_GROUPS_OPTIONS),
    segment_sql_query=dict(type="str"),
    wait_timeout=dict(type="int", default=300),
)
# option -> CreateSegmentEstimate member: the segment definition's segment_groups is the estimate's SegmentQuery
QUERY_MEMBERS = (("segment_groups", "SegmentQuery"), ("segment_sql_query", "SegmentSqlQuery"))
# The statuses where an estimate stays (EstimateStatus).
DONE = ("SUCCEEDED", "FAILED")
COUNT = re.compile(r"^\s*\d+\s*$")


@CustomerProfilesErrorHandler.common_error_handler("create segment estimate")
def create_segment_estimate(client, request):
    return client.create_segment_estimate(aws_retry=True, **request)


@CustomerProfilesErrorHandler.common_error_handler("get segment estimate")
def get_segment_estimate(client, domain_name, estimate_id):
    return client.get_segment_estimate(aws_retry=True, DomainName=domain_name, EstimateId=estimate_id)


def profile_count(estimate):
    """The estimate as an int when the service's text is a whole number, else None."""
    return int(estimate) if isinstance(estimate, str) and COUNT.match(estimate) else None


def describe_estimate(api):
    """An estimate as the module returns it: estimate_id, status, estimate (the service's text), profile_count (the
    same as an int, when it is one) and message."""
    estimate = api.get("Estimate")
    return dict(
        estimate_id=api.get("EstimateId"),
        status=api.get("Status"),
        estimate=estimate,
        profile_count=profile_count(estimate),
        message=api.get("Message"),
    )


class SegmentEstimateLister(Lister):
    """One estimate per run: the query's estimated profile count."""

    argument_spec = SEGMENT_ESTIMATE_ARGUMENT_SPEC
    module_kwargs = dict(
        mutually_exclusive=[("segment_groups", "segment_sql_query")],
        required_one_of=[("segment_groups", "segment_sql_query")],
    )
    model_renames = {"segment_groups": "SegmentQuery"}

    def model_inputs(self):
        options = dict((option, strip_none(self.params[option])) for option, _member in QUERY_MEMBERS)
        return [("CreateSegmentEstimate", dict(options, domain_name=self.params["domain_name"]), "")]

    def extra_checks(self):
        return ["wait_timeout must be 0 or more"] if self.params["wait_timeout"] < 0 else []

    def wanted_one(self):
        return True

    def get_one(self):
        """The segments and calculated attributes the query names exist (as for a segment definition); then the
        estimate, created and polled until it is done."""
        domain = self.params["domain_name"]
        check_references(self, self.params.get("segment_groups"))
        request = dict(given_members(self.params, QUERY_MEMBERS, VERBATIM), DomainName=domain)
        estimate_id = create_segment_estimate(self.client, request)["EstimateId"]
        found, done = poll(
            lambda: get_segment_estimate(self.client, domain, estimate_id),
            lambda answer: answer.get("Status") in DONE,
            self.params["wait_timeout"],
            JOB_DELAYS,
        )
        found = dict(found or {}, EstimateId=estimate_id)
        # with a failure, the result keys besides msg (the service's message is in msg)
        details = dict((key, value) for key, value in describe_estimate(found).items() if key != "message")
        if not done:
            raise PlanError(
                "Segment estimate {0} of domain {1} is still {2} after wait_timeout={3} seconds.".format(
                    estimate_id, domain, found.get("Status"), self.params["wait_timeout"]
                ),
                **details,
            )
        if found.get("Status") == "FAILED":
            raise PlanError(
                "Segment estimate {0} of domain {1} FAILED: {2}".format(
                    estimate_id, domain, found.get("Message") or "no message given"
                ),
                **details,
            )
        return found

    def result(self, items):
        return describe_estimate(items[0])

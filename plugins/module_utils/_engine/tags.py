# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Tags of every resource: amazon.aws semantics, changed through TagResource/UntagResource on the resource's ARN.

``tags`` left out leaves the tags as they are; ``purge_tags`` (default true) removes the
keys not given; ``aws:`` keys are never removed. A resource holds at most 50 tags: the
total after the change is checked before any write. The ARN is built from the caller's
account and partition (the module's account_info(): amazon.aws's get_aws_account_info), once per run and only when a
tag call is to be made.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import apply_tag_changes
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import tag_changes
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import PlanError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Resource
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import check_tag_total
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import text_values

TAG_METHODS = ("tag_resource", "untag_resource")

# The options of every tagged resource (amazon.aws's tags and purge_tags).
TAG_OPTIONS = dict(tags=dict(type="dict", aliases=["resource_tags"]), purge_tags=dict(type="bool", default=True))


def resource_arn(module, path):
    """The ARN of a Customer Profiles resource (``domains/<name>...``) in the module's account and partition."""
    account, partition = module.account_info()
    return "arn:{0}:profile:{1}:{2}:{3}".format(partition, module.region, account, path)


def read_tags(client, arn):
    """The tags of the resource ``arn`` (ListTagsForResource), for the resources whose Get returns none; {} when it
    has none or does not exist."""
    response = get_or_none(client.list_tags_for_resource, "list tags of " + arn, resourceArn=arn) or {}
    return dict(response.get("tags") or {})


def tag_plan(calls, arn_path, current_tags, params):
    """Append the TagResource/UntagResource calls that bring ``current_tags`` to the tags asked for; the tags after.

    The calls carry ``resourceArn`` None: apply fills in the ARN of ``arn_path``.
    """
    to_set, to_remove = tag_changes(current_tags, text_values(params.get("tags")), params.get("purge_tags", True))
    if to_set:
        calls.append(Call(TAG_METHODS[0], dict(resourceArn=None, tags=to_set), "add or change the tags of " + arn_path))
    if to_remove:
        calls.append(
            Call(TAG_METHODS[1], dict(resourceArn=None, tagKeys=sorted(to_remove)), "remove tags of " + arn_path)
        )
    return planned_tags(current_tags, params)


def planned_tags(current_tags, params):
    """The tags a resource holding ``current_tags`` is to have (what a create that replaces it sends); at most 50."""
    to_set, to_remove = tag_changes(current_tags, text_values(params.get("tags")), params.get("purge_tags", True))
    tags_after = apply_tag_changes(current_tags, to_set, to_remove)
    errors = []
    check_tag_total(errors, "tags", tags_after)
    if errors:
        raise PlanError(errors[0] + "; nothing was changed")
    return tags_after


class TaggedResource(Resource):
    """A resource whose tags change through TagResource/UntagResource on its ARN (resolved once, on the first tag call)."""

    _arn = None
    arn_kind = None  # the ARN's resource part is domains/<domain>/<arn_kind>/<the value of name_option>
    name_option = None

    def arn_path(self):
        """``domains/<name>...``: the resource part of the ARN."""
        return "domains/{0}/{1}/{2}".format(self.params["domain_name"], self.arn_kind, self.params[self.name_option])

    def arn(self):
        """The resource's ARN; built once (one STS call), the first time a tag call needs it."""
        if self._arn is None:
            self._arn = resource_arn(self.module, self.arn_path())
        return self._arn

    def call(self, call):
        if call.method in TAG_METHODS and call.request["resourceArn"] is None:
            call = Call(call.method, dict(call.request, resourceArn=self.arn()), call.action)
        return super(TaggedResource, self).call(call)

# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The domain half of the client layer: typed calls, the domain's options, their
validation, and the domain description the modules return."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.awscx.customerprofiles.plugins.module_utils.compare import apply_changes
from ansible_collections.awscx.customerprofiles.plugins.module_utils.compare import tag_changes
from ansible_collections.awscx.customerprofiles.plugins.module_utils.core import CustomerProfilesErrorHandler
from ansible_collections.awscx.customerprofiles.plugins.module_utils.core import paginate
from ansible_collections.awscx.customerprofiles.plugins.module_utils.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_name
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_items
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_length
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_pattern
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_range
from ansible_collections.awscx.customerprofiles.plugins.module_utils.validation import check_tags

DAYS_OF_THE_WEEK = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]

JOB_TIME_PATTERN = r"^([0-9]|0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$"
S3_BUCKET_PATTERN = r"^[a-z0-9.-]+$"

# The blocks the API replaces whole on UpdateDomain, and the members of their
# responses that are read-only (never sent back).
BLOCKS = ("Matching", "RuleBasedMatching", "DataStore")
READ_ONLY_MEMBERS = {"RuleBasedMatching": ("Status",), "DataStore": ("Readiness",)}

CONFLICT_RESOLUTION_OPTIONS = dict(
    conflict_resolving_model=dict(type="str", required=True, choices=["RECENCY", "SOURCE"]),
    source_name=dict(type="str"),
)

EXPORTING_CONFIG_OPTIONS = dict(
    s3_exporting=dict(
        type="dict",
        options=dict(
            s3_bucket_name=dict(type="str", required=True),
            s3_key_name=dict(type="str", no_log=False),
        ),
    ),
)

MATCHING_OPTIONS = dict(
    enabled=dict(type="bool", required=True),
    job_schedule=dict(
        type="dict",
        options=dict(
            day_of_the_week=dict(type="str", required=True, choices=DAYS_OF_THE_WEEK),
            time=dict(type="str", required=True),
        ),
    ),
    auto_merging=dict(
        type="dict",
        options=dict(
            enabled=dict(type="bool", required=True),
            consolidation=dict(
                type="dict",
                options=dict(matching_attributes_list=dict(type="list", elements="list", required=True)),
            ),
            conflict_resolution=dict(type="dict", options=CONFLICT_RESOLUTION_OPTIONS),
            min_allowed_confidence_score_for_merging=dict(type="float"),
        ),
    ),
    exporting_config=dict(type="dict", options=EXPORTING_CONFIG_OPTIONS),
)

RULE_BASED_MATCHING_OPTIONS = dict(
    enabled=dict(type="bool", required=True),
    matching_rules=dict(
        type="list",
        elements="dict",
        options=dict(rule=dict(type="list", elements="str", required=True)),
    ),
    max_allowed_rule_level_for_merging=dict(type="int"),
    max_allowed_rule_level_for_matching=dict(type="int"),
    attribute_types_selector=dict(
        type="dict",
        options=dict(
            attribute_matching_model=dict(type="str", required=True, choices=["ONE_TO_ONE", "MANY_TO_MANY"]),
            address=dict(type="list", elements="str"),
            phone_number=dict(type="list", elements="str"),
            email_address=dict(type="list", elements="str"),
        ),
    ),
    conflict_resolution=dict(type="dict", options=CONFLICT_RESOLUTION_OPTIONS),
    exporting_config=dict(type="dict", options=EXPORTING_CONFIG_OPTIONS),
)

DOMAIN_ARGUMENT_SPEC = dict(
    domain_name=dict(type="str", required=True, aliases=["name"]),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    default_expiration_days=dict(type="int"),
    default_encryption_key=dict(type="str", no_log=False),
    dead_letter_queue_url=dict(type="str"),
    matching=dict(type="dict", options=MATCHING_OPTIONS),
    rule_based_matching=dict(type="dict", options=RULE_BASED_MATCHING_OPTIONS),
    data_store=dict(type="dict", options=dict(enabled=dict(type="bool"))),
    tags=dict(type="dict", aliases=["resource_tags"]),
    purge_tags=dict(type="bool", default=True),
    force=dict(type="bool", default=False),
)

DOMAIN_NAMES = names_from_spec(DOMAIN_ARGUMENT_SPEC)

EMPTY_STATS = {"ProfileCount": 0, "MeteringProfileCount": 0, "ObjectCount": 0, "TotalSize": 0}


# ---------------------------------------------------------------- API calls


@CustomerProfilesErrorHandler.list_error_handler("get domain", None)
def get_domain(client, domain_name):
    """GetDomain's answer (ResponseMetadata dropped), or None when the domain does not exist."""
    response = client.get_domain(aws_retry=True, DomainName=domain_name)
    response.pop("ResponseMetadata", None)
    return response


@CustomerProfilesErrorHandler.common_error_handler("create domain")
def create_domain(client, request):
    response = client.create_domain(aws_retry=True, **request)
    response.pop("ResponseMetadata", None)
    return response


@CustomerProfilesErrorHandler.common_error_handler("update domain")
def update_domain(client, request):
    response = client.update_domain(aws_retry=True, **request)
    response.pop("ResponseMetadata", None)
    return response


@CustomerProfilesErrorHandler.deletion_error_handler("delete domain")
def delete_domain(client, domain_name):
    """True once deleted; False when the domain was already gone."""
    client.delete_domain(aws_retry=True, DomainName=domain_name)
    return True


@CustomerProfilesErrorHandler.common_error_handler("list domains")
def list_domains(client):
    """Every ListDomains item of the region, all pages."""
    return paginate(client.list_domains, "Items")


@CustomerProfilesErrorHandler.common_error_handler("remove domain tags")
def untag_domain(client, arn, keys):
    client.untag_resource(aws_retry=True, resourceArn=arn, tagKeys=list(keys))


@CustomerProfilesErrorHandler.common_error_handler("get the caller's AWS account")
def get_account_id(sts_client):
    return sts_client.get_caller_identity(aws_retry=True)["Account"]


def domain_arn(account, region, domain_name):
    return "arn:aws:profile:{0}:{1}:domains/{2}".format(region, account, domain_name)


def remove_domain_tags(module, client, domain_name, keys):
    """UntagResource on the domain; the account comes from STS (the one call that needs it)."""
    sts = module.retrying_client("sts")
    arn = domain_arn(get_account_id(sts), module.region, domain_name)
    untag_domain(client, arn, keys)


# ---------------------------------------------------------------- shapes


def describe_domain(api):
    """A GetDomain/CreateDomain/UpdateDomain answer as the modules return it (snake_case, tags a plain dict)."""
    if not api:
        return {}
    api = dict(api)
    api.pop("ResponseMetadata", None)
    api["Tags"] = dict(api.get("Tags") or {})
    return from_api(api, DOMAIN_NAMES)


def _without_read_only(block_name, block):
    block = copy.deepcopy(block or {})
    for member in READ_ONLY_MEMBERS.get(block_name, ()):
        block.pop(member, None)
    return block


def desired_blocks(params):
    """The Matching/RuleBasedMatching/DataStore blocks the user gave, in API shape."""
    return {
        "Matching": to_api(params.get("matching")) if params.get("matching") is not None else None,
        "RuleBasedMatching": to_api(params.get("rule_based_matching")) if params.get("rule_based_matching") is not None else None,
        "DataStore": to_api(params.get("data_store")) if params.get("data_store") is not None else None,
    }


def tag_values(tags):
    """Tag values as the API takes them (strings); None when tags were not given."""
    if tags is None:
        return None
    return dict((key, "" if value is None else str(value)) for key, value in tags.items())


def create_request(params):
    """The CreateDomain request for the options given ("" meaning "none")."""
    request = {"DomainName": params["domain_name"], "DefaultExpirationDays": params["default_expiration_days"]}
    for option, member in (("default_encryption_key", "DefaultEncryptionKey"), ("dead_letter_queue_url", "DeadLetterQueueUrl")):
        if params.get(option):
            request[member] = params[option]
    for member, block in desired_blocks(params).items():
        if block is not None:
            request[member] = block
    tags = tag_values(params.get("tags"))
    if tags:
        request["Tags"] = tags
    return request


def update_plan(current, params):
    """What an UpdateDomain must change on ``current`` (a GetDomain answer).

    Returns (request members to send, tag keys to remove, tags after). The request
    holds only what changes; each block sent is the current block with the given
    sub-options merged on it (the API replaces these blocks whole).
    """
    request = {}
    if params.get("default_expiration_days") is not None and params["default_expiration_days"] != current.get("DefaultExpirationDays"):
        request["DefaultExpirationDays"] = params["default_expiration_days"]
    for option, member in (("default_encryption_key", "DefaultEncryptionKey"), ("dead_letter_queue_url", "DeadLetterQueueUrl")):
        wanted = params.get(option)
        if wanted is not None and wanted != (current.get(member) or ""):
            request[member] = wanted
    for member, block in desired_blocks(params).items():
        if block is None:
            continue
        before = _without_read_only(member, current.get(member))
        after = apply_changes(before, block)
        if after != before:
            request[member] = after
    current_tags = current.get("Tags") or {}
    to_set, to_remove = tag_changes(current_tags, tag_values(params.get("tags")), params.get("purge_tags", True))
    if to_set:
        request["Tags"] = to_set
    tags_after = dict((key, value) for key, value in current_tags.items() if key not in to_remove)
    tags_after.update(to_set)
    return request, to_remove, tags_after


def predict_update(current, request, tags_after):
    """The GetDomain answer expected once ``request`` (from update_plan) is applied."""
    after = copy.deepcopy(current)
    for member, value in request.items():
        if member == "Tags":
            continue
        if value == "":
            after.pop(member, None)
        elif member in BLOCKS:
            kept = dict((key, item) for key, item in (current.get(member) or {}).items() if key in READ_ONLY_MEMBERS.get(member, ()))
            after[member] = dict(value, **kept)
        else:
            after[member] = value
    after["Tags"] = tags_after
    return after


def predict_create(request):
    """The GetDomain answer expected for a domain CreateDomain has not made yet (check mode)."""
    after = dict((key, copy.deepcopy(value)) for key, value in request.items())
    after["Tags"] = dict(request.get("Tags") or {})
    after["Stats"] = dict(EMPTY_STATS)
    return after


# ---------------------------------------------------------------- validation


def _check_strings(errors, option, values, minimum=1, maximum=255):
    for value in values or []:
        if not isinstance(value, str) or not minimum <= len(value) <= maximum:
            errors.append("{0}: every item must be a string, {1} to {2} characters long".format(option, minimum, maximum))
            return


def _check_conflict_resolution(errors, option, block):
    if block:
        check_length(errors, option + ".source_name", block.get("source_name"), 1, 255)


def _check_exporting_config(errors, option, block):
    s3 = (block or {}).get("s3_exporting") or {}
    name = option + ".s3_exporting.s3_bucket_name"
    check_length(errors, name, s3.get("s3_bucket_name"), 3, 63)
    check_pattern(errors, name, s3.get("s3_bucket_name"), S3_BUCKET_PATTERN, "lower-case letters, digits, dots and hyphens")
    check_length(errors, option + ".s3_exporting.s3_key_name", s3.get("s3_key_name"), 1, 800)


def _check_matching(errors, matching):
    if not matching:
        return
    schedule = matching.get("job_schedule") or {}
    check_pattern(errors, "matching.job_schedule.time", schedule.get("time"), JOB_TIME_PATTERN, "HH:MM, 24-hour clock")
    if schedule.get("time") == "":
        errors.append("matching.job_schedule.time must match {0} (HH:MM, 24-hour clock)".format(JOB_TIME_PATTERN))
    auto = matching.get("auto_merging") or {}
    consolidation = auto.get("consolidation") or {}
    option = "matching.auto_merging.consolidation.matching_attributes_list"
    attributes = consolidation.get("matching_attributes_list")
    check_items(errors, option, attributes, 1, 10)
    for item in attributes or []:
        check_items(errors, option + " items", item, 1, 20)
        _check_strings(errors, option, item)
    _check_conflict_resolution(errors, "matching.auto_merging.conflict_resolution", auto.get("conflict_resolution"))
    check_range(errors, "matching.auto_merging.min_allowed_confidence_score_for_merging", auto.get("min_allowed_confidence_score_for_merging"), 0, 1)
    _check_exporting_config(errors, "matching.exporting_config", matching.get("exporting_config"))


def _check_rule_based_matching(errors, rbm):
    if not rbm:
        return
    rules = rbm.get("matching_rules")
    check_items(errors, "rule_based_matching.matching_rules", rules, 1, 15)
    for rule in rules or []:
        check_items(errors, "rule_based_matching.matching_rules.rule", rule.get("rule"), 1, 15)
        _check_strings(errors, "rule_based_matching.matching_rules.rule", rule.get("rule"))
    for level in ("max_allowed_rule_level_for_merging", "max_allowed_rule_level_for_matching"):
        check_range(errors, "rule_based_matching." + level, rbm.get(level), 1, 15)
    selector = rbm.get("attribute_types_selector") or {}
    for key, maximum in (("address", 4), ("phone_number", 4), ("email_address", 3)):
        option = "rule_based_matching.attribute_types_selector." + key
        check_items(errors, option, selector.get(key), 1, maximum)
        _check_strings(errors, option, selector.get(key))
    _check_conflict_resolution(errors, "rule_based_matching.conflict_resolution", rbm.get("conflict_resolution"))
    _check_exporting_config(errors, "rule_based_matching.exporting_config", rbm.get("exporting_config"))


def validate_domain_options(params):
    """Every rule of the service's model the options break, as messages naming the option."""
    errors = []
    check_name(errors, params.get("domain_name"))
    check_range(errors, "default_expiration_days", params.get("default_expiration_days"), 1, 1098)
    check_length(errors, "default_encryption_key", params.get("default_encryption_key"), 0, 255)
    check_length(errors, "dead_letter_queue_url", params.get("dead_letter_queue_url"), 0, 255)
    _check_matching(errors, params.get("matching"))
    _check_rule_based_matching(errors, params.get("rule_based_matching"))
    check_tags(errors, "tags", params.get("tags"))
    return errors

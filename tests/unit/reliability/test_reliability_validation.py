# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Bad-input matrix: every option of every module, each rule of the service model (and of the
argument spec) broken once. Each case fails before any API call, with a message naming the option
and the rule; a personal-data value is never echoed back."""

import pytest
from reliability_helpers import DOMAIN

from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import PROFILE_FIELD_SPEC

PII = "Jane.Private"  # a distinctive personal-data value: must never come back in a message

BASE = {
    "customerprofiles_domain": dict(domain_name=DOMAIN, default_expiration_days=30),
    "customerprofiles_domain_info": dict(),
    "customerprofiles_profile": dict(domain_name=DOMAIN, account_number="A-1"),
    "customerprofiles_profile_info": dict(domain_name=DOMAIN, profile_id=["0" * 32]),
}

# rule -> words the message must contain to say which rule was broken
LENGTH = "characters"
PATTERN = "must match"
RANGE = "must be between"
ITEMS = "items"
ENUM = "must be one of"
INTEGER = "must be an integer, not a string"
NUMBER = "must be a number, not a string"
BOOLEAN = "must be a boolean (true or false), not a string"
REQUIRED = "missing required arguments"
EXCLUSIVE = "mutually exclusive"
ONE_OF = "one of the following is required"
UNKNOWN = "Unsupported parameters"


def domain_case(option, rule, **args):
    return ("customerprofiles_domain", args, option, rule)


def profile_case(option, rule, **args):
    return ("customerprofiles_profile", args, option, rule)


def matching(**auto):
    return {"matching": {"enabled": True, "auto_merging": dict({"enabled": True}, **auto)}}


def rbm(**settings):
    return {"rule_based_matching": dict({"enabled": True}, **settings)}


def selector(**lists):
    return rbm(attribute_types_selector=dict({"attribute_matching_model": "ONE_TO_ONE"}, **lists))


def s3(block, **s3_exporting):
    return {
        block: {
            "enabled": True,
            "exporting_config": {"s3_exporting": dict({"s3_bucket_name": "ok-bucket"}, **s3_exporting)},
        }
    }


DOMAIN_CASES = [
    domain_case("domain_name", LENGTH, domain_name=""),
    domain_case("domain_name", LENGTH, domain_name="d" * 65),
    domain_case("domain_name", PATTERN, domain_name="bad name!"),
    domain_case("domain_name", REQUIRED, domain_name=None),
    domain_case("state", ENUM, state="gone"),
    domain_case("default_expiration_days", RANGE, default_expiration_days=0),
    domain_case("default_expiration_days", RANGE, default_expiration_days=1099),
    domain_case("default_expiration_days", INTEGER, default_expiration_days="a year"),
    domain_case("default_encryption_key", LENGTH, default_encryption_key="k" * 256),
    domain_case("dead_letter_queue_url", LENGTH, dead_letter_queue_url="u" * 256),
    # ansible-core's conversion message for a dict with sub-options does not name the option (None: not checked)
    domain_case(None, "dictionary requested", matching="on"),
    domain_case("enabled", REQUIRED, matching={"job_schedule": {"day_of_the_week": "MONDAY", "time": "1:00"}}),
    domain_case("enabled", BOOLEAN, matching={"enabled": "perhaps"}),
    domain_case(
        "day_of_the_week",
        ENUM,
        matching={"enabled": True, "job_schedule": {"day_of_the_week": "FUNDAY", "time": "1:00"}},
    ),
    domain_case("time", REQUIRED, matching={"enabled": True, "job_schedule": {"day_of_the_week": "MONDAY"}}),
    domain_case(
        "matching.job_schedule.time",
        PATTERN,
        matching={"enabled": True, "job_schedule": {"day_of_the_week": "MONDAY", "time": "24:00"}},
    ),
    domain_case(
        "matching.auto_merging.consolidation.matching_attributes_list",
        ITEMS,
        **matching(consolidation={"matching_attributes_list": []}),
    ),
    domain_case(
        "matching.auto_merging.consolidation.matching_attributes_list",
        ITEMS,
        **matching(consolidation={"matching_attributes_list": [["EmailAddress"]] * 11}),
    ),
    domain_case(
        "matching.auto_merging.consolidation.matching_attributes_list",
        ITEMS,
        **matching(consolidation={"matching_attributes_list": [["a"] * 21]}),
    ),
    domain_case(
        "matching.auto_merging.consolidation.matching_attributes_list",
        LENGTH,
        **matching(consolidation={"matching_attributes_list": [["a" * 256]]}),
    ),
    domain_case(
        "matching.auto_merging.consolidation.matching_attributes_list[0][0]",
        "must be a string",
        **matching(consolidation={"matching_attributes_list": [[1234]]}),
    ),
    domain_case(
        "conflict_resolving_model", ENUM, **matching(conflict_resolution={"conflict_resolving_model": "NEWEST"})
    ),
    domain_case(
        "matching.auto_merging.conflict_resolution.source_name",
        LENGTH,
        **matching(conflict_resolution={"conflict_resolving_model": "SOURCE", "source_name": "s" * 256}),
    ),
    domain_case(
        "matching.auto_merging.min_allowed_confidence_score_for_merging",
        RANGE,
        **matching(min_allowed_confidence_score_for_merging=1.01),
    ),
    domain_case(
        "matching.auto_merging.min_allowed_confidence_score_for_merging",
        RANGE,
        **matching(min_allowed_confidence_score_for_merging=-0.1),
    ),
    domain_case(
        "min_allowed_confidence_score_for_merging", NUMBER, **matching(min_allowed_confidence_score_for_merging="high")
    ),
    domain_case("matching.exporting_config.s3_exporting.s3_bucket_name", LENGTH, **s3("matching", s3_bucket_name="ab")),
    domain_case(
        "matching.exporting_config.s3_exporting.s3_bucket_name", PATTERN, **s3("matching", s3_bucket_name="Upper_Case")
    ),
    domain_case("matching.exporting_config.s3_exporting.s3_key_name", LENGTH, **s3("matching", s3_key_name="k" * 801)),
    domain_case(
        "s3_bucket_name",
        REQUIRED,
        matching={"enabled": True, "exporting_config": {"s3_exporting": {"s3_key_name": "k"}}},
    ),
    domain_case("rule_based_matching.matching_rules", ITEMS, **rbm(matching_rules=[])),
    domain_case("rule_based_matching.matching_rules", ITEMS, **rbm(matching_rules=[{"rule": ["EmailAddress"]}] * 16)),
    domain_case("rule_based_matching.matching_rules[0].rule", ITEMS, **rbm(matching_rules=[{"rule": ["a"] * 16}])),
    domain_case("rule_based_matching.matching_rules[0].rule[0]", LENGTH, **rbm(matching_rules=[{"rule": ["r" * 256]}])),
    domain_case("rule", REQUIRED, **rbm(matching_rules=[{}])),
    domain_case(
        "rule_based_matching.max_allowed_rule_level_for_merging", RANGE, **rbm(max_allowed_rule_level_for_merging=16)
    ),
    domain_case(
        "rule_based_matching.max_allowed_rule_level_for_matching", RANGE, **rbm(max_allowed_rule_level_for_matching=0)
    ),
    domain_case(
        "attribute_matching_model", ENUM, **rbm(attribute_types_selector={"attribute_matching_model": "ONE_TO_MANY"})
    ),
    domain_case("attribute_matching_model", REQUIRED, **rbm(attribute_types_selector={"address": ["Address"]})),
    domain_case("rule_based_matching.attribute_types_selector.address", ITEMS, **selector(address=["a"] * 5)),
    domain_case("rule_based_matching.attribute_types_selector.phone_number", ITEMS, **selector(phone_number=[])),
    domain_case(
        "rule_based_matching.attribute_types_selector.email_address",
        ITEMS,
        **selector(email_address=["a", "b", "c", "d"]),
    ),
    domain_case(
        "rule_based_matching.attribute_types_selector.email_address", LENGTH, **selector(email_address=["e" * 256])
    ),
    domain_case(
        "rule_based_matching.conflict_resolution.source_name",
        LENGTH,
        **rbm(conflict_resolution={"conflict_resolving_model": "SOURCE", "source_name": ""}),
    ),
    domain_case(
        "rule_based_matching.exporting_config.s3_exporting.s3_bucket_name",
        LENGTH,
        **s3("rule_based_matching", s3_bucket_name="b" * 64),
    ),
    domain_case("enabled", BOOLEAN, data_store={"enabled": "sometimes"}),
    domain_case(
        "tags", "at most 50 entries", tags=dict(("key" + chr(97 + i // 26) + chr(97 + i % 26), "v") for i in range(51))
    ),
    domain_case("every key of tags", "at most 128 characters", tags={"k" * 129: "v"}),
    domain_case("every key of tags", "^(?!aws:)", tags={"aws:owner": "me"}),
    domain_case("tags", PATTERN, tags={"bad key!": "v"}),
    domain_case("tags.Owner", "at most 256 characters", tags={"Owner": "v" * 257}),
    domain_case("purge_tags", BOOLEAN, purge_tags="often"),
    domain_case("force", BOOLEAN, force="please"),
    domain_case("colour", UNKNOWN, colour="blue"),
]

# The free-text fields of at most 255 characters: every string field of the profile but the enums and
# additional_information (at most 1000), which have their own cases below.
STRING_FIELDS = sorted(
    name
    for name, spec in PROFILE_FIELD_SPEC.items()
    if spec.get("type", "str") == "str"
    and name not in ("additional_information", "gender", "party_type", "profile_type")
)

PROFILE_CASES = (
    [
        profile_case("domain_name", LENGTH, domain_name="d" * 65),
        profile_case("domain_name", PATTERN, domain_name="no/slashes"),
        profile_case("state", ENUM, state="deleted"),
        profile_case("profile_id", PATTERN, profile_id="ABCDEF0123456789ABCDEF0123456789"),
        profile_case("profile_id", PATTERN, profile_id=""),
        profile_case("match_by", ENUM, match_by="first_name"),
        profile_case("the profile cannot be identified", "match_by", account_number=None, first_name=PII),
        profile_case("email_address", "the profile cannot be identified", match_by="email_address", first_name=PII),
        profile_case("purge_attributes", BOOLEAN, purge_attributes="yes please"),
        profile_case("additional_information", LENGTH, additional_information=PII * 100),
    ]
    + [profile_case(field, LENGTH, **{field: PII * 25}) for field in STRING_FIELDS]
    + [
        profile_case("{0}.{1}".format(block, key), LENGTH, **{block: {key: PII * 25}})
        for block, key in (
            ("address", "address_1"),
            ("billing_address", "city"),
            ("mailing_address", "postal_code"),
            ("shipping_address", "country"),
        )
    ]
    + [
        profile_case("address.street", UNKNOWN, address={"street": PII}),
        profile_case("attributes.SSN", "must have at most 255 characters", attributes={"SSN": PII * 25}),
        profile_case("every key of attributes", "at most 255 characters", attributes={"k" * 256: PII}),
        profile_case("attributes", "must be a string", attributes={"tier": [PII]}),
        profile_case("gender", ENUM, gender="ROBOT"),
        profile_case("party_type", ENUM, party_type="CROWD"),
        profile_case("profile_type", ENUM, profile_type="PERSON"),
        profile_case("contact_type", ENUM, engagement_preferences={"phone": [{"contact_type": "Pager"}]}),
        profile_case(
            "engagement_preferences.phone[0].key_name",
            PATTERN,
            engagement_preferences={"phone": [{"key_name": "bad key"}]},
        ),
        profile_case(
            "engagement_preferences.phone[0].key_name",
            LENGTH,
            engagement_preferences={"phone": [{"key_name": "k" * 65}]},
        ),
        profile_case(
            "engagement_preferences.email[0].key_value",
            LENGTH,
            engagement_preferences={"email": [{"key_value": PII * 25}]},
        ),
        profile_case(
            "engagement_preferences.email[0].profile_id",
            PATTERN,
            engagement_preferences={"email": [{"profile_id": "not-an-id"}]},
        ),
        profile_case(
            "engagement_preferences.email[0]", "must set at least one of", engagement_preferences={"email": [{}]}
        ),
    ]
)

INFO_CASES = [
    ("customerprofiles_domain_info", dict(domain_name=""), "domain_name", LENGTH),
    ("customerprofiles_domain_info", dict(domain_name="a b"), "domain_name", PATTERN),
    ("customerprofiles_domain_info", dict(name="n" * 65), "name must", LENGTH),  # the option as written
    ("customerprofiles_profile_info", dict(domain_name="bad domain"), "domain_name", PATTERN),
    ("customerprofiles_profile_info", dict(domain_name=None), "domain_name", REQUIRED),
    ("customerprofiles_profile_info", dict(profile_id=["xyz"]), "profile_id[0]", PATTERN),
    ("customerprofiles_profile_info", dict(profile_id=[]), "profile_id", ITEMS),
    (
        "customerprofiles_profile_info",
        dict(search=[{"key_name": "_account", "values": ["1"]}]),
        "profile_id|search",
        EXCLUSIVE,
    ),
    ("customerprofiles_profile_info", dict(profile_id=None), "profile_id, search", ONE_OF),
    (
        "customerprofiles_profile_info",
        dict(profile_id=None, search=[{"key_name": "_account", "values": ["1"]}] * 6),
        "search",
        ITEMS,
    ),
    (
        "customerprofiles_profile_info",
        dict(profile_id=None, search=[{"key_name": "bad key", "values": ["1"]}]),
        "search[0].key_name",
        PATTERN,
    ),
    (
        "customerprofiles_profile_info",
        dict(profile_id=None, search=[{"key_name": "_email", "values": []}]),
        "search[0].values",
        ITEMS,
    ),
    (
        "customerprofiles_profile_info",
        dict(profile_id=None, search=[{"key_name": "_email", "values": [PII * 25]}]),
        "search[0].values",
        LENGTH,
    ),
    ("customerprofiles_profile_info", dict(profile_id=None, search=[{"key_name": "_email"}]), "values", REQUIRED),
    ("customerprofiles_profile_info", dict(logical_operator="XOR"), "logical_operator", ENUM),
    (
        "customerprofiles_profile_info",
        dict(profile_id=None, search=[{"key_name": "_account", "values": ["1"]}], max_results=0),
        "max_results",
        "at least 1",
    ),
    ("customerprofiles_profile_info", dict(max_results="many"), "max_results", INTEGER),
]

CASES = DOMAIN_CASES + PROFILE_CASES + INFO_CASES


def case_id(case):
    module, option, rule = case[0], case[2], case[3]
    return "{0}:{1}".format(module.replace("customerprofiles_", ""), option or rule)


def test_the_matrix_is_large_enough():
    assert len(CASES) >= 60
    assert set(case[0] for case in CASES) == set(BASE)


@pytest.mark.parametrize("case", CASES, ids=[case_id(case) + "-" + str(i) for i, case in enumerate(CASES)])
def test_bad_input_fails_before_any_call(run_module, cp_mock, case):
    module, bad, option, rule = case
    args = dict(BASE[module])
    args.update(bad)
    args = dict((key, value) for key, value in args.items() if value is not None)

    result = run_module(module, args)

    assert result.failed, result
    message = result["msg"]
    assert option is None or option in message, message
    assert rule in message, message
    assert PII not in message  # personal data is never echoed
    assert "Traceback" not in message
    assert cp_mock.calls() == []


# ------------------------------------------------------------------ issue 20: choices and booleans, every module

EMAIL = "ada.secret@example.com"  # a value given where a choice is expected: never echoed, anywhere in the result


def contract_classes():
    """{module name: the resource or lister class its main() runs} for every module of the collection."""
    import glob
    import importlib
    import os
    import re

    package = "ansible_collections.awscx.customerprofiles.plugins.modules."
    root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "plugins", "modules")
    found = {}
    for path in sorted(glob.glob(os.path.join(root, "customerprofiles_*.py"))):
        name = os.path.basename(path)[:-3]
        with open(path, encoding="utf-8") as handle:
            runner = re.search(r"^    run(?:_info)?\((\w+)\)$", handle.read(), re.M).group(1)
        found[name] = getattr(importlib.import_module(package + name), runner)
    return found


CONTRACTS = contract_classes()


def options_of(kind, with_choices):
    """(module, option) of every top-level option of ``kind`` (with or without choices) of every module."""
    return [
        (module, option)
        for module, contract in sorted(CONTRACTS.items())
        for option, spec in sorted(contract.argument_spec.items())
        if spec.get("type", "str") == kind and bool(spec.get("choices")) == with_choices
    ]


def required_args(module):
    """A placeholder for every required option of ``module``, so that only the option under test is wrong."""
    placeholders = {"str": "x", "path": "x", "list": [], "dict": {}}
    return dict(
        (option, placeholders[spec.get("type", "str")])
        for option, spec in CONTRACTS[module].argument_spec.items()
        if spec.get("required")
    )


def option_id(value):
    return value.replace("customerprofiles_", "")


def no_value_anywhere(result, value):
    import json

    return value not in json.dumps(result)


@pytest.mark.parametrize("module, option", options_of("str", True), ids=option_id)
def test_a_bad_choice_names_the_option_and_the_choices_never_the_value(run_module, cp_mock, module, option):
    choices = CONTRACTS[module].argument_spec[option]["choices"]
    result = run_module(module, dict(required_args(module), **{option: EMAIL}))
    assert result.failed
    assert "{0} must be one of {1}".format(option, ", ".join(choices)) in result["msg"], result["msg"]
    assert no_value_anywhere(result, EMAIL)  # not in msg, not in invocation
    assert cp_mock.calls() == []


def test_every_module_with_a_state_is_covered():
    assert {module for module, option in options_of("str", True) if option == "state"} == {
        module for module, contract in CONTRACTS.items() if "state" in contract.argument_spec
    }
    assert ("customerprofiles_profile", "match_by") in options_of("str", True)


@pytest.mark.parametrize("item_option", [False, True], ids=["task", "item"])
def test_a_bad_match_by_of_profiles_is_never_echoed(run_module, cp_mock, item_option):
    item = {"account_number": "A-1"}
    args = {"domain_name": DOMAIN, "profiles": [item]}
    (item if item_option else args)["match_by"] = EMAIL
    result = run_module("customerprofiles_profiles", dict(args, _ansible_no_log=False))
    assert result.failed
    assert ("profiles[0].match_by" if item_option else "match_by") + " must be one of account_number" in result["msg"]
    assert no_value_anywhere(result, EMAIL)
    assert cp_mock.calls() == []


def test_a_bad_nested_choice_is_never_echoed(run_module, cp_mock):
    schedule = {"day_of_the_week": EMAIL, "time": "1:00"}
    result = run_module(
        "customerprofiles_domain", {"domain_name": DOMAIN, "matching": {"enabled": True, "job_schedule": schedule}}
    )
    assert result.failed
    assert "matching.job_schedule.day_of_the_week must be one of MONDAY" in result["msg"], result["msg"]
    assert no_value_anywhere(result, EMAIL)
    assert cp_mock.calls() == []


@pytest.mark.parametrize("module, option", options_of("str", False), ids=option_id)
def test_a_boolean_given_for_text_fails_naming_the_option(run_module, cp_mock, module, option):
    # first_name: yes was stored as "True" (issue 20); attributes: {newsletter: yes} was already refused
    result = run_module(module, dict(required_args(module), **{option: True}))
    assert result.failed
    assert "{0} must be a string, not a boolean".format(option) in result["msg"], result["msg"]
    assert cp_mock.calls() == []


@pytest.mark.parametrize(
    "args, message",
    [
        ({"first_name": True}, "first_name must be a string, not a boolean"),
        ({"attributes": {"newsletter": True}}, "attributes.newsletter must be a string, not a boolean"),
        ({"address": {"city": False}}, "address.city must be a string, not a boolean"),
        (
            {"engagement_preferences": {"email": [{"key_value": True}]}},
            "engagement_preferences.email[0].key_value must be a string, not a boolean",
        ),
    ],
)
def test_one_rule_for_booleans_in_profile_fields(run_module, cp_mock, args, message):
    result = run_module("customerprofiles_profile", dict({"domain_name": DOMAIN, "account_number": "A-1"}, **args))
    assert result.failed
    assert message in result["msg"], result["msg"]
    assert cp_mock.calls() == []


def test_a_boolean_in_a_list_of_text_fails_naming_the_item(run_module, cp_mock):
    result = run_module(
        "customerprofiles_profile_info", {"domain_name": DOMAIN, "search": [{"key_name": "_email", "values": [True]}]}
    )
    assert result.failed
    assert "search[0].values[0] must be a string, not a boolean" in result["msg"], result["msg"]
    assert cp_mock.calls() == []


def test_every_tagged_union_of_the_model_takes_exactly_one_member():
    """Generic, from the model: a structure marked ``union`` (the segment Dimension, IntentConfig, ...) fails
    with no member or two, naming the path and the members (botocore's message names no option)."""
    import botocore.session

    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import _snake
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import check_value

    model = botocore.session.get_session().get_service_model("customer-profiles")
    unions = [model.shape_for(name) for name in model.shape_names if model.shape_for(name).metadata.get("union")]
    assert unions  # Dimension at least
    for shape in unions:
        names = [_snake(member) for member in shape.members]
        for value in ({}, dict((name, {}) for name in names[:2])):
            errors = []
            check_value(errors, "path.to.block", value, shape)
            assert any(
                error.startswith("path.to.block must set exactly one of " + ", ".join(names)) for error in errors
            ), (shape.name, errors)
        errors = []
        check_value(errors, "path.to.block", {names[0]: {}}, shape)
        assert not any("exactly one" in error for error in errors), (shape.name, errors)

# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Checks of option values against the service's rules, run before any API call.

Each check appends a message naming the option and the rule it broke to a list;
the module fails once with all of them. Messages never repeat the value given,
since profile fields hold personal data.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re


def _check_size(errors, option, value, minimum, maximum, message):
    """The size rule of check_length and check_items; ``message`` has {0} option, {1} least/most, {2} bound."""
    if value is None:
        return
    if minimum is not None and len(value) < minimum:
        errors.append(message.format(option, "least", minimum))
    if maximum is not None and len(value) > maximum:
        errors.append(message.format(option, "most", maximum))


def check_length(errors, option, value, minimum=None, maximum=None):
    _check_size(errors, option, value, minimum, maximum, "{0} must be at {1} {2} characters long")


def check_pattern(errors, option, value, pattern, rule):
    """``rule`` says in words what ``pattern`` allows."""
    if value is None or value == "":
        return
    if not re.match(pattern + r"\Z", value):
        errors.append("{0} must match {1} ({2})".format(option, pattern, rule))


# The service's rule for a domain name (and other names such as search key names).
NAME_PATTERN = r"^[a-zA-Z0-9_-]+$"
NAME_RULE = "letters, digits, underscores and hyphens"


def check_name(errors, value, option="domain_name"):
    """A domain name or search key name: 1 to 64 characters, NAME_PATTERN."""
    check_length(errors, option, value, 1, 64)
    check_pattern(errors, option, value, NAME_PATTERN, NAME_RULE)


def check_range(errors, option, value, minimum=None, maximum=None):
    if value is None:
        return
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        errors.append("{0} must be between {1} and {2}".format(option, minimum, maximum))


def check_items(errors, option, values, minimum=None, maximum=None):
    _check_size(errors, option, values, minimum, maximum, "{0} must have at {1} {2} items")


def check_tags(errors, option, tags):
    """Tag rules of the service: 1-128 character keys, values up to 256, at most 50 tags, no ``aws:`` prefix."""
    if not tags:
        return
    if len(tags) > 50:
        errors.append("{0} may hold at most 50 tags".format(option))
    for key, value in tags.items():
        if not 1 <= len(key) <= 128:
            errors.append("{0}: every tag key must be 1 to 128 characters long".format(option))
        elif key.lower().startswith("aws:"):
            errors.append("{0}: tag keys starting with aws: are reserved by AWS".format(option))
        elif not re.match(r"^(?!aws:)[a-zA-Z+-=._:/]+$", key):
            errors.append("{0}: tag key {1} must match ^(?!aws:)[a-zA-Z+-=._:/]+$".format(option, key))
        if value is not None and len(str(value)) > 256:
            errors.append("{0}: the value of tag {1} must be at most 256 characters long".format(option, key))


def fail_on_errors(module, errors):
    if errors:
        module.fail_json(msg="Invalid options: " + "; ".join(errors))

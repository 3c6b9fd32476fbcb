# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""GetSegmentMembership's evaluation of a segment's dimensions against a stored profile (pure functions)."""

import datetime
import json


class NotEvaluated(Exception):
    """The emulator cannot tell whether a profile is in the segment (calculated attributes, SQL segments)."""


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%Y%m%d")


def _date(text):
    if not isinstance(text, str):
        return None
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _as_list(value):
    if isinstance(value, list):
        return [str(item) for item in value]
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return [value]
    return [str(item) for item in parsed] if isinstance(parsed, list) else [value]


def _compare_ordered(kind, value, wanted, convert):
    """BEFORE/AFTER/ON/BETWEEN/NOT_BETWEEN and the numeric comparisons, after converting both sides."""
    actual = convert(value)
    bounds = [convert(item) for item in wanted]
    if actual is None or any(bound is None for bound in bounds):
        return False
    if kind in ("BEFORE", "LESS_THAN"):
        return actual < bounds[0]
    if kind in ("AFTER", "GREATER_THAN"):
        return actual > bounds[0]
    if kind == "LESS_THAN_OR_EQUAL":
        return actual <= bounds[0]
    if kind == "GREATER_THAN_OR_EQUAL":
        return actual >= bounds[0]
    if kind in ("ON", "EQUAL"):
        return actual in bounds
    if len(bounds) < 2:
        return False
    inside = bounds[0] <= actual <= bounds[1]
    return inside if kind == "BETWEEN" else not inside


_DATE_KINDS = ("BEFORE", "AFTER", "ON")
_NUMBER_KINDS = ("GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN_OR_EQUAL", "EQUAL")


def dimension_matches(dimension, value):
    """Whether value (a profile field, None when absent) satisfies one {DimensionType, Values} condition."""
    kind, wanted = dimension["DimensionType"], dimension["Values"]
    if kind == "EXCLUSIVE":
        return value is None or value not in wanted
    if value is None:
        return False
    if kind == "INCLUSIVE":
        return value in wanted
    if kind == "CONTAINS":
        return any(item in value for item in wanted)
    if kind == "BEGINS_WITH":
        return any(value.startswith(item) for item in wanted)
    if kind == "ENDS_WITH":
        return any(value.endswith(item) for item in wanted)
    if kind == "LIST_CONTAINS":
        return any(item in _as_list(value) for item in wanted)
    if kind == "LIST_CONTAINS_ALL":
        return all(item in _as_list(value) for item in wanted)
    if kind in _DATE_KINDS:
        return _compare_ordered(kind, value, wanted, _date)
    if kind in _NUMBER_KINDS:
        return _compare_ordered(kind, value, wanted, _number)
    # BETWEEN / NOT_BETWEEN: numbers when every side is a number, dates otherwise
    numeric = _number(value) is not None and all(_number(item) is not None for item in wanted)
    return _compare_ordered(kind, value, wanted, _number if numeric else _date)


def profile_attributes_match(attributes, profile):
    """Every condition of a ProfileAttributes dimension holds (address blocks: every given sub-field)."""
    for field, condition in attributes.items():
        if field == "Attributes":
            custom = profile.get("Attributes") or {}
            if not all(dimension_matches(sub, custom.get(key)) for key, sub in condition.items()):
                return False
        elif "DimensionType" in condition:
            if not dimension_matches(condition, profile.get(field)):
                return False
        else:  # an AddressDimension: City, Country, County, PostalCode, Province, State
            block = profile.get(field) or {}
            if not all(dimension_matches(sub, block.get(key)) for key, sub in condition.items()):
                return False
    return True


def combine(include, results):
    results = list(results)
    if include == "ANY":
        return any(results)
    if include == "NONE":
        return not any(results)
    return all(results)

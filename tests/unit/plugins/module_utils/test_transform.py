# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""transform.py: option names <-> API member names."""

import datetime

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import to_camel


def test_to_camel():
    assert to_camel("address_1") == "Address1"
    assert to_camel("s3_bucket_name") == "S3BucketName"
    assert to_camel("domain_name") == "DomainName"


def test_to_api_drops_none_and_keeps_tag_keys():
    options = {
        "domain_name": "d",
        "dead_letter_queue_url": None,
        "tags": {"cost_center": "x", "Env": "y"},
        "matching": {
            "enabled": True,
            "job_schedule": None,
            "auto_merging": {"consolidation": {"matching_attributes_list": [["a"]]}},
        },
    }
    assert to_api(options) == {
        "DomainName": "d",
        "Tags": {"cost_center": "x", "Env": "y"},
        "Matching": {"Enabled": True, "AutoMerging": {"Consolidation": {"MatchingAttributesList": [["a"]]}}},
    }


def test_to_api_lists_of_dicts():
    assert to_api({"matching_rules": [{"rule": ["A", "B"]}]}) == {"MatchingRules": [{"Rule": ["A", "B"]}]}


def test_from_api_prefers_known_names_and_keeps_verbatim_maps():
    api = {"Address1": "1 Main St", "ProfileCount": 3, "Tags": {"CostCenter": "x"}, "Attributes": {"SSN": "1"}}
    assert from_api(api, ["address_1"], ("Tags", "Attributes")) == {
        "address_1": "1 Main St",
        "profile_count": 3,
        "tags": {"CostCenter": "x"},
        "attributes": {"SSN": "1"},
    }
    assert from_api({"Address1": "x"}) == {"address1": "x"}


def test_from_api_converts_timestamps():
    stamp = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.timezone.utc)
    assert from_api({"CreatedAt": stamp, "Items": [{"LastUpdatedAt": stamp}]}) == {
        "created_at": "2024-05-01T12:00:00+00:00",
        "items": [{"last_updated_at": "2024-05-01T12:00:00+00:00"}],
    }


def test_round_trip_of_domain_options():
    options = {
        "s3_exporting": {"s3_bucket_name": "b", "s3_key_name": "k"},
        "min_allowed_confidence_score_for_merging": 0.5,
    }
    names = names_from_spec(
        {
            "s3_exporting": {"options": {"s3_bucket_name": {}, "s3_key_name": {}}},
            "min_allowed_confidence_score_for_merging": {},
        }
    )
    assert from_api(to_api(options), names) == options


def test_names_from_spec_includes_aliases_and_suboptions():
    spec = {
        "domain_name": {"aliases": ["name"]},
        "matching": {"options": {"job_schedule": {"options": {"day_of_the_week": {}}}}},
    }
    assert names_from_spec(spec) == {"domain_name", "name", "matching", "job_schedule", "day_of_the_week"}

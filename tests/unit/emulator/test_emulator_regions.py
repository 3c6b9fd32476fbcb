# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Regions: every region botocore lists for customer-profiles is served; any other answers 400."""

import boto3
import pytest
from botocore.exceptions import ClientError
from emulator_test_helpers import ACCOUNT  # pylint: disable=import-error
from emulator_test_helpers import NO_RETRY  # pylint: disable=import-error
from emulator_test_helpers import error_of  # pylint: disable=import-error
from emulator_test_helpers import make_client  # pylint: disable=import-error

import emulator
from call_log import entries
from emulator.common import UnsupportedRegionException


def _botocore_regions():
    session = boto3.session.Session()
    regions = {}
    for partition in session.get_available_partitions():
        for region in session.get_available_regions("customer-profiles", partition_name=partition):
            regions[region] = partition
    return regions


def test_supported_regions_are_botocores():
    assert emulator.supported_regions() == _botocore_regions()
    assert "us-east-1" in emulator.supported_regions() and "eu-west-1" not in emulator.supported_regions()


@pytest.mark.parametrize("region", sorted(_botocore_regions()))
def test_every_botocore_region_is_served(aws, region):  # pylint: disable=unused-argument
    client = make_client(NO_RETRY, region=region)
    created = client.create_domain(DomainName="dom", DefaultExpirationDays=5)
    assert client.list_domains()["Items"][0]["DomainName"] == "dom"
    partition = _botocore_regions()[region]
    arn = "arn:%s:profile:%s:%s:domains/dom" % (partition, region, ACCOUNT)
    client.tag_resource(resourceArn=arn, tags={"k": "v"})
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"k": "v"}
    assert created["DomainName"] == "dom"
    assert list(emulator.backend(region).domains) == ["dom"]


def test_regions_are_separate(aws):  # pylint: disable=unused-argument
    make_client(NO_RETRY, region="us-west-2").create_domain(DomainName="west", DefaultExpirationDays=5)
    assert make_client(NO_RETRY, region="us-east-1").list_domains()["Items"] == []


@pytest.mark.parametrize("region", ["eu-west-1", "us-east-2", "us-gov-west-1", "cn-north-1", "xx-nowhere-9"])
def test_other_regions_answer_400_unsupported_region(aws, region):  # pylint: disable=unused-argument
    client = make_client(NO_RETRY, region=region)
    for call in (client.list_domains, lambda: client.create_domain(DomainName="d", DefaultExpirationDays=1)):
        with pytest.raises(ClientError) as excinfo:
            call()
        status, code, message = error_of(excinfo)
        assert (status, code) == (400, "UnsupportedRegionException")
        assert "not available in region %s" % region in message and "us-east-1" in message
    assert entries(emulator)[-1] == (
        "CreateDomain",
        "write",
        400,
        "UnsupportedRegionException",
        ["DefaultExpirationDays", "DomainName"],
    )


def test_in_process_backend_of_an_unsupported_region_raises(aws):  # pylint: disable=unused-argument
    with pytest.raises(UnsupportedRegionException):
        emulator.backend("eu-west-1")
    with pytest.raises(UnsupportedRegionException):
        emulator.set_rule_based_matching_status("d", "IN_PROGRESS", region="eu-west-1")

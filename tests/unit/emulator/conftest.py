# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures for the customer-profiles emulator tests."""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from emulator_test_helpers import NO_RETRY  # noqa: E402  pylint: disable=wrong-import-position,import-error
from emulator_test_helpers import RAW  # noqa: E402  pylint: disable=wrong-import-position,import-error
from emulator_test_helpers import make_client  # noqa: E402  pylint: disable=wrong-import-position,import-error
from moto import mock_aws  # noqa: E402  pylint: disable=wrong-import-position

import emulator  # noqa: E402  pylint: disable=wrong-import-position


@pytest.fixture
def aws():
    """A fresh in-process moto with the emulator registered, an empty call log and no faults."""
    emulator.register()
    with mock_aws():
        emulator.reset_calls()
        emulator.clear_faults()
        yield
        emulator.clear_faults()


@pytest.fixture
def client(aws):  # pylint: disable=redefined-outer-name,unused-argument
    return make_client(NO_RETRY)


@pytest.fixture
def raw_client(aws):  # pylint: disable=redefined-outer-name,unused-argument
    """A client that skips boto3's own parameter validation, so the emulator's validation is what answers."""
    return make_client(RAW)


@pytest.fixture
def domain(client):  # pylint: disable=redefined-outer-name
    client.create_domain(DomainName="dom", DefaultExpirationDays=30)
    return "dom"

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures of the integration runner: one emulator server per session (per xdist worker,
``emulator_server`` in tests/conftest.py), reset before each target."""

import pytest


@pytest.fixture
def emulator_url(fresh_emulator_server):
    """The server's base URL, with state, call log and faults reset for this test."""
    return fresh_emulator_server.url.rstrip("/")

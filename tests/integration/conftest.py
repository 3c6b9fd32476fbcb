# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures of the integration runner: one emulator server per session (per xdist worker)."""

import pytest


@pytest.fixture(scope="session")
def emulator_server():
    from emulator.testing import start_server  # pylint: disable=import-outside-toplevel

    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def emulator_url(emulator_server):
    """The server's base URL, with state, call log and faults reset for this test."""
    emulator_server.reset()
    return emulator_server.url.rstrip("/")

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""An endpoint that is down or unreachable gives a clear error after one bounded attempt, and the
client's time-outs and botocore retries can be changed with the standard aws_config option."""

import socket
import threading

import pytest
from reliability_helpers import DOMAIN
from reliability_helpers import RecordedSleeps
from reliability_helpers import closed_port

MODULE = "customerprofiles_domain_info"


class Listener:
    """A loopback TCP server that counts connections and either closes them at once or never answers."""

    def __init__(self, answer=False):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = "http://127.0.0.1:{0}".format(self.sock.getsockname()[1])
        self.hold = answer
        self.accepted = 0
        self.held = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                conn = self.sock.accept()[0]
            except OSError:
                return
            self.accepted += 1
            if self.hold:
                self.held.append(conn)  # accept, read nothing, answer nothing
            else:
                conn.close()  # connection closed before any response

    def close(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def botocore_sleeps(monkeypatch):
    """Record (not sleep) the delays of botocore's own retry loop, should it retry."""
    import botocore.endpoint

    recorder = RecordedSleeps()
    monkeypatch.setattr(botocore.endpoint, "time", recorder)
    return recorder.delays


@pytest.fixture
def client_configs(monkeypatch):
    """The botocore Config of every client the modules build."""
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesModule

    configs = []
    original = CustomerProfilesModule.customer_profiles_client

    def spy(self):
        wrapper = original(self)
        configs.append(wrapper.client.meta.config)
        return wrapper

    monkeypatch.setattr(CustomerProfilesModule, "customer_profiles_client", spy)
    return configs


def test_closed_port_fails_clearly_after_one_attempt(run_module, cp_mock, sleeps, botocore_sleeps):
    url = "http://127.0.0.1:{0}".format(closed_port())

    result = run_module(MODULE, dict(domain_name=DOMAIN, endpoint_url=url))

    assert result.failed
    assert "Could not connect to the endpoint URL" in result["msg"]
    assert url in result["msg"]
    assert result["msg"].startswith("Failed to get domain")
    assert "Traceback" not in result["msg"]
    assert sleeps == [] and botocore_sleeps == []  # neither retry layer waits on a connection error


def test_dropped_connection_is_tried_once_by_default(run_module, cp_mock, sleeps, botocore_sleeps):
    listener = Listener()
    try:
        result = run_module(MODULE, dict(domain_name=DOMAIN, endpoint_url=listener.url))
    finally:
        listener.close()

    assert result.failed
    assert "Traceback" not in result["msg"]
    assert listener.accepted == 1
    assert sleeps == [] and botocore_sleeps == []


def test_aws_config_retries_override_the_default(run_module, cp_mock, sleeps, botocore_sleeps):
    listener = Listener()
    try:
        result = run_module(
            MODULE, dict(domain_name=DOMAIN, endpoint_url=listener.url, aws_config=dict(retries=dict(max_attempts=2)))
        )
    finally:
        listener.close()

    assert result.failed
    assert listener.accepted == 3  # botocore's max_attempts counts retries: 1 + 2
    assert len(botocore_sleeps) == 2


def test_read_timeout_from_aws_config_ends_a_silent_endpoint(run_module, cp_mock, sleeps, botocore_sleeps):
    listener = Listener(answer=True)
    try:
        result = run_module(
            MODULE, dict(domain_name=DOMAIN, endpoint_url=listener.url, aws_config=dict(read_timeout=1))
        )
    finally:
        listener.close()

    assert result.failed
    assert "Read timeout on endpoint URL" in result["msg"]
    assert "Traceback" not in result["msg"]
    assert listener.accepted == 1


@pytest.mark.parametrize(
    "module, args",
    [
        ("customerprofiles_domain", dict(domain_name=DOMAIN, default_expiration_days=30)),
        ("customerprofiles_domain_info", dict()),
        ("customerprofiles_profile", dict(domain_name=DOMAIN, account_number="A-1")),
        ("customerprofiles_profile_info", dict(domain_name=DOMAIN, profile_id=["0" * 32])),
    ],
)
def test_every_module_uses_the_bounded_defaults(run_module, cp_mock, cp_client, client_configs, module, args):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    result = run_module(module, args)
    assert not result.failed, result.get("msg")
    assert len(client_configs) == 1
    config = client_configs[0]
    assert (config.connect_timeout, config.read_timeout) == (10, 30)
    assert config.retries == {"mode": "standard", "total_max_attempts": 1}


def test_aws_config_overrides_the_defaults(run_module, cp_mock, cp_client, client_configs):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    aws_config = dict(connect_timeout=5, read_timeout=7, retries=dict(max_attempts=3, mode="adaptive"))
    result = run_module("customerprofiles_domain", dict(domain_name=DOMAIN, aws_config=aws_config))
    assert not result.failed, result.get("msg")
    config = client_configs[0]
    assert (config.connect_timeout, config.read_timeout) == (5, 7)
    assert config.retries == {"mode": "adaptive", "total_max_attempts": 4}
    # what aws_config leaves out keeps the collection's default
    only_timeout = run_module("customerprofiles_domain", dict(domain_name=DOMAIN, aws_config=dict(connect_timeout=3)))
    assert not only_timeout.failed
    config = client_configs[1]
    assert (config.connect_timeout, config.read_timeout) == (3, 30)
    assert config.retries == {"mode": "standard", "total_max_attempts": 1}

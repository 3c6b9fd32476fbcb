# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Test harness shared by every suite.

- makes ``import emulator`` and ``import ansible_collections.awscx.customerprofiles``
  work (the collection is linked under .build/collections, as ansible expects);
- ``cp_mock``: moto's in-process mock with the Customer Profiles emulator, clean per test;
- ``run_module``: runs one of our modules in-process and returns its result;
- ``run_logged``: the same with a clean call log, returning (result, operations);
- ``clients_built``: the boto3 clients (service names) the modules build during a test;
- ``older_model``: the modules validate against the installed customer-profiles model as an edit leaves it (an
  older botocore's model).
"""

import contextlib
import copy
import importlib
import io
import json
import os
import sys

import pytest

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from playbook_runner import emulator_play  # noqa: E402  pylint: disable=wrong-import-position
from playbook_runner import link_collection  # noqa: E402  pylint: disable=wrong-import-position

COLLECTIONS_DIR = link_collection()
if COLLECTIONS_DIR not in sys.path:
    sys.path.insert(0, COLLECTIONS_DIR)
# Merge our collection into the ansible_collections namespace that the ansible
# package (which brings amazon.aws) already provides.
import ansible_collections  # noqa: E402  pylint: disable=wrong-import-position

if os.path.join(COLLECTIONS_DIR, "ansible_collections") not in list(ansible_collections.__path__):
    ansible_collections.__path__.append(os.path.join(COLLECTIONS_DIR, "ansible_collections"))


def _share_botocore_loader():
    """Test-only speed-up: one botocore data loader for every session in this process.

    Each module run builds a new boto3 session, whose fresh loader parses the
    endpoint and service JSON again (most of a run's half second). The loader's
    own cache is per instance, so sharing the instance makes every later run
    reuse the parsed models. Module behaviour is unchanged.
    """
    import botocore.loaders
    import botocore.session

    loaders = {}
    create_loader = botocore.loaders.create_loader

    def shared_loader(search_path_string=None):
        if search_path_string not in loaders:
            loaders[search_path_string] = create_loader(search_path_string)
        return loaders[search_path_string]

    botocore.session.create_loader = shared_loader


_share_botocore_loader()

REGION = "us-east-1"
AWS_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
}


@pytest.fixture
def aws_env(monkeypatch):
    for key, value in AWS_ENV.items():
        monkeypatch.setenv(key, value)
    for key in ("AWS_PROFILE", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def cp_mock(aws_env):
    """moto's in-process mock serving Customer Profiles; yields the emulator module."""
    from moto import mock_aws

    import emulator

    emulator.register()
    with mock_aws():
        emulator.reset()
        yield emulator
        emulator.clear_faults()


@pytest.fixture
def cp_client(cp_mock):
    import boto3

    return boto3.client("customer-profiles", region_name=REGION)


class ModuleResult(dict):
    """A module's JSON result; ``failed`` is set when the module failed."""

    @property
    def failed(self):
        return bool(self.get("failed"))


def run_module_in_process(name, args, check_mode=False, diff=False):
    """Run plugins/modules/<name>.py's main() in this process with ``args``; returns its JSON result.

    ansible-core 2.19 and later hand a module its arguments through
    ``ansible.module_utils.testing.patch_module_args``; 2.17 and 2.18 have no such helper and read
    them from ``ansible.module_utils.basic._ANSIBLE_ARGS`` (the JSON a module would get on stdin),
    which is set for the run and restored after it.
    """
    try:
        from ansible.module_utils.testing import patch_module_args
    except ImportError:  # ansible-core < 2.19
        from ansible.module_utils import basic

        @contextlib.contextmanager
        def patch_module_args(module_args):
            saved = basic._ANSIBLE_ARGS
            basic._ANSIBLE_ARGS = json.dumps({"ANSIBLE_MODULE_ARGS": module_args}).encode("utf-8")
            try:
                yield
            finally:
                basic._ANSIBLE_ARGS = saved

    module = importlib.import_module("ansible_collections.awscx.customerprofiles.plugins.modules." + name)
    full_args = dict(args)
    full_args.setdefault("region", REGION)
    full_args["_ansible_check_mode"] = check_mode
    full_args["_ansible_diff"] = diff
    stdout = io.StringIO()
    with patch_module_args(full_args), contextlib.redirect_stdout(stdout):
        with pytest.raises(SystemExit):
            module.main()
    return ModuleResult(json.loads(stdout.getvalue()))


@pytest.fixture
def run_module(cp_mock):
    """``run_module("customerprofiles_domain", {...}, check_mode=False, diff=False)`` -> result dict."""
    return run_module_in_process


@pytest.fixture
def run_logged(cp_mock):
    """``run_logged(name, args, check_mode=False, diff=False)`` -> (result, [operations]): one module run with
    a clean call log first, so the operations are this run's; ``call_log.reads(cp_mock)``/``writes(cp_mock)``
    read the same run."""
    from call_log import operations

    def _run(name, args, check_mode=False, diff=False):
        cp_mock.reset_calls()
        result = run_module_in_process(name, args, check_mode=check_mode, diff=diff)
        return result, operations(cp_mock)

    return _run


@pytest.fixture
def sent(monkeypatch):
    """The requests the modules' clients send, in order (connect_helpers.record_requests; ``requests_of(sent,
    operation)`` picks one operation's)."""
    from connect_helpers import record_requests

    return record_requests(monkeypatch)


@pytest.fixture
def older_model(monkeypatch):
    """``older_model(edit)``: the modules validate against the installed customer-profiles model as ``edit(data)``
    returns it (``data``: a copy of the model's JSON; drop the operations or members an older botocore lacks). The
    clients and the emulator keep the installed model."""
    import botocore.model
    import botocore.session

    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import model

    def use(edit):
        loader = botocore.session.get_session().get_component("data_loader")
        data = edit(copy.deepcopy(loader.load_service_model("customer-profiles", "service-2")))
        monkeypatch.setattr(model, "_MODEL", [botocore.model.ServiceModel(data, service_name="customer-profiles")])

    return use


@pytest.fixture
def clients_built(monkeypatch):
    """The service names of every boto3 client a module builds during the test, in order."""
    from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

    built = []
    original = AnsibleAWSModule.client

    def recording_client(self, service, *args, **kwargs):
        built.append(service)
        return original(self, service, *args, **kwargs)

    monkeypatch.setattr(AnsibleAWSModule, "client", recording_client)
    return built


@pytest.fixture(scope="session")
def emulator_server():
    """One emulator HTTP server (``python -m emulator``) per test session, i.e. per xdist worker."""
    from emulator.testing import start_server

    with start_server() as server:
        yield server


@pytest.fixture
def fresh_emulator_server(emulator_server):
    """The session's emulator server with its state, call log and faults reset for this test."""
    emulator_server.reset()
    return emulator_server


ROLE_PLAY = emulator_play(
    "Apply the role",
    """
    roles:
      - role: awscx.customerprofiles.customer_profiles
    post_tasks:
      - name: Show what the role recorded
        ansible.builtin.debug:
          msg: "created={{ customer_profiles_summary.created | default('none') }} ids={{ customer_profiles_profile_ids | length }}"
    """,
)


@pytest.fixture
def server(fresh_emulator_server):
    """The emulator as a loopback HTTP server (for real ansible-playbook runs), reset for this test."""
    return fresh_emulator_server


@pytest.fixture
def client(server):
    """A boto3 Customer Profiles client of the emulator server."""
    return server.client()


@pytest.fixture
def role_play(fresh_emulator_server, tmp_path):
    """``role_play(role_vars, check=False, diff=False)``: a PlaybookRun of the customer_profiles role with
    ``role_vars`` against the fresh emulator server (then a debug task prints the recorded summary and ids)."""
    from playbook_runner import run_playbook
    from playbook_runner import write_text

    path = write_text(tmp_path, "play.yml", ROLE_PLAY)

    def _play(role_vars, check=False, diff=False):
        extra_vars = dict(role_vars, emulator_url=fresh_emulator_server.url)
        return run_playbook(path, tmp_path, extra_vars=extra_vars, check=check, diff=diff)

    return _play


@pytest.fixture
def wait_clock(monkeypatch):
    """A FakeClock in place of the clock of the modules' waits (a recommender's training, a profile's search, a
    segment snapshot or estimate): the engine's wait (_engine/wait.py)."""
    from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine import wait
    from fake_clock import FakeClock

    clock = FakeClock(now=1000.0)
    monkeypatch.setattr(wait, "time", clock)
    return clock

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Real ansible-playbook runs against the emulator server: no secret in -vvv output, and what two
hosts upserting the same match_by key at once do (and the safe patterns)."""

from reliability_helpers import DOMAIN

import call_log
from playbook_runner import run_playbook
from playbook_runner import write_text

SECRET_KEY = "S3cr3tK3y-reliability-5f1d9c7e"
SESSION_TOKEN = "T0k3n-reliability-8a2b4c6d"
ACCESS_KEY = "AKIARELIABILITYTEST1"
PII = dict(first_name="Zenobia-Private", email_address="zenobia.private@example.com", ssn="987-65-4321")


def client(server):
    return server.client()


def profiles_with_account(server, account):
    return client(server).search_profiles(DomainName=DOMAIN, KeyName="_account", Values=[account])["Items"]


SECRETS_PLAYBOOK = """
- hosts: localhost
  gather_facts: false
  module_defaults:
    group/awscx.customerprofiles.aws:
      endpoint_url: "{url}"
      region: us-east-1
      access_key: "{access_key}"
      secret_key: "{secret_key}"
      session_token: "{session_token}"
  tasks:
    - name: Domain
      awscx.customerprofiles.customerprofiles_domain:
        domain_name: {domain}
        default_expiration_days: 30
        tags: {{Env: test}}

    - name: Profile holding personal data (no_log, as docs/reliability.md advises)
      awscx.customerprofiles.customerprofiles_profile:
        domain_name: {domain}
        account_number: A-1
        first_name: {first_name}
        email_address: {email_address}
        attributes: {{SSN: "{ssn}"}}
      no_log: true

    - name: Read it back (no_log)
      awscx.customerprofiles.customerprofiles_profile_info:
        domain_name: {domain}
        search: [{{key_name: _account, values: [A-1]}}]
      no_log: true
      register: found

    - name: Domain info
      awscx.customerprofiles.customerprofiles_domain_info:
        domain_name: {domain}

    - name: A service error
      awscx.customerprofiles.customerprofiles_profile:
        domain_name: missing-domain
        account_number: A-2
      ignore_errors: true
      register: service_error

    - name: A validation error on a personal-data field
      awscx.customerprofiles.customerprofiles_profile:
        domain_name: {domain}
        account_number: A-3
        email_address: "{long_email}"
      ignore_errors: true
      register: bad_email
      no_log: true

    - name: The error names the option, not the value
      ansible.builtin.assert:
        that:
          - bad_email is failed
          - "'email_address' in bad_email.msg"
          - "'{long_email}' not in bad_email.msg"
          - service_error is failed
          - "'ResourceNotFoundException' in service_error.msg"
          - found.profiles | length == 1
"""


def test_no_credential_in_vvv_output(server, tmp_path):
    long_email = ("zenobia.private" * 20) + "@example.com"
    playbook = SECRETS_PLAYBOOK.format(
        url=server.url,
        domain=DOMAIN,
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        session_token=SESSION_TOKEN,
        long_email=long_email,
        **PII,
    )

    run = run_playbook(write_text(tmp_path, "playbook.yml", playbook), tmp_path, args=["-vvv"], timeout=240)

    output = run.output  # stdout and stderr
    assert run.returncode == 0, output[-4000:]
    recap = run.recap("localhost")
    assert recap["ok"] == 7 and recap["ignored"] == 2
    # module arguments are printed at -vvv: the credentials are masked there
    assert "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER" in output
    assert SECRET_KEY not in output
    assert SESSION_TOKEN not in output
    # the tasks marked no_log show none of the personal data, the failed one included
    for value in list(PII.values()) + [long_email]:
        assert value not in output
    assert len(profiles_with_account(server, "A-1")) == 1


CONCURRENCY_INVENTORY = """
[upserters]
host_a ansible_connection=local
host_b ansible_connection=local
"""

UPSERT_PLAY = """
- name: {name}
  hosts: upserters
  gather_facts: false
  module_defaults:
    group/awscx.customerprofiles.aws: {{endpoint_url: "{url}", region: us-east-1, access_key: testing, secret_key: testing}}
  tasks:
    - awscx.customerprofiles.customerprofiles_profile:
        domain_name: {domain}
        account_number: {account_number}
        first_name: Ada
"""

# (play name, account number, the rest of the upsert task and any task after it)
CONCURRENCY_PLAYS = [
    (
        "Unsafe - both hosts upsert the same account number at once",
        "RACE-1",
        """\
      register: unsafe
      ignore_errors: true
    - ansible.builtin.debug:
        msg: >-
          UNSAFE {{ inventory_hostname }} failed={{ unsafe is failed }} changed={{ unsafe is changed }}
          ids={{ unsafe.profile_ids | default([]) }}
""",
    ),
    (
        "Unsafe, run again",
        "RACE-1",
        """\
      register: again
      ignore_errors: true
    - ansible.builtin.debug:
        msg: >-
          AGAIN {{ inventory_hostname }} failed={{ again is failed }} changed={{ again is changed }}
          ids={{ again.profile_ids | default([]) }}
""",
    ),
    (
        "Safe - throttle 1 serialises the task across hosts",
        "THROTTLED-1",
        """\
      throttle: 1
""",
    ),
    (
        "Safe - run_once creates the shared profile from one host",
        "ONCE-1",
        """\
      run_once: true
""",
    ),
]


def concurrency_playbook(url, domain):
    """Every play: each upserter host upserts the profile of one account number (first name Ada)."""
    return "".join(
        UPSERT_PLAY.format(name=name, url=url, domain=domain, account_number=account_number) + rest
        for name, account_number, rest in CONCURRENCY_PLAYS
    )


# The unsafe play's race made certain (well under the modules' 30 s read timeout): the first two searches (one
# per host) are answered this late, so each host's search runs before either host's create lands; the two
# creates are too, so both profiles exist before either host searches again (the wait after a create).
RACE_DELAY = 10


def test_concurrent_upserts_and_the_safe_patterns(server, tmp_path):
    client(server).create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    server.inject_fault("SearchProfiles", kind="delay", seconds=RACE_DELAY, count=2)
    server.inject_fault("CreateProfile", kind="delay", seconds=RACE_DELAY, count=2)

    run = run_playbook(
        write_text(tmp_path, "playbook.yml", concurrency_playbook(server.url, DOMAIN)),
        tmp_path,
        inventory=write_text(tmp_path, "inventory.ini", CONCURRENCY_INVENTORY),
        args=["-f", "2"],
        timeout=240,
    )

    assert run.returncode == 0, run.output[-4000:]
    # the safe patterns: exactly one profile each
    assert len(profiles_with_account(server, "THROTTLED-1")) == 1
    assert len(profiles_with_account(server, "ONCE-1")) == 1
    # the unsafe play: both hosts searched before either created (the service has no unique key on
    # account_number), so each created one; each host then finds both and fails naming them
    raced = profiles_with_account(server, "RACE-1")
    assert len(raced) == 2
    assert server.pending_faults() == {}  # the delayed calls were the hosts' first search and their create
    ids = sorted(item["ProfileId"] for item in raced)
    unsafe = [line for line in run.stdout.splitlines() if "UNSAFE " in line]
    assert len(unsafe) == 2
    assert all("failed=True changed=True" in line and ids[0] in line and ids[1] in line for line in unsafe), unsafe
    # the next run refuses to guess: it fails on each host naming both ids, and changes nothing
    again = [line for line in run.stdout.splitlines() if "AGAIN " in line]
    assert len(again) == 2
    assert all("failed=True changed=False" in line and ids[0] in line and ids[1] in line for line in again), again
    assert len(profiles_with_account(server, "RACE-1")) == 2


def test_interleaved_upserts_duplicate_then_fail_naming_both_ids(run_module, cp_mock, cp_client, monkeypatch):
    """The race made deterministic: host B searched before host A's create landed (stale search)."""
    from ansible_collections.awscx.customerprofiles.plugins.module_utils.profile import ProfileResource

    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    args = dict(domain_name=DOMAIN, account_number="RACE-1", first_name="Ada")
    host_a = run_module("customerprofiles_profile", args)
    real_read = ProfileResource.read

    def stale_read(_resource):  # what host B saw: its identity search found nothing
        return None

    monkeypatch.setattr(ProfileResource, "read", stale_read)
    host_b = run_module("customerprofiles_profile", args)
    monkeypatch.setattr(ProfileResource, "read", real_read)
    assert host_a["changed"] and host_b["changed"]
    ids = sorted([host_a["profile_id"], host_b["profile_id"]])
    assert ids[0] != ids[1]

    cp_mock.reset_calls()
    next_run = run_module("customerprofiles_profile", dict(args, first_name="Grace"))

    assert next_run.failed
    assert ids[0] in next_run["msg"] and ids[1] in next_run["msg"]
    assert "nothing was changed" in next_run["msg"]
    assert next_run["profile_ids"] == ids
    assert [call["kind"] for call in call_log.calls(cp_mock)] == ["read"]

    # resolving it: delete the extra one by profile_id, then the upsert works again
    run_module("customerprofiles_profile", dict(domain_name=DOMAIN, profile_id=ids[1], state="absent"))
    fixed = run_module("customerprofiles_profile", dict(args, first_name="Grace"))
    assert fixed["changed"] is True and fixed["profile_id"] == ids[0]

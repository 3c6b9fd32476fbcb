# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The bulk modules (customerprofiles_profiles, customerprofiles_profile_objects) under no_log, lost answers,
concurrent writers and a service that stops answering (issue 21, items 3, 4 and 6)."""

from reliability_helpers import DOMAIN

from playbook_runner import run_playbook
from playbook_runner import write_text

# Values that must never reach the output of a no_log task.
NAMES = ["Quintessa-Private", "Bartholomew-Private"]
ACCOUNTS = ["NOLOG-ACCT-7731", "NOLOG-ACCT-7732"]
ORDERS = ["NOLOG-ORDER-5501", "NOLOG-ORDER-5502"]

NO_LOG_PLAYBOOK = """
- hosts: localhost
  gather_facts: false
  module_defaults:
    group/awscx.customerprofiles.aws:
      endpoint_url: "{{ emulator_url }}"
      region: us-east-1
      access_key: testing
      secret_key: testing
  tasks:
    - name: Domain
      awscx.customerprofiles.customerprofiles_domain:
        domain_name: %(domain)s
        default_expiration_days: 30

    - name: Object type
      awscx.customerprofiles.customerprofiles_object_type:
        domain_name: %(domain)s
        object_type_name: Order
        description: Orders
        allow_profile_creation: true
        fields:
          OrderId: {source: _source.OrderId, content_type: STRING}
          AccountNumber: {source: _source.AccountNumber, target: _profile.AccountNumber, content_type: STRING}
        keys:
          OrderId: [{standard_identifiers: [UNIQUE], field_names: [OrderId]}]
          _account: [{standard_identifiers: [PROFILE], field_names: [AccountNumber]}]

    - name: Profiles (no_log)
      awscx.customerprofiles.customerprofiles_profiles:
        domain_name: %(domain)s
        profiles: "{{ people }}"
      no_log: true
      register: sync

    - name: Objects (no_log)
      awscx.customerprofiles.customerprofiles_profile_objects:
        domain_name: %(domain)s
        object_type_name: Order
        objects: "{{ orders }}"
      no_log: true
      register: ingested

    - name: The registered results are whole and usable
      ansible.builtin.assert:
        that:
          - sync.profiles | map(attribute='status') | list == ['created', 'created']
          - sync.profiles | map(attribute='profile_id') | select | list | length == 2
          - sync.summary.created == 2
          - ingested.objects | map(attribute='status') | list == ['created', 'created']
          - ingested.objects | map(attribute='profile_id') | list == sync.profiles | map(attribute='profile_id') | list
          - ingested.summary.created == 2
        quiet: true
"""


def test_no_log_hides_every_item_of_the_bulk_modules(fresh_emulator_server, tmp_path):
    """ansible-core prints a top-level ``results`` list as loop results even under no_log; the per-item lists are
    ``profiles`` and ``objects``, so at -vvv nothing of an item (no profile id, no field value) is printed."""
    server = fresh_emulator_server
    people = [dict(account_number=account, first_name=name) for account, name in zip(ACCOUNTS, NAMES)]
    orders = [dict(OrderId=order, AccountNumber=account) for order, account in zip(ORDERS, ACCOUNTS)]
    path = write_text(tmp_path, "play.yml", NO_LOG_PLAYBOOK % dict(domain=DOMAIN))

    run = run_playbook(
        path, tmp_path, extra_vars=dict(emulator_url=server.url, people=people, orders=orders), args=["-vvv"]
    )

    assert run.returncode == 0, run.output[-4000:]
    assert run.output.count("the output has been hidden due to the fact that 'no_log: true'") >= 2
    found = server.client().search_profiles(DomainName=DOMAIN, KeyName="_account", Values=ACCOUNTS)["Items"]
    profile_ids = [profile["ProfileId"] for profile in found]
    assert len(profile_ids) == 2
    for secret in NAMES + ACCOUNTS + ORDERS + profile_ids:
        assert secret not in run.output, secret

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A module that warns shows the warning, and nothing else: no "Passing `warnings` to `exit_json`"
deprecation (AnsibleAWSModule.warn passes its warnings to exit_json as ``warnings=`` on ansible-core
2.19 and later, which ansible-core deprecates; the collection's module warns the plain AnsibleModule way)."""

import os
import subprocess
import sys

from connect_helpers import make_object_type

DOMAIN = "warns"


def test_a_warning_comes_without_a_deprecation(run_module, cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    make_object_type(cp_mock, cp_client, DOMAIN, "Order")
    cp_client.put_profile_object(DomainName=DOMAIN, ObjectTypeName="Order", Object='{"id": "1"}')

    args = dict(domain_name=DOMAIN, object_type_name="Order", state="absent")
    result = run_module("customerprofiles_object_type", args, check_mode=True)

    assert any("deletes every profile object" in str(warning) for warning in result["warnings"]), result
    assert result.get("deprecations", []) == [], result["deprecations"]


def test_ansible_commands_print_no_cryptography_deprecation():
    """Every ansible command of make example printed a CryptographyDeprecationWarning: ansible-core 2.19 imports
    cryptography's DSA classes, which cryptography 51 deprecates. tests/requirements.txt caps cryptography below 51
    (see the comment there); this fails when the cap is lifted while ansible-core still imports them."""
    command = [os.path.join(os.path.dirname(sys.executable), "ansible-doc"), "--version"]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "CryptographyDeprecationWarning" not in completed.stderr + completed.stdout

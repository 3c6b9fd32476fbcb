# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # Waiting for created profiles to be found by search (customerprofiles_profile, customerprofiles_profiles).
    DOCUMENTATION = r"""
options:
  wait:
    description:
      - SearchProfiles is eventually consistent in AWS. After creating a profile, wait until SearchProfiles finds it
        by its O(match_by) key (searching again after 0.25, 0.5, 1 and then every 2 seconds; several profiles are
        searched for in batches), so that a next task matching the same key updates it instead of creating a
        duplicate.
      - When O(wait_timeout) passes first, the module warns and succeeds (what it created stays created).
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds O(wait) waits at most.
    type: int
    default: 60
notes:
  - Customer Profiles search is eventually consistent in AWS; a profile created moments ago by another client may not
    be found by O(match_by) yet. Profiles this module creates are waited for (see O(wait)).
"""

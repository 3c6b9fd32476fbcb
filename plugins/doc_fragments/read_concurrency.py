# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # The concurrent, rate-limited reads of the modules that read many resources of a domain at once
    # (customerprofiles_domain_config and its _info; customerprofiles_profiles documents its own, which
    # also limit its writes).
    DOCUMENTATION = r"""
options:
  max_concurrency:
    description:
      - How many reads run at the same time, in threads of the module process. At least 1. (Writes go one at a time.)
    type: int
    default: 10
  rate_limit:
    description:
      - At most this many reads per second, in all threads together (a client-side token bucket that holds one
        second's worth and starts full). Greater than 0.
    type: float
    default: 95.0
"""

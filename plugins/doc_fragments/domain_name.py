# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # The domain a resource belongs to, for every module whose resource lives in one domain
    # (customerprofiles_domain, customerprofiles_domain_info and customerprofiles_object_type_info
    # document their own, which differs).
    DOCUMENTATION = r"""
options:
  domain_name:
    description:
      - The name of the domain (1 to 64 letters, digits, underscores or hyphens).
    type: str
    required: true
"""

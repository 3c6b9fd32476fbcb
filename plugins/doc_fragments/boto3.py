# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # The Python requirements of this collection's modules, as requirements.txt states them
    # (amazon.aws.boto3 states amazon.aws's own, older, floor). A test keeps the two in step.
    DOCUMENTATION = r"""
options: {}
requirements:
  - python >= 3.9
  - boto3 >= 1.42.0
  - botocore >= 1.41.6
notes:
  - An option that the installed botocore cannot send (its service model lacks the member) fails before any
    API call, naming the option and the botocore release that first has it.
"""

#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: customerprofiles_domain_config
version_added: 0.3.0
short_description: Plan and apply the whole configuration of a Customer Profiles domain in one task
description:
  - Applies one document, O(config), to an Amazon Connect Customer Profiles domain (the domain's settings and
    every resource of every kind it lists, see O(config)). M(awscx.customerprofiles.customerprofiles_domain_config_info) exports an existing domain (one made in
    the Amazon Connect console, say) as exactly this document.
  - Each item of the document is handled by the same code as its own module, so it means exactly what that
    module means with the same options (an option left out leaves that setting as it is; a block given is the
    complete block), with the same messages and the same calls.
  - A kind left out of O(config) is left alone. A kind given lists the resources to create or update; those it
    does not list are kept, unless the kind is in O(purge).
  - Every item is checked before the first call (its options, the rules of the service model, each module's own
    checks), and every error is reported at once, each with its path as written
    (C(config.object_types[2].fields.OrderId.content_type)), never with a value.
  - Then every resource is read, concurrently (at most O(max_concurrency) at a time, under O(rate_limit)); one
    Get call per resource listed (its module's own read; for example an object type's delete also reads what
    names it), one List call per kind in O(purge), and GetDomain. A resource whose create needs another one that
    the same document lists (an event trigger its object type, a segment definition the calculated attributes it
    names) does not read it.
  - The plan of every resource is made before the first write; a reason that any of them cannot be applied
    fails the task with nothing changed.
  - Writes go one resource at a time, in dependency order, the domain first, then the kinds in the order
    O(config) lists them (an event trigger names an object type and a segment definition; a segment definition
    names calculated attributes and other segments; a segment subscription names a segment definition and
    publishes to the stream for segments; a recommender filter names a recommender schema; an
    integration names object types and event triggers; a domain object type needs the domain's data store).
    Deletes (O(purge)) go last, in reverse order.
  - A write that fails stops the writes after it (they may depend on it). The task fails with
    RV(changes) (what was made), RV(failed_change) and RV(not_made), and C(changed=true) if anything was written; a
    rerun converges, making only what is left.
  - A second run with the same document makes no write call. In check mode no write call is made and
    RV(changes) and RV(summary) are what would be done. With C(--diff), each resource that changes has its own
    before and after.
  - "IAM actions used: those of the modules whose kinds the document lists (see each module), plus
    C(profile:GetDomain) and the List action of each kind in O(purge)."
author:
  - awscx.customerprofiles contributors (@awscx)
options:
  config:
    description:
      - The document. Every key is optional; a key left out leaves that kind alone.
      - C(domain), a dict of the options of M(awscx.customerprofiles.customerprofiles_domain) (without
        C(domain_name), C(state) and C(force)). Required when the domain does not exist yet (with
        C(default_expiration_days)). Left out, the domain must exist and its settings are left as they are.
      - "The kinds, in dependency order, each a list of dicts with the options of its module (without
        C(domain_name), C(state) and C(recreate)):"
      - C(object_types), M(awscx.customerprofiles.customerprofiles_object_type);
      - C(domain_object_types), M(awscx.customerprofiles.customerprofiles_domain_object_type);
      - C(calculated_attributes), M(awscx.customerprofiles.customerprofiles_calculated_attribute);
      - C(segment_definitions), M(awscx.customerprofiles.customerprofiles_segment_definition);
      - C(segment_streams), M(awscx.customerprofiles.customerprofiles_segment_stream), a list of at most one item
        (a domain has one stream for segments; more fails before any call). The item has no name option (the
        domain names the stream, and RV(changes) names it by the domain) and does not take C(domain_name);
      - C(segment_subscriptions), M(awscx.customerprofiles.customerprofiles_segment_subscription) (identified by
        C(segment_definition_name)); a new subscription needs its segment and the stream for segments, which it
        does not read when the same document lists them;
      - C(recommender_schemas), M(awscx.customerprofiles.customerprofiles_recommender_schema);
      - C(recommender_filters), M(awscx.customerprofiles.customerprofiles_recommender_filter);
      - C(recommenders), M(awscx.customerprofiles.customerprofiles_recommender) (its C(status) is applied as its
        module applies it, StartRecommender or StopRecommender, and its C(wait) and C(wait_timeout) hold for it);
      - C(intent_definitions), M(awscx.customerprofiles.customerprofiles_intent_definition) (identified by
        C(intent_domain)); written before the event triggers, whose C(intent_filter_definition) needs the intent
        types they enable;
      - C(event_triggers), M(awscx.customerprofiles.customerprofiles_event_trigger);
      - C(integrations), M(awscx.customerprofiles.customerprofiles_integration);
      - C(event_streams), M(awscx.customerprofiles.customerprofiles_event_stream).
      - An item is identified by its name option (C(object_type_name), ...; C(uri) for an integration); a name
        listed twice fails.
    type: dict
    required: true
  purge:
    description:
      - The kinds (keys of O(config)) whose resources that O(config) does not list are deleted. Never the
        default. A kind named here must be in O(config) (V([]) there deletes every resource of the kind).
      - Check mode and C(--diff) list every delete.
      - Purging an object type deletes every profile object of that type. The service counts profile objects per
        domain, not per type, so while the domain holds any profile object, purging an object type fails unless
        O(force=true).
      - What the single modules say of a delete holds here too; for example a calculated attribute that a
        segment definition names is deleted all the same, with a warning.
    type: list
    elements: str
    choices:
      - object_types
      - domain_object_types
      - calculated_attributes
      - segment_definitions
      - segment_streams
      - segment_subscriptions
      - recommender_schemas
      - recommender_filters
      - recommenders
      - intent_definitions
      - event_triggers
      - integrations
      - event_streams
    default: []
  recreate:
    description:
      - As in the single modules, for every item whose kind takes it (calculated attributes, segment definitions,
        event streams, segment streams, recommenders); a difference in a member that the service cannot update deletes the resource and creates
        it again. Without it, such a difference fails naming the option, and nothing is changed.
    type: bool
    default: false
  force:
    description:
      - Purge object types while the domain holds profile objects (see O(purge)).
    type: bool
    default: false
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - awscx.customerprofiles.boto3
  - awscx.customerprofiles.domain_name
  - awscx.customerprofiles.read_concurrency
notes:
  - Each item takes its module's C(tags) and C(purge_tags) (default true, as there).
  - The document of M(awscx.customerprofiles.customerprofiles_domain_config_info) given back as O(config) is a
    no-op.
seealso:
  - module: awscx.customerprofiles.customerprofiles_domain_config_info
"""

EXAMPLES = r"""
- name: The domain, its object types and what is computed from them, as one document
  awscx.customerprofiles.customerprofiles_domain_config:
    domain_name: retail-customers
    config:
      domain:
        default_expiration_days: 365
        tags:
          Team: crm
      object_types:
        - object_type_name: Return
          description: Returns from the web shop
          fields:
            ReturnId: {source: _source.ReturnId, content_type: STRING}
            AccountNumber: {source: _source.AccountNumber, target: _profile.AccountNumber, content_type: STRING}
          keys:
            ReturnId: [{standard_identifiers: [UNIQUE], field_names: [ReturnId]}]
            _account: [{standard_identifiers: [PROFILE], field_names: [AccountNumber]}]
      calculated_attributes:
        - calculated_attribute_name: return_count
          display_name: Returns
          attribute_details:
            attributes: [{name: Return.ReturnId}]
            expression: "{Return.ReturnId}"
          statistic: COUNT
  register: applied

- name: Show what a change would do, and remove the event triggers the document does not list
  awscx.customerprofiles.customerprofiles_domain_config:
    domain_name: retail-customers
    config: "{{ lookup('ansible.builtin.file', 'retail-customers.yml') | from_yaml }}"
    purge: [event_triggers]
  check_mode: true
  diff: true
  register: plan

- name: Fail when the plan deletes anything
  ansible.builtin.assert:
    that: plan.summary.delete == 0
"""

RETURN = r"""
changes:
  description:
    - One entry per resource of the document and per resource that O(purge) deletes, in the order the writes
      go (the domain, then the kinds in dependency order, each in the order of the document; then the deletes,
      which are made in reverse dependency order). When a write fails, only the changes made before it.
  returned: always
  type: list
  elements: dict
  contains:
    kind:
      description: The key of O(config) the resource is listed under (V(domain) for the domain).
      type: str
      sample: object_types
    name:
      description: The resource's name (an integration's C(uri); the domain's name for the domain).
      type: str
      sample: Order
    action:
      description: V(create), V(update), V(replace) (deleted and created again, O(recreate)), V(delete) or V(none).
      type: str
      sample: create
summary:
  description: How many resources each action concerns.
  returned: success
  type: dict
  contains:
    create:
      description: Resources created.
      type: int
    update:
      description: Resources updated in place (tags included).
      type: int
    replace:
      description: Resources deleted and created again.
      type: int
    delete:
      description: Resources deleted (O(purge)).
      type: int
    none:
      description: Resources left as they are.
      type: int
  sample: {"create": 2, "update": 1, "replace": 0, "delete": 0, "none": 37}
domain:
  description:
    - The domain after the run, as M(awscx.customerprofiles.customerprofiles_domain) returns it
      (RV(awscx.customerprofiles.customerprofiles_domain#module:domain)),
      in check mode as it would be.
  returned: when O(config) has C(domain)
  type: dict
  sample: {"domain_name": "retail-customers", "default_expiration_days": 365, "tags": {"Team": "crm"}}
failed_change:
  description: The change whose write failed (V(kind), V(name), V(action)).
  returned: when a write fails
  type: dict
  sample: {"kind": "event_triggers", "name": "big-spender", "action": "create"}
not_made:
  description: The changes not made because a write before them failed, in the order they would have been made.
  returned: when a write fails
  type: list
  elements: dict
  sample: [{"kind": "integrations", "name": "arn:aws:connect:us-east-1:123456789012:instance/1", "action": "update"}]
"""

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import run
from ansible_collections.awscx.customerprofiles.plugins.module_utils.domain_config import DomainConfigResource


def main():
    run(DomainConfigResource)


if __name__ == "__main__":
    main()

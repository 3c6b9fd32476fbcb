# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Intent definitions (PutIntentDefinition, botocore 1.44.18), for customerprofiles_intent_definition and _info.

An intent definition says which Predictive Intent types a domain computes, one definition per intent domain
(``intent_domain``; the model's IntentDomain enum, today only ``DEFAULT``). PutIntentDefinition creates or replaces
the whole definition: an update sends ``intents`` (the current list when the option is left out). Tags are taken
only by a create: the service refuses them on a put that updates (its reference), so an existing definition's tags
change through TagResource/UntagResource. GetIntentDefinition returns neither the ARN nor the tags: the ARN is built
from the caller's account (``domains/<domain>/intents/<intent domain>``, the path of the operations) and the tags are
read with ListTagsForResource. No list operation exists: every intent definition of a domain is one
GetIntentDefinition per intent domain of the model.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import differing_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import replaced_members
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.compare import strip_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import get_or_none
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import list_all
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import DomainChild
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.domain_child import child_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Call
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import Plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import dict_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import list_option
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.driver import named_lister
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import has_operation
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import service_model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import TAG_OPTIONS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import read_tags
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import resource_arn
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.tags import tag_plan
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import describe
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import from_api
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import names_from_spec
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import option_members

# One entry of ``intents`` (the model's IntentConfig, a union: exactly one member), each member's config holding
# ``enabled``. tests/unit/plugins/modules/test_customerprofiles_intent_definition.py checks it against the model.
INTENT_CONFIG_OPTIONS = dict(
    (option, dict_option(dict(enabled=dict(type="bool", required=True))))
    for option in (
        "price_sensitivity_config",
        "web_session_summary_config",
        "upgrade_upsell_propensity_config",
        "last_search_intent_config",
    )
)

INTENT_DEFINITION_ARGUMENT_SPEC = child_spec("intent_domain", intents=list_option(INTENT_CONFIG_OPTIONS), **TAG_OPTIONS)

NAMES = names_from_spec(INTENT_DEFINITION_ARGUMENT_SPEC)
MEMBERS = option_members("intents")
# Members of an answer that are not part of the definition sent back.
READ_ONLY = ("DomainName", "IntentDomain", "IntentDefinitionArn", "CreatedAt", "LastUpdatedAt", "Tags")
ARN_KIND = "intents"


# ---------------------------------------------------------------- reads


def get_intent_definition(client, domain_name, intent_domain):
    """GetIntentDefinition's answer (without the ARN and the tags), or None when it (or the domain) does not exist."""
    return get_or_none(
        client.get_intent_definition, "get intent definition", DomainName=domain_name, IntentDomain=intent_domain
    )


def intent_domains(client, domain_name):  # pylint: disable=unused-argument
    """Every intent domain of the installed model as a list item (no call: the service has no list operation); none
    with a botocore older than the intent definitions (the export of a domain then has none)."""
    if not has_operation("GetIntentDefinition"):
        return []
    return [{"IntentDomain": name} for name in service_model().shape_for("IntentDomain").enum]


def list_intent_types(client):
    """Every ListIntentTypes item (the intent types, grouped by intent domain), all pages."""
    return list_all(client.list_intent_types, "list intent types")


def with_arn_and_tags(client, found, arn):
    """A GetIntentDefinition answer with its ARN (``arn``) and its tags (ListTagsForResource); None stays None."""
    if found is None:
        return None
    found.setdefault("IntentDefinitionArn", arn)
    found["Tags"] = read_tags(client, arn)
    return found


def enabled_intent_types(definition):
    """The intent types (``PRICE_SENSITIVITY``, ...) that a GetIntentDefinition answer enables."""
    return set(
        re.sub(r"(?<!^)(?=[A-Z])", "_", member[: -len("Config")]).upper()
        for config in (definition or {}).get("Intents") or []
        for member, value in config.items()
        if (value or {}).get("Enabled")
    )


def describe_intent_definition(api, domain_name=None):
    """An intent definition as the modules return it ({} when absent)."""
    return describe(api, NAMES, **({"DomainName": domain_name} if domain_name else {}))


def intents_errors(intents):
    """What the model cannot say of ``intents``: each intent type at most once, at least one enabled."""
    errors = []
    given = [dict((key, value) for key, value in (entry or {}).items() if value is not None) for entry in intents or []]
    types = [name for entry in given for name in entry]
    repeated = sorted(set(name for name in types if types.count(name) > 1))
    if repeated:
        errors.append(
            "intents: each intent type may appear at most once ({0} more than once)".format(", ".join(repeated))
        )
    if given and not any(config.get("enabled") for entry in given for config in entry.values()):
        errors.append("intents: at least one intent type must be enabled")
    return errors


class IntentDefinitionResource(DomainChild):
    """PutIntentDefinition creates and updates (the whole definition, tags only on create); its answer is the
    definition. The tags come from ListTagsForResource and change through TagResource/UntagResource."""

    argument_spec = INTENT_DEFINITION_ARGUMENT_SPEC
    result_key = "intent_definition"
    kind = "intent definition"
    name_option = "intent_domain"
    name_member = "IntentDomain"
    arn_kind = ARN_KIND
    create_operation = "PutIntentDefinition"
    members = MEMBERS
    required_to_create = MEMBERS
    read_only = READ_ONLY
    create_method = "put_intent_definition"
    delete_method = "delete_intent_definition"
    answered_by = ("put_intent_definition",)
    reads_one = staticmethod(get_intent_definition)

    def extra_checks(self):
        return intents_errors(self.params.get("intents"))

    def get(self):
        """The definition with its ARN and tags (GetIntentDefinition, then ListTagsForResource), or None."""
        found = super(IntentDefinitionResource, self).get()
        return with_arn_and_tags(self.client, found, self.arn()) if found is not None else None

    def read(self):
        return self.get()

    def plan_update(self, found):
        """One PutIntentDefinition with the whole definition (no tags) when ``intents`` differs; tags through
        TagResource/UntagResource."""
        resource = found.resource
        desired = self.desired()
        changed = differing_members(resource, desired)
        calls = []
        if changed:
            definition = dict((member, copy.deepcopy(resource[member])) for _option, member in self.members)
            definition.update(desired)
            calls.append(Call(self.create_method, dict(definition, **self.identity()), "update " + self.kind))
        after = replaced_members(resource, desired, changed)
        after["Tags"] = tag_plan(calls, self.arn_path(), resource.get("Tags") or {}, self.params)
        return Plan(calls, after=after)

    def describe(self, result):
        return describe_intent_definition(result, self.params["domain_name"])


class IntentDefinitionLister(
    named_lister(
        IntentDefinitionResource,
        "GetIntentDefinition",
        "intent_definitions",
        intent_domains,
        list_intent_types=dict(type="bool", default=False),
    )
):
    """One intent definition by its intent domain, or one GetIntentDefinition per intent domain of the model; each
    with its tags (ListTagsForResource). ``list_intent_types`` adds the intent types (ListIntentTypes)."""

    _prefix = None

    def model_inputs(self):
        inputs = super(IntentDefinitionLister, self).model_inputs()
        if self.params.get("list_intent_types"):
            inputs.append(("ListIntentTypes", {}, "list_intent_types"))
        return inputs

    def get(self, name):
        found = super(IntentDefinitionLister, self).get(name)
        if found is None:
            return None
        if self._prefix is None:  # the caller's account, read once
            self._prefix = resource_arn(self.module, "domains/{0}/{1}/".format(self.params["domain_name"], ARN_KIND))
        return with_arn_and_tags(self.client, found, self._prefix + name)

    def result(self, items):
        result = super(IntentDefinitionLister, self).result(items)
        if self.params.get("list_intent_types"):
            result["intent_types"] = from_api(strip_none(list_intent_types(self.client)))
        return result

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The operations on a domain's intent definitions (PutIntentDefinition, GetIntentDefinition, DeleteIntentDefinition,
ListIntentTypes): IntentsBackendMixin, a base class of
models.CustomerProfilesBackend. The resource is in models_intents.py. Choices where AWS's documentation is silent are
listed in README.md, "Intent definitions"."""

import copy

from .common import paginated
from .config import _only
from .config import collection
from .errors import BadRequestException
from .errors import ResourceNotFoundException
from .models_intents import CONFIG_TYPES
from .models_intents import INTENT_DEFINITIONS
from .models_intents import INTENT_TYPES
from .models_intents import IntentDefinition


def _check_intents(intents):
    """PutIntentDefinition's documentation: each entry configures one intent type (a union: exactly one member),
    each intent type appears at most once, at least one is enabled."""
    seen = []
    for index, config in enumerate(intents):
        members = [member for member, value in config.items() if value is not None]
        if len(members) != 1:
            raise BadRequestException("Intents[%d]: an intent configuration sets exactly one intent type" % index)
        intent_type = CONFIG_TYPES[members[0]]
        if intent_type in seen:
            raise BadRequestException("Intents: intent type %s appears more than once" % intent_type)
        seen.append(intent_type)
    if not any(value.get("Enabled") for config in intents for value in config.values() if value):
        raise BadRequestException("Intents: at least one intent type must be enabled")


def _get(domain, intent_domain):
    found = collection(domain, INTENT_DEFINITIONS).get(intent_domain)
    if found is None:
        raise ResourceNotFoundException("Intent definition %s not found in domain %s" % (intent_domain, domain.name))
    return found


class IntentsBackendMixin:
    """The intent definitions of a backend's domains. Mixed into CustomerProfilesBackend (domains,
    get_domain_object)."""

    def put_intent_definition(self, DomainName, IntentDomain, Intents, Tags=None):
        domain = self.get_domain_object(DomainName)
        _check_intents(Intents)
        definitions = collection(domain, INTENT_DEFINITIONS)
        definition = definitions.get(IntentDomain)
        if definition is None:
            definition = definitions[IntentDomain] = IntentDefinition(domain, IntentDomain, Intents, Tags)
        elif Tags is not None:
            # the reference: tags only when the definition is created; on an update, a BadRequestException
            raise BadRequestException(
                "Tags can be specified only when the intent definition is created; use TagResource and UntagResource"
            )
        else:
            definition.intents = copy.deepcopy(Intents)
            definition.touch()
        return _only("PutIntentDefinition", definition.describe())

    def get_intent_definition(self, DomainName, IntentDomain):
        domain = self.get_domain_object(DomainName)
        return _only("GetIntentDefinition", _get(domain, IntentDomain).describe())

    def delete_intent_definition(self, DomainName, IntentDomain):
        domain = self.get_domain_object(DomainName)
        _get(domain, IntentDomain)
        collection(domain, INTENT_DEFINITIONS).pop(IntentDomain).drop_tags()
        return {}

    @paginated()
    def list_intent_types(self, IntentDomain=None):
        """The intent types grouped by intent domain: every intent domain's, or those of IntentDomain."""
        return [
            {"IntentDomain": name, "Types": [{"IntentType": kind, "Description": text} for kind, text in types]}
            for name, types in INTENT_TYPES.items()
            if IntentDomain in (None, name)
        ]

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The intent definitions of a domain (Predictive Intent, botocore 1.44.18): IntentDefinition, one per intent domain,
in the Domain's dict named INTENT_COLLECTIONS; the operations on them are in intents.py."""

import copy

from moto.core.utils import unix_time

from .errors import BadRequestException
from .models_config import _Child

INTENT_DEFINITIONS = "intent_definitions"
# Domain attributes (dicts keyed by the intent domain) that hold this module's resources.
INTENT_COLLECTIONS = (INTENT_DEFINITIONS,)

# The intent types ListIntentTypes offers, per intent domain, with their descriptions (the emulator's own words:
# the model gives the types, IntentType's enum, and one line per configuration member).
INTENT_TYPES = {
    "DEFAULT": (
        ("PRICE_SENSITIVITY", "How sensitive the profile is to price (HIGH or LOW)."),
        ("WEB_SESSION_SUMMARY", "A summary of the profile's recent web sessions."),
        ("UPGRADE_UPSELL_PROPENSITY", "How likely the profile is to buy an upgrade or an upsell (HIGH or LOW)."),
        ("LAST_SEARCH_INTENT", "What the profile searched for last."),
    )
}
# Each member of IntentConfig configures one intent type.
CONFIG_TYPES = {
    "PriceSensitivityConfig": "PRICE_SENSITIVITY",
    "WebSessionSummaryConfig": "WEB_SESSION_SUMMARY",
    "UpgradeUpsellPropensityConfig": "UPGRADE_UPSELL_PROPENSITY",
    "LastSearchIntentConfig": "LAST_SEARCH_INTENT",
}


class IntentDefinition(_Child):
    """The definition of one intent domain: its Intents (the list of IntentConfig as put), times and tags. ARN:
    ``<domain ARN>/intents/<intent domain>`` (choice: the path of the operations; no read returns it but the put)."""

    def __init__(self, domain, intent_domain, intents, tags):
        super().__init__(domain, "intents/" + intent_domain, tags)
        self.name = intent_domain
        self.intents = copy.deepcopy(intents)

    def enabled_types(self):
        """The intent types the definition enables."""
        return set(
            CONFIG_TYPES[member]
            for config in self.intents
            for member, value in config.items()
            if member in CONFIG_TYPES and value.get("Enabled")
        )

    def describe(self):
        return {
            "DomainName": self.domain_name,
            "IntentDomain": self.name,
            "IntentDefinitionArn": self.arn,
            "Intents": copy.deepcopy(self.intents),
            "CreatedAt": unix_time(self.created_at),
            "LastUpdatedAt": unix_time(self.last_updated_at),
            "Tags": self.tags,
        }


# IntentFilterCondition's documentation: the comparison operators and values each intent type takes in a filter.
LEVEL_OPERATORS = (
    "INCLUSIVE",
    "EXCLUSIVE",
    "EQUAL",
    "GREATER_THAN",
    "GREATER_THAN_OR_EQUAL",
    "LESS_THAN",
    "LESS_THAN_OR_EQUAL",
)
LEVELS = ("HIGH", "LOW")
FILTER_RULES = {
    "PRICE_SENSITIVITY": (LEVEL_OPERATORS, "exactly one value, HIGH or LOW"),
    "UPGRADE_UPSELL_PROPENSITY": (LEVEL_OPERATORS, "exactly one value, HIGH or LOW"),
    "LAST_SEARCH_INTENT": (("CONTAINS",), "up to 10 search phrases"),
}


def check_intent_filter(domain, definition):
    """An event trigger's IntentFilterDefinition as its documentation describes it: WEB_SESSION_SUMMARY cannot be
    used, each intent type at most once in a group, the operators and values of each type, and the intent types
    must be enabled in the intent definition of the domain (400 otherwise)."""
    for group_index, group in enumerate(definition["Groups"]):
        seen = []
        for index, condition in enumerate(group["Conditions"]):
            where = "IntentFilterDefinition.Groups[%d].Conditions[%d]" % (group_index, index)
            intent = condition["Intent"]
            intent_type = intent["Type"]
            if intent_type not in FILTER_RULES:
                raise BadRequestException(
                    "%s: intent type %s cannot be used in an intent filter" % (where, intent_type)
                )
            if intent_type in seen:
                raise BadRequestException("%s: intent type %s appears more than once in a group" % (where, intent_type))
            seen.append(intent_type)
            operators, values_rule = FILTER_RULES[intent_type]
            values = condition["Values"]
            if condition["ComparisonOperator"] not in operators:
                raise BadRequestException(
                    "%s: intent type %s takes the comparison operators %s" % (where, intent_type, ", ".join(operators))
                )
            if operators is LEVEL_OPERATORS and (len(values) != 1 or values[0] not in LEVELS):
                raise BadRequestException("%s: intent type %s takes %s" % (where, intent_type, values_rule))
            stored = getattr(domain, INTENT_DEFINITIONS).get(intent["IntentDomain"])
            if stored is None or intent_type not in stored.enabled_types():
                raise BadRequestException(
                    "%s: intent type %s is not enabled in the intent definition %s of domain %s"
                    % (where, intent_type, intent["IntentDomain"], domain.name)
                )

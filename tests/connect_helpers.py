# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Shared by the tests of customerprofiles_integration, _event_stream and _event_trigger.

- ``make_object_type``: an object type in the emulator. Through PutProfileObjectType when the emulator serves
  object types (tests/emulator/objects.py); until then stored on the backend's Domain directly (what the
  emulator's PutIntegration/CreateEventTrigger look up), so that integrations can be tested now. ``fields``
  adds fields of those names (CreateCalculatedAttributeDefinition needs the fields its expression names).
- ``make_order_type``: the object type ``Order`` with the fields the calculated attribute tests name
  (``{Order.Total}``, ``{Order.OrderId}``, ``{Order.Id}``).
- ``serves_object_types``: whether GetProfileObjectType is emulated (the event trigger module reads it).
- ``record_requests``: the requests the modules' boto3 clients send, as (operation, params), for tests that assert what a
  request carries (the emulator's call log holds operation names only).
- ``PRICE_FILTER``: an event trigger's ``intent_filter_definition`` (options form): price sensitivity HIGH.
"""

import types

import botocore.client
from botocore.exceptions import ClientError

NOT_SERVED = ("404", "NotImplemented")


ORDER_FIELDS = ("Id", "OrderId", "Total")
PRICE_FILTER = dict(
    logical_operator="ALL",
    groups=[
        dict(
            logical_operator="ALL",
            conditions=[
                dict(
                    intent=dict(intent_domain="DEFAULT", type="PRICE_SENSITIVITY"),
                    comparison_operator="EQUAL",
                    values=["HIGH"],
                )
            ],
        )
    ],
)


def make_object_type(cp_mock, cp_client, domain, name, fields=()):
    definition = {"id": {"Source": "_source.id", "Target": "_profile.AccountNumber", "ContentType": "STRING"}}
    definition.update((field, {"Source": "_source." + field}) for field in fields)
    try:
        cp_client.put_profile_object_type(
            DomainName=domain,
            ObjectTypeName=name,
            Description="test type",
            AllowProfileCreation=True,
            Fields=definition,
            Keys={"_account": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]},
        )
        return
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") not in NOT_SERVED:
            raise
    stored = cp_mock.backend().domains[domain]
    object_types = getattr(stored, "object_types", None)
    if object_types is None:
        object_types = {}
        stored.object_types = object_types
    object_types[name] = types.SimpleNamespace(name=name)


def make_order_type(cp_mock, cp_client, domain):
    make_object_type(cp_mock, cp_client, domain, "Order", fields=ORDER_FIELDS)


def serves_object_types(cp_client, domain):
    try:
        cp_client.get_profile_object_type(DomainName=domain, ObjectTypeName="probe")
    except ClientError as error:
        return error.response.get("Error", {}).get("Code") not in NOT_SERVED
    return True


def record_requests(monkeypatch):
    """Every API request made while the test runs, as (operation name, params): a list that grows as calls are made."""
    requests = []
    original = botocore.client.BaseClient._make_api_call

    def recording(self, operation_name, api_params):
        requests.append((operation_name, dict(api_params)))
        return original(self, operation_name, api_params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", recording)
    return requests


def requests_of(sent_requests, operation):
    return [params for name, params in sent_requests if name == operation]


def without_operations(*fragments):
    """An ``older_model`` edit (tests/conftest.py): the model without the operations whose names hold one of
    ``fragments`` (``"SegmentSubscription"``: Put, Get, Delete and ListSegmentSubscriptionEvents), as a botocore
    older than them has it."""

    def edit(data):
        for name in [name for name in data["operations"] if any(part in name for part in fragments)]:
            data["operations"].pop(name)
        return data

    return edit

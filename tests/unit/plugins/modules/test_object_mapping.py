# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A realistic mapping through the modules: orders keyed by order id (UNIQUE), tied to profiles by account
number (PROFILE). 25 orders of 10 customers build 10 profiles with the mapped fields; the custom keys are
search keys; a rerun makes no write."""

import pytest

from call_log import writes

DOMAIN = "mapping-shop"
TYPE = "WebOrder"
CUSTOMERS = 10
ORDERS = 25

FIELDS = {
    "OrderId": {"source": "_source.order.id", "content_type": "STRING"},
    "AccountNumber": {
        "source": "_source.customer.account",
        "target": "_profile.AccountNumber",
        "content_type": "STRING",
    },
    "FirstName": {"source": "_source.customer.first_name", "target": "_profile.FirstName", "content_type": "NAME"},
    "LastName": {"source": "_source.customer.last_name", "target": "_profile.LastName", "content_type": "NAME"},
    "Email": {"source": "_source.customer.email", "target": "_profile.EmailAddress", "content_type": "EMAIL_ADDRESS"},
    "ShipCity": {
        "source": "_source.shipping.city",
        "target": "_profile.ShippingAddress.City",
        "content_type": "STRING",
    },
    "ShipPostalCode": {
        "source": "_source.shipping.postal_code",
        "target": "_profile.ShippingAddress.PostalCode",
        "content_type": "STRING",
    },
    "Tier": {"source": "_source.customer.tier", "target": "_profile.Attributes.loyalty_tier", "content_type": "STRING"},
    "Total": {"source": "_source.order.total", "content_type": "NUMBER"},
}
KEYS = {
    "OrderId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["OrderId"]}],
    "AccountNumber": [{"standard_identifiers": ["PROFILE"], "field_names": ["AccountNumber"]}],
}


def customer(number):
    return {
        "account": "ACC-{0:03d}".format(number),
        "first_name": "First{0}".format(number),
        "last_name": "Last{0}".format(number),
        "email": "customer{0}@example.com".format(number),
        "tier": "gold" if number % 2 else "silver",
    }


def orders():
    """25 orders: customer i % 10 places order i; each order ships to the customer's city of that time."""
    result = []
    for number in range(ORDERS):
        who = number % CUSTOMERS
        result.append(
            {
                "order": {"id": "ORD-{0:04d}".format(number), "total": 10 + number},
                "customer": customer(who),
                "shipping": {
                    "city": "City{0}-{1}".format(who, number // CUSTOMERS),
                    "postal_code": "9{0:04d}".format(who),
                },
            }
        )
    return result


def search(run_module, key, values):
    result = run_module(
        "customerprofiles_profile_info", {"domain_name": DOMAIN, "search": [{"key_name": key, "values": values}]}
    )
    assert not result.failed, result
    return result["profiles"]


@pytest.fixture
def ingested(run_module, cp_mock, cp_client):
    cp_client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    created = run_module(
        "customerprofiles_object_type",
        {
            "domain_name": DOMAIN,
            "object_type_name": TYPE,
            "description": "Orders of the web shop",
            "allow_profile_creation": True,
            "fields": FIELDS,
            "keys": KEYS,
        },
    )
    assert not created.failed, created
    result = run_module(
        "customerprofiles_profile_objects", {"domain_name": DOMAIN, "object_type_name": TYPE, "objects": orders()}
    )
    assert not result.failed, result
    return result


def test_the_orders_build_one_profile_per_customer(run_module, cp_mock, cp_client, ingested):
    assert ingested["summary"]["created"] == ORDERS
    assert cp_client.get_domain(DomainName=DOMAIN)["Stats"]["ProfileCount"] == CUSTOMERS
    assert cp_client.get_domain(DomainName=DOMAIN)["Stats"]["ObjectCount"] == ORDERS
    for who in range(CUSTOMERS):
        [profile] = search(run_module, "AccountNumber", [customer(who)["account"]])
        assert profile["account_number"] == customer(who)["account"]
        assert profile["first_name"] == "First{0}".format(who)
        assert profile["last_name"] == "Last{0}".format(who)
        assert profile["email_address"] == customer(who)["email"]
        assert profile["attributes"] == {"loyalty_tier": customer(who)["tier"]}
        # the latest order of the customer set the shipping city
        latest = max(number for number in range(ORDERS) if number % CUSTOMERS == who) // CUSTOMERS
        assert profile["shipping_address"] == {
            "city": "City{0}-{1}".format(who, latest),
            "postal_code": "9{0:04d}".format(who),
        }
        objects = run_module(
            "customerprofiles_profile_objects_info",
            {"domain_name": DOMAIN, "object_type_name": TYPE, "profile_id": profile["profile_id"]},
        )["profile_objects"]
        expected = sorted("ORD-{0:04d}".format(n) for n in range(ORDERS) if n % CUSTOMERS == who)
        assert sorted(item["object"]["order"]["id"] for item in objects) == expected


def test_the_custom_keys_are_search_keys(run_module, cp_mock, ingested):
    [by_order] = search(run_module, "OrderId", ["ORD-0013"])
    assert by_order["account_number"] == customer(3)["account"]
    several = search(run_module, "AccountNumber", [customer(1)["account"], customer(2)["account"]])
    assert sorted(p["account_number"] for p in several) == [customer(1)["account"], customer(2)["account"]]
    # a profile attribute is not a search key, and neither is a field that no key names
    assert search(run_module, "loyalty_tier", ["gold"]) == []
    assert search(run_module, "Tier", ["gold"]) == []


def test_a_rerun_makes_no_write(run_module, cp_mock, ingested):
    cp_mock.reset_calls()
    again = run_module(
        "customerprofiles_profile_objects", {"domain_name": DOMAIN, "object_type_name": TYPE, "objects": orders()}
    )
    assert again["changed"] is False
    assert again["summary"]["unchanged"] == ORDERS
    assert writes(cp_mock) == []
    assert [r["unique_key"] for r in again["objects"]] == [r["unique_key"] for r in ingested["objects"]]

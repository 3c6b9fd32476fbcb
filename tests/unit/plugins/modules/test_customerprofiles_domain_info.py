# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""customerprofiles_domain_info against the in-process emulator."""

MODULE = "customerprofiles_domain_info"


def ops(emulator):
    return [c["operation"] for c in emulator.calls()]


def test_one_domain_fully_described(run_module, cp_mock, cp_client):
    cp_client.create_domain(
        DomainName="one", DefaultExpirationDays=10, Tags={"CostCenter": "x"}, Matching={"Enabled": True}
    )
    cp_client.create_domain(DomainName="two", DefaultExpirationDays=20)
    cp_client.create_profile(DomainName="one", FirstName="Ada")
    cp_mock.reset_calls()
    result = run_module(MODULE, {"domain_name": "one"})
    assert result["changed"] is False
    assert ops(cp_mock) == ["GetDomain"]
    assert len(result["domains"]) == 1
    domain = result["domains"][0]
    assert domain["domain_name"] == "one"
    assert domain["default_expiration_days"] == 10
    assert domain["tags"] == {"CostCenter": "x"}
    assert domain["matching"] == {"enabled": True}
    assert domain["stats"]["profile_count"] == 1
    assert domain["created_at"]


def test_same_description_as_the_domain_module(run_module, cp_mock):
    created = run_module(
        "customerprofiles_domain", {"domain_name": "same", "default_expiration_days": 3, "tags": {"A": "b"}}
    )
    result = run_module(MODULE, {"name": "same"})
    assert result["domains"] == [created["domain"]]


def test_missing_domain_gives_empty_list(run_module, cp_mock):
    result = run_module(MODULE, {"domain_name": "nope"})
    assert not result.failed
    assert result["domains"] == []


def test_every_domain_without_name(run_module, cp_mock, cp_client):
    for name in ("a1", "b2", "c3"):
        cp_client.create_domain(DomainName=name, DefaultExpirationDays=5)
    cp_mock.reset_calls()
    result = run_module(MODULE, {})
    assert sorted(d["domain_name"] for d in result["domains"]) == ["a1", "b2", "c3"]
    assert all("stats" in d for d in result["domains"])
    assert ops(cp_mock) == ["ListDomains", "GetDomain", "GetDomain", "GetDomain"]


def test_no_domain_at_all(run_module, cp_mock):
    assert run_module(MODULE, {})["domains"] == []


def test_every_page_is_followed(run_module, cp_mock, cp_client):
    names = ["d%03d" % i for i in range(105)]
    for name in names:
        cp_client.create_domain(DomainName=name, DefaultExpirationDays=1)
    cp_mock.reset_calls()
    result = run_module(MODULE, {})
    assert sorted(d["domain_name"] for d in result["domains"]) == names
    calls = ops(cp_mock)
    assert calls.count("ListDomains") == 2
    assert calls.count("GetDomain") == 105


def test_check_mode_is_supported(run_module, cp_mock, cp_client):
    cp_client.create_domain(DomainName="cm", DefaultExpirationDays=5)
    result = run_module(MODULE, {"domain_name": "cm"}, check_mode=True)
    assert not result.failed
    assert result["domains"][0]["domain_name"] == "cm"


def test_invalid_name_fails_before_any_call(run_module, cp_mock):
    result = run_module(MODULE, {"domain_name": "bad name"})
    assert result.failed
    assert "domain_name" in result["msg"]
    assert cp_mock.calls() == []


def test_service_error_surfaces(run_module, cp_mock, cp_client):
    cp_client.create_domain(DomainName="x1", DefaultExpirationDays=5)
    cp_mock.reset_calls()
    # A throttle the retries absorb: the answer is still complete.
    cp_mock.inject_fault("ListDomains", "ThrottlingException", count=1)
    result = run_module(MODULE, {})
    assert not result.failed, result
    assert [d["domain_name"] for d in result["domains"]] == ["x1"]
    assert ops(cp_mock)[:2] == ["ListDomains", "ListDomains"]

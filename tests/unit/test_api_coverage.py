# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""make model-drift (tests/model_drift.py): the drift report and the API coverage page."""

import copy

import botocore.model

import model_drift


def _model(operations):
    """A small service model: ``operations`` maps an operation name to its request members (name: shape)."""
    shapes = {"String": {"type": "string"}, "Empty": {"type": "structure", "members": {}}}
    spec = {"metadata": {"protocol": "rest-json", "serviceId": "x"}, "operations": {}, "shapes": shapes}
    for name, members in operations.items():
        shapes[name + "Request"] = {"type": "structure", "members": members}
        spec["operations"][name] = {
            "name": name,
            "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": name + "Request"},
            "output": {"shape": "Empty"},
        }
    return spec


def test_drift_names_new_operations_and_new_members_once():
    shapes_old = _model({"CreateThing": {"Name": {"shape": "String"}}})
    shapes_new = copy.deepcopy(shapes_old)
    shapes_new["shapes"]["Filter"] = {"type": "structure", "members": {"Value": {"shape": "String"}}}
    shapes_new["shapes"]["Filters"] = {"type": "list", "member": {"shape": "Filter"}}
    shapes_new["shapes"]["CreateThingRequest"]["members"]["Filters"] = {"shape": "Filters"}
    shapes_new["operations"]["DeleteThing"] = dict(shapes_new["operations"]["CreateThing"], name="DeleteThing")
    old = botocore.model.ServiceModel(shapes_old, service_name="x")
    new = botocore.model.ServiceModel(shapes_new, service_name="x")
    added, removed, members = model_drift.drift(old, new)
    assert added == ["DeleteThing"] and removed == []
    # the new block is named once, not each of its members
    assert members == {"CreateThing": (["request.Filters"], [])}
    assert model_drift.drift(new, old)[1] == ["DeleteThing"]


def test_module_operations_read_one_row_per_module(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "| Module | Actions |\n|---|---|\n"
        "| `customerprofiles_domain` | `profile:GetDomain`, `profile:CreateDomain` |\n"
        "| `customerprofiles_domain_info` | `profile:GetDomain` |\n"
        "| role `customer_profiles` | `profile:SearchProfiles` |\n"
    )
    callers = model_drift.module_operations(str(readme))
    assert callers == {
        "GetDomain": ["customerprofiles_domain", "customerprofiles_domain_info"],
        "CreateDomain": ["customerprofiles_domain"],
    }


def test_api_coverage_page_is_current():
    """docs/api_coverage.md is what make model-drift writes for the locked botocore (else: run make model-drift)."""
    with open(model_drift.COVERAGE_PAGE) as handle:
        assert handle.read() == model_drift.coverage_page(), "docs/api_coverage.md is stale: run make model-drift"


def test_api_coverage_page_lists_every_operation_of_the_model():
    page = model_drift.coverage_page()
    for operation in model_drift.locked_model().operation_names:
        assert "| `{0}` |".format(operation) in page

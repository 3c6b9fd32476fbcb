# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A module's DOCUMENTATION options compared with its argument spec (names, type, elements, required, aliases,
default), for the tests that check a module documents exactly what it accepts."""

import importlib

import yaml

COLLECTION = "ansible_collections.awscx.customerprofiles.plugins."


def documented_options(module_name):
    """The module's options, with those of this collection's doc fragments it extends (as ansible-doc merges them)."""
    module = importlib.import_module(COLLECTION + "modules." + module_name)
    doc = yaml.safe_load(module.DOCUMENTATION)
    options = {}
    for name in doc.get("extends_documentation_fragment", []):
        if name.startswith("awscx.customerprofiles."):
            fragment = importlib.import_module(COLLECTION + "doc_fragments." + name.split(".")[-1])
            options.update(yaml.safe_load(fragment.ModuleDocFragment.DOCUMENTATION)["options"])
    options.update(doc["options"])
    return options


def doc_spec_differences(documented, spec, path=""):
    """Where DOCUMENTATION's options and the argument spec disagree (names, type, elements, required, aliases, default)."""
    differences = []
    for name in sorted(set(documented) | set(spec)):
        where = path + name
        if name not in spec:
            differences.append(where + ": documented, not in the spec")
            continue
        if name not in documented:
            differences.append(where + ": in the spec, not documented")
            continue
        doc, entry = documented[name], spec[name]
        for key, default in (
            ("type", "str"),
            ("elements", None),
            ("required", False),
            ("aliases", None),
            ("default", None),
        ):
            if doc.get(key, default) != entry.get(key, default):
                differences.append(
                    "{0}: {1} {2!r} documented, {3!r} in the spec".format(
                        where, key, doc.get(key, default), entry.get(key, default)
                    )
                )
        differences.extend(doc_spec_differences(doc.get("suboptions") or {}, entry.get("options") or {}, where + "."))
    return differences


def tags_fragment_spec(spec):
    """The module's spec less tags/purge_tags, which amazon.aws.tags documents."""
    return dict((name, entry) for name, entry in spec.items() if name not in ("tags", "purge_tags"))

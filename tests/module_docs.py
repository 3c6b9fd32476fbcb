# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A module's DOCUMENTATION options compared with its argument spec (names, type, elements, required, aliases,
default), for the tests that check a module documents exactly what it accepts."""

import importlib

import yaml


def documented_options(module_name):
    module = importlib.import_module("ansible_collections.awscx.customerprofiles.plugins.modules." + module_name)
    return yaml.safe_load(module.DOCUMENTATION)["options"]


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

# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The semantic markup of the module docs is well formed."""

import glob
import os
import re

from playbook_runner import REPO_ROOT


def _markup_arguments(text, macro):
    """The argument of every ``macro(...)`` in text, closed at the first unescaped ``)``."""
    found = []
    for match in re.finditer(re.escape(macro) + r"\(", text):
        index, argument = match.end(), []
        while index < len(text) and text[index] != ")":
            if text[index] == "\\" and index + 1 < len(text):
                index += 1
            argument.append(text[index])
            index += 1
        found.append("".join(argument))
    return found


def _strings(value):
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def test_every_value_markup_in_the_module_docs_is_closed_where_it_should_be():
    """V(...) ends at the first unescaped ")": a pattern such as ^(a|b)$ must escape its own parentheses."""
    import yaml

    root = os.path.join(REPO_ROOT, "plugins", "modules")
    checked = 0
    for path in sorted(glob.glob(os.path.join(root, "*.py"))):
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        docs = re.search(r'DOCUMENTATION = r"""(.*?)"""', source, re.S).group(1)
        for argument in _markup_arguments("\n".join(_strings(yaml.safe_load(docs))), "V"):
            checked += 1
            assert argument.count("(") == argument.count(")"), "{0}: V({1}) is cut at an unescaped ')'".format(
                path, argument
            )
    assert checked > 0

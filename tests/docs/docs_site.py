# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Lint the collection's documentation and build its HTML site (``make docs-lint``, ``make docs``).

Runs with the documentation virtualenv (``.build/docs-venv``, from docs/requirements.txt).

Both commands see a collections tree of their own, ``.build/docs-collections``, holding only
this collection (a link to the checkout) and amazon.aws (a link into the test virtualenv,
whose doc fragments the modules use): antsibull-docs reads the docs of every collection it
can see, and the test virtualenv holds the whole ``ansible`` package.

``lint``: ``antsibull-docs lint-collection-docs --plugin-docs`` (module, role and extra
docs: schema, semantic markup, references to other plugins and options, rstcheck).

``site``: ``antsibull-docs sphinx-init`` + ``antsibull-docs collection`` + ``sphinx-build -W``
into ``.build/docs/html``. The guides in docs/*.md stay the one source of their text: the
committed pages in docs/docsite/rst/ are short stand-ins (what antsibull-docs lints and what
a docsite without the Markdown shows); here each is replaced by its Markdown, rendered by
MyST. The build is offline: Sphinx's intersphinx gets a small local inventory of the
docs.ansible.com labels the generated pages refer to, so their links still point there.

Usage: python tests/docs/docs_site.py lint|site TEST_VENV_PYTHON
"""

import os
import re
import shutil
import subprocess
import sys
import zlib

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(REPO_ROOT, ".build")
COLLECTIONS = os.path.join(BUILD, "docs-collections")
SELF_LINK = os.path.join(COLLECTIONS, "ansible_collections", "awscx", "customerprofiles")
SITE = os.path.join(BUILD, "docs")
SOURCE = os.path.join(SITE, "source")
HTML = os.path.join(SITE, "html")
FQCN = "awscx.customerprofiles"
REPOSITORY_URL = "https://github.com/awscx/customerprofiles/blob/main/"
LABEL_PREFIX = "ansible_collections.awscx.customerprofiles.docsite."
ANSIBLE_DOCS = "https://docs.ansible.com/projects/ansible/devel/"
# docs.ansible.com labels the generated module and role pages link to (name, page#anchor, title)
ANSIBLE_LABELS = (
    ("common_return_values", "reference_appendices/common_return_values.html#common-return-values", "Return Values"),
    ("ansible_configuration_settings", "reference_appendices/config.html#ansible-configuration-settings", "Ansible Configuration Settings"),
)

CONF_ADDITIONS = """
# Added by tests/docs/docs_site.py: the guides are Markdown (MyST); offline intersphinx.
extensions.append('myst_parser')
myst_heading_anchors = 3
intersphinx_mapping = {
    'ansible_devel': ('%s', (None, %r)),
}
""" % (ANSIBLE_DOCS, os.path.join(SOURCE, "ansible_devel.inv"))


def run(cmd, **kwargs):
    print("+ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)


def relink(link, target):
    if os.path.islink(link) or os.path.exists(link):
        os.unlink(link)
    os.makedirs(os.path.dirname(link), exist_ok=True)
    os.symlink(target, link)


def collections_tree(test_python):
    """.build/docs-collections: this collection and amazon.aws, nothing else; returns the env to use."""
    purelib = subprocess.run(
        [test_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, stdout=subprocess.PIPE,
    ).stdout.decode("utf-8").strip()
    relink(SELF_LINK, REPO_ROOT)
    relink(os.path.join(COLLECTIONS, "ansible_collections", "amazon", "aws"),
           os.path.join(purelib, "ansible_collections", "amazon", "aws"))
    env = dict(os.environ)
    env["ANSIBLE_COLLECTIONS_PATH"] = COLLECTIONS
    # antsibull-docs calls ansible and ansible-doc by name: the ones of this virtualenv
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def lint(env):
    # "all": references are checked against every collection in the tree above (and
    # ansible.builtin) in place; "dependent" would copy amazon.aws with git, which finds
    # the checkout's .gitignore (the virtualenv is ignored) and copies nothing.
    run(["antsibull-docs", "lint-collection-docs", "--plugin-docs",
         "--validate-collection-refs", "all", "--disallow-unknown-collection-refs",
         "--check-extra-docs-refs", SELF_LINK], env=env)


def markdown_page(name):
    """docs/<name>.md with its links made to work from the site."""
    with open(os.path.join(REPO_ROOT, "docs", name + ".md"), encoding="utf-8") as handle:
        text = handle.read()
    # another guide: the site's page for it
    text = re.sub(r"\[([^\]]+)\]\((\w+)\.md\)", r"{ref}`\1 <%s\2>`" % LABEL_PREFIX, text)
    # a file outside docs/: the repository
    text = re.sub(r"\]\(\.\./([^)]+)\)", r"](%s\1)" % REPOSITORY_URL, text)
    return text


def write_inventory(path):
    lines = "".join("%s std:label -1 %s %s\n" % entry for entry in ANSIBLE_LABELS)
    with open(path, "wb") as handle:
        handle.write(b"# Sphinx inventory version 2\n# Project: Ansible\n# Version: devel\n"
                     b"# The remainder of this file is compressed using zlib.\n")
        handle.write(zlib.compress(lines.encode("utf-8")))


def site(env):
    shutil.rmtree(SITE, ignore_errors=True)
    os.makedirs(SOURCE, mode=0o700)  # antsibull-docs wants its directories writable by the owner only
    os.chmod(SOURCE, 0o700)
    run(["antsibull-docs", "sphinx-init", "--use-current", "--squash-hierarchy", "--dest-dir", SOURCE,
         "--project", FQCN, "--copyright", "awscx.customerprofiles maintainers",
         "--title", "awscx.customerprofiles documentation", FQCN], env=env)
    with open(os.path.join(SOURCE, "conf.py"), "a", encoding="utf-8") as handle:
        handle.write(CONF_ADDITIONS)
    write_inventory(os.path.join(SOURCE, "ansible_devel.inv"))
    rst = os.path.join(SOURCE, "rst")
    os.chmod(rst, 0o700)
    run(["antsibull-docs", "--config-file", os.path.join(SOURCE, "antsibull-docs.cfg"), "collection",
         "--cleanup", "everything", "--use-current", "--squash-hierarchy", "--dest-dir", rst, FQCN], env=env)
    docsite = os.path.join(rst, "docsite")
    markdown = os.path.join(SOURCE, "markdown")
    os.makedirs(markdown)
    for page in sorted(os.listdir(docsite)):
        name = page[:-len(".rst")]
        if not os.path.exists(os.path.join(REPO_ROOT, "docs", name + ".md")):
            continue
        with open(os.path.join(markdown, name + ".md"), "w", encoding="utf-8") as handle:
            handle.write(markdown_page(name))
        with open(os.path.join(docsite, page), "w", encoding="utf-8") as handle:
            handle.write(".. _%s%s:\n\n.. include:: ../../markdown/%s.md\n   :parser: myst_parser.sphinx_\n"
                         % (LABEL_PREFIX, name, name))
    for image in os.listdir(os.path.join(REPO_ROOT, "docs")):
        if image.endswith(".png"):
            shutil.copy2(os.path.join(REPO_ROOT, "docs", image), os.path.join(docsite, image))
    run(["sphinx-build", "-b", "html", "-c", SOURCE, "-W", "--keep-going", "-q", rst, HTML], env=env)
    print("Documentation site: " + os.path.join(HTML, "index.html"))


def main():
    command, test_python = sys.argv[1], sys.argv[2]
    env = collections_tree(test_python)
    {"lint": lint, "site": site}[command](env)


if __name__ == "__main__":
    main()

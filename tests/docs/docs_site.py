# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The collection's documentation site: its pages, lint and HTML build.

``make docs-rst``, ``make docs-lint`` and ``make docs`` run this with the documentation
virtualenv (``.build/docs-venv``, from docs/requirements.txt); ``make artifact-test`` runs
``check-pages`` with the test virtualenv (standard library only).

The guides in docs/*.md are the one source of their text. The extra docs pages of the site,
docs/docsite/rst/<name>.rst (one per guide that docs/docsite/extra-docs.yml lists), are
generated from them by pandoc and committed, so that the built tarball carries the real
guides, which antsibull-docs and docs.ansible.com read from there:

``rst``: rewrite docs/docsite/rst/<name>.rst from docs/<name>.md (links to another guide or to
a section become ``:ref:`` to the page's labels, which carry the collection's label prefix;
links out of docs/ go to the repository; code blocks become ``code-block``).

``lint``: the pages must be what ``rst`` writes (else: run ``make docs-rst``); then
``antsibull-docs lint-collection-docs --plugin-docs`` (module, role and extra docs: schema,
semantic markup, references to other plugins and options, rstcheck) on a collections tree of
its own, ``.build/docs-collections``, holding only this collection (a link to the checkout) and
amazon.aws (a link into the test virtualenv, whose doc fragments the modules use): antsibull-docs
reads the docs of every collection it can see, and the test virtualenv holds the whole
``ansible`` package.

``site``: the HTML site as a user gets it: the collection tarball is built and installed into
``.build/docs/collections`` (with amazon.aws linked beside it), then ``antsibull-docs
sphinx-init`` + ``antsibull-docs collection`` + ``sphinx-build -W`` on that install, into
``.build/docs/html``. The images of docs/ are copied next to the pages (antsibull-docs copies
only .rst files). The build is offline: Sphinx's intersphinx gets a small local inventory of the
docs.ansible.com labels the generated pages refer to, so their links still point there.

``check-pages COLLECTION_DIR``: the pages of an installed collection are its guides, not stubs:
each page of docs/docsite/rst with a docs/<name>.md holds every heading of that guide.

Usage: python tests/docs/docs_site.py rst|lint|site TEST_VENV_PYTHON
       python tests/docs/docs_site.py check-pages COLLECTION_DIR
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(REPO_ROOT, ".build")
COLLECTIONS = os.path.join(BUILD, "docs-collections")
SELF_LINK = os.path.join(COLLECTIONS, "ansible_collections", "awscx", "customerprofiles")
SITE = os.path.join(BUILD, "docs")
SITE_COLLECTIONS = os.path.join(SITE, "collections")
INSTALLED = os.path.join(SITE_COLLECTIONS, "ansible_collections", "awscx", "customerprofiles")
SOURCE = os.path.join(SITE, "source")
HTML = os.path.join(SITE, "html")
FQCN = "awscx.customerprofiles"
REPOSITORY_URL = "https://github.com/awscx/customerprofiles/blob/main/"
LABEL_PREFIX = "ansible_collections.awscx.customerprofiles.docsite."
ANSIBLE_DOCS = "https://docs.ansible.com/projects/ansible/devel/"
# docs.ansible.com labels the generated module and role pages link to (name, page#anchor, title)
ANSIBLE_LABELS = (
    ("common_return_values", "reference_appendices/common_return_values.html#common-return-values", "Return Values"),
    (
        "ansible_configuration_settings",
        "reference_appendices/config.html#ansible-configuration-settings",
        "Ansible Configuration Settings",
    ),
)
PANDOC_COLUMNS = 100
PAGE_HEADER = """\
..
  GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
  Generated from docs/{name}.md by `make docs-rst` (tests/docs/docs_site.py, pandoc): edit the
  Markdown, then run make docs-rst. make docs-lint fails when this page is not current.

.. _{label}:

"""

CONF_ADDITIONS = """
# Added by tests/docs/docs_site.py: offline intersphinx.
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


def collections_env(test_python, collections, self_target):
    """A collections tree with this collection and amazon.aws, nothing else; returns the env to use.

    ``self_target``: where this collection's link points (None: it is installed there already).
    """
    purelib = (
        subprocess.run(
            [test_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            stdout=subprocess.PIPE,
        )
        .stdout.decode("utf-8")
        .strip()
    )
    if self_target:
        relink(os.path.join(collections, "ansible_collections", "awscx", "customerprofiles"), self_target)
    relink(
        os.path.join(collections, "ansible_collections", "amazon", "aws"),
        os.path.join(purelib, "ansible_collections", "amazon", "aws"),
    )
    env = dict(os.environ)
    env["ANSIBLE_COLLECTIONS_PATH"] = collections
    # antsibull-docs calls ansible and ansible-doc by name: the ones of this virtualenv
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


# --- the pages: docs/<name>.md -> docs/docsite/rst/<name>.rst --------------------------------


def guide_names(collection_dir=REPO_ROOT):
    """The extra docs pages (docs/docsite/extra-docs.yml) that are a guide of docs/."""
    import yaml  # pylint: disable=import-outside-toplevel

    with open(os.path.join(collection_dir, "docs", "docsite", "extra-docs.yml"), encoding="utf-8") as handle:
        sections = yaml.safe_load(handle)["sections"]
    names = [entry for section in sections for entry in section["toctree"] if isinstance(entry, str)]
    return [name for name in names if os.path.isfile(os.path.join(collection_dir, "docs", name + ".md"))]


def _link(text, target, name, labels, guides):
    """One pandoc link `text <target>`__, made to work on the site."""
    page, anchor = (target.split("#", 1) + [""])[:2]
    if not page:  # a section of this page
        if anchor in labels:
            return ":ref:`%s <%s>`" % (text, labels[anchor])
        sys.exit("docs/%s.md: no section for the link #%s" % (name, anchor))
    if page.endswith(".md") and "/" not in page and page[:-3] in guides:  # another guide: its page
        label = LABEL_PREFIX + page[:-3] + ("." + anchor if anchor else "")
        return ":ref:`%s <%s>`" % (text, label)
    if re.match(r"^[a-z]+:", target):  # a URL
        return "`%s <%s>`__" % (text, target)
    # a file of the repository (relative to docs/)
    path = os.path.normpath(os.path.join("docs", page)).replace(os.sep, "/")
    return "`%s <%s%s%s>`__" % (text, REPOSITORY_URL, path, "#" + anchor if anchor else "")


RST_HEADING = re.compile(r"^(\S[^\n]*)\n([=\-~^\"'`#*+<>])\2+\n", re.M)


def markdown_to_rst(name, markdown, guides):
    """docs/<name>.md (its text) as the docsite page docs/docsite/rst/<name>.rst (its text)."""
    import json  # pylint: disable=import-outside-toplevel

    import pypandoc  # pylint: disable=import-outside-toplevel

    markdown = re.sub(r"<!--.*?-->\n?", "", markdown, flags=re.S)  # markers of generated sections
    # pandoc's identifier of every heading, in order (GitHub's anchors, which the guides link to)
    ast = json.loads(pypandoc.convert_text(markdown, "json", format="gfm"))
    anchors = [block["c"][1][0] for block in ast["blocks"] if block["t"] == "Header"]
    rst = pypandoc.convert_text(
        markdown, "rst", format="gfm", extra_args=["--columns=%d" % PANDOC_COLUMNS, "--wrap=auto"]
    )
    # pandoc writes a label only where docutils would not find the anchor; every heading gets one
    # here, with the page's label prefix as antsibull-docs requires (the title: the page's label,
    # set by the header below).
    rst = re.sub(r"^\.\. _[^:\n]+:\n\n", "", rst, flags=re.M)
    headings = list(RST_HEADING.finditer(rst))
    if len(headings) != len(anchors) or not rst.startswith(headings[0].group(0)):
        sys.exit(
            "docs/%s.md: %d headings, pandoc wrote %d sections (the title first)" % (name, len(anchors), len(headings))
        )
    labels = {anchor: LABEL_PREFIX + name + ("." + anchor if index else "") for index, anchor in enumerate(anchors)}
    pieces, last = [], 0
    for index, (heading, anchor) in enumerate(zip(headings, anchors)):
        pieces.append(rst[last : heading.start()])
        if index:
            pieces.append(".. _%s:\n\n" % labels[anchor])
        pieces.append(heading.group(0))
        last = heading.end()
    rst = "".join(pieces) + rst[last:]
    rst = re.sub(
        r"`([^`<]+?)\s*<([^>`]+)>`__", lambda m: _link(m.group(1), m.group(2), name, labels, guides), rst, flags=re.S
    )
    rst = re.sub(r"^(\s*)\.\. code:: ", r"\1.. code-block:: ", rst, flags=re.M)
    return PAGE_HEADER.format(name=name, label=LABEL_PREFIX + name) + rst


def expected_pages():
    """{docs/docsite/rst/<name>.rst: text} as ``rst`` writes them."""
    guides = guide_names()
    pages = {}
    for name in guides:
        with open(os.path.join(REPO_ROOT, "docs", name + ".md"), encoding="utf-8") as handle:
            markdown = handle.read()
        pages[os.path.join(REPO_ROOT, "docs", "docsite", "rst", name + ".rst")] = markdown_to_rst(
            name, markdown, guides
        )
    return pages


def write_pages(_env=None):
    for path, text in sorted(expected_pages().items()):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        print("wrote " + os.path.relpath(path, REPO_ROOT))


def check_pages_current():
    stale = []
    for path, text in sorted(expected_pages().items()):
        current = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                current = handle.read()
        if current != text:
            stale.append(os.path.relpath(path, REPO_ROOT))
    if stale:
        sys.exit("not what docs/*.md gives (run make docs-rst and commit them): " + ", ".join(stale))
    print("docs/docsite/rst: every guide page is current with its docs/*.md")


def _headings(text, markdown):
    """Section titles of a guide (Markdown) or a page (reStructuredText), without inline markup."""
    if markdown:
        text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
        titles = re.findall(r"^#{1,6}\s+(.+?)\s*#*$", text, flags=re.M)
    else:
        titles = [match[0] for match in re.findall(r"^(\S.*)\n([=\-~^\"'`#*+<>])\2+$", text, flags=re.M)]
    return [re.sub(r"[`*\\]", "", title).strip() for title in titles]


def check_installed_pages(collection_dir):
    """``check-pages``: the pages of an installed collection are its guides, not stubs."""
    rst_dir = os.path.join(collection_dir, "docs", "docsite", "rst")
    pages = sorted(glob.glob(os.path.join(rst_dir, "*.rst")))
    checked = []
    for page in pages:
        name = os.path.basename(page)[: -len(".rst")]
        guide = os.path.join(collection_dir, "docs", name + ".md")
        if not os.path.isfile(guide):
            continue
        with open(guide, encoding="utf-8") as handle:
            wanted = _headings(handle.read(), markdown=True)
        with open(page, encoding="utf-8") as handle:
            found = _headings(handle.read(), markdown=False)
        missing = [title for title in wanted if title not in found]
        if missing:
            sys.exit("%s is not the guide docs/%s.md: it lacks the sections %s" % (page, name, missing))
        checked.append("%s (%d sections)" % (name, len(wanted)))
    if not checked:
        sys.exit("no guide pages in " + rst_dir)
    print("docs pages of %s are the guides: %s" % (collection_dir, ", ".join(checked)))


# --- lint and site ----------------------------------------------------------------------------


# antsibull-docs lint works on a temporary copy of the collection (tempfile.mkdtemp, prefix "antsibull-docs-").
# A CI run once failed on every module page with 'Unknown target name: "antsibull-docs-xxinvf7"' at the page's
# ":github_url:" line: the 8-character random part of that copy's name ended in "_", which RST reads as a
# reference when the name reaches the page. The lint therefore runs with temporary names drawn from letters
# and digits only; nothing else of antsibull-docs changes.
LINT_WITHOUT_UNDERSCORE_TEMP_NAMES = (
    "import sys, tempfile; "
    "tempfile._RandomNameSequence.characters = 'abcdefghijklmnopqrstuvwxyz0123456789'; "
    "from antsibull_docs.cli.antsibull_docs import main; "
    "sys.argv[0] = 'antsibull-docs'; "
    "sys.exit(main())"
)


def lint(test_python):
    check_pages_current()
    env = collections_env(test_python, COLLECTIONS, REPO_ROOT)
    # "all": references are checked against every collection in the tree above (and
    # ansible.builtin) in place; "dependent" would copy amazon.aws with git, which finds
    # the checkout's .gitignore (the virtualenv is ignored) and copies nothing.
    run(
        [
            sys.executable,
            "-c",
            LINT_WITHOUT_UNDERSCORE_TEMP_NAMES,
            "lint-collection-docs",
            "--plugin-docs",
            "--validate-collection-refs",
            "all",
            "--disallow-unknown-collection-refs",
            "--check-extra-docs-refs",
            SELF_LINK,
        ],
        env=env,
    )


def write_inventory(path):
    lines = "".join("%s std:label -1 %s %s\n" % entry for entry in ANSIBLE_LABELS)
    with open(path, "wb") as handle:
        handle.write(
            b"# Sphinx inventory version 2\n# Project: Ansible\n# Version: devel\n"
            b"# The remainder of this file is compressed using zlib.\n"
        )
        handle.write(zlib.compress(lines.encode("utf-8")))


def install_collection():
    """Build the tarball from the checkout and install it into .build/docs/collections."""
    galaxy = os.path.join(os.path.dirname(sys.executable), "ansible-galaxy")
    with tempfile.TemporaryDirectory(prefix="docs-dist-", dir=BUILD) as dist:
        run([galaxy, "collection", "build", "--force", "--output-path", dist, REPO_ROOT])
        tarball = glob.glob(os.path.join(dist, "awscx-customerprofiles-*.tar.gz"))[0]
        env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=SITE_COLLECTIONS)
        run(
            [galaxy, "collection", "install", "--offline", "--no-deps", "--force", "-p", SITE_COLLECTIONS, tarball],
            env=env,
        )


def site(test_python):
    shutil.rmtree(SITE, ignore_errors=True)
    os.makedirs(SITE)
    install_collection()
    check_installed_pages(INSTALLED)
    env = collections_env(test_python, SITE_COLLECTIONS, None)
    os.makedirs(SOURCE, mode=0o700)  # antsibull-docs wants its directories writable by the owner only
    os.chmod(SOURCE, 0o700)
    run(
        [
            "antsibull-docs",
            "sphinx-init",
            "--use-current",
            "--squash-hierarchy",
            "--dest-dir",
            SOURCE,
            "--project",
            FQCN,
            "--copyright",
            "awscx.customerprofiles maintainers",
            "--title",
            "awscx.customerprofiles documentation",
            FQCN,
        ],
        env=env,
    )
    with open(os.path.join(SOURCE, "conf.py"), "a", encoding="utf-8") as handle:
        handle.write(CONF_ADDITIONS)
    write_inventory(os.path.join(SOURCE, "ansible_devel.inv"))
    rst = os.path.join(SOURCE, "rst")
    os.chmod(rst, 0o700)
    run(
        [
            "antsibull-docs",
            "--config-file",
            os.path.join(SOURCE, "antsibull-docs.cfg"),
            "collection",
            "--cleanup",
            "everything",
            "--use-current",
            "--squash-hierarchy",
            "--dest-dir",
            rst,
            FQCN,
        ],
        env=env,
    )
    for image in glob.glob(os.path.join(INSTALLED, "docs", "*.png")):
        shutil.copy2(image, os.path.join(rst, "docsite", os.path.basename(image)))
    run(["sphinx-build", "-b", "html", "-c", SOURCE, "-W", "--keep-going", "-q", rst, HTML], env=env)
    print("Documentation site (from the installed tarball): " + os.path.join(HTML, "index.html"))


def main():
    command, argument = sys.argv[1], sys.argv[2]
    if command == "check-pages":
        check_installed_pages(argument)
        return
    {"rst": write_pages, "lint": lint, "site": site}[command](argument)


if __name__ == "__main__":
    main()

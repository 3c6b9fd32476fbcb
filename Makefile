# awscx.customerprofiles developer entry points.
#   make example       - run the example role against the bundled emulator
#   make test          - run every test (unit, integration, sanity, lint, changelog, artifact)
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD := .build
# The collection as ansible sees it: .build/collections/ansible_collections/awscx/customerprofiles
COLLECTIONS := $(BUILD)/collections
COLLECTION_LINK := $(COLLECTIONS)/ansible_collections/awscx/customerprofiles
# pytest-xdist workers for the unit suite (0 = in one process). Each test runs its own in-process
# emulator, so workers are safe. Measured on 2 cores, back to back at load ~1.5: -n 2 86 s, serial
# 139 s (an earlier measurement under heavier load had serial ahead: 2m27s vs 2m50s).
UNIT_WORKERS ?= 2
# pytest workers for the integration targets (one emulator server per worker)
INTEGRATION_WORKERS ?= 2
# artifact round trip: ansible-galaxy collection build, then install, then run this target from the install
DIST := $(BUILD)/dist
INSTALLED := $(BUILD)/installed
ARTIFACT_TARGET ?= customerprofiles_domain_info

export PYTHONPATH := $(CURDIR)/tests
export ANSIBLE_COLLECTIONS_PATH := $(CURDIR)/$(COLLECTIONS)

.PHONY: help venv collection test unit integration sanity changelog-lint lint artifact-test example clean

help:
	@echo "make example      - run the example role against the bundled emulator"
	@echo "make test         - run every test"
	@echo "make unit         - unit tests (pytest tests/unit)"
	@echo "make integration  - integration targets against the emulator server"
	@echo "make sanity       - ansible-test sanity (every default test, --venv; SANITY_ARGS=--test pep8 narrows it)"
	@echo "make lint         - ansible-lint (production profile) over roles/ and the integration targets"
	@echo "make changelog-lint - antsibull-changelog lint (changelogs/fragments)"
	@echo "make artifact-test  - build the collection tarball, install it offline, run a target from the install"
	@echo "make docs-lint    - antsibull-docs lint-collection-docs --plugin-docs (modules, role, docs/docsite)"
	@echo "make docs         - build the HTML documentation site into .build/docs/html"
	@echo "make importer     - galaxy-importer on the built tarball (ansible-doc, ansible-lint, flake8, changelog)"

$(STAMP): tests/requirements.txt requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt -r requirements.txt
	touch $@

venv: $(STAMP)

collection: $(COLLECTION_LINK)

$(COLLECTION_LINK):
	mkdir -p $(dir $@)
	ln -sfn $(CURDIR) $@

unit: venv collection
	$(BIN)/python -m pytest -q -n $(UNIT_WORKERS) tests/unit

integration: venv collection
	$(BIN)/python -m pytest -q -n $(INTEGRATION_WORKERS) tests/integration

# ansible-test sanity on a copy under .build/ansible_collections (see tests/sanity/run_sanity.py)
sanity: venv
	$(BIN)/python tests/sanity/run_sanity.py $(SANITY_ARGS)

changelog-lint: venv
	$(BIN)/antsibull-changelog lint

# --offline: Galaxy is not reachable; amazon.aws comes from the virtualenv (see .ansible-lint)
lint: venv collection
	$(BIN)/ansible-lint --offline roles/ tests/integration/targets/

# The released artifact works: build the tarball (galaxy.yml build_ignore applies), install it
# without Galaxy (amazon.aws is already in the virtualenv), list it, read a module's docs and
# run one integration target with ANSIBLE_COLLECTIONS_PATH pointing at the install only.
artifact-test: venv
	rm -rf $(DIST) $(INSTALLED)
	$(BIN)/ansible-galaxy collection build --force --output-path $(DIST) .
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/$(INSTALLED) $(BIN)/ansible-galaxy collection install --offline --no-deps --force \
	  -p $(INSTALLED) $(DIST)/awscx-customerprofiles-*.tar.gz
	test -f $(INSTALLED)/ansible_collections/awscx/customerprofiles/MANIFEST.json
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/$(INSTALLED) $(BIN)/ansible-galaxy collection list awscx.customerprofiles \
	  | grep -E '^awscx\.customerprofiles +[0-9]'
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/$(INSTALLED) $(BIN)/ansible-doc awscx.customerprofiles.$(ARTIFACT_TARGET) \
	  | grep 'awscx.customerprofiles.$(ARTIFACT_TARGET)' > /dev/null
	cd $(INSTALLED)/ansible_collections/awscx/customerprofiles && \
	  CUSTOMERPROFILES_COLLECTIONS_PATH=$(CURDIR)/$(INSTALLED) PYTHONPATH=$$PWD/tests \
	  $(CURDIR)/$(BIN)/python -m pytest -q -p no:cacheprovider "tests/integration/test_targets.py::test_target[$(ARTIFACT_TARGET)]"

# make test runs these stages in order; each under a header, with its duration (CI logs).
TEST_STAGES := changelog-lint docs-lint unit integration lint sanity artifact-test importer ee

test:
	@all=$$(date +%s); for stage in venvs $(TEST_STAGES); do \
	  echo "===== make $$stage ($$(date +%T))"; start=$$(date +%s); \
	  $(MAKE) --no-print-directory $$stage || { echo "===== make $$stage FAILED after $$(( $$(date +%s) - start ))s"; exit 1; }; \
	  echo "===== make $$stage passed in $$(( $$(date +%s) - start ))s"; \
	done; echo "===== make test passed in $$(( $$(date +%s) - all ))s ($(TEST_STAGES))"

# The example, as a user would run it: build the tarball, install it into its own collections
# path (offline; amazon.aws comes from .venv), run the customer_profiles role against the emulator.
EXAMPLE_COLLECTIONS := $(BUILD)/example_collections
example: venv
	rm -rf $(DIST) $(EXAMPLE_COLLECTIONS)
	$(BIN)/ansible-galaxy collection build --force --output-path $(DIST) .
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/$(EXAMPLE_COLLECTIONS) $(BIN)/ansible-galaxy collection install --offline --no-deps --force \
	  -p $(EXAMPLE_COLLECTIONS) $(DIST)/awscx-customerprofiles-*.tar.gz
	$(BIN)/python tests/example/run_example.py --collections-path $(EXAMPLE_COLLECTIONS)

clean:
	rm -rf $(BUILD) .pytest_cache

# make bench - per-task latency and API calls vs ansible.builtin.ping, a boto3 floor and
# amazon.aws.ec2_vpc_net_info (BENCH_N rounds, default 12); rewrites docs/performance.md
# and docs/performance.png. Not part of make test.
.PHONY: bench
bench: venv collection
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/bench/requirements.txt
	$(BIN)/python tests/bench/run_bench.py

# Documentation: antsibull-docs and Sphinx live in their own virtualenv (docs/requirements.txt);
# amazon.aws's doc fragments come from .venv. See tests/docs/docs_site.py.
DOCS_VENV := $(BUILD)/docs-venv
DOCS_STAMP := $(DOCS_VENV)/.installed
.PHONY: docs-lint docs

$(DOCS_STAMP): docs/requirements.txt
	$(PYTHON) -m venv $(DOCS_VENV)
	$(DOCS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r docs/requirements.txt
	touch $@

docs-lint: venv $(DOCS_STAMP)
	$(DOCS_VENV)/bin/python tests/docs/docs_site.py lint $(BIN)/python

docs: venv $(DOCS_STAMP)
	$(DOCS_VENV)/bin/python tests/docs/docs_site.py site $(BIN)/python

# galaxy-importer on the built tarball, as Galaxy would import it, offline (tests/importer/):
# no ansible-test (it needs a container; make sanity runs it). amazon.aws is linked into the
# importer's site-packages, where Galaxy's importer finds it with the ansible package, so
# ansible-doc resolves the modules' doc fragments. The importer exits 0 even when a step
# reports an error, so its log is read: any WARNING or ERROR fails, except the notice that
# tests/sanity/ignore-*.txt exist (they are empty, as issue 6 asks; the importer warns on any).
IMPORTER_VENV := $(BUILD)/importer-venv
IMPORTER_STAMP := $(IMPORTER_VENV)/.installed
IMPORTER_DIR := $(BUILD)/importer
IMPORTER_ACCEPTED := ^WARNING: Ignore files skip ansible-test sanity tests, found ignore-2\.[0-9]+\.txt with 0 statement\(s\)$$
.PHONY: importer

$(IMPORTER_STAMP): tests/importer/requirements.txt $(STAMP)
	$(PYTHON) -m venv $(IMPORTER_VENV)
	$(IMPORTER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r tests/importer/requirements.txt
	src=$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') && \
	  dst=$$($(IMPORTER_VENV)/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') && \
	  mkdir -p $$dst/ansible_collections/amazon && ln -sfn $$src/ansible_collections/amazon/aws $$dst/ansible_collections/amazon/aws
	touch $@

importer: venv $(IMPORTER_STAMP)
	rm -rf $(IMPORTER_DIR)
	$(BIN)/ansible-galaxy collection build --force --output-path $(IMPORTER_DIR) .
	cd $(IMPORTER_DIR) && GALAXY_IMPORTER_CONFIG=$(CURDIR)/tests/importer/galaxy-importer.cfg PATH=$(CURDIR)/$(IMPORTER_VENV)/bin:$$PATH \
	  python -m galaxy_importer.main awscx-customerprofiles-*.tar.gz 2>&1 | tee importer.log
	grep -q '^Importer processing completed successfully' $(IMPORTER_DIR)/importer.log
	! grep -E '^(WARNING|ERROR)' $(IMPORTER_DIR)/importer.log | grep -vE '$(IMPORTER_ACCEPTED)'

# make ee (in make test): the collection drops into an execution environment.
# ansible-builder introspect must read requirements.txt through meta/execution-environment.yml,
# and ansible-builder create must write a build context from tests/ee/execution-environment.yml
# (no container is built: there is no container engine here). See tests/ee/check_ee.py.
EE_VENV := $(BUILD)/ee-venv
EE_STAMP := $(EE_VENV)/.installed
.PHONY: ee

$(EE_STAMP): tests/ee/requirements.txt
	$(PYTHON) -m venv $(EE_VENV)
	$(EE_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r tests/ee/requirements.txt
	touch $@

ee: venv $(EE_STAMP)
	$(EE_VENV)/bin/python tests/ee/check_ee.py $(CURDIR)/$(EE_VENV)/bin/ansible-builder $(CURDIR)/$(BIN)/ansible-galaxy

# Every virtualenv of make test, built side by side (pip uses about one core, the machine has
# two). A recipe, not a prerequisite list, so stamps defined further down are seen too.
.PHONY: venvs
venvs:
	$(MAKE) --no-print-directory -j3 $(STAMP) $(DOCS_STAMP) $(IMPORTER_STAMP) $(EE_STAMP)

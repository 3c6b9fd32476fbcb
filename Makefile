# awscx.customerprofiles developer entry points: `make help` lists every target.
# `make test` runs every gate in TEST_STAGES order (README.md, "Quality").
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
# A Python >= 3.12 for the ansible-core 2.20 leg of make compat (2.20 needs it): the newest
# pyenv 3.12, else python3.12 on PATH. Empty: that leg is skipped, and make compat says so.
PYTHON312 ?= $(or $(lastword $(sort $(wildcard $(HOME)/.pyenv/versions/3.12.*/bin/python))),$(shell command -v python3.12 2>/dev/null))
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
# make unit fails when the unit suite covers less of plugins/ than this (percent of statements).
# Set at the level measured when the gate was added, on the first resource-engine commits:
# 92.45% (1046 statements, 79 missed; before the engine: 99.26%); raised to 96 at 0.2.0 (97.04%,
# 2732 statements, 81 missed). Raise it as tests land.
COVERAGE_FLOOR ?= 96
# pytest workers for the integration targets (one emulator server per worker)
INTEGRATION_WORKERS ?= 2
# Each target that builds the tarball has an output folder of its own, so that they can run at
# the same time (make ee builds into .build/dist, see tests/ee/).
ARTIFACT := $(BUILD)/artifact
INSTALLED := $(ARTIFACT)/installed
INSTALLED_COLLECTION := $(INSTALLED)/ansible_collections/awscx/customerprofiles
ARTIFACT_TARGET ?= customerprofiles_domain_info

export PYTHONPATH := $(CURDIR)/tests
export ANSIBLE_COLLECTIONS_PATH := $(CURDIR)/$(COLLECTIONS)

# make test runs these stages in order; each under a header, with its duration (CI logs).
TEST_STAGES := format-check changelog-lint docs-lint unit integration compat lint sanity artifact-test importer ee

.PHONY: help venv venvs collection test unit integration compat sanity changelog-lint lint \
  format format-check artifact-test example docs-lint docs-modules docs importer ee bench clean lock model-drift

help: ## list every target (this text)
	@echo "make targets (make test runs: $(TEST_STAGES)):"
	@grep -hE '^[a-zA-Z0-9_%.-]+:.*## ' $(firstword $(MAKEFILE_LIST)) \
	  | sed -E 's/^([^:]+):.*## /\1\t/; s/%/LEG/' | awk -F'\t' '{ printf "  make %-16s %s\n", $$1, $$2 }'

# ---------------------------------------------------------------------------------------------
# Virtualenvs. One recipe for all of them: $(call make_venv,DIR,PYTHON,PIP INSTALL ARGUMENTS[,LOCK]).
# Every one installs under a lock (pip -c): LOCK, the constraints file tests/constraints.txt
# unless the fourth argument names another (each compat leg has its own). A lock holds the exact
# version of every package, transitive ones included, so that a release on PyPI changes nothing
# until `make lock` takes it in on purpose (docs/dev_guide.md, "The lock").
# pip is not --quiet: it prints each package it collects and installs (the first .venv takes a
# few minutes). Each stamp file is newer than the requirement files and the lock it was built from.
LOCK := tests/constraints.txt
define make_venv
	@test -n "$(2)" || { echo "$(1): no Python interpreter to build it with"; exit 1; }
	@echo "=== virtualenv $(1) ($(2)): pip install $(3) -c $(or $(4),$(LOCK))"
	$(2) -m venv $(1)
	$(1)/bin/python -m pip install --disable-pip-version-check --progress-bar off --quiet --upgrade pip -c $(or $(4),$(LOCK))
	$(1)/bin/python -m pip install --disable-pip-version-check --progress-bar off $(3) -c $(or $(4),$(LOCK))
endef

$(STAMP): tests/requirements.txt requirements.txt $(LOCK)
	$(call make_venv,$(VENV),$(PYTHON),-r tests/requirements.txt -r requirements.txt)
	touch $@

venv: $(STAMP) ## the test virtualenv .venv (tests/requirements.txt, requirements.txt)

# Every virtualenv of make test, built side by side (pip uses about one core, the machine has
# two); each one's output is printed when it is done. A recipe, not a prerequisite list, so
# that stamps defined further down are seen too.
venvs: ## every virtualenv make test uses, built side by side (make test's first stage)
	@echo "Building $(words $(ALL_STAMPS)) virtualenvs side by side; each one's pip output shows when it is done"
	$(MAKE) --no-print-directory -j3 -Otarget $(ALL_STAMPS)

collection: $(COLLECTION_LINK) ## link the checkout as .build/collections/ansible_collections/awscx/customerprofiles

$(COLLECTION_LINK):
	mkdir -p $(dir $@)
	ln -sfn $(CURDIR) $@

# ---------------------------------------------------------------------------------------------
# The gates of make test

test: ## every gate of make test, in order (TEST_STAGES), each with its duration
	@all=$$(date +%s); for stage in venvs $(TEST_STAGES); do \
	  echo "===== make $$stage ($$(date +%T))"; start=$$(date +%s); \
	  $(MAKE) --no-print-directory $$stage || { echo "===== make $$stage FAILED after $$(( $$(date +%s) - start ))s"; exit 1; }; \
	  echo "===== make $$stage passed in $$(( $$(date +%s) - start ))s"; \
	done; echo "===== make test passed in $$(( $$(date +%s) - all ))s ($(TEST_STAGES))"

changelog-lint: venv ## antsibull-changelog lint (changelogs/fragments)
	$(BIN)/antsibull-changelog lint

# Coverage of plugins/ by the in-process module runs (the playbook runs of tests/unit are not
# measured); the data file is .build/coverage (pyproject.toml, [tool.coverage.run]).
unit: venv collection ## unit tests (pytest tests/unit), with the coverage of plugins/ and its floor
	$(BIN)/python -m pytest -q -n $(UNIT_WORKERS) --cov=plugins --cov-report=term --cov-fail-under=$(COVERAGE_FLOOR) tests/unit

integration: venv collection ## integration targets (tests/integration/targets) against the emulator server
	$(BIN)/python -m pytest -q -n $(INTEGRATION_WORKERS) tests/integration

# No paths and no options: the whole repository, as a user or Galaxy's importer runs it (profile,
# offline mode and the excluded paths, each with its reason, are in .ansible-lint). amazon.aws
# comes from the virtualenv, this collection from the .build/collections link; .venv/bin leads
# PATH as in an activated virtualenv (ansible-lint warns otherwise).
lint: venv collection ## ansible-lint (production profile) over the whole repository, as a user runs it
	PATH=$(CURDIR)/$(BIN):$$PATH ansible-lint

# ansible-test sanity on a copy under .build/ansible_collections (see tests/sanity/run_sanity.py)
sanity: venv ## ansible-test sanity (every default test, --venv; SANITY_ARGS="--test pep8" narrows it)
	$(BIN)/python tests/sanity/run_sanity.py $(SANITY_ARGS)

# The released artifact works: build the tarball (galaxy.yml build_ignore applies), install it
# without Galaxy (amazon.aws is already in the virtualenv), list it, read a module's docs, check
# that its docs site pages are the guides, start the bundled emulator from it as the README
# tells users to, and run one integration target with ANSIBLE_COLLECTIONS_PATH pointing at the
# install only.
artifact-test: venv ## build the tarball, install it offline, use it (ansible-doc, docs pages, emulator, a target)
	rm -rf $(ARTIFACT)
	$(BIN)/ansible-galaxy collection build --force --output-path $(ARTIFACT)/dist .
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/$(INSTALLED) $(BIN)/ansible-galaxy collection install --offline --no-deps --force \
	  -p $(INSTALLED) $(ARTIFACT)/dist/awscx-customerprofiles-*.tar.gz
	test -f $(INSTALLED_COLLECTION)/MANIFEST.json
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/$(INSTALLED) $(BIN)/ansible-galaxy collection list awscx.customerprofiles \
	  | grep -E '^awscx\.customerprofiles +[0-9]'
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/$(INSTALLED) $(BIN)/ansible-doc awscx.customerprofiles.$(ARTIFACT_TARGET) \
	  | grep 'awscx.customerprofiles.$(ARTIFACT_TARGET)' > /dev/null
	$(BIN)/python tests/docs/docs_site.py check-pages $(INSTALLED_COLLECTION)
	PYTHONPATH= $(BIN)/python tests/artifact/emulator_from_install.py $(INSTALLED_COLLECTION)
	cd $(INSTALLED_COLLECTION) && \
	  CUSTOMERPROFILES_COLLECTIONS_PATH=$(CURDIR)/$(INSTALLED) PYTHONPATH=$$PWD/tests \
	  $(CURDIR)/$(BIN)/python -m pytest -q -p no:cacheprovider "tests/integration/test_targets.py::test_target[$(ARTIFACT_TARGET)]"

# ---------------------------------------------------------------------------------------------
# make compat: the module unit tests and one integration target on the other ansible-core
# releases the collection declares (meta/runtime.yml: requires_ansible >=2.17.0), besides the
# main run on ansible-core 2.19 with amazon.aws 10.x in .venv. One virtualenv per leg,
# .build/compat/<leg>, from tests/compat/core-<leg>.txt; amazon.aws is extracted there from the
# ansible release that tests/compat/amazon.aws-<version>.txt names (Galaxy is not reachable).
# 2.17 and 2.18 get the oldest amazon.aws galaxy.yml accepts (>=9.0.0), 2.20 the newest (see
# tests/compat/amazon.aws-11.4.0.txt). The legs run side by side, each test in one process.
COMPAT_LEGS ?= 2.17 2.18 $(if $(PYTHON312),2.20)
COMPAT_PYTHON_2.17 := $(PYTHON)
COMPAT_PYTHON_2.18 := $(PYTHON)
COMPAT_PYTHON_2.20 := $(PYTHON312)
COMPAT_AMAZON_AWS_2.17 := 9.0.0
COMPAT_AMAZON_AWS_2.18 := 9.0.0
COMPAT_AMAZON_AWS_2.20 := 11.4.0
COMPAT_TESTS ?= tests/unit/plugins/modules "tests/integration/test_targets.py::test_target[customerprofiles_domain_info]"
COMPAT_STAMPS := $(foreach leg,$(COMPAT_LEGS),$(BUILD)/compat/$(leg)/.installed)

compat: collection ## module unit tests + one integration target on ansible-core 2.17, 2.18, 2.20 (legs side by side)
	@$(if $(PYTHON312),true,echo "make compat: no Python >= 3.12 found (set PYTHON312=/path/to/python3.12): the ansible-core 2.20 leg is skipped")
	$(MAKE) --no-print-directory -j3 -Otarget $(addprefix compat-,$(COMPAT_LEGS))

compat-%: $(BUILD)/compat/%/.installed collection ## one leg of make compat (LEG: 2.17, 2.18 or 2.20)
	@echo "=== make compat-$*: $$($(BUILD)/compat/$*/bin/python tests/compat/install_amazon_aws.py --show)"
	$(BUILD)/compat/$*/bin/python -m pytest -q -p no:cacheprovider $(COMPAT_TESTS)

# ---------------------------------------------------------------------------------------------
# Python formatting and lint (ruff, configured in pyproject.toml). Not a stage of make test yet.
format: venv ## rewrite the Python code: ruff format, then ruff check --fix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

format-check: venv ## check the Python code without changing it: ruff format --check, ruff check, importer's flake8
	$(BIN)/ruff format --check --diff .
	$(BIN)/ruff check .
	@# galaxy-importer's flake8 (make importer, the last stages) warns on what ruff's style allows: a slice
	@# spaced as "a[i + 1 :]" (E203) and a line that starts with a binary operator (W503). Checked here, first.
	$(MAKE) --no-print-directory $(IMPORTER_STAMP)
	$(IMPORTER_VENV)/bin/flake8 --select E203,W503 plugins

# ---------------------------------------------------------------------------------------------
# The example, as a user would run it: build the tarball, install it into its own collections
# path (offline; amazon.aws comes from .venv), run the customer_profiles role against the emulator.
EXAMPLE := $(BUILD)/example
EXAMPLE_COLLECTIONS := $(EXAMPLE)/collections
example: venv ## run the example role against the bundled emulator (from the built tarball)
	rm -rf $(EXAMPLE)
	$(BIN)/ansible-galaxy collection build --force --output-path $(EXAMPLE)/dist .
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/$(EXAMPLE_COLLECTIONS) $(BIN)/ansible-galaxy collection install --offline --no-deps --force \
	  -p $(EXAMPLE_COLLECTIONS) $(EXAMPLE)/dist/awscx-customerprofiles-*.tar.gz
	$(BIN)/python tests/example/run_example.py --collections-path $(EXAMPLE_COLLECTIONS)

clean: ## remove .build (virtualenvs other than .venv, tarballs, installs, docs) and pytest's cache
	rm -rf $(BUILD) .pytest_cache

# make bench - per-task latency and API calls vs ansible.builtin.ping, a boto3 floor and
# amazon.aws.ec2_vpc_net_info (BENCH_N rounds, default 12); rewrites docs/performance.md
# and docs/performance.png. Not part of make test.
bench: venv collection ## per-task latency and API calls; rewrites docs/performance.md (not in make test)
	$(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -r tests/bench/requirements.txt -c $(LOCK)
	$(BIN)/python tests/bench/run_bench.py

# ---------------------------------------------------------------------------------------------
# The lock (docs/dev_guide.md, "The lock"). make lock resolves, in scratch virtualenvs, every
# requirement file of the main virtualenvs together into tests/constraints.txt (one consistent
# set: .venv, docs, importer, ee and bench all install from it), and each compat leg's files into
# tests/compat/constraints-<leg>.txt (a leg pins another ansible-core). tests/lock-holds.txt holds
# releases back on purpose. Not part of make test: run it to take in new releases, then make test.
LOCKED_REQUIREMENTS := tests/requirements.txt requirements.txt docs/requirements.txt \
  tests/importer/requirements.txt tests/ee/requirements.txt tests/bench/requirements.txt
lock: ## regenerate tests/constraints.txt and the compat legs' locks from the requirement files (not in make test)
	$(PYTHON) tests/lock.py $(LOCK) $(PYTHON) $(LOCKED_REQUIREMENTS)
	$(foreach leg,$(COMPAT_LEGS),$(PYTHON) tests/lock.py tests/compat/constraints-$(leg).txt $(COMPAT_PYTHON_$(leg)) tests/compat/core-$(leg).txt;)

# make model-drift: what the newest botocore on PyPI adds to the Customer Profiles model that the
# locked one lacks (operations, members), and the coverage table of the newest model (every
# operation, and which module calls it). It also rewrites docs/api_coverage.md from the locked
# model (make unit fails when that page is stale). Not part of make test.
MODEL_DRIFT := $(BUILD)/model-drift
model-drift: venv ## what the newest botocore adds to the model, and the API coverage table (not in make test)
	rm -rf $(MODEL_DRIFT)
	$(BIN)/python -m pip download --disable-pip-version-check --quiet --no-deps --dest $(MODEL_DRIFT) botocore
	$(BIN)/python tests/model_drift.py report $(MODEL_DRIFT)/botocore-*.whl
	$(BIN)/python tests/model_drift.py write-docs

# ---------------------------------------------------------------------------------------------
# Documentation: antsibull-docs, Sphinx and pandoc live in their own virtualenv
# (docs/requirements.txt); amazon.aws's doc fragments come from .venv. See tests/docs/docs_site.py.
DOCS_VENV := $(BUILD)/docs-venv
DOCS_STAMP := $(DOCS_VENV)/.installed

$(DOCS_STAMP): docs/requirements.txt $(LOCK)
	$(call make_venv,$(DOCS_VENV),$(PYTHON),-r docs/requirements.txt)
	touch $@

docs-lint: venv $(DOCS_STAMP) ## antsibull-docs lint-collection-docs; docs/docsite/rst/ pages current with docs/*.md
	$(DOCS_VENV)/bin/python tests/docs/docs_site.py lint $(BIN)/python

docs-modules: venv ## rewrite the module docs' generated regions from tests/docs/blocks (make unit fails when stale)
	$(BIN)/python tests/docs/module_docs.py write

docs-rst: $(DOCS_STAMP) ## rewrite docs/docsite/rst/*.rst from the guides in docs/*.md (pandoc)
	$(DOCS_VENV)/bin/python tests/docs/docs_site.py rst $(BIN)/python

docs: venv $(DOCS_STAMP) ## HTML docs site from the installed tarball into .build/docs/html (not in make test)
	$(DOCS_VENV)/bin/python tests/docs/docs_site.py site $(BIN)/python

# ---------------------------------------------------------------------------------------------
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

$(IMPORTER_STAMP): tests/importer/requirements.txt $(STAMP) $(LOCK)
	$(call make_venv,$(IMPORTER_VENV),$(PYTHON),-r tests/importer/requirements.txt)
	src=$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') && \
	  dst=$$($(IMPORTER_VENV)/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') && \
	  mkdir -p $$dst/ansible_collections/amazon && ln -sfn $$src/ansible_collections/amazon/aws $$dst/ansible_collections/amazon/aws
	touch $@

importer: venv $(IMPORTER_STAMP) ## galaxy-importer on the built tarball (ansible-doc, ansible-lint, flake8, changelog)
	rm -rf $(IMPORTER_DIR)
	$(BIN)/ansible-galaxy collection build --force --output-path $(IMPORTER_DIR) .
	cd $(IMPORTER_DIR) && GALAXY_IMPORTER_CONFIG=$(CURDIR)/tests/importer/galaxy-importer.cfg PATH=$(CURDIR)/$(IMPORTER_VENV)/bin:$$PATH \
	  python -m galaxy_importer.main awscx-customerprofiles-*.tar.gz 2>&1 | tee importer.log
	grep -q '^Importer processing completed successfully' $(IMPORTER_DIR)/importer.log
	! grep -E '^(WARNING|ERROR)' $(IMPORTER_DIR)/importer.log | grep -vE '$(IMPORTER_ACCEPTED)'

# ---------------------------------------------------------------------------------------------
# make ee (in make test): the collection drops into an execution environment.
# ansible-builder introspect must read requirements.txt through meta/execution-environment.yml,
# and ansible-builder create must write a build context from tests/ee/execution-environment.yml
# (no container is built: there is no container engine here). See tests/ee/check_ee.py.
EE_VENV := $(BUILD)/ee-venv
EE_STAMP := $(EE_VENV)/.installed

$(EE_STAMP): tests/ee/requirements.txt $(LOCK)
	$(call make_venv,$(EE_VENV),$(PYTHON),-r tests/ee/requirements.txt)
	touch $@

ee: venv $(EE_STAMP) ## execution environment: ansible-builder introspect and create (no image is built)
	$(EE_VENV)/bin/python tests/ee/check_ee.py $(CURDIR)/$(EE_VENV)/bin/ansible-builder $(CURDIR)/$(BIN)/ansible-galaxy

# ---------------------------------------------------------------------------------------------
# Compatibility virtualenvs (see make compat above); the amazon.aws file of the leg is a
# prerequisite too, hence the second expansion.
.SECONDEXPANSION:
$(BUILD)/compat/%/.installed: tests/compat/core-%.txt tests/compat/common.txt tests/compat/install_amazon_aws.py \
  tests/compat/amazon.aws-$$(COMPAT_AMAZON_AWS_$$*).txt tests/compat/constraints-%.txt
	$(call make_venv,$(BUILD)/compat/$*,$(COMPAT_PYTHON_$*),-r tests/compat/core-$*.txt,tests/compat/constraints-$*.txt)
	$(BUILD)/compat/$*/bin/python tests/compat/install_amazon_aws.py $(COMPAT_AMAZON_AWS_$*) $(BUILD)/compat/$*/wheels
	touch $@

ALL_STAMPS := $(STAMP) $(DOCS_STAMP) $(IMPORTER_STAMP) $(EE_STAMP) $(COMPAT_STAMPS)

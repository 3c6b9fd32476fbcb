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
# pytest workers for the unit suite (each test runs its own in-process emulator)
UNIT_WORKERS ?= 2

export PYTHONPATH := $(CURDIR)/tests
export ANSIBLE_COLLECTIONS_PATH := $(CURDIR)/$(COLLECTIONS)

.PHONY: help venv collection test unit integration sanity changelog-lint example clean

help:
	@echo "make example      - run the example role against the bundled emulator"
	@echo "make test         - run every test"
	@echo "make unit         - unit tests (pytest tests/unit)"
	@echo "make integration  - integration targets against the emulator server"
	@echo "make sanity       - ansible-test sanity (every default test, --venv; SANITY_ARGS=--test pep8 narrows it)"

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
	$(BIN)/python -m pytest -q tests/integration

# ansible-test sanity on a copy under .build/ansible_collections (see tests/sanity/run_sanity.py)
sanity: venv
	$(BIN)/python tests/sanity/run_sanity.py $(SANITY_ARGS)

changelog-lint: venv
	$(BIN)/antsibull-changelog lint

test: unit integration sanity changelog-lint

clean:
	rm -rf $(BUILD) .pytest_cache

# make bench - per-task latency and API calls vs ansible.builtin.ping, a boto3 floor and
# amazon.aws.ec2_vpc_net_info (BENCH_N rounds, default 20); rewrites docs/performance.md
# and docs/performance.png. Not part of make test.
.PHONY: bench
bench: venv collection
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/bench/requirements.txt
	$(BIN)/python tests/bench/run_bench.py

# The two commands: `make dataset` (install + materialize everything) and `make test`.
# Every target installs what it needs first, so each works on a fresh clone.

# The operating system's CPython first, when it is 3.11+ and has venv: distributions build it with profile-guided
# optimisation, and on the project's machine it runs the extractors 1.5x faster than the source-built pyenv python3 on PATH
# (bench/RESULTS.md). Any other: `make PYTHON=/path/to/python3 ...`. A .venv made before keeps its interpreter: `rm -rf .venv`.
PYTHON ?= $(shell for p in /usr/bin/python3 python3; do $$p -c 'import sys, ensurepip, venv; assert sys.version_info >= (3, 11)' 2>/dev/null && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
# One Dagster home for the CLI and the UI, so runs launched from either show up in both.
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: dataset test ui bench docs clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(DAGSTER_HOME)/dagster.yaml:
	mkdir -p $(DAGSTER_HOME)
	printf 'telemetry:\n  enabled: false\n' > $@

dataset: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dg launch --job materialize_dataset
	$(BIN)/python -m pipeline.summary

test: $(BIN)/.installed
	$(BIN)/pytest

ui: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dg dev

bench: $(BIN)/.installed
	$(BIN)/pip install --quiet quantulum3==0.10.0
	$(BIN)/python bench/spin_repair.py
	$(BIN)/python bench/figures.py
	$(BIN)/python bench/exchanges.py

docs: $(BIN)/.installed
	$(BIN)/python -m pipeline.publish.describe

clean:
	rm -rf data $(DAGSTER_HOME)

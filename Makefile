# Two commands for a newcomer: `make serve` and `make test`. Both create .venv if it is missing.
# Exact versions come from constraints.txt (what CI tested); pyproject.toml keeps the ranges.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test bench clean

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[docs,test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: install
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict --site-dir site

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python tests/bench.py
	$(BIN)/python tests/bench_pages.py

clean:
	rm -rf site .cache

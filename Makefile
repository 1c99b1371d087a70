# Two commands for a newcomer: `make serve` and `make test`. Both create .venv if it is missing.
# Exact versions come from constraints.txt (what CI tested); pyproject.toml keeps the ranges.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
PROPERDOCS := properdocs==1.6.7

.PHONY: install serve build test lint bench mutate screenshots upgrade-check properdocs-check clean

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[docs,test]"
	touch $@

# .npmrc (engine-strict): fails if a locked package needs a newer Node than package.json's engines.
node_modules/.installed: package.json package-lock.json .npmrc
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: install
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict --site-dir site

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check hooks tests

test: lint
	$(BIN)/python -m pytest

# As modules (-m): a script's own folder would come first on sys.path, and tests/numbers.py would
# shadow the standard library's numbers.
bench: install
	$(BIN)/python -m tests.bench
	$(BIN)/python -m tests.text_numbers
	$(BIN)/python -m tests.budgets

# Every number in the text changed by one in its last digit, one at a time: the share the checks catch,
# per page, and the changes that survive (tests/mutate.py). Exits non-zero below 95 % on a page.
mutate: install
	$(BIN)/python -m tests.mutate

# Every page as a reader sees it (1280 px light and dark, 390 px), full length, into .screenshots/.
screenshots: build
	$(BIN)/python -m tests.screenshots site

# Before moving the pins: the newest numpy, torch and mkdocs-material in a throw-away venv, the
# doc-tests run there, and a diff of every output that changed (tests/upgrade_check.py).
upgrade-check: install
	$(BIN)/python -m tests.upgrade_check

# The book also builds with ProperDocs, the maintained continuation of MkDocs 1.x: a throw-away venv
# that sees .venv's packages (a .pth file) and adds only ProperDocs.
properdocs-check: install
	rm -rf .cache/properdocs
	$(BIN)/python -m venv .cache/properdocs
	$(BIN)/python -c "import site; print(site.getsitepackages()[0])" \
	  > "$$(.cache/properdocs/bin/python -c 'import site; print(site.getsitepackages()[0])')/book-venv.pth"
	.cache/properdocs/bin/python -m pip install --quiet --no-deps $(PROPERDOCS)
	JUPYTER_PATH=$(CURDIR)/$(VENV)/share/jupyter .cache/properdocs/bin/properdocs build --strict \
	  --site-dir .cache/properdocs-site

clean:
	rm -rf site .cache

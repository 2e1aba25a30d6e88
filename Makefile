# The two commands of the README: `make run` (the app on the sample) and `make test` (everything CI checks).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint sample bench clean postgresql

$(VENV)/.installed-app: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-app requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

/usr/bin/chromium:
	@# Debian's chromium serves the browser tests and kaleido's chart export.
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core poppler-utils >/dev/null

postgresql:
	@# Debian's PostgreSQL serves the tests of the shared store (a throwaway cluster on loopback).
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

run: $(VENV)/.installed-app
	$(PY) -m streamlit run dashboard.py --server.port $(PORT) --server.headless true

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: $(VENV)/.installed-dev /usr/bin/chromium postgresql lint
	@# one worker per core; a test file stays on one worker, so its module-scoped servers start once;
	@# files in collection order: those with slow tests first (tests/conftest.py), then the AppTests, then the rest,
	@# so that no long file is left to run alone at the end
	$(PY) -m pytest tests/app tests/e2e tests/unit -n auto --dist loadfile --no-loadscope-reorder --durations=25

sample: $(VENV)/.installed-app
	$(PY) data/sample/make_sample.py

bench: $(VENV)/.installed-dev
	$(PY) -m bench --sizes 1,10,100,1000 --json bench/results.json

clean:
	rm -rf $(VENV) data/store data/outcomes.duckdb* .pytest_cache tests/screenshots

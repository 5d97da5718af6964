# evtracker: `make run` sets everything up and serves on 127.0.0.1:8000; `make test` runs the checks.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The labelled development set doubles as demo data; `make run DEMO_ARTICLES=` ingests the seeds only.
DEMO_ARTICLES ?= tests/data/devset

# The first Python >= 3.12: on PATH first, then pyenv's versions.
FIND_PYTHON = for c in python3.14 python3.13 python3.12 python3 python \
	  $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.*/bin/python3 2>/dev/null | sort -rV); do \
	  if "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then command -v "$$c"; exit 0; fi; \
	done; exit 1

NO_PYTHON = evtracker needs Python 3.12 or newer (Django 6); none found on PATH or under $${PYENV_ROOT:-$$HOME/.pyenv}/versions. Install one and retry.

.PHONY: run test lint format worker beat editor bench screenshots clean print-python lock model

print-python:
	@py=$$($(FIND_PYTHON)) || { echo "$(NO_PYTHON)" >&2; exit 1; }; echo "$$py"

$(VENV)/bin/python:
	@py=$$($(FIND_PYTHON)) || { echo "$(NO_PYTHON)" >&2; exit 1; }; \
	echo "Creating $(VENV) with $$py ($$($$py --version))"; \
	"$$py" -m venv $(VENV)

# Every package comes pinned, with its hashes, from the lock files (`make lock` writes them from
# pyproject.toml); the project itself is installed without its dependencies.
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock

$(VENV)/.installed: $(VENV)/bin/python $(LOCK)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed $(DEV_LOCK)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(DEV_LOCK)
	touch $@

# The lock files, from pyproject.toml (its dependencies, and the dev extra) and setuptools to
# build the project: for every platform and Python from 3.12, each file with its hashes.
lock: $(VENV)/bin/python
	$(PY) -m pip install --quiet uv
	printf 'setuptools>=75\n' > .venv/build-requirements.in
	$(VENV)/bin/uv pip compile --quiet --universal --python-version 3.12 --generate-hashes \
	  pyproject.toml .venv/build-requirements.in -o $(LOCK)
	$(VENV)/bin/uv pip compile --quiet --universal --python-version 3.12 --generate-hashes \
	  --extra dev pyproject.toml .venv/build-requirements.in -o $(DEV_LOCK)

run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_companies
	$(PY) manage.py ingest seeds/articles $(DEMO_ARTICLES)
	@echo ""
	@echo "evtracker is starting on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "Create an editor account with:  $(PY) manage.py create_editor YOUR_NAME"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# The talks' pair model (evtracker/news/extraction/pairs.py), trained on tests/data/realset.
model: $(VENV)/.installed-dev
	$(PY) manage.py train_talk_model

# axe-core for the browser tests' accessibility checks, pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "make test needs npm (Node.js) for axe-core: apt-get install npm" >&2; exit 1; }
	npm ci --silent --no-audit --no-fund
	touch $@

test: $(VENV)/.installed-dev node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

worker: $(VENV)/.installed
	$(VENV)/bin/celery -A evtracker worker --loglevel=INFO

beat: $(VENV)/.installed
	@mkdir -p state
	$(VENV)/bin/celery -A evtracker beat --loglevel=INFO --schedule state/celerybeat-schedule

editor: $(VENV)/.installed
	$(PY) manage.py create_editor

# Benchmarks on PostgreSQL, a real gunicorn and Redis db 7 (bench/run.py says more): SIZES is a
# comma-separated list of corpus sizes (default 10000,100000,1000000), QUICK=1 runs 500 articles
# briefly into test-artifacts/. Results: docs/bench-results.json, docs/bench-latency.svg.
bench: $(VENV)/.installed
	@[ -x /usr/bin/wrk ] || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } \
	  || { echo "make bench needs Debian's wrk: apt-get install wrk" >&2; exit 1; }
	$(PY) bench/run.py $(if $(SIZES),--sizes $(SIZES)) $(if $(QUICK),--quick)

# A full-page PNG of every page, desktop and phone, on the demo data of `make run`, into
# docs/screenshots/ (bench/screenshots.py; Debian's Chromium at /usr/bin/chromium).
screenshots: $(VENV)/.installed-dev
	$(PY) bench/screenshots.py

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache test-artifacts

# OCO Portal. `make run` sets everything up and serves http://127.0.0.1:8000; `make test` runs the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
VPY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# A Python >= 3.12: $(PYTHON) if given, else the first suitable one on PATH or under pyenv.
find_python = $(shell for p in $(PYTHON) python3.13 python3.12 python3 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV); do \
	  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	  && { command -v $$p; break; }; done)

.PHONY: help run test lint lock format check-deploy worker beat bench clean serve

help:
	@echo "make run    - set up .venv, the database, reference and demo data; serve on http://$(HOST):$(PORT)"
	@echo "make test   - the whole test suite (PostgreSQL/Redis/SMTP when DATABASE_URL/REDIS_URL/EMAIL_URL are set)"
	@echo "make lint   - ruff, djLint, mypy, migrations check and the production deployment check"
	@echo "make lock   - recompile requirements*.txt (pinned, with hashes) from requirements*.in"
	@echo "make worker - a Celery worker (needs REDIS_URL); make beat - the Celery beat scheduler"
	@echo "make serve  - production: check the variables, release step, then gunicorn + worker + beat"

# The venv, made with $(find_python); one made with an older Python is replaced.
define make_venv
	@py="$(find_python)"; \
	if [ -z "$$py" ]; then \
	  echo "No Python 3.12 or newer found. Install one (e.g. 'pyenv install 3.12') or run 'make PYTHON=/path/to/python3.12 ...'." >&2; \
	  exit 1; \
	fi; \
	if [ -x $(VPY) ] && ! $(VPY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then rm -rf $(VENV); fi; \
	[ -x $(VPY) ] || { echo "Creating $(VENV) with $$py"; "$$py" -m venv $(VENV); }
endef

# Installs the dev lock (runtime and tooling, every package pinned with its hashes, so pip checks
# each download); again whenever a lock changes. The lock is complete and was resolved by uv
# (with requirements-overrides.txt), so pip installs it as it is (--no-deps).
$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(make_venv)
	$(VPY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(VPY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
	  -r requirements-dev.txt
	@touch $@

# Recompiles the locks from the .in files with uv, for every platform and Python 3.12 and newer.
# Pins already in a lock are kept; LOCK_ARGS="--upgrade-package NAME" (or "--upgrade") moves them.
UV_VERSION = $(shell sed -n 's/^uv==//p' requirements-dev.in)
UV_COMPILE = $(VENV)/bin/uv pip compile --quiet --universal --python-version 3.12 --generate-hashes \
	--override requirements-overrides.txt --custom-compile-command "make lock" $(LOCK_ARGS)

lock:
	$(make_venv)
	@[ "$$($(VENV)/bin/uv --version 2>/dev/null)" = "uv $(UV_VERSION)" ] || \
	  $(VPY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements-dev.in -o requirements-dev.txt

run: $(VENV)/.installed
	$(VPY) manage.py migrate --no-input
	$(VPY) manage.py load_reference_data
	$(VPY) manage.py seed_demo
	@echo ""
	@echo "OCO Portal on http://$(HOST):$(PORT)/ - demo accounts are listed in README.md"
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" $(VPY) manage.py runserver $(HOST):$(PORT)

# The suite in TEST_WORKERS processes (pytest-xdist); TEST_WORKERS=0 runs it in this one.
TEST_WORKERS ?= 2
test: $(VENV)/.installed
	CELERY_QUEUE=oco-test-$$$$ $(VPY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(VENV)/bin/mypy
	$(VPY) manage.py makemigrations --check --dry-run
	DJANGO_ENV=production SECRET_KEY=$$($(VPY) -c 'import secrets; print(secrets.token_urlsafe(60))') \
	  ALLOWED_HOSTS=portal.example $(VPY) manage.py check --deploy --fail-level WARNING

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

worker: $(VENV)/.installed
	$(VENV)/bin/celery -A oco_portal worker --loglevel INFO --concurrency 2

beat: $(VENV)/.installed
	$(VENV)/bin/celery -A oco_portal beat --loglevel INFO --schedule var/celerybeat-schedule

# Production on this machine (README.md, "Run in production"): the variables are checked first,
# then the release step, then gunicorn, a Celery worker and beat under supervisord (Ctrl-C or
# SIGTERM stops all three cleanly).
serve: $(VENV)/.installed
	@DJANGO_ENV=production $(VPY) -m oco_portal.preflight
	DJANGO_ENV=production $(VPY) manage.py release
	DJANGO_ENV=production HOST=$(HOST) PORT=$(PORT) PATH="$(CURDIR)/$(VENV)/bin:$$PATH" \
	  exec $(VENV)/bin/supervisord --configuration supervisord.conf

bench: $(VENV)/.installed
	$(VPY) -m bench.run

clean:
	rm -rf $(VENV) var/db.sqlite3 var/staticfiles .pytest_cache .mypy_cache

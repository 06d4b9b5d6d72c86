# The front door of the Lausitz directory. `make help` lists the targets.
# Every target can be run again safely; file targets (the venv stamps, the
# secret key) are only rebuilt when they are missing or out of date.

# bash for `<(...)`; -e and pipefail so a failing step stops the recipe.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# The test runs share staticfiles/ and must not overlap, even under `make -j`.
.NOTPARALLEL:

PORT ?= 8000
PYTEST_ARGS ?=
# pytest-xdist: a worker a core, each with its own test database; eight at most, as many as
# the Redis databases tests/support/redis.py hands out.
PYTEST_WORKERS := -n auto --maxprocesses 8
# Options of bench/run.py, e.g. BENCH_ARGS="--sizes 10000 --databases sqlite --duration 3"
# or BENCH_ARGS="--mode first-visit".
BENCH_ARGS ?=
# Options of bench/soak.py, e.g. SOAK_ARGS="--duration 20 --trial".
SOAK_ARGS ?=

VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
MANAGE := $(PY) manage.py

# Production-like settings for `run` and the management targets: DEBUG off,
# the local secret key, plain HTTP since gunicorn only listens on loopback.
# DATABASE_URL is passed through; without it Django uses db.sqlite3.
APP_ENV = env -u DJANGO_DEBUG DJANGO_HTTPS=0 DJANGO_SECRET_KEY="$$(cat .secret_key)"

# The tests pick their database from DATABASE_URL alone; each run sets it.
TEST_ENV = env -u DATABASE_URL DJANGO_SECRET_KEY=test-secret-key-not-for-production
PG_URL := postgres://lausitz:lausitz@127.0.0.1:5432/lausitz
# What the accessibility, HTML and Lighthouse checks need besides the venv.
CHECKERS := node_modules/.installed /usr/bin/java

.PHONY: help run migrate seed backup restore superuser test test-fast lint test-sqlite test-postgres postgres redis audit lighthouse bench soak clean

help: ## Show this list
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  make %-14s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

# --- Environment -------------------------------------------------------------

# The stamp is newer than pyproject.toml once its dependencies are installed.
# A venv that no longer runs (e.g. its Python was removed) is made anew.
$(VENV)/.installed: pyproject.toml
	$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
		|| { rm -rf $(VENV) && python=$$(scripts/find-python.sh) && "$$python" -m venv $(VENV); }
	$(PIP) install -r <($(PY) scripts/requirements.py)
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -r <($(PY) scripts/requirements.py test)
	touch $@

# Created once and kept, so sessions survive restarts. Never committed.
# Needs the venv only for its Python: a bare Debian has no python3.
.secret_key: | $(VENV)/.installed
	umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# The browser tests drive Debian's Chromium rather than a Playwright download.
/usr/bin/chromium:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

# The measuring tools of the tests and `make lighthouse` (axe-core, vnu.jar,
# Lighthouse), as package-lock.json pins them. Without install scripts: the
# only one, vnu-jar's, would download a Java runtime; Debian's is used instead.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# The Nu Html Checker (vnu.jar) runs on Java.
/usr/bin/java:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless

# The shared-cache tests run against a real Redis.
/usr/bin/redis-server:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server

# compilemessages needs GNU gettext's msgfmt.
/usr/bin/msgfmt:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y gettext

# The English interface (locale/en) and German for what Django and the third-party apps
# leave in English in the admin (locale/de); .po files are the source, compiled .mo files
# are not committed.
MESSAGES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))
$(MESSAGES): %.mo: %.po | $(VENV)/.installed /usr/bin/msgfmt
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

# --- Running -----------------------------------------------------------------

# seed_directory adds only the seed entries the database lacks; unlike loaddata
# it never overwrites what editors changed. set_site_domain points the Site row
# ("view on site", sitemaps, feeds) at DJANGO_SITE_DOMAIN, else at 127.0.0.1:PORT.
run: $(VENV)/.installed .secret_key $(MESSAGES) ## Migrate, seed an empty directory, serve on 127.0.0.1:PORT (8000)
	$(APP_ENV) $(MANAGE) migrate --noinput
	$(APP_ENV) $(MANAGE) seed_directory --if-empty
	$(APP_ENV) PORT=$(PORT) $(MANAGE) set_site_domain
	$(APP_ENV) $(MANAGE) collectstatic --noinput -v 0
	exec $(APP_ENV) HOST=127.0.0.1 PORT=$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py

migrate: $(VENV)/.installed .secret_key ## Apply database migrations
	$(APP_ENV) $(MANAGE) migrate --noinput

seed: $(VENV)/.installed .secret_key ## Add the seed entries the database lacks, also those editors deleted; changes nothing else
	$(APP_ENV) $(MANAGE) migrate --noinput
	$(APP_ENV) $(MANAGE) seed_directory

backup: $(VENV)/.installed .secret_key ## Save the whole database to var/backups/<time>.json
	$(APP_ENV) $(MANAGE) backup_directory

# Asks before it replaces anything; FILE names a file that `make backup` wrote.
restore: $(VENV)/.installed .secret_key ## Replace the database with a backup: make restore FILE=var/backups/<time>.json
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/<time>.json" >&2; exit 2; }
	$(APP_ENV) $(MANAGE) migrate --noinput
	$(APP_ENV) $(MANAGE) restore_directory "$(FILE)"

superuser: $(VENV)/.installed .secret_key ## Create an admin account (asks for name and password)
	$(APP_ENV) $(MANAGE) migrate --noinput
	$(APP_ENV) $(MANAGE) createsuperuser

postgres: ## Start local PostgreSQL with role and database lausitz (root)
	scripts/postgres.sh
	@echo "DATABASE_URL=$(PG_URL)"

redis: /usr/bin/redis-server ## Start a private, in-memory Redis on 127.0.0.1:6390 for the tests
	scripts/redis.sh

# --- Checks ------------------------------------------------------------------

test: lint audit test-sqlite test-postgres ## Lint, audit, then the test suite on SQLite and on PostgreSQL

test-fast: lint $(VENV)/.installed-test $(MESSAGES) $(CHECKERS) redis ## Lint, then the SQLite suite without the browser tests
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_WORKERS) -m "not browser" $(PYTEST_ARGS)

lint: $(VENV)/.installed-test ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Serves a fresh site with the seed entries and logs in as a Redaktion editor (not a superuser).
.PHONY: docs-screenshots
docs-screenshots: $(VENV)/.installed-test $(MESSAGES) /usr/bin/chromium ## Screenshots of the admin for docs/redaktion.md (docs/img/redaktion/)
	$(PY) -m scripts.docs_screenshots

.PHONY: docs-check
docs-check: $(VENV)/.installed-test ## Every link between README.md and docs/ leads to a file and heading
	$(TEST_ENV) $(VENV)/bin/pytest tests/test_docs.py

# The pinned dependencies and what they pull in, resolved as `make run` installs them, looked up
# in PyPI's vulnerability records (fed by the OSV database); any known vulnerability fails, and
# nothing is ignored. A package whose release the service cannot look up is listed as skipped
# rather than failing the run, so an unreachable service skips everything: read the table.
audit: $(VENV)/.installed-test ## Known vulnerabilities in the pinned dependencies (pip-audit)
	$(VENV)/bin/pip-audit --progress-spinner off \
		-r <($(PY) scripts/requirements.py) -r <($(PY) scripts/requirements.py test)

test-sqlite: $(VENV)/.installed-test $(MESSAGES) /usr/bin/chromium $(CHECKERS) redis ## Test suite on SQLite
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)

# A DATABASE_URL given by the caller is used as is; otherwise start our own server.
# Checks marked db_agnostic (markup, headers, settings, serving, parsing, the browser) judge
# what no database changes: they ran on SQLite, so this run leaves them out.
test-postgres: $(VENV)/.installed-test $(MESSAGES) /usr/bin/chromium $(CHECKERS) redis ## Test suite on PostgreSQL (DATABASE_URL or a local server)
	if [ -z "$${DATABASE_URL:-}" ]; then scripts/postgres.sh; fi
	$(TEST_ENV) DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}" $(VENV)/bin/pytest $(PYTEST_WORKERS) -m "not db_agnostic" $(PYTEST_ARGS)

# Serves the site itself with `make run` on a spare port unless BASE_URL names
# a running one; MIN_SCORE (100) and FORM_FACTOR=desktop are passed through.
lighthouse: $(VENV)/.installed /usr/bin/chromium node_modules/.installed ## Lighthouse scores of home, list, organisation and contact pages
	$(PY) -m bench.lighthouse

# Root, as for `make postgres`: installs wrk if missing and starts PostgreSQL; Datasette goes
# into its own venv. Fills the databases lausitz_bench and var/bench/ with demo entries and
# takes up to an hour with the defaults (both databases, 10,000 and 100,000 entries, both
# modes: each page's one address again and again, and first visits, a new address with every
# request). BENCH_ARGS="--mode first-visit" (or "--mode pages") measures one mode alone.
bench: $(VENV)/.installed $(MESSAGES) ## Load-test pages and first visits beside a static file and Datasette; writes docs/benchmarks.md
	$(PY) -m bench.run $(BENCH_ARGS)

# Root, as for `make bench`: five minutes of mixed traffic against gunicorn on PostgreSQL with
# 10,000 demo entries (database lausitz_bench); fails on any error (a non-2xx/3xx answer,
# a socket error or a timeout).
soak: $(VENV)/.installed $(MESSAGES) ## Five minutes of mixed traffic, 0 errors wanted; writes docs/soak.md
	$(PY) -m bench.soak $(SOAK_ARGS)

# --- Housekeeping ------------------------------------------------------------

clean: ## Remove the venv, collected static files and caches (keeps db.sqlite3)
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# What the site needs (requirements.in), and on top of it the test and drill tools
# (requirements-dev.in): a visitor's `make run` installs only the first. Every version is
# pinned once, in requirements.lock (`make lock` writes it with pip-tools).
SITE := $(VENV)/.installed-site
DEV := $(VENV)/.installed-dev
PIN := -c requirements.lock

.PHONY: run test install install-dev lock migrate seed check lint

$(SITE): requirements.in requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $(PIN) -r requirements.in
	touch $(SITE)

$(DEV): $(SITE) requirements-dev.in requirements-s3.in
	$(PY) -m pip install --quiet $(PIN) -r requirements-dev.in
	touch $(DEV)

install: $(SITE)
install-dev: $(DEV)

# After naming a package in a .in file: pins it and what it needs, once each, keeping every
# other pin as it is (`make lock UPGRADE=django` moves one package to its latest version).
lock: install-dev
	$(VENV)/bin/pip-compile --quiet --strip-extras --annotation-style=line --no-emit-index-url \
		--no-emit-find-links --no-emit-trusted-host \
		$(if $(UPGRADE),--upgrade-package $(UPGRADE)) --output-file requirements.lock \
		requirements.in requirements-s3.in requirements-dev.in

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py load_seed

run: seed
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-dev
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint: install-dev
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

check: lint
	$(PY) manage.py check

# Production: gunicorn (gunicorn.conf.py) with DJANGO_DEBUG off; needs DJANGO_SECRET_KEY and
# DATABASE_URL in the environment or .env.
.PHONY: serve backup restore drill-load drill-restart drill-backup drill-fuzz drill-cache drill-download
serve: install
	DJANGO_DEBUG=false $(PY) manage.py collectstatic --noinput
	DJANGO_DEBUG=false $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=false $(VENV)/bin/gunicorn --config gunicorn.conf.py

# Database and media to backups/<time>/; put back with `make restore BACKUP=backups/<time>`.
backup: install
	$(PY) -m regiondev.backups backup
restore: install
	@test -n "$(BACKUP)" || { echo "Say which: make restore BACKUP=backups/<time>"; exit 2; }
	$(PY) -m regiondev.backups restore $(BACKUP)

# Drills (docs/reliability.md): each starts what it needs on 127.0.0.1 and stops by itself.
drill-load: install-dev
	$(PY) drills/load.py
drill-restart: install-dev
	$(PY) drills/restart.py
drill-backup: install-dev
	$(PY) drills/backup.py
drill-fuzz: install-dev
	$(PY) drills/fuzz.py
drill-cache: install
	$(PY) drills/cache.py
drill-download: install-dev
	$(PY) drills/download.py

# The benchmark (docs/performance.md): fills its own PostgreSQL database (regiondev_bench on
# 127.0.0.1) with synthetic data when missing, prints medians and throughput, and stops.
.PHONY: bench
bench: install
	command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
	timeout 5400 $(PY) -m bench.run

# The article intake's score, per folder and language, on the source pack and the Korean pack
# (docs/article-intake.md); `make intake-score PACK="<folder> <folder>"` for other folders.
.PHONY: intake-score
intake-score: install
	$(PY) manage.py intake_score $(PACK)

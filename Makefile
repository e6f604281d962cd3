# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# What the site needs (requirements.txt), and on top of it the test and drill tools
# (requirements-dev.txt): a visitor's `make run` installs only the first.
SITE := $(VENV)/.installed-site
DEV := $(VENV)/.installed-dev

.PHONY: run test install install-dev migrate seed check lint

$(SITE): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(SITE)

$(DEV): $(SITE) requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(DEV)

install: $(SITE)
install-dev: $(DEV)

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

check: lint
	$(PY) manage.py check

# Production: gunicorn (gunicorn.conf.py) with DJANGO_DEBUG off; needs DJANGO_SECRET_KEY and
# DATABASE_URL in the environment or .env.
.PHONY: serve backup restore drill-load drill-restart drill-backup drill-fuzz drill-cache
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

# Drills (README, "Reliability"): each starts what it needs on 127.0.0.1 and stops by itself.
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

# The benchmark (README "Performance"): fills its own PostgreSQL database (regiondev_bench on
# 127.0.0.1) with synthetic data when missing, prints medians and throughput, and stops.
.PHONY: bench
bench: install
	command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
	timeout 5400 $(PY) -m bench.run

# The article intake's score, per folder and language, on the source pack and the Korean pack
# (README "Article intake"); `make intake-score PACK="<folder> <folder>"` for other folders.
.PHONY: intake-score
intake-score: install
	$(PY) manage.py intake_score $(PACK)

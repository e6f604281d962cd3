# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install migrate seed check lint

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py load_seed

run: seed
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

check: install
	$(PY) -m ruff check .
	$(PY) manage.py check

# The benchmark (README "Performance"): fills its own PostgreSQL database (regiondev_bench on
# 127.0.0.1) with synthetic data when missing, prints medians and throughput, and stops.
.PHONY: bench
bench: install
	command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
	timeout 5400 $(PY) -m bench.run

# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test workers (pytest-xdist): one per core, each with its own test database.
# Transactional tests (browser journeys, threads, backups) empty their
# worker's database; tests/conftest.py puts the migrated data back after each.
# loadfile: each test module runs whole on one worker, so data a module makes
# once (tests/module_data.py, the browser's demo site) is made once.
JOBS ?= auto

.PHONY: run test install lint format messages admin-messages collectstatic

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	PORT=$(PORT) $(BIN)/python manage.py load_demo_data
	PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh site/locale from the code, keep existing translations, recompile.
# Needs GNU gettext (xgettext) on the machine.
messages: install
	$(BIN)/python manage.py makemessages --locale ka --locale en --ignore .venv --ignore node_modules --no-obsolete
	$(BIN)/python manage.py complete_catalogues

# Georgian for Wagtail's and other packages' admin strings (site/admin_locale):
# refresh the msgids from the installed packages, keep the translations, list
# what is missing, compile with polib. Run after upgrading Wagtail.
admin-messages: install
	$(BIN)/python site/admin_locale/build.py

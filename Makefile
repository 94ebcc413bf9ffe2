# One entry point for every task; the README and CI call these.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# `make run` serves production-like settings over plain HTTP on this machine.
LOCAL_ENV := DEBUG=$${DEBUG:-0} HTTPS=$${HTTPS:-0} ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	SECRET_KEY=$${SECRET_KEY:-$$(cat .secret_key)}

.PHONY: run test lint format install editor reviewer superuser clean lighthouse bench bench-scale bench-lockout bench-glossary messages

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

.secret_key:
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: install .secret_key
	$(LOCAL_ENV) $(BIN)/python manage.py migrate --noinput
	$(LOCAL_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(LOCAL_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

# Accounts for the admin (the README says which to use). Each asks for a user
# name and a password.
editor: install .secret_key
	$(LOCAL_ENV) $(BIN)/python manage.py migrate --noinput
	$(LOCAL_ENV) $(BIN)/python manage.py create_staff_user editor

reviewer: install .secret_key
	$(LOCAL_ENV) $(BIN)/python manage.py migrate --noinput
	$(LOCAL_ENV) $(BIN)/python manage.py create_staff_user reviewer

superuser: install .secret_key
	$(LOCAL_ENV) $(BIN)/python manage.py migrate --noinput
	$(LOCAL_ENV) $(BIN)/python manage.py createsuperuser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: install lint
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

lighthouse: install
	bash scripts/lighthouse.sh

# Requests per second of each page against the site's CSS file (docs/performance.md).
bench: install
	nice $(BIN)/python scripts/bench.py

# Uncached time and queries per page type at 6, 1,000 and 10,000 pages.
bench-scale: install
	nice $(BIN)/python scripts/bench_scale.py

# A public page's speed under a flood of wrong admin passwords, lockout off and on.
bench-lockout: install
	$(BIN)/python scripts/bench_lockout.py

# Linking glossary words with 20 and 2,000 terms; search with 6 and 1,006 pages.
bench-glossary: install
	$(BIN)/python scripts/bench_glossary_and_search.py

# Interface strings (docs/translating.md): gather every marked string into
# locale/<language>/LC_MESSAGES/django.po (needs GNU gettext: apt-get install
# gettext), then compile each .po into its .mo with polib. Commit both.
MESSAGE_IGNORES := --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests \
	--ignore=scripts --ignore=templates/admin --ignore=content/admin \
	--ignore=neuroinfo/admin.py --ignore=content/templates/content/markdownx_widget.html
messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages --all --add-location=file --no-obsolete \
		$(MESSAGE_IGNORES)
	$(BIN)/python scripts/compile_messages.py

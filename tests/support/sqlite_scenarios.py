"""Scenarios that need a SQLite file of their own, run in a child process.

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python tests/support/sqlite_scenarios.py NAME

Prints one line of JSON. tests/test_concurrent_saves.py runs them, so they run in
both CI passes (the PostgreSQL pass too).
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def migrated_with_an_editor():
    """The database is a copy of one `manage.py migrate` made; add an editor."""
    return get_user_model().objects.create_user(
        "editor", password="a-long-test-password", is_staff=True, is_superuser=True
    )


def concurrent_saves():
    from tests.support.concurrency import two_page_saves

    user = migrated_with_an_editor()
    outcomes = two_page_saves(user)
    return {"statuses": [o if isinstance(o, int) else repr(o) for o in outcomes]}


def guide_race():
    from tests.support import concurrency

    user = migrated_with_an_editor()
    concurrency.slow_integrity_check(setattr)
    outcomes = concurrency.guide_race(user)
    return {
        "rounds": [
            {"statuses": [s if isinstance(s, int) else repr(s) for s in statuses], "problems": p}
            for statuses, p in outcomes
        ]
    }


def missing_file():
    from django.test import Client

    from content.models import Page

    path = Path(connection.settings_dict["NAME"])
    try:
        Page.objects.count()
        error = None
    except Exception as exc:  # noqa: BLE001 - reported to the test
        error = f"{type(exc).__module__}.{type(exc).__name__}: {exc}"
    connection.close()
    response = Client(raise_request_exception=False).get("/")
    return {
        "error": error,
        "created": path.exists(),
        "status": response.status_code,
        "page": response.content.decode(),
    }


if __name__ == "__main__":
    setup_test_environment()
    scenario = {"concurrent-saves": concurrent_saves, "guide-race": guide_race}
    scenario["missing-file"] = missing_file
    print(json.dumps(scenario[sys.argv[1]]()))

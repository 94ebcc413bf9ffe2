"""Two editors at once, and a lost database file.

The SQLite scenarios run in a child process with a SQLite file of their own,
so they run in both CI passes. The PostgreSQL race runs in this process and
only when the test database is PostgreSQL: CI's second pass.
"""

import json
import shutil
from pathlib import Path

import pytest
from django.db import connection

from content.models import Answer, Page, Question, Source
from content.starting.guide import load_starting_guide
from content.starting.pages import load_starting_pages
from tests.support import concurrency
from tests.support.subprocesses import run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def database(migrated, tmp_path):
    copy = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated, copy)
    return copy


def run_scenario(name, database):
    return json.loads(run(["tests/support/sqlite_scenarios.py", name], database))


def test_migrate_creates_the_sqlite_file_on_first_run_in_wal_mode(migrated):
    code = (
        "from django.db import connection as c; from content.models import Page;"
        "print(Page.objects.in_language().count(),"
        " c.cursor().execute('PRAGMA journal_mode').fetchone()[0])"
    )
    assert run(["manage.py", "shell", "-c", code], migrated) == "6 wal"


def test_two_editors_saving_at_the_same_moment_on_sqlite_both_succeed(database):
    outcome = run_scenario("concurrent-saves", database)
    # Before IMMEDIATE transactions, 24 in 25 of these gave one editor a 500.
    assert outcome["statuses"] == [302] * 10


def test_the_guide_check_and_save_are_one_step_on_sqlite(database):
    outcome = run_scenario("guide-race", database)
    for round_ in outcome["rounds"]:
        assert round_["problems"] == []
        assert sorted(round_["statuses"]) == [200, 302], round_


def test_a_missing_sqlite_file_is_an_error_that_says_so_and_is_not_recreated(tmp_path):
    database = tmp_path / "db.sqlite3"
    outcome = run_scenario("missing-file", database)
    assert "OperationalError" in outcome["error"]
    assert f"The SQLite database file {database} is missing" in outcome["error"]
    assert outcome["created"] is False
    assert not database.exists()
    # A database that cannot be opened is answered like one that is down
    # (neuroinfo/availability.py): the calm 503 with the "worried right now" help.
    assert outcome["status"] == 503
    assert "This page is not available just now" in outcome["page"]
    assert "If you are worried right now" in outcome["page"]


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's own race: runs in CI's PostgreSQL pass (SQLite's is tested above)",
)


def starting_content_and_an_editor(django_user_model):
    if not Page.objects.exists():  # an earlier transactional test emptied the tables
        load_starting_pages(Page, Source)
        load_starting_guide(Question, Answer, Page)
    return django_user_model.objects.create_user(
        "editor", password="a-long-test-password", is_staff=True, is_superuser=True
    )


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_guide_check_and_save_are_one_step_on_postgresql(django_user_model, monkeypatch):
    user = starting_content_and_an_editor(django_user_model)
    concurrency.slow_integrity_check(monkeypatch.setattr)
    for statuses, problems in concurrency.guide_race(user):
        # Before the lock, both saves passed the check and the guide broke.
        assert problems == []
        assert sorted(statuses) == [200, 302], statuses


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_deleting_a_page_while_an_answer_is_pointed_at_it_is_one_step_on_postgresql(
    django_user_model, monkeypatch
):
    user = starting_content_and_an_editor(django_user_model)
    concurrency.slow_integrity_check(monkeypatch.setattr)
    for (point, delete), still_there, problems in concurrency.delete_race(user):
        # Without the lock, the delete's check saw no answer yet, and one
        # editor got a 500 (the answer's page gone under it).
        assert isinstance(point, int) and isinstance(delete, int), (point, delete)
        assert problems == []
        # Either the answer was pointed first and the delete refused (a
        # redirect back to the page), or the page went and the answer was refused.
        assert (point, delete) in {(302, 302), (200, 302)}
        assert still_there == (point == 302)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_editors_saving_one_page_at_once_on_postgresql_one_is_refused(
    django_user_model, monkeypatch
):
    user = starting_content_and_an_editor(django_user_model)
    concurrency.slow_edit_token(monkeypatch.setattr)
    for statuses, bodies, waiting in concurrency.same_page_saves(user):
        # Compared before the lock, both were told "saved" and one text was lost.
        assert sorted(statuses) == [200, 302], statuses
        assert waiting == bodies[statuses.index(302)]

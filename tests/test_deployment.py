"""What the site needs to write (docs/deployment.md): a full or read-only disk
gives the calm 503, and a database folder that cannot be written is reported
at start."""

import errno
import logging
import sqlite3
import tempfile
from collections import namedtuple
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core import checks
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from neuroinfo import writable

pytestmark = pytest.mark.django_db


def test_an_editor_on_a_full_disk_gets_the_calm_503_not_a_400(django_user_model):
    editor = django_user_model.objects.create_user("nurse", is_staff=True, is_superuser=True)
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    full = OperationalError("database or disk is full")
    with mock.patch.object(Session, "save", side_effect=full):
        response = client.get(reverse("admin:index"))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "worried" in response.content.decode()


def test_a_session_deleted_meanwhile_is_still_djangos_400(django_user_model):
    editor = django_user_model.objects.create_user("nurse", is_staff=True, is_superuser=True)
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    from django.db import DatabaseError

    with mock.patch.object(Session, "save", side_effect=DatabaseError("no row updated")):
        assert client.get(reverse("admin:index")).status_code == 400


@pytest.fixture
def database_file(tmp_path):
    path = tmp_path / "db.sqlite3"
    sqlite3.connect(path).close()
    return path


def read_only(*args, **kwargs):
    raise OSError(errno.EROFS, "Read-only file system")


def test_a_writable_folder_has_no_problems(database_file):
    assert writable.problems(database_file) == []


def test_a_read_only_database_folder_is_an_error_that_says_what_to_do(database_file, monkeypatch):
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    [(is_error, message)] = writable.problems(database_file)
    assert is_error
    assert str(database_file.parent) in message
    assert "Read-only file system" in message
    assert "db.sqlite3-shm" in message and "docs/deployment.md" in message


def test_the_system_check_and_the_servers_log_report_it(database_file, monkeypatch, caplog):
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    monkeypatch.setattr(writable, "_sqlite_file", lambda: database_file)
    errors = [e for e in checks.run_checks() if e.id.startswith("neuroinfo.")]
    assert [e.id for e in errors] == ["neuroinfo.E010"]
    with caplog.at_level(logging.WARNING, logger="neuroinfo.writable"):
        writable.log_problems()
    assert [r.levelname for r in caplog.records] == ["ERROR"]
    assert "cannot be written" in caplog.records[0].getMessage()


def test_a_nearly_full_disk_is_a_warning(database_file, monkeypatch):
    usage = namedtuple("usage", "total used free")(10**9, 10**9 - 10**6, 10**6)
    monkeypatch.setattr(writable.shutil, "disk_usage", lambda path: usage)
    [(is_error, message)] = writable.problems(database_file)
    assert not is_error
    assert "Only 0 MB are free" in message

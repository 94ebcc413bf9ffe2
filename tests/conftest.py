import datetime

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client, override_settings

from neuroinfo import response_cache
from tests.support.factories import make_page, make_user
from tests.support.smtp import SmtpServer, free_port, smtp_settings
from tests.support.subprocesses import migrated_database


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no cached pages and reads the content version afresh.

    With REDIS_URL set this empties that Redis database: never point the tests
    at a Redis that holds anything else.
    """
    caches["default"].clear()
    response_cache.forget_version()
    yield
    response_cache.forget_version()


@pytest.fixture
def page(db):
    return make_page()


@pytest.fixture
def draft(db):
    return make_page(slug="a-draft", title="A draft", status="draft")


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", password="a-long-test-password", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(db):
    return make_user("nina", "editor", first_name="Nina", last_name="Editor")


@pytest.fixture
def reviewer(db):
    return make_user("dr-rao", "reviewer", first_name="Dr", last_name="Rao")


@pytest.fixture
def other_reviewer(db):
    return make_user("dr-okafor", "reviewer", first_name="Dr", last_name="Okafor")


@pytest.fixture
def superuser(db):
    return make_user("root", is_superuser=True)


@pytest.fixture
def editor_client(editor):
    return _client_for(editor)


@pytest.fixture
def reviewer_client(reviewer):
    return _client_for(reviewer)


@pytest.fixture
def other_reviewer_client(other_reviewer):
    return _client_for(other_reviewer)


@pytest.fixture
def superuser_client(superuser):
    return _client_for(superuser)


@pytest.fixture(scope="session")
def migrated(tmp_path_factory):
    """A SQLite file made by `manage.py migrate` in a child process, as on a fresh machine."""
    return migrated_database(tmp_path_factory)


TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def today():
    """Stop the clock at noon (UTC) on TODAY, for any test whose answer depends on the date.

    time-machine moves every clock Python reads: datetime.now(), date.today(),
    time.time() and so django.utils.timezone too, in this process (a child
    process such as a gunicorn server keeps the real clock). Noon, so a test
    never straddles midnight; stopped, so a date read before a request is the
    date the request reads. docs/testing.md says how to check that the suite
    holds a year ahead.
    """
    noon = datetime.datetime.combine(TODAY, datetime.time(12), tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=False):
        yield TODAY


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on 127.0.0.1, with Django's SMTP backend sending to it.

    `smtp_server.to(address)` lists the messages it received for that address.
    """
    server = SmtpServer().start()
    try:
        with override_settings(**server.settings()):
            yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_server_down():
    """Django's SMTP backend pointed at a port where no server listens."""
    with override_settings(**smtp_settings("127.0.0.1", free_port())):
        yield

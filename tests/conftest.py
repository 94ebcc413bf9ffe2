import datetime
from unittest import mock

import pytest

from tests.factories import make_page


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


TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def today():
    """Pin the clock to noon on TODAY for everything that asks django.utils.timezone."""
    noon = datetime.datetime.combine(TODAY, datetime.time(12), tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=noon):
        yield TODAY

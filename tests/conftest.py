import pytest
from django.core.cache import caches

from neuroinfo import response_cache
from tests.factories import make_page


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

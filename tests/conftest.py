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

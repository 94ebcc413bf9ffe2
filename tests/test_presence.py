"""Who else is editing: opening a change form says who else opened it in the
last 15 minutes (content/admin/presence.py)."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from content.admin.presence import others_editing, record_opening
from tests.support.factories import make_page, page_form_data

pytestmark = pytest.mark.django_db

OPENED = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.UTC)


def change_url(page):
    return f"/admin/content/page/{page.pk}/change/"


def hints(response):
    return [str(m) for m in response.context["messages"] if "opened this page" in str(m)]


def open_at(client, page, when):
    with time_machine.travel(when, tick=False):
        response = client.get(change_url(page))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("later", "hinted"),
    [
        (datetime.timedelta(minutes=3), True),
        (datetime.timedelta(minutes=14, seconds=59), True),
        (datetime.timedelta(minutes=15), False),
        (datetime.timedelta(hours=2), False),
    ],
)
def test_the_second_person_is_told_who_opened_the_page_in_the_last_15_minutes(
    editor_client, reviewer_client, page, later, hinted
):
    assert hints(open_at(editor_client, page, OPENED)) == []

    found = hints(open_at(reviewer_client, page, OPENED + later))

    if hinted:
        assert len(found) == 1
        assert found[0].startswith("Nina Editor opened this page ")
        assert "(at 09:30)" in found[0]
        assert "agree with them who goes first" in found[0]
    else:
        assert found == []


def test_the_hint_says_how_long_ago(editor_client, reviewer_client, page):
    open_at(editor_client, page, OPENED)
    [found] = hints(open_at(reviewer_client, page, OPENED + datetime.timedelta(minutes=3)))
    assert "3\xa0minutes ago" in found
    [found] = hints(open_at(reviewer_client, page, OPENED + datetime.timedelta(seconds=20)))
    assert "just now" in found


def test_both_people_see_each_other_and_nobody_sees_themselves(
    editor_client, reviewer_client, page
):
    open_at(editor_client, page, OPENED)
    assert hints(open_at(editor_client, page, OPENED + datetime.timedelta(minutes=1))) == []
    [found] = hints(open_at(reviewer_client, page, OPENED + datetime.timedelta(minutes=2)))
    assert found.startswith("Nina Editor ")
    [found] = hints(open_at(editor_client, page, OPENED + datetime.timedelta(minutes=5)))
    assert found.startswith("Dr Rao opened this page 3\xa0minutes ago")


def test_each_page_has_its_own_list(editor_client, reviewer_client, page):
    other = make_page(slug="another-page", title="Another page")
    open_at(editor_client, page, OPENED)
    assert hints(open_at(reviewer_client, other, OPENED + datetime.timedelta(minutes=1))) == []


def test_saving_shows_no_hint_on_the_next_page(editor_client, reviewer_client, page):
    open_at(editor_client, page, OPENED)
    with time_machine.travel(OPENED + datetime.timedelta(minutes=1), tick=False):
        response = reviewer_client.post(
            change_url(page), page_form_data(page, summary="A new summary."), follow=True
        )
    assert response.status_code == 200
    assert hints(response) == []


def test_only_signed_in_staff_are_noted(page, editor, django_user_model):
    visitor = django_user_model.objects.create_user("not-staff", password="x" * 20)
    with time_machine.travel(OPENED, tick=False):
        record_opening(AnonymousUser(), page)
        record_opening(visitor, page)
        assert others_editing(editor, page) == []
    assert cache.get(f"presence:{_content_type(page)}:{page.pk}") is None


def test_what_is_stored_is_the_staff_members_name_and_the_time(page, editor, reviewer):
    with time_machine.travel(OPENED, tick=False):
        record_opening(editor, page)
        assert cache.get(f"presence:{_content_type(page)}:{page.pk}") == {
            editor.pk: ("Nina Editor", OPENED)
        }
        assert others_editing(reviewer, page) == [("Nina Editor", OPENED)]


def _content_type(page):
    return ContentType.objects.get_for_model(page).pk

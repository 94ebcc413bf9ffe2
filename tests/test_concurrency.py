"""No lost edits: a save from a form opened before someone else's save is refused,
and the text typed into it is kept."""

import re
from html import unescape

import pytest

from content import review
from content.models import Page, PageChange
from tests.factories import page_form_data

pytestmark = pytest.mark.django_db


def open_form(client, page):
    """GET the change form as a browser would, and read the token it carries."""
    html = client.get(f"/admin/content/page/{page.pk}/change/").content.decode()
    return re.search(r'name="edit_token" value="([^"]+)"', html).group(1)


def test_the_second_editor_to_save_is_refused_and_keeps_what_they_typed(
    editor_client, reviewer_client, page
):
    url = f"/admin/content/page/{page.pk}/change/"
    first_token = open_form(editor_client, page)
    second_token = open_form(reviewer_client, page)
    assert first_token == second_token

    first = editor_client.post(
        url, page_form_data(page, body="Nina's wording.", edit_token=first_token)
    )
    assert first.status_code == 302
    second = reviewer_client.post(
        url, page_form_data(page, body="Dr Rao's wording.", edit_token=second_token)
    )
    assert second.status_code == 200
    html = unescape(second.content.decode())
    assert "Nina Editor saved this page at" in html
    assert "your changes were not saved" in html
    assert "Dr Rao's wording." in html  # still in the form
    assert PageChange.objects.get(page=page).body == "Nina's wording."

    # The refused form now carries the newer version: saving again after merging works.
    token = re.search(r'name="edit_token" value="([^"]+)"', html).group(1)
    assert token == review.edit_token(page) != second_token
    merged = "Nina's wording, with Dr Rao's too."
    third = reviewer_client.post(url, page_form_data(page, body=merged, edit_token=token))
    assert third.status_code == 302
    assert PageChange.objects.get(page=page).body == merged


def test_a_stale_save_of_a_draft_is_refused_too(editor_client, superuser_client, draft):
    url = f"/admin/content/page/{draft.pk}/change/"
    token = open_form(editor_client, draft)
    superuser_client.post(url, page_form_data(draft, body="Root's words."))
    response = editor_client.post(
        url, page_form_data(draft, body="Nina's words.", edit_token=token)
    )
    assert "root saved this page at" in unescape(response.content.decode())
    assert Page.objects.get(pk=draft.pk).body == "Root's words."


def test_a_sign_off_after_the_form_was_opened_refuses_the_old_form(
    editor_client, reviewer_client, page
):
    url = f"/admin/content/page/{page.pk}/change/"
    editor_client.post(url, page_form_data(page, body="Waiting words."))
    token = open_form(editor_client, page)
    reviewer_client.post(f"/admin/content/page/{page.pk}/review/", {"sign_off": "1"})
    response = editor_client.post(url, page_form_data(page, body="More.", edit_token=token))
    assert "Dr Rao saved this page at" in unescape(response.content.decode())


def test_a_form_without_a_token_is_refused(editor_client, page):
    response = editor_client.post(
        f"/admin/content/page/{page.pk}/change/", page_form_data(page, edit_token="")
    )
    assert response.status_code == 200
    assert "your changes were not saved" in unescape(response.content.decode())

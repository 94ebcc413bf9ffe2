"""No lost edits: a save from a form opened before someone else's save is refused,
and the text typed into it is kept."""

import re
from html import unescape

import pytest

from content import review
from content.models import Page
from tests.support.factories import decide, page_form_data
from tests.support.servers import FormReader

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
    assert review.waiting_change(page).data["body"] == "Nina's wording."

    # The refused form now carries the newer version: saving again after merging works.
    token = re.search(r'name="edit_token" value="([^"]+)"', html).group(1)
    assert token == review.edit_token(page) != second_token
    merged = "Nina's wording, with Dr Rao's too."
    third = reviewer_client.post(url, page_form_data(page, body=merged, edit_token=token))
    assert third.status_code == 302
    assert review.waiting_change(page).data["body"] == merged


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
    editor_client.post(url, page_form_data(page, body="Waiting words.", _submit_for_sign_off="1"))
    token = open_form(editor_client, page)
    decide(reviewer_client, page, {"sign_off": "1"})
    response = editor_client.post(url, page_form_data(page, body="More.", edit_token=token))
    assert "Dr Rao saved this page at" in unescape(response.content.decode())


def test_a_form_without_a_token_is_refused(editor_client, page):
    response = editor_client.post(
        f"/admin/content/page/{page.pk}/change/", page_form_data(page, edit_token="")
    )
    assert response.status_code == 200
    assert "your changes were not saved" in unescape(response.content.decode())


def resubmit(response):
    """The refused form's fields as a browser would post them again."""
    reader = FormReader("page_form")
    reader.feed(response.content.decode())
    return {k: v for k, v in reader.fields.items() if "__prefix__" not in k}


def test_after_a_refused_save_the_sources_stay_and_saving_again_works(
    editor_client, reviewer_client
):
    page = Page.objects.in_language().get(slug="cns")
    url = f"/admin/content/page/{page.pk}/change/"
    sources = [s["title"] for s in review.live_data(page)["sources"]]
    assert sources
    token = open_form(reviewer_client, page)
    # The editor's save makes the first change waiting for sign-off.
    assert editor_client.post(url, page_form_data(page, body="Nina's words.")).status_code == 302
    refused = reviewer_client.post(
        url, page_form_data(page, body="Dr Rao's words.", edit_token=token)
    )
    html = unescape(refused.content.decode())
    assert "your changes were not saved" in html
    for title in sources:
        assert title in html  # the sources section is not emptied
    data = resubmit(refused)
    assert data["body"].strip() == "Dr Rao's words."
    # Saving again from the refusal's form, after reading the other version, saves.
    again = reviewer_client.post(url, data)
    assert again.status_code == 302, unescape(again.content.decode())[-3000:]
    saved = review.working_data(page)
    assert saved["body"] == "Dr Rao's words."
    assert [s["title"] for s in saved["sources"]] == sources


def test_a_waiting_change_is_not_replaced_by_a_form_opened_before_it_was_saved(
    editor_client, reviewer_client, page
):
    url = f"/admin/content/page/{page.pk}/change/"
    editor_client.post(url, page_form_data(page, body="Already waiting."))
    first, second = open_form(editor_client, page), open_form(reviewer_client, page)
    editor_client.post(url, page_form_data(page, body="Nina's newer words.", edit_token=first))
    refused = reviewer_client.post(
        url, page_form_data(page, body="Dr Rao's words.", edit_token=second)
    )
    assert "your changes were not saved" in unescape(refused.content.decode())
    assert review.working_data(page)["body"] == "Nina's newer words."


def test_every_error_of_a_refused_form_is_shown_in_words(editor_client, page):
    data = page_form_data(page, body="Words.")
    data.update({"sources-TOTAL_FORMS": 1, "sources-0-url": "not an address"})
    response = editor_client.post(f"/admin/content/page/{page.pk}/change/", data)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Please correct the error" in html
    assert "Enter a valid URL." in html
    assert "This field is required." in html  # the source's missing organisation

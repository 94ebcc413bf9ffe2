import datetime
import re
from html import unescape

import pytest

from content import review
from content.models import Page
from tests.support.factories import admin_url, make_page, page_form_data, remove_translations

pytestmark = pytest.mark.django_db


def test_editors_see_pages_with_status_and_review_dates(staff_client, page):
    html = staff_client.get(admin_url("content/page/")).content.decode()
    assert page.title in html
    # The status column itself, not the filter sidebar's "Published".
    assert '<td class="field-status_and_sign_off">Published<' in html
    assert "Next review due" in html


def test_the_due_soon_filter_and_review_column(staff_client, today):
    Page.objects.filter(slug="cns").update(review_due=today + datetime.timedelta(days=10))
    Page.objects.filter(slug="low-risk").update(review_due=today + datetime.timedelta(days=200))
    Page.objects.filter(slug="high-risk").update(review_due=today - datetime.timedelta(days=1))
    html = staff_client.get(admin_url("content/page/?review=soon")).content.decode()
    assert "comes back in the brain or spinal cord" in html
    assert "When low-risk neuroblastoma comes back" not in html
    assert "When high-risk neuroblastoma comes back" not in html
    assert '<td class="field-review_state">Due soon</td>' in html
    listing = staff_client.get(admin_url("content/page/")).content.decode()
    assert (
        '<td class="field-review_state"><strong class="review-overdue">'
        '<span aria-hidden="true">⚠ </span>Overdue</strong></td>' in listing
    )
    assert '<td class="field-review_state">OK</td>' in listing


def test_overdue_filter_lists_only_pages_past_their_review_date(staff_client, today):
    Page.objects.filter(slug="cns").update(review_due="2020-01-01")
    html = staff_client.get(admin_url("content/page/?review=overdue")).content.decode()
    assert "comes back in the brain or spinal cord" in html
    assert "When low-risk neuroblastoma comes back" not in html


def test_search_finds_text_in_the_body(staff_client):
    remove_translations()  # each language's page says "crizotinib": one is enough here
    html = staff_client.get(admin_url("content/page/?q=crizotinib")).content.decode()
    assert "1 result" in html


def test_the_edit_form_has_the_live_preview_and_slug_from_title(staff_client, page):
    html = staff_client.get(admin_url(f"content/page/{page.pk}/change/")).content.decode()
    assert "markdownx-editor" in html
    assert "markdownx-preview" in html
    assert "prepopulated" in html


def test_an_invalid_change_keeps_what_the_editor_typed(staff_client, page):
    page.last_reviewed = datetime.date(2026, 11, 20)
    page.save()
    response = staff_client.post(
        admin_url(f"content/page/{page.pk}/change/"),
        page_form_data(
            page,
            body="A long new paragraph the editor wrote.",
            review_due="2026-11-01",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The next review date must be today or later" in html
    assert "A long new paragraph the editor wrote." in html


def test_live_preview_sanitises_like_the_public_page(staff_client):
    response = staff_client.post(
        "/markdownx/markdownify/", {"content": '## Hi\n\n<img src=x onerror="alert(1)">'}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="hi">Hi</h2>' in html
    assert "<img" not in html


def test_live_preview_is_for_staff_only(client):
    response = client.post("/markdownx/markdownify/", {"content": "<b>x</b>"})
    assert response.status_code == 302
    assert admin_url("login/") in response["Location"]


@pytest.mark.parametrize("user_client", ["client", "staff_client"])
def test_image_uploads_are_off_for_everyone(request, user_client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = request.getfixturevalue(user_client)
    upload = SimpleUploadedFile("x.png", b"\x89PNG\r\n", content_type="image/png")
    response = client.post("/markdownx/upload/", {"image": upload})
    assert response.status_code == 404
    assert not any(tmp_path.iterdir())


def test_every_save_keeps_an_earlier_version_with_who_saved_it(staff_client, page):
    url = admin_url(f"content/page/{page.pk}/change/")
    staff_client.post(url, page_form_data(page, body="First wording."))
    staff_client.post(url, page_form_data(page, body="Second wording."))
    # The page is published, so both saves wait for sign-off; both are kept.
    kept = [(v.data["body"], v.who) for v in review.versions(page)]
    assert kept[:2] == [("Second wording.", "editor"), ("First wording.", "editor")]
    listing = staff_client.get(admin_url(f"content/page/{page.pk}/history/"))
    assert listing.status_code == 200
    assert listing.content.decode().count("Change: draft: not yet submitted") == 2


def test_a_hard_to_read_page_saves_with_a_warning(staff_client, page):
    hard = (
        "Neuroblastoma recurrence necessitates individualised multimodal therapeutic "
        "considerations incorporating chemotherapeutic, radiotherapeutic and "
        "immunotherapeutic interventions according to institutional protocols."
    )
    response = staff_client.post(
        admin_url(f"content/page/{page.pk}/change/"), page_form_data(page, body=hard), follow=True
    )
    html = response.content.decode()
    assert "Parents need grade 8 or lower" in html
    assert review.working_data(page)["body"] == hard


def test_an_edited_page_can_still_be_deleted(staff_client, page):
    staff_client.post(admin_url(f"content/page/{page.pk}/change/"), page_form_data(page))
    response = staff_client.post(admin_url(f"content/page/{page.pk}/delete/"), {"post": "yes"})
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_unpublishing_a_page_other_pages_link_to_is_refused_naming_them(staff_client):
    trials = Page.objects.in_language().get(slug="clinical-trials")
    response = staff_client.post(
        admin_url(f"content/page/{trials.pk}/change/"), page_form_data(trials, status="draft")
    )
    assert response.status_code == 200
    html = unescape(response.content.decode())
    # The refusal itself names the linking pages (the "pages that link here"
    # field names them too, so finding them anywhere on the form proves nothing).
    refusal = re.search(r"<li>([^<]*cannot be unpublished yet[^<]*)</li>", html)
    assert refusal, html
    assert "“When high-risk neuroblastoma comes back”" in refusal.group(1)
    assert "“When intermediate-risk neuroblastoma comes back”" in refusal.group(1)
    assert Page.objects.in_language().get(slug="clinical-trials").status == "published"


def test_saving_a_draft_that_published_pages_link_to_warns_naming_them(staff_client):
    target = make_page(slug="target", title="Target", status="draft")
    make_page(slug="linker", title="The linking page", body="See [target](/pages/target/).")
    response = staff_client.post(
        admin_url(f"content/page/{target.pk}/change/"), page_form_data(target), follow=True
    )
    html = unescape(response.content.decode())
    warning = re.search(r'<li class="warning">([^<]*these pages link to it[^<]*)</li>', html)
    assert warning, html
    assert "“The linking page”" in warning.group(1)
    assert "“Page not found”" in warning.group(1)


def test_the_live_preview_answers_400_without_its_text(staff_client):
    response = staff_client.post("/markdownx/markdownify/", {})
    assert response.status_code == 400
    assert "content" in response.content.decode()


@pytest.mark.parametrize(
    "hostile",
    ["[" * 10_000, "".join("    " * i + "- x\n" for i in range(400)), "x" * 100_001],
)
def test_the_live_preview_shows_a_calm_message_for_text_it_will_not_render(staff_client, hostile):
    response = staff_client.post("/markdownx/markdownify/", {"content": hostile})
    assert response.status_code == 200
    assert "The preview cannot show this" in unescape(response.content.decode())


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[" * 10_000, "too many “[” characters"),
        ("> " * 30 + "deep", "nested more than 20 levels deep"),
        ("".join("\t" * i + "- x\n" for i in range(400)), "nested more than 20 levels deep"),
        ("x" * 100_001, "at most 100000 characters"),
    ],
)
def test_text_the_renderer_refuses_is_a_form_error_and_nothing_is_lost(
    staff_client, page, body, message
):
    response = staff_client.post(
        admin_url(f"content/page/{page.pk}/change/"), page_form_data(page, body=body)
    )
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert message in html.replace(",", "")
    assert body[:500] in html
    page.refresh_from_db()
    assert page.body == "## A section {#a-section}\n\nSome plain words."


def test_the_body_help_text_states_the_limit(staff_client, page):
    html = staff_client.get(admin_url(f"content/page/{page.pk}/change/")).content.decode()
    assert "At most 100,000 characters" in html


def test_signing_in_with_a_refused_next_goes_to_the_admin_front_page(client, django_user_model):
    django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    response = client.post(
        admin_url("login/?next=https://evil.example/"),
        {"username": "editor", "password": "a-long-test-password"},
    )
    assert response.status_code == 302
    assert response["Location"] == admin_url("")

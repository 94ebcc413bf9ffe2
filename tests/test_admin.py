import datetime

import pytest

from content.models import Page
from tests.factories import admin_url, page_form_data

pytestmark = pytest.mark.django_db


def test_editors_see_pages_with_status_and_review_dates(staff_client, page):
    html = staff_client.get(admin_url("content/page/")).content.decode()
    assert page.title in html
    assert "Published" in html
    assert "Next review due" in html


def test_overdue_filter_lists_only_pages_past_their_review_date(staff_client):
    Page.objects.filter(slug="cns").update(review_due="2020-01-01")
    html = staff_client.get(admin_url("content/page/?review=overdue")).content.decode()
    assert "comes back in the brain or spinal cord" in html
    assert "When low-risk neuroblastoma comes back" not in html


def test_search_finds_text_in_the_body(staff_client):
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
    bodies = [r.body for r in page.revisions.all()]
    assert bodies == ["Second wording.", "First wording."]
    assert page.revisions.first().saved_by.username == "editor"
    listing = staff_client.get(admin_url(f"content/pagerevision/?page__id__exact={page.pk}"))
    assert listing.status_code == 200
    assert "2 earlier versions" in listing.content.decode()


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
    page.refresh_from_db()
    assert page.body == hard


def test_an_edited_page_can_still_be_deleted(staff_client, page):
    staff_client.post(admin_url(f"content/page/{page.pk}/change/"), page_form_data(page))
    response = staff_client.post(admin_url(f"content/page/{page.pk}/delete/"), {"post": "yes"})
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()

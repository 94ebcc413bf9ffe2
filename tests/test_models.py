import datetime

import pytest
from django.core.exceptions import ValidationError

from content.models import Page
from tests.support.factories import make_page

pytestmark = pytest.mark.django_db


def test_saving_a_page_renders_its_markdown_to_html():
    page = make_page(body="## Hello\n\n<script>x</script>")
    assert '<h2 id="hello">Hello</h2>' in page.body_html
    assert "<script>" not in page.body_html


def test_published_leaves_out_drafts():
    make_page(slug="one")
    make_page(slug="two", status=Page.Status.DRAFT)
    published = Page.objects.published().filter(slug__in=["one", "two"])
    assert [p.slug for p in published] == ["one"]


def test_review_overdue_and_due_soon_use_the_date_given():
    make_page(slug="late", review_due=datetime.date(2026, 11, 1))
    make_page(slug="soon", review_due=datetime.date(2026, 12, 1))
    make_page(slug="later", review_due=datetime.date(2027, 6, 1))
    today = datetime.date(2026, 11, 22)
    pages = Page.objects.filter(slug__in=["late", "soon", "later"])
    assert [p.slug for p in pages.review_overdue(today)] == ["late"]
    assert [p.slug for p in pages.review_due_within(30, today)] == ["soon"]


def test_a_review_cannot_be_due_before_the_last_review():
    page = make_page(last_reviewed=datetime.date(2026, 11, 1))
    page.review_due = page.last_reviewed
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "review_due" in error.value.message_dict


def test_absolute_url_is_the_public_page_address():
    assert make_page(slug="cns-x").get_absolute_url() == "/pages/cns-x/"


def test_a_heading_cannot_take_an_id_the_site_uses():
    page = make_page(body="## Skip here {#main-content}")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "main-content" in str(error.value.message_dict["body"])


@pytest.mark.parametrize("level", ["##", "###", "####", "#####", "######"])
def test_no_heading_level_can_take_an_id_the_site_uses(level):
    page = make_page(body="Words.")
    page.body = f"{level} Skip here {{#main-content}}\n\nWords."
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "main-content" in str(error.value.message_dict["body"])


def test_a_body_over_the_limit_is_refused_by_the_model():
    page = make_page(body="Words.")
    page.body = "x" * 100_001
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "body" in error.value.message_dict


# Ids the templates use that a heading once could take (they saved).
ONCE_ALLOWED = [
    "feedback-heading", "feedback-yes", "related-heading", "site-search-q", "search-q",
    "answers-heading", "checklist-heading",
]  # fmt: skip


@pytest.mark.parametrize("taken", ONCE_ALLOWED)
def test_ids_the_pages_own_template_uses_are_refused(taken):
    page = make_page(body="Words.")
    page.body = f"## Here {{#{taken}}}\n\nWords."
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert f"The heading id {taken} is used by the site itself" in str(error.value)


def ids_in_our_templates():
    """Read the templates separately from content.rendering, as a check on it."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    found = {}
    for folder in [root / "templates", root / "content" / "templates"]:
        for path in folder.rglob("*"):
            if path.is_file():
                for value in re.findall(r"""\bid=["']([^"']*)["']""", path.read_text()):
                    if "{" not in value:
                        found[value] = path.relative_to(root)
    return found


def test_every_id_a_template_uses_is_reserved():
    """Fails when a template gains an id that a heading in a page could still take."""
    found = ids_in_our_templates()
    assert set(ONCE_ALLOWED) < set(found)
    page = make_page(body="Words.")
    for taken, template in found.items():
        page.body = f"## Here {{#{taken}}}\n\nWords."
        with pytest.raises(ValidationError, match="used by the site itself"):
            page.full_clean()
            pytest.fail(f"{taken} (from {template}) saved")


def test_two_headings_with_one_id_are_refused_with_a_clear_message():
    page = make_page(body="Words.")
    page.body = "## A {#dup}\n\nWords.\n\n### B {#dup}\n\nMore."
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    [message] = error.value.message_dict["body"]
    assert message.startswith("Two headings have the id dup:")


def test_headings_with_the_same_words_get_ids_of_their_own_and_save():
    page = make_page(body="Words.")
    page.body = "## Side effects\n\nOne.\n\n## Side effects\n\nTwo."
    page.full_clean()


def test_the_editor_sees_the_duplicate_id_next_to_the_text(staff_client, page):
    from html import unescape

    from tests.support.factories import admin_url, page_form_data

    body = "## A {#dup}\n\nWords.\n\n## B {#dup}"
    response = staff_client.post(
        admin_url(f"content/page/{page.pk}/change/"), page_form_data(page, body=body)
    )
    assert response.status_code == 200
    assert "Two headings have the id dup" in unescape(response.content.decode())
    assert response.context["adminform"].form.errors["body"] == [
        "Two headings have the id dup: links to it would find only the first. "
        "Give each heading its own {#id}."
    ]

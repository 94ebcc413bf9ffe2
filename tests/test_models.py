import datetime

import pytest
from django.core.exceptions import ValidationError

from content.models import Page
from tests.factories import make_page

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

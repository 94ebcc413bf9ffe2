"""The review cycle: overdue and due-soon pages in the admin and for cron, and
an honest page for parents when a review is late. The clock is pinned to
tests.conftest.TODAY (1 December 2026) by the `today` fixture."""

import datetime
from html import unescape

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from content import review
from content.models import Page
from tests.support.factories import make_page, page_form_data

pytestmark = pytest.mark.django_db

LATER = datetime.date(2030, 1, 1)


@pytest.fixture
def pages(today):
    """Only the pages made here have reviews due soon: one overdue, one due in
    ten days, one in forty."""
    Page.objects.update(review_due=LATER)
    return {
        "overdue": make_page(slug="late", title="Late page", review_due=datetime.date(2026, 11, 2)),
        "soon": make_page(slug="soon", title="Soon page", review_due=datetime.date(2026, 12, 11)),
        "later": make_page(slug="later", title="Later page", review_due=datetime.date(2027, 1, 10)),
    }


def test_the_admin_front_page_lists_overdue_and_due_soon_pages(staff_client, pages):
    html = unescape(staff_client.get(reverse("admin:index")).content.decode())
    panel = html[html.index("Reviews due") : html.index("All due soon")]
    assert "Overdue (1)" in panel
    assert "Late page" in panel
    assert "review was due 2 November 2026" in panel
    assert "Due in the next 30 days (1)" in panel
    assert "Soon page" in panel
    assert "Later page" not in panel
    # Above the list of apps.
    assert html.index("Reviews due") < html.index('id="content-main"')


def test_the_front_page_says_so_when_no_review_is_due(staff_client, today):
    Page.objects.update(review_due=LATER)
    html = staff_client.get(reverse("admin:index")).content.decode()
    assert "No published page is overdue for review or due in the next 30 days." in html


def test_the_page_list_marks_overdue_in_words_and_a_symbol_not_colour_alone(staff_client, pages):
    html = staff_client.get(reverse("admin:content_page_changelist")).content.decode()
    assert (
        '<strong class="review-overdue"><span aria-hidden="true">⚠ </span>Overdue</strong>' in html
    )
    assert "Due soon" in html


def test_a_next_review_date_in_the_past_cannot_be_saved(staff_client, page, today):
    response = staff_client.post(
        reverse("admin:content_page_change", args=[page.pk]),
        page_form_data(page, review_due="2026-11-30", body="Words the editor typed."),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The next review date must be today or later." in html
    assert "Words the editor typed." in html
    assert Page.objects.get(pk=page.pk).review_due == datetime.date(2027, 5, 1)


def test_today_is_a_valid_next_review_date(staff_client, page, today):
    response = staff_client.post(
        reverse("admin:content_page_change", args=[page.pk]),
        page_form_data(page, review_due=today.isoformat()),
    )
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).review_due == today


def test_an_overdue_date_left_alone_does_not_block_other_changes(staff_client, pages):
    late = pages["overdue"]
    response = staff_client.post(
        reverse("admin:content_page_change", args=[late.pk]),
        page_form_data(late, body="A fixed typo."),
    )
    assert response.status_code == 302
    # Saved: as a change waiting for sign-off, since the page is published.
    assert review.working_data(Page.objects.get(pk=late.pk))["body"] == "A fixed typo."


def test_a_new_page_with_a_past_review_date_is_refused(staff_client, today):
    data = page_form_data(Page(**_new_page()), review_due="2020-01-01")
    response = staff_client.post(reverse("admin:content_page_add"), data)
    assert "The next review date must be today or later." in response.content.decode()
    assert not Page.objects.filter(slug="brand-new").exists()


def _new_page():
    return {
        "title": "Brand new",
        "slug": "brand-new",
        "summary": "New.",
        "status": "draft",
        "order": 0,
        "body": "Words.",
        "review_due": datetime.date(2027, 1, 1),
    }


def checked(page):
    page.checked_at = timezone.now()
    page.checked_by_role = "Medical reviewer"
    page.last_reviewed = datetime.date(2025, 11, 1)
    page.save()
    return page


def test_parents_see_an_overdue_page_is_due_for_review_not_a_past_date(client, pages):
    checked(pages["overdue"])
    html = client.get("/pages/late/").content.decode()
    assert "This page is due for review." in html
    assert "2 November 2026" not in html
    assert "Next review due" not in html


def test_parents_see_the_next_review_date_while_it_is_ahead(client, pages):
    checked(pages["soon"])
    html = client.get("/pages/soon/").content.decode()
    assert "Next review due" in html
    assert "11 December 2026" in html
    assert "This page is due for review." not in html


def test_review_report_lists_pages_and_fails_when_one_is_overdue(capsys, pages):
    with pytest.raises(CommandError, match="1 page is overdue for review."):
        call_command("review_report")
    out = capsys.readouterr().out
    assert "Review report for 1 December 2026" in out
    assert "OVERDUE  Late page (/pages/late/): was due 2 November 2026, 29 days ago" in out
    assert "Due in the next 30 days: 1" in out
    assert "due      Soon page (/pages/soon/): 11 December 2026" in out
    assert "Later page" not in out


def test_review_report_looks_as_far_ahead_as_asked(capsys, pages):
    Page.objects.filter(slug="late").delete()
    call_command("review_report", "--days", "45")
    out = capsys.readouterr().out
    assert "Overdue: 0" in out
    assert "Due in the next 45 days: 2" in out
    assert "Later page" in out


def test_review_report_exits_non_zero_from_the_command_line_when_overdue(capsys, pages):
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["manage.py", "review_report"])
    assert exit_.value.code == 1
    assert "1 page is overdue for review." in capsys.readouterr().err


def test_review_report_refuses_a_negative_number_of_days(pages):
    with pytest.raises(CommandError, match="must be 0 or more"):
        call_command("review_report", "--days", "-1")

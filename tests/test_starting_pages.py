import datetime

import pytest

from content.models import Page, Source
from content.readability import MAX_GRADE, reading_grade
from content.starting.pages import load_starting_pages, starting_pages

SLUGS = {
    "what-is-recurrence",
    "low-risk",
    "intermediate-risk",
    "high-risk",
    "cns",
    "clinical-trials",
}


@pytest.mark.django_db
def test_the_first_migrate_publishes_all_six_pages_with_sources_and_no_invented_review():
    pages = Page.objects.filter(slug__in=SLUGS)
    assert {p.slug for p in pages} == SLUGS
    for page in pages:
        assert page.status == Page.Status.PUBLISHED
        assert page.body_html.startswith("<")
        assert page.sources.exists(), page.slug
        assert page.last_reviewed is None
        assert not page.is_checked


@pytest.mark.django_db
def test_loading_again_never_overwrites_an_editors_change():
    page = Page.objects.in_language().get(slug="cns")
    page.body = "Edited by a nurse."
    page.save()
    load_starting_pages(Page, Source)
    assert Page.objects.in_language().get(slug="cns").body == "Edited by a nurse."
    assert Page.objects.in_language().filter(slug__in=SLUGS).count() == 6


@pytest.mark.django_db
def test_loading_recreates_only_a_missing_page():
    Page.objects.filter(slug="clinical-trials").delete()
    load_starting_pages(Page, Source)
    assert Page.objects.in_language().get(slug="clinical-trials").sources.count() >= 1


def test_review_dates_are_spread_across_pages():
    due = [page["review_due"] for page in starting_pages()]
    assert len(set(due)) == len(due)


@pytest.mark.parametrize("slug", ["low-risk", "intermediate-risk", "high-risk"])
@pytest.mark.django_db
def test_risk_group_pages_have_stable_section_ids_for_the_guide(slug):
    html = Page.objects.in_language().get(slug=slug).body_html
    assert '<h2 id="one-place">' in html
    assert '<h2 id="spread">' in html


@pytest.mark.django_db
def test_the_overview_has_a_section_on_risk_groups():
    assert (
        '<h2 id="risk-groups">'
        in Page.objects.in_language().get(slug="what-is-recurrence").body_html
    )


@pytest.mark.django_db
def test_every_published_page_ends_with_questions_for_the_care_team():
    for page in Page.objects.published():
        assert "Questions you may want to ask your child" in page.body_html, page.slug


@pytest.mark.django_db
def test_every_published_page_reads_at_grade_8_or_lower():
    pages = list(Page.objects.published())
    assert len(pages) >= 6
    for page in pages:
        grade = reading_grade(page.body_html)
        assert grade <= MAX_GRADE, f"{page.slug} reads at grade {grade:.1f}"


def test_starting_files_parse_with_a_review_due_and_no_review_date():
    for page in starting_pages():
        assert isinstance(page["review_due"], datetime.date)
        assert "last_reviewed" not in page
        assert page["title"] and page["summary"] and page["body"]

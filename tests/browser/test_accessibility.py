"""axe-core on every page type: public pages against WCAG 2.x A, AA and AAA
(text contrast of 7:1) and axe's best practices; the admin against A and AA.

Automated checks find only part of the problems: docs/accessibility.md lists
what was checked by hand.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.cache import cache
from playwright.sync_api import expect

from content import languages, review
from content.feedback import RATE_LIMIT
from content.models import Feedback, Page, Question, ReviewerLanguages
from content.review import translations
from tests.browser.conftest import log_in
from tests.browser.pages import PUBLIC_PAGES
from tests.support.factories import admin_url, make_user

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
WCAG_AAA_AND_BEST_PRACTICE = {
    "runOnly": {
        "type": "tag",
        "values": WCAG_AA["runOnly"]["values"]
        + ["wcag2aaa", "wcag21aaa", "wcag22aaa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

axe = Axe()


def violations(page, options=WCAG_AA):
    results = axe.run(page, options=options)
    return results.violations_count, results.generate_report()


def assert_aaa_clean(page):
    count, report = violations(page, WCAG_AAA_AND_BEST_PRACTICE)
    assert count == 0, report


def test_the_database_unavailable_page_has_no_axe_violations(page, site):
    from neuroinfo.availability import unavailable

    # Served with its stylesheet from the live site, as a real 503 would be.
    page.goto(site + "/robots.txt")
    page.set_content(unavailable().content.decode())
    page.wait_for_load_state("load")
    count, report = violations(page)
    assert count == 0, report


@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
def test_public_page_types_meet_aaa_and_best_practice(page, site, name):
    page.goto(site + PUBLIC_PAGES[name])
    assert_aaa_clean(page)


def test_the_public_pages_meet_aaa_in_print_too(page, site):
    page.emulate_media(media="print")
    for path in ["/pages/high-risk/", "/pages/high-risk/questions/"]:
        page.goto(site + path)
        assert_aaa_clean(page)


def test_hovered_and_focused_links_meet_aaa(page, site):
    # Browsers hide :visited colours from scripts, so axe cannot see them:
    # tests/test_contrast.py checks those colours from the style sheet.
    page.goto(site + "/pages/high-risk/")
    link = page.locator(".prose a[href^='/pages/what-is-recurrence/']").first
    link.hover()
    assert_aaa_clean(page)
    page.keyboard.press("Tab")
    link.focus()
    assert_aaa_clean(page)


def test_feedback_error_and_flood_pages_meet_aaa(page, site):
    cache.clear()  # the rate limit's counts, from earlier tests
    page.goto(site + "/pages/cns/")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="We could not send your feedback")).to_be_visible()
    assert_aaa_clean(page)
    # The refused post above counted too, so the last of these is one too many.
    for _ in range(RATE_LIMIT - 1):
        page.goto(site + "/pages/cns/")
        page.get_by_role("radio", name="Yes", exact=True).check()
        page.get_by_role("button", name="Send").click()
        expect(page).to_have_url(re.compile("/feedback/thanks/"))
    page.goto(site + "/pages/cns/")
    page.get_by_role("radio", name="Yes", exact=True).check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Please wait a few minutes")).to_be_visible()
    assert_aaa_clean(page)


def translation_form():
    """A translation's change form: the English beside it, and what changed since."""
    cns = Page.objects.get(slug="cns", language=languages.default())
    staff = get_user_model().objects.order_by("pk").first()
    made = translations.start_translation(cns, languages.translations()[0], staff)
    return admin_url(f"content/page/{made.pk}/change/")


def front_page_with_a_translation_behind():
    """The admin's front page listing a translation the English left behind."""
    language = languages.translations()[0]
    writer = make_user("translator", "editor")
    checker = make_user("reads-it", "reviewer")
    ReviewerLanguages.objects.create(user=checker, languages=[language])
    cns = Page.objects.get(slug="cns", language=languages.default())
    made = translations.start_translation(cns, language, writer)
    review.save_edit(made, {**review.working_data(made), "title": "Traduit"}, writer, submit=True)
    review.sign_off(made, checker)
    changed = {**review.working_data(cns), "summary": "A changed summary."}
    review.save_edit(cns, changed, writer, submit=True)
    review.sign_off(cns, make_user("english-reviewer", "reviewer"))
    return admin_url()


ADMIN_PAGES = {
    "page list": lambda: admin_url("content/page/"),
    "page change form": lambda: admin_url(
        f"content/page/{Page.objects.in_language().get(slug='cns').pk}/change/"
    ),
    "admin front page": lambda: admin_url(),
    "waiting for sign-off": lambda: admin_url("content/page/waiting/"),
    "page review": lambda: admin_url(
        f"content/page/{Page.objects.in_language().get(slug='cns').pk}/review/"
    ),
    "page history": lambda: admin_url(
        f"content/page/{Page.objects.in_language().get(slug='cns').pk}/history/"
    ),
    "question list": lambda: admin_url("content/question/"),
    "feedback list": lambda: admin_url("content/feedback/"),
    "question change form": lambda: admin_url(
        f"content/question/{Question.objects.get(key='where').pk}/change/"
    ),
    "translation change form": translation_form,
    "translations behind": front_page_with_a_translation_behind,
}


@pytest.mark.parametrize("name", list(ADMIN_PAGES))
def test_admin_pages_have_no_axe_violations(page, site, editor, name):
    cns = Page.objects.in_language().get(slug="cns")
    Feedback.objects.create(page=cns, helpful=False, comment="Hard to follow.")
    log_in(page, site)
    page.goto(site + ADMIN_PAGES[name]())
    count, report = violations(page)
    assert count == 0, report

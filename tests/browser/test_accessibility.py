"""axe-core on every page type, for the WCAG 2.0, 2.1 and 2.2 A and AA rules.

Automated checks find only part of the problems: docs/accessibility.md lists
what was checked by hand.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from content.models import Page, Question
from tests.browser.conftest import log_in
from tests.browser.pages import PUBLIC_PAGES
from tests.factories import admin_url

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}

axe = Axe()


def violations(page):
    results = axe.run(page, options=WCAG_AA)
    return results.violations_count, results.generate_report()


@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
def test_public_page_types_have_no_axe_violations(page, site, name):
    page.goto(site + PUBLIC_PAGES[name])
    count, report = violations(page)
    assert count == 0, report


ADMIN_PAGES = {
    "page list": lambda: admin_url("content/page/"),
    "page change form": lambda: admin_url(
        f"content/page/{Page.objects.get(slug='cns').pk}/change/"
    ),
    "question list": lambda: admin_url("content/question/"),
    "question change form": lambda: admin_url(
        f"content/question/{Question.objects.get(key='where').pk}/change/"
    ),
}


@pytest.mark.parametrize("name", list(ADMIN_PAGES))
def test_admin_pages_have_no_axe_violations(page, site, editor, name):
    log_in(page, site)
    page.goto(site + ADMIN_PAGES[name]())
    count, report = violations(page)
    assert count == 0, report

"""The French and Spanish addresses in a real browser: axe at AAA, the language
switch at 320 px, by keyboard and without JavaScript."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from content import languages
from tests.browser.pages import PUBLIC_PAGES
from tests.support.factories import translate_pages

axe = Axe()
AAA_AND_BEST_PRACTICE = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
                   "wcag2aaa", "wcag21aaa", "wcag22aaa", "best-practice"],
    },
    "resultTypes": ["violations"],
}  # fmt: skip


@pytest.fixture
def site(site):
    """The starting site with every page in each language (the English words)."""
    for language in languages.translations():
        translate_pages(language)
    return site


# A page of each kind that looks different: the others share their parts.
CHECKED = ["home", "risk group page", "question", "result", "glossary", "search results"]


@pytest.mark.parametrize("name", CHECKED)
@pytest.mark.parametrize("language", ["fr", "es"])
def test_french_and_spanish_pages_meet_aaa_at_320px(browser, site, language, name):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"{site}/{language}{PUBLIC_PAGES[name]}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_be_visible()
        results = axe.run(page, options=AAA_AND_BEST_PRACTICE)
        assert results.violations_count == 0, results.generate_report()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls {overflow}px sideways"
    finally:
        context.close()


def test_the_switch_goes_to_the_same_page_without_javascript(no_js_page, site):
    page = no_js_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site + "/pages/high-risk/")
    switch = page.get_by_role("navigation", name="This page in another language")
    switch.get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/pages/high-risk/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_role("navigation", name="Cette page dans une autre langue").get_by_role(
        "link", name="Español"
    ).click()
    expect(page).to_have_url(re.compile(r"/es/pages/high-risk/$"))
    expect(page.get_by_role("link", name="Ir al contenido principal")).to_be_attached()


def test_the_switch_is_reached_by_keyboard_and_keeps_the_guides_answers(page, site):
    page.goto(site + "/guide/risk-group/?where=spread")
    for _ in range(3):  # the skip link, the site's name, then the switch
        page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_text("Français")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fr/guide/risk-group/\?where=spread$"))
    expect(page.get_by_role("button", name="Continuer")).to_be_visible()

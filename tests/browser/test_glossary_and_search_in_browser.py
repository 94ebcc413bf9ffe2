"""The glossary, the words explained on each page, and search, in a real
browser: axe-core with the WCAG 2.x AAA and best-practice rules, 320 px wide,
by keyboard and with JavaScript off."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

AAA_AND_BEST_PRACTICE = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a", "wcag2aa", "wcag2aaa", "wcag21a", "wcag21aa", "wcag21aaa",
            "wcag22a", "wcag22aa", "wcag22aaa", "best-practice",
        ],
    },
    "resultTypes": ["violations"],
}  # fmt: skip

NEW_PAGE_TYPES = {
    "glossary": "/glossary/",
    "glossary at a word": "/glossary/#bone-marrow",
    "search results": "/search/?q=came+back+in+the+marrow",
    "empty search": "/search/?q=",
    "search with no results": "/search/?q=xylophone",
    "search about the outlook": "/search/?q=will+my+child+die",
    "search for a phone number": "/search/?q=nurse+phone+number",
    "misspelt search": "/search/?q=neuroblastomma",
    "long odd search": "/search/?q=" + "%22%27%3B%3C" * 60,
}

axe = Axe()


@pytest.mark.parametrize("name", list(NEW_PAGE_TYPES))
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_nothing_at_aaa_on_the_glossary_and_search_pages(browser, site, name, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(site + NEW_PAGE_TYPES[name])
        expect(page.locator("h1")).to_be_visible()
        results = axe.run(page, options=AAA_AND_BEST_PRACTICE)
        assert results.violations_count == 0, results.generate_report()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls {overflow}px sideways at {width}px"
    finally:
        context.close()


def test_the_header_search_box_works_by_keyboard_at_320px(browser, site):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"{site}/pages/cns/")
        box = page.get_by_role("searchbox", name="Search this site")
        expect(box).to_be_visible()
        width = box.bounding_box()["width"]
        assert width >= 120, f"the search box is only {width}px wide"
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "site-search-q":
                break
        page.keyboard.type("marrow")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?q=marrow")
        expect(page.locator(".search-results mark").first).to_be_visible()
        expect(
            page.get_by_role("link", name="What it means when neuroblastoma comes back")
        ).to_be_visible()
    finally:
        context.close()


def test_search_works_with_javascript_off(no_js_page, site):
    no_js_page.goto(f"{site}/")
    no_js_page.get_by_role("searchbox", name="Search this site").fill("brain")
    no_js_page.get_by_role("button", name="Search").click()
    no_js_page.wait_for_url("**/search/?q=brain")
    first = no_js_page.locator(".search-results__link").first
    expect(first).to_have_text("When neuroblastoma comes back in the brain or spinal cord")


def test_a_linked_word_leads_to_its_meaning_on_the_same_page_without_javascript(no_js_page, site):
    no_js_page.goto(f"{site}/pages/high-risk/#spread")
    link = no_js_page.locator("#spread ~ ul .term-link", has_text="combination chemotherapy")
    link.first.click()
    expect(no_js_page).to_have_url(f"{site}/pages/high-risk/#word-combination-chemotherapy")
    meaning = no_js_page.locator("#word-combination-chemotherapy + dd")
    expect(meaning).to_contain_text("two or more cancer medicines")
    expect(meaning).to_be_in_viewport()
    no_js_page.go_back()
    expect(no_js_page).to_have_url(f"{site}/pages/high-risk/#spread")


def test_axe_finds_nothing_at_aaa_in_the_words_on_a_page(page, site):
    page.goto(f"{site}/pages/clinical-trials/")
    expect(page.locator("#words-heading")).to_be_visible()
    # Only the new section: the whole page's AAA check is in test_accessibility.py.
    results = axe.run(page, context={"include": [[".words"]]}, options=AAA_AND_BEST_PRACTICE)
    assert results.violations_count == 0, results.generate_report()


def test_a_word_tapped_on_a_phone_has_a_way_back_beside_its_definition(browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"{site}/pages/high-risk/")
        word = page.locator("#stem-cell-rescue ~ p a.term-link").first
        slug = word.get_attribute("href")[1:]
        word.click()
        expect(page).to_have_url(f"{site}/pages/high-risk/#{slug}")
        entry = page.locator(f"#{slug} + dd")
        back = entry.get_by_role("link", name="Back to where you were reading")
        expect(back).to_be_in_viewport()  # beside the definition, no scrolling
        back.click()
        expect(page).to_have_url(f"{site}/pages/high-risk/#stem-cell-rescue")
        expect(page.locator("#stem-cell-rescue")).to_be_in_viewport()
    finally:
        context.close()


def test_the_glossary_takes_a_parent_back_to_the_letters(page, site):
    page.goto(f"{site}/glossary/#stem-cell")
    page.locator("#letter-S").locator("..").get_by_role("link", name="Back to letters").click()
    expect(page).to_have_url(f"{site}/glossary/#letters")
    expect(page.get_by_role("navigation", name="Words by first letter")).to_be_in_viewport()

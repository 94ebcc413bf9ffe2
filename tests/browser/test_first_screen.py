"""What a parent on a phone (360 × 740) sees before scrolling: the urgent-help
box near the top of every public page type, without pushing the page's own
first line (its h1) off the screen; on the home page the way into the guide;
on a question its Continue button; on the result the link to the page."""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import PUBLIC_PAGES

PHONE = {"width": 360, "height": 740}
# The print sheets are made for paper and the error pages for a wrong address:
# every page a parent reads on screen shows the box.
SCREEN_PAGES = {name: path for name, path in PUBLIC_PAGES.items() if "to print" not in name}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def bottom(locator):
    box = locator.bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("name", list(SCREEN_PAGES))
def test_the_urgent_box_is_near_the_top_and_the_first_line_still_shows(phone, site, name):
    phone.goto(site + SCREEN_PAGES[name])
    box = phone.locator("section.care-card")
    expect(box).to_be_visible()
    h1 = phone.locator("h1").first
    expect(h1).to_be_visible()
    # Near the top: before the page's own first line (its h1), which still shows.
    assert box.bounding_box()["y"] < h1.bounding_box()["y"], name
    assert bottom(h1) <= PHONE["height"], name


def test_the_box_opens_without_javascript_and_names_the_warning_signs(no_js_page, site):
    no_js_page.set_viewport_size(PHONE)
    no_js_page.goto(site + "/")
    signs = no_js_page.get_by_text("has a fever (a high temperature)")
    expect(signs).to_be_hidden()
    no_js_page.locator(".care-card__summary").click()
    expect(signs).to_be_visible()
    expect(no_js_page.get_by_text("If you have no 24-hour number")).to_be_visible()


def test_the_way_into_the_guide_is_on_the_home_pages_first_screen(phone, site):
    phone.goto(site + "/")
    start = phone.get_by_role("link", name="Start the guide")
    assert bottom(start) <= PHONE["height"]
    start.click()
    # One tap: the first question itself, not a start page of its own.
    expect(phone.locator("legend h1")).to_have_text("Where has the neuroblastoma come back?")


def test_continue_is_on_a_questions_first_screen_or_close_below(phone, site):
    for path in ["/guide/", "/guide/where/", "/guide/risk-group/?where=spread"]:
        phone.goto(site + path)
        button = phone.get_by_role("button", name="Continue")
        assert bottom(button) <= PHONE["height"], path


def test_the_results_link_shows_on_the_first_screen(phone, site):
    phone.goto(site + "/guide/result/?where=spread&risk-group=high")
    assert bottom(phone.locator("[data-guide-result]")) <= PHONE["height"]


@pytest.mark.parametrize("path", ["/pages/high-risk/", "/guide/result/?where=brain"])
def test_not_yet_checked_is_said_once_near_the_top(phone, site, path):
    phone.goto(site + path)
    line = phone.locator(".not-checked-top")
    expect(line).to_have_count(1)
    assert bottom(line) <= PHONE["height"]
    line.get_by_role("link").click()
    expect(phone.locator("#review-state")).to_be_in_viewport()


@pytest.mark.parametrize("path", ["/", "/guide/"])
def test_the_opened_box_and_help_meet_aaa(phone, site, path):
    from tests.browser.test_accessibility import assert_aaa_clean

    phone.goto(site + path)
    phone.locator(".care-card__summary").click()
    if path == "/guide/":
        phone.locator(".answer-help summary").click()
        expect(phone.locator("#where-not-sure-hint")).to_be_visible()
    expect(phone.get_by_text("If you have no 24-hour number")).to_be_visible()
    assert_aaa_clean(phone)

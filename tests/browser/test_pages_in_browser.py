import pytest
from playwright.sync_api import expect

from tests.browser.pages import PUBLIC_PAGES


@pytest.mark.parametrize("width", [320, 1280])
def test_no_page_scrolls_sideways(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        for name, path in PUBLIC_PAGES.items():
            page.goto(site + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} scrolls {overflow}px sideways at {width}px"
    finally:
        context.close()


def test_body_text_is_at_least_18px_with_lines_of_about_70_characters(page, site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site}/pages/high-risk/")
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.prose p')).fontSize)"
    )
    assert size >= 18
    chars_per_line = page.evaluate(
        """() => {
            const p = document.querySelector('.prose p');
            const ch = document.createElement('span');
            ch.textContent = '0';
            p.appendChild(ch);
            const width = ch.getBoundingClientRect().width;
            ch.remove();
            return p.getBoundingClientRect().width / width;
        }"""
    )
    assert 55 <= chars_per_line <= 80


def test_the_skip_link_is_first_and_moves_focus_to_main(page, site):
    page.goto(f"{site}/pages/cns/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    expect(page.locator(".skip-link")).to_have_text("Skip to main content")
    expect(page.locator(".skip-link")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("main :focus")).to_have_count(1)


def test_focus_is_visible_on_links(page, site):
    page.goto(f"{site}/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    background = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert background == "rgb(255, 221, 0)"


def test_the_print_stylesheet_hides_navigation_and_keeps_the_text(page, site):
    page.goto(f"{site}/pages/high-risk/")
    expect(page.locator(".site-header")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".care-team-note")).to_be_visible()
    expect(page.locator(".care-card")).to_be_visible()  # help in a hurry is printed too
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_focused_header_links_stay_readable(page, site):
    page.goto(f"{site}/")
    page.focus(".site-header__name")
    expect(page.locator(".site-header__name")).to_have_css("color", "rgb(11, 12, 12)")


def start_button_pictures(browser, site, visit_first):
    """Screenshots of the home page's Start button, plain and focused by keyboard.

    Browsers hide :visited styles from scripts (getComputedStyle reports the
    unvisited colour), so only pixels show what a parent sees.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        if visit_first:
            page.goto(f"{site}/guide/")  # so the Start button's link is :visited
        page.goto(f"{site}/")
        button = page.locator(".button--start")
        page.mouse.move(0, 0)
        plain = button.screenshot(animations="disabled")
        page.focus(".site-header__name")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('button--start')"):
                break
        expect(button).to_be_focused()
        expect(button).to_have_css("color", "rgb(11, 12, 12)")
        focused = button.screenshot(animations="disabled")
        return plain, focused
    finally:
        context.close()


def test_a_visited_start_button_looks_like_an_unvisited_one_plain_and_focused(browser, site):
    fresh = start_button_pictures(browser, site, visit_first=False)
    visited = start_button_pictures(browser, site, visit_first=True)
    assert fresh[0] != fresh[1]  # the focus style shows
    assert visited == fresh  # and :visited changes neither picture


def test_the_back_link_is_named_back(page, site):
    page.goto(f"{site}/guide/where/")
    expect(page.get_by_role("link", name="Back", exact=True)).to_be_visible()


def test_the_worried_box_is_a_named_region_that_fits_a_320px_screen(page, site):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{site}/pages/what-is-recurrence/")
    region = page.get_by_role("region", name="If you are worried right now")
    expect(region).to_be_visible()
    expect(region).to_contain_text("24-hour number")
    box = region.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    page.get_by_role("link", name="About this site").click()
    expect(page.get_by_role("heading", name="About this site", level=1)).to_be_visible()

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
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_focus_is_visible_on_links(page, site):
    page.goto(f"{site}/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    background = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert background == "rgb(255, 221, 0)"


def test_the_print_stylesheet_hides_navigation_and_keeps_the_text(page, site):
    page.goto(f"{site}/pages/high-risk/")
    assert page.locator(".site-header").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".care-team-note").is_visible()
    assert page.locator(".care-card").is_visible()  # help in a hurry is printed too
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_focused_header_links_and_visited_buttons_stay_readable(page, site):
    page.goto(f"{site}/guide/")  # visited, so the Start link below is :visited too
    page.goto(f"{site}/")
    page.focus(".site-header__name")
    assert page.evaluate("getComputedStyle(document.activeElement).color") == "rgb(11, 12, 12)"
    page.keyboard.press("Tab")  # Home
    page.keyboard.press("Tab")  # Find the right page
    page.keyboard.press("Tab")  # the header's search box
    page.keyboard.press("Tab")  # its Search button
    page.keyboard.press("Tab")  # Start the guide button
    style = page.evaluate(
        "[document.activeElement.className, getComputedStyle(document.activeElement).color]"
    )
    assert style == ["button button--start", "rgb(11, 12, 12)"]


def test_the_back_link_is_named_back(page, site):
    page.goto(f"{site}/guide/where/")
    assert page.get_by_role("link", name="Back", exact=True).is_visible()


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

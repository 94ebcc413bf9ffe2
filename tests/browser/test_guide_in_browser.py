import re

import pytest
from playwright.sync_api import expect

from content.starting.guide import QUESTIONS
from tests.test_guide_flow import PATHS

# The label a parent clicks for each (question, answer) of the starting guide.
LABELS = {
    (question["key"], answer["key"]): answer["label"]
    for question in QUESTIONS
    for answer in question["answers"]
}


def click_and_leave(page, locator):
    """Click, then wait until the browser is on the next page.

    `click()` returns as soon as the next page starts arriving; reading the
    page before it has arrived races on a busy machine (CI failed that way).
    """
    before = page.url
    locator.click()
    expect(page).not_to_have_url(before)
    page.wait_for_load_state()


def complete_the_guide(page, site, clicks):
    page.goto(f"{site}/")
    click_and_leave(page, page.get_by_role("link", name="Start the guide"))
    expect(page).to_have_url(f"{site}/guide/")  # the first question itself
    for question, answer in clicks:
        expect(page.locator("legend h1")).to_be_visible()
        page.get_by_label(LABELS[(question, answer)], exact=False).first.check()
        click_and_leave(page, page.get_by_role("button", name="Continue"))
    expect(page).to_have_url(re.compile(r"/guide/result/\?"))
    click_and_leave(page, page.locator("[data-guide-result]"))


def expected_url(site, slug, section):
    return f"{site}/pages/{slug}/" + (f"#{section}" if section else "")


@pytest.mark.parametrize(("clicks", "slug", "section"), PATHS)
def test_a_parent_clicks_through_to_the_right_page(page, site, clicks, slug, section):
    complete_the_guide(page, site, clicks)
    expect(page).to_have_url(expected_url(site, slug, section))
    if section:
        expect(page.locator(f"#{section}")).to_be_visible()


@pytest.mark.parametrize(("clicks", "slug", "section"), PATHS[:2] + PATHS[-1:])
def test_the_guide_works_with_javascript_off(no_js_page, site, clicks, slug, section):
    complete_the_guide(no_js_page, site, clicks)
    expect(no_js_page).to_have_url(expected_url(site, slug, section))


def test_continue_with_nothing_chosen_shows_the_summary_and_moves_focus_to_it(page, site):
    page.goto(f"{site}/guide/where/")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    # The summary's link takes the parent to the first radio.
    summary.get_by_role("link").click()
    expect(page.locator("#where")).to_be_focused()


def test_the_error_summary_comes_first_in_main_without_javascript(no_js_page, site):
    no_js_page.goto(f"{site}/guide/where/next/")
    first = no_js_page.evaluate("document.querySelector('main').firstElementChild.className")
    assert "error-summary" in first
    expect(no_js_page).to_have_title(re.compile(r"^Error: "))


def test_a_keyboard_only_walk_through_the_guide(page, site):
    page.goto(f"{site}/")
    # Tab from the top of the home page to the Start button, then press Enter.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('button--start')"):
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/guide/")  # the first question itself
    page.wait_for_load_state()

    def tab_to_radios_and_choose(downs):
        for _ in range(15):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.type") == "radio":
                break
        page.keyboard.press("Space")
        for _ in range(downs):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Continue"
        page.keyboard.press("Enter")

    tab_to_radios_and_choose(downs=2)  # "It has spread to other places in the body"
    expect(page).to_have_url(f"{site}/guide/risk-group/?where=spread")
    page.wait_for_load_state()
    tab_to_radios_and_choose(downs=2)  # "High risk"
    expect(page).to_have_url(f"{site}/guide/result/?where=spread&risk-group=high")
    page.locator("[data-guide-result]").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/pages/high-risk/#spread")


def test_change_keeps_the_other_answer(page, site):
    page.goto(f"{site}/guide/result/?where=one-place&risk-group=low")
    click_and_leave(page, page.get_by_role("link", name="Change what is happening now"))
    expect(page.get_by_label("In one place only")).to_be_checked()
    page.get_by_label("It has spread to other places in the body").check()
    click_and_leave(page, page.get_by_role("button", name="Continue"))
    expect(page).to_have_url(f"{site}/guide/result/?where=spread&risk-group=low")


def test_a_radio_is_named_by_its_label_and_described_by_its_hint(page, site):
    page.goto(f"{site}/guide/where/")
    radio = page.get_by_role("radio", name="In the brain or spinal cord", exact=True)
    expect(radio).to_have_attribute("aria-describedby", "where-brain-hint")
    expect(page.locator("#where-brain-hint")).to_contain_text("central nervous system")


def test_the_error_summary_link_keeps_the_question_in_view(page, site):
    page.set_viewport_size({"width": 320, "height": 568})
    page.goto(f"{site}/guide/where/next/")
    page.locator(".error-summary a").click()
    expect(page.locator("#where")).to_be_focused()
    top = page.evaluate("document.querySelector('legend').getBoundingClientRect().top")
    assert top > -1  # at the top of the screen (to rounding), not scrolled past

import pytest

from content.starting_guide import QUESTIONS
from tests.test_guide_flow import PATHS

# The label a parent clicks for each (question, answer) of the starting guide.
LABELS = {
    (question["key"], answer["key"]): answer["label"]
    for question in QUESTIONS
    for answer in question["answers"]
}


def complete_the_guide(page, site, clicks):
    page.goto(f"{site}/")
    page.get_by_role("link", name="Start the guide").click()
    page.get_by_role("link", name="Start", exact=True).click()
    for click in clicks:
        page.get_by_label(LABELS[click], exact=False).first.check()
        page.get_by_role("button", name="Continue").click()
    page.locator("[data-guide-result]").click()


def expected_url(site, slug, section):
    return f"{site}/pages/{slug}/" + (f"#{section}" if section else "")


@pytest.mark.parametrize(("clicks", "slug", "section"), PATHS)
def test_a_parent_clicks_through_to_the_right_page(page, site, clicks, slug, section):
    complete_the_guide(page, site, clicks)
    assert page.url == expected_url(site, slug, section)
    if section:
        assert page.locator(f"#{section}").is_visible()


@pytest.mark.parametrize(("clicks", "slug", "section"), PATHS[:2] + PATHS[-1:])
def test_the_guide_works_with_javascript_off(no_js_page, site, clicks, slug, section):
    complete_the_guide(no_js_page, site, clicks)
    assert no_js_page.url == expected_url(site, slug, section)


def test_continue_with_nothing_chosen_shows_the_summary_and_moves_focus_to_it(page, site):
    page.goto(f"{site}/guide/where/")
    page.get_by_role("button", name="Continue").click()
    assert page.title().startswith("Error: ")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    # The summary's link takes the parent to the first radio.
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "where"


def test_the_error_summary_comes_first_in_main_without_javascript(no_js_page, site):
    no_js_page.goto(f"{site}/guide/where/next/")
    first = no_js_page.evaluate("document.querySelector('main').firstElementChild.className")
    assert "error-summary" in first
    assert no_js_page.title().startswith("Error: ")


def test_a_keyboard_only_walk_through_the_guide(page, site):
    page.goto(f"{site}/guide/")
    # Tab from the top of the page to the Start button, then press Enter.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('button--start')"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/guide/where/")

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
    page.wait_for_url("**/guide/risk-group/**")
    tab_to_radios_and_choose(downs=2)  # "High risk"
    page.wait_for_url("**/guide/result/**")
    assert "where=spread" in page.url and "risk-group=high" in page.url
    page.locator("[data-guide-result]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/pages/high-risk/#spread")


def test_change_keeps_the_other_answer(page, site):
    page.goto(f"{site}/guide/result/?where=one-place&risk-group=low")
    page.get_by_role("link", name="Change where it has come back").click()
    assert page.get_by_label("In one place only").is_checked()
    page.get_by_label("It has spread to other places in the body").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/guide/result/**")
    assert page.url.endswith("/guide/result/?where=spread&risk-group=low")


def test_a_radio_is_named_by_its_label_and_described_by_its_hint(page, site):
    page.goto(f"{site}/guide/where/")
    radio = page.get_by_role("radio", name="In the brain or spinal cord", exact=True)
    assert radio.get_attribute("aria-describedby") == "where-brain-hint"
    assert "central nervous system" in page.locator("#where-brain-hint").inner_text()


def test_the_error_summary_link_keeps_the_question_in_view(page, site):
    page.set_viewport_size({"width": 320, "height": 568})
    page.goto(f"{site}/guide/where/next/")
    page.locator(".error-summary a").click()
    assert page.evaluate("document.activeElement.id") == "where"
    top = page.evaluate("document.querySelector('legend').getBoundingClientRect().top")
    assert top > -1  # at the top of the screen (to rounding), not scrolled past

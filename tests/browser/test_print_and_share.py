"""Printouts as a parent's printer makes them (real PDFs, read back as text),
the JSON-LD under the Content-Security-Policy, and feedback with JavaScript off."""

import datetime
import io
import json
import re
import unicodedata

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from content.models import Feedback
from tests.browser.test_privacy_and_policy import watch_csp


def printed_text(page):
    """The text of the page as printed to PDF, with its lines joined."""
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    return unicodedata.normalize("NFKC", text)  # the PDF's "ﬁ" ligatures back to "fi"


def squashed(text):
    # Long addresses wrap across lines in print; compare them without spaces.
    return re.sub(r"\s+", "", text)


@pytest.fixture(autouse=True)
def noon():
    """Printouts carry the date: the site runs at noon today, its clock ticking on,
    so a run that crosses midnight cannot print one date and look for another.
    (Today's, not a fixed date: the browser's cookies keep the real clock.)"""
    midday = datetime.datetime.combine(timezone.localdate(), datetime.time(12), tzinfo=datetime.UTC)
    with time_machine.travel(midday, tick=True):
        yield


def today():
    return f"{timezone.localdate():%-d %B %Y}"


def test_the_guides_questions_print_as_one_sheet_that_says_where_it_came_from(page, site):
    page.goto(f"{site}/guide/result/?where=spread&risk-group=high")
    page.get_by_role("link", name="Print your questions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your questions to take to the care team"
    )
    text = printed_text(page)
    assert "neuroinfo" in text
    assert f"Printed on {today()}" in text
    assert f"Pageaddress:{site}/guide/result/questions/" in squashed(text)
    assert "What is happening now: It has spread to other places in the body" in text
    assert "Risk group when first found: High risk" in text
    assert "Could MIBG therapy be an option, and where is it given?" in text
    assert "Your own questions" in text
    assert "This page has not yet been checked by a clinician" in text
    assert "Sources" in text and "Canadian Cancer Society" in text
    # Each link's address follows it; navigation and the form are left out.
    assert f"({site}/pages/high-risk/)" in squashed(text)
    assert "(https://cancer.ca/en/cancer-information/" in squashed(text)
    for hidden in ["Skip to main content", "Find the right page", "Back to your result"]:
        assert hidden not in text


def test_a_page_printed_carries_its_address_date_review_state_and_link_addresses(page, site):
    page.goto(f"{site}/pages/high-risk/")
    text = printed_text(page)
    assert f"Printed on {today()}" in text
    assert f"Pageaddress:{site}/pages/high-risk/" in squashed(text)
    assert "This page has not yet been checked by a clinician" in text
    assert f"({site}/pages/clinical-trials/)" in squashed(text)
    assert "(https://cancer.ca/en/cancer-information/" in squashed(text)
    for hidden in ["Skip to main content", "Previous page", "Was this page helpful", "Home ›"]:
        assert hidden not in text


def test_a_pages_questions_print_as_a_checklist(page, site):
    page.goto(f"{site}/pages/cns/")
    page.get_by_role("link", name="Print these questions as a checklist").click()
    expect(page).to_have_url(f"{site}/pages/cns/questions/")
    text = printed_text(page)
    assert "Questions to ask your child's care team" in text
    assert "Your own questions" in text
    assert f"({site}/pages/cns/)" in squashed(text)
    assert "Print this page" not in text


def test_the_json_ld_parses_in_the_browser_and_breaks_no_csp_rule(page, site):
    csp = watch_csp(page)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site}/pages/high-risk/")
    raw = page.locator('script[type="application/ld+json"]').text_content()
    data = json.loads(raw)
    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["name"] == "Neuroblastoma"
    assert "lastReviewed" not in data
    assert csp == [] and errors == []


def test_feedback_works_with_javascript_off_and_sets_no_cookie(no_js_page, site):
    cache.clear()  # the rate limit's counts, from earlier tests
    page = no_js_page
    page.goto(f"{site}/pages/cns/")
    page.get_by_role("radio", name="No", exact=True).check()
    page.get_by_label("Tell us more (optional)").fill("I wanted to know about side effects.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your feedback")
    saved = Feedback.objects.get()
    assert (saved.page.slug, saved.helpful) == ("cns", False)
    assert saved.comment == "I wanted to know about side effects."
    assert page.context.cookies() == []


def test_feedback_without_an_answer_says_so_and_keeps_the_comment(page, site):
    cache.clear()
    page.goto(f"{site}/guide/result/?where=spread&risk-group=high")
    page.get_by_label("Tell us more (optional)").fill("Clear, thank you.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose yes or no")
    expect(page.get_by_label("Tell us more (optional)")).to_have_value("Clear, thank you.")
    page.get_by_role("radio", name="Yes", exact=True).check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your feedback")
    assert Feedback.objects.get().where == "guide-result"


def test_the_questions_sheets_have_a_print_button_under_the_csp(page, site):
    csp = watch_csp(page)
    page.add_init_script(
        "window.print = function () { window.printed = (window.printed || 0) + 1; }"
    )
    for address in [
        "/pages/high-risk/questions/",
        "/guide/result/questions/?where=spread&risk-group=high",
    ]:
        page.goto(site + address)
        button = page.get_by_role("button", name="Print or save as PDF")
        expect(button).to_be_visible()
        button.click()
        assert page.evaluate("window.printed") == 1, address
        page.emulate_media(media="print")
        expect(button).to_be_hidden()
        page.emulate_media(media="screen")
    assert csp == []


def test_without_javascript_the_sheet_shows_no_button_and_still_says_how_to_print(no_js_page, site):
    no_js_page.goto(f"{site}/pages/high-risk/questions/")
    expect(no_js_page.get_by_text("Use your browser's Print option")).to_be_visible()
    expect(no_js_page.get_by_role("button", name="Print or save as PDF")).to_have_count(0)

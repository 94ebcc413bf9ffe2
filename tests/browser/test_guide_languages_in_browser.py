"""The guide in each language in a real browser, with JavaScript on and off:
a parent clicks the answers in their language and lands on the page in that
language, at the section the English guide opens."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from content.models import Page
from tests.support.guide_languages import (
    GUIDE_LANGUAGES,
    load_starting_translation,
    starting_words,
)

# Spread, then high risk: two questions, a section, and a page every language has.
CLICKS = [("where", "spread"), ("risk-group", "high")]
SLUG, SECTION = "high-risk", "spread"


def guide_address(language):
    with translation.override(language):
        return reverse("content:guide_start")


def walk_in(page, site, language):
    """Answer CLICKS in `language`, as a parent would, then open the result's page."""
    load_starting_translation(language)
    labels = {
        (question["key"], answer["key"]): answer["label"]
        for question in starting_words(language)
        for answer in question["answers"]
    }
    page.goto(site + guide_address(language))
    expect(page.locator("html")).to_have_attribute("lang", re.compile(rf"^{language}", re.I))
    for question, answer in CLICKS:
        expect(page.locator("legend h1")).to_be_visible()
        page.get_by_label(labels[question, answer], exact=True).check()
        before = page.url
        page.locator("form:has(fieldset) button[type=submit]").click()
        expect(page).not_to_have_url(before)
    expect(page).to_have_url(re.compile(rf"/{language}/guide/result/\?"))
    before = page.url
    page.locator("[data-guide-result]").click()
    expect(page).not_to_have_url(before)
    expect(page).to_have_url(f"{site}/{language}/pages/{SLUG}/#{SECTION}")
    translated = Page.objects.get(language=language, slug=SLUG)
    expect(page.locator("h1")).to_have_text(translated.title)
    expect(page.locator(f"#{SECTION}")).to_be_visible()


@pytest.mark.parametrize("language", GUIDE_LANGUAGES)
def test_a_parent_walks_the_guide_in_their_language(page, site, language):
    walk_in(page, site, language)


@pytest.mark.parametrize("language", GUIDE_LANGUAGES)
def test_the_guide_in_each_language_works_with_javascript_off(no_js_page, site, language):
    walk_in(no_js_page, site, language)

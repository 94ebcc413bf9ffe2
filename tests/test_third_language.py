"""A third language comes from settings, a catalogue and content alone.

German here: no line of the site's code names it. With "de" added to
LANGUAGES, a catalogue in a LOCALE_PATHS folder and German rows made the
way a translator makes them, every public page type answers under /de/ in
German, the guide walks to the German page, its checks refuse German words
that would strand a parent, and search finds the German page by its words.
"""

import copy
import re
from html import unescape

import polib
import pytest
from django.test import override_settings

from content import languages, review
from content.models import Guide, Page, ReviewerLanguages
from neuroinfo.settings import BASE_DIR
from tests.support.factories import make_user, translate_pages

pytestmark = pytest.mark.django_db

GERMAN_LANGUAGES = [("en-gb", "English"), ("fr", "French"), ("es", "Spanish"), ("de", "German")]
CATALOGUE = {"Skip to main content": "Zum Hauptinhalt springen", "Search": "Suchen"}

# Each public page type (the starting content's pages and guide).
PAGE_TYPES = [
    "/",
    "/pages/",
    "/pages/high-risk/",
    "/pages/high-risk/questions/",
    "/about/",
    "/glossary/",
    "/search/",
    "/search/?q=R%C3%BCckfall",
    "/guide/",
    "/guide/risk-group/?where=spread",
    "/guide/result/?where=spread&risk-group=high",
    "/guide/result/questions/?where=spread&risk-group=high",
]


@pytest.fixture
def german(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "de"}
    po.extend(polib.POEntry(msgid=english, msgstr=word) for english, word in CATALOGUE.items())
    (tmp_path / "de" / "LC_MESSAGES").mkdir(parents=True)
    po.save_as_mofile(str(tmp_path / "de" / "LC_MESSAGES" / "django.mo"))
    with override_settings(
        LANGUAGES=GERMAN_LANGUAGES, LOCALE_PATHS=[BASE_DIR / "locale", tmp_path]
    ):
        english_guide = Guide.current(languages.default())
        translate_pages("de")
        page = Page.objects.get(language="de", slug="high-risk")
        page.title = "Wenn Neuroblastom mit hohem Risiko zurückkommt"
        page.body = page.body.replace("## ", "## Rückfall: ", 1)
        page.save()
        yield english_guide


def reader_of_german():
    user = make_user("leser", "reviewer")
    ReviewerLanguages.objects.update_or_create(user=user, defaults={"languages": ["de"]})
    return user


def german_words(english_guide):
    """German words for every question and answer of the English guide."""
    kind = review.kind_of(english_guide)
    words = copy.deepcopy(kind.translatable(kind.live(english_guide))["questions"])
    for question in words:
        for name, value in question.items():
            if isinstance(value, str) and value and name != "key":
                question[name] = f"(de) {value}"
        for answer in question["answers"]:
            for name, value in answer.items():
                if isinstance(value, str) and value and name != "key":
                    answer[name] = f"(de) {value}"
    return words


def sign_off_german_guide(english_guide, words):
    row = Guide.objects.filter(language="de").first() or Guide.objects.create(
        language="de", translation_of=english_guide
    )
    review.save_edit(row, {"questions": words}, make_user("ubersetzer", "editor"), submit=True)
    review.sign_off(row, reader_of_german())
    return row


@pytest.mark.parametrize("address", PAGE_TYPES)
def test_every_page_type_answers_in_german(client, german, address):
    sign_off_german_guide(german, german_words(german))
    response = client.get(f"/de{address}")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<html lang="de"', html)
    assert "Zum Hauptinhalt springen" in html
    assert "Set-Cookie" not in response.headers


def test_the_guide_leads_to_the_german_page_in_german_words(client, german):
    sign_off_german_guide(german, german_words(german))
    html = unescape(client.get("/de/guide/result/?where=spread&risk-group=high").content.decode())
    assert 'href="/de/pages/high-risk/#spread"' in html
    assert "(de) " in html


def test_the_guides_checks_refuse_german_words_that_would_strand_a_parent(german):
    words = german_words(german)
    del words[0]["answers"][0]
    with pytest.raises(review.ReviewRefused, match="has no words in German"):
        sign_off_german_guide(german, words)


def test_search_finds_the_german_page_by_its_words_with_or_without_accents(client, german):
    for typed in ("Rückfall", "Ruckfall"):
        html = unescape(client.get("/de/search/", {"q": typed}).content.decode())
        assert "Wenn Neuroblastom mit hohem Risiko zurückkommt" in html
        assert 'href="/de/pages/high-risk/' in html
    html = unescape(client.get("/search/", {"q": "Rückfall"}).content.decode())
    assert "Wenn Neuroblastom" not in html


def test_german_is_gone_when_the_settings_no_longer_name_it(client, german):
    assert languages.translations() == ["fr", "es", "de"]
    with override_settings(LANGUAGES=GERMAN_LANGUAGES[:3]):
        assert client.get("/de/pages/high-risk/").status_code == 404

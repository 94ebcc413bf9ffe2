"""One row per language: a translation is a row of the same model, and
nothing an English reader sees changes when translations exist."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from content import languages, review
from content.models import Guide, Page, SiteText, Term
from tests.support.factories import make_page, make_term, remove_translations

pytestmark = pytest.mark.django_db

# Any translation language will do: the first one the settings name.
LANGUAGE = languages.translations()[0]
FRENCH_TITLE = "Quand le neuroblastome à haut risque revient"


@pytest.fixture(autouse=True)
def no_starting_translations():
    # These tests make their own translations, from English rows alone
    # (tests/test_translated_pages.py covers the starting ones).
    remove_translations()


def translate_page(english, **fields):
    values = {
        "language": LANGUAGE,
        "translation_of": english,
        "slug": english.slug,
        "title": FRENCH_TITLE,
        "summary": "Les traitements possibles quand le cancer revient.",
        "body": "## Les traitements {#treatments}\n\nLa rechute se traite avec une moelle osseuse.",
        "status": Page.Status.PUBLISHED,
        "review_due": english.review_due,
    }
    values.update(fields)
    return Page.objects.create(**values)


def translate_term(english, **fields):
    values = {
        "language": LANGUAGE,
        "translation_of": english,
        "slug": english.slug,
        "term": "moelle osseuse",
        "definition": "La partie molle au centre des os.",
        "published": True,
    }
    values.update(fields)
    return Term.objects.create(**values)


@pytest.fixture
def english():
    return Page.objects.get(slug="high-risk", language=languages.default())


def test_english_rows_are_in_the_default_language_and_are_not_translations(english):
    assert english.language == languages.default() == "en-gb"
    assert not english.is_translation
    assert english.english == english
    assert Term.objects.get(slug="bone-marrow").language == languages.default()
    assert SiteText.current().language == languages.default()
    assert Guide.current().language == languages.default()


def test_a_translation_shares_its_english_address_but_english_lists_do_not_show_it(client, english):
    french = translate_page(english)
    assert french.is_translation and french.english == english
    assert french.slug == english.slug
    assert english.translation(LANGUAGE) == french
    assert french.translation(languages.default()) == english

    for address in ("/", "/pages/"):
        html = client.get(address).content.decode()
        assert FRENCH_TITLE not in html
        assert english.title in html
    page = client.get("/pages/high-risk/")
    assert page.status_code == 200
    assert english.title in page.content.decode()
    assert FRENCH_TITLE not in page.content.decode()

    assert list(Page.objects.published().filter(slug="high-risk")) == [english]
    assert list(Page.objects.published(LANGUAGE)) == [french]
    with translation.override(LANGUAGE):
        assert list(Page.objects.published()) == [french]


def test_english_search_finds_no_translation(client, english):
    translate_page(english)
    english_results = client.get("/search/", {"q": "rechute"}).content.decode()
    assert FRENCH_TITLE not in english_results
    results = client.get("/search/", {"q": "MIBG therapy"}).content.decode()
    assert results.count('class="search-results__link" href="/pages/high-risk/"') == 1
    assert FRENCH_TITLE not in results


def test_each_language_links_its_own_glossary(client, english):
    bone_marrow = Term.objects.get(slug="bone-marrow")
    french_term = translate_term(bone_marrow)
    assert french_term.slug == "bone-marrow"

    french = translate_page(english)
    assert list(french.terms.all()) == [french_term]
    english.refresh_from_db()
    assert french_term not in english.terms.all()
    # An English page mentioning the French word does not link it.
    mixed = make_page(slug="mixed", title="Mixed", body="Words: moelle osseuse, bone marrow.")
    assert list(mixed.terms.all()) == [bone_marrow]

    glossary = client.get("/glossary/").content.decode()
    assert "moelle osseuse" not in glossary
    assert "bone marrow" in glossary.lower()
    assert list(Term.objects.published(LANGUAGE)) == [french_term]


def test_addresses_and_words_are_unique_within_a_language_only(english):
    translate_page(english)
    with pytest.raises(IntegrityError), transaction.atomic():
        Page.objects.create(
            language=LANGUAGE,
            slug="high-risk",
            title="Une autre page",
            summary="x",
            body="x",
            review_due=english.review_due,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        make_page(slug="high-risk", title="Another English page")

    word = make_term(term="made-up word", slug="made-up-word")
    translate_term(word, term="made-up word")  # the same word in another language is allowed
    with pytest.raises(IntegrityError), transaction.atomic():
        Term.objects.create(language=LANGUAGE, term="made-up word", slug="other", definition="x")


def test_a_new_english_page_may_not_take_an_address_in_use_in_its_own_language(english):
    due = english.review_due
    page = Page(slug="high-risk", title="Copy", summary="x", body="x", review_due=due)
    with pytest.raises(ValidationError, match="Another page has this address"):
        page.full_clean()
    in_french = Page(
        language=LANGUAGE, slug="high-risk", title="x", summary="x", body="x",
        review_due=due,
    )  # fmt: skip
    in_french.full_clean(exclude=["translation_of"])  # free in that language


def test_a_translation_follows_its_english_address(english):
    french = translate_page(english, slug="something-else")
    assert french.slug == "high-risk"

    english.slug = "high-risk-relapse"
    english.save()
    french.refresh_from_db()
    assert french.slug == "high-risk-relapse"

    word = Term.objects.get(slug="bone-marrow")
    french_word = translate_term(word)
    word.slug = "marrow"
    word.save()
    french_word.refresh_from_db()
    assert french_word.slug == "marrow"


def test_site_texts_and_the_guide_are_one_row_per_language():
    english = SiteText.current()
    assert SiteText.current(LANGUAGE) == english  # no French row yet: the English one
    words = {"worried_now": "Si vous êtes inquiet, appelez l'équipe.", "about": "À propos"}
    french = SiteText.objects.create(language=LANGUAGE, translation_of=english, **words)
    # Not shown until signed off, or loaded with the English it was made from.
    assert SiteText.current(LANGUAGE) == english
    french.source_text = review.kind_of(english).translatable(review.live_data(english))
    french.save()
    assert SiteText.current(LANGUAGE) == french
    assert SiteText.current() == english
    with translation.override(LANGUAGE):
        assert SiteText.current() == french

    guide = Guide.current()
    assert Guide.current(LANGUAGE) is None
    words = Guide.objects.create(language=LANGUAGE, translation_of=guide, questions=[])
    assert Guide.current(LANGUAGE) is None
    words.source_text = {"questions": []}
    words.save()
    assert Guide.current(LANGUAGE) == words
    assert Guide.current() == guide


def test_the_guide_leads_to_english_pages_whatever_translations_share_their_address(
    client, english
):
    translate_page(english)
    response = client.get("/guide/result/", {"where": "spread", "risk-group": "high"})
    assert response.status_code == 200
    assert english.title in response.content.decode()
    assert FRENCH_TITLE not in response.content.decode()

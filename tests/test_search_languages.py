"""Search in each language: a French or Spanish parent finds the pages in
their language by their own words, with or without accents, and never a page
in another language. CI runs these on SQLite and on PostgreSQL."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import translation

from content import folding, languages, search
from content.models import Page
from content.search import suggestions
from tests.support.factories import make_page, make_term, remove_translations


@pytest.fixture
def relapse_pages(db):
    """One page about relapse in each language, each a translation of the English one."""
    remove_translations()  # these pages alone: the starting translations hold near words
    english = make_page(
        slug="relapse",
        title="What relapse means",
        summary="When neuroblastoma comes back after treatment.",
        body="## Relapse {#relapse}\n\nA relapse means the cancer came back after treatment.",
    )
    french = make_page(
        slug="relapse",
        language="fr",
        translation_of=english,
        title="Ce que veut dire une rechute",
        summary="Quand le neuroblastome revient après le traitement.",
        body=(
            "## Rechute {#relapse}\n\nUne rechute, ou récidive, veut dire que le cancer "
            "est revenu après le traitement. L'équipe soignante vous explique la suite."
        ),
    )
    spanish = make_page(
        slug="relapse",
        language="es",
        translation_of=english,
        title="Qué quiere decir una recaída",
        summary="Cuando el neuroblastoma vuelve después del tratamiento.",
        body=(
            "## Recaída {#relapse}\n\nUna recaída quiere decir que el cáncer ha vuelto "
            "después del tratamiento. Su médula ósea puede estar afectada."
        ),
    )
    return english, french, spanish


def found(q, language):
    """The titles of the pages and glossary words a search in `language` finds."""
    pages, terms = search.search(search.clean_query(q, language))
    return [result.title for result in pages], [result.title for result in terms]


def page_titles(q, language):
    """The titles of the pages found, each checked to be a page in `language`
    (the starting pages, and their translations once loaded, are there too)."""
    titles = found(q, language)[0]
    written = set(Page.objects.filter(language=language).values_list("title", flat=True))
    assert set(titles) <= written, f"{q!r} in {language} found pages in another language"
    return titles


FRENCH = "Ce que veut dire une rechute"
SPANISH = "Qué quiere decir una recaída"
ENGLISH = "What relapse means"


# Words in no synonym list as well, so the page is found by the word itself.
@pytest.mark.parametrize(
    "q", ["rechute", "rechutes", "récidive", "recidive", "RÉCIDIVE", "équipe", "equipe", "apres"]
)
def test_french_words_find_the_french_page_with_or_without_accents(relapse_pages, q):
    assert FRENCH in page_titles(q, "fr")


@pytest.mark.parametrize(
    "q", ["recaída", "recaida", "recaídas", "RECAIDA", "medula osea", "ósea", "osea", "despues"]
)
def test_spanish_words_find_the_spanish_page_with_or_without_accents(relapse_pages, q):
    assert SPANISH in page_titles(q, "es")


@pytest.mark.parametrize(
    ("q", "language"),
    [("rechute", "es"), ("recaída", "fr"), ("recaida", "en-gb"), ("rechute", "en-gb")],
)
def test_a_language_s_words_find_nothing_in_another_language(relapse_pages, q, language):
    assert page_titles(q, language) == []


def test_english_search_is_unchanged_and_never_shows_a_translation(relapse_pages):
    assert ENGLISH in page_titles("relapse", "en-gb")
    assert ENGLISH in page_titles("came back", "en-gb")


def test_an_english_page_with_no_translation_is_never_shown_as_french(relapse_pages):
    make_page(slug="lymphoma", title="Lymphoma", summary="Lymphoma.", body="Lymphoma here.")
    assert page_titles("lymphoma", "en-gb") == ["Lymphoma"]
    assert page_titles("lymphoma", "fr") == []
    assert page_titles("lymphoma", "es") == []


def test_a_parents_everyday_french_word_finds_the_pages_word(relapse_pages):
    # "est revenu" is in the page; "retour" is a parent's word for it.
    assert FRENCH in page_titles("retour de la maladie", "fr")
    # "l'infirmière": the elided article is not part of the word.
    assert search.clean_query("l'infirmière", "fr").words == ["infirmière"]


def test_a_parents_everyday_spanish_word_finds_the_pages_word(relapse_pages):
    assert SPANISH in page_titles("volvió el cáncer", "es")


def test_results_link_to_the_page_in_its_language_and_mark_the_accented_word(relapse_pages):
    _, french, _ = relapse_pages
    pages, _ = search.search(search.clean_query("recidive", "fr"))
    result = next(page for page in pages if page.title == FRENCH)
    assert result.url == french.get_absolute_url()
    assert "<mark>récidive</mark>" in result.extract
    pages, _ = search.search(search.clean_query("recaida", "es"))
    result = next(page for page in pages if page.title == SPANISH)
    assert "<mark>recaída</mark>" in result.extract


def test_glossary_words_are_found_in_their_language_with_or_without_accents(db):
    english = make_term(term="remission", slug="remission", definition="When signs go away.")
    make_term(
        term="rémission",
        slug="remission",
        language="fr",
        translation_of=english,
        definition="Quand les signes du cancer disparaissent.",
    )
    make_term(
        term="remisión",
        slug="remission",
        language="es",
        translation_of=english,
        definition="Cuando los signos del cáncer desaparecen.",
    )
    assert found("remission", "fr")[1] == ["rémission"]
    assert found("rémission", "fr")[1] == ["rémission"]
    assert found("remision", "es")[1] == ["remisión"]
    assert found("disparaissent", "fr")[1] == ["rémission"]
    assert found("remisión", "fr")[1] == []
    assert found("rémission", "es")[1] == []
    assert found("remission", "en-gb")[1] == ["remission"]


@pytest.mark.parametrize(
    ("q", "language"),
    [("quel est le pronostic", "fr"), ("tasa de supervivencia", "es"), ("survival", "en-gb")],
)
def test_asking_about_the_outlook_is_understood_in_each_language(q, language):
    assert search.clean_query(q, language).about_outlook


def test_did_you_mean_offers_a_word_of_the_language_searched(relapse_pages):
    # "rechte" is near the French heading's "rechute"; difflib on SQLite,
    # trigrams on PostgreSQL, each comparing words without their accents.
    assert search.suggest(search.clean_query("rechte", "fr")) == "rechute"
    assert search.suggest(search.clean_query("recaiad", "es")) == "recaída"
    # Neither is offered to an English reader: those words are not in English pages.
    assert search.suggest(search.clean_query("rechte", "en-gb")) == ""
    # A word the pages hold, typed without its accents, needs no correction.
    assert search.suggest(search.clean_query("recaida", "es")) == ""
    assert "recaída" in suggestions.site_words("es")
    assert "recaída" not in suggestions.site_words("fr")


def test_the_search_page_searches_the_language_of_the_request(client, relapse_pages):
    with translation.override("fr"):
        assert languages.current() == "fr"
        query = search.clean_query("recaida")
    assert query.language == "fr"
    assert page_titles("recaida", query.language) == []


def test_folding_takes_off_accents_and_writes_joined_letters_apart():
    assert folding.fold("Recaída récidive cœur") == "Recaida recidive coeur"
    assert folding.fold("moelle épinière") == "moelle epiniere"
    assert re.fullmatch(folding.pattern("coeur"), "cœur")
    assert re.fullmatch(folding.pattern("recaida"), "RECAÍDA")
    assert not re.fullmatch(folding.pattern("recaida"), "recaidas")


GERMAN = [("en-gb", "English"), ("fr", "French"), ("es", "Spanish"), ("de", "German")]


@override_settings(LANGUAGES=GERMAN)
def test_a_third_language_is_searchable_with_settings_and_content_alone(relapse_pages):
    """German has no word lists and no code of its own: a German page made here
    is found by its words, with and without accents, and only in German."""
    english, _, _ = relapse_pages
    make_page(
        slug="relapse",
        language="de",
        translation_of=english,
        title="Was ein Rückfall bedeutet",
        summary="Wenn das Neuroblastom nach der Behandlung zurückkommt.",
        body="## Rückfall {#relapse}\n\nEin Rückfall heißt, dass der Krebs zurückgekommen ist.",
    )
    german = "Was ein Rückfall bedeutet"
    assert languages.search_config("de") == "german"
    assert page_titles("Rückfall", "de") == [german]
    assert page_titles("ruckfall", "de") == [german]
    assert page_titles("Rückfälle", "de") == [german]
    assert page_titles("Rückfall", "fr") == []
    assert page_titles("rechute", "de") == []
    with translation.override("de"):
        assert search.clean_query("Rückfall").language == "de"


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's search vectors"
)


@postgres_only
def test_each_page_is_indexed_with_its_languages_configuration(relapse_pages):
    _, french, spanish = relapse_pages
    # French stemming: "traitements" finds the page's "traitement"; "simple" does not stem.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector @@ to_tsquery('french', 'traitements'),"
            " search_vector @@ to_tsquery('simple', 'traitements')"
            " FROM content_page WHERE id = %s",
            [french.pk],
        )
        assert cursor.fetchone() == (True, False)
        # Spanish stemming, on the folded text: "médula ósea" is stored as "medul", "ose".
        cursor.execute("SELECT search_vector::text FROM content_page WHERE id = %s", [spanish.pk])
        stored = cursor.fetchone()[0]
    assert "'medul'" in stored and "'ose'" in stored
    assert not set("áéíóúñ") & set(stored)


@postgres_only
def test_pages_written_without_save_are_indexed_after_migrate(relapse_pages):
    _, french, _ = relapse_pages
    Page.objects.filter(pk=french.pk).update(search_vector=None)
    assert FRENCH not in page_titles("rechute", "fr")
    assert Page.objects.fill_missing_search_vectors() == 1
    assert FRENCH in page_titles("rechute", "fr")


def result_links(client, address, q):
    response = client.get(address, {"q": q})
    assert response.status_code == 200
    assert not response.cookies
    return re.findall(r'class="search-results__link" href="([^"]+)"', response.content.decode())


def test_the_french_search_page_finds_french_pages_at_their_french_addresses(client, relapse_pages):
    found_links = result_links(client, "/fr/search/", "recidive")
    assert "/fr/pages/relapse/" in found_links
    assert all(link.startswith("/fr/") for link in found_links), found_links
    assert result_links(client, "/fr/search/", "recaida") == []


def test_the_spanish_search_page_finds_spanish_pages_typed_without_accents(client, relapse_pages):
    found_links = result_links(client, "/es/search/", "recaida medula")
    assert "/es/pages/relapse/" in found_links
    assert all(link.startswith("/es/") for link in found_links), found_links


def test_the_english_search_page_never_lists_a_translation(client, relapse_pages):
    found_links = result_links(client, "/search/", "relapse")
    assert "/pages/relapse/" in found_links
    assert not [link for link in found_links if link.startswith(("/fr/", "/es/"))]
    assert result_links(client, "/search/", "rechute") == []

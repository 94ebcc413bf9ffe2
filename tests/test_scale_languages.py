"""Cost stays flat as each language grows: a French reader's page, list and
search requests take the same number of queries with 10 and with 200 pages
in every language (tests/test_scale.py does the same for English)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content import languages
from neuroinfo import response_cache
from tests.support.factories import make_corpus

pytestmark = pytest.mark.django_db

# Every address a reader of a translation uses that grows with the pages:
# the home page and page list (a screenful of pages), a page (its previous
# and next pages, related pages, glossary words), the glossary and search.
ADDRESSES = [
    "/",
    "/pages/",
    "/pages/generated-00005/",
    "/pages/generated-00005/questions/",
    "/glossary/",
    "/search/",
    "/search/?q=page+g%C3%A9n%C3%A9r%C3%A9e",  # "page générée", in every French page
    "/search/?q=generee",  # the same, typed without accents
    "/search/?q=rechte",  # nothing found: "Did you mean" reads the language's words
]


def corpus(count):
    for code in languages.codes():  # English first: the translations point at it
        make_corpus(count, language=code)


def queries(client, address):
    caches["default"].clear()
    response_cache.forget_version()
    with CaptureQueriesContext(connection) as context:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(context)


def costs(client, prefix):
    return {address: queries(client, prefix + address) for address in ADDRESSES}


@pytest.mark.parametrize("language", languages.translations())
def test_a_translations_requests_cost_the_same_at_10_and_200_pages_per_language(client, language):
    corpus(10)
    small = costs(client, f"/{language}")
    for code in languages.codes():
        make_corpus(190, prefix="more", language=code)
    assert costs(client, f"/{language}") == small
    # What was counted is the translation's own pages, found in its language.
    page = client.get(f"/{language}/pages/generated-00005/").content.decode()
    assert f"Page ({language}) 00005" in page
    found = client.get(f"/{language}/search/", {"q": "generee"}).content.decode()
    assert f'href="/{language}/pages/' in found
    assert 'href="/pages/generated-' not in found


# Lists and searches whose work is the same in every language. A page itself
# may say where its translation stands, and "Did you mean" depends on each
# language's words, so those are compared with themselves above, not here.
COMPARED = ["/", "/pages/", "/glossary/", "/search/", "/search/?q=generee"]


def test_a_translated_list_or_search_costs_no_more_queries_than_the_english_one(client):
    corpus(200)
    for language in languages.translations():
        translated = {address: queries(client, f"/{language}{address}") for address in COMPARED}
        english = {address: queries(client, address) for address in COMPARED}
        slower = {
            address: (translated[address], english[address])
            for address in COMPARED
            if translated[address] > english[address]
        }
        assert not slower, f"({language}, English) queries: {slower}"

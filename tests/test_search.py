"""Search (content/search/ and /search/): ranking, highlighting, synonyms and
odd queries. CI runs these on SQLite and on PostgreSQL."""

import logging

import pytest
from django.core.management import call_command
from django.db import connection

from content import search
from content.models import Page
from content.search import ranking
from content.search import sqlite_index as search_index
from tests.support.factories import make_page


def result_urls(client, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    return [url for url in _links(response.content.decode())]


def _links(html):
    import re

    return re.findall(r'class="search-results__link" href="([^"]+)"', html)


def test_cleaning_a_query_drops_control_characters_and_clips_it():
    query = search.clean_query("bone\x00 marrow\t\n" + "x" * 500)
    assert query.clipped
    assert len(query.text) <= search.MAX_QUERY_LENGTH
    assert "\x00" not in query.text
    assert query.words[:2] == ["bone", "marrow"]


def test_only_words_survive_so_quotes_and_sql_do_nothing():
    query = search.clean_query("\"marrow'; DROP TABLE content_page; --")
    assert query.words == ["marrow", "drop", "table", "content_page"]
    assert search.clean_query("?!… ---").terms == []


def test_common_words_are_dropped_unless_nothing_else_is_left():
    assert search.clean_query("what is the marrow").words == ["marrow"]
    assert search.clean_query("what is it").words == ["what", "is", "it"]


def test_parents_words_are_widened_with_the_words_the_pages_use():
    assert {"recurrence", "recurrent"} <= set(search.clean_query("relapse").terms)
    assert "recurrent" in search.clean_query("it came back").terms
    assert "bone marrow" in search.clean_query("marrow").terms
    assert "central nervous system" in search.clean_query("brain").terms
    assert "spinal cord" in search.clean_query("spine").terms
    assert "clinical trial" in search.clean_query("a study").terms
    assert "retinoid" in search.clean_query("vitamin a").terms


def test_highlighting_marks_matches_and_escapes_everything_else():
    matcher = search.highlighter(["marrow", "bone marrow"])
    html = search.highlight("<b>Bone marrow</b> & marrows", matcher)
    assert html == "&lt;b&gt;<mark>Bone marrow</mark>&lt;/b&gt; &amp; <mark>marrows</mark>"


def test_an_extract_is_short_and_centred_on_the_match():
    text = ("words before " * 40) + "the bone marrow is soft " + ("words after " * 40) + "end."
    extract = search.extract(text, search.highlighter(["marrow"]))
    assert "<mark>marrow</mark>" in extract
    assert extract.startswith("… ") and extract.endswith(" …")
    assert len(extract) < search.EXTRACT_LENGTH + 40


def test_an_extract_shows_the_line_with_the_most_search_words():
    text = "It came back.\nNothing here.\nIt came back in the bone marrow.\nThe marrow."
    extract = search.extract(text, search.highlighter(["back", "marrow"]))
    assert extract == "It came <mark>back</mark> in the bone <mark>marrow</mark>."


def test_an_extract_falls_back_to_the_summary_when_the_text_has_no_match():
    extract = search.extract("Nothing here.", search.highlighter(["marrow"]), "About marrow.")
    assert extract == "About <mark>marrow</mark>."


def test_a_title_match_ranks_above_a_summary_match_above_a_body_match(client, db):
    make_page(slug="in-body", title="Other", summary="Other.", body="About lymphoma here.")
    make_page(slug="in-summary", title="Other two", summary="About lymphoma.", body="Text.")
    make_page(slug="in-title", title="Lymphoma", summary="Other.", body="Text.")
    urls = result_urls(client, "lymphoma")
    assert urls == ["/pages/in-title/", "/pages/in-summary/", "/pages/in-body/"]


def test_more_matching_words_rank_higher(client, db):
    make_page(slug="one-word", title="Page one", summary="S.", body="Lymphoma.")
    make_page(slug="two-words", title="Page two", summary="S.", body="Lymphoma and melanoma.")
    assert result_urls(client, "melanoma lymphoma")[:2] == ["/pages/two-words/", "/pages/one-word/"]


def test_results_highlight_the_matching_words(client, db):
    html = client.get("/search/", {"q": "marrow"}).content.decode()
    assert "<mark>marrow</mark>" in html or "<mark>bone marrow</mark>" in html
    assert "/pages/what-is-recurrence/" in html
    assert "/glossary/#bone-marrow" in html


@pytest.mark.parametrize(
    ("q", "page"),
    [
        ("relapse", "/pages/what-is-recurrence/"),
        ("it came back", "/pages/what-is-recurrence/"),
        ("marrow", "/pages/what-is-recurrence/"),
        ("brain", "/pages/cns/"),
        ("spine", "/pages/cns/"),
        ("trial", "/pages/clinical-trials/"),
        ("research study", "/pages/clinical-trials/"),
        ("crizotinib", "/pages/clinical-trials/"),
        ("MIBG", "/pages/high-risk/"),
    ],
)
def test_parents_own_words_find_the_right_page_among_the_first_results(client, db, q, page):
    assert page in result_urls(client, q)[:3]


def test_relapse_finds_the_words_recurrence_and_relapse(client, db):
    urls = result_urls(client, "relapse")
    assert "/glossary/#relapse" in urls
    assert "/glossary/#recurrence" in urls


def test_drafts_never_appear_in_search(client, db):
    make_page(slug="secret", title="Lymphoma draft", status=Page.Status.DRAFT)
    assert result_urls(client, "lymphoma") == []


ODD_QUERIES = [
    "a" * 500,
    "marrow " * 100,
    "'; DROP TABLE content_page; --",
    '"bone marrow"',
    "bone\x00marrow",
    "\x00",
    "🙂 日本語 ñandú",
    "%_%",
    "\\",
    "<script>alert(1)</script>",
    "a & b | c ! d : e * f ( g )",
    "''''",
]


@pytest.mark.parametrize("q", ODD_QUERIES)
def test_odd_queries_get_a_calm_page(client, db, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_a_very_long_query_says_it_was_shortened(client, db):
    html = client.get("/search/", {"q": "marrow " * 100}).content.decode()
    assert "we used only its first 200 characters" in html
    assert "/pages/what-is-recurrence/" in html


def test_a_query_without_words_offers_the_guide_and_the_pages(client, db):
    for q in ["", "   ", "?!"]:
        html = client.get("/search/", {"q": q}).content.decode()
        assert 'href="/guide/"' in html
        assert 'href="/#pages-heading"' in html
    assert "Type a word or two" in client.get("/search/", {"q": ""}).content.decode()
    assert client.get("/search/").status_code == 200


def test_a_search_that_finds_nothing_offers_the_guide_and_the_pages(client, db):
    html = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "We found nothing for “xylophone”" in html
    assert 'href="/guide/"' in html
    assert 'href="/#pages-heading"' in html


def test_results_are_not_indexed_not_shared_by_caches_and_set_no_cookie(client, db):
    response = client.get("/search/", {"q": "marrow"})
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    assert "private" in response["Cache-Control"]
    assert not response.cookies


def test_robots_txt_keeps_crawlers_out_of_search_results(client):
    assert "Disallow: /search/" in client.get("/robots.txt").content.decode()


def test_search_refuses_a_post(client, db):
    assert client.post("/search/", {"q": "marrow"}).status_code == 405


def test_the_query_reaches_no_log(client, db, caplog):
    with caplog.at_level(logging.DEBUG):
        client.get("/search/", {"q": "secretword marrow"})
        client.get("/search/missing/", {"q": "secretword"})
    assert "secretword" not in caplog.text


def test_every_page_has_a_labelled_search_form_in_its_header(client, db):
    html = client.get("/").content.decode()
    assert '<form class="site-search" role="search" action="/search/" method="get">' in html
    assert '<label class="visually-hidden" for="site-search-q">Search this site</label>' in html
    # The results page has its own form, so the header's is left out there.
    assert "site-search-q" not in client.get("/search/").content.decode()


def test_search_costs_the_same_queries_with_1000_pages(client, db, django_assert_num_queries):
    # pages, glossary terms, the site-wide texts (the "worried right now" box)
    with django_assert_num_queries(3):
        client.get("/search/", {"q": "marrow trial"})
    Page.objects.bulk_create(
        Page(
            title=f"Generated page {n}",
            slug=f"generated-{n}",
            summary="About bone marrow.",
            body="Some text about a trial.",
            body_html="<p>Some text about a trial.</p>",
            status=Page.Status.PUBLISHED,
            review_due="2027-01-01",
        )
        for n in range(1000)
    )
    with django_assert_num_queries(3):
        html = client.get("/search/", {"q": "marrow trial"}).content.decode()
    assert html.count('class="search-results__link"') <= 2 * search.MAX_RESULTS


def test_postgresql_keeps_an_indexed_search_vector_and_sqlite_needs_none(db):
    page = make_page(slug="vector", title="Lymphoma", body="Text.")
    page.refresh_from_db()
    if connection.vendor == "postgresql":
        assert "lymphoma" in page.search_vector
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'content_page_search_vector_gin'"
            )
            assert "USING gin (search_vector)" in cursor.fetchone()[0]
    else:
        assert page.search_vector is None


sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's FTS5 index; PostgreSQL's is tested above"
)


@pytest.fixture
def index_only(monkeypatch):
    """The index must answer: the scoring that reads every page is not there to fall back on."""

    def no_fallback(query):
        raise AssertionError("search fell back to scoring every page")

    monkeypatch.setattr(ranking, "_scored_pages", no_fallback)


def index_is_sound():
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {search_index.TABLE}({search_index.TABLE}, rank) "
            "VALUES ('integrity-check', 1)"
        )  # raises if the index and the pages disagree


@sqlite_only
def test_sqlite_search_reads_an_index_kept_in_step_by_the_database(client, db, index_only):
    assert not search_index.ensure()  # made by migrate already
    page = make_page(slug="fts", title="Lymphoma words", body="Text about xylophones.")
    assert result_urls(client, "lymphoma") == ["/pages/fts/"]
    assert result_urls(client, "xylophone") == ["/pages/fts/"]  # stemmed
    page.title = "Other words"
    page.save()
    assert result_urls(client, "lymphoma") == []
    Page.objects.filter(pk=page.pk).update(status=Page.Status.DRAFT)
    assert result_urls(client, "xylophone") == []
    Page.objects.filter(pk=page.pk).update(status=Page.Status.PUBLISHED, body="Now a harp.")
    assert result_urls(client, "harp") == ["/pages/fts/"]
    index_is_sound()
    page.delete()
    assert result_urls(client, "harp") == []
    index_is_sound()


@sqlite_only
def test_a_lost_trigger_is_remade_and_the_index_refilled_after_migrate(client, db, index_only):
    # SQLite drops a table's triggers when a migration rebuilds the table.
    with connection.cursor() as cursor:
        for name in search_index.TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    make_page(slug="unindexed", title="Lymphoma words")
    assert result_urls(client, "lymphoma") == []  # what a lost trigger would do
    call_command("migrate", verbosity=0)
    assert result_urls(client, "lymphoma") == ["/pages/unindexed/"]
    index_is_sound()


@sqlite_only
def test_without_the_index_sqlite_search_still_answers_and_says_why(client, db, caplog):
    make_page(slug="noindex", title="Lymphoma words")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {search_index.TABLE}")
    with caplog.at_level(logging.WARNING, logger="content.search"):
        assert result_urls(client, "lymphoma") == ["/pages/noindex/"]
    assert "Search index unusable" in caplog.text
    assert "lymphoma" not in caplog.text  # what was searched is never logged
    assert search_index.ensure()
    assert result_urls(client, "lymphoma") == ["/pages/noindex/"]


@sqlite_only
def test_without_the_index_drafts_still_never_appear(client, db):
    make_page(slug="noindex", title="Lymphoma words")
    make_page(slug="secret", title="Lymphoma draft", status=Page.Status.DRAFT)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {search_index.TABLE}")
    # The scoring that reads every page filters drafts out itself.
    assert result_urls(client, "lymphoma") == ["/pages/noindex/"]


@sqlite_only
def test_an_index_or_trigger_that_differs_from_its_definition_is_remade(client, db, index_only):
    with connection.cursor() as cursor:
        # As if a column had been renamed under it: SQLite rewrites the trigger.
        cursor.execute(f"DROP TRIGGER {search_index.TABLE}_insert")
        cursor.execute(
            f"CREATE TRIGGER {search_index.TABLE}_insert AFTER INSERT ON content_page "
            "BEGIN SELECT 1; END"
        )
    make_page(slug="changed", title="Lymphoma words")
    assert result_urls(client, "lymphoma") == []
    assert search_index.ensure()
    assert not search_index.ensure()  # now it matches
    assert result_urls(client, "lymphoma") == ["/pages/changed/"]
    index_is_sound()


@pytest.mark.parametrize("q", ["NEAR marrow", "title: marrow", "marrow*", "AND OR NOT", "^ marrow"])
def test_search_words_are_never_read_as_index_operators(client, db, q, monkeypatch):
    if connection.vendor == "sqlite":
        monkeypatch.setattr(ranking, "_scored_pages", lambda query: pytest.fail("fell back"))
    # "marrow" is on the starting pages; the operator words are searched as words.
    assert "/pages/what-is-recurrence/" in result_urls(client, q) or q == "AND OR NOT"


def test_a_quote_in_a_term_is_searched_for_as_text():
    assert search_index.match_expression(['say "hi"', "marrow"]) == '"say ""hi""" OR "marrow"'


# What parents type (a walk through the site on a phone): each must put
# something useful first, on SQLite and on PostgreSQL.


def main_text(client, q):
    html = client.get("/search/", {"q": q}).content.decode()
    return html[html.index("<main") :]


def test_survival_and_will_my_child_die_say_where_the_site_talks_of_the_outlook(client, db):
    for q in ["survival", "will my child die", "chance of a cure", "prognosis"]:
        main = main_text(client, q)
        note = main.index("Our pages do not give figures")
        assert "They can talk this through with you" in main
        assert 'href="/glossary/#outlook"' in main
        assert note < main.index("/glossary/#outlook", note + 200), q  # before any result
        assert result_urls(client, q)[0] == "/glossary/#outlook", q


def test_a_common_word_alone_makes_no_page_a_match_beside_a_telling_one(client, db):
    # Every page mentions a child; none speaks of dying. Listing all six
    # pages, matched on "child", is what a parent met before.
    assert [url for url in result_urls(client, "will my child die") if "/pages/" in url] == []
    assert "Our pages do not give figures" not in main_text(client, "marrow")


def test_palliative_finds_the_question_about_keeping_a_child_comfortable(client, db):
    main = main_text(client, "palliative")
    first = main[main.index('class="search-results"') :]
    extract = first[first.index("<p>") : first.index("</p>")]
    assert "<mark>comfortable</mark>" in extract


def test_a_nurse_phone_number_finds_who_to_call_and_says_the_site_has_no_numbers(client, db):
    main = main_text(client, "nurse phone number")
    assert "We cannot give you a phone number" in main
    assert result_urls(client, "nurse phone number")[0] == "/pages/what-is-recurrence/"
    assert "Who can I call if I have <mark>questions between visits</mark>?" in main


def test_stem_cell_transplant_lists_the_pages_and_words_about_it_not_every_cell(client, db):
    urls = result_urls(client, "stem cell transplant")
    assert urls[0] == "/pages/high-risk/"
    words = [url for url in urls if url.startswith("/glossary/")]
    assert words[0] == "/glossary/#stem-cell-transplant"
    assert "/glossary/#central-nervous-system" not in words
    assert len(words) <= 3  # it listed 20, matched on "cell" alone


def test_a_word_named_by_a_telling_word_is_found_whatever_else_was_typed(client, db):
    assert result_urls(client, "survival rate")[0] == "/glossary/#outlook"
    assert "/glossary/#chemotherapy" in result_urls(client, "chemo side effects")


def test_one_common_word_finds_the_words_named_with_it_not_every_explanation(client, db):
    words = [url for url in result_urls(client, "cell") if url.startswith("/glossary/")]
    assert set(words) == {"/glossary/#stem-cell", "/glossary/#stem-cell-transplant"}


def test_a_page_holding_the_words_together_ranks_first(client, db):
    make_page(
        slug="apart",
        title="Harp lessons and violin lessons",
        summary="Violin and harp.",
        body="Harp first, then a violin. A harp and a violin again.",
    )
    make_page(slug="together", title="Other", summary="Other.", body="We play the violin harp.")
    assert result_urls(client, "violin harp")[:2] == ["/pages/together/", "/pages/apart/"]


def test_a_misspelling_is_offered_the_near_word_and_what_it_finds(client, db):
    main = main_text(client, "neuroblastomma")
    assert "We found nothing for “neuroblastomma”. Did you mean" in main
    assert '<a href="/search/?q=neuroblastoma">neuroblastoma</a>?' in main
    assert "Here is what we found for “neuroblastoma”" in main
    urls = result_urls(client, "neuroblastomma")
    assert urls[0].startswith("/pages/")
    assert "/glossary/#neuroblastoma" in urls


def test_a_suggestion_comes_from_the_sites_own_words(db):
    make_page(slug="harp", title="About the xylophone")
    assert search.suggest(search.clean_query("xylophonne lessons")) == "xylophone lessons"
    assert search.suggest(search.clean_query("mibg therapy")) == ""  # both known
    assert search.suggest(search.clean_query("qqqqzz")) == ""  # nothing near


def test_no_suggestion_is_sought_when_something_was_found(client, db, monkeypatch):
    monkeypatch.setattr(search, "suggest", lambda query: pytest.fail("looked for a suggestion"))
    assert "Did you mean" not in main_text(client, "marrow")


def test_a_word_nothing_is_near_gets_the_calm_nothing_found_page(client, db):
    main = main_text(client, "xylophone")
    assert "Did you mean" not in main
    assert "We found nothing for “xylophone”" in main


def test_an_extract_is_the_sentence_that_matched_not_a_list_fragment(client, db):
    text = (
        "MIBG therapy (explained below)\nMIBG therapy\n"
        "MIBG therapy is a treatment given in a few centres. It is rare."
    )
    extract = search.extract(text, search.highlighter(["mibg"]))
    assert extract == "<mark>MIBG</mark> therapy is a treatment given in a few centres."
    main = main_text(client, "MIBG")
    assert "(explained below)" not in main


def test_an_extract_prefers_the_sentence_with_the_words_together():
    text = (
        "A stem is a stem. The cell and the transplant and the stem are apart.\n"
        "He had a stem cell transplant in May."
    )
    query = search.clean_query("stem cell transplant")
    extract = search.extract(text, search.highlighter(query.terms), phrase=query.phrase)
    assert extract == "He had a <mark>stem cell transplant</mark> in May."


def test_the_query_is_grouped_into_what_was_asked_and_what_means_the_same():
    query = search.clean_query("will my child die")
    assert query.groups == [["child"], ["die", "outlook", "prognosis"]]
    assert "child" not in query.required and "die" in query.required
    assert query.phrase == "will my child die"
    assert query.about_outlook
    query = search.clean_query("it came back")
    assert query.groups == [["came back", "recurrence", "recurrent"]]
    assert not search.clean_query("marrow").phrase


def test_postgresql_has_the_trigram_extension_for_suggestions(db):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite compares words with difflib")
    with connection.cursor() as cursor:
        cursor.execute("SELECT similarity('neuroblastomma', 'neuroblastoma')")
        assert cursor.fetchone()[0] > 0.45

"""Cost stays flat as the site grows: every public page type, uncached, with
1,000 generated pages beside the six starting ones."""

from html import unescape

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.search import sqlite_index
from content.views.pages import HOME_PAGE_COUNT, PAGES_PER_LIST_PAGE
from neuroinfo import response_cache
from tests.support.factories import make_corpus, make_page, page_form_data

pytestmark = pytest.mark.django_db

# url, the most queries it may take uncached (the content version and the
# site-wide texts, for the "worried right now" box every page shows; on a content page, the page,
# its sources, related pages, the previous and next pages and the glossary words
# it uses), text it shows
PAGE_TYPES = [
    ("/", 3, "Find the page for your child"),
    ("/pages/", 3, "All pages"),
    ("/pages/?page=3", 3, "Generated page"),
    ("/about/", 3, "About this site"),
    ("/pages/high-risk/", 9, "When high-risk neuroblastoma comes back"),
    ("/pages/generated-00999/", 9, "Generated page 00999"),
    ("/guide/", 5, "Where has the neuroblastoma come back?"),
    ("/guide/where/", 5, "Where has the neuroblastoma come back?"),
    ("/guide/risk-group/?where=spread", 5, "What risk group was your child in"),
    ("/guide/result/?where=spread&risk-group=high", 6, "The page that matches your answers"),
    ("/guide/where/next/?where=spread", 4, ""),  # a redirect to the next question
]


@pytest.fixture
def corpus(db):
    make_corpus(1000)


def uncached_get(client, url):
    caches["default"].clear()
    response_cache.forget_version()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, len(context)


@pytest.mark.parametrize(("url", "most", "text"), PAGE_TYPES)
def test_each_public_page_type_needs_a_fixed_number_of_queries_at_1000_pages(
    client, corpus, url, most, text
):
    response, queries = uncached_get(client, url)
    assert response.status_code == (302 if "/next/" in url else 200)
    assert text in unescape(response.content.decode())
    assert queries <= most, f"{url}: {queries} queries"


# Every page type that exists with the starting six pages alone.
AT_EVERY_SIZE = [
    entry for entry in PAGE_TYPES if "generated" not in entry[0] and "?page=" not in entry[0]
]


def test_each_public_page_type_costs_the_same_at_6_and_at_1000_pages(client, db):
    def costs():
        found = {}
        for url, _, text in AT_EVERY_SIZE:
            response, queries = uncached_get(client, url)
            assert response.status_code == (302 if "/next/" in url else 200), url
            assert text in unescape(response.content.decode()), url
            found[url] = queries
        return found

    small = costs()
    make_corpus(1000)
    assert costs() == small


def test_the_home_page_lists_a_screenful_and_links_to_the_rest(client, corpus):
    html = client.get("/").content.decode()
    assert html.count('<li>\n      <a href="/pages/') == HOME_PAGE_COUNT
    assert "When high-risk neuroblastoma comes back" in unescape(html)  # the six come first
    assert '<a href="/pages/">See all pages</a>' in html
    assert len(html) < 20_000


def test_the_page_list_goes_a_fixed_number_at_a_time(client, corpus):
    first = client.get("/pages/").content.decode()
    assert first.count('<li>\n    <a href="/pages/') == PAGES_PER_LIST_PAGE
    assert 'href="/pages/?page=2" rel="next"' in first
    last_page = -(-1006 // PAGES_PER_LIST_PAGE)  # 1,000 generated + the six
    last = client.get(f"/pages/?page={last_page}").content.decode()
    assert 'rel="prev"' in last
    assert 'rel="next"' not in last


@pytest.mark.parametrize("query", ["page=52", "page=0", "page=two", "page=1&x=1"])
def test_a_list_page_that_does_not_exist_is_not_found(client, corpus, query):
    assert client.get(f"/pages/?{query}").status_code == 404


def test_without_more_pages_the_home_page_has_no_see_all_link(client, db):
    assert "See all pages" not in client.get("/").content.decode()


def test_an_admin_save_costs_the_same_at_6_and_at_1000_pages(staff_client, db):
    def save_queries(page):
        with CaptureQueriesContext(connection) as context:
            response = staff_client.post(
                f"/admin/content/page/{page.pk}/change/",
                page_form_data(page, title=page.title + " (edited)"),
            )
        assert response.status_code == 302
        return [q["sql"] for q in context.captured_queries]

    small = save_queries(make_page(slug="small"))
    make_corpus(1000)
    large = save_queries(make_page(slug="large"))

    def counted(queries):  # content types are cached after the first save
        return [sql for sql in queries if "django_content_type" not in sql]

    assert len(counted(large)) == len(counted(small))
    # Never a query that reads every page's text.
    reads_all_text = [
        sql
        for sql in large
        if '"content_page"."body"' in sql and "WHERE" not in sql.split("FROM")[-1]
    ]
    assert not reads_all_text


def test_the_guide_loads_only_the_pages_its_answers_name(db):
    from content import guide

    make_corpus(200)
    with CaptureQueriesContext(connection) as context:
        questionnaire = guide.load_questionnaire()
    # The signed-off guide, then its pages.
    assert len(context) == 2
    named = {a.page for q in questionnaire.questions for a in q.answers if a.page}
    assert set(questionnaire.pages) == named
    assert not any(slug.startswith("generated-") for slug in questionnaire.pages)
    assert not any('"body_html"' in q["sql"] for q in context.captured_queries)


def test_headings_and_links_are_stored_when_a_page_is_saved(db):
    page = make_page(
        body="## One {#one}\n\nSee [high risk](/pages/high-risk/#x) and [NCI](https://cancer.gov/)."
    )
    page.refresh_from_db()
    assert page.headings == [["one", "One"]]
    assert page.links == ["high-risk#x"]  # internal links only (content/links.py)
    assert page.linked_slugs == ["high-risk"]


# Query counts and timings miss one kind of growth: a query that returns three
# rows but makes the database walk every page to find them (a sort the planner
# satisfies from the wrong index). SQLite's progress handler counts the virtual
# machine steps it takes, so the database's own work can be compared directly.
# A walk reads, tests and steps past each page: at least three steps a page
# (the related-pages walk this caught took 11, search by LIKE 75). A lookup by
# key costs a few steps more per level of an index, and the search index's
# bookkeeping about one step a page until SQLite merges its segments.
STEPS_PER_PAGE_WALKED = 3
WORK_CHECKED = [url for url, _, _ in AT_EVERY_SIZE] + [
    "/pages/high-risk/questions/",
    "/glossary/",
    "/search/",
    "/search/?q=came+back+in+the+brain",
    "/guide/result/questions/?where=spread&risk-group=high",
    "/feedback/thanks/",
]


def database_steps(client, url):
    """SQLite virtual machine steps for one uncached request to `url`."""
    steps = 0

    def count():
        nonlocal steps
        steps += 1
        return 0  # carry on

    connection.ensure_connection()
    connection.connection.set_progress_handler(count, 1)
    try:
        response, _ = uncached_get(client, url)
    finally:
        connection.connection.set_progress_handler(None, 1)
    assert response.status_code in (200, 302), url
    return steps


def merge_search_index():
    """SQLite's search index in one segment. Left to itself, FTS5 merges its
    segments now and then as pages are added, and reading the unmerged ones
    costs a step or so a page: a cost that rose or fell by 2,000 steps with the
    ids the pages happened to get (a dozen pages made and deleted first), so
    the counts below are of the query's own work on a merged index."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {sqlite_index.TABLE}({sqlite_index.TABLE}) VALUES ('optimize')"
        )


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="counts SQLite's own steps; the PostgreSQL pass checks query counts above",
)
def test_no_public_page_makes_the_database_walk_every_page(client, db):
    added = 1000
    merge_search_index()
    small = {url: database_steps(client, url) for url in WORK_CHECKED}
    make_corpus(added)
    merge_search_index()
    large = {url: database_steps(client, url) for url in WORK_CHECKED}
    grown = {url: large[url] - small[url] for url in WORK_CHECKED}
    assert small["/pages/high-risk/"] > 0, small  # the counter counts
    walks = {url: extra for url, extra in grown.items() if extra >= STEPS_PER_PAGE_WALKED * added}
    assert not walks, f"extra database steps with {added} more pages: {walks}"

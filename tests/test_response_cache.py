"""The cache of finished public pages (neuroinfo/response_cache.py), against the
configured cache: local memory, or Redis when REDIS_URL is set (CI)."""

import gzip
from html import unescape

import brotli
import pytest
from django.core.checks import ERROR, run_checks
from django.db import OperationalError
from django.db.models.signals import post_save
from django.dispatch.dispatcher import _make_id
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from content.models import Answer, ContentVersion, Guide, Page, Question, Source
from content.models.versioning import _watched, content_changed
from neuroinfo import availability, response_cache
from tests.support.factories import publish_guide

pytestmark = pytest.mark.django_db

MIDDLEWARE = "neuroinfo.response_cache.PublicPageCacheMiddleware"

PUBLIC_URLS = [
    "/",
    "/pages/",
    "/about/",
    "/pages/high-risk/",
    "/guide/",
    "/guide/risk-group/?where=spread",
    "/guide/result/?where=spread&risk-group=high",
    "/glossary/",
    "/search/",  # the bare page only: results never are (see below)
    "/sitemap.xml",
]


def queries_for(client, url, **headers):
    from django.db import connection

    with CaptureQueriesContext(connection) as context:
        response = client.get(url, headers=headers)
    return response, len(context)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_a_public_page_is_served_from_the_cache_the_second_time(client, url):
    first, _ = queries_for(client, url)
    second, queries = queries_for(client, url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert queries == 0


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_set_no_cookie_and_vary_only_by_encoding(client, url):
    # The guide's addresses hold a child's answers: kept by the server and the
    # parent's own browser, never by a shared cache.
    expected = (
        "private, max-age=300"
        if url.startswith("/guide/")
        else "public, max-age=60, stale-while-revalidate=60"
    )
    for _ in range(2):  # rendered, then from the cache
        response = client.get(url)
        assert not response.cookies
        assert response["Vary"] == "Accept-Encoding"
        assert response["Cache-Control"] == expected
        assert response["ETag"].startswith('"')


def test_an_edit_to_a_page_shows_at_once(client, page):
    assert "A test page" in client.get("/").content.decode()
    assert "A test page" in client.get(page.get_absolute_url()).content.decode()
    page.title = "A clearer title"
    page.save()
    assert "A clearer title" in client.get("/").content.decode()
    assert "A clearer title" in client.get(page.get_absolute_url()).content.decode()


def test_a_new_source_and_a_deleted_one_show_at_once(client, page):
    url = page.get_absolute_url()
    assert "Children's Oncology Group" not in client.get(url).content.decode()
    source = Source.objects.create(page=page, organisation="Children's Oncology Group", title="T")
    assert "Children&#x27;s Oncology Group" in client.get(url).content.decode()
    source.delete()
    assert "Oncology Group" not in client.get(url).content.decode()


def test_a_signed_off_change_to_the_guide_shows_at_once(client):
    url = "/guide/risk-group/?where=spread"
    assert "What risk group was your child in" in unescape(client.get(url).content.decode())
    question = Question.objects.get(key="risk-group")
    question.text = "What did the team call your child's risk group?"
    question.save()
    answer = Answer.objects.get(question=question, key="high")
    answer.label = "High risk (changed)"
    answer.save()
    # The working copy waits for sign-off: parents keep the cached guide.
    assert "What did the team call" not in unescape(client.get(url).content.decode())
    publish_guide()
    html = unescape(client.get(url).content.decode())
    assert "What did the team call" in html
    assert "High risk (changed)" in html


def test_every_model_of_the_content_app_is_watched_unless_it_opts_out():
    for model in [Page, Source, Guide]:
        assert _watched(model), model
    assert not _watched(ContentVersion)  # affects_public_pages = False


def test_a_save_of_any_content_model_changes_the_version():
    before = response_cache.current_version()
    content_changed(sender=Source)
    assert response_cache.current_version() != before
    # And it is connected once, for every sender, not for a list of models.
    keys = [r[0] for r in post_save.receivers if r[0][0] == "content-version-save"]
    assert keys == [("content-version-save", _make_id(None))]


def test_the_version_is_read_at_most_once_a_second(monkeypatch):
    from django.db import connection

    clock = [1000.0]
    monkeypatch.setattr(response_cache.time, "monotonic", lambda: clock[0])
    response_cache.forget_version()
    with CaptureQueriesContext(connection) as context:
        response_cache.current_version()
        response_cache.current_version()
        clock[0] += 0.5
        response_cache.current_version()
    assert len(context) == 1
    clock[0] += 0.6
    with CaptureQueriesContext(connection) as context:
        response_cache.current_version()
    assert len(context) == 1


def test_another_process_sees_an_edit_once_its_second_is_up(client, page, monkeypatch):
    """Another worker's memory: the token changes in the database, not in this process."""
    clock = [1000.0]
    monkeypatch.setattr(response_cache.time, "monotonic", lambda: clock[0])
    response_cache.forget_version()
    client.get(page.get_absolute_url())
    Page.objects.filter(pk=page.pk).update(title="Changed elsewhere")
    ContentVersion.objects.update(token="changed-by-another-server")
    assert "Changed elsewhere" not in client.get(page.get_absolute_url()).content.decode()
    clock[0] += 1.01
    assert "Changed elsewhere" in client.get(page.get_absolute_url()).content.decode()


def test_staff_get_fresh_private_pages_and_drafts_never_reach_the_public(staff_client, draft):
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert Client().get(draft.get_absolute_url()).status_code == 404


def test_staff_see_an_edit_the_public_cache_would_not_yet_show(staff_client, page):
    staff_client.get(page.get_absolute_url())
    Page.objects.filter(pk=page.pk).update(title="Fresh for staff")  # no signal, no new version
    assert "Fresh for staff" in staff_client.get(page.get_absolute_url()).content.decode()


def test_a_draft_previewed_by_staff_is_not_stored_for_the_public(staff_client, page):
    Page.objects.filter(pk=page.pk).update(status="draft")
    assert staff_client.get(page.get_absolute_url()).status_code == 200
    assert Client().get(page.get_absolute_url()).status_code == 404


def test_a_conditional_get_gets_304_with_no_body(client):
    first = client.get("/pages/high-risk/")
    again = client.get("/pages/high-risk/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"]


def test_the_etag_survives_an_edit_elsewhere(client, page, monkeypatch):
    from content import feedback

    # Within one hour, as the page's feedback token names the hour it was made.
    monkeypatch.setattr(feedback, "now", lambda: 7_200_000.0)
    first = client.get("/pages/high-risk/")
    page.title = "Something else changed"
    page.save()
    monkeypatch.setattr(feedback, "now", lambda: 7_200_000.0 + 30 * 60)
    again = client.get("/pages/high-risk/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_an_edited_page_gets_a_new_etag(client):
    first = client.get("/pages/high-risk/")
    page = Page.objects.in_language().get(slug="high-risk")
    page.summary = "A new summary."
    page.save()
    again = client.get("/pages/high-risk/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert "A new summary." in again.content.decode()


@pytest.mark.parametrize(
    ("accept", "encoding", "decompress"),
    [("gzip, deflate, br", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)],
)
def test_html_is_compressed_as_the_browser_accepts(client, accept, encoding, decompress):
    plain = client.get("/pages/high-risk/").content
    for _ in range(2):
        response = client.get("/pages/high-risk/", headers={"accept-encoding": accept})
        assert response["Content-Encoding"] == encoding
        assert decompress(response.content) == plain
        assert len(response.content) < len(plain) / 2
        assert response["ETag"].endswith(f'-{encoding}"')


def test_html_is_sent_plain_when_compression_is_refused(client):
    response = client.get("/", headers={"accept-encoding": "br;q=0, gzip;q=0"})
    assert not response.has_header("Content-Encoding")


def test_the_admin_is_never_compressed(staff_client):
    """BREACH: pages with CSRF tokens are sent plain."""
    for url in ["/admin/", "/admin/content/page/add/", "/pages/high-risk/"]:
        response = staff_client.get(url, headers={"accept-encoding": "gzip, br"})
        assert response.status_code == 200, url
        assert not response.has_header("Content-Encoding"), url


def test_guide_answers_in_any_order_share_one_cached_page(client):
    first, _ = queries_for(client, "/guide/result/?where=spread&risk-group=high")
    second, queries = queries_for(client, "/guide/result/?risk-group=high&where=spread")
    assert second.content == first.content
    assert queries == 0


def test_a_query_string_the_guide_does_not_know_is_refused_and_never_stored(client):
    for _ in range(2):
        response, queries = queries_for(client, "/guide/result/?where=spread&name=Sam")
        assert response.status_code == 400
        assert queries > 0  # rendered again: nothing was stored


@pytest.mark.parametrize(
    ("url", "status"),
    [("/guide/result/?where=spread&name=Sam", 400), ("/guide/no-such-question/", 404)],
)
def test_a_guide_address_that_is_not_kept_is_still_private(client, url, status):
    """No shared cache may keep an address that holds a child's answers, an error's either."""
    response = client.get(url)
    assert response.status_code == status
    assert response["Cache-Control"] == "private, max-age=300"


def test_pages_that_take_no_query_ignore_it(client):
    client.get("/pages/high-risk/")
    # (Tracking parameters such as utm_source are redirected away first:
    # tests/test_tracking.py.)
    response, queries = queries_for(client, "/pages/high-risk/?from=leaflet")
    assert response.status_code == 200
    assert queries == 0


def test_the_key_holds_only_the_version_path_and_sorted_answers():
    rf = RequestFactory()
    request = rf.get("/guide/result/?b=2&a=1", headers={"cookie": "x=1", "user-agent": "Phone"})
    same = rf.get("/guide/result/?a=1&b=2", REMOTE_ADDR="10.0.0.9")
    key = response_cache.cache_key("v1", request.path, response_cache.normalised_query(request))
    assert key == response_cache.cache_key("v1", same.path, response_cache.normalised_query(same))
    assert "a=1" not in key  # hashed: no answer is readable in the cache's keys
    assert key != response_cache.cache_key("v2", same.path, response_cache.normalised_query(same))


def test_pages_are_still_served_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    for url in ["/", "/pages/high-risk/", "/guide/result/?where=brain"]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_a_database_error_gives_a_calm_503_with_the_urgent_help(rf):
    try:
        raise OperationalError("could not connect to server")
    except OperationalError:
        response = availability.server_error(rf.get("/pages/x/"))
    html = unescape(response.content.decode())
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "try again in a few minutes" in html
    assert availability.DEFAULT_URGENT_HELP in html
    # The signs to call about and the fallback, as the worried-now box says them.
    assert "has a fever" in html and "If you cannot reach them" in html
    assert "Traceback" not in html


def test_the_503_page_shows_the_editors_urgent_help_when_it_was_kept():
    availability.remember_urgent_help("<p>Call the ward on the number on your card.</p>")
    html = availability.unavailable().content.decode()
    assert "<p>Call the ward on the number on your card.</p>" in html
    assert availability.DEFAULT_URGENT_HELP not in unescape(html)


def test_rendering_a_page_keeps_the_editors_urgent_help_for_the_503_page(client):
    from content.models import SiteText

    text = SiteText.current()
    text.worried_now = "Ring the ward on the number on your discharge letter."
    text.save()
    client.get("/pages/high-risk/")
    html = availability.unavailable().content.decode()
    assert "Ring the ward on the number on your discharge letter." in html


def test_any_other_error_still_gives_the_plain_500(rf):
    try:
        raise ValueError("a bug")
    except ValueError:
        response = availability.server_error(rf.get("/"))
    assert response.status_code == 500
    assert "a bug" not in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/guide/result/?where=brain", "/search/", "/sitemap.xml"])
def test_a_page_from_the_cache_keeps_every_security_header(client, url):
    first = client.get(url)
    second, queries = queries_for(client, url)
    assert queries == 0
    for header in [
        "Content-Security-Policy",
        "X-Frame-Options",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ]:
        assert second.get(header) == first.get(header), header
    assert second["Content-Type"] == first["Content-Type"]
    if url in ("/search/", "/sitemap.xml"):  # kept out of search engines' indexes
        assert first["X-Robots-Tag"].startswith("noindex")
        assert second["X-Robots-Tag"] == first["X-Robots-Tag"]


def test_the_middleware_is_the_page_cache_and_the_decorator_only_marks_views(
    client, settings, monkeypatch
):
    stored = []
    monkeypatch.setattr(response_cache, "_store", lambda key, entry: stored.append(key))
    client.get("/pages/high-risk/")
    assert len(stored) == 1  # stored once, by the middleware
    stored.clear()
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE]
    without = Client()  # a client loads the middleware at its first request
    for _ in range(2):
        response, queries = queries_for(without, "/pages/high-risk/")
        assert response.status_code == 200
        assert queries > 0  # rendered each time: the decorator keeps nothing
    assert stored == []


def test_a_marked_view_without_the_middleware_fails_the_system_check(settings):
    assert not [e for e in run_checks() if e.id == "neuroinfo.E001"]
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE]
    (error,) = [e for e in run_checks() if e.id == "neuroinfo.E001"]
    assert error.level == ERROR
    assert MIDDLEWARE in error.msg
    assert "content.views.pages.page_detail" in error.msg
    assert "content.views.guide.result" in error.msg


def test_the_step_after_an_answer_is_a_redirect_served_from_the_cache(client):
    url = "/guide/where/next/?where=spread"
    first, _ = queries_for(client, url)
    second, queries = queries_for(client, url)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"] == "/guide/risk-group/?where=spread"
    assert queries == 0


def test_servers_running_another_release_do_not_share_pages(settings):
    key = response_cache.cache_key("v1", "/")
    settings.RELEASE = "abc123"
    assert response_cache.cache_key("v1", "/") != key


def test_every_migrate_starts_the_cache_afresh():
    from django.apps import apps

    from content.models.versioning import content_migrated

    before = response_cache.current_version()
    content_migrated(sender=apps.get_app_config("content"))
    assert response_cache.current_version() != before


def test_an_edit_to_a_glossary_word_and_a_new_page_show_at_once(client, page):
    from content.models import Term

    assert "Xylophone" not in client.get("/glossary/").content.decode()
    term = Term.objects.create(term="Xylophone", slug="xylophone", definition="A test word.")
    # A new word waits for sign-off.
    assert "Xylophone" not in client.get("/glossary/").content.decode()
    term.published = True
    term.save()
    assert "Xylophone" in client.get("/glossary/").content.decode()
    assert "/pages/new-in-sitemap/" not in client.get("/sitemap.xml").content.decode()
    page.slug = "new-in-sitemap"
    page.save()
    assert "/pages/new-in-sitemap/" in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize("url", ["/search/?q=secretword", "/search/?q=", "/sitemap.xml?p=1"])
def test_an_address_with_a_query_is_never_stored_where_only_the_bare_one_is(
    client, url, monkeypatch
):
    stored = []
    monkeypatch.setattr(response_cache, "_store", lambda key, entry: stored.append(entry))
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
    assert stored == []
    if url.startswith("/search/"):
        assert response["Cache-Control"] == "private, max-age=300"
    client.get(url.partition("?")[0])
    assert len(stored) == 1  # the bare address is
    assert b"secretword" not in stored[0]["bodies"]["identity"]


def test_each_host_gets_its_own_canonical_links_when_site_url_is_unset(client, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    one = client.get("/pages/high-risk/", headers={"host": "one.example"}).content.decode()
    two = client.get("/pages/high-risk/", headers={"host": "two.example"}).content.decode()
    assert 'href="http://one.example/pages/high-risk/"' in one
    assert 'href="http://two.example/pages/high-risk/"' in two
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


def test_a_page_says_it_is_due_for_review_from_the_day_it_is_due(client, page, monkeypatch):
    import datetime

    from django.utils import timezone

    page.last_reviewed = datetime.date(2026, 3, 1)  # signed off: review dates are shown
    page.checked_at = timezone.now()
    page.checked_by_role = "Medical reviewer"
    page.review_due = datetime.date(2027, 3, 1)
    page.save()
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2027, 3, 1))
    client.get(page.get_absolute_url())
    assert "due for review" not in client.get(page.get_absolute_url()).content.decode()
    # The next day, with nothing edited and the day's copy still in the cache:
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2027, 3, 2))
    assert "due for review" in client.get(page.get_absolute_url()).content.decode()

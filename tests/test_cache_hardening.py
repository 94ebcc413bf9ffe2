"""The cache of finished pages under attack: what may empty it, what may fill
it, what may bypass it, and a cache that stops answering."""

import os
import shutil
import signal
import subprocess
import tempfile
import time

import pytest
import redis
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCacheClient
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content import feedback
from content.models import Feedback
from content.models.versioning import _watched
from neuroinfo import response_cache
from neuroinfo.sessions import was_issued_here
from tests.factories import PASSWORD, make_user
from tests.servers import free_port

pytestmark = pytest.mark.django_db


def queries_for(client, url, **headers):
    from django.db import connection

    with CaptureQueriesContext(connection) as context:
        response = client.get(url, headers=headers)
    return response, len(context)


# --- What may change the content version (and so empty the page cache) ---------

# Every model of the content app whose writes change the content version, and
# what a visitor sees change. A model added to the app must be added here, or
# to NOT_PUBLIC, by someone who decided which.
CHANGES_PUBLIC_PAGES = {
    "content.Page": "the pages: title, text, summary, review dates, published or not",
    "content.Page_related": "a page's related pages, listed at its foot",
    "content.Source": "the sources listed on each page",
    "content.PageRedirect": "an old address that redirects to a page that moved",
    "content.Term": "the glossary page and the words each page explains",
    "content.Term_pages": "which pages explain a glossary word",
    "content.Question": "the guide's questions",
    "content.Answer": "the guide's answers and the pages they lead to",
    "content.SiteText": "the texts on every page (urgent help, the home page, the footer)",
}
NOT_PUBLIC = {
    "content.Feedback": "visitors' answers, read by editors only; anyone may post one",
    "content.PageChange": "waiting text, never shown to visitors; sign-off saves the Page",
    "content.ReviewDecision": "the sign-off record, in the admin only; its effect is a Page save",
    "content.ContentVersion": "the version itself",
}


def content_models():
    return {
        model._meta.label: model
        for model in apps.get_app_config("content").get_models(include_auto_created=True)
    }


def test_only_models_that_change_a_public_page_change_the_content_version():
    models = content_models()
    watched = {label for label, model in models.items() if _watched(model)}
    assert watched == set(CHANGES_PUBLIC_PAGES)
    historical = {label for label in models if label.startswith("content.Historical")}
    # simple-history's records: the admin shows them; the save they record changes the version.
    assert historical and not watched & historical
    unlisted = set(models) - set(CHANGES_PUBLIC_PAGES) - set(NOT_PUBLIC) - historical
    assert not unlisted, "Decide whether a visitor sees these change: " + ", ".join(unlisted)


def test_a_visitors_feedback_leaves_every_cached_page_cached(page):
    visitor = Client(REMOTE_ADDR="203.0.113.7")
    for url in ["/", page.get_absolute_url()]:
        visitor.get(url)
    version = response_cache.current_version()
    data = {
        "token": feedback.make_token(page.slug, "page"),
        "helpful": "no",
        "comment": "Hard to follow.",
        "website": "",
    }
    assert visitor.post("/feedback/", data).status_code == 302
    response_cache.forget_version()  # as another worker would: read it from the database
    assert response_cache.current_version() == version
    for url in ["/", page.get_absolute_url()]:
        response, queries = queries_for(visitor, url)
        assert (response.status_code, queries) == (200, 0), url


# --- A Redis that stops or hangs -------------------------------------------------

IN_CI = os.environ.get("CI", "").lower() == "true"


class RedisProcess:
    """A redis-server of this test's own, which it may stop, freeze and thaw."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--dir", tempfile.gettempdir()],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.RedisError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"redis-server did not answer on port {self.port}")

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        self.thaw()
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def redis_process():
    if shutil.which("redis-server") is None:
        message = "redis-server is not installed (bash scripts/redis.sh start installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    server = RedisProcess()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def cache_on(redis_process, settings):
    """The site's own cache settings, pointed at the test's Redis, with short timeouts."""
    from neuroinfo.settings import redis_cache

    cache = redis_cache(redis_process.url, key_prefix="breaker-test")
    cache["OPTIONS"].update(socket_connect_timeout=0.5, socket_timeout=0.5)
    settings.CACHES = {"default": cache}
    guarded = cache["BACKEND"] == "neuroinfo.cache.GuardedRedisCache"
    if guarded:
        from neuroinfo.cache import reset_breakers

        reset_breakers()
    caches["default"].clear()
    yield redis_process
    if guarded:
        reset_breakers()


def feedback_form(page):
    return {
        "token": feedback.make_token(page.slug, "page"),
        "helpful": "yes",
        "comment": "",
        "website": "",
    }


def test_with_redis_stopped_pages_and_feedback_still_answer(cache_on, page):
    visitor = Client(REMOTE_ADDR="203.0.113.7")
    assert visitor.get(page.get_absolute_url()).status_code == 200
    cache_on.stop()
    for url in ["/", page.get_absolute_url(), "/guide/risk-group/?where=spread"]:
        assert visitor.get(url).status_code == 200, url
    # The rate limit counts in the cache: it gave 500 here.
    assert visitor.post("/feedback/", feedback_form(page)).status_code == 302
    assert Feedback.objects.count() == 1


def test_with_redis_frozen_only_the_first_call_waits(cache_on, page, monkeypatch):
    calls = []
    real = RedisCacheClient.get_client

    def counted(self, *args, **kwargs):
        calls.append(args)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(RedisCacheClient, "get_client", counted)
    visitor = Client(REMOTE_ADDR="203.0.113.7")
    cache_on.freeze()
    for url in ["/", page.get_absolute_url(), "/about/", "/", page.get_absolute_url()]:
        assert visitor.get(url).status_code == 200, url
    assert visitor.post("/feedback/", feedback_form(page)).status_code == 302
    # One call reached Redis and waited for its timeout; every other call of
    # those six requests went straight to this process's memory (without the
    # breaker: two or three calls a request, each waiting).
    assert len(calls) == 1
    # Meanwhile pages are still kept, here: the second visit renders nothing.
    response, queries = queries_for(visitor, page.get_absolute_url())
    assert (response.status_code, queries) == (200, 0)


def test_redis_is_used_again_once_it_answers(cache_on, page, monkeypatch):
    from neuroinfo import cache as guarded

    clock = [1000.0]
    monkeypatch.setattr(guarded.time, "monotonic", lambda: clock[0])
    visitor = Client()
    cache_on.freeze()
    assert visitor.get(page.get_absolute_url()).status_code == 200
    assert caches["default"].is_open()
    cache_on.thaw()
    clock[0] += 29
    assert caches["default"].is_open()
    clock[0] += 2
    assert not caches["default"].is_open()
    response_cache.forget_version()
    assert visitor.get("/about/").status_code == 200
    assert not caches["default"].is_open()
    # The page went to Redis itself.
    keys = redis.Redis.from_url(cache_on.url).keys("breaker-test:*public-page:*")
    assert len(keys) == 1


# --- What may bypass the page cache ----------------------------------------------

MADE_UP_SESSIONS = [
    "anything",
    "0123456789abcdefghijklmnopqrstuv",  # the shape of Django's own keys
    "abcdefghijklmnopqrstuvwx0123456789abcdef",  # the shape of ours, a wrong tag
]


@pytest.mark.parametrize("made_up", MADE_UP_SESSIONS)
def test_a_made_up_session_cookie_gets_the_cached_page(page, draft, made_up):
    url = page.get_absolute_url()
    first = Client().get(url)
    visitor = Client()
    visitor.cookies[settings.SESSION_COOKIE_NAME] = made_up
    response, queries = queries_for(visitor, url)
    assert (response.status_code, queries) == (200, 0)
    assert response.content == first.content
    assert response["Cache-Control"].startswith("public")
    # Nor may it see a draft, or make the site keep a session for it.
    visitor.cookies[settings.SESSION_COOKIE_NAME] = made_up
    assert visitor.get(draft.get_absolute_url()).status_code == 404
    assert not Session.objects.exists()


def test_only_a_session_this_site_issued_passes_the_cache(page, draft):
    editor = Client()
    make_user("sam", is_superuser=True)
    response = editor.post(
        reverse("admin:login"), {"username": "sam", "password": PASSWORD, "next": "/"}
    )
    assert response.status_code == 302
    key = editor.cookies[settings.SESSION_COOKIE_NAME].value
    assert was_issued_here(key)
    Client().get(draft.get_absolute_url())
    Client().get(page.get_absolute_url())
    response = editor.get(draft.get_absolute_url())
    assert response.status_code == 200  # staff see drafts at their address
    assert "private" in response["Cache-Control"]
    assert "private" in editor.get(page.get_absolute_url())["Cache-Control"]
    # The key checks without the database: a changed letter is a visitor's.
    forged = key[:-1] + ("0" if key[-1] != "0" else "1")
    assert not was_issued_here(forged)


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize(
    "url", ["/", "/pages/", "/pages/a-test-page/", "/about/", "/glossary/", "/guide/"]
)
def test_other_methods_get_a_405_without_a_page(page, method, url):
    from django.db import connection

    with CaptureQueriesContext(connection) as context:
        response = Client().generic(method, url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.content == b""
    assert len(context) == 0  # nothing rendered, nothing read

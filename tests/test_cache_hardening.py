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
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCacheClient
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content import feedback
from content.models import Feedback
from content.models.versioning import _watched
from neuroinfo import response_cache
from neuroinfo.sessions import was_issued_here
from tests.support.factories import PASSWORD, make_page, make_user
from tests.support.servers import BASE_DIR, free_port

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
    "content.Guide": "the guide parents use: its signed-off questions and answers",
    "content.SiteText": "the texts on every page (urgent help, the home page, the footer)",
}
NOT_PUBLIC = {
    "content.Feedback": "visitors' answers, read by editors only; anyone may post one",
    "content.Change": "waiting text, never shown to visitors; sign-off saves the item's row",
    "content.ReviewDecision": "the sign-off record, in the admin only; its effect is a row's save",
    "content.Question": "the guide's working copy, tried by signed-in staff only",
    "content.Answer": "the guide's working copy, tried by signed-in staff only",
    "content.ContentVersion": "the version itself",
    "content.ReviewerLanguages": "who may sign off a translation: the sign-off is a row's save",
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


# --- What may fill the page cache ------------------------------------------------


def page_cache_keys():
    """The page cache's keys in the configured cache: local memory, or Redis (CI)."""
    backend = caches["default"]
    if isinstance(backend, LocMemCache):
        keys = list(backend._cache)
    else:
        keys = [key.decode() for key in backend._cache.get_client().keys("*")]
    return [key for key in keys if "public-page:" in key]


def ttl_of(key):
    backend = caches["default"]
    if isinstance(backend, LocMemCache):
        return backend._expire_info[key] - time.time()
    return backend._cache.get_client().ttl(key)


@pytest.fixture
def many_pages(db):
    for number in range(25):  # two list pages
        make_page(slug=f"page-{number}", title=f"Page {number}")


@pytest.mark.parametrize(
    "query",
    ["page=02", "page=002", "page=\uff12", "page=\u0662", "page=2&page=2", "page=+2", "page=2.0"],
)
def test_one_address_per_list_page(many_pages, query):
    assert Client().get("/pages/?page=2").status_code == 200
    before = page_cache_keys()
    assert len(before) == 1
    assert Client().get(f"/pages/?{query}").status_code == 404
    assert page_cache_keys() == before


def test_the_first_list_page_has_one_address(many_pages):
    response = Client().get("/pages/?page=1")
    assert (response.status_code, response["Location"]) == (301, "/pages/")
    assert Client().get("/pages/").status_code == 200
    # The redirect, kept once, and the page.
    assert len(page_cache_keys()) == 2
    for query in ["page=01", "page=\uff11", "page=1&page=1"]:
        assert Client().get(f"/pages/?{query}").status_code == 404
    assert len(page_cache_keys()) == 2


def test_without_site_url_each_host_has_one_cached_form(page, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["neuroinfo.test", ".wildcard.test"]
    url = page.get_absolute_url()
    assert Client(HTTP_HOST="neuroinfo.test").get(url).status_code == 200
    assert len(page_cache_keys()) == 1
    hosts = [
        "NEUROINFO.TEST", "Neuroinfo.test", "neuroinfo.test:81", "neuroinfo.test:8080",
        "neuroinfo.test.", "a.wildcard.test", "b.wildcard.test",
    ]  # fmt: skip
    for host in hosts:
        response = Client(HTTP_HOST=host).get(url)
        assert response.status_code == 200, host  # served, rendered afresh
        assert host in response.content.decode()  # its own canonical link
    assert len(page_cache_keys()) == 1


def test_with_site_url_the_host_is_not_part_of_the_key(page, settings):
    settings.SITE_URL = "https://neuroinfo.test"
    settings.ALLOWED_HOSTS = ["neuroinfo.test", "www.neuroinfo.test"]
    for host in ["neuroinfo.test", "www.neuroinfo.test", "NEUROINFO.TEST:8080"]:
        assert Client(HTTP_HOST=host).get(page.get_absolute_url()).status_code == 200
    assert len(page_cache_keys()) == 1


def test_entries_of_an_old_version_expire_within_ten_minutes(page):
    Client().get(page.get_absolute_url())
    page.title = "A changed title"
    page.save()
    Client().get(page.get_absolute_url())
    keys = page_cache_keys()
    assert len(keys) == 2  # the old version's entry is unreachable, and still there
    for key in keys:
        assert 0 < ttl_of(key) <= 600


def test_the_configured_cache_is_bounded():
    backend = caches["default"]
    if isinstance(backend, LocMemCache):
        assert backend._max_entries == 5_000
        return
    # CI's Redis, started by scripts/redis.sh
    config = backend._cache.get_client().config_get("maxmemory*")
    assert int(config["maxmemory"]) > 0
    assert config["maxmemory-policy"] == "allkeys-lru"


def test_scripts_redis_sh_starts_a_bounded_redis():
    if shutil.which("redis-server") is None and not IN_CI:
        pytest.skip("redis-server is not installed (bash scripts/redis.sh start installs it)")
    port = str(free_port())
    env = {**os.environ, "REDIS_PORT": port}
    script = str(BASE_DIR / "scripts" / "redis.sh")
    started = subprocess.run(["bash", script, "start"], env=env, capture_output=True, text=True)
    try:
        assert started.returncode == 0, started.stderr
        url = started.stdout.strip().splitlines()[-1]
        config = redis.Redis.from_url(url).config_get("maxmemory*")
        assert config["maxmemory"] == str(256 * 1024 * 1024)
        assert config["maxmemory-policy"] == "allkeys-lru"
    finally:
        subprocess.run(["bash", script, "stop"], env=env, capture_output=True)

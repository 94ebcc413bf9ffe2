"""'Was this page helpful?': what it stores, what it refuses, and the admin."""

import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.test import Client

from content import feedback
from content.models import Feedback

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def visitor():
    # Django's test client skips CSRF checks unless asked; ask, as a browser would be.
    return Client(enforce_csrf_checks=True, REMOTE_ADDR=ADDRESS)


def cache_keys():
    """Every key in the configured cache: local memory, or Redis (CI's second pass)."""
    backend = cache._cache
    if hasattr(backend, "keys"):  # local memory
        return list(backend.keys())
    return [key.decode() for key in backend.get_client().keys("*")]


def form(slug="a-test-page", where="page", **changes):
    data = {
        "token": feedback.make_token(slug, where),
        "helpful": "no",
        "comment": "The part about trials was hard to follow.",
        "website": "",
    }
    data.update(changes)
    return data


def test_a_page_ends_with_the_feedback_form_without_a_csrf_cookie(visitor, page):
    response = visitor.get(page.get_absolute_url())
    html = response.content.decode()
    assert "Was this page helpful?" in html
    assert 'action="/feedback/"' in html
    assert 'name="token"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


def test_the_guides_result_ends_with_the_feedback_form_for_its_page(visitor):
    html = visitor.get("/guide/result/?where=spread&risk-group=high").content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    assert feedback.read_token(token) == ("high-risk", "guide-result")


def test_feedback_is_stored_with_nothing_about_the_person(visitor, page, today):
    response = visitor.post(
        "/feedback/",
        form(),
        HTTP_USER_AGENT="Mozilla/5.0 (a parent's phone)",
        HTTP_REFERER="http://testserver/pages/a-test-page/",
    )
    assert response.status_code == 302
    assert response["Location"] == "/feedback/thanks/?page=a-test-page"
    assert not response.cookies
    saved = Feedback.objects.get()
    assert (saved.page, saved.where, saved.helpful) == (page, "page", False)
    assert saved.comment == "The part about trials was hard to follow."
    assert saved.created.date() == today
    assert {f.name for f in Feedback._meta.get_fields()} == {
        "id", "page", "where", "helpful", "comment", "created", "dealt_with"
    }  # fmt: skip
    stored = " ".join(str(v) for v in Feedback.objects.values().get().values())
    assert ADDRESS not in stored and "Mozilla" not in stored


def test_the_thank_you_page_leads_back_and_sets_no_cookie(visitor, page):
    response = visitor.get("/feedback/thanks/?page=a-test-page")
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert "Thank you for your feedback" in html
    assert 'href="/pages/a-test-page/"' in html


def test_a_yes_without_a_comment_is_fine(visitor, page):
    assert visitor.post("/feedback/", form(helpful="yes", comment="")).status_code == 302
    assert Feedback.objects.get().helpful is True


def test_the_form_on_a_cached_page_is_still_accepted(visitor, page):
    visitor.get(page.get_absolute_url())
    cached = visitor.get(page.get_absolute_url())  # from the page cache
    assert cached["Cache-Control"].startswith("public")
    token = cached.content.decode().split('name="token" value="')[1].split('"')[0]
    assert feedback.read_token(token) == ("a-test-page", "page")
    assert visitor.post("/feedback/", form(token=token)).status_code == 302
    # However old a cached copy is, its token has most of a day still to live.
    longest = (
        settings.PUBLIC_PAGE_CACHE_TIMEOUT
        + settings.PUBLIC_PAGE_MAX_AGE
        + settings.PUBLIC_PAGE_STALE_WHILE_REVALIDATE
    )
    assert feedback.TOKEN_MAX_AGE - longest >= 23 * 60 * 60


def test_the_feedback_post_is_never_cached(visitor, page):
    response = visitor.post("/feedback/", form())
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"helpful": ""}, "Choose yes or no"),
        ({"helpful": "maybe"}, "Choose yes or no"),
        ({"comment": "x" * 2001}, "2,001 characters long"),
        ({"token": "forged"}, "could not check where this form came from"),
        ({"token": ""}, "could not check where this form came from"),
        ({"website": "http://spam.example"}, "could not send your answer"),
    ],
)
def test_bad_feedback_gets_a_clear_400_and_stores_nothing(visitor, page, changes, message):
    response = visitor.post("/feedback/", form(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not response.cookies
    assert not Feedback.objects.exists()


def test_an_error_shows_the_form_again_with_the_comment_kept(visitor, page):
    html = visitor.post("/feedback/", form(helpful="")).content.decode()
    assert "The part about trials was hard to follow.</textarea>" in html
    assert 'name="token"' in html


def test_a_forged_token_for_another_page_is_refused(visitor, page):
    token = signing.dumps(["a-test-page", "page"], salt="another-salt")
    assert visitor.post("/feedback/", form(token=token)).status_code == 400


def test_a_token_lives_its_whole_age_and_no_longer(monkeypatch):
    made = 7_200_000.0 + 3599  # the last second of an hour
    monkeypatch.setattr(feedback, "now", lambda: made)
    token = feedback.make_token("a-test-page", "page")
    assert feedback.make_token("a-test-page", "page") == token  # the same all hour
    monkeypatch.setattr(feedback, "now", lambda: made + feedback.TOKEN_MAX_AGE)
    assert feedback.read_token(token) == ("a-test-page", "page")
    monkeypatch.setattr(feedback, "now", lambda: made + feedback.TOKEN_MAX_AGE + 2)
    with pytest.raises(feedback.FeedbackError, match="too long ago"):
        feedback.read_token(token)
    assert feedback.token_page(token) == ("a-test-page", "page")  # to show the form again


def test_an_expired_token_is_refused_but_the_comment_is_kept(visitor, page, monkeypatch):
    token = feedback.make_token("a-test-page", "page")
    later = feedback.now() + feedback.TOKEN_MAX_AGE + feedback.TOKEN_HOUR
    monkeypatch.setattr(feedback, "now", lambda: later)
    response = visitor.post("/feedback/", form(token=token))
    html = response.content.decode()
    assert response.status_code == 400
    assert "opened too long ago" in html
    assert "The part about trials was hard to follow.</textarea>" in html
    assert not Feedback.objects.exists()


def test_feedback_for_a_draft_or_missing_page_is_refused(visitor, draft):
    assert visitor.post("/feedback/", form(slug="a-draft")).status_code == 400
    assert visitor.post("/feedback/", form(slug="no-such-page")).status_code == 400
    assert not Feedback.objects.exists()


def test_a_post_from_another_site_is_refused(visitor, page):
    response = visitor.post("/feedback/", form(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 400
    assert "another website" in response.content.decode()
    response = visitor.post("/feedback/", form(), HTTP_REFERER="https://evil.example/x")
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_only_posts_are_accepted(visitor, page):
    assert visitor.get("/feedback/").status_code == 405


def test_a_flood_is_refused_calmly_and_the_limit_keeps_no_address(visitor, page):
    for _ in range(feedback.RATE_LIMIT):
        assert visitor.post("/feedback/", form()).status_code == 302
    response = visitor.post("/feedback/", form())
    assert response.status_code == 429
    assert response["Retry-After"] == str(feedback.RATE_WINDOW)
    assert "Please wait a few minutes" in response.content.decode()
    assert Feedback.objects.count() == feedback.RATE_LIMIT
    # The cache holds a keyed hash, never the address itself.
    keys = cache_keys()
    assert keys and not any(ADDRESS in key for key in keys)
    # Someone else is not held back by this flood.
    other = Client(REMOTE_ADDR="198.51.100.2")
    assert other.post("/feedback/", form()).status_code == 302


def test_the_rate_limit_entry_expires_a_window_after_its_own(rf, monkeypatch):
    from neuroinfo import ratelimit

    timeouts = []
    real_add = cache.add
    monkeypatch.setattr(
        ratelimit.cache,
        "add",
        lambda key, value, timeout: timeouts.append(timeout) or real_add(key, value, timeout),
    )
    monkeypatch.setattr(ratelimit.time, "time", lambda: 6000.0)
    request = rf.post("/", REMOTE_ADDR=ADDRESS)
    assert ratelimit.allow(request, "test", limit=1, window=60)
    assert not ratelimit.allow(request, "test", limit=1, window=60)
    assert timeouts == [120, 120]  # still read, weighted, through the next window
    # Two windows on, nothing of the flood is left.
    monkeypatch.setattr(ratelimit.time, "time", lambda: 6120.0)
    assert ratelimit.allow(request, "test", limit=1, window=60)


def test_a_flood_does_not_start_afresh_at_a_window_boundary(rf, monkeypatch):
    from neuroinfo import ratelimit

    request = rf.post("/", REMOTE_ADDR=ADDRESS)
    clock = [5999.0]  # one second before a boundary (windows of 60 s)
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    assert ratelimit.allow(request, "test", limit=2, window=60)
    assert ratelimit.allow(request, "test", limit=2, window=60)
    assert not ratelimit.allow(request, "test", limit=2, window=60)
    clock[0] = 6001.0  # two seconds later, in the next window
    assert not ratelimit.allow(request, "test", limit=2, window=60)
    clock[0] = 6059.0  # the flood is nearly a window old, but two of these were refused ones
    assert not ratelimit.allow(request, "test", limit=2, window=60)
    clock[0] = 6090.0  # the window before saw those 2 refused posts; half of it still counts
    assert ratelimit.allow(request, "test", limit=2, window=60)
    assert not ratelimit.allow(request, "test", limit=2, window=60)


def test_editors_see_feedback_by_page_with_counts_and_mark_it_dealt_with(staff_client, page):
    Feedback.objects.create(page=page, helpful=True)
    Feedback.objects.create(page=page, helpful=False, comment="Too long")
    done = Feedback.objects.create(page=page, helpful=False, dealt_with=True)
    from content.admin.feedback import counts_by_page

    assert list(counts_by_page()) == [
        {
            "pk": page.pk,
            "title": "A test page",
            "total": 3,
            "helpful": 1,
            "not_helpful": 2,
            "open": 2,
        }
    ]
    html = staff_client.get("/admin/content/feedback/").content.decode()
    assert "Feedback by page" in html
    assert f'href="?page__id__exact={page.pk}&amp;open=yes">2</a>' in html

    open_ids = [f.pk for f in Feedback.objects.filter(dealt_with=False)]
    response = staff_client.post(
        "/admin/content/feedback/",
        {"action": "mark_dealt_with", "_selected_action": open_ids},
    )
    assert response.status_code == 302
    assert Feedback.objects.filter(dealt_with=False).count() == 0
    assert done.pk not in open_ids
    assert staff_client.get("/admin/content/feedback/add/").status_code == 403


def test_editors_can_filter_what_is_not_yet_dealt_with(staff_client, page):
    Feedback.objects.create(page=page, helpful=False, comment="Open one")
    Feedback.objects.create(page=page, helpful=False, comment="Closed one", dealt_with=True)
    html = staff_client.get("/admin/content/feedback/?open=yes").content.decode()
    assert "Open one" in html and "Closed one" not in html


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(rf, settings):
    from neuroinfo import ratelimit

    settings.TRUST_PROXY_HEADERS = True

    def post(forwarded):
        return rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert ratelimit.allow(post("198.51.100.7"), "test", limit=1, window=60)
    assert not ratelimit.allow(post("198.51.100.7"), "test", limit=1, window=60)
    assert ratelimit.allow(post("198.51.100.8"), "test", limit=1, window=60)

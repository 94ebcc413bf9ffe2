"""The cache of finished pages under attack: what may empty it, what may fill
it, what may bypass it, and a cache that stops answering."""

import pytest
from django.apps import apps
from django.test import Client
from django.test.utils import CaptureQueriesContext

from content import feedback
from content.models.versioning import _watched
from neuroinfo import response_cache

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

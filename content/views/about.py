from django.db.models import Exists, Min, OuterRef
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from content import languages
from content.context_processors import site_text_for
from content.models import Page, Source
from content.views.pages import translation_state
from neuroinfo.response_cache import public_page


@public_page
def about(request):
    """Who runs the site, how pages are written and checked, the sources, data, contact."""
    # One line per source, however many pages cite it: grouped in the database,
    # so the cost follows the number of distinct sources, not of pages.
    first_of_each = (
        # Each source looks up its own page (by primary key): the database never
        # walks the list of published pages, however long it is.
        Source.objects.filter(Exists(Page.objects.published().filter(pk=OuterRef("page_id"))))
        .values("organisation", "title", "url")
        .annotate(first=Min("pk"))
        .values("first")
    )
    sources = Source.objects.filter(pk__in=first_of_each).order_by("organisation", "title")
    site_text = site_text_for(request)
    state = None
    if site_text.pk and site_text.is_translation:
        with translation.override(languages.default()):
            english_url = reverse("content:about")
        state = translation_state(site_text, english_url, made=site_text.updated)
    return render(
        request,
        "content/about.html",
        {"site_text": site_text, "sources": sources, "site_text_state": state},
    )

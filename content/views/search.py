"""Search results. The query lives only in the address: it is never stored,
and the access log and the site's own logs leave out query strings."""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from content import search as site_search
from neuroinfo.response_cache import public_page


# The bare /search/ (a box and a few words) is the same for everyone and is
# cached; an address with a query holds what a parent typed and never is.
@public_page(unless_query=True)
@require_safe
def search(request):
    query = site_search.clean_query(request.GET.get("q", ""))
    pages, terms = site_search.search(query)
    suggestion = None
    if query.terms and not pages and not terms:
        # A misspelling: offer the near word, and show what it finds.
        text = site_search.suggest(query)
        if text:
            suggestion = site_search.clean_query(text)
            pages, terms = site_search.search(suggestion)
    response = render(
        request,
        "content/search.html",
        {
            "query": query,
            "suggestion": suggestion,
            "pages": pages,
            "terms": terms,
            "searched": "q" in request.GET,
            "about_outlook": query.about_outlook or (suggestion and suggestion.about_outlook),
            "about_contact": query.about_contact or (suggestion and suggestion.about_contact),
        },
    )
    # Results pages are for the person searching, not for search engines, and
    # no shared cache may keep an address that holds what a parent typed.
    response["X-Robots-Tag"] = "noindex"
    if request.GET:
        patch_cache_control(response, private=True, max_age=settings.PRIVATE_PAGE_MAX_AGE)
    return response

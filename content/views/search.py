"""Search results. The query lives only in the address: it is never stored,
and the access log and the site's own logs leave out query strings."""

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
    response = render(
        request,
        "content/search.html",
        {"query": query, "pages": pages, "terms": terms, "searched": "q" in request.GET},
    )
    # Results pages are for the person searching, not for search engines, and
    # no shared cache may keep an address that holds what a parent typed.
    response["X-Robots-Tag"] = "noindex"
    if request.GET:
        patch_cache_control(response, private=True, max_age=300)
    return response

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from content import review
from content.models import Page, PageRedirect


def home(request):
    return render(request, "content/home.html", {"pages": Page.objects.published()})


def page_detail(request, slug):
    # Staff see drafts at the same address, so they can check a page before
    # publishing it; everyone else gets the friendly 404.
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    page = pages.prefetch_related("sources").filter(slug=slug).first()
    if page is None:
        response = _old_address(request, slug)
    else:
        words = None
        preview = None
        if request.user.is_staff:
            change = review.waiting_change(page)
            # Staff see the waiting version, whole and as parents will, unless they
            # ask for the live one. The public never sees waiting text.
            if change and request.GET.get("preview") != "live":
                page = review.preview_page(page, review.change_text(change))
                words = page.preview_terms
                preview = "waiting"
            elif change:
                preview = "live"
        if words is None:
            words = page.terms.all()
        words = sorted(words, key=lambda term: term.term.casefold())
        context = {"page": page, "preview": preview, "words": words}
        response = render(request, "content/page_detail.html", context)
    if request.user.is_staff:
        # What staff see depends on who they are (drafts, waiting changes, old
        # addresses of drafts): never for a shared cache.
        patch_cache_control(response, private=True)
    return response


def _old_address(request, slug):
    """A page that moved keeps its old address working: a permanent redirect."""
    moved = PageRedirect.objects.select_related("page").filter(old_slug=slug).first()
    if moved is None or not (moved.page.is_published or request.user.is_staff):
        raise Http404("No such page.")
    return redirect(moved.page, permanent=True)

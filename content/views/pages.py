from django.http import Http404
from django.shortcuts import redirect, render

from content.models import Page, PageRedirect
from neuroinfo.response_cache import public_page

# The home page lists the first pages only (the starting six fit on one
# screen); the rest are on /pages/, a fixed number at a time. Either way a
# request reads a fixed number of rows however many pages there are.
HOME_PAGE_COUNT = 12
PAGES_PER_LIST_PAGE = 20
LIST_FIELDS = ["slug", "title", "summary"]


def first_pages(count, offset=0):
    """Up to `count` published pages from `offset`, and whether more follow (one query)."""
    rows = list(Page.objects.published().only(*LIST_FIELDS)[offset : offset + count + 1])
    return rows[:count], len(rows) > count


@public_page
def home(request):
    pages, more = first_pages(HOME_PAGE_COUNT)
    return render(request, "content/home.html", {"pages": pages, "more": more})


@public_page(query=True)
def page_list(request):
    """Every published page, a list page at a time: /pages/?page=2."""
    number = request.GET.get("page", "1")
    if set(request.GET) - {"page"} or not number.isdigit() or int(number) < 1:
        raise Http404("No such list page.")
    number = int(number)
    pages, more = first_pages(PAGES_PER_LIST_PAGE, (number - 1) * PAGES_PER_LIST_PAGE)
    if not pages and number > 1:
        raise Http404("No such list page.")
    return render(
        request,
        "content/page_list.html",
        {
            "pages": pages,
            "previous": number - 1 if number > 1 else None,
            "next": number + 1 if more else None,
            "number": number,
        },
    )


@public_page
def page_detail(request, slug):
    # Staff see drafts at the same address, so they can check a page before
    # publishing it; everyone else gets the friendly 404.
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    page = pages.prefetch_related("sources").filter(slug=slug).first()
    if page is None:
        return _old_address(request, slug)
    words = sorted(page.terms.all(), key=lambda term: term.term.casefold())
    return render(request, "content/page_detail.html", {"page": page, "words": words})


def _old_address(request, slug):
    """A page that moved keeps its old address working: a permanent redirect."""
    moved = PageRedirect.objects.select_related("page").filter(old_slug=slug).first()
    if moved is None or not (moved.page.is_published or request.user.is_staff):
        raise Http404("No such page.")
    return redirect(moved.page, permanent=True)

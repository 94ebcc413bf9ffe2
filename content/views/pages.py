from django.shortcuts import get_object_or_404, render

from content.models import Page


def home(request):
    return render(request, "content/home.html", {"pages": Page.objects.published()})


def page_detail(request, slug):
    # Staff see drafts at the same address, so they can check a page before
    # publishing it; everyone else gets the friendly 404.
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    page = get_object_or_404(pages.prefetch_related("sources"), slug=slug)
    words = sorted(page.terms.all(), key=lambda term: term.term.casefold())
    return render(request, "content/page_detail.html", {"page": page, "words": words})

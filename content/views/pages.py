from django.shortcuts import get_object_or_404, render

from content import review
from content.models import Page


def home(request):
    return render(request, "content/home.html", {"pages": Page.objects.published()})


def page_detail(request, slug):
    # Staff see drafts at the same address, so they can check a page before
    # publishing it; everyone else gets the friendly 404.
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    page = get_object_or_404(pages.prefetch_related("sources"), slug=slug)
    preview = None
    if request.user.is_staff:
        change = review.waiting_change(page)
        # Staff see the waiting version, whole and as parents will, unless they
        # ask for the live one. The public never sees waiting text.
        if change and request.GET.get("preview") != "live":
            page = review.preview_page(page, review.change_text(change))
            preview = "waiting"
        elif change:
            preview = "live"
    return render(request, "content/page_detail.html", {"page": page, "preview": preview})

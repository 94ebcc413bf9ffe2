from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control

from content.models import Page


def home(request):
    return render(request, "content/home.html", {"pages": Page.objects.published()})


def page_detail(request, slug):
    # Staff see drafts at the same address, so they can check a page before
    # publishing it; everyone else gets the friendly 404.
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    page = get_object_or_404(pages.prefetch_related("sources"), slug=slug)
    response = render(request, "content/page_detail.html", {"page": page})
    if request.user.is_staff:
        # What staff see depends on who they are (drafts): never for a shared cache.
        patch_cache_control(response, private=True)
    return response

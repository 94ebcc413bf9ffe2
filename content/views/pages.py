from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from content import navigation
from content.feedback import make_token
from content.models import Feedback, Page, PageRedirect
from content.questions import questions_section
from content.structured_data import medical_web_page
from neuroinfo.site import absolute_url


def home(request):
    return render(request, "content/home.html", {"pages": Page.objects.published()})


def visible_page(request, slug):
    # Staff see drafts at the same address, so they can check a page before
    # publishing it; everyone else gets the friendly 404.
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    page = pages.prefetch_related("sources").filter(slug=slug).first()
    if page is None:
        return _old_address(request, slug)
    return page


def page_detail(request, slug):
    page = visible_page(request, slug)
    if not isinstance(page, Page):
        return page  # the redirect from a moved page's old address
    previous, following = navigation.neighbours(page)
    heading, _ = questions_section(page.body_html)
    return render(
        request,
        "content/page_detail.html",
        {
            "page": page,
            "breadcrumbs": navigation.breadcrumbs((page.title, page.get_absolute_url())),
            "related": navigation.related_pages(page),
            "previous": previous,
            "next": following,
            "questions_url": reverse("content:page_questions", args=[page.slug]) if heading else "",
            "structured_data": medical_web_page(
                page, absolute_url(request, page.get_absolute_url())
            ),
            "feedback_token": make_token(page.slug, Feedback.Where.PAGE),
            "words": sorted(page.terms.all(), key=lambda term: term.term.casefold()),
        },
    )


def _old_address(request, slug):
    """A page that moved keeps its old address working: a permanent redirect."""
    moved = PageRedirect.objects.select_related("page").filter(old_slug=slug).first()
    if moved is None or not (moved.page.is_published or request.user.is_staff):
        raise Http404("No such page.")
    return redirect(moved.page, permanent=True)

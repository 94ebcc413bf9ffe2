from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from content import navigation
from content.feedback import make_token
from content.models import Feedback, Page
from content.questions import questions_section
from content.structured_data import medical_web_page
from neuroinfo.site import absolute_url


def home(request):
    return render(request, "content/home.html", {"pages": Page.objects.published()})


def visible_page(request, slug):
    # Staff see drafts at the same address, so they can check a page before
    # publishing it; everyone else gets the friendly 404.
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    return get_object_or_404(pages.prefetch_related("sources"), slug=slug)


def page_detail(request, slug):
    page = visible_page(request, slug)
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
        },
    )

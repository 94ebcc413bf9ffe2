from django.shortcuts import render

from content.models import Page, SiteText, Source


def about(request):
    """Who runs the site, how pages are written and checked, the sources, data, contact."""
    sources = Source.objects.filter(page__in=Page.objects.published()).order_by(
        "organisation", "title"
    )
    # One line per source, however many pages cite it.
    unique = {}
    for source in sources:
        unique.setdefault((source.organisation, source.title, source.url), source)
    return render(
        request,
        "content/about.html",
        {"site_text": SiteText.current(), "sources": list(unique.values())},
    )

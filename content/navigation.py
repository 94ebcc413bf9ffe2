"""Finding one's way around a page: breadcrumbs, related pages and the pages
before and after it. A few fixed queries each, however many pages there are."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from content.models import Page
from content.rendering import linked_slugs


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str = ""  # empty for the current page, which is not a link


def breadcrumbs(*trail):
    """Home first, then each (label, url); the last is the current page."""
    crumbs = [Crumb("Home", reverse("content:home"))]
    crumbs += [Crumb(label, url) for label, url in trail[:-1]]
    crumbs.append(Crumb(trail[-1][0]))
    return crumbs


def related_pages(page):
    """The editors' choice of related pages, or else the pages this page links to.

    Only published pages, never the page itself. One query either way (two
    when the editors chose none).
    """
    published = Page.objects.published().exclude(pk=page.pk).only("slug", "title", "summary")
    chosen = list(published.filter(pk__in=page.related.values("pk")))
    if chosen or page.pk is None:
        return chosen
    slugs = linked_slugs(page.body_html)
    by_slug = {p.slug: p for p in published.filter(slug__in=slugs)}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def neighbours(page):
    """(previous, next) published pages in the site's order (order, title, pk)."""
    published = Page.objects.published().exclude(pk=page.pk).only("slug", "title", "order")
    after = Q(order__gt=page.order) | Q(order=page.order, title__gt=page.title)
    after |= Q(order=page.order, title=page.title, pk__gt=page.pk)
    before = Q(order__lt=page.order) | Q(order=page.order, title__lt=page.title)
    before |= Q(order=page.order, title=page.title, pk__lt=page.pk)
    previous = published.filter(before).order_by("-order", "-title", "-pk").first()
    following = published.filter(after).order_by("order", "title", "pk").first()
    return previous, following

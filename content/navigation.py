"""Finding one's way around a page: breadcrumbs, related pages and the pages
before and after it. A few fixed queries each, however many pages there are."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from content.models import Page


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str = ""  # empty for the current page, which is not a link


def breadcrumbs(*trail):
    """Home first, then each (label, url); the last is the current page."""
    crumbs = [Crumb(_("Home"), reverse("content:home"))]
    crumbs += [Crumb(label, url) for label, url in trail[:-1]]
    crumbs.append(Crumb(trail[-1][0]))
    return crumbs


def related_pages(page):
    """The editors' choice of related pages, or else the pages this page links to.

    Only published pages, never the page itself. Two queries either way.
    """
    published = Page.objects.published(page.language).exclude(pk=page.pk)
    published = published.only("slug", "title", "summary")
    if page.pk is None:
        return []
    # The chosen ids first, from the link table's own index: asked in one query,
    # SQLite walked every page in the (status, order, title) index instead.
    ids = list(
        Page.related.through.objects.filter(from_page_id=page.pk).values_list(
            "to_page_id", flat=True
        )
    )
    # Both lookups are put in order here, not by the database: asked to sort,
    # SQLite walks every published page in the (status, order, title) index
    # instead of fetching the few rows by primary key or slug.
    if ids:
        chosen = published.filter(pk__in=ids).only("slug", "title", "summary", "order")
        chosen = sorted(chosen.order_by(), key=lambda p: (p.order, p.title, p.pk))
        if chosen:
            return chosen
    slugs = page.linked_slugs  # stored when the page was saved
    # Found by (language, slug), published ones kept here: asked for published
    # ones, SQLite walks every published page in the (language, status, …) index.
    linked = Page.objects.in_language(page.language).filter(slug__in=slugs).exclude(pk=page.pk)
    linked = linked.only("slug", "title", "summary", "status").order_by()
    by_slug = {p.slug: p for p in linked if p.is_published}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def neighbours(page):
    """(previous, next) published pages in the site's order (order, title, pk)."""
    published = Page.objects.published(page.language).exclude(pk=page.pk)
    published = published.only("slug", "title", "order")
    after = Q(order__gt=page.order) | Q(order=page.order, title__gt=page.title)
    after |= Q(order=page.order, title=page.title, pk__gt=page.pk)
    before = Q(order__lt=page.order) | Q(order=page.order, title__lt=page.title)
    before |= Q(order=page.order, title=page.title, pk__lt=page.pk)
    # The plain range on `order` (implied by the conditions above) lets the
    # database seek in the (status, order, title) index instead of walking it
    # from one end: without it, a page's neighbours cost more as pages are added.
    previous = (
        published.filter(before, order__lte=page.order).order_by("-order", "-title", "-pk").first()
    )
    following = (
        published.filter(after, order__gte=page.order).order_by("order", "title", "pk").first()
    )
    return previous, following

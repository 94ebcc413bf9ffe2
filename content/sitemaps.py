"""/sitemap.xml: the home page, the guide's start, the About page, the glossary
and every published page. Drafts and guide results never appear."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from content.models import Page


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL when it is set, else on the request's host."""

    def get_urls(self, page=1, site=None, protocol=None):
        if settings.SITE_URL:
            address = urlsplit(settings.SITE_URL)
            return self._urls(page, address.scheme, address.netloc)
        return super().get_urls(page=page, site=site, protocol=protocol)


class FixedPagesSitemap(SiteSitemap):
    names = ["content:home", "content:guide_start", "content:about", "content:glossary"]

    def items(self):
        return [reverse(name) for name in self.names]

    def location(self, item):
        return item


class PageSitemap(SiteSitemap):
    def items(self):
        return Page.objects.published().only("slug", "updated")

    def lastmod(self, page):
        return page.updated


SITEMAPS = {"site": FixedPagesSitemap, "pages": PageSitemap}

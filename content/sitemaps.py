"""/sitemap.xml: the home page, the guide's start, the About page, the glossary
and every published page. Drafts and guide results never appear.

Each address is listed once per language (/pages/x/, /fr/pages/x/, ...), each
with its alternates in every language and x-default (the English address), as
search engines ask of a site that has its pages in several languages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from content import languages
from content.models import Page


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL when it is set, else on the request's host."""

    # Every language of settings.LANGUAGES, each address under its prefix.
    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        if settings.SITE_URL:
            address = urlsplit(settings.SITE_URL)
            return self._urls(page, address.scheme, address.netloc)
        return super().get_urls(page=page, site=site, protocol=protocol)


class FixedPagesSitemap(SiteSitemap):
    names = ["content:home", "content:guide_start", "content:about", "content:glossary"]

    def items(self):
        return self.names

    def location(self, name):
        # Reversed in the language being listed (the sitemap activates it).
        return reverse(name)


class PageSitemap(SiteSitemap):
    def items(self):
        # The English pages: each is listed at its address in every language
        # (a translation has its English page's slug).
        return Page.objects.published(languages.default()).only("slug", "updated")

    def lastmod(self, page):
        return page.updated


SITEMAPS = {"site": FixedPagesSitemap, "pages": PageSitemap}

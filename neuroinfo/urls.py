from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponseNotFound
from django.urls import include, path
from django.views.generic import TemplateView

from content.sitemaps import SITEMAPS
from content.views.preview import markdownify
from neuroinfo.response_cache import public_page

# Also turns "database unavailable" into a calm 503 (neuroinfo/availability.py).
handler500 = "neuroinfo.availability.server_error"

admin.site.site_header = "neuroinfo editors"
admin.site.site_title = "neuroinfo editors"
admin.site.index_title = "Pages, the guide and the glossary"


def uploads_are_off(request):
    return HttpResponseNotFound("Image uploads are turned off.", content_type="text/plain")


urlpatterns = [
    # markdownx's own URLconf answers anyone and accepts image uploads. Its
    # widget posts to these two paths, so we keep them: our own preview, for
    # staff only, and no uploads.
    path("markdownx/markdownify/", markdownify, name="markdownx_markdownify"),
    path("markdownx/upload/", uploads_are_off, name="markdownx_upload"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path(
        "sitemap.xml",
        public_page(sitemap, unless_query=True),  # ?p= pages a sitemap of over 50,000
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
]
# Parents' pages in every language: English (the default) at today's
# addresses, the others under their prefix (/fr/, /es/). The admin, the
# sitemap and robots.txt above stay unprefixed. neuroinfo/language.py picks
# the language from the address.
urlpatterns += i18n_patterns(path("", include("content.urls")), prefix_default_language=False)

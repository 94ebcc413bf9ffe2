"""The site's own public address, for links that leave the page: canonical
links, sharing tags, the sitemap, robots.txt and printed addresses."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils import timezone


def origin(request):
    """'https://host' from SITE_URL, or from the request when it is not set.

    Empty for a host not in ALLOWED_HOSTS: the 400 page for such a request
    renders through this too, and must not fail in turn.
    """
    if settings.SITE_URL:
        return settings.SITE_URL
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""


def absolute_url(request, path):
    return origin(request) + path


def context(request):
    """Template context: the origin, this page's address (without its query
    string, which may hold a child's answers) and today's date for printouts."""
    site_origin = origin(request)
    return {
        "site_name": settings.SITE_NAME,
        "site_origin": site_origin,
        "page_address": site_origin + request.path,
        "printed_on": timezone.localdate(),
    }

"""The site's own public address, for links that leave the page: canonical
links, sharing tags, the sitemap, robots.txt and printed addresses."""

from django.conf import settings
from django.utils import timezone


def origin(request):
    """'https://host' from SITE_URL, or from the request when it is not set."""
    if settings.SITE_URL:
        return settings.SITE_URL
    return f"{request.scheme}://{request.get_host()}"


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

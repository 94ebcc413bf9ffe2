"""Tracking parameters that sites add to shared links, and a middleware that drops them.

A guide result shared on social media comes back as
`/guide/result/?where=brain&fbclid=…`. The guide refuses anything it did not
ask (so a changed address never gives a wrong answer), which stranded parents
following shared links. These names never change an answer, so we redirect to
the same address without them; they are then kept neither in the browser's
history nor in any log.
"""

from urllib.parse import unquote_plus

from django.http import HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.encoding import escape_uri_path
from django.utils.http import escape_leading_slashes

TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid",
        "mc_eid", "_ga", "_gl", "igshid", "ref", "ref_src", "yclid", "twclid", "ttclid",
        "li_fat_id", "mkt_tok", "_hsenc", "_hsmi", "oly_anon_id", "oly_enc_id", "vero_id",
    }
)  # fmt: skip


def is_tracking_parameter(name):
    name = name.lower()
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)


def without_tracking(query_string):
    """The query string with tracking parameters removed, the rest exactly as sent."""
    kept = [
        part
        for part in query_string.split("&")
        if part and not is_tracking_parameter(unquote_plus(part.split("=", 1)[0]))
    ]
    return "&".join(kept)


def same_site_path(request):
    """The request's path as a Location that stays on this site, whatever was sent.

    A path may begin with "//" (sent as `//evil.example/` or `/%2F%2Fevil.example/`):
    as a Location a browser reads that as another host. Django escapes it only
    in CommonMiddleware's own redirects, so we do it here: `/%2Fevil.example/`
    is the same path on this site. Backslashes, tabs and newlines (which
    browsers read as, or strip before, a slash) are percent-encoded.
    """
    return escape_leading_slashes(escape_uri_path(request.path))


def drop_tracking_parameters(get_response):
    def middleware(request):
        query = request.META.get("QUERY_STRING", "")
        if request.method in ("GET", "HEAD") and query:
            cleaned = without_tracking(query)
            if cleaned != query:
                # 302, not 301: a permanent redirect is cached by browsers with
                # no end date, and these addresses are unique per click anyway.
                # "private": the address may hold a parent's answers.
                response = HttpResponseRedirect(
                    same_site_path(request) + (f"?{cleaned}" if cleaned else "")
                )
                patch_cache_control(response, private=True, max_age=0)
                return response
        return get_response(request)

    return middleware

"""A cache of finished public pages, correct at every moment.

The contract, in two parts:

`PublicPageCacheMiddleware` (required: in settings.MIDDLEWARE just after
WhiteNoise, before every middleware that only adds headers) is the cache. For
a GET or HEAD of a marked view by a visitor who is not signed in, it looks the
page up and answers a hit at once, with the headers the rest of the stack
added when it was stored (CSP, X-Frame-Options, Permissions-Policy); on a
miss it lets the request through, and stores the finished response if it is
the same for every visitor (no cookie set, no session read, no CSRF token, no
`private` or `no-store` from the view). It answers conditional GETs (304) and
sends the body brotli- or gzip-compressed as the browser accepts. The system
check neuroinfo.E001 fails when a view is marked and the middleware is missing.

`@public_page` marks a view and says how its address is kept:

    @public_page                 # the address's path is the whole key
    @public_page(query=True)     # path + sorted query string (see below)
    @public_page(query=True, private=True)  # kept here, but only the visitor's
                                 # own browser may keep it (the guide: its
                                 # addresses hold a child's answers)
    @public_page(unless_query=True)  # only the bare address is kept: the view
                                 # takes free text in its query (search), or
                                 # is Django's own (the sitemap's ?p=)

The view itself then answers only GET and HEAD (anything else gets a 405 with
`Allow: GET, HEAD`, never a page), sees a visitor as anonymous without
reading the session, and gives signed-in staff (a session key this site
issued: neuroinfo/sessions.py; a made-up session cookie is a visitor's) a
fresh page marked `Cache-Control: private, no-cache`.

Keys: the content version, today's date (pages say when they are due for
review), the release, the path (with its language prefix, /fr/…, so
each language is kept apart) and, with `query=True`, the query string with
its parameters sorted; without SITE_URL, also the scheme and host, in one
form per host (`_origin`). Nothing about the visitor (cookies, headers,
address) is part of the key or the entry.

`query=True` is for views that answer 200 only to a bounded set of query
strings, one form of each, and refuse anything else (404 or 400, never
stored): the guide accepts only answers it knows, once each; the page list
accepts `?page=2`, not `02` or `２`. A view that takes free text (a search
box) must not use it.

Bounds: nothing a visitor sends can add entries without end. Each address
has one cached form; every entry expires after PUBLIC_PAGE_CACHE_TIMEOUT
(ten minutes); the local-memory cache keeps at most MAX_ENTRIES; Redis runs
with a memory limit that evicts the least recently used keys
(`scripts/redis.sh`; docs/performance.md).

Correctness: the content version (`settings.CONTENT_VERSION`, a database row
every save to the `content` app changes in the same transaction) is part of
every key, so an edit makes every older entry unreachable at once. Each
process reads it at most once every CONTENT_VERSION_MAX_AGE seconds (1).
When the database cannot be reached, the last version read (or the one
mirrored in the shared cache) is used, so cached pages are still served; a
cache that is down counts as a miss.

Public responses say `Cache-Control: public, max-age=…,
stale-while-revalidate=…` (private ones `private, max-age=…`), carry a
strong ETag per encoding, and vary only by Accept-Encoding, never by cookie.
"""

import gzip
import hashlib
import logging
import time
from functools import lru_cache, wraps
from urllib.parse import urlencode

import brotli
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import checks
from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.http.request import split_domain_port
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.module_loading import import_string

from neuroinfo.sessions import was_issued_here

log = logging.getLogger(__name__)

VERSION_MIRROR_KEY = "public-pages:version"
CACHEABLE_STATUSES = {200, 301, 302}
COMPRESSIBLE_TYPES = ("text/", "application/xml", "application/json", "image/svg+xml")
# Below this, compression costs more than it saves.
MIN_COMPRESS_BYTES = 200


def _cache():
    return caches[settings.PUBLIC_PAGE_CACHE]


def _cache_get(key):
    """Read from the shared cache; a cache that is down counts as a miss."""
    try:
        return _cache().get(key)
    except Exception as error:  # redis.ConnectionError and friends
        log.warning("Page cache unavailable on read: %s", type(error).__name__)
        return None


def _cache_set(key, value, timeout):
    try:
        _cache().set(key, value, timeout)
    except Exception as error:
        log.warning("Page cache unavailable on write: %s", type(error).__name__)


# --- the content version --------------------------------------------------------


class _Version:
    token = None
    read_at = float("-inf")


_version = _Version()


def current_version():
    """The content version, read at most once every CONTENT_VERSION_MAX_AGE seconds.

    None when it has never been readable (no database, nothing mirrored):
    then nothing is served from or stored in the cache.
    """
    now = time.monotonic()
    if _version.token is not None and now - _version.read_at < settings.CONTENT_VERSION_MAX_AGE:
        return _version.token
    _version.read_at = now
    try:
        token = import_string(settings.CONTENT_VERSION)()
    except DatabaseError as error:
        # The database is down: keep serving what is cached under the last
        # version we know (a fresh process asks the shared cache for it).
        log.warning("Content version unreadable (%s): using the last known", type(error).__name__)
        token = _version.token or _cache_get(VERSION_MIRROR_KEY)
    else:
        if token != _version.token:
            _cache_set(VERSION_MIRROR_KEY, token, None)
    _version.token = token
    return token


def version_changed(token):
    """Called by whatever changes the version, so this process uses it at once."""
    _version.token = token
    _version.read_at = time.monotonic()
    _cache_set(VERSION_MIRROR_KEY, token, None)


def forget_version():
    """Make the next request read the version again (tests use it)."""
    _version.token = None
    _version.read_at = float("-inf")


# --- keys, entries and responses -------------------------------------------------


def normalised_query(request):
    """The query string with its parameters in a fixed order: the same answers, one key."""
    return urlencode(
        sorted((name, value) for name in request.GET for value in request.GET.getlist(name))
    )


def cache_key(version, path, query="", origin="", day=None):
    # Hashed, so no address (and no guide answer) is readable in the cache's keys.
    digest = hashlib.sha256(f"{origin}{path}?{query}".encode()).hexdigest()[:40]
    # RELEASE keeps servers running different code (a rolling deploy) from
    # sharing pages rendered by different templates. The day: a page says
    # "due for review" from the day it is due, not up to a cache timeout later.
    day = day or timezone.localdate().isoformat()
    return f"public-page:{settings.RELEASE}:{version}:{day}:{digest}"


def is_signed_in(request):
    """A session key this site issued means staff (only the admin starts sessions).

    Decided from the cookie alone, without reading the session, so a cached
    page needs no database: the key carries an HMAC (neuroinfo/sessions.py).
    A made-up `sessionid` is a visitor's, served the cached page; it used to
    let anyone skip the cache.
    """
    return was_issued_here(request.COOKIES.get(settings.SESSION_COOKIE_NAME))


def _compressible(content_type, body):
    return len(body) >= MIN_COMPRESS_BYTES and content_type.startswith(COMPRESSIBLE_TYPES)


def make_entry(response, private=False):
    """What the cache keeps of a finished response: plain data, nothing about the visitor."""
    body = response.content
    content_type = response.get("Content-Type", "text/html; charset=utf-8")
    bodies = {"identity": body}
    if _compressible(content_type, body):
        bodies["br"] = brotli.compress(
            body, mode=brotli.MODE_TEXT, quality=settings.PUBLIC_PAGE_BROTLI_QUALITY
        )
        bodies["gzip"] = gzip.compress(body, compresslevel=9, mtime=0)
    return {
        "status": response.status_code,
        "content_type": content_type,
        "location": response.get("Location"),
        # Of the content, not the version: an edit elsewhere leaves this page's
        # ETag alone, so browsers keep getting 304s for it.
        "etag": hashlib.sha256(body).hexdigest()[:24],
        "bodies": bodies,
        # The view's own headers (X-Robots-Tag…) and those the middleware
        # inside the cache added (CSP, X-Frame-Options…): a hit need not run
        # that middleware again.
        "headers": _kept_headers(response),
        "cache_control": _cache_control(private),
    }


def _kept_headers(response):
    return {
        name: value for name, value in response.headers.items() if name.lower() not in _OWN_HEADERS
    }


def _cache_control(private):
    """What browsers and shared caches are told about a cached page.

    `private`: the server keeps the page (the same for everyone with that
    address) but no CDN or proxy may, and the visitor's own browser keeps it
    for PRIVATE_PAGE_MAX_AGE seconds (Back and Forward are instant).
    """
    if private:
        return f"private, max-age={settings.PRIVATE_PAGE_MAX_AGE}"
    return (
        f"public, max-age={settings.PUBLIC_PAGE_MAX_AGE}, "
        f"stale-while-revalidate={settings.PUBLIC_PAGE_STALE_WHILE_REVALIDATE}"
    )


def is_storable(request, response):
    """Only a response that is the same for every visitor may be shared.

    A view refuses with `Cache-Control: private` or `no-store` (staff's
    previews, the questions to print, search results).
    """
    if response.status_code not in CACHEABLE_STATUSES or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.accessed:
        return False
    if "cookie" in response.get("Vary", "").lower():
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


def accepted_encoding(request, available):
    """br, else gzip, else identity, as the Accept-Encoding header allows."""
    accepted = _accepted(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    for encoding in ("br", "gzip"):
        if encoding in available and (encoding in accepted or "*" in accepted):
            return encoding
    return "identity"


@lru_cache(maxsize=256)
def _accepted(header):
    """The codings an Accept-Encoding header accepts (browsers send a handful of values)."""
    accepted = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if params.strip().replace(" ", "") in {"q=0", "q=0.0", "q=0.00", "q=0.000"}:
            continue
        accepted.add(name.strip().lower())
    return frozenset(accepted)


def respond(request, entry):
    """A response built from an entry, for this request's encoding and conditions."""
    encoding = accepted_encoding(request, entry["bodies"])
    response = HttpResponse(
        entry["bodies"][encoding], status=entry["status"], content_type=entry["content_type"]
    )
    for name, value in entry.get("headers", {}).items():
        response[name] = value
    if entry["location"]:
        response["Location"] = entry["location"]
    if len(entry["bodies"]) > 1:
        patch_vary_headers(response, ["Accept-Encoding"])
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    suffix = "" if encoding == "identity" else f"-{encoding}"
    response["Content-Length"] = str(len(entry["bodies"][encoding]))
    response["ETag"] = f'"{entry["etag"]}{suffix}"'
    response["Cache-Control"] = entry.get("cache_control") or _cache_control(False)
    conditional = "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META
    if entry["status"] != 200 or not conditional:
        return response
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _lookup(request, query):
    """(key, entry) for an anonymous GET; key None when nothing may be cached."""
    version = current_version()
    if version is None:
        return None, None
    origin = _origin(request)
    if origin is None:
        return None, None
    key = cache_key(version, request.path, normalised_query(request) if query else "", origin)
    return key, _cache_get(key)


def _origin(request):
    """What of the address, besides path and query, is part of the key.

    With SITE_URL, nothing: pages are built from it, whatever Host was sent.
    Without it, the scheme and host, which pages are built from, but only in
    one form per host: a host ALLOWED_HOSTS names outright (not through a
    wildcard), in lower case, with no port or the one the server listens on.
    Any other Host (`LOCALHOST`, `localhost:1`, `localhost:2`, ...) is served
    without the cache: none of them may add an entry. None for those.
    """
    if settings.SITE_URL:
        return ""
    host = request.get_host()  # checks ALLOWED_HOSTS
    domain, port = split_domain_port(host)
    if host != (f"{domain}:{port}" if port else domain) or domain not in _named_hosts():
        return None
    if port and port != request.META.get("SERVER_PORT"):
        return None
    return f"{request.scheme}://{host}"


def _named_hosts():
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = ["localhost", "127.0.0.1", "[::1]"]  # as Django allows then
    return {name.lower() for name in allowed if name != "*" and not name.startswith(".")}


def _holds_free_text(request, options):
    """An `unless_query` page asked with a query: the cache leaves it alone entirely."""
    return options["unless_query"] and bool(request.META.get("QUERY_STRING"))


def public_page(view=None, *, query=False, private=False, unless_query=False):
    """Mark `view` as a page PublicPageCacheMiddleware keeps (see the module's docstring).

    The options are read by the middleware. The view itself only answers
    GET and HEAD, and sees visitors as anonymous without reading the session
    (which would add "Vary: Cookie"); signed-in staff get it fresh and private.
    """

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                # These pages only show: OPTIONS, TRACE, POST and the rest get
                # a 405 without rendering.
                response = HttpResponseNotAllowed(["GET", "HEAD"])
                patch_cache_control(response, private=True, no_cache=True)
                return response
            if is_signed_in(request):
                response = view(request, *args, **kwargs)
                patch_cache_control(response, private=True, no_cache=True)
                return response
            request.user = AnonymousUser()
            return view(request, *args, **kwargs)

        wrapped.public_page = {"query": query, "private": private, "unless_query": unless_query}
        return wrapped

    return decorate(view) if view is not None else decorate


# Set by respond() or by Django itself, never copied from a response into an entry.
_OWN_HEADERS = {
    "content-type", "content-length", "content-encoding", "etag", "cache-control",
    "vary", "location", "date", "set-cookie", "last-modified", "expires",
}  # fmt: skip


def _store(key, entry):
    _cache_set(key, entry, settings.PUBLIC_PAGE_CACHE_TIMEOUT)


@lru_cache(maxsize=4096)
def _options_for(urlconf, path_info, language):
    # `language`, though the address decides it: the patterns under
    # i18n_patterns match according to the active language, so a change of
    # settings.LANGUAGES (a test adding one) must not reuse an old answer.
    try:
        return getattr(resolve(path_info, urlconf).func, "public_page", None)
    except Resolver404:
        return None


class PublicPageCacheMiddleware:
    """The page cache itself: looks up, stores and answers `public_page` views.

    Put it before every middleware that only adds headers (CSP and the like):
    a miss stores the finished response with those headers, so a hit returns
    it without running them, or sessions, CSRF and authentication, again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or is_signed_in(request):
            return self.get_response(request)
        options = _options_for(
            getattr(request, "urlconf", None), request.path_info, translation.get_language()
        )
        if options is None or _holds_free_text(request, options):
            return self.get_response(request)
        key, entry = _lookup(request, options["query"])
        if entry is not None:
            return respond(request, entry)
        response = self.get_response(request)
        if not is_storable(request, response):
            if options["private"]:
                patch_cache_control(response, private=True, max_age=settings.PRIVATE_PAGE_MAX_AGE)
            return response
        entry = make_entry(response, options["private"])
        if key is not None:
            _store(key, entry)
        return respond(request, entry)


MIDDLEWARE_PATH = f"{__name__}.PublicPageCacheMiddleware"


@checks.register(checks.Tags.caches)
def public_pages_have_their_middleware(app_configs=None, **kwargs):
    """`public_page` only marks a view: without the middleware nothing is cached."""
    if MIDDLEWARE_PATH in settings.MIDDLEWARE:
        return []
    marked = sorted(set(_marked_views(get_resolver().url_patterns)))
    if not marked:
        return []
    return [
        checks.Error(
            f"{MIDDLEWARE_PATH} is not in settings.MIDDLEWARE, so no page is cached: "
            f"views marked @public_page: {', '.join(marked)}.",
            hint="Add it to MIDDLEWARE just after WhiteNoise (see neuroinfo/settings.py).",
            id="neuroinfo.E001",
        )
    ]


def _marked_views(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _marked_views(pattern.url_patterns)
        elif hasattr(pattern.callback, "public_page"):
            yield f"{pattern.callback.__module__}.{pattern.callback.__qualname__}"

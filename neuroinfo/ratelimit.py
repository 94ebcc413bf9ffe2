"""A rate limit that keeps no address: the cache holds a count under a keyed
hash (HMAC with SECRET_KEY) of the client's address and the current window,
and the entry expires with the window. Nothing is written to the database."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def _key(scope, address, window):
    bucket = int(time.time() // window)
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}|{address}|{bucket}".encode(), hashlib.sha256
    ).hexdigest()
    return f"ratelimit:{scope}:{digest}"


def client_address(request):
    # REMOTE_ADDR only: X-Forwarded-For can be typed by anyone. Behind a proxy
    # every visitor shares the proxy's address, so the limit is site-wide there.
    return request.META.get("REMOTE_ADDR", "")


def allow(request, scope, limit, window):
    """Count one request; False once more than `limit` came in `window` seconds."""
    key = _key(scope, client_address(request), window)
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit

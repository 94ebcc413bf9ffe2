"""A rate limit that keeps no address: the cache holds a count under a keyed
hash (HMAC with SECRET_KEY) of the client's address and a window of time,
and the entry expires when the window after its own ends. Nothing is written to
the database.

The limit slides: the previous window's count still counts, in proportion to
how much of it lies within the last `window` seconds. With fixed windows
alone, a flood could start afresh at each boundary (twice the limit in a few
seconds), and a test that posted across a boundary saw the count reset.

A Redis that does not answer raises nothing here: the cache backend
(neuroinfo/cache.py) counts in this process's memory meanwhile."""

import hashlib
import hmac
import math
import time

from django.conf import settings
from django.core.cache import cache

from neuroinfo.signing_in import client_ip


def _key(scope, address, bucket):
    bucket = int(bucket)
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}|{address}|{bucket}".encode(), hashlib.sha256
    ).hexdigest()
    return f"ratelimit:{scope}:{digest}"


def allow(request, scope, limit, window):
    """Count one request; False once more than `limit` came in the last `window` seconds."""
    bucket, into = divmod(time.time(), window)
    address = client_ip(request) or ""
    earlier = cache.get(_key(scope, address, bucket - 1), 0) * (1 - into / window)
    # Kept while it still counts: to the end of the next window, no longer.
    keep = math.ceil(2 * window - into)
    return earlier + _count(_key(scope, address, bucket), keep) <= limit


def _count(key, timeout):
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=timeout)
        return 1

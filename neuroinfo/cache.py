"""The shared cache (Redis) behind a circuit breaker: a Redis that is down or
hung costs one request one timeout, then is left alone for a while.

Everything that uses the cache (the page cache, the feedback rate limit, the
content version's mirror) goes through this backend, so this is the one place
that decides what a failing Redis costs. Without it, each call waited its own
socket timeout: with Redis frozen every page took 3-4 s (several calls of a
second each), and with Redis stopped the feedback rate limit's error gave 500.

After a call fails (refused, reset, timed out), every call for the next
`RETRY_AFTER` seconds (OPTIONS, default 30) goes to this process's own memory
instead, a bounded local-memory cache (`FALLBACK_MAX_ENTRIES`, default 1,000
entries): pages are still cached, per process, and the rate limit still
counts, per process. Then one call tries Redis again; if it fails, the
breaker opens again. Nothing here raises for a cache that does not answer.

The fallback is correct, not just fast: page keys hold the content version,
read from the database, so a page kept here during an outage is never served
after an edit; what it holds is simply left behind when Redis answers again.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# Per process, per Redis address: Django makes a cache object per thread.
_open_until = {}


class GuardedRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 30))
        fallback_entries = int(options.pop("FALLBACK_MAX_ENTRIES", 1_000))
        super().__init__(server, {**params, "OPTIONS": options})
        self._breaker = str(server)
        self._fallback = LocMemCache(
            f"neuroinfo-redis-fallback:{server}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "OPTIONS": {"MAX_ENTRIES": fallback_entries},
            },
        )

    def is_open(self):
        """True while Redis is left alone after a failure."""
        return time.monotonic() < _open_until.get(self._breaker, float("-inf"))

    def _call(self, name, *args, **kwargs):
        if not self.is_open():
            try:
                return getattr(super(), name)(*args, **kwargs)
            except (RedisError, OSError) as error:
                _open_until[self._breaker] = time.monotonic() + self.retry_after
                log.warning(
                    "Redis did not answer (%s): using this process's memory for %g s",
                    type(error).__name__,
                    self.retry_after,
                )
        return getattr(self._fallback, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")


def reset_breakers():
    """Try Redis again at the next call (tests use it)."""
    _open_until.clear()

"""Helpers for signing in to the admin (see the settings' "Signing in" block)."""

import fcntl
import hashlib
import logging
import os
import tempfile
import threading
import time

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db.models.signals import pre_save
from django.template.response import TemplateResponse
from django.urls import reverse

log = logging.getLogger(__name__)


def client_ip(request):
    """The address a login attempt came from, for django-axes' lockouts.

    Behind a proxy trusted with TRUST_PROXY_HEADERS, the right-most
    X-Forwarded-For entry is the one our own proxy added (anything to its left
    was sent by the client and could be invented); otherwise REMOTE_ADDR.
    """
    if settings.TRUST_PROXY_HEADERS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")


# --- What a failed sign-in stores -------------------------------------------------


def _forget_request_data(sender, instance, **kwargs):
    # axes appends every try's query string and form (password masked) to the
    # row: about 1 KB a try, and the row is rewritten whole each time. The
    # lockout needs only the counts and times.
    instance.get_data = ""
    instance.post_data = ""


class LeanDatabaseHandler(AxesDatabaseHandler):
    """axes' database handler, storing only what a lockout needs.

    Each row holds a user name, address, user agent (axes cuts it to 255
    characters), the count and the time; never the request's data. Together
    with AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False (no write once
    locked out) and the sign-in budget below (no write beyond it), an address
    writes at most AXES_FAILURE_LIMIT rows an hour, and the whole site at most
    SIGN_IN_HASHES_PER_SECOND a second; every failure and sign-in deletes rows
    older than the cool-off.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pre_save.connect(
            _forget_request_data, sender=AccessAttempt, dispatch_uid="neuroinfo-lean-axes"
        )


# --- A site-wide budget of password hashes ----------------------------------------
#
# Checking a password costs one PBKDF2 hash (0.3-0.8 s of a worker), even for
# a user name that does not exist. The lockout bounds the tries per address;
# this bounds them per site, whoever sends them: at most one hash in each
# 1 / SIGN_IN_HASHES_PER_SECOND seconds. Beyond that the login answers 429
# without hashing and without recording a failure (a flood cannot lock a real
# editor out this way). Locked-out tries never count: axes refuses them
# without hashing.


def _now():
    return time.time()


def _slot():
    return int(_now() * settings.SIGN_IN_HASHES_PER_SECOND)


def _shared_cache():
    cache = caches["default"]
    return None if isinstance(cache, LocMemCache) else cache


_process_lock = threading.Lock()
_process_last_slot = [None]


def _claim_in_process(slot):
    with _process_lock:
        if _process_last_slot[0] == slot:
            return False
        _process_last_slot[0] = slot
        return True


def _host_file():
    # One file per site on this machine, shared by all its worker processes.
    name = hashlib.sha256(str(settings.BASE_DIR).encode() + settings.SECRET_KEY.encode())
    return os.path.join(tempfile.gettempdir(), f"neuroinfo-sign-in-{name.hexdigest()[:16]}")


def _claim_on_this_host(slot):
    """Claim the slot for the worker processes of this server (a locked file).
    If the file cannot be used, each process keeps its own budget."""
    try:
        fd = os.open(_host_file(), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return _claim_in_process(slot)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        last = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if last == str(slot):
            return False
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(slot).encode(), 0)
        return True
    except OSError:
        return _claim_in_process(slot)
    finally:
        os.close(fd)  # also releases the lock


def may_hash_a_password():
    """True at most once per slot across the site (the shared cache), or across
    this server's workers when the cache is local or does not answer."""
    slot = _slot()
    cache = _shared_cache()
    if cache is not None:
        try:
            return cache.add(f"sign-in-hash:{slot}", 1, timeout=10)
        except Exception:  # the cache is down: fall back to this server's budget
            log.warning("Sign-in budget: the shared cache did not answer; counting per server.")
    return _claim_on_this_host(slot)


class SignInBudget:
    """Answer a sign-in POST with 429, unhashed, when the site's budget is spent.

    Runs as a view is chosen, after CSRF's check (a post without a valid token
    spends nothing) and before the login view: so a refused try neither hashes
    nor writes. A locked-out try spends nothing: it gets axes' lockout page
    here, without the login view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if request.method != "POST" or request.path_info != reverse("admin:login"):
            return None
        username = request.POST.get("username")
        credentials = {"username": username} if username is not None else None
        if settings.AXES_ENABLED and AxesProxyHandler.is_locked(request, credentials):
            # axes would refuse it too, but only after the login view, its
            # form and two more rounds of queries: answer at once instead.
            return get_lockout_response(request, None, credentials)
        if may_hash_a_password():
            return None
        response = TemplateResponse(request, "admin/sign_in_busy.html", status=429)
        response["Retry-After"] = "5"
        response["Cache-Control"] = "no-store"
        return response

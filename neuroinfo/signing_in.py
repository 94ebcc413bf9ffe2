"""Helpers for signing in to the admin (see the settings' "Signing in" block)."""

import contextlib
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
    locked out) and the hashing share below (no failure counted beyond it), an
    address writes at most AXES_FAILURE_LIMIT rows an hour, and the site at
    most one row per password check it allows; every failure and sign-in
    deletes rows older than the cool-off.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pre_save.connect(
            _forget_request_data, sender=AccessAttempt, dispatch_uid="neuroinfo-lean-axes"
        )


# --- A bounded share of the workers for password hashes -----------------------------
#
# Checking a password costs one PBKDF2 hash (0.3-0.8 s of a worker on a quiet
# machine, several times that on a busy one), even for a user name that does
# not exist. The lockout bounds the tries per address; two bounds here hold
# whoever sends them:
# - one hash at a time on each server (a lock its workers share);
# - after a try that took t seconds, none for t x (1 / SIGN_IN_HASH_SHARE - 1)
#   seconds, on this server and, through the shared cache, on every server.
# So hashing takes at most SIGN_IN_HASH_SHARE of one worker's time, however
# slow a hash gets on a loaded machine; this also bounds the failures axes
# writes. Beyond either bound the login answers 429 "busy" at once: no hash,
# no database read, no failure recorded (a flood cannot lock a real editor
# out). A try that may hash reads the lockout first: a locked-out one gets
# axes' lockout page without the login view, and no pause.


def _now():
    return time.time()


def _pause_after(took):
    return took * (1 / settings.SIGN_IN_HASH_SHARE - 1)


OPEN_AFTER_KEY = "sign-in:open-after"


def _shared_cache():
    cache = caches["default"]
    return None if isinstance(cache, LocMemCache) else cache


def _site_is_open():
    cache = _shared_cache()
    if cache is None:
        return True
    try:
        open_after = cache.get(OPEN_AFTER_KEY)
    except Exception:  # the cache is down: this server's own bound still holds
        log.warning("Sign-in budget: the shared cache did not answer; counting per server.")
        return True
    return open_after is None or _now() >= open_after


def _host_file():
    # One file per site on this machine, shared by all its worker processes.
    name = hashlib.sha256(str(settings.BASE_DIR).encode() + settings.SECRET_KEY.encode())
    return os.path.join(tempfile.gettempdir(), f"neuroinfo-sign-in-gate-{name.hexdigest()[:16]}")


class _FileState:
    """When this server may hash again, kept in the locked file."""

    def __init__(self, fd):
        self.fd = fd

    def get(self):
        try:
            open_after = float(os.pread(self.fd, 32, 0).decode("ascii") or 0)
        except (OSError, ValueError):
            return 0.0
        # No pause is longer than a worker's time-out times 100: anything later
        # is not ours (a clock set back, a stray file), so it is ignored.
        return open_after if open_after - _now() < 3_000 else 0.0

    def set(self, value):
        with contextlib.suppress(OSError):
            os.ftruncate(self.fd, 0)
            os.pwrite(self.fd, repr(value).encode("ascii"), 0)


class _ProcessState:
    """The same, for one process, when the file cannot be used."""

    lock = threading.Lock()
    open_after = 0.0

    def get(self):
        return _ProcessState.open_after

    def set(self, value):
        _ProcessState.open_after = value


@contextlib.contextmanager
def _host_lock():
    """Yield this server's state while no other worker holds it; None at once
    if one does. The operating system frees the lock if a worker dies."""
    try:
        fd = os.open(_host_file(), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        fd = None
    if fd is None:
        if not _ProcessState.lock.acquire(blocking=False):
            yield None
            return
        try:
            yield _ProcessState()
        finally:
            _ProcessState.lock.release()
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            held = False
        else:
            held = True
        yield _FileState(fd) if held else None
    finally:
        os.close(fd)  # also releases the lock


class _Gate:
    def __init__(self, state):
        self.state = state

    def pause(self, seconds):
        """No hash on this server, nor (through the cache) any, for `seconds`."""
        if seconds <= 0:
            return
        open_after = _now() + seconds
        self.state.set(open_after)
        cache = _shared_cache()
        if cache is not None:
            try:
                cache.set(OPEN_AFTER_KEY, open_after, timeout=int(seconds) + 1)
            except Exception:
                log.warning("Sign-in budget: the shared cache did not answer; counting per server.")


@contextlib.contextmanager
def hash_gate():
    """Yield a gate while this worker may check a password (holding this
    server's lock until the block ends), or None at once if it may not."""
    with _host_lock() as state:
        if state is None or _now() < state.get() or not _site_is_open():
            yield None
        else:
            yield _Gate(state)


def _busy(request):
    response = TemplateResponse(request, "admin/sign_in_busy.html", status=429)
    response["Retry-After"] = "5"
    response["Cache-Control"] = "no-store"
    return response


class SignInBudget:
    """Answer a sign-in POST with 429, unhashed, while another of this server's
    workers is hashing or the site's share for hashing is spent.

    Runs as a view is chosen, after CSRF's check (a post without a valid token
    spends nothing) and runs the login view itself, holding the lock while it
    hashes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if request.method != "POST" or request.path_info != reverse("admin:login"):
            return None
        with hash_gate() as gate:
            if gate is None:
                return _busy(request)
            username = request.POST.get("username")
            credentials = {"username": username} if username is not None else None
            if settings.AXES_ENABLED and AxesProxyHandler.is_locked(request, credentials):
                # axes would refuse it too, but only after the login view, its
                # form and two more rounds of queries: answer at once instead.
                return get_lockout_response(request, None, credentials)
            started = _now()
            try:
                return view(request, *args, **kwargs)
            finally:
                gate.pause(_pause_after(_now() - started))

"""Sessions in the database, under keys that say they were issued here.

The page cache serves every visitor the same finished page, and lets only
signed-in staff past it (they see drafts at public addresses). Deciding that
by the session cookie's presence let anyone skip the cache with a made-up
`sessionid` (148 instead of 2,883 requests a second); deciding it by looking
the session up would cost every such request a database query, which is what
the cache is there to save.

So each session key carries its own proof: 24 random characters, then the
first 16 hex digits of an HMAC of them (SHA-256, keyed with SECRET_KEY). A
key can be checked with no database and no cache, in microseconds; a key
nobody issued (made up, or from before this scheme) is a visitor's. Only the
admin's sign-in starts a session, and only staff may sign in there, so an
issued key belongs to someone who signed in as staff. Whether the session is
still valid (not signed out, not expired) is then checked as usual, from the
database, for those requests only.

Sessions made before keys carried the HMAC count as a visitor's: editors
sign in again once after the change.

A full or read-only disk is reported as such: Django turns any database error
while saving a session into "the session was deleted meanwhile"
(UpdateError), answered 400 "Something went wrong with that address". When
the database cannot write, the truth is "unavailable for a while": the calm
503 (neuroinfo/availability.py).
"""

from django.contrib.sessions.backends.base import VALID_KEY_CHARS, UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import InterfaceError, OperationalError
from django.utils.crypto import constant_time_compare, get_random_string, salted_hmac

RANDOM_LENGTH = 24
TAG_LENGTH = 16  # 64 bits: guessing one online is out of reach
SALT = "neuroinfo.sessions.issued-key"


def _tag(random_part):
    return salted_hmac(SALT, random_part, algorithm="sha256").hexdigest()[:TAG_LENGTH]


def was_issued_here(key):
    """True for a session key this site made (with this SECRET_KEY); no database."""
    if not isinstance(key, str) or len(key) != RANDOM_LENGTH + TAG_LENGTH:
        return False
    return constant_time_compare(key[RANDOM_LENGTH:], _tag(key[:RANDOM_LENGTH]))


class SessionStore(DatabaseSessionStore):
    def is_empty(self):
        """A key this site never issued holds nothing, without asking the database.

        Django's SessionMiddleware (with SESSION_SAVE_EVERY_REQUEST) used to
        save a new, empty session for any made-up cookie: a database row per
        request, and a cookie with a key issued here. Now it deletes the
        cookie instead.
        """
        key = self._session_key
        if key is not None and not was_issued_here(key):
            return True
        return super().is_empty()

    def _get_new_session_key(self):
        while True:
            random_part = get_random_string(RANDOM_LENGTH, VALID_KEY_CHARS)
            key = random_part + _tag(random_part)
            if not self.exists(key):
                return key

    def save(self, must_create=False):
        try:
            return super().save(must_create)
        except UpdateError as error:
            cause = error.__context__
            if isinstance(cause, OperationalError | InterfaceError):
                raise cause from None
            raise

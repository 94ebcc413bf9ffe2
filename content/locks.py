"""One lock for every change the guide's "never strand a parent" check reads.

The admin checks a change against the guide as it is, then saves it. Without a
lock, two editors can each pass the check at the same moment (one points an
answer at a page, the other unpublishes that page) and together break the
guide. Each such change takes this lock inside the admin's transaction, before
it reads the guide, and holds it until the change is committed.
"""

from django.db import connection

# Any constant: the key of PostgreSQL's advisory lock for the guide.
GUIDE_LOCK_KEY = 2026_11_01


def lock_guide():
    """Wait for, then hold until commit, the lock on changes to the guide.

    On PostgreSQL a transaction-level advisory lock. On SQLite nothing more is
    needed: transactions begin IMMEDIATE (see settings), which lets one writer
    in at a time, from the start of its transaction to its end.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("lock_guide() must be called inside transaction.atomic().")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [GUIDE_LOCK_KEY])

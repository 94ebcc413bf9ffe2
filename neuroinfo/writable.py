"""What the site needs to write, checked at start (docs/deployment.md).

With SQLite, the database's folder must be writable, not just the file:
write-ahead logging keeps `<name>-wal` and `<name>-shm` beside it, and SQLite
needs them even to read. A read-only folder made every page a 503. This
checks by writing (as root, permission bits say nothing) and says what to do,
as a system check (`manage.py check`, `migrate`, `runserver`) and in the log
when a server starts (neuroinfo/wsgi.py). The server still starts: its calm
503 page, with the "worried right now" help, is better than none.
"""

import logging
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core import checks

log = logging.getLogger(__name__)

# Below this much free space an edit may fail; a warning, not an error.
LOW_DISK_BYTES = 50 * 1024 * 1024


def _sqlite_file():
    database = settings.DATABASES["default"]
    if "sqlite" not in database["ENGINE"]:
        return None
    name = str(database.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).resolve()


def problems(path=None):
    """[(is_error, sentence)] for what the site cannot write; [] when all is well."""
    path = path or _sqlite_file()
    if path is None or not path.parent.is_dir():
        return []  # PostgreSQL writes nothing here; a missing folder is neuroinfo/sqlite's error
    folder, found = path.parent, []
    try:
        handle, probe = tempfile.mkstemp(prefix=".write-check-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        found.append(
            (
                True,
                f"The database's folder {folder} cannot be written ({error.strerror}). "
                f"SQLite keeps {path.name}-wal and {path.name}-shm beside the database and "
                "needs them even to read, so every page would answer 503. Make the folder "
                "and the files in it writable by the user the site runs as "
                "(docs/deployment.md).",
            )
        )
    for file in [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]:
        if file.exists() and not os.access(file, os.W_OK):
            found.append((True, f"{file} cannot be written: make it writable by the site's user."))
    free = shutil.disk_usage(folder).free
    if free < LOW_DISK_BYTES:
        found.append(
            (
                False,
                f"Only {free // (1024 * 1024)} MB are free where the database is ({folder}): "
                "when the disk is full, editors' saves and sign-ins answer 503.",
            )
        )
    return found


@checks.register()
def check_writable(app_configs=None, **kwargs):
    return [
        checks.Error(message, id="neuroinfo.E010")
        if is_error
        else checks.Warning(message, id="neuroinfo.W010")
        for is_error, message in problems()
    ]


def log_problems():
    """Called once as a server starts."""
    for is_error, message in problems():
        (log.error if is_error else log.warning)(message)

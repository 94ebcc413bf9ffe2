"""Running manage.py and scripts in a child process with a SQLite file of its own."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# Settings variables the test process may have set; a child starts without them.
SETTINGS_VARIABLES = {
    "SQLITE_CREATE", "SECRET_KEY", "DEBUG", "HTTPS", "ALLOWED_HOSTS", "TRUST_PROXY_HEADERS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}  # fmt: skip


def environment(database, **settings):
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env.update(DATABASE_URL=f"sqlite:///{database}", DJANGO_SETTINGS_MODULE="tests.settings")
    env.update(settings)
    return env


def run(args, database, **settings):
    result = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment(database, **settings),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def migrated_database(tmp_path_factory):
    """A SQLite file made by `manage.py migrate`, as on a fresh machine."""
    database = tmp_path_factory.mktemp("sqlite") / "db.sqlite3"
    run(["manage.py", "migrate", "--noinput"], database)
    return database

"""Content's migrations 0001-0029 are squashed into one (docs/architecture.md,
"Migrations"). A fresh database made by the squashed migration holds what the
old migrations made, and a database made by the old ones (a `make run`
database, a deployment) migrates to the squashed one, runs nothing, and serves
the same pages.

Each database is made by `manage.py migrate` in a child process: on a SQLite
file of its own, or, when DATABASE_URL names PostgreSQL, in a database of its
own on that server. The "old" one is made by the migrations the squashed one
replaces, copied as they are into a package that MIGRATION_MODULES names
(tests/support/migrating.py), so it is what `migrate` made before the
squash, not a file kept from then that would go stale with the code.
"""

import json
import os
import subprocess
import sys

import dj_database_url
import pytest
from django.db.migrations.loader import MigrationLoader

from tests.support.subprocesses import ROOT, environment

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def squashed_migration():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    [(key, migration)] = [(key, m) for key, m in loader.replacements.items() if key[0] == "content"]
    return key, migration


@pytest.fixture(scope="module")
def new_database(tmp_path_factory):
    """A function that returns the DATABASE_URL of a new, empty database."""
    made = []
    if not ON_POSTGRES:
        folder = tmp_path_factory.mktemp("squash")

        def new(name):
            return f"sqlite:///{folder / name}.sqlite3"

        yield new
        return
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    admin = {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
    }

    def new(name):
        database = f"{config['NAME']}_squash_{name}"
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{database}"')
        made.append(database)
        return (
            f"postgres://{config['USER']}:{config['PASSWORD']}@{config['HOST']}:"
            f"{config['PORT'] or 5432}/{database}"
        )

    yield new
    with psycopg.connect(**admin) as connection:
        for database in made:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def run(url, *args):
    """Run `args` with python in a child process on the database at `url`; its output."""
    env = environment("unused", DATABASE_URL=url, SQLITE_CREATE="1", ALLOWED_HOSTS="testserver")
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def dump(url):
    return json.loads(run(url, "-m", "tests.support.migrating", "dump"))


def make_old_database(new_database, tmp_path_factory, name):
    """A database made at 0029 by the old migrations, and what it held then."""
    url = new_database(name)
    folder = tmp_path_factory.mktemp("old-migrations")
    run(url, "-m", "tests.support.migrating", "old", str(folder))
    return url, dump(url)


@pytest.fixture(scope="module")
def old_database(new_database, tmp_path_factory):
    return make_old_database(new_database, tmp_path_factory, "old")


def test_the_old_database_is_at_the_last_old_migration_without_the_squash(old_database):
    (app, name), migration = squashed_migration()
    _, before = old_database
    assert before["applied"] == sorted(n for a, n in migration.replaces if a == app)
    assert name not in before["applied"]
    assert before["content"]["content.Page"], "the old migrations made the starting pages"
    # So that comparing the search index compares something: it finds pages.
    assert all(before["content"]["search"]["found"].values())


def test_a_fresh_database_holds_what_the_old_migrations_made(new_database, old_database):
    """The starting pages (body_html, links, anchors, headings, search vector),
    their sources, the glossary and the words each page links, the guide and its
    signed-off copy, the site-wide texts, their first history records, the
    roles and the search index."""
    _, old = old_database
    url = new_database("fresh")
    run(url, "-m", "tests.support.migrating", "squashed")
    fresh = dump(url)
    (_, name), _ = squashed_migration()
    assert name in fresh["applied"]
    for part in sorted(old["content"]):
        assert fresh["content"][part] == old["content"][part], part
    assert fresh["content"] == old["content"]


def test_a_database_at_the_last_old_migration_migrates_to_the_squashed_one(old_database):
    url, before = old_database
    (app, name), _ = squashed_migration()

    output = run(url, "manage.py", "migrate", app, name, "--noinput")

    assert "No migrations to apply" in output  # the squashed one is recorded, not run
    after = dump(url)
    assert name in after["applied"]
    assert set(before["applied"]) < set(after["applied"])
    for part in before["content"]:
        assert after["content"][part] == before["content"][part], part


def test_old_and_fresh_databases_migrate_to_the_last_and_serve_the_same_pages(
    new_database, tmp_path_factory
):
    """Every migration after the squash applies to both, and they then hold the
    same rows and serve the same pages, byte for byte: every starting page, the
    home page, the glossary and the guide."""
    old, _ = make_old_database(new_database, tmp_path_factory, "old_to_the_last")
    fresh = new_database("fresh_to_the_last")
    leaves = {name for _, name in MigrationLoader(None).graph.leaf_nodes("content")}
    states = []
    for url in (old, fresh):
        run(url, "manage.py", "migrate", "--noinput")
        state = dump(url)
        assert leaves <= set(state["applied"])
        assert [status for status, _ in state["served"].values()] == [200] * 9
        states.append(state)
    upgraded, made_fresh = states
    for part in sorted(upgraded["content"]):
        assert made_fresh["content"][part] == upgraded["content"][part], part
    assert made_fresh["served"] == upgraded["served"]
    # 0028 wrote the guide's id by hand: on PostgreSQL the next guide row
    # (a translation's words) took that id again until 0031 moved the sequence.
    for url in (old, fresh):
        made = "from content.models import Guide; print(Guide.objects.create(language='de').pk)"
        assert int(run(url, "-c", f"import django; django.setup(); {made}")) > 1

"""Databases made by content's old migrations or by the squashed one, and what
they hold, for tests/test_squashed_migrations.py. Run in a child process with
the database in DATABASE_URL:

    python -m tests.support.migrating old FOLDER  # `migrate`, 0001-0029 unsquashed
    python -m tests.support.migrating squashed    # `migrate`, content to the squash
    python -m tests.support.migrating dump        # the rows, as JSON

`old` runs `manage.py migrate` as it ran before the squash: the migrations the
squashed one replaces are copied, as they are, into FOLDER as a package of their
own, which MIGRATION_MODULES names for content, so the loader sees no squashed
migration (and nothing numbered after it).
"""

import hashlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

import django

PACKAGE = "content_migrations_before_the_squash"
# Written at save time, or random: not part of what the migrations made. The
# old migrations made the sources twice (0009 replaced 0002's), so their ids
# differ; nothing refers to a source by its id. The first history records of
# the old pages hold body_html with glossary links, the squashed migration's
# without (it runs none of the app's code); history is read from the body.
VOLATILE = {"created", "updated", "token", "history_id", "history_date"}
VOLATILE_BY_MODEL = {
    "content.Source": {"id"},
    "content.HistoricalSource": {"id"},
    "content.HistoricalPage": {"body_html"},
}


def squashed():
    """The squashed migration's (app, name) and the (app, name) it replaces, read
    from the loader (no database needed)."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    [(key, migration)] = [(key, m) for key, m in loader.replacements.items() if key[0] == "content"]
    return key, list(migration.replaces)


def migration_module(app, name):
    """The module of one of `app`'s migrations, named by its node and found by the
    loader. The squashed migrations stay on disk until they are deleted; the
    loader is told not to replace them, so it finds those too."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False)
    return sys.modules[type(loader.get_migration(app, name)).__module__]


def migrate_without_the_squash(folder):
    from django.conf import settings
    from django.core.management import call_command

    import content.migrations

    package = Path(folder) / PACKAGE
    package.mkdir(parents=True, exist_ok=True)
    source = Path(content.migrations.__file__).parent
    (package / "__init__.py").write_text("")
    for _, name in squashed()[1]:
        shutil.copy(source / f"{name}.py", package / f"{name}.py")
    sys.path.insert(0, str(folder))
    settings.MIGRATION_MODULES = {"content": PACKAGE}
    call_command("migrate", "--noinput", verbosity=0)


def migrate_to_the_squash():
    """`migrate`, with content stopped at the squashed migration (a migration
    added after it would change what is compared) and every other app at its last."""
    from django.core.management import call_command
    from django.db.migrations.loader import MigrationLoader

    (app, name), _ = squashed()
    call_command("migrate", app, name, "--noinput", verbosity=0)
    for label in sorted(MigrationLoader(None).migrated_apps - {app}):
        call_command("migrate", label, "--noinput", verbosity=0)


def rows(model):
    left_out = VOLATILE | VOLATILE_BY_MODEL.get(model._meta.label, set())
    fields = [f.attname for f in model._meta.concrete_fields if f.attname not in left_out]
    found = []
    for row in model.objects.order_by("pk").values(*fields):
        for name, value in row.items():
            if not isinstance(value, str | int | float | bool | list | dict | type(None)):
                row[name] = str(value)  # dates, and PostgreSQL's search vector
        found.append(row)
    return found


def dump():
    """Everything the content migrations put in a database, read through the
    models of the migrations it has applied (today's may have columns it has
    not yet), and, once it has them all, the pages it serves."""
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.migrations.recorder import MigrationRecorder
    from django.test import Client

    loader = MigrationExecutor(connection).loader
    applied = [key for key in loader.graph.nodes if key in loader.applied_migrations]
    state = loader.project_state(applied).apps
    Page = state.get_model("content", "Page")
    content = {
        model._meta.label: rows(model) for model in state.get_app_config("content").get_models()
    }
    content["terms linked"] = {
        page.slug: sorted(page.terms.values_list("slug", flat=True))
        for page in Page.objects.order_by("pk")
    }
    # Permissions of today's models: the old migrations also left those of a
    # model they made and deleted again (the page-only waiting changes).
    content["groups"] = {
        group.name: sorted(
            p.codename for p in group.permissions.all() if p.content_type.model_class()
        )
        for group in apps.get_model("auth", "Group").objects.order_by("name")
    }
    content["search"] = search_index(connection)
    served = None
    if not MigrationExecutor(connection).migration_plan(loader.graph.leaf_nodes()):
        client, served = Client(), {}
        for path in [
            "/",
            "/glossary/",
            "/guide/",
            *(f"/pages/{p.slug}/" for p in Page.objects.all()),
        ]:
            response = client.get(path)
            # The same page, byte for byte, but for the nonce made for each request.
            html = re.sub(r'nonce="[^"]*"', "", response.content.decode())
            served[path] = [response.status_code, hashlib.sha256(html.encode()).hexdigest()]
    applied = {
        name for app, name in MigrationRecorder(connection).applied_migrations() if app == "content"
    }
    return {"content": content, "served": served, "applied": sorted(applied)}


def search_index(connection):
    """The database's own search structures, and which pages they find."""
    words = ["relapse", "treatments", "stem cell", "trial"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'content_page' "
                "ORDER BY indexname"
            )
            indexes = cursor.fetchall()
            cursor.execute("SELECT extname FROM pg_extension ORDER BY extname")
            extensions = cursor.fetchall()
            found = {}
            for word in words:
                cursor.execute(
                    "SELECT slug FROM content_page "
                    "WHERE search_vector @@ plainto_tsquery('english', %s) ORDER BY slug",
                    [word],
                )
                found[word] = [slug for (slug,) in cursor.fetchall()]
            return {"indexes": indexes, "extensions": extensions, "found": found}
        cursor.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'content_page_fts%%' "
            "ORDER BY name"
        )
        structures = cursor.fetchall()
        found = {}
        for word in words:
            cursor.execute(
                "SELECT page.slug FROM content_page_fts JOIN content_page AS page "
                "ON page.id = content_page_fts.rowid WHERE content_page_fts MATCH %s "
                "ORDER BY page.slug",
                [f'"{word}"'],
            )
            found[word] = [slug for (slug,) in cursor.fetchall()]
        return {"structures": structures, "found": found}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    if sys.argv[1] == "old":
        migrate_without_the_squash(sys.argv[2])
        print("migrated")
    elif sys.argv[1] == "squashed":
        migrate_to_the_squash()
        print("migrated")
    else:
        print(json.dumps(dump(), sort_keys=True, default=str))

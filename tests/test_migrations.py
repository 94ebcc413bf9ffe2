"""The history migrations: the hand-made earlier versions move into the history."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from content import review
from content.models import Page

BEFORE = [("content", "0014_history_and_sign_off")]


def old_migrations_executor():
    """An executor whose loader keeps the migrations the squash replaced, so it
    can go back to one of them (the database records them all as applied)."""
    executor = MigrationExecutor(connection)
    executor.loader = MigrationLoader(connection, replace_migrations=False)
    return executor


@pytest.mark.django_db(transaction=True)
def test_earlier_versions_move_into_the_history_with_who_saved_them():
    executor = old_migrations_executor()
    latest = executor.loader.graph.leaf_nodes("content")
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    # Made here: an earlier transactional test may have emptied the database.
    page = old.get_model("content", "Page").objects.create(
        title="Today's title",
        slug="moved",
        summary="A summary.",
        body="Today's body.",
        status="published",
        review_due=datetime.date(2027, 5, 1),
    )
    old.get_model("content", "Source").objects.create(
        page=page, organisation="NCI", title="A source"
    )
    user = old.get_model("auth", "User").objects.create(username="old-editor")
    saved_at = datetime.datetime(2026, 11, 25, 9, 30, tzinfo=datetime.UTC)
    old.get_model("content", "PageRevision").objects.create(
        page=page,
        title="An older title",
        summary=page.summary,
        body="An older body.",
        status="published",
        saved_at=saved_at,
        saved_by=user,
    )

    executor = old_migrations_executor()
    executor.migrate(latest)

    page = Page.objects.in_language().get(slug="moved")
    versions = review.versions(page)
    moved = next(v for v in versions if v.data["body"] == "An older body.")
    assert (moved.who, moved.when, moved.data["title"]) == (
        "old-editor",
        saved_at,
        "An older title",
    )
    # The newest version is the page as it is today, with its sources.
    assert versions[0].data["body"] == page.body
    assert versions[0].data["sources"] == review.live_data(page)["sources"]
    assert versions[0].data["sources"]

"""The content version: a token that changes whenever anything public pages
show changes, in the same database transaction as the change.

The cache of finished pages (`neuroinfo/response_cache.py`) puts it in every
key, so a saved edit, a sign-off or a deletion makes every older cached page
unreachable on every worker and server as soon as the change is committed
(each process reads the token at most once a second).

Every model of the `content` app is watched (post_save, post_delete and
m2m_changed, connected for any sender in content/apps.py), so models added later (site
texts, glossary terms, a sign-off's copy onto the page) are covered without
being listed here. Only what changes a public page may change the version:
a model the public never sees opts out with `affects_public_pages = False`
(feedback from visitors, above all: anyone can post it, and each post would
otherwise empty the cache of every page on every server; waiting changes and
sign-off records, which only the admin shows). simple-history's records of
saved versions are never watched: only the admin shows them, and each is
written with the save it records, which changes the version itself.
`tests/test_cache_hardening.py` lists the models that do change it, and why.
Code that writes with `QuerySet.update()` or `bulk_create()` sends no
signals: call `bump_content_version()` after it.
"""

import contextlib
import uuid

from django.apps import apps as registry
from django.db import DatabaseError, models

from neuroinfo import response_cache

ROW = 1


class ContentVersion(models.Model):
    """A single row. A random token, not a counter, so a version is never reused
    (not even after the table is emptied) and an old cached page cannot come back."""

    token = models.CharField(max_length=32)

    affects_public_pages = False

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return self.token


def current_token():
    """The token now (CONTENT_VERSION in settings): one query."""
    token = ContentVersion.objects.filter(pk=ROW).values_list("token", flat=True).first()
    return token or bump_content_version()


def bump_content_version():
    token = uuid.uuid4().hex
    if not ContentVersion.objects.filter(pk=ROW).update(token=token):
        ContentVersion.objects.update_or_create(pk=ROW, defaults={"token": token})
    response_cache.version_changed(token)
    return token


def _watched(sender):
    meta = getattr(sender, "_meta", None)
    return (
        meta is not None
        and meta.app_label == "content"
        # Migrations' historical models live in their own registry and may run
        # before this table exists; post_migrate bumps once they are done.
        and meta.apps is registry
        and getattr(sender, "affects_public_pages", True)
        # simple-history's historical models (they point at the model they record)
        and getattr(sender, "instance_type", None) is None
    )


def content_changed(sender, **kwargs):
    if _watched(sender):
        bump_content_version()


def content_m2m_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and _watched(sender):
        bump_content_version()


def content_migrated(sender, **kwargs):
    if sender.label != "content":
        return
    with contextlib.suppress(DatabaseError):  # migrated part-way, before this table exists
        bump_content_version()

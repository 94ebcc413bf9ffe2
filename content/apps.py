from django.apps import AppConfig
from django.db.models.signals import post_migrate


def keep_roles_in_step(sender, apps=None, **kwargs):
    # After every migrate (and flush, which sends no `apps`): a model added
    # since the roles migration gets its permissions in the Editors and reviewers groups.
    from django.apps import apps as installed_apps

    from content.review.roles import sync_roles

    sync_roles(apps or installed_apps)


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Site content"

    def ready(self):
        from content import checks  # noqa: F401  (registers the system checks)

        post_migrate.connect(keep_roles_in_step, sender=self)
        post_migrate.connect(link_glossary_after_migrate, sender=self)
        post_migrate.connect(index_pages_for_search, sender=self)


def index_pages_for_search(sender, using="default", **kwargs):
    # After every migrate: SQLite loses a table's triggers when a migration
    # rebuilds it, so the search index's are checked and remade here.
    # On PostgreSQL, pages written by data migrations get their vector.
    from content.models import Page
    from content.search import sqlite_index

    sqlite_index.ensure(using)
    Page.objects.using(using).fill_missing_search_vectors()


def link_glossary_after_migrate(sender, apps=None, plan=None, **kwargs):
    """Link glossary words on every page after any migration that changed something.

    Data migrations (ours or a later one that rewrites the pages' text) write
    body_html with historical models, which never run Page.save(); this puts
    the links back, whatever order the migrations ran in.
    """
    if not plan or apps is None:  # nothing was migrated, or a flush (tests)
        return
    try:
        term_model = apps.get_model("content", "Term")
        page_model = apps.get_model("content", "Page")
    except LookupError:  # migrated back to before the glossary existed
        return
    from content.starting.glossary import link_all_pages

    link_all_pages(term_model, page_model)

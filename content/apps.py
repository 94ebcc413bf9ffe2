from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Site content"

    def ready(self):
        """Connect every signal the app listens to, here and nowhere else.

        The handlers live with what they keep in step. They are imported
        here, not at the top: Django imports this module before any model
        exists, and these modules import the models.
        """
        from content import checks  # noqa: F401  (registers the system checks)
        from content.models import Term, glossary, pages, versioning
        from content.review import roles
        from content.search import sqlite_index

        # A term added, renamed or deleted: link it again on the pages that use it.
        post_save.connect(
            glossary.relink_after_save, sender=Term, dispatch_uid="relink_pages_after_term_save"
        )
        pre_delete.connect(
            glossary.remember_pages, sender=Term, dispatch_uid="remember_pages_before_term_delete"
        )
        post_delete.connect(
            glossary.relink_after_delete, sender=Term, dispatch_uid="relink_pages_after_term_delete"
        )
        # Any change to any model of this app: a new content version, so no
        # cached page older than the change is served (any sender: models
        # added later are covered).
        post_save.connect(versioning.content_changed, dispatch_uid="content-version-save")
        post_delete.connect(versioning.content_changed, dispatch_uid="content-version-delete")
        m2m_changed.connect(versioning.content_m2m_changed, dispatch_uid="content-version-m2m")
        # After every migrate.
        post_migrate.connect(versioning.content_migrated, dispatch_uid="content-version-migrate")
        post_migrate.connect(roles.keep_roles_in_step, sender=self)
        post_migrate.connect(glossary.link_glossary_after_migrate, sender=self)
        post_migrate.connect(sqlite_index.ensure_after_migrate, sender=self)
        post_migrate.connect(pages.fill_search_vectors_after_migrate, sender=self)

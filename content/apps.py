from django.apps import AppConfig
from django.db.models.signals import post_migrate


def keep_roles_in_step(sender, apps, **kwargs):
    # After every migrate (and the test database's flush): a model added since
    # migration 0011 gets its permissions in the Editors and reviewers groups.
    from content.roles import sync_roles

    sync_roles(apps)


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Site content"

    def ready(self):
        from content import checks  # noqa: F401  (registers the system checks)

        post_migrate.connect(keep_roles_in_step, sender=self)

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def keep_roles_in_step(sender, apps=None, **kwargs):
    # After every migrate (and flush, which sends no `apps`): a model added
    # since the roles migration gets its permissions in the Editors and reviewers groups.
    from django.apps import apps as installed_apps

    from content.roles import sync_roles

    sync_roles(apps or installed_apps)


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Site content"

    def ready(self):
        from content import checks  # noqa: F401  (registers the system checks)

        post_migrate.connect(keep_roles_in_step, sender=self)

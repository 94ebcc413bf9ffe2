from django.contrib.auth.management import create_permissions
from django.db import migrations

from content.review.roles import sync_roles


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations have run: make them
    # now, so the groups can be given them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Editors", "Medical reviewers"]
    ).delete()


class Migration(migrations.Migration):
    """The Editors and Medical reviewers groups (see content/roles.py)."""

    dependencies = [
        ("content", "0016_remove_pagerevision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # elidable: the groups are made and given their permissions after every
    # migrate as well (content/apps.py), so a fresh database needs no step here.
    operations = [migrations.RunPython(create_roles, remove_roles, elidable=True)]

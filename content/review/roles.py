"""Who may do what in the admin: the Editors and Medical reviewers groups.

Written as rules over the content app's models rather than a fixed list, so a
model added later (glossary terms, site texts) gets the same rights as pages:
`sync_roles` runs in the `*_roles` migration and again after every `migrate`
(`keep_roles_in_step`, connected in content/apps.py). It only adds
permissions; it never takes one away.
"""

from django.apps import apps as installed_apps

EDITORS = "Editors"
REVIEWERS = "Medical reviewers"

# The guide: only medical reviewers change it; editors may look.
GUIDE_MODELS = {"question", "answer", "guide"}
# Records of decisions and waiting changes: read, never edited by hand.
RECORDS = {"reviewdecision", "change"}
# Who reads which language decides who may sign off a translation: set by a
# superuser on the user's page, never by editors or reviewers themselves.
ACCOUNTS = {"reviewerlanguages"}


def role_permissions(model_names):
    """{group name: permission codenames} for the content app's models."""
    editors = set()
    reviewers = {"sign_off_page"}
    for model in model_names:
        if model.startswith("historical") or model in ACCOUNTS:
            continue  # history is read through the pages' admin, and never deleted
        if model in GUIDE_MODELS:
            editors.add(f"view_{model}")
            reviewers |= {f"{action}_{model}" for action in ("add", "change", "delete", "view")}
        elif model in RECORDS:
            editors.add(f"view_{model}")
        else:  # pages, sources, and whatever editors write later
            editors |= {f"{action}_{model}" for action in ("add", "change", "view")}
            reviewers.add(f"delete_{model}")
    # Removing a source is part of changing a page's text (on a published page
    # it waits for sign-off like any other change).
    if "source" in model_names:
        editors.add("delete_source")
    return {EDITORS: editors, REVIEWERS: reviewers | editors}


def sync_roles(apps):
    """Create both groups and give them their permissions (which must exist)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    model_names = [m._meta.model_name for m in apps.get_app_config("content").get_models()]
    for name, codenames in role_permissions(model_names).items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="content", codename__in=codenames)
        )


def keep_roles_in_step(sender, apps=None, **kwargs):
    # After every migrate (and flush, which sends no `apps`): a model added
    # since the roles migration gets its permissions in the Editors and reviewers groups.
    sync_roles(apps or installed_apps)

"""`make editor` and `make reviewer`: a staff account in the Editors or Medical
reviewers group. Asks for the user name, then the password (twice, checked by
the site's password rules, through Django's own `changepassword`). With
`--reads fr,es`, the languages besides English the person reads: only a
medical reviewer who reads a translation's language may sign it off."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from content import languages
from content.models import ReviewerLanguages
from content.review.roles import EDITORS, REVIEWERS

ROLES = {"editor": EDITORS, "reviewer": REVIEWERS}


class Command(BaseCommand):
    help = "Create a staff account for an editor or a medical reviewer, and set its password."

    def add_arguments(self, parser):
        parser.add_argument("role", choices=sorted(ROLES), help="editor or reviewer")
        parser.add_argument("--username", help="Asked for when not given.")
        parser.add_argument(
            "--reads",
            default="",
            help="Languages read besides English, as codes separated by commas "
            f"(of: {', '.join(languages.translations()) or 'none offered'}).",
        )

    def handle(self, *args, role, username=None, reads="", **options):
        codes = [code.strip() for code in reads.split(",") if code.strip()]
        unknown = [code for code in codes if code not in languages.translations()]
        if unknown:
            raise CommandError(
                f"The site is not translated into {', '.join(unknown)}. Choose from: "
                f"{', '.join(languages.translations()) or 'none (no translations are set)'}."
            )
        username = (username or input("User name: ")).strip()
        if not username:
            raise CommandError("A user name is needed.")
        try:
            group = Group.objects.get(name=ROLES[role])
        except Group.DoesNotExist as missing:
            raise CommandError("Run `manage.py migrate` first: it creates the roles.") from missing
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username)
        user.is_staff = True
        if created:
            user.set_unusable_password()
        user.save()
        user.groups.add(group)
        if codes:
            ReviewerLanguages.objects.update_or_create(user=user, defaults={"languages": codes})
        call_command("changepassword", username)
        self.stdout.write(
            f"{'Created' if created else 'Updated'} {username}, in the group {group.name}. "
            "Sign in at /admin/."
        )

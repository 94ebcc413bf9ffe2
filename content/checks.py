from django.conf import settings
from django.core import checks
from django.db import DatabaseError

from content import guide, languages
from content.models import Guide, SiteText
from content.review.kinds import translation_is_live


@checks.register()
def guide_never_strands_a_parent(app_configs=None, **kwargs):
    """Report every way the guide's questions, as stored, could strand a parent.

    Warnings, not errors: an error would stop `migrate` too, and so block the
    very deploy that mends the guide. `check --fail-level WARNING` fails on them.
    """
    try:
        live = guide.load_questionnaire()
        working = guide.load_questionnaire(working=True)
    except DatabaseError:
        # Before the first migrate there is nothing to check yet.
        return []
    found = [
        checks.Warning(
            problem,
            hint="Fix it in the admin under Questions, then have it signed off.",
            id="content.W001",
        )
        for problem in guide.problems(live)
    ]
    found += [
        checks.Warning(
            f"In the guide's working copy (not yet signed off): {problem}",
            hint="Fix it in the admin under Questions before it is signed off.",
            id="content.W002",
        )
        for problem in guide.problems(working)
        if problem not in guide.problems(live)
    ]
    return found + _translation_warnings(live)


def _translation_warnings(live):
    """Each published language's words that leave a question or answer in
    English, or a route to a section its page lacks (stored before the
    sign-off check existed, or changed in the database by hand)."""
    found = []
    for row in Guide.objects.exclude(language=languages.default()).order_by("language", "pk"):
        if not translation_is_live(row):
            continue
        pages = guide.load_pages(slug__in=list(live.pages), language=row.language)
        name = row.language_name
        found += [
            checks.Warning(
                problem,
                hint=f"Fix the guide's words in {name} in the admin, then have them signed off.",
                id="content.W004",
            )
            for problem in guide.translation_problems(live, row.questions, pages, name)
        ]
    return found


@checks.register(checks.Tags.security, deploy=True)
def cache_keys_come_from_a_fixed_set_of_hosts(app_configs=None, **kwargs):
    """Without SITE_URL, the page cache keeps pages per host (neuroinfo/response_cache.py).

    A wildcard in ALLOWED_HOSTS then lets anyone make up hosts, each filling
    the shared cache with its own copy of every page.
    """
    wildcards = [host for host in settings.ALLOWED_HOSTS if host == "*" or host.startswith(".")]
    if settings.SITE_URL or not wildcards:
        return []
    return [
        checks.Warning(
            f"ALLOWED_HOSTS has a wildcard ({', '.join(wildcards)}) and SITE_URL is not set.",
            hint="Set SITE_URL to the site's public address (https://…), or list each host.",
            id="neuroinfo.W001",
        )
    ]


@checks.register("content", deploy=True)
def parents_can_tell_who_runs_the_site(app_configs=None, **kwargs):
    """Before launch: the organisation's name and how to contact it are set.

    Without them the About page tells parents "we cannot tell you who runs
    it", which a live site must never say. Warnings, like the guide's check:
    `check --deploy --fail-level WARNING` stops a deploy on them.
    """
    try:
        site_text = SiteText.current()
    except DatabaseError:
        return []  # before the first migrate there is nothing to read yet
    where = "Set it in the admin under Site-wide texts before the site goes live."
    warnings = []
    if not site_text.organisation_name.strip():
        warnings.append(
            checks.Warning(
                "The organisation's name is empty: the About page tells parents "
                "“we cannot tell you who runs it”.",
                hint=where,
                id="content.W002",
            )
        )
    if not site_text.contact.strip():
        warnings.append(
            checks.Warning(
                "The contact text is empty: the About page tells parents that the "
                "organisation has not added its contact details.",
                hint=where,
                id="content.W003",
            )
        )
    return warnings

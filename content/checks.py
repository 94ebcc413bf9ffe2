from django.core import checks
from django.db import DatabaseError

from content import guide


@checks.register()
def guide_never_strands_a_parent(app_configs=None, **kwargs):
    """Report every way the guide's questions, as stored, could strand a parent.

    Warnings, not errors: an error would stop `migrate` too, and so block the
    very deploy that mends the guide. `check --fail-level WARNING` fails on them.
    """
    try:
        questionnaire = guide.load_questionnaire()
    except DatabaseError:
        # Before the first migrate there is nothing to check yet.
        return []
    return [
        checks.Warning(problem, hint="Fix it in the admin under Questions.", id="content.W001")
        for problem in guide.problems(questionnaire)
    ]

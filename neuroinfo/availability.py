"""A calm page instead of an error when the database cannot be reached.

Django's handler500 runs inside the `except` that caught the error (in a view
or in any middleware, the admin's included), so it can tell a database that
is down from a bug. The first gets 503 with Retry-After and the "worried
right now" help; the second the usual 500 page. Neither shows a stack trace,
and neither reads the database. Both are in the address's language (the
middleware in neuroinfo/language.py is still active when they are made).
Nothing needs restarting afterwards: Django opens a new connection for the
next request.
"""

import contextlib
import sys

from django.core.cache import caches
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, gettext_noop

RETRY_AFTER_SECONDS = 120

# What to do when worried, if no edited copy is cached: it names no phone number.
# In English here, shown in the request's language (the catalogues in locale/).
DEFAULT_URGENT_HELP = gettext_noop(
    "If your child is unwell or you are worried right now, call your child's treatment "
    "centre on the 24-hour number they gave you. Call them straight away, day or night, if "
    "your child has a fever or any warning sign the team told you about. If you cannot "
    "reach them, or your child is struggling to breathe, has a fit or is very hard to wake, "
    "call your local emergency number."
)
URGENT_HELP_KEY = "site:urgent-help"


def _urgent_help_key():
    """One kept text per language: the French 503 page shows the French box."""
    return f"{URGENT_HELP_KEY}:{get_language()}"


def remember_urgent_help(html):
    """Keep the editors' current "worried right now" text (sanitised HTML) for when
    the database is down. The site-wide texts call this whenever a page reads them."""
    if html:
        with contextlib.suppress(Exception):  # if not kept, the default text is shown
            caches["default"].set(_urgent_help_key(), html, None)


def urgent_help():
    """The kept text as HTML, or the built-in default."""
    try:
        html = caches["default"].get(_urgent_help_key())
    except Exception:
        html = None
    # The kept copy was made by content.rendering.render_markdown, which sanitises.
    return mark_safe(html) if html else format_html("<p>{}</p>", gettext(DEFAULT_URGENT_HELP))


def database_is_unavailable(error):
    """Connection failures (not bugs such as an integrity error) mean: down."""
    return isinstance(error, OperationalError | InterfaceError)


def unavailable(request=None):
    html = loader.get_template("503.html").render(
        {"urgent_help": urgent_help(), "home_url": _home_url()}
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: 503 when the database is down, the plain 500 page otherwise."""
    if database_is_unavailable(sys.exc_info()[1]):
        return unavailable(request)
    return HttpResponseServerError(
        loader.get_template("500.html").render({"home_url": _home_url()})
    )


def _home_url():
    """The home page in the request's language (no database needed)."""
    try:
        return reverse("content:home")
    except NoReverseMatch:
        return "/"

"""'Was this page helpful?': the form's checks, as plain functions.

Public pages set no cookies, so the form cannot use Django's CSRF cookie.
Instead each form carries a signed token naming the page it was shown on and
the hour it was made; a post is refused when the token is forged, too old or for another
page, when it comes from another site (Origin or Referer names another host),
or when the hidden honeypot field is filled in (people never see it).
"""

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core import signing
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from content.models import Feedback

TOKEN_SALT = "content.feedback"
# Long enough for a page left open overnight or kept in a cache for a day.
TOKEN_MAX_AGE = 2 * 24 * 60 * 60
# A token names the hour it was made, not the second (as Django's timestamped
# signing would): a page rendered again within the hour is byte for byte the
# same, so its ETag, and browsers' 304s, survive an edit elsewhere on the site.
TOKEN_HOUR = 60 * 60
COMMENT_MAX_LENGTH = 2000
HONEYPOT = "website"
# Each address may send this many in this many seconds.
RATE_LIMIT = 10
RATE_WINDOW = 10 * 60


class FeedbackError(Exception):
    """A post we cannot accept. The message is shown to the visitor."""


@dataclass(frozen=True)
class Submission:
    slug: str
    where: str
    helpful: bool
    comment: str


def now():
    return time.time()  # its own function, so tests can move this clock alone


def make_token(slug, where):
    hour = int(now() // TOKEN_HOUR)
    return signing.Signer(salt=TOKEN_SALT).sign_object([slug, where, hour])


def _unsign(token):
    slug, where, hour = signing.Signer(salt=TOKEN_SALT).unsign_object(token or "")
    return slug, where, int(hour)


def read_token(token):
    """(slug, where) the token was made for; FeedbackError when forged or expired."""
    try:
        slug, where, hour = _unsign(token)
        # Counted from the end of the hour it was made in: never less than TOKEN_MAX_AGE.
        if now() - (hour + 1) * TOKEN_HOUR > TOKEN_MAX_AGE:
            raise signing.SignatureExpired
    except signing.SignatureExpired as error:
        raise FeedbackError(
            _("This form was opened too long ago. Your comment is below: please send it again.")
        ) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise FeedbackError(
            _(
                "We could not check where this form came from. Please go back to the page "
                "and try again."
            )
        ) from error
    if where not in Feedback.Where.values:
        raise FeedbackError(_("We could not check where this form came from."))
    return slug, where


def token_page(token):
    """(slug, where) from a well-signed token however old, to show its form again; or None."""
    try:
        return _unsign(token)[:2]
    except (signing.BadSignature, ValueError, TypeError):
        return None


def same_site(request):
    """False when the browser says the post came from another site."""
    for header in ("HTTP_ORIGIN", "HTTP_REFERER"):
        value = request.META.get(header)
        if value:
            return urlsplit(value).netloc == request.get_host()
    return True


def read_submission(post):
    """Check a posted form; returns a Submission or raises FeedbackError."""
    if post.get(HONEYPOT):
        raise FeedbackError(_("We could not send your answer. Please try again."))
    slug, where = read_token(post.get("token"))
    answer = post.get("helpful")
    if answer not in ("yes", "no"):
        raise FeedbackError(_("Choose yes or no to say whether this page was helpful."))
    comment = post.get("comment", "").strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise FeedbackError(
            _(
                "Your comment is {length} characters long. Please shorten it to "
                "{limit} characters or fewer."
            ).format(
                length=number_format(len(comment), force_grouping=True),
                limit=number_format(COMMENT_MAX_LENGTH, force_grouping=True),
            )
        )
    return Submission(slug=slug, where=where, helpful=answer == "yes", comment=comment)

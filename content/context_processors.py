from django.utils import translation
from django.utils.functional import SimpleLazyObject

from content import languages, review
from content.models import SiteText
from neuroinfo.availability import remember_urgent_help


def current_site_text():
    text = SiteText.current()
    # Kept in the cache for the "not available just now" page, which is shown
    # when the database cannot be read.
    remember_urgent_help(text.worried_now_html)
    return text


def site_text_for(request):
    """What this request shows: signed-in staff see the waiting change (as a
    preview), everyone else the signed-off row."""
    text = current_site_text()
    user = getattr(request, "user", None)
    if user is not None and user.is_staff and text.pk:
        change = review.waiting_change(text)
        if change:
            text = review.kind_of(text).preview(text, change.data)
    if text.language != languages.current():
        # No words of its own in this language yet: the English box, marked so
        # (a screen reader reads it as English, not as the page's language).
        text.fallback_lang = translation.to_locale(text.language).replace("_", "-")
    return text


def site_text(request):
    """The site-wide texts, read only by a template that shows them (one query)."""
    return {"site_text": SimpleLazyObject(lambda: site_text_for(request))}

from django.utils.functional import SimpleLazyObject

from content.models import SiteText
from neuroinfo.availability import remember_urgent_help


def current_site_text():
    text = SiteText.current()
    # Kept in the cache for the "not available just now" page, which is shown
    # when the database cannot be read.
    remember_urgent_help(text.worried_now_html)
    return text


def site_text(request):
    """The site-wide texts, read only by a template that shows them (one query)."""
    return {"site_text": SimpleLazyObject(current_site_text)}

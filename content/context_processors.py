from django.utils.functional import SimpleLazyObject

from content.models import SiteText


def site_text(request):
    """The site-wide texts, read only by a template that shows them (one query)."""
    return {"site_text": SimpleLazyObject(SiteText.current)}

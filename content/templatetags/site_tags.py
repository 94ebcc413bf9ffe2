import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from neuroinfo.language import html_lang as _html_lang

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the tag.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A <script type="application/ld+json"> block. Browsers never run it, so
    the Content-Security-Policy needs no exception for it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


_SITE_LINK = re.compile(r'<a ((?:[^>]*? )?)href="(/[^"]*)"')


@register.filter
def print_addresses(html, origin):
    """Give each link to another of the site's pages its full address, which
    print styles show after the link (a printout cannot be clicked)."""
    origin = escape(origin)
    return mark_safe(
        _SITE_LINK.sub(lambda m: f'<a {m[1]}href="{m[2]}" data-print-url="{origin}{m[2]}"', html)
    )


@register.simple_tag
def html_lang():
    """The active language as `<html lang>` writes it (en-GB, fr): a tag rather
    than a context variable, so the 500 and 503 pages, rendered without a
    request, say their language too."""
    return _html_lang()

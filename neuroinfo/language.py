"""The language of a request comes from its address, and from nothing else.

`/fr/pages/x/` is French, `/pages/x/` English (the default, unprefixed);
content/urls.py sits inside `i18n_patterns(prefix_default_language=False)`.

Django's LocaleMiddleware is not used on purpose: on an address without a
prefix it falls back to the cookie, the session and Accept-Language, may
redirect, and adds `Vary: Accept-Language`. Each of those would store
something about the visitor or split the page cache and CDNs by a header, when
the address alone already says which page this is. Here an address always
gets the same language: no cookie, no session, no redirect, no Vary.

This module also gives templates what they need to say which language a page
is in: `<html lang>`, the hreflang alternates and the language switch.
"""

from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from content import languages
from neuroinfo.site import origin


def language_of_path(path):
    """The language an address asks for: its prefix, or the default without one."""
    return translation.get_language_from_path(path) or languages.default()


def language_from_address(get_response):
    """Middleware: run the request in its address's language, then restore the old one.

    Put it before the page cache, which resolves the address (its patterns
    depend on the active language) to know whether a page may be kept.
    """

    def middleware(request):
        language = language_of_path(request.path_info)
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = get_response(request)
        # Says what the page is in; never "Vary": the address is the whole key.
        response.headers.setdefault("Content-Language", html_lang(language))
        return response

    return middleware


def html_lang(code=None):
    """A language code as HTML and hreflang write it: en-gb -> en-GB, zh-hans -> zh-Hans."""
    return translation.to_locale(code or languages.current()).replace("_", "-")


def addresses(path):
    """{language: the page at `path` in that language}, resolving `path` once."""
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    found = {}
    for code in languages.codes():
        with translation.override(code):
            if match is None or match.namespace != "content":
                found[code] = reverse("content:home")
            else:
                found[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    return found


def context(request):
    """Template context: the page's language, the switch and the alternates.

    `other_languages`: (code, name in its own words, address) for the switch,
    with the query string kept (the guide's answers) when the page exists.
    `alternates`: (hreflang, absolute address) of this page in every
    language, then x-default (the default language), without the query
    string, like the canonical link.
    """
    current = languages.current()
    found = addresses(request.path_info)
    query = request.META.get("QUERY_STRING", "")
    if found[current] != request.path:  # not a page: the switch leads home
        query = ""
    site_origin = origin(request)
    alternates = [(html_lang(code), site_origin + found[code]) for code in languages.codes()]
    alternates.append(("x-default", alternates[0][1]))
    return {
        "html_lang": html_lang(current),
        "og_locale": translation.to_locale(current),
        "other_languages": [
            (
                html_lang(code),
                languages.local_name(code),
                found[code] + (f"?{query}" if query else ""),
            )
            for code in languages.codes()
            if code != current
        ],
        "alternates": alternates,
    }

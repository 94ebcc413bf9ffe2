"""Every public address in each language: /fr/…, /es/…, English unprefixed.

The language comes from the address alone (neuroinfo/language.py): no
cookie, no session, no Accept-Language, no redirect, no Vary on it.
"""

import re
from html import unescape
from xml.etree import ElementTree

import polib
import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from content import languages
from content.models import Page
from neuroinfo.settings import BASE_DIR
from scripts.compile_messages import catalogues, compiled, messages
from tests.support.factories import translate_pages

pytestmark = pytest.mark.django_db

# Each public page type, at its English address (the starting content's pages and guide).
PAGE_TYPES = [
    "/",
    "/pages/",
    "/pages/high-risk/",
    "/pages/high-risk/questions/",
    "/about/",
    "/glossary/",
    "/search/",
    "/search/?q=marrow",
    "/guide/",
    "/guide/risk-group/?where=spread",
    "/guide/result/?where=spread&risk-group=high",
    "/guide/result/questions/?where=spread&risk-group=high",
    "/feedback/thanks/?page=high-risk",
]


@pytest.fixture(autouse=True)
def translated_pages():
    """Every starting page in each language (with the English words: these
    tests are about addresses and the interface, not the pages' words)."""
    for language in languages.translations():
        translate_pages(language)


HTML_LANG = re.compile(r'<html lang="([^"]+)">')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCH = re.compile(r'<nav class="language-switch.*?</nav>', re.S)


def prefixed(language, address):
    return address if languages.is_default(language) else f"/{language}{address}"


def without_query(address):
    return address.split("?")[0]


@pytest.mark.parametrize("address", PAGE_TYPES)
@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_page_type_answers_in_each_language(client, language, address):
    response = client.get(prefixed(language, address))
    html = response.content.decode()
    assert response.status_code == 200
    assert HTML_LANG.search(html).group(1) == language
    assert response["Content-Language"] == language
    # Nothing about the visitor is kept, and one address is one page for every cache.
    assert not response.cookies and "Set-Cookie" not in response
    assert "accept-language" not in response.get("Vary", "").lower()
    # The hreflang pairs: the page in every language, then x-default (English).
    path = without_query(address)
    assert ALTERNATE.findall(html) == [
        ("en-GB", f"http://testserver{path}"),
        ("fr", f"http://testserver/fr{path}"),
        ("es", f"http://testserver/es{path}"),
        ("x-default", f"http://testserver{path}"),
    ]


@pytest.mark.parametrize("address", PAGE_TYPES)
def test_english_addresses_are_unchanged(client, address):
    response = client.get(address)
    html = response.content.decode()
    assert response.status_code == 200
    assert HTML_LANG.search(html).group(1) == "en-GB"
    assert not response.cookies
    assert "accept-language" not in response.get("Vary", "").lower()


def test_links_inside_a_language_stay_in_it(client):
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/guide/"' in html
    assert 'href="/fr/pages/high-risk/"' in html
    assert 'action="/fr/search/"' in html
    with translation.override(languages.default()):
        assert reverse("content:page", args=["high-risk"]) == "/pages/high-risk/"


def test_the_interface_is_in_the_pages_language(client):
    assert "Aller au contenu principal" in client.get("/fr/").content.decode()
    assert "Ir al contenido principal" in client.get("/es/").content.decode()
    assert "Skip to main content" in client.get("/").content.decode()


def test_the_language_comes_from_the_address_only(client):
    """A French browser, a language cookie or a session asks nothing of an English address."""
    client.cookies["django_language"] = "fr"
    response = client.get("/pages/high-risk/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 200
    assert HTML_LANG.search(response.content.decode()).group(1) == "en-GB"
    assert "accept-language" not in response.get("Vary", "").lower()


@pytest.mark.parametrize("address", ["/en-gb/", "/en/pages/high-risk/", "/xx/", "/fr/admin/"])
def test_no_other_prefix_is_a_page(client, address):
    """No redirect: a prefix that is not a translation's is a 404."""
    assert client.get(address).status_code == 404


def test_the_admin_sitemap_and_robots_stay_unprefixed(client):
    assert client.get("/fr/sitemap.xml").status_code == 404
    assert client.get("/fr/robots.txt").status_code == 404
    assert client.get("/robots.txt").status_code == 200
    assert reverse("admin:index") == "/admin/"


def test_robots_txt_keeps_crawlers_out_of_results_in_every_language(client):
    robots = client.get("/robots.txt").content.decode().splitlines()
    for prefix in ["", "/fr", "/es"]:
        for address in ["/guide/result/", "/search/", "/feedback/"]:
            assert f"Disallow: {prefix}{address}" in robots


@pytest.mark.parametrize(
    ("address", "others"),
    [
        ("/fr/pages/high-risk/", ["/pages/high-risk/", "/es/pages/high-risk/"]),
        ("/glossary/", ["/fr/glossary/", "/es/glossary/"]),
        # The guide's answers go along: the same step, in the other language.
        (
            "/es/guide/result/?where=spread&risk-group=high",
            ["/guide/result/?where=spread&risk-group=high",
             "/fr/guide/result/?where=spread&risk-group=high"],
        ),
    ],
)  # fmt: skip
def test_the_switch_links_to_the_same_page_in_each_other_language(client, address, others):
    html = unescape(client.get(address).content.decode())
    switch = SWITCH.search(html).group(0)
    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)">([^<]+)</a>', switch)
    names = {"en-GB": "English", "fr": "Français", "es": "Español"}
    assert [href for href, *_ in links] == others
    for _, lang, hreflang, name in links:
        assert lang == hreflang and names[lang] == name


def test_a_page_that_is_not_found_is_in_its_language_and_switches_home(client):
    response = client.get("/fr/pas-une-page/?where=brain")
    html = response.content.decode()
    assert response.status_code == 404
    assert HTML_LANG.search(html).group(1) == "fr"
    assert "Page introuvable" in html
    # No alternates for a page that does not exist; the switch leads home.
    assert not ALTERNATE.findall(html)
    assert re.findall(r'<a href="([^"]+)" lang', html) == ["/", "/es/"]


def test_a_bad_guide_address_is_refused_in_its_language(client):
    response = client.get("/es/guide/result/?nothing=1")
    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert HTML_LANG.search(html).group(1) == "es"
    assert "La dirección contiene algo que la guía no pregunta." in html


def test_the_feedback_form_answers_in_its_language(client):
    response = client.post("/fr/feedback/", {"helpful": "yes", "token": "forged"})
    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Nous n'avons pas pu vérifier d'où vient ce formulaire." in html


def test_a_database_that_is_down_gives_the_503_page_in_its_language(client, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("content.views.pages.first_pages", down)
    client.raise_request_exception = False
    response = client.get("/es/")
    html = unescape(response.content.decode())
    assert response.status_code == 503
    assert HTML_LANG.search(html).group(1) == "es"
    assert "Esta página no está disponible en este momento" in html
    assert "llame al centro que trata a su hijo" in html  # the built-in urgent help
    assert 'href="/es/"' in html


def test_a_bug_gives_the_500_page_in_its_language(client, monkeypatch):
    def bug(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("content.views.pages.first_pages", bug)
    client.raise_request_exception = False
    response = client.get("/fr/")
    html = response.content.decode()
    assert response.status_code == 500
    assert HTML_LANG.search(html).group(1) == "fr"
    assert "le site a un problème" in html
    assert "a bug" not in html


def test_each_language_is_cached_apart(client):
    for _ in range(2):  # the second round is answered from the cache
        for language, skip in [("en-GB", "Skip to main content"), ("fr", "Aller au contenu")]:
            html = client.get("/" if language == "en-GB" else f"/{language}/").content.decode()
            assert HTML_LANG.search(html).group(1) == language
            assert skip in html


def test_the_sitemap_lists_every_address_in_every_language_with_alternates(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    published = Page.objects.published().count()
    assert len(entries) == (4 + published) * 3
    for loc in ["http://testserver/pages/high-risk/", "http://testserver/fr/pages/high-risk/"]:
        assert entries[loc] == {
            "en-gb": "http://testserver/pages/high-risk/",
            "fr": "http://testserver/fr/pages/high-risk/",
            "es": "http://testserver/es/pages/high-risk/",
            "x-default": "http://testserver/pages/high-risk/",
        }
    assert "http://testserver/es/guide/" in entries


GERMAN = {"Skip to main content": "Zum Hauptinhalt springen", "Home": "Startseite"}


def test_a_third_language_needs_settings_and_a_catalogue_only(client, tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "de"}
    po.extend(polib.POEntry(msgid=english, msgstr=german) for english, german in GERMAN.items())
    (tmp_path / "de" / "LC_MESSAGES").mkdir(parents=True)
    po.save_as_mofile(str(tmp_path / "de" / "LC_MESSAGES" / "django.mo"))
    with override_settings(
        LANGUAGES=[("en-gb", "English"), ("fr", "French"), ("es", "Spanish"), ("de", "German")],
        LOCALE_PATHS=[BASE_DIR / "locale", tmp_path],
    ):
        translate_pages("de")
        response = client.get("/de/pages/high-risk/")
        html = response.content.decode()
        assert response.status_code == 200
        assert HTML_LANG.search(html).group(1) == "de"
        assert "Zum Hauptinhalt springen" in html and "Startseite" in html
        assert ("de", "http://testserver/de/pages/high-risk/") in ALTERNATE.findall(html)
        assert 'href="/de/pages/high-risk/" lang="de" hreflang="de">Deutsch</a>' in (
            client.get("/fr/pages/high-risk/").content.decode()
        )
    assert client.get("/de/pages/high-risk/").status_code == 404


# --- the catalogues ---------------------------------------------------------------


@pytest.mark.parametrize("po_path", catalogues(), ids=lambda path: path.parent.parent.name)
def test_each_compiled_catalogue_matches_its_po(po_path):
    """The .mo holds exactly the .po's translations (compared as messages, not
    file times, which git does not keep). Run `make messages` after editing a .po."""
    on_disk = messages(polib.mofile(str(po_path.with_suffix(".mo"))))
    assert on_disk == messages(compiled(po_path))


def test_the_check_sees_a_po_edited_after_compiling(tmp_path):
    source = catalogues()[0]
    po = polib.pofile(str(source))
    po.save(str(tmp_path / "django.po"))
    compiled(tmp_path / "django.po").save(str(tmp_path / "django.mo"))
    po.find("Home").msgstr = "Page d'accueil"
    po.save(str(tmp_path / "django.po"))
    assert messages(polib.mofile(str(tmp_path / "django.mo"))) != messages(
        compiled(tmp_path / "django.po")
    )


@pytest.mark.parametrize("language", languages.translations())
def test_every_interface_string_has_its_translation(language):
    po = polib.pofile(str(BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries()

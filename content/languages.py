"""The languages parents can read the site in, and what each one needs.

One home for the list (settings.LANGUAGES, from NEUROINFO_TRANSLATIONS) and
for what is worked out from a language code: its name in its own words, its
address prefix and its PostgreSQL text search configuration. A third language
needs settings, a catalogue and content, never a change here.
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils import translation

# PostgreSQL's built-in text search configurations, by their English language
# name (`SELECT cfgname FROM pg_ts_config`). Any other language is searched
# with "simple": whole words, no stemming.
POSTGRES_SEARCH_CONFIGS = {
    "arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "finnish",
    "french", "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian",
    "lithuanian", "nepali", "norwegian", "portuguese", "romanian", "russian", "serbian",
    "spanish", "swedish", "tamil", "turkish", "yiddish",
}  # fmt: skip


def default():
    """The language of the original texts, served at addresses with no prefix."""
    return settings.LANGUAGE_CODE


def codes():
    """Every language, the default first."""
    return [code for code, _ in settings.LANGUAGES]


def translations():
    """The languages texts are translated into."""
    return [code for code in codes() if code != default()]


def is_default(code):
    return code == default()


def _info(code):
    # The language, not the country's variant: "en-gb" is "English".
    generic = LANG_INFO.get(code.split("-")[0], {})
    return generic if "name" in generic else LANG_INFO.get(code, {})


def local_name(code):
    """The language's name in its own words ("Français"), for the language switch."""
    name = _info(code).get("name_local", code)
    return name[:1].upper() + name[1:]


def english_name(code):
    """The language's name in English ("French"), for the admin."""
    return _info(code).get("name", code)


def current():
    """The language of this request (from its address), as one of codes()."""
    active = translation.get_language() or default()
    if active in codes():
        return active
    generic = active.split("-")[0]
    return next((code for code in codes() if code.split("-")[0] == generic), default())


def search_config(code):
    """The PostgreSQL text search configuration for a language."""
    name = _info(code).get("name", "").lower()
    return name if name in POSTGRES_SEARCH_CONFIGS else "simple"


def choices():
    """(code, English name) pairs, for a model field's or form's choices."""
    return [(code, english_name(code)) for code in codes()]

"""The language list and what is worked out from each code (content/languages.py)."""

import pytest
from django.test import override_settings

from content import languages


def test_english_first_then_the_translations():
    assert languages.codes() == ["en-gb", "fr", "es"]
    assert languages.translations() == ["fr", "es"]
    assert languages.is_default("en-gb") and not languages.is_default("fr")


@pytest.mark.parametrize(
    ("code", "name", "config"),
    [("en-gb", "English", "english"), ("fr", "Français", "french"), ("es", "Español", "spanish"),
     ("de", "Deutsch", "german"), ("zh-hans", "简体中文", "simple")],
)  # fmt: skip
def test_each_language_has_its_own_name_and_text_search(code, name, config):
    assert languages.local_name(code) == name
    assert languages.search_config(code) == config


@override_settings(LANGUAGES=[("en-gb", "English"), ("fr", "French"), ("de", "German")])
def test_a_third_language_comes_from_settings_alone():
    assert languages.translations() == ["fr", "de"]
    assert ("de", "German") in languages.choices()

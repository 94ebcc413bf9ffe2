"""The style sheet's text colours against the backgrounds they sit on, at WCAG
AAA (7:1). axe checks rendered pages in the browser tests, but it cannot see
:visited colours (browsers hide them from scripts), so this checks them all."""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parent.parent / "static" / "css" / "site.css").read_text()
VARIABLES = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", CSS))

WHITE = "#ffffff"
BACKGROUNDS = {
    "white": WHITE,
    "panel": VARIABLES["panel"],
    "care team note": "#eef4f9",
    "draft banner": "#fff2c2",
}


def luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b):
    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_does():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", ["text", "muted", "link", "link-visited", "error"])
@pytest.mark.parametrize("background", list(BACKGROUNDS))
def test_text_colours_meet_aaa_on_every_background(name, background):
    ratio = contrast(VARIABLES[name], BACKGROUNDS[background])
    assert ratio >= 7, f"--{name} on {background}: {ratio:.2f}:1"


@pytest.mark.parametrize("background", ["brand", "button", "button-dark"])
def test_white_text_on_the_header_and_buttons_meets_aaa(background):
    assert contrast(WHITE, VARIABLES[background]) >= 7


def test_hovered_links_meet_aaa():
    hover = re.search(r"a:hover \{ color: (#[0-9a-fA-F]{6})", CSS)[1]
    assert contrast(hover, WHITE) >= 7

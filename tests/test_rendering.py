import pytest

from content.rendering import MarkdownError, check_markdown, render_markdown, sections


def test_headings_get_ids_and_an_explicit_id_wins():
    html = render_markdown("## Where it comes back\n\n## In one place {#one-place}")
    assert '<h2 id="where-it-comes-back">Where it comes back</h2>' in html
    assert '<h2 id="one-place">In one place</h2>' in html


def test_tables_are_allowed():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<table>" in html
    assert "<td>1</td>" in html


def test_a_hash_heading_does_not_make_a_second_h1():
    html = render_markdown("# Title\n\ntext")
    assert "<h1" not in html
    assert "Title" in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<style>body{display:none}</style>",
        '<img src="x" onerror="alert(1)">',
        '<a href="#" onclick="alert(1)">x</a>',
        '<iframe src="https://example.org"></iframe>',
        "<div>\n<script>alert(1)</script>\n</div>",
        "<svg onload=alert(1)>",
        "<object data='x'></object>",
    ],
)
def test_raw_html_never_becomes_markup(hostile):
    html = render_markdown(hostile)
    for tag in ("<script", "<style", "<img", "<iframe", "<svg", "<object", "<div", "<a "):
        assert tag not in html


def test_raw_html_is_shown_as_text_so_nothing_the_editor_typed_vanishes():
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in render_markdown("<script>alert(1)</script>")


@pytest.mark.parametrize(
    "link",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "![x](javascript:alert(1))",
    ],
)
def test_dangerous_link_schemes_are_removed(link):
    html = render_markdown(link).lower()
    assert "javascript:" not in html
    assert "data:" not in html
    assert "vbscript:" not in html
    assert "<img" not in html


def test_attribute_lists_cannot_add_event_handlers():
    html = render_markdown('## Heading {#h onclick="alert(1)" style="color:red"}')
    assert "onclick" not in html
    assert "style" not in html
    assert 'id="h"' in html


def test_safe_links_are_kept():
    html = render_markdown("[trials](/pages/clinical-trials/) and <https://www.cancer.gov/>")
    assert 'href="/pages/clinical-trials/"' in html
    assert 'href="https://www.cancer.gov/"' in html


def test_sections_lists_each_h2_for_a_contents_list():
    html = render_markdown("## One place {#one-place}\n\n### Sub\n\n## It's *spread*")
    assert sections(html) == [("one-place", "One place"), ("its-spread", "It's spread")]


def test_table_alignment_survives_sanitising():
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert '<td align="right">2</td>' in html


@pytest.mark.parametrize(
    "text",
    [
        "[" * 10_000,  # took 11 s before the bound
        "[a" * 25_000,
        "x" * 100_001,
        "".join("    " * i + "- x\n" for i in range(25)),  # RecursionError at 400
        "".join("\t" * i + "- x\n" for i in range(400)),
        ">" * 400 + " deep",
    ],
)
def test_text_beyond_the_bounds_is_refused_with_a_message_not_rendered(text):
    with pytest.raises(MarkdownError) as error:
        render_markdown(text)
    assert str(error.value).endswith(".")


def test_a_deep_recursion_in_the_renderer_becomes_a_markdown_error(monkeypatch):
    def too_deep(self, text):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("markdown.Markdown.convert", too_deep)
    with pytest.raises(MarkdownError):
        render_markdown("## Fine")


def test_the_starting_pages_are_well_inside_the_bounds():
    from content.starting.pages import PAGES_DIR

    for path in PAGES_DIR.glob("*.md"):
        text = path.read_text()
        check_markdown(text * 10)  # ten times longer still passes
        render_markdown(text)


def test_lists_nested_to_the_limit_still_render():
    html = render_markdown("".join("    " * i + "- x\n" for i in range(20)))
    assert html.count("<ul>") == 20

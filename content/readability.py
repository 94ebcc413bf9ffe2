"""Reading grade of rendered page text.

Parents read these pages under stress, often on a phone, so every published
page is held at US grade 8 or lower (NIH advice for patient material).
"""

from html.parser import HTMLParser

import textstat

MAX_GRADE = 8.0

# Each of these ends a thought even without a full stop: headings and list
# items are short on purpose and must not be glued into one long "sentence".
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote"}


class _BlockText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks = [[]]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.blocks.append([])

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.blocks.append([])

    def handle_data(self, data):
        self.blocks[-1].append(data)


def plain_text(html):
    """The visible text of an HTML fragment, one sentence-ended line per block."""
    parser = _BlockText()
    parser.feed(html)
    lines = []
    for parts in parser.blocks:
        text = " ".join("".join(parts).split())
        if not text:
            continue
        if text[-1] not in ".!?:":
            text += "."
        lines.append(text)
    return "\n".join(lines)


def reading_grade(html):
    """Flesch-Kincaid grade of the text in an HTML fragment."""
    text = plain_text(html)
    if not text:
        return 0.0
    return textstat.flesch_kincaid_grade(text)

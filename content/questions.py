"""The "Questions you may want to ask" list of a page, read from its stored HTML.

Pages are rendered by content.rendering, so the section is an <h2> whose text
starts with "Questions you may want to ask" (or whose id is "questions"), and
the questions are the list items up to the next <h2>. A real HTML parser reads
it, so markup inside a question (a link, a glossary term) does no harm.
"""

from html.parser import HTMLParser

HEADING_START = "questions you may want to ask"
SECTION_ID = "questions"


class _QuestionsParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.heading = None  # (id, text) of the questions section once found
        self.questions = []
        self._h2 = None  # [id, text parts] while inside an h2
        self._in_section = False
        self._item = None  # text parts while inside a top-level li of the section
        self._list_depth = 0
        self._done = False

    def handle_starttag(self, tag, attrs):
        if self._done:
            return
        if tag == "h2":
            if self._in_section:
                self._done = True
                return
            self._h2 = [dict(attrs).get("id") or "", []]
        elif self._in_section and tag in ("ul", "ol"):
            self._list_depth += 1
        elif self._in_section and tag == "li" and self._list_depth == 1:
            self._item = []

    def handle_endtag(self, tag):
        if self._done:
            return
        if tag == "h2" and self._h2 is not None:
            id_, parts = self._h2
            text = " ".join("".join(parts).split())
            if id_ == SECTION_ID or text.lower().startswith(HEADING_START):
                self.heading = (id_, text)
                self._in_section = True
            self._h2 = None
        elif self._in_section and tag in ("ul", "ol"):
            self._list_depth -= 1
        elif tag == "li" and self._item is not None and self._list_depth == 1:
            text = " ".join("".join(self._item).split())
            if text:
                self.questions.append(text)
            self._item = None

    def handle_data(self, data):
        if self._done:
            return
        if self._h2 is not None:
            self._h2[1].append(data)
        elif self._item is not None:
            self._item.append(data)


def questions_section(html):
    """(heading, [question, ...]) of the page's questions, or (None, []) when it has none."""
    parser = _QuestionsParser()
    parser.feed(html or "")
    parser.close()
    if parser.heading is None:
        return None, []
    return parser.heading, parser.questions

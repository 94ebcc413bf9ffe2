from urllib.parse import urlencode

from markdownx.widgets import AdminMarkdownxWidget

from content import languages


class LabelledMarkdownxWidget(AdminMarkdownxWidget):
    """markdownx's admin editor with its live preview labelled as a region.

    markdownx's own template leaves the preview unnamed, so a screen reader
    cannot tell where the editor ends and the preview begins.
    """

    template_name = "content/markdownx_widget.html"
    # The language of the text being edited: a translation's preview is
    # measured with its own language's reading formula (content/views/preview.py).
    language = None

    def add_markdownx_attrs(self, attrs):
        attrs = super().add_markdownx_attrs(attrs)
        if self.language and not languages.is_default(self.language):
            path = attrs["data-markdownx-urls-path"]
            attrs["data-markdownx-urls-path"] = f"{path}?{urlencode({'language': self.language})}"
        return attrs

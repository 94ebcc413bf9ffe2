from markdownx.widgets import AdminMarkdownxWidget


class LabelledMarkdownxWidget(AdminMarkdownxWidget):
    """markdownx's admin editor with its live preview labelled as a region.

    markdownx's own template leaves the preview unnamed, so a screen reader
    cannot tell where the editor ends and the preview begins.
    """

    template_name = "content/markdownx_widget.html"

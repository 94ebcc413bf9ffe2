from django.db import models
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from content import languages
from content.models.review import ReviewedText
from content.models.translations import Translatable
from content.rendering import localise_links, render_markdown


class SiteText(Translatable, ReviewedText):
    """The site-wide texts the organisation running the site owns: its name, the
    "If you are worried right now" box, the About page and how to contact it.

    One row per language (the English one created by a data migration). Like
    a page, a change waits for a medical reviewer's sign-off (content/review/);
    the row is what parents see.
    """

    organisation_name = models.CharField(
        "organisation's name",
        max_length=120,
        blank=True,
        help_text="Who runs this site, as parents should see it. Leave empty until it is "
        "decided: the About page then says plainly that no name has been set.",
    )
    worried_now = MarkdownxField(
        '"If you are worried right now" box',
        help_text="Shown near the top of every public page, as a box that opens. Say calmly "
        "what to do now, in the imperative: the warning signs (a fever above all, with no "
        "temperature), what to do with no 24-hour number or no answer, and what is an "
        "emergency. Only give a phone number your organisation is sure is right for every "
        "parent who reads the site. Its source: the site's two sources do not cover these "
        "signs, and no guide is named yet. A clinician checks this text against a named "
        "\"when to call\" guide (the treatment centre's own, or a national children's "
        "cancer body's), and the About page's section on this box names it.",
    )
    worried_now_html = models.TextField(blank=True, editable=False)
    about = MarkdownxField(
        "About this site",
        help_text="The About page's text: how pages are written and reviewed, and what the "
        "site does with data. The organisation's name, the sources and the contact details "
        "are added to the page around it. Start sections with ##.",
    )
    about_html = models.TextField(blank=True, editable=False)
    contact = MarkdownxField(
        "how to contact the organisation",
        blank=True,
        help_text="An email address, a postal address or a form's address. Leave empty "
        "until you have one: the About page then says so.",
    )
    contact_html = models.TextField(blank=True, editable=False)
    updated = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "site-wide texts"
        verbose_name_plural = "site-wide texts"

    def __str__(self):
        if self.is_translation:
            return f"Site-wide texts ({self.language_name})"
        return "Site-wide texts"

    def save(self, *args, **kwargs):
        self.render()
        super().save(*args, **kwargs)

    def render(self):
        # Rendered once on save, not on every request, by the pages' own function;
        # staff previews of a waiting change call it on an unsaved copy.
        # A translation's links lead to pages in its language (/fr/pages/x/).
        self.worried_now_html = localise_links(render_markdown(self.worried_now), self.language)
        self.about_html = localise_links(render_markdown(self.about), self.language)
        self.contact_html = localise_links(render_markdown(self.contact), self.language)

    @classmethod
    def current(cls, language=None):
        """The row in `language` (None: this request's language). A language
        with no row of its own yet gets the English one (look at its
        `language`), so the worried-now box is never missing, and so does one
        whose translation was started but never signed off; an empty row if
        even that is missing, so a page never fails for want of it."""
        language = language or languages.current()
        wanted = [language] if languages.is_default(language) else [language, languages.default()]
        found = cls.objects.filter(language__in=wanted).order_by("-pk")
        rows = {row.language: row for row in found if row.words_are_live}
        found = next((rows[code] for code in wanted if code in rows), None)
        return found or cls()

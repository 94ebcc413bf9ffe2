from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from simple_history.models import HistoricalRecords

from content import languages
from content.glossary import compile_glossary, link_terms, normalise, split_names
from content.models.pages import Page
from content.models.review import ReviewedText
from content.models.translations import Translatable
from content.rendering import localise_links, render_markdown
from content.starting.glossary import link_all_pages

NCI_DICTIONARY = "NCI Dictionary of Cancer Terms"
NCI_DICTIONARY_URL = "https://www.cancer.gov/publications/dictionaries/cancer-terms"


class TermQuerySet(models.QuerySet):
    def in_language(self, language=None):
        """Rows in `language` (None: the language of this request)."""
        return self.filter(language=language or languages.current())

    def published(self, language=None):
        """Terms parents may see: a new term waits for sign-off like a page."""
        return self.filter(published=True).in_language(language)

    def glossary(self, language=None):
        """Every published term's names in `language` (None: this request's),
        compiled for linking: one query, however many."""
        rows = self.published(language).order_by().values_list("pk", "slug", "term", "other_names")
        return compile_glossary(
            (pk, slug, [term, *split_names(others)]) for pk, slug, term, others in rows
        )


class Term(Translatable, ReviewedText):
    """A medical word explained in plain language, for the glossary and the pages.

    Pages link the first use of each term (once a page, never the page's own
    subject), on save
    (`Page.save`). When a term is added, renamed or deleted, the signal
    handlers at the end of this module re-link the pages that use it; after
    `migrate`, `link_glossary_after_migrate` re-links every page (data
    migrations write pages without Page.save). content/apps.py connects them.
    """

    term = models.CharField(
        max_length=80,
        help_text="The word as parents meet it on the pages, e.g. 'bone marrow'.",
    )
    slug = models.SlugField(
        max_length=80,
        help_text="Its address in the glossary: /glossary/#this-slug. Fills itself from the term.",
    )
    definition = models.TextField(
        help_text="One or two short sentences, in our own words, at reading grade 8 or lower. "
        "Never copy the source's sentences. Parents read this in the middle of a page.",
    )
    other_names = models.TextField(
        blank=True,
        help_text="Other names it goes by, one a line (e.g. 'dinutuximab' for ch14.18). Pages "
        "link these too.",
    )
    source_name = models.CharField(
        "based on",
        max_length=200,
        default=NCI_DICTIONARY,
        help_text="The source this explanation is based on. Parents see it in the glossary.",
    )
    source_url = models.URLField(
        "source address", blank=True, default=NCI_DICTIONARY_URL, help_text="Where it can be read."
    )
    published = models.BooleanField(
        default=False,
        editable=False,
        help_text="Set when a medical reviewer signs the new term off.",
    )
    pages = models.ManyToManyField(
        Page,
        related_name="terms",
        blank=True,
        editable=False,
        help_text="Pages that link this term. Kept up to date when pages or terms are saved.",
    )

    history = HistoricalRecords()
    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["term"]
        # A translated word keeps its English word's slug (its glossary address).
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="term_per_language"),
            models.UniqueConstraint(fields=["language", "slug"], name="term_slug_per_language"),
        ]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        # A translated word keeps its English word's glossary address.
        if self.is_translation:
            self.slug = Term.objects.filter(pk=self.translation_of_id).values("slug")[0]["slug"]
        super().save(*args, **kwargs)
        if not self.is_translation and self.pk:
            for other in self.translations.exclude(slug=self.slug):
                other.save()

    def get_absolute_url(self):
        # As Page.get_absolute_url: no query when `language` was not loaded.
        with translation.override(self.__dict__.get("language") or languages.current()):
            return reverse("content:glossary") + f"#{self.slug}"

    @property
    def names(self):
        return [self.term, *split_names(self.other_names)]

    @property
    def also_called(self):
        return split_names(self.other_names)

    @property
    def letter(self):
        """The glossary's heading for this term: its first letter, or 0-9."""
        first = self.term[:1].upper()
        return first if first.isalpha() else "0-9"

    def clean(self):
        # A name shared by two terms of one language would link to whichever came first.
        others = Term.objects.in_language(self.language).exclude(pk=self.pk)
        if not self.is_translation and self.slug and others.filter(slug=self.slug).exists():
            raise ValidationError({"slug": "Another glossary word has this address."})
        mine = {normalise(name) for name in self.names}
        for other in others:
            shared = mine & {normalise(name) for name in other.names}
            if shared:
                raise ValidationError(
                    {
                        "other_names": f"“{', '.join(sorted(shared))}” already belongs to "
                        f"“{other.term}”. Each name can explain only one term."
                    }
                )


def relink_pages(pages):
    """Link glossary terms in these pages again, with one query for the terms of
    each language.

    Writes body_html with update(), not save(): the page's own text did not
    change, so it needs no new version in its history.
    """
    glossaries = {}
    for page in pages:
        if page.language not in glossaries:
            glossaries[page.language] = Term.objects.glossary(page.language)
        glossary = glossaries[page.language]
        html, used = link_terms(render_markdown(page.body), glossary, subject=page.title)
        html = localise_links(html, page.language)
        Page.objects.filter(pk=page.pk).update(body_html=html)
        page.terms.set(used)


def pages_using(term, page_ids=()):
    """Pages that link the term now, or whose text holds one of its names."""
    mentions = Q(pk__in=list(page_ids))
    for name in term.names:
        mentions |= Q(body__icontains=name)
    pages = Page.objects.filter(mentions, language=term.language)
    return pages.only("pk", "title", "body", "language")


def relink_after_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the pages are loaded as they were saved
        return
    relink_pages(pages_using(instance, instance.pages.values_list("pk", flat=True)))


def remember_pages(sender, instance, **kwargs):
    instance._linked_page_ids = list(instance.pages.values_list("pk", flat=True))


def relink_after_delete(sender, instance, **kwargs):
    linked = Page.objects.filter(pk__in=getattr(instance, "_linked_page_ids", []))
    relink_pages(linked.only("pk", "title", "body", "language"))


def link_glossary_after_migrate(sender, apps=None, plan=None, **kwargs):
    """Link glossary words on every page after any migration that changed something.

    Data migrations (ours or a later one that rewrites the pages' text) write
    body_html with historical models, which never run Page.save(); this puts
    the links back, whatever order the migrations ran in.
    """
    if not plan or apps is None:  # nothing was migrated, or a flush (tests)
        return
    try:
        term_model = apps.get_model("content", "Term")
        page_model = apps.get_model("content", "Page")
    except LookupError:  # migrated back to before the glossary existed
        return
    link_all_pages(term_model, page_model)

import datetime

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import connection, connections, models
from django.db.models import TextField, Value
from django.urls import reverse
from django.utils import timezone, translation
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from content import languages, links
from content.folding import fold
from content.glossary import LINK_PREFIX, link_terms
from content.models.review import ReviewedText
from content.models.translations import Translatable
from content.readability import plain_text
from content.rendering import (
    MAX_BODY_CHARS,
    RESERVED_IDS,
    MarkdownError,
    heading_ids,
    localise_links,
    render_markdown,
    sections,
)

# A review this close is "due soon" in the admin.
REVIEW_SOON_DAYS = 30

# How much each field of a page counts in search, on either database
# (content/search/): PostgreSQL's weights A, B and C, SQLite's bm25 weights.
SEARCH_WEIGHTS = {"title": 10, "summary": 4, "body": 2}


def search_vector(title, summary, body_html, language=None):
    """What PostgreSQL searches for a page (`Page.search_vector`, filled by save()
    and indexed with GIN): title as weight A, summary B, text C.

    Each page is indexed with its own language's text search configuration
    (content.languages.search_config: "french", "spanish", "simple" for a
    language PostgreSQL has none for), and its text folded (no accents), as
    queries are (content/search/ranking.py).
    """
    config = languages.search_config(language or languages.default())

    def part(text, weight):
        return SearchVector(
            Value(fold(text), output_field=TextField()), weight=weight, config=config
        )

    return part(title, "A") + part(summary, "B") + part(plain_text(body_html), "C")


class PageQuerySet(models.QuerySet):
    def in_language(self, language=None):
        """Rows in `language` (None: the language of this request)."""
        return self.filter(language=language or languages.current())

    def published(self, language=None):
        """What parents reading `language` (None: this request's) may see."""
        return self.filter(status=Page.Status.PUBLISHED).in_language(language)

    def fill_missing_search_vectors(self):
        """Fill the search vector of every page that has none (PostgreSQL
        only); returns how many were filled."""
        return fill_missing_search_vectors(self.model, self.db)

    def review_overdue(self, today=None):
        return self.filter(review_due__lt=today or timezone.localdate())

    def review_due_within(self, days, today=None):
        today = today or timezone.localdate()
        return self.filter(review_due__gte=today, review_due__lte=today + datetime.timedelta(days))

    def linking_pages(self, page):
        """The published pages, other than `page`, whose text links to `page`, at its
        address or at an old address that now redirects to it. Two queries."""
        old = set(PageRedirect.objects.filter(page=page).values_list("old_slug", flat=True))
        addresses = old | {page.slug}
        found = []
        rows = self.published(page.language).exclude(pk=page.pk)
        rows = rows.values_list("pk", "title", "slug", "links")
        for pk, title, slug, stored in rows:
            targets = {links.Link.parse(s).slug for s in stored or []} & addresses
            if targets:
                found.append(links.Linker(pk, title, slug, sorted(targets & old)))
        return found

    def check_published_links(self):
        """Every broken internal link on a published page, and every link that still
        uses an old address: `links.check_links` over the published pages' text.
        Returns (broken, old, checked count)."""
        pages = list(self.published().only("title", "slug", "body_html"))
        moved = dict(
            PageRedirect.objects.filter(page__status=Page.Status.PUBLISHED).values_list(
                "old_slug", "page__slug"
            )
        )
        return links.check_links(pages, moved)


class Page(Translatable, ReviewedText):
    """A page parents read.

    save() renders the Markdown, stores the page's links and section ids, and
    keeps an old address working when a published page's slug changes.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(
        max_length=120,
        help_text="The page's only top-level heading. Say plainly what the page is about.",
    )
    slug = models.SlugField(
        max_length=80,
        help_text=(
            "The page's address: /pages/this-slug/. Fills itself from the title. On a "
            "published page a new address waits for sign-off like the text; once it is "
            "live, the old address sends readers to the new one."
        ),
    )
    summary = models.CharField(
        max_length=240,
        help_text=(
            "One or two short sentences. Parents see this in the page list, the guide's "
            "result and search results, so say who the page is for."
        ),
    )
    body = MarkdownxField(
        # Far above any real page (the longest starting page is under 4,000
        # characters); it bounds the work of rendering one.
        max_length=MAX_BODY_CHARS,
        validators=[MaxLengthValidator(MAX_BODY_CHARS)],
        help_text=(
            "Markdown. Start sections with ## (the title is the page's only # heading). "
            "Give a section a fixed id with {#id} after its heading when other pages or the "
            "guide link to it. Keep to reading grade 8: short sentences, plain words, and "
            "explain each medical word the first time. End with the questions parents may "
            "want to ask. Raw HTML is shown as text. At most 100,000 characters, and lists "
            "or quotes at most 20 levels deep."
        ),
    )
    # The rendered text, with glossary words linked (see save()).
    body_html = models.TextField(blank=True, editable=False)
    # Kept up to date by save() on PostgreSQL (with a GIN index); empty on SQLite,
    # where its FTS5 index does the same (content/search/sqlite_index.py).
    search_vector = SearchVectorField(null=True, editable=False)
    # Worked out from body_html on save (content/links.py), so finding the
    # pages that link to a page needs no page's text.
    links = models.JSONField(default=list, blank=True, editable=False)
    anchors = models.JSONField(default=list, blank=True, editable=False)
    # The h2 sections, [[id, heading text], ...], also from save(): the contents
    # list and the guide read them without parsing page text per request.
    headings = models.JSONField(default=list, blank=True, editable=False)
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Only published pages are shown to the public. Staff can preview drafts.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Pages are listed from the lowest number up."
    )
    # Set only by a medical reviewer's sign-off: parents are never shown a review
    # that did not happen. Empty means "not yet checked by a clinician".
    last_reviewed = models.DateField(
        "page last reviewed",
        null=True,
        blank=True,
        help_text="Set when a medical reviewer signs the page off. Parents see this date.",
    )
    review_due = models.DateField(
        "next review due",
        help_text=(
            "Parents see this date. Spread review dates across pages: when every page "
            "shares one date, reviews get skipped."
        ),
    )
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",
        verbose_name="related pages",
        help_text=(
            "Pages parents see under 'Related pages'. Leave empty to list the pages this "
            "page links to. Drafts are never shown."
        ),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()
    # Every save of the row parents see is kept (content/review/ reads it);
    # changes waiting for sign-off are kept by Change's own history.
    # The search vector and the section headings are derived from the text on
    # save: no need to keep their history.
    history = HistoricalRecords(excluded_fields=["search_vector", "headings"])

    class Meta:
        ordering = ["order", "title"]
        permissions = [("sign_off_page", "Can sign off and publish pages")]
        # Previous/next links and the public lists read published pages in this
        # order: with the index that stays quick however many pages there are.
        indexes = [
            models.Index(
                fields=["language", "status", "order", "title"], name="page_language_status_order"
            )
        ]
        # A translation has its English page's address, under its language's prefix.
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="page_slug_per_language")
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Render the text once here, not on every request, and link glossary words.

        One query loads every term, however many there are (`Term.objects.glossary`);
        `content/models/glossary.py` re-links pages when a term changes.
        """
        # Term is reached through the relation it declares (Term.pages): the
        # glossary's model module imports this one, never the other way.
        term_model = self._meta.get_field("terms").related_model
        if self.is_translation:  # a translation has its English page's address
            self.slug = Page.objects.filter(pk=self.translation_of_id).values("slug")[0]["slug"]
        used_terms = self.render(term_model.objects.glossary(self.language))
        if kwargs.get("update_fields") is not None and "body" in kwargs["update_fields"]:
            derived = {"body_html", "headings", "links", "anchors"}
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        before = self.pk and Page.objects.filter(pk=self.pk).values("slug", "status").first()
        super().save(*args, **kwargs)
        if not self.is_translation:  # old addresses are the English page's
            self._record_address_change(
                old_slug=before and before["slug"],
                was_published=bool(before) and before["status"] == self.Status.PUBLISHED,
            )
            if before and before["slug"] != self.slug:
                for other in self.translations.exclude(slug=self.slug):
                    other.save()  # its address follows
        self.terms.set(used_terms)
        if connection.vendor == "postgresql":
            Page.objects.filter(pk=self.pk).update(
                search_vector=search_vector(self.title, self.summary, self.body_html, self.language)
            )

    def _record_address_change(self, old_slug, was_published):
        """Keep a page's old address working after its slug changed.

        Redirects point at the page, not at an address, so a page moved twice
        sends both old addresses straight to the new one (no chains). A live
        page always wins: a redirect whose old address a page now uses is
        removed, which also means a page moved back has no loop.
        """
        PageRedirect.objects.filter(old_slug=self.slug).delete()
        if old_slug and old_slug != self.slug and was_published:
            PageRedirect.objects.update_or_create(old_slug=old_slug, defaults={"page": self})

    def get_absolute_url(self):
        # Under the language's own prefix (/fr/pages/…) for a translation. A
        # page loaded without its language (`.only()`) was read in this
        # request's language: no query for it.
        with translation.override(self.__dict__.get("language") or languages.current()):
            return reverse("content:page", kwargs={"slug": self.slug})

    def render(self, glossary=None):
        """Fill body_html, headings, links and anchors from body, and link the
        words of `glossary` (from Term.objects.glossary()) if one is given.

        Returns the ids of the terms linked. save() uses it; so do unsaved
        copies (the admin's checks, sign-off's guide check, the preview), which
        need the same headings and links the saved page will have.
        """
        self.body_html, used_terms = render_markdown(self.body), set()
        if glossary is not None:
            self.body_html, used_terms = link_terms(self.body_html, glossary, subject=self.title)
        self.headings = [list(pair) for pair in sections(self.body_html)]
        self.links = links.links_in(self.body_html)
        self.anchors = links.anchors_in(self.body_html)
        # Stored links keep the English addresses (above); readers of a
        # translation follow them within its language (/fr/pages/x/).
        self.body_html = localise_links(self.body_html, self.language)
        return used_terms

    def clean(self):
        errors = {}
        if self.last_reviewed and self.review_due and self.review_due <= self.last_reviewed:
            errors["review_due"] = "The next review must be due after the page was last reviewed."
        others = Page.objects.in_language(self.language).exclude(pk=self.pk)
        if self.slug and not self.is_translation and others.filter(slug=self.slug).exists():
            errors["slug"] = "Another page has this address. Choose another."
        try:
            html = render_markdown(self.body)
        except MarkdownError as error:
            errors["body"] = str(error)
            html = ""
        # Every heading level: `### X {#main-content}` would duplicate the page's own id.
        ids = heading_ids(html)
        # "word-…" ids belong to the words explained at the foot of the page.
        taken = {id_ for id_ in ids if id_ in RESERVED_IDS or id_.startswith(LINK_PREFIX)}
        twice = {id_ for id_ in ids if ids.count(id_) > 1}
        problems = [errors["body"]] if "body" in errors else []
        if taken:
            problems.append(
                f"The heading id {', '.join(sorted(taken))} is used by the site itself: "
                "choose another {#id}."
            )
        if twice:
            problems.append(
                f"Two headings have the id {', '.join(sorted(twice))}: links to it would "
                "find only the first. Give each heading its own {#id}."
            )
        if problems:
            errors["body"] = problems
        if errors:
            raise ValidationError(errors)

    @property
    def sections(self):
        return [tuple(pair) for pair in self.headings]

    @property
    def linked_slugs(self):
        """Slugs of the other pages of this site that this page links to, in order."""
        slugs = (links.Link.parse(stored).slug for stored in self.links)
        return [slug for slug in dict.fromkeys(slugs) if slug and slug != self.slug]

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def review_is_overdue(self, today=None):
        return self.review_due < (today or timezone.localdate())


# Pages whose vector is missing are indexed a batch at a time.
VECTOR_BATCH = 500


def fill_missing_search_vectors(page_model, using):
    """Fill the search vector of every page of `page_model` (the live model, or
    a migration state's) that has none, on PostgreSQL; returns how many.

    Data migrations write pages with historical models, which never run
    Page.save() (starting translations, a rewrite of the pages' words), and
    a migration that changes how pages are indexed empties every vector: so
    this runs after every migrate, whatever order the migrations ran in.
    """
    if connections[using].vendor != "postgresql":
        return 0
    pages = page_model._default_manager.using(using)
    # A database migrated only part of the way may not have languages yet.
    has_language = any(f.name == "language" for f in page_model._meta.get_fields())
    fields = ["pk", "title", "summary", "body_html"] + (["language"] if has_language else [])
    missing = pages.filter(search_vector__isnull=True).order_by("pk")
    filled = 0
    while rows := list(missing.values_list(*fields)[:VECTOR_BATCH]):
        for pk, title, summary, body_html, *language in rows:
            pages.filter(pk=pk).update(
                search_vector=search_vector(title, summary, body_html, *language)
            )
        filled += len(rows)
    return filled


def fill_search_vectors_after_migrate(sender, using="default", apps=None, **kwargs):
    """On PostgreSQL, pages written by data migrations get their search vector.
    Read through the migrated state's models (`apps`): the database may stand
    at any migration, not at today's models."""
    if apps is None:
        return
    try:
        page_model = apps.get_model("content", "Page")
    except LookupError:  # migrated back to before pages existed
        return
    if not any(f.name == "search_vector" for f in page_model._meta.get_fields()):
        return
    fill_missing_search_vectors(page_model, using)


class Source(models.Model):
    page = models.ForeignKey(Page, related_name="sources", on_delete=models.CASCADE)
    organisation = models.CharField(
        max_length=120, help_text="Who published it, e.g. National Cancer Institute."
    )
    title = models.CharField(max_length=200, help_text="The source's own title.")
    url = models.URLField("address", blank=True, help_text="Where parents can read it.")
    date = models.DateField(
        null=True,
        blank=True,
        help_text="When the source was published or last updated, if it says. Parents see "
        "it as 'dated'.",
    )
    accessed = models.DateField(
        "read on",
        null=True,
        blank=True,
        help_text="When we read the source to write the page. Parents see it as 'we read it "
        "on'. Useful for a web page that gives no date of its own.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.organisation}: {self.title}"


class PageRedirect(models.Model):
    """An old address of a published page, which now sends readers to the page.

    Made by Page.save when a published page's slug changes (see
    Page._record_address_change); followed by the page view with a permanent
    (301) redirect.
    """

    old_slug = models.SlugField(max_length=80, unique=True)
    page = models.ForeignKey(Page, related_name="old_addresses", on_delete=models.CASCADE)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        verbose_name = "old address"

    def __str__(self):
        return f"{links.Link(self.old_slug).address()} → {self.page.get_absolute_url()}"

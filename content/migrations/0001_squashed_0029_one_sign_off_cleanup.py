"""Migrations 0001-0029 squashed (`manage.py squashmigrations content 0029`).

A fresh database runs this one migration; a database that has run 0001-0029
(a `make run` database, a deployment) has it recorded as applied and runs
nothing (`replaces`). The old files stay until every deployment has migrated
past 0029 (docs/architecture.md, "Migrations").

The data steps of the old migrations that only patch existing rows are marked
elidable there and are left out here. The starting content is loaded by the
last step instead, which imports no code of the app: it reads the pages from
content/starting/pages/*.md and the rest (sources, glossary, guide, site-wide
texts) from its frozen copy, the JSON file next to this one, and renders with
a frozen copy of content.rendering. It also gives each row its first history
record, as 0015 did. After `migrate`, content/apps.py links the glossary's
words on every page and makes the roles, as it did after the old migrations.
"""

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import django.contrib.postgres.search
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import markdown
import markdownx.models
import nh3
import simple_history.models
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models

HERE = Path(__file__).resolve().parent
STARTING_PAGES = HERE.parent / "starting" / "pages"
FROZEN = HERE / "0001_squashed_0029_one_sign_off_cleanup.json"

# --- From 0012_search_index: the pages' search vector index (PostgreSQL only).
SEARCH_INDEX = "content_page_search_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON content_page USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")


# --- From 0024_trigram_extension: pg_trgm, for "Did you mean …?" on PostgreSQL.
class TrigramExtensionOnPostgres(TrigramExtension):
    # Django checks the database only going forwards: going back on SQLite
    # it would look for PostgreSQL's catalogue.
    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


# --- The starting content. Frozen copies of content.rendering.render_markdown,
# content.readability.plain_text and the derived fields (links, anchors,
# headings) as they were at 0029, so later changes there cannot change it.
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "strong",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    **{f"h{level}": {"id"} for level in range(2, 7)},
    "td": {"align"},
    "th": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote"}
_HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"')
_PAGE_PATH = re.compile(r"^/pages/([\w-]+)/?(?:#(.*))?$")
_SAME_PAGE = re.compile(r"^#(.+)$")
_ID = re.compile(r'\bid="([^"]+)"')
_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def render_markdown(text):
    md = markdown.Markdown(
        extensions=["toc", "tables", "attr_list", "sane_lists"],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return nh3.clean(
        md.convert(text or ""),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


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
    parser = _BlockText()
    parser.feed(html)
    lines = []
    for parts in parser.blocks:
        text = " ".join("".join(parts).split())
        if text:
            lines.append(text if text[-1] in ".!?:" else text + ".")
    return "\n".join(lines)


def links_in(html):
    found = []
    for href in _HREF.findall(html):
        page, same = _PAGE_PATH.match(href), _SAME_PAGE.match(href)
        if page:
            found.append(page.group(1) + (f"#{page.group(2)}" if page.group(2) else ""))
        elif same:
            found.append(f"#{same.group(1)}")
    return list(dict.fromkeys(found))


def search_vector(title, summary, body_html):
    def part(text, weight):
        value = models.Value(text, output_field=models.TextField())
        return SearchVector(value, weight=weight, config="english")

    return part(title, "A") + part(summary, "B") + part(plain_text(body_html), "C")


def read_page(path):
    _, header, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in header.strip().splitlines())
    )
    return {
        "slug": path.stem,
        "title": meta["title"],
        "summary": meta["summary"],
        "order": int(meta["order"]),
        "review_due": meta["review_due"],
        "sources": [key.strip() for key in meta["sources"].split(",")],
        "body": body.lstrip("\n"),
    }


def load_starting_content(apps, schema_editor):
    """The pages, glossary, guide and site-wide texts of a fresh database, as
    0001-0029 left them: published, unchecked, every glossary word published."""
    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))
    Page = apps.get_model("content", "Page")
    Source = apps.get_model("content", "Source")
    pages = {}
    for path in sorted(STARTING_PAGES.glob("*.md")):
        data = read_page(path)
        keys = data.pop("sources")
        html = render_markdown(data["body"])
        page = Page.objects.create(
            **data,
            status="published",
            body_html=html,
            links=links_in(html),
            anchors=list(dict.fromkeys(_ID.findall(html))),
            headings=[[i, unescape(_TAG.sub("", t)).strip()] for i, t in _H2.findall(html)],
        )
        if schema_editor.connection.vendor == "postgresql":
            Page.objects.filter(pk=page.pk).update(
                search_vector=search_vector(page.title, page.summary, html)
            )
        for order, key in enumerate(keys):
            source = {k: v or None if k in ("date", "accessed") else v
                      for k, v in frozen["sources"][key].items()}  # fmt: skip
            Source.objects.create(page=page, order=order, **source)
        pages[page.slug] = page

    Term = apps.get_model("content", "Term")
    Term.objects.bulk_create(
        Term(**{**term, "other_names": "\n".join(term["other_names"])}, published=True)
        for term in frozen["terms"]
    )

    Question = apps.get_model("content", "Question")
    Answer = apps.get_model("content", "Answer")
    questions = {
        data["key"]: Question.objects.create(**{k: v for k, v in data.items() if k != "answers"})
        for data in frozen["questions"]
    }
    guide = []
    for data in frozen["questions"]:
        answers = []
        for order, answer in enumerate(data["answers"]):
            answer = dict(answer)
            next_key, slug = answer.pop("next_question", None), answer.pop("page", None)
            row = Answer.objects.create(
                question=questions[data["key"]],
                order=order,
                next_question=questions[next_key] if next_key else None,
                page=pages[slug] if slug else None,
                **answer,
            )
            answers.append(
                {
                    **{name: getattr(row, name) for name in ANSWER_FIELDS},
                    "next_question": next_key,
                    "page": slug,
                    "page_id": row.page_id,
                }
            )
        guide.append(
            {**{name: getattr(questions[data["key"]], name) for name in QUESTION_FIELDS},
             "answers": answers}
        )  # fmt: skip
    apps.get_model("content", "Guide").objects.create(questions=normalise(guide))

    texts = frozen["site_text"]
    apps.get_model("content", "SiteText").objects.create(
        **texts, **{f"{name}_html": render_markdown(texts[name]) for name in TEXTS}
    )
    first_history_records(apps)


def first_history_records(apps):
    """Each row's first history record, as 0015 gave the starting content: the
    versions the admin lists start from what the site first held.

    The glossary's records say `published` False, as the old ones do: 0015 made
    them before 0027 added the column, whose default filled them. Their
    body_html is the page's without glossary links (content/apps.py links the
    live pages after `migrate`); history is read from the body, never from it.
    """
    now = django.utils.timezone.now()
    as_recorded = {"Term": {"published": False}}
    for name in ["Page", "Source", "Question", "Answer", "SiteText", "Term"]:
        model = apps.get_model("content", name)
        historical = apps.get_model("content", f"Historical{name}")
        kept = {f.attname for f in historical._meta.concrete_fields}
        fields = [f.attname for f in model._meta.concrete_fields if f.attname in kept]
        historical.objects.bulk_create(
            historical(
                **{**{f: getattr(row, f) for f in fields}, **as_recorded.get(name, {})},
                history_date=now,
                history_type="+",
                history_change_reason="As it was when history began",
            )
            for row in model.objects.all()
        )


TEXTS = ("worried_now", "about", "contact")
QUESTION_FIELDS = ("key", "text", "hint", "summary_label", "error_message")
ANSWER_FIELDS = ("key", "label", "hint", "is_unsure", "section", "reason", "result_note")


def normalise(value):
    # As 0028 stored the guide: text with \n line ends, stripped.
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value


class Migration(migrations.Migration):
    replaces = [
        ("content", "0001_initial"),
        ("content", "0002_starting_pages"),
        ("content", "0003_guide"),
        ("content", "0004_starting_guide"),
        ("content", "0005_page_revisions"),
        ("content", "0006_slug_help_text"),
        ("content", "0007_review_state"),
        ("content", "0008_source_accessed_site_text"),
        ("content", "0009_update_starting_content"),
        ("content", "0010_page_links_and_old_addresses"),
        ("content", "0011_glossary_and_search"),
        ("content", "0012_search_index"),
        ("content", "0013_starting_glossary"),
        ("content", "0014_history_and_sign_off"),
        ("content", "0015_page_revisions_into_history"),
        ("content", "0016_remove_pagerevision"),
        ("content", "0017_roles"),
        ("content", "0018_page_body_limit"),
        ("content", "0019_historicalpage_body_limit"),
        ("content", "0020_page_related_and_feedback"),
        ("content", "0021_page_headings"),
        ("content", "0022_content_version"),
        ("content", "0023_stem_cell_wording"),
        ("content", "0024_trigram_extension"),
        ("content", "0025_worried_now_warning_signs"),
        ("content", "0026_parent_first_wording"),
        ("content", "0027_one_sign_off"),
        ("content", "0028_one_sign_off_data"),
        ("content", "0029_one_sign_off_cleanup"),
    ]

    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Page",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="The page's only top-level heading. Say plainly what the page is about.",
                        max_length=120,
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="The page's address: /pages/this-slug/. Fills itself from the title. Changing it breaks bookmarks and links, so avoid that once a page is published.",
                        max_length=80,
                        unique=True,
                    ),
                ),
                (
                    "summary",
                    models.CharField(
                        help_text="One or two short sentences. Parents see this in the page list, the guide's result and search results, so say who the page is for.",
                        max_length=240,
                    ),
                ),
                (
                    "body",
                    markdownx.models.MarkdownxField(
                        help_text="Markdown. Start sections with ## (the title is the page's only # heading). Give a section a fixed id with {#id} after its heading when other pages or the guide link to it. Keep to reading grade 8: short sentences, plain words, and explain each medical word the first time. End with the questions parents may want to ask. Raw HTML is shown as text."
                    ),
                ),
                ("body_html", models.TextField(blank=True, editable=False)),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("published", "Published")],
                        default="draft",
                        help_text="Only published pages are shown to the public. Staff can preview drafts.",
                        max_length=10,
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Pages are listed from the lowest number up."
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(
                        blank=True,
                        help_text="Set when a medical reviewer signs the page off. Parents see this date.",
                        null=True,
                        verbose_name="page last reviewed",
                    ),
                ),
                (
                    "review_due",
                    models.DateField(
                        help_text="Parents see this date. Spread review dates across pages: when every page shares one date, reviews get skipped.",
                        verbose_name="next review due",
                    ),
                ),
                ("created", models.DateTimeField(auto_now_add=True)),
                ("updated", models.DateTimeField(auto_now=True)),
                (
                    "checked_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="When a medical reviewer last signed off the version parents see.",
                        null=True,
                        verbose_name="checked by a clinician at",
                    ),
                ),
                (
                    "checked_by_role",
                    models.CharField(
                        blank=True,
                        help_text="The role parents see beside the date, e.g. 'Medical reviewer'.",
                        max_length=80,
                        verbose_name="checked by (role)",
                    ),
                ),
                ("anchors", models.JSONField(blank=True, default=list, editable=False)),
                ("links", models.JSONField(blank=True, default=list, editable=False)),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
            ],
            options={
                "ordering": ["order", "title"],
            },
        ),
        migrations.CreateModel(
            name="Question",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "key",
                    models.SlugField(
                        help_text="Short name used in the guide's addresses, e.g. 'where'. Changing it breaks bookmarked results.",
                        max_length=40,
                        unique=True,
                    ),
                ),
                (
                    "text",
                    models.CharField(
                        help_text="The question, as the heading of its page. Ask one thing.",
                        max_length=200,
                    ),
                ),
                (
                    "hint",
                    models.TextField(
                        blank=True, help_text="Shown under the question. Help the parent answer it."
                    ),
                ),
                (
                    "summary_label",
                    models.CharField(
                        help_text="A short name for the answer on 'Check your answers', e.g. 'Where it has come back'.",
                        max_length=80,
                    ),
                ),
                (
                    "error_message",
                    models.CharField(
                        help_text="Shown when Continue is pressed with nothing chosen. Say what to do: 'Select where the neuroblastoma has come back'.",
                        max_length=200,
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                "ordering": ["order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="SiteText",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "organisation_name",
                    models.CharField(
                        blank=True,
                        help_text="Who runs this site, as parents should see it. Leave empty until it is decided: the About page then says plainly that no name has been set.",
                        max_length=120,
                        verbose_name="organisation's name",
                    ),
                ),
                (
                    "worried_now",
                    markdownx.models.MarkdownxField(
                        help_text="Shown near the top of every page and of the guide's result. Say calmly what to do now, in the imperative. Only give a phone number your organisation is sure is right for every parent who reads the site.",
                        verbose_name='"If you are worried right now" box',
                    ),
                ),
                ("worried_now_html", models.TextField(blank=True, editable=False)),
                (
                    "about",
                    markdownx.models.MarkdownxField(
                        help_text="The About page's text: how pages are written and reviewed, and what the site does with data. The organisation's name, the sources and the contact details are added to the page around it. Start sections with ##.",
                        verbose_name="About this site",
                    ),
                ),
                ("about_html", models.TextField(blank=True, editable=False)),
                (
                    "contact",
                    markdownx.models.MarkdownxField(
                        blank=True,
                        help_text="An email address, a postal address or a form's address. Leave empty until you have one: the About page then says so.",
                        verbose_name="how to contact the organisation",
                    ),
                ),
                ("contact_html", models.TextField(blank=True, editable=False)),
                ("updated", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "site-wide texts",
                "verbose_name_plural": "site-wide texts",
            },
        ),
        migrations.CreateModel(
            name="Source",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "organisation",
                    models.CharField(
                        help_text="Who published it, e.g. National Cancer Institute.",
                        max_length=120,
                    ),
                ),
                ("title", models.CharField(help_text="The source's own title.", max_length=200)),
                (
                    "url",
                    models.URLField(
                        blank=True, help_text="Where parents can read it.", verbose_name="address"
                    ),
                ),
                (
                    "date",
                    models.DateField(
                        blank=True,
                        help_text="When the source was published or last updated, if it says. Parents see it as 'dated'.",
                        null=True,
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sources",
                        to="content.page",
                    ),
                ),
                (
                    "accessed",
                    models.DateField(
                        blank=True,
                        help_text="When we read the source to write the page. Parents see it as 'we read it on'. Useful for a web page that gives no date of its own.",
                        null=True,
                        verbose_name="read on",
                    ),
                ),
            ],
            options={
                "ordering": ["order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalSiteText",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "organisation_name",
                    models.CharField(
                        blank=True,
                        help_text="Who runs this site, as parents should see it. Leave empty until it is decided: the About page then says plainly that no name has been set.",
                        max_length=120,
                        verbose_name="organisation's name",
                    ),
                ),
                (
                    "worried_now",
                    markdownx.models.MarkdownxField(
                        help_text="Shown near the top of every page and of the guide's result. Say calmly what to do now, in the imperative. Only give a phone number your organisation is sure is right for every parent who reads the site.",
                        verbose_name='"If you are worried right now" box',
                    ),
                ),
                ("worried_now_html", models.TextField(blank=True, editable=False)),
                (
                    "about",
                    markdownx.models.MarkdownxField(
                        help_text="The About page's text: how pages are written and reviewed, and what the site does with data. The organisation's name, the sources and the contact details are added to the page around it. Start sections with ##.",
                        verbose_name="About this site",
                    ),
                ),
                ("about_html", models.TextField(blank=True, editable=False)),
                (
                    "contact",
                    markdownx.models.MarkdownxField(
                        blank=True,
                        help_text="An email address, a postal address or a form's address. Leave empty until you have one: the About page then says so.",
                        verbose_name="how to contact the organisation",
                    ),
                ),
                ("contact_html", models.TextField(blank=True, editable=False)),
                ("updated", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical site-wide texts",
                "verbose_name_plural": "historical site-wide texts",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PageRevision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=120)),
                ("summary", models.CharField(max_length=240)),
                ("body", models.TextField()),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("published", "Published")], max_length=10
                    ),
                ),
                ("saved_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revisions",
                        to="content.page",
                    ),
                ),
                (
                    "saved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "earlier version",
                "ordering": ["-saved_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="PageRedirect",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("old_slug", models.SlugField(max_length=80, unique=True)),
                ("created", models.DateTimeField(auto_now_add=True)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="old_addresses",
                        to="content.page",
                    ),
                ),
            ],
            options={
                "verbose_name": "old address",
                "ordering": ["old_slug"],
            },
        ),
        migrations.CreateModel(
            name="Answer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "key",
                    models.SlugField(
                        help_text="Short name used in the guide's addresses, e.g. 'one-place'.",
                        max_length=40,
                    ),
                ),
                ("label", models.CharField(max_length=120)),
                (
                    "hint",
                    models.CharField(
                        blank=True, help_text="Shown under the answer.", max_length=240
                    ),
                ),
                (
                    "is_unsure",
                    models.BooleanField(
                        default=False,
                        help_text="Shown last, after 'or'. Every question needs one; use its hint to say how to find out.",
                        verbose_name='is the "I\'m not sure" answer',
                    ),
                ),
                (
                    "section",
                    models.SlugField(
                        blank=True,
                        help_text="Optional id of a section ({#id} in the page's text) to open the page at. On an answer that leads to another question, it is used when the later answer names no section of its own.",
                        max_length=80,
                    ),
                ),
                (
                    "reason",
                    models.CharField(
                        help_text="Completes 'Because you said …' on the result, e.g. 'it has come back in one place'.",
                        max_length=200,
                    ),
                ),
                (
                    "result_note",
                    models.TextField(
                        blank=True,
                        help_text="Optional advice shown on the result when this answer was given.",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "page",
                    models.ForeignKey(
                        blank=True,
                        help_text="The page this answer leads to. Leave empty when it leads to a question.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="guide_answers",
                        to="content.page",
                    ),
                ),
                (
                    "next_question",
                    models.ForeignKey(
                        blank=True,
                        help_text="Ask this question next. Leave empty when the answer leads to a page.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="leads_from",
                        to="content.question",
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="content.question",
                    ),
                ),
            ],
            options={
                "ordering": ["order", "pk"],
                "constraints": [
                    models.UniqueConstraint(fields=("question", "key"), name="unique_answer_key")
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalTerm",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "term",
                    models.CharField(
                        db_index=True,
                        help_text="The word as parents meet it on the pages, e.g. 'bone marrow'.",
                        max_length=80,
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="Its address in the glossary: /glossary/#this-slug. Fills itself from the term.",
                        max_length=80,
                    ),
                ),
                (
                    "definition",
                    models.TextField(
                        help_text="One or two short sentences, in our own words, at reading grade 8 or lower. Never copy the source's sentences. Parents read this in the middle of a page."
                    ),
                ),
                (
                    "other_names",
                    models.TextField(
                        blank=True,
                        help_text="Other names it goes by, one a line (e.g. 'dinutuximab' for ch14.18). Pages link these too.",
                    ),
                ),
                (
                    "source_name",
                    models.CharField(
                        default="NCI Dictionary of Cancer Terms",
                        help_text="The source this explanation is based on. Parents see it in the glossary.",
                        max_length=200,
                        verbose_name="based on",
                    ),
                ),
                (
                    "source_url",
                    models.URLField(
                        blank=True,
                        default="https://www.cancer.gov/publications/dictionaries/cancer-terms",
                        help_text="Where it can be read.",
                        verbose_name="source address",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical term",
                "verbose_name_plural": "historical terms",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Term",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "term",
                    models.CharField(
                        help_text="The word as parents meet it on the pages, e.g. 'bone marrow'.",
                        max_length=80,
                        unique=True,
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="Its address in the glossary: /glossary/#this-slug. Fills itself from the term.",
                        max_length=80,
                        unique=True,
                    ),
                ),
                (
                    "definition",
                    models.TextField(
                        help_text="One or two short sentences, in our own words, at reading grade 8 or lower. Never copy the source's sentences. Parents read this in the middle of a page."
                    ),
                ),
                (
                    "other_names",
                    models.TextField(
                        blank=True,
                        help_text="Other names it goes by, one a line (e.g. 'dinutuximab' for ch14.18). Pages link these too.",
                    ),
                ),
                (
                    "source_name",
                    models.CharField(
                        default="NCI Dictionary of Cancer Terms",
                        help_text="The source this explanation is based on. Parents see it in the glossary.",
                        max_length=200,
                        verbose_name="based on",
                    ),
                ),
                (
                    "source_url",
                    models.URLField(
                        blank=True,
                        default="https://www.cancer.gov/publications/dictionaries/cancer-terms",
                        help_text="Where it can be read.",
                        verbose_name="source address",
                    ),
                ),
                (
                    "pages",
                    models.ManyToManyField(
                        blank=True,
                        editable=False,
                        help_text="Pages that link this term. Kept up to date when pages or terms are saved.",
                        related_name="terms",
                        to="content.page",
                    ),
                ),
            ],
            options={
                "ordering": ["term"],
            },
        ),
        migrations.RunPython(code=create_index, reverse_code=drop_index),
        migrations.AlterModelOptions(
            name="page",
            options={
                "ordering": ["order", "title"],
                "permissions": [("sign_off_page", "Can sign off and publish pages")],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPageChange",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=120)),
                ("summary", models.CharField(max_length=240)),
                ("body", models.TextField()),
                ("sources", models.JSONField(blank=True, default=list)),
                (
                    "state",
                    models.CharField(
                        choices=[("waiting", "Waiting for sign-off"), ("sent_back", "Sent back")],
                        default="waiting",
                        max_length=10,
                    ),
                ),
                ("saved_at", models.DateTimeField()),
                ("reviewer_comment", models.TextField(blank=True)),
                ("commented_at", models.DateTimeField(blank=True, null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "commented_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="content.page",
                    ),
                ),
                (
                    "saved_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical change waiting for sign-off",
                "verbose_name_plural": "historical changes waiting for sign-off",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalQuestion",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "key",
                    models.SlugField(
                        help_text="Short name used in the guide's addresses, e.g. 'where'. Changing it breaks bookmarked results.",
                        max_length=40,
                    ),
                ),
                (
                    "text",
                    models.CharField(
                        help_text="The question, as the heading of its page. Ask one thing.",
                        max_length=200,
                    ),
                ),
                (
                    "hint",
                    models.TextField(
                        blank=True, help_text="Shown under the question. Help the parent answer it."
                    ),
                ),
                (
                    "summary_label",
                    models.CharField(
                        help_text="A short name for the answer on 'Check your answers', e.g. 'Where it has come back'.",
                        max_length=80,
                    ),
                ),
                (
                    "error_message",
                    models.CharField(
                        help_text="Shown when Continue is pressed with nothing chosen. Say what to do: 'Select where the neuroblastoma has come back'.",
                        max_length=200,
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical question",
                "verbose_name_plural": "historical questions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSource",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "organisation",
                    models.CharField(
                        help_text="Who published it, e.g. National Cancer Institute.",
                        max_length=120,
                    ),
                ),
                ("title", models.CharField(help_text="The source's own title.", max_length=200)),
                (
                    "url",
                    models.URLField(
                        blank=True, help_text="Where parents can read it.", verbose_name="address"
                    ),
                ),
                (
                    "date",
                    models.DateField(
                        blank=True,
                        help_text="When the source was published or last updated, if it says. Parents see it as 'dated'.",
                        null=True,
                    ),
                ),
                (
                    "accessed",
                    models.DateField(
                        blank=True,
                        help_text="When we read the source to write the page. Parents see it as 'we read it on'. Useful for a web page that gives no date of its own.",
                        null=True,
                        verbose_name="read on",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="content.page",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical source",
                "verbose_name_plural": "historical sources",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PageChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=120)),
                ("summary", models.CharField(max_length=240)),
                ("body", models.TextField()),
                ("sources", models.JSONField(blank=True, default=list)),
                (
                    "state",
                    models.CharField(
                        choices=[("waiting", "Waiting for sign-off"), ("sent_back", "Sent back")],
                        default="waiting",
                        max_length=10,
                    ),
                ),
                ("saved_at", models.DateTimeField()),
                ("reviewer_comment", models.TextField(blank=True)),
                ("commented_at", models.DateTimeField(blank=True, null=True)),
                (
                    "commented_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="waiting_change",
                        to="content.page",
                    ),
                ),
                (
                    "saved_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "change waiting for sign-off",
                "verbose_name_plural": "changes waiting for sign-off",
                "ordering": ["saved_at"],
            },
        ),
        migrations.CreateModel(
            name="ReviewDecision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "decision",
                    models.CharField(
                        choices=[
                            ("signed_off", "Signed off and published"),
                            ("sent_back", "Sent back to the editor"),
                            ("restored", "Restored an earlier version and published it"),
                            ("unpublished", "Unpublished"),
                        ],
                        max_length=12,
                    ),
                ),
                ("decided_by_name", models.CharField(max_length=150, verbose_name="name")),
                ("role", models.CharField(max_length=80)),
                ("decided_at", models.DateTimeField()),
                ("comment", models.TextField(blank=True)),
                (
                    "override_reason",
                    models.TextField(
                        blank=True,
                        help_text="Why a superuser signed off a change they made themselves.",
                    ),
                ),
                ("title", models.CharField(max_length=120, verbose_name="page title at the time")),
                (
                    "decided_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="decisions",
                        to="content.page",
                    ),
                ),
            ],
            options={
                "verbose_name": "review decision",
                "ordering": ["-decided_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAnswer",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "key",
                    models.SlugField(
                        help_text="Short name used in the guide's addresses, e.g. 'one-place'.",
                        max_length=40,
                    ),
                ),
                ("label", models.CharField(max_length=120)),
                (
                    "hint",
                    models.CharField(
                        blank=True, help_text="Shown under the answer.", max_length=240
                    ),
                ),
                (
                    "is_unsure",
                    models.BooleanField(
                        default=False,
                        help_text="Shown last, after 'or'. Every question needs one; use its hint to say how to find out.",
                        verbose_name='is the "I\'m not sure" answer',
                    ),
                ),
                (
                    "section",
                    models.SlugField(
                        blank=True,
                        help_text="Optional id of a section ({#id} in the page's text) to open the page at. On an answer that leads to another question, it is used when the later answer names no section of its own.",
                        max_length=80,
                    ),
                ),
                (
                    "reason",
                    models.CharField(
                        help_text="Completes 'Because you said …' on the result, e.g. 'it has come back in one place'.",
                        max_length=200,
                    ),
                ),
                (
                    "result_note",
                    models.TextField(
                        blank=True,
                        help_text="Optional advice shown on the result when this answer was given.",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "next_question",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Ask this question next. Leave empty when the answer leads to a page.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="content.question",
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The page this answer leads to. Leave empty when it leads to a question.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="content.page",
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="content.question",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical answer",
                "verbose_name_plural": "historical answers",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPage",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="The page's only top-level heading. Say plainly what the page is about.",
                        max_length=120,
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="The page's address: /pages/this-slug/. Fills itself from the title. Changing it breaks bookmarks and links, so avoid that once a page is published.",
                        max_length=80,
                    ),
                ),
                (
                    "summary",
                    models.CharField(
                        help_text="One or two short sentences. Parents see this in the page list, the guide's result and search results, so say who the page is for.",
                        max_length=240,
                    ),
                ),
                (
                    "body",
                    markdownx.models.MarkdownxField(
                        help_text="Markdown. Start sections with ## (the title is the page's only # heading). Give a section a fixed id with {#id} after its heading when other pages or the guide link to it. Keep to reading grade 8: short sentences, plain words, and explain each medical word the first time. End with the questions parents may want to ask. Raw HTML is shown as text. At most 100,000 characters, and lists or quotes at most 20 levels deep.",
                        max_length=100000,
                        validators=[django.core.validators.MaxLengthValidator(100000)],
                    ),
                ),
                ("body_html", models.TextField(blank=True, editable=False)),
                ("links", models.JSONField(blank=True, default=list, editable=False)),
                ("anchors", models.JSONField(blank=True, default=list, editable=False)),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("published", "Published")],
                        default="draft",
                        help_text="Only published pages are shown to the public. Staff can preview drafts.",
                        max_length=10,
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Pages are listed from the lowest number up."
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(
                        blank=True,
                        help_text="Set when a medical reviewer signs the page off. Parents see this date.",
                        null=True,
                        verbose_name="page last reviewed",
                    ),
                ),
                (
                    "checked_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="When a medical reviewer last signed off the version parents see.",
                        null=True,
                        verbose_name="checked by a clinician at",
                    ),
                ),
                (
                    "checked_by_role",
                    models.CharField(
                        blank=True,
                        help_text="The role parents see beside the date, e.g. 'Medical reviewer'.",
                        max_length=80,
                        verbose_name="checked by (role)",
                    ),
                ),
                (
                    "review_due",
                    models.DateField(
                        help_text="Parents see this date. Spread review dates across pages: when every page shares one date, reviews get skipped.",
                        verbose_name="next review due",
                    ),
                ),
                ("created", models.DateTimeField(blank=True, editable=False)),
                ("updated", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical page",
                "verbose_name_plural": "historical pages",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.DeleteModel(
            name="PageRevision",
        ),
        migrations.AlterField(
            model_name="page",
            name="body",
            field=markdownx.models.MarkdownxField(
                help_text="Markdown. Start sections with ## (the title is the page's only # heading). Give a section a fixed id with {#id} after its heading when other pages or the guide link to it. Keep to reading grade 8: short sentences, plain words, and explain each medical word the first time. End with the questions parents may want to ask. Raw HTML is shown as text. At most 100,000 characters, and lists or quotes at most 20 levels deep.",
                max_length=100000,
                validators=[django.core.validators.MaxLengthValidator(100000)],
            ),
        ),
        migrations.CreateModel(
            name="Feedback",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "where",
                    models.CharField(
                        choices=[
                            ("page", "The page"),
                            ("guide-result", "The guide's result for this page"),
                        ],
                        default="page",
                        max_length=20,
                        verbose_name="asked on",
                    ),
                ),
                ("helpful", models.BooleanField(verbose_name="was it helpful?")),
                ("comment", models.TextField(blank=True)),
                (
                    "created",
                    models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="sent"),
                ),
                (
                    "dealt_with",
                    models.BooleanField(
                        default=False,
                        help_text="Tick when an editor has read this and done what it needs.",
                    ),
                ),
            ],
            options={
                "verbose_name": "feedback",
                "verbose_name_plural": "feedback",
                "ordering": ["-created", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="page",
            name="related",
            field=models.ManyToManyField(
                blank=True,
                help_text="Pages parents see under 'Related pages'. Leave empty to list the pages this page links to. Drafts are never shown.",
                related_name="+",
                to="content.page",
                verbose_name="related pages",
            ),
        ),
        migrations.AddIndex(
            model_name="page",
            index=models.Index(fields=["status", "order", "title"], name="page_status_order"),
        ),
        migrations.AddField(
            model_name="page",
            name="headings",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=32)),
            ],
            options={
                "verbose_name": "content version",
            },
        ),
        migrations.AddField(
            model_name="feedback",
            name="page",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="feedback",
                to="content.page",
            ),
        ),
        TrigramExtensionOnPostgres(),
        migrations.AlterField(
            model_name="historicalsitetext",
            name="worried_now",
            field=markdownx.models.MarkdownxField(
                help_text="Shown near the top of every public page, as a box that opens. Say calmly what to do now, in the imperative: the warning signs (a fever above all, with no temperature), what to do with no 24-hour number or no answer, and what is an emergency. Only give a phone number your organisation is sure is right for every parent who reads the site. Its source: the site's two sources do not cover these signs, and no guide is named yet. A clinician checks this text against a named \"when to call\" guide (the treatment centre's own, or a national children's cancer body's), and the About page's section on this box names it.",
                verbose_name='"If you are worried right now" box',
            ),
        ),
        migrations.AlterField(
            model_name="sitetext",
            name="worried_now",
            field=markdownx.models.MarkdownxField(
                help_text="Shown near the top of every public page, as a box that opens. Say calmly what to do now, in the imperative: the warning signs (a fever above all, with no temperature), what to do with no 24-hour number or no answer, and what is an emergency. Only give a phone number your organisation is sure is right for every parent who reads the site. Its source: the site's two sources do not cover these signs, and no guide is named yet. A clinician checks this text against a named \"when to call\" guide (the treatment centre's own, or a national children's cancer body's), and the About page's section on this box names it.",
                verbose_name='"If you are worried right now" box',
            ),
        ),
        migrations.CreateModel(
            name="Change",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveIntegerField()),
                ("title", models.CharField(max_length=200)),
                ("data", models.JSONField(default=dict)),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("draft", "Draft: not yet submitted"),
                            ("submitted", "Waiting for sign-off"),
                            ("sent_back", "Sent back"),
                        ],
                        default="draft",
                        max_length=10,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1)),
                ("authors", models.JSONField(default=list)),
                ("saved_at", models.DateTimeField()),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("reviewer_comment", models.TextField(blank=True)),
                ("commented_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "verbose_name": "change waiting for sign-off",
                "verbose_name_plural": "changes waiting for sign-off",
                "ordering": ["saved_at"],
            },
        ),
        migrations.CreateModel(
            name="Guide",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "checked_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="When a medical reviewer last signed off the version parents see.",
                        null=True,
                        verbose_name="checked by a clinician at",
                    ),
                ),
                (
                    "checked_by_role",
                    models.CharField(
                        blank=True,
                        help_text="The role parents see beside the date, e.g. 'Medical reviewer'.",
                        max_length=80,
                        verbose_name="checked by (role)",
                    ),
                ),
                ("text_authors", models.JSONField(blank=True, default=list, editable=False)),
                ("questions", models.JSONField(default=list)),
                ("updated", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "guide",
                "verbose_name_plural": "guide",
            },
        ),
        migrations.CreateModel(
            name="HistoricalChange",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveIntegerField()),
                ("title", models.CharField(max_length=200)),
                ("data", models.JSONField(default=dict)),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("draft", "Draft: not yet submitted"),
                            ("submitted", "Waiting for sign-off"),
                            ("sent_back", "Sent back"),
                        ],
                        default="draft",
                        max_length=10,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1)),
                ("authors", models.JSONField(default=list)),
                ("saved_at", models.DateTimeField()),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("reviewer_comment", models.TextField(blank=True)),
                ("commented_at", models.DateTimeField(blank=True, null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical change waiting for sign-off",
                "verbose_name_plural": "historical changes waiting for sign-off",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalGuide",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "checked_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="When a medical reviewer last signed off the version parents see.",
                        null=True,
                        verbose_name="checked by a clinician at",
                    ),
                ),
                (
                    "checked_by_role",
                    models.CharField(
                        blank=True,
                        help_text="The role parents see beside the date, e.g. 'Medical reviewer'.",
                        max_length=80,
                        verbose_name="checked by (role)",
                    ),
                ),
                ("text_authors", models.JSONField(blank=True, default=list, editable=False)),
                ("questions", models.JSONField(default=list)),
                ("updated", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical guide",
                "verbose_name_plural": "historical guide",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalpage",
            name="text_authors",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AddField(
            model_name="historicalsitetext",
            name="checked_at",
            field=models.DateTimeField(
                blank=True,
                help_text="When a medical reviewer last signed off the version parents see.",
                null=True,
                verbose_name="checked by a clinician at",
            ),
        ),
        migrations.AddField(
            model_name="historicalsitetext",
            name="checked_by_role",
            field=models.CharField(
                blank=True,
                help_text="The role parents see beside the date, e.g. 'Medical reviewer'.",
                max_length=80,
                verbose_name="checked by (role)",
            ),
        ),
        migrations.AddField(
            model_name="historicalsitetext",
            name="text_authors",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AddField(
            model_name="historicalterm",
            name="checked_at",
            field=models.DateTimeField(
                blank=True,
                help_text="When a medical reviewer last signed off the version parents see.",
                null=True,
                verbose_name="checked by a clinician at",
            ),
        ),
        migrations.AddField(
            model_name="historicalterm",
            name="checked_by_role",
            field=models.CharField(
                blank=True,
                help_text="The role parents see beside the date, e.g. 'Medical reviewer'.",
                max_length=80,
                verbose_name="checked by (role)",
            ),
        ),
        migrations.AddField(
            model_name="historicalterm",
            name="published",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="Set when a medical reviewer signs the new term off.",
            ),
        ),
        migrations.AddField(
            model_name="historicalterm",
            name="text_authors",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AddField(
            model_name="page",
            name="text_authors",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AddField(
            model_name="reviewdecision",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AddField(
            model_name="reviewdecision",
            name="object_id",
            field=models.PositiveIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="sitetext",
            name="checked_at",
            field=models.DateTimeField(
                blank=True,
                help_text="When a medical reviewer last signed off the version parents see.",
                null=True,
                verbose_name="checked by a clinician at",
            ),
        ),
        migrations.AddField(
            model_name="sitetext",
            name="checked_by_role",
            field=models.CharField(
                blank=True,
                help_text="The role parents see beside the date, e.g. 'Medical reviewer'.",
                max_length=80,
                verbose_name="checked by (role)",
            ),
        ),
        migrations.AddField(
            model_name="sitetext",
            name="text_authors",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AddField(
            model_name="term",
            name="checked_at",
            field=models.DateTimeField(
                blank=True,
                help_text="When a medical reviewer last signed off the version parents see.",
                null=True,
                verbose_name="checked by a clinician at",
            ),
        ),
        migrations.AddField(
            model_name="term",
            name="checked_by_role",
            field=models.CharField(
                blank=True,
                help_text="The role parents see beside the date, e.g. 'Medical reviewer'.",
                max_length=80,
                verbose_name="checked by (role)",
            ),
        ),
        migrations.AddField(
            model_name="term",
            name="published",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="Set when a medical reviewer signs the new term off.",
            ),
        ),
        migrations.AddField(
            model_name="term",
            name="text_authors",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AlterField(
            model_name="historicalpage",
            name="slug",
            field=models.SlugField(
                help_text="The page's address: /pages/this-slug/. Fills itself from the title. On a published page a new address waits for sign-off like the text; once it is live, the old address sends readers to the new one.",
                max_length=80,
            ),
        ),
        migrations.AlterField(
            model_name="page",
            name="slug",
            field=models.SlugField(
                help_text="The page's address: /pages/this-slug/. Fills itself from the title. On a published page a new address waits for sign-off like the text; once it is live, the old address sends readers to the new one.",
                max_length=80,
                unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="reviewdecision",
            name="title",
            field=models.CharField(max_length=200, verbose_name="title at the time"),
        ),
        migrations.AddIndex(
            model_name="reviewdecision",
            index=models.Index(fields=["content_type", "object_id"], name="decision_item"),
        ),
        migrations.AddField(
            model_name="change",
            name="commented_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="change",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"
            ),
        ),
        migrations.AddField(
            model_name="change",
            name="saved_by",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalchange",
            name="commented_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalchange",
            name="content_type",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AddField(
            model_name="historicalchange",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalchange",
            name="saved_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalguide",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddConstraint(
            model_name="change",
            constraint=models.UniqueConstraint(
                fields=("content_type", "object_id"), name="one_change_per_item"
            ),
        ),
        migrations.RemoveField(
            model_name="pagechange",
            name="commented_by",
        ),
        migrations.RemoveField(
            model_name="pagechange",
            name="page",
        ),
        migrations.RemoveField(
            model_name="pagechange",
            name="saved_by",
        ),
        migrations.RemoveField(
            model_name="reviewdecision",
            name="page",
        ),
        migrations.DeleteModel(
            name="HistoricalPageChange",
        ),
        migrations.DeleteModel(
            name="PageChange",
        ),
        migrations.AlterField(
            model_name="reviewdecision",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"
            ),
        ),
        migrations.AlterField(
            model_name="reviewdecision",
            name="object_id",
            field=models.PositiveIntegerField(),
        ),
        migrations.RunPython(load_starting_content, migrations.RunPython.noop),
    ]

"""SQLite's full-text index of the pages (FTS5), for search on SQLite.

PostgreSQL keeps its own indexed search vector (`Page.search_vector`). SQLite
has no such column type, and scoring every page with LIKE cost time in step
with the number of pages (3 times as long at 10,000 pages as at 6). An FTS5
table finds the matching pages from an inverted index instead, and ranks them
with bm25, weighted like PostgreSQL's: title, then summary, then text.

The index holds no copy of the text (`content=`): triggers keep it in step
with every insert, update and delete of a page, however it is made (a save in
the admin, a data migration, bulk_create). The table and its triggers are
made after every `migrate` rather than in a migration, because SQLite rebuilds
a table to change it and a rebuilt table loses its triggers. They are
compared with the definitions here, so a changed definition, or a column
renamed under them, is remade too.

A migration that removes or renames title, summary or body must drop this
table and its triggers first (they name those columns); `migrate` then makes
them again from the definitions here, updated to match.
"""

from django.db import OperationalError, connections

from content import languages
from content.models import Page
from content.models.pages import SEARCH_WEIGHTS

TABLE = "content_page_fts"
# Porter stemming lets "treatments" find "treatment"; diacritics are ignored.
_CREATE_TABLE = f"""CREATE VIRTUAL TABLE {TABLE} USING fts5(
    title, summary, body,
    content='content_page', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
)"""
_COLUMNS = "title, summary, body"
_OLD = "old.title, old.summary, old.body"
_NEW = "new.title, new.summary, new.body"
_REMOVE = f"INSERT INTO {TABLE}({TABLE}, rowid, {_COLUMNS}) VALUES ('delete', old.id, {_OLD});"
_ADD = f"INSERT INTO {TABLE}(rowid, {_COLUMNS}) VALUES (new.id, {_NEW});"
TRIGGERS = {
    f"{TABLE}_insert": f"AFTER INSERT ON content_page BEGIN {_ADD} END",
    f"{TABLE}_delete": f"AFTER DELETE ON content_page BEGIN {_REMOVE} END",
    f"{TABLE}_update": f"AFTER UPDATE OF {_COLUMNS} ON content_page BEGIN {_REMOVE} {_ADD} END",
}
# The same weights as the search's other paths (SEARCH_WEIGHTS), in the
# table's column order.
_WEIGHTS = ", ".join(str(float(SEARCH_WEIGHTS[column])) for column in _COLUMNS.split(", "))
# Pages that hold the words typed together (the phrase) come first; finding
# them is one more lookup in the index, not a walk over the pages.
_RANKED = f"""
SELECT page.id, page.title, page.slug, page.summary, page.body_html, page.language
FROM {TABLE} JOIN content_page AS page ON page.id = {TABLE}.rowid
WHERE {TABLE} MATCH %s AND page.status = 'published' AND page.language = %s
ORDER BY {{phrase_first}}bm25({TABLE}, {_WEIGHTS}), page."order", page.title
LIMIT %s"""
_PHRASE_FIRST = f"{TABLE}.rowid IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s) DESC, "


def _definitions():
    """{name: the SQL SQLite keeps for it} for the table and each trigger."""
    return {
        TABLE: _CREATE_TABLE,
        **{name: f"CREATE TRIGGER {name} {body}" for name, body in TRIGGERS.items()},
    }


def ensure(using="default"):
    """Make the index and its triggers if any is missing or differs, and fill the index.

    Returns True when it had to (re)build. Does nothing on other databases,
    or where SQLite was built without FTS5 (search then scores with LIKE).
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    wanted = _definitions()
    with connection.cursor() as cursor:
        names = ", ".join(["%s"] * len(wanted))
        cursor.execute(f"SELECT name, sql FROM sqlite_master WHERE name IN ({names})", list(wanted))
        if dict(cursor.fetchall()) == wanted:
            return False
        if "content_page" not in connection.introspection.table_names(cursor):
            return False  # migrated back to before pages existed
        try:
            for name in TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
            for sql in wanted.values():
                cursor.execute(sql)
        except OperationalError as error:
            if "fts5" in str(error):  # this SQLite has no FTS5
                return False
            raise
        # Pages changed while a trigger was missing: index them all again.
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    return True


def ensure_after_migrate(sender, using="default", **kwargs):
    # After every migrate: SQLite loses a table's triggers when a migration
    # rebuilds it, so the search index's are checked and remade here.
    ensure(using)


def match_expression(terms):
    """An FTS5 query that matches any of the terms, each as a quoted phrase.

    Quoting makes every term literal text: FTS5's own operators (AND, NEAR,
    *, column filters) in what a parent typed are never obeyed.
    """
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


def ranked_pages(terms, limit, required=None, phrase="", language=None):
    """The published pages that match, best first, in one query.

    A page matches when it holds any of `required` (the telling words, by
    default all the terms); the other terms only rank it. Raises
    django.db.OperationalError where the index does not exist.
    """
    language = language or languages.current()
    expression = match_expression(terms)
    if required and set(required) != set(terms):
        expression = f"({match_expression(required)}) AND ({expression})"
    if phrase:
        sql = _RANKED.format(phrase_first=_PHRASE_FIRST)
        params = [expression, language, match_expression([phrase]), limit]
    else:
        sql, params = _RANKED.format(phrase_first=""), [expression, language, limit]
    return list(Page.objects.raw(sql, params))

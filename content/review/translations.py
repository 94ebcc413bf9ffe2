"""Translations as plain functions: start one, and find those the English has
left behind (docs/translating.md).

A translation is a row of the same model as its English item, in another
language, that waits for sign-off like any text (content/review/workflow.py).
Starting one makes the row, hidden from parents until a medical reviewer who
reads its language signs it off, and a draft change holding the English
words for the translator to replace.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import CharField, Value
from django.utils import timezone

from content import languages
from content.models import Change, Guide, Page, SiteText, Term
from content.review.diff import diff_texts
from content.review.kinds import guide_words, kind_of
from content.review.workflow import ReviewRefused, _item_filter, save_edit, waiting_change


def _new_row(english, language):
    """The translation's row, not yet saved, not shown to parents: a draft page,
    an unpublished glossary word, site texts and guide words that are not used
    until signed off (their source_text is empty until then)."""
    common = {"language": language, "translation_of": english}
    if isinstance(english, Page):
        return Page(
            **common,
            slug=english.slug,
            title=english.title,
            summary=english.summary,
            body=english.body,
            status=Page.Status.DRAFT,
            order=english.order,
            review_due=english.review_due,
        )
    if isinstance(english, Term):
        names = ("term", "definition", "other_names", "source_name", "source_url")
        return Term(**common, slug=english.slug, published=False, **_copy(english, names))
    if isinstance(english, SiteText):
        names = ("organisation_name", "worried_now", "about", "contact")
        return SiteText(**common, **_copy(english, names))
    if isinstance(english, Guide):
        return Guide(**common, questions=guide_words(english.questions))
    raise ReviewRefused("This kind of text cannot be translated.")


def _copy(item, names):
    return {name: getattr(item, name) for name in names}


@transaction.atomic
def start_translation(english, language, user):
    """The translation of `english` into `language`: made now if there is none
    (with a draft change starting from the English words), else the one there
    is. Raises ReviewRefused for a language the site does not offer."""
    if english.is_translation:
        english = english.translation_of
    if language not in languages.translations():
        raise ReviewRefused("The site is not translated into that language.")
    found = english.translation(language)
    if found is not None:
        return found
    row = _new_row(english, language)
    row.text_authors = [user.pk]
    row._history_user = user
    row._change_reason = f"Translation into {languages.english_name(language)} started"
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        raise ReviewRefused(
            f"Another {kind_of(english).name} in {languages.english_name(language)} already "
            "has this name or address. Rename that one first."
        ) from error
    kind = kind_of(row)
    data = kind.live(english)
    if isinstance(english, Guide):  # a translated guide holds only the words
        data = kind.translatable(data)
    if kind.is_published(row):
        # Never true for a new row today; kept so a kind that is always live
        # still gets its draft change.
        save_edit(row, data, user)
    else:
        save_edit(row, data, user, reason=row._change_reason)
    if waiting_change(row) is None:
        Change.objects.create(
            **_item_filter(row),
            language=language,
            title=kind.title(row, data),
            data=data,
            authors=[user.pk],
            saved_by=user,
            saved_at=timezone.now(),
        )
    return row


def untranslated(item, data):
    """Whether `data` (a translation's text) still holds only the English words."""
    kind = kind_of(item)
    return kind.translatable(data) == kind.translatable(kind.live(item.translation_of))


# --- behind the English -------------------------------------------------------------


@dataclass(frozen=True)
class Behind:
    """A published translation whose English words changed since it was signed off."""

    translation: object
    english: object
    diffs: list  # content/review/diff.py FieldDiffs: the English then, against now

    @property
    def changed(self):
        return [d for d in self.diffs if d.changed]


def is_behind(item):
    """True when this published translation was signed off against English
    words that have changed since (the English text was signed off again)."""
    if not item.is_translation or not item.source_text:
        return False
    kind = kind_of(item)
    if not kind.is_published(item):
        return False
    return kind.translatable(kind.live(item.translation_of)) != item.source_text


def english_changes(translation):
    """How the English changed since the translation was signed off, field by field."""
    kind = kind_of(translation)
    now = kind.translatable(kind.live(translation.translation_of))
    return diff_texts(kind, translation.source_text, now)


def _signed_off_translations(model):
    return model.objects.exclude(translation_of=None).exclude(source_text={})


def behind(models=(Page, Term, SiteText, Guide)):
    """Every translation (of `models`) that is behind its English, by kind.

    One query finds the translations of every kind that were signed off (the
    admin's front page asks on every visit); only kinds that have some are
    read whole."""
    tagged = [
        _signed_off_translations(model)
        .order_by()
        .annotate(kind=Value(model._meta.model_name, output_field=CharField()))
        .values_list("kind", flat=True)
        for model in models
    ]
    present = set(tagged[0].union(*tagged[1:])) if len(tagged) > 1 else set(tagged[0])
    found = []
    for model in models:
        if model._meta.model_name not in present:
            continue
        rows = _signed_off_translations(model).select_related("translation_of")
        if model is Page:  # the English text includes its sources
            rows = rows.prefetch_related("translation_of__sources")
        for row in rows:
            if is_behind(row):
                found.append(Behind(row, row.translation_of, english_changes(row)))
    return found

from django import template

from content import review
from content.models import Change, Page, SiteText, Term
from content.review import translations

register = template.Library()
PANEL_LENGTH = 10


def _entry(change):
    # The addresses need only the model and the id: no query for the item.
    item = change.content_type.model_class()(pk=change.object_id)
    kind = review.kind_of(item)
    return {
        "change": change,
        "title": change.title,
        "kind": kind.name,
        "review_url": review.review_url_of(change),
        "edit_url": kind.admin_url(item),
    }


def _unchecked(read):
    """Live items no clinician has checked yet, with nothing waiting on them, in
    the languages `read` (a reviewer could not sign off the others)."""
    unchecked = {"checked_at__isnull": True, "language__in": read}
    items = [
        *Page.objects.filter(status=Page.Status.PUBLISHED, **unchecked),
        *[text for text in SiteText.objects.filter(**unchecked) if text.words_are_live],
        *Term.objects.filter(published=True, **unchecked),
    ]
    waiting = set(Change.objects.values_list("content_type__model", "object_id"))
    return [
        {"title": review.kind_of(i).title(i), "review_url": review.kind_of(i).review_url(i)}
        for i in items
        if (i._meta.model_name, i.pk) not in waiting
    ]


@register.inclusion_tag("admin/includes/waiting_panel.html", takes_context=True)
def waiting_for_sign_off(context):
    """The admin front page's panel: what this person can act on now. Reviewers
    see what others submitted; everyone sees their own drafts and what was
    sent back to them."""
    user = context["request"].user
    if not user.has_perm("content.view_page"):
        return {"show": False}
    read = review.languages_read(user)
    waiting = review.waiting_for(user, read)
    lists = {name: [_entry(c) for c in changes] for name, changes in waiting.items()}
    unchecked = _unchecked(read) if review.can_sign_off(user) else []
    return {
        "show": True,
        "to_review": lists["to_review"][:PANEL_LENGTH],
        "to_review_count": len(lists["to_review"]),
        "sent_back": lists["sent_back"],
        "drafts": lists["drafts"],
        "submitted": lists["submitted"],
        "unchecked": unchecked[:PANEL_LENGTH],
        "unchecked_count": len(unchecked),
        "can_sign_off": review.can_sign_off(user),
    }


@register.inclusion_tag("admin/translations/behind_panel.html", takes_context=True)
def translations_behind(context):
    """The admin front page's list of translations the English has moved on
    from, each with what changed in the English since it was signed off."""
    user = context["request"].user
    if not user.has_perm("content.view_page"):
        return {"show": False}
    found = [
        {
            "title": review.kind_of(entry.translation).title(entry.translation),
            "kind": review.kind_of(entry.translation).name,
            "language": entry.translation.language_name,
            "edit_url": review.kind_of(entry.translation).admin_url(entry.translation),
            "english_url": review.kind_of(entry.english).admin_url(entry.english),
            "diffs": entry.changed,
            "prefix": f"behind-{number}-",  # ids unique on the page
        }
        for number, entry in enumerate(translations.behind(), 1)
    ]
    return {"show": bool(found), "behind": found}

"""Who else is editing: a hint, not a lock.

Opening an item's change form notes who opened it and when, in the default
cache, keyed by the item's content type and id. Opening it again within
EDITING_WINDOW shows, at the top of the form, who else opened it and when,
so two people can agree who goes first before either types (the save's own
version check still refuses the later of two saves). Only signed-in staff
are noted: nothing about parents, and nothing stored for anyone else.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.timesince import timesince

EDITING_WINDOW = timedelta(minutes=15)


def _key(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return f"presence:{content_type.pk}:{obj.pk}"


def _is_staff(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def _recent(openings, now):
    return {
        pk: (name, when) for pk, (name, when) in openings.items() if now - when < EDITING_WINDOW
    }


def record_opening(user, obj):
    """Note that `user` opened `obj` now (staff only; entries expire after the window)."""
    if not _is_staff(user) or obj is None or obj.pk is None:
        return
    now = timezone.now()
    key = _key(obj)
    openings = _recent(cache.get(key) or {}, now)
    openings[user.pk] = (user.get_full_name() or user.get_username(), now)
    cache.set(key, openings, timeout=int(EDITING_WINDOW.total_seconds()))


def others_editing(user, obj):
    """[(name, when)] of the other people who opened `obj` in the window, latest first."""
    if not _is_staff(user) or obj is None or obj.pk is None:
        return []
    openings = _recent(cache.get(_key(obj)) or {}, timezone.now())
    others = [entry for pk, entry in openings.items() if pk != user.pk]
    return sorted(others, key=lambda entry: entry[1], reverse=True)


def hint(others, thing, now=None):
    """The sentence shown at the top of the form, or "" when nobody else is there."""
    if not others:
        return ""
    now = now or timezone.now()

    def opened(name, when):
        ago = "just now" if now - when < timedelta(minutes=1) else f"{timesince(when, now)} ago"
        return f"{name} opened {thing} {ago} (at {time_format(timezone.localtime(when), 'H:i')})"

    return (
        "; ".join(opened(name, when) for name, when in others)
        + ". They may be changing it now: agree with them who goes first, so that "
        "neither of you has to type your changes again."
    )


class WhoElseIsEditing:
    """For any ModelAdmin: opening a change form says who else opened it lately."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        shown = (
            request.method == "GET"
            and isinstance(response, TemplateResponse)
            and response.status_code == 200
        )
        obj = response.context_data.get("original") if shown else None
        if obj is not None:
            thing = f"this {self.model._meta.verbose_name}"
            others = others_editing(request.user, obj)
            if others:
                # The response is rendered after this, so the hint is on this page.
                messages.warning(request, hint(others, thing))
            record_opening(request.user, obj)
        return response

"""The admin's side of sign-off and history, the same for every reviewed model.

`ReviewAdminMixin` gives a ModelAdmin (pages, site-wide texts, glossary words,
the guide) its review screen (the whole waiting text with the changes marked,
sign off or send back), its history (every version, a diff between any two, a
restore), and a change form whose saves wait: "Save draft", "Submit for
sign-off", "Withdraw". `ReviewedForm` is the form side: it starts from the
waiting text and refuses a save made from an older version. The decisions are
plain functions in content/review/; these views only ask and show.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html

from content import review
from content.admin.presence import WhoElseIsEditing
from content.admin.translations import TranslationAdminMixin
from content.locks import lock_guide
from content.models import Change
from content.review import notify
from content.review.diff import diff_texts

SUBMIT = "_submit_for_sign_off"
WITHDRAW = "_withdraw"


class ReviewedForm(forms.ModelForm):
    """A change form that starts from the text waiting for sign-off and refuses
    a save made from a form opened before someone else's save."""

    # Optimistic concurrency: which saved version the form was opened at.
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_token"].initial = review.edit_token(self.instance)
            change = review.waiting_change(self.instance)
            if change:
                # Editors carry on from the waiting text, not the live one.
                self.initial.update(
                    {name: value for name, value in change.data.items() if name in self.fields}
                )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # The lock first, then the comparison: two saves at the same
            # moment cannot both pass it (content/locks.py).
            lock_guide()
            self.refuse_a_stale_save()
        return cleaned

    def refuse_a_stale_save(self):
        """Refuse a save made from a form opened before someone else's save, keeping
        what this editor typed; the form now carries the newer version, so saving
        again (after reading theirs) replaces it."""
        current = review.edit_token(self.instance)
        if self.cleaned_data.get("edit_token") == current:
            return
        who, when = review.last_save(self.instance)
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_token")] = current
        name = review.kind_of(self.instance).name
        changed = f"This {name} was changed"
        if when is not None:
            when = timezone.localtime(when)
            changed = f"{who} saved this {name} at {when:%H:%M} on {when:%-d %B %Y}"
        history = review.kind_of(self.instance).history_url(self.instance)
        raise forms.ValidationError(
            format_html(
                "{} after you opened it, so your changes were not saved. What you typed is "
                'still in the form below. <a href="{}" target="_blank">See their version in '
                "the history</a> (it opens in a new tab), copy anything you need into this "
                "form, then save again: this form now carries their version.",
                changed,
                history,
            )
        )


class ReviewAdminMixin(TranslationAdminMixin, WhoElseIsEditing):
    """Sign-off and history for a reviewed model's ModelAdmin."""

    change_form_template = "admin/review/change_form.html"

    # --- the change form ---------------------------------------------------------------------

    def data_from_forms(self, form, formsets):
        """The text an editor submitted, as the model's Kind keeps it."""
        kind = review.kind_of(form.instance)
        # A field not on the form (a translation's address) keeps its value.
        return {
            f.name: form.cleaned_data.get(f.name, getattr(form.instance, f.name, ""))
            for f in kind.fields
        }

    def save_model(self, request, obj, form, change):
        kind = review.kind_of(obj)
        if not change:
            obj.text_authors = [request.user.pk]
            self.before_first_save(request, obj)
            obj.save()  # a new item: the public cannot see it until it is signed off
            return
        stored = type(obj).objects.get(pk=obj.pk)
        if not kind.is_published(stored):
            return  # a draft's text goes onto its row in save_related
        direct = [name for name in kind.direct_fields if name in form.changed_data]
        for name in direct:
            setattr(stored, name, getattr(obj, name))
        if direct:
            stored.save()

    def before_first_save(self, request, obj):
        """Fill what a new item needs before a reviewer's sign-off sets it."""

    def save_related(self, request, form, formsets, change):
        # The text, in whatever forms hold it, waits for sign-off through
        # review.save_edit. Many-to-many fields that are not text (related
        # pages) go straight onto the row.
        form.save_m2m()
        item = type(form.instance).objects.get(pk=form.instance.pk)
        submit = SUBMIT in request.POST
        outcome = review.save_edit(
            item, self.data_from_forms(form, formsets), request.user, submit=submit
        )
        request.review_outcome = outcome
        if submit and outcome == "submitted":
            self.tell_reviewers(request, item)

    def tell_reviewers(self, request, item):
        kind = review.kind_of(item)
        # Only those who may sign it off: a translation, those who read its language.
        language = review.language_of(item)
        notify.tell_reviewers_submitted(
            request,
            item=kind.title(item, review.working_data(item)),
            editor=request.user,
            review_url=kind.review_url(item),
            reviewers=[user for user in notify.reviewers() if review.reads(user, language)],
        )

    def construct_change_message(self, request, form, formsets, add=False):
        # Inline formsets holding text are never saved as such (save_related):
        # the history records their changes.
        return super().construct_change_message(request, form, [], add)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        outcome = getattr(request, "review_outcome", None)
        if level == messages.SUCCESS and outcome:
            message = {
                "submitted": "Saved and submitted: the medical reviewers are asked to sign it "
                "off. Parents still see the signed-off version until then.",
                "draft": "Saved as a draft. Nobody is asked to review it yet: press “Submit for "
                "sign-off” when it is ready. Parents still see the signed-off version.",
                "unchanged": "Saved. The text is the same as the live one, so nothing waits "
                "for sign-off.",
            }[outcome]
        super().message_user(request, message, level, *args, **kwargs)

    def response_change(self, request, obj):
        if WITHDRAW in request.POST:
            return self.withdraw(request, obj)
        return super().response_change(request, obj)

    def withdraw(self, request, obj):
        try:
            review.withdraw(obj, request.user)
        except review.ReviewRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, "Withdrawn: it is a draft again, out of the reviewers' list.")
        return redirect(review.kind_of(obj).admin_url(obj))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and WITHDRAW in request.POST and object_id:
            obj = self.get_object(request, object_id)
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
            return self.withdraw(request, obj)
        if object_id:
            obj = self.get_object(request, object_id)
            if obj is not None:
                extra_context = {**(extra_context or {}), **self.review_context(request, obj)}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def review_context(self, request, item):
        kind = review.kind_of(item)
        return {
            "waiting_change": review.waiting_change(item),
            "is_waiting": review.is_waiting(item),
            "is_published": kind.is_published(item),
            "sent_back": review.sent_back_note(item),
            "can_sign_off": review.can_sign_off(request.user),
            "review_url": kind.review_url(item),
            "versions_url": kind.history_url(item),
            "preview_url": kind.public_url(item) if kind.is_published(item) or item.pk else "",
            "kind_name": kind.name,
            **self.translation_context(request, item),
        }

    @admin.display(description="sign-off")
    def sign_off_state(self, item):
        # Prefetched by the list's queryset: no query a row.
        change = next(iter(item.changes.all()), None) if item.pk else None
        if change:
            return change.get_state_display()
        if not review.kind_of(item).is_published(item):
            return "New: not yet published"
        return "Signed off" if item.is_checked else "Never checked by a clinician"

    @admin.display(description="history")
    def earlier_versions(self, item):
        if not item.pk:
            return "None yet: each save is kept."
        return format_html(
            '<a href="{}">Every version, compare and restore</a>',
            review.kind_of(item).history_url(item),
        )

    # --- views ---------------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<int:item_id>/review/", view(self.review_view), name=f"{name}_review"),
            path(
                "<int:item_id>/history/compare/",
                view(self.compare_view),
                name=f"{name}_compare",
            ),
            path(
                "<int:item_id>/history/<str:key>/restore/",
                view(self.restore_view),
                name=f"{name}_restore",
            ),
            *super().get_urls(),
        ]

    def _item(self, request, item_id, *, change=False):
        item = self.model.objects.filter(pk=item_id).first()
        if item is None:
            raise Http404("Nothing with that number.")
        allowed = (
            self.has_change_permission(request, item)
            if change
            else self.has_view_or_change_permission(request, item)
        )
        if not allowed:
            raise PermissionDenied
        return item

    def _render(self, request, template, item, **context):
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "item": item,
                "original": item,
                "kind_name": review.kind_of(item).name,
                "item_title": review.kind_of(item).title(item),
                "change_url": review.kind_of(item).admin_url(item),
                "history_url": review.kind_of(item).history_url(item),
                **context,
            },
        )

    def review_view(self, request, item_id):
        item = self._item(request, item_id)
        kind = review.kind_of(item)
        sign_off_form, send_back_form = SignOffForm(item=item), SendBackForm()
        if request.method == "POST":
            if not review.can_sign_off(request.user):
                raise PermissionDenied
            seen = request.POST.get("seen", "")
            if "send_back" in request.POST:
                send_back_form = SendBackForm(request.POST)
                if send_back_form.is_valid():
                    try:
                        review.send_back(
                            item, request.user, send_back_form.cleaned_data["comment"], seen=seen
                        )
                    except review.ReviewRefused as refusal:
                        send_back_form.add_error(None, str(refusal))
                    else:
                        self.tell_authors(request, item, "sent_back", send_back_form)
                        messages.success(
                            request, f"“{kind.title(item)}” was sent back to its editor."
                        )
                        return redirect("admin:index")
            else:
                sign_off_form = SignOffForm(request.POST, item=item)
                if sign_off_form.is_valid():
                    writers = review.authors(item)
                    try:
                        review.sign_off(item, request.user, seen=seen, **sign_off_form.cleaned_data)
                    except review.ReviewRefused as refusal:
                        sign_off_form.add_error(None, str(refusal))
                    else:
                        item.refresh_from_db()
                        due = getattr(item, "review_due", None)
                        messages.success(
                            request,
                            f"“{kind.title(item)}” is signed off and published."
                            + (f" Next review due {due:%-d %B %Y}." if due else ""),
                        )
                        notify.tell_authors_signed_off(
                            request,
                            item=kind.title(item),
                            reviewer=request.user,
                            public_url=kind.public_url(item),
                            authors=notify.users(writers - {request.user.pk}),
                        )
                        return redirect("admin:index")
        change = review.waiting_change(item)
        published = kind.is_published(item)
        live = kind.live(item)
        new = change.data if change else live
        old = live if published else {}
        return self._render(
            request,
            "admin/review/review.html",
            item,
            title=f"Review: {kind.title(item, new)}",
            change=change,
            # The whole text parents will read, with the changes marked inside it.
            diffs=diff_texts(kind, old, new, context=None),
            compared_with_live=bool(change and published),
            is_published=published,
            never_checked=not item.is_checked,
            is_waiting=review.is_waiting(item),
            sent_back=review.sent_back_note(item),
            own_change=request.user.pk in review.authors(item),
            can_sign_off=review.can_sign_off(request.user),
            sign_off_form=sign_off_form,
            send_back_form=send_back_form,
            seen=review.review_token(item, change),
            preview_url=kind.public_url(item),
            default_review_due=review.one_year_after(timezone.localdate()),
            language_refusal=review.refusal_for_language(request.user, review.language_of(item)),
            **self.translation_context(request, item),
        )

    def tell_authors(self, request, item, what, form):
        kind = review.kind_of(item)
        change = review.waiting_change(item)
        writers = set(change.authors) if change else set(item.text_authors)
        notify.tell_authors_sent_back(
            request,
            item=kind.title(item, change.data if change else None),
            reviewer=request.user,
            comment=form.cleaned_data["comment"],
            edit_url=kind.admin_url(item),
            authors=notify.users(writers - {request.user.pk}),
        )

    def history_view(self, request, object_id, extra_context=None):
        item = self._item(request, object_id)
        return self._render(
            request,
            "admin/review/versions.html",
            item,
            title=f"History of “{review.kind_of(item).title(item)}”",
            versions=review.versions(item),
            can_restore=self.has_change_permission(request, item),
            decisions=item.decisions.all()[:50],
        )

    def compare_view(self, request, item_id):
        item = self._item(request, item_id)
        found = {v.key: v for v in review.versions(item)}
        older, newer = found.get(request.GET.get("from")), found.get(request.GET.get("to"))
        if older is None or newer is None:
            messages.error(request, "Choose two versions to compare.")
            return redirect(review.kind_of(item).history_url(item))
        if older.when > newer.when:
            older, newer = newer, older
        return self._render(
            request,
            "admin/review/compare.html",
            item,
            title="Compare two versions",
            older=older,
            newer=newer,
            diffs=diff_texts(review.kind_of(item), older.data, newer.data),
            can_restore=self.has_change_permission(request, item),
        )

    def restore_view(self, request, item_id, key):
        item = self._item(request, item_id, change=True)
        kind = review.kind_of(item)
        version = review.find_version(item, key)
        if version is None:
            raise Http404("No such version.")
        if request.method == "POST":
            try:
                outcome = review.restore(item, version, request.user)
            except review.ReviewRefused as refusal:
                messages.error(request, str(refusal))
                return redirect(kind.history_url(item))
            messages.success(
                request,
                {
                    "live": "The earlier version is restored and published.",
                    "draft": "The earlier version is restored as a draft. Submit it for "
                    "sign-off when it is ready; parents still see the signed-off version.",
                    "submitted": "The earlier version is restored and waits for sign-off.",
                    "unchanged": "That version is the same as the live one: nothing changed.",
                }[outcome],
            )
            return redirect(kind.admin_url(item))
        return self._render(
            request,
            "admin/review/restore.html",
            item,
            title="Restore an earlier version",
            version=version,
            is_published=kind.is_published(item),
            diffs=diff_texts(kind, review.working_data(item), version.data),
            goes_live=kind.is_published(item)
            and version.is_live_version
            and review.can_sign_off(request.user)
            and review.reads(request.user, review.language_of(item))
            and request.user.pk not in version.authors,
        )


class SignOffForm(forms.Form):
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. Kept with the record of your sign-off.",
    )
    review_due = forms.DateField(
        label="Next review due",
        required=False,
        help_text="Leave empty for one year from today.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    override_reason = forms.CharField(
        label="Reason for signing off your own change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Superusers only, when no other medical reviewer can. It is recorded.",
    )

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        if item is not None and not hasattr(item, "review_due"):
            del self.fields["review_due"]  # only pages have review dates


class SendBackForm(forms.Form):
    """Its own ids, so its label is not taken for the sign-off form's comment."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="id_send_back_%s", **kwargs)

    comment = forms.CharField(
        label="What should the editor change?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what the editor should change, so they can put it right."},
    )


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    """Everything that waits, in one list: read only; each row opens its review."""

    list_display = ["title", "state", "saved_by_name", "saved_at", "review_link"]
    list_filter = ["state", "content_type", "language"]
    ordering = ["state", "saved_at"]

    @admin.display(description="saved by")
    def saved_by_name(self, change):
        return change.saved_by_name

    @admin.display(description="review")
    def review_link(self, change):
        item = review.item_of(change)
        return format_html(
            '<a href="{}">Review<span class="visually-hidden"> “{}”</span></a>',
            review.kind_of(item).review_url(item),
            change.title,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

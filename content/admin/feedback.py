"""Feedback from "Was this page helpful?": read by page, with counts, and
marked dealt with. Nothing here identifies the person who sent it."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.html import format_html

from content.models import Feedback, Page


class OpenFilter(admin.SimpleListFilter):
    title = "dealt with"
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", "Not yet dealt with"), ("no", "Dealt with")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(dealt_with=False)
        if self.value() == "no":
            return queryset.filter(dealt_with=True)
        return queryset


def counts_by_page():
    """Each page that has feedback, with how many said yes, no, and are still open."""
    return (
        Page.objects.annotate(
            total=Count("feedback"),
            helpful=Count("feedback", filter=Q(feedback__helpful=True)),
            not_helpful=Count("feedback", filter=Q(feedback__helpful=False)),
            open=Count("feedback", filter=Q(feedback__dealt_with=False)),
        )
        .filter(total__gt=0)
        .order_by("-open", "title")
        .values("pk", "title", "total", "helpful", "not_helpful", "open")
    )


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    # At 1280px beside the admin's sidebar and filters, the comment needs the
    # room: where it was asked shares the page's column (and has a filter).
    list_display = ["created", "page_and_where", "helpful_answer", "comment_start", "dealt_with"]
    # Marked dealt with by the actions (select, then "Mark as dealt with") or on
    # each one's own page: the list's inline checkboxes would have no labels.
    list_display_links = ["created"]
    list_select_related = ["page"]
    list_filter = [OpenFilter, "helpful", "where", "page"]
    search_fields = ["comment", "page__title"]
    date_hierarchy = "created"
    actions = ["mark_dealt_with", "mark_not_dealt_with"]
    fields = ["page", "where", "helpful", "comment", "created", "dealt_with"]
    readonly_fields = ["page", "where", "helpful", "comment", "created"]
    change_list_template = "admin/content/feedback/change_list.html"

    def has_add_permission(self, request):
        # Feedback comes only from parents' forms.
        return False

    @admin.display(description="page", ordering="page__title")
    def page_and_where(self, feedback):
        if feedback.where == Feedback.Where.PAGE:
            return feedback.page.title
        return format_html("{}<br><small>on the guide's result</small>", feedback.page.title)

    @admin.display(description="helpful?", boolean=True, ordering="helpful")
    def helpful_answer(self, feedback):
        return feedback.helpful

    @admin.display(description="comment")
    def comment_start(self, feedback):
        text = feedback.comment
        return text if len(text) <= 80 else text[:79] + "…"

    @admin.action(description="Mark as dealt with")
    def mark_dealt_with(self, request, queryset):
        count = queryset.update(dealt_with=True)
        self.message_user(request, f"{count} marked as dealt with.", messages.SUCCESS)

    @admin.action(description="Mark as not yet dealt with")
    def mark_not_dealt_with(self, request, queryset):
        count = queryset.update(dealt_with=False)
        self.message_user(request, f"{count} marked as not yet dealt with.", messages.SUCCESS)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "counts_by_page": counts_by_page()}
        return super().changelist_view(request, extra_context=extra_context)

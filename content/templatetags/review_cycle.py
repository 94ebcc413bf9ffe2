from django import template
from django.urls import reverse

from content.review import cycle as review_cycle

register = template.Library()


@register.inclusion_tag("admin/includes/review_panel.html", takes_context=True)
def review_panel(context):
    """The admin front page's list of pages overdue for review or due soon."""
    request = context["request"]
    if not request.user.has_perm("content.view_page"):
        return {"show": False}
    overdue = list(review_cycle.overdue())
    soon = list(review_cycle.due_within(review_cycle.SOON_DAYS))
    return {
        "show": True,
        "overdue": overdue,
        "soon": soon,
        "days": review_cycle.SOON_DAYS,
        "list_url": reverse("admin:content_page_changelist"),
    }

"""Sign-in lockouts in the admin, for superusers: who is locked out, and a way
to lift a lockout that actually lifts it.

A lockout is by user name from an address, and by address for every name
(settings' "Signing in" block). Deleting an editor's own row (or
`axes_reset_username`) leaves the address locked when someone on the same
network tried made-up names: lifting is by address, all names at once.
"""

from datetime import timedelta

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.translation import ngettext

admin.site.unregister(AccessAttempt)


def _recent():
    return AccessAttempt.objects.filter(
        attempt_time__gte=timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)
    )


@admin.register(AccessAttempt)
class LockoutAdmin(AccessAttemptAdmin):
    list_display = [
        "username",
        "ip_address",
        "failures_since_start",
        "attempt_time",
        "name_locked_out",
        "address_locked_out",
    ]
    list_filter = ["attempt_time"]
    fieldsets = (
        (None, {"fields": ("username", "ip_address", "failures_since_start", "attempt_time")}),
        ("Browser", {"fields": ("user_agent", "path_info")}),
    )
    actions = ["lift_lockout"]

    def get_queryset(self, request):
        # Each row with its address's failures in the last hour: one query a page.
        totals = (
            _recent()
            .filter(ip_address=OuterRef("ip_address"))
            .values("ip_address")
            .annotate(total=Sum("failures_since_start"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(address_failures=Subquery(totals))
            .order_by("-attempt_time")
        )

    @admin.display(description="this name from this address locked out", boolean=True)
    def name_locked_out(self, attempt):
        recent = attempt.attempt_time >= timezone.now() - timedelta(
            hours=settings.AXES_COOLOFF_TIME
        )
        return recent and attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT

    @admin.display(description="address locked out for every name", boolean=True)
    def address_locked_out(self, attempt):
        return (attempt.address_failures or 0) >= settings.AXES_FAILURE_LIMIT

    @admin.action(description="Lift the lockout of the selected rows' addresses (every name)")
    def lift_lockout(self, request, queryset):
        addresses = set(queryset.values_list("ip_address", flat=True))
        count, _ = AccessAttempt.objects.filter(ip_address__in=addresses).delete()
        self.message_user(
            request,
            ngettext(
                "Lifted the lockout of %(n)d address; anyone there can sign in again.",
                "Lifted the lockout of %(n)d addresses; anyone there can sign in again.",
                len(addresses),
            )
            % {"n": len(addresses)},
            messages.SUCCESS,
        )

    # Superusers only: the rows hold staff's addresses and user names.
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

"""Helpers for signing in to the admin (see the settings' "Signing in" block)."""

from django.conf import settings


def client_ip(request):
    """The address a login attempt came from, for django-axes' lockouts.

    Behind a proxy trusted with TRUST_PROXY_HEADERS, the right-most
    X-Forwarded-For entry is the one our own proxy added (anything to its left
    was sent by the client and could be invented); otherwise REMOTE_ADDR.
    """
    if settings.TRUST_PROXY_HEADERS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")

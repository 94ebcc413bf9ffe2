from django.conf import settings


def permissions_policy(get_response):
    """Send Permissions-Policy, which Django's SecurityMiddleware does not yet set."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware

"""History in the admin that can be read but never saved from.

simple-history's view of one old version (`<id>/history/<history_id>/`) is a
change form: a POST to it saves the old values straight onto the live row
for anyone who may *view* the object. SIMPLE_HISTORY_REVERT_DISABLED only
hides its button, so an editor could still change the guide, or put words
before parents that no clinician checked. Every admin that shows history
through SimpleHistoryAdmin mixes in ReadOnlyHistory: the old version is shown
read-only, and bringing it back goes through sign-off like any other change.
"""

from django.http import HttpResponseNotAllowed

REFUSAL = (
    "An earlier version cannot be saved from its history page. To bring it back, "
    "copy what you need into the change form and save it there, so it is checked "
    "like any other change."
)


class ReadOnlyHistory:
    """For a SimpleHistoryAdmin: an old version is shown, never saved (405 to a POST)."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(
                ["GET", "HEAD"], REFUSAL, content_type="text/plain; charset=utf-8"
            )
        request._showing_old_version = True
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        finally:
            del request._showing_old_version

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not getattr(request, "_showing_old_version", False):
            return form

        class OldVersionForm(form):
            """Every field shown greyed out: nothing to type into or post back."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for field in self.fields.values():
                    field.disabled = True

        return OldVersionForm

    def revert_disabled(self, request, obj=None):
        return True

from django.apps import AppConfig


class NeuroinfoConfig(AppConfig):
    """The site's own start-up checks (no models)."""

    name = "neuroinfo"
    verbose_name = "neuroinfo"

    def ready(self):
        # Registers the system check; imported here, where Django asks checks to be registered.
        from neuroinfo import writable  # noqa: F401

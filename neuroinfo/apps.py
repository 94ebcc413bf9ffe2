from django.apps import AppConfig


class NeuroinfoConfig(AppConfig):
    """The site's own start-up checks (no models)."""

    name = "neuroinfo"
    verbose_name = "neuroinfo"

    def ready(self):
        from neuroinfo import writable  # noqa: F401  (registers the system check)

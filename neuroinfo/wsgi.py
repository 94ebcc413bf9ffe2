import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "neuroinfo.settings")

application = get_wsgi_application()

# Say at once, in the log, if the database's folder cannot be written.
from neuroinfo.writable import log_problems  # noqa: E402

log_problems()

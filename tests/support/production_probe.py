"""Request a few addresses under the production settings module itself, in a child process.

    DJANGO_SETTINGS_MODULE=neuroinfo.settings SECRET_KEY=… ALLOWED_HOSTS=… \
    DATABASE_URL=sqlite:////tmp/x.sqlite3 python tests/support/production_probe.py

Prints JSON: {address or name: {"status": …, "headers": {…}}}. Only the static files
storage is swapped (hashed names need `collectstatic`); every header setting is
the production one. Used by tests/test_security_headers.py.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

HOST = os.environ["ALLOWED_HOSTS"].split(",")[0]
ADDRESSES = [
    "/",
    "/pages/cns/",
    "/guide/",
    "/guide/where/",
    "/guide/where/next/",
    "/guide/result/?where=brain",
    "/guide/result/?where=underground",
    "/pages/no-such-page/",
]
# The admin wherever ADMIN_PATH puts it, reported under these names.
ADMIN = {"admin login": "admin:login", "admin": "admin:index"}


def answer(client, url, **extra):
    response = client.get(url, secure=True, HTTP_HOST=HOST, **extra)
    return {"status": response.status_code, "headers": dict(response.items())}


if __name__ == "__main__":
    setup_test_environment()
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        client = Client()
        report = {url: answer(client, url) for url in ADDRESSES}
        report.update({name: answer(client, reverse(view)) for name, view in ADMIN.items()})
        bad_host = client.get("/pages/cns/", secure=True, HTTP_HOST="evil.example")
        report["bad host"] = {"status": bad_host.status_code, "headers": dict(bad_host.items())}
        report["http:/"] = {"status": client.get("/", HTTP_HOST=HOST).status_code}
        editor = get_user_model().objects.create_user("editor", is_staff=True, is_superuser=True)
        client.force_login(editor)
        report["signed in: admin"] = answer(client, reverse("admin:index"))
    print(json.dumps({"settings": os.environ["DJANGO_SETTINGS_MODULE"], **report}))

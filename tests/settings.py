"""Test settings: the real settings, with a fixed key and plain static storage.

Plain storage lets templates render without running collectstatic first.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
# The test client speaks plain HTTP; tests of the HTTPS settings set it themselves.
os.environ.setdefault("HTTPS", "0")

from neuroinfo.settings import *  # noqa: E402, F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests sign in many times a second; tests/test_signing_in.py sets a real budget.
SIGN_IN_HASH_SHARE = 1
# Serve static files from the app folders, so tests need no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `SLOW_PAGES=0.7 pytest tests/browser` delays every response by 0.7 s, to show
# the browser tests wait for what they assert (tests/support/slow.py).
if os.environ.get("SLOW_PAGES"):
    MIDDLEWARE = ["tests.support.slow.slow_pages", *MIDDLEWARE]  # noqa: F405

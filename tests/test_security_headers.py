"""Every kind of response carries the security headers, under the production settings module.

The probe runs in a child process with DJANGO_SETTINGS_MODULE=neuroinfo.settings
and no HTTPS or DEBUG variable, as a production server starts: these are the
project's own values, not ones a test set.
"""

import json
import secrets

import pytest

from tests.support.subprocesses import run

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "neuroinfo.settings",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "neuroinfo.example.org",
}
KINDS = {
    "public page": ("/pages/cns/", 200),
    "home": ("/", 200),
    "guide start": ("/guide/", 200),
    "guide question": ("/guide/where/", 200),
    "guide error": ("/guide/where/next/", 200),
    "guide result": ("/guide/result/?where=brain", 200),
    "guide 400": ("/guide/result/?where=underground", 400),
    "404": ("/pages/no-such-page/", 404),
    "bad Host header": ("bad host", 400),
    "admin login": ("admin login", 200),
    "admin redirect": ("admin", 302),
    "admin signed in": ("signed in: admin", 200),
}


@pytest.fixture(scope="module")
def probe(migrated, tmp_path_factory):
    import shutil

    database = tmp_path_factory.mktemp("production") / "db.sqlite3"
    shutil.copyfile(migrated, database)
    report = json.loads(run(["tests/support/production_probe.py"], database, **PRODUCTION))
    assert report.pop("settings") == "neuroinfo.settings"
    return report


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_of_response_carries_the_security_headers(probe, kind):
    url, status = KINDS[kind]
    assert probe[url]["status"] == status
    headers = {name.lower(): value for name, value in probe[url]["headers"].items()}
    policy = headers["content-security-policy"]
    for directive in [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
        "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
    ]:  # fmt: skip
        assert directive in policy, kind
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "camera=()" in headers["permissions-policy"]
    assert "geolocation=()" in headers["permissions-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"


def test_production_redirects_plain_http_to_https(probe):
    assert probe["http:/"]["status"] == 301


@pytest.mark.parametrize("kind", ["guide start", "guide question", "guide result", "guide 400"])
def test_guide_responses_are_private_under_production_settings(probe, kind):
    url, _ = KINDS[kind]
    assert "private" in probe[url]["headers"]["Cache-Control"]


def test_a_signed_in_editors_pages_are_private_under_production_settings(probe):
    assert "private" in probe["signed in: admin"]["headers"]["Cache-Control"]

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "neuroinfo.example.org",
}


def manage(*args, tmp_path, **env):
    """Run manage.py in a fresh process with only the given settings variables."""
    names = {"SECRET_KEY", "DEBUG", "HTTPS", "ALLOWED_HOSTS", "TRUST_PROXY_HEADERS"}
    # The browser tests set this for live_server; a real deployment never does.
    names.add("DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in names}
    clean.update(
        env,
        DJANGO_SETTINGS_MODULE="neuroinfo.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_a_missing_secret_key_stops_the_site_with_a_clear_message(tmp_path):
    result = manage("check", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "The SECRET_KEY environment variable is required when DEBUG is off" in result.stderr


def test_debug_runs_without_a_secret_key(tmp_path):
    assert manage("check", tmp_path=tmp_path, DEBUG="1").returncode == 0


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_turning_https_off_is_caught_by_the_deploy_check(tmp_path):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, HTTPS="0", **PRODUCTION
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr


def test_production_settings_send_https_only_headers(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/guide/").status_code == 301
    response = client.get("/guide/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_https_settings_follow_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
    )
    default = manage("shell", "-c", code, tmp_path=tmp_path, **PRODUCTION)
    assert default.stdout.strip().endswith("True 31536000 True True True None")
    proxied = manage("shell", "-c", code, tmp_path=tmp_path, TRUST_PROXY_HEADERS="1", **PRODUCTION)
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in proxied.stdout


def cache_backend(tmp_path, **env):
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {"DEBUG": "1", **env}
    clean_redis = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    with_env = {**clean_redis, **env}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env={**with_env, "DJANGO_SETTINGS_MODULE": "neuroinfo.settings"},
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_the_page_cache_is_local_memory_by_default_and_redis_with_redis_url(tmp_path):
    assert cache_backend(tmp_path) == "django.core.cache.backends.locmem.LocMemCache"
    redis = cache_backend(tmp_path, REDIS_URL="redis://cache.internal:6379/0")
    assert redis == "neuroinfo.cache.GuardedRedisCache"


@pytest.mark.parametrize(
    ("site_url", "hosts", "warned"),
    [
        ("", ["*"], True),
        ("", [".example.org"], True),
        ("https://neuroinfo.example.org", ["*"], False),
        ("", ["neuroinfo.example.org"], False),
    ],
)
def test_deploy_check_warns_when_any_host_could_fill_the_page_cache(
    settings, site_url, hosts, warned
):
    from content.checks import cache_keys_come_from_a_fixed_set_of_hosts

    settings.SITE_URL = site_url
    settings.ALLOWED_HOSTS = hosts
    found = [m.id for m in cache_keys_come_from_a_fixed_set_of_hosts()]
    assert found == (["neuroinfo.W001"] if warned else [])

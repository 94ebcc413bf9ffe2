"""Django's mail settings come from the environment (neuroinfo/settings.py's
email block, docs/settings.md)."""

import subprocess
import sys

from tests.support.subprocesses import ROOT, environment


def email_settings(tmp_path, **env):
    code = (
        "from django.conf import settings as s;"
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST or '-', s.EMAIL_PORT, s.EMAIL_HOST_USER or '-',"
        " s.EMAIL_HOST_PASSWORD or '-', s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL)"
    )
    blank = dict.fromkeys(
        ["EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS",
         "DEFAULT_FROM_EMAIL"], ""
    )  # fmt: skip
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=environment(tmp_path / "db.sqlite3", **{**blank, **env}),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_email_host_emails_go_to_the_console(tmp_path):
    result = email_settings(tmp_path)
    assert result.stdout.split() == [
        "django.core.mail.backends.console.EmailBackend", "-", "587", "-", "-", "True",
        "webmaster@localhost",
    ]  # fmt: skip


def test_django_mail_settings_come_from_the_environment(tmp_path):
    result = email_settings(
        tmp_path,
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="2525",
        EMAIL_HOST_USER="neuroinfo",
        EMAIL_HOST_PASSWORD="s3cret",
        EMAIL_USE_TLS="0",
        DEFAULT_FROM_EMAIL="neuroinfo@example.org",
    )
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend", "smtp.example.org", "2525", "neuroinfo",
        "s3cret", "False", "neuroinfo@example.org",
    ]  # fmt: skip


def test_a_port_that_is_not_a_number_stops_the_site_with_a_clear_message(tmp_path):
    result = email_settings(tmp_path, EMAIL_HOST="smtp.example.org", EMAIL_PORT="submission")
    assert result.returncode != 0
    assert "EMAIL_PORT must be a port number" in result.stderr

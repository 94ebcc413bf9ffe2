"""Signing in to the admin: lockouts after wrong passwords (with no password
hashing once locked out), sessions that end, and a movable admin address."""

import datetime
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("nurse", password=PASSWORD, is_staff=True)


def sign_in(client, username, password, ip="192.0.2.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=ip,
    )


def fail(client, times, username="nurse", ip="192.0.2.1"):
    """Sign in with a wrong password `times` times; return the last response."""
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", ip)
    return response


@pytest.fixture
def hashing():
    """Count every password hash the login makes (checking one, or hashing a
    dummy one for a user that does not exist)."""
    calls = []

    def counted(method):
        def wrapper(self, *args, **kwargs):
            calls.append(method.__name__)
            return method(self, *args, **kwargs)

        return wrapper

    with (
        mock.patch.object(MD5PasswordHasher, "verify", counted(MD5PasswordHasher.verify)),
        mock.patch.object(MD5PasswordHasher, "encode", counted(MD5PasswordHasher.encode)),
    ):
        yield calls


def test_the_right_password_signs_an_editor_in(client, editor):
    response = sign_in(client, "nurse", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_five_wrong_passwords_lock_the_account_out_with_plain_advice(client, editor):
    for _ in range(4):
        response = fail(client, 1)
        assert response.status_code == 200  # the login form again, with its error
        assert "Please enter the correct username and password" in response.content.decode()
    assert fail(client, 1).status_code == 429
    response = sign_in(client, "nurse", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Signing in is paused" in html
    assert "Wait an hour, then sign in again" in html
    assert "ask the site's administrator" in html
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock_anyone_out(client, editor):
    fail(client, 4)
    assert sign_in(client, "nurse", PASSWORD).status_code == 302


def test_an_address_that_guessed_wrong_five_times_is_locked_out_for_every_account(
    client, editor, django_user_model
):
    django_user_model.objects.create_user("doctor", password=PASSWORD, is_staff=True)
    for name in ["a", "b", "c", "d"]:
        assert fail(client, 1, username=name).status_code == 200
    assert fail(client, 1, username="e").status_code == 429
    assert sign_in(client, "doctor", PASSWORD).status_code == 429
    # Another address is not locked out.
    assert sign_in(client, "doctor", PASSWORD, ip="198.51.100.7").status_code == 302


def test_the_lockout_ends_after_an_hour(client, editor):
    fail(client, 5)
    assert sign_in(client, "nurse", PASSWORD).status_code == 429
    # axes reads its own clock, so move the recorded failures back instead.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=61))
    assert sign_in(client, "nurse", PASSWORD).status_code == 302


def test_a_locked_out_attempt_costs_no_password_hashing(client, editor, hashing):
    sign_in(client, "nurse", "wrong-password")
    sign_in(client, "nobody", "wrong-password", ip="198.51.100.7")
    # Without a lockout, a wrong password is hashed, even for an unknown user.
    assert "verify" in hashing and "encode" in hashing
    fail(client, 4)
    hashing.clear()
    for username, password in [("nurse", PASSWORD), ("nurse", "wrong"), ("nobody", "wrong")]:
        assert sign_in(client, username, password).status_code == 429
    assert hashing == []


def test_axes_backend_comes_before_the_password_check():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == 1
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"], "ip_address"]


def test_behind_a_trusted_proxy_the_proxys_own_header_gives_the_address(rf, settings):
    from neuroinfo.signing_in import client_ip

    request = rf.post("/", HTTP_X_FORWARDED_FOR="203.0.113.9, 192.0.2.44", REMOTE_ADDR="10.0.0.1")
    settings.TRUST_PROXY_HEADERS = False
    assert client_ip(request) == "10.0.0.1"
    settings.TRUST_PROXY_HEADERS = True
    assert client_ip(request) == "192.0.2.44"


# --- sessions ------------------------------------------------------------------


def test_a_staff_session_ends_after_eight_hours_idle_and_with_the_browser(client, editor):
    sign_in(client, "nurse", PASSWORD)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert client.session.get_expiry_age() == 8 * 60 * 60
    assert client.session.get_expire_at_browser_close()
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a browser-session cookie

    later = timezone.now() + datetime.timedelta(hours=8, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_each_admin_request_restarts_the_eight_hours(client, editor):
    sign_in(client, "nurse", PASSWORD)
    seven_hours = timezone.now() + datetime.timedelta(hours=7)
    with mock.patch("django.utils.timezone.now", return_value=seven_hours):
        assert client.get(reverse("admin:index")).status_code == 200
    fourteen_hours = seven_hours + datetime.timedelta(hours=7)
    with mock.patch("django.utils.timezone.now", return_value=fourteen_hours):
        assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize("path", ["/", "/pages/cns/", "/guide/", "/guide/where/"])
def test_public_pages_still_set_no_cookie(client, path):
    sign_in(client, "someone", "wrong-password")  # even after a failed login
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies
    assert b"Set-Cookie" not in response.serialize_headers()


# --- the admin's address ---------------------------------------------------------


def test_admin_path_moves_the_admin_and_robots_txt_follows():
    code = (
        "import django; django.setup();"
        "from django.urls import reverse, resolve, Resolver404;"
        "from django.template.loader import render_to_string;"
        "print(reverse('admin:index'));"
        "print(render_to_string('robots.txt').splitlines()[1]);"
        "print(reverse('admin:login'))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "ADMIN_PATH": "/staff-door/"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["/staff-door/", "Disallow: /staff-door/", "/staff-door/login/"]


def test_a_bad_admin_path_stops_the_site_with_a_clear_message():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "ADMIN_PATH": "/"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "ADMIN_PATH must be a path of letters, digits and hyphens" in result.stderr


def test_no_template_names_the_admin_address():
    for path in (ROOT / "templates").rglob("*"):
        if path.is_file():
            assert "/admin/" not in path.read_text(), path


# --- what a flood of failures writes and keeps ---------------------------------------


def writes(queries):
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))
    ]


def test_refused_tries_while_locked_out_write_nothing(client, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fail(client, 5)
    before = list(AccessAttempt.objects.values())
    with CaptureQueriesContext(connection) as queries:
        for username in ["nurse", "nurse", "made-up-1", "made-up-2"]:
            assert sign_in(client, username, "wrong-password").status_code == 429
    assert writes(queries.captured_queries) == []
    assert list(AccessAttempt.objects.values()) == before


def test_a_failure_row_keeps_counts_and_times_not_the_request(client, editor):
    for _ in range(4):
        client.post(
            reverse("admin:login") + "?padding=" + "x" * 500,
            {"username": "nurse", "password": "wrong", "next": "/" + "y" * 500},
            REMOTE_ADDR="192.0.2.1",
        )
    attempt = AccessAttempt.objects.get()
    assert attempt.failures_since_start == 4
    assert attempt.get_data == "" and attempt.post_data == ""


def test_attempts_older_than_the_cool_off_are_deleted_at_the_next_failure(client, editor):
    for number in range(3):
        fail(client, 1, username=f"made-up-{number}", ip=f"198.51.100.{number}")
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=61))
    fail(client, 1, ip="203.0.113.5")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.5"]


# --- a bounded share of the workers for password hashes ------------------------------


@pytest.fixture
def slow_hashes(settings, tmp_path, monkeypatch):
    """A quarter of a worker for hashing, on a clock that moves only when told
    to, and by 1 s for each hash (as a real one takes up to a second)."""
    from neuroinfo import signing_in

    settings.SIGN_IN_HASH_SHARE = 0.25
    clock = [1_000_000.0]
    monkeypatch.setattr(signing_in, "_now", lambda: clock[0])
    monkeypatch.setattr(signing_in, "_host_file", lambda: str(tmp_path / "budget"))
    calls = []

    def slow(method):
        def wrapper(self, *args, **kwargs):
            calls.append(method.__name__)
            clock[0] += 1
            return method(self, *args, **kwargs)

        return wrapper

    with (
        mock.patch.object(MD5PasswordHasher, "verify", slow(MD5PasswordHasher.verify)),
        mock.patch.object(MD5PasswordHasher, "encode", slow(MD5PasswordHasher.encode)),
    ):
        yield clock, calls


def test_a_flood_from_many_addresses_gets_a_quarter_of_a_worker(client, editor, slow_hashes):
    clock, hashes = slow_hashes
    statuses = [
        sign_in(client, f"made-up-{n}", "wrong", ip=f"198.51.100.{n}").status_code
        for n in range(20)
    ]
    assert statuses == [200] + [429] * 19
    assert hashes == ["encode"]  # one dummy hash for an unknown user, then none
    # Refused for the budget: no failure is counted against anyone.
    assert AccessAttempt.objects.count() == 1
    response = sign_in(client, "nurse", PASSWORD)
    assert response.status_code == 429
    assert "Signing in is busy" in response.content.decode()
    assert response["Retry-After"]
    clock[0] += 2.9  # the hash took 1 s: no other for 3 s
    assert sign_in(client, "nurse", PASSWORD).status_code == 429
    clock[0] += 0.1
    assert sign_in(client, "nurse", PASSWORD).status_code == 302


def test_locked_out_tries_get_the_lockout_page_and_leave_the_budget_open(
    client, editor, slow_hashes
):
    clock, hashes = slow_hashes
    for _ in range(5):
        clock[0] += 10
        assert fail(client, 1, ip="198.51.100.1").status_code in {200, 429}
    hashes.clear()
    clock[0] += 10
    for _ in range(3):
        response = fail(client, 1, ip="198.51.100.1")
        assert response.status_code == 429
        assert "Signing in is paused" in response.content.decode()
    assert hashes == []
    assert sign_in(client, "nurse", PASSWORD, ip="192.0.2.9").status_code == 302


def test_a_post_without_a_valid_csrf_token_spends_none_of_the_budget(editor, slow_hashes):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert sign_in(strict, "nurse", "wrong").status_code == 403
    assert sign_in(Client(), "nurse", PASSWORD).status_code == 302


def test_while_another_worker_hashes_a_sign_in_is_busy_not_queued(client, editor, slow_hashes):
    from neuroinfo.signing_in import hash_gate

    clock, hashes = slow_hashes
    with hash_gate() as gate:  # as another worker process would hold it
        assert gate is not None
        response = sign_in(client, "nurse", PASSWORD)
        assert response.status_code == 429
        assert "Signing in is busy" in response.content.decode()
        assert hashes == []
    assert sign_in(client, "nurse", PASSWORD).status_code == 302


def test_the_pause_is_shared_through_the_cache_and_kept_per_server_when_it_is_down(
    client, editor, settings, slow_hashes, tmp_path, monkeypatch
):
    from neuroinfo import signing_in

    clock, _ = slow_hashes
    # A shared cache: a pause set by one server is seen by another (another file).
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "shared-cache"),
        }
    }
    assert sign_in(client, "nurse", PASSWORD).status_code == 302
    monkeypatch.setattr(signing_in, "_host_file", lambda: str(tmp_path / "other-server"))
    assert sign_in(client, "nurse", PASSWORD).status_code == 429
    clock[0] += 10  # past the pause a signed-in check leaves
    assert sign_in(client, "nurse", PASSWORD).status_code == 302

    # A shared cache that does not answer: no 500, and this server's pause holds.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing listens
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    clock[0] += 10  # past the pause a signed-in check leaves
    assert sign_in(client, "nurse", PASSWORD).status_code == 302
    assert sign_in(client, "nurse", PASSWORD).status_code == 429
    clock[0] += 10  # past the pause a signed-in check leaves
    assert sign_in(client, "nurse", PASSWORD).status_code == 302


# --- lifting a lockout ---------------------------------------------------------------


@pytest.fixture
def locked_out_by_made_up_names(client, editor):
    """An editor's address, locked out by someone on the same network trying
    made-up names: the editor has no failure of their own."""
    for name in ["admin", "root", "test", "office", "info"]:
        fail(client, 1, username=name)
    assert sign_in(client, "nurse", PASSWORD).status_code == 429


def test_forgetting_the_editors_own_failures_leaves_the_address_locked(
    client, locked_out_by_made_up_names
):
    from django.core.management import call_command

    call_command("axes_reset_username", "nurse", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert sign_in(client, "nurse", PASSWORD).status_code == 429


def test_axes_reset_ip_lifts_it(client, locked_out_by_made_up_names):
    from django.core.management import call_command

    call_command("axes_reset_ip", "192.0.2.1", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert sign_in(client, "nurse", PASSWORD).status_code == 302


def test_a_superuser_sees_the_lockout_and_lifts_it_in_the_admin(
    client, locked_out_by_made_up_names, django_user_model
):
    from django.test import Client

    boss = django_user_model.objects.create_user("boss", is_staff=True, is_superuser=True)
    admin = Client()
    admin.force_login(boss)
    changelist = reverse("admin:axes_accessattempt_changelist")
    page = admin.get(changelist)
    assert page.status_code == 200
    html = page.content.decode()
    assert "address locked out for every name" in html.lower()
    assert "office" in html
    assert html.count('alt="True"') == 5  # each row: its address is locked out
    one_row = AccessAttempt.objects.get(username="office")
    response = admin.post(
        changelist, {"action": "lift_lockout", "_selected_action": [one_row.pk]}, follow=True
    )
    assert "Lifted the lockout of 1 address" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "nurse", PASSWORD).status_code == 302


def test_only_superusers_see_lockouts(client, locked_out_by_made_up_names, django_user_model):
    from django.contrib.auth.models import Permission
    from django.test import Client

    staff = django_user_model.objects.create_user("staff", is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(content_type__app_label="axes"))
    other = Client()
    other.force_login(staff)
    assert other.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403

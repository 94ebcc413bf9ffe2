"""Before launch, `check --deploy` warns while parents could not tell who runs
the site or how to reach them (content/checks.py)."""

import secrets
import shutil
import subprocess
import sys

import pytest
from django.core import checks

from content.models import SiteText
from tests.support.subprocesses import ROOT, environment

pytestmark = pytest.mark.django_db

WHO = "content.W002"
CONTACT = "content.W003"


def deploy_warnings():
    return [
        m.id for m in checks.run_checks(include_deployment_checks=True) if m.id in (WHO, CONTACT)
    ]


def set_site_text(**fields):
    site_text = SiteText.current()
    for name, value in fields.items():
        setattr(site_text, name, value)
    site_text.save()


def test_the_starting_texts_name_no_one_so_the_deploy_check_warns_about_both():
    assert SiteText.current().organisation_name == ""
    assert deploy_warnings() == [WHO, CONTACT]


def test_the_warnings_name_what_parents_would_read_and_where_to_fix_it():
    warning = next(m for m in checks.run_checks(include_deployment_checks=True) if m.id == WHO)
    assert "we cannot tell you who runs it" in warning.msg
    assert "Site-wide texts" in warning.hint


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"organisation_name": "Neuroblastoma Parents UK"}, [CONTACT]),
        ({"contact": "Write to hello@example.org."}, [WHO]),
        ({"organisation_name": "   ", "contact": "\n"}, [WHO, CONTACT]),
        (
            {"organisation_name": "Neuroblastoma Parents UK", "contact": "hello@example.org"},
            [],
        ),
    ],
)
def test_each_warning_goes_once_its_text_is_set(fields, expected):
    set_site_text(**fields)
    assert deploy_warnings() == expected


def test_without_deploy_the_check_stays_quiet_so_local_work_is_not_nagged():
    ids = [m.id for m in checks.run_checks()]
    assert WHO not in ids and CONTACT not in ids


def test_a_missing_row_warns_too():
    SiteText.objects.all().delete()
    assert deploy_warnings() == [WHO, CONTACT]


def test_manage_py_check_deploy_fails_on_a_freshly_migrated_site(migrated, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated, database)
    production = {
        "DJANGO_SETTINGS_MODULE": "neuroinfo.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "neuroinfo.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment(database, **production),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert f"({WHO}) The organisation's name is empty" in result.stderr
    assert f"({CONTACT}) The contact text is empty" in result.stderr

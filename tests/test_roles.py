"""The Editors and Medical reviewers groups, and `make editor` / `make reviewer`."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from content.review.roles import EDITORS, REVIEWERS, role_permissions

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_editors_write_pages_and_sources_but_cannot_publish_delete_or_change_the_guide():
    editors = codenames(EDITORS)
    assert {"add_page", "change_page", "view_page", "add_source", "change_source"} <= editors
    assert {"view_question", "view_answer"} <= editors
    assert {"add_sitetext", "change_sitetext", "view_sitetext"} <= editors  # site-wide texts
    assert not {"sign_off_page", "delete_page", "change_question", "change_answer"} & editors
    assert not any("user" in name or "group" in name or "historical" in name for name in editors)


def test_medical_reviewers_can_do_what_editors_can_and_sign_off_and_change_the_guide():
    reviewers = codenames(REVIEWERS)
    assert codenames(EDITORS) <= reviewers
    assert {"sign_off_page", "change_question", "add_answer", "change_answer"} <= reviewers
    assert not any("user" in name or "historical" in name for name in reviewers)


def test_a_model_added_later_gets_the_same_rights_as_pages():
    roles = role_permissions(["page", "source", "question", "answer", "term", "historicalterm"])
    assert {"add_term", "change_term", "view_term"} <= roles[EDITORS]
    assert "delete_term" not in roles[EDITORS]
    assert "delete_term" in roles[REVIEWERS]
    assert not any("historical" in name for name in roles[REVIEWERS])


@pytest.mark.parametrize(
    "role, group, can_sign_off", [("editor", EDITORS, False), ("reviewer", REVIEWERS, True)]
)
def test_the_command_asks_for_a_name_and_password_and_makes_a_staff_account(
    monkeypatch, role, group, can_sign_off
):
    monkeypatch.setattr("builtins.input", lambda prompt: "sam")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "a-long-test-password-9")
    call_command("create_staff_user", role)
    user = get_user_model().objects.get(username="sam")
    assert user.is_staff and not user.is_superuser
    assert user.check_password("a-long-test-password-9")
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert user.has_perm("content.sign_off_page") is can_sign_off


def test_the_command_records_the_languages_a_reviewer_reads(monkeypatch):
    from content import languages
    from content.models import ReviewerLanguages

    monkeypatch.setattr("getpass.getpass", lambda prompt="": "a-long-test-password-9")
    codes = languages.translations()
    call_command("create_staff_user", "reviewer", username="lea", reads=",".join(codes))
    assert ReviewerLanguages.objects.get(user__username="lea").languages == codes
    with pytest.raises(CommandError, match="not translated into xx"):
        call_command("create_staff_user", "reviewer", username="max", reads="xx")
    assert not get_user_model().objects.filter(username="max").exists()


def test_the_command_refuses_an_empty_name(monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "  ")
    with pytest.raises(CommandError, match="A user name is needed"):
        call_command("create_staff_user", "editor")


def test_make_editor_and_make_reviewer_call_the_command():
    makefile = Path("Makefile").read_text()
    assert "manage.py create_staff_user editor" in makefile
    assert "manage.py create_staff_user reviewer" in makefile

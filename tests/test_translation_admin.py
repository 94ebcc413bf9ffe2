"""The admin's side of translations: the languages a reviewer reads (on
their user page), "Translate this", the English beside the translation, and
the list of translations the English has left behind."""

import pytest
from django.urls import reverse

from content import languages
from content.models import ReviewerLanguages
from tests.support.factories import make_user

pytestmark = pytest.mark.django_db

LANGUAGE = languages.translations()[0]
NAME = languages.english_name(LANGUAGE)


def user_form_data(user, **changes):
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "is_staff": "on",
        "groups": [g.pk for g in user.groups.all()],
        "date_joined_0": f"{user.date_joined:%Y-%m-%d}",
        "date_joined_1": f"{user.date_joined:%H:%M:%S}",
        "reviewer_languages-TOTAL_FORMS": "1",
        "reviewer_languages-INITIAL_FORMS": "0",
        "reviewer_languages-MIN_NUM_FORMS": "1",
        "reviewer_languages-MAX_NUM_FORMS": "1",
        "reviewer_languages-0-user": user.pk,
    }
    data.update(changes)
    return data


def test_a_superuser_sets_the_languages_a_reviewer_reads_on_their_user_page(superuser_client):
    reviewer = make_user("dr-martin", "reviewer")
    url = reverse("admin:auth_user_change", args=[reviewer.pk])
    page = superuser_client.get(url).content.decode()
    assert "Reads, besides English" in page
    assert f'value="{LANGUAGE}"' in page and NAME in page
    assert 'value="en-gb"' not in page  # every reviewer reads English

    data = user_form_data(reviewer, **{"reviewer_languages-0-languages": [LANGUAGE]})
    response = superuser_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ReviewerLanguages.objects.get(user=reviewer).languages == [LANGUAGE]
    assert str(ReviewerLanguages.objects.get(user=reviewer)) == f"English, {NAME}"


def test_a_language_the_site_does_not_offer_is_refused(superuser_client):
    reviewer = make_user("dr-martin", "reviewer")
    url = reverse("admin:auth_user_change", args=[reviewer.pk])
    data = user_form_data(reviewer, **{"reviewer_languages-0-languages": ["xx"]})
    response = superuser_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ReviewerLanguages.objects.filter(user=reviewer).exists()


def test_reviewers_and_editors_cannot_say_which_languages_they_read(reviewer_client, reviewer):
    from django.contrib.auth.models import Group

    for group in Group.objects.all():
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert not {c for c in codenames if c.endswith("reviewerlanguages")}
    url = reverse("admin:auth_user_change", args=[reviewer.pk])
    assert reviewer_client.get(url).status_code == 403

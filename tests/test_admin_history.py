"""simple-history's view of one old version shows it and never saves it.

Its form accepts a POST that saves the old values straight onto the live row
for anyone who may view the object, whatever SIMPLE_HISTORY_REVERT_DISABLED
says: an editor changed the guide that way. Every admin with such views
refuses the POST (content/admin/history.py).
"""

import re

import pytest
from django.contrib import admin
from django.forms.models import model_to_dict
from simple_history.admin import SimpleHistoryAdmin

from content.admin.history import REFUSAL, ReadOnlyHistory
from content.models import Question, SiteText, Term
from tests.factories import make_term

pytestmark = pytest.mark.django_db

# What each admin's form posts, and the field the attacker changes.
FORMS = {
    Term: (
        ["term", "slug", "definition", "other_names", "source_name", "source_url"],
        "definition",
    ),
    SiteText: (["organisation_name", "worried_now", "about", "contact"], "worried_now"),
    Question: (["text", "key", "hint", "summary_label", "error_message", "order"], "text"),
}


def an_object_with_history(model):
    if model is Term:
        obj = make_term()
    else:
        obj = model.objects.order_by("pk").first()  # from the starting-content migrations
        obj.save()  # so it has a version of its own in the history
    return obj


def history_form_url(obj):
    version = obj.history.latest("history_date")
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/history/{version.history_id}/"


def row(obj):
    return model_to_dict(type(obj).objects.get(pk=obj.pk))


@pytest.mark.parametrize("model", list(FORMS), ids=lambda m: m.__name__)
@pytest.mark.parametrize("who", ["editor_client", "reviewer_client", "superuser_client"])
def test_a_post_to_an_old_versions_page_changes_nothing(request, model, who):
    client = request.getfixturevalue(who)
    obj = an_object_with_history(model)
    fields, changed = FORMS[model]
    before, versions = row(obj), obj.history.count()
    data = {name: before[name] for name in fields}
    data[changed] = "Call 0900 000 000 now, whatever is wrong."

    response = client.post(history_form_url(obj), data)

    assert response.status_code == 405
    assert REFUSAL in response.content.decode()
    assert row(obj) == before
    assert obj.history.count() == versions


@pytest.mark.parametrize("model", list(FORMS), ids=lambda m: m.__name__)
def test_an_old_version_is_shown_with_every_field_greyed_out(editor_client, model):
    obj = an_object_with_history(model)
    fields, changed = FORMS[model]

    response = editor_client.get(history_form_url(obj))

    assert response.status_code == 200
    html = response.content.decode()
    for name in fields:
        tag = re.search(rf'<(?:input|textarea|select)[^>]*name="{name}"[^>]*>', html)
        assert tag and " disabled" in tag.group(0), name
    assert 'type="submit"' not in html.split('id="content-main"')[1]
    first_words = str(getattr(obj, changed)).split("\n")[0][:30]
    assert first_words in html


def test_every_admin_with_simple_historys_views_refuses_to_save_from_them():
    with_history = [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, SimpleHistoryAdmin)
    ]
    assert {type(a).__name__ for a in with_history} >= {
        "TermAdmin",
        "SiteTextAdmin",
        "QuestionAdmin",
    }
    for model_admin in with_history:
        assert isinstance(model_admin, ReadOnlyHistory), type(model_admin).__name__

"""The guide in the admin: only medical reviewers change it, sections are
chosen from the page's headings, errors name answers by their text and sit
beside the field, and a new answer goes where the editor puts it."""

from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission

from content.models import Answer, Page, Question
from content.review.roles import REVIEWERS
from tests.support.factories import admin_url
from tests.test_guide_admin import post_question, question_post_data

pytestmark = pytest.mark.django_db

GUIDE_PERMISSIONS = [
    f"{action}_{model}" for action in ["add", "change", "delete", "view"]
    for model in ["question", "answer"]
]  # fmt: skip


@pytest.fixture
def editor_client(client, django_user_model):
    """A staff user given every guide permission directly, in no group."""
    user = django_user_model.objects.create_user("writer", password="x-long-pass", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=GUIDE_PERMISSIONS))
    client.force_login(user)
    client.user = user
    return client


def where():
    return Question.objects.get(key="where")


def test_an_editor_can_read_the_guide_but_not_change_it(editor_client):
    question = where()
    url = admin_url(f"content/question/{question.pk}/change/")
    response = editor_client.get(url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    data = question_post_data(question)
    data["text"] = "Changed by an editor?"
    assert editor_client.post(url, data).status_code == 403
    assert editor_client.get(admin_url("content/question/add/")).status_code == 403
    delete = admin_url(f"content/question/{question.pk}/delete/")
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert Question.objects.get(pk=question.pk).text == "Where has the neuroblastoma come back?"


def test_a_medical_reviewer_can_change_the_guide(editor_client):
    group, _ = Group.objects.get_or_create(name=REVIEWERS)
    editor_client.user.groups.add(group)
    response = post_question(editor_client, where(), brain={"label": "In the brain or spine"})
    assert response.status_code == 302
    assert Answer.objects.get(question__key="where", key="brain").label == "In the brain or spine"


def test_an_answers_section_is_chosen_from_the_pages_headings(staff_client):
    html = unescape(
        staff_client.get(admin_url(f"content/question/{where().pk}/change/")).content.decode()
    )
    select = html[html.index('name="answers-1-section"') :]
    select = select[: select.index("</select>")]
    assert '<optgroup label="When low-risk neuroblastoma comes back">' in select
    assert (
        '<option value="low-risk#spread">When low-risk neuroblastoma comes back — If it has '
        "spread to other places in the body</option>" in select
    )
    # A section used after another question is shown on the first page that has it.
    assert '<option value="low-risk#one-place" selected>' in select
    assert '<option value="">None: open the page at the top</option>' in select


def test_a_section_of_another_page_is_refused_beside_the_field(staff_client):
    response = post_question(staff_client, where(), brain={"section": "low-risk#spread"})
    assert response.status_code == 200
    html = unescape(response.content.decode())
    cns = Page.objects.in_language().get(slug="cns").title
    assert (
        f"That section is on “When low-risk neuroblastoma comes back”, but this answer leads to "
        f"“{cns}”. Choose a section of “{cns}”." in html
    )
    assert Answer.objects.get(question__key="where", key="brain").section == ""


def test_a_problem_is_shown_at_the_top_and_beside_the_answers_field(staff_client):
    response = post_question(staff_client, where(), brain={"page": ""})
    html = unescape(response.content.decode())
    message = (
        "Answer “In the brain or spinal cord” to “Where has the neuroblastoma come back?” "
        "must lead to either a page or another question"
    )
    assert html.count(message) == 2
    assert html.index("would leave the guide unable to help a parent") < html.index(
        'name="answers-0-page"'
    )


def test_a_loop_is_described_by_the_questions_own_words(staff_client):
    risk = Question.objects.get(key="risk-group")
    response = post_question(staff_client, risk, low={"page": "", "next_question": where().pk})
    html = unescape(response.content.decode())
    assert (
        "The guide goes round in a loop: “Where has the neuroblastoma come back?” → “What risk "
        "group was your child in when the neuroblastoma was first found?” → “Where has the "
        "neuroblastoma come back?”." in html
    )


def test_a_new_answer_without_a_position_goes_after_the_others(staff_client):
    question = where()
    data = question_post_data(question)
    n = data["answers-TOTAL_FORMS"]
    data["answers-TOTAL_FORMS"] = n + 1
    data.update(
        {
            f"answers-{n}-question": question.pk,
            f"answers-{n}-label": "Somewhere else",
            f"answers-{n}-key": "elsewhere",
            f"answers-{n}-page": Page.objects.in_language().get(slug="what-is-recurrence").pk,
            f"answers-{n}-reason": "it has come back somewhere else",
            f"answers-{n}-order": "",
        }
    )
    response = staff_client.post(admin_url(f"content/question/{question.pk}/change/"), data)
    assert response.status_code == 302, unescape(response.content.decode())[-2000:]
    orders = dict(Answer.objects.filter(question=question).values_list("key", "order"))
    assert orders["elsewhere"] == max(orders.values())
    assert orders["elsewhere"] > orders["spread"]


def test_each_answer_shows_its_position_first(staff_client):
    html = staff_client.get(admin_url(f"content/question/{where().pk}/change/")).content.decode()
    first = html[html.index('id="answers-0"') :]
    assert first.index('name="answers-0-order"') < first.index('name="answers-0-label"')
    assert "Leave empty to put a new answer after the others." in unescape(html)


def test_a_page_change_the_guide_refuses_is_shown_at_the_top_and_beside_the_field(staff_client):
    from tests.support.factories import page_form_data

    page = Page.objects.in_language().get(slug="low-risk")
    data = page_form_data(page, body=page.body.replace("{#spread}", ""))
    response = staff_client.post(admin_url(f"content/page/{page.pk}/change/"), data)
    html = unescape(response.content.decode())
    assert html.count("that the page does not have") == 2
    top = html.index("would leave the guide unable to help a parent")
    assert top < html.index('name="body"')


def test_a_section_that_is_not_in_the_list_is_refused_not_a_server_error(staff_client):
    response = post_question(staff_client, where(), brain={"section": "cns#no-such-section"})
    assert response.status_code == 200
    assert "Select a valid choice." in unescape(response.content.decode())

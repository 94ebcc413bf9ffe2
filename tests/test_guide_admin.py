"""Editors change the guide in the admin, and cannot break it."""

from html import unescape

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from content import review
from content.checks import guide_never_strands_a_parent
from content.models import Answer, Guide, Page, Question
from tests.support.factories import admin_url, page_form_data, second_reviewer

pytestmark = pytest.mark.django_db


def question_post_data(question, **answer_changes):
    """The admin change form's data for `question`, as it stands, with changes
    to answers given as {answer key: {field: value}}."""
    data = {
        "text": question.text,
        "key": question.key,
        "hint": question.hint,
        "summary_label": question.summary_label,
        "error_message": question.error_message,
        "order": question.order,
    }
    answers = list(question.answers.all())
    data.update(
        {
            "answers-TOTAL_FORMS": len(answers),
            "answers-INITIAL_FORMS": len(answers),
            "answers-MIN_NUM_FORMS": 0,
            "answers-MAX_NUM_FORMS": 1000,
        }
    )
    for i, answer in enumerate(answers):
        fields = {
            "id": answer.pk,
            "question": question.pk,
            "label": answer.label,
            "key": answer.key,
            "hint": answer.hint,
            "is_unsure": "on" if answer.is_unsure else "",
            "next_question": answer.next_question_id or "",
            "page": answer.page_id or "",
            "section": section_choice(answer),
            "reason": answer.reason,
            "result_note": answer.result_note,
            "order": answer.order,
        }
        fields.update(answer_changes.get(answer.key, {}))
        for name, value in fields.items():
            if value != "" or name not in {"is_unsure"}:
                data[f"answers-{i}-{name}"] = value
        if not fields["is_unsure"]:
            data.pop(f"answers-{i}-is_unsure", None)
    return data


def section_choice(answer):
    """The section select's value for an answer's stored section: "page-slug#id"."""
    if not answer.section:
        return ""
    if answer.page_id:
        return f"{answer.page.slug}#{answer.section}"
    having = [p for p in Page.objects.all() if answer.section in dict(p.sections)]
    return f"{having[0].slug}#{answer.section}"


def new_question_data(**fields):
    """Add-form data for a new question with a "Yes" and an "I'm not sure" answer."""
    overview = Page.objects.in_language().get(slug="what-is-recurrence")
    data = {
        "summary_label": "New question",
        "error_message": "Select an answer",
        "order": 3,
        "answers-TOTAL_FORMS": 2,
        "answers-INITIAL_FORMS": 0,
        "answers-MIN_NUM_FORMS": 0,
        "answers-MAX_NUM_FORMS": 1000,
    }
    for i, (label, key) in enumerate([("Yes", "yes"), ("I'm not sure", "not-sure")]):
        data.update(
            {
                f"answers-{i}-label": label,
                f"answers-{i}-key": key,
                f"answers-{i}-page": overview.pk,
                f"answers-{i}-reason": f"you said {label}",
                f"answers-{i}-order": i,
            }
        )
    data["answers-1-is_unsure"] = "on"
    data.update(fields)
    return data


def post_question(client, question, **changes):
    return client.post(
        admin_url(f"content/question/{question.pk}/change/"),
        question_post_data(question, **changes),
    )


def test_the_starting_guide_passes_the_system_check():
    assert guide_never_strands_a_parent() == []


def test_the_system_check_reports_a_broken_guide():
    # In the working copy first: parents do not have it yet.
    Answer.objects.filter(question__key="where", key="not-sure").update(is_unsure=False)
    errors = guide_never_strands_a_parent()
    assert [e.id for e in errors] == ["content.W002"]
    assert "has no “I'm not sure” answer" in errors[0].msg
    with pytest.raises(SystemCheckError):
        call_command("check", fail_level="WARNING")
    # Then in the guide parents use.
    guide = Guide.current()
    guide.questions = [
        {**q, "answers": [{**a, "is_unsure": False} for a in q["answers"]]} for q in guide.questions
    ]
    guide.save()
    assert [e.id for e in guide_never_strands_a_parent()][0] == "content.W001"


def test_a_change_made_in_the_admin_shows_in_the_guide(staff_client, client):
    question = Question.objects.get(key="where")
    response = post_question(
        staff_client, question, **{"brain": {"label": "In the brain or the spine"}}
    )
    assert response.status_code == 302
    assert "In the brain or the spine" in client.get("/guide/where/").content.decode()


def test_the_admin_can_send_an_answer_to_another_page(staff_client, client):
    question = Question.objects.get(key="where")
    trials = Page.objects.in_language().get(slug="clinical-trials")
    response = post_question(staff_client, question, brain={"page": trials.pk})
    assert response.status_code == 302
    html = client.get("/guide/result/?where=brain").content.decode()
    assert 'href="/pages/clinical-trials/" data-guide-result' in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"not-sure": {"is_unsure": ""}}, "has no “I'm not sure” answer"),
        ({"brain": {"page": ""}}, "must lead to either a page or another question"),
        (
            {"one-place": {"section": "what-is-recurrence#risk-groups"}},
            "that the page does not have",
        ),
    ],
)
def test_the_admin_refuses_a_change_that_would_strand_a_parent(staff_client, changes, message):
    question = Question.objects.get(key="where")
    before = {a.key: (a.is_unsure, a.page_id, a.section) for a in question.answers.all()}
    response = post_question(staff_client, question, **changes)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "would leave the guide unable to help a parent" in html
    assert message in html
    stored = {a.key: (a.is_unsure, a.page_id, a.section) for a in question.answers.all()}
    assert stored == before


def test_the_admin_refuses_a_loop(staff_client):
    question = Question.objects.get(key="risk-group")
    where = Question.objects.get(key="where")
    response = post_question(staff_client, question, low={"page": "", "next_question": where.pk})
    assert "goes round in a loop" in unescape(response.content.decode())
    assert Answer.objects.get(question=question, key="low").page.slug == "low-risk"


def test_the_admin_refuses_to_unpublish_a_page_the_guide_leads_to(staff_client):
    page = Page.objects.in_language().get(slug="cns")
    data = page_form_data(page, status="draft")
    response = staff_client.post(admin_url(f"content/page/{page.pk}/change/"), data)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "which is not published" in html
    assert Page.objects.in_language().get(slug="cns").status == "published"


def test_the_admin_refuses_to_remove_a_section_the_guide_opens_at(staff_client):
    page = Page.objects.in_language().get(slug="low-risk")
    data = page_form_data(page, body=page.body.replace("{#spread}", ""))
    response = staff_client.post(admin_url(f"content/page/{page.pk}/change/"), data)
    assert "section “spread” that the page does not have" in unescape(response.content.decode())
    assert '<h2 id="spread">' in Page.objects.in_language().get(slug="low-risk").body_html


def test_the_admin_refuses_to_delete_a_question_that_answers_lead_to(staff_client):
    question = Question.objects.get(key="risk-group")
    response = staff_client.post(
        admin_url(f"content/question/{question.pk}/delete/"), {"post": "yes"}, follow=True
    )
    assert "would leave the guide unable to help a parent" in unescape(response.content.decode())
    assert Question.objects.filter(key="risk-group").exists()


def test_bulk_delete_cannot_skip_the_check_a_single_delete_makes(staff_client):
    # A question asked only after "In the brain or spinal cord": deleting the
    # first question (which nothing protects) would leave it unreachable.
    brain = Answer.objects.get(question__key="where", key="brain")
    data = new_question_data(text="Has your child had treatment since?", key="treated")
    response = staff_client.post(
        admin_url("content/question/add/"), {**data, "reached_from": brain.pk}
    )
    assert response.status_code == 302
    first = Question.objects.get(key="where")
    response = staff_client.post(
        admin_url(f"content/question/{first.pk}/delete/"), {"post": "yes"}, follow=True
    )
    assert "would leave the guide unable to help a parent" in unescape(response.content.decode())
    # The list offers no bulk delete, which would skip that check, and a
    # forged one deletes nothing.
    listing = staff_client.get(admin_url("content/question/")).content.decode()
    assert 'name="action"' not in listing
    staff_client.post(
        admin_url("content/question/"),
        {"action": "delete_selected", "_selected_action": [first.pk], "index": "0", "post": "yes"},
    )
    assert Question.objects.filter(key="where").exists()


def test_a_new_question_is_added_after_an_answer(staff_client, client):
    unsure = Answer.objects.get(question__key="risk-group", key="not-sure")
    data = new_question_data(
        text="Has your child had treatment since it came back?",
        key="treated",
        reached_from=unsure.pk,
    )
    response = staff_client.post(admin_url("content/question/add/"), data)
    assert response.status_code == 302, unescape(response.content.decode())[-3000:]
    response = client.get("/guide/risk-group/next/?where=spread&risk-group=not-sure")
    assert response["Location"] == "/guide/treated/?where=spread&risk-group=not-sure"
    assert guide_never_strands_a_parent() == []


def test_adding_a_question_nothing_leads_to_is_refused(staff_client):
    data = new_question_data(text="An orphan?", key="orphan")
    response = staff_client.post(admin_url("content/question/add/"), data)
    assert response.status_code == 200
    assert "cannot be reached from the first question" in unescape(response.content.decode())
    assert not Question.objects.filter(key="orphan").exists()


def test_swapping_two_answer_keys_saves_cleanly(staff_client):
    question = Question.objects.get(key="risk-group")
    response = post_question(
        staff_client,
        question,
        low={"key": "high", "page": Page.objects.in_language().get(slug="high-risk").pk},
        high={"key": "low", "page": Page.objects.in_language().get(slug="low-risk").pk},
    )
    assert response.status_code == 302
    assert Answer.objects.get(question=question, key="low").label == "High risk"
    assert guide_never_strands_a_parent() == []


def test_a_tie_in_order_is_checked_as_the_database_orders_it(staff_client):
    """Two questions with order 0: the one saved first (lower pk) starts the guide."""
    where = Question.objects.get(key="where")
    intro = Question.objects.create(
        key="intro", text="Intro?", summary_label="Intro", error_message="Pick", order=0
    )
    cns = Page.objects.in_language().get(slug="cns")
    Answer.objects.create(question=intro, key="go", label="Go", reason="go", next_question=where)
    Answer.objects.create(
        question=intro, key="not-sure", label="Not sure", reason="unsure", is_unsure=True, page=cns
    )
    # `where` has the lower pk, so order 0 makes it the start and strands `intro`.
    data = question_post_data(where)
    data["order"] = 0
    response = staff_client.post(admin_url(f"content/question/{where.pk}/change/"), data)
    assert "cannot be reached from the first question" in unescape(response.content.decode())
    assert Question.objects.get(key="where").order == 1


def test_an_existing_problem_does_not_hide_a_new_one(staff_client):
    Page.objects.filter(slug="cns").update(status="draft")
    page = Page.objects.in_language().get(slug="low-risk")
    data = page_form_data(page, body=page.body.replace("{#spread}", ""))
    response = staff_client.post(admin_url(f"content/page/{page.pk}/change/"), data)
    assert "section “spread” that the page does not have" in unescape(response.content.decode())


def test_the_words_id_in_plain_text_are_not_a_section(staff_client):
    page = Page.objects.in_language().get(slug="low-risk")
    body = page.body.replace("{#spread}", "") + '\n\nSay id="spread" here.'
    response = staff_client.post(
        admin_url(f"content/page/{page.pk}/change/"), page_form_data(page, body=body)
    )
    assert "section “spread” that the page does not have" in unescape(response.content.decode())


def test_renaming_a_question_key_in_the_admin_the_guide_follows(staff_client, client):
    question = Question.objects.get(key="risk-group")
    data = question_post_data(question)
    data["key"] = "group"
    response = staff_client.post(admin_url(f"content/question/{question.pk}/change/"), data)
    assert response.status_code == 302, unescape(response.content.decode())[-2000:]
    response = client.get("/guide/where/next/?where=spread")
    assert response["Location"] == "/guide/group/?where=spread"
    assert client.get("/guide/group/?where=spread").status_code == 200
    assert client.get("/guide/risk-group/?where=spread").status_code == 404
    assert guide_never_strands_a_parent() == []


def test_renaming_a_page_slug_in_the_admin_the_guide_follows(staff_client, client):
    page = Page.objects.in_language().get(slug="cns")
    response = staff_client.post(
        admin_url(f"content/page/{page.pk}/change/"),
        page_form_data(page, slug="brain-and-spine", _submit_for_sign_off="1"),
    )
    assert response.status_code == 302, unescape(response.content.decode())[-2000:]
    # A published page's new address waits for sign-off like its text.
    assert Page.objects.get(pk=page.pk).slug == "cns"
    review.sign_off(page, second_reviewer())
    html = client.get("/guide/result/?where=brain").content.decode()
    assert 'href="/pages/brain-and-spine/" data-guide-result' in html
    assert client.get("/pages/brain-and-spine/").status_code == 200


def test_a_question_needs_at_least_two_answers():
    from content import guide

    questionnaire = guide.load_questionnaire()
    where = questionnaire.question("where")
    only_one = guide.with_question(
        questionnaire, guide.replace(where, answers=where.answers[:1]), old_key="where"
    )
    assert "Question “Where has the neuroblastoma come back?” needs at least two answers." in (
        guide.problems(only_one)
    )
    assert not any("at least two" in p for p in guide.problems(questionnaire))


def test_the_admin_refuses_a_question_left_with_one_answer(staff_client):
    question = Question.objects.get(key="risk-group")
    data = question_post_data(question)
    for i in range(1, int(data["answers-TOTAL_FORMS"])):
        data[f"answers-{i}-DELETE"] = "on"
    response = staff_client.post(admin_url(f"content/question/{question.pk}/change/"), data)
    assert response.status_code == 200
    assert "needs at least two answers" in unescape(response.content.decode())
    assert question.answers.count() == 4


def test_result_is_a_reserved_question_key(staff_client):
    from content import guide

    unsure = Answer.objects.get(question__key="risk-group", key="not-sure")
    data = new_question_data(text="Reserved?", key="result", reached_from=unsure.pk)
    response = staff_client.post(admin_url("content/question/add/"), data)
    assert response.status_code == 200
    assert "“result” is used by the guide itself" in unescape(response.content.decode())
    assert not Question.objects.filter(key="result").exists()
    questionnaire = guide.load_questionnaire()
    renamed = guide.with_question(
        questionnaire,
        guide.replace(questionnaire.question("risk-group"), key="result"),
        old_key="risk-group",
    )
    assert any("which the guide uses itself" in p for p in guide.problems(renamed))

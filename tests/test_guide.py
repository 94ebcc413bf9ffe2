"""guide.py's routing and integrity checks, on plain data without HTTP."""

from dataclasses import replace

import pytest

from content.guide import (
    Answer,
    GuideError,
    PageInfo,
    Question,
    Questionnaire,
    problems,
    result_state,
    submit,
    walk,
)

PAGES = {
    "cns": PageInfo("cns", "CNS"),
    "low": PageInfo("low", "Low", sections=frozenset({"one-place", "spread"})),
    "overview": PageInfo("overview", "Overview", sections=frozenset({"risk-groups"})),
}


def questionnaire(**changes):
    where = Question(
        key="where",
        text="Where?",
        answers=(
            Answer("brain", "Brain", "it is in the brain", page="cns"),
            Answer(
                "one", "One place", "it is in one place", next_question="risk", section="one-place"
            ),
            Answer(
                "unsure", "Not sure", "you are not sure where", is_unsure=True, next_question="risk"
            ),
        ),
    )
    risk = Question(
        key="risk",
        text="Risk?",
        answers=(
            Answer("low", "Low", "it was low risk", page="low"),
            Answer("unsure", "Not sure", "you are not sure of the risk", is_unsure=True,
                   page="overview", section="risk-groups"),
        ),
    )  # fmt: skip
    return Questionnaire(questions=changes.get("questions", (where, risk)), pages=PAGES)


def test_a_sound_questionnaire_has_no_problems():
    assert problems(questionnaire()) == []


def test_a_section_carries_on_to_the_page_unless_a_later_answer_names_its_own():
    q = questionnaire()
    assert walk(q, {"where": "one", "risk": "low"}).section == "one-place"
    assert walk(q, {"where": "unsure", "risk": "low"}).section == ""
    assert walk(q, {"where": "one", "risk": "unsure"}).section == "risk-groups"


def test_the_reason_joins_what_the_parent_said():
    result = walk(questionnaire(), {"where": "one", "risk": "low"})
    assert result.reason() == "it is in one place and it was low risk"


def test_a_walk_stops_at_the_first_unanswered_question():
    assert walk(questionnaire(), {"where": "one"}).pending.key == "risk"


def test_submitting_nothing_returns_no_walk_so_the_error_shows():
    answers, result = submit(questionnaire(), "risk", {"where": ["one"]})
    assert answers == {"where": "one"}
    assert result is None


def test_result_state_refuses_an_unfinished_guide():
    with pytest.raises(GuideError):
        result_state(questionnaire(), {"where": ["one"]})


def broken(question_index, answer_index, **answer_changes):
    q = questionnaire()
    question = q.questions[question_index]
    answers = list(question.answers)
    answers[answer_index] = replace(answers[answer_index], **answer_changes)
    questions = list(q.questions)
    questions[question_index] = replace(question, answers=tuple(answers))
    return replace(q, questions=tuple(questions))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda: broken(0, 0, page=None), "must lead to either a page or another question"),
        (lambda: broken(0, 0, next_question="risk"), "must lead to either a page or another"),
        (lambda: broken(0, 0, page="gone"), "leads to a page that does not exist"),
        (lambda: broken(0, 1, next_question="gone"), "leads to a question that does not exist"),
        (lambda: broken(1, 0, page=None, next_question="where"), "goes round in a loop"),
        (lambda: broken(1, 0, page=None, next_question="risk"), "leads back to its own question"),
        (lambda: broken(0, 2, is_unsure=False), "has no “I'm not sure” answer"),
        (lambda: broken(0, 1, section="no-such-section"), "does not have"),
    ],
)
def test_each_kind_of_breakage_is_found(breakage, message):
    found = problems(breakage())
    assert any(message in p for p in found), found


def test_a_question_nothing_leads_to_is_unreachable():
    q = questionnaire()
    q = replace(
        q,
        questions=(
            replace(
                q.questions[0],
                answers=tuple(
                    replace(a, next_question=None, page="cns", section="")
                    for a in q.questions[0].answers
                ),
            ),
            q.questions[1],
        ),
    )
    assert any("cannot be reached" in p for p in problems(q))


def test_a_draft_page_at_the_end_is_a_problem():
    q = questionnaire()
    q = replace(q, pages={**PAGES, "cns": replace(PAGES["cns"], published=False)})
    assert any("which is not published" in p for p in problems(q))


def test_an_empty_guide_is_a_problem():
    assert problems(Questionnaire(questions=())) == ["The guide has no questions."]

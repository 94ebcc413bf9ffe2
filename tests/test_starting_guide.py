import pytest

from content.models import Answer, Page, Question
from content.starting.guide import load_starting_guide

pytestmark = pytest.mark.django_db


def test_the_first_migrate_creates_the_guide():
    assert list(Question.objects.values_list("key", flat=True)) == ["where", "risk-group"]
    assert Answer.objects.filter(is_unsure=True).count() == 2


def test_loading_never_overwrites_an_editors_questions():
    Question.objects.filter(key="where").update(text="Where is it now?")
    assert load_starting_guide(Question, Answer, Page)
    assert Question.objects.get(key="where").text == "Where is it now?"


def test_no_half_built_guide_when_a_page_it_needs_is_a_draft():
    Answer.objects.all().delete()
    Question.objects.all().delete()
    Page.objects.filter(slug="low-risk").update(status="draft")
    assert not load_starting_guide(Question, Answer, Page)
    assert not Question.objects.exists()

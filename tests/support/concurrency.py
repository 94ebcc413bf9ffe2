"""Two editors saving at the same moment, each on their own thread and database connection.

Used by tests/test_concurrent_saves.py, in this process (PostgreSQL) and through
tests/support/sqlite_scenarios.py in a child process with a SQLite file of its own.
"""

import threading
import time
from functools import partial

from django.db import connection
from django.test import Client
from django.urls import reverse

from content import guide, review
from content.models import Answer, Page, Question
from tests.support.factories import make_page, page_form_data
from tests.test_guide_admin import question_post_data


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def at_once(*actions):
    """Run each action on its own thread, released together; return what each returned.

    An exception is returned, not raised, so the caller sees every outcome.
    """
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait(timeout=30)
            results[index] = action()
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[index] = error
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def status(client, url, data):
    return client.post(url, data).status_code


def two_page_saves(user, rounds=5):
    """Two editors save two different pages at the same moment; every status returned."""
    editors = [signed_in(user), signed_in(user)]
    pages = [
        Page.objects.in_language().get(slug="cns"),
        Page.objects.in_language().get(slug="low-risk"),
    ]
    outcomes = []
    for round_ in range(rounds):
        actions = [
            partial(
                status,
                client,
                reverse("admin:content_page_change", args=[page.pk]),
                page_form_data(page, body=page.body + f"\n\nRound {round_}."),
            )
            for client, page in zip(editors, pages, strict=True)
        ]
        outcomes.extend(at_once(*actions))
    return outcomes


def same_page_saves(user, rounds=3):
    """Two editors save the same page, from forms opened at the same version, at
    the same moment. Returns, for each round, the two statuses and the bodies
    they sent, and the body that waits afterwards."""
    editors = [signed_in(user), signed_in(user)]
    page = Page.objects.in_language().get(slug="cns")
    url = reverse("admin:content_page_change", args=[page.pk])
    outcomes = []
    for round_ in range(rounds):
        bodies = [f"Editor {n}'s wording, round {round_}." for n in (1, 2)]
        forms = [page_form_data(page, body=body) for body in bodies]
        statuses = at_once(
            *(partial(status, c, url, f) for c, f in zip(editors, forms, strict=True))
        )
        waiting = Page.objects.get(pk=page.pk)
        outcomes.append((statuses, bodies, review.working_data(waiting)["body"]))
    return outcomes


def slow_edit_token(monkeypatch_setattr):
    """Make reading the edit token take 0.2 s longer, so two saves that compare
    it before taking the lock would both see the same version."""
    read = review.edit_token

    def slow(item):
        token = read(item)
        time.sleep(0.2)
        return token

    monkeypatch_setattr(review, "edit_token", slow)


def slow_integrity_check(monkeypatch_setattr):
    """Make the check take 0.2 s longer, as on a busy server, so the race shows every time."""
    check = guide.problems

    def slow(questionnaire):
        found = check(questionnaire)
        time.sleep(0.2)
        return found

    monkeypatch_setattr(guide, "problems", slow)


def guide_race(user, rounds=2):
    """One editor points an answer at a page while another unpublishes that page.

    Returns, for each round, the two statuses and the guide's problems afterwards.
    The page is one no other page links to: unpublishing a linked page is refused
    for its links whatever the guide does, which would hide the race.
    """
    editors = [signed_in(user), signed_in(user)]
    target = Page.objects.filter(slug="race-target").first() or make_page(
        slug="race-target", title="A page only the guide may lead to"
    )
    cns = Page.objects.in_language().get(slug="cns")
    where = Question.objects.get(key="where")
    outcomes = []
    for _ in range(rounds):
        Page.objects.filter(pk=target.pk).update(status=Page.Status.PUBLISHED)
        Answer.objects.filter(question=where, key="brain").update(page=cns)
        target.refresh_from_db()
        point = question_post_data(where, brain={"page": target.pk})
        unpublish = page_form_data(target, status="draft")
        statuses = at_once(
            partial(
                status, editors[0], reverse("admin:content_question_change", args=[where.pk]), point
            ),
            partial(
                status,
                editors[1],
                reverse("admin:content_page_change", args=[target.pk]),
                unpublish,
            ),
        )
        outcomes.append((statuses, guide.problems(guide.load_questionnaire(working=True))))
    return outcomes


def delete_race(user, rounds=2):
    """One editor points an answer at a page while another deletes that page.

    Returns, for each round, the two outcomes (a status, or the exception a
    request raised), whether the page is still there, and the guide's problems.
    """
    editors = [signed_in(user), signed_in(user)]
    cns = Page.objects.in_language().get(slug="cns")
    where = Question.objects.get(key="where")
    outcomes = []
    for round_ in range(rounds):
        Answer.objects.filter(question=where, key="brain").update(page=cns)
        target = make_page(slug=f"delete-target-{round_}", title=f"Deleted page {round_}")
        point = question_post_data(where, brain={"page": target.pk})
        results = at_once(
            partial(
                status, editors[0], reverse("admin:content_question_change", args=[where.pk]), point
            ),
            partial(
                status,
                editors[1],
                reverse("admin:content_page_delete", args=[target.pk]),
                {"post": "yes"},
            ),
        )
        still_there = Page.objects.filter(pk=target.pk).exists()
        outcomes.append(
            (results, still_there, guide.problems(guide.load_questionnaire(working=True)))
        )
    return outcomes

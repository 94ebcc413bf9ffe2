"""Shared guide addresses come back with tracking parameters: drop them, keep refusing the rest."""

from urllib.parse import unquote, urljoin, urlsplit

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.test import RequestFactory

from neuroinfo.tracking import drop_tracking_parameters, is_tracking_parameter, without_tracking

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("where=brain&fbclid=IwAR3x", "where=brain"),
        ("utm_source=facebook&where=spread&utm_medium=social&risk-group=high",
         "where=spread&risk-group=high"),
        ("gclid=1&msclkid=2&mc_cid=3&mc_eid=4&_ga=5&igshid=6&ref=7&where=brain", "where=brain"),
        ("UTM_Campaign=x&where=brain", "where=brain"),
        ("where=one-place&where=spread&fbclid=1", "where=one-place&where=spread"),
    ],
)  # fmt: skip
def test_tracking_parameters_are_removed_and_the_rest_kept_as_sent(sent, kept):
    assert without_tracking(sent) == kept


def test_answers_are_not_tracking_parameters():
    for name in ["where", "risk-group", "referrer", "utm"]:
        assert not is_tracking_parameter(name)


def test_a_shared_result_redirects_to_the_same_address_without_tracking(client):
    response = client.get("/guide/result/?where=brain&fbclid=IwAR3x&utm_source=facebook")
    assert response.status_code == 302
    assert response["Location"] == "/guide/result/?where=brain"
    # Not a permanent redirect that a browser keeps for ever, nor one a shared cache keeps.
    assert "private" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert "data-guide-result" in followed.content.decode()


def test_an_address_with_only_tracking_parameters_loses_its_query_string(client):
    response = client.get("/guide/?utm_source=newsletter")
    assert response.status_code == 302
    assert response["Location"] == "/guide/"


def test_public_pages_drop_tracking_parameters_too(client):
    response = client.get("/pages/cns/?gclid=abc")
    assert (response.status_code, response["Location"]) == (302, "/pages/cns/")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("//evil.example/login", "utm_source=x"),
        ("//evil.example/", "utm_source=x"),
        ("///evil.example/", "fbclid=1&where=brain"),
        ("/\\evil.example/", "gclid=1"),
        ("/\t/evil.example/", "gclid=1"),
    ],
)
def test_a_redirect_never_leads_to_another_site(path, query):
    # The test client would read "//evil.example" as a host: build the request
    # as a server does, from the decoded path gunicorn passes on.
    environ = RequestFactory()._base_environ(
        PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET"
    )
    response = drop_tracking_parameters(lambda request: None)(WSGIRequest(environ))
    assert response.status_code == 302
    location = response["Location"]
    # Where a browser goes from a page on this site.
    followed = urlsplit(urljoin("https://neuroinfo.test/pages/", location))
    assert followed.netloc == "neuroinfo.test", location
    # The same path on this site: nothing the visitor sent is lost or changed.
    assert unquote(followed.path) == path
    assert "utm_source" not in location and "fbclid" not in location and "gclid" not in location


def test_the_redirect_from_an_escaped_double_slash_stays_here(client):
    # The attack's own request: it was answered with Location: ///evil.example/login.
    response = client.get("/%2F%2Fevil.example/login?utm_source=x")
    assert response.status_code == 302
    assert response["Location"] == "/%2F/evil.example/login"


@pytest.mark.parametrize(
    "url",
    [
        "/guide/result/?where=brain&colour=blue&fbclid=1",
        "/guide/result/?where=brain&risk-group=low&utm_source=x",
    ],
)
def test_parameters_that_could_change_the_answer_are_still_refused(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 400
    assert "fbclid" not in response.request["QUERY_STRING"]
    assert "utm_source" not in response.request["QUERY_STRING"]


def test_a_question_key_may_not_be_a_tracking_parameter():
    from content import guide

    assert guide.is_reserved_key("ref")
    assert guide.is_reserved_key("utm_source")
    assert not guide.is_reserved_key("where")

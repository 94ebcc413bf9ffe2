import io
import logging
import runpy
from pathlib import Path

import pytest

from neuroinfo.logging import DropQueryStrings

ROOT = Path(__file__).resolve().parent.parent


def record(msg, *args):
    return logging.LogRecord("django.server", logging.INFO, __file__, 1, msg, args, None)


def test_query_strings_are_dropped_from_log_lines():
    line = record('"%s" %s %s', "GET /guide/result/?where=brain HTTP/1.1", "200", "123")
    assert DropQueryStrings().filter(line)
    assert line.getMessage() == '"GET /guide/result/ HTTP/1.1" 200 123'


def test_lines_without_a_query_string_are_untouched():
    line = record("Not Found: %s", "/pages/nope/")
    DropQueryStrings().filter(line)
    assert line.getMessage() == "Not Found: /pages/nope/"


def test_gunicorn_logs_neither_query_strings_nor_referers():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    log_format = config["access_log_format"]
    assert "%(U)s" in log_format
    for leaky in ["%(r)s", "%(q)s", "%(f)s", "%({", "%(b)s", "%(B)s"]:
        assert leaky not in log_format


@pytest.fixture
def captured_logs():
    """Point the handlers that settings.LOGGING attached at a buffer, filters and all."""
    buffer = io.StringIO()
    handlers = {
        handler
        for name in ["", "django", "django.server", "django.request", "content"]
        for handler in logging.getLogger(name).handlers
        if isinstance(handler, logging.StreamHandler)
    }
    assert handlers, "settings.LOGGING attached no stream handler"
    # Swapped without setStream(), which flushes the old stream: a test that ran
    # a management command (django.setup() again) left handlers writing to an
    # output pytest has since closed.
    old = {handler: handler.stream for handler in handlers}
    for handler in handlers:
        handler.stream = buffer
    yield buffer
    for handler, stream in old.items():
        handler.stream = stream


@pytest.mark.django_db
def test_no_answer_reaches_the_configured_logs(client, captured_logs):
    url = "/guide/result/?where=brain&risk-group=low"
    # The development server's own request line, as Django's runserver logs it.
    logging.getLogger("django.server").info('"%s" %s %s', f"GET {url} HTTP/1.1", "400", "321")
    # Django's request logger, for a refused guide address (a 400 is logged).
    assert client.get(url).status_code == 400
    # Any other logger (the root's handler) that is handed an address.
    logging.getLogger("content.views").warning("Odd address: %s", url)
    output = captured_logs.getvalue()
    assert '"GET /guide/result/ HTTP/1.1" 400 321' in output
    assert "Bad Request: /guide/result/" in output
    assert "Odd address: /guide/result/" in output
    for word in ["where=", "brain", "risk-group=", "low"]:
        assert word not in output, output


@pytest.mark.django_db
def test_a_bad_host_header_is_one_line_in_the_log_not_a_traceback(client, captured_logs):
    assert client.get("/pages/cns/", HTTP_HOST="evil.example").status_code == 400
    output = captured_logs.getvalue()
    assert "Invalid HTTP_HOST header: 'evil.example'." in output
    assert "Traceback" not in output
    assert all(line.count("HTTP_HOST") == 1 for line in output.splitlines() if line), output

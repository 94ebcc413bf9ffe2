import logging
import runpy
from pathlib import Path

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
    for leaky in ["%(r)s", "%(q)s", "%(f)s", "%({"]:
        assert leaky not in log_format

"""gunicorn's logs hold nothing that depends on a parent's answers."""

import datetime
import io
import logging
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from neuroinfo.gunicorn_logging import PrivateLogger
from tests.test_guide_flow import PATHS

ROOT = Path(__file__).resolve().parent.parent
ANSWER_WORDS = ["brain", "one-place", "spread", "risk-group", "low", "intermediate", "high"]


def configured():
    """gunicorn's own Config, loaded from our gunicorn.conf.py as `gunicorn -c` does."""
    cfg = Config()
    cfg.set("config", str(ROOT / "gunicorn.conf.py"))
    namespace = {"__file__": str(ROOT / "gunicorn.conf.py")}
    exec((ROOT / "gunicorn.conf.py").read_text(), namespace)
    for name, value in namespace.items():
        if name in cfg.settings:
            cfg.set(name, value)
    return cfg


def test_gunicorn_uses_the_private_logger_class():
    assert configured().logger_class is PrivateLogger


def access_line(cfg, response, url, address, referer):
    """The access-log line gunicorn would write for this Django response."""
    path, _, query = url.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": url,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": address,
        "HTTP_REFERER": referer,
        "HTTP_USER_AGENT": "Mozilla/5.0",
    }
    resp = SimpleNamespace(
        status=f"{response.status_code} {response.reason_phrase}",
        sent=len(response.content),
        headers=list(response.items()),
    )
    req = SimpleNamespace(headers=[("HOST", "testserver"), ("REFERER", referer)])
    logger = cfg.logger_class(cfg)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.access_log.addHandler(handler)
    try:
        took = datetime.timedelta(milliseconds=len(response.content) % 97)
        logger.access(resp, req, environ, took)
    finally:
        logger.access_log.removeHandler(handler)
    return stream.getvalue().strip()


def without_time_and_address(line, address):
    return re.sub(r"\[[^\]]+\]", "[TIME]", line.replace(address, "ADDRESS", 1))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["", "/fr", "/es"])
def test_every_answer_set_logs_the_same_line_apart_from_time_and_address(client, language):
    cfg = configured()
    results = [
        f"{language}/guide/result/?" + "&".join(f"{q}={a}" for q, a in clicks)
        for clicks, _, _ in PATHS
    ]
    questions = [f"{language}/guide/risk-group/?where={where}" for where in ("one-place", "spread")]
    for urls in [results, questions]:
        responses = [client.get(url) for url in urls]
        assert {r.status_code for r in responses} == {200}
        # The answers do change the responses (so the log must not show them) ...
        assert len({len(r.content) for r in responses}) > 1
        lines = set()
        for i, (url, response) in enumerate(zip(urls, responses, strict=True)):
            address = f"192.0.2.{i + 1}"
            line = access_line(cfg, response, url, address, referer=f"https://x.org{url}")
            lines.add(without_time_and_address(line, address))
        # ... but every answer set logs the same line.
        assert len(lines) == 1, lines
        (line,) = lines
        assert line == f'''ADDRESS [TIME] "GET {language}/guide/ HTTP/1.1" 200 "Mozilla/5.0"'''


# Every atom gunicorn's access log offers, and the headers and environ that
# hold the address: what a custom access_log_format could ask for.
EVERY_ATOM = (
    "%(h)s %(l)s %(u)s %(t)s %(r)s %(m)s %(U)s %(q)s %(H)s %(s)s %(B)s %(b)s %(f)s "
    "%(a)s %(T)s %(D)s %(M)s %(L)s %(p)s {%({referer}i)s} {%({location}o)s} "
    "{%({content-length}o)s} {%({query_string}e)s} {%({raw_uri}e)s}"
)


@pytest.mark.django_db
def test_a_custom_format_still_hides_answers_sizes_and_times(client):
    cfg = configured()
    cfg.set("access_log_format", EVERY_ATOM)
    urls = ["/guide/result/?" + "&".join(f"{q}={a}" for q, a in clicks) for clicks, _, _ in PATHS]
    lines = set()
    for url in urls:
        response = client.get(url)
        line = access_line(cfg, response, url, "192.0.2.1", referer=f"https://x.org{url}")
        lines.add(re.sub(r"\[[^\]]+\]|<\d+>", "", line))  # the time and process id
    assert len(lines) == 1, lines
    (line,) = lines
    assert not any(word in line for word in ANSWER_WORDS), line
    assert "/guide/ " in line and " 200 " in line


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def send(port, raw):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(raw)
        try:
            return sock.recv(1024)
        except TimeoutError:
            return b""


def test_a_real_gunicorn_logs_no_answers_from_malformed_requests(tmp_path):
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "SECRET_KEY": "tests-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'none.sqlite3'}",
    }
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while "Booting worker" not in log.read_text():
            assert time.monotonic() < deadline, log.read_text()
            assert server.poll() is None, log.read_text()
            time.sleep(0.2)
        time.sleep(1)
        malformed = [
            b"GET /guide/result/?where=brain&risk-group=low HTTP/1.1 junk\r\nHost: x\r\n\r\n",
            b"GET /guide/result/?where=brain\x01&risk-group=high HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /guide/result/?where=spread&risk-group=intermediate HTTP/9.9\r\n\r\n",
            b"GET /guide/result/?where=one-place HTTP/1.1\r\nBad Header\r\n\r\n",
        ]
        for raw in malformed:
            assert send(port, raw).startswith(b"HTTP/1.1 400"), raw
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text()
    assert "Invalid" in text  # the malformed requests were logged ...
    assert "/guide/result/" in text
    for word in ["where=", "brain", "spread", "one-place", "risk-group"]:
        assert word not in text, text  # ... without their answers

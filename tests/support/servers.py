"""Real app servers for tests that need several processes: gunicorn with the
production settings, its own database, and a small HTTP client."""

import contextlib
import http.cookiejar
import os
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
EDITOR = ("editor", "a-long-test-password")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env(database_url, static_root, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "DATABASE_URL", "DEBUG"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="neuroinfo.settings",
        SECRET_KEY="tests-only-not-secret",
        HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        # A new connection per request, so "the database is down" is seen at once.
        DB_CONN_MAX_AGE="0",
        STATIC_ROOT=str(static_root),
        CACHE_KEY_PREFIX=f"tests-{uuid.uuid4().hex[:8]}",
        # Tests sign in several times a second (the budget is tested on its own).
        SIGN_IN_HASH_SHARE="1",
    )
    env.update(extra)
    return env


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )


def prepare_database(env):
    """Migrate (which adds the starting pages and guide) and add an editor."""
    manage(env, "migrate", "--noinput")
    manage(
        {
            **env,
            "DJANGO_SUPERUSER_USERNAME": EDITOR[0],
            "DJANGO_SUPERUSER_PASSWORD": EDITOR[1],
            "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
        },
        "createsuperuser",
        "--noinput",
    )


@dataclass
class Server:
    url: str
    process: subprocess.Popen

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(env):
    port = free_port()
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", "1"],
        cwd=BASE_DIR,
        env={**env, "BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Server(f"http://127.0.0.1:{port}", process)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return server
        time.sleep(0.1)
    server.stop()
    raise RuntimeError("gunicorn did not start within 30 seconds")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self):
        return self.body.decode()


class Browser:
    """Just enough of a browser: cookies, headers, forms; redirects not followed."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return Response(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), error.read())

    def get(self, path, **headers):
        return self.request(path, headers=headers)

    def submit(self, path, form_id, **changes):
        """GET a page, fill its form as a browser would, change some fields, POST it."""
        form = FormReader(form_id)
        form.feed(self.get(path).text)
        return self.request(path, data={**form.fields, **changes})

    def log_in(self):
        response = self.submit(
            "/admin/login/?next=/admin/", "login-form", username=EDITOR[0], password=EDITOR[1]
        )
        assert response.status == 302, (response.status, list(self.cookies), self.base_url)


class FormReader(HTMLParser):
    """The fields a browser would send for one form (a list for repeated names)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            if attrs.get("type") in {"submit", "button", "file"}:
                return
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields[attrs["name"]] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.fields[self._textarea] = ""
        elif tag == "select":
            self._select = attrs["name"]
            self.fields.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


class TcpProxy:
    """Forwards a local port to a database server; stop() makes the database
    unreachable (connections refused) without touching the server itself."""

    def __init__(self, upstream_host, upstream_port):
        self.upstream = (upstream_host, upstream_port)
        self.port = free_port()
        self._sockets = []
        self._listener = None

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self):
        listener, self._listener = self._listener, None
        if listener:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.close()
        self._sockets = []

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.upstream, 5)
            except OSError:
                client.close()
                continue
            self._sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    @staticmethod
    def _pump(a, b):
        try:
            while True:
                readable, _, _ = select.select([a, b], [], [], 1)
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        return
                    (b if source is a else a).sendall(data)
        except (OSError, ValueError):  # ValueError: closed by stop() while waiting (fd -1)
            return
        finally:
            for sock in (a, b):
                with contextlib.suppress(OSError):
                    sock.close()

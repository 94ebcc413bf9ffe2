"""How much a flood of wrong admin passwords slows a public page, with the
lockout on (django-axes, as configured) and off, from one address and from
many rotating addresses, measured in the same run.

    .venv/bin/python scripts/bench_lockout.py [--loops 8] [--seconds 10]

Starts gunicorn (2 workers, production settings, the real PBKDF2 hasher) on a
free port with a throwaway SQLite database, times GET /pages/cns/ alone, then
while LOOPS threads post wrong passwords to the admin login as fast as they
can: from one address, then (lockout on) from a new address every 4 tries,
as a botnet would (sent as X-Forwarded-For, which the server trusts here as
it would behind its proxy). Prints median and 95th-percentile times and the
ratio to the quiet baseline. Figures, not a pass/fail test: the machine's load changes them.
"""

import argparse
import contextlib
import http.cookiejar
import itertools
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(env, port):
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env={**env, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"},
        stdout=subprocess.DEVNULL,
        stderr=open(env["BENCH_LOG"], "a"),  # noqa: SIM115 (closed with the process)
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def time_page(url, seconds):
    times = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        # A time-out counts as its 30 s: a lower bound.
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=30).read()
        times.append((time.monotonic() - started) * 1000)
    return times


def guess_passwords(base, login, stop, counts, rotate=None):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    try:
        form = opener.open(base + login, timeout=60).read().decode()
    except OSError:
        counts["timed out"] = counts.get("timed out", 0) + 1
        return
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "editor", "password": "wrong-password"}
    ).encode()
    tries, headers = 0, {}
    while not stop.is_set():
        if rotate is not None and tries % 4 == 0:  # a new address every 4 tries
            n = next(rotate)
            headers = {"X-Forwarded-For": f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"}
        tries += 1
        try:
            request = urllib.request.Request(base + login, data=data, headers=headers)
            opener.open(request, timeout=30).read()
            counts["200"] = counts.get("200", 0) + 1
        except urllib.error.HTTPError as error:
            counts[str(error.code)] = counts.get(str(error.code), 0) + 1
        except OSError:
            counts["timed out"] = counts.get("timed out", 0) + 1


def summary(times):
    times = sorted(times)
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(times)


def run(label, env, loops, seconds, many=False):
    port = free_port()
    server = start(env, port)
    base = f"http://127.0.0.1:{port}"
    page = base + "/pages/cns/"
    login = "/" + env.get("ADMIN_PATH", "admin/").strip("/") + "/login/"
    try:
        quiet = summary(time_page(page, seconds))
        stop, counts = threading.Event(), {}
        threads = [
            threading.Thread(
                target=guess_passwords,
                args=(base, login, stop, counts, itertools.count(1000 * i) if many else None),
            )
            for i in range(loops)
        ]
        for thread in threads:
            thread.start()
        # Measure the steady state: once the first burst of guesses is answered.
        deadline = time.monotonic() + 60
        while sum(counts.values()) < 2 * loops and time.monotonic() < deadline:
            time.sleep(0.2)
        busy = summary(time_page(page, seconds))
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait()
    median, p95, count = quiet
    print(f"{label:<22} quiet: median {median:7.1f} ms, p95 {p95:7.1f} ms ({count} requests)")
    print(
        f"{'':<22} under {loops} loops of wrong passwords: median {busy[0]:7.1f} ms, "
        f"p95 {busy[1]:7.1f} ms ({busy[2]} requests), {busy[0] / quiet[0]:.1f}x the quiet median"
    )
    print(f"{'':<22} login responses by status: {dict(sorted(counts.items()))}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loops", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "scripts.bench_settings",
            # SQLite serialises the lockout's writes and the page's reads: give
            # DATABASE_URL (an empty PostgreSQL database) for production-like figures.
            "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3",
            "SECRET_KEY": "bench-only-not-secret",
            "DEBUG": "0",
            "HTTPS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            # Lets the many-address flood name its addresses, as a proxy would.
            "TRUST_PROXY_HEADERS": "1",
            "BENCH_LOG": f"{tmp}/server.log",
        }
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        collect = [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"]
        subprocess.run(collect, cwd=ROOT, env=env, check=True)
        create = (
            "from django.contrib.auth.models import User;"
            "User.objects.filter(username='editor').delete();"
            "User.objects.create_user('editor', password='the-right-password', is_staff=True)"
        )
        subprocess.run([PYTHON, "manage.py", "shell", "-c", create], cwd=ROOT, env=env, check=True)
        reset = [PYTHON, "manage.py", "axes_reset"]
        run("lockout off", {**env, "BENCH_AXES_ENABLED": "0"}, args.loops, args.seconds)
        subprocess.run(reset, cwd=ROOT, env=env, check=True, capture_output=True)
        run("lockout on", {**env, "BENCH_AXES_ENABLED": "1"}, args.loops, args.seconds)
        subprocess.run(reset, cwd=ROOT, env=env, check=True, capture_output=True)
        run(
            "on, many addresses",
            {**env, "BENCH_AXES_ENABLED": "1"},
            args.loops,
            args.seconds,
            many=True,
        )
        errors = [
            line for line in Path(env["BENCH_LOG"]).read_text().splitlines() if "Error" in line
        ]
        if errors:
            print("server errors:", *errors[-5:], sep="\n  ")


if __name__ == "__main__":
    main()

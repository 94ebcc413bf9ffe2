"""`make bench`: requests per second of the site's pages under gunicorn with the
production settings, each as a ratio of the site's own CSS file served by
whitenoise from the same gunicorn in the same run (the target is 0.7 or more).

Starts gunicorn (WEB_CONCURRENCY workers, default 2) on 127.0.0.1 with a fresh
SQLite database and the collected static files, then drives it with wrk
(Debian's package, installed if missing) for BENCH_SECONDS per URL, in
BENCH_ROUNDS interleaved rounds, every request asking for brotli or gzip as a
browser does. Prints requests per second, p50 and p99 latency and errors for
each URL and round, then each page's median ratio to the CSS file, for the
English pages and the same pages under /fr/ (BENCH_LANGUAGE).
"""

import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = os.environ.get("WEB_CONCURRENCY", "2")
ENGLISH = {
    "content page": "/pages/high-risk/",
    "home": "/",
    "guide question": "/guide/risk-group/?where=spread",
    "guide result": "/guide/result/?where=spread&risk-group=high",
}
# The same pages at the first translation's addresses (BENCH_LANGUAGE, default
# French): a translation is served like English and must be as quick.
LANGUAGE = (
    os.environ.get("BENCH_LANGUAGE")
    or os.environ.get("NEUROINFO_TRANSLATIONS", "fr,es").split(",")[0].strip()  # as settings.py
)
PAGES = {
    **ENGLISH,
    **{f"{name} ({LANGUAGE})": f"/{LANGUAGE}{url}" for name, url in ENGLISH.items()},
}
TARGET = 0.7
STAND_IN = (
    "from tests.support.factories import stand_in_translations; "
    "made = stand_in_translations(); "
    "made and print(made, 'English starting pages stand in for missing translations')"
)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing wrk (Debian's package)...", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(workdir, port):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="neuroinfo.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-only-not-secret",
        HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=os.environ.get("DATABASE_URL") or f"sqlite:///{workdir / 'db.sqlite3'}",
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=WORKERS,
    )
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def static_files_are_stale():
    """Compressing every static file takes a while: only when ours or the packages changed."""
    manifest = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles")) / "staticfiles.json"
    sources = [*(BASE_DIR / "static").rglob("*"), BASE_DIR / "requirements.txt"]
    newest = max(path.stat().st_mtime for path in sources)
    return not manifest.exists() or manifest.stat().st_mtime < newest


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def to_ms(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def server_cpu_seconds(pid):
    """CPU time used so far by gunicorn's master and workers (Linux /proc)."""
    total = 0
    tick = os.sysconf("SC_CLK_TCK")
    for task in [pid, *Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{task}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def wrk(url, pid):
    cpu_before = server_cpu_seconds(pid)
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--latency",
            "-H",
            "Accept-Encoding: br, gzip",
            url,
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cpu = server_cpu_seconds(pid) - cpu_before
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
        # Less disturbed by other work on a shared machine than requests per second.
        "cpu_ms": cpu * 1000 / max(requests, 1),
    }


def main():
    ensure_wrk()
    workdir = Path(tempfile.mkdtemp(prefix="neuroinfo-bench-"))
    port = int(os.environ.get("BENCH_PORT") or free_port())
    env = production_env(workdir, port)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    # Where migrate loads no starting translations, the English pages stand in.
    manage(env, "shell", "--no-imports", "-c", STAND_IN)
    if static_files_are_stale():
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        home = wait_for(base + "/")
        css = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', home).group(1)
        urls = {"CSS file (baseline)": css, **PAGES}
        for path in urls.values():  # every page rendered and cached once
            wait_for(base + path)
        print(
            f"gunicorn {WORKERS} sync workers, production settings, {base}; wrk -t2 "
            f"-c{CONNECTIONS} -d{SECONDS}s, {ROUNDS} interleaved rounds; {os.cpu_count()} CPUs"
        )
        results = {name: [] for name in urls}
        for number in range(1, ROUNDS + 1):
            for name, path in urls.items():
                result = wrk(base + path, server.pid)
                results[name].append(result)
                print(
                    f"round {number}  {name:<25} {result['rps']:>8.0f} req/s  "
                    f"p50 {result['p50']:>6.2f} ms  p99 {result['p99']:>7.2f} ms  "
                    f"errors {result['errors']}  server CPU {result['cpu_ms']:.2f} ms/req"
                )
        print(f"\nMedian ratio to the CSS file (target {TARGET} or more):")
        failed = False
        for name in PAGES:
            ratios = [
                page["rps"] / static["rps"]
                for page, static in zip(results[name], results["CSS file (baseline)"], strict=True)
            ]
            median = statistics.median(ratios)
            errors = sum(r["errors"] for r in results[name])
            ok = median >= TARGET and errors == 0
            failed |= not ok
            print(
                f"  {name:<21} {median:.2f}  (rounds: {', '.join(f'{r:.2f}' for r in ratios)}; "
                f"errors {errors}){'' if ok else '  BELOW TARGET'}"
            )
        print(
            "\nMedian server CPU time per request, as a ratio of the CSS file's (lower is better):"
        )
        static_cpu = statistics.median(r["cpu_ms"] for r in results["CSS file (baseline)"])
        print(f"  {'CSS file':<16} {static_cpu:.2f} ms")
        for name in PAGES:
            cpu = statistics.median(r["cpu_ms"] for r in results[name])
            print(f"  {name:<21} {cpu:.2f} ms  ({cpu / static_cpu:.2f}x)")
        print(f"\nEach page at /{LANGUAGE}/ against its English address (1.00 = as quick):")
        for name in ENGLISH:
            translated = f"{name} ({LANGUAGE})"
            rps = statistics.median(
                a["rps"] / b["rps"] for a, b in zip(results[translated], results[name], strict=True)
            )
            cpu = statistics.median(r["cpu_ms"] for r in results[translated]) / statistics.median(
                r["cpu_ms"] for r in results[name]
            )
            print(f"  {name:<16} requests/s {rps:.2f}x  server CPU per request {cpu:.2f}x")
        return 1 if failed else 0
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

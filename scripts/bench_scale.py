"""`make bench-scale`: each public page type's uncached time and query count
with 6, 1,000 and 10,000 pages in every language, and the 10,000-page time as
a ratio of the 6-page one (the target is 1.5 or less), for English and for
the first translation (French) at its addresses (/fr/…). A last table puts
each French page type's time beside its English one.

Runs Django in this process against a fresh SQLite file with the production
settings; every request is a cache miss (the page cache is emptied first), so
this is what a first visitor after an edit waits for. The pages added are the
generated corpus the tests use (tests/support/factories.py: make_corpus), in
every language the settings name, each translation pointing at its English
page: at "10,000 pages" the database holds 10,000 pages per language.

On PostgreSQL instead (the database for several servers):

    BENCH_DATABASE_URL=$(bash scripts/postgres.sh start) make bench-scale

makes three scratch databases beside the one named (the role needs CREATEDB),
each ANALYZEd as autovacuum would, and drops them at the end. The time then
also holds the database server's share, seen from here as waiting, so it is
wall time rather than CPU time.
"""

import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
WORKDIR = Path(tempfile.mkdtemp(prefix="neuroinfo-bench-scale-"))
POSTGRES_URL = os.environ.get("BENCH_DATABASE_URL", "")
SCRATCH = "neuroinfo_bench_scale"  # PostgreSQL: neuroinfo_bench_scale, _6, _1000 …


def postgres_url(name):
    return urllib.parse.urlsplit(POSTGRES_URL)._replace(path=f"/{name}").geturl()


os.environ.update(
    DJANGO_SETTINGS_MODULE="neuroinfo.settings",
    DATABASE_URL=postgres_url(SCRATCH) if POSTGRES_URL else f"sqlite:///{WORKDIR / 'db.sqlite3'}",
    ALLOWED_HOSTS="testserver",
    HTTPS="0",
    # Scratch databases made here: let SQLite create them (the site itself never does).
    SQLITE_CREATE="1",
)
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from content import languages  # noqa: E402
from content.models import Page  # noqa: E402
from content.views.pages import PAGES_PER_LIST_PAGE  # noqa: E402
from neuroinfo import response_cache  # noqa: E402
from tests.support.factories import make_corpus, stand_in_translations  # noqa: E402

SIZES = [6, 1_000, 10_000]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "9"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "7"))
PAGE_TYPES = {
    "home": "/",
    "page list": "/pages/",
    "about": "/about/",
    "content page": "/pages/high-risk/",
    "guide start": "/guide/",
    "guide question": "/guide/risk-group/?where=spread",
    "guide result": "/guide/result/?where=spread&risk-group=high",
    "questions print": "/pages/high-risk/questions/",
    "guide printout": "/guide/result/questions/?where=spread&risk-group=high",
    "glossary": "/glossary/",
    "search box": "/search/",
    "search results": "/search/?q=came+back+in+the+brain",
}
# English, and the first translation at its own addresses.
MEASURED = [languages.default(), *languages.translations()[:1]]
# "came back in the brain" in the parents' own words of each language.
SEARCHES = {"fr": "est revenu dans le cerveau", "es": "ha vuelto en el cerebro"}


def page_types(language):
    """{name: address} of every page type in `language`."""
    if languages.is_default(language):
        return dict(PAGE_TYPES)
    prefix = f"/{language}"
    found = {name: prefix + url for name, url in PAGE_TYPES.items()}
    words = urllib.parse.quote_plus(SEARCHES.get(language, "came back in the brain"))
    found["search results"] = f"{prefix}/search/?q={words}"
    return found


def uncached(client, url):
    """(median CPU seconds, queries, bytes) of REPEATS cache misses for `url`.

    CPU time of this process (Django and SQLite both run in it), not wall time:
    on a machine shared with other work, wall time mostly measures the others.
    """
    times = []
    clock = time.perf_counter if POSTGRES_URL else time.process_time
    for _ in range(REPEATS):
        caches["default"].clear()
        response_cache.forget_version()
        gc.collect()  # a collection mid-request would be timed against whichever size it hit
        start = clock()
        response = client.get(url)
        times.append(clock() - start)
        assert response.status_code == 200, (url, response.status_code)
    caches["default"].clear()
    response_cache.forget_version()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return statistics.median(times), len(context), len(response.content)


def use_database(path):
    connection.close()
    connection.settings_dict["NAME"] = str(path)


def postgres_admin(*statements):
    """Run statements outside any transaction, from the database the URL names."""
    import psycopg

    url = urllib.parse.urlsplit(POSTGRES_URL)
    with psycopg.connect(POSTGRES_URL.replace(url.scheme, "postgresql", 1), autocommit=True) as db:
        for statement in statements:
            db.execute(statement)


def scratch_names():
    return [SCRATCH, *(f"{SCRATCH}_{size}" for size in SIZES)]


def build_databases():
    """One database per size: the starting six, then the corpus added on top."""
    if POSTGRES_URL:
        postgres_admin(*(f"DROP DATABASE IF EXISTS {name}" for name in scratch_names()))
        postgres_admin(f"CREATE DATABASE {SCRATCH}")
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    sources = [*(BASE_DIR / "static").rglob("*"), BASE_DIR / "requirements.txt"]
    if not manifest.exists() or manifest.stat().st_mtime < max(p.stat().st_mtime for p in sources):
        call_command("collectstatic", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    # Where the starting translations are not loaded by migrate, the English
    # starting pages stand in, so each translated address has its page.
    stand_in = stand_in_translations()
    if stand_in:
        print(f"{stand_in} English starting pages stand in for missing translations")
    files = {}
    for size in SIZES:
        for language in languages.codes():  # English first: translations point at it
            missing = size - Page.objects.filter(language=language).count()
            if missing > 0:
                make_corpus(missing, prefix=f"size-{size}", language=language)
        if POSTGRES_URL:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            connection.close()
            files[size] = f"{SCRATCH}_{size}"
            postgres_admin(f"CREATE DATABASE {files[size]} TEMPLATE {SCRATCH}")
            continue
        connection.close()
        files[size] = WORKDIR / f"{size}.sqlite3"
        shutil.copyfile(WORKDIR / "db.sqlite3", files[size])
    return files


def main():
    try:
        measure(build_databases())
    finally:
        if POSTGRES_URL:
            connection.close()
            postgres_admin(*(f"DROP DATABASE IF EXISTS {name}" for name in scratch_names()))


def measure(files):
    client = Client()
    samples = {}
    addresses = {language: page_types(language) for language in MEASURED}
    # Interleaved rounds, so a busy moment on the machine hits every size alike.
    for _ in range(ROUNDS):
        for size in SIZES:
            use_database(files[size])
            for language in MEASURED:
                for name, url in addresses[language].items():
                    client.get(url)  # warm up templates and the connection
                    seconds, queries, size_bytes = uncached(client, url)
                    samples.setdefault((language, name, size), []).append(seconds)
                    samples[language, name, size, "q"] = (queries, size_bytes)

    kind = f"wall time, PostgreSQL {connection.pg_version // 10000}" if POSTGRES_URL else "CPU time"
    every = ", ".join(languages.english_name(code) for code in languages.codes())
    print(f"Pages per language ({every}): {', '.join(f'{n:,}' for n in SIZES)}")
    for language in MEASURED:
        print(
            f"\n{languages.english_name(language)} ({addresses[language]['home']}): uncached "
            f"{kind} per request (median of {ROUNDS} x {REPEATS}), queries, HTML size:"
        )
        header = f"{'page type':<17}" + "".join(f"{f'{n:,} pages':>26}" for n in SIZES)
        print(header + f"{'10,000 / 6':>12}")
        for name in PAGE_TYPES:
            cells = ""
            medians = {}
            for size in SIZES:
                medians[size] = statistics.median(samples[language, name, size])
                queries, size_bytes = samples[language, name, size, "q"]
                cells += (
                    f"{medians[size] * 1000:>11.2f} ms {queries:>2} q {size_bytes / 1024:>5.1f} KB"
                )
            ratio = medians[SIZES[-1]] / medians[SIZES[0]]
            flag = "" if ratio <= 1.5 else "  (over 1.5)"
            print(f"{name:<17}{cells}{ratio:>11.2f}x{flag}")
        full = statistics.median(samples[language, "page list", SIZES[-1]]) / statistics.median(
            samples[language, "page list", SIZES[1]]
        )
        print(
            f"The page list shows {PAGES_PER_LIST_PAGE} pages once there are that many "
            f"(6 at 6 pages): 10,000 / 1,000 = {full:.2f}x"
        )
    for language in MEASURED[1:]:
        english = languages.default()
        name_of = languages.english_name(language)
        print(f"\n{name_of} / English, time at each size (1.00 = the same; over 1.2 is flagged):")
        print(f"{'page type':<17}" + "".join(f"{f'{n:,} pages':>14}" for n in SIZES))
        for name in PAGE_TYPES:
            ratios = [
                statistics.median(samples[language, name, size])
                / statistics.median(samples[english, name, size])
                for size in SIZES
            ]
            flag = "" if max(ratios) <= 1.2 else "  (slower)"
            print(f"{name:<17}" + "".join(f"{r:>13.2f}x" for r in ratios) + flag)


if __name__ == "__main__":
    main()

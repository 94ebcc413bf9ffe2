"""Print what linking glossary words and searching cost as the site grows.

    make bench-glossary                       # SQLite, in a temporary file
    DATABASE_URL=postgres://… make bench-glossary

Linking: one page saved with 20 terms, then with 2,000 (queries and time, and
the ratio of the two). Search: 6 pages, then 1,006 (queries and time). Each
figure is the median of several runs in this same process, so the ratio
compares like with like on a busy machine.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
workdir = tempfile.mkdtemp(prefix="bench-glossary-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from content import search  # noqa: E402
from content.glossary import _compile  # noqa: E402
from content.models import Page, Term  # noqa: E402

RUNS = 15


def measure(action):
    timings, queries = [], 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            action()
            timings.append(time.perf_counter() - start)
        queries = len(captured)
    return statistics.median(timings) * 1000, queries


def generated_terms(start, stop):
    return [
        Term(
            term=f"made-up word {n}",
            slug=f"made-up-{n}",
            definition="A word for the benchmark.",
            published=True,
        )
        for n in range(start, stop)
    ]


def main():
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    test_db = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("migrate", verbosity=0)
        page = Page.objects.get(slug="what-is-recurrence")
        print(f"Database: {connection.vendor} ({test_db})")

        Term.objects.all().delete()
        Term.objects.bulk_create(generated_terms(0, 20))
        page.save()
        ms_20, q_20 = measure(page.save)
        Term.objects.bulk_create(generated_terms(20, 2000))
        ms_2000, q_2000 = measure(page.save)
        _compile.cache_clear()
        cold_start = time.perf_counter()
        page.save()
        cold_ms = (time.perf_counter() - cold_start) * 1000
        print("\nSaving the longest starting page (render, link, store):")
        print(f"  {20:>5} terms: {ms_20:7.2f} ms, {q_20} queries")
        print(f"  {2000:>5} terms: {ms_2000:7.2f} ms, {q_2000} queries")
        print(f"  ratio 2,000 / 20: time {ms_2000 / ms_20:.2f}x, queries {q_2000 / q_20:.2f}x")
        print(f"  first save after the glossary changed (compiles 2,000 terms): {cold_ms:.0f} ms")

        query = search.clean_query("came back in the marrow")
        ms_6, q_6 = measure(lambda: search.search(query))
        Page.objects.bulk_create(
            Page(
                title=f"Generated page {n}",
                slug=f"generated-{n}",
                summary="A generated page about treatment.",
                body="Some text about chemotherapy, the bone marrow and a clinical trial.",
                body_html="<p>Some text about chemotherapy, the bone marrow and a trial.</p>",
                status=Page.Status.PUBLISHED,
                review_due="2027-01-01",
            )
            for n in range(1000)
        )
        for generated in Page.objects.filter(slug__startswith="generated-"):
            generated.save()  # fills the search vector on PostgreSQL
        ms_1006, q_1006 = measure(lambda: search.search(query))
        print("\nSearching for 'came back in the marrow' (pages and terms, with extracts):")
        print(f"  {6:>5} pages: {ms_6:7.2f} ms, {q_6} queries")
        print(f"  {1006:>5} pages: {ms_1006:7.2f} ms, {q_1006} queries")
        print(f"  ratio 1,006 / 6: time {ms_1006 / ms_6:.2f}x, queries {q_1006 / q_6:.2f}x")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

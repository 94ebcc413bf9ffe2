"""A test-only middleware that delays every page, to show the browser tests wait.

    SLOW_PAGES=0.7 .venv/bin/python -m pytest tests/browser

tests/settings.py adds it only when SLOW_PAGES is set; never in production.
"""

import os
import time


def slow_pages(get_response):
    delay = float(os.environ.get("SLOW_PAGES", "0"))

    def middleware(request):
        time.sleep(delay)
        return get_response(request)

    return middleware

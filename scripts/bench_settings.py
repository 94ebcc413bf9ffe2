"""The real settings, with the lockout switchable, for scripts/bench_lockout.py only."""

import os

from neuroinfo.settings import *  # noqa: F403

AXES_ENABLED = os.environ.get("BENCH_AXES_ENABLED", "1") == "1"

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "HTTPS"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="neuroinfo.settings")
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )


def test_a_missing_secret_key_stops_the_site_with_a_clear_message():
    result = run_check()
    assert result.returncode != 0
    assert "The SECRET_KEY environment variable is required when DEBUG is off" in result.stderr


def test_debug_runs_without_a_secret_key():
    assert run_check(DEBUG="1").returncode == 0

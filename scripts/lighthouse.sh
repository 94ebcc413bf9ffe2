#!/usr/bin/env bash
# Lighthouse report for each kind of page, run by hand: `make lighthouse`.
#
# Serves the site with production settings (DEBUG off, whitenoise compressed
# manifest static files, CSP headers) through gunicorn on loopback, with a
# fresh SQLite database in a temporary directory, then runs Lighthouse 12 in
# its default mobile mode on each page type and prints the four category
# scores, and every failing audit for a score under 100.
# HTTPS=0 only because there is no TLS on loopback.
#
# Environment: PORT (default 8765), CHROME_PATH (default /usr/bin/chromium),
# KEEP_REPORTS=1 keeps the JSON reports (their directory is printed).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-8765}"
BASE_URL="http://127.0.0.1:${PORT}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PYTHON=.venv/bin/python
GUNICORN=.venv/bin/gunicorn
LIGHTHOUSE=node_modules/.bin/lighthouse
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

# label|expected HTTP status|path. Lighthouse refuses to audit a page that
# answers 4xx unless told --ignore-status-code, so the 404 page gets that flag
# (and then fails the SEO audit http-status-code, as it should).
PAGES=(
  "home|200|/"
  "content page|200|/pages/high-risk/"
  "content page|200|/pages/what-is-recurrence/"
  "guide start|200|/guide/"
  "guide question|200|/guide/where/"
  "question with error|200|/guide/where/next/"
  "guide result|200|/guide/result/?where=one-place&risk-group=intermediate"
  "content page, French|200|/fr/pages/high-risk/"
  "guide question, French|200|/fr/guide/where/"
  "content page, Spanish|200|/es/pages/high-risk/"
  "guide result, Spanish|200|/es/guide/result/?where=one-place&risk-group=intermediate"
  "404 page|404|/pages/no-such-page/"
)

for tool in "$PYTHON" "$GUNICORN"; do
  if [[ ! -x "$tool" ]]; then
    echo "lighthouse.sh: $tool is missing; run 'make install' first." >&2
    exit 1
  fi
done
if [[ ! -x "$CHROME_PATH" ]]; then
  echo "lighthouse.sh: no Chromium at $CHROME_PATH (apt-get install -y chromium, or set CHROME_PATH)." >&2
  exit 1
fi
if [[ ! -x "$LIGHTHOUSE" ]]; then
  npm ci --no-fund --no-audit
fi

if "$PYTHON" - "$PORT" <<'PY'
import socket, sys
# Something already listening would answer instead of our gunicorn.
with socket.socket() as s:
    sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)
PY
then
  echo "lighthouse.sh: port $PORT is already in use; set PORT to a free one." >&2
  exit 1
fi

WORKDIR="$(mktemp -d "${TMPDIR:-/tmp}/neuroinfo-lighthouse.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ "${KEEP_REPORTS:-0}" == "1" ]]; then
    echo "Reports and server log kept in $WORKDIR"
  else
    rm -rf "$WORKDIR"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export DEBUG=0
export HTTPS=0
export SECRET_KEY
SECRET_KEY="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export ALLOWED_HOSTS=127.0.0.1
export BIND="127.0.0.1:${PORT}"
export DATABASE_URL="sqlite:///${WORKDIR}/db.sqlite3"

echo "Preparing a fresh database in $WORKDIR and collecting static files..."
"$PYTHON" manage.py migrate --noinput --verbosity 0
"$PYTHON" manage.py collectstatic --noinput --verbosity 0

"$GUNICORN" -c gunicorn.conf.py >"$WORKDIR/gunicorn.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 100); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "lighthouse.sh: gunicorn exited; its log:" >&2
    cat "$WORKDIR/gunicorn.log" >&2
    exit 1
  fi
  if "$PYTHON" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
      "$BASE_URL/" 2>/dev/null; then
    break
  fi
  sleep 0.2
done
if ! "$PYTHON" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
    "$BASE_URL/" 2>/dev/null; then
  echo "lighthouse.sh: the site did not answer at $BASE_URL/; gunicorn's log:" >&2
  cat "$WORKDIR/gunicorn.log" >&2
  exit 1
fi

echo "Lighthouse $("$LIGHTHOUSE" --version), $("$CHROME_PATH" --version 2>/dev/null | tail -n 1), mobile (default)"
REPORT_LIST="$WORKDIR/reports.tsv"
: >"$REPORT_LIST"
i=0
RUN_FAILED=0
for entry in "${PAGES[@]}"; do
  IFS='|' read -r label status path <<<"$entry"
  i=$((i + 1))
  report="$WORKDIR/report-$i.json"
  extra=()
  if [[ "$status" != 200 ]]; then
    extra=(--ignore-status-code)
  fi
  echo "  [$i/${#PAGES[@]}] $path" >&2
  # A busy machine now and then makes Lighthouse lose the trace (NO_NAVSTART
  # and the like): it then exits non-zero, and a second try usually works.
  for attempt in 1 2 3; do
    if "$LIGHTHOUSE" "$BASE_URL$path" \
        --chrome-flags="$CHROME_FLAGS" \
        --output=json --output-path="$report" --quiet "${extra[@]}"; then
      break
    fi
    if [[ "$attempt" == 3 ]]; then
      RUN_FAILED=1
      echo "lighthouse.sh: Lighthouse failed three times on $path" >&2
    else
      echo "lighthouse.sh: Lighthouse failed on $path; trying again" >&2
    fi
  done
  if [[ -s "$report" ]]; then
    printf '%s\t%s\t%s\t%s\n' "$label" "$status" "$path" "$report" >>"$REPORT_LIST"
  else
    RUN_FAILED=1
  fi
done

"$PYTHON" - "$REPORT_LIST" <<'PY'
import json
import sys

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
HEADINGS = ["perf", "a11y", "best-pr", "seo"]
SKIP_MODES = {"informative", "manual", "notApplicable", "error"}

rows = []
with open(sys.argv[1], encoding="utf-8") as listing:
    for line in listing:
        label, status, path, report_path = line.rstrip("\n").split("\t")
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
        rows.append((f"{label} (HTTP {status})", path, report))

def score(report, category):
    value = report["categories"][category]["score"]
    return "n/a" if value is None else str(round(value * 100))

if not rows:
    sys.exit("No Lighthouse report to read.")
width = max(len(path) for _, path, _ in rows)
print()
print(f"{'page':<{width}}  " + "  ".join(f"{h:>7}" for h in HEADINGS))
print("-" * (width + 2 + 9 * len(HEADINGS)))
for _, path, report in rows:
    print(f"{path:<{width}}  " + "  ".join(f"{score(report, c):>7}" for c in CATEGORIES))

failures = False
for label, path, report in rows:
    problems = []
    notes = []
    if report.get("runtimeError"):
        notes.append(f"  runtime error: {report['runtimeError'].get('message')}")
    for warning in report.get("runWarnings", []):
        notes.append(f"  run warning: {warning}")
    for category in CATEGORIES:
        cat = report["categories"][category]
        if cat["score"] is not None and cat["score"] >= 1:
            continue
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in SKIP_MODES or audit.get("score") is None:
                continue
            if audit["score"] < 1:
                shown = audit.get("displayValue")
                extra = f" ({shown})" if shown else ""
                # Weight 0: shown for information, it does not move the score.
                weight = ref["weight"] or "0, not scored"
                problems.append(
                    (-ref["weight"], f"  {category}: {audit['id']} [score {audit['score']:.2f},"
                     f" weight {weight}] {audit['title']}{extra}")
                )
    if problems or notes:
        failures = True
        print(f"\n{label} {path}")
        print("\n".join(notes + [text for _, text in sorted(problems, key=lambda p: p[0])]))
if not failures:
    print("\nEvery category scored 100 on every page.")
PY

if [[ "$RUN_FAILED" != 0 ]]; then
  echo "lighthouse.sh: at least one Lighthouse run failed (see above)." >&2
  exit 1
fi

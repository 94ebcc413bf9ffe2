#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing and we
# can (root with apt-get). `playwright install` cannot download here.
# With CI=true a browser that cannot be installed fails the run; elsewhere
# the browser tests skip and say how to install it.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
elif [ "${CI:-}" = true ]; then
  echo "Chromium is missing and cannot be installed (need root and apt-get)." >&2
  exit 1
else
  echo "Chromium not found: browser tests will skip. Install it: sudo apt-get install -y chromium" >&2
fi

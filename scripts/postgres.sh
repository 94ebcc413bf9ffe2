#!/usr/bin/env bash
# Start (or stop) a local PostgreSQL for the test suite, without systemd.
#   scripts/postgres.sh start   installs the server if missing, starts it on
#                               127.0.0.1:5432 if it isn't running, makes the
#                               role and database; prints DATABASE_URL last.
#   scripts/postgres.sh stop    stops it, only if `start` started it.
# Idempotent: safe to run again. Needs root (Debian's packages, runuser).
set -euo pipefail

ROLE=neuroinfo
PASSWORD=neuroinfo-tests-only
DB=neuroinfo
STATE=/tmp/neuroinfo-postgres-started-by-us

as_postgres() { runuser -u postgres -- "$@"; }

start() {
  if ! command -v pg_lsclusters >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  local version cluster
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  cluster=$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v {print $2; exit}')
  if [ -z "$cluster" ]; then
    cluster=main
    pg_createcluster "$version" "$cluster" >&2
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    pg_ctlcluster "$version" "$cluster" start >&2
    echo "$version $cluster" > "$STATE"
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  fi
  if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'" | grep -q 1; then
    as_postgres psql -q -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" >&2
  fi
  if ! as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    as_postgres createdb -O "$ROLE" "$DB" >&2
  fi
  echo "postgres://$ROLE:$PASSWORD@127.0.0.1:5432/$DB"
}

stop() {
  if [ -f "$STATE" ]; then
    # shellcheck disable=SC2046
    pg_ctlcluster $(cat "$STATE") stop >&2 || true
    rm -f "$STATE"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

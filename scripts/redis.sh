#!/usr/bin/env bash
# Start (or stop) a local Redis for the cache tests, without systemd.
#   scripts/redis.sh start   installs Debian's redis-server if missing, starts it
#                            on 127.0.0.1:$REDIS_PORT (default 6379) if nothing
#                            answers there; prints REDIS_URL last.
#   scripts/redis.sh stop    stops it, only if `start` started it.
# Idempotent: safe to run again. Nothing is written to disk (no RDB, no AOF).
# Bounded, as a production Redis for the page cache must be: at most
# $REDIS_MAXMEMORY (default 256mb), then the least recently used keys are
# evicted (allkeys-lru), so no flood of addresses can fill the machine.
set -euo pipefail

PORT=${REDIS_PORT:-6379}
MAXMEMORY=${REDIS_MAXMEMORY:-256mb}
STATE=/tmp/neuroinfo-redis-$PORT-started-by-us

answers() { redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; }

start() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
  fi
  if ! answers; then
    redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --save "" \
      --maxmemory "$MAXMEMORY" --maxmemory-policy allkeys-lru \
      --appendonly no --dir /tmp --pidfile "/tmp/neuroinfo-redis-$PORT.pid" \
      --logfile "/tmp/neuroinfo-redis-$PORT.log" >&2
    touch "$STATE"
    for _ in $(seq 1 40); do answers && break; sleep 0.25; done
    answers || { echo "Redis did not start on port $PORT" >&2; exit 1; }
  fi
  echo "redis://127.0.0.1:$PORT/0"
}

stop() {
  if [ -f "$STATE" ]; then
    redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >&2 || true
    rm -f "$STATE"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

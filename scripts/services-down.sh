#!/usr/bin/env bash
# services-down.sh — stop the servers that scripts/services-up.sh started, and remove their
# state (data, generated passwords, env file).
#
#   scripts/services-down.sh              stop both servers, delete the state
#   scripts/services-down.sh --keep-data  stop both servers, keep the state for a restart
#
# Touches only processes started from ERS_STATE_DIR (default /tmp/ers-test-services): the
# PostgreSQL cluster in its pg/data and the redis-server whose pid file and working
# directory are its redis/. Nothing else is signalled.
set -euo pipefail

STATE=${ERS_STATE_DIR:-/tmp/ers-test-services}
KEEP=0
case "${1:-}" in
  "") ;;
  --keep-data) KEEP=1 ;;
  -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
  *) echo "services-down: unknown argument $1 (try --help)" >&2; exit 2 ;;
esac

say() { printf 'services-down: %s\n' "$*"; }
die() { printf 'services-down: error: %s\n' "$*" >&2; exit 1; }

if [ ! -d "$STATE" ]; then
  say "nothing to stop ($STATE does not exist)"
  exit 0
fi
STATE=$(cd "$STATE" && pwd -P)
[ -f "$STATE/.ers-test-services" ] || die "$STATE was not made by services-up.sh (no .ers-test-services marker); not touching it"

PG_BIN=${ERS_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DATA=$STATE/pg/data
REDIS_DIR=$STATE/redis
REDIS_PID=$REDIS_DIR/redis.pid

exec 9>"$STATE/.lock"
flock -w 300 9 || die "another services-up/services-down holds $STATE/.lock"

RUNAS=()
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then RUNAS=(runuser -u postgres --); fi

# ---- PostgreSQL: pg_ctl stops exactly the postmaster of this data directory ----------------
if [ -f "$PG_DATA/postmaster.pid" ]; then
  if "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    say "postgres: stopping (pid $(head -n1 "$PG_DATA/postmaster.pid"))"
    "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 9>&- ||
      "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 9>&- ||
      die "PostgreSQL in $PG_DATA did not stop"
  else
    say "postgres: not running (stale pid file)"
  fi
else
  say "postgres: not running"
fi

# ---- Redis: the pid from our pid file, only if it is a redis-server working in our dir -----
pid=""
if [ -f "$REDIS_PID" ]; then pid=$(cat "$REDIS_PID" 2>/dev/null || true); fi
case "$pid" in ''|*[!0-9]*) pid="" ;; esac
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
   [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = redis-server ] &&
   [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$REDIS_DIR" ]; then
  say "redis: stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then
    say "redis: pid $pid ignored SIGTERM for 20 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
else
  say "redis: not running"
fi
rm -f "$REDIS_PID"

if [ "$KEEP" = 1 ]; then
  say "state kept in $STATE"
  exit 0
fi
# Only what services-up.sh creates; then the directory itself if nothing else is left.
rm -rf "$STATE/pg" "$STATE/redis"
rm -f "$STATE"/pg-superuser.password "$STATE"/pg-ers.password "$STATE"/pgpass \
      "$STATE"/redis-default.password "$STATE"/redis-ers.password "$STATE"/env \
      "$STATE"/.ers-test-services "$STATE"/.lock
rmdir "$STATE" 2>/dev/null || say "left $STATE in place (it holds other files)"
say "removed the state in $STATE"

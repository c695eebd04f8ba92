#!/usr/bin/env bash
# services-up.sh — start throw-away PostgreSQL 15 and Redis servers for ERS's tests.
#
#   scripts/services-up.sh           start (or reuse) both, write "$ERS_STATE_DIR/env"
#   scripts/services-up.sh --check   exit 0 when both already run and answer, 1 otherwise
#
# Both listen on 127.0.0.1 only, with passwords generated here (never defaults), kept in
# mode-600 files in the state directory. Idempotent: servers that already run from the same
# state directory are reused (and moved when the port asked for changed). Stop them with
# scripts/services-down.sh. Then:  source "${ERS_STATE_DIR:-/tmp/ers-test-services}/env"
#
# Settings (environment):
#   ERS_STATE_DIR    state directory (default /tmp/ers-test-services; keep it short: the
#                    PostgreSQL socket path must stay under 107 bytes)
#   ERS_PG_PORT      PostgreSQL TCP port (default 55432)
#   ERS_REDIS_PORT   Redis TCP port (default 56379)
#   ERS_PG_BIN       PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
set -euo pipefail

STATE=${ERS_STATE_DIR:-/tmp/ers-test-services}
PG_PORT=${ERS_PG_PORT:-55432}
REDIS_PORT=${ERS_REDIS_PORT:-56379}
PG_BIN=${ERS_PG_BIN:-/usr/lib/postgresql/15/bin}
# The full suite runs every server suite at once, each with its own pools (16 connections per
# ers-server runtime): 200 ran out ("too many clients already") once the collection suites came.
PG_MAX_CONNECTIONS=600
MODE=up
case "${1:-}" in
  "") ;;
  --check) MODE=check ;;
  -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
  *) echo "services-up: unknown argument $1 (try --help)" >&2; exit 2 ;;
esac

say() { printf 'services-up: %s\n' "$*"; }
die() { printf 'services-up: error: %s\n' "$*" >&2; exit 1; }

for v in ERS_PG_PORT:"$PG_PORT" ERS_REDIS_PORT:"$REDIS_PORT"; do
  case "${v#*:}" in ''|*[!0-9]*) die "${v%%:*} must be a port number, got '${v#*:}'" ;; esac
done
[ "$PG_PORT" != "$REDIS_PORT" ] || die "ERS_PG_PORT and ERS_REDIS_PORT must differ"

case "$STATE" in
  *[!A-Za-z0-9._/-]*) die "ERS_STATE_DIR may only contain letters, digits and . _ / - (got '$STATE')" ;;
esac
if [ "$MODE" = check ] && [ ! -d "$STATE" ]; then exit 1; fi
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd -P)

PG_DIR=$STATE/pg                       # owned by the server's OS user; socket lives here
PG_DATA=$PG_DIR/data
PG_LOG=$PG_DIR/postgresql.log
PG_SU_PW=$STATE/pg-superuser.password  # role postgres (superuser)
PG_ERS_PW=$STATE/pg-ers.password       # role ers (LOGIN CREATEDB, owns ers_test)
PGPASS=$STATE/pgpass                   # libpq password file with both roles
REDIS_DIR=$STATE/redis
REDIS_CONF=$REDIS_DIR/redis.conf
REDIS_PID=$REDIS_DIR/redis.pid
REDIS_PW=$STATE/redis-default.password # default user (requirepass)
REDIS_ACL_PW=$STATE/redis-ers.password # ACL user "ers"
ENV_FILE=$STATE/env
MARKER=$STATE/.ers-test-services

RUNAS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user (install postgresql-15: scripts/install-deps.sh)"
  RUNAS=(runuser -u postgres --)
fi

# ---- status helpers (also used by --check) ------------------------------------------
pg_running() {   # running from our data directory, on the port and with the settings asked for
  [ -f "$PG_DATA/postmaster.pid" ] || return 1
  "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 || return 1
  [ "$(sed -n 4p "$PG_DATA/postmaster.pid")" = "$PG_PORT" ] || return 1
  grep -q -- "max_connections=$PG_MAX_CONNECTIONS" "$PG_DATA/postmaster.opts" 2>/dev/null
}
pg_answers() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -d postgres -t 2 >/dev/null 2>&1
}
redis_pid() {    # pid of the redis-server started from our config, if it runs
  local pid
  [ -f "$REDIS_PID" ] || return 1
  pid=$(cat "$REDIS_PID" 2>/dev/null) || return 1
  case "$pid" in ''|*[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  # redis rewrites its process title, so identify it by name and working directory (`dir`).
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = redis-server ] || return 1
  [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$REDIS_DIR" ] || return 1
  printf '%s' "$pid"
}
redis_answers() {
  [ -s "$REDIS_PW" ] || return 1
  [ "$(REDISCLI_AUTH=$(cat "$REDIS_PW") redis-cli --no-auth-warning -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]
}
redis_running() {
  redis_pid >/dev/null || return 1
  grep -qx "port $REDIS_PORT" "$REDIS_CONF" 2>/dev/null
}

if [ "$MODE" = check ]; then
  pg_running && pg_answers && redis_running && redis_answers && [ -f "$ENV_FILE" ]
  exit
fi

# ---- preflight ------------------------------------------------------------------------
for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/pg_isready" "$PG_BIN/psql"; do
  [ -x "$tool" ] || die "$tool not found: run scripts/install-deps.sh (or set ERS_PG_BIN)"
done
for tool in redis-server redis-cli; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found: run scripts/install-deps.sh"
done
command -v flock >/dev/null 2>&1 || die "flock not found (util-linux)"

sock="$PG_DIR/.s.PGSQL.$PG_PORT"
[ "${#sock}" -lt 107 ] || die "socket path $sock is too long for a unix socket: use a shorter ERS_STATE_DIR"

chmod 0711 "$STATE"   # the postgres user must traverse it; it must not list the secrets
: >>"$MARKER"
exec 9>"$STATE/.lock"
flock -w 300 9 || die "another services-up/services-down holds $STATE/.lock"

secret() { head -c 32 /dev/urandom | od -An -vtx1 | tr -d ' \n'; }
ensure_secret() {   # FILE: create with a fresh random secret when missing; always mode 600
  if [ ! -s "$1" ]; then
    (umask 077; secret >"$1.tmp"; mv -f "$1.tmp" "$1")
    return 0
  fi
  chmod 600 "$1"
}

# ---- PostgreSQL -------------------------------------------------------------------------
pg_stop() {
  "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

mkdir -p "$PG_DIR"
chmod 0755 "$PG_DIR"
if [ "${#RUNAS[@]}" -gt 0 ]; then chown postgres: "$PG_DIR"; fi
"${RUNAS[@]}" test -w "$PG_DIR" ||
  die "the postgres OS user cannot write $PG_DIR (every parent of ERS_STATE_DIR must be traversable)"

if [ -d "$PG_DATA" ] && { [ ! -f "$PG_DATA/.ers-initialised" ] || [ ! -s "$PG_SU_PW" ] || [ ! -s "$PG_ERS_PW" ]; }; then
  say "postgres: discarding an incomplete cluster in $PG_DATA"
  if [ -f "$PG_DATA/postmaster.pid" ]; then pg_stop; fi
  rm -rf "$PG_DATA"
fi
ensure_secret "$PG_SU_PW"
ensure_secret "$PG_ERS_PW"

if [ ! -d "$PG_DATA" ]; then
  say "postgres: initdb $PG_DATA"
  pwtmp=$PG_DIR/.initdb-pw
  (umask 077; cat "$PG_SU_PW" >"$pwtmp")
  if [ "${#RUNAS[@]}" -gt 0 ]; then chown postgres: "$pwtmp"; fi
  initdb_args=(-D "$PG_DATA" -U postgres --pwfile="$pwtmp" --auth-local=scram-sha-256
               --auth-host=scram-sha-256 -E UTF8 --no-sync)
  if ! "${RUNAS[@]}" "$PG_BIN/initdb" "${initdb_args[@]}" --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
    rm -rf "$PG_DATA"
    "${RUNAS[@]}" "$PG_BIN/initdb" "${initdb_args[@]}" --no-locale >"$PG_DIR/initdb.log" 2>&1 ||
      { rm -f "$pwtmp"; cat "$PG_DIR/initdb.log" >&2; die "initdb failed (log above)"; }
  fi
  rm -f "$pwtmp"
  # Throw-away cluster: trade durability for speed. TimeZone stays initdb's default.
  cat >>"$PG_DATA/postgresql.conf" <<CONF

# ---- added by ERS scripts/services-up.sh (throw-away test cluster) ----
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  "${RUNAS[@]}" touch "$PG_DATA/.ers-initialised"
fi

if [ -f "$PG_DATA/postmaster.pid" ] && ! pg_running; then
  # Stale pid file, or running on another port or with other settings than asked for now:
  # (re)start cleanly.
  say "postgres: stopping the server from $PG_DATA (stale, or on another port or settings)"
  pg_stop
fi
if pg_running; then
  say "postgres: reusing the running server (port $PG_PORT)"
else
  say "postgres: starting on 127.0.0.1:$PG_PORT (socket in $PG_DIR)"
  if ! "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=$PG_MAX_CONNECTIONS" start >/dev/null 2>&1 9>&-; then
    tail -n 20 "$PG_LOG" >&2 || true
    die "PostgreSQL did not start (is port $PG_PORT taken? log: $PG_LOG)"
  fi
fi
for _ in $(seq 1 60); do pg_answers && break; sleep 0.5; done
pg_answers || die "PostgreSQL does not answer on 127.0.0.1:$PG_PORT (log: $PG_LOG)"

# Role and database: created once, password (re)set every time so it matches the file.
PGPASSWORD=$(cat "$PG_SU_PW") "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" \
  -U postgres -d postgres >/dev/null <<SQL
SET client_min_messages = warning;
SELECT 'CREATE ROLE ers' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ers') \gexec
\set ers_pw '$(cat "$PG_ERS_PW")'
ALTER ROLE ers WITH LOGIN CREATEDB NOSUPERUSER PASSWORD :'ers_pw';
\unset ers_pw
SELECT 'CREATE DATABASE ers_test OWNER ers' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ers_test') \gexec
SQL

# libpq password file for psql and friends (PGPASSFILE=...): TCP (127.0.0.1) and socket.
(
  umask 077
  {
    for host in 127.0.0.1 localhost "$PG_DIR"; do
      printf '%s:%s:*:postgres:%s\n' "${host//:/\\:}" "$PG_PORT" "$(cat "$PG_SU_PW")"
      printf '%s:%s:*:ers:%s\n' "${host//:/\\:}" "$PG_PORT" "$(cat "$PG_ERS_PW")"
    done
  } >"$PGPASS.tmp"
  mv -f "$PGPASS.tmp" "$PGPASS"
)

# The application role logs in over TCP with its password.
PGPASSWORD=$(cat "$PG_ERS_PW") "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U ers -d ers_test \
  -c 'SELECT 1' >/dev/null || die "role ers cannot log in to ers_test over TCP"

# ---- Redis ------------------------------------------------------------------------------
ensure_secret "$REDIS_PW"
ensure_secret "$REDIS_ACL_PW"
mkdir -p "$REDIS_DIR"
chmod 0700 "$REDIS_DIR"

write_redis_conf() {
  (
    umask 077
    cat >"$REDIS_CONF.tmp" <<CONF
# written by ERS scripts/services-up.sh — throw-away test server, loopback only
bind 127.0.0.1
port $REDIS_PORT
protected-mode yes
daemonize yes
pidfile $REDIS_PID
logfile $REDIS_DIR/redis.log
dir $REDIS_DIR
save ""
appendonly no
databases 16
requirepass $(cat "$REDIS_PW")
user ers on >$(cat "$REDIS_ACL_PW") ~* &* +@all
CONF
    mv -f "$REDIS_CONF.tmp" "$REDIS_CONF"
  )
}

if pid=$(redis_pid); then
  if redis_running && redis_answers; then
    say "redis: reusing the running server (port $REDIS_PORT)"
  else
    say "redis: restarting pid $pid (port or password changed)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
fi
if ! redis_pid >/dev/null; then
  rm -f "$REDIS_PID"
  write_redis_conf
  say "redis: starting on 127.0.0.1:$REDIS_PORT"
  redis-server "$REDIS_CONF" </dev/null >/dev/null 2>&1 9>&- ||
    { tail -n 20 "$REDIS_DIR/redis.log" >&2 || true; die "redis-server did not start (log: $REDIS_DIR/redis.log)"; }
fi
for _ in $(seq 1 60); do redis_answers && break; sleep 0.5; done
redis_answers || { tail -n 20 "$REDIS_DIR/redis.log" >&2 || true; die "Redis does not answer on 127.0.0.1:$REDIS_PORT (is the port taken?)"; }
[ "$(REDISCLI_AUTH=$(cat "$REDIS_ACL_PW") redis-cli --no-auth-warning --user ers -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] ||
  die "Redis ACL user ers cannot authenticate"

# ---- other tools the tests use ------------------------------------------------------------
# sshd refuses to start as root without its privilege-separation directory, which only the
# init system creates; tests start their own sshd on a loopback port.
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then mkdir /run/sshd; chmod 0755 /run/sshd; fi

# ---- environment file ---------------------------------------------------------------------
tool_path() {   # NAME DEFAULT: the default path when it exists, else what PATH finds
  if [ -x "$2" ]; then printf '%s' "$2"; else command -v "$1" 2>/dev/null || printf '%s' "$2"; fi
}
(
  umask 077
  {
    echo "# written by ERS scripts/services-up.sh; source it: . $ENV_FILE"
    # Values never contain a single quote (ERS_STATE_DIR is restricted), so plain
    # single quotes keep the file readable by other tools too.
    printf "export %s='%s'\n" \
      ERS_TEST_SERVICES_DIR "$STATE" \
      ERS_TEST_DATABASE_URL "postgres://ers@127.0.0.1:$PG_PORT/ers_test?sslmode=disable" \
      ERS_TEST_DATABASE_PASSWORD_FILE "$PG_ERS_PW" \
      ERS_TEST_DATABASE_SUPERUSER_URL "postgres://postgres@127.0.0.1:$PG_PORT/postgres?sslmode=disable" \
      ERS_TEST_DATABASE_SUPERUSER_PASSWORD_FILE "$PG_SU_PW" \
      ERS_TEST_PGPASSFILE "$PGPASS" \
      ERS_TEST_PG_SOCKET_DIR "$PG_DIR" \
      ERS_TEST_PG_BIN "$PG_BIN" \
      ERS_TEST_REDIS_URL "redis://127.0.0.1:$REDIS_PORT" \
      ERS_TEST_REDIS_PASSWORD_FILE "$REDIS_PW" \
      ERS_TEST_REDIS_ACL_USER ers \
      ERS_TEST_REDIS_ACL_PASSWORD_FILE "$REDIS_ACL_PW" \
      ERS_TEST_NGINX "$(tool_path nginx /usr/sbin/nginx)" \
      ERS_TEST_SSHD "$(tool_path sshd /usr/sbin/sshd)" \
      ERS_TEST_SSH "$(tool_path ssh /usr/bin/ssh)" \
      ERS_TEST_SSH_KEYGEN "$(tool_path ssh-keygen /usr/bin/ssh-keygen)"
  } >"$ENV_FILE.tmp"
  mv -f "$ENV_FILE.tmp" "$ENV_FILE"
)
say "PostgreSQL 127.0.0.1:$PG_PORT (db ers_test, role ers), Redis 127.0.0.1:$REDIS_PORT"
say "environment: . $ENV_FILE"

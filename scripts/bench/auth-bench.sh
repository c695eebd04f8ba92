#!/usr/bin/env bash
# auth-bench.sh — the ERS auth service against the seed design's auth service, in one run.
#
#   scripts/bench/auth-bench.sh            (after scripts/services-up.sh; see docs/benchmarks.md)
#
# What it does, all on loopback:
#   1. builds ers-server in release mode and ersctl (for the rendered migrations);
#   2. creates a throw-away database on the test PostgreSQL (scripts/services-up.sh), applies
#      the rendered migrations, and adds 8 users (bcrypt cost 12) with `ers-server users add`;
#   3. starts one throw-away redis-server (no persistence) used by both services;
#   4. the seed (../shared/bench/seed-auth, FastAPI + uvicorn, pinned versions in a venv under
#      ~/.cache/ers-bench) with 1 and then 2 workers: wrk on /health and on its login;
#   5. ers-server auth (HS256, sessions in Redis, LOG_LEVEL=info to a file): wrk on /health,
#      on /auth/verify with a valid token, and on /auth/login (bcrypt-bound);
#   6. prints a Markdown table of requests/s and p99 latency.
#
# Load: wrk -t2 -c32 -d${BENCH_SECONDS:-10}s --latency. Every loop is bounded by wrk's duration.
# Environment: ERS_STATE_DIR (services), ERS_SHARED_DIR (default REPO/../shared), BENCH_SECONDS,
# BENCH_SKIP_SEED=1 (only ers-server, for quick iterations; not for the published comparison).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
STATE=${ERS_STATE_DIR:-/tmp/ers-test-services}
SHARED=${ERS_SHARED_DIR:-$ROOT/../shared}
if [ ! -d "$SHARED" ]; then
  common=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
  [ -n "$common" ] && [ -d "$common/../../shared" ] && SHARED=$common/../../shared
fi
SEED=$SHARED/bench/seed-auth
VENV=${HOME}/.cache/ers-bench/seed-venv
WORK=$(mktemp -d /tmp/ers-auth-bench.XXXXXX)
PIDS=()

die() { printf 'auth-bench: error: %s\n' "$*" >&2; exit 1; }
say() { printf 'auth-bench: %s\n' "$*" >&2; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_DB:-}" ]; then
    PGPASSFILE=$ERS_TEST_PGPASSFILE "$ERS_TEST_PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U ers -d ers_test \
      -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$STATE/env" ] || die "no $STATE/env: run scripts/services-up.sh first (and set ERS_STATE_DIR if you used another)"
# shellcheck source=/dev/null
. "$STATE/env"
for tool in wrk redis-server curl python3; do command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y wrk redis-server curl)"; done
[ -f "$SEED/auth_service.py" ] || die "seed service not found at $SEED (set ERS_SHARED_DIR)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {
  for _ in $(seq 1 200); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  curl -sS "$1" >&2 || true
  tail -n 20 "$WORK"/*.log >&2 || true
  die "$1 did not answer 2xx"
}
# wrk_run NAME URL [wrk args...]: prints "NAME<TAB>req/s<TAB>p99<TAB>non-2xx<TAB>socket errors"
# (--timeout 30s: a slow answer is measured, not dropped as a wrk timeout at 2 s).
wrk_run() {
  local name=$1 url=$2; shift 2
  local out
  out=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --timeout 30s --latency "$@" "$url")
  local rps p99 errors socket
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  socket=$(awk '/Socket errors:/ {sub(/^ *Socket errors: */, ""); print}' <<<"$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p99" "${errors:-0}" "${socket:-none}"
}

# ---- build ----------------------------------------------------------------------------------
say "building ers-server (release) and ersctl"
swift build -c release --product ers-server >&2
swift build --product ersctl >&2
SERVER=$(swift build -c release --show-bin-path)/ers-server
ERSCTL=$(swift build --show-bin-path)/ersctl

# ---- seed venv (pinned as ../shared/bench/README.md says) -----------------------------------
if [ ! -x "$VENV/bin/uvicorn" ]; then
  say "creating $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q fastapi==0.165.0 uvicorn==0.54.0 pyjwt==2.15.1 redis==8.1.0
fi

# ---- redis and database ---------------------------------------------------------------------
REDIS_PORT=$(free_port)
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$WORK" >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

PG_PORT=$(sed -E 's|.*:([0-9]+)/.*|\1|' <<<"$ERS_TEST_DATABASE_URL")
BENCH_DB=ers_bench_$$
PGPASSFILE=$ERS_TEST_PGPASSFILE "$ERS_TEST_PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U ers -d ers_test -c "CREATE DATABASE $BENCH_DB" >/dev/null
"$ERSCTL" render environments/development.yaml --output "$WORK/rendered" --as-of "$(date -u +%Y-%m)" >/dev/null
for sql in "$WORK"/rendered/sql/*.sql; do
  PGPASSFILE=$ERS_TEST_PGPASSFILE "$ERS_TEST_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -1 -h 127.0.0.1 -p "$PG_PORT" -U ers -d "$BENCH_DB" -f "$sql" >/dev/null
done

openssl rand -base64 48 >"$WORK/jwt-secret"
export DATABASE_URL="postgres://ers@127.0.0.1:$PG_PORT/$BENCH_DB?sslmode=disable"
export DATABASE_PASSWORD_FILE=$ERS_TEST_DATABASE_PASSWORD_FILE
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1"
export JWT_SECRET_FILE=$WORK/jwt-secret
export JWT_ISSUER=ers JWT_AUDIENCE=ers JWT_LIFETIME_SECONDS=900 BCRYPT_COST=12 LOG_LEVEL=info
export LOGIN_MAX_ATTEMPTS_PER_USER=1000000 LOGIN_MAX_ATTEMPTS_PER_ADDRESS=1000000
say "adding 8 users (bcrypt cost 12)"
for i in $(seq 0 7); do
  u=$(printf 'user%04d' "$i")
  printf 'pw-%s-long-enough' "$u" | "$SERVER" users add "$u" --role reader >/dev/null
done

RESULTS=$WORK/results.tsv
: >"$RESULTS"

# ---- the seed, 1 and 2 workers --------------------------------------------------------------
for workers in $([ "${BENCH_SKIP_SEED:-0}" = 1 ] || echo 1 2); do
  port=$(free_port)
  say "seed: uvicorn --workers $workers on $port"
  (cd "$SEED" && REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" JWT_SECRET=$(cat "$WORK/jwt-secret") \
     exec "$VENV/bin/uvicorn" auth_service:app --host 127.0.0.1 --port "$port" --workers "$workers" --log-level warning) >"$WORK/seed.log" 2>&1 &
  seed_pid=$!
  PIDS+=("$seed_pid")
  wait_http "http://127.0.0.1:$port/health"
  wrk_run "seed ${workers}w /health" "http://127.0.0.1:$port/health" >>"$RESULTS"
  wrk_run "seed ${workers}w POST /auth/login (plain-text passwords)" "http://127.0.0.1:$port" -s "$SEED/login.lua" >>"$RESULTS"
  kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true
done

# ---- ers-server auth ------------------------------------------------------------------------
port=$(free_port)
say "ers-server auth on $port"
HTTP_HOST=127.0.0.1 HTTP_PORT=$port "$SERVER" auth >"$WORK/ers.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$port/ready"
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"user0000","password":"pw-user0000-long-enough"}' \
  "http://127.0.0.1:$port/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
cat >"$WORK/verify.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
cat >"$WORK/login.lua" <<'LUA'
-- POST /auth/login with a JSON body, rotating over 8 users.
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = (i + 1) % 8
  local u = string.format("user%04d", i)
  return wrk.format("POST", "/auth/login", nil, '{"username":"' .. u .. '","password":"pw-' .. u .. '-long-enough"}')
end
LUA
# One login alone: what a bcrypt check at cost 12 costs here (fastest of 3, nothing else running).
single=$(for _ in 1 2 3; do
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
    -d '{"username":"user0001","password":"pw-user0001-long-enough"}' "http://127.0.0.1:$port/auth/login"
done | sort -n | head -n 1)
wrk_run "ers /health" "http://127.0.0.1:$port/health" >>"$RESULTS"
wrk_run "ers GET /auth/verify (JWT + Redis session)" "http://127.0.0.1:$port/auth/verify" -s "$WORK/verify.lua" >>"$RESULTS"
wrk_run "ers POST /auth/login (bcrypt cost 12)" "http://127.0.0.1:$port" -s "$WORK/login.lua" >>"$RESULTS"

# ---- report ---------------------------------------------------------------------------------
printf '\n| run | requests/s | p99 | non-2xx | socket errors |\n|---|---:|---:|---:|---|\n'
while IFS=$'\t' read -r name rps p99 errors socket; do
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p99" "$errors" "$socket"
done <"$RESULTS"
printf '\none ers login alone (bcrypt cost 12, token, session, audit row): %s s, fastest of 3\n' "$single"
printf '\nmachine: %s cores, load average %s, %s; wrk -t2 -c32 -d%ss --timeout 30s --latency; %s\n' \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(uname -sr)" "$SECONDS_PER_RUN" "$(date -u +%Y-%m-%dT%H:%MZ)"

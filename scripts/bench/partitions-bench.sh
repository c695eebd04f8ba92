#!/usr/bin/env bash
# partitions-bench.sh — ERS partition maintenance against pg_partman 4.7.2, on the same
# PostgreSQL 15 server in the same run (docs/benchmarks.md, "Partitions").
#
#   scripts/bench/partitions-bench.sh [RUNS]        (default 5 runs per case; the median counts)
#
# Cases, each on a table shaped like the spec's `reports` (identity id, primary key
# (id, created_at), three more indexes), each run in a fresh database:
#   create-120   pg_partman: SELECT partman.create_parent(..., p_premake := 120,
#                p_start_partition := <this month>)  — 121 monthly partitions and a DEFAULT
#                ERS:        ersctl-db partitions maintain FILE  with premake 120 — 121 partitions
#   nothing      pg_partman: SELECT partman.run_maintenance('<table>') with everything in place
#                ERS:        ersctl-db partitions maintain FILE, everything in place
# Two times per command:
#   wall  the whole command (psql or ersctl-db: process start, TCP + SCRAM login, work), as an
#         operator or a CronJob runs it;
#   work  the maintenance itself, without process start and login: psql's \timing of the
#         pg_partman call, ersctl-db's `--timings` "work" (its catalog reads and DDL).
# Targets: ERS ≤ 0.7× pg_partman for create-120, ≥ 10× faster for nothing.
#
# Needs: the test services (scripts/services-up.sh; uses $ERS_STATE_DIR/env), pg_partman
# (Debian postgresql-15-partman, installed by scripts/install-deps.sh; CREATE EXTENSION needs
# the superuser URL from the env file), and builds ersctl-db in release mode.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
RUNS=${1:-5}
case "$RUNS" in ''|*[!0-9]*|0) echo "partitions-bench: RUNS must be a positive number" >&2; exit 2 ;; esac
STATE=${ERS_STATE_DIR:-/tmp/ers-test-services}
[ -f "$STATE/env" ] || { echo "partitions-bench: $STATE/env not found: run scripts/services-up.sh first" >&2; exit 1; }
# shellcheck source=/dev/null
. "$STATE/env"
[ -f /usr/share/postgresql/15/extension/pg_partman.control ] ||
  { echo "partitions-bench: pg_partman is not installed: apt-get install postgresql-15-partman (scripts/install-deps.sh)" >&2; exit 1; }

echo "==> swift build -c release --product ersctl-db"
swift build -c release --product ersctl-db >/dev/null
ERSCTL_DB=$(swift build -c release --show-bin-path)/ersctl-db

PSQL="$ERS_TEST_PG_BIN/psql"
export PGPASSFILE=$ERS_TEST_PGPASSFILE
HOSTPORT=${ERS_TEST_DATABASE_URL#postgres://*@}; HOSTPORT=${HOSTPORT%%/*}
HOST=${HOSTPORT%:*}; PORT=${HOSTPORT#*:}
su_psql() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U postgres "$@"; }
ers_url() { echo "postgres://ers@$HOST:$PORT/$1?sslmode=disable"; }

MONTH=$(date -u +%Y-%m)
WORK=$(mktemp -d /tmp/ers-partitions-bench.XXXXXX)
DBS=()
cleanup() {
  for db in "${DBS[@]}"; do su_psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

cat >"$WORK/partitions.yaml" <<YAML
partitionedTables:
  - name: bench
    partitionColumn: created_at
    interval: monthly
    premake: 120
    columns:
      - {name: id, type: bigint, nullable: false, identity: true}
      - {name: hostname, type: varchar(255), nullable: false}
      - {name: report_type, type: varchar(50), nullable: false}
      - {name: data, type: jsonb, nullable: false}
      - {name: created_at, type: timestamptz, nullable: false, default: now()}
    primaryKey: [id, created_at]
    indexes:
      - {name: idx_bench_hostname_created_at, columns: [hostname, created_at]}
      - {name: idx_bench_type_created_at, columns: [report_type, created_at]}
      - {name: idx_bench_created_at, columns: [created_at]}
YAML

TABLE_SQL="
CREATE TABLE bench (
    id bigint GENERATED ALWAYS AS IDENTITY,
    hostname varchar(255) NOT NULL,
    report_type varchar(50) NOT NULL,
    data jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bench_pkey PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX idx_bench_hostname_created_at ON bench (hostname, created_at);
CREATE INDEX idx_bench_type_created_at ON bench (report_type, created_at);
CREATE INDEX idx_bench_created_at ON bench (created_at);
"

# fresh_db NAME: a database owned by ers holding the bench table and pg_partman.
fresh_db() {
  su_psql -d postgres -c "CREATE DATABASE $1 OWNER ers" >/dev/null
  DBS+=("$1")
  su_psql -d "$1" -c "CREATE SCHEMA partman" -c "CREATE EXTENSION pg_partman SCHEMA partman" >/dev/null
  su_psql -d "$1" -c "SET ROLE ers" -c "$TABLE_SQL" >/dev/null
}

now_ns() { date +%s%N; }
# elapsed_ms START_NS
elapsed_ms() { echo $(( ($(now_ns) - $1) / 1000000 )); }

# Each runner prints "WALL WORK" in ms.
partman_run() { # DB SQL
  local t out
  t=$(now_ns)
  out=$(printf '\\timing on\n%s;\n' "$2" | su_psql -d "$1")
  printf '%s %s\n' "$(elapsed_ms "$t")" "$(printf '%s\n' "$out" | awk '/^Time:/ { printf "%.1f", $2 }')"
}
partman_create() {
  partman_run "$1" "SELECT partman.create_parent('public.bench', 'created_at', 'native', 'monthly', p_premake := 120, p_start_partition := to_char(date_trunc('month', now() AT TIME ZONE 'UTC'), 'YYYY-MM-DD 00:00:00+00'))"
}
partman_maintain() { partman_run "$1" "SELECT partman.run_maintenance('public.bench')"; }
ers_maintain() {
  local t
  t=$(now_ns)
  DATABASE_PASSWORD_FILE=$ERS_TEST_DATABASE_PASSWORD_FILE "$ERSCTL_DB" partitions maintain "$WORK/partitions.yaml" \
    --database-url "$(ers_url "$1")" --as-of "$MONTH" --timings >"$WORK/ers.out" 2>&1 || { cat "$WORK/ers.out" >&2; exit 1; }
  printf '%s %s\n' "$(elapsed_ms "$t")" "$(awk '/^timings:/ { for (i = 1; i <= NF; i++) if ($i == "work") printf "%.1f", $(i + 1) }' "$WORK/ers.out")"
}
count_partitions() {
  su_psql -d "$1" -At -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'bench'::regclass"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Per case and tool: wall times and work times, one per run.
declare -a PCW=() PCK=() ECW=() ECK=() PNW=() PNK=() ENW=() ENK=()
for run in $(seq 1 "$RUNS"); do
  p=ers_bench_p_$$_$run; e=ers_bench_e_$$_$run
  fresh_db "$p"; fresh_db "$e"
  # Alternate which goes first, so neither always meets a colder cache.
  if [ $((run % 2)) = 1 ]; then order="p e"; else order="e p"; fi
  for who in $order; do
    if [ "$who" = p ]; then read -r w k < <(partman_create "$p"); PCW+=("$w"); PCK+=("$k")
    else read -r w k < <(ers_maintain "$e"); ECW+=("$w"); ECK+=("$k"); fi
  done
  pc=$(count_partitions "$p"); ec=$(count_partitions "$e")
  for who in $order; do
    if [ "$who" = p ]; then read -r w k < <(partman_maintain "$p"); PNW+=("$w"); PNK+=("$k")
    else read -r w k < <(ers_maintain "$e"); ENW+=("$w"); ENK+=("$k"); fi
  done
  grep -q "nothing to do" "$WORK/ers.out" || { echo "partitions-bench: the second ERS run did work:" >&2; cat "$WORK/ers.out" >&2; exit 1; }
  [ "$(count_partitions "$p")" = "$pc" ] && [ "$(count_partitions "$e")" = "$ec" ] ||
    { echo "partitions-bench: a nothing-to-do run changed the partitions" >&2; exit 1; }
  printf 'run %d: partitions pg_partman %s (incl. DEFAULT), ERS %s | create-120 wall/work ms: pg_partman %s/%s, ERS %s/%s | nothing wall/work ms: pg_partman %s/%s, ERS %s/%s\n' \
    "$run" "$pc" "$ec" "${PCW[-1]}" "${PCK[-1]}" "${ECW[-1]}" "${ECK[-1]}" "${PNW[-1]}" "${PNK[-1]}" "${ENW[-1]}" "${ENK[-1]}"
  su_psql -d postgres -c "DROP DATABASE $p WITH (FORCE)" -c "DROP DATABASE $e WITH (FORCE)" >/dev/null
done

m() { printf '%s\n' "$@" | median; }
echo
echo "median of $RUNS runs, ms; PostgreSQL $("$PSQL" --version | awk '{print $3}'), pg_partman $(su_psql -d postgres -At -c "SELECT default_version FROM pg_available_extensions WHERE name = 'pg_partman'"), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v pcw="$(m "${PCW[@]}")" -v pck="$(m "${PCK[@]}")" -v ecw="$(m "${ECW[@]}")" -v eck="$(m "${ECK[@]}")" \
    -v pnw="$(m "${PNW[@]}")" -v pnk="$(m "${PNK[@]}")" -v enw="$(m "${ENW[@]}")" -v enk="$(m "${ENK[@]}")" 'BEGIN {
  printf "%-32s %12s %12s %10s   %s\n", "case", "pg_partman", "ERS", "ratio", "target"
  r = ecw / pcw; printf "%-32s %9.1f ms %9.1f ms %9.2fx   ERS/pg_partman <= 0.70: %s\n", "create 120, wall", pcw, ecw, r, (r <= 0.70 ? "met" : "NOT met")
  r = eck / pck; printf "%-32s %9.1f ms %9.1f ms %9.2fx   ERS/pg_partman <= 0.70: %s\n", "create 120, work", pck, eck, r, (r <= 0.70 ? "met" : "NOT met")
  r = pnw / (enw > 0 ? enw : 1); printf "%-32s %9.1f ms %9.1f ms %9.1fx   ERS >= 10x faster: %s\n", "nothing to do, wall", pnw, enw, r, (r >= 10 ? "met" : "NOT met")
  r = pnk / (enk > 0 ? enk : 1); printf "%-32s %9.1f ms %9.1f ms %9.1fx   ERS >= 10x faster: %s\n", "nothing to do, work", pnk, enk, r, (r >= 10 ? "met" : "NOT met")
}'

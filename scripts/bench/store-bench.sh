#!/usr/bin/env bash
# store-bench.sh — rows per second into the partitioned `reports` table through the worker's
# completion path (docs/benchmarks.md, "Storing reports").
#
#   scripts/bench/store-bench.sh [ROWS] [WRITERS] [BATCH ...]
#       defaults: 100000 rows, 4 concurrent writers, batches 1 50 200 1000
#
# Each batch size runs in the same fresh database (environments/base.yaml's migrations, the
# reports partitions of the current month): ROWS hosts, one collection of ROWS jobs, all
# claimed, then stored WRITERS transactions at a time, each JobQueue.complete of BATCH jobs —
# the reports INSERT … SELECT over unnest arrays and the jobs UPDATE to succeeded, one
# transaction, exactly what `ers-server worker` does when many jobs finish together. Batch 1
# (one transaction per report) stores 5000 rows. Reports are ≈ 0.9 KB JSON documents shaped like
# the collectors' (sections with status, raw text). Target: ≥ 20,000 rows/s.
#
# Needs the test services (scripts/services-up.sh; uses $ERS_STATE_DIR/env); builds
# ers-store-bench in release mode.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
STATE=${ERS_STATE_DIR:-/tmp/ers-test-services}
[ -f "$STATE/env" ] || { echo "store-bench: $STATE/env not found: run scripts/services-up.sh first" >&2; exit 1; }
# shellcheck source=/dev/null
. "$STATE/env"
ROWS=${1:-100000}
WRITERS=${2:-4}
shift $(( $# > 2 ? 2 : $# ))
BATCHES=("$@")
[ ${#BATCHES[@]} -gt 0 ] || BATCHES=(1 50 200 1000)
for n in "$ROWS" "$WRITERS" "${BATCHES[@]}"; do
  case "$n" in ''|*[!0-9]*|0) echo "store-bench: ROWS, WRITERS and BATCH must be positive numbers" >&2; exit 2 ;; esac
done

echo "==> swift build -c release --product ers-store-bench"
swift build -c release --product ers-store-bench >/dev/null
BENCH=$(swift build -c release --show-bin-path)/ers-store-bench
echo "==> $(nproc) cores; PostgreSQL $("$ERS_TEST_PG_BIN/postgres" --version | awk '{print $3}')"
"$BENCH" "$ERS_TEST_DATABASE_URL" "$ERS_TEST_DATABASE_PASSWORD_FILE" "$ROWS" "$WRITERS" "${BATCHES[@]}"

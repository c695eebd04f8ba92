#!/usr/bin/env bash
# render.sh — build ersctl (release) and render the production environment.
#
#   scripts/render.sh [OUTPUT_DIR]     (default: rendered/production)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
OUT=${1:-rendered/production}
# A relative OUTPUT_DIR is taken from where the command was run.
case "$OUT" in /*) ;; *) OUT=$PWD/$OUT ;; esac
cd "$ROOT"

SPEC=environments/production.yaml
[ -f "$SPEC" ] || { echo "render.sh: $ROOT/$SPEC not found" >&2; exit 1; }

echo "==> build ersctl (release)"
swift build -c release --product ersctl
ERSCTL=$(swift build -c release --show-bin-path)/ersctl

echo "==> render $SPEC"
mkdir -p "$OUT"
"$ERSCTL" render "$SPEC" --output "$OUT"
echo "rendered files are in $OUT"

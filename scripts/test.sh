#!/usr/bin/env bash
# test.sh — the one command that runs every ERS test on a fresh Debian 12 machine.
#
#   scripts/test.sh
#
# Phases: install Debian packages (scripts/install-deps.sh), start throw-away PostgreSQL and
# Redis (scripts/services-up.sh), build ersctl, render every environments/*.yaml (except
# base.yaml) and check the output with ../shared/tools/validate-rendered, build ersctl-db (the
# database tests start it as separate processes), then `swift test`.
# Exits non-zero when any phase fails; `swift test`'s own summary is the last test output.
#
# Environment:
#   ERS_SHARED_DIR        the shared folder (default: REPO/../shared)
#   ERS_KEEP_SERVICES=1   leave the services running at the end (they are stopped only when
#                         this run started them)
#   ERS_STATE_DIR, ERS_PG_PORT, ERS_REDIS_PORT   see scripts/services-up.sh
#   ERS_AS_OF             month fixed for rendered SQL partitions (default 2026-01)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

phase() { printf '\n==> %s\n' "$*"; }
die() { printf 'test.sh: error: %s\n' "$*" >&2; exit 1; }

# CI clones the repository next to shared/. In a git worktree elsewhere, fall back to the
# shared/ beside the main checkout.
SHARED=${ERS_SHARED_DIR:-$ROOT/../shared}
if [ -z "${ERS_SHARED_DIR:-}" ] && [ ! -d "$SHARED" ]; then
  common=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
  if [ -n "$common" ] && [ -d "$common/../../shared" ]; then SHARED=$common/../../shared; fi
fi
[ -d "$SHARED" ] ||
  die "shared folder not found at $SHARED: it must sit beside the repository (or set ERS_SHARED_DIR)"
SHARED=$(cd "$SHARED" && pwd -P)
VALIDATE=$SHARED/tools/validate-rendered
CRDS=$SHARED/schemas/crds
[ -r "$VALIDATE" ] || die "$VALIDATE not found (is $SHARED the right shared folder?)"
[ -d "$CRDS" ] || die "$CRDS not found (is $SHARED the right shared folder?)"
AS_OF=${ERS_AS_OF:-2026-01}
SKIPS_FILE=docs/checkov-skips.txt
STATE=${ERS_STATE_DIR:-/tmp/ers-test-services}
export ERS_STATE_DIR=$STATE

# Comma-separated ids from docs/checkov-skips.txt ("ID  reason" lines, # comments).
policy_skips() {
  [ -f "$SKIPS_FILE" ] || return 0
  awk -v file="$SKIPS_FILE" '
    { sub(/\r$/, "") }
    /^[[:space:]]*(#|$)/ { next }
    NF < 2 { printf "%s:%d: %s has no reason\n", file, NR, $1 > "/dev/stderr"; bad = 1; next }
    $1 !~ /^(CKV2?_[A-Z0-9_]+|CL-[0-9]+)$/ { printf "%s:%d: %s is not a check id\n", file, NR, $1 > "/dev/stderr"; bad = 1; next }
    { ids = ids (ids == "" ? "" : ",") $1 }
    END { if (bad) exit 1; printf "%s", ids }
  ' "$SKIPS_FILE"
}

FAILED=()

phase "install dependencies"
bash scripts/install-deps.sh

phase "services (PostgreSQL 15, Redis)"
if bash scripts/services-up.sh --check; then
  echo "services already running: reusing them, leaving them running"
  bash scripts/services-up.sh
else
  # Started by this run (even half-way, if services-up fails): stopped at exit.
  if [ "${ERS_KEEP_SERVICES:-0}" != 1 ]; then
    trap 'bash scripts/services-down.sh >/dev/null 2>&1 || echo "test.sh: services-down.sh failed" >&2' EXIT
  fi
  bash scripts/services-up.sh
fi
# shellcheck source=/dev/null
. "$STATE/env"

phase "build ersctl"
swift build --product ersctl
ERSCTL=$(swift build --show-bin-path)/ersctl

phase "render and validate environments"
skips=$(policy_skips) || die "fix $SKIPS_FILE (see its header)"
validate_args=(--policy --sql --crd-schemas "$CRDS")
# validate-rendered rejects an empty --policy-skip, so pass it only with ids.
if [ -n "$skips" ]; then validate_args+=(--policy-skip "$skips"); fi
shopt -s nullglob
envs=()
for f in environments/*.yaml; do
  name=$(basename "$f" .yaml)
  [ "$name" = base ] || envs+=("$name")
done
shopt -u nullglob
if [ "${#envs[@]}" -eq 0 ]; then
  echo "no environments/*.yaml besides base.yaml yet: nothing to render"
fi
for env in "${envs[@]}"; do
  out=.build/rendered/$env
  rm -rf "$out"
  mkdir -p "$(dirname "$out")"
  echo "--- $env: ersctl render environments/$env.yaml --output $out --as-of $AS_OF"
  if ! "$ERSCTL" render "environments/$env.yaml" --output "$out" --as-of "$AS_OF"; then
    echo "FAILED: ersctl render environments/$env.yaml"
    FAILED+=("render $env")
    continue
  fi
  echo "--- $env: validate-rendered ${validate_args[*]} $out"
  if ! bash "$VALIDATE" "${validate_args[@]}" "$out"; then
    echo "FAILED: validate-rendered $out"
    FAILED+=("validate $env")
  fi
done

# The rollout options no environment uses (Argo Rollouts, ingress-nginx canary) are rendered
# only by the Kubernetes tests: validate their golden files too.
for golden in Tests/ERSKubernetesTests/Golden/production-*-rollouts Tests/ERSKubernetesTests/Golden/production-*-canary; do
  [ -d "$golden" ] || continue
  echo "--- validate-rendered ${validate_args[*]} $golden"
  if ! bash "$VALIDATE" "${validate_args[@]}" "$golden"; then
    echo "FAILED: validate-rendered $golden"
    FAILED+=("validate $golden")
  fi
done

phase "build ersctl-db (the tests run it as separate processes)"
swift build --product ersctl-db

phase "swift test"
# The command-line and end-to-end tests (ERSCollectionEndToEndTests) run the ers-server binary
# that sits next to the test bundle; the end-to-end tests also start a loopback sshd fleet.
swift build --product ers-server
mkdir -p .build
# Two test processes: the suites that start programs through swift-subprocess (the SSH and
# local collectors, the worker, the end-to-end tests) run apart from those that use
# Foundation's Process. In one process the two did not mix: once swift-subprocess's monitor
# thread waits in epoll_pwait with every signal unblocked, SIGCHLD can land there, and
# Foundation never learns that its children exited (Process.waitUntilExit / isRunning hang;
# the whole run hung).
SUBPROCESS_SUITES='ERSCollectorsTests|ERSWorkerTests|ERSCollectionEndToEndTests'
swift build --build-tests
set +e
# The main process under a deadline too (its tests take ~2 min here): it hung once, at exit of
# its last tests, with no child left and Foundation's Process thread waiting for a SIGCHLD
# (2026-11-29, third session; not reproduced). A hang is run once more, and said loudly.
for attempt in 1 2; do
  timeout --kill-after=10 1200 swift test --skip-build --skip "$SUBPROCESS_SUITES" 2>&1 | tee .build/swift-test.log
  test_rc=${PIPESTATUS[0]}
  if [ "$test_rc" = 124 ] || [ "$test_rc" = 137 ]; then
    echo "==> WARNING: swift test (main process) hung (no end within 1200 s); attempt $attempt of 2" >&2
    continue
  fi
  break
done
# Each swift-subprocess suite in a process of its own, one test at a time, under a deadline:
# a run of all three at once hung twice in ~6 runs with every thread idle and no child process
# left (swift-subprocess did not deliver some terminations; not yet reduced to a reproduction).
# A suite that hits the deadline is run once more, and says so loudly.

for suite in ${SUBPROCESS_SUITES//|/ }; do
  for attempt in 1 2; do
    timeout --kill-after=10 900 swift test --skip-build --no-parallel --filter "$suite" 2>&1 | tee ".build/swift-test-$suite.log"
    rc=${PIPESTATUS[0]}
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
      echo "==> WARNING: $suite hung (no progress within 900 s); attempt $attempt of 2" >&2
      continue
    fi
    break
  done
  if [ "$rc" != 0 ]; then FAILED+=("swift test --filter $suite (exit $rc)"); fi
done
set -e
if [ "$test_rc" != 0 ]; then FAILED+=("swift test (exit $test_rc)"); fi

if [ "${#FAILED[@]}" -gt 0 ]; then
  printf '\n==> FAILED phases: %s\n' "$(IFS=';'; echo "${FAILED[*]}")" >&2
  exit 1
fi

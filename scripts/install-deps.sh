#!/usr/bin/env bash
# install-deps.sh — install the Debian packages that ERS's tests and benchmarks need.
#
# Idempotent: installs only what is missing (one `apt-get update` first, and only then);
# prints what it found and what it did. Needs root (or passwordless sudo) when something
# is missing. Services are NOT started by the packages (policy-rc.d); scripts/services-up.sh
# starts throw-away instances with generated credentials instead.
#
# Extra packages can be added with ERS_EXTRA_APT_PACKAGES="pkg1 pkg2".
set -euo pipefail

PACKAGES=(
  postgresql-15          # server + initdb/pg_ctl for the throw-away test cluster
  postgresql-15-partman  # pg_partman 4.7, for the partition benchmark
  postgresql-client-15   # psql, pg_isready
  redis-server           # sessions store for auth tests
  redis-tools            # redis-cli
  nginx                  # Debian's 1.22: gateway config tests (nginx -t, reloads)
  openssh-server         # sshd for the worker's SSH collection tests
  openssh-client         # ssh, ssh-keygen
  python3                # the fleet's tarpit endpoints (shared/bench/fleet-up.sh, FLEET_TARPITS)
  wrk                    # load generator for gateway/rollout checks
)
if [ -n "${ERS_EXTRA_APT_PACKAGES:-}" ]; then
  read -r -a extra <<<"$ERS_EXTRA_APT_PACKAGES"
  PACKAGES+=("${extra[@]}")
fi

say() { printf 'install-deps: %s\n' "$*"; }
die() { printf 'install-deps: error: %s\n' "$*" >&2; exit 1; }

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

command -v dpkg-query >/dev/null 2>&1 || die "not a Debian system (no dpkg-query); install by hand: ${PACKAGES[*]}"

missing=()
for p in "${PACKAGES[@]}"; do
  if installed "$p"; then
    say "present: $p ($(dpkg-query -W -f='${Version}' "$p"))"
  else
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  say "nothing to install"
  exit 0
fi

SUDO=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    die "missing packages (${missing[*]}) and not root (no passwordless sudo)"
  fi
fi

# Keep package maintainer scripts from starting system-wide daemons (a default redis on
# :6379 without a password, nginx on :80, sshd on :22): add a policy-rc.d that denies
# service starts, unless the machine already has one.
POLICY=/usr/sbin/policy-rc.d
ADDED_POLICY=0
cleanup() {
  if [ "$ADDED_POLICY" = 1 ]; then "${SUDO[@]}" rm -f "$POLICY"; fi
}
trap cleanup EXIT
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\n# added by ERS scripts/install-deps.sh while installing\nexit 101\n' |
    "${SUDO[@]}" tee "$POLICY" >/dev/null
  "${SUDO[@]}" chmod 755 "$POLICY"
  ADDED_POLICY=1
fi

APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
t0=$SECONDS
say "apt-get update"
"${APT[@]}" -q update
say "installing: ${missing[*]}"
"${APT[@]}" -y -q --no-install-recommends install "${missing[@]}"

for p in "${missing[@]}"; do
  installed "$p" || die "$p is still not installed"
done
say "installed ${#missing[@]} package(s) in $((SECONDS - t0)) s: ${missing[*]}"

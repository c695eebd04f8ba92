#!/usr/bin/env bash
# collect-bench.sh — collecting the system report from a 100-host loopback SSH fleet:
# ers-collect-bench (SSHCollector: OpenSSH client via swift-subprocess) against asyncssh and
# Ansible ad-hoc, in the same run, on the same fleet.
#
#   scripts/bench/collect-bench.sh            # results on stdout
#
# Environment (all optional):
#   ERS_SHARED_DIR    shared folder with bench/fleet-up.sh (default: REPO/../shared, else /work/shared)
#   BENCH_HOSTS       fleet size (default 100)
#   BENCH_CONCURRENCY concurrency of every client (default 50)
#   BENCH_ROUNDS      rounds of each client (default 3)
#   BENCH_CONFIG      release (default) or debug build of ers-collect-bench
#   BENCH_FLEET_DIR   fleet directory (default /tmp/ers-fleet-collect-bench; port 2422)
#   BENCH_VENV        Python venv for the peers (default ~/.cache/ers-bench/collect-venv)
#   BENCH_USER        login user on the fleet (default ersbench; as root it is created if
#                     missing: a system user with /bin/sh as shell, so no shell rc file runs —
#                     root's ~/.bashrc here initialises pyenv, ~0.1 s of CPU per login, which
#                     would dominate every client's figure). Non-root: must be yourself.
# Peers, pinned: asyncssh 2.24.1 and ansible-core 2.19.4 (pip, into BENCH_VENV).
# The fleet is stopped at the end (fleet-down.sh, by pid).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
SHARED=${ERS_SHARED_DIR:-$ROOT/../shared}
[[ -x $SHARED/bench/fleet-up.sh ]] || SHARED=/work/shared
HOSTS=${BENCH_HOSTS:-100}
CONCURRENCY=${BENCH_CONCURRENCY:-50}
ROUNDS=${BENCH_ROUNDS:-3}
CONFIG=${BENCH_CONFIG:-release}
FLEET=${BENCH_FLEET_DIR:-/tmp/ers-fleet-collect-bench}
VENV=${BENCH_VENV:-$HOME/.cache/ers-bench/collect-venv}
if [[ $(id -u) -eq 0 ]]; then USER_NAME=${BENCH_USER:-ersbench}; else USER_NAME=${BENCH_USER:-$(id -un)}; fi

die() { echo "collect-bench: $*" >&2; exit 1; }
[[ -x $SHARED/bench/fleet-up.sh ]] || die "fleet-up.sh not found (set ERS_SHARED_DIR)"

echo "==> building ers-collect-bench ($CONFIG)"
(cd "$ROOT" && swift build -c "$CONFIG" --product ers-collect-bench >/dev/null) || die "build failed"
BENCH=$(cd "$ROOT" && swift build -c "$CONFIG" --show-bin-path)/ers-collect-bench

echo "==> peers: asyncssh 2.24.1, ansible-core 2.19.4 in $VENV"
if [[ ! -x $VENV/bin/python ]]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q asyncssh==2.24.1 ansible-core==2.19.4 >/dev/null || die "pip install failed"

if ! id "$USER_NAME" >/dev/null 2>&1; then
    [[ $(id -u) -eq 0 ]] || die "no user $USER_NAME"
    echo "==> creating system user $USER_NAME (shell /bin/sh, key logins only) for the fleet"
    useradd --system --create-home --shell /bin/sh "$USER_NAME"
    usermod -p '*' "$USER_NAME"
fi

echo "==> fleet: $HOSTS hosts in $FLEET (port 2422, user $USER_NAME)"
[[ -f $FLEET/pids ]] && "$SHARED/bench/fleet-down.sh" "$FLEET" >/dev/null
trap '"$SHARED/bench/fleet-down.sh" "$FLEET" >/dev/null' EXIT
FLEET_USER=$USER_NAME FLEET_DIR=$FLEET FLEET_PORT=2422 "$SHARED/bench/fleet-up.sh" "$HOSTS" | tail -1
SCRIPT=$(mktemp /tmp/ers-report-script.XXXXXX)
"$BENCH" --print-script > "$SCRIPT"

# busy_ms: CPU time the whole machine has spent busy (every core; /proc/stat user through
# steal, idle and iowait left out), in ms.
busy_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%d", ($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz }' /proc/stat; }
# measured CMD...: runs a client (it prints one line ending in "client CPU X ms/host …"), then
# appends what the whole machine spent per host, the part of it that is not the client's (the
# hosts: sshd, the login, the report script) and the rate a client costing no CPU at all could
# reach with the hosts' part alone: cores × 1000 / hosts' ms per host.
measured() {
    local b0 b1 line
    b0=$(busy_ms); line=$("$@"); b1=$(busy_ms)
    printf '%s\n' "$line" | awk -v b="$((b1 - b0))" -v n="$HOSTS" -v cores="$(nproc)" '{
        client = 0
        for (i = 1; i < NF; i++) if ($i == "CPU" && $(i - 1) == "client") client = $(i + 1) + 0
        machine = b / n; hosts = machine - client
        printf "%s\n      machine CPU %.1f ms/host, of which the hosts %.1f ms/host: a client costing nothing would reach %.1f hosts/s\n",
            $0, machine, hosts, (hosts > 0 ? cores * 1000 / hosts : 0) }'
}

echo "==> machine: $(nproc) cores, $(ssh -V 2>&1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
    echo "--- round $r"
    echo -n "ers (OpenSSH, fast crypto): "; measured "$BENCH" --fleet "$FLEET" --concurrency "$CONCURRENCY" | sed 's/^round 1: //'
    echo -n "ers (OpenSSH defaults):     "; measured "$BENCH" --fleet "$FLEET" --concurrency "$CONCURRENCY" --crypto default | sed 's/^round 1: //'
    echo -n "                            "; measured "$VENV/bin/python" "$ROOT/scripts/bench/asyncssh_collect.py" "$FLEET" "$CONCURRENCY" "$SCRIPT"
    # Ansible ad-hoc, as shared/bench/README.md: raw `uname -a` (a lighter command than the report).
    start=$(date +%s.%N)
    cpu0=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_SSH_ARGS="-F $FLEET/ssh_config" ANSIBLE_PRIVATE_KEY_FILE="$FLEET/id_ed25519" \
        ANSIBLE_LOCAL_TEMP=$(mktemp -d) ANSIBLE_NOCOLOR=1 \
        "$VENV/bin/ansible" all -i "$FLEET/hosts.txt" -f "$CONCURRENCY" -m raw -a 'uname -a' > /tmp/ers-ansible.out 2>&1 || true
    end=$(date +%s.%N)
    cpu1=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    ok=$(grep -c '| CHANGED\|| SUCCESS' /tmp/ers-ansible.out || true)
    awk -v s="$start" -v e="$end" -v ok="$ok" -v n="$HOSTS" -v c0="$cpu0" -v c1="$cpu1" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        w = e - s; printf "ansible-core 2.19.4 (raw uname -a): %d hosts, %d ok, %.2f s wall, %.1f hosts/s, client CPU %.1f ms/host\n",
        n, ok, w, ok / w, (c1 - c0) / hz / n * 1000 }'
done
echo "--- connection reuse (ControlMaster, ControlPersist 5 s): 3 back-to-back rounds; rounds 2-3 reuse"
echo "    (the masters are daemonised by ssh: their CPU is not in getrusage CHILDREN, so CPU is under-counted)"
"$BENCH" --fleet "$FLEET" --concurrency "$CONCURRENCY" --reuse --repeat 3
rm -f "$SCRIPT"

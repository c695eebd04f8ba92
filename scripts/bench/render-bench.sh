#!/usr/bin/env bash
# The render benchmark (docs/benchmarks.md, "Render"): times `ersctl render` (release build) on a
# generated spec with N services (default 1,000) against two peers building the same
# Deployments, Services and HorizontalPodAutoscalers, in the same run:
#   - `kubectl kustomize` on a base (the 3×N objects) and an overlay (namespace, labels, image
#     tag, one JSON 6902 patch targeting every HPA);
#   - PyYAML's libyaml dumper (`yaml.dump_all(..., Dumper=yaml.CSafeDumper)`) writing the same
#     objects: the floor of what writing that YAML costs.
# Prints wall time (median), CPU time and peak RSS (`/usr/bin/time -v`) of each, the ratios and
# the targets: ERS ≥ 100× faster than kustomize, ≤ 2× the libyaml dump, peak RSS < 200 MB.
#
# Usage: scripts/bench/render-bench.sh [--quick] [--services N] [--runs N] [--skip-build] [--keep]
#   --quick       skip kustomize (it takes 1.5–6 minutes for 1,000 services)
#   --services N  number of generated services (default 1000, at least 3)
#   --runs N      timed runs of ersctl and of the libyaml dump; the median is reported (default 5)
#   --skip-build  use the existing .build/release/ersctl
#   --keep        keep the temp dir (spec, kustomize tree, outputs, raw results)
# Exit status: 0 when every measured target passes, 1 when one fails, 2 on a setup error.
# Generated files go to a temp dir ($TMPDIR), never into the repository.
set -euo pipefail

services=1000
runs=5
quick=0
build=1
keep=0
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1 ;;
        --services) services="${2:?--services needs a number}"; shift ;;
        --services=*) services="${1#*=}" ;;
        --runs) runs="${2:?--runs needs a number}"; shift ;;
        --runs=*) runs="${1#*=}" ;;
        --skip-build) build=0 ;;
        --keep) keep=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "render-bench: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
[[ "$services" =~ ^[0-9]+$ && "$services" -ge 3 ]] || { echo "render-bench: --services must be a number ≥ 3" >&2; exit 2; }
[[ "$runs" =~ ^[0-9]+$ && "$runs" -ge 1 ]] || { echo "render-bench: --runs must be a number ≥ 1" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
gen="$here/gen_render_bench.py"
log() { printf '[render-bench] %s\n' "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

[[ -x /usr/bin/time ]] || { echo "render-bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

# Python with PyYAML built against libyaml (yaml.CSafeDumper); else a pinned wheel in a venv.
has_libyaml() { "$1" -c 'import sys, yaml; sys.exit(0 if yaml.__with_libyaml__ else 1)' 2>/dev/null; }
python=python3
if ! has_libyaml "$python"; then
    venv="${XDG_CACHE_HOME:-$HOME/.cache}/ers-bench/venv"
    if ! has_libyaml "$venv/bin/python"; then
        log "PyYAML with libyaml not found; installing PyYAML 6.0.3 (binary wheel) into $venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --only-binary=:all: 'PyYAML==6.0.3'
    fi
    python="$venv/bin/python"
    has_libyaml "$python" || { echo "render-bench: PyYAML in $venv has no libyaml" >&2; exit 2; }
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/ers-render-bench.XXXXXX")"
if [[ $keep -eq 1 ]]; then
    log "keeping $work"
else
    trap 'rm -rf "$work"' EXIT
fi
results="$work/results.jsonl"
: > "$results"

log "load average at start: $(load) (nproc $(nproc))"

# 1. The spec.
"$python" "$gen" spec environments/base.yaml "$work/spec.yaml" --services "$services"
log "spec: $work/spec.yaml ($services services, $(wc -c < "$work/spec.yaml") bytes)"

# 2. The kustomize peer, and a check at 20 services that both peers build the same objects.
if command -v kubectl >/dev/null; then
    "$python" "$gen" check-peers "$work/check" --services 20 >&2
    if [[ $quick -eq 0 ]]; then
        "$python" "$gen" kustomize "$work/kustomize" --services "$services"
    fi
elif [[ $quick -eq 0 ]]; then
    echo "render-bench: kubectl not found (use --quick to skip kustomize)" >&2
    exit 2
fi

# 3. ersctl, release build.
if [[ $build -eq 1 ]]; then
    log "swift build -c release --product ersctl"
    swift build -c release --product ersctl >&2
fi
ersctl="$root/.build/release/ersctl"
[[ -x "$ersctl" ]] || { echo "render-bench: $ersctl not found" >&2; exit 2; }
"$ersctl" validate "$work/spec.yaml" || { echo "render-bench: the generated spec does not validate" >&2; exit 2; }

# Warm-up render (not timed): fills the page cache, and shows what ERS renders.
"$ersctl" render "$work/spec.yaml" --output "$work/ers-out" --as-of 2026-01 2>"$work/ersctl.log" || {
    cat "$work/ersctl.log" >&2
    echo "render-bench: ersctl render failed" >&2
    exit 2
}
log "ersctl render: $(find "$work/ers-out" -type f | wc -l) files, $(du -sk "$work/ers-out" | cut -f1) KiB; Kubernetes objects by kind: $("$python" "$gen" count "$work/ers-out/kubernetes")"

# 4. The timed runs: ersctl and the libyaml dump, then kustomize.
# Each run renders into a new directory (a first render, every file written), and nothing is
# deleted between runs: on ext4 without a journal (as on these VMs) creating files right after
# deleting thousands costs the kernel a scan of the recently deleted inodes (`recently_deleted`
# in ext4_create), which would be charged to ersctl.
for ((i = 1; i <= runs; i++)); do
    "$python" "$gen" measure --label "ersctl render" --results "$results" -- \
        "$ersctl" render "$work/spec.yaml" --output "$work/ers-out-$i" --as-of 2026-01 2>>"$work/ersctl.log" \
        || { cat "$work/ersctl.log" >&2; exit 2; }
done
log "ersctl render: $runs runs done (load $(load))"

"$python" "$gen" measure --label "libyaml dump" --results "$results" \
    --stdout "$work/dump.json" --timed-from "$work/dump.json" -- \
    "$python" "$gen" dump "$work/dump.yaml" --services "$services" --runs "$runs"
log "libyaml dump: $runs runs done, $(wc -c < "$work/dump.yaml") bytes (load $(load))"

if [[ $quick -eq 0 ]]; then
    log "kubectl kustomize: 1 run ($((3 * services)) objects; takes minutes)"
    "$python" "$gen" measure --label "kubectl kustomize" --results "$results" -- \
        kubectl kustomize "$work/kustomize/overlay"
    log "kubectl kustomize: done (load $(load))"
fi

# 5. The table.
echo
echo "Machine: $(nproc) CPUs, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(swift --version 2>/dev/null | grep -m1 -o 'Swift version [0-9.]*'), $(kubectl version --client 2>/dev/null | grep -m1 Kustomize || true), PyYAML $("$python" -c 'import yaml; print(yaml.__version__)') (libyaml), load average at end $(load)."
echo
status=0
"$python" "$gen" report "$results" --services "$services" || status=1
exit "$status"

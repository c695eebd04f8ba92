#!/usr/bin/env python3
"""Helper for scripts/bench/render-bench.sh (the ersctl render benchmark).

Python 3.11 standard library plus PyYAML with libyaml (yaml.CSafeDumper). Subcommands:

  spec BASE OUT [--services N]       ERS spec: BASE (environments/base.yaml) with `services:`
                                     replaced by svc-0001..svc-N and the gateway pointed at them
  kustomize DIR [--services N]       kustomize peer: DIR/base (N Deployments, Services, HPAs)
                                     and DIR/overlay (namespace, labels, images, HPA patch)
  dump OUT [--services N] [--runs R] libyaml peer: the same 3*N objects, final form, written with
                                     yaml.dump_all(..., Dumper=yaml.CSafeDumper); prints JSON
                                     with the dump's wall seconds (only the dump is timed)
  measure --label L --results F -- CMD...
                                     runs CMD under `/usr/bin/time -v` (stdout to /dev/null),
                                     appends {label, wall, rss_kb, user, sys, ...} to F (JSONL)
  check-peers DIR [--services N]     builds the overlay for N (20) services with kubectl kustomize
                                     and checks it yields exactly the objects the dump writes
  count DIR                          objects per kind in DIR/**/*.yaml
  report RESULTS --services N        the results table with the targets, PASS/FAIL

Every generated file goes where the caller says (the script uses a temp dir), never the repo.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

# The image every benchmark service runs, as ERS resolves it: `images.registry` of base.yaml
# plus the repository, with `images.tag`. The kustomize base carries an older tag that the
# overlay's `images:` entry overrides.
REGISTRY = "registry.example.com/ers"
REPOSITORY = "ers-server"
IMAGE_NAME = f"{REGISTRY}/{REPOSITORY}"
TAG = "1.0.0"
BASE_TAG = "0.9.0"
INSTANCE = "ers-base"  # ERS: <name>-<environment>
NAMESPACE = "ers"
PART_OF = "ers"
MIN_REPLICAS = 2
BASE_MAX_REPLICAS = 10  # in the kustomize base; the overlay's patch makes it PATCHED_MAX_REPLICAS
PATCHED_MAX_REPLICAS = 20  # what the ERS spec says and what every peer's output has


def service_name(i: int) -> str:
    return f"svc-{i:04d}"


def service_params(i: int) -> dict:
    """Per-service values, varied a little so that the 1,000 objects are not all identical."""
    return {
        "name": service_name(i),
        "cpu_request": f"{100 + (i % 4) * 50}m",
        "mem_request": f"{128 * (1 + i % 2)}Mi",
        "cpu_limit": "1" if i % 2 else "500m",
        "mem_limit": f"{256 * (1 + i % 2)}Mi",
        "utilization": 60 + (i % 4) * 5,
    }


# --------------------------------------------------------------------------------------------
# The ERS spec


def spec_service_text(i: int) -> str:
    p = service_params(i)
    return f"""\
  - name: {p['name']}
    image:
      repository: {REPOSITORY}
    command: [ers-server]
    args: [serve, --service, {p['name']}]
    ports:
      - name: http
        containerPort: 8080
        servicePort: 80
    env:
      - name: HTTP_HOST
        value: "0.0.0.0"
      - name: HTTP_PORT
        value: "8080"
    resources:
      requests: {{cpu: {p['cpu_request']}, memory: {p['mem_request']}}}
      limits: {{cpu: "{p['cpu_limit']}", memory: {p['mem_limit']}}}
    probes:
      liveness: {{path: /health, port: http}}
      readiness: {{path: /ready, port: http}}
    autoscaling:
      minReplicas: {MIN_REPLICAS}
      maxReplicas: {PATCHED_MAX_REPLICAS}
      metrics:
        - resource: cpu
          averageUtilization: {p['utilization']}
"""


def top_level_sections(text: str) -> list[tuple[str | None, str]]:
    """Splits a YAML file into (key, text) chunks at each top-level `key:` line; leading
    comments and blank lines stay with the section before them (None for the file header)."""
    sections: list[tuple[str | None, str]] = []
    key: str | None = None
    lines: list[str] = []
    for line in text.splitlines(keepends=True):
        match = re.match(r"^([A-Za-z_][A-Za-z0-9_]*):", line)
        if match:
            sections.append((key, "".join(lines)))
            key, lines = match.group(1), []
        lines.append(line)
    sections.append((key, "".join(lines)))
    return sections


def gateway_text(original: dict, services: int) -> str:
    """The base gateway section with its targets moved onto generated services: svc-0001 runs
    the gateway, svc-0002 is the auth service, and two routes go to svc-0002 and svc-0003."""
    gateway = dict(original)
    gateway["service"] = service_name(1)
    gateway["port"] = "http"
    gateway["auth"] = dict(gateway["auth"], service=service_name(min(2, services)), port="http")
    gateway["routes"] = [
        {"name": "auth-login", "path": "/auth/login", "match": "exact",
         "service": service_name(min(2, services)), "port": "http", "public": True},
        {"name": "reports", "path": "/api/v1/reports",
         "service": service_name(min(3, services)), "port": "http"},
    ]
    return yaml.safe_dump({"gateway": gateway}, default_flow_style=False, sort_keys=False)


def write_spec(base: Path, out: Path, services: int) -> None:
    text = base.read_text()
    original = yaml.safe_load(text)
    if "services" not in original or "gateway" not in original:
        sys.exit(f"{base}: expected top-level services: and gateway: sections")
    chunks: list[str] = []
    for key, chunk in top_level_sections(text):
        if key == "services":
            chunks.append("services:\n")
            chunks.extend(spec_service_text(i) for i in range(1, services + 1))
            chunks.append("\n")
        elif key == "gateway":
            chunks.append(gateway_text(original["gateway"], services) + "\n")
        else:
            chunks.append(chunk)
    chunks[0:0] = [f"# Generated by scripts/bench/gen_render_bench.py from {base.name}: {services} services.\n"]
    out.write_text("".join(chunks))


# --------------------------------------------------------------------------------------------
# The peers' objects: the Deployment, Service and HPA of each service, as close to what ERS
# renders for the spec above as reasonable (see Tests/ERSKubernetesTests/Golden).


def component(name: str) -> str:
    """ERS's `app.kubernetes.io/component`: the gateway, the services it routes to, the rest."""
    return {service_name(1): "gateway", service_name(2): "api", service_name(3): "api"}.get(name, "backend")


def labels(name: str, *, final: bool) -> dict:
    result = {
        "app.kubernetes.io/component": component(name),
        "app.kubernetes.io/instance": INSTANCE,
        "app.kubernetes.io/managed-by": "ersctl",
        "app.kubernetes.io/name": name,
    }
    if final:  # the kustomize overlay adds part-of with `labels:`
        result["app.kubernetes.io/part-of"] = PART_OF
    result["app.kubernetes.io/version"] = TAG
    return result


def selector(name: str) -> dict:
    return {"app.kubernetes.io/instance": INSTANCE, "app.kubernetes.io/name": name}


def metadata(name: str, *, final: bool) -> dict:
    meta = {"name": name}
    if final:  # the kustomize overlay sets the namespace
        meta["namespace"] = NAMESPACE
    meta["labels"] = labels(name, final=final)
    return meta


def probe(path: str) -> dict:
    return {
        "httpGet": {"path": path, "port": "http", "scheme": "HTTP"},
        "initialDelaySeconds": 0, "timeoutSeconds": 1, "periodSeconds": 10,
        "successThreshold": 1, "failureThreshold": 3,
    }


def spread(name: str, key: str) -> dict:
    return {
        "maxSkew": 1, "topologyKey": key, "whenUnsatisfiable": "ScheduleAnyway",
        "labelSelector": {"matchLabels": selector(name)}, "matchLabelKeys": ["pod-template-hash"],
    }


def service_objects(i: int, *, final: bool) -> list[dict]:
    """Deployment, Service, HPA of service i; `final` is the form after the kustomize overlay
    (namespace, part-of label, image tag, patched maxReplicas), `not final` the base's."""
    p = service_params(i)
    name = p["name"]
    deployment = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": metadata(name, final=final),
        "spec": {
            "revisionHistoryLimit": 5,
            "selector": {"matchLabels": selector(name)},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 0}},
            "template": {
                "metadata": {"labels": labels(name, final=final)},
                "spec": {
                    "serviceAccountName": name,
                    "automountServiceAccountToken": False,
                    "enableServiceLinks": False,
                    "securityContext": {
                        "runAsUser": 65532, "runAsGroup": 65532, "runAsNonRoot": True, "fsGroup": 65532,
                        "seccompProfile": {"type": "RuntimeDefault"},
                    },
                    "terminationGracePeriodSeconds": 30,
                    "topologySpreadConstraints": [
                        spread(name, "topology.kubernetes.io/zone"), spread(name, "kubernetes.io/hostname"),
                    ],
                    "containers": [{
                        "name": name,
                        "image": f"{IMAGE_NAME}:{TAG if final else BASE_TAG}",
                        "imagePullPolicy": "IfNotPresent",
                        "command": ["ers-server"],
                        "args": ["serve", "--service", name],
                        "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}],
                        "env": [{"name": "HTTP_HOST", "value": "0.0.0.0"}, {"name": "HTTP_PORT", "value": "8080"}],
                        "resources": {
                            "requests": {"cpu": p["cpu_request"], "memory": p["mem_request"]},
                            "limits": {"cpu": p["cpu_limit"], "memory": p["mem_limit"]},
                        },
                        "livenessProbe": probe("/health"),
                        "readinessProbe": probe("/ready"),
                        "securityContext": {
                            "capabilities": {"drop": ["ALL"]}, "privileged": False, "runAsNonRoot": True,
                            "readOnlyRootFilesystem": True, "allowPrivilegeEscalation": False,
                        },
                    }],
                },
            },
        },
    }
    service = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": metadata(name, final=final),
        "spec": {
            "type": "ClusterIP",
            "selector": selector(name),
            "ports": [{"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"}],
        },
    }
    hpa = {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": metadata(name, final=final),
        "spec": {
            "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name},
            "minReplicas": MIN_REPLICAS,
            "maxReplicas": PATCHED_MAX_REPLICAS if final else BASE_MAX_REPLICAS,
            "metrics": [{
                "type": "Resource",
                "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": p["utilization"]}},
            }],
        },
    }
    return [deployment, service, hpa]


def all_objects(services: int, *, final: bool) -> list[dict]:
    return [obj for i in range(1, services + 1) for obj in service_objects(i, final=final)]


def dump(docs: list[dict], stream) -> None:
    yaml.dump_all(docs, stream, Dumper=yaml.CSafeDumper, default_flow_style=False, sort_keys=False)


OVERLAY = f"""\
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: {NAMESPACE}
resources:
- ../base
labels:
- pairs:
    app.kubernetes.io/part-of: {PART_OF}
  includeSelectors: false
  includeTemplates: true
images:
- name: {IMAGE_NAME}
  newTag: "{TAG}"
patches:
- target:
    group: autoscaling
    version: v2
    kind: HorizontalPodAutoscaler
  patch: |-
    - op: replace
      path: /spec/maxReplicas
      value: {PATCHED_MAX_REPLICAS}
"""


def write_kustomize(directory: Path, services: int) -> None:
    """One file per service in the base (as ERS writes one file per service), a kustomization
    listing them, and the overlay."""
    base = directory / "base"
    overlay = directory / "overlay"
    base.mkdir(parents=True, exist_ok=True)
    overlay.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(1, services + 1):
        file = f"{service_name(i)}.yaml"
        with open(base / file, "w") as stream:
            dump(service_objects(i, final=False), stream)
        names.append(file)
    kustomization = {"apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization", "resources": names}
    (base / "kustomization.yaml").write_text(yaml.safe_dump(kustomization, sort_keys=False))
    (overlay / "kustomization.yaml").write_text(OVERLAY)


# --------------------------------------------------------------------------------------------
# Measuring


def read_loadavg() -> float:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return float("nan")


def run_dump(out: Path, services: int, runs: int) -> dict:
    docs = all_objects(services, final=True)
    times, cpu_times = [], []
    for _ in range(runs):
        with open(out, "w") as stream:
            start, cpu_start = time.perf_counter(), time.process_time()
            dump(docs, stream)
            stream.flush()  # the dump's bytes reach the kernel inside the timed region
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
    return {
        "objects": len(docs), "bytes": out.stat().st_size, "runs": times, "median": statistics.median(times),
        "cpu_runs": cpu_times, "cpu_median": statistics.median(cpu_times),
    }


def check_peers(directory: Path, services: int) -> list[str]:
    """Builds the kustomize overlay for `services` services and compares its output, object by
    object, with the objects the libyaml peer dumps: the two peers must produce the same objects."""
    write_kustomize(directory, services)
    built = subprocess.run(["kubectl", "kustomize", str(directory / "overlay")], capture_output=True, text=True)
    if built.returncode != 0:
        return [f"kubectl kustomize failed: {built.stderr.strip()}"]
    key = lambda o: (o["kind"], o["metadata"]["name"])  # noqa: E731
    got = sorted(yaml.load_all(built.stdout, Loader=yaml.CSafeLoader), key=key)
    expected = sorted(all_objects(services, final=True), key=key)
    if len(got) != len(expected):
        return [f"kustomize built {len(got)} objects, the libyaml peer dumps {len(expected)}"]
    return [f"{k[0]}/{k[1]} differs between the peers" for k, a, b in
            ((key(a), a, b) for a, b in zip(got, expected)) if a != b]


def parse_time_v(text: str) -> dict:
    def field(label: str) -> str | None:
        match = re.search(rf"^\s*{re.escape(label)}: (.*)$", text, re.MULTILINE)
        return match.group(1).strip() if match else None

    return {
        "rss_kb": int(field("Maximum resident set size (kbytes)") or 0),
        "user": float(field("User time (seconds)") or 0),
        "sys": float(field("System time (seconds)") or 0),
        "cpu_percent": (field("Percent of CPU this job got") or "").rstrip("%"),
    }


def measure(label: str, results: Path, command: list[str], stdout: str | None, extra: dict) -> int:
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as handle:
        time_file = handle.name
    try:
        load = read_loadavg()
        with open(stdout or os.devnull, "wb") as out:
            start = time.perf_counter()
            completed = subprocess.run(["/usr/bin/time", "-v", "-o", time_file, *command], stdout=out)
            wall = time.perf_counter() - start
        record = {"label": label, "wall": wall, "exit": completed.returncode, "load1": load, **extra}
        record.update(parse_time_v(Path(time_file).read_text()))
    finally:
        os.unlink(time_file)
    with open(results, "a") as stream:
        stream.write(json.dumps(record) + "\n")
    return completed.returncode


def count_kinds(directory: Path) -> dict:
    kinds: dict[str, int] = {}
    for path in sorted(directory.rglob("*.yaml")):
        with open(path) as stream:
            for doc in yaml.load_all(stream, Loader=yaml.CSafeLoader):
                if isinstance(doc, dict) and "kind" in doc:
                    kinds[doc["kind"]] = kinds.get(doc["kind"], 0) + 1
    return dict(sorted(kinds.items()))


# --------------------------------------------------------------------------------------------
# The report

TARGET_KUSTOMIZE_RATIO = 100.0  # ERS at least 100x faster than kustomize
TARGET_LIBYAML_RATIO = 2.0  # ERS at most 2x the libyaml dump
TARGET_RSS_MB = 200.0  # ERS peak RSS under 200 MB


def mb(kb: float) -> float:
    return kb / 1024.0


def report(results: Path, services: int) -> tuple[str, bool]:
    records = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
    by_label: dict[str, list[dict]] = {}
    for record in records:
        by_label.setdefault(record["label"], []).append(record)

    def summary(label: str) -> dict | None:
        runs = [r for r in by_label.get(label, []) if r.get("exit", 0) == 0]
        if not runs:
            return None
        # A self-timed command (the libyaml dump) contributes its own per-run times.
        walls = [t for r in runs for t in r.get("timed_runs", [r["wall"]])]
        return {
            "wall": statistics.median(walls), "min": min(walls), "max": max(walls), "n": len(walls),
            "rss_mb": max(mb(r["rss_kb"]) for r in runs),
            "cpu": statistics.median(r.get("timed_cpu", r["user"] + r["sys"]) for r in runs),
            "load1": statistics.median(r["load1"] for r in runs),
        }

    ers, kustomize, libyaml = summary("ersctl render"), summary("kubectl kustomize"), summary("libyaml dump")
    lines = [
        f"{services} services: the peers build {3 * services} objects (a Deployment, Service and "
        f"HorizontalPodAutoscaler per service); ersctl renders those plus a ServiceAccount and a "
        f"NetworkPolicy per service and the rest of the system (datastores, gateway, compose, SQL).",
        "",
        "| tool | wall s (median) | min–max s | runs | CPU s (user+sys, median) | peak RSS MB | load avg 1 min |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, s, note in [
        ("ersctl render (release)", ers, ""),
        ("kubectl kustomize overlay", kustomize, ""),
        ("PyYAML CSafeDumper dump_all", libyaml, " ¹"),
    ]:
        if s is None:
            lines.append(f"| {label} | not run | | | | | |")
            continue
        lines.append(
            f"| {label} | {s['wall']:.3f}{note} | {s['min']:.3f}–{s['max']:.3f} | {s['n']} | {s['cpu']:.3f} "
            f"| {s['rss_mb']:.1f}{note} | {s['load1']:.2f} |")
    lines += [
        "",
        "¹ wall and CPU of `yaml.dump_all` alone (timed inside Python, file write included); the "
        "peak RSS is the whole Python process's (the dicts, then the dumps).",
        "",
        "| target | measured (wall) | measured (CPU) | result (wall) |",
        "|---|---:|---:|---|",
    ]
    ok = True

    def verdict(passed: bool) -> str:
        nonlocal ok
        ok = ok and passed
        return "PASS" if passed else "FAIL"

    name = f"ERS ≥ {TARGET_KUSTOMIZE_RATIO:.0f}× faster than kustomize (kustomize / ERS)"
    if ers and kustomize:
        ratio, cpu_ratio = kustomize["wall"] / ers["wall"], kustomize["cpu"] / ers["cpu"]
        lines.append(f"| {name} | {ratio:.1f}× | {cpu_ratio:.1f}× | {verdict(ratio >= TARGET_KUSTOMIZE_RATIO)} |")
    else:
        lines.append(f"| {name} | not measured (--quick) | | SKIP |")
    name = f"ERS ≤ {TARGET_LIBYAML_RATIO:.0f}× the libyaml dump (ERS / libyaml)"
    if ers and libyaml:
        ratio, cpu_ratio = ers["wall"] / libyaml["wall"], ers["cpu"] / libyaml["cpu"]
        lines.append(f"| {name} | {ratio:.2f}× | {cpu_ratio:.2f}× | {verdict(ratio <= TARGET_LIBYAML_RATIO)} |")
    if ers:
        lines.append(f"| ERS peak RSS < {TARGET_RSS_MB:.0f} MB | {ers['rss_mb']:.1f} MB | | {verdict(ers['rss_mb'] < TARGET_RSS_MB)} |")
    failures = [r for r in records if r.get("exit", 0) != 0]
    if failures:
        ok = False
        lines.append("")
        lines += [f"error: {r['label']} exited {r['exit']}" for r in failures]
    return "\n".join(lines), ok


# --------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("spec")
    p.add_argument("base", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--services", type=int, default=1000)
    p = sub.add_parser("kustomize")
    p.add_argument("directory", type=Path)
    p.add_argument("--services", type=int, default=1000)
    p = sub.add_parser("dump")
    p.add_argument("out", type=Path)
    p.add_argument("--services", type=int, default=1000)
    p.add_argument("--runs", type=int, default=5)
    p = sub.add_parser("measure")
    p.add_argument("--label", required=True)
    p.add_argument("--results", type=Path, required=True)
    p.add_argument("--stdout", help="file for the command's stdout (default /dev/null)")
    p.add_argument("--timed-from", type=Path,
                   help="JSON file the command writes with a `median` field: the time to report instead of the process's wall time")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    p = sub.add_parser("check-peers")
    p.add_argument("directory", type=Path)
    p.add_argument("--services", type=int, default=20)
    p = sub.add_parser("count")
    p.add_argument("directory", type=Path)
    p = sub.add_parser("report")
    p.add_argument("results", type=Path)
    p.add_argument("--services", type=int, default=1000)
    args = parser.parse_args()

    if getattr(args, "services", 3) < 3:
        parser.error("--services must be at least 3 (the gateway routes to svc-0001..svc-0003)")
    if args.command == "spec":
        write_spec(args.base, args.out, args.services)
    elif args.command == "kustomize":
        write_kustomize(args.directory, args.services)
    elif args.command == "dump":
        if not yaml.__with_libyaml__:
            sys.exit("PyYAML has no libyaml here (yaml.__with_libyaml__ is False)")
        result = run_dump(args.out, args.services, args.runs)
        print(json.dumps(result))
    elif args.command == "measure":
        command = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        if not command:
            parser.error("measure: no command after --")
        code = measure(args.label, args.results, command, args.stdout, {})
        if args.timed_from is not None and code == 0:
            # Replace the process wall time by the time the command measured itself.
            timed = json.loads(Path(args.timed_from).read_text())
            lines = args.results.read_text().splitlines()
            record = json.loads(lines[-1])
            record["timed"] = timed["median"]
            record["timed_runs"] = timed["runs"]
            record["timed_cpu"] = timed["cpu_median"]
            record["process_wall"] = record["wall"]
            lines[-1] = json.dumps(record)
            args.results.write_text("\n".join(lines) + "\n")
        return code
    elif args.command == "check-peers":
        problems = check_peers(args.directory, args.services)
        for problem in problems[:10]:
            print(f"check-peers: {problem}", file=sys.stderr)
        if not problems:
            print(f"check-peers: kubectl kustomize and the libyaml peer produce the same {3 * args.services} objects")
        return 1 if problems else 0
    elif args.command == "count":
        print(json.dumps(count_kinds(args.directory)))
    elif args.command == "report":
        text, ok = report(args.results, args.services)
        print(text)
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

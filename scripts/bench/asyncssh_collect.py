"""asyncssh peer of ers-collect-bench: the same hosts, concurrency and command.

Usage: asyncssh_collect.py FLEET_DIR CONCURRENCY SCRIPT_FILE [TIMEOUT_SECONDS]

Runs `sh -s` on every host of FLEET_DIR/hosts.txt with SCRIPT_FILE (the ERS report script,
from `ers-collect-bench --print-script`) on stdin, at most CONCURRENCY at a time, checking host
keys against FLEET_DIR/known_hosts, and prints the same figures as ers-collect-bench: hosts/s,
failures, per-host p50/p99 and client CPU (getrusage SELF + CHILDREN) per host.
Pinned: asyncssh 2.24.1 (scripts/bench/collect-bench.sh installs it in ~/.cache/ers-bench).
"""
import asyncio
import os
import resource
import sys
import time

import asyncssh


def cpu_seconds():
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


async def collect(host, port, user, key, known_hosts, script, timeout, limit):
    async with limit:
        started = time.monotonic()
        try:
            async with asyncio.timeout(timeout):
                async with asyncssh.connect(host, port, username=user, client_keys=[key],
                                            known_hosts=known_hosts, agent_path=None) as conn:
                    result = await conn.run("sh -s", input=script, check=False)
            if "@@ERS-REPORT" not in (result.stdout or ""):
                return None, f"{host}:{port} no report (exit {result.exit_status})"
            return time.monotonic() - started, None
        except Exception as error:  # every failure is counted, as in ers-collect-bench
            return None, f"{host}:{port} {type(error).__name__}: {error}"


async def main():
    fleet, concurrency, script_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 30.0
    env = dict(line.split("=", 1) for line in open(os.path.join(fleet, "fleet.env")).read().split("\n") if "=" in line)
    hosts = [line.rsplit(":", 1) for line in open(os.path.join(fleet, "hosts.txt")).read().split() if line]
    script = open(script_file).read()
    known_hosts = asyncssh.read_known_hosts(os.path.join(fleet, "known_hosts"))
    key = asyncssh.read_private_key(os.path.join(fleet, "id_ed25519"))
    limit = asyncio.Semaphore(concurrency)
    cpu_before, started = cpu_seconds(), time.monotonic()
    results = await asyncio.gather(*(collect(h, int(p), env["FLEET_USER"], key, known_hosts, script, timeout, limit)
                                     for h, p in hosts))
    wall, cpu = time.monotonic() - started, cpu_seconds() - cpu_before
    latencies = sorted(r[0] for r in results if r[0] is not None)
    failures = [r[1] for r in results if r[1] is not None]

    def pct(fraction):
        if not latencies:
            return 0.0
        index = min(len(latencies) - 1, max(0, -(-len(latencies) * fraction // 1) - 1))
        return latencies[int(index)] * 1000

    print(f"asyncssh {asyncssh.__version__}: {len(hosts)} hosts, {len(latencies)} collected, {len(failures)} failed, "
          f"concurrency {concurrency}: {wall:.2f} s wall, {len(latencies) / wall:.1f} hosts/s, p50 {pct(0.5):.0f} ms, "
          f"p99 {pct(0.99):.0f} ms, client CPU {cpu / len(hosts) * 1000:.1f} ms/host")
    for failure in failures[:5]:
        print("  failed:", failure)


asyncio.run(main())

"""Load benchmark of the open data API under gunicorn: 8 concurrent clients replay filter changes as
`/api/v1/summary` requests against synthetic data (demo-data) in SQLite. Reports p50/p95 latency,
requests per second, errors, each worker's resident memory and the load client's own CPU. Run on
demand (never in the test suite):

    .venv/bin/python benchmarks/bench_http.py [--observations 1000000] [--seconds 20] [--clients 8]

Uncached: every request carries a distinct cache-busting filter combination the server has not
seen; cached: the same small set of requests repeated. Writes benchmarks/results/http-<N>.json."""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
INDICATORS = ("participants_trained", "jobs_created", "countries_reached", "trainers_trained")
GROUPS = ("programme", "year", "country", "region")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request_paths(rng: random.Random, count: int) -> list[str]:
    paths = []
    for _ in range(count):
        start = rng.randint(2010, 2019)
        query = {"indicator": rng.choice(INDICATORS), "by": rng.choice(GROUPS),
                 "year_from": start, "year_to": start + rng.randint(0, 6)}
        if rng.random() < 0.5:
            query["sdg"] = str(rng.randint(1, 17))
        else:
            query["region"] = rng.choice(["africa", "americas", "asia-pacific", "europe-central-asia"])
        paths.append("/api/v1/summary?" + "&".join(f"{k}={v}" for k, v in query.items()))
    return paths


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def load(base: str, paths: list[str], clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))

    def client() -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            path = paths[next(counter) % len(paths)]
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    response.read()
                    ok = response.status == 200
            except Exception:  # noqa: BLE001 - any failure counts as an error
                ok = False
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                errors += 0 if ok else 1

    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    wall = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - wall
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    ordered = sorted(latencies)
    return {
        "requests": len(latencies), "errors": errors, "rps": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
        "client_cpu_percent_of_one_core": round(100 * cpu / wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--observations", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-http-"))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}", "APP_ENV": "development"}
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run([python, "-m", "indicators", "init-db"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([python, "-m", "indicators", "demo-data", "--observations", str(args.observations)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "--worker-class", "gthread", "--workers", str(args.workers),
         "--threads", "4", "--no-control-socket", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
         "app:server"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.5)
        rng = random.Random(11)
        uncached = load(base, request_paths(rng, 100_000), args.clients, args.seconds)
        hot = request_paths(random.Random(5), 40)
        load(base, hot, args.clients, 3)  # warm the cache of every worker
        cached = load(base, hot, args.clients, args.seconds)
        workers = {pid: round(rss_mb(pid), 1) for pid in worker_pids(server.pid)}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    result = {"observations": args.observations, "clients": args.clients, "workers": args.workers,
              "seconds_per_phase": args.seconds, "uncached": uncached, "cached": cached,
              "worker_rss_mb": workers}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"http-{args.observations}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())

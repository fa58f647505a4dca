"""Hook latency over loopback: a load generator against ``copilot serve`` (no LLM).

Run: ``.venv/bin/python benchmarks/load_hook.py [--n 2000] [--concurrency 1] [--workers 1]``. Starts the hook in
a subprocess on a free port with a temporary data dir (the audit log is on, as in production),
replays the eval set's messages as ``POST /v1/moderate`` and OneBot v11 group events, and prints
p50/p90/p99 latency and throughput. Target: p99 < 20 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=1)
    ap.add_argument("--workers", type=int, default=1, help="copilot serve --workers")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from copilot.devtools.procs import free_port, wait_for_http
    from copilot.evals.moderation import DATA_DIR, load_set

    rows = load_set()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "none.toml").write_text("", encoding="utf-8")  # a missing COPILOT_CONFIG file is an error
        env = dict(os.environ, COPILOT_DATA_DIR=tmp, COPILOT_LLM_PROVIDER="offline",
                   COPILOT_GROUPS=json.dumps({"10001": str(DATA_DIR / "profiles" / "reading.yaml")}),
                   COPILOT_CONFIG=str(Path(tmp) / "none.toml"))
        proc = subprocess.Popen([sys.executable, "-m", "copilot.cli", "serve", "--port", str(port),
                                 "--workers", str(args.workers)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            try:
                wait_for_http(base + "/healthz", proc, 60, poll=0.1)
            except RuntimeError as exc:
                raise SystemExit(f"钩子服务没有启动：{exc}") from None
            for kind in ("v1", "onebot"):
                lat: list[float] = []

                def one(i: int, client: httpx.Client, kind: str = kind, lat: list[float] = lat) -> None:
                    r = rows[i % len(rows)]
                    text = f"{r['text']} {i}"
                    t = time.perf_counter()
                    if kind == "v1":
                        resp = client.post("/v1/moderate", json={"id": str(i), "user": f"u{i % 300}", "text": text, "group": "10001"})
                    else:
                        resp = client.post("/onebot/v11", json={
                            "post_type": "message", "message_type": "group", "group_id": 10001, "user_id": i % 300,
                            "message_id": i, "raw_message": text, "sender": {"role": "member"}})
                    lat.append((time.perf_counter() - t) * 1000)
                    assert resp.status_code in (200, 204), resp.text

                # the first request loads the models: on a busy host that alone takes longer than the timed timeout
                with httpx.Client(base_url=base, timeout=120) as warm:
                    for i in range(50):
                        one(i, warm)
                lat.clear()
                t0 = time.perf_counter()
                if args.concurrency == 1:
                    with httpx.Client(base_url=base, timeout=5) as c:
                        for i in range(args.n):
                            one(i, c)
                else:
                    clients = [httpx.Client(base_url=base, timeout=5) for _ in range(args.concurrency)]
                    with ThreadPoolExecutor(args.concurrency) as ex:
                        list(ex.map(lambda i, cs=clients: one(i, cs[i % args.concurrency]), range(args.n)))
                    for c in clients:
                        c.close()
                wall = time.perf_counter() - t0
                print(f"{'/v1/moderate' if kind == 'v1' else '/onebot/v11'}（{args.workers} 进程，并发 {args.concurrency}，{args.n} 次）："
                      f"p50 {pct(lat, 50):.2f} ms，p90 {pct(lat, 90):.2f} ms，p99 {pct(lat, 99):.2f} ms，"
                      f"均值 {statistics.mean(lat):.2f} ms，{args.n / wall:,.0f} 次/秒")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a loaded host: do not leave the hook running
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    main()

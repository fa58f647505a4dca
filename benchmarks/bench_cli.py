"""Cold command-line calls: what an operator or a bot pays per question when it runs ``copilot ask`` once.

Each call is a fresh process (imports, the tokeniser's dictionary, the index snapshot, the resource files), on an
index that is already built. Reported: the median user+sys CPU of the child (``resource.getrusage``, what a busy
host's run queue does not inflate) and the median wall time, for ``copilot ask``, ``copilot --help`` and
``copilot moderate``.

Run: ``.venv/bin/python benchmarks/bench_cli.py [--n 7] [--data-dir DIR]`` from the repository (the index in DIR is
built first when it is missing or stale; default a temporary directory). Figures go into README.md ("Figures").
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CALLS = {
    "ask": ["ask", "群里老有人发广告怎么办？", "--engine", "offline"],
    "ask --json": ["ask", "新群刚建好，第一周怎么暖群？", "--json", "--engine", "offline"],
    "--help": ["--help"],
    "moderate": ["moderate", "--no-audit", "-i", "{messages}"],
}
MESSAGES = ('{"id": "1", "user": "u1", "text": "加我微信领取免费资料，名额有限"}\n'
            '{"id": "2", "user": "u2", "text": "周六的读书会改到下午三点，大家记得带书"}\n')


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """One fresh ``copilot`` process: (user+sys CPU s, wall s)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "copilot.cli", *args], env=env, cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"copilot {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=7, help="fresh processes per command")
    ap.add_argument("--data-dir", type=Path, help="data directory with (or for) the built index")
    ap.add_argument("--only", nargs="*", choices=list(CALLS), help="the commands to time (default all)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        env = {**os.environ, "COPILOT_DATA_DIR": str(data_dir), "COPILOT_LLM_PROVIDER": "offline",
               "PYTHONPATH": str(ROOT)}
        messages = Path(tmp) / "messages.jsonl"
        messages.write_text(MESSAGES, encoding="utf-8")
        calls = {name: [a.replace("{messages}", str(messages)) for a in argv] for name, argv in CALLS.items()}
        run(calls["ask"], env)  # builds (or syncs) the index and writes its snapshot: not timed
        for name in args.only or list(CALLS):
            cpu, wall = zip(*(run(calls[name], env) for _ in range(args.n)))
            print(f"cold `copilot {name}` ({args.n} processes): CPU median {statistics.median(cpu):.2f} s "
                  f"(min {min(cpu):.2f}), wall median {statistics.median(wall):.2f} s")


if __name__ == "__main__":
    main()

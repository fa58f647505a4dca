"""Where a cold ``copilot ask`` spends its time: process start to answer, and the phases inside one
process (imports, opening the index with and without its snapshot, loading the e5 encoder, answering).
It also times ``import copilot.cli`` alone (the command modules of drafting, moderation, notes and evals
load only when one of their commands runs) beside the same import plus those modules (what every call
paid before they were loaded lazily).

Each phase runs in a fresh interpreter (``python -c``) against one built data dir, so figures include
what a real CLI call pays. Run: ``.venv/bin/python benchmarks/bench_ask_cli.py [--data-dir DIR]``
(builds a temporary index when none is given). Figures go into README.md ("Figures").
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
from pathlib import Path

from copilot.config import Settings
from copilot.knowledge.index import KnowledgeIndex

PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine
t1 = time.perf_counter()
settings = Settings(data_dir=sys.argv[1], llm_provider="offline")
index = KnowledgeIndex(settings)
index._ensure_loaded()
t2 = time.perf_counter()
index.embedder.embed_query(sys.argv[2] + "（预热）")
t3 = time.perf_counter()
answer_question(sys.argv[2], index, get_engine(settings))
t4 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "open_index": t2 - t1, "encoder": t3 - t2, "answer": t4 - t3}))
"""
QUESTIONS = ["群里老有人半夜发语音刷屏，白天的人爬楼很累，怎么定规矩", "开了个读书打卡群，第二周就没几个人交作业了",
             "团购群想加一个每周固定的福利日，怎么安排不招人烦"]


CLI_IMPORTS = {"import copilot.cli (lazy)": "import copilot.cli",
               "copilot.cli + every command module (before)": "import copilot.cli, copilot.agents.cli, "
               "copilot.moderation.cli, copilot.notes.cli, copilot.evals.cli"}


def time_cli_imports(runs: int = 5) -> None:
    """Median wall time of each :data:`CLI_IMPORTS` statement in a fresh interpreter."""
    for label, statement in CLI_IMPORTS.items():
        probe = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
        times = [float(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                                      text=True).stdout) for _ in range(runs)]
        print(f"{label}: median {statistics.median(times):.2f} s, min {min(times):.2f} s "
              f"(load {os.getloadavg()[0]:.1f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    time_cli_imports()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data_dir or Path(tmp)
        index = KnowledgeIndex(Settings(data_dir=data, llm_provider="offline"))
        if not index.is_current():
            index.build()
        snapshot = data / "index" / "snapshot.npz"
        env = {**os.environ, "COPILOT_DATA_DIR": str(data), "COPILOT_LLM_PROVIDER": "offline"}
        for label, keep in (("without snapshot", False), ("with snapshot", True)):
            phases: dict[str, list[float]] = {}
            walls = []
            for n, q in enumerate(QUESTIONS):
                if not keep:
                    snapshot.unlink(missing_ok=True)
                out = subprocess.run([sys.executable, "-c", PHASES, str(data), f"{q}（{label}{n}）"], check=True,
                                     capture_output=True, text=True).stdout
                for k, v in json.loads(out.strip().splitlines()[-1]).items():
                    phases.setdefault(k, []).append(v)
                if not keep:
                    snapshot.unlink(missing_ok=True)
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "copilot", "ask", f"{q}？（{label}{n}）", "--json"], check=True,
                               capture_output=True, env=env)
                walls.append(time.perf_counter() - started)
                if not keep:
                    snapshot.unlink(missing_ok=True)
            med = {k: round(statistics.median(v), 2) for k, v in phases.items()}
            print(f"{label}: phases (median s) {med}; `copilot ask` wall {min(walls):.1f}–{max(walls):.1f} s "
                  f"(load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()

"""Calibrate when an offline answer opens by saying the material has only something near (``warn`` in
``copilot/resources/retrieval/section_scorer.json``), without refitting the scorer itself.

Reads only the tuning splits that trained the scorer (every ``evals/retrieval/tuning*.jsonl`` except the
held-out ones), never a locked one. Each in-scope question is answered offline; ``warn`` is the highest
fit of the answer's first section such that, among the answers whose first section fits less, at most
``--share`` were built from an acceptable section (below it an answer is more likely wrong than right, so
the warning is honest; above it, it would mostly warn about right answers). It prints how often the
warning then fires on answers from an acceptable section and on the others, per tuning file (held-out
files included, as a check).

Run: ``.venv/bin/python scripts/calibrate_warn.py [--data-dir DIR] [--share 0.5]``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, answer_rows, ask_split_files, load_ask_cases
from copilot.files import atomic_write
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SCORER_FILE, section_scorer
from copilot.llm import get_engine
from copilot.paths import EVALS_DIR


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, help="a data dir with a built index (default: a temporary one)")
    ap.add_argument("--share", type=float, default=0.5, help="the largest share of acceptable answers below warn")
    ap.add_argument("--out", type=Path, default=SCORER_FILE)
    args = ap.parse_args()
    scorer = section_scorer()
    if scorer is None:
        raise SystemExit("no section scorer: run scripts/train_section_scorer.py first")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=args.data_dir or Path(tmp), llm_provider="offline")
        index = KnowledgeIndex(settings)
        if not index.is_current():
            index.build()
        engine = get_engine(settings, prefer="offline")
        per_file = {}
        for name, (half, path) in ask_split_files(EVALS_DIR / "retrieval").items():
            if half == "tuning":
                cases = [c for c in load_ask_cases(path) if c.in_scope]
                per_file[name] = [(r.fit, bool(r.answer_ok)) for r in answer_rows(index, engine, cases) if r.covered]
    fitted = sorted(row for name, rows in per_file.items() if name not in HELD_OUT for row in rows)
    warn = 0.0
    for n in range(5, len(fitted) + 1):
        if sum(ok for _, ok in fitted[:n]) / n <= args.share:
            warn = fitted[n - 1][0] + 1e-6
    for name, rows in per_file.items():
        good = [fit for fit, ok in rows if ok]
        bad = [fit for fit, ok in rows if not ok]
        print(f"{name}{' (held out)' if name in HELD_OUT else ''}: warns on {sum(f < warn for f in good)} of "
              f"{len(good)} answers from an acceptable section, {sum(f < warn for f in bad)} of {len(bad)} others")
    data = json.loads(args.out.read_text(encoding="utf-8"))
    data["warn"] = round(warn, 4)
    atomic_write(args.out, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    print(f"warn {data['warn']} → {args.out}")


if __name__ == "__main__":
    main()

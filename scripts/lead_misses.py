"""Where the first stage buries the acceptable section (readable tuning files only, never HELD_OUT or locked).

For every in-scope question of a readable ``evals/retrieval/tuning*.jsonl`` (not in
:data:`copilot.evals.retrieval.HELD_OUT`) it finds the acceptable section's rank in the fused first-stage
ranking and in each signal on its own, then prints how many questions lead with it (rank 1), have it at 2–3,
4–12 or below 12, and, for the deep misses (below 3), which kind of signal ranks it in its own top 3 (none,
only the dense ones, only the lexical ones, both) and which signal puts the wrong first section first.

Run: ``PYTHONPATH=. .venv/bin/python scripts/lead_misses.py [--data-dir DIR] [--show N]`` (``--show`` prints N
readable examples per kind).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, ask_split_files, load_ask_cases
from copilot.knowledge.cards import load_cards
from copilot.knowledge.index import KnowledgeIndex
from copilot.paths import EVALS_DIR

DENSE = ("dense", "sentence", "asks_dense")
LEXICAL = ("lexical", "fields", "asks_lexical")


def rank_of(scores: np.ndarray, wanted: list[int]) -> int:
    """The best 1-based rank of any of ``wanted`` in ``scores`` (descending, stable)."""
    order = np.argsort(-scores, kind="stable")
    where = np.empty(len(order), dtype=int)
    where[order] = np.arange(1, len(order) + 1)
    return int(where[wanted].min())


def kind_of(ranks: dict[str, int]) -> str:
    good = {s for s, r in ranks.items() if r <= 3}
    if not good:
        return "no signal has it in its top 3"
    if good <= set(DENSE):
        return "only dense signals"
    if good <= set(LEXICAL):
        return "only lexical signals"
    return "dense and lexical signals"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, help="a data dir with a built index (default: a temporary one)")
    ap.add_argument("--show", type=int, default=0, help="readable examples to print per kind")
    args = ap.parse_args()
    bands: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    wrong_first: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        index = KnowledgeIndex(Settings(data_dir=args.data_dir or Path(tmp), llm_provider="offline"))
        if not index.is_current():
            index.build()
        cards = {c.id: c for c in load_cards(index.settings.knowledge_dir)}
        sections = index._ensure_loaded().sections  # noqa: SLF001 - the script reads the index's section table
        for name, (half, path) in ask_split_files(EVALS_DIR / "retrieval").items():
            if half != "tuning" or name in HELD_OUT:
                continue
            for case in load_ask_cases(path):
                if not case.in_scope:
                    continue
                ok = {(c, (cards[c].resolve_section(s) if c in cards else None) or s) for c, s in case.sections}
                wanted = [i for i, s in enumerate(sections) if s in ok]
                if not wanted:
                    continue
                signals, _ = index.signals(case.question)
                fused = signals.fused()
                rank = rank_of(fused, wanted)
                bands["1" if rank == 1 else "2-3" if rank <= 3 else "4-12" if rank <= 12 else ">12"] += 1
                if rank <= 3:
                    continue
                own = {s: rank_of(a, wanted) for s in DENSE + LEXICAL if (a := getattr(signals, s)) is not None}
                kind = kind_of(own)
                kinds[kind] += 1
                first = int(np.argmax(fused))
                wrong_first.update(s for s in own if rank_of(getattr(signals, s), [first]) == 1)
                examples.setdefault(kind, []).append(
                    f"{name}: {case.question} → {sections[first][1]} (acceptable rank {rank}; {own})")
    print("acceptable section's first-stage rank:", dict(bands))
    for kind, n in kinds.most_common():
        print(f"{n:4d}  {kind}")
        for line in examples[kind][:args.show]:
            print("      ", line)
    print("signals ranking the wrong first section first:", dict(wrong_first.most_common()))


if __name__ == "__main__":
    main()

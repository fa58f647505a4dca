"""Same-process A/B of the group-model moderator's speed: the old code paths (A) against this tree's (B).

Run: ``.venv/bin/python benchmarks/ab_moderation.py [--n 2000] [--reps 8]``. Wall-clock figures of separate runs mean
little on a shared machine; here both variants run in one process on one core, alternating (A B, B A, …), each
repetition on fresh texts (no normalisation-cache hits), timed in CPU time. ``use(old)`` puts the old functions back
(A) or this tree's (B): a speed change adds its old function here, so the lead can re-measure it. Round 68 (d17a68):
``said_prices`` and ``veiled.banter`` without their per-text memory, ``_packet_beg`` building its pattern per message.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_moderation import _group_moderator, pin_one_core, warm  # noqa: E402

from copilot.evals.moderation import load_set  # noqa: E402
from copilot.moderation import pipeline, signals, veiled  # noqa: E402


def _old_said_prices(folded: str) -> list[str]:
    return list(signals._said_prices.__wrapped__(folded))


def _old_packet_beg(scan: Any, spec: Any) -> Any:
    beg, gift = (scan.lex.words[key] for key in spec.combo)
    text = scan.lex.words[spec.mask].sub(" ", scan.n.folded) if spec.mask else scan.n.folded
    m = re.search(f"({beg.pattern}){signals._BEG_GAP}({gift.pattern})", text)
    return signals.Finding([m.group(1), m.group(m.lastindex or 2)]) if m else None


_DETECTORS = signals.signal_table().detectors
_NEW = {"said_prices": signals.said_prices, "packet_beg": _DETECTORS["packet_beg"], "banter": veiled.banter}


def use(old: bool) -> None:
    """The old functions (A) or this tree's (B), wherever the moderator looks them up."""
    prices = _old_said_prices if old else _NEW["said_prices"]
    signals.said_prices = pipeline.said_prices = prices
    _DETECTORS["packet_beg"] = _old_packet_beg if old else _NEW["packet_beg"]
    banter = _NEW["banter"].__wrapped__ if old else _NEW["banter"]
    veiled.banter = signals.banter = pipeline.banter = banter


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--reps", type=int, default=8)
    args = ap.parse_args()
    pin_one_core()
    rows = load_set()
    rates: dict[str, list[float]] = {"A": [], "B": []}
    with tempfile.TemporaryDirectory() as tmp:
        mod = _group_moderator(Path(tmp))
        warm(mod.moderate, rows)
        try:
            for rep in range(args.reps):
                for v in ("A", "B") if rep % 2 == 0 else ("B", "A"):
                    use(v == "A")
                    texts = [f"{r['text']} {i}{v}{rep}q" for i, r in enumerate(rows * (args.n // len(rows) + 1))][: args.n]
                    t0 = time.thread_time()
                    for i, x in enumerate(texts):
                        mod.moderate({"id": str(i), "user": f"u{i % 500}", "text": x})
                    rates[v].append(args.n / (time.thread_time() - t0))
        finally:
            use(False)
    for v, name in (("A", "旧"), ("B", "本分支")):
        print(f"{v}（{name}）：中位数 {statistics.median(rates[v]):,.0f} 条/秒（CPU 时间），各轮 {[round(x) for x in rates[v]]}")
    print(f"B/A 中位数之比 {statistics.median(rates['B']) / statistics.median(rates['A']):.3f}")


if __name__ == "__main__":
    main()

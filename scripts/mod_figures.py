"""Moderation totals per eval set on one line each, and (``--dev``) the counts summed over the readable dev*.jsonl.

Totals only, never a message or a row id: safe for the score-only sets (locked, locked_blind, the blind independents).

    PYTHONPATH=. python scripts/mod_figures.py [--only blind,independent15] [--dev] [--save figures.json]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
from pathlib import Path
from typing import Any

from copilot.evals import moderation as me

RATES = (("ad", "precision", "adP"), ("ad", "recall", "adR"), ("ad", "f1", "adF1"), ("off_topic", "f1", "offF1"),
         ("spam", "f1", "spamF1"), ("abuse", "f1", "abuF1"))


def set_line(name: str, f: dict[str, Any]) -> str:
    rates = "".join(f"{f[label][key]:.3f}".rjust(8) for label, key, _ in RATES)
    return (name.ljust(15) + str(f["n"]).rjust(6) + rates + f"{100 * f['legit_acted_rate']:.2f}".rjust(8)
            + f"{f['accuracy']:.3f}".rjust(8))


def dev_sum() -> dict[str, int]:
    """Over every readable dev*.jsonl: messages, legitimate ones acted on, and the ad confusion counts."""
    total = {"n": 0, "legit": 0, "acted": 0, "adTP": 0, "adFP": 0, "adFN": 0}
    for path in sorted(glob.glob(str(me.DATA_DIR / "dev*.jsonl"))):
        rows = me.load_set(os.path.basename(path))
        report = me.run_set(rows, profiles=me.DATA_DIR / "profiles")
        c = report["confusion"]
        total["n"] += report["n"]
        total["legit"] += sum(row["label"] == "ok" for row in rows)
        total["acted"] += report["legit_acted"]
        total["adTP"] += c["ad"]["ad"]
        total["adFP"] += sum(c[gold]["ad"] for gold in c if gold != "ad")
        total["adFN"] += sum(n for pred, n in c["ad"].items() if pred != "ad")
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="comma-separated set names (blind, locked, tuning, independent3…)")
    ap.add_argument("--dev", action="store_true", help="add the sums over the readable dev sets")
    ap.add_argument("--save", default="", help="write the figures as JSON to this file")
    a = ap.parse_args()
    names = [x for x in a.only.split(",") if x] or ["blind", "locked", "tuning", *me.INDEPENDENT]
    out: dict[str, Any] = {}
    print("set".ljust(15) + "n".rjust(6) + "".join(short.rjust(8) for *_, short in RATES) + "legit%".rjust(8)
          + "acc".rjust(8))
    for name in names:
        f = me.split_figures(name)
        if f:
            out[name] = f
            print(set_line(name, f), flush=True)
    if a.dev:
        out["dev"] = d = dev_sum()
        print(f"dev sum n {d['n']}: acted {d['acted']}/{d['legit']}, ad TP {d['adTP']} FP {d['adFP']} FN {d['adFN']}")
    if a.save:
        Path(a.save).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

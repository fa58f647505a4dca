"""Every notes split's totals on one line each, and (``--why``) the per-class counts of why listed items were missed.

Totals and counts only, never a chat's text or an item: safe for the score-only splits (locked, locked_blind*).

    PYTHONPATH=. python scripts/notes_figures.py [--only tuning,locked_blind5] [--why] [--save figures.json]

``--save`` writes the same figures as JSON, to compare two runs (before and after a change) with ``--against``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from copilot.evals.notes import why_splits

COLUMNS = (("key_facts", "key"), ("qa_pairs", "qa"), ("todos_with_owner", "own"), ("todo_precision", "todoP"),
           ("deadlines_resolved", "dl"), ("decisions", "dec"), ("decision_precision", "decP"), ("qa_precision", "qaP"),
           ("leaked_noise", "leak"), ("invented_entities", "inv"), ("miscited_figures", "misc"), ("errors", "err"))
READABLE = ("tuning", "independent")  # the other splits are score-only


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def figures_table(halves: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["split".ljust(14) + "".join(short.rjust(7) for _, short in COLUMNS)]
    lines += [name.ljust(14) + "".join(_cell(h.get(key)).rjust(7) for key, _ in COLUMNS) for name, h in halves.items()]
    return lines


def why_lines(halves: dict[str, dict[str, Any]]) -> list[str]:
    """Per miss class (not ``…/ok``), the count in each split and the sum over the score-only ones (``so``)."""
    keys = sorted({k for h in halves.values() for k in h.get("why", {}) if not k.endswith("/ok")})
    lines = ["class".ljust(46) + "".join(name[-7:].rjust(8) for name in halves) + "so".rjust(6)]
    for key in keys:
        row = [h.get("why", {}).get(key, 0) for h in halves.values()]
        score_only = sum(h.get("why", {}).get(key, 0) for name, h in halves.items() if name not in READABLE)
        if any(row):
            lines.append(key[:46].ljust(46) + "".join(str(c).rjust(8) for c in row) + str(score_only).rjust(6))
    return lines


def changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> list[str]:
    """Every total that moved between two saved runs (``split key: before → after``)."""
    out = []
    for name, h in after.items():
        old = before.get(name, {})
        out += [f"{name} {key}: {_cell(old.get(key))} → {_cell(h.get(key))}" for key, _ in COLUMNS
                if old.get(key) != h.get(key)]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="comma-separated split names (tuning, independent, locked, locked_blind…)")
    ap.add_argument("--why", action="store_true", help="add the per-class counts of misses")
    ap.add_argument("--save", default="", help="write the figures as JSON to this file")
    ap.add_argument("--against", default="", help="a file written by --save: list the totals that moved")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    only = {x for x in a.only.split(",") if x} or None
    halves = why_splits(only=only, workers=a.workers)
    print("\n".join(figures_table(halves)))
    if a.why:
        print("\n" + "\n".join(why_lines(halves)))
    saved = {name: {key: h.get(key) for key, _ in COLUMNS} | {"why": h.get("why", {})} for name, h in halves.items()}
    if a.against:
        moved = changes(json.loads(Path(a.against).read_text(encoding="utf-8")), saved)
        print("\n" + ("\n".join(moved) if moved else "no total moved"))
    if a.save:
        Path(a.save).write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

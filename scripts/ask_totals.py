"""Totals-only 问答 scorer for one-change-at-a-time checks: hit@3, answers from an acceptable section, out-of-scope
declines, false declines and confidently wrong, summed per group — the readable tuning files together (``read``),
the HELD_OUT tuning files together (``held``) and each locked file on its own. It never prints a question; with
``--dump FILE`` it writes the per-question rows of the READABLE files only (for listing misses by family).

    PYTHONPATH=. .venv/bin/python scripts/ask_totals.py [--only read,held,locked_blind5] [--dump /tmp/rows.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from copilot.config import get_settings
from copilot.evals.retrieval import HELD_OUT, AskResult, answer_rows, ask_split_files, load_ask_cases
from copilot.evals.runner import make_context
from copilot.knowledge.index import get_index
from copilot.paths import EVALS_DIR


def groups(directory: Path) -> dict[str, list[tuple[str, Path]]]:
    """Ask split files by group: ``read`` (tuning, not held out), ``held`` (the HELD_OUT tuning files), and each
    locked file under its own name."""
    out: dict[str, list[tuple[str, Path]]] = {}
    for name, (half, path) in ask_split_files(directory).items():
        group = name if half == "locked" else ("held" if name in HELD_OUT else "read")
        out.setdefault(group, []).append((name, path))
    return out


def totals(rows: list[AskResult]) -> dict[str, int]:
    """The five counts the gate reads, plus the two denominators."""
    inside = [r for r in rows if r.in_scope]
    outside = [r for r in rows if not r.in_scope]
    return {"n_in": len(inside), "hit3": sum(bool(r.hit_at_3) for r in inside),
            "answers": sum(bool(r.answer_ok) for r in inside), "n_out": len(outside),
            "oos_declined": sum(not r.covered for r in outside), "false_declines": sum(not r.covered for r in inside),
            "confidently_wrong": sum(bool(r.direct and not r.answer_ok) for r in inside)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated groups (read, held, locked, locked_blind5 …)")
    parser.add_argument("--dump", type=Path, help="write the readable files' per-question rows here (jsonl)")
    args = parser.parse_args()
    wanted = {g for g in args.only.split(",") if g}
    settings = get_settings()
    engine = make_context(settings, judge=False).engine
    index = get_index(settings)
    dumped: list[str] = []
    for group, files in groups(EVALS_DIR / "retrieval").items():
        if wanted and group not in wanted:
            continue
        rows: list[AskResult] = []
        for name, path in files:
            part = answer_rows(index, engine, load_ask_cases(path))
            rows += part
            if group == "read" and args.dump:
                dumped += [json.dumps({"file": name, **r.model_dump()}, ensure_ascii=False) for r in part]
        t = totals(rows)
        print(f"{group:16s} hit@3 {t['hit3']}/{t['n_in']}  answers {t['answers']}  oos declined {t['oos_declined']}/"
              f"{t['n_out']}  false declines {t['false_declines']}  confidently wrong {t['confidently_wrong']}", flush=True)
    if args.dump:
        args.dump.write_text("\n".join(dumped) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

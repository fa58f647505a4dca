"""Totals-only 问答 scorer for one-change-at-a-time checks: hit@3, answers from an acceptable section, out-of-scope
declines, false declines and confidently wrong, summed per group — the readable tuning files together (``read``),
the HELD_OUT tuning files together (``held``) and each locked file on its own. It never prints a question; with
``--dump FILE`` it writes the per-question rows of the READABLE files only (for listing misses by family). With
``--why`` it also counts, per group, why the in-scope questions missed (counts only, never a question): where an
acceptable section was ranked, which step put the answer's first section first and whether that section is in an
acceptable section's card (:func:`why_counts`). ``--scorer FILE`` answers with that section scorer instead of the
shipped ``section_scorer.json`` (a candidate is measured without replacing the file a running measurement reads: the
scorer is reloaded whenever that file's mtime changes).

    PYTHONPATH=. .venv/bin/python scripts/ask_totals.py [--only read,held,locked_blind5] [--dump /tmp/rows.jsonl] [--why]
        [--scorer /tmp/candidate.json]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from copilot.config import get_settings
from copilot.evals.retrieval import HELD_OUT, AskResult, answer_rows, ask_split_files, load_ask_cases
from copilot.evals.runner import make_context
from copilot.knowledge import ranking
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
    """The five counts the gate reads, plus the two denominators and ``hedged``: the in-scope answers built from an
    acceptable section (of a question not labelled ``near``) that still open with the 相近 line (decline.yaml's
    ``not_direct``) — how often a fitting section is given as only near."""
    inside = [r for r in rows if r.in_scope]
    outside = [r for r in rows if not r.in_scope]
    return {"n_in": len(inside), "hit3": sum(bool(r.hit_at_3) for r in inside),
            "answers": sum(bool(r.answer_ok) for r in inside), "n_out": len(outside),
            "oos_declined": sum(not r.covered for r in outside), "false_declines": sum(not r.covered for r in inside),
            "confidently_wrong": sum(bool(r.direct and not r.answer_ok) for r in inside),
            # answered from an acceptable section, not labelled ``near``, yet opened with the 相近 line (not direct)
            "hedged": sum(bool(r.answer_ok and not r.direct and not r.near) for r in inside)}


def rank_class(rank: int) -> str:
    """An acceptable section's rank as a class: 1, 2-3, 4-8 or none (not in the top 8)."""
    return "none" if rank == 0 else "1" if rank == 1 else "2-3" if rank <= 3 else "4-8"


def why_counts(rows: list[AskResult]) -> dict[str, Counter[str]]:
    """Why the in-scope questions of ``rows`` missed, as counts by class (text-free): ``miss`` (not hit@3 with an
    acceptable answer) by rank class and outcome; ``wrong`` (answered from no acceptable section) by rank class, the
    step that led (:attr:`AskResult.led_by`), whether the lead is in an acceptable section's card and, for an acceptable
    section in the top 3, why the answer left it out (:attr:`AskResult.kept_out`); ``confident``
    (the same, answered direct); ``declined`` (false declines) by rank class and :attr:`AskResult.declined_by`."""
    out: dict[str, Counter[str]] = {k: Counter() for k in ("miss", "wrong", "confident", "declined")}
    for r in (r for r in rows if r.in_scope and not (r.hit_at_3 and r.answer_ok)):
        outcome = "declined" if not r.covered else "ok" if r.answer_ok else "wrong"
        out["miss"][f"rank {rank_class(r.rank)} · {outcome}"] += 1
    for r in (r for r in rows if r.in_scope):
        if not r.covered:
            out["declined"][f"rank {rank_class(r.rank)} · {r.declined_by}"] += 1
        elif not r.answer_ok:
            cls = f"rank {rank_class(r.rank)} · led_by {r.led_by} · {'same card' if r.same_card else 'other card'}"
            cls += f" · kept out: {r.kept_out}" if r.kept_out else ""
            out["wrong"][cls] += 1
            if r.direct:
                out["confident"][cls] += 1
    return out


def use_scorer(path: Path) -> None:
    """Answer with the section scorer in ``path`` from now on (every ``section_scorer()`` call reads it)."""
    if ranking.section_scorer(path) is None:
        raise SystemExit(f"no usable section scorer in {path}")
    ranking.section_scorer.__defaults__ = (path.resolve(),)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated groups (read, held, locked, locked_blind5 …)")
    parser.add_argument("--why", action="store_true", help="also count why the in-scope questions missed, by class")
    parser.add_argument("--dump", type=Path, help="write the readable files' per-question rows here (jsonl)")
    parser.add_argument("--scorer", type=Path, help="a section scorer file to answer with instead of the shipped one")
    args = parser.parse_args()
    if args.scorer:
        use_scorer(args.scorer)
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
              f"{t['n_out']}  false declines {t['false_declines']}  confidently wrong {t['confidently_wrong']}"
              f"  hedged {t['hedged']}/{t['answers']}", flush=True)
        if args.why:
            for kind, counts in why_counts(rows).items():
                for cls, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                    print(f"  why {kind:9s} {n:4d}  {cls}", flush=True)
    if args.dump:
        args.dump.write_text("\n".join(dumped) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

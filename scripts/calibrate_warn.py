"""Calibrate when an offline answer opens by saying the material has only something near (``warn`` in
``copilot/resources/retrieval/section_scorer.json``), without refitting the scorer itself.

Reads only the tuning splits that trained the scorer (every ``evals/retrieval/tuning*.jsonl`` except the
held-out ones), never a locked one. Each in-scope question is answered offline; ``warn`` is the highest
fit of the answer's first section such that, among the answers whose first section fits less, at most
``--share`` were built from an acceptable section for a question not labelled ``near`` (a ``near`` question's answer
should warn: its sections are only the nearest) (below it an answer is more likely wrong than right, so
the warning is honest; above it, it would mostly warn about right answers). It prints how often the
warning then fires on answers from an acceptable section and on the others, per tuning file (held-out
files included, as a check), and the curve it chose from: per band of fit, how many answers there were and
what share of them was from an acceptable section, and for each candidate ``warn`` how many right and wrong
answers it would warn on.

``--off-ask`` fits ``warn_off_ask`` instead, the same way but only on the answers whose lead is not the ask
clause's own best section (``Answer.basis`` "other"; answers a stated situation led are left out: they are hedged
below ``warn`` alone, not ``warn_off_ask``), never below the ``warn`` in use, and writes
only it (``warn`` stays as it is).

``--out`` is where the calibrated scorer is written; when that file does not exist yet it is written from the
scorer in use (``section_scorer.json``) with the new ``warn``. ``--dry-run`` prints the curve and writes nothing.

Run: ``.venv/bin/python scripts/calibrate_warn.py [--data-dir DIR] [--share 0.5] [--out FILE] [--off-ask] [--dry-run]``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, AskResult, answer_rows, ask_split_files, load_ask_cases
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
    ap.add_argument("--dry-run", action="store_true", help="print the curve and the chosen warn; write nothing")
    ap.add_argument("--fitting-only", action="store_true",
                    help="answer only the files it fits on (skip the held-out files' check: half the time)")
    ap.add_argument("--rows", type=Path, help="also write each answer's (file, fit, right, basis) here as JSON Lines")
    ap.add_argument("--off-ask", action="store_true",
                    help="fit warn_off_ask on the answers whose lead is not the ask's own section; write only it")
    ap.add_argument("--allow-no-warn", action="store_true",
                    help="write warn 0 (no answer hedged) when no fit qualifies; without it the script refuses")
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
        dump = args.rows.open("w", encoding="utf-8") if args.rows else None
        for name, (half, path) in ask_split_files(EVALS_DIR / "retrieval").items():
            if half == "tuning" and not (args.fitting_only and name in HELD_OUT):
                cases = [c for c in load_ask_cases(path) if c.in_scope]
                rows = [r for r in answer_rows(index, engine, cases) if r.covered]
                per_file[name] = [(r.fit, should_be_direct(r)) for r in rows if not args.off_ask or r.basis == "other"]
                for r in rows if dump and name not in HELD_OUT else []:
                    dump.write(json.dumps({"file": name, "fit": r.fit, "ok": should_be_direct(r), "basis": r.basis,
                                           "near": r.near}) + "\n")
        if dump:
            dump.close()
    fitted = sorted(row for name, rows in per_file.items() if name not in HELD_OUT for row in rows)
    warn = choose_warn(fitted, args.share)
    if args.off_ask:
        warn = max(warn, scorer.warn)
    for line in curve_lines(fitted, per_file, warn):
        print(line)
    for name, rows in per_file.items():
        good = [fit for fit, ok in rows if ok]
        bad = [fit for fit, ok in rows if not ok]
        print(f"{name}{' (held out)' if name in HELD_OUT else ''}: warns on {sum(f < warn for f in good)} of "
              f"{len(good)} answers from an acceptable section, {sum(f < warn for f in bad)} of {len(bad)} others")
    key = "warn_off_ask" if args.off_ask else "warn"
    refusal = no_warn_refusal(warn, key, args.share, getattr(scorer, key))
    if refusal and not args.allow_no_warn and not args.dry_run:
        raise SystemExit(refusal)
    if args.dry_run:
        print(f"{key} {round(warn, 4)} (dry run: nothing written)")
        return
    write_warn(args.out, warn, key)
    print(f"{key} {round(warn, 4)} → {args.out}")


def no_warn_refusal(warn: float, key: str, share: float, current: float) -> str | None:
    """Why a chosen ``warn`` of 0 is not written (``None`` for any other value): 0 gives every answer as direct,
    with no 相近 warning at all, which a retrained scorer whose lowest fits happen to be right reaches silently."""
    if warn > 0.0:
        return None
    return (f"no fit below which at most {share:.0%} of the answers were right: writing {key} 0 would give every "
            f"answer as direct (no 相近 warning at all). Kept the scorer's {key} {current}; pass --allow-no-warn "
            "to write 0 anyway")


def should_be_direct(row: AskResult) -> bool:
    """Whether an answer should be given as the answer (no 相近 warning): it is built from an acceptable section and
    its question is not labelled ``near``. A ``near`` question's acceptable sections are only the nearest ones (no
    section covers it), so an answer from them is right to warn: counting it as right would push ``warn`` down and
    let a neighbour sharing a word pass as the answer."""
    return bool(row.answer_ok) and not row.near


def choose_warn(fitted: list[tuple[float, bool]], share: float) -> float:
    """The highest fit below which at most ``share`` of the (at least five) answers were from an acceptable
    section; 0 when no such fit exists. ``fitted`` is sorted by fit."""
    warn = 0.0
    for n in range(5, len(fitted) + 1):
        if sum(ok for _, ok in fitted[:n]) / n <= share:
            warn = fitted[n - 1][0] + 1e-6
    return warn


def curve_lines(fitted: list[tuple[float, bool]], per_file: dict[str, list[tuple[float, bool]]],
                warn: float) -> list[str]:
    """The calibration curve: answers per band of fit (fitting files, then held-out files) with the share from
    an acceptable section, then what a ``warn`` at each band edge would warn on."""
    held = [row for name, rows in per_file.items() if name in HELD_OUT for row in rows]
    lines = ["fit band      fitting n  right   held-out n  right"]
    for lo in [i / 10 for i in range(10)]:
        hi = lo + 0.1
        a = [ok for f, ok in fitted if lo <= f < hi or (hi >= 1.0 and f >= lo)]
        b = [ok for f, ok in held if lo <= f < hi or (hi >= 1.0 and f >= lo)]
        lines.append(f"{lo:.1f}-{hi:.1f}     {len(a):9d}  {sum(a) / len(a) if a else 0:5.2f}   {len(b):10d}  "
                     f"{sum(b) / len(b) if b else 0:5.2f}")
    lines.append("warn   right warned  wrong warned  (fitting files)")
    for edge in sorted({0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, round(warn, 4)}):
        good = sum(f < edge for f, ok in fitted if ok)
        bad = sum(f < edge for f, ok in fitted if not ok)
        lines.append(f"{edge:.4f} {good:13d} {bad:13d}{'   <- chosen' if edge == round(warn, 4) else ''}")
    return lines


def write_warn(out: Path, warn: float, key: str = "warn") -> None:
    """Write ``warn`` into the scorer file ``out`` as ``key`` (``warn`` or ``warn_off_ask``); a file that does not
    exist yet starts from the scorer in use."""
    source = out if out.exists() else SCORER_FILE
    data = json.loads(source.read_text(encoding="utf-8"))
    data[key] = round(warn, 4)
    atomic_write(out, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

if __name__ == "__main__":
    main()

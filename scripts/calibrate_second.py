"""Set the section scorer's three add-a-section gates (``second``, ``pointed``, ``part``) each by its own pass share.

``second`` used to rule three places at once: a runner-up joining the answer (and an extra the answer keeps), the
section of a card an answer's section points to (ask.py ``with_pointed``), and the section answering one part of
the question ranked alone (``second_part``, ``ask_part``, ``ask_map``). A retrained scorer's fits are spread
differently, and the share of sections one value lets through differs per place (round 59, d15c59), so each gate is
set on its own: the share of the fits asked about at that place that the reference scorer's gate lets through
(``--reference``, default the scorer in use) is kept for the scorer being calibrated (``--scorer``).

Reads only the readable tuning files (``evals/retrieval/tuning*.jsonl`` not in ``HELD_OUT``), in-scope and
out-of-scope questions alike (both reach the gates), never a locked or held-out one. Every question is answered
offline twice, once with each scorer, and every fit a gate is asked about (``SectionScorer.passes``) is recorded.
For a gate whose reference lets k of n fits through, the new gate lets the same share of the new scorer's fits
through, and it sits between the two new fits around that cut as the reference gate sits between its own two: a
scorer calibrated against itself gets its own gates back exactly. Deterministic (no sampling; file order).

Run: ``.venv/bin/python scripts/calibrate_second.py --scorer NEW.json [--reference OLD.json] [--dry-run]``; it
writes ``second``, ``pointed``, ``part`` and ``hedge`` into ``--scorer``. ``hedge`` (below it the lead fits loosely and a
close runner-up joins) is kept at its pass share the same way, over the lead fits ``loose()`` is asked about;
``warn`` and ``warn_off_ask`` stay ``scripts/calibrate_warn.py``'s.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, ask_split_files, load_ask_cases
from copilot.files import atomic_write
from copilot.knowledge import ask, ranking
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SCORER_FILE, SectionRanking, SectionScorer
from copilot.llm import get_engine
from copilot.paths import EVALS_DIR

USES = ("second", "pointed", "part")
# ``hedge`` is set the same way from the lead fits ``loose()`` is asked about (below it a close runner-up joins)
GATES = (*USES, "hedge")


def readable_questions() -> list[str]:
    """The readable tuning files' questions (in scope and out of scope), in file order."""
    return [case.question for name, (half, path) in ask_split_files(EVALS_DIR / "retrieval").items()
            if half == "tuning" and name not in HELD_OUT for case in load_ask_cases(path)]


def gate_fits(index: KnowledgeIndex, scorer_file: Path, questions: list[str]) -> dict[str, list[float]]:
    """Every fit each gate is asked about while ``questions`` are answered offline with the scorer in
    ``scorer_file``."""
    seen: dict[str, list[float]] = defaultdict(list)
    original, loose = SectionScorer.passes, ask.loose

    def logged(self: SectionScorer, use: str, fit: float) -> bool:
        seen[use].append(float(fit))
        return original(self, use, fit)

    def logged_loose(found: SectionRanking) -> bool:
        if found.sections:
            seen["hedge"].append(float(found.leading().fit))
        return loose(found)

    defaults = ranking.section_scorer.__defaults__
    SectionScorer.passes = logged  # type: ignore[method-assign]
    ask.loose = logged_loose
    ranking.section_scorer.__defaults__ = (scorer_file,)
    try:
        engine = get_engine(index.settings, prefer="offline")
        for question in questions:
            answer_question(question, index, engine)
    finally:
        SectionScorer.passes = original  # type: ignore[method-assign]
        ask.loose = loose
        ranking.section_scorer.__defaults__ = defaults
    return {use: seen.get(use, []) for use in GATES}


def matched_gate(reference: list[float], gate: float, fits: list[float]) -> float:
    """The gate that lets the same share of ``fits`` through as ``gate`` lets of ``reference``, placed between the
    two fits around the cut as ``gate`` sits between its own two (``gate`` itself when ``fits`` is ``reference``)."""
    if not reference or not fits:
        return gate
    ref = sorted(reference, reverse=True)
    new = sorted(fits, reverse=True)
    k = sum(f >= gate for f in ref)
    share = k / len(ref)
    j = round(share * len(new))
    upper = lambda xs, i: xs[i - 1] if i > 0 else 1.0  # noqa: E731 - the lowest fit let through (1 when none)
    lower = lambda xs, i: xs[i] if i < len(xs) else 0.0  # noqa: E731 - the highest fit kept out (0 when none)
    span = upper(ref, k) - lower(ref, k)
    where = (gate - lower(ref, k)) / span if span > 0 else 1.0
    return lower(new, j) + where * (upper(new, j) - lower(new, j))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", type=Path, required=True, help="the scorer file to calibrate (written in place)")
    ap.add_argument("--reference", type=Path, default=SCORER_FILE, help="the scorer whose pass shares are kept")
    ap.add_argument("--data-dir", type=Path, help="a data dir with a built index (default: a temporary one)")
    ap.add_argument("--dry-run", action="store_true", help="print the shares and gates; write nothing")
    args = ap.parse_args()
    reference = ranking.section_scorer(args.reference)
    if reference is None:
        raise SystemExit(f"no usable reference scorer in {args.reference}")
    questions = readable_questions()
    with tempfile.TemporaryDirectory() as tmp:
        index = KnowledgeIndex(Settings(data_dir=args.data_dir or Path(tmp), llm_provider="offline"))
        if not index.is_current():
            index.build()
        before = gate_fits(index, args.reference, questions)
        after = gate_fits(index, args.scorer, questions)
    data = json.loads(args.scorer.read_text(encoding="utf-8"))
    for use in GATES:
        gate = reference.hedge if use == "hedge" else reference.gate(use)
        value = round(matched_gate(before[use], gate, after[use]), 4)
        passed = sum(f >= gate for f in before[use])
        print(f"{use}: reference {gate} lets {passed} of {len(before[use])} through; new gate {value} lets "
              f"{sum(f >= value for f in after[use])} of {len(after[use])}")
        data[use] = value
    if args.dry_run:
        print("(dry run: nothing written)")
        return
    atomic_write(args.scorer, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    print(f"second / pointed / part / hedge → {args.scorer}")


if __name__ == "__main__":
    main()

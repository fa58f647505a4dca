"""Train the (question, section) scorer that estimates how well a candidate section fits a question.

Reads only the tuning splits (every ``evals/retrieval/tuning*.jsonl``), never a locked one. For each
in-scope question the candidates are the top sections of the first-stage ranking: the acceptable ones
are positives, the others — sections of the same card, sections sharing the question's words — are the
hard negatives. The features (:data:`copilot.knowledge.ranking.PAIR_FEATURES`) are comparative scores,
not words, so the model learns which signal tells the situations apart. A logistic regression; the
script prints five-fold cross-validated hit@1 / hit@3 (questions held out) beside the first stage's,
then fits on every question and writes ``copilot/resources/retrieval/section_scorer.json``.

It also prints a cross-validation grouped by file over the readable files it fits on (each readable tuning file is
held out whole from the model that scores it, so a file's own wording never helps it): hit@1 / hit@3 of the first
stage and of ``fill``, and how often the lead ``SectionRanking.leading()`` would pick is acceptable at several
``LEAD_GAP`` values (``--gaps``). ``--cache FILE`` keeps the candidates' feature rows in an ``.npz`` so a rerun
(another ``--c``, other gaps) skips the index. The fit is deterministic (lbfgs, fixed folds, no shuffling).

It then prints, for each tuning file held out in turn (trained on the others), hit@1 / hit@3 of the first
stage, of ``reorder`` (every candidate by fit) and of ``fill`` (the first stage's best kept first, the
runners-up by fit): the check that decides which mode ships. ``--hold-out NAME`` leaves a tuning file out
of the shipped model too (to judge it end to end with ``copilot eval`` before training on it).

Run: ``.venv/bin/python scripts/train_section_scorer.py [--data-dir DIR] [--fill] [--hold-out tuning_x]``;
then refit the confidence (``scripts/calibrate_ask.py``), which uses the best candidate's fit as a feature,
set the add-a-section gates and ``hedge`` at the replaced scorer's pass shares (``scripts/calibrate_second.py``:
the ``second`` written here follows the old 40 % rule, which let far fewer runners-up through on a retrained scorer),
and recalibrate the warning (``scripts/calibrate_warn.py``: this script keeps the replaced scorer's ``warn`` and
``warn_off_ask``, which were fitted on the old fits, only so that no scorer ships without hedging).

``--align-to OLD.json`` instead keeps every cut-off of ``OLD`` (``second``, ``pointed``, ``part``, ``hedge``, ``warn``,
``warn_off_ask``) and rescales the new model's decision values onto OLD's (:func:`qq_line`, over the readable questions'
top three candidates under ``fill``): the order of the candidates is the new model's, while a fit means what the gates,
``parts.yaml``'s fit gates and the confidence model's ``fit`` input were set on (round 68: the re-calibrated gates of a
plain retrain lost answers on two score-only splits).
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, ask_split_files, load_ask_cases
from copilot.files import atomic_write
from copilot.knowledge.cards import load_cards
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import CONTRAST_FEATURES, PAIR_FEATURES, SCORER_FILE, SectionScorer, section_scorer
from copilot.paths import EVALS_DIR

CANDIDATES = 12


def samples(index: KnowledgeIndex, skip: tuple[str, ...] = ()) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Per in-scope tuning question (not in a file named in ``skip``): its file, the candidates' feature rows
    (first-stage order) and their labels."""
    cards = {c.id: c for c in load_cards(index.settings.knowledge_dir)}
    loaded = index._ensure_loaded()  # noqa: SLF001 - the script reads the index's section table
    out = []
    for name, (half, path) in ask_split_files(EVALS_DIR / "retrieval").items():
        if half != "tuning" or name in skip:
            continue
        for case in load_ask_cases(path):
            if not case.in_scope:
                continue
            ok = {(c, (cards[c].resolve_section(s) if c in cards else None) or s) for c, s in case.sections}
            # the question as search_sections reads it (commas, Simplified, typos, a kept condition left out)
            signals, _ = index.signals(index.read_query(case.question)[1])
            fused = signals.fused()
            top = np.argsort(-fused, kind="stable")[:CANDIDATES]
            labels = np.asarray([loaded.sections[int(i)] in ok for i in top], dtype=int)
            # every column, the contrastive ones too (a cache serves both; main() drops them without --contrast)
            out.append((name, signals.pair_matrix(fused, top, PAIR_FEATURES + CONTRAST_FEATURES), labels))
        print(f"{name}: {len(out)} questions so far")
    return out


Rows = list[tuple[np.ndarray, np.ndarray]]


Hard = tuple[SectionScorer, float, int] | None


def fit(rows: Rows, c: float, hard: Hard = None) -> tuple[LogisticRegression, np.ndarray, np.ndarray]:
    """A logistic regression on the candidates of ``rows``; with ``hard`` (a scorer and a weight) the wrong candidates
    that scorer offers among the first three weigh that much (:func:`hard_weights`), else every sample counts once."""
    x = np.concatenate([m for m, _ in rows])
    y = np.concatenate([lab for _, lab in rows])
    w = np.concatenate(hard_weights(rows, *hard)) if hard is not None else None
    mean, scale = x.mean(0), x.std(0) + 1e-9
    return LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y, sample_weight=w), mean, scale


def hard_weights(rows: Rows, scorer: SectionScorer, weight: float, skip: int = 0, depth: int = 3) -> list[np.ndarray]:
    """Per row, a weight per candidate: ``weight`` for a wrong candidate (label 0) that ``scorer`` puts among the first
    ``depth`` under ``fill`` (the first stage's best kept first, the runners-up by fit) — the hard negatives the
    shipped ranker actually offers — and 1 for every other candidate. The first ``skip`` slots are left at 1 (``skip``
    1: only the runners-up the fit chose, not the first stage's best, which ``fill`` keeps first whatever its fit)."""
    out = []
    for m, lab in rows:
        m = m[:, :len(scorer.coef)]  # the hard-negative scorer may read fewer columns (no contrastive ones)
        z = ((m - np.asarray(scorer.mean)) / np.asarray(scorer.scale)) @ np.asarray(scorer.coef) + scorer.intercept
        w = np.ones(len(lab))
        top = np.argsort(-keep_first(z), kind="stable")[:depth]
        top = top[skip:]
        w[top[lab[top] == 0]] = weight
        out.append(w)
    return out


def hits(rows: Rows, scores: list[np.ndarray]) -> tuple[float, float]:
    at1 = at3 = 0
    for (_, lab), sc in zip(rows, scores):
        order = np.argsort(-sc, kind="stable")
        at1 += int(lab[order[0]])
        at3 += int(lab[order[:3]].any())
    return at1 / len(rows), at3 / len(rows)


def keep_first(scores: np.ndarray) -> np.ndarray:
    """Scores that keep candidate 0 (the first stage's best) first and order the rest by ``scores``."""
    out = scores.copy()
    out[0] = np.inf
    return out


def by_file(named: list[tuple[str, np.ndarray, np.ndarray]], c: float, hard: Hard = None) -> None:
    """Each tuning file held out in turn: hit@1 / hit@3 of the first stage, ``reorder`` and ``fill``."""
    for name in dict.fromkeys(n for n, _, _ in named):
        train = [(m, lab) for n, m, lab in named if n != name]
        test = [(m, lab) for n, m, lab in named if n == name]
        model, mean, scale = fit(train, c, hard)
        scores = [model.decision_function((m - mean) / scale) for m, _ in test]
        first = hits(test, [-np.arange(len(lab), dtype=float) for _, lab in test])
        print(f"held out {name} ({len(test)}): first stage hit@1/hit@3 {first[0]:.3f}/{first[1]:.3f}; "
              f"reorder {'/'.join(f'{v:.3f}' for v in hits(test, scores))}; "
              f"fill {'/'.join(f'{v:.3f}' for v in hits(test, [keep_first(s) for s in scores]))}")


def lead_ok(rows: Rows, scores: list[np.ndarray], gap: float) -> int:
    """How many questions ``SectionRanking.leading()`` would lead with an acceptable section under ``fill`` at
    ``LEAD_GAP`` ``gap``: the best-fitting of the first stage's best and the two best-fitting runners-up leads
    when its fit beats the first's by ``gap`` (a stated situation, which always keeps the first, is not modelled)."""
    ok = 0
    for (_, lab), sc in zip(rows, scores):
        fit = 1.0 / (1.0 + np.exp(-sc))
        best = int(np.argmax(fit))
        ok += int(lab[best] if fit[best] >= fit[0] + gap else lab[0])
    return ok


def by_file_grouped(named: list[tuple[str, np.ndarray, np.ndarray]], c: float, gaps: list[float],
                    hard: Hard = None) -> list[np.ndarray]:
    """Cross-validation grouped by file over the readable files (not in HELD_OUT): every file is scored by a model
    fitted on the other readable files. Prints hit@1 / hit@3 and leading() at ``gaps``; returns the held-out scores
    (readable rows, in order)."""
    readable = [(n, m, lab) for n, m, lab in named if n not in HELD_OUT]
    held: list[np.ndarray] = [np.zeros(0)] * len(readable)
    for name in dict.fromkeys(n for n, _, _ in readable):
        model, mean, scale = fit([(m, lab) for n, m, lab in readable if n != name], c, hard)
        for i, (n, m, _) in enumerate(readable):
            if n == name:
                held[i] = model.decision_function((m - mean) / scale)
    rows = [(m, lab) for _, m, lab in readable]
    first = hits(rows, [-np.arange(len(lab), dtype=float) for _, lab in rows])
    filled = hits(rows, [keep_first(s) for s in held])
    files = len({n for n, _, _ in readable})
    print(f"grouped by file ({files} readable files, {len(rows)} questions): first stage hit@1/hit@3 "
          f"{first[0]:.3f}/{first[1]:.3f}; fill {filled[0]:.3f}/{filled[1]:.3f}")
    for gap in gaps:
        print(f"  leading() at LEAD_GAP {gap}: {lead_ok(rows, held, gap)} of {len(rows)} lead with an acceptable section")
    return held


def top_three_scores(rows: Rows, model: LogisticRegression | SectionScorer, mean: np.ndarray | None = None,
                     scale: np.ndarray | None = None) -> np.ndarray:
    """The decision values of each question's top three candidates under ``fill`` (candidate 0 kept first)."""
    out = []
    for m, _ in rows:
        z = base_values(model, m) if isinstance(model, SectionScorer) else model.decision_function((m - mean) / scale)
        out += list(z[np.argsort(-keep_first(z), kind="stable")[:3]])
    return np.asarray(out)


def qq_line(new: np.ndarray, reference: np.ndarray) -> tuple[float, float]:
    """``a``, ``b`` such that ``a * new + b`` has (by least squares over the sorted values, a quantile-quantile line)
    the spread of ``reference``: a monotone rescaling, so it never reorders candidates."""
    a, b = np.polyfit(np.sort(new), np.sort(reference), 1)
    return float(a), float(b)


def kept_warns(out: Path) -> dict[str, float]:
    """``warn`` and ``warn_off_ask`` of the scorer file a retrain replaces (``out``, else the one in use), so a new
    scorer never ships with no hedging at all (0) between the retrain and ``scripts/calibrate_warn.py``."""
    source = out if out.exists() else SCORER_FILE
    if not source.exists():
        return {}
    data = json.loads(source.read_text(encoding="utf-8"))
    return {key: float(data[key]) for key in ("warn", "warn_off_ask") if key in data}


def hard_negatives(path: Path, weight: float, skip: int = 0) -> Hard:
    """``(the scorer in path, weight, skip)`` for :func:`fit` when ``weight`` is not 1, else None (no reweighting)."""
    if weight == 1.0:
        return None
    shipped = section_scorer(path)
    if shipped is None:
        raise SystemExit(f"no usable scorer to take hard negatives from in {path}")
    return shipped, weight, skip


def base_values(scorer: SectionScorer, m: np.ndarray) -> np.ndarray:
    """``scorer``'s decision values for the candidate rows ``m`` (the columns it reads come first in ``m``)."""
    m = m[:, :len(scorer.coef)]
    return ((m - np.asarray(scorer.mean)) / np.asarray(scorer.scale)) @ np.asarray(scorer.coef) + scorer.intercept


def stacked_rows(named: list[tuple[str, np.ndarray, np.ndarray]], base: SectionScorer
                 ) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Each candidate row as ``[base's decision value, the contrastive columns]`` (``--stack-on``): a model fitted on
    these keeps ``base``'s weighing of the shipped columns (one weight scales it) and learns only the contrast's."""
    width = len(PAIR_FEATURES)
    return [(n, np.column_stack([base_values(base, m), m[:, width:width + len(CONTRAST_FEATURES)]]), lab)
            for n, m, lab in named]


def unstack(model: LogisticRegression, mean: np.ndarray, scale: np.ndarray, base: SectionScorer) -> SectionScorer:
    """The model fitted on :func:`stacked_rows` written as one scorer over :data:`PAIR_FEATURES` +
    :data:`CONTRAST_FEATURES`: base's coefficients times the weight of its decision value, the contrast's own, and
    base's cut-offs kept (``second``, ``pointed``, ``part``, ``hedge``, ``warn``, ``warn_off_ask``)."""
    a = model.coef_[0] / scale
    intercept = float(model.intercept_[0]) + a[0] * (base.intercept - mean[0])
    return base.model_copy(update={
        "features": list(PAIR_FEATURES + CONTRAST_FEATURES),
        "mean": list(base.mean) + mean[1:].round(6).tolist(), "scale": list(base.scale) + scale[1:].round(6).tolist(),
        "coef": (np.asarray(base.coef) * a[0]).round(6).tolist() + (model.coef_[0][1:]).round(6).tolist(),
        "intercept": round(intercept, 6)})


def candidate_rows(args: argparse.Namespace) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """The candidates' feature rows of every tuning question (:func:`samples`), read from / kept in ``--cache``."""
    if args.cache and args.cache.exists():
        named = pickle.loads(args.cache.read_bytes())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            index = KnowledgeIndex(Settings(data_dir=args.data_dir or Path(tmp), llm_provider="offline"))
            if not index.is_current():
                index.build()
            # --stack-on reads the readable files only (it never scores the held-out ones)
            named = samples(index, HELD_OUT if args.stack_on else ())
        if args.cache:
            args.cache.write_bytes(pickle.dumps(named))
    return named


def _rescaled(result: SectionScorer, a: float, b: float, *, fitted_on: str, gates: dict | None = None) -> SectionScorer:
    """``result`` with its decision values mapped by ``a·z + b`` (:func:`qq_line`) onto another scorer's, and a note."""
    return result.model_copy(update={"coef": (np.asarray(result.coef) * a).round(6).tolist(),
                                     "intercept": round(result.intercept * a + b, 6), **(gates or {}), "fitted_on": fitted_on})


def _write(result: SectionScorer, args: argparse.Namespace) -> bool:
    """Write ``result`` to ``--out`` (not with ``--dry-run``); whether it was written."""
    if args.dry_run:
        print(result.fitted_on, "(dry run: nothing written)")
        return False
    atomic_write(args.out, json.dumps(result.model_dump(), ensure_ascii=False, indent=1) + "\n")
    print(result.fitted_on)
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, help="a data dir with a built index (default: a temporary one)")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--out", type=Path, default=SCORER_FILE)
    ap.add_argument("--reorder", action="store_true",
                    help="let the scorer reorder the candidates (off: it lowered the locked split's hit@3)")
    ap.add_argument("--fill", action="store_true",
                    help="keep the first stage's best section first and order the runners-up by fit")
    ap.add_argument("--hold-out", action="append", default=[], metavar="NAME",
                    help="a tuning file (its stem) the shipped model is not trained on")
    ap.add_argument("--cache", type=Path, help="keep / reuse the candidates' feature rows here (a pickle)")
    ap.add_argument("--gaps", type=float, nargs="*", default=[0.3, 0.2, 0.1, 0.05, 0.0],
                    help="LEAD_GAP values the grouped cross-validation simulates leading() at")
    ap.add_argument("--align-to", type=Path, metavar="OLD",
                    help="keep OLD's cut-offs and rescale the new decision values onto OLD's (see the docstring)")
    ap.add_argument("--hard-weight", type=float, default=1.0,
                    help="weigh the hard negatives (wrong candidates --hard-from offers among the first three) this much")
    ap.add_argument("--hard-from", type=Path, default=SCORER_FILE, metavar="SCORER",
                    help="the scorer whose top three give the hard negatives (default: the shipped one)")
    ap.add_argument("--hard-skip", type=int, default=0, metavar="N",
                    help="take no hard negatives from the first N slots of --hard-from's top three (1: runners-up only)")
    ap.add_argument("--contrast", action="store_true",
                    help="also train on the contrastive columns (ranking.CONTRAST_FEATURES)")
    ap.add_argument("--stack-on", type=Path, metavar="SCORER",
                    help="keep SCORER's weighing of the shipped columns and fit only the contrastive ones on top of its "
                         "decision value (its cut-offs kept; the result is aligned onto SCORER as with --align-to)")
    ap.add_argument("--dry-run", action="store_true", help="print the cross-validations; write nothing")
    args = ap.parse_args()
    named = candidate_rows(args)
    if args.stack_on:
        stack(named, args)
        return
    features = PAIR_FEATURES + (CONTRAST_FEATURES if args.contrast else ())
    named = [(n, m[:, :len(features)], lab) for n, m, lab in named]
    hard = hard_negatives(args.hard_from, args.hard_weight, args.hard_skip)
    by_file(named, args.c, hard)
    by_file_grouped([r for r in named if r[0] not in args.hold_out], args.c, args.gaps, hard)
    rows = [(m, lab) for n, m, lab in named if n not in args.hold_out and n not in HELD_OUT]
    first = hits(rows, [-np.arange(len(lab), dtype=float) for _, lab in rows])
    folds = np.arange(len(rows)) % 5
    held: list[np.ndarray] = [np.zeros(0)] * len(rows)
    for f in range(5):
        train = [r for r, k in zip(rows, folds) if k != f]
        model, mean, scale = fit(train, args.c, hard)
        for n in np.flatnonzero(folds == f):
            held[n] = model.decision_function((rows[n][0] - mean) / scale)
    cv = hits(rows, held)
    model, mean, scale = fit(rows, args.c, hard)
    # a second section joins an answer only when, held out, at least 40 % of the runners-up that fit
    # this well were acceptable themselves (a stitched neighbour is worse than one good section)
    runner = sorted(((float(1 / (1 + np.exp(-sc[np.argsort(-sc)[1]]))), int(lab[np.argsort(-sc)[1]]))
                     for sc, (_, lab) in zip(held, rows)), reverse=True)
    second = 1.0
    for n in range(5, len(runner) + 1):
        if np.mean([ok for _, ok in runner[:n]]) >= 0.4:
            second = runner[n - 1][0]
    top = sorted((float(1 / (1 + np.exp(-sc.max()))), int(lab[np.argmax(sc)])) for sc, (_, lab) in zip(held, rows))
    # below ``hedge`` the best section is acceptable, held out, in at most 55 % of the questions
    hedge = 0.0
    for n in range(5, len(top) + 1):
        if np.mean([ok for _, ok in top[:n]]) <= 0.55:
            hedge = top[n - 1][0]
    for lo, hi in ((0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)):
        sel = [ok for p, ok in top if lo <= p < hi]
        print(f"held-out best fit {lo:.2f}–{hi:.2f}: {len(sel)} questions, {sum(sel)} answered from an acceptable section")
    result = SectionScorer(
        features=list(features), mean=mean.round(6).tolist(), scale=scale.round(6).tolist(),
        coef=model.coef_[0].round(6).tolist(), intercept=round(float(model.intercept_[0]), 6),
        candidates=CANDIDATES, second=round(second, 4), hedge=round(hedge, 4), reorder=args.reorder, fill=args.fill,
        fitted_on=(f"evals/retrieval/tuning*.jsonl{' except ' + ', '.join(args.hold_out) if args.hold_out else ''}: "
                   f"{len(rows)} in-scope questions; first stage hit@1 "
                   f"{first[0]:.3f} hit@3 {first[1]:.3f}; five-fold held out hit@1 {cv[0]:.3f} hit@3 {cv[1]:.3f}"))
    result = result.model_copy(update=kept_warns(args.out))
    if args.align_to:
        old = section_scorer(args.align_to)
        if old is None:
            raise SystemExit(f"no usable scorer to align to in {args.align_to}")
        a, b = qq_line(top_three_scores(rows, model, mean, scale), top_three_scores(rows, old))
        gates = {k: getattr(old, k) for k in ("second", "pointed", "part", "hedge", "warn", "warn_off_ask")}
        result = _rescaled(result, a, b, gates=gates, fitted_on=f"{result.fitted_on}; decision values rescaled onto "
                                                                 f"{args.align_to.name} (x{a:.4f} {b:+.4f}), its cut-offs kept")
    if not _write(result, args):
        return
    if not args.align_to:
        print(f"warn {result.warn} / warn_off_ask {result.warn_off_ask} kept from the scorer it replaces: "
              "recalibrate them for the new fits (scripts/calibrate_warn.py, then --off-ask)")
    print(dict(zip(features, result.coef)))


def stack(named: list[tuple[str, np.ndarray, np.ndarray]], args: argparse.Namespace) -> None:
    """``--stack-on``: the grouped cross-validation of ``base`` alone and of base + the contrast (each readable file
    held out), then the stacked model fitted on every readable question, aligned onto ``base`` (:func:`qq_line`)."""
    base = section_scorer(args.stack_on)
    if base is None or tuple(base.features) != PAIR_FEATURES:
        raise SystemExit(f"no scorer over the shipped columns to stack on in {args.stack_on}")
    readable = [(n, m, lab) for n, m, lab in named if n not in HELD_OUT and n not in args.hold_out]
    rows = [(m, lab) for _, m, lab in readable]
    alone = [keep_first(base_values(base, m)) for m, _ in rows]
    print(f"base alone ({len(rows)} readable questions): fill hit@1/hit@3 "
          f"{'/'.join(f'{v:.3f}' for v in hits(rows, alone))}")
    for gap in args.gaps:
        print(f"  base leading() at LEAD_GAP {gap}: {lead_ok(rows, [base_values(base, m) for m, _ in rows], gap)}")
    named_stacked = stacked_rows(readable, base)
    print("base + contrast:", end=" ")
    by_file_grouped(named_stacked, args.c, args.gaps)
    model, mean, scale = fit([(m, lab) for _, m, lab in named_stacked], args.c)
    print("stacked weights (base value, then CONTRAST_FEATURES, standardised):", model.coef_[0].round(4).tolist())
    result = unstack(model, mean, scale, base)
    a, b = qq_line(top_three_scores(rows, result), top_three_scores(rows, base))
    result = _rescaled(result, a, b, fitted_on=f"{base.fitted_on}; contrast stacked on it ({len(rows)} readable questions), "
                                                f"decision values rescaled onto {args.stack_on.name} (x{a:.4f} {b:+.4f}), its cut-offs kept")
    _write(result, args)


if __name__ == "__main__":
    main()

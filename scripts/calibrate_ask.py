"""Fit the retrieval-confidence model that decides when ``ask`` says the cards do not cover a question.

Reads only the tuning splits (every ``evals/retrieval/tuning*.jsonl``: in-scope and out-of-scope questions)
and the in-scope regression set (``evals/retrieval.jsonl``), never the locked split. For each question
it takes the confidence features (:meth:`Signals.features`; ``scope`` out of fold, see
``scripts/train_scope_classifier.py``), fits a logistic
regression (in scope = 1), and picks the threshold that declines the most out-of-scope questions
while declining at most ``--max-false-decline`` of the in-scope ones. ``related_floor`` (below it no
相关内容 is offered) is the midpoint between the median out-of-scope probability and the threshold.

With ``--pick keep`` (round 71) the threshold is instead the lowest one at which, on the readable tuning files' questions
(never a held-out or locked one), the refitted model (a) gives no confidently wrong answer the shipped model does not
give (a question answered direct from no acceptable section) and (b) declines at least as many out-of-scope questions
as the shipped model. Each question is answered once with every confidence let through (threshold 0,
:func:`outcomes`), which says what an answer would be were it covered; the confidences are those ``ask`` computes.

Run: ``.venv/bin/python scripts/calibrate_ask.py`` (writes copilot/resources/retrieval/confidence.json).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np
from pydantic import BaseModel
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, answer_rows, ask_split_files, load_ask_cases
from copilot.evals.runner import make_context
from copilot.files import atomic_write
from copilot.knowledge import ranking
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import CONFIDENCE_FILE, ConfidenceModel, confidence_model, question_key, scope_model
from copilot.paths import EVALS_DIR

# the best section's situation fit joins the inputs (round 29): with it, fitted on the tuning files that are not
# held out, the held-out files decline 78 of 84 out-of-scope questions at 2 of 235 false declines (76 at 4 without)
FEATURES = ("dense", "sentence", "expanded", "cover", "title", "asks", "operation", "scope", "fit")


def questions(hold_out: str = "") -> list[tuple[str, int]]:
    out = []
    for name, (half, path) in ask_split_files(EVALS_DIR / "retrieval").items():
        if half == "tuning" and name != hold_out and name not in HELD_OUT:
            out += [(case.question, int(case.in_scope)) for case in load_ask_cases(path)]
    for line in (EVALS_DIR / "retrieval.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append((json.loads(line)["question"], 1))
    return out


def pick_threshold(p: np.ndarray, y: np.ndarray, max_false_decline: float) -> float:
    """The highest threshold that declines at most ``max_false_decline`` of the in-scope questions (``y`` 1)."""
    in_p = np.sort(p[y == 1])
    allowed = int(np.floor(max_false_decline * len(in_p)))
    return float(in_p[allowed]) if allowed < len(in_p) else float(in_p[-1])


class Outcome(BaseModel):
    """What one readable question's answer would be were its confidence let through: whether it is covered then (the
    other declines, a near miss or an own matter, still apply), answered direct, and from an acceptable section;
    ``before`` and ``after`` are the confidence the shipped and the refitted model give it."""

    in_scope: bool
    covered: bool
    direct: bool
    ok: bool
    before: float
    after: float

    def wrong(self, p: float, threshold: float) -> bool:
        """Answered direct from no acceptable section when the confidence ``p`` meets ``threshold``."""
        return self.in_scope and self.covered and self.direct and not self.ok and p >= threshold

    def declined(self, p: float, threshold: float) -> bool:
        """An out-of-scope question declined at ``threshold``."""
        return not self.in_scope and (not self.covered or p < threshold)


# ``search_sections`` rounds the confidence to 4 places before it meets the threshold: a threshold half a step above a
# rounded confidence leaves that confidence below it and the next one up above it
STEP = 0.00005


def pick_keeping(rows: list[Outcome], shipped: float, *, per_question: bool = False) -> float:
    """The lowest threshold at which the refitted confidences (``after``) give no more confidently wrong answers than
    the shipped ones (``before``, at ``shipped``) and decline at least as many out-of-scope questions; with
    ``per_question``, no question may become confidently wrong at all (not even in place of one that stops being so)."""
    was_wrong = [r.wrong(r.before, shipped) for r in rows]
    declined = sum(r.declined(r.before, shipped) for r in rows)
    candidates = sorted({0.0, *(r.after + STEP for r in rows if r.covered)})
    for p in candidates:
        now_wrong = [r.wrong(r.after, p) for r in rows]
        added = sum(n and not w for n, w in zip(now_wrong, was_wrong, strict=True))
        fewer = (added == 0) if per_question else sum(now_wrong) <= sum(was_wrong)
        if fewer and sum(r.declined(r.after, p) for r in rows) >= declined:
            return p
    return candidates[-1]


class Answered(BaseModel):
    """One readable question answered with every confidence let through, and the confidence model's inputs for it:
    what :func:`outcomes` reads, kept in ``--outcomes`` so that a second pick does not answer the questions again."""

    in_scope: bool
    covered: bool
    direct: bool
    ok: bool
    features: dict[str, float]


def answered(index: KnowledgeIndex, settings: Settings, model: ConfidenceModel, cases: list,
             features: dict[str, dict[str, float]]) -> list[Answered]:
    """Each readable case answered with ``model``'s coefficients and every confidence let through (threshold 0); the
    features ``ask`` computes for it (from ``features`` when already read)."""
    engine = make_context(settings, judge=False).engine
    with tempfile.TemporaryDirectory() as tmp:
        open_model = Path(tmp) / "confidence.json"
        open_model.write_text(model.model_copy(update={"threshold": 0.0, "related_floor": 0.0}).model_dump_json(),
                              encoding="utf-8")
        before = ranking.confidence_model.__defaults__
        ranking.confidence_model.__defaults__ = (open_model,)
        try:
            rows = answer_rows(index, engine, cases)
        finally:
            ranking.confidence_model.__defaults__ = before
    return [Answered(in_scope=case.in_scope, covered=row.covered, direct=row.direct, ok=bool(row.answer_ok),
                     features=features.get(case.question) or index.confidence_features(case.question))
            for case, row in zip(cases, rows, strict=True)]


def outcomes(rows: list[Answered], model: ConfidenceModel) -> list[Outcome]:
    """``rows`` with the confidence the shipped and the refitted ``model`` give each (rounded as ``ask`` rounds it)."""
    shipped = confidence_model()
    return [Outcome(in_scope=r.in_scope, covered=r.covered, direct=r.direct, ok=r.ok,
                    before=round(shipped.probability(r.features), 4), after=round(model.probability(r.features), 4))
            for r in rows]


def readable_cases() -> list:
    """The cases of the readable tuning files (what ``scripts/ask_totals.py`` reports as ``read``)."""
    return [case for name, (half, path) in ask_split_files(EVALS_DIR / "retrieval").items()
            if half == "tuning" and name not in HELD_OUT for case in load_ask_cases(path)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, help="an existing data dir with a built index (default: a temporary one)")
    ap.add_argument("--max-false-decline", type=float, default=0.015)
    ap.add_argument("--out", type=Path, default=CONFIDENCE_FILE)
    ap.add_argument("--hold-out", default="", help="a tuning split (file stem) left out of the fit")
    ap.add_argument("--budget-on", choices=("fit", "oof"), default="fit",
                    help="where the false-decline budget is counted: the fitted model's own probabilities (fit) or "
                         "5-fold out-of-fold ones (oof: each question scored by a model that did not see it)")
    ap.add_argument("--pick", choices=("budget", "keep"), default="budget",
                    help="budget: the false-decline budget picks the threshold; keep: the lowest threshold that adds no "
                         "confidently wrong answer and declines no fewer out-of-scope questions on the readable files")
    ap.add_argument("--per-question", action="store_true",
                    help="with --pick keep: no question may turn confidently wrong (default: their count may not rise)")
    ap.add_argument("--outcomes", type=Path,
                    help="with --pick keep: keep the readable questions' answers here (jsonl), or read them if present")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=args.data_dir or Path(tmp), llm_provider="offline")
        index = KnowledgeIndex(settings)
        index.build()
        fit(args, settings, index)


def fit(args: argparse.Namespace, settings: Settings, index: KnowledgeIndex) -> None:
    """Fit the confidence model on the tuning questions, pick its threshold and write it to ``args.out``."""
    rows = []
    labels = []
    scope = scope_model()
    oof = scope.oof if scope is not None else {}
    runtime: dict[str, dict[str, float]] = {}  # the features as ``ask`` reads them (the scope in fold)
    for question, in_scope in questions(args.hold_out):
        feats = index.confidence_features(question)
        runtime[question] = dict(feats)
        # what the scope classifier says of a question it was not trained on (its out-of-fold value)
        feats["scope"] = oof.get(question_key(question), feats["scope"])
        rows.append([feats[f] for f in FEATURES])
        labels.append(in_scope)
    x = np.asarray(rows)
    y = np.asarray(labels)
    mean, scale = x.mean(0), x.std(0) + 1e-9
    model = LogisticRegression(class_weight="balanced", C=1.0).fit((x - mean) / scale, y)
    p = model.predict_proba((x - mean) / scale)[:, 1]
    if args.budget_on == "oof":
        # the threshold is read off questions each fold's model did not see, so it is the one a new question meets
        folds = StratifiedKFold(5, shuffle=True, random_state=0)
        p = cross_val_predict(LogisticRegression(class_weight="balanced", C=1.0), (x - mean) / scale, y, cv=folds,
                              method="predict_proba")[:, 1]
    out_p = p[y == 0]
    result = ConfidenceModel(
        features=list(FEATURES), mean=mean.round(6).tolist(), scale=scale.round(6).tolist(),
        coef=model.coef_[0].round(6).tolist(), intercept=round(float(model.intercept_[0]), 6), threshold=0.0,
        related_floor=0.0)
    if args.pick == "keep":
        if args.outcomes and args.outcomes.exists():
            rows = [Answered.model_validate_json(line) for line in args.outcomes.read_text("utf-8").splitlines()]
        else:
            rows = answered(index, settings, result, readable_cases(), runtime)
            if args.outcomes:
                atomic_write(args.outcomes, "".join(r.model_dump_json() + "\n" for r in rows))
        threshold = pick_keeping(outcomes(rows, result), confidence_model().threshold,
                                 per_question=args.per_question)
        rule = (f"lowest threshold adding no confidently wrong answer{' per question' if args.per_question else ''} "
                "and declining no fewer out of scope (readable files)")
    else:
        threshold = pick_threshold(p, y, args.max_false_decline) - 1e-6
        rule = f"at most {args.max_false_decline:.3f} of in scope declined"
    declined = float((out_p < threshold).mean())
    false_decline = float((p[y == 1] < threshold).mean())
    floor = float((np.median(out_p) + threshold) / 2)
    result.threshold = round(threshold, 6)
    result.related_floor = round(min(floor, threshold), 6)
    result.fitted_on = (f"evals/retrieval/tuning*.jsonl + evals/retrieval.jsonl: {int(y.sum())} in scope, "
                        f"{int((1 - y).sum())} out of scope; {rule}; on them {declined:.3f} of out-of-scope declined, "
                        f"{false_decline:.3f} of in-scope declined")
    atomic_write(args.out, json.dumps(result.model_dump(), ensure_ascii=False, indent=1) + "\n")
    print(result.fitted_on)
    print(f"threshold {result.threshold:.4f}, related floor {result.related_floor:.4f} → {args.out}")

if __name__ == "__main__":
    main()

"""Fit the retrieval-confidence model that decides when ``ask`` says the cards do not cover a question.

Reads only the tuning splits (every ``evals/retrieval/tuning*.jsonl``: in-scope and out-of-scope questions)
and the in-scope regression set (``evals/retrieval.jsonl``), never the locked split. For each question
it takes the confidence features (:meth:`Signals.features`; ``scope`` out of fold, see
``scripts/train_scope_classifier.py``), fits a logistic
regression (in scope = 1), and picks the threshold that declines the most out-of-scope questions
while declining at most ``--max-false-decline`` of the in-scope ones. ``related_floor`` (below it no
相关内容 is offered) is the midpoint between the median out-of-scope probability and the threshold.

Run: ``.venv/bin/python scripts/calibrate_ask.py`` (writes copilot/resources/retrieval/confidence.json).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, ask_split_files, load_ask_cases
from copilot.files import atomic_write
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import CONFIDENCE_FILE, ConfidenceModel, question_key, scope_model
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, help="an existing data dir with a built index (default: a temporary one)")
    ap.add_argument("--max-false-decline", type=float, default=0.015)
    ap.add_argument("--out", type=Path, default=CONFIDENCE_FILE)
    ap.add_argument("--hold-out", default="", help="a tuning split (file stem) left out of the fit")
    ap.add_argument("--budget-on", choices=("fit", "oof"), default="fit",
                    help="where the false-decline budget is counted: the fitted model's own probabilities (fit) or "
                         "5-fold out-of-fold ones (oof: each question scored by a model that did not see it)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = KnowledgeIndex(Settings(data_dir=args.data_dir or Path(tmp), llm_provider="offline"))
        index.build()
        rows = []
        labels = []
        scope = scope_model()
        oof = scope.oof if scope is not None else {}
        for question, in_scope in questions(args.hold_out):
            feats = index.confidence_features(question)
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
    threshold = pick_threshold(p, y, args.max_false_decline)
    declined = float((out_p < threshold).mean())
    false_decline = float((p[y == 1] < threshold).mean())
    floor = float((np.median(out_p) + threshold) / 2)
    result = ConfidenceModel(
        features=list(FEATURES), mean=mean.round(6).tolist(), scale=scale.round(6).tolist(),
        coef=model.coef_[0].round(6).tolist(), intercept=round(float(model.intercept_[0]), 6),
        threshold=round(threshold - 1e-6, 6), related_floor=round(min(floor, threshold), 6),
        fitted_on=(f"evals/retrieval/tuning*.jsonl + evals/retrieval.jsonl: {int(y.sum())} in scope, "
                   f"{int((1 - y).sum())} out of scope; on them {declined:.3f} of out-of-scope declined, "
                   f"{false_decline:.3f} of in-scope declined"),
    )
    atomic_write(args.out, json.dumps(result.model_dump(), ensure_ascii=False, indent=1) + "\n")
    print(result.fitted_on)
    print(f"threshold {result.threshold:.4f}, related floor {result.related_floor:.4f} → {args.out}")


if __name__ == "__main__":
    main()

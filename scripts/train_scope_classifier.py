"""Rebuild ``copilot/resources/retrieval/scope_classifier.json``: does a question sound like running a group
but ask what the cards do not cover (an app's menus and limits, a ban, law/tax/refunds, another platform's
content, prices and suppliers)?

Data (tuning only, never a locked split):
  * positives: every out-of-scope question of ``evals/retrieval/tuning*.jsonl`` and the near misses we
    wrote for training in ``copilot/resources/retrieval/off_scope.yaml`` (by kind);
  * negatives: every in-scope question of those splits and of ``evals/retrieval.jsonl``, the in-scope
    look-alikes of ``copilot/resources/retrieval/in_scope.yaml`` (the same operator words asking what the cards
    teach), and every question a section answers in ``knowledge/asks.yaml``.

Model: scikit-learn ``CountVectorizer`` over the question's unique character 1–3 grams
(:func:`copilot.knowledge.ranking.scope_grams`, the same at run time) + ``LogisticRegression`` with
balanced classes. Exported as ``{gram: weight}`` + bias (no pickle); the script checks that the JSON
model reproduces scikit-learn's probabilities.

Held-out check: stratified 5-fold cross-validation; the out-of-fold probability of every training
question is stored (``oof``, by :func:`question_key`) and its precision/recall printed and kept in
``meta``. ``scripts/calibrate_ask.py`` fits the confidence model on those out-of-fold values, so the
weight it gives the classifier is the one earned on questions the classifier did not see.

A whole split can be left out (``--hold-out tuning_scope``, then ``scripts/calibrate_ask.py --hold-out
tuning_scope`` and ``copilot eval retrieval``) to see how the decision does on questions of a kind the
classifier and the confidence model never saw; the shipped model is trained on every tuning split.

Run: ``.venv/bin/python scripts/train_scope_classifier.py`` then ``.venv/bin/python scripts/calibrate_ask.py``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import yaml
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from copilot.evals.retrieval import HELD_OUT, ask_split_files, load_ask_cases
from copilot.files import atomic_write
from copilot.knowledge.asks import load_asks
from copilot.knowledge.ranking import OFF_SCOPE_FILE, SCOPE_MODEL_FILE, ScopeModel, question_key, scope_grams
from copilot.paths import EVALS_DIR, KNOWLEDGE_DIR

C = 1.0
FOLDS = 5
# in-scope look-alikes written for training: the words of off_scope.yaml (预算, 团队, 工具, 数据, 直播…) asking what the
# cards do teach (round 53), so the model learns the thing asked about rather than the operator vocabulary
IN_SCOPE_FILE = OFF_SCOPE_FILE.with_name("in_scope.yaml")


def examples(hold_out: str = "") -> tuple[list[str], list[int]]:
    seen: dict[str, int] = {}
    for name, (half, path) in ask_split_files(EVALS_DIR / "retrieval").items():
        if half == "tuning" and name != hold_out and name not in HELD_OUT:
            for case in load_ask_cases(path):
                seen.setdefault(case.question, int(not case.in_scope))
    for questions in (yaml.safe_load(OFF_SCOPE_FILE.read_text(encoding="utf-8")) or {}).values():
        for q in questions:
            seen.setdefault(q, 1)
    for questions in (yaml.safe_load(IN_SCOPE_FILE.read_text(encoding="utf-8")) or {}).values():
        for q in questions:
            seen.setdefault(q, 0)
    for line in (EVALS_DIR / "retrieval.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            seen.setdefault(json.loads(line)["question"], 0)
    for questions in load_asks(KNOWLEDGE_DIR).values():
        for q in questions:
            seen.setdefault(q, 0)
    return list(seen), list(seen.values())


def _grams(text: str) -> list[str]:
    return sorted(scope_grams(text))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=SCOPE_MODEL_FILE)
    ap.add_argument("--hold-out", default="", help="a tuning split (file stem) left out, to measure on it afterwards")
    ap.add_argument("--c", type=float, default=C, help="the logistic regression's inverse regularisation strength")
    args = ap.parse_args()
    texts, y = examples(args.hold_out)
    labels = np.asarray(y)
    vec = CountVectorizer(analyzer=_grams, binary=True)
    x = vec.fit_transform(texts)

    def lr() -> LogisticRegression:
        return LogisticRegression(C=args.c, class_weight="balanced", max_iter=3000)

    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    oof = cross_val_predict(lr(), x, labels, cv=folds, method="predict_proba")[:, 1]
    p, r, f, _ = precision_recall_fscore_support(labels, oof >= 0.5, average="binary", zero_division=0)
    clf = lr().fit(x, labels)
    weights = {str(g): round(float(w), 5) for g, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-4}
    heldout = {"folds": FOLDS, "precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4),
               "in_scope_flagged": round(float((oof[labels == 0] >= 0.5).mean()), 4)}
    model = ScopeModel(weights=weights, bias=round(float(clf.intercept_[0]), 6),
                       oof={question_key(t): round(float(v), 4) for t, v in zip(texts, oof)},
                       meta={"positives": int(labels.sum()), "negatives": int(len(labels) - labels.sum()),
                             "C": args.c, "heldout": heldout, "split_held_out": args.hold_out})
    # the JSON model must say what scikit-learn says
    sk = clf.predict_proba(x)[:, 1]
    ours = np.asarray([model.probability(t) for t in texts])
    assert float(np.abs(sk - ours).max()) < 1e-3, "the exported weights do not reproduce the model"
    atomic_write(args.out, json.dumps(model.model_dump(), ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{model.meta['positives']} out of scope vs {model.meta['negatives']} in scope; held out ({FOLDS}-fold): "
          f"P {p:.3f} R {r:.3f} F1 {f:.3f}, in-scope flagged {heldout['in_scope_flagged']:.3f} → {args.out}")


if __name__ == "__main__":
    main()

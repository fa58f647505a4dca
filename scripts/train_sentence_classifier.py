"""Rebuild ``copilot/resources/notes/sentence_classifier.json`` (the notes' sentence-kind model).

Data: ``copilot/resources/notes/sentences.jsonl`` — 960 chat sentences written for this project,
labelled question / commitment / decision / announcement / other (Simplified, Traditional and some
Cantonese). The eval chats in ``evals/notes/`` are never used.

Model: scikit-learn ``CountVectorizer`` over :func:`copilot.notes.classify.features` (character 1–3
grams of the folded text with start/end marks, binary) + multinomial ``LogisticRegression``; C is
chosen by 5-fold stratified cross-validation (macro F1), and the cross-validated figures of the
chosen C are printed and stored in the model's ``meta``. Weights are exported as JSON
(``{gram: [w per label]}``) and checked to reproduce scikit-learn's probabilities.

Usage: ``.venv/bin/python scripts/train_sentence_classifier.py [--out PATH]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.notes.classify import LABELS, SHIPPED_MODEL, SentenceClassifier, features, save_exported  # noqa: E402
from copilot.paths import RESOURCES_DIR  # noqa: E402

DATA = RESOURCES_DIR / "notes" / "sentences.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=SHIPPED_MODEL)
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    y = np.array([LABELS.index(r["label"]) for r in rows])
    vec = CountVectorizer(analyzer=lambda t: sorted(features(t)), binary=True, min_df=2)
    X = vec.fit_transform(texts)
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    best: tuple[float, float, np.ndarray] | None = None
    for C in (0.3, 1.0, 3.0, 10.0):
        pred = cross_val_predict(LogisticRegression(C=C, max_iter=3000), X, y, cv=cv)
        f1 = f1_score(y, pred, average="macro")
        print(f"C={C}: 5 折交叉验证 macro-F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, C, pred)
    assert best is not None
    f1, C, pred = best
    report = classification_report(y, pred, target_names=list(LABELS), digits=3, output_dict=True)
    print(f"选 C={C}；交叉验证各类：")
    print(classification_report(y, pred, target_names=list(LABELS), digits=3))
    clf = LogisticRegression(C=C, max_iter=3000).fit(X, y)
    grams = vec.get_feature_names_out()
    weights = {str(g): [float(w) for w in clf.coef_[:, j]] for j, g in enumerate(grams)
               if np.abs(clf.coef_[:, j]).max() >= 1e-3}
    model = SentenceClassifier(
        labels=LABELS, bias=[float(b) for b in clf.intercept_], weights=weights,
        meta={"trained_on": len(rows), "C": C, "features": "char 1-3 grams of fold(text) with ^ and $ marks, binary",
              "cv_macro_f1": round(float(f1), 4),
              "cv_per_label_f1": {lab: round(report[lab]["f1-score"], 4) for lab in LABELS},
              "source": "copilot/resources/notes/sentences.jsonl; rebuild: scripts/train_sentence_classifier.py"},
    )
    probe = texts[:300]
    sk = clf.predict_proba(vec.transform(probe))
    ours = np.array([[model.probabilities(t)[lab] for lab in LABELS] for t in probe])
    return save_exported(model, sk, ours, args.out, 1e-2,
                         f"{len(rows)} 句，{len(weights)} 个特征 → {args.out}")


if __name__ == "__main__":
    raise SystemExit(main())

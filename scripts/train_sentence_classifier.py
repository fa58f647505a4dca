"""Rebuild ``copilot/resources/notes/sentence_classifier.json`` (the notes' sentence-kind model).

Data: ``copilot/resources/notes/sentences.jsonl`` — chat sentences labelled question / commitment /
decision / announcement / other (Simplified, Traditional, Cantonese, voice-to-text without punctuation).
Rows without ``source`` are the 960 written in round 13; ``round23`` rows were written in round 23;
``round34`` rows were written in round 34 (``group`` names the kind of group they belong to), and
``round34:evals/notes/dev`` rows are sentences of the readable ``dev/`` chats labelled by hand. No
sentence comes from the tuning, independent or locked chats.

Held-out fifth: a stratified fifth of the rows (seed 0) is set aside; C is chosen by 5-fold
cross-validation on the other four fifths, and the held-out per-label precision/recall/F1
(``sklearn.metrics``) are printed and stored in ``meta.heldout``, beside the model's figures on
``evals/notes/sentence_kinds/tuning_heldout.jsonl`` (sentences of tuning chats, never trained on). The
shipped model is then refitted on all rows with that C and **calibrated**: multinomial Platt scaling
(``z' = A·z + b``, a small logistic regression) fitted on the 5-fold out-of-fold scores of all rows, as
the ad model does, folded into the exported weights. A probability then means the same after each
retrain, so the pipeline's thresholds (``resources/notes/thresholds.yaml``) survive one; the log-loss and
ECE before/after calibration (out-of-fold, and on the tuning-chat sentences) are stored in
``meta.calibration``.

Model: scikit-learn ``CountVectorizer`` over :func:`copilot.notes.classify.features` (character 1–3
grams of the folded text, Cantonese words in their Mandarin form — ``resources/dialect_yue.yaml`` —,
with start/end marks, binary) + multinomial ``LogisticRegression``. Weights are exported as JSON
(``{gram: [w per label]}``) and checked to reproduce scikit-learn's probabilities.

Usage: ``.venv/bin/python scripts/train_sentence_classifier.py [--out PATH]``

The shipped model is still round 13's (960 rows, no Cantonese fold, no calibration: retrained with the
current recipe it lowered locked to-do precision, see ``evals/notes/sentence_kinds/README.md``). It is
rebuilt, to the same grams and weights, by
``scripts/train_sentence_classifier.py --original-rows --no-dialect-fold --no-calibration --C 3``.

``--with-dev`` (round 81, issue 13) adds the rows ``scripts/derive_notes_rows.py`` derives from the readable
``evals/notes/dev/`` chats' expected items (``build/notes_rows/``, rebuilt by that script, not committed).
Measured in round 81 (docs/notes.md, 第 81 轮 d13a81) and **not shipped**: with the owner model retrained after it, tuning/independent owners fell
(.903 → .835, .721 → .623) with the thresholds still at the old model's probabilities.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, log_loss
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.utils.extmath import softmax

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.devtools.scripts import load_script  # noqa: E402
from copilot.notes.classify import LABELS, SHIPPED_MODEL, SentenceClassifier, features, save_exported  # noqa: E402
from copilot.paths import RESOURCES_DIR  # noqa: E402

DATA = RESOURCES_DIR / "notes" / "sentences.jsonl"
DEV_DATA = ROOT / "build" / "notes_rows" / "dev_sentences.jsonl"  # scripts/derive_notes_rows.py (readable dev chats)
TUNING_SENTENCES = ROOT / "evals" / "notes" / "sentence_kinds" / "tuning_heldout.jsonl"
C_GRID = (0.3, 1.0, 3.0, 10.0)
CALIBRATION_C = 1.0  # the calibrator's own regularisation (30 parameters fitted on ~1,700 out-of-fold rows)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _per_label(y: np.ndarray, pred: np.ndarray) -> dict:
    report = classification_report(y, pred, labels=list(range(len(LABELS))), target_names=list(LABELS),
                                   digits=3, output_dict=True, zero_division=0)
    out = {lab: {k: round(float(report[lab][k]), 3) for k in ("precision", "recall", "f1-score")}
           | {"n": int(report[lab]["support"])} for lab in LABELS}
    out["macro_f1"] = round(float(report["macro avg"]["f1-score"]), 4)
    out["accuracy"] = round(float(report["accuracy"]), 4)
    return out


def _ece(y: np.ndarray, proba: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error of the top label: |accuracy − confidence| weighted over ten bins."""
    top = proba.max(axis=1)
    right = (proba.argmax(axis=1) == y).astype(float)
    edges = np.minimum((top * bins).astype(int), bins - 1)
    return float(sum(abs(right[edges == k].mean() - top[edges == k].mean()) * (edges == k).sum()
                     for k in range(bins) if (edges == k).any()) / len(y))


def fit_all(texts: list[str], y: np.ndarray, C: float, dialect: bool) -> tuple[CountVectorizer, LogisticRegression]:
    """The model on every row, before calibration: binary grams seen at least twice, multinomial LR."""
    vec = CountVectorizer(analyzer=lambda t: sorted(features(t, dialect)), binary=True, min_df=2)
    return vec, LogisticRegression(C=C, max_iter=3000).fit(vec.fit_transform(texts), y)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=SHIPPED_MODEL)
    ap.add_argument("--C", type=float, default=None, help="skip the search for C")
    ap.add_argument("--calibrate-on-chats", action="store_true",
                    help="calibrate on the out-of-fold scores and on the tuning-chat sentences")
    ap.add_argument("--original-rows", action="store_true", help="only round 13's rows (those without source)")
    ap.add_argument("--no-dialect-fold", action="store_true", help="grams of the folded text, Cantonese not read as Mandarin")
    ap.add_argument("--no-calibration", action="store_true", help="export the fitted weights as they are")
    ap.add_argument("--with-dev", action="store_true",
                    help="add the rows derived from the readable dev chats (scripts/derive_notes_rows.py), balanced")
    args = ap.parse_args()
    rows = [r for r in _rows(args.data) if not (args.original_rows and "source" in r)]
    if args.with_dev:
        rows += load_script("scripts/derive_notes_rows.py").balanced_dev_rows(_rows(DEV_DATA), "other", 1.0)
    dialect = not args.no_dialect_fold
    texts = [r["text"] for r in rows]
    y = np.array([LABELS.index(r["label"]) for r in rows])
    analyzer = lambda t: sorted(features(t, dialect))  # noqa: E731 - one feature function for every fit below
    idx_train, idx_held = train_test_split(np.arange(len(rows)), test_size=0.2, stratify=y, random_state=0)
    vec = CountVectorizer(analyzer=analyzer, binary=True, min_df=2)
    X_train = vec.fit_transform([texts[i] for i in idx_train])
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    best: tuple[float, float] | None = None
    for C in (args.C,) if args.C else C_GRID:
        pred = cross_val_predict(LogisticRegression(C=C, max_iter=3000), X_train, y[idx_train], cv=cv)
        f1 = f1_score(y[idx_train], pred, average="macro")
        print(f"C={C}: 四份训练集上 5 折交叉验证 macro-F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, C)
    assert best is not None
    cv_f1, C = best
    held_clf = LogisticRegression(C=C, max_iter=3000).fit(X_train, y[idx_train])
    held = _per_label(y[idx_held], held_clf.predict(vec.transform([texts[i] for i in idx_held])))
    print(f"选 C={C}；留出的五分之一（{len(idx_held)} 句，从未训练）各类：")
    print(classification_report(y[idx_held], held_clf.predict(vec.transform([texts[i] for i in idx_held])),
                                target_names=list(LABELS), digits=3, zero_division=0))
    tuning = None
    if TUNING_SENTENCES.exists():
        t_rows = _rows(TUNING_SENTENCES)
        t_y = np.array([LABELS.index(r["label"]) for r in t_rows])
        tuning = _per_label(t_y, held_clf.predict(vec.transform([r["text"] for r in t_rows])))
        print(f"调参聊天里的句子（{len(t_rows)} 句）：macro-F1 {tuning['macro_f1']}，准确率 {tuning['accuracy']}")
    vec, clf = fit_all(texts, y, C, dialect)
    X = vec.transform(texts)
    # calibration (multinomial Platt scaling): the 5-fold out-of-fold scores of every row are mapped to the
    # labels by a small logistic regression z' = A·z + b, folded into the exported weights (W' = A·W,
    # c' = A·c + b), so that a probability means the same after each retrain whatever C or corpus size
    oof = cross_val_predict(LogisticRegression(C=C, max_iter=3000), X, y, cv=cv, method="decision_function")
    platt = LogisticRegression(C=CALIBRATION_C, max_iter=3000).fit(oof, y)
    if args.calibrate_on_chats and TUNING_SENTENCES.exists():
        # chat sentences are longer and vaguer than written ones: the calibrator also sees the full model's
        # scores on the tuning-chat sentences (never trained on), weighted to count as much as all the rows
        t_rows = _rows(TUNING_SENTENCES)
        t_y = np.array([LABELS.index(r["label"]) for r in t_rows])
        chat = clf.decision_function(vec.transform([r["text"] for r in t_rows]))
        weight = np.r_[np.ones(len(y)), np.full(len(t_y), len(y) / len(t_y))]
        platt = LogisticRegression(C=CALIBRATION_C, max_iter=3000).fit(np.r_[oof, chat], np.r_[y, t_y], sample_weight=weight)
    A, b = platt.coef_, platt.intercept_
    if args.no_calibration:  # the identity map: z' = z
        A, b = np.eye(len(LABELS)), np.zeros(len(LABELS))
    raw_loss, cal_loss = (float(log_loss(y, p, labels=list(range(len(LABELS))))) for p in (softmax(oof.copy()), softmax(oof @ A.T + b)))
    calibration = {"method": "none" if args.no_calibration else "multinomial Platt scaling on 5-fold out-of-fold scores",
                   "C": CALIBRATION_C,
                   "oof_log_loss": {"raw": round(raw_loss, 4), "calibrated": round(cal_loss, 4)},
                   "oof_ece": {"raw": round(_ece(y, softmax(oof.copy())), 4), "calibrated": round(_ece(y, softmax(oof @ A.T + b)), 4)}}
    print(f"校准（五折交叉验证外的分数上）：log-loss {raw_loss:.3f} → {cal_loss:.3f}，ECE "
          f"{calibration['oof_ece']['raw']:.3f} → {calibration['oof_ece']['calibrated']:.3f}")
    coef = A @ clf.coef_
    intercept = A @ clf.intercept_ + b
    if TUNING_SENTENCES.exists():
        t_scores = clf.decision_function(vec.transform([r["text"] for r in t_rows]))
        t_raw, t_cal = softmax(t_scores.copy()), softmax(t_scores @ A.T + b)
        calibration["tuning_sentences"] = {
            "log_loss": {"raw": round(float(log_loss(t_y, t_raw, labels=list(range(len(LABELS))))), 4),
                         "calibrated": round(float(log_loss(t_y, t_cal, labels=list(range(len(LABELS))))), 4)},
            "ece": {"raw": round(_ece(t_y, t_raw), 4), "calibrated": round(_ece(t_y, t_cal), 4)}}
        print(f"调参聊天句子：log-loss {calibration['tuning_sentences']['log_loss']}，ECE {calibration['tuning_sentences']['ece']}")
    grams = vec.get_feature_names_out()
    weights = {str(g): [float(w) for w in coef[:, j]] for j, g in enumerate(grams)
               if np.abs(coef[:, j]).max() >= 1e-3}
    model = SentenceClassifier(
        labels=LABELS, bias=[float(v) for v in intercept], weights=weights,
        meta={"trained_on": len(rows), "C": C, "dialect_fold": dialect,
              "features": ("char 1-3 grams of mandarin(fold(text)) (resources/dialect_yue.yaml) with ^ and $ marks, binary"
                           if dialect else "char 1-3 grams of fold(text) with ^ and $ marks, binary"),
              "calibration": calibration,
              "cv_macro_f1_four_fifths": round(float(cv_f1), 4),
              "heldout": {"rows": len(idx_held), "split": "stratified fifth, seed 0", **held},
              "tuning_sentences": tuning,
              "source": ("copilot/resources/notes/sentences.jsonl" + (" + dev_sentences.jsonl (balanced)" if args.with_dev else "")
                         + "; rebuild: scripts/train_sentence_classifier.py" + (" --with-dev" if args.with_dev else ""))},
    )
    probe = texts[:300]
    sk = softmax(clf.decision_function(vec.transform(probe)) @ A.T + b)
    ours = np.array([[model.probabilities(t)[lab] for lab in LABELS] for t in probe])
    return save_exported(model, sk, ours, args.out, 1e-2,
                         f"{len(rows)} 句，{len(weights)} 个特征 → {args.out}")


if __name__ == "__main__":
    raise SystemExit(main())

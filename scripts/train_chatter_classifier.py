"""Rebuild ``copilot/resources/notes/chatter_classifier.json`` (is a sentence side chatter?).

Data: ``copilot/resources/notes/chatter.yaml`` — sentences written for this project, labelled
``chatter`` (personal asides, food, weather, shows, jokes, thanks and wishes, small talk) or ``content``
(the group's matter: facts, rules, times, advice, opinions on a choice) — plus the ``question``,
``commitment``, ``decision`` and ``announcement`` sentences of ``sentences.jsonl`` as content. The eval
chats in ``evals/notes/`` are never used.

Model: :func:`copilot.notes.classify.features` (char 1–3 grams of the folded, Mandarin-form sentence)
+ binary ``LogisticRegression`` with balanced class weights. The model is a gate: by 5-fold stratified
cross-validation, for each C the gate is the lowest P(chatter) that marks at most 1% of the content
sentences as chatter, and the C whose gate catches the most chatter is kept. The cuts the pairing and aside
rules put on P(chatter) (``thresholds.yaml`` ``chatter_model``) are given there as the share of the content
sentences cross-validation scores at or above them; each is turned into this model's P here and written to
``meta.cuts``, so a retrain keeps what they let through instead of moving them silently. Weights are exported
as JSON and checked to reproduce scikit-learn's probabilities.

Usage: ``.venv/bin/python scripts/train_chatter_classifier.py [--out PATH]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.notes.chatter import DATA, LABELS, SHIPPED_MODEL  # noqa: E402
from copilot.notes.classify import SentenceClassifier, features, save_exported  # noqa: E402
from copilot.paths import RESOURCES_DIR, load_resource  # noqa: E402

SENTENCES = RESOURCES_DIR / "notes" / "sentences.jsonl"
CONTENT_KINDS = ("question", "commitment", "decision", "announcement")
MAX_FALSE = 0.01  # share of the content sentences the gate may mark as chatter in cross-validation


def rows() -> list[tuple[str, int]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    out = [(str(t), LABELS.index(label)) for label in LABELS for t in data[label]]
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        if line.strip() and (r := json.loads(line))["label"] in CONTENT_KINDS:
            out.append((r["text"], 0))
    return out


def _gate(p: np.ndarray, y: np.ndarray) -> float:
    ok = [g for g in np.arange(0.50, 0.99, 0.01) if ((p >= g) & (y == 0)).sum() <= MAX_FALSE * (y == 0).sum()]
    return float(min(ok, default=0.99))


def _cut(p: np.ndarray, y: np.ndarray, share: float) -> float:
    """The lowest P(chatter) (in steps of 0.005) that cross-validation scores at most ``share`` of the content
    sentences at or above."""
    ok = [g for g in np.arange(0.005, 0.995, 0.005) if ((p >= g) & (y == 0)).sum() <= share * (y == 0).sum()]
    return round(float(min(ok, default=0.99)), 3)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=SHIPPED_MODEL)
    args = ap.parse_args()
    data = rows()
    texts = [t for t, _ in data]
    y = np.array([label for _, label in data])
    vec = CountVectorizer(analyzer=lambda t: sorted(features(t)), binary=True, min_df=2)
    X = vec.fit_transform(texts)
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    best: tuple[float, float, float, np.ndarray] | None = None
    for C in (0.3, 1.0, 3.0, 10.0):
        p = cross_val_predict(LogisticRegression(C=C, max_iter=3000, class_weight="balanced"), X, y, cv=cv,
                              method="predict_proba")[:, 1]
        gate = _gate(p, y)
        caught = float(((p >= gate) & (y == 1)).sum() / (y == 1).sum())
        print(f"C={C}: 门槛 {gate:.2f} 时交叉验证认出 {caught:.1%} 的闲聊，误标 {int(((p >= gate) & (y == 0)).sum())} 句内容")
        if best is None or caught > best[0]:
            best = (caught, C, gate, p)
    assert best is not None
    caught, C, gate, p = best
    print(f"选 C={C}，门槛 {gate:.2f}（{len(texts)} 句：闲聊 {int(y.sum())}，内容 {int((y == 0).sum())}）")
    shares = load_resource("notes/thresholds.yaml")["chatter_model"]
    cuts = {name: _cut(p, y, float(share)) for name, share in shares.items()}
    print("配对/旁聊的分数线：" + "，".join(f"{n} {c}（内容句 ≤{float(shares[n]):.1%}）" for n, c in cuts.items()))
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X, y)
    grams = vec.get_feature_names_out()
    weights = {str(g): [-clf.coef_[0, j] / 2, clf.coef_[0, j] / 2] for j, g in enumerate(grams)
               if abs(clf.coef_[0, j]) >= 1e-3}
    bias = float(clf.intercept_[0])
    model = SentenceClassifier(
        labels=LABELS, bias=[-bias / 2, bias / 2], weights={g: [float(a), float(b)] for g, (a, b) in weights.items()},
        meta={"trained_on": len(texts), "C": C, "gate": round(gate, 2), "cuts": cuts, "cv_chatter_caught": round(caught, 4),
              "features": "char 1-3 grams of the folded sentence in its Mandarin form (classify.features)",
              "source": "copilot/resources/notes/chatter.yaml + sentences.jsonl; rebuild: scripts/train_chatter_classifier.py"},
    )
    sk = clf.predict_proba(vec.transform(texts))
    ours = np.array([[model.probabilities_of(features(t))[lab] for lab in LABELS] for t in texts])
    return save_exported(model, sk, ours, args.out, 1e-2, f"{len(texts)} 句，{len(weights)} 个特征 → {args.out}")


if __name__ == "__main__":
    raise SystemExit(main())

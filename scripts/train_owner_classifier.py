"""Rebuild ``copilot/resources/notes/owner_classifier.json`` (who does a to-do).

Data: ``copilot/resources/notes/owners.jsonl`` — clauses written for this project (Simplified,
Traditional, some Cantonese), each with its doer marked: ``[阿斌]周四前把表发给{老周}`` (``[…]`` does
the work, ``{…}`` is someone else named; marked 我/你/大家… are pronouns and group words). The eval
chats in ``evals/notes/`` are never used.

Every mention of every clause is one example (:func:`copilot.notes.owners.find_mentions`), described
by :func:`copilot.notes.owners.features` (its context with people, times and figures as placeholders);
a binary ``LogisticRegression`` is chosen by 5-fold cross-validation grouped by clause (so a clause's
mentions are never split between training and test) and exported as JSON weights, checked to
reproduce scikit-learn's probabilities. The cross-validated figures are printed and stored in ``meta``:
per mention (F1 of "does the work") and per clause (the clause's doer is the top-scoring mention above
the threshold, or no mention passes it when the clause has none).

Usage: ``.venv/bin/python scripts/train_owner_classifier.py [--out PATH]``

``--with-dev`` (round 81, issue 13) adds the rows ``scripts/derive_notes_rows.py`` derives from the readable
``evals/notes/dev/`` chats' expected items (``build/notes_rows/``, rebuilt by that script, not committed).
Measured in round 81 (docs/notes.md, 第 81 轮 d13a81) and **not shipped**: alone (round 13 sentence model) tuning/independent owners
fell .903 → .845, .721 → .672.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.notes.classify import save_exported  # noqa: E402
from copilot.notes.owners import (  # noqa: E402
    SHIPPED_MODEL,
    THRESHOLD,
    OwnerModel,
    find_mentions,
    mention_features,
    name_shaped,
    parse_marked,
)
from copilot.paths import RESOURCES_DIR  # noqa: E402
from copilot.textnorm import fold  # noqa: E402

DATA = RESOURCES_DIR / "notes" / "owners.jsonl"
DEV_DATA = ROOT / "build" / "notes_rows" / "dev_owners.jsonl"  # scripts/derive_notes_rows.py (readable dev chats)


def _clause_accuracy(groups: np.ndarray, y: np.ndarray, p: np.ndarray) -> float:
    """Share of clauses whose doer is found: the top mention (above the threshold) is a doer, or no
    mention passes the threshold when the clause has none."""
    right = total = 0
    for g in np.unique(groups):
        idx = np.where(groups == g)[0]
        top = idx[np.argmax(p[idx])]
        ok = (y[top] == 1 and p[top] >= THRESHOLD) if y[idx].any() else bool((p[idx] < THRESHOLD).all())
        right += ok
        total += 1
    return right / max(1, total)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=SHIPPED_MODEL)
    ap.add_argument("--with-dev", action="store_true", help="add the clauses derived from the readable dev chats")
    args = ap.parse_args()
    rows = [json.loads(line)["text"] for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    written = len(rows)
    if args.with_dev:
        rows += [json.loads(line)["text"] for line in DEV_DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    skipped = 0
    feats: list[dict[str, int]] = []
    y: list[int] = []
    groups: list[int] = []
    for n, line in enumerate(rows):
        ex = parse_marked(line)
        folded = fold(ex.text)
        named = [(s, e, w) for s, e, w in name_shaped(folded) if all(e <= ps or s >= pe for ps, pe, _ in ex.people)]
        mentions = find_mentions(folded, ex.people + named)
        labels = ex.labels(mentions)
        if ex.owners and not any(labels):
            if n >= written:  # a derived clause whose marked doer the mention finder does not see: left out
                skipped += 1
                continue
            print(f"第 {n + 1} 行：标出的负责人没有被识别为提及：{line}", file=sys.stderr)
            return 1
        for f, label in zip(mention_features(folded, mentions), labels):
            feats.append(dict.fromkeys(f, 1))
            y.append(label)
            groups.append(n)
    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    Y, G = np.array(y), np.array(groups)
    best: tuple[float, float, float, float] | None = None
    for C in (0.3, 1.0, 3.0, 10.0):
        p = cross_val_predict(LogisticRegression(C=C, max_iter=5000), X, Y, cv=GroupKFold(5), groups=G,
                              method="predict_proba")[:, 1]
        f1 = f1_score(Y, p >= THRESHOLD)
        acc = _clause_accuracy(G, Y, p)
        print(f"C={C}: 5 折交叉验证（按句分组）提及 F1 {f1:.3f}，整句负责人正确率 {acc:.3f}")
        if best is None or acc > best[0]:
            best = (acc, f1, C, 0.0)
    assert best is not None
    acc, f1, C, _ = best
    clf = LogisticRegression(C=C, max_iter=5000).fit(X, Y)
    names = vec.get_feature_names_out()
    weights = {str(f): float(w) for f, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-4}
    model = OwnerModel(bias=float(clf.intercept_[0]), weights=weights, meta={
        "trained_on_clauses": len(rows), "mentions": len(y), "C": C,
        "cv_mention_f1": round(float(f1), 4), "cv_clause_accuracy": round(float(acc), 4),
        "features": "kind, left/right context chars (people/times/figures as placeholders), order, 把/deadline/question",
        "source": ("copilot/resources/notes/owners.jsonl" + (f" + dev_owners.jsonl ({skipped} left out)" if args.with_dev else "")
                   + "; rebuild: scripts/train_owner_classifier.py" + (" --with-dev" if args.with_dev else ""))})
    sk = clf.predict_proba(X)[:, 1]
    ours = np.array([model.probability(list(f)) for f in feats])
    return save_exported(model, sk, ours, args.out, 1e-3,
                         f"选 C={C}：{len(rows)} 句，{len(y)} 个提及，{len(weights)} 个特征 → {args.out}")


if __name__ == "__main__":
    raise SystemExit(main())

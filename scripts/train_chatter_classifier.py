"""Rebuild ``copilot/resources/moderation/chatter_classifier.json`` (the everyday-chatter model).

Data: ``copilot/resources/moderation/chatter.jsonl``, 2,708 messages we wrote across 27 group types
(see CHATTER.md): ``chatter`` — everyday-life talk (food, weather, commuting, family, stocks, dating,
lottery …) posted in a group it has nothing to do with — against ``group`` — talk about the group's
purpose, including hard negatives that use everyday words on topic (a weather question about the
group's own ride, 面粉 in a baking group) and event logistics. A deterministic 1-in-5 split by the
MD5 of the text is held out and reported.

The model says how much a message reads like life chatter; the off-topic layer
(:mod:`copilot.moderation.offtopic`) weighs that against the message's relevance to the group's
profile, so a chatter word alone never decides.

Usage: ``.venv/bin/python scripts/train_chatter_classifier.py [--out PATH]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import brier_score_loss, precision_recall_fscore_support

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.moderation.classifier import CHATTER_MODEL  # noqa: E402
from copilot.moderation.training import fit_ngram  # noqa: E402
from copilot.paths import RESOURCES_DIR  # noqa: E402

DATA = RESOURCES_DIR / "moderation" / "chatter.jsonl"


def is_heldout(text: str) -> bool:
    return int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=CHATTER_MODEL)
    args = ap.parse_args()
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
    data = [(r["text"], 1 if r["label"] == "chatter" else 0) for r in rows]
    train = [r for r in data if not is_heldout(r[0])]
    test = [r for r in data if is_heldout(r[0])]
    model, info = fit_ngram([t for t, _ in train], [y for _, y in train], min_df=2)
    y = np.array([v for _, v in test])
    probs = np.array([model.score(t) for t, _ in test])
    p, r, f, _ = precision_recall_fscore_support(y, probs >= 0.5, average="binary", zero_division=0)
    heldout = {"n": len(test), "positives": int(y.sum()), "precision": round(float(p), 4), "recall": round(float(r), 4),
               "f1": round(float(f), 4), "brier": round(float(brier_score_loss(y, probs)), 4)}
    model.meta = {"trained_on": {"chatter_corpus": len(train)}, "heldout": heldout, "C": info["C"],
                  "calibration": info["calibration"], "positive": "everyday-life chatter",
                  "features": "char 1-3 grams of normalise().digits, digits→0, binary",
                  "source": "own chatter corpus (resources/moderation/chatter.jsonl); rebuild: "
                            "scripts/train_chatter_classifier.py"}
    model.save(args.out)
    print(f"训练 {len(train)} 条；{len(model.weights)} 个特征；C={info['C']}；文件 {args.out.stat().st_size / 1e6:.2f} MB")
    print(f"留出 {heldout['n']} 条（闲聊 {heldout['positives']}）：P={heldout['precision']:.3f} "
          f"R={heldout['recall']:.3f} F1={heldout['f1']:.3f} Brier={heldout['brier']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

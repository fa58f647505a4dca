"""Rebuild ``copilot/resources/moderation/ad_classifier.json`` (the shipped ad classifier).

Data:
  * ``qq_group_ads/train.txt`` (``text==label``, 1 = ad; MIT licence; noisy QQ group chat, mostly
    Minecraft server ads), default path ``../shared/data/qq_group_ads/train.txt``. A deterministic
    1-in-5 split by the MD5 of the text is held out and never trained on; the eval suite
    (``copilot eval moderation``) uses the same split for its held-out F1.
  * ``copilot/resources/moderation/corpus.jsonl``: 1,881 messages we wrote across 17 group types (+ short offers) (ads of
    every kind, and on-topic sharing with links, prices and free resources as negatives), so the model
    is not a detector of one game community's chat. The same 1-in-5 MD5 rule holds a part out.
  * ``copilot/resources/moderation/train_extra.jsonl``: our own hand-written examples (not the eval set).

Model: scikit-learn ``CountVectorizer(analyzer=char, ngram 1–3, binary)`` over the normalised text
(:func:`copilot.moderation.classifier.features` does the same at run time) + ``LogisticRegression``
with balanced classes, then **calibrated** (Platt scaling fitted on 5-fold out-of-fold scores of the
training part, folded into the weights), so that 0.9 means "nine in ten such messages are ads" in
every group, not "looks like that game chat". Weights are exported to JSON as ``{gram: weight}`` so
no pickle is shipped; the script checks that the JSON model reproduces the calibrated probabilities.

Usage: ``.venv/bin/python scripts/train_ad_classifier.py [--data PATH] [--out PATH]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import brier_score_loss, precision_recall_fscore_support

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.moderation.classifier import AD_MODEL, load_extra_examples, text_key  # noqa: E402
from copilot.moderation.training import fit_ngram, md5_fifth  # noqa: E402
from copilot.paths import RESOURCES_DIR  # noqa: E402

CORPUS = RESOURCES_DIR / "moderation" / "corpus.jsonl"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "qq_group_ads" / "train.txt"


def read_qq(path: Path) -> list[tuple[str, int]]:
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text, sep, label = line.strip().rpartition("==")
        if sep and text.strip() and label.strip() in {"0", "1"}:
            rows.append((text.strip(), int(label)))
    return rows


def read_corpus(path: Path = CORPUS) -> list[tuple[str, int]]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [(r["text"], 1 if r["label"] == "ad" else 0) for r in rows]


def figures(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    p, r, f, _ = precision_recall_fscore_support(y, pred, average="binary", zero_division=0)
    return {"n": int(len(y)), "positives": int(y.sum()), "precision": round(float(p), 4),
            "recall": round(float(r), 4), "f1": round(float(f), 4)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=AD_MODEL)
    ap.add_argument("--C", type=float, default=None, help="正则化强度；默认在训练部分上做 5 折交叉验证选择")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"找不到训练数据 {args.data}", file=sys.stderr)
        return 2
    qq = read_qq(args.data)
    train = [r for r in qq if not md5_fifth(r[0])]
    test = [r for r in qq if md5_fifth(r[0])]
    corpus = read_corpus()
    corpus_train = [r for r in corpus if not md5_fifth(r[0])]
    corpus_test = [r for r in corpus if md5_fifth(r[0])]
    extra = load_extra_examples()
    train_all = train + corpus_train + extra
    # one recipe for every n-gram model (copilot.moderation.training.fit_ngram): C by 5-fold CV on the
    # training part only, Platt scaling on out-of-fold scores, exported as a weight table
    model, info = fit_ngram([t for t, _ in train_all], [lab for _, lab in train_all], C=args.C, min_df=2)
    print("交叉验证 F1：" + "，".join(f"C={c}: {v:.3f}" for c, v in info.get("cv_f1_by_C", {}).items())
          + f"；选 C={info['C']}")

    heldout = {}
    for name, rows in (("qq_group_ads", test), ("own_corpus", corpus_test)):
        yt = np.array([lab for _, lab in rows])
        probs = np.array([model.score(t) for t, _ in rows])
        heldout[name] = figures(yt, (probs >= 0.5).astype(int))
        heldout[name]["brier"] = round(float(brier_score_loss(yt, probs)), 4)
    model.meta = {
        "trained_on": {"qq_group_ads_train": len(train), "own_corpus": len(corpus_train), "own_examples": len(extra)},
        "heldout": heldout,
        "C": info["C"],
        "calibration": info["calibration"],
        "features": "char 1-3 grams of normalise().digits, digits→0, binary",
        "source": "qq_group_ads (MIT) + own corpus + own examples; rebuild: scripts/train_ad_classifier.py",
        # hashes of the normalised training texts (no text): a group's cross-validation compares the
        # shared model only on messages it has not seen (copilot.moderation.training.cross_validate)
        "trained_keys": sorted({text_key(t) for t, _ in train_all}),
    }
    model.save(args.out)
    size = args.out.stat().st_size
    cal = info["calibration"]
    print(f"训练 {len(train)} 条 QQ 群消息 + {len(corpus_train)} 条自写语料 + {len(extra)} 条自写样例；"
          f"{len(model.weights)} 个特征；文件 {size / 1e6:.2f} MB；Platt a={cal['a']:.3f} b={cal['b']:.3f}")
    for name, f in heldout.items():
        print(f"留出 {name} {f['n']} 条（广告 {f['positives']}）：P={f['precision']:.3f} R={f['recall']:.3f} "
              f"F1={f['f1']:.3f} Brier={f['brier']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

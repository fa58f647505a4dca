"""Layer 2: a small statistical ad classifier (logistic regression on character n-grams).

Why char n-grams: Chinese has no spaces and ads mutate faster than any word list; 1–3 character
grams of the *normalised* text catch 兼职/日结/私聊 in all their spellings without segmentation.
The model is a JSON file of ``{gram: weight}`` plus a bias (no pickle, ~1 MB), trained by
``scripts/train_ad_classifier.py``; scoring is a dictionary lookup per gram, so it costs
microseconds and needs no scikit-learn at run time. Operators' feedback is folded in by
:func:`retrain`, which fine-tunes the shipped weights and writes a per-installation model file.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from copilot.files import atomic_write
from copilot.moderation.normalise import URL_RE, normalise
from copilot.paths import RESOURCES_DIR

SHIPPED_MODEL = RESOURCES_DIR / "moderation" / "ad_classifier.json"
EXTRA_EXAMPLES = RESOURCES_DIR / "moderation" / "train_extra.jsonl"
NGRAM_RANGE = (1, 3)


def features(text: str) -> set[str]:
    """Unique character 1–3 grams of the normalised (variant-folded, digit-spelled) text.

    Digits are collapsed to ``0`` so that every phone or QQ number looks alike to the model, and
    a trailing ``§`` marks messages that contain a link.
    """
    n = normalise(text)
    s = "".join("0" if ch.isdigit() else ch for ch in n.digits)
    if URL_RE.search(n.folded):
        s += "§"  # links are stripped from the compact form; keep "has a link" as a feature
    grams: set[str] = set()
    lo, hi = NGRAM_RANGE
    for n in range(lo, hi + 1):
        grams.update(s[i : i + n] for i in range(len(s) - n + 1))
    return grams


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass
class AdClassifier:
    """P(ad | text) from a sparse weight table. ``meta`` records training data and held-out figures."""

    weights: dict[str, float]
    bias: float
    meta: dict[str, object] = field(default_factory=dict)

    def score(self, text: str) -> float:
        if not text:
            return 0.0
        w = self.weights
        z = self.bias + sum(w.get(g, 0.0) for g in features(text))
        return _sigmoid(z)

    def top_grams(self, text: str, n: int = 3) -> list[str]:
        """The grams that pushed the score up most (for the verdict's reason)."""
        w = self.weights
        scored = sorted(((w.get(g, 0.0), g) for g in features(text) if len(g) > 1), reverse=True)
        return [g for v, g in scored[:n] if v > 0]

    def save(self, path: Path) -> None:
        data = {"bias": round(self.bias, 5), "meta": self.meta,
                "weights": {g: round(v, 4) for g, v in sorted(self.weights.items()) if abs(v) >= 1e-3}}
        atomic_write(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    @classmethod
    def load(cls, path: Path) -> AdClassifier:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()},
                   bias=float(data["bias"]), meta=dict(data.get("meta", {})))


_cache: dict[tuple[str, float], AdClassifier] = {}


def load_classifier(data_dir: Path | None = None) -> AdClassifier:
    """The retrained model in ``data_dir`` if there is one, else the shipped model (cached by mtime)."""
    path = SHIPPED_MODEL
    if data_dir is not None and (data_dir / "moderation" / "ad_classifier.json").exists():
        path = data_dir / "moderation" / "ad_classifier.json"
    key = (str(path), path.stat().st_mtime)
    if key not in _cache:
        _cache.clear() if len(_cache) > 8 else None
        _cache[key] = AdClassifier.load(path)
    return _cache[key]


def load_extra_examples(path: Path = EXTRA_EXAMPLES) -> list[tuple[str, int]]:
    """Our own hand-written training examples (label 1 = ad), shipped so retraining works offline."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((row["text"], 1 if row["label"] == "ad" else 0))
    return out


def retrain(
    base: AdClassifier,
    samples: Iterable[tuple[str, int]],
    *,
    epochs: int = 30,
    lr: float = 0.3,
    l2: float = 0.01,
    seed: int = 7,
) -> AdClassifier:
    """Fine-tune ``base`` on labelled samples (feedback + our own examples) by SGD.

    The L2 penalty pulls weights back towards the base model rather than towards zero, so a few
    dozen feedback samples correct the mistakes they show without forgetting what the shipped
    model learned from thousands of messages it can no longer see.
    """
    data = [(features(t), y) for t, y in samples if t]
    weights = dict(base.weights)
    prior = base.weights
    bias = base.bias
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for grams, y in data:
            z = bias + sum(weights.get(g, 0.0) for g in grams)
            grad = _sigmoid(z) - y
            for g in grams:
                w = weights.get(g, 0.0)
                weights[g] = w - lr * (grad + l2 * (w - prior.get(g, 0.0)))
            bias -= lr * grad * 0.1
    meta = dict(base.meta)
    meta["finetuned_on"] = len(data)
    return AdClassifier(weights=weights, bias=bias, meta=meta)

"""Sentence kind (question / commitment / decision / announcement / other) from a small trained model.

A character n-gram logistic regression trained on ``copilot/resources/notes/sentences.jsonl`` (960
labelled chat sentences written for this project) by ``scripts/train_sentence_classifier.py`` and
shipped as a JSON table of weights, so nothing is unpickled or downloaded. The structure pass
combines its probabilities with the cue words of ``resources/notes/cues.yaml`` and with reply
structure; the model alone decides nothing.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from copilot.paths import RESOURCES_DIR
from copilot.textnorm import fold

SHIPPED_MODEL = RESOURCES_DIR / "notes" / "sentence_classifier.json"
LABELS = ("question", "commitment", "decision", "announcement", "other")
MAX_CHARS = 200  # a wall of text is judged by its opening


def char_grams(text: str, limit: int = MAX_CHARS) -> set[str]:
    """Character 1–3 grams of ``text`` (white space dropped, its first ``limit`` characters) with start/end
    marks (^吗 … 吗$ carry the sentence ends): the features of every small sentence model in notes."""
    s = "^" + "".join(text.split())[:limit] + "$"
    return {s[i : i + n] for n in (1, 2, 3) for i in range(len(s) - n + 1)}


def features(text: str) -> set[str]:
    """The sentence classifier's features: :func:`char_grams` of the folded text.

    Only the opening is folded when it alone yields the first ``MAX_CHARS`` characters that are kept
    (folding is local, so the grams are the same): a 200,000-character wall took half a second to fold
    whole for the 200 characters read."""
    if len(text) <= 4 * MAX_CHARS:
        return char_grams(fold(text))
    folded = fold(text[:4 * MAX_CHARS])
    if len("".join(folded.split())) < MAX_CHARS + 8:
        folded = fold(text)  # mostly white space or zero-width characters: fold it all
    return char_grams(folded)


@dataclass
class SentenceClassifier:
    labels: tuple[str, ...]
    bias: list[float]
    weights: dict[str, list[float]]
    meta: dict[str, object]

    def probabilities(self, text: str) -> dict[str, float]:
        return self.probabilities_of(features(text))

    def probabilities_of(self, grams: set[str]) -> dict[str, float]:
        """P(label) for a text already turned into its features (another model's feature function)."""
        weights = self.weights
        rows = [row for gram in grams if (row := weights.get(gram)) is not None]
        # each label's score summed in C, in the same order as adding the rows one by one
        scores = [sum(column, b) for b, column in zip(self.bias, zip(*rows, strict=True), strict=True)] \
            if rows else list(self.bias)
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {lab: e / total for lab, e in zip(self.labels, exp)}

    def save(self, path: Path) -> None:
        data = {"labels": list(self.labels), "bias": self.bias, "meta": self.meta,
                "weights": {g: [round(w, 5) for w in row] for g, row in sorted(self.weights.items())}}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path = SHIPPED_MODEL) -> SentenceClassifier:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(tuple(data["labels"]), data["bias"], data["weights"], data.get("meta", {}))


def save_exported(model: Any, reference: Any, exported: Any, path: Path, tolerance: float, done: str) -> int:
    """The training scripts' last step: write a model exported from scikit-learn (``model.save``) only
    when its probabilities on the training rows match scikit-learn's within ``tolerance``; print
    ``done`` (or why not) and return the exit status."""
    drift = max((abs(float(a) - float(b)) for a, b in zip(_flat(reference), _flat(exported))), default=0.0)
    if drift > tolerance:
        print(f"导出的权重与 scikit-learn 结果不一致（最大差 {drift:.4f}）", file=sys.stderr)
        return 1
    model.save(path)
    print(done)
    return 0


def _flat(values: Any) -> list[float]:
    return [float(v) for v in (values.ravel() if hasattr(values, "ravel") else values)]


@lru_cache(maxsize=1)
def classifier() -> SentenceClassifier:
    return SentenceClassifier.load()


@lru_cache(maxsize=16384)
def sentence_kind(text: str) -> dict[str, float]:
    """P(kind) for one sentence, from the shipped model (cached: chats repeat themselves)."""
    return classifier().probabilities(text)

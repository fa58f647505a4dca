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
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from copilot.paths import RESOURCES_DIR, load_resource
from copilot.textnorm import fold

SHIPPED_MODEL = RESOURCES_DIR / "notes" / "sentence_classifier.json"
DIALECT_FILE = "dialect_yue.yaml"
THRESHOLDS_FILE = "notes/thresholds.yaml"
LABELS = ("question", "commitment", "decision", "announcement", "other")
MAX_CHARS = 200  # a wall of text is judged by its opening


def char_grams(text: str, limit: int = MAX_CHARS) -> set[str]:
    """Character 1–3 grams of ``text`` (white space dropped, its first ``limit`` characters) with start/end
    marks (^吗 … 吗$ carry the sentence ends): the features of every small sentence model in notes."""
    s = "^" + "".join(text.split())[:limit] + "$"
    return {s[i : i + n] for n in (1, 2, 3) for i in range(len(s) - n + 1)}


_PAUSE = re.compile(r"[\s，,。.…~～!！]+")


@lru_cache(maxsize=1)
def _dialect() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...], tuple[str, ...]]:
    """``resources/dialect_yue.yaml``: Cantonese words → their Mandarin form, and the voice-to-text
    fillers and openers dropped from the opening of a sentence."""
    data = load_resource(DIALECT_FILE)
    table = {fold(str(k)): fold(str(v)) for k, v in (data.get("cantonese") or {}).items()}
    words = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))) if table else re.compile(r"(?!x)x")

    def longest_first(key: str) -> tuple[str, ...]:
        return tuple(sorted((fold(str(w)) for w in data.get(key) or []), key=len, reverse=True))

    return words, table, longest_first("voice_fillers"), longest_first("voice_openers")


def mandarin(folded: str) -> str:
    """A folded sentence as the classifier reads it: Cantonese words in their Mandarin form (我迟啲发俾大家 →
    我迟点发给大家) and the voice-to-text fillers that open it dropped (嗯那个就是我明天发 → 我明天发; an opener
    such as 那个 only before a pause or another filler: "那个人是谁" stays); a sentence of nothing but
    fillers stays as it is."""
    words, table, fillers, openers = _dialect()
    out = words.sub(lambda m: table[m.group(0)], folded) if table else folded
    rest = out
    while True:
        rest = rest[p.end():] if (p := _PAUSE.match(rest)) else rest
        filler = next((w for w in fillers if rest.startswith(w)), None)
        if filler is None:
            opener = next((w for w in openers if rest.startswith(w)), None)
            after = rest[len(opener):] if opener else ""
            if opener is None or not (_PAUSE.match(after) or any(after.startswith(w) for w in fillers + openers)):
                break
            filler = opener
        rest = rest[len(filler):]
    return rest if rest.strip() else out


def features(text: str, dialect: bool = True) -> set[str]:
    """The sentence classifier's features: :func:`char_grams` of the folded text, in its Mandarin form
    (:func:`mandarin`) unless ``dialect`` is False (a model trained before ``dialect.yaml`` existed).

    Only the opening is folded when it alone yields the first ``MAX_CHARS`` characters that are kept
    (folding is local, so the grams are the same): a 200,000-character wall took half a second to fold
    whole for the 200 characters read."""
    read = mandarin if dialect else _same
    if len(text) <= 4 * MAX_CHARS:
        return char_grams(read(fold(text)))
    folded = fold(text[:4 * MAX_CHARS])
    if len("".join(folded.split())) < MAX_CHARS + 8:
        folded = fold(text)  # mostly white space or zero-width characters: fold it all
    return char_grams(read(folded))


def _same(folded: str) -> str:
    return folded


@dataclass
class SentenceClassifier:
    labels: tuple[str, ...]
    bias: list[float]
    weights: dict[str, list[float]]
    meta: dict[str, object]

    def probabilities(self, text: str) -> dict[str, float]:
        # the model says whether it was trained on Cantonese read in its Mandarin form (``meta.dialect_fold``)
        return self.probabilities_of(features(text, bool(self.meta.get("dialect_fold", False))))

    def probabilities_of(self, grams: set[str]) -> dict[str, float]:
        """P(label) for a text already turned into its features (another model's feature function)."""
        # (the rows looked up by map, in the set's own order: a Python step per gram cost as much as the sums)
        rows = [row for row in map(self.weights.get, grams) if row is not None]
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


@lru_cache(maxsize=16)
def kind_threshold(name: str) -> float:
    """A threshold the notes rules put on the classifier's probabilities (``resources/notes/thresholds.yaml``:
    set for the shipped calibrated model on the readable eval sets)."""
    return float(load_resource(THRESHOLDS_FILE)["sentence_kind"][name])


@lru_cache(maxsize=1)
def classifier() -> SentenceClassifier:
    return SentenceClassifier.load()


@lru_cache(maxsize=16384)
def sentence_kind(text: str) -> dict[str, float]:
    """P(kind) for one sentence, from the shipped model (cached: chats repeat themselves)."""
    return classifier().probabilities(text)

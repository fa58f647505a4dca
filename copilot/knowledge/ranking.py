"""Ranking card sections for a question, and how sure the ranking is that the cards cover it.

A question is answered from a *section* (``card › ## heading``), so sections are what is ranked.
Each section gets one score per signal, computed by :class:`copilot.knowledge.index.KnowledgeIndex`:

- ``dense``: the best cosine between the question and one of the section's chunks (e5 vectors);
- ``lexical``: BM25 over the chunks' jieba tokens (heading, card title and tags in front), for the
  question's own words plus :data:`EXPANSION_WEIGHT` × the card terms the synonym table adds;
- ``fields``: BM25 over each section's heading and key terms only (its bold terms and list leads);
- ``asks_dense`` / ``asks_lexical``: the best cosine with, and BM25 over, the questions the section
  answers (``knowledge/asks.yaml``, written from the section's own content: document expansion);
- ``sentence``: the best cosine between the question and one sentence of the section, or one of the
  questions it answers (second stage).

Stage one fuses ``dense``, ``lexical``, ``fields`` and the two ``asks`` signals by weighted reciprocal rank fusion; stage two
re-ranks the best :data:`RERANK_TOP` by adding the ``sentence`` ranking among them. Weights were
chosen on the tuning split of ``evals/retrieval/`` and each was kept only where it helped there;
the figures before and after are in the README.

The **confidence** that the cards cover the question is a logistic model over seven features: the
best dense and sentence cosines over all sections, the best cosine with a question some section
answers (``asks``), whether the question asks how to operate an app (``operation``: the cards do not
teach any app's menus), whether the question used operators' phrasing the
synonym table knows, and two lexical ones beside the cosines (short keyword questions such as a single
term get low cosines but are plainly about a section): ``cover``, the best IDF-weighted share of the
question's words (or of the card terms its operator phrasing stands for) that one section contains,
and ``title``, the same over sections' headings and key terms. A word the cards never use weighs
most, so an out-of-scope question keeps a low cover. Fitted by ``scripts/calibrate_ask.py`` on the tuning split and stored with its
threshold in ``copilot/resources/retrieval/confidence.json`` (data, not code).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml
from pydantic import BaseModel

from copilot.paths import RESOURCES_DIR
from copilot.textnorm import fold

RRF_K = 10
EXPANSION_WEIGHT = 0.5
# stage-one weights per signal (reciprocal rank fusion)
WEIGHTS = {"dense": 1.0, "lexical": 1.0, "fields": 0.5, "asks_dense": 0.5, "asks_lexical": 2.0}
RERANK_TOP = 12
SENTENCE_WEIGHT = 2.0
CONFIDENCE_FILE = RESOURCES_DIR / "retrieval" / "confidence.json"
EXAMPLES_FILE = RESOURCES_DIR / "retrieval" / "examples.yaml"
SCOPE_FILE = RESOURCES_DIR / "retrieval" / "scope.yaml"
FEATURES = ("dense", "sentence", "expanded", "cover", "title", "asks", "operation")


def rrf(scores: np.ndarray, weight: float, *, k: int = RRF_K, positive_only: bool = False) -> np.ndarray:
    """``weight / (k + rank)`` for every item (rank 1 = highest score); items scoring ≤ 0 get 0
    when ``positive_only`` (a BM25 score of 0 means no shared word, not a low rank)."""
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    out = weight / (k + ranks)
    if positive_only:
        out[scores <= 0] = 0.0
    return out


@dataclass
class Signals:
    """Per-section scores for one question (arrays aligned with the index's section list)."""

    dense: np.ndarray
    lexical: np.ndarray
    fields: np.ndarray
    sentence: np.ndarray | None
    asks_dense: np.ndarray | None = None  # the best cosine with one of the questions the section answers
    asks_lexical: np.ndarray | None = None  # BM25 over those questions (knowledge/asks.yaml)
    expanded: bool = False
    own_lexical: np.ndarray | None = None  # BM25 for the question's own words only (no expansion)
    cover: float = 0.0  # the best IDF-weighted share of the question's words one section contains
    title: float = 0.0  # the same over sections' headings and key terms only
    operation: bool = False  # the question is about operating some app (:func:`asks_to_operate`)

    def fused(self, *, rerank: bool = True) -> np.ndarray:
        total = rrf(self.dense, WEIGHTS["dense"])
        total += rrf(self.lexical, WEIGHTS["lexical"], positive_only=True)
        if WEIGHTS["fields"]:
            total += rrf(self.fields, WEIGHTS["fields"], positive_only=True)
        if self.asks_dense is not None and WEIGHTS["asks_dense"]:
            total += rrf(self.asks_dense, WEIGHTS["asks_dense"], positive_only=True)
        if self.asks_lexical is not None and WEIGHTS["asks_lexical"]:
            total += rrf(self.asks_lexical, WEIGHTS["asks_lexical"], positive_only=True)
        if rerank and self.sentence is not None:
            top = np.argsort(-total, kind="stable")[:RERANK_TOP]
            total[top] += rrf(self.sentence[top], SENTENCE_WEIGHT)
        return total

    def features(self) -> dict[str, float]:
        """The confidence model's inputs (see the module docstring)."""
        sentence = self.sentence if self.sentence is not None else self.dense
        # without the questions' vectors (an index built before they were added) the sentences stand in
        asks = self.asks_dense if self.asks_dense is not None else sentence
        return {"dense": float(self.dense.max()), "sentence": float(sentence.max()),
                "expanded": 1.0 if self.expanded else 0.0, "cover": self.cover, "title": self.title,
                "asks": float(asks.max()), "operation": 1.0 if self.operation else 0.0}


class ConfidenceModel(BaseModel):
    """``p = sigmoid(intercept + Σ coef·(x - mean)/scale)``; covered when ``p ≥ threshold``; below
    it, sections are still offered as 相关内容 when ``p ≥ related_floor``."""

    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    threshold: float
    related_floor: float
    fitted_on: str = ""

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(c * (values.get(f, 0.0) - m) / (s or 1.0)
                                 for f, m, s, c in zip(self.features, self.mean, self.scale, self.coef))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@lru_cache(maxsize=1)
def _operation_cues() -> tuple[str, ...]:
    data = yaml.safe_load(SCOPE_FILE.read_text(encoding="utf-8")) or {}
    return tuple(fold(c) for c in data.get("operation", []) if c)


def asks_to_operate(question: str) -> bool:
    """Whether the question asks how to operate an app (a menu, a button, an appeal against a ban):
    the cards teach running a group, not any app's interface (``resources/retrieval/scope.yaml``)."""
    text = fold(question)
    return any(c in text for c in _operation_cues())


@lru_cache(maxsize=2)
def _confidence_model(path: Path, mtime: float) -> ConfidenceModel:
    return ConfidenceModel.model_validate(json.loads(path.read_text(encoding="utf-8")))


def confidence_model(path: Path = CONFIDENCE_FILE) -> ConfidenceModel:
    return _confidence_model(path, path.stat().st_mtime)


@dataclass
class SectionHit:
    """One ranked section: where it is, its fused score, and its chunks (资料 / 经验建议) in card order."""

    source: str
    title: str
    section: str
    score: float
    chunks: list = field(default_factory=list)  # list[copilot.knowledge.index.Hit]
    kind: str = "card"
    position: int = 0  # where the section starts in its card (sections of one card are shown in this order)
    sentence: float = 0.0  # its best sentence cosine with the question
    lexical: float = 0.0  # its BM25 score for the question's own words (0: it shares none of them)

    @property
    def label(self) -> str:
        return f"{self.title} › {self.section}" if self.title else self.section


@dataclass
class SectionRanking:
    """The ranked sections for a question and whether the cards cover it."""

    question: str
    sections: list[SectionHit]
    confidence: float
    threshold: float
    related_floor: float
    expansion: tuple[str, ...] = ()

    @property
    def covered(self) -> bool:
        return bool(self.sections) and self.confidence >= self.threshold

    def related(self, n: int = 3) -> list[SectionHit]:
        """Sections near an uncovered question, offered as 相关内容 (none when nothing is near)."""
        if self.covered or self.confidence < self.related_floor:
            return []
        return self.sections[:n]

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

import hashlib
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

import numpy as np
from pydantic import BaseModel

from copilot.paths import RESOURCES_DIR, load_yaml
from copilot.textnorm import char_ngrams, fold

RRF_K = 10
EXPANSION_WEIGHT = 0.5
# stage-one weights per signal (reciprocal rank fusion)
WEIGHTS = {"dense": 1.0, "lexical": 1.0, "fields": 0.5, "asks_dense": 0.5, "asks_lexical": 2.0}
RERANK_TOP = 12
# a section is offered as 相关内容 under a decline only when its fit (:class:`SectionScorer`, the estimated
# chance that it is a section an operator would accept) is at least this: below it the list was noise
# (an abstract-algebra question got 会员日与接龙抽免单 because both say 群)
RELATED_FIT = 0.5
# an answer leads with the first stage's best section unless a runner-up in the top :data:`SECOND_FROM` fits
# the situation better by at least :data:`LEAD_GAP` (:meth:`SectionRanking.leading`)
LEAD_GAP = 0.3
SECOND_FROM = 3
SENTENCE_WEIGHT = 2.0
CONFIDENCE_FILE = RESOURCES_DIR / "retrieval" / "confidence.json"
EXAMPLES_FILE = RESOURCES_DIR / "retrieval" / "examples.yaml"
SCOPE_FILE = RESOURCES_DIR / "retrieval" / "scope.yaml"
SCORER_FILE = RESOURCES_DIR / "retrieval" / "section_scorer.json"
OFF_SCOPE_FILE = RESOURCES_DIR / "retrieval" / "off_scope.yaml"  # training data of the scope model
SCOPE_MODEL_FILE = RESOURCES_DIR / "retrieval" / "scope_classifier.json"
NEAR_MISS_FILE = RESOURCES_DIR / "retrieval" / "near_misses.json"
PARTS_FILE = RESOURCES_DIR / "retrieval" / "parts.yaml"
STATED_FILE = RESOURCES_DIR / "retrieval" / "stated.yaml"
FEATURES = ("dense", "sentence", "expanded", "cover", "title", "asks", "operation", "scope", "fit")
SCOPE_NGRAMS = (1, 3)
# what the (question, section) scorer sees of one candidate section (:meth:`Signals.pair_matrix`)
PAIR_FEATURES = ("dense", "dense_gap", "sentence", "sentence_gap", "asks", "asks_gap", "lexical", "own_lexical",
                 "fields", "asks_lexical", "fused", "rank", "gram_asks", "gram_head", "gram_head_only",
                 "clause_asks_gap", "clause_asks_lexical")
# the contrastive columns a scorer may also be trained on (``scripts/train_section_scorer.py --stack-on``; a scorer
# file lists the columns it reads, so a scorer without them computes and reads none): among the candidates, the
# weighted share of the question's character bigrams that land on this section, each bigram's weight split between
# the candidates that say it (in their text, heading or the questions they answer) — a bigram only this candidate
# says counts whole, one every candidate says counts little — as a share of the best candidate's
# (:meth:`Signals.pair_matrix`). Bigrams, not jieba words: an operator's 学习型 / 活儿怎么分 rarely tokenises as the
# card's words do (held out per readable file, word-level contrast moved fill hit@3 .872 → .874, bigrams → .888).
# A share, not the raw credit: the raw credit is low for every candidate of a question whose bigrams land nowhere,
# which lowered the best fit the confidence model reads (readable false declines 37 → 40)
CONTRAST_FEATURES = ("contrast",)


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
    scope: float = 0.0  # how much the question reads like a near-miss outside the cards (:class:`ScopeModel`)
    near_miss: float = 0.0  # how much closer it is to near misses than to section questions (:class:`NearMisses`)
    gram_asks: np.ndarray | None = None  # the best character-bigram share with a question the section answers
    gram_head: np.ndarray | None = None  # the share of the section heading's bigrams in the question
    # the same two asks signals for the asking clauses alone ("付费群到底该给什么内容，续费怎么做"): the best cosine
    # with, and BM25 over, the questions a section answers; None when the question is one clause or none asks
    clause_asks: np.ndarray | None = None
    clause_asks_lexical: np.ndarray | None = None
    # the question's character bigrams (not said by most sections): per bigram, which sections say it (1 / 0,
    # bigrams × sections) and its weight (:meth:`~copilot.knowledge.index._Loaded.gram_hits`)
    said_hits: np.ndarray | None = None
    said_weight: np.ndarray | None = None

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

    def contrast(self, candidates: np.ndarray) -> np.ndarray:
        """Per candidate: the weighted share of the question's bigrams it says, each bigram's weight split evenly
        between the candidates that say it (:data:`CONTRAST_FEATURES`); zeros when no bigram is weighed."""
        if self.said_hits is None or self.said_weight is None or not len(self.said_weight) or not len(candidates):
            return np.zeros(len(candidates))
        hits = self.said_hits[:, candidates]
        saying = hits.sum(axis=1, keepdims=True)
        credit = np.divide(hits, saying, out=np.zeros_like(hits), where=saying > 0)
        total = float(self.said_weight.sum())
        return (self.said_weight @ credit) / total if total > 0 else np.zeros(len(candidates))

    def pair_matrix(self, fused: np.ndarray, candidates: np.ndarray,
                    features: tuple[str, ...] | list[str] = PAIR_FEATURES) -> np.ndarray:
        """One row of ``features`` (:data:`PAIR_FEATURES`, optionally with :data:`CONTRAST_FEATURES`) per candidate
        section: its scores, how far each is below the best section's, and its rank. The ``*_gap`` and share features
        compare sections with each other, so the scorer learns which signal tells the situation apart, not one
        keyword."""
        n = len(fused)
        sentence = self.sentence if self.sentence is not None else self.dense
        asks = self.asks_dense if self.asks_dense is not None else sentence
        zeros = np.zeros(n)

        def share(values: np.ndarray | None) -> np.ndarray:
            if values is None:
                return zeros
            top = float(values.max()) if len(values) else 0.0
            return values / top if top > 0 else zeros

        order = np.argsort(-fused, kind="stable")
        rank = np.empty(n)
        rank[order] = np.arange(1, n + 1)
        gram_asks = self.gram_asks if self.gram_asks is not None else zeros
        gram_head = self.gram_head if self.gram_head is not None else zeros
        clause = self.clause_asks if self.clause_asks is not None else asks
        cols = {"dense": self.dense, "dense_gap": self.dense - self.dense.max(), "sentence": sentence,
                "sentence_gap": sentence - sentence.max(), "asks": asks, "asks_gap": asks - asks.max(),
                "lexical": share(self.lexical), "own_lexical": share(self.own_lexical), "fields": share(self.fields),
                "asks_lexical": share(self.asks_lexical), "fused": share(fused), "rank": 1.0 / rank,
                "gram_asks": gram_asks, "gram_head": gram_head,
                # the heading matched while no question the section answers looks like this one
                "gram_head_only": np.maximum(0.0, gram_head - gram_asks),
                # what the asking clauses alone find (the whole question's when it has none), so the fit can follow
                # the ask rather than the loudest word of the situation told around it
                "clause_asks_gap": clause - clause.max(),
                "clause_asks_lexical": share(self.clause_asks_lexical if self.clause_asks is not None
                                             else self.asks_lexical)}
        out = {f: cols[f][candidates] for f in features if f in cols}
        if any(f in CONTRAST_FEATURES for f in features):
            # the contrast compares the candidates with each other, so it is computed over these candidates only
            contrast = self.contrast(candidates)
            top = float(contrast.max()) if len(contrast) else 0.0
            out["contrast"] = contrast / top if top > 0 else contrast
        return np.stack([out[f] for f in features], axis=1)

    def features(self) -> dict[str, float]:
        """The confidence model's inputs (see the module docstring)."""
        sentence = self.sentence if self.sentence is not None else self.dense
        # without the questions' vectors (an index built before they were added) the sentences stand in
        asks = self.asks_dense if self.asks_dense is not None else sentence
        return {"dense": float(self.dense.max()), "sentence": float(sentence.max()),
                "expanded": 1.0 if self.expanded else 0.0, "cover": self.cover, "title": self.title,
                "asks": float(asks.max()), "operation": 1.0 if self.operation else 0.0,
                "scope": self.scope}


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


# the three places a section must fit the question well enough to be added (SectionScorer.gate)
SecondUse = Literal["second", "pointed", "part"]


class SectionScorer(BaseModel):
    """How well one section fits the situation a question describes: a logistic model over
    :data:`PAIR_FEATURES`, trained by ``scripts/train_section_scorer.py`` on the tuning questions
    (positives: their acceptable sections; negatives: the other candidates, i.e. sections of the same
    card and sections sharing the question's words). ``second`` is the fit a second section needs to
    join an answer; below ``hedge`` the best section's fit is loose (held out, about half such answers
    were from an acceptable section) and a close runner-up joins it; below ``warn`` the answer says the
    material may not speak to it (``scripts/calibrate_warn.py``)."""

    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    candidates: int
    second: float
    # the same kind of gate in two other places, each set by its own pass share (scripts/calibrate_second.py; None:
    # ``second``): a section of a card an answer's section points to ("那时要看生命周期卡片", ask.py ``with_pointed``)
    # and the section that answers one part of the question ranked alone (its second part, its last asking clause,
    # each of its asks: ask.py ``second_part``, ``ask_part``, ``ask_map``)
    pointed: float | None = None
    part: float | None = None
    hedge: float = 0.5
    # below ``warn`` (lower than ``hedge``) the answer opens by saying the material has only something near:
    # calibrated so that it rarely fires on an answer from an acceptable section (``hedge`` alone, 0.77,
    # warned on 42 % of the tuning answers that were from an acceptable section)
    warn: float = 0.0
    # below ``warn_off_ask`` (not lower than ``warn``) an answer whose lead is not the ask clause's own best section
    # (copilot/knowledge/ask.py ``lead_basis``: the lead only shares words with the question) says so too; fitted by
    # ``scripts/calibrate_warn.py`` on those answers alone; 0 = ``warn`` for every answer
    warn_off_ask: float = 0.0
    # reorder the candidates by fit (off: on 2026-11-30 it raised tuning hit@3 but lowered the locked
    # split's, so the fit only gates the second section and the hedge and is reported as ``fit``)
    reorder: bool = False
    # keep the first stage's best section first and order the other candidates by fit: the runners-up an
    # answer may add or offer are the ones that fit the situation, not the next keyword matches (held
    # out per tuning file it never lowered hit@3, while reordering the first changed hit@1 either way)
    fill: bool = False
    fitted_on: str = ""

    def gate(self, use: SecondUse) -> float:
        """The fit a section needs for ``use``: ``second`` (a runner-up joining the answer, or an extra the answer
        keeps), ``pointed`` (:attr:`pointed`) or ``part`` (:attr:`part`); an unset one is ``second``."""
        value = self.second if use == "second" else getattr(self, use)
        return self.second if value is None else value

    def passes(self, use: SecondUse, fit: float) -> bool:
        """Whether a section fitting ``fit`` passes the gate of ``use`` (:meth:`gate`)."""
        return fit >= self.gate(use)

    def order(self, order: np.ndarray, fit: np.ndarray) -> np.ndarray:
        """``order`` (the first stage's section order) with its first :attr:`candidates` rearranged by
        ``fit``: all of them (``reorder``), all but the first (``fill``), or none."""
        top = order[:self.candidates]
        if self.reorder:
            top = top[np.argsort(-fit[top], kind="stable")]
        elif self.fill:
            top = np.concatenate([top[:1], top[1:][np.argsort(-fit[top[1:]], kind="stable")]])
        return np.concatenate([top, order[self.candidates:]])

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        z = self.intercept + ((matrix - np.asarray(self.mean)) / np.where(np.asarray(self.scale) > 0,
                                                                         self.scale, 1.0)) @ np.asarray(self.coef)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))


@lru_cache(maxsize=2)
def _section_scorer(path: Path, mtime: float) -> SectionScorer | None:
    data = json.loads(path.read_text(encoding="utf-8"))
    scorer = SectionScorer.model_validate(data)
    # the shipped columns, optionally followed by the contrastive ones (a scorer trained on other features is unusable)
    known = (PAIR_FEATURES, PAIR_FEATURES + CONTRAST_FEATURES)
    return scorer if tuple(scorer.features) in known else None


def section_scorer(path: Path = SCORER_FILE) -> SectionScorer | None:
    """The trained scorer, or None when there is none (or it was trained on other features)."""
    return _section_scorer(path, path.stat().st_mtime) if path.exists() else None


def scope_grams(question: str) -> set[str]:
    """What the scope model sees of a question: its unique character 1–3 grams (folded, no spaces)."""
    return set(char_ngrams(question, *SCOPE_NGRAMS))


class ScopeModel(BaseModel):
    """P(the question is one the cards do not cover although it sounds like running a group: an app's
    menus and limits, a ban, law/tax/refunds, another platform's content, prices and suppliers), from a
    weight per character gram. Trained by ``scripts/train_scope_classifier.py`` on the tuning splits'
    out-of-scope questions against their in-scope ones and ``knowledge/asks.yaml``; ``oof`` holds the
    out-of-fold probability of each training question (by :func:`question_key`), so the confidence model
    is fitted on what the classifier says of questions it did not see."""

    weights: dict[str, float]
    bias: float
    oof: dict[str, float] = {}
    meta: dict[str, object] = {}

    def probability(self, question: str) -> float:
        z = self.bias + sum(self.weights.get(g, 0.0) for g in scope_grams(question))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def question_key(question: str) -> str:
    """A short stable key of a question's folded text (the scope model's out-of-fold table)."""
    return hashlib.md5(fold(question).strip().encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=2)
def _scope_model(path: Path, mtime: float) -> ScopeModel:
    return ScopeModel.model_validate(json.loads(path.read_text(encoding="utf-8")))


def scope_model(path: Path = SCOPE_MODEL_FILE) -> ScopeModel | None:
    """The shipped scope classifier, or None when there is none."""
    return _scope_model(path, path.stat().st_mtime) if path.exists() else None


@lru_cache(maxsize=1)
def _kind_names() -> tuple[str, ...]:
    """``scope.yaml``'s ``kind_names``, folded, longest first."""
    return tuple(sorted(_folded(_scope().get("kind_names") or []), key=len, reverse=True))


class OwnFee(BaseModel):
    """``scope.yaml``'s ``own_fee``: how a question names the group's own fee (群费, 学员续费, 我们…付费; a "…" joins
    pieces said at most ``gap`` characters apart). Such a question asks about the money the group takes, not about
    buying something: its numbers are no price comparison (:func:`scope_form`) and the object classes in ``clears``
    (price: 性价比) do not decline it (:meth:`Scene.object_of`)."""

    words: tuple[str, ...] = ()
    gap: int = 4
    clears: tuple[str, ...] = ()

    def named(self, text: str) -> bool:
        """Whether folded ``text`` names the group's own fee."""
        return any(said_apart(w, text, self.gap) for w in self.words)


@lru_cache(maxsize=1)
def own_fee() -> OwnFee:
    data = _scope().get("own_fee") or {}
    words = tuple(fold_apart(str(w)) for w in data.get("words") or [] if w)
    return OwnFee(words=words, gap=int(data.get("gap", 4)),
                  clears=tuple(data.get("clears") or ()))


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def scope_form(question: str) -> str:
    """What the scope model reads of ``question``: a question that names its group by its kind (跑团, 车队) and never
    says 群 reads as if it did (跑团 → 跑团群): the model learned 群 as the mark of a question about running a group,
    and 想做个跑团的专属口号… was declined where 想做个跑步群的… was answered (qa15r35). A question that names the
    group's own fee (:func:`own_fee`) is read without its numbers: 群费99一年 is no price to compare, though the
    model learned numbers from shopping questions (扫地机器人1999还是2599)."""
    text = fold(question)
    if own_fee().named(text):
        question = text = _DIGITS.sub("", text)
    if "群" in text:
        return question
    kind = next((k for k in _kind_names() if k in text), "")
    return text.replace(kind, kind + "群", 1) if kind else question


def off_scope(question: str) -> float:
    """The scope classifier's probability for ``question`` as it reads it (:func:`scope_form`; 0 without a model)."""
    model = scope_model()
    return model.probability(scope_form(question)) if model is not None else 0.0


@lru_cache(maxsize=1)
def _channel_to_asker() -> re.Pattern[str] | None:
    """``scope.yaml``'s ``near_miss_form``: a channel word (私信) right before words that say it reached the asker (问我)."""
    data = _scope().get("near_miss_form") or {}
    channel = sorted(_folded(data.get("channel") or []), key=len, reverse=True)
    to_asker = sorted(_folded(data.get("to_asker") or []), key=len, reverse=True)
    if not channel or not to_asker:
        return None
    return re.compile("(?:" + "|".join(map(re.escape, channel)) + ")(?=" + "|".join(map(re.escape, to_asker)) + ")")


def near_miss_form(question: str) -> str:
    """What the near-miss score reads of ``question``: the folded text without a channel word that only tells how the
    matter reached the asker (有人私信问我群文件在哪 → 有人问我群文件在哪): 私信 drew it to the near misses about
    apps (批量发私信的群发工具) though the question asks about the group's files. ``question`` itself when it has none."""
    pattern = _channel_to_asker()
    text = fold(question)
    return pattern.sub("", text) if pattern is not None and pattern.search(text) else question


class NearMisses(BaseModel):
    """A decline signal that does not rest on how similar the best section is: questions that sound like
    running a group but ask what the cards do not teach (``texts``: the near misses of
    ``resources/retrieval/off_scope.yaml`` and of the tuning splits, written out by
    ``scripts/build_near_misses.py``) are embedded like the questions each section answers. A question
    whose ``k`` nearest near misses are closer on average than its ``k`` nearest section questions by
    more than ``margin`` is declined unless the confidence is at least ``below`` (a strong section match
    still answers it). The file also says which files the texts came from (``built_from``)."""

    texts: list[str]
    k: int = 3
    margin: float = 0.01
    below: float = 0.85

    def score(self, question: np.ndarray | None, near: np.ndarray | None, asks: np.ndarray | None) -> float:
        """Mean cosine of the ``k`` nearest near misses minus that of the ``k`` nearest section questions."""
        if question is None or near is None or asks is None or not len(near) or not len(asks):
            return 0.0
        k = max(1, self.k)
        return float(np.sort(near @ question)[-k:].mean() - np.sort(asks @ question)[-k:].mean())

    def declines(self, score: float, confidence: float) -> bool:
        return score > self.margin and confidence < self.below


@lru_cache(maxsize=2)
def _near_misses(path: Path, mtime: float) -> NearMisses:
    return NearMisses.model_validate(json.loads(path.read_text(encoding="utf-8")))


def near_misses(path: Path = NEAR_MISS_FILE) -> NearMisses | None:
    """The shipped near-miss prototypes, or None when there are none."""
    return _near_misses(path, path.stat().st_mtime) if path.exists() else None


class AskLead(BaseModel):
    """``parts.yaml``'s ``ask_lead``: the fit the last asking clause's own section needs for the clause ranked
    alone, and how far down the whole question's ranking it may be; fit 0 = off."""

    fit: float = 0.0
    among: int = 5
    # a last asking clause with no content word of its own ("怎么做比较好", "该怎么办") is searched with the clause told
    # just before it ("想整理起来留给之后进群的人看"): that clause says what the ask is about
    generic_takes_previous: bool = False
    # the share of sections a word of two characters or more may be in and still name what the clause asks about
    generic_common: float = 0.5
    # verbs that ask how to act without naming what about (查, 找, 看, 弄): an asking clause whose only content words
    # are these ("从哪里查起") does not give the lead to the section it finds alone (行业信息从哪里找 for 查/找)
    generic_verbs: list[str] = []
    # how an asker names their own role ("我作为群主", "身为管理员"): each of ``self_role_leads`` followed by each of
    # ``self_roles``. Said in the ask clause it tells who asks, not what: "我作为群主咋整" is ranked as "咋整" (with
    # the clause before it), so the host's persona does not lead the answer to a quarrel between members
    self_role_leads: list[str] = []
    self_roles: list[str] = []
    # what the asker's group or business is ("我们群是县城卖大米的", "我是做少儿英语培训的"): a clause that starts with one of
    # ``trade_leads``, says one of ``trade_verbs`` after it, ends with one of ``trade_ends`` and is at most ``trade_most``
    # characters long tells the group's background, not what happens in it (:func:`without_self_intro`)
    trade_leads: list[str] = []
    trade_verbs: list[str] = []
    trade_ends: list[str] = []
    trade_most: int = 0
    # who the group is for and what it costs (round 73, d15b73): a clause that starts with one of ``setting_leads`` and
    # ends with one of ``setting_ends`` (a group named for who is in it) in at most ``setting_most`` characters
    # ("开了个付费家长群", "拉了个客户群"), or one that is only one of ``count_leads`` and a number with at most one of
    # ``count_units`` and one of ``count_tails`` ("一年收199", "入群费50", "一年收30块的会费") sets the scene and does not
    # rank the answer (:meth:`tells_setting`)
    setting_leads: list[str] = []
    setting_ends: list[str] = []
    setting_most: int = 0
    count_leads: list[str] = []
    count_units: list[str] = []
    count_tails: list[str] = []

    def tells_setting(self, clause: str) -> bool:
        """Whether ``clause`` only says who the asker's group is for or what it costs (the ``setting_*`` and
        ``count_*`` lists; never when they are empty)."""
        if (self.setting_most and len(clause) <= self.setting_most and clause.startswith(tuple(self.setting_leads))
                and clause.endswith(tuple(self.setting_ends))):
            return True
        lead = next((w for w in self.count_leads if clause.startswith(w)), "")
        if not lead:
            return False
        rest = clause[len(lead):]
        tail = next((t for t in self.count_tails if t and rest.endswith(t)), "")
        rest = rest[:len(rest) - len(tail)]
        unit = next((u for u in sorted(self.count_units, key=len, reverse=True) if rest.endswith(u)), "")
        return bool(_COUNT.fullmatch(rest[:len(rest) - len(unit)]))

    def tells_trade(self, clause: str) -> bool:
        """Whether ``clause`` only says what the asker's group or business is (the ``trade_*`` lists; never when
        ``trade_most`` is 0)."""
        if len(clause) > self.trade_most:
            return False
        lead = next((w for w in self.trade_leads if clause.startswith(w)), "")
        return (bool(lead) and clause.endswith(tuple(self.trade_ends))
                and any(v in clause[len(lead):] for v in self.trade_verbs))

    @cached_property
    def self_intro(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The folded leads and roles (:func:`without_self_intro`: a clause that starts with a lead and ends with a role)."""
        return tuple(fold(w) for w in self.self_role_leads), tuple(fold(w) for w in self.self_roles)

    @cached_property
    def _self_roles(self) -> tuple[str, ...]:
        said = {fold(lead + role) for lead in self.self_role_leads for role in self.self_roles}
        return tuple(sorted(said, key=len, reverse=True))

    def without_self_role(self, clause: str) -> str:
        """The folded ``clause`` with the asker's naming of their own role cut out (longest form first)."""
        for said in self._self_roles:
            clause = clause.replace(said, "")
        return clause
    # words of a yes/no clause (是不是, 会不会): a question whose earlier asks are all such clauses before a last "how"
    # ("是不是所有群都这样？怎么能让群活得久一点") is answered from the how clause's section first, not in turn
    yes_no: list[str] = []


class ClauseLead(BaseModel):
    """``parts.yaml``'s ``clause_lead``: how much the fit to the last asking clause ranked alone weighs, beside the
    fit to the whole question, in choosing which of the whole question's first sections leads an answer, and how
    far that blend must beat the lead's own; weight 0 = off (copilot/knowledge/ask.py ``clause_lead``)."""

    weight: float = 0.0
    gap: float = 0.1


class SituationLead(BaseModel):
    """``parts.yaml``'s ``situation_lead``: of the ranking's first ``among`` sections, the one whose sentences and
    stated situations (its ``sentence`` signal: the best of its sentences and of the questions and symptoms it
    answers, asks.yaml / situations.yaml) are nearest the question leads when it beats the lead's by ``margin``;
    among 0 = off (:func:`situation_first`)."""

    among: int = 0
    margin: float = 0.02


class AskNote(BaseModel):
    """``parts.yaml``'s ``ask_note``: the fit the last yes/no clause's own section needs (ranked alone) before an
    answer that leaves it out names it (copilot/knowledge/ask.py ``ask_elsewhere``)."""

    fit: float = 1.0


class AskMapCues(BaseModel):
    """``parts.yaml``'s ``ask_map``: how a question that asks several things is cut into its asks
    (:func:`copilot.knowledge.ask.question_asks`) and how many it answers one by one; ``most`` 0 = off."""

    # words that start a further ask only at the start of a clause (还有…, 顺便…), kept in the ask's text
    joiners: list[str] = []
    # forms that start a further ask at the start of a clause when a clause before it in the same piece already
    # asks ("管理员之间怎么分工 要不要给他们点好处")
    starts: list[str] = []
    most: int = 0


class NameCues(BaseModel):
    """``parts.yaml``'s ``names``: a span in one of the ``quotes`` pairs whose opening mark follows one of ``before``
    by at most ``near`` characters names the group or a product ("我们群叫『上岸打卡营』"): its words say what the
    group is called, not what is asked, and are left out of the match (:func:`without_names`); no pairs = off."""

    quotes: list[str] = []
    before: list[str] = []
    near: int = 4
    most: int = 20


class ConstraintSpan(BaseModel):
    """``parts.yaml``'s ``constraints``: a span from ``start`` to the nearest of ``ends`` (at most ``most``
    characters between them) states a condition the answer must keep ("在不天天刷屏广告的情况下"), not what is asked."""

    start: str
    ends: list[str]
    most: int = 14


class OutsidePart(BaseModel):
    """``parts.yaml``'s ``outside_part``: a two-part question declined as a whole is answered for its one part covered
    on its own when that part's lead fits it at least ``fit`` and the part is in one of ``scenes``; fit 0 = off
    (copilot/knowledge/ask.py ``covered_part``)."""

    fit: float = 0.0
    scenes: list[str] = ["group"]
    # a two-part question covered as a whole: its other part, declined on its own below this confidence and naming at
    # least ``min_words`` content words of its own, is outside the material (0 = off; ask.py ``covered_part``)
    confidence: float = 0.0
    min_words: int = 4


class QuestionParts(BaseModel):
    """How a question is cut into what it asks (``resources/retrieval/parts.yaml``): ``joiners``/``marks``
    cut a question that asks two things in two (:func:`copilot.knowledge.ask.question_parts`); ``clauses``
    split it into comma clauses and ``asks`` are the forms that make a clause the one asking
    (:func:`asking_clause`)."""

    joiners: list[str]
    marks: list[str]
    min_chars: int
    clauses: list[str] = []
    asks: list[str] = []
    not_asks: list[str] = []  # forms holding an ask word that ask nothing (不怎么管, 没什么人)
    # words after which a clause tells what happened, an ask word in it included ("因为版型是不是抄袭吵起来了")
    told_after: list[str] = []
    # a clause the asker closed with a question mark (one of ``marks``) asks, ask word or not: "删他还是解释？"
    marked_asks: bool = False
    asks_weight: float = 0.0
    # the asking clauses' words are counted once more, times this, in the BM25 signals (0 = off)
    ask_words_weight: float = 0.0
    # of those words only the content ones count: not the generic asking words listed here (作为, 现在, 该, 处理, 说点),
    # nor a word found in more than this share of the sections (群, 内容, 公开: the cards use it everywhere)
    ask_words_generic: list[str] = []
    ask_words_common: float = 1.0
    # the same share for the questions a section answers (asks.yaml), where a common topic word (内容) still points
    ask_words_common_asks: float = 1.0
    # drop an extra section that fits the whole question below the scorer's ``second`` and that no ask names,
    # and keep at most two sections besides the asks' own (copilot/knowledge/ask.py's ``without_padding``)
    drop_padding: bool = False
    padding_cap: bool = False  # with ``drop_padding``: the extras no ask names fill up to two sections at most
    padding_scene: bool = False  # with ``drop_padding``: an extra no ask names must be in the question's setting
    # a run of one to four characters said three times or more is read once (textnorm.unpad) before ranking
    unpad: bool = False
    # the section answering the last asking clause leads (copilot/knowledge/ask.py ask_part)
    ask_lead: AskLead = AskLead()
    # the first section is chosen by its fit to the whole question and to its last asking clause (ask.py clause_lead)
    clause_lead: ClauseLead = ClauseLead()
    # the first section is the one whose stated situations are clearly nearest the question (:func:`situation_first`)
    situation_lead: SituationLead = SituationLead()
    # a question that asks several things is answered ask by ask (copilot/knowledge/ask.py ask_map)
    ask_map: AskMapCues = AskMapCues()
    # the section of a yes/no ask the answer leaves out is named in a note (copilot/knowledge/ask.py ask_elsewhere)
    ask_note: AskNote = AskNote()
    # a declined two-part question answered for its one covered part (copilot/knowledge/ask.py covered_part)
    outside_part: OutsidePart = OutsidePart()
    # condition spans left out of what the question is matched on (:func:`without_constraints`)
    constraints: list[ConstraintSpan] = []
    # quoted names left out of what the question is matched on (:func:`without_names`)
    names: NameCues = NameCues()
    # phrases after which the asker says what they ask ("我想问的是：…"): the text after the last one is the ask
    # (:func:`marked_ask`), ranked on its own in place of the last asking clause
    ask_markers: list[str] = []

    def asks_in(self, clause: str) -> bool:
        """Whether ``clause`` (folded) asks something: an ``asks`` form left once the ``not_asks`` ones are removed."""
        for form in self.not_asks:
            clause = clause.replace(form, "|")
        for word in self.told_after:
            at = clause.find(word)
            if at >= 0:
                clause = clause[:at]
        return any(a in clause for a in self.asks)


class StatedSituation(BaseModel):
    """One situation a question may state (``stated.yaml``): the phrases that state it, the sections that answer
    someone in it and the sections whose premise it contradicts (a false rumour vs. the steps that admit a fault)."""

    name: str
    says: list[str]
    toward: list[tuple[str, str]] = []
    away: list[tuple[str, str]] = []
    # the first ``toward`` section leads even when the ranking has none of them among its first ``among`` (an injury
    # at an activity is answered by the crisis response steps whatever else its words point at)
    pull: bool = False
    # the leading section gives its 经验建议 (what to do) before its 资料 (a case of a rescue that failed, the causes)
    advice_first: bool = False
    # the situation is told only when the question also says one of these (empty: ``says`` alone tells it): a minor
    # and a private approach, a person's address and its being posted
    also: list[str] = []
    # ... and says none of these (企业微信的防骚扰设置 is an app's menu, not a member being harassed); a phrase with
    # "…" in it is said when its pieces come in order with at most ``gap`` characters between each two
    # (觉得我们…骚扰 in "怕群友觉得我们天天在骚扰他们": the operator fears looking like a harasser)
    unless: list[str] = []
    gap: int = 4
    # a question stating it is covered whatever the confidence, near-miss and scope models say (someone in the group
    # is at risk: the operator gets the response steps, not "the material does not cover this")
    covers: bool = False
    # a line the answer opens with (our own guardrail, e.g. call the police first when a life is at risk); "" = none
    note: str = ""

    # ``says``, ``also`` and ``unless`` folded once: every question is checked against every situation
    @cached_property
    def _says(self) -> tuple[str, ...]:
        return tuple(map(fold, self.says))

    @cached_property
    def _also(self) -> tuple[str, ...]:
        return tuple(map(fold, self.also))

    @cached_property
    def _unless(self) -> tuple[str, ...]:
        return tuple(map(fold_apart, self.unless))

    def said(self, text: str) -> bool:
        """Whether the folded ``text`` states this situation."""
        return (any(p in text for p in self._says) and (not self._also or any(p in text for p in self._also))
                and not any(said_apart(p, text, self.gap) for p in self._unless))


def fold_apart(phrase: str) -> str:
    """``phrase`` folded for :func:`said_apart`: each piece on its own (NFKC would turn the "…" between them into "...")."""
    return "…".join(fold(p) for p in phrase.split("…"))


def said_apart(phrase: str, text: str, gap: int) -> bool:
    """Whether ``text`` says ``phrase``: as it is, or, when it has "…" in it, its pieces in order with at most
    ``gap`` characters between each two ("觉得我们…骚扰" in "觉得我们天天在骚扰")."""
    pieces = [p for p in phrase.split("…") if p]
    if len(pieces) < 2:
        return phrase in text

    def rest(at: int, i: int) -> bool:
        if i == len(pieces):
            return True
        found = text.find(pieces[i], at)
        while found >= 0 and found - at <= gap:
            if rest(found + len(pieces[i]), i + 1):
                return True
            found = text.find(pieces[i], found + 1)
        return False

    start = text.find(pieces[0])
    while start >= 0:
        if rest(start + len(pieces[0]), 1):
            return True
        start = text.find(pieces[0], start + 1)
    return False


class StatedSituations(BaseModel):
    """``resources/retrieval/stated.yaml``: what a situation told in the question does to the section order
    (:func:`stated_order`); ``among`` 0 = off."""

    among: int = 0
    situations: list[StatedSituation] = []
    # a clause from one of these on is a fear, not a fact ("又担心大家为抽成吵起来"): what it says is not stated
    # (except for a situation that ``covers``: a person at risk is answered even when only feared)
    hypothetical: list[str] = []
    # ... and a clause that opens with one of these ("怕管得太松群会乱")
    hypothetical_opening: list[str] = []

    @cached_property
    def _fear_cut(self) -> re.Pattern[str] | None:
        inner = [re.escape(fold(w)) for w in self.hypothetical]
        opening = [r"(?:^|(?<=[，,。？?！!；;：:\s]))" + re.escape(fold(w)) for w in self.hypothetical_opening]
        words = inner + opening
        return re.compile(r"(?:" + "|".join(words) + r")[^，,。？?！!；;：:\s]*") if words else None

    def facts(self, text: str) -> str:
        """The folded ``text`` without its feared clauses: each clause from its fear word (``hypothetical``) or its
        opening 怕 (``hypothetical_opening``) to the clause's end is cut."""
        return self._fear_cut.sub("", text) if self._fear_cut is not None else text

    def told(self, question: str) -> list[StatedSituation]:
        """The situations ``question`` states, in the file's order (a situation said only in a feared clause is not
        told, unless it ``covers``)."""
        text = fold(question)
        facts = self.facts(text)
        return [s for s in self.situations if s.said(text if s.covers else facts)]

    def leads(self, question: str, section: tuple[str, str]) -> bool:
        """Whether ``section`` answers the situation ``question`` states that decides the lead (the first told one
        with ``toward`` sections, as :func:`stated_order` takes it)."""
        first = self.deciding(question)
        return first is not None and tuple(section) in {tuple(t) for t in first.toward}

    def deciding(self, question: str) -> StatedSituation | None:
        """The told situation that decides the lead: the first with ``toward`` sections (None when off or none)."""
        if self.among <= 0:
            return None
        return next((s for s in self.told(question) if s.toward), None)


@lru_cache(maxsize=1)
def stated_situations() -> StatedSituations:
    """The file's situations, each ``note`` opened by the file's ``note_opens`` (the line is our own guardrail), or by
    the situation's own ``opens`` (a death in the group is no safety matter: "先说安全" read wrong there)."""
    data = load_yaml(STATED_FILE.read_text(encoding="utf-8"))
    opens = str(data.pop("note_opens", ""))
    for situation in data.get("situations", []):
        own = str(situation.pop("opens", opens))
        if situation.get("note"):
            situation["note"] = own + situation["note"]
    return StatedSituations.model_validate(data)


def stated_order(question: str, order: np.ndarray, sections: list[tuple[str, str]]) -> np.ndarray:
    """``order`` (indices into ``sections``, best first) with the situation the question states weighed in: the
    sections it contradicts go last, and of the sections that answer someone in it, the best placed among the
    first ``among`` leads ("一次聚会报名的人少" → the section on fixing an event, not one recommending events)."""
    cues = stated_situations()
    told = cues.told(question) if cues.among > 0 else []
    if not told:
        return order
    away = {key for s in told for key in s.away}
    kept = [int(i) for i in order if tuple(sections[int(i)]) not in away]
    moved = [int(i) for i in order if tuple(sections[int(i)]) in away]
    first = next((s for s in told if s.toward), None)
    if first is None:
        return np.array(kept + moved, dtype=order.dtype)
    toward = set(first.toward)
    lead = next((pos for pos, i in enumerate(kept[:cues.among]) if tuple(sections[i]) in toward), None)
    if lead is None and first.pull:
        lead = next((pos for pos, i in enumerate(kept) if tuple(sections[i]) == tuple(first.toward[0])), None)
    if lead:
        kept.insert(0, kept.pop(lead))
    return np.array(kept + moved, dtype=order.dtype)


def situation_first(order: np.ndarray, sentence: np.ndarray, cue: SituationLead) -> np.ndarray:
    """``order`` with the section of its first ``cue.among`` whose ``sentence`` signal (the question against the
    section's sentences, the questions it answers and the situations it is for) beats the first one's by
    ``cue.margin`` moved to the front: a lead picked by a word the question shares with it ("群名叫快乐一家人" →
    a section about names) gives way to the section written for the situation the question tells. Unchanged
    when off (``among`` < 2) or no section is that much nearer."""
    if cue.among < 2 or len(order) < 2:
        return order
    top = order[:cue.among]
    best = int(top[int(np.argmax(sentence[top]))])
    if best == int(order[0]) or sentence[best] <= sentence[int(order[0])] + cue.margin:
        return order
    return np.concatenate(([best], order[order != best]))


@lru_cache(maxsize=1)
def parts_cues() -> QuestionParts:
    return QuestionParts.model_validate(load_yaml(PARTS_FILE.read_text(encoding="utf-8")))


# a number as a price or a head count is said: 199, 1,200, 3.5, 三百, 两千 (the count cues of ``parts.yaml``'s ``ask_lead``)
_COUNT = re.compile(r"[0-9０-９][0-9０-９,.]*|[一二两三四五六七八九十百千万几]+")

# a clause and the mark that ends it (none at the end of the question)
_CLAUSE = re.compile(r"([^，,。；;！!]+)[，,。；;！!]?")


def _what_is_left(text: str, question: str) -> str:
    """``text`` (``question`` with spans cut out) with its white space squeezed, or ``question`` itself when nothing
    was cut or too little is left to match on (``parts.yaml``'s ``min_chars``)."""
    text = " ".join(text.split())
    return text if len(text) >= parts_cues().min_chars and text != " ".join(question.split()) else question


def without_constraints(question: str) -> str:
    """``question`` without the spans that state a condition to keep (``parts.yaml``'s ``constraints``:
    "怎么在不天天刷屏广告的情况下提高复购" is matched as "怎么在提高复购"), so that a word the question rules out
    does not pick the section that leads the answer; the question itself when none is found or too little is left."""
    text = question
    for span in parts_cues().constraints:
        for end in span.ends:
            at = text.find(end)
            while at > 0:
                begin = text.rfind(span.start, max(0, at - span.most - len(span.start)), at)
                if begin < 0:
                    at = text.find(end, at + len(end))
                    continue
                text = text[:begin] + " " + text[at + len(end):]
                at = text.find(end, begin + 1)
    return _what_is_left(text, question)


def without_self_intro(question: str) -> str:
    """``question`` without the clauses in which the asker only says who they are: a clause that starts with one of
    ``ask_lead.self_role_leads`` and ends with one of its ``self_roles`` ("我是宝妈群的群主，…", "身为社群运营，…",
    "我是管理员，…"), or one that only says what their group or business is (:meth:`AskLead.tells_trade`: "我们群是县城卖
    大米的，…"). It tells who asks, not what happens, so the host's persona or developing admins does not lead the
    answer to the story told after it, nor does a word of the trade (大米, 茶叶); the question itself when nothing is
    cut or too little is left."""
    cues = parts_cues().ask_lead
    leads, roles = cues.self_intro
    return _without_clauses(question, lambda said: bool(leads and roles and said.startswith(leads) and said.endswith(roles))
                            or cues.tells_trade(said) or cues.tells_setting(said))


def without_trade(question: str) -> str:
    """``question`` without the clauses that only say what the asker's group or business is (:meth:`AskLead.tells_trade`:
    "我们群是县城卖大米的，…"): what :func:`stated_order` reads, so that the trade's verb (卖) is not taken for a member
    selling, which keeps a stated situation (新人不说话) from applying; the question itself when nothing is cut or too
    little is left."""
    return _without_clauses(question, parts_cues().ask_lead.tells_trade)


def _without_clauses(question: str, drop: Callable[[str], bool]) -> str:
    """``question`` without its clauses (``_CLAUSE``) whose stripped text ``drop`` says to cut, then
    :func:`_what_is_left`."""
    text = question
    for clause in reversed(list(_CLAUSE.finditer(question))):  # from the end, so earlier spans keep their place
        if drop(clause.group(1).strip()):
            text = text[:clause.start()] + text[clause.end():]
    return _what_is_left(text, question)


def without_names(question: str) -> str:
    """``question`` without the quoted names it gives (``parts.yaml``'s ``names``: "群名叫『上岸2027·每日打卡』" is
    matched as "群名叫"), so that a word of a group's or a product's name (打卡, 读书会) does not pick the section
    that leads the answer; the question itself when none is found or too little is left."""
    cues = parts_cues().names
    text = question
    for pair in cues.quotes:
        if len(pair) != 2:
            continue
        opening, closing = pair
        at = text.find(opening)
        while at >= 0:
            end = text.find(closing, at + 1)
            if end < 0 or end - at - 1 > cues.most:
                break
            if end > at + 1 and any(cue in text[max(0, at - cues.near - len(cue)):at] for cue in cues.before):
                text = text[:at] + " " + text[end + 1:]
                at = text.find(opening, at + 1)
            else:
                at = text.find(opening, end + 1)
    return _what_is_left(text, question)


class ToolMeans(BaseModel):
    """``scope.yaml``'s ``tool_means``: an app named only as how members sign up ("用小程序报名", "在小程序里报名交费",
    "用报名小程序收名单"): a ``tools`` word with one of ``acts`` at most ``near`` characters before or after it, in a
    question that says none of ``unless`` (设置, 导出, 开发, 哪个: asking about the app itself). The organiser asks
    about the sign-up, not the app: :func:`without_tool_means` leaves the tool word out of what is matched, so the
    operation cue and the scope model do not read an event's sign-up as a software question; no tools = off."""

    tools: tuple[str, ...] = ()
    acts: tuple[str, ...] = ()
    near: int = 4
    unless: tuple[str, ...] = ()

    def named_as_means(self, text: str, at: int, tool: str) -> bool:
        """Whether the ``tool`` found at ``at`` in folded ``text`` has an ``acts`` word within ``near`` characters."""
        before, after = text[:at], text[at + len(tool):]
        return any(a in before[-(self.near + len(a)):] or a in after[:self.near + len(a)] for a in self.acts)


@lru_cache(maxsize=1)
def tool_means_cues() -> ToolMeans:
    data = _scope().get("tool_means") or {}
    return ToolMeans(tools=tuple(sorted(_folded(data.get("tools", [])), key=len, reverse=True)),
                     acts=_folded(data.get("acts", [])), near=int(data.get("near", 4)), unless=_folded(data.get("unless", [])))


def without_tool_means(question: str) -> str:
    """``question`` (folded) without the app words it names only as the means of a sign-up (:class:`ToolMeans`:
    "读书会用小程序接龙报名，报了四十多个人，场地只坐得下三十个" is matched without 小程序); the question itself when
    off, when no tool is named that way, or when it asks about the app (one of ``unless``)."""
    cues = tool_means_cues()
    if not cues.tools or not cues.acts:
        return question
    text = fold(question)
    if any(w in text for w in cues.unless):
        return question
    # cut in the question as asked (its punctuation kept) where folding keeps every character's place
    out, cut = (question if len(text) == len(question) else text), False
    for tool in cues.tools:
        at = text.find(tool)
        while at >= 0:
            if cues.named_as_means(text, at, tool):
                text, out, cut = text[:at] + text[at + len(tool):], out[:at] + out[at + len(tool):], True
                at = text.find(tool, at)
            else:
                at = text.find(tool, at + 1)
    return _what_is_left(out, question) if cut else question


def marked_ask(question: str) -> str:
    """What the question says it asks after one of ``parts.yaml``'s ``ask_markers`` ("…我是唯一的管理员。想问一下：
    那些三个月没打卡的人要不要清"), folded, from the last marker on, without the marker and the punctuation after
    it; "" without a marker or when too little follows it."""
    markers = [fold(m) for m in parts_cues().ask_markers if m]
    text = fold(question)
    found = max(((text.rfind(m), m) for m in markers if m in text), default=None)
    if found is None:
        return ""
    rest = text[found[0] + len(found[1]):].lstrip("：:，,、 ").strip()
    return rest if len(rest) >= parts_cues().min_chars else ""


def question_clauses(question: str) -> list[tuple[str, bool]]:
    """A question cut at ``parts.yaml``'s ``clauses`` marks: each clause folded and stripped, in order, with whether
    the asker closed it with a question mark (``marks``); ``[]`` without clause marks."""
    cues = parts_cues()
    if not cues.clauses:
        return []
    marks = {fold(m) for m in cues.marks}
    pattern = "(" + "|".join(re.escape(m) for m in sorted(cues.clauses, key=len, reverse=True)) + ")"
    pieces = re.split(pattern, fold(question).strip()) + [""]
    return [(pieces[i].strip(), pieces[i + 1] in marks) for i in range(0, len(pieces) - 1, 2) if pieces[i].strip()]


def asking_clauses(question: str) -> list[str]:
    """The clauses of a situational question that ask (comma clauses holding 要不要, 怎么, 吗… of ``parts.yaml``'s
    ``asks``, not only as 不怎么/没什么 of its ``not_asks``), folded and in the question's order; ``[]`` when the
    question is one clause or none asks."""
    cues = parts_cues()
    if not cues.asks or not cues.clauses:
        return []
    clauses = [(c, closed and cues.marked_asks) for c, closed in question_clauses(question)]
    if len(clauses) < 2:
        return []
    return [c for c, marked in clauses if marked or cues.asks_in(c)]


def asking_clause(question: str) -> str:
    """The clause of a situational question that carries what is asked (the first of :func:`asking_clauses`),
    or ``""`` when the question is one clause or none asks: in
    "群里冷清了半年，群主都不说话了，还能救回来吗" the situation is told first and the ask comes last."""
    return next(iter(asking_clauses(question)), "")


@lru_cache(maxsize=1)
def _scope() -> dict:
    """``scope.yaml``, read once for the operation, wrapper and scene cues."""
    return load_yaml(SCOPE_FILE.read_text(encoding="utf-8")) or {}


def _folded(words: list) -> tuple[str, ...]:
    """Cue words of ``scope.yaml`` folded, empty ones left out."""
    return tuple(fold(w) for w in words if w)


@lru_cache(maxsize=1)
def _operation_cues() -> tuple[str, ...]:
    return _folded(_scope().get("operation", []))


def asks_to_operate(question: str) -> bool:
    """Whether the question asks how to operate an app (a menu, a button, an appeal against a ban):
    the cards teach running a group, not any app's interface (``resources/retrieval/scope.yaml``)."""
    text = fold(question)
    return any(c in text for c in _operation_cues())


class Wrapper(BaseModel):
    """``scope.yaml``'s ``wrapper``: the operator's words around what a question asks about ("作为群主", "我该怎么
    给大家解释", "有新人问"). A topic fact dressed in them ("围棋打劫怎么算，我该怎么回答新人") reads like running a
    group because of 群主 and 新人; its coverage is judged on what is left once they are taken out
    (:func:`asked_object`). ``role`` phrases name the asker's role; a clause holding a ``tell`` phrase asks how to pass
    an answer on (it is taken out whole); an ``asker`` word followed by one of ``adverbs`` and ``asked`` reports a
    member's question, and what follows it is the object."""

    role: tuple[str, ...] = ()
    tell: tuple[str, ...] = ()
    askers: tuple[str, ...] = ()
    adverbs: tuple[str, ...] = ()
    asked: tuple[str, ...] = ()
    # a character right after an ``asked`` word that makes it another word (问题)
    not_after: tuple[str, ...] = ()
    # a clause holding a ``carry`` phrase puts what is asked into one of the group's own texts (群介绍里想写…,
    # 入群门槛想考一道题): it is taken out whole like a ``tell`` clause, and what is left is judged on its own
    carry: tuple[str, ...] = ()

    def reported_end(self, text: str) -> int:
        """Where the member's reported question starts in folded ``text`` (after the last 有人问 / 家长老问), or -1."""
        end = -1
        for who in self.askers:
            at = text.find(who)
            while at >= 0:
                rest = at + len(who)
                for adverb in ("", *self.adverbs):
                    for verb in self.asked:
                        form = adverb + verb
                        if text.startswith(form, rest) and text[rest + len(form):rest + len(form) + 1] not in self.not_after:
                            end = max(end, rest + len(form))
                at = text.find(who, at + 1)
        return end


@lru_cache(maxsize=1)
def wrapper_cues() -> Wrapper:
    data = _scope().get("wrapper") or {}

    def words(key: str) -> tuple[str, ...]:
        return _folded(data.get(key, []))
    return Wrapper(role=words("role"), tell=words("tell"), askers=words("askers"), adverbs=words("adverbs"),
                   asked=words("asked"), not_after=words("not_after"), carry=words("carry"))


class AskedObject(NamedTuple):
    """What a wrapped question asks about (:func:`asked_object`): the text, and whether it is a member's question
    the asker reports (有新人问…), which makes how to take such questions in the group an operations question."""

    text: str
    reported: bool
    # only a ``carry`` clause was taken out (no ``tell`` or ``role``): what is left is judged apart only when it is
    # far from all the material (its confidence below the threshold) — "怎么写大家才会看" left by 群公告里想写… is vague,
    # not uncovered, and the whole question answers it
    carried: bool = False


def asked_object(question: str) -> AskedObject | None:
    """What ``question`` asks about once the operator's wrapper (:class:`Wrapper`) is taken out: its ``tell``
    clauses dropped, its ``role`` phrases cut, and, when a clause reports a member's question, only what that member
    asked; None when the question has no wrapper, too little is left (``parts.yaml``'s ``min_chars``) or what is left
    asks nothing (``parts.yaml``'s ``asks``: a situation told, whose telling is the operations question). A clause
    holding a ``carry`` phrase (群介绍里想写…) is taken out too: what the asker wants to put in the group's text is asked.
    "物业费按建筑面积还是套内面积收，作为群主我应该怎么给大家解释" asks about "物业费按建筑面积还是套内面积收"."""
    cues = wrapper_cues()
    text = fold(question)
    clauses = [c for c, _ in question_clauses(text)] or [text.strip()]
    kept = [c for c in clauses if not any(t in c for t in cues.tell)]
    wrapped = len(kept) < len(clauses)
    carried = [c for c in kept if any(t in c for t in cues.carry)]
    kept = [c for c in kept if c not in carried]
    out = "，".join(kept)
    for role in cues.role:
        if role in out:
            out, wrapped = out.replace(role, ""), True
    if not (wrapped or carried):
        return None
    start = cues.reported_end(out)
    if start >= 0:
        out = out[start:]
    out = out.strip("：:，,、。 ")
    # what is left must itself ask something (围棋打劫怎么算): when it only tells what happened (群友借钱跑路了，群里
    # 炸锅了), how to tell the group is the operations question, and the question is judged whole
    if len(out) < parts_cues().min_chars or not parts_cues().asks_in(out):
        return None
    return AskedObject(out, start >= 0, bool(carried) and not wrapped)


class Scene(BaseModel):
    """Whether a question is about a group at all (``scope.yaml``'s ``scene``): its group words and its
    words for life and work outside a group (a neighbour, a boss, a sales team's KPI). ``floor`` is the fit
    the leading section needs when the question is not about a group: below it the best section only
    shares a word or two with the question (沟通, 激励, 成员) and the question is declined."""

    group: tuple[str, ...]
    life: tuple[str, ...]
    floor: dict[str, float]
    # the asker's own private life (courting someone met in the group): ``private`` whatever group words it names
    private: tuple[str, ...] = ()
    # what makes a private word the name of the group's kind (相亲|群, 脱单|交友群): the group is run for it
    kind_after: tuple[str, ...] = ()
    # the asker's own group named by its kind (团购群, 客户群) or an act of running it (发商品, 退群, 接龙): its life
    # words (邻居, 老板) are the group's members, not life outside it, unless a private chat (家族群) is named
    own: tuple[str, ...] = ()
    # an organiser's wording (报名的人, 只来了, 放鸽子): with no group and no life word it still asks about a group
    organiser: tuple[str, ...] = ()
    # a group matter the asker has to handle (踢, 私下说了还是发, 不续费): a question that names one asks how to run the
    # group, however many life words tell who the member is (他是我爸单位的同事), unless a private chat is named
    matter: tuple[str, ...] = ()
    # what a question is about when it is no running of a group (``scope.yaml``'s ``object``): a price, a product
    # to buy, a body to treat, a law or tax; by class. Words name the object asked about, not the group's business
    objects: dict[str, tuple[str, ...]] = {}
    # the fit the leading section needs when the question names such an object (``object_floor``), by class where a
    # class has its own (``object_floors``: a verdict on the topic itself is declined at any fit)
    object_floor: float = 1.01
    object_floors: dict[str, float] = {}

    def floor_of(self, kind: str) -> float:
        """The fit a leading section needs when the question names an object of class ``kind``."""
        return float(self.object_floors.get(kind, self.object_floor))

    def object_of(self, question: str) -> str:
        """The first ``objects`` class one of whose words ``question`` names, or ``""``."""
        text = fold(question)
        cleared = own_fee().clears if own_fee().named(text) else ()
        return next((kind for kind, words in self.objects.items()
                     if kind not in cleared and any(w in text for w in words)), "")

    def names_private(self, text: str) -> bool:
        """Whether folded ``text`` names a ``private`` word other than as the kind of group it is about (a
        ``kind_after`` word right after it: 相亲群's newcomers are a group to run, 相亲对象 is the asker's date)."""
        for word in self.private:
            at = text.find(word)
            while at >= 0:
                rest = text[at + len(word):]
                if not any(rest.startswith(k) for k in self.kind_after):
                    return True
                at = text.find(word, at + 1)
        return False

    def of(self, question: str) -> str:
        """``private`` when the question names a ``private`` word (the asker's own romance: 表白, 约她出来…; the
        group is only where they met) other than as the kind of group (相亲群), else ``life`` when the question
        names more life/work words than group words and none of its own group, acts of running it or group matters to
        handle (:meth:`runs_own`),
        ``none`` when it names no group word, no life word and no ``organiser`` wording, else ``group``. A
        group word that is part of a named life word does not count (家族群 is one life word, and the 群 of
        在群里说她 then means that family chat)."""
        text = fold(question)
        if self.names_private(text):
            return "private"
        named = [w for w in self.life if w in text]
        # a group word inside a named life word (the 群 of 家族群, 工作群) names that private chat, and so does
        # the same word elsewhere in the question (家族群里……在群里说她): neither makes it a community question
        group = sum(w in text and not any(w in n for n in named) for w in self.group)
        life = len(named)
        if life > group and not self.runs_own(text, named):
            return "life"
        if group or life:
            return "group"
        return "group" if any(w in text for w in self.organiser) else "none"

    def runs_own(self, text: str, named: list[str]) -> bool:
        """Whether folded ``text`` names the asker's own group, an act of running it (``own``) or a group matter to
        handle (``matter``) while naming no private chat (a ``life`` word that holds a group word: 家族群, 工作群 are
        someone else's group)."""
        if any(w in n for n in named for w in self.group):
            return False
        return any(w in text for w in self.own) or any(w in text for w in self.matter)


@lru_cache(maxsize=1)
def scene_cues() -> Scene:
    data = _scope()
    cues = data.get("scene") or {}
    return Scene(group=_folded(cues.get("group", [])), life=_folded(cues.get("life", [])),
                 private=_folded(cues.get("private", [])),
                 kind_after=_folded(cues.get("kind_after", [])), own=_folded(cues.get("own", [])),
                 organiser=_folded(cues.get("organiser", [])), matter=_folded(cues.get("matter", [])), floor=data.get("scene_floor") or {},
                 objects={k: _folded(v or []) for k, v in (data.get("object") or {}).items()},
                 object_floor=float(data.get("object_floor", 1.01)),
                 object_floors={k: float(v) for k, v in (data.get("object_floors") or {}).items()})


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
    fit: float = 1.0  # how well it fits the question's situation (:class:`SectionScorer`; 1 without one)

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
    near_miss: bool = False  # it reads like a near miss the cards do not cover (:class:`NearMisses`)
    # the first section answers a situation the question states (``stated.yaml``, :meth:`StatedSituations.leads`):
    # it leads the answer as it is, and the answer gives it as the answer, not as the nearest
    stated: bool = False
    # that situation is one whose questions are always answered (``stated.yaml``'s ``covers``: a member at risk)
    must_answer: bool = False
    # what the question asks about once its operator wrapper is taken out (:func:`asked_object`; None without one),
    # and whether the cards cover that on its own: a wrapper word (群主, 新人) alone does not carry a question in
    asked: AskedObject | None = None
    asked_covered: bool = True
    # what of the asker's own life the question asks about (:func:`copilot.knowledge.ownmatter.own_matter`: a love
    # letter for someone met in the group, a translation, whether to buy the stock a member tipped): read from the
    # sentence, not from the scope model or the confidence, so it declines whatever near text retrieval finds
    own: str = ""
    # which step put the first section first: "stated" (a situation the question states, ``stated.yaml``),
    # "situation" (:func:`situation_first`) or "rank" (the second stage's order). Read by the evals' ``--why``.
    led_by: str = "rank"

    @property
    def covered(self) -> bool:
        if self.sections and self.must_answer:
            return True
        return (bool(self.sections) and self.confidence >= self.threshold and not self.near_miss
                and not self.own and not self.off_scene and not self.off_object and not self.off_wrapper)

    @property
    def off_wrapper(self) -> bool:
        """The question is wrapped in operator words (作为群主, 怎么跟群友解释, 有人问) and what it asks about, ranked
        on its own, is not covered: the wrapper carried it over the threshold."""
        return self.asked is not None and not self.asked_covered

    @property
    def declined_by(self) -> str:
        """Why an uncovered question was declined: ``confidence`` (below the threshold), ``near_miss`` (it reads
        like a question the cards do not teach although the confidence passed), ``scene`` (not about a group
        and the best section fits it loosely), ``own`` (it asks about the asker's own life: :attr:`own`), ``object`` (it names an object the cards do not teach), ``wrapper``
        (what it asks about, without the operator's wrapper, is not covered), ``carried`` (the same for a question that puts
        the group's own subject into one of its texts: 群介绍里想写…) or ``none`` (nothing to rank); ``""`` when it is covered."""
        if self.covered:
            return ""
        if not self.sections:
            return "none"
        if self.confidence < self.threshold:
            return "confidence"
        if self.own:
            return "own"
        if self.near_miss:
            return "near_miss"
        if self.off_scene:
            return "scene"
        if self.off_object:
            return "object"
        return "carried" if self.asked is not None and self.asked.carried else "wrapper"

    @property
    def scene(self) -> str:
        """What the question is about: a ``group``, ``life`` or work outside one, or ``none`` said (:class:`Scene`)."""
        return scene_cues().of(self.question)

    @property
    def off_scene(self) -> bool:
        """The question is not about a group and its leading section fits it below the scene's floor: a
        neighbour's noise or a team's KPI answered from the group cards because they share a word."""
        scene = self.scene
        floor = scene_cues().floor.get(scene)
        return scene != "group" and bool(self.sections) and floor is not None and self.leading().fit < floor

    @property
    def off_object(self) -> bool:
        """The question asks about an object the cards do not teach (a price, a product to buy, a body, a law:
        :meth:`Scene.object_of`) and its leading section fits it below ``object_floor``: 开价贵不贵 answered
        from 促销的分寸 because both speak of selling. A section that fits well (买三送一 → 买 N 送 1) still answers."""
        cues = scene_cues()
        kind = cues.object_of(self.question)
        return bool(self.sections) and bool(kind) and self.leading().fit < cues.floor_of(kind)

    def leading(self) -> SectionHit:
        """The section an answer leads with: the first stage's best, unless a runner-up in the top three fits
        the situation better by at least :data:`LEAD_GAP` (a section whose heading is the question's own
        words, ranked second behind a keyword neighbour)."""
        first = self.sections[0]
        if self.stated:
            return first
        best = max(self.sections[:SECOND_FROM], key=lambda s: s.fit)
        return best if best.fit >= first.fit + LEAD_GAP else first

    def related(self, n: int = 3) -> list[SectionHit]:
        """Sections near an uncovered question, offered as 相关内容: of the best ``n``, those the scorer
        thinks more likely than not to fit a question like this one (:data:`RELATED_FIT`); none when
        nothing is near (a question that only shares the word 群 with the cards)."""
        if self.covered or self.confidence < self.related_floor:
            return []
        return [s for s in self.sections[:n] if s.fit >= RELATED_FIT]

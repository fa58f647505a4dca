"""Layer 2: small statistical models over character n-grams (ads, everyday chatter, one group's ads).

Why char n-grams: Chinese has no spaces and ads mutate faster than any word list; 1–3 character
grams of the *normalised* text catch 兼职/日结/私聊 in all their spellings without segmentation.
A model is a JSON file of ``{gram: weight}`` plus a bias (no pickle, ~1 MB); scoring is a
dictionary lookup per gram, so it costs microseconds and needs no scikit-learn at run time.

Five kinds ship or get built:

* the shared **ad** model (``resources/moderation/ad_classifier.json``, scripts/train_ad_classifier.py);
* the **chatter** model (``chatter_classifier.json``, ``scripts/train_corpus_model.py chatter``): how
  much a message reads like everyday-life chatter rather than talk about a group's purpose;
* the **abuse** model (``abuse_classifier.json``, ``scripts/train_corpus_model.py abuse``): insults,
  contempt and threats at a person, as opposed to criticism of an idea, self-mockery or a quoted insult;
* the **veiled-abuse** model (``veiled_classifier.json``, ``scripts/train_corpus_model.py veiled``): contempt with
  no rude word — sarcastic praise, mock politeness, pleas, backbiting — against banter, self-mockery and praise;
* a **group** ad model (``<data_dir>/moderation/groups/<key>.json``), trained on one group's labelled
  history (plus our hand-written examples) by :mod:`copilot.moderation.training`, used *instead of*
  the shared model for that group once cross-validation shows it is better there: 外挂、工具箱 are ads
  in a game-server group and nowhere else.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import add
from pathlib import Path
from typing import Any

from copilot.files import atomic_write, modified_at
from copilot.moderation.normalise import URL_RE, normalise
from copilot.paths import RESOURCES_DIR, load_resource
from copilot.textnorm import word_class, word_frequency, word_spans

AD_MODEL = RESOURCES_DIR / "moderation" / "ad_classifier.json"
CHATTER_MODEL = RESOURCES_DIR / "moderation" / "chatter_classifier.json"
# the chatter model retrained with on-topic talk of 69 more kinds of group (chatter_kinds.jsonl, round 81): a second reading
# that clears a message the chatter model alone calls chatter (offtopic.KINDS_CLEAR)
KINDS_CHATTER_MODEL = RESOURCES_DIR / "moderation" / "chatter_kinds_classifier.json"
ABUSE_MODEL = RESOURCES_DIR / "moderation" / "abuse_classifier.json"
VEILED_MODEL = RESOURCES_DIR / "moderation" / "veiled_classifier.json"
EXTRA_EXAMPLES = RESOURCES_DIR / "moderation" / "train_extra.jsonl"
NGRAM_RANGE = (1, 3)


_CJK_GRAM = re.compile(r"[\u4e00-\u9fff]{2,}")  # a gram of Chinese characters only (for a reason)


def features(text: str) -> frozenset[str]:
    """Unique character 1–3 grams of the normalised (variant-folded, digit-spelled) text.

    Digits are collapsed to ``0`` so that every phone or QQ number looks alike to the model, and
    a trailing ``§`` marks messages that contain a link. Remembered for the last few texts: one message
    is read by the ad, abuse and chatter models and for the ad model's reason.
    """
    return _features(text)


@lru_cache(maxsize=64)
def _features(text: str) -> frozenset[str]:
    n = normalise(text)
    s = n.digits.translate(_DIGIT_ZERO)
    if URL_RE.search(n.folded):
        s += "§"  # links are stripped from the compact form; keep "has a link" as a feature
    lo, hi = NGRAM_RANGE
    grams: list[str] = []
    prev = list(s)  # the n-grams are the (n-1)-grams, each with the character after it
    for n in range(1, hi + 1):
        if n > 1:
            prev = list(map(add, prev, s[n - 1 :]))
        if n >= lo:
            grams += prev
    return frozenset(grams)


class _DigitZero(dict[int, str]):
    """A translate table mapping every character ``str.isdigit`` accepts to ``0`` and any other to itself,
    filled in as characters are met (building it for all of Unicode up front took 1.3 s on the first message)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = found = "0" if ch.isdigit() else ch
        return found


_DIGIT_ZERO = _DigitZero()


def text_key(text: str) -> str:
    """A short hash of the normalised text: which messages a model was trained on, without the text."""
    return hashlib.md5(normalise(text).digits.encode("utf-8")).hexdigest()[:10]


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass
class NgramModel:
    """P(positive | text) from a sparse weight table. ``meta`` records training data and figures."""

    weights: dict[str, float]
    bias: float
    meta: dict[str, object] = field(default_factory=dict)
    # the joint table this model's weights are a column of, and that column (a model loaded from its file; else None)
    _column: tuple[_JointTable, int] | None = field(default=None, init=False, repr=False, compare=False)
    # the last ranking of :meth:`top_grams` (the grams it ranked, the weights it read, the ranking): a message's reason
    # asks for its top 3 and :func:`telling_grams` for its top 12 of the same text — one ranking serves both
    _ranked: tuple[frozenset[str], dict[str, float], tuple[str, ...]] | None = \
        field(default=None, init=False, repr=False, compare=False)

    @property
    def is_group_model(self) -> bool:
        return bool(self.meta.get("group"))

    def score(self, text: str) -> float:
        if not text:
            return 0.0
        grams = features(text)
        if self._column is None:
            return sigmoid(self.bias + sum(map(self.weights.get, grams, repeat(0.0))))
        table, column = self._column
        # the same additions in the same order: a gram this model lacks adds 0.0 in both, which changes no sum
        return sigmoid(self.bias + table.sums(grams)[column])

    def top_grams(self, text: str, n: int = 3) -> list[str]:
        """The grams that pushed the score up most (for the verdict's reason)."""
        return list(self._ranking(features(text))[:n])

    def _ranking(self, grams: frozenset[str]) -> tuple[str, ...]:
        """``grams`` that push the score up (longer than one character), the highest weight first (then the gram, both
        descending): ranked once for the last grams asked about — the top ``n`` of any ``n`` is a head of it."""
        w = self.weights
        last = self._ranked
        if last is not None and last[0] is grams and last[1] is w:  # features() gives one object per text
            return last[2]
        # only the grams that push it up are ranked: they are the first ones of a ranking of all, in the same order
        ranked = tuple(g for _, g in sorted([(v, g) for v, g in zip(map(w.get, grams, repeat(0.0)), grams)
                                             if v > 0 and len(g) > 1], reverse=True))
        self._ranked = (grams, w, ranked)
        return ranked

    def save(self, path: Path) -> None:
        data = {"bias": round(self.bias, 5), "meta": self.meta,
                "weights": {g: round(v, 4) for g, v in sorted(self.weights.items()) if abs(v) >= 1e-3}}
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        forget_file_times()

    @classmethod
    def load(cls, path: Path) -> NgramModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()},
                   bias=float(data["bias"]), meta=dict(data.get("meta", {})))


class _JointTable:
    """The weights of the models loaded from their files, side by side: gram → (weight in model 0, in model 1, …).

    One message is scored by the (shared or group) ad model, the abuse model and the chatter model, each a look-up
    per gram in its own table. Here the grams are looked up once per message, in one table, and every column of the
    rows found is summed at once (a model without a gram has 0.0 in its column); each model's score reads its own
    column's sum. A table never changes once
    built: a model keeps the table it is a column of, so a later load (a new table) leaves its scores as they were."""

    __slots__ = ("rows", "width", "_last")

    def __init__(self, models: list[NgramModel]) -> None:
        rows: dict[str, list[float]] = {}
        width = len(models)
        for i, model in enumerate(models):
            for gram, weight in model.weights.items():
                row = rows.get(gram)
                if row is None:
                    row = rows[gram] = [0.0] * width
                row[i] = weight
        self.rows: dict[str, tuple[float, ...]] = {g: tuple(r) for g, r in rows.items()}
        self.width = width
        self._last: tuple[frozenset[str], tuple[float, ...]] = (frozenset(), (0,) * width)
        for i, model in enumerate(models):
            model._column = (self, i)

    def sums(self, grams: frozenset[str]) -> tuple[float, ...]:
        """Each model's sum of the weights of ``grams``, added in the order of ``grams`` (the rows found, each column
        summed in one pass: the same additions as summing one column at a time); the last message's are kept."""
        last = self._last
        if last[0] is grams:  # features() gives one object per text: the models of one message share the look-up
            return last[1]
        rows = list(filter(None, map(self.rows.get, grams)))
        sums = tuple(map(sum, zip(*rows))) if rows else (0,) * self.width
        self._last = (grams, sums)
        return sums


_cache: dict[tuple[str, float], NgramModel] = {}


def telling_grams(model: Any, text: str, n: int = 3, *, leave_out: frozenset[str] = frozenset()) -> list[str]:
    """The grams of ``model.top_grams`` an admin can read in a reason: Chinese ones only (not ``00``, the collapsed
    digits), each a whole word or words where it stands, none of ``leave_out`` (an ad reason's filler:
    :func:`reason_stop`), the longest first, none inside another already named — at most ``n``. ``model``: anything
    with ``top_grams(text, n)`` (a stand-in classifier too)."""
    compact = normalise(text).compact
    # a word that says something, not a particle or an adverb (好好 of 好好睇), Chinese and written in the compact text:
    # looked at before the message is cut into words, which a message with no such gram is not (the same grams in the
    # same order come out; the cut only ever removed grams)
    grams = [g for g in sorted(model.top_grams(text, 4 * n), key=len, reverse=True)
             if _CJK_GRAM.fullmatch(g) and g in compact and word_class(g) not in _FUNCTION_CLASSES and g not in leave_out]
    # jieba's cut without HMM gives a word of two or more Chinese characters only where its dictionary has it (a DAG edge
    # is a word of positive frequency): a gram it lacks is never one of the words below, and with none left the message is
    # not cut at all (a quarter of the ad reasons on the bench)
    grams = [g for g in grams if word_frequency(g) > 0]
    if not grams:
        return []
    words = {compact[a:b] for a, b in word_spans(compact)}
    out: list[str] = []
    for g in grams:
        # one dictionary word of the message where it stands — not a piece cut across two (末带孩 of 周末|带|孩子), not
        # two words run together (走了 of 要|走|了), not a guess at an unknown word (人知 of 有冇人知)
        if g in words and not any(g in o for o in out):
            out.append(g)
    return out[:n]


@lru_cache(maxsize=1)
def reason_stop() -> frozenset[str]:
    """The filler words an ad reason never names as the classifier's evidence (lexicons.yaml ``classifier.reason_stop``:
    没有、大家、需要 — a member's question says them as often as an ad)."""
    return frozenset(str(w) for w in load_resource("moderation/lexicons.yaml")["classifier"]["reason_stop"])


# jieba's classes of words that carry no subject: adverbs, particles, prepositions, conjunctions, pronouns, numerals,
# measure words, modal and interjection words
_FUNCTION_CLASSES = frozenset({"d", "u", "uj", "ul", "uz", "ug", "uv", "ud", "p", "c", "r", "m", "q", "y", "e", "o", "zg"})


# How long a model file's modification time, once read, is trusted (s). Every message asked for 4 of them (the group's
# model, its learned words, the abuse and chatter models): ~4 ``stat`` calls per message. A write of this process
# (NgramModel.save, save_vocab, a retrain removing a model) forgets them all, so it is read at the next message; a write
# of another process (moderation-retrain or -import from the CLI while a hook runs) is read within this time.
FILE_TIME_TRUST_S = 0.5
_file_times: dict[str, tuple[float, float | None]] = {}  # path → (time.monotonic() when read, modification time)


def file_time(path: str) -> float | None:
    """``modified_at(path)``, read again only when the last reading is ``FILE_TIME_TRUST_S`` old (or forgotten)."""
    now = time.monotonic()
    seen = _file_times.get(path)
    if seen is not None and now - seen[0] < FILE_TIME_TRUST_S:
        return seen[1]
    mtime = modified_at(path)
    _file_times[path] = (now, mtime)
    return mtime


def forget_file_times() -> None:
    """This process wrote or removed a model or word file: every file's time is read afresh at its next use."""
    _file_times.clear()


def _cached(path: Path) -> NgramModel:
    """The model at ``path``, loaded once per modification time (a retrain takes effect at once)."""
    key = str(path)
    mtime = file_time(key)
    if mtime is None:
        raise FileNotFoundError(key)
    return _cached_at(key, mtime)


def _cached_at(path: str, mtime: float) -> NgramModel:
    key = (path, mtime)
    model = _cache.get(key)
    if model is None:
        if len(_cache) > 32:
            _cache.clear()
        model = _cache[key] = NgramModel.load(Path(path))
        _join(list(_cache.values()))
    return model


JOINT_WIDTH = 8  # models in the joint table: the shared ones and the groups' latest (a hook serving many groups)


def _join(models: list[NgramModel]) -> None:
    """A new joint table of the shared models and the most recently loaded group models, ``JOINT_WIDTH`` at most (its
    memory grows with its width); a model left out looks its grams up in its own table again."""
    shared = [m for m in models if not m.is_group_model][-JOINT_WIDTH:]
    room = JOINT_WIDTH - len(shared)
    joined = shared + ([m for m in models if m.is_group_model][-room:] if room else [])
    for m in models:
        m._column = None
    _JointTable(joined)


def load_classifier() -> NgramModel:
    """The shared ad model."""
    return _cached(AD_MODEL)


def load_chatter_model() -> NgramModel:
    """The everyday-chatter model (off-topic evidence)."""
    return _cached(CHATTER_MODEL)


def load_kinds_chatter_model() -> NgramModel:
    """The chatter model trained with the on-topic talk of many more kinds of group (``chatter_kinds.jsonl``)."""
    return _cached(KINDS_CHATTER_MODEL)


def load_abuse_model() -> NgramModel:
    """The abuse model (evidence beside the insult lexicon)."""
    return _cached(ABUSE_MODEL)


def load_veiled_model() -> NgramModel:
    """The veiled-abuse model (sarcasm, mock politeness, pleas and backbiting without a rude word)."""
    return _cached(VEILED_MODEL)


@lru_cache(maxsize=1024)
def group_model_path(data_dir: Path, key: str) -> Path:
    """Where a group's own ad model lives; ``key`` is the profile key (see ``copilot.profile.profile_key``)."""
    safe = re.sub(r"[^\w.-]", "_", key, flags=re.UNICODE).strip("._") or "_"
    return data_dir / "moderation" / "groups" / f"{safe}.json"


def load_group_model(data_dir: Path, key: str) -> NgramModel | None:
    """The group's enabled ad model, or None (the group uses the shared model). Asked for every message: a model
    enabled, retrained or removed by this process is used from the next message, by another within
    ``FILE_TIME_TRUST_S`` (:func:`file_time`)."""
    if not key:
        return None
    path = str(group_model_path(data_dir, key))
    mtime = file_time(path)
    return None if mtime is None else _cached_at(path, mtime)


def load_extra_examples(path: Path = EXTRA_EXAMPLES) -> list[tuple[str, int]]:
    """Our own hand-written training examples (label 1 = ad), shipped so retraining works offline."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((row["text"], 1 if row["label"] == "ad" else 0))
    return out

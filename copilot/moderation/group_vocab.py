"""A group's own topic words, learned from the messages its admins kept.

Every group talks about things its profile does not list: a candle studio's customers about 熄烛罩, a
calligraphy group about 一得阁 and 本子, a garden group about 绣球. The admins' history says which
words those are: the messages they KEPT (feedback ``ok``, imported label 0) are the group's everyday
talk. A word becomes the group's topic word when it is in ``min_docs`` or more of those messages and
is none of: a generic word or particle (relevance.yaml), a chatter word (lexicons.yaml ``chatter``),
a place name or numeral, an everyday word of jieba's dictionary (frequency ≥ ``max_freq``), or a word
of the group's off-topic messages (an ad's words stay: ads are often about the group's own things — 熄烛罩批发 — and
the list only weighs relevance, never whether a message sells). Stored per group beside its model
(``<data_dir>/moderation/groups/<key>.vocab.json``), rebuilt by ``moderation-import`` and
``moderation-retrain`` (:func:`copilot.moderation.training.train_group`), read by the off-topic layer of
that group only (another group's verdicts do not move). Thresholds: relevance.yaml ``learned_vocab``.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

from copilot.files import atomic_write
from copilot.moderation.classifier import file_time, forget_file_times, group_model_path
from copilot.moderation.normalise import CLAUSE_EDGE, normalise
from copilot.moderation.signals import alternation, lexicons
from copilot.paths import load_resource
from copilot.textnorm import tokenize, word_class, word_frequency

RELEVANCE = "moderation/relevance.yaml"
KEPT = frozenset({"ok"})  # the labels of messages the admins kept (import maps 0 → ok)
OFF_TOPIC = "off_topic"  # the label whose words are not the group's own


@lru_cache(maxsize=1024)
def group_vocab_path(data_dir: Path, key: str) -> Path:
    """Where a group's learned topic words live: beside its model file (asked for most messages: worked out once)."""
    model = group_model_path(data_dir, key)
    return model.with_name(model.stem + ".vocab.json")


@lru_cache(maxsize=1)
def _rule() -> tuple[int, int, int, frozenset[str], tuple[str, ...]]:
    data = load_resource(RELEVANCE)
    rule = data["learned_vocab"]
    generic = frozenset(str(w) for w in data["generic"]) | frozenset(str(w) for w in data["particles"])
    return (int(rule["min_docs"]), int(rule["max_freq"]), int(rule["max_words"]), generic,
            tuple(str(c) for c in rule["not_classes"]))


def _message_words(text: str) -> set[str]:
    """The candidate topic words of one message (each counted once per message)."""
    _, max_freq, _, generic, not_classes = _rule()
    chatter = lexicons().chatter
    # clause by clause: a space is where a member ends a word (调 吹口 is not 调吹口)
    return {w for clause in CLAUSE_EDGE.split(normalise(text).folded) if clause for w in tokenize(clause)
            if len(w) >= 2 and re.fullmatch(r"[\u3400-\u9fff]+", w) and w not in generic
            and not chatter.fullmatch(w) and word_class(w) not in not_classes and word_frequency(w) < max_freq}


def learn_vocab(history: list[tuple[str, str]]) -> list[str]:
    """The topic words of a group's labelled history [(text, label)]: words of at least ``min_docs`` kept
    messages and of no off-topic one, most frequent first, at most ``max_words``."""
    min_docs, _, max_words, _, _ = _rule()
    kept: Counter[str] = Counter()
    other: set[str] = set()
    for text, label in history:
        words = _message_words(text)
        if label in KEPT:
            kept.update(words)
        elif label == OFF_TOPIC:
            other |= words
    ranked = sorted((w for w, n in kept.items() if n >= min_docs and w not in other), key=lambda w: (-kept[w], w))
    return ranked[:max_words]


def save_vocab(data_dir: Path, key: str, words: list[str], *, examples: int) -> Path | None:
    """Write (or, with no words, remove) the group's learned topic words."""
    path = group_vocab_path(data_dir, key)
    try:
        if not words:
            path.unlink(missing_ok=True)
            return None
        atomic_write(path, json.dumps({"group": key, "built_at": time.time(), "kept_examples": examples,
                                       "words": words}, ensure_ascii=False))
        return path
    finally:
        forget_file_times()


@lru_cache(maxsize=64)
def _pattern_at(path: str, mtime: float) -> re.Pattern[str] | None:  # noqa: ARG001 - mtime keys the cache
    try:
        words = [str(w) for w in json.loads(Path(path).read_text(encoding="utf-8")).get("words", [])]
    except (OSError, ValueError):
        return None
    return alternation(sorted(words)) if words else None


def load_vocab(data_dir: Path, key: str) -> re.Pattern[str] | None:
    """The group's learned topic words as one alternation, or None. A list rebuilt by this process is used at once,
    by another within ``FILE_TIME_TRUST_S`` (:func:`copilot.moderation.classifier.file_time`; asked only for messages
    nothing else ties to the group)."""
    if not key:
        return None
    path = str(group_vocab_path(data_dir, key))
    mtime = file_time(path)
    return None if mtime is None else _pattern_at(path, mtime)

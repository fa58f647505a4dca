"""Typo-tolerant reading of a short question before it is ranked.

Operators type with a pinyin input method, so a typo is usually a homophone the method offered first: 活越度 for
活跃度, 冷厂 for 冷场. In a long question the words around it carry the meaning; in a question of a few words the
one mistyped word is the question, and its section is lost. :func:`correct` reads such a question with

1. the typo table of ``knowledge/synonyms.yaml`` (``typos``: frequent mistypings an operator makes, written as data),
   each replaced by what it means, in a question of any length;
2. in a short question (``MAX_CHARS`` Han characters at most), a window of two or three characters that is no word
   — not a word of the cards (the index's vocabulary) nor of jieba's dictionary — and becomes a word of the cards by
   one character swapped for a homophone (``resources/retrieval/homophones.json``, built by
   ``scripts/build_homophones.py``: same syllable and tone first, then the same syllable in a near tone). The word
   chosen is the one found in most sections; a window that cuts a real word of the question in two is left alone
   (群规和心态 keeps 和心).

The question keeps its wording otherwise; the answer quotes the question as asked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba

from copilot.paths import RESOURCES_DIR
from copilot.textnorm import cut_words, ensure_jieba, fold

HOMOPHONES_FILE = RESOURCES_DIR / "retrieval" / "homophones.json"
# only a question of at most this many Han characters is read for homophone typos (keyword style)
MAX_CHARS = 16
# the corrected word occurs in at least this many sections of the cards
MIN_SECTIONS = 2
# groups at most this far apart in pinyin order count as the same syllable in another tone (tried after the same tone)
TONE_REACH = 2
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Homophones:
    """The characters of each syllable-and-tone group, in pinyin order."""

    groups: tuple[str, ...]

    def sounds_like(self, char: str) -> list[tuple[str, int]]:
        """The characters read like ``char`` with their distance: 0 same syllable and tone, then 1.. ``TONE_REACH``
        the groups beside it (the same syllable in another tone). Empty for a character the table lacks."""
        at = self._where().get(char)
        if at is None:
            return []
        out = []
        for gap in range(TONE_REACH + 1):
            for i in {at - gap, at + gap}:
                if 0 <= i < len(self.groups):
                    out += [(c, gap) for c in self.groups[i] if c != char]
        return out

    def _where(self) -> dict[str, int]:
        return _where(self.groups)


@lru_cache(maxsize=2)
def _where(groups: tuple[str, ...]) -> dict[str, int]:
    return {c: i for i, g in enumerate(groups) for c in g}


@lru_cache(maxsize=2)
def _load(path: Path, mtime: float) -> Homophones:
    return Homophones(tuple(json.loads(path.read_text(encoding="utf-8"))["groups"]))


def homophones(path: Path = HOMOPHONES_FILE) -> Homophones | None:
    return _load(path, path.stat().st_mtime) if path.exists() else None


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    spans, start = [], 0
    for w in cut_words(text):
        spans.append((start, start + len(w), w))
        start += len(w)
    return spans


def correct(question: str, vocabulary: Mapping[str, int], typos: Mapping[str, str] | None = None,
            sounds: Homophones | None = None) -> str:
    """``question`` with its typos read (see the module): ``vocabulary`` is each word of the cards and the number of
    sections it occurs in, ``typos`` the table's mistyping → meaning, ``sounds`` the homophone table."""
    for typo, meant in (typos or {}).items():
        if typo and typo in question:
            question = question.replace(typo, meant)
    if sounds is None or len(_HAN.findall(question)) > MAX_CHARS:
        return question
    ensure_jieba()
    known = jieba.dt.FREQ
    words = [(s, e) for s, e, w in _word_spans(question) if len(w) > 1 and (vocabulary.get(fold(w)) or known.get(w))]
    out = list(question)
    taken: set[int] = set()
    for size in (3, 2):
        for i in range(len(question) - size + 1):
            window = question[i:i + size]
            span = set(range(i, i + size))
            if (taken & span or not all(_HAN.match(c) for c in window) or vocabulary.get(fold(window))
                    or known.get(window)
                    or any(s < i + size and e > i and not (i <= s and e <= i + size) for s, e in words)):
                continue
            best = _best(fold(window), vocabulary, sounds)
            if best is not None:
                out[i:i + size] = list(best)
                taken |= span
    return "".join(out)


def _best(window: str, vocabulary: Mapping[str, int], sounds: Homophones) -> str | None:
    """The word of the cards ``window`` becomes by one homophone swapped in: nearest tone first, then the word found
    in most sections; None when there is none found in ``MIN_SECTIONS`` sections."""
    found: list[tuple[int, int, str]] = []
    for j, char in enumerate(window):
        for other, gap in sounds.sounds_like(char):
            word = window[:j] + other + window[j + 1:]
            n = vocabulary.get(word, 0)
            if n >= MIN_SECTIONS:
                found.append((gap, -n, word))
    return min(found)[2] if found else None

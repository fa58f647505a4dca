"""Query expansion: how operators talk → the words the cards use.

Operators ask "两个人在群里掐架" where the card says 成员争吵; "群公高" for 群公告; "候补群" for 预备群.
``knowledge/synonyms.yaml`` is the table (data, written from how operators talk, not from eval
questions). :func:`expand` finds the colloquial phrases and typos in a question and returns the card
terms to search for *as well*: the question's own words are never replaced, and the caller weighs the
added terms below them (see :mod:`copilot.knowledge.index`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from copilot.paths import load_yaml
from copilot.textnorm import fold, tokenize
from copilot.validation import zh_problems

SYNONYMS_FILE = "synonyms.yaml"


class SynonymGroup(BaseModel):
    say: list[str] = Field(min_length=1)
    means: list[str] = Field(min_length=1)
    # phrases that, said anywhere in the question, leave the group out: 当成骚扰 is about being seen as a nuisance,
    # not a member being harassed, so 骚扰 then adds no 违规 / 危机 terms
    unless: list[str] = Field(default_factory=list)


class SynonymTable(BaseModel):
    groups: list[SynonymGroup] = Field(default_factory=list)
    fillers: list[str] = Field(default_factory=list)
    infixes: list[str] = Field(default_factory=list)
    typos: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True)
class Expansion:
    """What a question was expanded with: the card ``terms`` to search as well, and the phrases
    of the question (``matched``, folded) that called for them."""

    terms: tuple[str, ...] = ()
    matched: tuple[str, ...] = ()

    def text(self) -> str:
        return " ".join(self.terms)


def _key(phrase: str) -> str:
    """The matching form of a phrase: folded (Simplified, half-width, lower case), spaces removed."""
    return "".join(fold(phrase).split())


def _short_latin(phrase: str) -> bool:
    """A Latin abbreviation of at most three letters (dm, ad, kol): it is often part of a longer English word."""
    return len(phrase) <= 3 and phrase.isascii() and phrase.isalpha()


def _latin_alone(text: str, at: int, size: int) -> bool:
    """The Latin letters at ``text[at:at + size]`` are not part of a longer Latin word."""
    before = text[at - 1] if at > 0 else ""
    after = text[at + size] if at + size < len(text) else ""
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


def _words(text: str) -> list[str]:
    """Whole jieba words (not search-mode sub-words), stop words kept: 自己人 stays 自己 + 人."""
    return tokenize(text, for_search=False, keep_stopwords=True)


class Expander:
    """Finds the table's phrases in a question: as a substring of the folded, space-free text, or by
    words: a phrase whose jieba words (fillers such as 起来 / 了 left out) all occur among the question's
    words (撕起来 → 撕 is said in 一言不合就开撕)."""

    def __init__(self, table: SynonymTable) -> None:
        self._fillers = tuple(k for f in table.fillers if (k := _key(f)))
        self._groups = [(tuple(k for s in g.say if (k := _key(s))), tuple(g.means)) for g in table.groups]
        self._unless = [tuple(k for u in g.unless if (k := _key(u))) for g in table.groups]
        self._words = {s: frozenset(_words(s)) for say, _ in self._groups for s in say}
        # each phrase's root, worked out once: the table does not change between questions
        self._roots = {s: self._root(s) for say, _ in self._groups for s in say}
        self._typos = [(k, v) for t, v in table.typos.items() if (k := _key(t))]
        # a two-character verb-object phrase said with a measure word in between (起名 → 起个名 / 起一个名字)
        infixes = tuple(k for i in table.infixes if (k := _key(i)))
        self._split = {s: tuple(s[0] + i + s[1] for i in infixes) for say, _ in self._groups for s in say
                       if len(s) == 2 and not s.isascii()}

    @property
    def typos(self) -> dict[str, str]:
        """The table's mistypings (folded) and what each means."""
        return dict(self._typos)

    @property
    def splits(self) -> dict[str, str]:
        """Each two-character phrase said split by a measure word (folded: 起个名, 踢几个人) and the phrase."""
        return {split: phrase for phrase, forms in self._split.items() for split in forms}

    @property
    def readings(self) -> dict[str, str]:
        """What the question is read as before ranking: the mistypings, then the split phrases made whole."""
        return {**dict(self._typos), **self.splits}

    def _root(self, phrase: str) -> str:
        """The phrase without its trailing fillers (撕起来 → 撕, 踢出去 → 踢)."""
        stripped = True
        while stripped:
            stripped = False
            for f in self._fillers:
                if phrase.endswith(f) and len(phrase) > len(f):
                    phrase, stripped = phrase[: -len(f)], True
        return phrase

    def _says(self, phrase: str, text: str, words: set[str]) -> bool:
        """``phrase`` is in ``text`` (a two-character one also split by a measure word: 踢个人), or its root is
        one of the question's words, or all its words are."""
        own = self._words.get(phrase, frozenset())
        if _short_latin(phrase):  # DM, ad, bug: a whole Latin word, not part of admin, add, debug
            return any(_latin_alone(text, m.start(), len(phrase)) for m in re.finditer(re.escape(phrase), text))
        if phrase in text or any(split in text for split in self._split.get(phrase, ())):
            return True
        return self._roots[phrase] in words or (len(own) > 1 and own <= words)

    def expand(self, question: str) -> Expansion:
        text = _key(question)
        words = set(_words(question))
        terms: list[str] = []
        matched: list[str] = []
        for (say, means), unless in zip(self._groups, self._unless, strict=True):
            if any(u in text for u in unless):
                continue
            hits = [s for s in say if self._says(s, text, words)]
            if hits:
                matched += hits
                terms += means
        for typo, meant in self._typos:
            if typo in text:
                matched.append(typo)
                terms.append(meant)
        # a card term the question already contains adds nothing
        terms = [t for t in dict.fromkeys(terms) if _key(t) not in text]
        return Expansion(tuple(terms), tuple(dict.fromkeys(matched)))


class SynonymError(ValueError):
    pass


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> Expander:
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        return Expander(SynonymTable.model_validate(data))
    except yaml.YAMLError as exc:
        raise SynonymError(f"{path.name}：YAML 无法解析（{exc}）") from exc
    except ValidationError as exc:
        key, reason = zh_problems(exc)[0]
        raise SynonymError(f"{path.name}：{key} {reason}") from exc


def load_expander(knowledge_dir: Path) -> Expander:
    """The expander for ``knowledge_dir/synonyms.yaml`` (an empty one when the file is absent)."""
    path = knowledge_dir / SYNONYMS_FILE
    if not path.exists():
        return Expander(SynonymTable())
    return _load(path, path.stat().st_mtime)

"""Who does a to-do: a small trained model over the people a clause mentions.

A clause names people in different roles. In "报名费每人20元，交给阿琴" everyone pays and 阿琴 receives;
in "让阿鹏明天去现场" 阿鹏 goes; in "我把表交给班长" the speaker does it; in "阿杰说他明天不来" nobody
takes anything on. For every mention — a participant or @name, 我, 你/您, a word for the group
(``cues.yaml`` section ``owner``) — a logistic regression over its left and right context gives the
probability that this mention is the one who does the work. The other people, the time expressions
and the figures are replaced by placeholders before the context is read, so no name, date or amount
is learnt: what is learnt is the shape ("Ⓟ Ⓣ 把…", "交给Ⓟ", "让Ⓟ", "Ⓟ负责", "Ⓘ觉得").

Trained on ``copilot/resources/notes/owners.jsonl`` (clauses written for this project, each with its
doer marked; never the eval chats) by ``scripts/train_owner_classifier.py``, shipped as JSON weights.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from copilot.notes.classify import kind_threshold, sentence_kind
from copilot.notes.cues import cue, has, interrogative, raw
from copilot.notes.dates import time_spans
from copilot.paths import RESOURCES_DIR
from copilot.textnorm import word_bounds, word_class, word_frequency, word_spans, words_across

SHIPPED_MODEL = RESOURCES_DIR / "notes" / "owner_classifier.json"
PLACEHOLDER = {"P": "Ⓟ", "I": "Ⓘ", "Y": "Ⓨ", "G": "Ⓖ"}  # a person named, 我, 你/您, the group
TIME, FIGURE = "Ⓣ", "0"
_FIGURES = re.compile(r"\d+(?:\.\d+)?")
_MARKS = "".join(PLACEHOLDER.values()) + TIME
THRESHOLD = 0.5


@dataclass(frozen=True)
class Mention:
    """A mention of someone in a folded clause: where, which kind, and who (a person's name)."""

    start: int
    end: int
    kind: str  # P / I / Y / G
    name: str | None = None


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    titles = "|".join(re.escape(str(t)) for t in sorted(raw("owner", "name_titles"), key=len, reverse=True))
    surnames = re.escape(str(raw("owner", "surnames")))
    return (cue("owner", "name_prefix"), re.compile(f"[{surnames}](?:{titles})"), re.compile(r"(?<![a-z])[a-z]{3,12}(?![a-z])"))


@lru_cache(maxsize=16384)
def name_shaped(f: str) -> tuple[tuple[int, int, str], ...]:
    """Words shaped like a person's name (``cues.yaml`` owner section) in folded text: people who are
    not (yet) in the chat, e.g. "让小王明天去…", "由陈老师负责…". (Cached: the structure pass asks for the
    same clause's names about five times; the cue lists and jieba's dictionary do not change once loaded.)"""
    prefix, titled, latin = _name_patterns()
    common = int(raw("owner", "common_word"))
    # 王工, 李总 — not 施工 (a word far more common than any such name)
    out = [(m.start(), m.end(), m.group(0)) for m in titled.finditer(f) if word_frequency(m.group(0)) < common]
    out += [(m.start(), m.end(), m.group(0)) for m in prefix.finditer(f)
            if word_frequency(m.group(0)) < common and not cue("owner", "not_names").fullmatch(m.group(0))
            and not _cuts_a_word(f, m.start(), m.end()) and not _attributive(f, m.start())]
    out += [(m.start(), m.end(), m.group(0)) for m in latin.finditer(f)
            if not cue("owner", "not_names").fullmatch(m.group(0))]
    return tuple(out)


def may_name(f: str) -> bool:
    """Whether :func:`name_shaped` could find any name in folded ``f``: one of its three shapes occurs at all (a cheap
    pre-test — the shapes found are then checked against word frequencies and segmentation)."""
    return any(p.search(f) for p in _name_patterns())


def prefix_shaped(name: str) -> bool:
    """A name made only by its shape, 小/老/阿 + one character (``cues.yaml`` owner.name_prefix): 小周, 老何 —
    and just as well 小火 of 小火熬 or 老抽 of 老抽两勺. Such a name owns work only when the chat knows it
    as someone (:func:`introduced`)."""
    return bool(_name_patterns()[0].fullmatch(name))


def dictionary_word(name: str) -> bool:
    """Whether jieba's dictionary knows ``name`` as a word that is no person's name (小火 n, 小心 n, 老抽 nz;
    not 小林 nr, and not 阿凯, which it does not know): such a prefix-shaped "name" is someone only where the
    chat treats it as a person (:func:`introduced`)."""
    return word_frequency(name) > 0 and not (word_class(name) or "").startswith("nr")


def introduced(texts: list[tuple[str, str]]) -> frozenset[str]:
    """The prefix-shaped names a chat itself treats as people, from its (speaker, folded text) pairs: one that
    stands somewhere as a person (addressed, given a part, asked or named with someone: ``cues.yaml``
    owner.person_after / person_before), or named by two or more speakers. 小火 said in one cook's
    instructions is none of these."""
    after, before = cue("owner", "person_after"), cue("owner", "person_before")
    said_by: dict[str, set[str]] = {}
    known: set[str] = set()
    for who, f in texts:
        for start, end, name in name_shaped(f):
            if not prefix_shaped(name):
                continue
            said_by.setdefault(name, set()).add(who)
            if after.match(f, end) or before.search(f[max(0, start - 6):start]):
                known.add(name)
    return frozenset(known | {n for n, by in said_by.items() if len(by) >= 2})


def _runs_on(f: str, end: int) -> bool:
    """Whether a name-shaped word ending at ``end`` of folded ``f`` runs on into a longer word: a place (cue
    word_values place) reads on through it (小X村口停车场), or the next dictionary word is a single character of a
    word class that heads no new clause (``cues.yaml`` owner.glued_classes: 坑, 绿) — not 电话 of 小王电话, nor 帮 /
    把 / 说 / 的."""
    if end >= len(f) or not re.match(r"[\u4e00-\u9fff]", f[end]):
        return False
    # 小X村口停车场: a place's name reads on through it — with no doing word after the name (小李负责开门 is no place)
    place = cue("word_values", "place").search(f, end - 1)
    if place is not None and place.start() < end < place.end() and not any(
            (word_class(f[end:place.end()][a:b]) or "").startswith("v") for a, b in word_spans(f[end:place.end()])):
        return True
    # (jieba's guesses glue a name to the next character, 小美帮 or 老马来做, so only a word it knows ends the name;
    # a title after it is part of the name: 小刘哥, 小王姐)
    word = next((f[a:b] for a, b in word_spans(f) if a == end), "")
    return len(word) == 1 and (word_class(word) or "") in {str(c) for c in raw("owner", "glued_classes")} \
        and word not in {str(t) for t in raw("owner", "name_titles")}


def glued(texts: list[str], members: set[str]) -> frozenset[str]:
    """The 小/老/阿 + one character words of the folded ``texts`` that are no member's name (``members``: folded
    nicknames and aliases; 网格员小宋 is 小宋) and that run on into a longer word every time the chat says them
    (:func:`_runs_on`): a place or a thing's head (小X坑停车场), not a person — they own no to-do. One said alone
    anywhere ("小X负责…", "找小X") may be someone."""
    alone: set[str] = set()
    seen: set[str] = set()
    for f in texts:
        for _start, end, name in name_shaped(f):
            if not prefix_shaped(name) or any(m.endswith(name) or m.startswith(name) for m in members):
                continue
            seen.add(name)
            if not _runs_on(f, end):
                alone.add(name)
    return frozenset(seen - alone)


def _attributive(f: str, start: int) -> bool:
    """要个老式电扇, 买台小型的: a classifier right before the "name" makes it part of a thing's name."""
    return start > 0 and f[start - 1] in raw("owner", "attributive_before")


def _cuts_a_word(f: str, start: int, end: int) -> bool:
    """小赠品, 老版本, 小一点, 小望远镜: the "name" ends inside a word that jieba keeps whole and that its
    dictionary knows better than the name (小李把表 stays 小李: 李把 is no word); 缩小版, 变老了: it begins inside
    one (a name is a whole word, never the tail of another)."""
    own = word_frequency(f[start:end])
    if end < len(f):
        rival = word_frequency(f[start + 1:end + 1])
        # the dictionary look-ups first: most "names" have no rival, and then no segmentation is needed
        if rival >= int(raw("owner", "rival_word")) and rival > own:
            return end not in word_bounds(f)
    elif start == 0:
        return False
    # else the word jieba cuts across the name's end (小|望远镜) or its start (缩小|版): a known word there
    # swallows the name
    crossing = words_across(f, start, end)  # (s < start < e or s < end < e)
    return any(word_frequency(f[s:e]) >= int(raw("owner", "rival_word")) and word_frequency(f[s:e]) > own
               for s, e in crossing)


def occurs_whole(name: str, folded: str) -> bool:
    """``name`` occurs in ``folded`` at least once as a word of its own, not only cut out of a longer
    word (小望 in 小望远镜 is no one)."""
    at = folded.find(name)
    while at >= 0:
        lo = max(0, at - 6)
        if not _cuts_a_word(folded[lo:at + len(name) + 6], at - lo, at - lo + len(name)):
            return True
        at = folded.find(name, at + 1)
    return False


def find_mentions(folded: str, people: list[tuple[int, int, str]]) -> list[Mention]:
    """Every mention in ``folded``: the ``people`` spans (start, end, name) first, then the group
    words, then 我 and 你/您 outside them, in order."""
    found = [Mention(s, e, "P", name) for s, e, name in people]

    def free(s: int, e: int) -> bool:
        return all(e <= m.start or s >= m.end for m in found)

    bounds: frozenset[int] | None = None
    for pattern in (cue("owner", "group"), cue("action", "everyone")):
        for m in pattern.finditer(folded):
            if m.end() > m.start() and free(m.start(), m.end()):
                if pattern is not cue("owner", "group"):
                    bounds = word_bounds(folded) if bounds is None else bounds
                    if m.start() not in bounds:
                        continue  # 运动会的横幅: "会…的" starts inside a word, no "whoever will"
                found.append(Mention(m.start(), m.end(), "G"))
    for kind, pattern in (("I", cue("owner", "me")), ("Y", cue("owner", "you"))):
        for m in pattern.finditer(folded):
            if free(m.start(), m.end()):
                found.append(Mention(m.start(), m.end(), kind))
    return sorted(found, key=lambda m: m.start)


def normalise(folded: str, mentions: list[Mention]) -> tuple[str, list[int]]:
    """``folded`` with each mention as its placeholder, time expressions as Ⓣ and figures as 0; and
    where each mention's placeholder now stands."""
    spans = [(m.start, m.end, PLACEHOLDER[m.kind], i) for i, m in enumerate(mentions)]
    spans += [(s, e, TIME, -1) for s, e in time_spans(folded) if all(e <= m.start or s >= m.end for m in mentions)]
    out: list[str] = []
    where = [0] * len(mentions)
    last = 0
    for s, e, mark, i in sorted(spans):
        if s < last:
            continue
        out.append(_FIGURES.sub(FIGURE, folded[last:s]))
        if i >= 0:
            where[i] = sum(len(x) for x in out)
        out.append(mark)
        last = e
    out.append(_FIGURES.sub(FIGURE, folded[last:]))
    return "".join(out), where


def clause_features(folded: str) -> list[str]:
    """What the whole clause reads as: the sentence classifier's verdict (a commitment, a question…),
    an action verb (``cues.yaml``) in it, an interrogative."""
    kind = sentence_kind(folded)
    sure = kind_threshold("owner_feature")
    feats = [f"C{label}" for label, p in kind.items() if p >= sure]
    if cue("action", "verbs").search(cue("action", "verb_not").sub(" ", folded)):
        feats.append("Cverb")
    if interrogative(folded) or has(folded, "question", "anywhere"):
        feats.append("Cask")
    return feats


def features(norm: str, at: int, kind: str, order: int, count: int) -> list[str]:
    """The context of the mention at ``norm[at]``: its kind, the characters before and after it (also
    after skipping time expressions and pauses), the character pairs of what follows in the clause,
    its place among the clause's mentions, and a few clause-wide facts (把, a deadline, a question)."""
    left = ("^^^" + norm[:at])[-3:]
    right = (norm[at + 1:] + "$$$$")[:4]
    skipped = (re.sub(rf"^[{TIME}\s，,：:]+", "", norm[at + 1:]) + "$$$")[:3]
    k = f"K{kind}"
    feats = [k, f"L1{left[-1]}", f"L2{left[-2:]}", f"L3{left}", f"R1{right[:1]}", f"R2{right[:2]}", f"R3{right[:3]}",
             f"S1{skipped[:1]}", f"S2{skipped[:2]}", f"S3{skipped}",
             f"{k}L1{left[-1]}", f"{k}L2{left[-2:]}", f"{k}R1{right[:1]}", f"{k}R2{right[:2]}", f"{k}S1{skipped[:1]}",
             f"{k}S2{skipped[:2]}", f"{k}first{order == 0}", f"{k}only{count == 1}", f"{k}start{at == 0}"]
    if "把" in norm[:at]:
        feats.append(f"{k}after把")
    if "把" in norm[at + 1:]:
        feats.append(f"{k}before把")
    if TIME in norm[at + 1:]:
        feats.append(f"{k}beforeT")
    if "?" in norm or "？" in norm:
        feats.append(f"{k}question")
    if re.search(rf"[{_MARKS}]", norm[:at]):
        feats.append(f"{k}notfirstmark")
    rest = re.split(r"[，,。；;！!？?]", norm[at + 1:], maxsplit=1)[0][:12]
    feats += [f"{k}B{rest[i:i + 2]}" for i in range(len(rest) - 1)]
    return feats


@dataclass
class OwnerModel:
    bias: float
    weights: dict[str, float]
    meta: dict[str, object]

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path) -> None:
        data = {"bias": self.bias, "meta": self.meta,
                "weights": {f: round(w, 5) for f, w in sorted(self.weights.items())}}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path = SHIPPED_MODEL) -> OwnerModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(float(data["bias"]), data["weights"], data.get("meta", {}))


@lru_cache(maxsize=1)
def model() -> OwnerModel:
    return OwnerModel.load()


def mention_features(folded: str, mentions: list[Mention]) -> list[list[str]]:
    norm, where = normalise(folded, mentions)
    whole = clause_features(folded)
    return [features(norm, at, m.kind, i, len(mentions)) + [f"{m.kind}{f}" for f in whole]
            for i, (m, at) in enumerate(zip(mentions, where))]


def score_mentions(folded: str, mentions: list[Mention]) -> list[float]:
    """P(the mention does the work) for each mention of the clause (remembered by clause and mentions: the to-do step
    scores the same clause again for each message that repeats it, and for each of its readings)."""
    if not mentions:
        return []
    return list(_mention_scores(folded, tuple(mentions)))


@lru_cache(maxsize=16384)
def _mention_scores(folded: str, mentions: tuple[Mention, ...]) -> tuple[float, ...]:
    """:func:`score_mentions` of a clause and its (frozen) mentions."""
    m = model()
    return tuple(m.probability(f) for f in mention_features(folded, list(mentions)))


# -- training data ---------------------------------------------------------------------------------
_MARKUP = re.compile(r"\[([^\[\]{}]+)\]|\{([^\[\]{}]+)\}")


@dataclass
class Example:
    """One labelled clause: its text, the people named in it, and the spans of the doer(s)."""

    text: str
    people: list[tuple[int, int, str]]
    owners: list[tuple[int, int]]

    def labels(self, mentions: list[Mention]) -> list[int]:
        return [int(any(s < m.end and m.start < e for s, e in self.owners)) for m in mentions]


def parse_marked(line: str) -> Example:
    """``[阿斌]周四前把表发给{老周}``: ``[…]`` marks who does the work, ``{…}`` anyone else named;
    a marked 我/你/大家… is a pronoun or group word, any other marked text a person's name."""
    text: list[str] = []
    people: list[tuple[int, int, str]] = []
    owners: list[tuple[int, int]] = []
    last = 0
    for m in _MARKUP.finditer(line):
        text.append(line[last:m.start()])
        start = sum(len(t) for t in text)
        word = m.group(1) or m.group(2)
        text.append(word)
        end = start + len(word)
        pronoun = cue("owner", "me").fullmatch(word) or cue("owner", "you").fullmatch(word) \
            or cue("owner", "group").match(word) or cue("action", "everyone").match(word)  # 各位家长, 报名的同学
        if not pronoun:
            people.append((start, end, word))
        if m.group(1):
            owners.append((start, end))
        last = m.end()
    text.append(line[last:])
    return Example("".join(text), people, owners)

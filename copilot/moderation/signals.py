"""Layer 1: deterministic signals, each with a weight, the label it points to and a Chinese reason.

These are cheap (a few compiled regexes over the normalised forms) and explainable: the verdict's
``reason`` is built from the signals that fired. No single weak signal decides a label; the pipeline
combines them with the classifier score. Lexicons are data in ``resources/moderation/lexicons.yaml``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache, partial
from typing import TYPE_CHECKING, Any

from copilot.moderation.literals import Gated, any_of, gated, required_literals
from copilot.moderation.normalise import SENTENCE as _SENTENCE
from copilot.moderation.normalise import (
    SPACED_HANDLE,
    URL_RE,
    Normalised,
    clause_before,
    decorative_between,
    normalise,
    spellings,
)
from copilot.moderation.normalise import alt as _alt
from copilot.moderation.normalise import either as _either
from copilot.moderation.veiled import banter, first_looks, sarcasm, veiled_forms
from copilot.paths import load_resource
from copilot.textnorm import (
    cn_magnitude,
    cn_to_int,
    cuts_word,
    fold,
    in_word,
    may_hold,
    opencc_plain,
    phrases_regex,
    strip_invisible,
    tokenize,
    word_bounds,
    word_class,
    word_spans,
)

if TYPE_CHECKING:
    from copilot.profile import GroupProfile

LEXICONS = "moderation/lexicons.yaml"
SIGNALS = "moderation/signals.yaml"


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: ``name`` (stable id), ``label`` it supports, ``weight`` 0–1, ``detail``."""

    name: str
    label: str
    weight: float
    detail: str
    variant: str = "default"  # which weight of the signal table applied (targeted, reported, with_link…)
    items: tuple[str, ...] = ()  # the distinct hits

    def as_dict(self) -> dict[str, Any]:
        # quoted evidence shows what a reader sees: the zero-width characters hiding a word are not quoted back
        return {"name": self.name, "label": self.label, "weight": round(self.weight, 3),
                "detail": strip_invisible(self.detail), "items": [strip_invisible(i) for i in self.items]}


def catalogue_count(ct: dict[str, Any]) -> str:
    """patterns.yaml ``catalogue``'s count, up to its counter: tens or more (十几, 四十, 上百, 120), an approximation
    (多/余/来) and 个 — what a catalogue's range (四十多款) and a lot's size (十几箱) both start with."""
    return ("(?:" + _alt(ct["many"]) + "|[0-9]{" + str(int(ct["min_figures"])) + ",}|[" + ct["digits"] + "]?"
            + _alt(ct["tens"]) + "[" + ct["digits"] + "]?)" + _alt(ct["approx"]) + "?" + re.escape(str(ct["counter_lead"])) + "?")


def alternation(words: list[str]) -> re.Pattern[str]:
    """One regex for a word list; pure-ASCII words (sb, tmd, mc) must not sit inside a longer word.

    At each place it matches the longest word of the list (a Latin one only with no letter either side), as a
    plain ``w1|w2|…`` sorted longest first does; written as a tree of the words' common beginnings (加(?:微信|群))
    so that the engine compares each character once instead of trying every word in turn. Every branch of the
    pattern opens with a literal character, so the engine skips the places where no word can start (a Latin word's
    "no letter before it" is checked after its first letter: a branch opening with that check made the engine try
    every place of the text)."""
    words = {str(w).lower() for w in words if w}
    latin = {w for w in words if w.isascii() and w[:1].isalpha()}
    # a word with another letter first, or none (加v, 6666), starts where no Latin word can: the two never compete
    branches = _tree(words - latin, "", "") + _tree(latin, r"(?![a-z])", r"(?<![a-z].)")
    return re.compile("|".join(branches)) if branches else re.compile(r"(?!x)x")


def _tree(words: set[str], end: str, after_first: str) -> list[str]:
    """The regex of ``words`` as a tree of their characters, one branch per first character (``after_first`` is
    checked right after it): a longer word is tried before a word it extends, and ``end`` must hold where a word
    ends."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        kids = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return end
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        if "" not in node:
            return body
        return f"(?:{body}|{end})" if end else f"(?:{body})?"

    return [re.escape(ch) + after_first + emit(sub) for ch, sub in sorted(root.items()) if ch]


SHORT_CUE = 2  # a cue word this short can be a piece of another word; a longer one (看看我的店) is a phrase


def cue_words(rx: re.Pattern[str], text: str, *, whole: bool = False) -> list[str]:
    """The hits of a word list's alternation that are words of ``text``, not the tail or head of a longer
    word: 湖人 is no chatter word in 今天西湖人好多 (西湖 | 人), 加群 no promo word in 加群主微信 (加 | 群主).
    Longer cues are phrases written as stems (看看我的店 in 看看我的店铺) and count as they are.

    ``whole``: a short cue must also be a word of its own, not a part inside a longer dictionary word (:func:`in_word`)
    — what a seller's cue list asks: 回收 is no trade in 垃圾回收站, 出售 none in 出售者. A chatter list leaves it off
    (湖人 in 湖人队 is still the team)."""
    first = rx.search(text)
    if first is None:  # most lists have no word in a message: one search, no iterator
        return []
    return [w for m in rx.finditer(text, first.start())  # from the first hit on: the same hits as from 0
            if not _latin_tail(text, m.start(), w := m.group(0)) and (w.isascii() or len(w) > SHORT_CUE or not (
                cuts_word(text, m.start(), m.end()) or (whole and may_hold(text, m.start(), m.end())
                                                            and in_word(text, m.start(), m.end()))))]


def _latin_tail(text: str, start: int, cue: str) -> bool:
    """A cue opening with a Latin letter found inside a longer Latin or digit run: pm我 is no ask in 今晚8pm我到."""
    return start > 0 and cue[:1].isascii() and cue[:1].isalpha() and text[start - 1].isascii() and text[start - 1].isalnum()


def kind_words(cue: str) -> frozenset[str]:
    """The words that still say the kind a one-character cue names (猫: 小猫, 猫咪, 橘猫 of kinds.yaml; 猫粮, 流浪猫 of the
    domains.yaml hobby whose cues contain it; a young one of it, 小奶猫) — not another thing written with it (熊猫,
    猫眼, 狗熊)."""
    return _kind_words().get(cue, frozenset())


@lru_cache(maxsize=1)
def _kind_words() -> dict[str, frozenset[str]]:
    data = load_resource(KINDS)
    domains = load_resource(DOMAINS)["domains"].values()
    out: dict[str, set[str]] = {}
    for kind, spec in data["kinds"].items():
        if len(kind) == 1:
            out.setdefault(kind, set()).update(str(w) for w in spec.get("members", []))
    for cue in out:
        out[cue].update(str(w) for w in data["offspring"] if cue in str(w))
        for d in domains:
            if any(cue in str(c) for c in d["cues"]):
                out[cue].update(str(w) for w in [*d["cues"], *d["words"]] if cue in str(w))
        out[cue].add(cue * 2)  # 猫猫, 狗狗
    return {k: frozenset(v) for k, v in out.items()}


def whole_cue_words(rx: re.Pattern[str], text: str) -> list[str]:
    """:func:`cue_words`, where a one-character cue counts only where :func:`said_whole` finds it: 猫 in 我家猫 and 小猫,
    not in 熊猫基地 or 猫眼螺."""
    found = cue_words(rx, text)
    return [w for w in found if len(w) > 1 or w.isascii() or said_whole(w, text)]


def said_whole(char: str, text: str) -> bool:
    """Whether ``text`` has the one-character word ``char`` as a word of its own or inside one of its kind's words
    (:func:`kind_words`) — not only inside another dictionary word (熊猫, 猫眼, 狗熊). jieba's dictionary decides, so a
    word it does not know (猫粮 is cut 猫 | 粮) leaves the character whole."""
    if char not in text:
        return False
    own = kind_words(char)
    spans = [(a, b) for a, b in word_spans(text) if b - a > 1 and text[a:b] not in own]
    return any(not any(a <= m.start() < b for a, b in spans) for m in re.finditer(re.escape(char), text))


_ITEM_SPLIT = re.compile(r"[/、,，;；|／]")


def _fragments(item: str, topics: tuple[str, ...] = ()) -> list[str]:
    """One banned item's alternatives, folded (网贷/口子, 代写论文/代考 → 代考). A later one that names what the group
    talks about (孩子 in a parents' group whose topics say 孩子在校学习) is no banned thing of its own but the object of
    the first one's act (攻击老师或其他家长、孩子 → 攻击孩子); with no act to take (the first opens with no verb) it is dropped."""
    parts = [normalise(t).compact for t in _ITEM_SPLIT.split(str(item))]
    out = parts[:1]
    for part in parts[1:]:
        if part and any(part in t for t in topics):
            lead = tokenize(parts[0], for_search=False, keep_stopwords=True)[:1] if parts[0] else []
            if not (lead and (word_class(lead[0]) or "").startswith("v")):
                continue
            part = lead[0] + part
        out.append(part)
    return out


def banned_terms(items: list[str], topics: tuple[str, ...] = ()) -> list[str]:
    """A profile's banned items as the messages' matching form reads them: folded (保險推銷 → 保险推销, as the
    message is) and split where the writer lists alternatives (:func:`_fragments`; ``topics``: the group's topic words,
    compact)."""
    terms = {t for item in items for t in _fragments(item, topics)}
    return sorted(t for t in terms if len(t) >= 2)


@dataclass(frozen=True)
class BannedList:
    """A profile's banned items, matched whole (代刷票) and by their distinctive part (野生 of 野生鸟, 活体 of
    活体买卖): the first word of a several-word item, unless it only names a kind (买卖, 产品 — lexicons.yaml
    ``ad.banned_generic``). A part alone is weak evidence; beside a trade it is an offer of the banned thing.

    An item that bans trading a kind of living thing (活鸟买卖, 出售雏鸟, 活体买卖; kinds.yaml) is also read by meaning:
    ``kinds`` matches the members of its kind (玄凤, 画眉, 金太阳), the profile's own words for them (虎皮鹦鹉) and, for
    animals, their young (一窝, 宝宝; only these for an item on the young) — see ``_kind_deal``."""

    whole: re.Pattern[str]
    parts: re.Pattern[str] | None
    item_of: dict[str, str]  # part → the banned item it stands for
    kinds: re.Pattern[str] | None = None  # the members of the kinds the items ban trading
    kind_item: dict[str, str] = field(default_factory=dict)  # member → the banned item it stands for
    per_head: re.Pattern[str] | None = None  # a price per head in the kinds' counters (500一只, 50一苗)
    sell: re.Pattern[str] | None = None  # a clause that opens by selling a member (出手养小金太阳, 出两只玄凤)
    resale_item: str = ""  # the first item that bans a resale or paid booking (倒卖场地): read by ``_markup_deal``
    resale_object: re.Pattern[str] | None = None  # the thing that item names (场地|场): a markup must be on it
    # (item, the act said near its thing either way round) per item that is an act on a thing (农药代购, 代抢票): _act_deal
    acts: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = ()
    # (item, the writer saying they are in its trade: 我係保險經紀, 我家是开相机店的) per item with a thing: _intro_deal
    intros: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # (item, one pattern per key term) per item written as a description (代写论文, 仿古琴冒充老琴, 私下收钱拉人): each key
    # term matched by itself or by how it is said in other words (ad.banned_key_senses: 帮写 of 代写) — :func:`_described`
    described: tuple[tuple[str, tuple[tuple[re.Pattern[str], bool], ...]], ...] = ()


KINDS = "moderation/kinds.yaml"
DOMAINS = "moderation/domains.yaml"
_ANY_KIND = "*"  # an item naming a live animal without its kind (活体买卖): the kinds the profile keeps


def _strip(term: str, words: list[str]) -> str:
    for w in sorted(words, key=len, reverse=True):
        term = term.replace(w, "")
    return term


def _profile_order(items: list[str], terms: list[str], topics: tuple[str, ...] = ()) -> list[str]:
    """``terms`` (banned_terms of ``items``) in the order the profile lists them: its first item leads."""
    order = {t: i for i, item in enumerate(items) for t in _fragments(item, topics)}
    return sorted(terms, key=lambda t: order.get(t, len(order)))


def _kind_of(term: str) -> tuple[str, bool] | None:
    """The kind of living thing a banned item bans trading and whether only its young (活鸟买卖 → (鸟, False), 出售雏鸟
    → (鸟, True), 活体买卖 → (any kind the profile keeps, False)), or None when the item has other words than its kind
    and kinds.yaml marks (虐猫内容, 外部猫粮广告) or bans only the wild ones (野生鸟, 下山兰: the kind does not say wild)."""
    data = load_resource(KINDS)
    rest = _strip(term, [str(w) for w in lexicon_data()["ad"]["banned_generic"]] + [str(w) for w in data["trade_marks"]])
    if any(str(w) in rest for w in data["wild_marks"]):
        return None
    young = any(str(w) in rest for w in data["young_marks"])
    if rest in data["any_animal"]:
        return _ANY_KIND, young
    rest = _strip(rest, [str(w) for w in data["live_marks"] + data["young_marks"]])
    for kind, spec in data["kinds"].items():
        if rest == kind or rest in spec["members"]:
            return str(kind), young
    return None


def _kind_members(kind: str, topics: list[str], *, young: bool) -> set[str]:
    """A kind's members: the lexicon's and the profile's own topic words ending in one of them or in the kind (虎皮鹦鹉,
    玄凤鹦鹉 — not 鸟粮) and, for animals, their young (kinds.yaml ``offspring``); ``young``: the young only."""
    data = load_resource(KINDS)
    spec = data["kinds"][kind]
    offspring = {normalise(str(w)).compact for w in data["offspring"]} if spec.get("young", True) else set()
    if young:
        return offspring
    members = {normalise(str(m)).compact for m in spec["members"]}
    members |= {t for t in topics if len(t) >= 2 and any(t.endswith(m) for m in members | {kind})}
    return members | offspring


def _kinds_kept(profile_text: str) -> list[str]:
    """The kinds of living thing a profile's own words keep (仓鼠 in a hamster group's topics → 鼠)."""
    return [str(k) for k, spec in load_resource(KINDS)["kinds"].items()
            if spec.get("young", True) and (k in profile_text or any(str(m) in profile_text for m in spec["members"]))]


def banned_list(items: list[str], profile_text: str = "", topics: tuple[str, ...] = ()) -> BannedList | None:
    """The compiled :class:`BannedList` of a profile's ``banned`` items, or None when it has none.
    ``profile_text``: the profile's own words (compact form) and ``topics`` its topic words, which say what an item
    naming any live animal (活体买卖) means in this group and how the members call the kind they keep."""
    topic_words = [normalise(t).compact for t in topics]
    terms = banned_terms(items, tuple(topic_words))
    if not terms:
        return None
    generic = set(lexicon_data()["ad"]["banned_generic"])
    senses = {normalise(k).compact: v for k, v in lexicon_data()["ad"]["banned_senses"].items()}
    item_of: dict[str, str] = {}
    kind_item: dict[str, str] = {}
    counters: set[str] = set()
    for term in terms:
        words = tokenize(term, for_search=False, keep_stopwords=True)
        # the item's part: its first word — or, when that is its trade (推销 of 推销保健品, 贩卖 of 贩卖返图:
        # ad.banned_generic), its last, the thing traded (a Chinese noun phrase ends in its head: 门票 of 倒卖温泉门票, not
        # the 温泉 every message of a hot-spring town names), unless that is one of the group's topics
        # — and the first word is no item part either when it is one of the group's topics (冰场 of 冰场外收费培训 in a group
        # that meets at the rink: every member's message names the place)
        ours = [w for w in (words[0], words[-1]) if words and any(w in t for t in topic_words)]
        head = words[0] if words and words[0] not in generic and words[0] not in ours else \
            (words[-1] if words and words[-1] not in generic and words[-1] not in ours else "")
        if len(words) >= 2 and len(head) >= 2:
            item_of.setdefault(head, term)
        # a two-character item of a distinctive morpheme and a trade one (炒卖): the distinctive one with another trade
        # morpheme (炒价, 炒货) is the same item said another way (ad.banned_trade_morphemes)
        for part in _morpheme_forms(term):
            item_of.setdefault(part, term)
        # what a seller writes for the item's part without its word (山上的 for 野生): the same part, paraphrased
        for part, said in senses.items():
            if part in term:
                item_of.update((normalise(w).compact, term) for w in said if normalise(w).compact not in item_of)
    # the item a member of a kind stands for: the profile's first item of that kind — for the young (一窝, 宝宝) the
    # first that bans trading the young (出售雏鸟 rather than 活鸟买卖)
    data = load_resource(KINDS)
    young_items: dict[str, str] = {}
    ordered = _profile_order(items, terms, tuple(topic_words))
    for term in ordered:
        found = _kind_of(term)
        if found is None:
            continue
        kind, young = found
        for k in (_kinds_kept(profile_text) if kind == _ANY_KIND else [kind]):
            counters.update(str(c) for c in data["kinds"][k]["counters"])
            for member in _kind_members(k, topic_words, young=young):
                (young_items if young else kind_item).setdefault(member, term)
    kind_item.update(young_items)  # a litter is cited as the item on the young
    per_head = sell = kinds = None
    if kind_item:
        data, up = load_resource(KINDS), load_resource(PATTERNS)["unit_price"]
        kinds = alternation(sorted(kind_item))
        per_head = re.compile(r"(?<!\d)\d{2,}" + _alt(up["each"]) + _alt(sorted(counters))
                              + "|" + _alt(up["each"]) + _alt(sorted(counters)) + rf"[{up['numerals']}]+" + _alt(up["units"]))
        # … not a thing of the animal's (出两只玄凤的鸟笼 sells cages)
        sell = re.compile("^" + _alt(data["sell_lead"]) + _alt(data["sell_gap"]) + "*" + _alt(sorted(kind_item)) + "(?!" + _alt(data["not_after"]) + ")")
    markup = load_resource(PATTERNS)["resale_markup"]
    marks = [str(w) for w in markup["marks"]]
    resale = next((t for t in ordered if any(m in t for m in marks)), "")
    return BannedList(alternation(terms), alternation(sorted(item_of)) if item_of else None, item_of,
                      kinds, kind_item, per_head, sell, resale, _resale_object(resale, markup),
                      _act_items(ordered, markup), _intro_items(ordered), _described_items(ordered, generic, topic_words))


def _morpheme_forms(term: str) -> list[str]:
    """The close forms of a two-character banned item made of a distinctive morpheme and a trade one (lexicons.yaml
    ``ad.banned_trade_morphemes``: 炒卖 → 炒价, 炒货, 炒售, 炒买): the distinctive morpheme with each other trade morpheme.
    [] for any other item."""
    trade = [str(m) for m in lexicon_data()["ad"].get("banned_trade_morphemes") or ()]
    if len(term) != 2 or (term[0] in trade) == (term[1] in trade):
        return []
    stem, said = (term[0], term[1]) if term[1] in trade else (term[1], term[0])
    return [stem + m if said == term[1] else m + stem for m in trade if m != said]


def _key_terms(term: str, generic: set[str]) -> list[str]:
    """A banned item's key terms: its words of two characters or more, and each run of one-character words joined (拉人 of
    私下收钱拉人), less the words that only name a kind (lexicons.yaml ``ad.banned_generic``)."""
    words = tokenize(term, for_search=False, keep_stopwords=True)
    out: list[str] = []
    run = ""
    for w in [*words, ""]:
        if len(w) == 1:
            run += w
            continue
        if len(run) >= 2:
            out.append(run)
        run = ""
        if len(w) >= 2:
            out.append(w)
    return [w for w in dict.fromkeys(out) if w not in generic]


def _described_items(terms: list[str], generic: set[str],
                     topic_words: list[str]) -> tuple[tuple[str, tuple[tuple[re.Pattern[str], bool], ...]], ...]:
    """Per banned item of two key terms or more (:func:`_key_terms`) that are not all the group's topics, a pattern per
    key term — the term and its senses (lexicons.yaml ``ad.banned_key_senses``: 代写 → 帮写, 代笔…) — and whether it is one
    of the group's topics (论文 in a graduate students' group)."""
    senses = {normalise(str(k)).compact: v for k, v in lexicon_data()["ad"]["banned_key_senses"].items()}
    out = []
    gap = int(lexicon_data()["ad"].get("banned_morpheme_gap", 0))
    for term in terms:
        keys = [(k, any(k in t or t in k for t in topic_words)) for k in _key_terms(term, generic)]
        if len(keys) < 2 and gap and (act := _act_and_thing(term, generic)) is not None:
            # 刷评论: the one-character act, then its thing within ``gap`` characters (代刷Google五星评论), and the thing
            a, thing = act
            topic = any(thing in t or t in thing for t in topic_words)
            if not topic:
                out.append((term, ((re.compile(f"{re.escape(a)}.{{0,{gap}}}?{re.escape(thing)}"), False), (alternation([thing]), False))))
            continue
        if len(keys) < 2 or all(topic for _, topic in keys):
            continue
        out.append((term, tuple((alternation([k, *(normalise(str(w)).compact for w in senses.get(k, []))]), topic)
                                for k, topic in keys)))
    return tuple(out)


def _act_and_thing(term: str, generic: set[str]) -> tuple[str, str] | None:
    """A banned item written as a one-character act and its thing (刷评论 → 刷, 评论; 刷好评 → 刷, 好评), or None: two
    words, the first of one character, the second of two or more and not a word that only names a kind."""
    words = tokenize(term, for_search=False, keep_stopwords=True)
    if len(words) == 2 and len(words[0]) == 1 and len(words[1]) >= 2 and words[1] not in generic:
        return words[0], words[1]
    return None


def _described(banned: BannedList, said: Callable[[re.Pattern[str]], list[str]]) -> dict[str, list[str]]:
    """The items written as a description that a message says in its own words (可以帮写毕业论文 of 代写毕业论文,
    找人代笔的字画…仿冒名家 of 代笔冒充名家字画): every key term of the item, by itself or by a sense, not all of them the
    group's topics, each with the words that said them. (Two of three key terms named a rule notice's 患者照片 an item
    on a readable set and cost a blind set ad precision in round 64.)"""
    out: dict[str, list[str]] = {}
    for term, keys in banned.described:
        hits = [(found[0], topic) for k, topic in keys if (found := said(k))]
        if len(hits) == len(keys) and not all(topic for _, topic in hits):
            out[term] = [w for w, _ in hits]
    return out


def _intro_items(terms: list[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per banned item, the writer saying they are in its trade (lexicons.yaml ``ad.banned_intro``): a lead (我是,
    我家是开) then, within ``gap`` characters, the item's thing — the item without its trade words (保险 of 卖保险,
    商家 of 商家倒卖) — or what its trade is called (``senses``: 商家 → 店). An item with no thing of two characters left
    (倒卖) has none."""
    intro = lexicon_data()["ad"].get("banned_intro") or {}
    if not intro:
        return ()
    strip = [str(w) for w in lexicon_data()["ad"]["banned_generic"]] + [str(w) for w in load_resource(KINDS)["trade_marks"]]
    senses = {normalise(str(k)).compact: [str(w) for w in v] for k, v in (intro.get("senses") or {}).items()}
    lead = alternation(script_forms([str(w) for w in intro["lead"]])).pattern
    gap = int(intro.get("gap", 8))
    out = []
    for term in terms:
        thing = _strip(term, strip)
        if len(thing) < 2:
            continue
        said = [thing, *(w for part, ws in senses.items() if part in thing for w in ws)]
        out.append((term, re.compile(f"(?:{lead}).{{0,{gap}}}?(?:{alternation(script_forms(said)).pattern})")))
    return tuple(out)


def _act_items(terms: list[str], markup: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    """The items that are an act on a thing (lexicons.yaml ``ad.banned_acts``: 农药代购 → 代购 + 农药), each with a
    pattern of the act as a seller says it (帮大家带, 能搞到) within ``ad.banned_act_gap`` characters of the thing — the
    item less its act and generic words, read by its last two characters and the one-character heads among them."""
    ad = lexicon_data()["ad"]
    acts, gap = ad.get("banned_acts", {}), int(ad.get("banned_act_gap", 6))
    strip = [str(w) for w in ad["banned_generic"] + markup["marks"] + markup["fee"]] + [str(k) for k in acts]
    heads = {str(h) for h in markup["heads"]}
    out = []
    for term in terms:
        said = sorted({str(w) for act, words in acts.items() if act in term for w in words}, key=len, reverse=True)
        thing = _strip(term, strip)
        if not said or not thing:
            continue
        forms = sorted({thing[-2:]} | {ch for ch in thing[-2:] if ch in heads}, key=len, reverse=True)
        a, t = _alt(said), _alt(forms)
        out.append((term, re.compile(f"{a}.{{0,{gap}}}?{t}|{t}.{{0,{gap}}}?{a}"), re.compile(a)))
    return tuple(out)


def _resale_object(item: str, markup: dict[str, Any]) -> re.Pattern[str] | None:
    """The thing a resale item names (倒卖场地 → 场地|场, 倒卖比赛门票 → 门票|票): the item less its marks, fee words and
    generic words, read by its last two characters (a Chinese noun's head is at its end) and the one-character ``heads``
    among them; None when nothing is left (the markup is then read on any thing, as before)."""
    rest = _strip(item, [str(w) for w in markup["marks"] + markup["fee"] + lexicon_data()["ad"]["banned_generic"]])
    if not rest:
        return None
    tail = rest[-2:]
    forms = {tail} | {ch for ch in tail if ch in {str(h) for h in markup["heads"]}}
    return alternation(sorted(forms))


@lru_cache(maxsize=256)
def warns(compact: str) -> bool:
    """The message warns the group (骗子, 别信, 千万别…) or reports someone else's act (管理员处理一下: lexicons.yaml
    ``report_call``; 有人在群里发…: patterns.yaml ``reported_act``) — not a seller's reassurance (我不是骗子;
    lexicons.yaml ``warning_not``, masked first). ``compact``: the message's compact form. Remembered for the last
    texts: detect, three detectors and the pipeline's banned check each ask it of one message."""
    lex = lexicons()
    if lex.words["warning_seller"].search(compact) and not lex.words["warning_impostor"].search(compact):
        # the shop's own voice: a pitch against its rivals (lexicons.yaml warning_seller) — unless it warns of someone
        # posing as the shop (有人冒充咱们店加微信…本店不会私加大家微信): the shop's own anti-fraud notice
        return False
    c = lex.words["warning_not"].sub("", compact)
    return bool(lex.warning.search(c) or lex.words["report_call"].search(c) or reported_act().search(c))


@lru_cache(maxsize=1)
def reported_act() -> re.Pattern[str]:
    """Another person's act retold (patterns.yaml ``reported_act``): a lead (有人, 那个人, 刚才那条), at most
    ``max_gap`` characters, an act (用了, 在发, 推销, 冒充…), on the compact form."""
    d = load_resource(PATTERNS)["reported_act"]
    return re.compile(_alt(d["lead"]) + f".{{0,{int(d['max_gap'])}}}?" + _alt(d["acts"]))


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    """English multi-word phrases matched on the folded text, words separated by any whitespace.

    They cannot be matched on the compact form: there "ignore previous instructions" becomes
    one run of letters and a whole-word check around "ignoreprevious" never succeeds.
    """
    parts = [r"\b" + r"[\s,]+".join(re.escape(w) for w in p.lower().split()) + r"\b" for p in phrases if p.strip()]
    return re.compile("|".join(sorted(parts, key=len, reverse=True))) if parts else re.compile(r"(?!x)x")


_UNSET = object()  # PatternsOnUse.get: no value stored (None could be one)


class PatternsOnUse(dict[str, Any]):
    """The word lists' patterns by dotted key, each compiled at its first look-up: a process meets few of them (a chat's
    notes ~40 of ~430 — :class:`LexiconHits` tells which lists have a word in a text before any is searched). ``ready``
    are the patterns built already (those joined to patterns.yaml), ``pending`` the makers of the others; the keys keep
    the order of ``order``. A dict, so that ``words[key]`` of a list compiled already costs what it did (the detectors
    look lists up hundreds of times a message); ``__missing__`` compiles the others. Two threads asking for the same key
    at once may both compile it; the first stored is kept (the same pattern either way).

    Left a dict subclass rather than a plain mapping and a look-up function (round 81, dch81, asked): ~200 places in
    five moderation modules read ``lex.words[key]``, ``.get`` or ``in`` and tests ``monkeypatch.setitem`` it; a function
    would change each of them and add a call to look-ups made hundreds of times a message, for the same answers."""

    def __init__(self, order: list[str], ready: dict[str, Any], pending: dict[str, Callable[[], Any]]) -> None:
        super().__init__(ready)
        self._order = list(order)
        self._pending = dict(pending)

    def __missing__(self, key: str) -> Any:
        make = self._pending.get(key)
        if make is None:
            raise KeyError(key)
        return self.setdefault(key, make())

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        # asked first, not tried and caught: a key that is no word list (a patterns.yaml mask, ad.invite_<platform> of
        # a platform without one) is asked ~3 times a message, and raising and catching its KeyError cost more than the
        # look-up (round 84, d17s84)
        found = dict.get(self, key, _UNSET)  # (a list compiled already: one look-up, as before)
        if found is not _UNSET:
            return found
        return self[key] if key in self._pending else default

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._pending

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def keys(self) -> Any:  # type: ignore[override]
        return dict.fromkeys(self._order).keys()

    def values(self) -> Any:  # type: ignore[override]
        return [self[k] for k in self._order]

    def items(self) -> Any:  # type: ignore[override]
        return [(k, self[k]) for k in self._order]

    def __setitem__(self, key: str, rx: Any) -> None:  # a test's stand-in for a list (monkeypatch.setitem)
        if key not in self:
            self._order.append(key)
        dict.__setitem__(self, key, rx)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        dict.pop(self, key, None)
        self._pending.pop(key, None)
        self._order.remove(key)


@dataclass
class Lexicons:
    """Compiled word lists; built once per process (and once per profile for its banned words)."""

    words: dict[str, re.Pattern[str]]  # dotted lexicon key (ad.strong, spam.chain…) → alternation (PatternsOnUse)
    injection: re.Pattern[str]
    injection_en: re.Pattern[str]
    social: frozenset[str]
    social_re: re.Pattern[str]
    social_tail: re.Pattern[str]
    social_fillers: re.Pattern[str]
    chatter: re.Pattern[str]
    warning: re.Pattern[str]
    hits: LexiconHits | None = None  # one search per text for which plain word lists can match (None: every list may)

    def may(self, key: str, present: frozenset[str]) -> bool:
        """Whether list ``key`` can match a text whose :meth:`LexiconHits.present` is ``present``: a list built as a plain
        :func:`alternation` of its words matches only where one of them is written; any other pattern always may."""
        return self.hits is None or key not in self.hits.gated or key in present


class LexiconHits:
    """One combined search over every word of the plain word lists (those whose pattern is :func:`alternation` of their
    words and nothing else), built once at load time: which lists have a word written somewhere in a text.

    The words are a tree of their characters (a dict per character, as :func:`_tree` builds the pattern); the search walks
    it from each place of the text and collects the lists of every word that ends on the way, so overlapping words and
    words inside words all count, and Latin words count without their letter edges (every place an edged word could
    match). A list with no word in the text cannot match it, nor any text cut out of it (a cue replaced by ``CUT``, which
    no word contains): its detector has nothing to find. A walk in Python: one regex alternation of ~4,000 words tries
    its branches one by one at every place, which costs more than the ~30 list searches it would replace.

    The other lists (a word list with edges, denials or patterns of patterns.yaml joined to it: ``ad.weak``,
    ``abuse.strong``, ``resale.seller_form``…) are in the same tree by their ``gates``: strings one of which every match of
    the list's pattern contains (:func:`literals.required_literals`, read off the compiled pattern), kept as written. Such a
    list with no gate in a text cannot match it either; ``gated`` holds every list the walk answers for."""

    END = ""  # the key of a tree node under which the lists of the word ending there are kept (no character is "")

    def __init__(self, lists: dict[str, list[str]], plain: set[str], gates: dict[str, frozenset[str]] | None = None) -> None:
        owners: dict[str, set[str]] = {}
        for key in plain:
            for w in {str(w).lower() for w in lists[key] if w}:
                owners.setdefault(w, set()).add(key)
        for key, strings in (gates or {}).items():
            for w in strings:
                owners.setdefault(w, set()).add(key)
        self.plain = frozenset(plain)
        self.gated = self.plain | frozenset(gates or ())
        self.root: dict[str, Any] = {}
        for w, keys in owners.items():
            node = self.root
            for ch in w:
                node = node.setdefault(ch, {})
            node[self.END] = frozenset(keys)
        self.steps = self.steps_of(self.root)

    @classmethod
    def steps_of(cls, node: dict[str, Any]) -> dict[str, tuple[dict[str, Any], frozenset[str] | None]]:
        """The tree ``node`` as :meth:`present` walks it: each character → (the node after it, the lists of the word
        ending there or None) — one look-up a step, not a second one for the word's end (round 81, d17s81: the walk
        ~25 % cheaper)."""
        return {ch: (cls.steps_of(sub), sub.get(cls.END)) for ch, sub in node.items() if ch != cls.END}

    def present(self, text: str) -> frozenset[str]:
        """The plain lists with a word written in ``text``."""
        out: set[str] = set()
        steps, size = self.steps, len(text)
        for i, ch in enumerate(text):
            step = steps.get(ch)
            j = i + 1
            while step is not None:
                node, keys = step
                if keys is not None:
                    out |= keys
                if j == size:
                    break
                step = node.get(text[j])
                j += 1
        return frozenset(out)


def _word_lists(data: dict[str, Any], prefix: str = "") -> dict[str, list[str]]:
    """Every list in the lexicon file under its dotted key (``ad.strong``, ``qr``), each as :func:`_words_of` reads it."""
    out: dict[str, list[str]] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(_word_lists(value, f"{prefix}{key}."))
        elif isinstance(value, list):
            out[f"{prefix}{key}"] = _words_of(value)
    return out


def _words_of(value: list[Any]) -> list[str]:
    """The words of a lexicon list; a list inside it (a YAML alias of a set several lists share: ``*reach_me``) gives
    its words in its place."""
    return [str(x) for w in value for x in (w if isinstance(w, list) else [w])]


def script_forms(words: list[str]) -> list[str]:
    """A cue list as the folded text can write each cue: the word itself, its folded form (a list word written in
    Traditional, 家人們, matches 家人们), and the folded form of its Traditional spellings (接着 written 接著: OpenCC's t2s
    leaves 著, 乾, 於… as they are, so 接著發 folds to 接著发, never to 接着发). Order kept, no repeats."""
    out: dict[str, None] = {}
    for w in words:
        out[w] = None
        if w.isascii():
            continue
        for form in (w, opencc_plain(w, "s2t"), opencc_plain(w, "s2hk"), opencc_plain(w, "s2tw")):
            out.setdefault(fold(form), None)
    return list(out)


def contact_apps() -> list[str]:
    """The messaging apps besides WeChat and QQ a member can be reached on (patterns.yaml ``contact_apps``)."""
    return [str(a) for a in load_resource(PATTERNS)["contact_apps"]["names"]]


def invite_words() -> list[str]:
    """The invitation words: lexicons.yaml ``ad.invite`` and, for every contact app, 加X (加賴, 加tg) and — for an app
    named in Latin letters — X我 (line我, whatsapp我; 赖我 is "blame me"): patterns.yaml ``contact_apps``."""
    spec = load_resource(PATTERNS)["contact_apps"]
    forms = [f"{lead}{app}" for app in contact_apps() for lead in spec["invite_before"]]
    forms += [f"{app}{tail}" for app in contact_apps() if app.isascii() for tail in spec["invite_after"]]
    own = _words_of(load_resource(LEXICONS)["ad"]["invite"])
    return own + [w for w in forms if w not in own]


@lru_cache(maxsize=1)
def lexicon_data() -> dict[str, Any]:
    """The lexicon file as written (lists and the ``contexts`` table)."""
    return load_resource(LEXICONS)


class _JoinedLists(dict[str, Any]):
    """:func:`lexicons`' patterns joined to patterns.yaml while it builds them: a key not joined yet reads as the plain
    alternation of its list (compiled then, not stored: it is only a part of the joined pattern)."""

    def __init__(self, lists: dict[str, list[str]]) -> None:
        super().__init__()
        self.lists = lists

    def __missing__(self, key: str) -> re.Pattern[str]:
        return alternation(self.lists[key])


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    data = lexicon_data()
    lists = {key: script_forms(words) for key, words in _word_lists(data).items()}
    lists["ad.invite"] = script_forms(invite_words())
    social = frozenset(str(w).lower() for w in data["social"])
    # the lists joined to patterns.yaml's patterns below; every other list stays a plain alternation of its words,
    # compiled at its first use (PatternsOnUse), and one read here is compiled for the join only
    words: dict[str, Any] = _JoinedLists(lists)
    # a cue that heads another word before some characters (扫码加入 is no 扫码加: patterns.yaml cue_not_before)
    # … or tails another before some characters (刚进群 is a newcomer's greeting, no 进群 pull: patterns.yaml cue_not_after)
    before = load_resource(PATTERNS).get("cue_not_before", {})
    after = load_resource(PATTERNS).get("cue_not_after", {})
    for key in dict.fromkeys([*before, *after]):
        ahead = {str(c): [str(x) for x in a] for c, a in (before.get(key) or {}).items()}
        behind = {str(c): [str(x) for x in b] for c, b in (after.get(key) or {}).items()}
        edged = [*ahead, *(c for c in behind if c not in ahead)]
        words[key] = re.compile("|".join("".join(f"(?<!{re.escape(x)})" for x in behind.get(c, ())) + re.escape(c)
                                         + ("(?!" + _alt(ahead[c]) + ")" if c in ahead else "") for c in edged)
                                + "|" + alternation([w for w in lists[key] if w.lower() not in edged]).pattern)
    # a promo word denied (不限时, 不打折) is none: patterns.yaml promo_negated
    neg = load_resource(PATTERNS)["promo_negated"]
    denied = "".join(f"(?<!{re.escape(str(c))})" for c in neg["cues"])
    for key in neg["lists"]:
        words[key] = re.compile(f"{denied}(?:{words[key].pattern})")
    # reply bait asks for any code, not only the listed ones (回复888, 扣6): patterns.yaml reply_code
    rc = load_resource(PATTERNS)["reply_code"]
    words["ad.reply_call"] = re.compile(words["ad.reply_call"].pattern + "|" + _alt(rc["verbs"]) + rf"\d{{1,{int(rc['digits'])}}}"
                                        + r"(?!\d)(?!" + _alt(rc["not_before"]) + ")")
    cl = load_resource(PATTERNS)["reply_claim"]
    words["ad.reply_call"] = re.compile(words["ad.reply_call"].pattern + "|" + _alt(cl["verbs"]) + "(?!" + _alt(cl["not_after_verb"]) + ")"
                                        + rf"[^\s,.!?;\uff0c\u3002\uff01\uff1f\uff1b{re.escape(str(cl['not_in_keyword']))}]"
                                        + rf"{{1,{int(cl['gap'])}}}?" + _alt(cl["claims"]))
    # a giveaway's limit said with a count: 前30名 (patterns.yaml first_n)
    fn = load_resource(PATTERNS)["first_n"]
    words["ad.giveaway_limit"] = re.compile(words["ad.giveaway_limit"].pattern + "|" + re.escape(str(fn["lead"]))
                                            + rf"\s*[{fn['counts']}]+\s*" + _alt([str(c) for c in fn["counters"]]))
    # a want said around the thing: 需要滤镜素材的 (patterns.yaml want_clause)
    wc = load_resource(PATTERNS)["want_clause"]
    words["ad.want"] = re.compile(words["ad.want"].pattern + "|" + _alt(wc["leads"])
                                  + rf"[^\s,.!?;\uff0c\u3002\uff01\uff1f\uff1b]{{1,{int(wc['gap'])}}}?" + re.escape(str(wc["end"])))
    # a plea in the writer's own name: 给我(的短视频)点个赞 (patterns.yaml plea_for_me)
    pf = load_resource(PATTERNS)["plea_for_me"]
    words["spam.plea"] = re.compile(words["spam.plea"].pattern + "|" + _alt(pf["leads"])
                                    + rf"(?:{_alt(pf['owned'])}[^\s,.!?;\uff0c\u3002\uff01\uff1f\uff1b]{{0,{int(pf['gap'])}}}?)?"
                                    + "(?:" + words["spam.favour"].pattern + ")")
    # a small lot of a member's own surplus: 两包, 一卷, 2盒 (patterns.yaml small_lot), not part of a larger count (12包)
    sl = load_resource(PATTERNS)["small_lot"]
    words["resale.small_lot"] = re.compile("(?<![0-9" + "".join(sl["not_after"]) + "])" + _alt([str(c) for c in sl["counts"]])
                                           + _alt(sl["counters"]))
    # a catalogue's count: many kinds or much stock (四十多款, 上百个品种, 一百多台: patterns.yaml catalogue)
    ct = load_resource(PATTERNS)["catalogue"]
    not_words = ct.get("not_words") or ()  # a counter that starts another word: 5000 台北面交 is no stock count
    words["resale.seller_form"] = re.compile(words["resale.seller_form"].pattern + "|" + catalogue_count(ct)
                                             + ("(?!" + _alt([str(w) for w in not_words]) + ")" if not_words else "")
                                             + _alt(ct["counters"]))
    # a claim to undersell a whole place: 全长沙最平, 全台最低价 (patterns.yaml price_superlative)
    ps = load_resource(PATTERNS)["price_superlative"]
    words["resale.seller_form"] = re.compile(words["resale.seller_form"].pattern + "|" + re.escape(str(ps["lead"]))
                                             + rf"[\u4e00-\u9fff]{{1,{int(ps['place'])}}}?" + _alt(ps["cheapest"]))
    # more units on hand, new, beside the one offered: 另外我这还有好几台新的 (patterns.yaml more_units)
    mu = load_resource(PATTERNS)["more_units"]
    words["resale.seller_form"] = re.compile(words["resale.seller_form"].pattern + "|" + _alt(mu["leads"])
                                             + _alt([str(c) for c in mu["counts"]]) + _alt(mu["counters"])
                                             + rf"[^,.!?;\uff0c\u3002\uff01\uff1f\uff1b]{{0,{int(mu['gap'])}}}?" + _alt(mu["new"]))
    plain = {k for k in lists if k not in words}
    gates = {k: got for k, rx in words.items() if (got := required_literals(rx))}
    # the masks of signals.yaml rows that are patterns of patterns.yaml (reach_note, group_qr), and the patterns some
    # detectors read on the compact text beside their lists (WALKED_PATTERNS), in the same walk by what every match of
    # theirs contains: a row whose mask has none of it in the compact text reads that text as it is; a detector none of
    # whose lists and patterns can match finds nothing (SignalTable.needs, round 80)
    for name in [*_pattern_masks(lists), *WALKED_PATTERNS]:
        rx = getattr(patterns(), name)
        if got := required_literals(rx.rx if isinstance(rx, Gated) else rx):
            gates[PATTERN_MASK + name] = got
    return Lexicons(
        # the other lists behind a cheap first look for what every match contains, where the engine cannot skip places
        words=PatternsOnUse(list(dict.fromkeys([*lists, *words])), {k: gated(rx) for k, rx in words.items()},
                            {k: partial(alternation, lists[k]) for k in plain}),
        injection=alternation([w for w in data["injection"] if " " not in w]),
        injection_en=_phrases([w for w in data["injection"] if " " in w] + list(data.get("injection_en", []))),
        social=social,
        social_re=alternation(sorted(social)),
        social_tail=re.compile("(?:" + "|".join(re.escape(w) for w in data["social_particles"]) + ")+$"),
        social_fillers=alternation(data["social_fillers"]),
        chatter=alternation(lists["chatter"]),  # with the game slang (*game_slang) in it
        warning=alternation(data.get("warning", [])),
        hits=LexiconHits(lists, plain, gates),
    )


PATTERN_MASK = "patterns."  # the walk's key of a pattern of patterns.yaml (a row's mask, WALKED_PATTERNS): no word list's key
# patterns of patterns.yaml that detectors search on the compact text beside their word lists (_OWN_NEEDS), answered
# for by the one walk as the lists are
WALKED_PATTERNS = ("buy_get", "profile_look", "kin_venture", "like_genuine")


def _pattern_masks(lists: dict[str, list[str]]) -> list[str]:
    """The ``mask`` names of signals.yaml rows that are no word list of lexicons.yaml: patterns of patterns.yaml that
    :meth:`Scan.text` takes out of the compact text (reach_note, group_qr)."""
    rows = load_resource(SIGNALS)["signals"]
    return list(dict.fromkeys(str(m) for row in rows if (m := row.get("mask")) and str(m) not in lists))


def mask_key(mask: str, lex: Lexicons) -> str:
    """The key under which the one walk (:class:`LexiconHits`) answers for a row's ``mask``: the word list's own key, or
    the pattern's under :data:`PATTERN_MASK`."""
    return mask if mask in lex.words else PATTERN_MASK + mask


@dataclass(frozen=True)
class SignalSpec:
    """One row of the signal table (``signals.yaml``): name, label, weights and how the reason reads."""

    name: str
    label: str
    detail: str
    weights: dict[str, float]
    per_extra: float = 0.0
    cap: float = 1.0
    words: str | None = None
    max_chars: int | None = None
    requires: tuple[str, ...] = ()  # the signal counts only beside one of these …
    alone_from: int = 0  # … or with at least this many distinct hits of its own (0: never alone)
    combo: tuple[str, ...] = ()  # lexicons that must all be present (co-occurrence) …
    or_combo: tuple[str, ...] = ()  # … or, failing that, all of these
    mask: str | None = None  # a lexicon of phrases removed before looking (disclaimers: 不要中介费)
    counted_in: tuple[str, ...] = ()  # earlier signals whose hits are cut out first: a cue inside one is counted there
    whole: bool = False  # a short cue counts only as a whole word of the message (cue_words ``whole``: 回收 of 回收站 is none)
    # (given, claims): a combo whose every hit of its last lexicon is a ``claims`` cue does not count when the writer says
    # ``given`` (我发了个红包，大家快抢: the writer's own gift to claim is no plea for a favour)
    given: tuple[str, str] | None = None

    def weight(self, variant: str, distinct: int) -> float:
        return min(self.weights[variant] + self.per_extra * max(0, distinct - 1), self.cap)


@dataclass(frozen=True)
class SignalTable:
    specs: tuple[SignalSpec, ...]
    thresholds: dict[str, float]
    roles: dict[str, frozenset[str]]  # what the pipeline weighs signals as (seller, not_asked): names by role

    @cached_property
    def detectors(self) -> dict[str, Detector]:
        """The detector of each signal, by name (:func:`detector`; the table is refused when one has none)."""
        return {spec.name: found for spec in self.specs if (found := detector(spec)) is not None}

    @cached_property
    def needs(self) -> dict[str, tuple[tuple[frozenset[str], ...], str]]:
        """The signals whose detector finds nothing without its word lists (:data:`_LIST_GATED`: the generic :func:`_words`,
        :func:`_combo` and the detectors of their shape; :data:`_OWN_NEEDS`: detectors that read a few lists and patterns
        of their own on the compact text), each with the ways it can find something: sets of lists (and patterns,
        :data:`WALKED_PATTERNS`) that must all have a match — a words signal its list; a combo every list of its ``combo``
        and, when it has one, every list of its ``or_combo``. A list the one walk does not answer for (not in
        :attr:`LexiconHits.gated`) is left out of its set (it may match anywhere); a set left empty makes the signal one
        the walk cannot rule out. The second item is the walk's key of the row's ``mask`` (:func:`mask_key`; "" for none):
        a row with a mask reads the compact text less its phrases, and cutting one out could join two halves of a word, so
        the sets answer for it only in a text with no match of the mask — which the walk tells too. A row whose mask the
        walk does not answer for is left out (round 80: masked rows and :data:`_OWN_NEEDS` added)."""
        lex = lexicons()
        gated = lex.hits.gated if lex.hits is not None else frozenset()
        out = {}
        for spec in self.specs:
            found = detector(spec)
            shape, own = _LIST_GATED.get(found), _OWN_NEEDS.get(found)  # type: ignore[arg-type]
            if shape is None and own is None:
                continue
            mask = mask_key(spec.mask, lex) if spec.mask else ""
            if mask and mask not in gated:
                continue
            if own is not None:
                ways = own(spec)
            elif shape == "words":
                ways = ((spec.words,),)
            else:
                ways = (spec.combo, spec.or_combo) if spec.or_combo else (spec.combo,)
            sets = tuple(frozenset(way) & gated for way in ways)
            if all(sets):
                out[spec.name] = (sets, mask)
        return out

    def idle(self, present: frozenset[str]) -> frozenset[str]:
        """The signals of :attr:`needs` that find nothing in a compact text with no Cantonese word whose lists (and walked
        patterns) with a match are ``present``: no match of the row's mask can be there, and each of its ways misses a
        list. Remembered per ``present`` (most messages share a few)."""
        got = self._idle.get(present)
        if got is None:
            # read from the lists that are present, not by testing each signal's ways: a message's set of lists is new
            # for nearly every message of a real chat (2,936 of 3,000 different texts), so this is mostly computed
            # (round 82, d17s82: a signal is awake when its mask or one of its ways is all there — the same answer)
            by_list, several, names = self._wake()
            awake: set[str] = set()
            for key in present & by_list.keys():
                awake |= by_list[key]
            awake.update(name for name, way in several if name not in awake and way <= present)
            got = names - awake
            if len(self._idle) < 4096:
                self._idle[present] = got
        return got

    def _wake(self) -> tuple[dict[str, frozenset[str]], tuple[tuple[str, frozenset[str]], ...], frozenset[str]]:
        """:attr:`needs` turned round for :meth:`idle`: each walk key → the signals one match of it wakes (its mask, or
        a way of that one list alone), the ways of two or more lists (each with its signal), and every signal of
        :attr:`needs`. Built once for the ``needs`` object it reads (a test or the A/B harness may put another in)."""
        needs = self.needs
        built = self.__dict__.get("_woken")
        if built is None or built[0] is not needs:
            built = self.__dict__["_woken"] = (needs, self._turned(needs))
        return built[1]

    @staticmethod
    def _turned(needs: dict[str, tuple[tuple[frozenset[str], ...], str]]) \
            -> tuple[dict[str, frozenset[str]], tuple[tuple[str, frozenset[str]], ...], frozenset[str]]:
        by_list: dict[str, set[str]] = {}
        several: list[tuple[str, frozenset[str]]] = []
        for name, (sets, mask) in needs.items():
            if mask:
                by_list.setdefault(mask, set()).add(name)
            for way in sets:
                if len(way) == 1:
                    by_list.setdefault(next(iter(way)), set()).add(name)
                else:
                    several.append((name, way))
        return ({k: frozenset(v) for k, v in by_list.items()}, tuple(several), frozenset(needs))

    @cached_property
    def _idle(self) -> dict[frozenset[str], frozenset[str]]:
        return {}

    def to_run(self, idle: frozenset[str]) -> tuple[SignalSpec, ...]:
        """The specs :func:`detect` runs, in table order: every one but ``idle`` (:meth:`idle`'s answer for the message;
        empty for a text with a Cantonese word). Remembered per ``idle`` set (a few hundred at most: :meth:`idle`
        remembers its answers, so most messages hand over the same objects), so a message walks only the detectors that
        can find something instead of testing each of the table's rows against ``idle``."""
        got = self._to_run.get(idle)
        if got is None:
            got = tuple(spec for spec in self.specs if spec.name not in idle)
            if len(self._to_run) < 4096:
                self._to_run[idle] = got
        return got

    @cached_property
    def _to_run(self) -> dict[frozenset[str], tuple[SignalSpec, ...]]:
        return {}

    @cached_property
    def own_words_gated(self) -> frozenset[str]:
        """The signals whose detector is one of :data:`_OWN_WORDS_GATED`: idle for a message whose own words
        :func:`_own_words_gate` finds nothing in."""
        return frozenset(spec.name for spec in self.specs if self.detectors.get(spec.name) in _OWN_WORDS_GATED)

    @cached_property
    def requiring(self) -> dict[str, SignalSpec]:
        """The specs whose signal counts only in company (``requires``), by name."""
        return {spec.name: spec for spec in self.specs if spec.requires}


@lru_cache(maxsize=1)
def signal_table() -> SignalTable:
    data = load_resource(SIGNALS)
    specs = []
    for row in data["signals"]:
        weight = row["weight"]
        weights = {"default": float(weight)} if isinstance(weight, (int, float)) else {k: float(v) for k, v in weight.items()}
        specs.append(SignalSpec(name=row["name"], label=row["label"], detail=row["detail"], weights=weights,
                                per_extra=float(row.get("per_extra", 0.0)), cap=float(row.get("max", 1.0)),
                                words=row.get("words"), max_chars=row.get("max_chars"),
                                requires=tuple(row.get("requires", ())), combo=tuple(row.get("combo", ())),
                                or_combo=tuple(row.get("or_combo", ())),
                                alone_from=int(row.get("alone_from", 0)), mask=row.get("mask"),
                                counted_in=tuple(row.get("counted_in", ())), whole=bool(row.get("whole", False)),
                                given=tuple(row["given"]) if row.get("given") else None))
    missing = [s.name for s in specs if detector(s) is None]
    if missing:
        raise ValueError(f"{SIGNALS}: no detector for {missing}")
    order = [s.name for s in specs]
    late = [(s.name, c) for s in specs for c in s.counted_in if c not in order[:order.index(s.name)]]
    if late:  # detectors run in table order: a signal can only leave out what an earlier one found
        raise ValueError(f"{SIGNALS}: counted_in names no earlier signal: {late}")
    roles = {str(role): frozenset(map(str, names)) for role, names in data.get("roles", {}).items()}
    unknown = sorted({n for names in roles.values() for n in names} - set(order))
    if unknown:
        raise ValueError(f"{SIGNALS}: roles name no signal: {unknown}")
    return SignalTable(tuple(specs), {k: float(v) for k, v in data.get("thresholds", {}).items()}, roles)


# --- contact handles ---------------------------------------------------------------------
# The words inside these patterns are data (resources/moderation/patterns.yaml); the shapes are code.
PATTERNS = "moderation/patterns.yaml"
DIALECT_READ = frozenset({"spam", "ad"})  # labels whose cues are also read in the text's mainland Mandarin form
DIALECT = "dialect_yue.yaml"  # Cantonese words and their Mandarin form, one table for the notes and moderation


_CLAUSE = r"[^\uff0c\u3002\uff01\uff1f,.!?\uff1b;\n]"  # a character inside one clause
_PHRASE = r"[^\uff0c\u3002\uff01\uff1f,.!?\uff1b;\s]"  # … inside one phrase (white space ends it too)
_QUOTE_OPEN = "“\"「『‘'"
_QUOTE_CLOSE = "”\"」』’'"


@dataclass(frozen=True)
class Patterns:
    """The compiled contact, money and reported-speech patterns (built once from patterns.yaml)."""

    wechat_id: re.Pattern[str]
    qq_num: re.Pattern[str]
    labelled_handle: re.Pattern[str]
    app_handle: re.Pattern[str]
    profile_handle: re.Pattern[str]  # an account on a photo or social app: a contact only in company, as a landline
    foreign_mobile: re.Pattern[str]  # a Taiwan, Hong Kong or Malaysian mobile: a contact only in company, as a landline
    short_label_run: re.Pattern[str]
    qq_short: re.Pattern[str]  # a QQ number after QQ's one-syllable nickname (patterns.yaml qq.short)
    contact_verb_words: frozenset[str]  # patterns.yaml contact_verbs: 加 of 加微 is no word the label ends
    phone: re.Pattern[str]
    landline: re.Pattern[str]
    contact_num: re.Pattern[str]
    mention_handle: re.Pattern[str]
    money: re.Pattern[str]
    income: re.Pattern[str]
    reported_speech: re.Pattern[str]
    narrated_contact: re.Pattern[str]
    caused_contact: re.Pattern[str]  # a third person making someone get in touch (有人冒充物业…让业主加微信)
    third_party: re.Pattern[str]  # a member naming a third person of a trade they hired (我家是找的王师傅贴的)
    third_party_told: re.Pattern[str]  # … or recommend (推荐一个做防水的李师傅), said with third_party_voucher
    third_party_voucher: re.Pattern[str]  # the helper in the third person or the writer's own use (他做的, 我女儿跟她)
    third_party_ask: re.Pattern[str]  # … or asked for by way of the writer (要教练line的私我, 需要医生名字的私我)
    arrow_call: re.Pattern[str]  # a pointing sign right before where to write (批发，全网最低 👉 私聊): a call to act
    profile_look: re.Pattern[str]
    speech_quote: re.Pattern[str]
    recipients: re.Pattern[str]
    referral_param: re.Pattern[str]
    health_claim: re.Pattern[str]
    unit_price: re.Pattern[str]
    deal_terms: re.Pattern[str]
    kin_venture: re.Pattern[str]
    like_genuine: re.Pattern[str]
    sign_up_gift: re.Pattern[str]
    sign_up_offer: re.Pattern[str]  # sign_up_gift on offer: its gift word not followed by one of ``had`` (报名送了泳镜)
    buy_get: re.Pattern[str]
    amount_end: re.Pattern[str]  # a text ending in an amount (场地费15元 | AA): a figure and its unit, if any
    group_qr: re.Pattern[str]
    # a payment note (ad.payment_note) or an app named in a question or a report of trouble with it (app_trouble):
    # what an invitation or a pointer to a profile is looked for without (signals.yaml ``mask: reach_note``)
    reach_note: re.Pattern[str]
    cheaper: re.Pattern[str]
    provider: re.Pattern[str]
    measure: re.Pattern[str]
    model_token: re.Pattern[str]  # a model number or spec (RTX4060, 7800X3D, 16+512): no price
    negated_invite: re.Pattern[str]  # an invitation the writer refuses (别私聊我, 私聊我也不回)



@lru_cache(maxsize=1)
def group_slur() -> re.Pattern[str]:
    """A put-down of a whole kind of people ("外地人就是素质低", "河南人都是骗子"; patterns.yaml ``group_slur``): a people,
    an origin (河南来的) or a trade (搞销售的) generalised with a bad trait, or a kind hedged by 某些/有些 with contempt
    (某些南方来的就是一股穷酸味, 有些家长一副穷酸样), or a kind addressed as a whole and called a burden (你们这些透析的就是
    浪费医保的钱), or summed up as having no good one (河南人没一个好东西), or called a herd of low things (一群下贱东西)."""
    d = load_resource(PATTERNS)["group_slur"]
    cjk = r"[\u4e00-\u9fff]"
    people = _alt(d["peoples"]) + _alt(d["peoples_suffix"])
    origin = _alt(sorted({*d["origins"], *d["peoples"]})) + _alt(d["origin_suffix"])
    group = "(?:" + _either(d["groups"]) + "|" + cjk + "{1,3}" + re.escape(str(d["group_suffix"])) + "|" + people + "|" + origin + ")"
    generalised = _alt(d["generalisers"]) + rf"{cjk}{{0,{int(d['max_gap'])}}}?"
    contempt = _alt(d["contempt"])
    scorned = _alt([*d["traits"], *d["contempt"], *d["contempt_generalised"]])
    trade = _alt(d["trade_lead"]) + rf"{cjk}{{1,{int(d['trade_gap'])}}}?的"
    kind = _alt(d["hedges"]) + rf"{cjk}{{1,{int(d['hedge_gap'])}}}?"
    return gated(re.compile(group + rf"{cjk}{{0,{int(d['act_gap'])}}}?" + "(?:" + generalised + scorned + "|" + _alt(d["none_good"]) + ")"
                      # a herd of low things, wherever the kind was named (…，一群下贱东西)
                      + "|" + _alt(d["herd"]) + _alt([*d["contempt"], *d["contempt_generalised"]]) + _alt(d["herd_things"])
                      # a trade generalised with contempt (搞销售的就是一身铜臭味) — not 骗子 (卖保健品的都是骗子 warns)
                      + "|" + trade + rf"{cjk}{{0,{int(d['act_gap'])}}}?" + generalised
                      + _alt([*d["contempt"], *d["contempt_generalised"]])
                      # a kind hedged by 某些/有些 and held in contempt (有些单亲家庭的孩子就是没教养, 有些家长一副穷酸样)
                      # a kind addressed as a whole and called a burden (你们这些透析的就是浪费医保的钱)
                      + "|" + _alt(d["addressed"]) + rf"{cjk}{{1,{int(d['hedge_gap'])}}}?" + generalised
                      + _alt([*d["contempt"], *d["contempt_generalised"], *d["burden"]])
                      + "|" + kind + "(?:" + generalised + _alt([*d["contempt"], *d["contempt_generalised"]])
                      + rf"|{cjk}{{0,{int(d['hedge_contempt_gap'])}}}?" + contempt + ")"
                      # a people by its place told it knows nothing or is not wanted (港仔懂什么…, 大陆仔不要来…), or summed
                      # up and dismissed at a clause's end (港女都是这么，…)
                      + "|" + people + rf"[\u4e00-\u9fff]{{0,{int(d['scorn_gap'])}}}?"
                      + "(?:" + _alt(d["scorn"]) + "|" + _alt(d["scorn_end"]) + r"(?=[\s,，。.!！?？~～]|$))"))

@lru_cache(maxsize=1)
def quoted_reply_code() -> re.Pattern[str]:
    """A reply code in quotation marks after a reply verb (回复“学”; patterns.yaml ``reply_code_quoted``)."""
    d = load_resource(PATTERNS)["reply_code_quoted"]
    quoted = "|".join(re.escape(q[0]) + rf"[^\s{re.escape(q)}]{{1,{int(d['max_chars'])}}}" + re.escape(q[1]) for q in d["quotes"])
    return re.compile(_alt(d["verbs"]) + f"(?:{quoted})")


_WHITE_SPACE = re.compile(r"\s+")
_CURRENCY = "[$\u00a5\uffe5]"  # a currency sign before a sum: $, ¥ and its full-width form


def _squeezed(folded: str) -> str:
    """``folded`` without white space (回复 “学” reads as 回复“学”)."""
    return _WHITE_SPACE.sub("", folded)


@lru_cache(maxsize=1)
def put_down() -> re.Pattern[str]:
    """A put-down by its form (patterns.yaml ``put_down``): sending someone away to a child's pastime ("回家玩泥巴去吧"),
    judging their schooling, means or competence ("一看就是没读过书的", "建议回去读小学", "就你家有钱", "你一个外行…指点"),
    sneering at their work ("写成这样还天天打卡"), judging or denying their gift or taste ("你那审美也就配…", "你就没那个天赋"),
    mocking them as posing as a master ("装什么大师"), likening them to someone feeble ("你那反手跟老太太一样")."""
    pd = load_resource(PATTERNS)["put_down"]
    d, j, sc, o, lc, ws = pd["send_away"], pd["judged"], pd["school"], pd["only_you"], pd["lecturing"], pd["work_sneer"]
    cp, bb, gf, ng, ps, lk = pd["compared"], pd["backbite"], pd["gift"], pd["no_gift"], pd["posing"], pd["likened"]
    return gated(re.compile(_alt(d["lead"]) + _alt(d["verbs"]) + rf"[\u4e00-\u9fff]{{0,{int(d['max_gap'])}}}?" + _alt(d["end"])
                      + "|" + _alt(j["lead"]) + rf"{_CLAUSE}{{0,{int(j['max_gap'])}}}?" + _alt(j["slight"])
                      + "|" + _alt(sc["lead"]) + _alt(sc["back"]) + _alt(sc["end"])
                      + "|" + _alt(o["lead"]) + _alt(o["end"])
                      + "|" + _alt(lc["lead"]) + _alt(lc["who"]) + rf"{_CLAUSE}{{0,{int(lc['max_gap'])}}}?" + _alt(lc["end"])
                      + "|" + _alt(ws["verbs"]) + _alt(ws["result"]) + rf"{_CLAUSE}{{0,{int(ws['max_gap'])}}}?" + _alt(ws["end"])
                      + "|" + _alt(cp["lead"]) + _alt(cp["mid"])
                      + "|" + _alt(bb["lead"]) + rf"{_CLAUSE}{{0,{int(bb['max_gap'])}}}?" + _alt(bb["persons"])
                      + rf"{_CLAUSE}{{0,{int(bb['gap'])}}}?" + _alt(bb["slight"])
                      + "|" + _alt(gf["lead"]) + _alt(gf["faculty"]) + rf"{_CLAUSE}{{0,{int(gf['max_gap'])}}}?" + _alt(gf["verdict"])
                      + "|" + _alt(ng["lead"]) + rf"{_CLAUSE}{{0,{int(ng['max_gap'])}}}?" + _alt(ng["lack"])
                      + "|" + _alt(ps["lead"]) + _alt(ps["role"])
                      + "|" + _alt(lk["lead"]) + rf"{_CLAUSE}{{0,{int(lk['max_gap'])}}}?" + _alt(lk["like"]) + _alt(lk["likeness"])
                      + _alt(lk["end"])))


@lru_cache(maxsize=1)
def _cantonese() -> tuple[re.Pattern[str], dict[str, str]]:
    """Cantonese (and Taiwan Mandarin) words and their mainland Mandarin form, for the abuse layer and the spam and ad cues:
    the shared table (``dialect_yue.yaml``, also read by the notes) and the words the lexicons and patterns need beside it
    (patterns.yaml ``cantonese`` and ``taiwanese``, which win on a shared word)."""
    table = {str(k): str(v) for k, v in (load_resource(DIALECT)["cantonese"] or {}).items()}
    table |= {str(k): str(v) for k, v in load_resource(PATTERNS)["cantonese"].items()}
    table |= {str(k): str(v) for k, v in (load_resource(PATTERNS).get("taiwanese") or {}).items()}
    return re.compile(_either(list(table))), table


@lru_cache(maxsize=256)
def in_mandarin(folded: str) -> str:
    """A folded text with its Cantonese words in their Mandarin form (唱成咁都敢上台 → 唱成这样都敢上台, 冇脑都唔好出声 →
    没脑子都不要说话), longest word first; Mandarin text is returned as it is. Remembered for the last texts: the abuse
    detectors of one message each read its text in Mandarin."""
    words, table = _cantonese()
    return words.sub(lambda m: table[m.group(0)], folded)


def as_written(text: str, hits: list[str]) -> list[str]:
    """Hits found in ``in_mandarin(text)``, each as ``text`` writes it (点个赞 found in "帮我按个赞" → 按个赞, 家人 in
    "转发俾屋企人" → 屋企人): a reason quotes the member's own words, and a later detector cuts them from the text as written.
    A hit not found in the Mandarin form is returned as it is."""
    words, table = _cantonese()
    said: list[str] = []
    spans: list[tuple[int, int]] = []  # for each character of the Mandarin form, the source characters it stands for
    pos = 0
    for m in words.finditer(text):
        said += text[pos:m.start()]
        spans += [(i, i + 1) for i in range(pos, m.start())]
        said += table[m.group(0)]
        spans += [(m.start(), m.end())] * len(table[m.group(0)])
        pos = m.end()
    said += text[pos:]
    spans += [(i, i + 1) for i in range(pos, len(text))]
    form = "".join(said)
    out = []
    for h in hits:
        k = form.find(h) if h else -1
        out.append(text[spans[k][0]:spans[k + len(h) - 1][1]] if k >= 0 else h)
    return out


def read_as_said(text: str, read: Callable[[str], list[str]]) -> list[str]:
    """``read`` on the mainland Mandarin form of ``text``, its hits as ``text`` writes them (:func:`as_written`); nothing
    when that form is ``text`` itself (no Cantonese or Taiwan Mandarin word in it)."""
    said = in_mandarin(text)
    return as_written(text, read(said)) if said != text else []


@lru_cache(maxsize=1)
def someone_put_down() -> re.Pattern[str]:
    """Running down an unnamed member by the role they take in the group (patterns.yaml ``someone_put_down``): "有些人…
    还天天教新人", "有的人拍了两年还分不清…还好意思当管理" — a vague someone, a failing, then daring to teach, judge or lead."""
    d = load_resource(PATTERNS)["someone_put_down"]
    return re.compile(_alt(d["lead"]) + f"{_SENTENCE}{{1,{int(d['max_gap'])}}}?" + _alt(d["dare"])
                      + f"{_CLAUSE}{{0,{int(d['gap'])}}}?" + _alt(d["role"]))


@lru_cache(maxsize=1)
def third_person() -> re.Pattern[str]:
    """A member talked about in the third person ("那个穿红衣服的妹子"; patterns.yaml ``third_person``), inside one
    phrase: a space ends it as a comma would ("那个理发店关门了 有人知道…" talks about a shop, 有人 is anyone)."""
    d = load_resource(PATTERNS)["third_person"]
    return re.compile(_alt(d["lead"]) + f"{_PHRASE}{{0,{int(d['max_gap'])}}}?" + _alt(d["persons"]))


# what a number's digit groups are set apart by: a space, or a hyphen, dot or slash with up to two spaces either side
# ("0912-345-678", "0912 - 345 - 678", "0 9 1 2 - 3 4 5 - 6 7 8", "020.8333.1234"). A number pattern built with it still
# asks for its whole length of digits, so a score (2 - 1), a range of hours (10 - 12 点) or a date is too short for one
DIGIT_SEP = r"(?: {0,2}[-./] {0,2}| {1,2})"
# no digit group (and its separator) right before: the number is not the tail of a longer run (好友码 4821 9930 1176).
# Look-behinds are of one width each, so one per width a separator may have
_NOT_AFTER_GROUP = "".join(f"(?<![0-9]{sep})" for sep in (
    "[-./ ]", " [-./]", "[-./] ", " [-./] ", "  ", "  [-./]", "[-./]  ", "  [-./] ", " [-./]  ", "  [-./]  "))


def one_mark(number: str) -> bool:
    """A number's groups set apart by one kind of mark only (0912-345-678, 0912.345.678): groups set apart by a dot and
    then a hyphen (01.12-03.15 10点) are dates and times side by side, not one number."""
    return len(set(re.findall(r"[-./]", number))) <= 1


def foreign_mobiles(folded: str) -> list[re.Match[str]]:
    """The Taiwan, Hong Kong or Malaysian mobile numbers in ``folded`` (patterns.yaml foreign_mobile), each set apart
    by one kind of mark (:func:`one_mark`)."""
    return [m for m in patterns().foreign_mobile.finditer(folded) if one_mark(m.group(0))]


def landlines(folded: str) -> list[re.Match[str]]:
    """The landline and service numbers in ``folded`` (patterns.yaml landline), each set apart by one kind of mark."""
    return [m for m in patterns().landline.finditer(folded) if one_mark(m.group(0))]


def masked_number(number: str) -> str:
    """A number as a reason shows it: its groups set apart by plain hyphens (0912 - 345 - 678 and 0 9 1 2 - 3 4 5 - 6 7 8
    both read 0912-345-678), its last four characters hidden (as a reason has always shown it)."""
    shown = re.sub(r" *[-./] *", "-", number.strip())
    if re.search(r"\d \d \d", shown):  # spelled one digit apart: the spaces set no group apart
        shown = shown.replace(" ", "")
    return shown[:-4] + "****"


def _landline_pattern(spec: dict[str, Any], not_order: str) -> re.Pattern[str]:
    """A landline as one is written (patterns.yaml landline), on the folded text: an area code set off by a hyphen,
    a space or brackets, then the local number (maybe split once by a space); a whole area code and local number with
    no separator (02083331234); or a service number (400-820-3366)."""
    ac, loc = spec["area_code"], spec["local"]
    area = r"0\d{%d,%d}" % (int(ac["min"]), int(ac["max"]))
    rest = int(loc["min"]) - 1, int(loc["max"]) - 1
    local = r"[2-9](?:\d%s?){%d,%d}\d" % (DIGIT_SEP, rest[0] - 1, rest[1] - 1)
    service = _alt(spec["service_prefixes"]) + DIGIT_SEP + r"?\d{3}" + DIGIT_SEP + r"?\d{4}"
    b = spec["bare"]
    bare = r"0(?:%s)[2-9]\d{%d}|0[%s]\d{2}[2-9]\d{%d,%d}" % (
        "|".join(re.escape(str(a)) for a in b["short_areas"]), int(b["short_local"]) - 1, b["long_area_first"],
        int(b["long_local"]["min"]) - 1, int(b["long_local"]["max"]) - 1)
    return re.compile(r"(?<![0-9a-z.:/-])" + not_order + r"(?:\(" + area + r"\)\s?|" + area + DIGIT_SEP + ")" + local
                      + r"(?![0-9-])|(?<![0-9a-z.:/-])" + service + r"(?![0-9-])"
                      + r"|(?<![0-9a-z.:/-])" + not_order + r"(?:" + bare + r")(?![0-9-])")


def _app_handle_pattern(spec: dict[str, Any], apps: list[str]) -> re.Pattern[str]:
    """An account on another messaging app (patterns.yaml app_handle, the apps of ``contact_apps``), on the folded text:
    the app's name, at least one separator (a colon, 是, ID, @) — or only white space when an invitation to add the app
    leads it (加賴 bgcheap) — then the account: letters first, then letters, digits, _ . -."""
    led = r"(?<=" + r")|(?<=".join(re.escape(str(w)) for w in spec["led_by"]) + r")"
    not_app = r"(?!" + _alt(apps) + r"(?![a-z0-9_.-]))"  # 加賴 line: rod_tw66 — the account is rod_tw66, not "line"
    return re.compile(r"(?:(?<![a-z0-9])" + _alt(apps) + _handle_sep(spec["separators"]) + "|(?:" + led + ")" + _alt(apps)
                      + r"\s+)" + not_app + _handle_account(spec["account"]))


def _profile_handle_pattern(spec: dict[str, Any], account: dict[str, Any]) -> re.Pattern[str]:
    """An account on a photo or social app (patterns.yaml profile_apps), on the folded text: the app's name, at least
    one separator, the account (as app_handle's); or an @account beside a word to follow it or write to it there."""
    at = r"(?<![a-z0-9_.])@" + _handle_account(account)
    follow = _alt(spec["follow"])
    whom = r"(?:\s*" + _alt(spec.get("follow_object") or ["我"]) + ")?"
    return re.compile(r"(?<![a-z0-9])" + _alt(spec["names"]) + _handle_sep(spec["separators"]) + _handle_account(account)
                      + "|" + follow + whom + r"\s*[:\uff1a]?\s*" + at + "|" + at + r"\s*" + follow
                      + "(?!" + _alt(spec["follow_not_before"]) + ")")


def _handle_sep(separators: list[str]) -> str:
    """At least one separator before a handle (a colon, 是, ID, @), white space around each."""
    return r"(?:\s*" + _alt(separators) + r")+\s*"


def _handle_account(account: dict[str, Any]) -> str:
    """The account of a handle (patterns.yaml app_handle ``account``), as a group: a letter first, then letters, digits,
    _ . - up to its length."""
    return r"([a-z][a-z0-9_.-]{%d,%d})(?![a-z0-9_-])" % (int(account["min"]) - 1, int(account["max"]) - 1)


def _foreign_mobile_pattern(specs: list[dict[str, Any]]) -> re.Pattern[str]:
    """A Taiwan, Hong Kong or Malaysian mobile number (patterns.yaml foreign_mobile), on the folded text: the country
    code (a + optional) or the trunk, the first digit, the rest with a separator (``DIGIT_SEP``) allowed between digits; a
    number with no trunk only as its bare split by a space (9345 6120)."""
    forms = []
    for f in specs:
        first, rest = f"[{f['first']}]", f["rest"]
        body = first + r"(?:%s?\d){%d,%d}" % (DIGIT_SEP, int(rest["min"]), int(rest["max"]))
        forms.append(r"\+?" + re.escape(str(f["code"])) + DIGIT_SEP + "?" + body)
        if f.get("trunk"):
            forms.append(re.escape(str(f["trunk"])) + DIGIT_SEP + "?" + body)  # 0 9 1 2 - 3 4 5 - 6 7 8
        if f.get("bare_split"):
            a, b = (int(n) for n in f["bare_split"])
            forms.append(first + r"\d{%d} \d{%d}" % (a - 1, b))  # a space only: 4000-5000 is a range of prices
    # not one group of a longer run of digit groups (好友码 4821 9930 1176 is a friend code, not 4821 9930)
    return re.compile(r"(?<![0-9a-z+.:/-])" + _NOT_AFTER_GROUP + r"(?:" + "|".join(forms) + r")(?![0-9])(?!"
                      + DIGIT_SEP + r"?[0-9])")


def _negated_invite_pattern(spec: dict[str, Any], invite: list[str]) -> re.Pattern[str]:
    """An invitation word (lexicons.yaml ad.invite) with a negation right before it, only fillers between (别再私聊我), or
    a refusal right after it (私聊我也不回): patterns.yaml ``negated_invite``, read on the compact text."""
    fill = _alt(spec["fillers"]) + "{0,%d}" % int(spec["max_fillers"])
    words = _alt(invite)
    return re.compile(_alt(spec["leads"]) + fill + words + "|" + words + fill + _alt(spec["refusals"]))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    d = load_resource(PATTERNS)
    wx, qq, inc, rep = d["wechat"], d["qq"], d["income"], d["reported_speech"]
    qv, rc, hc, nc, pl = d["quote_verbs"], d["recipients"], d["health_claim"], d["narrated_contact"], d["profile_look"]
    up, gq, at = d["unit_price"], d["group_qr"], d["app_trouble"]
    qr_words = _alt(load_resource(LEXICONS)["qr"])
    # the app not the writer's own (我朋友圈, 我的微信), no 我 between it and the trouble (微信怎么赚钱看我 is no question)
    app_trouble = "".join(f"(?<!{re.escape(str(w))})" for w in at["not_after"]) + _alt(at["apps"]) \
        + rf"[^{at['not_between']}]{{0,{int(at['gap'])}}}?" + _alt(at["troubles"])
    app_trouble += "|" + _alt(at["troubles_before"]) + rf"[^{at['not_between']}]{{0,{int(at['gap_before'])}}}?" + _alt(at["apps"]) + "+"
    ap = d["app_part"]  # 微信 in 我的微信头像 (the avatar's app, no contact), and a private message said already sent (我私你了)
    app_part = "".join(f"(?<!{re.escape(str(w))})" for w in ap["not_after"]) + _alt(ap["apps"]) + "(?=" + _alt(ap["parts"]) \
        + ")|" + _alt(ap["done"])
    not_order = "".join(f"(?<!{re.escape(str(w))})" for w in d["not_phone_after"])
    built = Patterns(
        wechat_id=re.compile(_alt(wx["names"]) + "(?:" + _alt(wx["id_words"]) + "?" + _alt(wx["copulas"])
                             + r"?([a-z][a-z0-9_-]{5,19}|\d{6,11})|" + _alt(wx["same_words"]) + _alt(wx["copulas"])
                             + r"?([a-z][a-z0-9_-]{5,19}))"),
        qq_num=re.compile(_alt(qq["names"]) + _alt(qq["suffixes"]) + "?" + _alt(qq["copulas"])
                          + r"?(\d{5,11})|(?<![a-z])q(\d{5,11})(?!\d)"),
        labelled_handle=re.compile(r"(?<![a-z0-9])" + _alt(d["handle_labels"])
                                   + r"\s*[:\uff1a]\s*([a-z][a-z0-9_-]{4,19})(?![a-z0-9_-])"),
        app_handle=_app_handle_pattern(d["app_handle"], contact_apps()),
        profile_handle=_profile_handle_pattern(d["profile_apps"], d["app_handle"]["account"]),
        foreign_mobile=_foreign_mobile_pattern(d["foreign_mobile"]),
        qq_short=re.compile(_alt(qq["short"]["names"]) + _alt(qq["short"]["copulas"]) + r"?(\d{%d,%d})(?!\d)(?!%s)"
                            % (int(qq["short"]["digits"]["min"]), int(qq["short"]["digits"]["max"]),
                               _alt(qq["short"]["not_before"]))),
        short_label_run=re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, sorted(map(str, d["short_labels"]), key=len, reverse=True)))
                                   + r")+(?:\s*[:\uff1a]\s*|\s+)((?:[a-z0-9_-]\s*){%d,%d})(?![a-z0-9_-])"
                                   % (int(d["short_label_run"]["min"]), int(d["short_label_run"]["max"]))),
        contact_verb_words=frozenset(str(w) for w in d["contact_verbs"]),
        # an 11-digit order number looks like a mobile number
        phone=re.compile(r"(?<!\d)" + not_order + r"1[3-9]\d{9}(?!\d)"),
        landline=_landline_pattern(d["landline"], not_order),
        contact_num=re.compile(_alt(d["contact_verbs"]) + r"\D{0,3}(\d{6,12})"),
        mention_handle=re.compile(_alt([*d["handle_mentions"], *(a for a in contact_apps() if a.isascii())])),
        money=re.compile(r"(?:" + _CURRENCY + r"\s?\d+|\d+(?:\.\d+)?\s?" + _alt(d["money_units"]) + r"(?![a-z])"
                         + "(?!" + _alt(d["money_count_after"]) + ")"
                         + r"|(?<![\d.])\d+\s?" + _alt(d["money_slang"]["units"]) + "(?!" + _alt(d["money_slang"]["not_before"]) + "))"),
        income=re.compile(_alt(inc["periods"]) + _alt(inc["verbs"]) + r"(?:\d+|" + rf"[{inc['numerals']}]+" + _alt(inc["magnitudes"])
                          + "|" + _either(inc["amounts"]) + ")"
                          + "|" + _alt(inc["earn_verbs"]) + r"(?:\d+|" + _either(inc["earn_amounts"]) + ")"),
        reported_speech=re.compile("".join(f"(?<!{re.escape(str(w))})" for w in rep.get("not_after") or ())
                                   + _alt(rep["verbs"]) + _alt(rep["objects"])
                                   + r"[^\uff0c\u3002\uff01\uff1f,.!?\uff1b;\n]{0,24}"),
        narrated_contact=re.compile(_alt(nc["verbs"]) + _alt(nc["objects"])
                                    + rf"{_CLAUSE}{{0,{int(nc['max_gap'])}}}?" + _alt(nc["says"])
                                    + "|" + _alt(nc["subjects"]) + rf"{_CLAUSE}{{0,{int(nc['subject_gap'])}}}?" + _alt(nc["says"])
                                    + "|" + _alt(nc["subjects"]) + rf"{_CLAUSE}{{0,{int(nc['subject_gap'])}}}?"
                                    + _alt(nc["verbs"]) + _alt(nc["objects"])),
        caused_contact=re.compile(_alt(nc["subjects"]) + rf"{_CLAUSE}{{0,{int(nc['subject_gap'])}}}?"
                                  + _alt(d["caused_contact"]["makes"])),
        third_party=re.compile(_alt(d["third_party"]["hired"]) + rf"{_CLAUSE}{{0,{int(d['third_party']['gap'])}}}?"
                               + _alt(d["third_party"]["persons"])),
        third_party_told=re.compile(_alt(d["third_party"]["leads"]) + rf"{_CLAUSE}{{0,{int(d['third_party']['gap'])}}}?"
                                    + _alt(d["third_party"]["persons"])),
        third_party_voucher=re.compile(_alt(d["third_party"]["vouchers"])),
        third_party_ask=re.compile(_alt(d["third_party"]["asks"]) + rf"{_CLAUSE}{{0,{int(d['third_party']['ask_gap'])}}}?"
                                   + _alt([*d["third_party"]["persons"], *d["third_party"]["pronouns"]]) + rf"{_CLAUSE}{{0,2}}?"
                                   + _alt(d["third_party"]["contact_nouns"]) + _alt(d["third_party"]["contact_tail"])),
        arrow_call=re.compile(_alt(d["arrow_call"]["arrows"]) + rf"\s{{0,{int(d['arrow_call']['gap'])}}}"),
        profile_look=re.compile("".join(f"(?<!{re.escape(str(x))})" for x in pl.get("not_after") or ())
                                + _alt(pl["verbs"]) + _alt(pl["owners"]) + "?" + _alt(pl["places"])),
        # a quotation right after a speech verb: 骂'…', 说我'…', 冲我喊了一句'…'
        speech_quote=re.compile(_alt(qv["verbs"]) + rf"[^\s{_QUOTE_OPEN}{_QUOTE_CLOSE}\uff0c\u3002,.]{{0,{int(qv['max_gap'])}}}"
                                + rf"[:\uff1a]?\s*[{_QUOTE_OPEN}]([^{_QUOTE_CLOSE}]{{1,60}})[{_QUOTE_CLOSE}]"),
        recipients=re.compile(rf"[{rc['counts']}]+{re.escape(str(rc['counter']))}[\u3400-\u9fff]{{0,{int(rc['max_chars'])}}}?{_alt(rc['ends'])}"),
        referral_param=re.compile(r"[?&]" + _alt(d["referral_params"]) + r"="),
        health_claim=re.compile(rf"[{hc['counts']}]+" + _alt(hc["periods"]) + r"[\u3400-\u9fff]{0,2}?" + _alt(hc["verbs"])
                                + rf"[\u3400-\u9fff]{{0,4}}?[{hc['counts']}]+"),
        # … or the amount first (3000一只, 80每张): two digits or more, then each + counter
        cheaper=re.compile(_alt(d["cheaper"]["lead"]) + rf"{_CLAUSE}{{1,{int(d['cheaper']['gap'])}}}?"
                           + _alt(d["cheaper"]["tail"]) + "|" + d["cheaper"]["discount"]),
        provider=re.compile(_alt(d["provider"]["lead"]) + rf"{_CLAUSE}{{0,{int(d['provider']['gap'])}}}?" + _alt(d["provider"]["kinds"])
                            + "|" + _alt(d["provider"]["own_lead"]) + _alt(d["provider"]["kinds"]) + _alt(d["provider"]["offers"])
                            + r"|\d+" + _alt(d["provider"]["days"]) + rf"{_CLAUSE}{{0,{int(d['provider']['result_gap'])}}}?" + _alt(d["provider"]["results"])),
        unit_price=re.compile(_alt(up["each"]) + _alt(up["counters"]) + rf"[{up['numerals']}]+" + _alt(up["units"])
                              + r"|(?<!\d)\d{2,}" + _alt(up["each"]) + _alt(up["counters"])),
        deal_terms=re.compile(r"(?<![\d.])\d(?:\.\d)?" + re.escape(str(d["deal_terms"]["discount"]))
                              + "|" + re.escape(str(d["deal_terms"]["spend"])) + r"\d+" + _alt(d["deal_terms"]["cut"]) + r"\d+"),
        kin_venture=re.compile(_alt(d["kin_venture"]["kin"]) + rf"{_CLAUSE}{{0,{int(d['kin_venture']['gap'])}}}?"
                               + _alt(d["kin_venture"]["venture"])),
        like_genuine=re.compile(_alt(d["like_genuine"]["link"]) + _alt(d["like_genuine"]["genuine"])
                                + rf"{_CLAUSE}{{0,{int(d['like_genuine']['gap'])}}}?" + _alt(d["like_genuine"]["same"])),
        amount_end=re.compile(r"\d\s?" + _alt(d["money_units"]) + "?$"),
        sign_up_gift=re.compile(_alt(d["sign_up_gift"]["acts"]) + rf"{_CLAUSE}{{0,{int(d['sign_up_gift']['gap'])}}}?"
                                + _alt(d["sign_up_gift"]["gift"])),
        sign_up_offer=re.compile(_alt(d["sign_up_gift"]["acts"]) + rf"{_CLAUSE}{{0,{int(d['sign_up_gift']['gap'])}}}?"
                                 + _alt(d["sign_up_gift"]["gift"]) + "(?!" + _alt(d["sign_up_gift"]["had"]) + ")"),
        buy_get=re.compile(_alt(d["buy_get"]["buy"]) + f"[{d['buy_get']['counts']}]+" + rf"{_CLAUSE}{{0,{int(d['buy_get']['unit_gap'])}}}?"
                           + _alt(d["buy_get"]["get"]) + f"[{d['buy_get']['counts']}]+"),
        measure=re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s?(" + _either(d["measure_units"]) + r")(?![a-z])", re.IGNORECASE),
        model_token=_model_token_pattern(d["model_token"]),
        negated_invite=_negated_invite_pattern(d["negated_invite"], invite_words()),
        group_qr=re.compile(_alt(gq["places"]) + rf"{_CLAUSE}{{0,{int(gq['gap'])}}}?" + qr_words
                            + "|" + qr_words + rf"{_CLAUSE}{{0,{int(gq['after_gap'])}}}?" + _alt(gq["places"])
                            + "|" + _alt(gq["organisers"])),
        reach_note=re.compile(_alt(load_resource(LEXICONS)["ad"]["payment_note"]) + "|" + app_trouble + "|" + app_part),
    )
    # the patterns the engine cannot skip places for behind a cheap first look for what every match contains
    return Patterns(**{f.name: gated(getattr(built, f.name)) for f in fields(Patterns)})


def _model_token_pattern(d: dict[str, Any]) -> re.Pattern[str]:
    """patterns.yaml ``model_token``: a run of Latin letters and digits holding both (not an amount with its money letter,
    5k, 350r), or two numbers joined by ``joined`` (16+512)."""
    money = _either(d["money_letters"])
    joined = re.escape(str(d["joined"]))
    # sizes joined by "+" (16+512), or a run of letters and digits with what is joined to it (7800X3D+4070S, Pro16+512)
    return re.compile(rf"(?<![\d.])\d{{1,3}}{joined}\d{{2,4}}(?![\d.])"
                      rf"|(?<![a-z0-9.])(?!\d+(?:\.\d+)?(?:{money})(?![a-z0-9]))(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]+(?:{joined}[a-z0-9]+)*(?![a-z0-9])",
                      re.IGNORECASE)


def without_models(text: str) -> str:
    """The text with its model numbers and specs taken out (RTX4060 8G, 7800X3D, 16+512): names of things, not prices."""
    return patterns().model_token.sub(" ", text)


def without_platform_mark(text: str) -> str:
    """The text without a red packet's mark at its start ([微信红包]: notes/noise.yaml ``red_packets.starts``, on the folded
    form): the app writes it, not the member, so the ad classifier does not read its 红包 as a pitch's (round 84, d17a84)."""
    head = text.lstrip()
    if head[:1] not in "[［":
        return text  # every mark opens with a bracket (a full-width one folds to it): no folding for the other messages
    mark = platform_lines()[2].match(fold(head))
    return head[len(mark.group(0)):] if mark is not None and fold(head[:len(mark.group(0))]) == mark.group(0) else text


def without_measures(text: str) -> str:
    """The text with the digits of its measured quantities dropped (烤箱150度 → 烤箱度, 500g → g): what the ad
    classifier reads, so a temperature or a weight is not taken for a price by its digit grams."""
    return patterns().measure.sub(lambda m: m.group(1), text)


_WXID = re.compile(r"wxid_[a-z0-9]{6,}")
# fixed lines (0755-86001234) belong to offices and property management, not to ad handles
_LANDLINE = re.compile(r"^0\d{9,11}$")
# global allowlist: government, universities, exam and rail sites, code and app stores
_TRUSTED_DOMAINS = ("gov.cn", "edu.cn", "chsi.com.cn", "12306.cn", "github.com", "apps.apple.com")

# --- links ---------------------------------------------------------------------------------
SHORTENERS = frozenset(str(h) for h in lexicon_data()["links"]["shorteners"])  # lexicons.yaml "links"
# a shopping app's share link of a product page (m.tb.cn): a shortener by weight, a product page to the member-post rule
SHOP_SHARE_HOSTS = frozenset(str(h) for h in lexicon_data()["links"]["shop_share"])
# a video or note platform's share link (v.douyin.com, xhslink.com): what a member passes on in the member-post rule
CONTENT_SHARE_HOSTS = frozenset(str(h) for h in lexicon_data()["links"]["content_share"])

MONEY_MAX_DIGITS = 9  # nobody writes a price of 100,000,000 in a group chat; that many digits is a number to call
_ROSTER_LINE = re.compile(r"(?m)^\s*\d{1,3}\s*[.、．)）]")  # "1. 5-302 两份" / "2、王姐 一箱"
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_REPEAT = re.compile(r"(.{1,4}?)\1{5,}")


# Shopping platforms, app and game stores, ticketing platforms: a member may paste a product page from these while
# recommending something (lexicons.yaml links.shop_pages)
_SHOP_DOMAINS = tuple(str(h) for h in lexicon_data()["links"]["shop_pages"])


def is_shop_host(host: str) -> bool:
    """A product page on a big shopping platform (taobao, jd, pinduoduo …), an app store or a ticketing platform."""
    return domain_allowed(host, _SHOP_DOMAINS)


_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?")


def host_of(url: str) -> str:
    host = _SCHEME.sub("", url).split("/")[0].split("?")[0].split(":")[0]
    return host.strip(".")


def domain_allowed(host: str, allowed: list[str] | tuple[str, ...]) -> bool:
    """A host is allowed when it is, or is a subdomain of, an allowed domain."""
    return any(host == d or host.endswith("." + d) for d in allowed)


def noisy_or(*weights: float) -> float:
    """Independent pieces of evidence, each as sure as its weight, together: 1 - Π(1 - w)."""
    p = 1.0
    for w in weights:
        p *= 1.0 - w
    return 1.0 - p


@dataclass
class SignalReport:
    """All signals of one message plus facts the pipeline needs (is it short social chat?)."""

    signals: list[Signal]
    contacts: list[str]
    urls: list[str]
    blocked_urls: list[str]
    social: bool
    substantive: bool
    injection: bool
    chatter: list[str]
    warning: bool = False  # warns the group about a scam (骗子/别信/举报…)
    question: bool = False  # asks something (请问…/…吗/…？)
    roster: bool = False  # a sign-up list (接龙 + numbered lines): room numbers and counts, not disguised digits
    sign_up: bool = False  # calls the group to sign up (接龙/报名…): the group's own order or event
    price_ask: bool = False  # a question about whether a price is fair (这价能入吗？)
    own_item: bool = False  # presents a thing as the sender's own (自用/闲置/用过/转租…)
    used_item: bool = False  # … and as used by the sender (自用/穿过/八成新…, not 原价/全新), with no pitch words
    # distinct attack cues outside quotations (你这种人, 就你这水平; 你这破 … 还好意思: two, a person run down twice over)
    attacks: int = 0
    rule_notice: bool = False  # restates the group's rules (群规, 禁止…, 违者移出)
    job_post: bool = False  # an opening or a referral for a job (在招, 内推, JD, 月薪)
    quoted: bool = False  # quotes someone's words in quotation marks
    narrated: bool = False  # retells what someone who reached the writer said (有人私聊我说…), no quotation marks
    # a put-down by its form in the writer's own words (abuse.contempt, a slur, put_down, someone_put_down, a sneer)
    put_down: bool = False
    pet_scolded: bool = False  # an insult said of the writer's own animal (_pet_scolded), not of a member

    @property
    def attack(self) -> bool:
        """Addresses or characterises a person, outside quotations."""
        return self.attacks > 0

    def total(self, label: str) -> float:
        """Noisy-OR of the weights supporting ``label`` (independent evidence accumulates, capped at 1)."""
        return noisy_or(*(s.weight for s in self.signals if s.label == label))

    def names(self, label: str | None = None) -> list[str]:
        return [s.name for s in self.signals if label is None or s.label == label]

    def signal(self, name: str) -> Signal | None:
        """The signal called ``name`` if it fired."""
        return next((s for s in self.signals if s.name == name), None)


_NOT_CORE = re.compile(r"[^0-9a-z\u3400-\u9fff+]")  # what a social message's core keeps: words, digits and +
NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff]")  # what is no word character of a folded message (also offtopic)
_SOCIAL_CLAUSE = re.compile(r"[,.!?;，。！？；、~\s]+")


def _is_social(n: Normalised, lex: Lexicons) -> bool:
    core = _NOT_CORE.sub("", n.folded)
    if not core:
        return True  # emoji / punctuation / stickers only
    if platform_line(n.folded):
        return True
    if core in lex.social:
        return True
    stripped = lex.social_tail.sub("", core)
    if stripped in lex.social or core.rstrip("!") in lex.social:
        return True
    # e.g. "谢谢大家", "收到收到", "早上好各位": made only of social words and fillers
    rest = lex.social_fillers.sub("", lex.social_re.sub("", core))
    if len(rest) <= 1:
        return True
    # "谢谢团长", "早上好呀各位书友": a social phrase plus a short form of address
    if len(core) <= 12 and len(rest) <= 3 and len(rest) < len(core) / 2:
        return True
    # "恭喜恭喜，记得发喜糖", "不客气，都是邻居": a social clause and a short tail (a reply, not a topic)
    clauses = [c for c in _SOCIAL_CLAUSE.split(n.folded) if c]
    if len(clauses) == 2:
        first = _NOT_CORE.sub("", clauses[0])
        tail = NOT_WORD.sub("", clauses[1])
        head_rest = lex.social_fillers.sub("", lex.social_re.sub("", first))
        return bool(first) and len(head_rest) <= 2 and len(tail) <= SOCIAL_TAIL_CHARS
    return False


SOCIAL_TAIL_CHARS = 6  # the tail after a thanks/congratulation that still reads as a social reply
NOISE_RESOURCE = "notes/noise.yaml"  # the platform's own lines, defined once for the notes and the moderator
PLATFORM_NAME_CHARS = 20  # what may stand before a system phrase in the platform's own line: a member's name


@lru_cache(maxsize=1)
def platform_lines() -> tuple[Any, int, re.Pattern[str], int]:
    """The chat app's own lines as notes/noise.yaml defines them for the notes: ``system_lines`` (joins, recalls,
    pats…) with their longest length, and ``red_packets.starts`` (a red packet's or a transfer's mark) with the longest
    line about a packet itself."""
    data = load_resource(NOISE_RESOURCE)
    system, red = data["system_lines"], data["red_packets"]
    # the system lines behind a first look for their literals (as the notes read them): ~7 µs a message, not ~22
    return (gated(phrases_regex(system["phrases"])), int(system["max_chars"]), phrases_regex(red["starts"]),
            int(red["max_chars"]))


def platform_line(folded: str) -> bool:
    """A line the chat app writes, not the member (notes/noise.yaml, :func:`platform_lines`): 某某撤回了一条消息, 某某加入了群聊 —
    a system phrase that ends the line, after at most a name — or a red packet's mark with at most a short caption
    and no digit ([微信红包]恭喜发财，大吉大利; [红包]感谢大家帮我喂了一周猫). Social: nothing the member says is there to judge; a
    caption with a handle, link or pitch still has its own evidence, which outranks social (pipeline SOCIAL_OVERRIDE).
    Round 84, d17a84."""
    system, system_max, packet, packet_max = platform_lines()
    text = folded.strip()
    # the whole line is the platform's: a system phrase at its end after at most a name (…都会被移出 ends a member's
    # rule notice, 某某撤回了一条消息 is the app's)
    if len(text) <= system_max and any(not NOT_WORD.sub("", text[m.end():])
                                       and len(NOT_WORD.sub("", text[:m.start()])) <= PLATFORM_NAME_CHARS
                                       for m in system.finditer(text)):
        return True
    mark = packet.match(text)
    if mark is None:
        return False
    caption = NOT_WORD.sub("", text[mark.end():])
    return len(caption) <= packet_max and not any(ch.isdigit() for ch in caption) and "." not in text


@lru_cache(maxsize=1)
def _platform_marks() -> re.Pattern[str]:
    """The chat app's bracketed marks (patterns.yaml ``platform_marks``): the notes' placeholder names and the recall
    lines, matched on the folded text."""
    spec = load_resource(PATTERNS)["platform_marks"]
    names = [fold(str(n)) for n in load_resource(spec["names_from"])["placeholders"]["names"]]
    names += [fold(str(n)) for n in spec["recalled"]]
    inner = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"[\[【](?:{inner})[\]】]", re.IGNORECASE)


def without_platform_marks(text: str) -> str:
    """``text`` without what the chat app wrote into it in brackets (a red packet, a picture, a recalled message): the
    member said the rest — unless the whole line is the app's (:func:`platform_line`: the detectors read it as social,
    and the classifier reads it without its leading mark, :func:`without_platform_mark`). Cut from the text as written
    when folding keeps its length (a Traditional message stays Traditional); otherwise from the folded text. A text with
    no bracket is returned as it is (round 84, d17b84)."""
    if "[" not in text and "【" not in text:
        return text
    folded = fold(text)
    if platform_line(folded):
        return text  # the whole line is the app's (a red packet with its caption): the detectors read it as social
    source = text if len(folded) == len(text) else folded
    spans = [m.span() for m in _platform_marks().finditer(folded)]
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        out.append(source[last:start])
        last = end
    out.append(source[last:])
    return " ".join(" ".join(out).split())


# -- detectors: one per row of the signal table ---------------------------------------------------
CUT = "|"  # what stands in for a cue counted by an earlier signal (no word list has it, and it ends every word)


@dataclass
class Scan:
    """One message being scanned: its forms, the profile's settings and what earlier detectors found."""

    n: Normalised
    lex: Lexicons
    thresholds: dict[str, float]
    allowed_domains: tuple[str, ...]
    banned: BannedList | None
    topic_text: str
    shop: bool = False  # the profile is a shop's own customer group
    platform: str = ""  # the chat app the group runs on (profile platform)
    unnamed: bool = False  # the writer's shown name is unknown: a pointer to it points at a contact nobody can read
    peers: bool = False  # the profile is a group of shop owners among themselves (:func:`peer_owners_group`)
    contacts: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    found: dict[str, list[str]] = field(default_factory=dict)  # signal name → its hits, in table order
    masked: dict[str, str] = field(default_factory=dict)  # mask lexicon → the compact text without its phrases
    _quoted_codes: list[str] | None = None  # reply codes in quotation marks (read by each combo that asks for a reply)
    _clauses: list[str] | None = None  # the message's clauses without white space (read by the banned-trade checks)
    _asks: bool | None = None  # whether the message asks something (read by the trade checks and the classifier's evidence)
    _foreign: list[re.Match[str]] | None = None  # foreign mobile numbers (read by the landline signal and the referral checks)
    _own_words: str | None = None  # the writer's own words in Mandarin (read by the abuse detectors and detect)
    _present: dict[str, frozenset[str]] = field(default_factory=dict)  # text → the plain lists with a word in it
    _dialect: dict[str, bool] = field(default_factory=dict)  # text → whether it has a Cantonese (or Taiwan) word
    pet_scolded: bool = False  # an insult was read as said of the writer's own animal (_pet_scolded)

    def present(self, text: str) -> frozenset[str]:
        """The plain word lists with a word written in ``text`` (:class:`LexiconHits`), one combined search per text."""
        got = self._present.get(text)
        if got is None:
            got = self._present[text] = self.lex.hits.present(text) if self.lex.hits is not None else frozenset()
        return got

    def may(self, key: str, text: str) -> bool:
        """Whether word list ``key`` can match ``text`` (or a text cut out of it): False only for a plain list with no word there."""
        return self.lex.may(key, self.present(text))

    def said(self, key: str, text: str) -> bool:
        """Whether word list ``key`` matches ``text``: its search, not run where the text's walk of the word tree, when
        one was made (detect walks the compact text of a message with no Cantonese word), found no word of a plain list
        (round 76, d17a76). A text not walked is searched as before: no walk is made for this."""
        present = self._present.get(text)
        if present is not None and not self.lex.may(key, present):
            return False
        return self.lex.words[key].search(text) is not None

    def walked_out(self, key: str, text: str) -> bool:
        """Whether the walk of the word tree already made for ``text`` (detect walks the compact text of a message with no
        Cantonese word) rules word list ``key`` out: a plain list with no word there, whose search then finds nothing.
        False when no walk was made (none is made for this) or the list may match. Round 80 (d17t80): detect's chatter
        search is not run for most messages."""
        present = self._present.get(text)
        return present is not None and not self.lex.may(key, present)

    def dialect(self, text: str) -> bool:
        """Whether ``text`` has a word :func:`in_mandarin` rewrites (Cantonese, Taiwan Mandarin), searched once per text."""
        got = self._dialect.get(text)
        if got is None:
            got = self._dialect[text] = _cantonese()[0].search(text) is not None
        return got

    def quoted_codes(self) -> list[str]:
        """The reply codes in quotation marks (回复“学”), read once per message: the compact text has lost the marks."""
        if self._quoted_codes is None:
            self._quoted_codes = [m.group(0) for m in quoted_reply_code().finditer(_squeezed(self.n.folded))]
        return self._quoted_codes

    def foreign_mobiles(self) -> list[re.Match[str]]:
        """The Taiwan, Hong Kong or Malaysian mobile numbers in the folded text (patterns.yaml foreign_mobile), read once."""
        if self._foreign is None:
            self._foreign = foreign_mobiles(self.n.folded)
        return self._foreign

    def own_words(self) -> str:
        """The writer's own words (quotations cut, :func:`unquoted`) with Cantonese read in Mandarin (:func:`in_mandarin`),
        read once per message: every abuse detector reads the message this way."""
        if self._own_words is None:
            self._own_words = in_mandarin(unquoted(self.n.folded))
        return self._own_words

    def clauses(self) -> list[str]:
        """The message's clauses (cut at punctuation and spaces, ``_CLAUSES``), each without white space, read once."""
        if self._clauses is None:
            self._clauses = [x for x in (_squeezed(part) for part in _CLAUSES.split(self.n.folded)) if x]
        return self._clauses

    def asks(self) -> bool:
        """Whether the message asks something (lexicons.yaml ``question``, either question mark), read once per message:
        asking about a thing or a deal ("能帮我抢票吗", "八折划算吗") is not offering it."""
        if self._asks is None:
            self._asks = bool(self.lex.words["question"].search(self.n.folded.replace("？", "?")))
        return self._asks

    def words(self, spec: SignalSpec) -> list[str]:
        """The hits of ``spec``'s word list in the text it reads (``text``), less the cues inside a hit of the signals it
        is ``counted_in``: the 私聊 of "要的私聊" is the invitation's, not a promo word besides it — one cue, one count."""
        if not spec.words:
            return []
        text = self.text(spec) if spec.mask else self.n.compact
        # (self.may and self.dialect, their remembered answers read here first: ~11 lists a message, most with no word)
        present, dialect = self._present.get(text), self._dialect.get(text)
        if not self.lex.may(spec.words, self.present(text) if present is None else present) \
                and not (self.dialect(text) if dialect is None else dialect):
            # no word (or gate) of the list in the text, nor in its Mandarin form (the text is that form): nothing in it,
            # nor in the text with earlier cues cut, can match — what detect's idle signals rely on, for every detector
            return []
        if spec.label == "abuse":
            text = in_mandarin(text)  # 冇脑, 收声: the insult said in Cantonese
        for name in spec.counted_in:
            for hit in self.found.get(name, ()):
                text = text.replace(hit, CUT)
        whole = spec.whole  # a cue that labels by itself counts as a word of the message (回收 is none in 回收站)
        rx = self.lex.words[spec.words]
        hits = cue_words(rx, text, whole=whole)
        if spec.label in DIALECT_READ and in_mandarin(text) != text:  # read_as_said reads nothing in Mandarin text
            # 转发俾屋企人, 帮我按个赞: the cue said in Cantonese or Taiwan Mandarin, read beside the words as written
            hits += [h for h in read_as_said(text, lambda t: cue_words(rx, t, whole=whole)) if h not in hits]
        return hits

    def text(self, spec: SignalSpec) -> str:
        """The compact text a spec reads: without its ``mask`` phrases (a disclaimer is not a business word)."""
        if not spec.mask:
            return self.n.compact
        if spec.mask not in self.masked:
            # a lexicon of phrases, or a pattern of patterns.yaml (group_qr: a QR code in the group's own place)
            rx = self.lex.words.get(spec.mask) or getattr(patterns(), spec.mask)
            self.masked[spec.mask] = rx.sub("", self.n.compact)
        return self.masked[spec.mask]


@dataclass
class Finding:
    """What a detector found: the hits (for {items}), which weight variant applies, extra text."""

    items: list[str]
    variant: str = "default"
    suffix: str = ""
    count: int = 0


Detector = Callable[[Scan, SignalSpec], Finding | None]


def _landline(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A landline or service number (patterns.yaml landline): a shop's or a venue's number, so a contact only in company
    (signals.yaml landline requires)."""
    p, folded = patterns(), scan.n.folded
    lines = landlines(folded)
    found = ["座机 " + masked_number(m.group(0)) for m in lines]
    mobiles = ["手机号（境外） " + masked_number(m.group(0)) for m in scan.foreign_mobiles()
               if not any(m.start() < n.end() and n.start() < m.end() for n in lines)]
    found += mobiles
    # one offered after 电话/WhatsApp/联系 is the message's contact for the rules that ask whether a member gives one
    # number for a helper or an outing (pipeline._plain_referral…), as it was when it counted alone; the signal is this
    if mobiles and not scan.contacts and (offered := {m.group(1) for m in p.contact_num.finditer(scan.n.digits)} & _foreign_digits(scan)):
        scan.contacts = ["联系号码 " + d for d in sorted(offered)]
    found += ["社交账号 " + next(g for g in m.groups() if g) for m in p.profile_handle.finditer(folded)]
    return Finding(found) if found else None


def _foreign_digits(scan: Scan) -> set[str]:
    """The digits of the foreign mobile numbers in the text: counted by the landline signal (in company), not as a number
    offered after 电话/WhatsApp alone."""
    return {re.sub(r"\D", "", m.group(0)) for m in scan.foreign_mobiles()}


_PRICE_RANGE = re.compile(_CURRENCY + r"\s*([0-9]+)\s*[-~～]\s*" + _CURRENCY + r"?\s*([0-9]+)")


def _price_ranges(folded: str) -> set[str]:
    """The digits of a price range written with a currency sign ($500-1000): joined in the compact form they look like a
    number to call, and a reason must not call them one."""
    return {a + b for a, b in _PRICE_RANGE.findall(folded)}


def _words(scan: Scan, spec: SignalSpec) -> Finding | None:
    hits = scan.words(spec)
    return Finding(hits) if hits else None


def _label_starts_word(text: str, start: int) -> bool:
    """A contact label at ``start`` is a word of its own: a Chinese label (微, 卫, 扣) that ends a word (稍微, 轻微, 保卫) is
    that word, not a label — unless the word is a contact verb and the label (加微: patterns.yaml contact_verbs)."""
    if not re.match(r"[\u3400-\u9fff]", text[start:start + 1]):
        return True
    bounds = word_bounds(text)
    if start in bounds:
        return True
    head = text[max(b for b in bounds if b < start):start]
    return head in patterns().contact_verb_words


# a run of letters, digits and _ with single hyphens inside it (hk-boost2025, nyd-7788): how a handle is written
HYPHENED_RUN = re.compile(r"[a-z0-9_]+(?:-[a-z0-9_]+)*")


def _whole_handle(handle: str, folded: str) -> str:
    """``handle`` as the writer wrote it: the whole run of letters, digits and _ in the folded text that it ends, when the
    run is longer (its first letter read as the app's name), else ``handle``. A hyphen inside the run is the handle's own
    (the compact form drops it): the run is quoted with it."""
    if not handle.isascii():
        return handle
    runs = [(r, r.replace("-", "")) for r in HYPHENED_RUN.findall(folded)]
    # "加V kaoyan_zl 9.9全套": the compact form glues a price with a decimal point after the handle (kaoyan_zl99); the
    # handle is the run before the space, the price its own
    glued = next((r for r, bare in runs if handle.startswith(bare) and handle[len(bare):].isdigit() and len(bare) >= 4
                  and re.search(re.escape(r) + r"\s+\d+\.\d", folded)), None)
    if glued:
        return glued
    return next((r for r, bare in runs if bare == handle), None) or \
        next((r for r, bare in runs if bare.endswith(handle) and len(bare) <= len(handle) + 2), handle)


def _handle_then_digits(contact: str, run: str) -> bool:
    """Whether ``run`` is the handle of ``contact`` (微信号 kaoyan_zl) with the digits after it joined on (kaoyan_zl9 of
    "kaoyan_zl 9.9全套"): the digits are a price of their own, not more of the handle."""
    handle = contact.split(" ")[-1]
    return len(handle) >= 4 and run.startswith(handle) and run[len(handle):].isdigit()


@lru_cache(maxsize=1)
def _contact_gates() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The one first look of :func:`_contact` on each text form it reads (the digits form and the folded form): the
    needed literals of every contact pattern searched on that form (:func:`literals.any_of`). A message in which
    neither finds one offers no contact (most chat: no 微信/q/v/加/联系, no 1[3-9] or spaced run), and its ten searches
    are not run."""
    p = patterns()
    return (any_of((p.wechat_id, _WXID, p.qq_num, p.qq_short, p.phone, p.contact_num)),
            any_of((p.labelled_handle, p.short_label_run, p.app_handle, SPACED_HANDLE)))


_BACKREF = re.compile(r"\\[1-9]|\(\?P=")  # a pattern that refers back to its own groups, which joining would renumber


def _contact_forms(p: Patterns) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The second look of :func:`_contact` (round 73, d17b73): its patterns of each text form joined in one alternation,
    the digits form's (``wechat_id``, ``_WXID``, ``qq_num``, ``qq_short``, ``phone``, ``contact_num``) and the folded
    form's (``labelled_handle``, ``short_label_run``, ``app_handle``, ``SPACED_HANDLE``). The alternation finds something
    in a text exactly where one of them does, so a text it finds nothing in gives no contact — the literal first look
    passes every message with a space, a q or a 加, and the ten searches and their lists cost twice the joined ones.
    None (no second look) when the patterns' flags differ or one refers back to its groups. Built once per patterns
    object (``p``: :func:`patterns`)."""
    memo = _CONTACT_FORMS.get(id(p))
    if memo is not None and memo[0] is p:
        return memo[1]
    forms = ((p.wechat_id, _WXID, p.qq_num, p.qq_short, p.phone, p.contact_num),
             (p.labelled_handle, p.short_label_run, p.app_handle, SPACED_HANDLE))
    rxs = [rx for form in forms for rx in form]
    joined = None
    if len({rx.flags for rx in rxs}) == 1 and not any(_BACKREF.search(rx.pattern) for rx in rxs):
        try:
            a, b = (re.compile("|".join(f"(?:{rx.pattern})" for rx in form), rxs[0].flags) for form in forms)
            joined = (a, b)
        except re.error:  # an inline flag of one (allowed only at a pattern's start) cannot be joined
            joined = None
    _CONTACT_FORMS.clear()
    _CONTACT_FORMS[id(p)] = (p, joined)
    return joined


_CONTACT_FORMS: dict[int, tuple[Any, tuple[re.Pattern[str], re.Pattern[str]] | None]] = {}


def _contact(scan: Scan, spec: SignalSpec) -> Finding | None:
    d = scan.n.digits
    by_digits, by_folded = _contact_gates()
    by_d = by_digits is None or by_digits.search(d) is not None
    by_f = by_folded is None or by_folded.search(scan.n.folded) is not None
    if not by_d and not by_f:
        scan.contacts = []
        return None
    joined = _contact_forms(patterns())
    if joined is not None and not (by_d and joined[0].search(d)) and not (by_f and joined[1].search(scan.n.folded)):
        scan.contacts = []  # no contact pattern matches either form: nothing below can find one
        return None
    # the compact form joins a lone v or x to the handle after it ("+V xz_88" → 微信z_88): the handle is quoted whole
    contacts = ["微信号 " + _whole_handle(m.group(1) or m.group(2), scan.n.folded) for m in patterns().wechat_id.finditer(d)]
    contacts += ["微信号 " + m.group(0) for m in _WXID.finditer(d)]
    contacts += ["QQ/群号 " + (m.group(1) or m.group(2)) for m in patterns().qq_num.finditer(d)]
    contacts += ["QQ/群号 " + m.group(1) for m in patterns().qq_short.finditer(d)
                 if not any(m.group(1) in c for c in contacts) and _label_starts_word(d, m.start())]
    contacts += ["账号 " + m.group(1) for m in patterns().labelled_handle.finditer(scan.n.folded)
                 if not any(m.group(1) in c for c in contacts)]
    # "📱微 zhongcai_666", "v：al 2 0 2 4 5 6", "小V：s h a n g h a i _ boat": a short or emoji label, then letters with
    # digits or an underscore (spaced or not)
    # an app's name spelled apart before a number (W h a t s A p p 9 2 3 4 5 6 7 8): the number on that app, not an account
    # whose first letter is a label (hatsapp92345678) — round 84, d17b84
    # (the runs spelled apart, spaces out: read once here, for the app numbers and the spelled-apart handles below)
    spaced = [re.sub(r"[ \u3000]", "", m.group(0)) for m in SPACED_HANDLE.finditer(scan.n.folded)]
    app_numbers = [n for h in spaced if (n := _spaced_app_number(h)) is not None]
    contacts += ["账号 " + h for m in patterns().short_label_run.finditer(scan.n.folded)
                 if re.search(r"[a-z]", h := re.sub(r"\s", "", m.group(1))) and re.search(r"[\d_]", h)
                 and not any(h in whole for whole, _ in app_numbers)
                 and not any(h in c or _handle_then_digits(c, h) for c in contacts) and _label_starts_word(scan.n.folded, m.start())]
    contacts += ["其他聊天软件账号 " + m.group(1) for m in patterns().app_handle.finditer(scan.n.folded)
                 if not any(m.group(1) in c for c in contacts)]
    contacts += ["手机号 " + m.group(0)[:3] + "****" + m.group(0)[-4:] for m in patterns().phone.finditer(d)]
    # a handle spelled one letter or digit apart with no label ("k i t e 2 0 2 4"): letters and digits together, set
    # apart so no word reads — nobody writes a word that way but to hide an account
    contacts += ["联系号码 " + number for whole, number in app_numbers if not any(number in c for c in contacts)]
    contacts += ["逐字隔开的账号 " + h for h in spaced
                 if re.search(r"[a-z]", h) and re.search(r"\d", h)
                 and not any(h == whole for whole, _ in app_numbers)
                 and not any(h in c for c in contacts)]
    if not contacts:
        foreign = _foreign_digits(scan) | _price_ranges(scan.n.folded)
        contacts += ["联系号码 " + m.group(1) for m in patterns().contact_num.finditer(d)
                     if not _LANDLINE.match(m.group(1)) and m.group(1) not in foreign]
    scan.contacts = contacts
    return Finding(contacts) if contacts else None


@lru_cache(maxsize=1)
def _spaced_apps() -> re.Pattern[str]:
    """A messaging app's Latin name (patterns.yaml contact_apps) right before seven digits or more: read on a handle
    spelled apart, its spaces taken out."""
    names = [str(n) for n in load_resource(PATTERNS)["contact_apps"]["names"] if re.fullmatch(r"[a-z]+", str(n))]
    return re.compile(r"(" + "|".join(sorted(names, key=len, reverse=True)) + r")(\d{7,})")


def _spaced_app_number(joined: str) -> tuple[str, str] | None:
    """(the run, its number) when a run spelled apart is an app's name and a number (whatsapp92345678), else None."""
    m = _spaced_apps().fullmatch(joined)
    return (joined, m.group(2)) if m else None


def _invite(scan: Scan, spec: SignalSpec) -> Finding | None:
    """Invitations to get in touch privately (lexicons.yaml ad.invite) — not one the writer refuses (patterns.yaml
    ``negated_invite``: "被踢的别加我求情", "私聊我也不回"), which offers no way to reach anyone."""
    hits = scan.words(spec)
    # the app's own way of asking to be messaged (QQ: 扣我, 扣扣我 — lexicons.yaml ad.invite_<platform>), only in its groups
    if scan.platform and (own := scan.lex.words.get(f"ad.invite_{scan.platform}")) is not None:
        hits += [h for h in cue_words(own, scan.n.compact) if h not in hits]
    # a bare 私聊/私信 that a pointing sign calls to (全网最低 👉 私聊, round 79 d17a79): no story tells it, it asks to be written to
    bare = scan.lex.words["ad.bare_contact"]
    hits += [h.group() for m in patterns().arrow_call.finditer(scan.n.folded)
             if (h := bare.match(scan.n.folded, m.end())) is not None and h.group() not in hits]
    refused = patterns().negated_invite
    if hits and refused.search(scan.n.compact):
        hits = cue_words(scan.lex.words[spec.words], refused.sub(CUT, scan.text(spec)))
    if not hits:
        return None
    return Finding(hits, "with_handle" if patterns().mention_handle.search(scan.n.compact) or scan.contacts else "default")


def _pointer(scan: Scan, spec: SignalSpec) -> Finding | None:
    """Pointers to a contact or shop elsewhere — except to a platform whose domain the profile allows."""
    allowed = _allowed_platforms(tuple(scan.allowed_domains))
    hits = [h for h in scan.words(spec) if not any(h.startswith(name) for name in allowed)]
    # 睇我主頁: a look at the sender's profile said in Cantonese is read in its Mandarin form (看我主页) too
    looks = patterns().profile_look.findall(scan.n.compact) or read_as_said(scan.n.compact, patterns().profile_look.findall)
    hits += [h for h in looks if not any(h in w or w in h for w in hits)]
    if scan.unnamed:  # 想赚钱的看我名字 from a writer whose name nobody here can see: the name is where the contact waits
        named = scan.lex.words["sender_name.pointer"].findall(scan.n.compact)
        hits += [h for h in named if not any(h in w or w in h for w in hits)]
    words = scan.lex.words
    if hits and words["ad.search_bought"].search(scan.n.compact) and not words["ad.search_shop"].search(scan.n.compact):
        # 淘宝搜'老款拨片'…我买过两次: what the writer bought, and what to type to find it — advice, not a shop's pointer
        hits = [h for h in hits if not words["ad.search_box"].fullmatch(h)]
    if not hits:
        return None
    own = any(words["ad.profile_place"].search(h) for h in hits)
    return Finding(hits, "own_profile" if own else "default")


@lru_cache(maxsize=256)
def _allowed_platforms(allowed_domains: tuple[str, ...]) -> tuple[str, ...]:
    """The platforms (patterns.yaml ``platform_domains``) whose domain a profile allows: pointers to them are fine."""
    return tuple(name for name, domain in load_resource(PATTERNS)["platform_domains"].items()
                 if domain_allowed(str(domain), allowed_domains))


_BROKEN_BY_EMOJI = frozenset({"表情隔字"})  # normalise's name for pictographs set between character after character


@lru_cache(maxsize=1024)
def _spelled_asks(evasions: tuple[str, ...]) -> frozenset[str]:
    """The plain words (spellings.yaml ``canonical``) the evasive spellings of a message stand for (加扣 → 加qq)."""
    return frozenset(c for p, c in spellings().variants for e in evasions if p.fullmatch(e))


def _evasion(scan: Scan, spec: SignalSpec) -> Finding | None:
    if not scan.n.evasions:
        return None
    # a number after 电话/联系 (a landline too: 电话 028-8 5 5 5 1 2 3 4) is what the spacing hides
    reach = scan.found.get("invite", []) + scan.found.get("pointer", [])
    # the contact ask the spelling itself makes (加扣 → 加qq, 加v → 加微信) is no target after it: it hides nothing
    made = _spelled_asks(scan.n.evasions)
    reach = [w for w in reach if not any(c in w for c in made)]
    if set(scan.n.evasions) <= _BROKEN_BY_EMOJI:
        # emoji between character after character hide a way to reach the sender when they break its very words
        # (可以🤙🏻私🙏我); around an intact 要的私我 they are a member's play (送🎁给🎁群🎁友)
        reach = [w for w in reach if w not in scan.n.decorated]
    # spacing that breaks a seller's sign apart (清 仓, 现 货, 最 后 几 套: lexicons.yaml resale.seller_sign) hides it from
    # the word lists as a spaced handle hides a contact: read after folding, it is what the spacing is for
    sale = bool(scan.lex.words["resale.seller_sign"].search(scan.n.compact))
    hiding = bool(scan.contacts or reach or sale or "数字变形" in scan.n.evasions or patterns().contact_num.search(scan.n.digits))
    if hiding:
        return Finding(list(scan.n.evasions), "hiding")
    # every spelling is the contact ask the invite signal already reads (有意加扣详聊: 加扣 → 加qq) and nothing follows it:
    # the same ask again, not a second layer — quoted as the plain ask, so the evidence count sees it counted
    invites = scan.found.get("invite", [])
    if all(any(c in w for c in _spelled_asks((e,)) for w in invites) for e in scan.n.evasions):
        return Finding(sorted(made), "default", f"（写作{'、'.join(scan.n.evasions)}，未附联系方式）")
    return Finding(list(scan.n.evasions), "default", "（未附联系方式）")


def _link(scan: Scan, spec: SignalSpec) -> Finding | None:
    scan.urls = [m.group(0).rstrip(".,;!?)]") for m in URL_RE.finditer(scan.n.folded)]
    for u in scan.urls:
        host = host_of(u)
        if host and not domain_allowed(host, scan.allowed_domains) and not domain_allowed(host, _TRUSTED_DOMAINS):
            scan.blocked.append(host)
    if not scan.blocked:
        return None
    return Finding(scan.blocked, "shortener" if any(h in SHORTENERS for h in scan.blocked) else "default")


def _promo_words(scan: Scan, spec: SignalSpec) -> Finding | None:
    # a weak promo word that names the group's own subject (招聘 in an HR group, 团购 in a
    # group-buy group) is how members talk there, not evidence of an ad
    hits = [w for w in scan.words(spec) if not (scan.topic_text and w in scan.topic_text)]
    return Finding(hits) if hits else None


def _income(scan: Scan, spec: SignalSpec) -> Finding | None:
    hits = patterns().income.findall(scan.n.digits)
    return Finding(hits) if hits else None


_NOT_DIGIT = re.compile(r"\D")


def _money(scan: Scan, spec: SignalSpec) -> Finding | None:
    if scan.found.get("income"):
        return None  # a promised income already says it
    # the folded text keeps decimal points (29.9元 is not 299元); spelled-out amounts only in the digit form
    hits = _amounts(scan, scan.n.folded)
    if not hits:
        hits = _amounts(scan, scan.n.digits)
        if hits and slang_lengths().search(scan.n.folded):
            # "5.4米" in the folded text is a length: its compact form 54米 is no price either
            slang = tuple(str(u) for u in load_resource(PATTERNS)["money_slang"]["units"])
            hits = [h for h in hits if not h.endswith(slang)]
    # a digit run as long as a phone number is not an amount: "请打139…678，万分感谢" has no 万
    hits = [h for h in hits if len(_NOT_DIGIT.sub("", h.split(".")[0])) < MONEY_MAX_DIGITS]
    return Finding(hits) if hits else None


@lru_cache(maxsize=1)
def slang_lengths() -> re.Pattern[str]:
    """A slang money unit that is a length here (5.4米, 3米长; patterns.yaml ``money_slang``): a decimal before it, or a
    word of size after it. Only whole-number amounts (50米) are read as money."""
    d = load_resource(PATTERNS)["money_slang"]
    unit = _alt(d["units"])
    return gated(re.compile(rf"\d+\.\d+\s?{unit}|\d+\s?{unit}(?={_alt(d['not_before'])})"))


def _amounts(scan: Scan, text: str) -> list[str]:
    """The amounts of money in ``text``, less what a member's own make cost them (成本不到5块钱; lexicons.yaml
    ad.own_cost right before the amount)."""
    cost = scan.lex.words["ad.own_cost"]
    return [m.group(0) for m in patterns().money.finditer(text)
            if not any(e.end() >= m.start() - 1 for e in cost.finditer(text, max(0, m.start() - 8), m.start()))]


_SUM = r"(?<![\d.])\d{2,6}(?:\.\d+)?"  # a sum as written without a unit: 2 to 6 digits, maybe a decimal part


def _words_alt(words: list[Any]) -> str:
    """An alternation of ``words``; a Latin word (r, rmb) may not run on into more letters (80rmb, not 80reply)."""
    return "(?:" + "|".join(re.escape(str(w)) + ("(?![a-z])" if str(w).isascii() and str(w).isalpha() else "")
                            for w in sorted(words, key=lambda w: -len(str(w)))) + ")"


@lru_cache(maxsize=1)
def _said_price() -> tuple[re.Pattern[str], int]:
    """A sum said as a price without 元 (patterns.yaml ``price_said``), read on the folded text (clause edges kept), and
    the number of the first group whose sum a time, date, count or measure may follow (the counted forms)."""
    d = load_resource(PATTERNS)["price_said"]
    before = _words_alt(d["before"]) + rf"\s?({_SUM}(?:\s?{_words_alt(d['range'])}\s?{_SUM})?)"
    after = rf"({_SUM})(?=\s?{_words_alt(d['after'])})"
    alone = rf"(?:^|[,;])\s?({_SUM})\s?(?=[,;]\s?{_words_alt(d['alone_before'])})"
    per = rf"({_SUM})(?=\s?{_words_alt(d['per'])})"
    discount = _words_alt(d["discount"]["lead"]) + rf"\s?({_SUM})(?=\s?{_words_alt(d['discount']['cut'])})"
    # the last two forms are checked for a unit after the sum by said_prices: a count and a counter (一份30, 两杯48) or
    # the goods' condition (9成新 900) before it
    counted = (rf"(?<![\d.]){_words_alt(d['counted']['counts'])}{_words_alt(d['counted']['counters'])}\s?({_SUM})"
               rf"(?![\d.:a-z])(?!\s?{_words_alt(d['counted']['not_after'])})")
    condition = rf"{_words_alt(d['condition'])}[\s,]?({_SUM})(?![\d.:a-z])(?!\s?{_words_alt(d['counted']['not_after'])})"
    plain = (before, after, alone, per, discount)
    return re.compile("|".join((*plain, counted, condition))), re.compile("|".join(plain)).groups + 1


def _counted_not_price(folded: str, end: int) -> bool:
    """A time, date or count word (lexicons.yaml ad.count_unit: 点, 年, 人, 岁…) right after the sum that ends at ``end``."""
    return lexicons().words["ad.count_unit"].match(folded, end + (folded[end:end + 1] == " ")) is not None


@lru_cache(maxsize=1)
def _numeral_run() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], tuple[str, str], int]:
    """The parts of :func:`numeral_amounts` (patterns.yaml ``price_said.numeral``): a run of numerals, a word it may not
    follow, one it may not come before (its own list, a measure, a length), a money unit, its magnitudes and the ones
    a sum may open with, the least sum."""
    d = load_resource(PATTERNS)
    n = d["price_said"]["numeral"]
    chars = re.escape(str(n["digits"]) + str(n["magnitudes"]))
    after = _words_alt(n["not_after"]) + "$"
    before = _words_alt([*n["not_before"], *d["measure_units"], *d["money_slang"]["units"]])
    unit = _words_alt(d["money_units"])
    return (re.compile(rf"(?<![{chars}])[{chars}]+"), re.compile(after), re.compile(before), re.compile(unit),
            (str(n["magnitudes"]), str(n["leads"])), int(n["least"]))


def _numeral_sum(run: str, marks: tuple[str, str], counted: bool) -> tuple[str, int] | None:
    """The part of a numeral run that is a sum and its value (:func:`numeral_amounts`), or None. The run's last digit is
    the next word's (两万五一台, 三百八一套) after another digit but 零, and before a count word (``counted``) after a
    magnitude of a hundred or more (两百一位); else before a count word the whole run counts (三十人, 三十五人: no sum).
    The sum has a magnitude and opens with a digit or a lead (十; cn_to_int reads it); a digit after 百, 千 or 万 is the
    next place down (一百五 = 150). ``marks``: the magnitudes and the leads."""
    magnitudes, leads = marks
    last = run[-2:-1]
    if len(run) >= 2 and run[-1] not in magnitudes and ((last not in magnitudes and cn_to_int(last) != 0)
                                                        or (counted and cn_magnitude(last) >= 100)):
        run = run[:-1]
    elif counted:
        return None
    if not any(ch in magnitudes for ch in run) or (run[0] in magnitudes and run[0] not in leads):
        return None
    place = cn_magnitude(run[-2]) if len(run) >= 3 and run[-1] not in magnitudes else 0
    head, tail = (cn_to_int(run[:-1]), cn_to_int(run[-1])) if place >= 100 else (cn_to_int(run), 0)
    return (run, head + (tail or 0) * place // 10) if head is not None else None


def _numeral_spans(folded: str) -> list[tuple[int, int, int]]:
    """Where ``folded`` says a sum in Chinese numerals (:func:`numeral_amounts`): each sum's start, end and value."""
    run, not_after, not_before, unit, marks, least = _numeral_run()
    if not any(ch in folded for ch in marks[0]):
        return []
    count = lexicons().words["ad.count_unit"]
    spans = []
    for m in run.finditer(folded):
        end = m.end()
        if not_after.search(folded, max(0, m.start() - 4), m.start()) or not_before.match(folded, end):
            continue
        found = _numeral_sum(m.group(0), marks, count.match(folded, end) is not None)
        if found is None:
            continue
        said, value = found
        if value < least and not unit.match(folded, end):
            continue
        spans.append((m.start(), m.start() + len(said), value))
    return spans


def numeral_amounts(folded: str) -> str:
    """``folded`` with each sum said in Chinese numerals written in digits (一人一百五 → 一人150, 两百一位 → 200一位,
    八十块 → 80块; patterns.yaml ``price_said.numeral``), so every price reader sees it as it sees digits. A count,
    a measure, an ordinal or a small number (三十人, 十五公里, 第二十, 十一) stays as written."""
    out, last = [], 0
    for start, end, value in _numeral_spans(folded):
        out += [folded[last:start], str(value)]
        last = end
    return "".join(out) + folded[last:] if out else folded


@lru_cache(maxsize=1)
def _numeral_offer() -> tuple[re.Pattern[str], ...]:
    """The shapes in which :func:`numeral_prices` reads a sum said in Chinese numerals as charged per unit (patterns.yaml
    ``price_said.numeral.offer``): a unit it is charged per before it, a money unit, a unit after it."""
    d = load_resource(PATTERNS)
    o = d["price_said"]["numeral"]["offer"]
    per_after = [*d["price_said"]["per"], *o["per_after"]]
    return (re.compile(_words_alt(o["per_before"]) + r"\s?$"), re.compile(r"\s?" + _words_alt(d["money_units"])),
            re.compile(r"\s?" + _words_alt(per_after)))


_DIGIT = re.compile(r"\d")


def numeral_prices(folded: str) -> list[str]:
    """The sums ``folded`` says in Chinese numerals as what something costs: charged per unit (陪练一小时八十块, 一人一千二,
    两百一位) or paid to the writer (交两百块给我: :func:`payments_to_writer`) — each with the words that price it. A sum
    said in numerals anywhere else (我八十块买的, 一千二太贵了) is a member's talk about money, as d17c64 found reading
    them everywhere costs precision on unseen groups (patterns.yaml ``price_said.numeral.offer``)."""
    spans = _numeral_spans(folded)
    if not spans:
        return []
    per_before, unit, per_after = _numeral_offer()
    found = [paid for paid in payments_to_writer(folded) if not _DIGIT.search(paid)]
    for start, end, _ in spans:
        u = unit.match(folded, end)
        tail = u.end() if u else end
        head, after = per_before.search(folded, max(0, start - 5), start), per_after.match(folded, tail)
        if head or after:
            found.append(folded[head.start() if head else start:after.end() if after else tail].strip())
    return found


def _paid_sum() -> tuple[str, str, str]:
    """The parts of a sum said as paid (patterns.yaml ``price_said.numeral.offer``): a ``pay`` verb, the sum in digits
    or Chinese numerals (a group: the sum), maybe its money unit."""
    d = load_resource(PATTERNS)
    n = d["price_said"]["numeral"]
    sum_ = rf"((?<![\d.])\d{{2,6}}|[{re.escape(str(n['digits']) + str(n['magnitudes']))}]{{2,6}})"
    return _words_alt(n["offer"]["pay"]), sum_, rf"(?:\s?{_words_alt(d['money_units'])})?"


@lru_cache(maxsize=1)
def _payment_to_writer() -> re.Pattern[str]:
    """A sum paid to the writer (:func:`_paid_sum`): a ``pay`` verb, the sum, maybe its money unit, then the ``payee``
    (交200给我, 转三百块给我); or ``pay_me`` before the sum (转我三百)."""
    o = load_resource(PATTERNS)["price_said"]["numeral"]["offer"]
    pay, sum_, unit = _paid_sum()
    return re.compile(rf"{pay}\s?{sum_}{unit}\s?{_words_alt(o['payee'])}|{_words_alt(o['pay_me'])}\s?{sum_}{unit}")


def payments_to_writer(folded: str) -> list[str]:
    """The sums ``folded`` asks to be paid to the writer (交两百块给我, 转我300), in digits or Chinese numerals."""
    return [m.group(0) for m in _payment_to_writer().finditer(folded)]


@lru_cache(maxsize=1)
def _fee_payment() -> re.Pattern[str]:
    """A fee said as paid (:func:`_paid_sum`): a ``pay`` verb, the sum, maybe its money unit, then within a few
    characters of the same clause a fee (patterns.yaml ``price_said.fee``: 交800登记费, 缴三千材料费, 交1000保证金) — a
    sum paid (交了500考级费: the verb's aspect breaks it) is what the fee was, no price."""
    fee = load_resource(PATTERNS)["price_said"]["fee"]
    pay, sum_, unit = _paid_sum()
    return re.compile(rf"{pay}\s?{sum_}{unit}\s?[^\s\d,;.!?]{{0,{int(fee['gap'])}}}?{_words_alt(fee['nouns'])}")


def fee_payments(folded: str) -> list[str]:
    """The fees ``folded`` says are to be paid, each with its sum (交800登记费, 缴三千材料费: :func:`_fee_payment`)."""
    return [m.group(0) for m in _fee_payment().finditer(folded)]


def said_prices(folded: str) -> list[str]:
    """Every sum ``folded`` (a normalised message's folded form) states as a price: the money pattern's amounts
    (30块, ¥99, 2w+) and a sum said as a price without 元 (票价80到280, 原价600, 300俾街坊, 1200自提, a sum standing as
    its own clause before 需要的私聊, a fee to pay: 交800登记费). The one price parser of the moderation layers.

    Remembered for the last texts (a new list each call): one message's folded form is asked about by the detectors,
    the analysis and up to five layers of :meth:`Moderator._decide`."""
    return list(_said_prices(folded))


@lru_cache(maxsize=64)
def _said_prices(folded: str) -> tuple[str, ...]:
    money = [(m.start(), m.end(), m.group(0)) for m in patterns().money.finditer(folded)]
    said = []
    pattern, counted_from = _said_price()
    for m in pattern.finditer(folded):
        i = next(i for i in range(1, len(m.groups()) + 1) if m.group(i))
        if i >= counted_from and (_counted_not_price(folded, m.end(i)) or patterns().measure.match(folded, m.start(i))):
            continue  # 一份30分钟, 两杯…48小时, 9成新 2019年: a time, date, count or measure, not what it costs
        if not any(a <= m.start(i) < b for a, b, _ in money):  # 25块 is the money pattern's already
            said.append((m.start(i), m.end(i), m.group(i)))
    # a sum in digits paid as a fee (交800登记费, 交300手续费): what the fee costs
    said += [(m.start(1), m.end(1), m.group(1)) for m in _fee_payment().finditer(folded)
             if m.group(1).isdigit() and not any(a <= m.start(1) < b for a, b, _ in money)]
    return tuple(dict.fromkeys(h.strip() for _, _, h in sorted(money + said)))


@lru_cache(maxsize=1)
def _others_act() -> tuple[re.Pattern[str], int, re.Pattern[str]]:
    """The parts of a banned act said as someone else's (patterns.yaml ``banned_by_others``): the agents, the gap, and
    what may follow the act to make it a kind of person (天天压价的那种人)."""
    d = load_resource(PATTERNS)["banned_by_others"]
    return re.compile(_alt(d["agents"])), int(d["gap"]), re.compile(_alt(d["kind_after"]))


def _banned_by_others(scan: Scan) -> bool:
    """Every clause that names a banned item names it as another party's act — an agent (买家, 同行, 隔壁店, 那种人) at
    most ``gap`` characters before it, or a kind of person after it (压价的那种人) — and the message gives no contact,
    link or QR code of its own: a member's complaint about the banned thing ("最近买家天天压价，这生意真难做"), not an
    offer of it (patterns.yaml ``banned_by_others``)."""
    if scan.banned is None or any(scan.found.get(name) for name in ("contact", "link", "qr")):
        return False
    agents, gap, kind_after = _others_act()
    negations = scan.lex.words["ad.banned_negated"]
    said = [(clause, w) for clause in scan.clauses()
            for words in banned_named(scan.banned, clause, negations).values() for w in words]
    return bool(said) and all(
        re.search(rf"(?:{agents.pattern}).{{0,{gap}}}{re.escape(w)}|{re.escape(w)}(?:{kind_after.pattern})", clause)
        for clause, w in said)


def _banned_hits(scan: Scan, spec: SignalSpec, *, parts: bool = True) -> Finding | None:
    """The profile's banned items in the message: whole ones, else (``parts``) the items a distinctive part
    names. A part that is the group's own subject (蜂蜜 of 蜂蜜收购商 in a beekeepers' group) gives the variant
    ``subject``: there it names the banned item only beside a trade word (收购), not beside a price."""
    if scan.banned is None:
        return None
    text = scan.text(spec)
    whole = _unnegated(scan.banned.whole, text, scan.lex.words["ad.banned_negated"])
    if whole:
        return Finding(whole)
    # each item once, with the words that named it (外部教练私教招揽（私教、一对一…）)
    by_item = banned_named(scan.banned, text, scan.lex.words["ad.banned_negated"], whole=False, parts=parts)
    subject = bool(scan.topic_text) and all(p in scan.topic_text for said in by_item.values() for p in said)
    return Finding([f"{item}（{'、'.join(said[:2])}…）" for item, said in by_item.items()], "subject" if subject else "default") \
        if by_item else None


def banned_named(banned: BannedList, text: str, negations: re.Pattern[str] | None = None, *, whole: bool = True,
                 parts: bool = True) -> dict[str, list[str]]:
    """The profile's banned items ``text`` names — by their whole name (``whole``) and by a distinctive part
    (``parts``) —, each with the words that named it, in the order first said. With ``negations`` (lexicons.yaml
    ``ad.banned_negated``) a word a negation ends right before names nothing (:func:`_unnegated`)."""
    def said(pattern: re.Pattern[str]) -> list[str]:
        return pattern.findall(text) if negations is None else _unnegated(pattern, text, negations)

    found = (said(banned.whole) if whole else []) + (said(banned.parts) if parts and banned.parts is not None else [])
    by_item: dict[str, list[str]] = {}
    for w in dict.fromkeys(found):
        by_item.setdefault(banned.item_of.get(w, w), []).append(w)
    return by_item


def _unnegated(pattern: re.Pattern[str], text: str, negations: re.Pattern[str]) -> list[str]:
    """The matches of ``pattern`` in ``text`` that no negation ends right before (只计分不赌钱, 我们从不卖鸟: the writer
    says the group does not do the banned thing; lexicons.yaml ad.banned_negated)."""
    return [m.group(0) for m in pattern.finditer(text)
            if not any(n.end() == m.start() for n in negations.finditer(text, max(0, m.start() - 4), m.start()))]


def _banned_deal(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A banned item offered or sought: beside trade words (收购, 有货, 一票…), a unit price, a price, a handle or
    (not in a question) an invitation to get in touch. A warning about the banned thing (…留了电话，大家千万别信)
    offers nothing. An item named by a member of its kind (玄凤 for 活鸟买卖) is weighed by ``_kind_deal``."""
    if warns(scan.n.compact) or _banned_by_others(scan):
        return None
    found = _banned_hits(scan, spec)
    if found is None:
        return _kind_deal(scan) or _markup_deal(scan) or _act_deal(scan) or _intro_deal(scan)
    named = "".join(found.items)  # the item's own words (代刷 of 代刷票) are not a trade beside it
    trade = [w for w in _trade_words(scan) if w not in named]
    # a fee for the banned service (代抢上海站 成功才收费) is its trade
    trade += _fees(scan)
    trade += _acts_said(scan)
    trade += patterns().unit_price.findall(scan.n.compact)
    # a member's polite offer of the banned thing (我家囤多了 原价转, 成本价给群友): lexicons.yaml ad.banned_trade
    polite = scan.lex.words["ad.banned_trade"].findall(scan.n.compact)
    markup = load_resource(PATTERNS)["resale_markup"]
    if any(m in item for item in found.items for m in markup["marks"]):  # 原价转 of a ticket is no scalping
        polite = [w for w in polite if not any(o in w for o in markup["own"])]
    trade += polite
    # a member's report of the banned thing they or their child used, with what it cost and 私我 to tell more (我家小孩在那間
    # 補習班一個月四千五…有需要的私訊我給你地址, round 79 d17a79): no trade word, fee or handle — the price was paid, not asked
    # (有需要的 is a call, not a trade, beside such a report: ad.described_call)
    calls = scan.lex.words["ad.described_call"]
    if all(calls.fullmatch(w) for w in trade) and not scan.contacts and _own_experience(scan):
        return None
    if found.variant != "subject":  # the group's subject with a price or a handle is members' business
        # a question about the banned thing ("野生的鸟能不能养？有懂的私我") asks to be told, not to trade
        trade += [w for name in ("money", "contact") + (() if scan.asks() else ("invite",)) for w in scan.found.get(name, [])]
        trade += said_prices(scan.n.folded)  # a price said without 元 (只要99, 一块99) is as much a trade
    trade = list(dict.fromkeys(trade))[:3]
    return Finding(found.items, suffix="、".join(trade)) if trade else None  # one weight: no variant


def _own_experience(scan: Scan) -> bool:
    """The writer reports their own or their child's time with what they name (lexicons.yaml ad.own_experience,
    ad.own_child, resale.private_took: 我之前在, 我家小孩在那間…, 我报过), read in Mandarin — not in a business's own voice
    (patterns.yaml provider: 我们补习班; ad.seller_voice: 本店)."""
    said = in_mandarin(scan.n.compact)
    if own_business().search(said) or scan.lex.words["ad.seller_voice"].search(said):
        return False  # 我们补习班, 本店: the writer's own business, not their use of one
    return any(scan.lex.words[k].search(said) for k in ("ad.own_experience", "ad.own_child", "resale.private_took"))


def _fees(scan: Scan) -> list[str]:
    """The fee words of the message (patterns.yaml ``resale_markup.fee``: 成功才收费…), the trade of a banned service."""
    return [w for w in load_resource(PATTERNS)["resale_markup"]["fee"] if w in scan.n.compact]


def _trade_words(scan: Scan) -> list[str]:
    """The trade words of the message (ad.trade: 收购, 有货, 刚到一批…), and a rehoming that asks a fee (领回家 …
    象征性收点费用: ad.rehome beside ad.rehome_fee)."""
    c = scan.n.compact
    trade = scan.lex.words["ad.trade"].findall(c)
    if scan.lex.words["ad.rehome_fee"].search(c):
        trade += scan.lex.words["ad.rehome"].findall(c)
    return trade


def _kind_deal(scan: Scan) -> Finding | None:
    """A banned kind of living thing offered by a member's name (活鸟买卖 ← "出手养小金太阳…需要的私聊", 出售幼崽 ←
    "金丝熊生了一窝…收点笼子钱 30一只"): a member of the kind, treated as a live thing to pass on — a ``live`` cue
    (一窝, 满月, 亲人, 包活…), a clause that opens by selling it, or a trade word in the same clause as its name — and a
    trade: a trade word, a price per head in the kind's counters (500一只) or that opening. Unlike the item's own
    words the name is the group's everyday subject, so a bare price, handle or 私聊 is no trade beside it (a member's
    "我的文鸟是花200买的", "玄凤的旧鸟笼有人要吗" offer no bird)."""
    b = scan.banned
    if b is None or b.kinds is None:
        return None
    c = scan.n.compact
    names = list(dict.fromkeys(cue_words(b.kinds, c)))
    if not names:
        return None
    trade = _trade_words(scan)
    per_head = b.per_head.findall(c) if b.per_head is not None else []
    clauses = scan.clauses()
    sold = [m.group(0) for x in clauses if b.sell is not None and (m := b.sell.match(x))]
    if not (trade or per_head or sold):
        return None
    beside = any(scan.lex.words["ad.trade"].search(x) and b.kinds.search(x) for x in clauses)
    if not (sold or beside or load_kinds().live.search(c)):  # "鸟市的金太阳都卖到2000一只了" is market talk
        return None
    by_item: dict[str, list[str]] = {}
    for n in names:
        by_item.setdefault(b.kind_item[n], []).append(n)
    items = [f"{item}（{'、'.join(said[:2])}…）" for item, said in by_item.items()]
    return Finding(items, suffix="、".join(list(dict.fromkeys(sold + per_head + trade))[:3]))


def _acts_said(scan: Scan) -> list[str]:
    """Each banned act said near its thing within one clause of a message that asks nothing (see ``_act_deal``)."""
    b = scan.banned
    if b is None or not b.acts or scan.asks():
        return []
    clauses = scan.clauses()
    return [m.group(0) for _, near, _ in b.acts for x in clauses if (m := near.search(x))]


def _act_deal(scan: Scan) -> Finding | None:
    """A banned act on a thing said without the item's word, offered (not asked): the act as a seller says it near the
    thing in one clause ("帮大家带农药" for 农药代购, "这场的票我这能搞到" for 黄牛票), or the act with a fee for it
    ("代抢上海站 成功才收费" for 代抢票). A question (能帮我抢票吗) or a warning (别找人帮带农药) offers nothing. Cites the item."""
    b = scan.banned
    if b is None or not b.acts or scan.lex.words["ad.banned_frame"].search(scan.n.compact) \
            or scan.asks():
        return None
    clauses = scan.clauses()
    fee = _fees(scan) or _sum_per_head(scan)
    for term, near, act in b.acts:
        if said := next((m.group(0) for x in clauses if (m := near.search(x))), None):
            return Finding([term], suffix=said)
        if fee and (m := act.search(scan.n.compact)):
            return Finding([term], suffix="、".join([m.group(0), *fee[:1]]))
    return None


def _intro_deal(scan: Scan) -> Finding | None:
    """A banned trade pitched as a self-introduction: the writer says in one clause they are in the trade (我係保險經紀,
    我家是开相机店的: ``BannedList.intros``) and the message offers the members something (lexicons.yaml
    ``ad.banned_intro.offer``: 有咩問題可以問我, 社团成员来买打九折). Not asked, not a warning (ad.banned_frame). Cites the item."""
    b = scan.banned
    if b is None or not b.intros or scan.asks() or scan.lex.words["ad.banned_frame"].search(scan.n.compact):
        return None
    offer = scan.lex.words["ad.banned_intro.offer"].findall(scan.n.compact)
    if not offer:
        return None
    for term, said in b.intros:
        if intro := next((m.group(0) for x in scan.clauses() if (m := said.search(x))), None):
            return Finding([term], suffix="、".join(dict.fromkeys([intro, *offer[:2]])))
    return None


def _sum_per_head(scan: Scan) -> list[str]:
    """A sum per head (一人150, 每人80: ``ad.fee_per_head`` right before a number) charged for an act by someone who asks
    to be reached (私信我, a handle) — none when the message is the group's own arrangement (接龙, 报名, 活动…:
    ``event_logistics``: the club's own outing has its AA fee) or tells of a past trip (no invitation: 上周领队带我们…一人80)."""
    c = scan.n.compact
    m = scan.lex.words["ad.fee_per_head"].search(c)
    if m is None or not c[m.end():m.end() + 1].isdigit() or scan.lex.words["event_logistics"].search(c) \
            or not (scan.found.get("invite") or scan.found.get("contact")):
        return []
    return [m.group(0) + re.match(r"\d+", c[m.end():]).group(0)]  # type: ignore[union-attr]


def _counterfeit_deal(scan: Scan, spec: SignalSpec) -> Finding | None:
    """Counterfeit goods offered (lexicons.yaml ``ad.counterfeit``: 高仿, 一比一, 盗版…; ``ad.counterfeit_copy`` — 仿的, 复刻款 —
    only beside the original copied, ``ad.genuine_ref``: 原厂, 正品; patterns.yaml ``like_genuine``:
    跟正品看不出区别; ``ad.counterfeit_aged`` — 可做旧 — only beside an antique's age, ``ad.antique_ref``: 清代, 官窑) whatever the profile bans: beside a seller's company — someone who wants one (``ad.want``: 有需要的), a
    wink for the initiated (``ad.wink``: 懂的来), a trade word (可以了解一下), a price, an invitation, a handle or a
    seller's own word (``ad.private_seller``: 便宜一半). Not in a warning or a rule (别买高仿, 群里禁止盗版), nor a bare
    question about one ("这是高仿吗"). A brand's own re-issue (官方复刻) is masked as a disclaimer (``ad.disclaimed``)."""
    c = scan.n.compact
    hits = [*scan.words(spec), *patterns().like_genuine.findall(scan.text(spec))]
    copies = cue_words(scan.lex.words["ad.counterfeit_copy"], scan.text(spec))
    if copies and (hits or scan.lex.words["ad.genuine_ref"].search(scan.text(spec))):
        hits += copies  # a copy of a named original (仿的…跟正品看不出区别), not a craft's own word (点翠仿的)
    aged = cue_words(scan.lex.words["ad.counterfeit_aged"], scan.text(spec))
    if aged and (hits or scan.lex.words["ad.antique_ref"].search(scan.text(spec))):
        hits += aged  # an antique's age faked to order (清三代官窑…可做旧), not a furniture maker's finish (可做旧处理)
    if not hits or warns(c) or scan.lex.words["ad.banned_frame"].search(c):
        return None
    company = [*scan.lex.words["ad.wink"].findall(c), *scan.lex.words["ad.want"].findall(c), *_trade_words(scan),
               *scan.lex.words["ad.private_seller"].findall(c),
               *(w for name in ("money", "invite", "contact") for w in scan.found.get(name, []))]
    company = [w for w in dict.fromkeys(company) if w not in hits]
    return Finding(list(dict.fromkeys(hits))[:3], suffix="、".join(company[:3])) if company else None


@lru_cache(maxsize=1)
def _illegal_offer() -> re.Pattern[str]:
    """patterns.yaml ``illegal_offer``: each form's offer verb, then up to ``gap`` characters of one clause (none of
    ``not_gap``), then its goods not followed by ``not_after`` (a copy or a number of them) — or the goods then a
    passing-on verb (有气枪出)."""
    d = load_resource(PATTERNS)["illegal_offer"]
    between = rf"(?:(?!{_alt(d['not_gap'])}){_CLAUSE}){{0,{int(d['gap'])}}}?"
    papers = rf"(?!{_alt(d['not_after'])})"  # (银行卡复印件, 银行卡号: papers for an errand)
    parts = []
    for form in d["forms"]:
        goods = _alt(form["goods"]) + papers
        parts.append(_alt(form["before"]) + between + f"(?:{goods})")
        if form["after"]:
            parts.append(f"(?:{goods})" + _alt(form["after"]))
    return re.compile("|".join(f"(?:{p})" for p in parts))


@lru_cache(maxsize=1)
def _illegal_offer_gate() -> re.Pattern[str] | None:
    """One first look for :func:`_illegal_offer` on the whole folded text (:func:`literals.any_of`: the strings each of
    its matches contains): every clause :func:`_illegal_deal` reads is a piece of the folded text, so a text this finds
    nothing in has no offer in any clause, and the clauses are not searched one by one (round 76, d17a76). None when
    the pattern tells no literal (every clause is then searched)."""
    return any_of([_illegal_offer()])


def _illegal_deal(scan: Scan, spec: SignalSpec) -> Finding | None:
    """An illegal trade offered in any group (patterns.yaml ``illegal_offer``: 出一个肾源, 代开各类正规发票, 收银行卡, 有气枪出)
    beside a seller's company — a way to reach the writer (私聊, 加我, a handle), a price, someone who wants one (有需要的),
    a wink (懂的来) or a trade word (有意者). The same goods in a question (肾移植配型要做哪些检查), a patient's story
    (排队等肾源), a warning or a rule (有人私聊说能买到肾源，都是骗子) offer nothing. Cites the offer."""
    gate = _illegal_offer_gate()
    if gate is not None and gate.search(scan.n.folded) is None:
        return None  # no offer verb or goods anywhere in the message: no clause holds an offer
    c = scan.text(spec)
    offers = [m.group(0) for x in scan.clauses() for m in _illegal_offer().finditer(x)]
    if not offers or scan.asks() or warns(scan.n.compact) or scan.lex.words["ad.banned_frame"].search(scan.n.compact):
        return None
    company = [*scan.lex.words["ad.wink"].findall(c), *scan.lex.words["ad.want"].findall(c), *_trade_words(scan),
               *(w for name in ("money", "invite", "contact") for w in scan.found.get(name, [])),
               *(w for w in load_resource(PATTERNS)["illegal_offer"]["reach"] if w in scan.n.compact),
               *said_prices(scan.n.folded)]
    company = [w for w in dict.fromkeys(company) if not any(w in o for o in offers)]
    company = [w for w in company if not any(w != x and w in x for x in company)]  # 加微 of 加微信: one cue, one mention
    return Finding(list(dict.fromkeys(offers))[:3], suffix="、".join(company[:3])) if company else None


@lru_cache(maxsize=1)
def _markup_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """patterns.yaml ``resale_markup``: a price then a higher one before a passing-on verb (原价120 现在150转) and an
    added sum given over (加20块给你)."""
    d = load_resource(PATTERNS)["resale_markup"]
    units = _alt(d["units"]) + "?"
    was = re.compile(_alt(d["was"]) + r"(\d+)" + units + rf"\D{{0,{int(d['gap'])}}}?(\d+)" + units + _alt(d["pass"]))
    added = re.compile(_alt(d["add"]) + r"(\d+)" + _alt(d["units"]) + _alt(d["pass"]))
    return was, added


def _markup_deal(scan: Scan) -> Finding | None:
    """A banned resale or paid booking (倒卖场地, 代订场地收费) offered without its word: the thing passed on above what
    it cost (原价120 现在150转 — not 原价800 现在500转, a member's own used thing at a loss) or for an added sum
    (加20块给你). Read only when the profile bans such a trade; cites that item."""
    b = scan.banned
    if b is None or not b.resale_item:
        return None
    c = scan.n.compact
    # … named as written or in its Mandarin form (前排飛 is 前排票 in Cantonese: patterns.yaml cantonese, round 83)
    if b.resale_object is not None and not b.resale_object.search(c) and not b.resale_object.search(in_mandarin(c)) \
            and not _counted(b.resale_object, c):
        return None  # a markup on another thing (a member's racket in a group that bans court resale)
    was, added = _markup_patterns()
    hits = [m.group(0) for m in was.finditer(c) if int(m.group(2)) > int(m.group(1))]
    hits += [m.group(0) for m in added.finditer(c)]
    hits += _markup_fees(scan)
    if not hits:
        hits = _resale_offer(scan, b.resale_object)
    if not hits:
        return None
    return Finding([b.resale_item], suffix="、".join(hits[:2]))


def _counted(thing: re.Pattern[str], compact: str) -> bool:
    """Whether the resale's thing is counted by its counter without its name (patterns.yaml ``resale_markup.counted``:
    "两张" for 票)."""
    d = load_resource(PATTERNS)["resale_markup"]
    counters = [str(c) for head, c in d["counted"].items() if thing.search(str(head))]
    return bool(counters) and re.search(r"(?:\d+|" + _alt([str(x) for x in d["numerals"]]) + ")" + _alt(counters),
                                        compact) is not None


def _markup_fees(scan: Scan) -> list[str]:
    """A markup under another name (patterns.yaml ``resale_markup.markup_fee``: 辛苦费) in a clause that does not refuse
    it (``fee_refused``: 不要辛苦费)."""
    d = load_resource(PATTERNS)["resale_markup"]
    refused = tuple(str(w) for w in d["fee_refused"])
    return [str(w) for x in scan.clauses() for w in d["markup_fee"]
            if str(w) in x and not any(r in x[: x.index(str(w))] for r in refused)]


def _resale_offer(scan: Scan, thing: re.Pattern[str] | None) -> list[str]:
    """The banned resale's thing offered for sale without a markup in figures (patterns.yaml ``resale_markup``: 有票,
    出两张内场票, 票出, 加价50) beside a seller's company (私我, a handle, 有需要的, 价格好说); none beside a member's own
    ticket at face value (原价转, 不加价), a buyer's words (求一张) or in a question or a warning."""
    if thing is None:
        return []
    c = scan.n.compact
    offer, markup, talk, own, buyer = _resale_offer_patterns()
    if own.search(c) or buyer.search(c) or scan.lex.words["ad.banned_frame"].search(c) \
            or scan.asks():
        return []
    hits = [m.group(0) for x in scan.clauses() for m in offer.finditer(x) if thing.search(m.group(0))]
    hits += markup.findall(c)
    if not hits:
        return []
    company = [*scan.found.get("invite", []), *scan.found.get("contact", []), *_trade_words(scan), *talk.findall(c)]
    return list(dict.fromkeys(hits + company)) if company else []


@lru_cache(maxsize=1)
def _resale_offer_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """patterns.yaml ``resale_markup``: an offer word before or after a counted thing (有票, 出两张内场票, 票出), a markup with
    a sum (加价50), the seller's price talk, a member's own-ticket words and a buyer's words."""
    d = load_resource(PATTERNS)["resale_markup"]
    heads, gap = _alt(d["heads"]), int(d["offer_gap"])
    offer = re.compile(rf"(?<!{_alt(d['not_before'])}){_alt(d['offer'])}[^0-9a-z]{{0,{gap}}}?{heads}"
                       rf"|{heads}{_alt(d['offer_after'])}")
    markup = re.compile(_alt(d["markup"]) + r"\d+")
    return offer, markup, *(alternation([str(w) for w in d[k]]) for k in ("price_talk", "own", "buyer"))


_CLAUSES = re.compile(r"[,.!?;:\uff0c\u3002\uff01\uff1f\uff1b\uff1a\u3001~\n]+|\s{1,}")


@dataclass(frozen=True)
class Kinds:
    live: re.Pattern[str]


@lru_cache(maxsize=1)
def load_kinds() -> Kinds:
    """The compiled cues of kinds.yaml that do not depend on a profile."""
    return Kinds(live=alternation([str(w) for w in load_resource(KINDS)["live"]]))


def _banned(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A whole banned item with no trade (a part alone, 野生 in a talk about a wild sparrow, is no evidence), or one written
    as a description and said in other words (:func:`_described`), not in a question. Named
    in a warning or a rule (提醒大家别买…, 群里禁止…, 这就是疗效宣称，大家不要信: ``warns``) it is what the group is told
    to avoid, not an offer."""
    if (scan.found.get("banned_deal") or scan.lex.words["ad.banned_frame"].search(scan.n.compact) or warns(scan.n.compact)
            or _banned_by_others(scan)):
        return None
    found = _banned_hits(scan, spec, parts=False)
    if found is not None or scan.banned is None or not scan.banned.described or scan.asks():
        return found
    # … and offered: a call for a reply (lexicons.yaml ad.described_call), a price, a contact, an invitation or a trade word —
    # not in a rule said to the offenders (ad.described_not: 谁再…就出群)
    c = scan.n.compact
    if scan.lex.words["ad.described_not"].search(c) or not (scan.lex.words["ad.described_call"].search(c) or _trade_words(scan) or said_prices(scan.n.folded)
            or any(name in scan.found for name in ("money", "contact", "invite"))):
        return None
    # an item written as a description said whole in other words (可以帮写毕业论文…懂的来 of 代写毕业论文: every key term) and
    # offered names it as its wording does — not in a question (代笔的字画和名家真迹怎么区分？ asks about it)
    text, negations = scan.text(spec), scan.lex.words["ad.banned_negated"]
    by_item = _described(scan.banned, lambda p: _unnegated(p, text, negations))
    return Finding([f"{item}（{'、'.join(said[:2])}…）" for item, said in by_item.items()]) if by_item else None


def _rival(scan: Scan, spec: SignalSpec) -> Finding | None:
    """In a shop's own customer group, another business named as such (隔壁新开的…, 朋友开的店) — not in the shop's own
    voice (本店, 我们店: lexicons.yaml ad.seller_voice), which announces its own branch."""
    if not scan.shop or scan.lex.words["ad.seller_voice"].search(scan.n.compact):
        return None
    return _words(scan, spec)


def _paid_entry(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A sum paid to the writer (:func:`payments_to_writer`: 交两百块给我, 转我300) for bringing the payer into a group
    or somewhere (lexicons.yaml ad.paid_entry_way: 拉你, 带你进, 进群): a paid entry the writer sells — not the
    group's own fee an organiser collects (ad.paid_entry_not: AA, 场地费, 活动费)."""
    paid = payments_to_writer(scan.n.folded)
    if not paid or scan.lex.words["ad.paid_entry_not"].search(scan.n.compact.lower()):
        return None
    ways = sorted(set(scan.lex.words["ad.paid_entry_way"].findall(scan.n.compact)))
    return Finding([*paid, *ways]) if ways else None


def _rival_deal(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A deal in digits (5折, 满100减30: patterns.yaml deal_terms) — weighed beside a rival only (signals.yaml)."""
    if not scan.shop:
        return None
    hits = patterns().deal_terms.findall(scan.n.compact)
    return Finding(hits) if hits else None


def _kin_business(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A business the writer names as a relative's or a friend's (我表姐在万达三楼开了家琴行, 我姐夫新开了家冲扫店: patterns.yaml
    ``kin_venture``) with an offer: a seller's word or a promo word found (business, promo_words — not 私聊/联系 alone),
    a deal in digits (deal_terms: 5折), a gift for signing up (sign_up_gift: 报名送课), a perk (lexicons.yaml
    ``ad.kin_offer``: 试听免费, 报我名字) or a way to reach someone (invite, contact). A relative's lessons or visit (我表哥以前
    在那家琴行学过) opens nothing; a friend's restaurant with its price, or its opening day (开业: ``not_offer``), offers nothing."""
    c = written = scan.n.compact
    ventures = [m.group(0) for m in patterns().kin_venture.finditer(c)]
    if not ventures and (said := in_mandarin(c)) != c:  # 我细佬喺祖庙开咗间…: the relative's shop said in Cantonese
        c = said
        ventures = as_written(written, [m.group(0) for m in patterns().kin_venture.finditer(c)])
    if not ventures:
        return None
    promo = [w for w in scan.found.get("promo_words", []) if w not in SIGN_UP_WORDS]
    opening = set(load_resource(PATTERNS)["kin_venture"]["not_offer"])
    offer = [*(w for w in scan.found.get("business", []) if w not in opening), *promo, *patterns().deal_terms.findall(c), *patterns().sign_up_gift.findall(c),
             *scan.lex.words["ad.kin_offer"].findall(c), *scan.found.get("invite", []), *scan.found.get("contact", [])]
    offer = list(dict.fromkeys(as_written(written, offer) if c != written else offer))
    return Finding(list(dict.fromkeys(ventures))[:2], suffix="、".join(offer[:3])) if offer else None


def _course_gift(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A course's promo (冲刺班火热报名中，报名送全套教材): a paid course or class by its kind (lexicons.yaml ad.course_name)
    and a gift for signing up (patterns.yaml sign_up_gift) whose gift word is not followed by its ``had`` (了/的/过: 报名送了泳镜泳帽,
    报名送的教材挺实用: what a parent got, not an offer)."""
    courses = scan.words(spec)
    if not courses:
        return None
    gifts = [m.group(0) for m in patterns().sign_up_offer.finditer(scan.n.compact)]
    return Finding(list(dict.fromkeys([*courses[:1], *gifts[:1]]))) if gifts else None


SIGN_UP_WORDS = frozenset({"私聊", "私信", "联系", "咨询"})  # promo words that only say how to ask or sign up: no offer by themselves


_PROFILE_CLAUSE = re.compile(r"[,.;!?\n\uff0c\u3002\uff1b\uff01\uff1f]+")  # a profile's clauses (not 、: one list is one clause)


def without_refused(text: str) -> str:
    """The profile's text without its clauses that refuse something (lexicons.yaml ``profile_refusal``): in
    "群友之间可以转让自用的二手键盘；商家铺货、代购、外部店铺推广不允许" the shop words name what the group does not do."""
    refusal = lexicons().words["profile_refusal"]
    return "，".join(c for c in _PROFILE_CLAUSE.split(text or "") if not refusal.search(normalise(c).compact))


def shop_group(profile: GroupProfile) -> bool:
    """A shop's or a brand's own customer group: its profile lists products, is of a shop's type (lexicons.yaml
    ``ad.shop_group_types``) or says so (工作室, 门店, 老客户…: ``ad.shop_group``). A product list of members' dues only
    (社费, 会费, 活动费: ``ad.member_dues``) is a club's or a team's, not a shop's: it makes no shop by itself."""
    data = lexicon_data()["ad"]
    dues = lexicons().words["ad.member_dues"]
    sold = [p.name for p in profile.products if not dues.search(fold(p.name))]
    # … its words in a clause that refuses them ("不接受商家/店铺") say what the group is not
    return bool(sold) or (profile.type or "") in data["shop_group_types"] or bool(lexicons().words["ad.shop_group"].search(
        normalise(" ".join([profile.name or "", without_refused(profile.positioning), without_refused(profile.audience)])).compact))


def peer_owners_group(profile: GroupProfile) -> bool:
    """A group of shop owners among themselves (台中手摇饮老板交流群, 民宿老板群): its name or audience names owners
    (lexicons.yaml ``ad.peer_owners``) and it is not a shop's own customer group (:func:`shop_group`)."""
    return not shop_group(profile) and bool(lexicons().words["ad.peer_owners"].search(
        normalise(" ".join([profile.name or "", without_refused(profile.audience)])).compact))


def _vote(scan: Scan, spec: SignalSpec) -> Finding | None:
    hits = scan.words(spec)
    if not hits:
        return None
    return Finding(hits, "with_link" if scan.urls or len(hits) > 1 else "default")


def _repetition(scan: Scan, spec: SignalSpec) -> Finding | None:
    c, t = scan.n.compact, scan.thresholds
    if len(c) < t["repetition_min_chars"]:
        return None
    rep = _REPEAT.search(c)
    if len(c) < t["repetition_long_chars"]:  # a short flood: few distinct characters
        low_variety = len(c) >= 30 and len(set(c)) / len(c) < t["repetition_low_variety"]
    else:  # a long post: any real text uses many characters, so ask how much it compresses instead
        raw = c.encode("utf-8")
        low_variety = len(zlib.compress(raw)) / len(raw) < t["repetition_compression"]
    if rep and len(rep.group(0)) >= t["repetition_min_chars"]:
        # a run beside words of the writer's own ("哈哈哈哈…笑死，老王这跤摔得") is emphasis, not a flood
        own = _REPEAT.sub("", c)
        return Finding([]) if len(own) < t["repetition_own_words"] else None
    return Finding([]) if low_variety else None


@lru_cache(maxsize=1)
def _lone_emoji() -> re.Pattern[str]:
    """One pictograph (spellings.yaml ``decorative_emoji``, with its variation or skin-tone mark) alone between two
    characters: a separator (😀加😀我😀微😀信), not part of a wall of emoji (好🌹🌹🌹🌹🌹早)."""
    return decorative_between(r"[\ufe0f\U0001f3fb-\U0001f3ff]?")


def _emoji_flood(scan: Scan, spec: SignalSpec) -> Finding | None:
    # emoji set one at a time between character after character (😀加😀我😀微😀信…) are separators normalise folds away,
    # not a wall of emoji: the words they break are judged (evasion), so they are not counted here
    text = scan.n.decorated or scan.n.raw
    if len(_EMOJI.findall(text)) < scan.thresholds["emoji_flood"]:
        # taking the lone ones out only lowers the count (each is one character): too few before, too few after — the
        # look-behind search for them, tried at every place of the message, is not run (round 76, d17a76)
        return None
    count = len(_EMOJI.findall(_lone_emoji().sub("", text)))
    return Finding([], count=count) if count >= scan.thresholds["emoji_flood"] else None


def _targeted(scan: Scan, spec: SignalSpec) -> Finding | None:
    if spec.name == "rude" and (scan.found.get("insult") or scan.found.get("severe_insult")):
        return None  # the stronger insult already speaks
    hits = scan.words(spec)
    if spec.name == "rude":  # 滚吧 of a clause 快滚吧 told to someone is counted there (dismissal), once
        hits = [h for h in hits if not any(h in d for d in scan.found.get("dismissal", ()))]
    if not hits:
        return None
    if _titled(scan, hits):
        return None  # the words of a title (《天才白痴钱》, an album; 〈笨蛋〉, a song) name a work, they call no one
    if _reported(scan, hits):
        return Finding(hits, "reported")
    if _spectated(scan, hits):
        return None  # a player or referee of a match watched is called names, not a member (lexicons.yaml spectated_role)
    if _vented(scan, hits):
        return None  # a kind of wrongdoer outside the group is cursed, not a member (lexicons.yaml abuse.vented_at)
    if _pet_scolded(scan, hits):
        scan.pet_scolded = True
        return None  # the writer's pet is scolded, not a member (lexicons.yaml abuse.scolded_pet)
    if spec.name == "rude":
        # a weak rude word that is the group's own subject (垃圾 in a clean-up group, 土鳖 among its breeders) calls no one
        # names there unless it is said of a person (你就是个垃圾: quoted so); otherwise it is neither evidence nor quoted
        said = in_mandarin(scan.n.compact)
        hits = [h for w in _named_after(said, hits) if (h := _called_by_subject(said, w) if _subject_word(scan, w) else w)
                and not _owned_subject(scan, h)]
        if not hits:
            return None
    targeted = bool(scan.lex.words["abuse.target"].search(in_mandarin(scan.n.compact))) \
        or (spec.name == "insult" and _called(in_mandarin(scan.n.folded), hits))
    return Finding(hits, "targeted" if targeted else "default")


def _harm_vow(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A beating the writer promises a member (lexicons.yaml ``abuse.harm_vow``: 再在群里阴阳怪气我就揍你), read as the threat
    row reads its words (:func:`_targeted`) — unless a laugh (``care.joke``: 哈哈, 😂) is beside it and no hostile word
    (``abuse.teasing_hostile``: 滚, 等着, 小心点…) besides the vow's own: "再迟到我就揍你哈哈" is friends' banter over a small
    thing, "散场你别走，我就揍你，等着" is not."""
    found = _targeted(scan, spec)
    if found is None or found.variant == "reported":
        return found
    said = in_mandarin(scan.n.compact)
    rest = said
    for hit in found.items:  # the vow's own 揍你 is a hostile word of teasing_hostile: only the words beside it count
        rest = rest.replace(hit, " ")
    if scan.lex.words["care.joke"].search(said) and not scan.lex.words["abuse.teasing_hostile"].search(rest):
        return None
    return found


def _severe(scan: Scan, spec: SignalSpec) -> Finding | None:
    """One of the harshest curses (lexicons.yaml abuse.severe) said to a member: aimed at someone (as the insult row
    reads it: not quoted to report it, not at a player on the screen or a scammer outside the group) and the message
    addresses someone beyond the curse itself (幹你娘，你們店搶我客人 — the curse's own 你 addresses nobody: 干你娘，又塞车
    is an exclamation, and so is the curse said alone)."""
    found = _targeted(scan, spec)
    if found is None or found.variant != "targeted":
        return None
    said = scan.own_words()
    hits = [h for h in found.items if h in said]
    if not hits:
        return None  # every hit is inside a quotation: someone else's words
    rest = re.sub("|".join(map(re.escape, sorted(hits, key=len, reverse=True))), "，", said)
    if scan.lex.words["abuse.target"].search(rest):
        return Finding(hits, "targeted")
    return None


def _vented(scan: Scan, hits: list[str]) -> bool:
    """Every hit sits in a clause that names a kind of wrongdoer outside the group (lexicons.yaml abuse.vented_at: 医托,
    骗子…) and the message addresses or points at no one (abuse.vented_not): "医托都去死吧，上次在别家被骗了" vents."""
    words = scan.lex.words
    said = in_mandarin(scan.n.folded)
    if words["abuse.vented_not"].search(said) or not words["abuse.vented_at"].search(said):
        return False
    clauses = re.findall(f"{_CLAUSE}+", said)
    return all(any(h in c and words["abuse.vented_at"].search(c) for c in clauses) for h in hits)


@lru_cache(maxsize=1)
def _pet_near() -> tuple[re.Pattern[str], int]:
    """A pet named as such (lexicons.yaml abuse.scolded_pet), not its keeper (养猫的, 猫奴: abuse.scolded_pet_owner after
    it), and how many characters of one clause may stand between it and the insult (abuse.scolded_pet_gap)."""
    d = load_resource(LEXICONS)["abuse"]
    return re.compile(_alt(d["scolded_pet"]) + "(?!" + _alt(d["scolded_pet_owner"]) + ")"), int(d["scolded_pet_gap"])


@lru_cache(maxsize=64)
def _kept_animal(topic_text: str) -> re.Pattern[str] | None:
    """The animals the group itself keeps (lexicons.yaml abuse.scolded_kept: 鸽子, 乳鸽, 羽 in a pigeon keepers' group):
    each word whose stems the profile's positioning or topics name, not followed by a keeper's word (养鸽的, 鸽友)."""
    d = load_resource(LEXICONS)["abuse"]
    own = [w for w, stems in d["scolded_kept"].items() if any(s in topic_text for s in stems)]
    if not own:
        return None
    return re.compile(_alt(own) + "(?!" + _alt(d["scolded_pet_owner"]) + ")")


def _copula_end(copula: re.Pattern[str], before: str) -> re.Match[str] | None:
    """The copula (就是个, 真是…: lexicons.yaml abuse.scolded_pet_copula) that ends ``before``, if any."""
    ends = [m for m in copula.finditer(before) if m.end() == len(before)]
    return min(ends, key=lambda m: m.start()) if ends else None


def _pet_scolded(scan: Scan, hits: list[str]) -> bool:
    """Every hit has a pet at most a few characters of its clause before or after it (滚出去吧臭猫, 死猫给我滚出去) and the
    message addresses or points at no one (abuse.vented_not) and names no person by an animal (abuse.scolded_pet_not:
    三脚猫): the writer scolds their own animal, not a member."""
    words = scan.lex.words
    said = in_mandarin(scan.n.folded)
    if words["abuse.vented_not"].search(said) or words["abuse.scolded_pet_not"].search(said):
        return False
    pet, gap = _pet_near()
    kept = _kept_animal(scan.topic_text)
    if not (pet.search(said) or (kept and kept.search(said))):
        return False
    copula = words["abuse.scolded_pet_copula"]

    def pets(chunk: str) -> list[re.Match[str]]:
        return list(pet.finditer(chunk)) + (list(kept.finditer(chunk)) if kept else [])

    def near(hit: str) -> bool:
        for m in re.finditer(re.escape(hit), said):
            before = said[max(0, m.start() - gap - 8):m.start()]
            after = said[m.end():m.end() + gap + 5]
            before = re.search(f"{_CLAUSE}*$", before).group()  # (the clause the hit is in: _CLAUSE's characters)
            after = re.match(f"{_CLAUSE}*", after).group()
            # 这羽鸽子就是个蠢货: the pet is what the insult is said to be (a copula between them bridges no more)
            bare = before[:c.start()] if (c := _copula_end(copula, before)) else before
            if any(p.end() >= len(bare) - gap for p in pets(bare)) or any(p.start() <= gap for p in pets(after)):
                return True
        return False

    return all(near(h) for h in hits)


def _spectated(scan: Scan, hits: list[str]) -> bool:
    """Every hit sits in a clause that names a player's or an official's role of a match watched (lexicons.yaml
    abuse.spectated_role: 门将, 裁判…), the message addresses no one (abuse.spectated_not), and the group's profile is not
    about the sport (no abuse.spectated_sport in its topics)."""
    words = scan.lex.words
    said = in_mandarin(scan.n.folded)
    if scan.topic_text and words["abuse.spectated_sport"].search(scan.topic_text):
        return False
    if words["abuse.spectated_not"].search(said) or not words["abuse.spectated_role"].search(said):
        return False
    clauses = re.findall(f"{_CLAUSE}+", said)  # (the clauses _CLAUSE is a character of)
    return all(any(h in c and words["abuse.spectated_role"].search(c) for c in clauses) for h in hits)


def _subject_word(scan: Scan, word: str) -> bool:
    """Whether ``word`` is in the group's profile (its name, positioning and topics: ``topic_text``); a one-character
    word (傻, 蠢) is never the group's subject, whatever compound the profile writes it in."""
    return bool(scan.topic_text) and len(word) >= 2 and word in scan.topic_text


def _called_by_subject(said: str, word: str) -> str | None:
    """The group's subject word said of a person (lexicons.yaml abuse.predicate_lead + the word: 你就是个垃圾), or None."""
    lead = lexicons().words["abuse.predicate_lead"].pattern
    m = re.search(f"(?:{lead}){re.escape(word)}", said)
    return m.group(0) if m else None


def _owned_subject(scan: Scan, quoted: str) -> bool:
    """A bare address (abuse.address_lead) whose name is the group's own subject (:func:`_subject_word`): the
    addressee's thing, as Cantonese says "your" (你個唱頭用咗幾耐？, 你個火牛幾多瓦 in a valve-amp group), not a name
    called (你個衰人)."""
    lead = lexicons().words["abuse.address_lead"].match(quoted)
    return lead is not None and _subject_word(scan, quoted[lead.end():lead.end() + _NAME_AFTER])


_NAME_AFTER = 2  # the characters of the name a bare address (你个) leads to, quoted with it: 你个仆街, 你个衰人


def _named_after(said: str, hits: list[str]) -> list[str]:
    """A bare address that heads a name (lexicons.yaml abuse.address_lead: 你个, 你丫) quoted with the name it leads to
    (你个衰人 — not 你个, which tells the admin nothing); the name's first characters, within the clause, and the word
    that closes it as a noun, a few characters on (abuse.address_tail: 你个杀猪的, 你个卖假药的 — not the clipped 你个卖假)."""
    words = lexicons().words
    leads, tail = words["abuse.address_lead"], words["abuse.address_tail"].pattern
    out = []
    for h in hits:
        m = re.search(re.escape(h) + rf"{_PHRASE}{{1,{_NAME_AFTER}}}(?:{_PHRASE}{{0,{_NAME_AFTER}}}?(?:{tail}))?", said) \
            if leads.fullmatch(h) else None
        out.append(m.group(0) if m else h)
    return out


_CALL_END = re.compile(r"\s*[,，!！。.~～?？]")


def _called(folded: str, hits: list[str]) -> bool:
    """The message opens by calling the one it answers a name (废物，划个桨都划不齐; 蠢货！; lexicons.yaml abuse.call): the
    insult is a clause of its own at the start — said to someone, as 你 would say it."""
    text = folded.lstrip()
    call = lexicons().words["abuse.call"]
    return any(call.fullmatch(h) and text.startswith(h) and _CALL_END.match(text, len(h)) is not None for h in hits)


@lru_cache(maxsize=1)
def disabled_slur() -> re.Pattern[str]:
    """Contempt for people by their disability (patterns.yaml ``disabled_slur``): a slur (瘫子, 瞎子…) shutting them out at
    once (瘫子就该待在家里, 瞎子就别出来乱逛) or with a contempt word in its clause (残废还出来添乱), or a kind described
    (坐轮椅的…) with a generaliser and a contempt word in its clause (坐轮椅的就别出门给别人添麻烦) — not of the writer's
    own kind (我们坐轮椅的就是…) nor a fear or a denial before the contempt word (就是怕给家里添麻烦). Behind a first look
    for a slur or a kind (:func:`literals.gated`): the pattern opens with look-behinds, so the engine tried it at every
    place of every message (round 76, d17a76)."""
    d = load_resource(PATTERNS)["disabled_slur"]
    own = "".join(f"(?<!{re.escape(str(w))})" for w in d["own"])
    banned = "".join(re.escape(str(c)) for c in d["not_in_gap"] if len(str(c)) == 1)
    longer = [str(c) for c in d["not_in_gap"] if len(str(c)) > 1]
    free = (f"(?:(?!{_alt(longer)})" if longer else "(?:") + rf"[^\uff0c\u3002\uff01\uff1f,.!?\uff1b;\n{banned}])"
    contempt = _alt(d["contempt"])
    slur = own + _alt(d["slurs"]) + f"(?!{_alt(d['slur_not_before'])})"
    return gated(re.compile(slur + rf"(?:{_CLAUSE}{{0,{int(d['slur_gap'])}}}?" + _alt(d["shut_out"])
                            + f"|{free}{{0,{int(d['gap'])}}}?" + contempt + ")"
                            + "|" + own + _alt(d["kinds"]) + _alt(d["generalisers"])
                            + f"{free}{{0,{int(d['gap'])}}}?" + contempt))


def _disabled_slur(scan: Scan, spec: SignalSpec) -> Finding | None:
    """People run down by their disability in the writer's own words (:func:`disabled_slur`); quoted to report it, it is
    someone else's words."""
    hits = [m.group(0) for m in disabled_slur().finditer(scan.own_words())]
    if not hits:
        return None
    return Finding(hits, "reported" if _reported(scan, hits) else "default")


@lru_cache(maxsize=1)
def dismissal_clause() -> re.Pattern[str]:
    """滚 as a clause of its own (patterns.yaml ``dismissal``: 滚, 快滚吧, 你给我滚出去), matched whole against a clause —
    once: 滚滚滚，周一又要上班了 groans."""
    d = load_resource(PATTERNS)["dismissal"]
    word = re.escape(str(d["word"]))
    return re.compile(f"(?:{_alt(d['lead'])})?{word}(?:{_alt(d['tail'])})?")


@lru_cache(maxsize=1)
def _dismissal_gate() -> re.Pattern[str] | None:
    """One first look for :func:`dismissal_clause` (:func:`literals.any_of`: its word, 滚): every clause it matches is a
    piece of the writer's own words, so words without it are not cut into clauses and matched one by one (round 76,
    d17a76). None when the pattern tells no literal."""
    return any_of([dismissal_clause()])


def _dismissed(scan: Scan, spec: SignalSpec) -> Finding | None:
    """Someone told to get lost in a clause of its own, in the writer's own words (少在这里卖惨，烦死了，滚): said at the
    member answered — 滚 inside a word (滚雪球, 利滚利, 打滚) or told of someone else (他让我滚) is no clause of its own."""
    gate = _dismissal_gate()
    if gate is not None and gate.search(scan.own_words()) is None:
        return None
    rx = dismissal_clause()
    told = scan.found.get("insult", ())  # 滚出去 is a rude word of its own: told there, once
    hits = [c for c in (_squeezed(part) for part in _CLAUSES.split(scan.own_words()))
            if c and rx.fullmatch(c) and not any(c in h for h in told)]
    if not hits:
        return None
    return Finding(hits, "reported" if _reported(scan, hits) else "default")


def _belittle(scan: Scan, spec: SignalSpec) -> Finding | None:
    """An unnamed member run down by the role they take in the group, in the writer's own words (someone_put_down)."""
    m = someone_put_down().search(scan.own_words())
    return Finding([m.group(0)]) if m else None


@lru_cache(maxsize=1)
def sneer_forms() -> tuple[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...]:
    """Contempt by its form (patterns.yaml ``sneer``), each beside the words that must not open its clause before it: a
    person or their work judged then daring ("你这水平也敢…", "这种人也配…"), contempt put as a question or a verdict on
    someone's sense of self ("你以为你是谁", "没有自知之明"), someone summed up as a wasteful novice ("纯属花钱找罪受的
    菜鸟"), not able, so stay away ("不会弹就不要出来献丑"), a mock title as someone turns up again ("大师又出来了"), and a
    title someone is said to give themself ("钓了两条鱼就当自己是大师了")."""
    d = load_resource(PATTERNS)["sneer"]
    dare, rh, vd, cd, tb = d["dare"], d["rhetorical"], d["verdict"], d["cant_then_dont"], d["title_back"]
    st, mock = d["self_title"], rh["mock"]
    forms = ((_alt(dare["lead"]) + f"{_SENTENCE}{{0,{int(dare['max_gap'])}}}?" + _alt(dare["words"]), dare),
             (_either(rh["words"]) + "|" + _alt(mock["lead"]) + f"{_SENTENCE}{{1,{int(mock['max_gap'])}}}?"
              + _alt(mock["mid"]) + f"{_CLAUSE}{{1,{int(mock['gap'])}}}?" + _alt(mock["end"]), rh),
             (_alt(vd["lead"]) + f"{_CLAUSE}{{0,{int(vd['max_gap'])}}}?" + _alt(vd["end"]), vd),
             (_alt(cd["lead"]) + f"{_CLAUSE}{{0,{int(cd['max_gap'])}}}?" + _alt(cd["end"]), cd),
             (_alt(tb["title"]) + f"{_CLAUSE}{{0,{int(tb['max_gap'])}}}?" + _alt(tb["again"]), tb),
             (_alt(st["who"]) + f"{_SENTENCE}{{0,{int(st['max_gap'])}}}?" + _alt(st["lead"])
              + f"{_CLAUSE}{{0,{int(st['gap'])}}}?" + _alt([*tb["title"], *(st.get("titles") or ())]),
              {"not_before": st["not_before"], "not_with": tb["not_with"]}))
    # each behind its literal first look (:func:`literals.gated`): the rhetorical form opens with a gap, which the engine
    # tries at every place of the text; it runs only where one of the strings every match of it contains is written
    return tuple((gated(re.compile(rx)), tuple(str(w) for w in row.get("not_before") or ()),
                  tuple(str(w) for w in row.get("not_with") or ())) for rx, row in forms)


@lru_cache(maxsize=1)
def _sneer_gate() -> re.Pattern[str] | None:
    """One first look for every form of :func:`sneer_forms` (:func:`literals.any_of` of the strings each match of one
    contains): a text it finds nothing in holds none of the forms, and their five gated searches and the ``not_with``
    looks are not run (round 73, d17b73). None when a form tells no literal (every form is then searched)."""
    return any_of([form for form, _, _ in sneer_forms()])


def _sneers(said: str) -> list[str]:
    """The contempt forms in ``said`` (the writer's own words in Mandarin) whose clause does not open on the writer or
    on reported words before the form (我这水平还敢…, 说你没有自知之明: patterns.yaml sneer ``not_before``)."""
    gate = _sneer_gate()
    if gate is not None and gate.search(said) is None:
        return []
    out = []
    for form, not_before, not_with in sneer_forms():
        if any(w in said for w in not_with):  # "大神又来给大家上课了，谢谢": a sincere welcome or thanks beside the form
            continue
        for m in form.finditer(said):
            clause = clause_before(said, m.start())
            if not any(w in clause for w in not_before):
                out.append(m.group(0))
    return out


def _sneer(scan: Scan, spec: SignalSpec) -> Finding | None:
    """Contempt by its form, without a swear word, in the writer's own words (:func:`_sneers`); not beside warmth
    (加油, 我陪你练: teasing between friends, :func:`veiled.banter`)."""
    said = scan.own_words()
    hits = [] if banter(said) else _sneers(said)
    return Finding(hits) if hits else None


def _veiled(scan: Scan, spec: SignalSpec) -> Finding | None:
    """Contempt dressed as praise, advice, a second thought or a plea, aimed at someone else (:mod:`veiled`)."""
    hits = veiled_forms(scan.own_words())
    return Finding(hits) if hits else None


def _sarcasm(scan: Scan, spec: SignalSpec) -> Finding | None:
    """Praise with a put-down beside it, aimed at someone else (:func:`veiled.sarcasm`)."""
    hits = sarcasm(scan.own_words())
    return Finding(hits) if hits else None


# The detectors that read nothing but the writer's own words (Scan.own_words) and find nothing unless one of the strings
# every match of their patterns contains is written there (_own_words_gate): detect rules all six out with one search.
_OWN_WORDS_GATED = (_disabled_slur, _belittle, _dismissed, _sneer, _veiled, _sarcasm)


@lru_cache(maxsize=1)
def _own_words_gate() -> re.Pattern[str] | None:
    """One first look for the six detectors of :data:`_OWN_WORDS_GATED` (:func:`literals.any_of`): the disability slur
    (:func:`disabled_slur`), someone run down by their role (:func:`someone_put_down`), 滚 as a clause
    (:func:`dismissal_clause`), every sneer form (:func:`sneer_forms`), the veiled forms' first reads and sarcasm's praise
    (:func:`veiled.first_looks`). Own words it finds nothing in give none of the six a hit, so :func:`detect` does not
    run them — each would make its own first look, and the sneer, veiled and sarcasm checks the warmth search first
    (round 80, d17t80). None when one of them tells no literal (all six run, as before)."""
    veiled_reads = first_looks()
    if veiled_reads is None:
        return None
    return any_of([disabled_slur(), someone_put_down(), dismissal_clause(), *(f for f, _, _ in sneer_forms()), *veiled_reads])


_QUOTED = re.compile(rf"[{_QUOTE_OPEN}]([^{_QUOTE_CLOSE}]{{1,60}})[{_QUOTE_CLOSE}]")


def _reported(scan: Scan, hits: list[str]) -> bool:
    """The insults are someone else's words, quoted (a report, a story of what happened to the writer).

    Either every insult sits inside a quotation right after a speech verb ("被司机骂'找死啊'，大家注意安全",
    "教练说我'就是个废物'"), or — with a report cue (骂我、请管理员…) — inside any quotation or in the
    reported speech after 说我/骂我. An insult of the writer's own outside them is still abuse.
    """
    folded = in_mandarin(scan.n.folded)  # the hits of an abuse lexicon are read in Mandarin (老嘢 → 老东西)
    spoken = [m for m in patterns().speech_quote.finditer(folded)]
    if spoken and _all_inside(folded, hits, [m.group(1) for m in spoken], [m.group(0) for m in spoken]):
        return True
    if not scan.lex.words["report"].search(scan.n.compact):
        return False
    quoted = list(_QUOTED.finditer(folded))
    said = [m.group(0) for m in patterns().reported_speech.finditer(folded)]
    return _all_inside(folded, hits, [m.group(1) for m in quoted] + said, [m.group(0) for m in quoted] + said)


_TITLED = re.compile(r"[《〈]([^《》〈〉]{1,40})[》〉]")


def _titled(scan: Scan, hits: list[str]) -> bool:
    """Every rude word is inside a work's title in title marks (《…》, 〈…〉)."""
    folded = in_mandarin(scan.n.folded)
    titles = list(_TITLED.finditer(folded))
    return bool(titles) and _all_inside(folded, hits, [m.group(1) for m in titles], [m.group(0) for m in titles])


def _all_inside(folded: str, hits: list[str], zones: list[str], spans: list[str]) -> bool:
    """Every hit is inside one of ``zones`` and none is left once ``spans`` are cut out of the text."""
    zone = "".join(zones)
    if not zone:
        return False
    outside = folded
    for piece in spans:
        outside = outside.replace(piece, " ")
    return all(h in zone for h in hits) and not any(h in outside for h in hits)


def unspoken(folded: str) -> str:
    """The text without what it quotes others as saying (骂我"…", 说'…'): a quotation after a speech verb.
    A quoted name ("同城引流神器") is the writer's own words and stays."""
    return patterns().speech_quote.sub(lambda m: m.group(0).replace(m.group(1), " "), folded)


def unquoted(folded: str) -> str:
    """The text with every quotation cut out: what the writer says in their own voice.

    A near twin of the notes' ``copilot.notes.structure._unquoted``, kept apart because the two read different
    things: here only a quote of 1–60 characters goes (a long pitch pasted in quotes is still the sender's own
    words), from any opening to any closing mark of ``_QUOTE_OPEN`` / ``_QUOTE_CLOSE`` (single quotes too), and a
    space takes its place so no cue word forms across the cut. The notes' one cuts a quote of any length in
    “”, 「」, 『』 or straight double quotes with nothing in its place (a slot word looked up in what is left).
    One definition would change either side's output (moderation figures or notes JSON), so both stay."""
    return _QUOTED.sub(" ", folded)


def _combo(scan: Scan, spec: SignalSpec) -> Finding | None:
    """Every lexicon of the combo present: a plea and a favour, a spread, an audience and a hook (for spam and ads, in the
    text as written or in its mainland Mandarin form: 帮手投下票 → 帮忙投个票)."""
    text = scan.text(spec)
    found = _all_of(scan, spec.combo, text)
    if not found and spec.label in DIALECT_READ and in_mandarin(text) != text:  # as Scan.words
        found = read_as_said(text, lambda t: _all_of(scan, spec.combo, t))
    if not found and spec.or_combo:
        found = _all_of(scan, spec.or_combo, text)
        if found:  # the second pattern may weigh more (the sender's own profile)
            return Finding(found, "or_combo" if "or_combo" in spec.weights else "default")
    if not found:
        return None
    if spec.given is not None and _own_gift(scan, spec, text):
        return None
    if scan.urls and "with_link" in spec.weights:
        return Finding(found, "with_link")
    # a plea for the writer's own benefit (帮我点一下红包, 帮我家孩子投一票): a request to act on, not to weigh
    if "for_me" in spec.weights and scan.lex.words["spam.for_me"].search(text):
        return Finding(found, "for_me")
    return Finding(found, "default")


def _own_gift(scan: Scan, spec: SignalSpec, text: str) -> bool:
    """The writer gave what the combo's favour claims (我发咗个利是，大家快啲抢红包): every hit of the combo's last lexicon is a
    claim cue (``spec.given[1]``) and the writer says they sent it (``spec.given[0]``), as written or in Mandarin."""
    assert spec.given is not None
    given, claims = (scan.lex.words[key] for key in spec.given)
    said = in_mandarin(text)
    if not (given.search(text) or given.search(said)):
        return False
    favour = scan.lex.words[spec.combo[-1]]
    hits = [h for t in {text, said} for h in cue_words(favour, t)]
    return bool(hits) and all(claims.fullmatch(h) for h in hits)


def _all_of(scan: Scan, keys: tuple[str, ...], text: str) -> list[str]:
    """The hits in ``text`` of every lexicon in ``keys``, or nothing when one of them has none."""
    found: list[str] = []
    for key in keys:
        # a favour's cue (点下, 帮投) is a word of the text, not one cut across two (9点|下周 has no 点下); the others' short
        # cues are stems that run on into the next word (帮我|家孩子, the ad lexicons) and count as they are
        rx = scan.lex.words[key]
        hits = cue_words(rx, text) if key == "spam.favour" else rx.findall(text)
        if key == "ad.reply_call" and not hits:  # the compact text has lost the quotation marks of 回复“学”
            hits = list(scan.quoted_codes())
        if not hits:
            return []
        found += hits
    return found


def _injection(scan: Scan, spec: SignalSpec) -> Finding | None:
    hit = scan.lex.injection.search(scan.n.compact) or scan.lex.injection_en.search(scan.n.folded)
    return Finding([]) if hit else None


def _chain_letter(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A spread, an audience and a hook: 转发/发给 … 所有好友/N个X群/10个宝妈 … 不转就/倒霉/平安; or a spread and guilt
    or a curse on whoever does not (转发救猫！不转就是没爱心), with no audience named; or a hoax notice — a doom for the
    group or the account (解散, 自动退群, 冻结) beside an authority's act asked (官方…转发保留) or an act refused (不回复的…).
    A hook may also promise luck (三天内会有好事), a loss to all (下周起身份证作废), shout an alarm (震惊！…立马死亡) or, with
    no source named, a scare about harm to the family (有人贩子抢小孩…转给家人). A debunk (那条是谣言，别转了) is none.
    Read in the text as written, then in its mainland Mandarin form (转发俾屋企人，唔转就… → 转发给家人，不转就…)."""
    found = _chain_letter_in(scan, scan.n.compact)
    said = in_mandarin(scan.n.compact)
    if found is not None or said == scan.n.compact or (found := _chain_letter_in(scan, said)) is None:
        return found
    return Finding(list(dict.fromkeys(as_written(scan.n.compact, found.items))))


def _chain_may(scan: Scan, c: str) -> bool:
    """Whether :func:`_chain_letter_in` can find anything in ``c``: each of its findings needs a word of the spread
    (lexicons.yaml ``spam.spread``: 转发, 发给), of a doom (``chain_doom``: 解散, 冻结) or of a gift pledged per share
    (``chain_per_share``: 每转一次, d17b76), and a text with none of these lists' words (or gates) in it — one walk of
    the word tree, remembered per text (:meth:`Scan.may`) — is not searched a dozen times more (round 76, d17a76)."""
    return scan.may("spam.spread", c) or scan.may("chain_doom", c) or scan.may("chain_per_share", c)


def _chain_letter_in(scan: Scan, c: str) -> Finding | None:
    """:func:`_chain_letter` on one form of the compact text ``c``."""
    if not _chain_may(scan, c):
        return None
    if scan.lex.words["chain_debunk"].search(scan.lex.words["chain_debunk_not"].sub(" ", c)):
        return None  # a member saying a forwarded notice is false (那条是谣言，别转了) asks nobody to spread it
    per_share = scan.lex.words["chain_per_share"].findall(c)
    if per_share and (pledge := scan.lex.words["chain_pledge"].findall(c)):
        return Finding(list(dict.fromkeys(per_share + pledge)))  # 每转发一次就捐一毛钱: a gift pledged per share, a hoax by itself
    spread = scan.lex.words["spam.spread"].findall(c)
    guilt = scan.lex.words["chain_guilt"].findall(c)
    refusal = scan.lex.words["chain_refusal"].findall(c)
    if spread and refusal and guilt:
        return Finding(spread + refusal + guilt)
    doom = scan.lex.words["chain_doom"].findall(c)
    if doom:  # a hoax notice: an authority's act asked, or an act refused, on pain of the group or the account
        no_act = scan.lex.words["chain_no_act"].findall(c)
        authority = scan.lex.words["chain_authority"].findall(c)
        act = scan.lex.words["chain_act"].findall(c)
        if no_act or (authority and act):
            return Finding(list(dict.fromkeys(authority + (no_act or act) + doom)))
    # the hook: a promise or a threat (chain_hook), luck for forwarding (chain_luck) or a loss said to come to all (chain_loss)
    # or an alarm that shouts a scare (chain_alarm: 震惊, 立马死亡)
    hook = [h for key in ("chain_hook", "chain_luck", "chain_loss", "chain_alarm") for h in scan.lex.words[key].findall(c)]
    # a scare about harm to the family (人贩子抢小孩, 迷药) is a hook too — where the message names no source for it
    if not scan.lex.words["chain_source"].search(c):
        hook += scan.lex.words["chain_harm"].findall(c)
    # a surprise promised (就有惊喜) is a hook only where the audience is counted (转发给15个好友: lexicons.yaml chain_reward);
    # with nothing spread, no chain letter: the count is not looked for
    counted = patterns().recipients.findall(scan.n.digits) if spread else []
    if counted:
        hook += scan.lex.words["chain_reward"].findall(c)
    # an outage for everyone is a hook only where the message asks to spread it to every group (转给所有群组) or to a
    # counted audience (转发给十个群)
    mass = scan.lex.words["chain_mass"].findall(c)
    if mass or counted:
        hook += scan.lex.words["chain_outage"].findall(c)
    if not (spread and hook):
        return None
    audience = scan.lex.words["spam.audience"].findall(c) + counted
    audience += [m for m in mass if not any(m in a or a in m for a in audience)]
    return Finding(spread + audience + hook) if audience else None


def _referral(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A referral code or sign-up reward in words, or a link that carries the sender's referral parameter."""
    hits = scan.words(spec)
    hits += [host_of(u) + "（推广参数）" for u in scan.urls if patterns().referral_param.search(u)]
    if not hits:
        return None
    return Finding(hits, "with_link" if scan.blocked else "default")


def _private_seller(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A seller's word (源头厂家, 名额不多) or a discount against the shops (比超市便宜三成) beside an invitation to get
    in touch privately (私我, 滴滴我, 联系方式见图): the offer and its way to buy. (A unit price is not one: a landlord's 3500一个月
    and a member's 贴砖一平80 are quoted with 私聊 too.)"""
    if not (scan.found.get("invite") or scan.found.get("picture_pointer")
            or scan.lex.words["ad.reply_call"].search(scan.n.compact)):
        return None  # 私我, or a reply code (回复1, 扣1) that collects the interested
    hits = scan.words(spec) + patterns().cheaper.findall(scan.n.compact) + patterns().provider.findall(scan.n.compact)
    if not hits and (business := own_business().search(scan.n.compact)):
        # 我们考研工作室…报名8折，私我: a business speaking as 我们, a discount and the way in
        deal = patterns().deal_terms.findall(scan.n.compact)
        hits = [business.group(), *deal] if deal else []
    return Finding(list(dict.fromkeys(hits))) if hits else None


@lru_cache(maxsize=1)
def rule_ban() -> re.Pattern[str]:
    """A member telling the group not to post something here (这种拉票助力的别在跑团群里发了; patterns.yaml ``rule_ban``), on the
    folded text: a lead not inside another word, up to ``gap`` characters of one clause, a post in the group."""
    d = load_resource(PATTERNS)["rule_ban"]
    lead = "".join(f"(?<!{re.escape(str(w))})" for w in d["not_after"]) + _alt(d["leads"])
    return re.compile(lead + rf"{_CLAUSE}{{0,{int(d['gap'])}}}?" + _alt(d["posts"]) + "(?!" + _alt(d["not_before"]) + ")")


@lru_cache(maxsize=1)
def own_business() -> re.Pattern[str]:
    """The writer speaking as a business (patterns.yaml ``provider``: own_lead, up to own_gap characters of one clause,
    a kind — 我们考研工作室, 本机构), on the compact form."""
    d = load_resource(PATTERNS)["provider"]
    return re.compile(_alt(d["own_lead"]) + rf"{_CLAUSE}{{0,{int(d['own_gap'])}}}?" + _alt(d["kinds"]))


def _business(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A seller's words (lexicons.yaml ad.business; for seller_form resale.seller_form with its catalogue count) and a
    quantity deal (买三送一: patterns.yaml buy_get). In a shop's own customer group the shop's own voice (本店, 我们店: ad.seller_voice; for seller_form also 老客户, 到店: ad.shop_own_voice) is
    the group's, not another seller's."""
    hits = scan.words(spec) + patterns().buy_get.findall(scan.n.compact)
    if scan.shop:
        voices = [scan.lex.words["ad.seller_voice"]] + ([scan.lex.words["ad.shop_own_voice"]] if spec.name == "seller_form" else [])
        hits = [h for h in hits if not any(v.fullmatch(h) for v in voices)]
    elif scan.peers:  # among shop owners each speaks for their own shop (ad.peer_own_shop): a peer's voice, not a pitch
        hits = [h for h in hits if not scan.lex.words["ad.peer_own_shop"].fullmatch(h)]
    return Finding(list(dict.fromkeys(hits))) if hits else None


def _health_claim(scan: Scan, spec: SignalSpec) -> Finding | None:
    hits = scan.words(spec) + patterns().health_claim.findall(scan.n.digits)
    return Finding(hits) if hits else None


def _group_deal(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A deal offered to the group's members as such: a word for them (lexicons.yaml ad.group_folk: 群友, 团友, 社团的朋友…)
    with a deal word (ad.group_deal: 八折, 立减, 群友价…) starting within ``group_deal_gap`` characters after it — 群友一律八折,
    团友价再折, 群里有优惠; not a member named as the one who found a sale (上次群友推荐的那家在打折: the deal is the shop's).
    A shop's own customer group gives its customers deals: not there."""
    if scan.shop:
        return None
    text, gap = scan.n.compact, int(scan.thresholds["group_deal_gap"])
    folk, deal = (scan.lex.words[key] for key in spec.combo)
    for m in folk.finditer(text):
        near = deal.search(text, m.start(), m.end() + gap + 8)
        if near is not None and near.start() <= m.end() + gap:
            return Finding([near.group(0)] if near.start() < m.end() else [m.group(0), near.group(0)])  # 群友价 once
    return None

# what may stand between a beg and the red packet or money it asks for: a payment app's name or an amount (给我点 line pay
# 红包, 转我 50 块钱) — Latin letters, digits, spaces and a currency mark, nothing that starts another thing (给我点时间)
_BEG_GAP = r"[a-z0-9\s.$¥]{0,16}?"


@lru_cache(maxsize=8)
def _ask_then_gift(beg: str, gift: str) -> re.Pattern[str]:
    """The ask (``beg``'s pattern), at most ``_BEG_GAP`` apart, then the gift (``gift``'s): compiled once per pair of
    lists, not put together again for every message (:func:`_packet_beg`)."""
    return re.compile(f"({beg}){_BEG_GAP}({gift})")


def _packet_beg(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A red packet or money asked to be sent to the writer (lexicons.yaml spam.packet_beg: 求个, 给我点, 转我点…) with what
    is asked for right after the ask (spam.packet_gift: 红包, 零花钱, 块钱…), a payment app or an amount between at most:
    求个红包, 有人可以给我点 LINE Pay 红包吗. The ask and the gift apart are two things (给我点时间，红包晚上发); a red
    packet's cover asked for (spam.packet_not) is no gift."""
    beg, gift = (scan.lex.words[key] for key in spec.combo)
    text = scan.lex.words[spec.mask].sub(" ", scan.n.folded) if spec.mask else scan.n.folded
    m = _ask_then_gift(beg.pattern, gift.pattern).search(text)
    return Finding([m.group(1), m.group(m.lastindex or 2)]) if m else None


def _service_pitch(scan: Scan, spec: SignalSpec) -> Finding | None:
    """The writer's own paid service (signals.yaml service_pitch): the combo's lexicons all present and a price said
    (:func:`said_prices`: 一堂1200, 入群费99, 80一次) — the same words with no price are a member's talk."""
    found = _combo(scan, spec)
    if found is None or not said_prices(scan.n.folded):
        return None
    return found


def _course_pitch(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A course sold to the group with no seller named (signals.yaml course_pitch, round 79 d17a79): a learner's promise
    (零基础, 包会, 带你上岸), a fee word with its sum (报名费399, 学费1980, 一期2999: the sum right after, or a price said)
    and a way to sign up with the writer (感兴趣私我) — and none of a member's words for a course they took themselves
    (resale.private_took: 我报的, 我上过) or what it cost them (ad.own_use: 花了): "我报的班报名费3000，想了解的私我" passes
    on an experience, it sells nothing."""
    found = _combo(scan, spec)
    if found is None:
        return None
    folded, said = scan.n.folded, in_mandarin(scan.n.compact)
    fee = scan.lex.words["ad.course_fee"]
    if not (said_prices(folded) or any(COURSE_FEE_SUM.match(folded, m.end()) for m in fee.finditer(folded))):
        return None
    if scan.lex.words["resale.private_took"].search(said) or scan.lex.words["ad.own_use"].search(said):
        return None
    return found


COURSE_FEE_SUM = re.compile(r"[^\d，,。；;！!？?]{0,3}\d")  # the sum a few characters after a course's fee word (报名费只要399)


def _fee_scam(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A fee before a sure result with a way to reach the writer (signals.yaml fee_scam): the combo's lexicons all
    present (预付鉴定费…上拍率百分百…私我), or a fee said as to be paid (:func:`fee_payments`: 交800登记费, 交300手续费 —
    no 先 or 预 needed, the sum is asked before the result) in place of the first. A fee with no sure result (交500押金
    才能试机) or no way to reach (交八千服务费，百分百出签，这价格正常吗) is a member's talk."""
    found = _combo(scan, spec)
    if found is not None:
        return found
    fees = fee_payments(scan.n.folded)
    rest = _all_of(scan, spec.combo[1:], scan.text(spec)) if fees else []
    return Finding([*fees, *rest]) if rest else None


# The detectors that find nothing when their row's word lists have no word in the compact text (read as it is, or with
# the cues of earlier signals cut out; in Mandarin only when it has Cantonese): "words" — every hit is one of its
# ``words`` list (:func:`_words`; :func:`_vote`; :func:`_rival` after its shop check; :func:`_targeted` and :func:`_severe`,
# which read the list in the text's Mandarin form, the text itself when it has no Cantonese); "combo" — every list of
# its ``combo`` must have a hit (:func:`_combo`; :func:`_service_pitch`, a combo and a price; :func:`_group_deal`, both
# lists near each other), or every list of its ``or_combo``. :meth:`SignalTable.needs` skips them for such a message.
_LIST_GATED: dict[Any, str] = {_words: "words", _promo_words: "words", _vote: "words", _course_gift: "words", _rival: "words",
                               _targeted: "words", _harm_vow: "words", _severe: "words",
                               _combo: "combo", _service_pitch: "combo", _course_pitch: "combo",
                               _group_deal: "combo"}



def _walked(name: str) -> str:
    """The walk's key of a pattern of patterns.yaml (:data:`WALKED_PATTERNS`)."""
    assert name in WALKED_PATTERNS, name
    return PATTERN_MASK + name


# Detectors of their own shape that find nothing unless one of a few sets of lists and patterns all match the compact
# text (the row's ``mask`` aside, which SignalTable.needs reads off the row): for each, the sets of walk keys, read off
# its code (round 80). _promo_words: its list alone (in _LIST_GATED). _business: its list, or a quantity deal (buy_get).
def _smear(scan: Scan, spec: SignalSpec) -> Finding | None:
    """A whole trade or kind of people run down at once (its combo: lexicons.yaml abuse.smear_all beside abuse.smear_kind —
    你们这帮卖蜜的没一个好东西, 蜂农的蜜…没一个干净的); a warning about cheats (网上卖假蜜的都是骗子，大家别上当: a warning besides the
    smear's own 骗子) runs no member down."""
    return None if warns(scan.lex.words[spec.combo[0]].sub("", scan.n.compact)) else _combo(scan, spec)


# _pointer: its list, a look at the profile (profile_look; in Mandarin only when the text has Cantonese), or — when the
# writer is unnamed — a pointer at the name (sender_name.pointer). _counterfeit_deal: its list, like_genuine, or a copy
# or an age faked beside what it copies (counterfeit_copy and genuine_ref, counterfeit_aged and antique_ref).
# _fee_scam: its combo, or a fee paid with the combo's other lists — both need those two. _kin_business: a relative's
# venture (kin_venture; in Mandarin only when the text has Cantonese).
_OWN_NEEDS: dict[Any, Callable[[SignalSpec], tuple[tuple[str, ...], ...]]] = {
    _business: lambda spec: ((str(spec.words),), (_walked("buy_get"),)),
    _pointer: lambda spec: ((str(spec.words),), (_walked("profile_look"),), ("sender_name.pointer",)),
    _counterfeit_deal: lambda spec: ((str(spec.words),), (_walked("like_genuine"),),
                                     ("ad.counterfeit_copy", "ad.genuine_ref"), ("ad.counterfeit_aged", "ad.antique_ref")),
    _fee_scam: lambda spec: (spec.combo[1:],),
    _kin_business: lambda spec: ((_walked("kin_venture"),),),
    _smear: lambda spec: (spec.combo,),
}

# The signals with a detector of their own; any other reads what its row says: a ``combo`` row's lexicons all present
# (:func:`_combo`), a ``words`` row's lexicon (:func:`_words`).
_DETECTORS: dict[str, Detector] = {
    "course_gift": _course_gift, "contact": _contact, "landline": _landline, "invite": _invite, "private_seller": _private_seller, "pointer": _pointer,
    "evasion": _evasion, "link": _link, "business": _business, "seller_form": _business, "promo_words": _promo_words,
    "income": _income, "money": _money, "rival": _rival, "rival_deal": _rival_deal, "kin_business": _kin_business,
    "banned": _banned, "banned_deal": _banned_deal, "counterfeit_deal": _counterfeit_deal, "illegal_deal": _illegal_deal, "vote": _vote,
    "repetition": _repetition, "emoji_flood": _emoji_flood, "severe_insult": _severe, "insult": _targeted, "threat": _targeted, "harm_vow": _harm_vow, "rude": _targeted, "accused": _targeted,
    "injection": _injection, "chain_letter": _chain_letter, "referral": _referral, "health_claim": _health_claim,
    "belittle": _belittle, "disabled_slur": _disabled_slur, "dismissal": _dismissed, "sneer": _sneer, "veiled": _veiled, "sarcasm": _sarcasm, "group_deal": _group_deal, "packet_beg": _packet_beg,
    "service_pitch": _service_pitch, "course_pitch": _course_pitch, "paid_entry": _paid_entry, "fee_scam": _fee_scam,
    "smear": _smear,
}


def detector(spec: SignalSpec) -> Detector | None:
    """The detector that runs ``spec``: its own, else the one its row's shape says (None: the row has neither)."""
    own = _DETECTORS.get(spec.name)
    if own is not None:
        return own
    return _combo if spec.combo else _words if spec.words else None


DETAIL_ITEMS = 8  # hits a reason names before it only counts the rest


def _signal(spec: SignalSpec, f: Finding, compact: str = "") -> Signal:
    """The signal of ``spec``'s finding. An abuse hit found in the text's Mandarin form (算什么东西 of 你算咩嘢) is quoted
    in the detail as ``compact`` (the message's compact form) writes it: a reason names only words the message has."""
    shown = list(dict.fromkeys(as_written(compact, list(f.items)) if spec.label == "abuse" and compact else f.items))
    # a reason an admin reads: a 20,000-character log's hundreds of hits are named by their first few and a count
    items = "、".join(shown) if len(shown) <= DETAIL_ITEMS else "、".join(shown[:DETAIL_ITEMS]) + f" 等 {len(shown)} 处"
    detail = spec.detail.format(items=items, suffix=f.suffix, count=f.count)
    if spec.max_chars and "{items}" in spec.detail:
        prefix = spec.detail.split("{items}")[0]
        detail = prefix + items[: spec.max_chars]
    return Signal(spec.name, spec.label, spec.weight(f.variant, len(set(f.items))), detail, f.variant or "default",
                  tuple(dict.fromkeys(f.items)))


_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")


def detect(n: Normalised, *, allowed_domains: tuple[str, ...] = (), banned: BannedList | None = None,
           topic_text: str = "", ad_prob: float = 0.0, shop: bool = False, platform: str = "",
           unnamed: bool = False, peers: bool = False) -> SignalReport:
    """Run every detector of the signal table on a normalised message, in table order.

    ``shop``: the profile is a shop's or a brand's own customer group (:func:`shop_group`). ``platform``: the chat app
    the group runs on (profile ``platform``: wechat, qq…), whose own ways of asking to be messaged count as invitations.
    ``unnamed``: the writer's shown name is unknown, so a pointer at it (看我名字) is a pointer to a contact (:func:`_pointer`).
    ``peers``: the profile is a group of shop owners among themselves (:func:`peer_owners_group`): 我们店 is a peer's voice.

    ``ad_prob``: the ad classifier's probability for the message; a signal whose ``requires`` lists
    ``classifier`` counts when the classifier also reads the whole message as an ad (≥ 0.5) and the
    message is not a question.
    """
    lex, table = lexicons(), signal_table()
    scan = Scan(n, lex, table.thresholds, allowed_domains, banned, topic_text, shop, platform=platform, unnamed=unnamed,
                peers=peers)
    sig: list[Signal] = []
    # the word-list detectors whose lists have no word in the message find nothing: one search for all of them (the texts
    # they read are the compact text, or it less the cues of earlier signals; read in Mandarin only when it has Cantonese)
    idle = table.idle(scan.present(n.compact)) if not scan.dialect(n.compact) else frozenset()
    # … and the six that read only the writer's own words (in Mandarin: any message) with none of their strings there
    own_gate = _own_words_gate()
    if own_gate is not None and own_gate.search(scan.own_words()) is None:
        idle = idle | table.own_words_gated
    detectors = table.detectors
    for spec in table.to_run(idle):
        finding = detectors[spec.name](scan, spec)
        if finding is None:
            continue
        scan.found[spec.name] = finding.items or [spec.name]
        sig.append(_signal(spec, finding, n.compact))
    specs = table.requiring
    question = scan.asks()
    if ad_prob >= 0.5 and not question:  # asking whether 八折 is a good deal is not offering it
        scan.found.setdefault("classifier", [f"{ad_prob:.2f}"])

    def company(s: Signal) -> bool:
        spec = specs.get(s.name)
        return spec is None or any(r in scan.found for r in spec.requires) or \
            bool(spec.alone_from and len(set(scan.found.get(s.name, []))) >= spec.alone_from)

    sig = [s for s in sig if company(s)]
    c = n.compact
    social = _is_social(n, lex)
    # the Chinese characters are counted only for a short message (a long one is substantive by its length)
    # (lex.chatter is the plain alternation of lexicons.yaml chatter, a list the one walk answers for: no word, no search)
    chatter = [] if scan.walked_out("chatter", c) else list(dict.fromkeys(whole_cue_words(lex.chatter, c)))
    # … or it names a game's slang (今晚上分吗, 五排来人: lexicons.yaml game_slang), a topic however short
    substantive = not social and (len(c) >= 12 or len(_CJK_CHAR.findall(c)) >= table.thresholds["substantive_cjk"]
                                  or (bool(chatter) and bool(whole_cue_words(lex.words["game_slang"], c))))
    warning = warns(c)
    # (the lists below searched on the compact text through Scan.said: one with no word in it is not searched)
    sign_up = scan.said("roster", c)
    roster = sign_up and len(_ROSTER_LINE.findall(n.raw)) >= 2
    price_ask = question and scan.said("price_ask", c)
    # 自己用咗十年: the sender's own use said in Cantonese is read in its Mandarin form (自己用了十年), as the abuse cues are
    said = in_mandarin(c)
    own_item = scan.said("resale.own", said) and not lex.words["resale.testimonial"].search(said) \
        and not lex.words["resale.virtual"].search(said)
    used_item = own_item and bool(lex.words["resale.used"].search(said)) and not lex.words["resale.pitch"].search(said)
    own_words = scan.own_words()
    # a put-down by itself (脑子呢, 你也配): two cues' worth (lexicons.yaml abuse.contempt)
    form = bool(lex.words["abuse.contempt"].search(own_words) or group_slur().search(own_words) or put_down().search(own_words)
                or someone_put_down().search(own_words) or "sneer" in scan.found or "veiled" in scan.found)
    attacks = len(set(lex.words["abuse.attack"].findall(own_words))) + 2 * form \
        + bool(third_person().search(own_words)) \
        + _called(own_words, list(scan.found.get("insult", ())))  # 废物，…: the insult calls the one it answers
    rule_notice = scan.said("rule_notice", c) or bool(rule_ban().search(n.folded))
    job_post = scan.said("jobs.post", c)
    return SignalReport(sig, scan.contacts, scan.urls, scan.blocked, social, substantive, "injection" in scan.found,
                        chatter, warning, question, roster, sign_up, price_ask, own_item, used_item, attacks,
                        rule_notice, job_post, bool(_QUOTED.search(n.folded)),
                        bool(patterns().narrated_contact.search(n.folded)), put_down=form,
                        pet_scolded=scan.pet_scolded)


# --- a cheap first look: which signals a message cannot show ------------------------------------------------------
_ASCII_OR_DIGIT = re.compile(r"[\da-z]")  # what every contact, handle and link pattern needs (each reads [a-z] or \d)


@dataclass(frozen=True)
class _Screen:
    """What :func:`may_show` searches for one set of signal names: each a pattern and the forms of the message it reads
    (``compact``, ``mandarin``: the compact text's mainland Mandarin form, ``digits``)."""

    reads: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    masks: tuple[re.Pattern[str], ...]  # the mask phrases of the signals: a message with one is not screened
    plain: frozenset[str] = frozenset()  # plain word lists, looked up in the one combined search (LexiconHits)


def _lexicon_reads(keys: list[str]) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """The word lists ``keys`` as one search on the compact text and its Mandarin form (one pattern per list when
    their flags differ or their groups clash)."""
    rxs = list(dict.fromkeys(lexicons().words[k] for k in keys))
    if not rxs:
        return []
    try:
        if len({rx.flags for rx in rxs}) == 1:
            return [(re.compile("|".join(f"(?:{rx.pattern})" for rx in rxs), rxs[0].flags), ("compact", "mandarin"))]
    except re.error:
        pass
    return [(rx, ("compact", "mandarin")) for rx in rxs]


@lru_cache(maxsize=16)
def _screen(names: frozenset[str], platform: str, banned: bool) -> _Screen | None:
    """The searches that must all fail for a message to show none of ``names`` (nor a contact or a link), read off
    the signal table: a word row's or a combo row's word lists, and the own patterns of the detectors that read more
    than their row. None when a signal's detector is not one of those (no screen: every message is read whole)."""
    table, lex = signal_table(), lexicons()
    keys: list[str] = []
    reads: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
    masks: list[re.Pattern[str]] = []
    for spec in table.specs:
        if spec.name not in names:
            continue
        found = table.detectors[spec.name]
        if found is _banned:
            if banned:
                return None
            continue  # no banned list: the detector finds nothing
        if found is _income:
            reads.append((patterns().income, ("digits",)))
            continue
        if found not in (_words, _combo, _business, _invite, _pointer) or spec.counted_in:
            return None  # (a signal counted in another reads a text with that one's hits cut: not screened)
        keys += [k for k in (spec.words, *spec.combo, *spec.or_combo) if k]
        if spec.mask:
            masks.append(lex.words.get(spec.mask) or getattr(patterns(), spec.mask))
        if found is _business:
            reads.append((patterns().buy_get, ("compact",)))
        elif found is _invite and platform and f"ad.invite_{platform}" in lex.words:
            keys.append(f"ad.invite_{platform}")
        elif found is _pointer:
            reads.append((patterns().profile_look, ("compact", "mandarin")))
    plain = frozenset(k for k in keys if lex.hits is not None and k in lex.hits.plain)
    return _Screen(tuple(_lexicon_reads([k for k in keys if k not in plain]) + reads), tuple(dict.fromkeys(masks)), plain)


def may_show(n: Normalised, names: frozenset[str], *, banned: bool = False, platform: str = "") -> bool:
    """Whether :func:`detect` of ``n`` can report a contact, a link or one of the signals ``names``: False only when
    none of what their detectors read is in the message — no Latin letter or digit (every contact, handle and link
    pattern needs one), no word of their word lists in the compact text or its Mandarin form, none of their own
    patterns, no mask phrase (cutting one out could join two halves of a word). A fraction of :func:`detect`'s cost:
    a caller that acts only on these signals skips the detectors for a message this says False of.
    ``banned``: the profile has a banned list (its detector is not screened)."""
    screen = _screen(names, platform, banned)
    if screen is None or _ASCII_OR_DIGIT.search(n.digits) or _ASCII_OR_DIGIT.search(n.folded) \
            or _ASCII_OR_DIGIT.search(n.compact):
        return True
    if any(m.search(n.compact) for m in screen.masks):
        return True
    forms = {"compact": n.compact, "digits": n.digits}
    if screen.plain:
        forms["mandarin"] = in_mandarin(n.compact)
        hits = lexicons().hits
        # the compact text first; its Mandarin form only when it differs (most messages are Mandarin already)
        if hits is not None and (screen.plain & hits.present(n.compact) or (
                forms["mandarin"] != n.compact and screen.plain & hits.present(forms["mandarin"]))):
            return True
    for rx, read in screen.reads:
        for form in read:
            if form == "mandarin" and form not in forms:
                forms["mandarin"] = in_mandarin(n.compact)
            if rx.search(forms[form]):
                return True
    return False

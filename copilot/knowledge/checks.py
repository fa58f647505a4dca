"""The one deterministic checker for ``knowledge/rules.yaml``, and the registry of its check kinds.

Drafting agents run it on their own drafts (and turn failures into revision requests); the eval
suite runs the very same code, so "the draft passes the rules" means one thing everywhere.

A *draft* is a string or a mapping. The text a rule looks at is the draft's primary field
(``name`` for group names, otherwise ``text``; a topic entry is its ``title`` + ``opening``),
folded with :func:`copilot.textnorm.fold` so Traditional, full-width and zero-width variants match.
Structured kinds (``varied_types``, ``fixed_rhythm``, ``activity_simple``) read the fields
``type``, ``day``, ``time`` and ``steps`` of topic entries.

Each ``check.kind`` is a small function registered under its name (:func:`check_kind`); the loop
in :func:`check_rule`, not each check, turns outcomes into :class:`CheckResult`. Capabilities add
their own kinds (``copilot.notes.checks`` registers ``grounded_entities`` and ``cites_sources``).
``judge`` rules need an LLM reviewer and are reported with ``passed=None`` ("需要 LLM 评审");
``policy`` rules describe moderation actions and are not draft checks.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from difflib import SequenceMatcher
from typing import Any

from pydantic import BaseModel

from copilot.knowledge.rules import Rule, RuleBook, RulesError
from copilot.paths import load_resource
from copilot.textnorm import fold, to_local_traditional, tokenize

# Words too generic to prove a draft is on topic (they fit every group).
_GENERIC = frozenset(
    ["交流", "分享", "社群", "群聊", "帮助", "一起", "大家", "成员", "朋友", "伙伴", "提供", "通过", "进行", "可以", "我们", "你们", "这里", "相关", "内容", "活动", "平台", "问题", "需要", "希望", "想要", "喜欢", "提升", "日常", "定期", "线上", "线下", "用户", "福利", "免费", "专属", "服务", "聊聊", "聊天", "讨论", "经验", "方法", "做法", "认识", "结识", "每天", "每周", "每月", "坚持", "互相", "变成", "习惯", "爱好者", "群友", "小伙伴", "面向", "给", "帮"]
)
_EMOJI = re.compile(
    "[\U0001F300-\U0001FAFF\U00002600-\U000027BF\U0001F000-\U0001F2FF\U0001F900-\U0001F9FF\u2B50\u2B55\u203C\u2049]"
)
_TIME = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")
_NUM = r"(\d+(?:\.\d+)?)"
_OPS = {"×": "*", "x": "*", "*": "*", "＊": "*", "+": "+", "＋": "+", "-": "-", "−": "-", "－": "-", "÷": "/", "/": "/"}
_ARITH = re.compile(_NUM + r"\s*([×x*＊+＋\-−－÷/])\s*" + _NUM + r"(?:\s*([×x*＊+＋\-−－÷/])\s*" + _NUM + r")?\s*[=＝]\s*" + _NUM)
# Money is written "59元", "59块" or "¥59" (fold turns the full-width ￥ into ¥); the words of prices,
# savings, bundles and group prices are in resources/checks/prices.yaml.
_PW = load_resource("checks/prices.yaml")


def _alt(key: str) -> str:
    """The words of ``key`` in prices.yaml as a regex alternation, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(_PW[key], key=len, reverse=True)) + ")"


_UNIT = _alt("currency_units")
_MONEY = re.compile(r"¥\s*" + _NUM + r"|" + _NUM + r"\s*" + _UNIT)
_SAVE = re.compile(_alt("save_words") + r"\s*(?:¥\s*" + _NUM + r"|" + _NUM + r"\s*" + _UNIT + ")")
_RATE = re.compile(re.escape(_PW["original_price"]) + r"\s*¥?\s*" + _NUM + r"\s*" + _UNIT + r"?[^。；\n]{0,20}?" + _alt("rate_labels")
                   + r"\s*¥?\s*" + _NUM + r"[^。；\n]{0,20}?" + _alt("rate_about") + r"?\s*(\d+(?:\.\d+)?)\s*" + re.escape(_PW["discount_mark"]))
_BUY_N_GET_1 = re.compile(re.escape(_PW["buy_word"]) + r"\s*(\d+)\s*" + re.escape(_PW["give_word"]) + r"\s*1[^。；\n]{0,40}?"
                          + _alt("buy_n_about") + r"\s*打?\s*(\d+(?:\.\d+)?)\s*" + re.escape(_PW["discount_mark"]))
_PROMO_LABEL = _alt("promo_labels")
# A price for several products bought together, and a per-person group price.
_BUNDLE = re.compile(_alt("bundle_labels") + r"\s*¥?\s*" + _NUM + r"\s*" + _UNIT + "?")
_GROUP = re.compile(_alt("group_labels") + r"\s*¥?\s*" + _NUM + r"\s*" + _UNIT)


# the reason of a check that does not apply to this draft or profile starts with this (it passes, but
# nothing was checked, and pages say so instead of "通过")
NOT_APPLICABLE = "不适用："


class CheckResult(BaseModel):
    """One rule's verdict on a set of drafts. ``passed=None`` means "not checkable deterministically".

    ``basis`` is the rule's (``source`` or ``guardrail``); ``ours`` is, for a source rule, the part that
    is our own figure or addition; ``grounds`` is where the rule rests (``card › section`` for a source
    rule, the one-line reason for a guardrail). Outputs say which checks are the sources' and which are
    our product rules.
    """

    rule_id: str
    passed: bool | None
    reason: str
    severity: str = "error"
    basis: str = "source"
    ours: str = ""
    grounds: str = ""

    @property
    def basis_label(self) -> str:
        """``资料`` (the sources say so), ``资料+经验`` (with figures of ours) or ``产品规则`` (ours)."""
        if self.basis == "guardrail":
            return "产品规则"
        return "资料+经验" if self.ours else "资料"

    def basis_tag(self) -> str:
        """``（资料）`` / ``（资料+经验）`` / ``（产品规则）``: how a check line says what the rule rests on."""
        return f"（{self.basis_label}）"

    @property
    def applies(self) -> bool:
        return not self.reason.startswith(NOT_APPLICABLE)

    def mark(self) -> str:
        """✓ 通过 / ✗ 未通过 / — 不适用 / … 需 LLM 评审, for pages and the CLI."""
        if not self.applies:
            return "— 不适用"
        return {True: "✓ 通过", False: "✗ 未通过", None: "… 需 LLM 评审"}[self.passed]

    def public(self) -> dict[str, Any]:
        """The JSON shape every command prints: the verdict and what the rule rests on."""
        out: dict[str, Any] = {"rule_id": self.rule_id, "passed": self.passed, "reason": self.reason,
                               "severity": self.severity, "basis": self.basis, "basis_label": self.basis_label,
                               "grounds": self.grounds}
        if self.ours:
            out["ours"] = self.ours
        return out


# -- the registry of check kinds ----------------------------------------------------------------
CheckOutcome = tuple[bool | None, str]


@dataclass(frozen=True)
class CheckInput:
    """Everything a check kind may read: the rule, the book (lexicons), the drafts and their texts."""

    rule: Rule
    book: RuleBook
    target: str
    drafts: Sequence[Any]
    texts: list[str]
    profile: Any
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckKind:
    """One ``check.kind`` of rules.yaml: its implementation, or ``None`` with the reason it is not a
    deterministic draft check (``judge`` needs an LLM reviewer; ``policy`` describes moderation)."""

    name: str
    fn: Callable[[CheckInput], CheckOutcome] | None
    note: str = ""


_KINDS: dict[str, CheckKind] = {}


def register_check(name: str, fn: Callable[[CheckInput], CheckOutcome] | None, note: str = "") -> None:
    """Add a check kind. Capabilities register their own (the notes package registers
    ``grounded_entities`` and ``cites_sources``); registering a name twice is a programming error."""
    if name in _KINDS and _KINDS[name].fn is not fn:
        raise ValueError(f"check kind {name!r} is already registered")
    _KINDS[name] = CheckKind(name, fn, note)


def check_kind(name: str) -> Callable[[Callable[[CheckInput], CheckOutcome]], Callable[[CheckInput], CheckOutcome]]:
    """Decorator form of :func:`register_check`."""
    def deco(fn: Callable[[CheckInput], CheckOutcome]) -> Callable[[CheckInput], CheckOutcome]:
        register_check(name, fn)
        return fn
    return deco


def unknown_kinds(book: RuleBook) -> list[str]:
    """``rule id：kind`` for every rule whose kind nobody registered (empty when the book is sound)."""
    return [f"{r.id}：{r.check.kind}" for r in book.rules if r.check.kind not in _KINDS]


register_check("judge", None, "需要 LLM 评审")
register_check("policy", None, "群管理策略规则，不作为文稿检查")


# -- draft access ---------------------------------------------------------------------------
def _get(d: Any, key: str, default: Any = None) -> Any:
    if isinstance(d, Mapping):
        return d.get(key, default)
    if isinstance(d, BaseModel):
        return getattr(d, key, default)
    return default


def draft_text(draft: Any, target: str = "") -> str:
    """The text a rule reads from one draft (not folded)."""
    if isinstance(draft, str):
        return draft
    if target == "name" and _get(draft, "name"):
        return str(_get(draft, "name"))
    if target == "topics" and (_get(draft, "title") or _get(draft, "opening")):
        return f"{_get(draft, 'title', '') or ''}\n{_get(draft, 'opening', '') or ''}"
    for key in ("text", "name", "content"):
        if _get(draft, key):
            return str(_get(draft, key))
    if isinstance(draft, Mapping):
        return "\n".join(str(v) for v in draft.values() if isinstance(v, str))
    return str(draft)


def topic_words(profile: Any) -> list[str]:
    """Folded words whose presence shows a draft is about this group: topics, their parts, and
    the specific words of the positioning (generic words such as 交流/分享 do not count)."""
    words: list[str] = []
    for t in getattr(profile, "topics", []) or []:
        words.append(fold(t))
        words += [w for w in tokenize(t) if len(w) >= 2]
    words += [w for w in tokenize(getattr(profile, "positioning", "") or "") if len(w) >= 2]
    seen: dict[str, None] = {}
    for w in words:
        w = w.strip()
        if w and w not in _GENERIC:
            seen.setdefault(w, None)
    return list(seen)


def on_topic_words(profile: Any) -> list[str]:
    """What shows a calendar post is about this group (rule ``topics.on_topic``): its topic and
    positioning words, and the words of its audience — a question asked of its own members (家长,
    志愿者, 司机) is about the group too."""
    words = topic_words(profile)
    if not words:
        return []
    return words + [w for w in tokenize(getattr(profile, "audience", "") or "") if len(w) >= 2 and w not in _GENERIC]


def shorten(items: Sequence[str], n: int = 3) -> str:
    """The first ``n`` items joined with ；, plus how many there are in all."""
    items = list(items)
    more = f" 等 {len(items)} 条" if len(items) > n else ""
    return "；".join(items[:n]) + more


# -- individual check kinds -------------------------------------------------------------------
@check_kind("mentions_profile_topic")
def _mentions_topic(c: CheckInput) -> CheckOutcome:
    rule, texts, profile = c.rule, c.texts, c.profile
    words = on_topic_words(profile)
    if not words:
        return False, "群档案里没有可用的主题关键词"
    # the group's own events are on topic by definition (they come from its profile)
    own = {fold(e.title) for e in (profile.all_events() if hasattr(profile, "all_events") else [])}
    bad = [t for d, t in zip(c.drafts, texts)
           if not any(w in fold(t) for w in words) and fold(str(_get(d, "event", "") or "")) not in own | {""}]
    bad += [t for d, t in zip(c.drafts, texts) if not _get(d, "event") and not any(w in fold(t) for w in words)]
    min_ratio = float(rule.check.params.get("min_ratio", 1.0))
    ok_ratio = 1 - len(bad) / max(len(texts), 1)
    if ok_ratio >= min_ratio:
        return True, f"{len(texts) - len(bad)}/{len(texts)} 条提到了主题（{ '、'.join(words[:4]) }…）"
    return False, "没有提到社群主题或定位关键词：" + shorten([_clip(t) for t in bad])


@check_kind("max_chars")
def _max_chars(c: CheckInput) -> CheckOutcome:
    rule, texts = c.rule, c.texts
    limit = int(rule.check.params.get("max", 16))
    over = [f"“{_clip(t)}”{_visible_len(t)}字" for t in texts if _visible_len(t) > limit]
    if over:
        return False, f"超过 {limit} 字：" + shorten(over)
    return True, f"全部不超过 {limit} 字"


@check_kind("max_symbols")
def _max_symbols(c: CheckInput) -> CheckOutcome:
    """At most ``max`` pictographic symbols (emoji, ★, ☀: Unicode category So) in each text; a run of them
    (🔥🔥…🔥🔥) reads as shouting and is lost when the name is searched for or said aloud."""
    limit = int(c.rule.check.params.get("max", 1))
    over = [f"“{_clip(t)}”{n}个" for t in c.texts if (n := _symbol_count(t)) > limit]
    if over:
        return False, f"表情符号超过 {limit} 个：" + shorten(over)
    return True, f"表情符号不超过 {limit} 个"


def _symbol_count(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch) == "So")


def _visible_len(text: str) -> int:
    return len(re.sub(r"\s+", "", fold(text)))


def _clip(text: str, n: int = 24) -> str:
    t = re.sub(r"\s+", " ", text).strip()
    return t if len(t) <= n else t[:n] + "…"


def _lexicon_words(rule: Rule, book: RuleBook, profile: Any) -> list[str]:
    words = book.lexicon(*(rule.check.params.get("lexicons") or []))
    words += list(getattr(profile, "banned", []) or [])
    return [fold(w) for w in words if w and w.strip()]


@check_kind("not_contains_lexicon")
def _not_contains_lexicon(c: CheckInput) -> CheckOutcome:
    rule, texts, profile, book = c.rule, c.texts, c.profile, c.book
    words = _lexicon_words(rule, book, profile)
    own = {fold(w) for w in getattr(profile, "banned", []) or []}
    negations = [fold(w) for w in book.lexicon("negations")]
    found: dict[str, None] = {}
    # the group's own cadences ("每月最后一天") are dates, not urgency
    labels = sorted({fold(e.cadence.label) for e in (profile.all_events() if hasattr(profile, "all_events") else [])},
                    key=len, reverse=True)
    for t in texts:
        ft = fold(t)
        for label in labels:
            ft = ft.replace(label, " ")
        for w in words:
            if w in ft and not (w in own and _only_forbidden(ft, w, negations, profile)):
                found.setdefault(w, None)
    if found:
        return False, "出现了禁用词：" + "、".join(found)
    return True, f"未出现 {len(words)} 个禁用词中的任何一个"


def _only_forbidden(text: str, word: str, negations: list[str], profile: Any) -> bool:
    """Every use of the group's own banned ``word`` forbids or warns against it ("禁止收费领养",
    "不发理财信息"), or sits in a sentence the operator wrote in the profile (a scam warning)."""
    blob = _profile_blob(profile)
    for m in re.finditer(re.escape(word), text):
        before = re.split(r"[。；;！!？?\n]", text[max(0, m.start() - 14): m.start()])[-1]
        # an item of a list headed by a prohibition ("别刷屏：无关消息、表情包轰炸、拉票链接都算"): the
        # head of its clause counts, however long the list before the word
        before += re.split(r"[，,。；;！!？?\n]", text[: m.start()])[-1]
        # the rest of its clause: "微商和代购的广告一律不发" forbids it too
        after = re.split(r"[，,。；;！!？?\n]", text[m.end():])[0]
        sentence = re.split(r"[。；;！!？?\n]", text[: m.start()])[-1] + re.split(r"[。；;！!？?\n]", text[m.start():])[0]
        if not any(n in before or n in after for n in negations) and sentence.strip() not in blob:
            return False
    return True


def too_similar(a: str, b: str, limit: float, lead: str = "") -> bool:
    """Two candidates are near copies: beyond the ``lead`` both carry on purpose (a brand, a class), they
    differ by at most one character, or what follows it is more alike than ``limit`` ("杭州跑步训练营" /
    "杭州跑步训练群" and "初二(3)班车主群" / "初二(3)班车主会" are; "…家长群" / "…家校沟通群" are not)."""
    if not (lead and len(lead) >= 2 and a.startswith(lead) and b.startswith(lead) and len(a) > len(lead) < len(b)):
        return SequenceMatcher(None, a, b).ratio() > limit
    ra, rb = a[len(lead):], b[len(lead):]
    matcher = SequenceMatcher(None, ra, rb)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return max(len(ra), len(rb)) - same <= 1 or matcher.ratio() > limit


@check_kind("distinct")
def _distinct(c: CheckInput) -> CheckOutcome:
    rule, texts = c.rule, c.texts
    limit = float(rule.check.params.get("max_similarity", 0.6))
    folded = [re.sub(r"\s+", "", fold(t)) for t in texts]
    # a start every candidate shares (the brand, the class or building the group is) is kept on purpose
    common = os.path.commonprefix(folded) if len(folded) > 1 else ""
    pairs = []
    for i in range(len(folded)):
        for j in range(i + 1, len(folded)):
            if too_similar(folded[i], folded[j], limit, common):
                sim = SequenceMatcher(None, folded[i], folded[j]).ratio()
                pairs.append(f"“{texts[i]}”与“{texts[j]}”相似度 {sim:.2f}")
    if len(texts) < 2:
        return True, "只有一个候选，无需比较"
    if pairs:
        return False, f"候选之间太像（上限 {limit}）：" + shorten(pairs)
    return True, f"{len(texts)} 个候选两两相似度都不超过 {limit}"


def _sections_missing(text: str, sections: list[dict[str, Any]]) -> list[str]:
    ft = fold(text)
    return [s["name"] for s in sections
            if not any(fold(w) in ft for w in [*s.get("any", []), *s.get("headings", [])])]


def _lacks(profile: Any, capability: str) -> bool:
    """Whether the profile's platform cannot do ``capability`` (a LINE group cannot mute one member)."""
    return bool(profile is not None and hasattr(profile, "lacks") and profile.lacks(capability))


def _for_platform(items: list[Any], profile: Any) -> list[Any]:
    """Sections (or words) as the profile's platform can meet them: an item with ``lacking``
    ({capability: replacement}) is replaced where the platform lacks that capability (the 禁言 step
    of a penalty ladder is a 警告 on LINE and WhatsApp)."""
    out = []
    for item in items:
        alt = item.get("lacking", {}) if isinstance(item, dict) else {}
        out.append(next((rep for cap, rep in alt.items() if _lacks(profile, cap)), item))
    return out


@check_kind("has_sections")
def _has_sections(c: CheckInput) -> CheckOutcome:
    rule, texts = c.rule, c.texts
    sections = _for_platform(rule.check.params.get("sections") or [], c.profile)
    problems = []
    for i, t in enumerate(texts, 1):
        missing = _sections_missing(t, sections)
        if missing:
            label = f"第{i}稿" if len(texts) > 1 else "草稿"
            problems.append(f"{label}缺少：{'、'.join(missing)}")
    if problems:
        return False, "；".join(problems)
    return True, "包含：" + "、".join(s["name"] for s in sections)


@check_kind("contains_any")
def _contains_any(c: CheckInput) -> CheckOutcome:
    rule, texts, context = c.rule, c.texts, c.context
    kinds = rule.check.params.get("when_kind")
    if kinds and context.get("kind") not in kinds:
        return True, NOT_APPLICABLE + f"仅检查 {'/'.join(kinds)} 类文稿"
    words = [*(rule.check.params.get("words") or []), *(rule.check.params.get("headings") or [])]
    # a platform with no per-group nickname (LINE) is asked for a name in the self-intro instead
    words = next((ws for cap, ws in (rule.check.params.get("lacking") or {}).items() if _lacks(c.profile, cap)), words)
    words = [fold(w) for w in words]
    bad = [t for t in texts if not any(w in fold(t) for w in words)]
    if bad:
        return False, f"没有出现任何一个要求的说法（如 {'、'.join(words[:5])}）：" + shorten([_clip(t) for t in bad])
    return True, "每条都包含要求的说法"


@check_kind("has_placeholder")
def _has_placeholder(c: CheckInput) -> CheckOutcome:
    rule, texts = c.rule, c.texts
    marks = rule.check.params.get("any") or ["{昵称}"]
    bad = [t for t in texts if not any(m in t or fold(m) in fold(t) for m in marks)]
    if bad:
        return False, f"缺少昵称占位符 {marks[0]}：" + shorten([_clip(t) for t in bad])
    return True, f"使用了占位符 {marks[0]}"


@check_kind("no_flooding_style")
def _no_flooding(c: CheckInput) -> CheckOutcome:
    rule, texts = c.rule, c.texts
    p = rule.check.params
    max_excl, max_emoji = int(p.get("max_exclamations", 3)), int(p.get("max_emoji", 6))
    max_chars = p.get("max_chars")
    problems = []
    for t in texts:
        ft = fold(t)
        excl, emoji = ft.count("!"), len(_EMOJI.findall(t))
        if excl > max_excl:
            problems.append(f"感叹号 {excl} 个（上限 {max_excl}）")
        if emoji > max_emoji:
            problems.append(f"表情 {emoji} 个（上限 {max_emoji}）")
        if re.search(r"([!?~。.])\1{2,}", ft):
            problems.append("连续堆叠标点")
        lines = [ln.strip() for ln in ft.splitlines() if ln.strip()]
        if len(lines) != len(set(lines)) and len(lines) - len(set(lines)) >= 2:
            problems.append("重复的行")
        if max_chars and _visible_len(t) > int(max_chars):
            problems.append(f"{_visible_len(t)} 字（上限 {max_chars}）")
    if problems:
        return False, "有刷屏风格：" + shorten(problems)
    return True, f"克制：感叹号≤{max_excl}、表情≤{max_emoji}" + (f"、≤{max_chars}字" if max_chars else "")


@check_kind("varied_types")
def _varied_types(c: CheckInput) -> CheckOutcome:
    # A one-day plan cannot rotate three forms; ask for as many forms as there are entries. A group's own
    # event on several dates is one entry (its kind is the operator's, not a form the calendar chose), so a
    # lean calendar — one free post beside a weekly event — is asked for two forms, not three
    rule, drafts = c.rule, c.drafts
    distinct = len({str(_get(d, "event") or "") for d in drafts if _get(d, "event")}) + sum(1 for d in drafts if not _get(d, "event"))
    need = min(int(rule.check.params.get("min_types", 3)), distinct)
    types = {fold(str(_get(d, "type", "") or "")).strip() for d in drafts} - {""}
    if c.target == "topics" and drafts and all(_get(d, "event") for d in drafts) and len(types) < need:
        return True, f"日历里都是群自己的固定活动（{'、'.join(sorted(types))}），没有空档可以轮换形式"
    if len(types) >= need:
        return True, f"{len(types)} 种形式：{'、'.join(sorted(types))}"
    return False, f"只有 {len(types)} 种形式（{'、'.join(sorted(types)) or '无'}），至少需要 {need} 种"


@check_kind("fixed_rhythm")
def _fixed_rhythm(c: CheckInput) -> CheckOutcome:
    """The group's own events keep their own times; the topics the calendar adds (entries without
    ``event``) go out at no more than ``max_free_slots`` fixed times, so members learn when to look."""
    rule, drafts = c.rule, c.drafts
    max_free = int(rule.check.params.get("max_free_slots", 2))
    bad_times, free_times = [], set()
    for d in drafts:
        raw = fold(str(_get(d, "time", "") or "")).strip()
        m = _TIME.match(raw)
        if not m:
            bad_times.append(raw or "（空）")
            continue
        if not _get(d, "event"):
            free_times.add(f"{int(m.group(1)):02d}:{m.group(2)}")
    if bad_times:
        return False, "时间不是 HH:MM 格式：" + shorten(bad_times)
    if not drafts:
        return False, "没有带时间的话题"
    if len(free_times) > max_free:
        return False, f"空档话题用了 {len(free_times)} 个不同时段（{'、'.join(sorted(free_times))}，上限 {max_free}），节奏太散"
    if not free_times:
        return True, "日历里都是群自己的固定活动，按各自的时间发"
    return True, f"空档话题固定在 {'、'.join(sorted(free_times))} 发，群自己的活动按各自的时间"


@check_kind("activity_simple")
def _activity_simple(c: CheckInput) -> CheckOutcome:
    rule, drafts = c.rule, c.drafts
    max_steps = int(rule.check.params.get("max_steps", 3))
    max_step_chars = int(rule.check.params.get("max_step_chars", 40))
    problems = []
    for d in drafts:
        steps = _get(d, "steps", None) or []
        label = str(_get(d, "title", "") or draft_text(d))[:12]
        if len(steps) > max_steps:
            problems.append(f"“{label}”有 {len(steps)} 步（上限 {max_steps}）")
        long = [s for s in steps if _visible_len(str(s)) > max_step_chars]
        if long:
            problems.append(f"“{label}”有一步超过 {max_step_chars} 字")
    if problems:
        return False, shorten(problems)
    return True, f"每个活动不超过 {max_steps} 步，每步一句话"


_SENTENCE_END = re.compile(r"[。！？!?；;\n]+")
_CLAUSE_END = re.compile(r"[。！？!?；;\n，,]+")
_CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3])[:：]([0-5]\d)(?!\d)")


def _clocks(text: str) -> set[str]:
    """Every clock time in ``text`` as H:MM (``07:30`` and ``7：30`` are the same time)."""
    return {f"{int(h)}:{m}" for h, m in _CLOCK.findall(fold(text))}


def _specific_words(profile: Any, vague: Sequence[str]) -> list[str]:
    """The profile's topic words that are not part of any vague phrase (学习 in 共同学习 proves nothing)."""
    return [w for w in topic_words(profile) if not any(w in v for v in vague)]


@check_kind("no_vague_slogan")
def _no_vague_slogan(c: CheckInput) -> CheckOutcome:
    """A sentence whose only content is a slogan (共同学习、共同进步…) instead of the group's value."""
    slogans = [fold(w) for w in c.book.lexicon(c.rule.check.params.get("lexicon", "vague_slogans"))]
    specific = _specific_words(c.profile, slogans)
    vague = []
    for t in c.texts:
        for sentence in _SENTENCE_END.split(fold(t)):
            found = [w for w in slogans if w in sentence]
            if not found:
                continue
            rest = sentence
            for w in found:
                rest = rest.replace(w, "")
            if not any(w in rest for w in specific):
                vague.append(f"“{_clip(sentence)}”")
    if vague:
        return False, "只有空泛口号、没说清给谁解决什么：" + shorten(vague)
    return True, "没有用空泛口号代替具体价值"


@check_kind("states_core_value")
def _states_core_value(c: CheckInput) -> CheckOutcome:
    """Each draft has a clause that says what members get here (a value cue + the group's own subject)."""
    cues = [fold(w) for w in c.rule.check.params.get("cues") or []]
    name = fold(str(getattr(c.profile, "name", "") or ""))
    specific = topic_words(c.profile)
    bad = []
    for t in c.texts:
        clauses = [cl.replace(name, "") if name else cl for cl in _CLAUSE_END.split(fold(t))]
        if not any(any(q in cl for q in cues) and any(w in cl for w in specific) for cl in clauses):
            bad.append(_clip(t))
    if bad:
        return False, f"没有说明群的核心价值（如“{'、'.join(cues[:3])}…”加上群的主题）：" + shorten(bad)
    return True, "每条都说明了进群能得到什么"


def _event_marks(profile: Any, today: str | None) -> tuple[set[str], list[str]]:
    """Clock times and titles (folded) of the profile's events a member can still come to: a one-off
    date before ``today`` is past."""
    events = profile.all_events() if hasattr(profile, "all_events") else []
    if today:
        day = dt.date.fromisoformat(str(today))
        events = [e for e in events if e.cadence.recurring or (e.cadence.date and e.cadence.date >= day)]
    return {t for e in events if e.time for t in _clocks(e.time)}, [fold(e.title) for e in events]


@check_kind("mentions_next_event")
def _mentions_next_event(c: CheckInput) -> CheckOutcome:
    """Each draft names one of the profile's coming events (its title, or its time beside an activity
    word). A profile without any coming event has nothing to announce, and a draft must not invent one."""
    times, labels = _event_marks(c.profile, c.context.get("today"))
    if not labels:
        return True, "不适用：档案里没有接下来的活动，不预告（不能编一个）"
    words = [fold(w) for w in c.rule.check.params.get("event_words") or []]
    bad = []
    for t in c.texts:
        ft = fold(t)
        if not (any(lb in ft for lb in labels) or (_clocks(ft) & times and any(w in ft for w in words))):
            bad.append(_clip(t))
    if bad:
        return False, "没有预告档案里接下来的任何一项活动：" + shorten(bad)
    return True, "每条都预告了下一次活动"


@check_kind("promotion_frequency")
def _promotion_frequency(c: CheckInput) -> CheckOutcome:
    """Sales entries (会员日、秒杀…, judged by type and title) per any 7 consecutive days of a calendar."""
    words = [fold(w) for w in c.rule.check.params.get("words") or []]
    limit = int(c.rule.check.params.get("max_per_week", 2))
    promo_days = sorted(
        int(_get(d, "day", 0) or 0) for d in c.drafts
        if any(w in fold(f"{_get(d, 'type', '') or ''} {_get(d, 'title', '') or ''}") for w in words)
    )
    worst = max((sum(1 for x in promo_days if s <= x < s + 7) for s in promo_days), default=0)
    if worst > limit:
        return False, f"7 天内有 {worst} 次促销类安排（上限 {limit}，第 {'、'.join(map(str, promo_days))} 天），营销过多会让成员屏蔽或退群"
    return True, f"7 天内促销类安排最多 {worst} 次（上限 {limit}）"


_WHEN = re.compile(r"(?<!\d)([01]?\d|2[0-3])[:：][0-5]\d|\d{1,2}\s*点|\d{1,2}月\d{1,2}[日号]")


@check_kind("share_announcement")
def _share_announcement(c: CheckInput) -> CheckOutcome:
    """A share's announcement (its first line or title names a 分享/精讲/讲座…, and for a notice of one of
    the profile's events, the event's kind is a talk: ``share_kinds``) says when, who speaks and what
    listeners get; other announcements are not judged. For a notice of one of the profile's events,
    the host and the content count when the text carries them, and what the profile does not give may
    instead be listed in the draft's needs for the operator (``excused_by_needs``): nothing is invented."""
    p = c.rule.check.params
    kinds = p.get("when_kind")
    if kinds and c.context.get("kind") not in kinds:
        return True, f"不适用：仅检查 {'/'.join(kinds)} 类文稿"
    share, speaker, gain = ([fold(w) for w in p.get(k) or []] for k in ("share_words", "speaker_words", "gain_words"))
    share_kinds = set(p.get("share_kinds") or [])
    excused = {k: [fold(w) for w in v] for k, v in (p.get("excused_by_needs") or {}).items()}
    events = {fold(e.title): e for e in (c.profile.all_events() if hasattr(c.profile, "all_events") else [])}
    problems = []
    judged = 0
    for d, t in zip(c.drafts, c.texts):
        ft = fold(t)
        head = fold(str(_get(d, "title", "") or "")) + " " + next((ln for ln in ft.splitlines() if ln.strip()), "")
        if not any(w in head for w in share):
            continue
        ev = events.get(fold(str(_get(d, "event", "") or "")))
        if ev is not None and share_kinds and ev.kind not in share_kinds:
            continue  # the operator said what this event is (a 晒图 "作品分享", a 讨论): not a talk to announce
        judged += 1
        carried = {"主讲人": bool(ev and ev.host and fold(ev.host) in ft),
                   "听众能得到什么": bool(ev and ev.details and fold(ev.details)[:8] in ft)}
        needs = fold(" ".join(str(x) for x in (_get(d, "needs", None) or [])))
        missing = [what for what, ok in (("时间", bool(_WHEN.search(ft))),
                                          ("主讲人", any(w in ft for w in speaker) or carried["主讲人"]),
                                          ("听众能得到什么", any(w in ft for w in gain) or carried["听众能得到什么"]))
                   if not ok and not any(w in needs for w in excused.get(what, []))]
        if missing:
            problems.append(f"“{_clip(head.strip())}”缺少：{'、'.join(missing)}（也没有列进 needs）")
    if problems:
        return False, "分享预告不完整：" + shorten(problems)
    if not judged:
        return True, "不适用：不是分享预告"
    return True, "分享预告写明了时间、主讲人和听众能得到什么（档案没给的列进了 needs）"


# -- prices -----------------------------------------------------------------------------------
def _num(s: str) -> float:
    return float(s)


_APPLY = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def _calc(a: float, op1: str, b: float, op2: str | None, c: float | None) -> float:
    """Evaluate ``a op1 b [op2 c]`` with the usual precedence (no eval)."""
    if op2 is None or c is None:
        return _APPLY[op1](a, b)
    if op2 in "*/" and op1 in "+-":
        return _APPLY[op1](a, _APPLY[op2](b, c))
    return _APPLY[op2](_APPLY[op1](a, b), c)


def _eq(a: float, b: float) -> bool:
    return abs(a - b) <= 0.011 + 1e-9 * abs(b)


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


@dataclass
class PriceAudit:
    """Price claims checked so far: the problems found and how many claims were verified."""

    problems: list[str] = field(default_factory=list)
    verified: int = 0

    def claim(self, ok: bool, problem: str) -> None:
        self.verified += 1
        if not ok:
            self.problems.append(problem)


def _check_arithmetic(t: str, audit: PriceAudit) -> None:
    """Every written calculation (``3 × 89 = 267``) must hold, to the precision written."""
    for m in _ARITH.finditer(t):
        a, op1, b, op2, c, result = m.groups()
        try:
            value = _calc(_num(a), _OPS[op1], _num(b), _OPS[op2] if op2 else None, _num(c) if c else None)
        except ZeroDivisionError:
            audit.problems.append(f"算式 {m.group(0)} 除以零")
            continue
        # Allow rounding to the precision written (e.g. 120 ÷ 4 = 30, 79 ÷ 1 = 79).
        decimals = len(result.split(".")[1]) if "." in result else 0
        audit.claim(_eq(value, _num(result)) or round(value, decimals) == _num(result),
                    f"算式 {m.group(0).strip()} 不成立（应为 {_fmt(value)}）")


def _check_savings(t: str, audit: PriceAudit) -> None:
    """Every "省/立减 X 元" must be the gap between two amounts the text states."""
    amounts = [_num(a or b) for a, b in _MONEY.findall(t)]
    for m in _SAVE.finditer(t):
        saved = _num(m.group(1) or m.group(2))
        others = list(amounts)
        if saved in others:
            others.remove(saved)
        gaps = {round(abs(x - y), 2) for i, x in enumerate(others) for y in others[i + 1 :]}
        audit.claim(any(_eq(saved, g) for g in gaps), f"“{m.group(0)}”与文中的价格对不上")


def _check_discount_rates(t: str, audit: PriceAudit) -> None:
    """"原价 A … 活动价 B … X 折" must say B/A; "买N送1 相当于 X 折" must say N/(N+1)."""
    for m in _RATE.finditer(t):
        full, paid, stated = _num(m.group(1)), _num(m.group(2)), _num(m.group(3))
        if full <= 0:
            continue
        true = 10 * paid / full
        stated_as = stated / 10 if stated >= 10 else stated
        audit.claim(abs(stated_as - true) <= 0.15,
                    f"原价{_fmt(full)}、现价{_fmt(paid)} 约为 {_fmt(round(true, 1))} 折，文中写的是 {m.group(3)} 折")
    for m in _BUY_N_GET_1.finditer(t):
        n, stated = int(m.group(1)), _num(m.group(2))
        true = 10 * n / (n + 1)
        stated_as = stated / 10 if stated >= 10 else stated
        audit.claim(abs(stated_as - true) < 0.06,
                    f"买{n}送1 实际相当于 {_fmt(round(true, 1))} 折，文中写的是 {m.group(2)} 折")


def _check_product_prices(t: str, products: Sequence[Any], audit: PriceAudit) -> None:
    """Each product's 原价/活动价 written right after its name must match the profile."""
    names = [fold(str(_get(p, "name", "") or "")) for p in products]
    for p in products:
        name = fold(str(_get(p, "name", "") or ""))
        if not name or name not in t:
            continue
        price, promo = _get(p, "price"), _get(p, "promo_price")
        for pos in [i.start() for i in re.finditer(re.escape(name), t)]:
            window = re.split(r"[。；;\n]", t[pos : pos + len(name) + 30])[0]
            # a price written after the next product's name belongs to that product
            others = [window.find(o, len(name)) for o in names if o != name and window.find(o, len(name)) > 0]
            window = window[: min(others)] if others else window
            m = re.search(re.escape(_PW["original_price"]) + r"\s*" + _NUM + r"\s*" + _UNIT, window)
            if m and price is not None:
                audit.claim(_eq(_num(m.group(1)), float(price)),
                            f"{_get(p, 'name')} 原价写成 {m.group(1)} 元，档案里是 {_fmt(float(price))} 元")
            m = re.search(_PROMO_LABEL + r"\s*" + _NUM + r"\s*" + _UNIT, window)
            if m and promo is not None:
                audit.claim(_eq(_num(m.group(1)), float(promo)),
                            f"{_get(p, 'name')} 活动价写成 {m.group(1)} 元，档案里是 {_fmt(float(promo))} 元")


def price_problems(text: str, products: Sequence[Any] = ()) -> tuple[list[str], int]:
    """Problems with the price claims in ``text`` and how many claims were verified.

    Verified: every written calculation, every "省/立减 X 元", stated discount rates, each product's
    prices against the profile, and bundle/group prices against what a member pays anyway.
    """
    t = fold(text)
    audit = PriceAudit()
    _check_arithmetic(t, audit)
    _check_savings(t, audit)
    _check_discount_rates(t, audit)
    _check_product_prices(t, products, audit)
    b_problems, b_verified = _deal_problems(t, products)
    return audit.problems + b_problems, audit.verified + b_verified


def _current_price(p: Any) -> float | None:
    """What a member pays today without the deal: the promo price when there is one."""
    price, promo = _get(p, "price"), _get(p, "promo_price")
    values = [float(v) for v in (price, promo) if isinstance(v, (int, float)) and v > 0]
    return min(values) if values else None


def _deal_problems(t: str, products: Sequence[Any]) -> tuple[list[str], int]:
    """A bundle or group price must be below what a member would pay anyway (promo prices count).

    Checked per paragraph: a 套装价 against the summed current prices of the products named in the
    same paragraph; a 拼团价/每人 price against the current price of the product named before it.
    """
    named = [(fold(str(_get(p, "name", "") or "")), p) for p in products]
    named = [(n, p) for n, p in named if n and _current_price(p) is not None]
    problems: list[str] = []
    verified = 0
    for para in re.split(r"\n+", t):
        present = [(n, p) for n, p in named if n in para]
        if not present:
            continue
        for m in _BUNDLE.finditer(para):
            if len(present) < 2:
                continue
            total = sum(_current_price(p) or 0 for _, p in present)
            verified += 1
            if _num(m.group(1)) >= total - 1e-9:
                parts = "+".join(f"{_get(p, 'name')}{_fmt(_current_price(p) or 0)}" for _, p in present)
                problems.append(f"套装价 {m.group(1)} 元不低于单买现价合计 {_fmt(total)} 元（{parts}），套装反而不划算")
        for m in _GROUP.finditer(para):
            before = [(para.rfind(n, 0, m.start()), p) for n, p in present]
            before = [(i, p) for i, p in before if i >= 0]
            if not before:
                continue
            _, p = max(before, key=lambda x: x[0])
            cur = _current_price(p) or 0
            verified += 1
            if _num(m.group(1)) >= cur - 1e-9:
                problems.append(f"{_get(p, 'name')} 团价 {m.group(1)} 元不低于现价 {_fmt(cur)} 元，拼团没有优惠")
    return problems, verified


# Deal terms a promotion must not promise unless the profile states them (refunds, free shipping…).
_PROMISE_LIMIT = r"\d+\s*" + _alt("promise_time_units") + "内"
_PROMISES = re.compile("(?:" + _PROMISE_LIMIT + ")?(?:" + "|".join(_PW["promises"]) + ")")


def promise_problems(text: str, profile: Any) -> list[str]:
    """Promises (退款/包邮/包赔…) in ``text`` that nothing in the profile backs."""
    parts = [str(getattr(profile, k, "") or "") for k in ("positioning", "threshold", "audience")]
    parts += [str(x) for x in (getattr(profile, "goals", []) or []) + (getattr(profile, "schedule", []) or [])]
    parts += [f"{_get(p, 'name', '')} {_get(p, 'description', '')}" for p in getattr(profile, "products", []) or []]
    blob = fold(" ".join(parts))
    out = []
    for m in _PROMISES.finditer(fold(text)):
        core = re.sub("^" + _PROMISE_LIMIT, "", m.group(0))
        if core not in blob and not any(w in blob for w in _PW["promise_backing"] if w in core):
            out.append(f"写了档案里没有的承诺“{m.group(0)}”")
    return out


@check_kind("price_consistent")
def _price_consistent(c: CheckInput) -> CheckOutcome:
    texts, profile = c.texts, c.profile
    products = getattr(profile, "products", []) or []
    problems: list[str] = []
    verified = 0
    for d, t in zip(c.drafts, texts):
        # the operator's arithmetic is checked too: a wrong sum in the note is as bad as one in the text
        extra = [str(_get(d, "operator_note", "") or "")] + [str(x) for x in (_get(d, "arithmetic", None) or [])]
        p, v = price_problems("\n".join([t, *extra]), products)
        problems += p
        verified += v
        promised = promise_problems(t, profile)
        problems += promised
        verified += len(promised)
    if problems:
        return False, "价格说法不一致：" + shorten(problems)
    if not verified:
        return True, "文中没有需要核对的价格说法"
    return True, f"核对了 {verified} 处价格说法，全部一致"


def check_rule(
    rule: Rule, book: RuleBook, target: str, drafts: Sequence[Any], profile: Any, context: Mapping[str, Any] | None = None
) -> CheckResult:
    """Run one rule on all drafts of ``target``.

    A kind nobody registered is a broken rule book, not a failed draft: :class:`RulesError` names it.
    """
    kind = _KINDS.get(rule.check.kind)
    if kind is None:
        raise RulesError(f"规则 {rule.id} 的检查类型 {rule.check.kind!r} 没有实现（已登记：{'、'.join(sorted(_KINDS))}）")
    grounds = f"{rule.source.card} › {rule.source.section}" if rule.source else rule.reason
    basis = {"severity": rule.severity, "basis": rule.basis, "ours": rule.ours, "grounds": grounds}
    if kind.fn is None:
        return CheckResult(rule_id=rule.id, passed=None, reason=kind.note, **basis)
    if not drafts:
        return CheckResult(rule_id=rule.id, passed=False, reason="没有草稿", **basis)
    inp = CheckInput(rule=rule, book=book, target=target, drafts=drafts, texts=[draft_text(d, target) for d in drafts],
                     profile=profile, context=context or {})
    passed, reason = kind.fn(inp)
    return CheckResult(rule_id=rule.id, passed=passed, reason=reason, **basis)


def run_checks(
    rulebook: RuleBook,
    target: str,
    drafts: Sequence[Any],
    profile: Any,
    context: Mapping[str, Any] | None = None,
) -> list[CheckResult]:
    """Every rule that applies to ``target``, checked against ``drafts``; policy rules are left out."""
    return [
        check_rule(rule, rulebook, target, drafts, profile, context)
        for rule in rulebook.for_target(target)
        if rule.check.kind != "policy"
    ]


def failures(results: Sequence[CheckResult], *, include_warn: bool = True) -> list[CheckResult]:
    """Results that failed (``passed is False``), optionally only errors."""
    return [r for r in results if r.passed is False and (include_warn or r.severity == "error")]


# -- fit: is the draft about this group, with nothing the member should not see -------------------
_CLAUSE_SPLIT = re.compile(r"[，,；;。！!？?\n：:]+")
_DIGITS = re.compile(r"\d+(?:[.:：]\d+)*")
MASK = "■"


def profile_words(profile: Any) -> list[str]:
    """The profile's own words (folded, longest first): every string field, its jieba words of two or
    more characters, and event titles/places/hosts whole. Used to mask them before comparing drafts."""
    if profile is None:
        return []
    parts: list[str] = []
    for key in ("name", "positioning", "audience", "threshold", "tone", "brand", "locality", "card_format",
                "purchase_path"):
        parts.append(str(getattr(profile, key, "") or ""))
    for key in ("topics", "goals", "schedule", "banned", "allowed_domains"):
        parts += [str(x) for x in getattr(profile, key, []) or []]
    events = profile.all_events() if hasattr(profile, "all_events") else []
    whole = [e.title for e in events] + [e.place for e in events] + [e.host for e in events]
    for e in events:
        parts += [e.title, e.place, e.host, e.signup, e.details]
    for p in getattr(profile, "products", []) or []:
        parts += [str(_get(p, "name", "")), str(_get(p, "description", ""))]
    words = {fold(w).strip() for w in whole + list(getattr(profile, "topics", []) or []) if w and len(w.strip()) >= 2}
    for text in parts:
        for w in tokenize(text, for_search=False):
            if len(w) >= 2:
                words.add(w)
    return sorted((w for w in words if w), key=lambda w: (-len(w), w))


def masked(text: str, words: Sequence[str]) -> str:
    """``text`` folded, with the profile's words and all numbers/times replaced by ■."""
    t = fold(text)
    for w in words:
        if w in t:
            t = t.replace(w, MASK)
    t = _DIGITS.sub(MASK, t)
    return re.sub(f"(?:{MASK}\\s*)+", MASK, re.sub(r"[ \t]+", "", t))


def skeleton_clauses(text: str, words: Sequence[str], min_chars: int = 4) -> list[tuple[str, int]]:
    """(masked clause, its unmasked characters) for every clause with at least ``min_chars`` of
    template text: a clause made only of the group's own words says nothing about templates."""
    out = []
    for clause in _CLAUSE_SPLIT.split(masked(text, words)):
        chars = len(re.sub(f"[{MASK}\\W_]", "", clause))
        if chars >= min_chars:
            out.append((clause.strip(), chars))
    return out


def member_text(draft: Any, target: str) -> str:
    """What a member would read: a name, a document's text, a calendar entry's message (title +
    opening), copy's ``text`` — never ``operator_note``, ``arithmetic``, ``needs`` or ``why``."""
    return draft_text(draft, target)


@check_kind("events_placed")
def _events_placed(c: CheckInput) -> CheckOutcome:
    events = c.profile.all_events() if hasattr(c.profile, "all_events") else []
    start, days = c.context.get("start"), c.context.get("days")
    if not events:
        return True, "群档案没有固定活动"
    if not start or not days:
        return True, "没有给出日历的起止日期，不核对活动日期"
    first = _date.fromisoformat(str(start))
    entries = [(str(_get(d, "date", "")), fold(str(_get(d, "type", ""))), fold(str(_get(d, "title", ""))),
                fold(str(_get(d, "event", ""))), str(_get(d, "time", ""))) for d in c.drafts]
    missing, placed, stray, outside = [], 0, [], []
    off = c.context.get("off_dates") or {}  # dates the event's own details rule out (a finished course)
    for ev in events:
        title = fold(ev.title)
        dates = {d.isoformat() for d in ev.cadence.dates(first, int(days))} - set(off.get(ev.title, []))
        if not dates:
            outside.append(ev.title)
        for day in sorted(dates):
            ok = any(dd == day and ty == fold(ev.kind) and (title in ti or title == evt) and (not ev.time or tm == ev.time)
                     for dd, ty, ti, evt, tm in entries)
            placed += ok
            if not ok:
                missing.append(f"{day} {ev.title}（{ev.kind}{'，' + ev.time if ev.time else ''}）")
        stray += [f"{dd} {ev.title}" for dd, _, _, evt, _ in entries if evt == title and dd not in dates]
    if missing or stray:
        return False, "；".join(x for x in (("没有按日期排进日历：" + shorten(missing)) if missing else "",
                                           ("排在了不该有的日期：" + shorten(stray)) if stray else "") if x)
    inside = len(events) - len(outside)
    gone = f"；{'、'.join(outside)}在这 {days} 天里没有日期（不定期或在窗口外），没有排" if outside else ""
    return True, f"这 {days} 天里有日期的 {inside} 个固定活动都按日期排进了日历（共 {placed} 次）{gone}"


def audience_misfits(text: str, marks: Sequence[Mapping[str, Any]], audience: Iterable[str], profile: Any) -> list[str]:
    """The words of ``text`` addressed to people the members are not (rule ``topics.audience_fit``):
    期末 and 哪门课 speak to students, 探望老人 to the relatives who visit — a retirees' class is neither.
    A word the operator wrote in the profile (positioning, events) is theirs to use."""
    t, have, own = fold(text), set(audience), _profile_blob(profile)
    return [f"“{w}”是说给{m['who']}的" for m in marks if not have & set(m["for"])
            for w in (fold(x) for x in m["words"]) if w in t and w not in own][:1]


@check_kind("audience_fit")
def _audience_fit(c: CheckInput) -> CheckOutcome:
    """A free-slot post speaks to who the members are (``audience`` in the context: the profile's
    audience classes); the group's own events are the operator's and are not judged."""
    if "audience" not in c.context:
        return True, NOT_APPLICABLE + "没有给出成员是谁"
    marks = c.rule.check.params.get("marks", [])
    bad = [f"{_clip(t)}：{w[0]}" for d, t in zip(c.drafts, c.texts, strict=False) if not _get(d, "event")
           and (w := audience_misfits(t, marks, c.context.get("audience") or [], c.profile))]
    if bad:
        return False, "空档话题说给了群里没有的人：" + shorten(bad)
    return True, "空档话题都是说给群里的成员的"


@check_kind("days_filled")
def _days_filled(c: CheckInput) -> CheckOutcome:
    """Most days of a calendar carry a post: a two-week calendar with ten empty days is no calendar,
    whatever else it gets right. Days left empty on purpose (``rest_days``: colleagues' weekends) are
    not counted."""
    start, days = c.context.get("start"), c.context.get("days")
    if not start or not days:
        return True, NOT_APPLICABLE + "没有给出日历的起止日期"
    first = _date.fromisoformat(str(start))
    rest = set(c.context.get("rest_days") or [])
    span = min(int(days), int(c.rule.check.params.get("window_days", days)))
    want = [d for d in ((first + dt.timedelta(days=i)).isoformat() for i in range(span)) if d not in rest]
    if not want:
        return True, NOT_APPLICABLE + "这几天都是有意不排的日子"
    have = {str(_get(d, "date", "")) for d in c.drafts}
    empty = [d for d in want if d not in have]
    ratio = float(c.rule.check.params.get("min_ratio", 0.5))
    filled = len(want) - len(empty)
    if filled / len(want) < ratio:
        shown = "、".join(f"{int(d[5:7])}月{int(d[8:])}日" for d in empty[:6]) + ("…" if len(empty) > 6 else "")
        # a word a post already talks about (暖气 in a season's post) was not left out
        untyped = [w for w in c.context.get("untyped") or [] if not any(fold(w) in fold(t) for t in c.texts)]
        if "untyped" not in c.context:  # no account of why (a calendar checked on its own): it fails
            return False, f"{len(want)} 天里只有 {filled} 天有内容，{len(empty)} 天空着（{shown}），也没有说明为什么"
        # the calendar says why it is short (``say_why``: the rule's own choice of failing or explaining)
        why = (f"群的主题词{'、'.join(untyped[:5])}认不出类型，没有拿来写话题；补几个具体的主题词（或在定位里写成员拿它做什么），或缩短 --days"
               if untyped else "群的主题词都认得，但适合这个群的问法用完了，宁可空着也不凑")
        return bool(c.rule.check.params.get("say_why", False)), (
            f"{len(want)} 天里只有 {filled} 天有内容，{len(empty)} 天空着（{shown}）：{why}（日历末尾的注意事项列了哪几天）")
    return True, f"{len(want)} 天里有 {filled} 天有内容" + (f"（{len(empty)} 天空着）" if empty else "")


def _profile_blob(profile: Any) -> str:
    return fold(" ".join([str(getattr(profile, "positioning", "") or "")] + [
        f"{e.title} {e.details} {e.signup} {e.place}" for e in (profile.all_events() if hasattr(profile, "all_events") else [])]
        + [str(getattr(profile, k, "") or "") for k in ("card_format", "threshold", "name")]))


@check_kind("no_placeholders")
def _no_placeholders(c: CheckInput) -> CheckOutcome:
    allow = {fold(a) for a in c.rule.check.params.get("allow", [])}
    patterns = [re.compile(p) for p in c.rule.check.params.get("patterns", [])]
    blob = _profile_blob(c.profile)
    found: dict[str, None] = {}
    for t in c.texts:
        ft = fold(t)
        for rx in patterns:
            for m in rx.finditer(ft):
                hit = m.group(0)
                if hit not in allow and hit not in blob:  # the operator's own format (【编号】…) is not a placeholder
                    found.setdefault(hit, None)
    if found:
        return False, "给成员看的文字里有待填的占位：" + "、".join(list(found)[:6]) + "（不知道的事实应列进 needs）"
    return True, "给成员看的文字里没有待填的占位"


@check_kind("no_tactic_leak")
def _no_tactic_leak(c: CheckInput) -> CheckOutcome:
    own = _profile_blob(c.profile)  # a sellers' circle talks about 转化率 as its subject, not as a tactic
    words = [w for w in (fold(w) for w in c.book.lexicon(*(c.rule.check.params.get("lexicons") or []))) if w not in own]
    problems: dict[str, None] = {}
    for t in c.texts:
        ft = fold(t)
        for w in words:
            if w in ft:
                problems.setdefault(f"“{w}”", None)
        for m in _ARITH.finditer(ft):
            problems.setdefault(f"算式“{m.group(0).strip()}”", None)
    if problems:
        return False, "给成员看的文字里出现了套路或算账过程：" + "、".join(list(problems)[:6]) + "（这些写进 operator_note）"
    return True, "给成员看的文字里没有套路名和算式"


@check_kind("names_carry_brand")
def _names_carry_brand(c: CheckInput) -> CheckOutcome:
    brand = fold(str(getattr(c.profile, "brand", "") or "")).strip()
    if not brand:
        return True, NOT_APPLICABLE + "档案没有填品牌（brand）"
    bad = [t for t in c.texts if brand not in fold(t)]
    if bad:
        return False, f"没有带上品牌“{brand}”：" + shorten(bad)
    return True, f"每个候选都带上了品牌“{brand}”"


@check_kind("distinct_skeletons")
def _distinct_skeletons(c: CheckInput) -> CheckOutcome:
    min_chars = int(c.rule.check.params.get("min_chars", 6))
    words = profile_words(c.profile)
    seen: dict[str, str] = {}
    clashes: list[str] = []
    free = [d for d in c.drafts if not _get(d, "event")]
    for d in free:
        title = str(_get(d, "title", ""))
        for clause, _ in skeleton_clauses(str(_get(d, "opening", "")), words, min_chars):
            if clause in seen and seen[clause] != title:
                clashes.append(f"“{seen[clause]}”与“{title}”同一句式：{clause}")
            seen.setdefault(clause, title)
    if clashes:
        return False, "空档话题有重复句式：" + shorten(clashes)
    return True, f"{len(free)} 条空档话题没有共用句式"


def requirement_met(req: Mapping[str, Any], event: Any, text: str) -> bool:
    """``text`` states what ``req`` asks for: the event's field (quoted), the pattern, or one of the
    ``any`` words — a field requirement with ``any`` words is met by either ("报名：前台登记" or "直接来")."""
    if "field" in req:
        value = fold(str(getattr(event, req["field"], "") or ""))
        if value and value[:12] in text:
            return True
        return "any" in req and any(fold(w) in text for w in req["any"])
    if "pattern" in req:
        return bool(re.search(str(req["pattern"]), text))
    return any(fold(w) in text for w in req.get("any", []))


def requirement_applies(req: Mapping[str, Any], event: Any) -> bool:
    """A requirement with ``not_cadence`` does not apply to events of those cadence kinds (a daily
    morning exercise needs no sign-up line)."""
    cadence = getattr(getattr(event, "cadence", None), "kind", "")
    return cadence not in req.get("not_cadence", [])


def outdoor_event(event: Any, params: dict[str, Any]) -> bool:
    """An event held outdoors or as physical exertion outside (a ride, a hike): its words are in
    ``outdoor_words`` and none of ``indoor_words`` (a climbing gym, a classroom) — one definition for
    the writer's weather and safety lines and for this check."""
    blob = fold(" ".join([event.title, event.place, event.details, event.signup]))
    return any(fold(w) in blob for w in params.get("outdoor_words", [])) and not any(
        fold(w) in blob for w in params.get("indoor_words", []))


@check_kind("event_facts")
def _event_facts(c: CheckInput) -> CheckOutcome:
    events = {fold(e.title): e for e in (c.profile.all_events() if hasattr(c.profile, "all_events") else [])}
    params = c.rule.check.params
    problems, checked = [], 0
    for d, text in zip(c.drafts, c.texts):
        ev = events.get(fold(str(_get(d, "event", "") or "")))
        if ev is None or _get(d, "paused"):
            continue
        spec = (params.get("requires") or {}).get(ev.kind, {})
        reqs = list(spec.get("requires", []))
        if outdoor_event(ev, params):
            reqs += spec.get("outdoor_requires", [])
        reqs = [r for r in reqs if requirement_applies(r, ev)]
        needs = fold(" ".join(str(x) for x in (_get(d, "needs", None) or [])))
        ft = fold(text)
        for r in reqs:
            checked += 1
            # a need written out in Traditional with Taiwan/Hong Kong wording (連結 for 链接) is the same need
            said = {fold(r["need"]), *(fold(to_local_traditional(r["need"], region)) for region in ("tw", "hk"))}
            if not requirement_met(r, ev, ft) and not any(v in needs for v in said):
                problems.append(f"“{ev.title}”没有交代{r['need']}，也没有列进 needs")
    if problems:
        return False, shorten(problems)
    return True, f"核对了 {checked} 项活动要素：写明了，或列进了 needs 让运营补"

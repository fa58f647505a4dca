"""Offline composition helpers: read a profile the way an operator would.

The offline engine is not a language model; it composes drafts from the profile (type, tone,
audience, threshold, schedule, products) following the methodology cards. These helpers extract
the pieces every agent needs — the audience's head noun, a city, the "form" words that fit the
group type, the fixed schedule — so the agents' templates stay short and vary by profile.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

from copilot.knowledge.checks import topic_words
from copilot.paths import RESOURCES_DIR
from copilot.profile import GroupProfile
from copilot.textnorm import fold, tokenize

_CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "重庆", "武汉", "南京", "苏州", "西安", "长沙", "天津", "郑州", "青岛", "厦门", "宁波", "合肥", "福州", "济南", "昆明", "大连", "沈阳", "无锡", "东莞", "佛山", "珠海", "香港", "台北", "澳门"]

FORMS: dict[str, list[str]] = {
    "知识型": ["打卡营", "互助群", "研习社", "答疑群", "学习小组", "交流群"],
    "兴趣型": ["同好群", "俱乐部", "交流群", "打卡群", "爱好者群"],
    "消费型": ["团购群", "福利群", "优选群", "好物群"],
    "品牌型": ["会员群", "会员俱乐部", "老友会", "福利社"],
    "其他": ["交流群", "互助群", "同好会"],
}
# Forms suggested by what the group actually does (schedule/goals words → form).
_ACTIVITY_FORMS = {"打卡": "打卡营", "约跑": "约跑团", "答疑": "答疑群", "互评": "互评群", "分享": "分享会", "团购": "团购群", "拼团": "拼团群", "品鉴": "品鉴会"}


@lru_cache(maxsize=1)
def audience_table() -> dict[str, Any]:
    return yaml.safe_load((RESOURCES_DIR / "drafting" / "audiences.yaml").read_text(encoding="utf-8"))


def audience_classes(profile: GroupProfile) -> frozenset[str]:
    """Who the members are, from the audience and positioning (``classes`` in audiences.yaml):
    ``seller`` (they sell, they do not shop), ``senior``."""
    blob = fold(f"{profile.audience} {profile.positioning}")
    return frozenset(k for k, cues in audience_table()["classes"].items() if any(fold(c) in blob for c in cues))


def gtype(profile: GroupProfile) -> str:
    """The group type drafts are written for: the profile's, except that a 消费型 group whose members
    are sellers is a peer group of sellers (其他), not a group of shoppers."""
    t = profile.type or "其他"
    return "其他" if t == "消费型" and "seller" in audience_classes(profile) else t


def is_parenting(profile: GroupProfile) -> bool:
    blob = profile.audience + profile.positioning
    return any(w in blob for w in ("妈妈", "宝妈", "宝宝", "育儿", "孩子", "家长"))


def city(profile: GroupProfile) -> str | None:
    blob = fold(" ".join([profile.name, profile.positioning, profile.audience]))
    found = next((c for c in _CITIES if c in blob), None)
    if found:
        return found
    # A neighbourhood group is named after its 小区 ("阳光花园小区居民" → "阳光花园").
    m = re.search(r"([\u4e00-\u9fff]{2,4})(?:小区|社区|花园小区)", profile.positioning + profile.audience)
    return m.group(1) if m else None


@lru_cache(maxsize=1)
def name_words() -> dict[str, Any]:
    return yaml.safe_load((RESOURCES_DIR / "drafting" / "names.yaml").read_text(encoding="utf-8"))


def audience_word(profile: GroupProfile) -> str | None:
    """The audience as a name word, recognised from a fixed list ("60岁以上的老人" → 老年), never a
    fragment cut out of the operator's sentence."""
    blob = fold(profile.audience)
    return next((word for cue, word in name_words()["audience"] if fold(cue) in blob), None)


def places(profile: GroupProfile) -> list[str]:
    """Place words for a name from ``locality`` ("武汉·光谷·翠湖湾小区" → 翠湖湾, 武汉); else a city."""
    if not profile.locality:
        c = city(profile)
        return [c] if c else []
    parts = [p.strip() for p in re.split(r"[·・/／,，\s]+", profile.locality) if p.strip()]
    out = []
    for p in reversed(parts):
        for suf in name_words()["locality_suffixes"]:
            if fold(p).endswith(suf) and len(p) - len(suf) >= 2:
                p = p[: -len(suf)]
                break
        out.append(p)
    return list(dict.fromkeys(out))[:2]


def brand(profile: GroupProfile) -> str | None:
    """The group's brand: the ``brand`` field; for an old 品牌型 profile without it, the words before
    的 in its positioning."""
    if profile.brand:
        return profile.brand
    if gtype(profile) != "品牌型":
        return None
    m = re.match(r"^([^，,的]{2,6})的", profile.positioning)
    return m.group(1) if m else None


def _ends(words: list[str], max_len: int) -> tuple[str, str]:
    """The longest run of leading words and of trailing words that fits ``max_len`` characters."""
    head, tail = "", ""
    for w in words:
        if len(head + w) > max_len:
            break
        head += w
    for w in reversed(words):
        if len(w + tail) > max_len:
            break
        tail = w + tail
    return head, tail


def short_topics(profile: GroupProfile, max_len: int = 6, limit: int = 6) -> list[str]:
    """Topic words short enough for a group name: the topics themselves, long ones compressed
    to their leading or trailing words ("亚马逊广告投放优化" → "亚马逊广告", "投放优化")."""
    def words_of(text: str) -> list[str]:
        return tokenize(text, for_search=False, keep_stopwords=True)

    out: dict[str, None] = {t: None for t in profile.topics if len(t) <= max_len}
    for t in profile.topics:
        if len(t) > max_len:
            for v in _ends(words_of(t), max_len):
                if len(v) >= 2 and v != t:
                    out.setdefault(v, None)
    if len(out) < 3:
        specific = set(topic_words(profile))
        for t in profile.topics + [profile.positioning]:
            for w in words_of(t):
                if 2 <= len(w) <= 4 and w in specific:
                    out.setdefault(w, None)
    return list(out)[:limit] or [profile.topics[0][:max_len]]


_CHECKIN_WORDS = ("打卡", "坚持", "学习", "背单词", "备考", "考研", "自律", "早起", "练字")


def is_checkin(profile: GroupProfile) -> bool:
    """A group whose topics, goals or schedule are about doing something daily (打卡/坚持/学习).

    Only such groups get 打卡-style names, "同伴监督" benefits and "坚持" vote options; an HR or
    baby-food group is a place to ask and share, not to check in.
    """
    blob = fold(" ".join(profile.topics + profile.goals + profile.schedule + [profile.positioning]
                         + [e.title for e in profile.all_events()]))
    return any(w in blob for w in _CHECKIN_WORDS) or any(e.kind == "打卡" for e in profile.all_events())


def forms(profile: GroupProfile) -> list[str]:
    blob = " ".join(profile.schedule + profile.goals + [profile.positioning] + [e.title for e in profile.all_events()])
    extra = [f for w, f in _ACTIVITY_FORMS.items() if w in blob]
    out: dict[str, None] = {}
    avoid = [w for cls in audience_classes(profile) for w in audience_table()["avoid_forms"].get(cls, [])]
    for f in extra + FORMS.get(gtype(profile), FORMS["其他"]) + ["交流群", "互助群", "小组", "同好会"]:
        if ("打卡" in f and not is_checkin(profile)) or any(w in f for w in avoid):
            continue
        if f == "同好会" and gtype(profile) != "兴趣型":  # 同好 is for hobbies, not a rescue team or a sellers' circle
            continue
        out.setdefault(f, None)
    return list(out)


def address(profile: GroupProfile) -> str:
    """How the group is addressed in copy, by audience and tone."""
    if is_parenting(profile):
        return "妈妈们"
    if gtype(profile) == "消费型" and ("小区" in profile.positioning or "邻居" in profile.audience):
        return "邻居们"
    if "专业" in profile.tone or "直接" in profile.tone:
        return "各位"
    return "大家"


def fmt_money(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")

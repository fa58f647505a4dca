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

from copilot.knowledge.checks import topic_words
from copilot.paths import load_resource
from copilot.profile import GroupProfile
from copilot.textnorm import fold, has_word, tokenize, word_class


@lru_cache(maxsize=1)
def audience_table() -> dict[str, Any]:
    return load_resource("drafting/audiences.yaml")


def member_heads(text: str) -> str:
    """``text`` without the modifiers that say whose relatives the members are: "入住老人的子女和家属" are
    the children, not old people; "在读学员的家长" are parents, not pupils."""
    relations = "|".join(map(re.escape, audience_table()["relation_heads"]))
    mod = audience_table()["modifier"]
    return re.sub(rf"[^\s{re.escape(mod['stops'])}]+{re.escape(mod['mark'])}(?={relations})", "", text)


def audience_classes(profile: GroupProfile) -> frozenset[str]:
    """Who the members are (``classes`` in audiences.yaml): ``seller`` (they sell, they do not shop),
    ``senior``. The operator's ``audience`` says who the members are; the positioning is read only when
    it is empty (a group that cares for old people is not a group of old people). Cues match whole words."""
    heads = member_heads(profile.audience.strip() or profile.positioning)
    return frozenset(k for k, cues in audience_table()["classes"].items() if any(has_word(heads, c) for c in cues))


@lru_cache(maxsize=1)
def business_table() -> dict[str, Any]:
    return load_resource("drafting/businesses.yaml")


def business_classes(profile: GroupProfile) -> frozenset[str]:
    """What the group's business is (``classes`` in businesses.yaml: health, lodging, food, groupbuy),
    read from what the operator says the group sells — brand, name, positioning, topics, products, purchase path —
    never from who the members are. Only for groups that sell: a brand/consumer group or one with products."""
    if profile.type not in ("品牌型", "消费型") and not profile.brand and not profile.products:
        return frozenset()
    blob = fold(" ".join([profile.brand, profile.name, profile.positioning, profile.purchase_path, *profile.topics,
                          *[p.name + " " + p.description for p in profile.products]]))
    return frozenset(k for k, cues in business_table()["classes"].items() if any(fold(c) in blob for c in cues))


def gtype(profile: GroupProfile) -> str:
    """The group type drafts are written for: the profile's, except that a 消费型 group whose members
    are sellers is a peer group of sellers (其他), not a group of shoppers, and one that sells only a
    service (a driving school, a gym) has no 上新, 到货 or 订单号 to talk about (其他 as well)."""
    t = profile.type or "其他"
    if t != "消费型":
        return t
    sells = business_classes(profile)
    return "其他" if "seller" in audience_classes(profile) or ("service" in sells and not sells & {"food", "groupbuy"}) else t


@lru_cache(maxsize=1)
def name_words() -> dict[str, Any]:
    return load_resource("drafting/names.yaml")


def is_parenting(profile: GroupProfile) -> bool:
    blob = profile.audience + profile.positioning
    return any(w in blob for w in name_words()["parenting_words"])


@lru_cache(maxsize=1)
def _neighbourhood() -> re.Pattern[str]:
    suffixes = sorted(name_words()["neighbourhood_suffixes"], key=len, reverse=True)
    return re.compile(r"([\u4e00-\u9fff]{2,4})(?:" + "|".join(map(re.escape, suffixes)) + ")")


def city(profile: GroupProfile) -> str | None:
    blob = fold(" ".join([profile.name, profile.positioning, profile.audience]))
    found = next((c for c in name_words()["cities"] if c in blob), None)
    if found:
        return found
    # A neighbourhood group is named after its 小区 ("阳光花园小区居民" → "阳光花园").
    m = _neighbourhood().search(profile.positioning + profile.audience)
    return m.group(1) if m else None


def audience_word(profile: GroupProfile) -> str | None:
    """The audience as a name word, recognised from a fixed list ("60岁以上的老人" → 老年), never a
    fragment cut out of the operator's sentence."""
    mixed = name_words()["mixed_audience"]
    clauses = [c for c in re.split(r"[，,。；;！!（(）)]", profile.audience) if c.strip() and not any(m in fold(c) for m in mixed)]
    return next((word for cue, word in name_words()["audience"] if any(has_word(c, cue) for c in clauses)), None)


def places(profile: GroupProfile) -> list[str]:
    """Place words for a name from ``locality`` ("武汉·光谷·翠湖湾小区" → 翠湖湾, 武汉); else a city."""
    if not profile.locality:
        c = city(profile)
        return [c] if c else []
    out = []
    for p in reversed(profile.locality_parts()):
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
    particle = re.escape(name_words()["brand_particle"])
    m = re.match(rf"^([^，,{particle}]{{2,6}}){particle}", profile.positioning)
    return m.group(1) if m else None


def organisation(profile: GroupProfile) -> str | None:
    """The school, company or institution a group without a ``brand`` belongs to: the longest leading
    words of its current name (three characters or more) that its positioning, audience or threshold
    names again ("中興大學登山社" + "中興大學的登山社…" → 中興大學), unless that word is one of the
    group's topics, places or audience words — those say what the group is about, not whose it is."""
    name, blob = fold(profile.name), fold(" ".join([profile.positioning, profile.audience, profile.threshold]))
    ordinary = [*map(fold, profile.topics), *map(fold, places(profile)), *map(fold, profile.locality_parts())]
    if a := audience_word(profile):
        ordinary.append(a)
    lead = re.match(r"\w+", name)  # the name's first run of words, cut only between jieba's words
    ends, n = [], 0
    for w in tokenize(lead.group(0) if lead else "", for_search=False, keep_stopwords=True):
        n += len(w)
        ends.append(n)
    for end in sorted((e for e in ends if 3 <= e < len(name)), reverse=True):
        head = name[:end]
        if head in blob and not any(w in head or head in w for w in ordinary if w):
            return profile.name[:end]
    return None


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


def _is_noun(tag: str | None) -> bool:
    return bool(tag) and (tag in ("vn", "l") or (tag.startswith("n") and tag[:2] not in ("nr", "ns")))


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
                # only nouns of the dictionary: a mis-cut (骑台 from 騎台中) is in none, a time or place
                # word (周末, 近郊) says when or where, not what — 逢甲大學週末交流群
                if 2 <= len(w) <= 4 and w in specific and _is_noun(word_class(w)):
                    out.setdefault(w, None)
    return list(out)[:limit] or [profile.topics[0][:max_len]]


def is_checkin(profile: GroupProfile) -> bool:
    """A group whose topics, goals or schedule are about doing something daily (打卡/坚持/学习).

    Only such groups get 打卡-style names, "同伴监督" benefits and "坚持" vote options; an HR or
    baby-food group is a place to ask and share, not to check in.
    """
    blob = fold(" ".join(profile.topics + profile.goals + profile.schedule + [profile.positioning]
                         + [e.title for e in profile.all_events()]))
    return any(w in blob for w in name_words()["checkin_words"]) or any(e.kind == "打卡" for e in profile.all_events())


def domain_forms(profile: GroupProfile) -> list[tuple[str, bool]]:
    """(form, says-what-on-its-own) for the kind of group its topics and positioning name (a choir →
    合唱团, a carpool → 拼车群), from ``domain_forms`` in names.yaml."""
    # the group's own first topics and its name: a side topic (a homestay's 徒步路线) names no form
    blob = " ".join([*profile.topics[:2], profile.name])
    return [(f, bool(d.get("self"))) for d in name_words()["domain_forms"]
            if any(has_word(blob, c) for c in d["cues"]) for f in d["forms"]]


def form_supported(profile: GroupProfile, form: str) -> bool:
    """A form that states a fact (团购群, 会员群, 福利群) only where the profile says it (``form_requires``)."""
    needs = name_words()["form_requires"].get(form)
    if not needs:
        return True
    blob = fold(" ".join([profile.name, profile.positioning, profile.audience, profile.threshold, *profile.goals,
                          *[e.title + " " + e.details for e in profile.all_events()],
                          *[p.name + " " + p.description for p in profile.products]]))
    said = {"promo": any(p.promo_price for p in profile.products), **{f"kind:{e.kind}": True for e in profile.all_events()}}
    return any(said.get(w, False) or (":" not in w and w != "promo" and fold(w) in blob) for w in needs)


def identity(profile: GroupProfile) -> str:
    """The part of the operator's group name that says which one it is — up to its class, building, shop,
    campus or department ("城关二中初二(3)班家长群" → 城关二中初二(3)班, "颐康养老院·二号楼家属群" →
    颐康养老院·二号楼); "" when the name has no such unit or it is too long for a name."""
    units = name_words()["identity_units"]
    name = profile.name.strip()
    numbered = "|".join(map(re.escape, sorted(units["numbered"], key=len, reverse=True)))
    named = "|".join(map(re.escape, sorted(units["named"], key=len, reverse=True)))
    digits = name_words()["identity_numerals"]
    opening, closing = (re.escape(b) for b in name_words()["identity_brackets"])
    number = rf"(?:[{digits}]+[{closing}]?|[{opening}][{digits}]+[{closing}])"
    found = [m.end() for m in re.finditer(rf"{number}(?:{numbered})", name)]
    # a named unit is followed by more name or nothing: 科 in 科二科三 is an exam, not a department
    stop = name_words()["identity_stop_next"]
    found += [m.end() for m in re.finditer(rf"\w{{2,}}?(?:{named})(?![{stop}])(?=\w|·|$)", name)]
    if not found:
        return ""
    head = name[: max(found)]
    return head if len(head) <= int(name_words()["identity_max"]) else ""


def audience_forms(profile: GroupProfile) -> list[str]:
    """Forms that say who the members are (家长群, 租客群, 家属群), from the audience, name and threshold."""
    blob = " ".join([member_heads(profile.audience), profile.name, profile.threshold])
    found = sorted((blob.index(cue), i, fs) for i, (cue, fs) in enumerate(name_words()["audience_forms"]) if cue in blob)
    # people of one trade (骑手, 司机, 护士: an audience class of audiences.yaml) are named by the word the
    # operator used for them ("在江宁送外卖的骑手" → 骑手互助群), the first one the audience says
    n = len(name_words()["audience_forms"])
    for j, (cls, forms) in enumerate(name_words()["class_forms"].items()):
        said = member_heads(profile.audience)
        cues = [c for c in audience_table()["classes"].get(cls, []) if has_word(said, c)]
        if cues:
            cue = min(cues, key=said.index)
            found.append((said.index(cue), n + j, [f.format(w=cue) for f in forms]))
    found.sort()
    return list(dict.fromkeys(f for _, _, fs in found for f in fs))  # the members the operator names first come first


def forms(profile: GroupProfile) -> list[str]:
    words = name_words()
    # what the group does week in, week out names its form; a monthly or one-off event does not (a riders'
    # group with a monthly battery group-buy is no 团购群)
    regular = [e for e in profile.all_events() if e.cadence.routine or e.cadence.kind == "weekly"]
    blob = " ".join(profile.schedule + profile.goals + [profile.positioning] + [e.title for e in regular])
    weekly = " ".join(e.title + e.kind for e in regular)
    # 分享 is in every other positioning ("分享经验"): 分享会 only for a group whose week has a talk
    extra = [f for f, _ in domain_forms(profile)] + [f for w, f in words["activity_forms"].items()
                                                      if (w in weekly if w in words["activity_forms_by_event"] else w in blob)]
    out: dict[str, None] = {}
    avoid = [w for cls in audience_classes(profile) for w in audience_table()["avoid_forms"].get(cls, [])]
    by_type = words["forms"]
    paid = words["paid_forms"] if profile.paid else []
    long_paid = bool(profile.paid) and any(t in fold(profile.paid.term) for t in words["long_terms"])
    yearly = bool(profile.paid) and "年" in fold(profile.paid.term) and "半年" not in fold(profile.paid.term)
    for f in paid + extra + by_type.get(gtype(profile), by_type["其他"]) + ["交流群", "互助群", "小组", "同好会"]:
        if ("打卡" in f and not is_checkin(profile)) or any(w in f for w in avoid) or (long_paid and f.endswith("营")) \
                or (f in words["yearly_forms"] and not yearly):
            continue
        if f == "同好会" and gtype(profile) != "兴趣型":  # 同好 is for hobbies, not a rescue team or a sellers' circle
            continue
        if not form_supported(profile, f):  # a driving school is no 团购群, a car owners' club no 会员群
            continue
        out.setdefault(f, None)
    return list(out)


def address(profile: GroupProfile) -> str:
    """How the group is addressed in copy, by audience and tone."""
    if is_parenting(profile):
        return "妈妈们" if any(w in profile.audience + profile.positioning for w in name_words()["mother_words"]) else "家长们"
    if gtype(profile) == "消费型" and ("小区" in profile.positioning or "邻居" in profile.audience):
        return "邻居们"
    if "专业" in profile.tone or "直接" in profile.tone:
        return "各位"
    return "大家"


def fmt_money(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")

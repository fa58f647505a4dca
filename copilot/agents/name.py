"""Group-name agent: candidates that say what the group does, fit the chat list, and differ.

Offline strategy (card group-name): the formula 【人群或地域】+【主题】+【形式】, topic word first
or right after a short qualifier, filtered by the same rules the LLM path is held to, then picked
greedily so candidates are not one-character variants of each other.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from copilot.agents import compose as C
from copilot.agents.base import AgentSpec, Composed, DraftResult, Passage, run_agent
from copilot.agents.facts import topic_classes
from copilot.knowledge.checks import check_rule, too_similar, topic_words
from copilot.knowledge.rules import load_rules
from copilot.llm import Engine
from copilot.paths import KNOWLEDGE_DIR
from copilot.profile import GroupProfile
from copilot.textnorm import fold


class NameItem(BaseModel):
    name: str = Field(min_length=2, max_length=40, description="群名")
    rationale: str = Field(min_length=2, description="一句话说明为什么这样起")


class NameDrafts(BaseModel):
    drafts: list[NameItem] = Field(min_length=1)


def _limits(knowledge_dir: Any) -> tuple[int, float]:
    book = load_rules(knowledge_dir)
    max_chars = int(book.get("name.max_16_chars").check.params.get("max", 16))
    max_sim = float(book.get("name.distinct_candidates").check.params.get("max_similarity", 0.6))
    return max_chars, max_sim


def _quals(profile: GroupProfile) -> list[tuple[str, str]]:
    """(word, 地域/人群) that narrow a name: the locality's places, the recognised audience word."""
    quals: list[tuple[str, str]] = [(p, "地域") for p in C.places(profile)]
    if a := C.audience_word(profile):
        quals.append((a, "人群"))
    return quals


def _brand_candidates(profile: GroupProfile, b: str, kind: str = "品牌") -> list[tuple[float, str, str]]:
    """A brand's group is named after the brand first (rule name.carries_brand); a school's or a
    company's group after its organisation (``kind`` 组织), so outsiders and members see whose it is."""
    topics, forms, out = C.short_topics(profile), C.forms(profile), []
    seen = "一眼认出是哪家" if kind == "品牌" else "一眼认出是哪里的群"
    for ti, t in enumerate(topics):
        for fi, f in enumerate(forms):
            score = 4.0 - 0.6 * ti - 0.25 * fi
            if not _overlap(b, t) and not (f.startswith(t[-1]) or t.endswith(f[:2]) or _overlap(t, f)):
                out.append((score, f"{b}{t}{f}", f"{kind}+主题+形式：“{b}”{seen}，“{t}”说明聊什么，“{f}”说明玩法"))
        # brand + form alone says what the group is about only when the brand name carries the topic
        # ("云岫茶舍" → 茶); "云栖会员群" would not tell a stranger it is about tea
        # (an organisation's name carries none of the group's own topics: 中興大學俱樂部 says whose, not what)
        words = topic_words(profile) if kind == "品牌" else [fold(t) for t in profile.topics]
        if any(w in fold(b) for w in words):
            for fi, f in enumerate(forms):
                out.append((3.5 - 0.25 * fi, f"{b}{f}", f"{kind}+形式：“{b}”{seen}，“{f}”说明这是怎样的群"))
        if a := C.audience_word(profile):
            out.append((3.4, f"{b}{a}{forms[0]}", f"{kind}+人群+形式：“{b}”的{a}在这里"))
    return out


def _member_candidates(profile: GroupProfile) -> list[tuple[float, str, str]]:
    """Names that keep which group it is and who is in it: the unit of the operator's own name (a class,
    a building, a shop, a department) with a form for its members ("初二(3)班家长群", "望京店租客群");
    without such a unit, the brand, organisation or place with the members' form ("点头茶农群")."""
    ident, members = _identity(profile), C.audience_forms(profile)
    if not ident:
        owner = C.brand(profile) or C.organisation(profile)
        lead = owner or next(iter(C.places(profile)), "")
        # a place with the members' form ("翠湖湾住户群") names a residents' group: only when the operator's
        # own name says the group is one (a badminton or dog-walking group of one estate is no 住户群)
        return [(4.2 - 0.2 * i, f"{lead}{f}", f"名字+成员：“{lead}”说明是哪家、哪里的群，“{f}”说明谁在里面")
                for i, f in enumerate(members) if lead and not lead.endswith(f[:2])
                and (owner or f[:2] in profile.name or not _residents_form(f))]
    out = [(6.0 - 0.3 * i, f"{ident}{f}", f"身份+成员：“{ident}”说明是哪一个群，“{f}”说明谁在里面")
           for i, f in enumerate(members)]
    out += [(5.0 - 0.3 * i, f"{ident}{t}群", f"身份+主题：“{ident}”说明是哪一个群，“{t}”说明聊什么")
            for i, t in enumerate(C.short_topics(profile)[:3]) if t not in ident]
    # the class or building alone is a name too (the one left when no form fits in 16 characters)
    out.append((4.0, ident, f"身份：“{ident}”本身就说清了是哪个群"))
    return out


def _residents_form(form: str) -> bool:
    """A form naming the members as residents (住户群, 业主群: ``resident`` in audiences.yaml)."""
    return any(form.startswith(w) for w in C.audience_table()["classes"]["resident"])


def _identity(profile: GroupProfile) -> str:
    """The name's unit (:func:`compose.identity`), unless it drops the brand (rule name.carries_brand):
    then the brand's own candidates carry the group."""
    ident = C.identity(profile)
    b = C.brand(profile)
    return "" if b and b not in ident else ident




def _side_word(index: int, topic: str) -> bool:
    """A topic word after the group's first that is of no known kind (a technique, a side word: 跑位,
    旧化): a name stands on it only when nothing better is left ("旧化俱乐部" says little)."""
    return index > 0 and not topic_classes(topic)


def _candidates(profile: GroupProfile) -> list[tuple[float, str, str]]:
    """(score, name, rationale) for every formula combination; a group whose name says which one it is
    (班级, 楼号, 门店) keeps that in every candidate."""
    members = _member_candidates(profile)
    if _identity(profile):
        return members
    if b := C.brand(profile):
        return members + _brand_candidates(profile, b)
    if org := C.organisation(profile):
        return members + _brand_candidates(profile, org, "组织")
    quals = _quals(profile)
    out: list[tuple[float, str, str]] = list(members)
    # a form that says on its own what the group does (合唱团, 拼车群) needs only a place or audience word —
    # when it carries one of the group's own topic words (a choir is a 合唱团; 歌友会 alone would not say it)
    words = topic_words(profile)
    selfish = [f for f, own in C.domain_forms(profile) if own and any(w in fold(f) for w in words)]
    for fi, f in enumerate(selfish):
        out += [(3.7 - 0.3 * fi - 0.2 * qi, f"{q}{f}", f"{kind}+形式：“{q}”筛出对口的人，“{f}”一看就知道是做什么的群")
                for qi, (q, kind) in enumerate(quals)]
    for ti, t in enumerate(C.short_topics(profile)):
        for fi, f in enumerate(C.forms(profile)):
            base_score = 3.0 - 0.6 * ti - 0.25 * fi - 1.5 * _side_word(ti, t)
            if f.startswith(t[-1]) or t.endswith(f[:2]) or _overlap(t, f):  # 团购+团购群, 合唱+合唱团 → awkward repeat
                continue
            out.append((base_score, f"{t}{f}", f"主题+形式：“{t}”开头一眼看出聊什么，“{f}”说明这是怎样的群"))
            for qi, (q, kind) in enumerate(quals):
                if q in t or t in q or (kind == "人群" and set(q) & set(t)):  # 骑友+骑行: one 骑 too many
                    continue
                score = base_score + 0.8 - 0.2 * qi
                out.append((score, f"{q}{t}{f}", f"{kind}+主题+形式：“{q}”筛出对口的人，“{t}”说明主题，“{f}”说明玩法"))
                if kind == "地域":
                    out.append((score - 0.3, f"{t}{f}·{q}", f"主题在前、地域在后：会话列表截断时仍能看到“{t}”"))
    return out


def _overlap(topic: str, form: str) -> bool:
    """The second word repeats the first one's characters (英语口语+口语角, 闲置转让+闲置群, 跑步+跑团,
    恒彩包装+包装袋)."""
    return any(ch in topic for ch in form[:-1])  # the last character (群/会/团/营…) names the form


def offline_names(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    n = int(ctx.get("n", 5))
    max_chars, max_sim = _limits(ctx.get("knowledge_dir", KNOWLEDGE_DIR))
    book = load_rules(ctx.get("knowledge_dir", KNOWLEDGE_DIR))
    hype, says = book.get("name.no_hype"), book.get("name.says_what")
    pool = sorted(_candidates(profile), key=lambda c: -c[0])
    lead = _identity(profile) or C.brand(profile) or C.organisation(profile) or ""
    chosen: list[dict[str, Any]] = []
    seen_forms: list[str] = []
    generic = set(C.name_words()["generic_forms"])
    all_forms = sorted(C.forms(profile), key=len, reverse=True)
    for relax in (0, 1, 2):  # 0: every variety rule; 1: a form may repeat; 2: anything that passes the rules
        for _score, name, why in pool:
            if len(chosen) >= n:
                break
            if len(name) > max_chars or any(c["name"] == name for c in chosen):
                continue
            if not all(check_rule(rule, book, "name", [name], profile).passed for rule in (hype, says)):
                continue  # never proposed: a hyped name, or one that does not say what the group is
            if any(too_similar(fold(name), fold(c["name"]), max_sim, fold(lead)) for c in chosen):
                continue
            form = next((f for f in all_forms if name.split("·")[0].endswith(f)), "")
            # first pass, for variety: one candidate per form, at most two catch-all forms (交流群, 互助群…)
            # and one "主题·地域" name, so five names do not read as one pattern
            if relax < 1 and form in seen_forms:
                continue
            if relax < 2 and ((form in generic and sum(f in generic for f in seen_forms) >= 2)
                              or ("·" in name and any("·" in c["name"] for c in chosen))):
                continue
            seen_forms.append(form)
            chosen.append({"name": name, "rationale": why})
    why = ("档案里的主题词、人群和地域太少，其余组合要么太长、要么和已有候选只差一两个字"
           "（会违反 name.distinct_candidates）；补充 topics/audience 可以得到更多候选")
    return Composed(chosen, why if len(chosen) < n else None)


SPEC = AgentSpec(
    target="name",
    prompt="draft_name",
    schema=NameDrafts,
    cards=("group-name", "positioning", "group-types"),
    query="群名 命名 主题关键词 16字 人群 地域 形式",
    offline=offline_names,
    min_drafts=lambda ctx: int(ctx.get("n", 5)),
)


def draft_names(profile: GroupProfile, engine: Engine, *, n: int = 5) -> DraftResult:
    return run_agent(SPEC, profile, engine, context={"n": n, "knowledge_dir": engine.settings.knowledge_dir})

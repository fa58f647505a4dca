"""Group documents: 群介绍/群公告 (intro), full 群规 (rules) and 入群欢迎语 (welcome).

Offline strategy: the structure the cards prescribe (intro-welcome, group-rules, threshold,
ritual-belonging), filled from the profile: what a member gets depends on the group type and goals,
the entry conditions on the threshold, the rhythm on the schedule, forbidden links on
``allowed_domains``, extra banned topics on ``banned``, and the 群名片 format on audience/threshold.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml
from pydantic import BaseModel, Field

from copilot.agents import compose as C
from copilot.agents.base import AgentSpec, Composed, DraftResult, Passage, run_agent
from copilot.agents.events import pick
from copilot.llm import Engine
from copilot.paths import RESOURCES_DIR
from copilot.profile import GroupProfile
from copilot.textnorm import fold, split_sentences


class TextItem(BaseModel):
    title: str = Field("", description="标题，可为空")
    text: str = Field(min_length=10, description="可直接发到群里的全文")


class TextDrafts(BaseModel):
    drafts: list[TextItem] = Field(min_length=1)


# -- intro --------------------------------------------------------------------------------------
def benefits(profile: GroupProfile) -> list[str]:
    """What a member gets, by group type, topics, goals and products (card value-benefits)."""
    t = profile.topics
    t0, t1 = t[0], t[1] if len(t) > 1 else t[0]
    by_type = {
        "知识型": [f"每天一份{t0}干货和资料，省去自己到处找", f"{t1}上的问题有人答疑，不再一个人卡住",
                  "同伴互相监督，一起坚持" if C.is_checkin(profile)
                  else f"{C.address(profile)}互相分享真实经验，少走弯路" if C.is_parenting(profile)
                  else "同行交流真实案例和经验，少踩坑"],
        "兴趣型": [f"认识一群同样喜欢{t0}的同好", f"{t1}经验交流，少走弯路", "固定的线上线下活动，有人一起玩"],
        "消费型": [f"{t0}团购价，比单买更实惠", "会员日专属优惠和福利", "售后问题有专人跟进"],
        "品牌型": ["会员专属福利和新品优先试用", f"{t1}技巧交流，有专业同事答疑", "一对一的客服通道"],
    }
    items = list(by_type.get(C.gtype(profile), [f"围绕{t0}的经验交流", f"{t1}问题互助答疑", "固定的群活动"]))
    if C.is_parenting(profile):
        items[0] = f"每天一份{t0}做法和营养搭配思路"
    for g in profile.goals:
        if any(w in g for w in ("分享", "答疑", "精讲", "互评", "品鉴", "复盘", "约跑", "拼团", "食谱")):
            items.append(g)  # a goal such as "每周一次营养师答疑" already reads as a benefit
    # the group's own events are what a member actually gets: named with who runs them
    regular = [e for e in profile.events if e.cadence.recurring]
    if regular:
        items = [f"{e.cadence.label}：{e.title}" + (f"（{e.host}）" if e.host else "") for e in regular[:4]]
        items += [g for g in profile.goals if any(w in g for w in ("分享", "答疑", "复盘", "学会"))][:1]
    return items[:5]


def entry_conditions(profile: GroupProfile) -> str:
    if profile.threshold:
        return profile.threshold
    aud = profile.audience or f"对{profile.topics[0]}感兴趣的人"
    return f"{aud}，愿意遵守群规、参与讨论；长期不发言的成员会定期清理"


def compose_intro(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    name = profile.display_name()
    bank = clause_bank()["intro"]
    where = "群文件" if profile.platform == "qq" else "群公告"
    topics = "、".join(profile.topics[:4])
    # "定位：" + the operator's own words: pasting them after "这里是" breaks sentences such as
    # "给6个月到3岁宝宝的妈妈们分享…" or "深圳中小企业的HR交流…问题".
    lines = [f"【{name}｜群介绍】", f"定位：{profile.positioning.rstrip('。.！!；; ')}。"]
    if profile.audience:
        lines.append(f"适合谁：{profile.audience}。")
    lines.append(str(pick(bank["get"], profile, "get")))
    lines += [f"{i}. {b}" for i, b in enumerate(benefits(profile), 1)]
    lines.append(f"入群条件：{entry_conditions(profile)}。")
    if profile.paid:
        fee = str(pick(bank["paid"], profile, "paid")).format(price=C.fmt_money(profile.paid.price), term=profile.paid.term)
        how = str(pick(bank["buy"], profile, "buy")).format(path=profile.purchase_path.rstrip("。")) \
            if profile.purchase_path else ""
        lines.append("；".join(x for x in (fee, how) if x) + "。")
    # the summary quotes the group's own rules (the same phrasings its 群规 uses), first clause of each
    rules = clause_bank()["rules"]
    fill = {"topics": topics, "where": where, "links": "", "banned": ""}
    picked = [choose(rules["speak"], profile, "speak")[0]] + choose(rules["forbid"], profile, "forbid")
    picked = [picked[0], *picked[1:4], *picked[5:6]]  # topic, ads, abuse, flooding, the group's special rule
    short = [re.split(r"[；;]", c.format(**fill))[0].rstrip("。，, ") for c in picked]
    marks = "①②③④⑤⑥"
    summary = str(pick(bank["summary"], profile, "summary")).format(where=where)
    lines.append(summary + "；".join(f"{marks[i]} {c}" for i, c in enumerate(short)) + "。违规先提醒，再禁言，屡犯移出。")
    events = C.schedule_lines(profile)
    if events:
        lines.append(str(pick(bank["events"], profile, "events")))
        lines += [f"· {s}" for s in events]
    else:
        lines.append(str(bank["no_events"][0]).format(where=where))
    closes = bank["close"].get(C.gtype(profile), bank["close"]["其他"])
    lines.append(str(pick(closes, profile, "close")).format(where=where))
    return Composed([{"title": f"{name} 群介绍", "text": "\n".join(lines)}])


INTRO = AgentSpec(
    target="intro",
    prompt="draft_intro",
    schema=TextDrafts,
    cards=("intro-welcome", "value-benefits", "threshold", "positioning"),
    query="群介绍 群公告 定位 利益点 入群条件 群规摘要 活动安排",
    offline=compose_intro,
)


# -- rules --------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def clause_bank() -> dict[str, Any]:
    return yaml.safe_load((RESOURCES_DIR / "drafting" / "clauses.yaml").read_text(encoding="utf-8"))


def group_facts(profile: GroupProfile) -> dict[str, Any]:
    """What the clause conditions (``when``) are judged on: type, platform, paid, online/offline,
    the event kinds and which fields the profile fills in."""
    kinds = {e.kind for e in profile.all_events()}
    return {"type": C.gtype(profile), "paid": profile.paid is not None, "in_person": profile.offline(),
            "online_only": not profile.offline(), "checkin": C.is_checkin(profile), "kinds": kinds,
            "has": {k for k in ("card_format", "allowed_domains", "banned", "products", "purchase_path")
                    if getattr(profile, k)}}


def applies(when: dict[str, Any] | None, facts: dict[str, Any]) -> bool:
    """A clause is used only when the profile gives it a reason."""
    when = when or {}
    checks = [
        "types" not in when or facts["type"] in when["types"],
        "paid" not in when or facts["paid"] == when["paid"],
        "in_person" not in when or facts["in_person"] == when["in_person"],
        "online_only" not in when or facts["online_only"] == when["online_only"],
        "checkin" not in when or facts["checkin"] == when["checkin"],
        "kinds" not in when or bool(facts["kinds"] & set(when["kinds"])),
        "has" not in when or set(when["has"]) <= facts["has"],
    ]
    return all(checks)


def choose(items: list[dict[str, Any]], profile: GroupProfile, slot: str, first_only: bool = False) -> list[str]:
    """One phrasing of every clause that applies (or of the first one, for alternatives)."""
    facts = group_facts(profile)
    out = []
    for i, item in enumerate(items):
        if applies(item.get("when"), facts):
            # a clause may have its own wording per group type (a buying group's ads are 微商, a
            # study group's are course promotions); otherwise the shared variants
            variants = (item.get("by_type") or {}).get(facts["type"]) or item["variants"]
            out.append(str(pick(variants, profile, f"{slot}{i}")))
            if first_only:
                break
    return out


def event_norms(profile: GroupProfile) -> list[str]:
    """The operator's own rules from event details ("必须戴头盔…", "不录屏、不截图外传"), quoted with the event."""
    words = clause_bank()["rules"]["norm_words"]
    out = []
    for e in profile.all_events():
        said = [s.rstrip("；;，,。 ") for s in split_sentences(e.details) if any(w in fold(s) for w in map(fold, words))]
        if said:
            out.append(f"{e.title}：" + "；".join(said) + "。")
    return out


def compose_rules(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    name = profile.display_name()
    bank = clause_bank()["rules"]
    h = {k: str(pick(v, profile, "h" + k)) for k, v in bank["headings"].items()}
    where = "群文件" if profile.platform == "qq" else "群公告"
    fill = {"topics": "、".join(profile.topics[:4]), "where": where, "card": profile.card_format,
            "domains": "、".join(profile.allowed_domains),
            "links": (f"链接只允许来自 {'、'.join(profile.allowed_domains)}，其他链接先问管理员" if profile.allowed_domains
                      else "未经管理员同意不发外部链接和二维码"),
            "banned": f"；也不发与{'、'.join(profile.banned)}有关的内容" if profile.banned else ""}
    speak = [c.format(**fill) for c in choose(bank["speak"], profile, "speak")]
    forbid = [c.format(**fill) for c in choose(bank["forbid"], profile, "forbid")]
    norms = event_norms(profile)
    penalty = [str(pick(step, profile, f"penalty{i}")) for i, step in enumerate(bank["penalty"])]
    if profile.paid:
        penalty.append(str(pick(bank["penalty_paid"], profile, "penalty_paid")))
    lines = [f"【{name}｜群规】", h["intro"], h["entry"],
             f"{entry_conditions(profile)}。" + choose(bank["card"], profile, "card", first_only=True)[0].format(**fill),
             h["speak"], *[f"{i}. {s}" for i, s in enumerate(speak, 1)],
             h["forbid"], *[f"{i}. {s}" for i, s in enumerate(forbid, 1)]]
    if norms:
        lines += [h["events"], *[f"· {n}" for n in norms]]
    lines += [h["penalty"], *penalty, str(pick(bank["fair"], profile, "fair")),
              h["reward"], choose(bank["reward"], profile, "reward", first_only=True)[0].format(**fill),
              str(pick(bank["closing"], profile, "closing")).format(**fill)]
    return Composed([{"title": f"{name} 群规", "text": "\n".join(lines)}])


RULES = AgentSpec(
    target="rules",
    prompt="draft_rules",
    schema=TextDrafts,
    cards=("group-rules", "threshold", "moderation-offtopic"),
    query="群规 入群条件 发言规范 禁止行为 广告 人身攻击 刷屏 违规处理 禁言 移出 奖励",
    offline=compose_rules,
)


# -- welcome ------------------------------------------------------------------------------------
def compose_welcome(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    n = max(1, int(ctx.get("n", 2)))
    bank = clause_bank()["welcome"]
    events = [e for e in profile.all_events() if e.cadence.kind not in ("daily", "workdays")] or profile.all_events()
    fill = {"name": profile.display_name(), "card": C.card_format(profile), "say": C.intro_prompt(profile),
            "where": "群文件" if profile.platform == "qq" else "群公告", "who": C.address(profile),
            "next": f"{events[0].when} {events[0].title}" if events else "", "昵称": "{昵称}"}
    family = any(w in profile.audience for w in ("子女", "家属", "父母"))
    out = []
    for i in range(n):
        part = {k: str(pick(v, profile, f"w{k}{i}")) for k, v in bank.items()}
        text = part["greet"] + part["card"] + "，" + part["intro"] + part["rules"]
        for extra in ([part["family"]] if family else []) + ([part["next"]] if events else []):
            candidate = text + extra
            if len(candidate.format(**fill)) <= 118:  # keep welcomes short (rule welcome.no_flooding)
                text = candidate
        out.append({"title": "", "text": text.format(**fill)})
    return Composed(out)


WELCOME = AgentSpec(
    target="welcome",
    prompt="draft_welcome",
    schema=TextDrafts,
    cards=("intro-welcome", "ritual-belonging"),
    query="欢迎语 新人 群名片 自我介绍 群公告 仪式感",
    offline=compose_welcome,
    min_drafts=lambda ctx: int(ctx.get("n", 2)),
)


def draft_intro(profile: GroupProfile, engine: Engine) -> DraftResult:
    return run_agent(INTRO, profile, engine)


def draft_rules(profile: GroupProfile, engine: Engine) -> DraftResult:
    return run_agent(RULES, profile, engine)


def draft_welcome(profile: GroupProfile, engine: Engine, *, n: int = 2) -> DraftResult:
    return run_agent(WELCOME, profile, engine, context={"n": n})

"""Group documents: 群介绍/群公告 (intro), full 群规 (rules) and 入群欢迎语 (welcome).

Offline strategy: the structure the cards prescribe (intro-welcome, group-rules, threshold,
ritual-belonging), filled from the profile: what a member gets depends on the group type and goals,
the entry conditions on the threshold, the rhythm on the schedule, forbidden links on
``allowed_domains``, extra banned topics on ``banned``, and the 群名片 format on audience/threshold.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field

from copilot.agents import compose as C
from copilot.agents.base import AgentSpec, Composed, DraftResult, Passage, run_agent
from copilot.agents.events import expand, for_members, is_finished, is_paused, phrase, pick, when_label
from copilot.agents.facts import applies, group_facts, lead_topic, selling_days, slot_topic, suggests_banned, verb_fill
from copilot.cadence import beijing_now
from copilot.knowledge.rules import RuleBook, load_rules
from copilot.llm import Engine
from copilot.paths import KNOWLEDGE_DIR, load_resource
from copilot.profile import Event, GroupProfile
from copilot.textnorm import fold, split_sentences


class TextItem(BaseModel):
    title: str = Field("", description="标题，可为空")
    text: str = Field(min_length=10, description="可直接发到群里的全文")


class TextDrafts(BaseModel):
    drafts: list[TextItem] = Field(min_length=1)


# -- intro --------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def clause_bank() -> dict[str, Any]:
    return load_resource("drafting/clauses.yaml")


def where_rules(profile: GroupProfile) -> str:
    return profile.pinned_place()


def benefits(profile: GroupProfile, today: dt.date | None = None) -> list[str]:
    """What a member gets: the group's own regular events (with who runs them; a course whose weeks
    are over by ``today`` is no longer one) and the goals that read as benefits; only without events,
    general benefits by group type that promise no schedule."""
    regular = [e for e in profile.all_events() if e.cadence.recurring and not (today and is_finished(e, today))]
    goals = [g for g in profile.goals if any(w in g for w in ("分享", "答疑", "精讲", "互评", "品鉴", "复盘", "学会"))]
    if regular:
        items = [f"{e.cadence.label}{' ' + e.time if e.time else ''} {e.title}" + (f"（{e.host}）" if e.host else "")
                 for e in regular[:4]]
        goals = [g for g in goals if not any(fold(e.title) in fold(g) for e in regular)]  # not the same event twice
        return (items + goals[:1])[:5]
    t = profile.topics
    fill = {"t0": t[0], "t1": t[1] if len(t) > 1 else t[0]}
    by_type = clause_bank()["intro"]["benefits"]
    items = [expand(b, profile, f"benefit{i}").format(**fill)
             for i, b in enumerate(by_type.get(C.gtype(profile), by_type["其他"]))]
    return (items + goals)[:5]


def entry_conditions(profile: GroupProfile) -> str:
    """The threshold the operator wrote; without one, who the group is for and nothing invented."""
    if profile.threshold:
        return profile.threshold.rstrip("。.；; ")
    bank = clause_bank()["rules"]
    aud = profile.audience.rstrip("。.；; ") or bank["entry_default_aud"].format(t=profile.topics[0])
    return phrase(bank["entry_default"], profile, "entry").format(aud=aud)


@lru_cache(maxsize=1)
def _card_example() -> re.Pattern[str]:
    """A bracketed example at the end of a card format ("（如“7栋-02-李姐”）"), cue words from patterns.yaml."""
    cues = sorted(load_resource("drafting/patterns.yaml")["card_example_cues"], key=len, reverse=True)
    return re.compile(r"\s*[（(]\s*(?:" + "|".join(map(re.escape, cues)) + r")[^（()）]*[)）]\s*$", re.IGNORECASE)


def card_format(profile: GroupProfile) -> str:
    """The one 群名片 format rules and welcome ask for: ``card_format``, else one quoted in the
    threshold, else "" — no format is invented (drafts then ask for the member's usual name)."""
    if profile.card_format:
        # an example in brackets ("（如“7栋-02-李姐”）") is for the operator's reader, not part of the
        # format; options in brackets ("水平(新手/中级/高手)-昵称") are, and are kept whole
        return _card_example().sub("", profile.card_format).strip()
    quoted = re.search(r"[“\"「]([^”\"」]{3,20})[”\"」]", profile.threshold)
    if quoted and "-" in quoted.group(1):
        return quoted.group(1)
    return ""


def refund_notes(profile: GroupProfile) -> list[str]:
    """A paid group whose profile says nothing about refunds or validity: the operator is asked for
    one (no refund term is invented)."""
    if not profile.paid:
        return []
    bank = clause_bank()["rules"]
    # the goals are the operator's own targets (续费率60%), not terms a member was told
    said = fold(" ".join([profile.positioning, profile.threshold, profile.purchase_path, profile.paid.term,
                          *(e.details for e in profile.all_events())]))
    if any(fold(w) in said for w in bank["refund_words"]):
        return []
    return [bank["refund_need"].format(fee=f"{C.fmt_money(profile.paid.price)}元/{profile.paid.term}")]


def upcoming_events(profile: GroupProfile, today: dt.date | None) -> list[Event]:
    """The events a member can still come to: one-off dates already past are left out."""
    if today is None:
        return profile.all_events()
    return [e for e in profile.all_events() if e.cadence.recurring or (e.cadence.date and e.cadence.date >= today)]


def compose_intro(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    name = profile.display_name()
    bank = clause_bank()["intro"]
    where = where_rules(profile)
    today = dt.date.fromisoformat(str(ctx["today"])) if ctx.get("today") else None
    # "定位：" + the operator's own words: pasting them after "这里是" breaks sentences such as
    # "给6个月到3岁宝宝的妈妈们分享…" or "深圳中小企业的HR交流…问题".
    lines = [f"【{name}｜群介绍】", f"定位：{profile.positioning.rstrip('。.！!；; ')}。"]
    if profile.audience:
        lines.append(f"适合谁：{profile.audience.rstrip('。.；; ')}。")
    events = upcoming_events(profile, today)
    listed = [e for e in events if e.cadence.recurring][:4]  # benefits() names these, with their times
    lines.append(phrase(bank["get_events"] if listed else bank["get"], profile, "get"))
    lines += [f"{i}. {b}" for i, b in enumerate(benefits(profile, today), 1)]
    if profile.threshold or not profile.audience:
        lines.append(f"入群条件：{entry_conditions(profile)}。")
    else:  # "适合谁" above says who the group is for; it is not restated as a condition
        lines.append(f"{bank['entry_label']}：{phrase(clause_bank()['rules']['entry_open'], profile, 'entry')}。")
    if profile.paid:
        fee = phrase(bank["paid"], profile, "paid").format(price=C.fmt_money(profile.paid.price), term=profile.paid.term)
        how = phrase(bank["buy"], profile, "buy").format(path=profile.purchase_path.rstrip("。")) \
            if profile.purchase_path else ""
        lines.append("；".join(x for x in (fee, how) if x) + "。")
    # the summary quotes the group's own rules (the same phrasings its 群规 uses), first clause of each
    rules = clause_bank()["rules"]
    fill = {"topics": "、".join(profile.topics[:4]), "where": where, "links": "", "banned": ""}
    forbid = choose(rules["forbid"], profile, "forbid")
    picked = [choose(rules["speak"], profile, "speak")[0], *forbid[:3], *forbid[4:5]]  # topic, ads, abuse, flooding, special
    short = [re.split(r"[；;]", c.format(**fill))[0].rstrip("。，, ") for c in picked]
    if len(short) > 1 and (exception := selling_exception(profile, short=True)):
        short[1] += f"（{exception}）"
    marks = "①②③④⑤⑥"
    summary = phrase(bank["summary"], profile, "summary").format(where=where)
    lines.append(summary + "；".join(f"{marks[i]} {c}" for i, c in enumerate(short)) + "。"
                 + phrase(fitting(bank["summary_penalty"], profile) or bank["summary_penalty_alt"], profile, "summary_penalty"))
    rest = [e for e in events if e not in listed]
    if rest:
        lines.append(phrase(bank["more_events"] if listed else bank["events"], profile, "events"))
        lines += [f"· {e.when}：{e.title}" for e in rest]
    elif not events:
        lines.append(str(bank["no_events"][0]).format(where=where))
    closes = bank["close"].get(C.gtype(profile), bank["close"]["其他"])
    lines.append(phrase(closes, profile, "close").format(where=where))
    return Composed([{"title": f"{name} 群介绍", "text": "\n".join(lines)}], notes=refund_notes(profile))


INTRO = AgentSpec(
    target="intro",
    prompt="draft_intro",
    schema=TextDrafts,
    cards=("intro-welcome", "value-benefits", "threshold", "positioning"),
    query="群介绍 群公告 定位 利益点 入群条件 群规摘要 活动安排",
    offline=compose_intro,
)


# -- rules --------------------------------------------------------------------------------------
def choose(items: list[dict[str, Any]], profile: GroupProfile, slot: str, first_only: bool = False) -> list[str]:
    """One phrasing of every clause that applies (or of the first one, for alternatives). A phrasing
    that would suggest something the group bans is not used when the clause has others."""
    facts = group_facts(profile)
    out = []
    for i, item in enumerate(items):
        if applies(item.get("when"), facts):
            # a clause may have its own wording per group type (a buying group's ads are 微商, a
            # study group's are course promotions); otherwise the shared variants
            variants = (item.get("by_type") or {}).get(facts.type) or item["variants"]
            if not slot.startswith("forbid"):
                variants = [v for v in variants if not suggests_banned(v, facts)] or variants
            out.append(phrase(variants, profile, f"{slot}{i}"))
            if first_only:
                break
    return out


def section_heading(spec: dict[str, Any], profile: GroupProfile, book: RuleBook, slot: str) -> str:
    """A heading for a checked section: its frame from the clause bank, its words from the rule's own
    ``headings`` (rules.required_sections for that section, or the rule named by ``rule``), so the
    writer and the check agree."""
    if "rule" in spec:
        words = book.get(spec["rule"]).check.params["headings"]
    else:
        sections = {s["name"]: s for s in book.get("rules.required_sections").check.params["sections"]}
        words = sections[spec["section"]]["headings"]
    return phrase(spec["variants"], profile, slot).format(h=pick(words, profile, slot + "h"))


def member_banned(profile: GroupProfile) -> list[str]:
    """The profile's banned words that are rules for members. In a brand's or a seller's group the
    advertising-claim words (美白, 最强, 降三高…) constrain the brand's own copy: drafts avoid them,
    but members are not told not to talk about them."""
    if C.gtype(profile) not in ("品牌型", "消费型"):
        return list(profile.banned)
    claims = [fold(w) for w in clause_bank()["rules"]["ad_claim_words"]]
    return [w for w in profile.banned if not any(c in fold(w) or fold(w) in c for c in claims)]


def event_norms(profile: GroupProfile) -> list[str]:
    """The operator's own rules from event details ("必须戴头盔…", "不录屏、不截图外传"), quoted with the event."""
    words = clause_bank()["rules"]["norm_words"]
    out = []
    for e in profile.all_events():
        said = [s.rstrip("；;，,。 ") for s in split_sentences(e.details) if any(w in fold(s) for w in map(fold, words))]
        if said:
            out.append(f"{e.title}：" + "；".join(said) + "。")
    return out


def selling_exception(profile: GroupProfile, *, short: bool = False) -> str:
    """The members' selling day the no-ads rule must carve out ("例外：每周三的「摊主上新日」可以发自己的东西：
    每人最多发三张图…"), in the operator's own words; "" when members never sell here."""
    days = selling_days(profile)
    if not days:
        return ""
    spec = clause_bank()["rules"]["selling_day"]
    e = days[0]
    if short:
        return str(spec["short"]).format(when=e.cadence.label, title=e.title)
    rule = "；".join(for_members(x).rstrip("。") for x in split_sentences(e.details))
    return phrase(spec["exception"], profile, "selling").format(when=e.cadence.label, title=e.title,
                                                                 rule=f"：{rule}。" if rule else "。")


def compose_rules(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    name = profile.display_name()
    bank = clause_bank()["rules"]
    book = load_rules(ctx.get("knowledge_dir", KNOWLEDGE_DIR))
    heads = bank["headings"]
    h = {k: section_heading(v, profile, book, "h" + k) if isinstance(v, dict) else phrase(v, profile, "h" + k)
         for k, v in heads.items()}
    where = where_rules(profile)
    fill = {"topics": "、".join(profile.topics[:4]), "where": where, "card": card_format(profile),
            "domains": "、".join(profile.allowed_domains),
            "links": (phrase(bank["links_allowed"], profile, "links").format(domains="、".join(profile.allowed_domains))
                      if profile.allowed_domains else phrase(bank["links_none"], profile, "links")),
            "banned": phrase(bank["banned_line"], profile, "banned").format(items="、".join(member))
            if (member := member_banned(profile)) else ""}
    speak = [c.format(**fill) for c in choose(bank["speak"], profile, "speak")]
    forbid = [c.format(**fill) for c in choose(bank["forbid"], profile, "forbid")]
    if forbid and (exception := selling_exception(profile)):
        forbid[0] = forbid[0].rstrip("。") + "。" + exception  # the no-ads rule says when members may sell
    norms = event_norms(profile)
    penalty = [phrase(fitting(step, profile) or alt, profile, f"penalty{i}") for i, (step, alt) in enumerate(zip(bank["penalty"], bank["penalty_alt"], strict=True))]
    secret = next((item for item in bank["forbid"] if item.get("id") == "confidentiality"), None)
    facts = group_facts(profile)
    if secret and applies(secret.get("when"), facts) and applies(bank["penalty_secret_when"], facts):
        penalty.append(phrase(bank["penalty_secret"], profile, "penalty_secret"))
    lines = [f"【{name}｜群规】", h["intro"], h["entry"],
             f"{entry_conditions(profile)}。" + card_clause(profile, bank, fill["card"]),
             h["speak"], *[f"{i}. {s}" for i, s in enumerate(speak, 1)],
             h["forbid"], *[f"{i}. {s}" for i, s in enumerate(forbid, 1)]]
    if norms:
        lines += [h["events"], *[f"· {n}" for n in norms]]
    lines += [h["penalty"], *penalty, phrase(bank["fair"], profile, "fair"),
              h["reward"], choose(bank["reward"], profile, "reward", first_only=True)[0].format(**fill),
              phrase(bank["closing"], profile, "closing").format(**fill)]
    return Composed([{"title": f"{name} 群规", "text": "\n".join(lines)}], notes=refund_notes(profile))


def card_clause(profile: GroupProfile, bank: dict[str, Any], card: str) -> str:
    """The 群名片 sentence of the rules: the profile's format (unless its threshold already says it),
    else the generic one that asks for the member's usual name and names no fields."""
    none = "_none" if profile.lacks("card") else ""  # a LINE group has no 群名片: members say how to call them
    if not card:
        return phrase(bank[f"card{none}_generic"], profile, "card")
    return "" if card in profile.threshold else phrase(bank[f"card{none}"], profile, "card").format(card=card)


def fitting(variants: list[str], profile: GroupProfile) -> list[str]:
    """The phrasings this platform's groups can carry out (no 禁言 where a LINE or WhatsApp group
    cannot mute one member); empty when none can."""
    return [v for v in variants if profile.fits_platform(v)]



RULES = AgentSpec(
    target="rules",
    prompt="draft_rules",
    schema=TextDrafts,
    cards=("group-rules", "threshold", "moderation-offtopic"),
    query="群规 入群条件 发言规范 禁止行为 广告 人身攻击 刷屏 违规处理 禁言 移出 奖励",
    offline=compose_rules,
)


# -- welcome ------------------------------------------------------------------------------------
def self_intro(profile: GroupProfile) -> str:
    """What a new member is asked to say about themselves: the first set in the bank that fits."""
    facts = group_facts(profile)
    # a set whose verbs need a kind of topic word ("练{t}") is used only when the group has such a word
    item = next(i for i in clause_bank()["welcome"]["say"]
                if applies(i.get("when"), facts) and (not i.get("slot") or slot_topic(profile, i["slot"])))
    t = slot_topic(profile, item["slot"]) if item.get("slot") else lead_topic(profile)
    return phrase(item["variants"], profile, "say").format(t=t, brand=C.brand(profile) or "", **verb_fill(t))


def next_event(events: list[Event], today: dt.date | None, now: str = "") -> str:
    """The soonest of ``events`` from ``today`` with its date ("12月3日（周四）20:30 案例直播"); with
    ``now`` (HH:MM) an event earlier today is over and its next date counts. A date the event does not
    run on (before a course's start date, after its last week, a week the rotation skips) is no next time."""
    if not events:
        return ""
    if today is None:
        return f"{events[0].when} {events[0].title}"

    def still_ahead(d: dt.date, e: Event) -> bool:
        # a course that has not started yet, or a week the operator skips, is no date to point to
        return not (now and d == today and (e.time or "00:00") <= now) and not is_paused(e, d)

    dated = [(d, e) for e in events for d in [x for x in e.cadence.dates(today, 62) if still_ahead(x, e)][:1]]
    if not dated:  # nothing ahead in the next two months: point to nothing rather than to the past
        return ""
    on, ev = min(dated, key=lambda x: (x[0], x[1].time or ""))
    return f"{when_label(on, ev.time)}{' ' if ev.time else ''}{ev.title}"


_CLAUSE = re.compile(r"[，,；;。！!？?]")


def core_value(profile: GroupProfile) -> str:
    """What a member gets here, in the operator's own words: the clause of the positioning that names
    most of the group's topics (the first one on a tie), e.g. "帮在职备考的上班族每天坚持背单词、练阅读"."""
    clauses = [c.strip() for c in _CLAUSE.split(profile.positioning) if c.strip()] or [profile.positioning]
    topics = [fold(t) for t in profile.topics]
    return max(clauses, key=lambda c: sum(t in fold(c) for t in topics))


def _shorter_values(profile: GroupProfile, value: str) -> list[str]:
    """Shorter ways to say the core value, each a whole phrase: the operator's list at the end of it losing
    its last items ("…在校情况、作业安排和家校配合" → "…在校情况等"; a list inside the clause, "给街头、工地、
    城中村救下来的猫找家", is never cut), then the positioning's other clauses, shortest first."""
    out = []
    while "、" in value and len(tail := value.rsplit("、", 1)[1]) <= 10 and "的" not in tail:
        value = value.rsplit("、", 1)[0].removesuffix("等") + "等"
        out.append(value)
    # a clause that lists its matters after a colon ("…骑手互相照应：哪里好停车、…") is whole without the list
    head = re.split(r"[：:]", value, maxsplit=1)[0].strip()
    out += [head] if len(head) >= 6 and head != value else []
    others = [c.strip() for c in _CLAUSE.split(profile.positioning) if len(c.strip()) >= 6 and c.strip() != value]
    return out + sorted(others, key=len)


def _names_itself(name: str, value: str) -> bool:
    """The positioning sentence repeats four or more characters of the group's name in a row."""
    n = fold(name)
    return any(n[i:i + 4] in fold(value) for i in range(max(0, len(n) - 3)))


def compose_welcome(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    # Every variant says what members get here and, when the profile has one, the next activity (card
    # intro-welcome: 迎新 tells the core value and the coming activity), within the welcome.no_flooding
    # limit: a long welcome first loses the self-intro's prompt, then the family line.
    n = max(1, int(ctx.get("n", 2)))
    bank = {k: v for k, v in clause_bank()["welcome"].items() if k != "say"}
    today = dt.date.fromisoformat(str(ctx["today"])) if ctx.get("today") else None
    upcoming = upcoming_events(profile, today)
    # a newcomer is pointed to a gathering, not to the members' selling day (a swap day's 卖货)
    selling = {e.title for e in selling_days(profile)}
    events = ([e for e in upcoming if not e.cadence.routine and e.title not in selling]
              or [e for e in upcoming if e.title not in selling] or upcoming)
    fill = {"name": profile.display_name(), "card": card_format(profile), "say": self_intro(profile),
            "where": where_rules(profile), "who": C.address(profile), "昵称": "{昵称}",
            "next": next_event(events, today, str(ctx.get("now") or "")),
            "value": core_value(profile), "t": lead_topic(profile)}
    family = any(w in profile.audience for w in ("子女", "家属", "父母"))
    out = []
    # a value that already names the group (运营写的“XX书法二班的班级群”) is not led by the name again
    named = _names_itself(fill["name"], fill["value"])
    for i in range(n):
        part = {k: phrase([x for x in v if not (named and "{name}" in x)] or v if k == "value" else v, profile, f"w{k}{i}")
                for k, v in bank.items()}
        if profile.lacks("card"):  # no per-group nickname on this platform (LINE, WhatsApp)
            part["card"] = part["card_none"] if fill["card"] else part["card_none_generic"]
        elif not fill["card"]:
            part["card"] = part["card_generic"]
        if "{name}" in part["greet"] and "{name}" in part["value"]:  # "X欢迎你。X这里：…" says the name twice
            part["value"] = phrase([x for x in bank["value"] if "{name}" not in x], profile, f"wvalue{i}")
        nxt = part["next"] if fill["next"] else ""
        fam = part["family"] if family else ""
        versions = [greet + part["value"] + part["card"] + "，" + intro + part["rules"] + extra
                    for greet in (part["greet"], part["greet_short"])
                    for intro in (part["intro"], part["intro_short"]) for extra in (fam + nxt, nxt)]
        texts = [v.format(**fill) for v in versions]
        # still too long: the operator's list in the value loses its last items (…、作业安排等) — never cut
        # to its first item ("福鼎点头、磻溪一带做白茶的茶农…" is not "福鼎点头"), then the event is left out
        for value in _shorter_values(profile, fill["value"]):
            texts.append(versions[-1].format(**{**fill, "value": value}))
        # still too long: a lead-in without the group's name ("本群：…") before the event is left out
        bare = phrase([x for x in bank["value"] if "{name}" not in x], profile, f"wvalue{i}")
        tight = part["greet_short"] + bare + part["card"] + "，" + part["intro_short"] + part["rules"] + nxt
        texts += [tight.format(**{**fill, "value": value}) for value in [fill["value"], *_shorter_values(profile, fill["value"])]]
        texts.append((part["greet_short"] + part["value"] + part["card"] + "，" + part["intro_short"] + part["rules"]).format(**fill))
        out.append({"title": "", "text": next((t for t in texts if len(t) <= 118), texts[-1])})  # welcome.no_flooding
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


def _today(today: dt.date | None) -> dict[str, str]:
    """"today" for drafts: the date given, else Beijing's date and time now (events already over today
    are not pointed to)."""
    if today is not None:
        return {"today": today.isoformat()}
    now = beijing_now()
    return {"today": now.date().isoformat(), "now": now.strftime("%H:%M")}


def draft_intro(profile: GroupProfile, engine: Engine, *, today: dt.date | None = None) -> DraftResult:
    """The intro; one-off events before ``today`` (default: today in Beijing) are not listed."""
    return run_agent(INTRO, profile, engine, context=_today(today))


def draft_rules(profile: GroupProfile, engine: Engine) -> DraftResult:
    return run_agent(RULES, profile, engine)


def draft_welcome(profile: GroupProfile, engine: Engine, *, n: int = 2, today: dt.date | None = None) -> DraftResult:
    return run_agent(WELCOME, profile, engine, context={"n": n, **_today(today)})

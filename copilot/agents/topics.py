"""Topic calendar agent: the group's own events on their real dates, topics in the free slots.

Offline strategy (cards daily-topics, activity-resonance): every profile event (``events`` plus the
old ``schedule`` lines) is placed on each date its cadence gives in ``[start, start + days)``, with a
notice written for its kind (:mod:`copilot.agents.events`); facts the profile does not give go into
the entry's ``needs``. Free slots — the evening of a day without an evening event, and for groups
that do not meet in person also the morning — get a topic from ``resources/drafting/topics.yaml``:
the methodology's topic types in rotation, one sentence skeleton at most once per calendar, about
the group's own topics. A day never gets more than two touches unless its own events need more.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field

from copilot.agents import compose as C
from copilot.agents.base import AgentSpec, Composed, DraftResult, Passage, plain_words, run_agent
from copilot.agents.events import (
    compose_notice,
    course_week,
    expand,
    is_paused,
    off_dates,
    pick,
    post_time,
    wording_kind,
)
from copilot.agents.facts import (
    applies,
    audience_noun,
    group_facts,
    profile_context,
    takes_verb,
    topic_classes,
    topic_verb,
    verb_fill,
    word_kind,
    word_kind_table,
)
from copilot.cadence import beijing_now, clock_minutes, holiday_note, weekday_name
from copilot.knowledge.checks import audience_misfits, member_text, on_topic_words, profile_words, skeleton_clauses
from copilot.knowledge.rules import RuleBook, load_rules
from copilot.llm import Engine
from copilot.paths import KNOWLEDGE_DIR, load_resource
from copilot.profile import Event, GroupProfile
from copilot.textnorm import fold, has_word

_DISTINCT_RULE = "topics.distinct_skeletons"
_AUDIENCE_RULE = "topics.audience_fit"
TYPE_ORDER = ["求助", "投票", "观点", "案例", "清单", "晒图", "闲聊"]
FAMILY = {"知识型": "learn", "兴趣型": "hobby", "消费型": "buy", "品牌型": "brand", "其他": "care"}


class TopicItem(BaseModel):
    day: int = Field(ge=1, description="第几天，从 1 开始")
    date: str = Field("", description="日期 YYYY-MM-DD")
    weekday: str = Field("", description="周一…周日")
    time: str = Field(description="HH:MM")
    type: str = Field(description="群自己的活动写它的 kind；空档话题写 求助/观点/清单/投票/晒图/案例/闲聊")
    title: str
    opening: str = Field(min_length=8, description="直接发到群里的消息，不能有【】之类待填的占位")
    steps: list[str] = Field(default_factory=list, description="参与步骤，最多三步")
    why: str = Field("", description="为什么适合这个群（给运营看）")
    needs: list[str] = Field(default_factory=list, description="档案里没有、要运营补上的事实")
    event: str = Field("", description="对应的群档案活动名；空档话题留空")
    paused: bool = Field(False, description="档案写明这一次轮空（如“第四周停一次”）")


class TopicDrafts(BaseModel):
    drafts: list[TopicItem] = Field(min_length=1)


@lru_cache(maxsize=1)
def topic_bank() -> dict[str, Any]:
    return load_resource("drafting/topics.yaml")


def domains(profile: GroupProfile) -> list[dict[str, Any]]:
    """The topic domains (``domains`` in topics.yaml) whose cue words the group's topics or
    positioning use: a choir gets questions about singing, a guild about its game."""
    blob = " ".join([*profile.topics, profile.positioning])
    return [d for d in topic_bank().get("domains", {}).values() if any(has_word(blob, c) for c in d["cues"])
            and not any(has_word(blob, c) or fold(c) in fold(blob) for c in d.get("not_cues", []))]


def banned_clashes(profile: GroupProfile) -> list[str]:
    """Words no free-slot post may carry in this group (``banned_clash`` in topics.yaml): what its
    ``banned`` list rules out — a group banning 剧透 is not asked about 攻略 or who the 凶手 was."""
    banned = " ".join(profile.banned)
    return [fold(w) for x in topic_bank().get("banned_clash", []) if any(fold(c) in fold(banned) for c in x["cues"])
            for w in x["avoid"]]


def next_monday(today: dt.date | None = None) -> dt.date:
    today = today or beijing_now().date()
    return today + dt.timedelta(days=7 - today.weekday())


def occurrences(profile: GroupProfile, start: dt.date, days: int) -> list[tuple[dt.date, Event]]:
    """Every (date, event) of the profile's events in the window that a post is due for, in date order
    (a course outside its weeks gets one reminder, not one a week: :func:`off_dates`)."""
    out = []
    for e in profile.all_events():
        dates = e.cadence.dates(start, days)
        off = set(off_dates(e, dates))
        out += [(d, e) for d in dates if d not in off]
    return sorted(out, key=lambda x: (x[0], x[1].time or "99:99"))


def _slot_times(profile: GroupProfile) -> tuple[str, str]:
    """(day, evening) for free topics: the group's most used event times, else the first default in
    topics.yaml that fits the group (a game guild is not sent a 07:00 topic)."""
    facts = group_facts(profile)
    default = next(d for d in topic_bank()["default_times"] if applies(d.get("when"), facts))
    morning, evening = default["times"]
    times = [e.time for e in profile.all_events() if e.time]
    (m_lo, m_hi), (e_lo, e_hi) = topic_bank()["slot_windows"]["morning"], topic_bank()["slot_windows"]["evening"]
    # an event at 05:30 (a fishing trip) or 23:30 (a night session) is no time to post a topic
    mornings = Counter(t for t in times if m_lo <= t < m_hi)
    # a daytime group (seniors) keeps its afternoon slot: its own evening events are not copied
    evenings = Counter(t for t in times if e_lo <= t <= e_hi and not default.get("daytime"))
    if mornings:
        morning = mornings.most_common(1)[0][0]
    if evenings:
        evening = evenings.most_common(1)[0][0]
    return morning, evening


def _entry(day: int, on: dt.date, time: str, kind: str, title: str, opening: str, steps: list[str], why: str,
           needs: list[str], event: str = "") -> dict[str, Any]:
    return {"day": day, "date": on.isoformat(), "weekday": weekday_name(on.weekday()), "time": time, "type": kind,
            "title": title, "opening": opening, "steps": steps[:3], "why": why, "needs": needs, "event": event}


def untyped_words(profile: GroupProfile) -> list[str]:
    """The group's topic words of no kind the lexicon or the profile's own wording shows: no free
    question can take them (rule topics.days_filled names them when they leave the calendar empty)."""
    products, context = tuple(p.name for p in profile.products), profile_context(profile)
    return [t for t in profile.topics if t.strip() and word_kind(t, products, context) == "unknown"]


def poll_options(profile: GroupProfile) -> dict[str, list[str]]:
    """What a free-slot vote may offer, only from the profile (never invented perks): its products by
    name (``options: products``), or its topic words (``options: topics``) when at least two are of one
    kind (two fields, two activities — "A. 行山 B. 郊野公园" is no choice) and the group has a talk or
    a Q&A the vote chooses for (``topic_poll_kinds`` in topics.yaml)."""
    products = tuple(p.name for p in profile.products)
    kinds = {e.kind for e in profile.all_events()}
    by_kind: dict[str, list[str]] = {}
    for t in profile.topics:
        by_kind.setdefault(word_kind(t, products, profile_context(profile)), []).append(t)
    same = max((ws for k, ws in by_kind.items() if k in topic_bank()["topic_poll_word_kinds"]), key=len, default=[])
    topics = same[:3] if len(same) >= 2 and kinds & set(topic_bank()["topic_poll_kinds"]) else []
    return {"topics": topics, "products": [p.name for p in profile.products][:3]}


def _slots(sk: dict[str, Any]) -> list[str]:
    """The slots a skeleton takes (``slot`` is one name or a list); ``none``: it inserts no topic word."""
    slot = sk["slot"]
    return list(slot) if isinstance(slot, list) else [slot]


def _fits(sk: dict[str, Any], classes: set[str]) -> bool:
    return any(s in classes for s in _slots(sk))


class _FreeTopics:
    """Skeletons for the free slots of one calendar: types in rotation, each skeleton used once, each
    filled only with a topic word of the kind it declares (an activity, a product, gear…)."""

    def __init__(self, profile: GroupProfile, max_unanchored: int = 0, days: int = 7) -> None:
        b = topic_bank()
        # posts that name no topic, positioning or audience word (本周问题征集…): at most as many as
        # rule topics.on_topic leaves room for
        self.anchors = on_topic_words(profile)
        self.max_unanchored = max_unanchored
        self.unanchored = 0
        family = "learn" if profile.paid and C.gtype(profile) == "知识型" else FAMILY.get(C.gtype(profile), "care")
        if family in ("care", "learn", "hobby") and "seller" in C.audience_classes(profile):
            family = "trade"  # peers who sell (dealers, farmers, stallholders, a paid circle) talk trade, not 进群的初心
        if family == "learn" and "parent" in C.audience_classes(profile):
            family = "parents"  # the children learn; the members are their parents
        facts = group_facts(profile)
        products = tuple(p.name for p in profile.products)
        self.context = profile_context(profile)
        self.topics = [(t, self._classes(profile, t, products)) for t in profile.topics]
        # the group's words no skeleton can take (of no kind the lexicon or the profile's wording shows):
        # the calendar's notice names them, so a short calendar says why
        self.untyped = untyped_words(profile)
        self.topics = [(t, k) for t, k in self.topics if k]
        # questions that insert no topic word, written for who the members are (parents, volunteers, peers…)
        self.topics.append(("", {"none"}))
        # the group's business first (a clinic, a B&B, a bakery), then the domain of its topics
        own = [{**sk, "_domain": True} for cls in sorted(facts.business) for sk in b.get("businesses", {}).get(cls, [])]
        own += [{**sk, "_domain": True} for d in domains(profile) for sk in d["skeletons"]]
        self.options = poll_options(profile)
        self.aud = audience_noun(profile)
        self.polled: set[str] = set()
        no_advice = applies(b["no_advice_when"], facts)
        banned = fold(" ".join(profile.banned))
        no_photos = any(fold(w) in banned for w in b["photo_ban_words"])  # 禁发老人照片: no 晒图 slot
        pool = [sk for sk in own + list(b["families"][family]) + list(b["families"]["common"]) + list(b["open"])
                if applies(sk.get("when"), facts) and not (sk.get("not_brand") and C.brand(profile))
                and not (no_photos and sk["type"] == "晒图")
                and ("{brand}" not in sk["text"] + sk["title"] or C.brand(profile))
                and not (sk.get("advice") and no_advice)
                and len(self.options.get(sk.get("options", ""), ["", ""])) >= 2
                and any(_fits(sk, k) for _, k in self.topics)]
        self.by_type: dict[str, list[dict[str, Any]]] = {}
        for i, sk in enumerate(pool):
            # the group's own domain's skeletons first, then the group type's, each type in a per-group order
            # (questions with no topic word last: they fill what the group's own words cannot)
            order = (0 if sk.get("_domain") else 2 if _slots(sk) == ["none"] else 1, pick(list(range(97)), profile, f"sk{i}"))
            self.by_type.setdefault(sk["type"], []).append({**sk, "_order": order})
        for v in self.by_type.values():
            v.sort(key=lambda sk: sk["_order"])
        self.types = [t for t in TYPE_ORDER if t in self.by_type]
        self.profile = profile
        self.uses: Counter[str] = Counter()
        cap = topic_bank()["word_cap"]
        self.cap = max(int(cap["min"]), days // int(cap["per_days"]))
        self.turn = 0
        self.topic_turn = int(pick(list(range(len(self.topics) or 1)), profile, "topic0") or 0)
        self.exhausted = not self.types

    @staticmethod
    def _classes(profile: GroupProfile, word: str, products: tuple[str, ...]) -> set[str]:
        """The skeleton slots a topic word fills in this group: a service the group's business sells (日常保洁
        at a cleaning company) is the customers' service, not an activity they do; a duty (照护, 垃圾分类) is
        the members' own only where they are volunteers or workers — where a brand or an institution runs the
        group (a nursing home, an apartment block), the staff do it and members are not asked to share it out."""
        classes = topic_classes(word, products, profile_context(profile))
        if profile.locality and fold(word) in fold(profile.locality):  # the group's own place (小琉球 is no 球)
            classes = set(word_kind_table()["slots"].get("place", []))
        if "service" in C.business_classes(profile) and any(fold(word) in fold(p) for p in products):
            classes = {"service"}  # what customers say about a service they buy, not "在日常保洁上做对了"
        if C.brand(profile) and not C.audience_classes(profile) & {"volunteer", "worker"}:
            classes -= {"duty"}
        return classes

    def _topic(self, sk: dict[str, Any]) -> str | None:
        """The topic word for ``sk``: the least used of the words that fit it (a word at its cap is
        not used again — None when every fitting word is)."""
        if sk.get("main"):  # written for the group's first word of its kind: that word or none
            first = next((t for t, k in self.topics if _fits(sk, k)), None)
            if first and sk.get("spoken") and self._written(first):
                return None
            return first if first is not None and (not first or self.uses[first] < self.cap) else None
        fits = [t for t, k in self.topics if _fits(sk, k) and (not t or self.uses[t] < self.cap)
                and not (sk.get("eaten") and topic_verb(t, "吃") == "喝")  # 奶茶 is drunk, not chewed
                and not (sk.get("spoken") and self._written(t))]  # 托福写作 has no 卡壳 when speaking
        if not fits:
            return None
        self.topic_turn += 1
        least = min(self.uses[t] for t in fits)
        fits = [t for t in fits if self.uses[t] == least]
        return fits[self.topic_turn % len(fits)]

    @staticmethod
    def _written(topic: str) -> bool:
        return any(w in topic for w in topic_bank()["written_words"])

    def use(self, topic: str) -> None:
        self.uses[topic] += bool(topic)

    def next(self, on: dt.date) -> tuple[str, dict[str, Any], str] | None:
        for _ in range(len(self.types)):
            kind = self.types[self.turn % len(self.types)]
            self.turn += 1
            for sk in [sk for sk in self.by_type[kind] if "days" not in sk or on.weekday() in sk["days"]]:
                self.by_type[kind].remove(sk)
                topic = self._topic(sk)
                if topic is not None:
                    return kind, sk, topic
        self.exhausted = not any(self.by_type.values())
        return None


class _SkeletonGuard:
    """The template clauses the calendar's free topics already use, as ``topics.distinct_skeletons``
    masks them: a topic that would repeat one is not emitted (the calendar must pass its own check)."""

    def __init__(self, profile: GroupProfile, book: RuleBook) -> None:
        self.words = profile_words(profile)
        self.min_chars = int(book.get(_DISTINCT_RULE).check.params.get("min_chars", 6))
        self.seen: dict[str, str] = {}
        # rule topics.audience_fit: a post spoken to people the members are not is not emitted either
        self.marks = book.get(_AUDIENCE_RULE).check.params.get("marks", [])
        self.audience = C.audience_classes(profile)
        self.profile = profile
        self.avoid = banned_clashes(profile)

    def take(self, title: str, opening: str) -> bool:
        if audience_misfits(f"{title}\n{opening}", self.marks, self.audience, self.profile):
            return False
        if any(w in fold(f"{title}\n{opening}") for w in self.avoid):
            return False  # a post that runs into what the group bans (攻略 where 剧透 is banned)
        clauses = [c for c, _ in skeleton_clauses(opening, self.words, self.min_chars)]
        if any(self.seen.get(c, title) != title for c in clauses):
            return False
        for c in clauses:
            self.seen.setdefault(c, title)
        return True


def _draw(free: _FreeTopics, on: dt.date, who: str, guard: _SkeletonGuard) -> tuple[str, dict[str, Any], str, str] | None:
    """The next free topic for ``on`` whose opening repeats no template clause of an earlier one; a
    clashing skeleton is skipped and the next one tried."""
    while (got := free.next(on)) is not None:
        kind, sk, topic = got
        if sk.get("options") in free.polled:
            continue  # one vote over the same options (the products, the topics) per calendar
        opts = free.options.get(sk.get("options", ""), [])
        if "{aud}" in sk["text"] and not free.aud:
            continue  # "各位{aud}" only where the audience names who the members are
        fill = {"t": topic, "who": who, "aud": free.aud, "brand": C.brand(free.profile) or "", **verb_fill(topic, free.context),
                "opts": " ".join(f"{letter}. {o}" for letter, o in zip("ABC", opts, strict=False))}
        slot = f"free{sk['type']}{sk['title']}"
        # a verb before the topic ("{v_玩}{t}") only for a topic one does; a skeleton that needs one is skipped
        avoid = "" if takes_verb(topic, free.context) else "{v_"
        title_raw, text_raw = expand(sk["title"], free.profile, slot, avoid), expand(sk["text"], free.profile, slot, avoid)
        if avoid and avoid in title_raw + text_raw:
            continue
        title, text = title_raw.format(**fill), text_raw.format(**fill)
        anchored = any(w in fold(title + text) for w in free.anchors)
        if not anchored and free.unanchored >= free.max_unanchored:
            continue  # a question naming neither the group's topics nor its members: only a few per calendar
        # the guard sees what members will read (a seniors' group's deadlines are reworded: two votes
        # whose plain wording meets would repeat a clause)
        seen = plain_words(text, free.profile) if "senior" in C.audience_classes(free.profile) else text
        if guard.take(title, seen):
            free.unanchored += not anchored
            free.use(topic)
            if sk.get("options"):
                free.polled.add(sk["options"])
            return kind, sk, title, text
    return None


class _Anchored:
    """Free-slot posts built from the group's own events and the calendar's season, drawn before the
    generic skeletons: the evening before an event (a last check, questions collected), the day after
    (a look back), and what this kind of group talks about in these months (``event_links`` and
    ``seasons`` in topics.yaml). Nothing the profile does not give is filled in."""

    def __init__(self, profile: GroupProfile, occ: list[tuple[dt.date, Event]], facts: Any) -> None:
        b = topic_bank()
        self.profile = profile
        banned = fold(" ".join(profile.banned))
        self.no_photos = any(fold(w) in banned for w in b["photo_ban_words"])
        self.facts = facts
        self.links: dict[dt.date, list[tuple[Event, dict[str, Any]]]] = {}
        for on, ev in occ:
            if ev.cadence.routine or is_paused(ev, on):
                continue  # a daily routine gets no eve and no look back; nor a date the event is not held (结课后)
            spec = b.get("event_links", {}).get(wording_kind(ev), {})  # a 班会 filed as 分享 gets no "听了的"
            for rel, shift in (("before", -1), ("after", 1)):
                # each group its own order of the wordings, so two groups of one kind do not read alike
                ranked = sorted(enumerate(spec.get(rel, [])), key=lambda x: pick(list(range(97)), profile, f"link{ev.kind}{rel}{x[0]}"))
                for _, sk in ranked:
                    if self._usable(sk, ev, on):
                        self.links.setdefault(on + dt.timedelta(days=shift), []).append((ev, sk))
        blob = " ".join([profile.name, profile.positioning, profile.audience, *profile.topics, *(p.name for p in profile.products)])
        self.seasons = [(set(x["months"]), sk) for x in b.get("seasons", []) if any(has_word(blob, c) or fold(c) in fold(blob) for c in x["cues"])
                        for sk in x["posts"] if applies(sk.get("when"), facts)]
        self.used: set[str] = set()
        self.last_link: dict[str, dt.date] = {}
        self.last_season: dt.date | None = None

    def _usable(self, sk: dict[str, Any], ev: Event, on: dt.date) -> bool:
        return (applies(sk.get("when"), self.facts) and not (sk.get("photos") and self.no_photos)
                and not (sk.get("signup") and not ev.signup) and not (sk.get("host") and not ev.host)
                and not sk.get("repeat" if self._for_newcomers(ev, on) else "newcomer")
                and all(getattr(ev, f) for f in ("time", "place") if "{" + f + "}" in sk["text"]))

    @staticmethod
    def _for_newcomers(ev: Event, on: dt.date) -> bool:
        """An event held for newcomers (新手局, 新同学入门课): it has no "上次" to ask about — except a course
        with dated weeks after its first week, whose members have been to class (新手和弦课 in week 4)."""
        week = course_week(ev, on)
        return any(w in ev.title for w in topic_bank()["newcomer_words"]) and (week is None or week <= 1)

    def draw(self, on: dt.date, taken: list[dict[str, Any]], who: str, guard: _SkeletonGuard) -> tuple[str, dict[str, Any], str, str] | None:
        own = {e["event"] for e in taken}
        # only a wording not yet used for this event: a weekly event's eve does not read the same twice
        for ev, sk in [x for x in self.links.get(on, []) if f"{x[0].title}{x[1]['title']}" not in self.used]:
            last = self.last_link.get(ev.title)
            if ev.title in own or (last and (on - last).days < 7):
                continue  # not on the event's own day; a weekly event gets one eve or look back a week
            fill = {"title": ev.title, "time": ev.time or "", "place": ev.place, "host": ev.host, "signup": ev.signup.rstrip("。"), "who": who}
            slot = f"link{ev.title}{sk['title']}{on.isoformat()}"
            title, text = (expand(sk[k], self.profile, slot).format(**fill) for k in ("title", "text"))
            if guard.take(title, text):
                self.last_link[ev.title] = on
                self.used.add(f"{ev.title}{sk['title']}")
                return sk["type"], sk, title, text
        # a season's post at most every third day, so the calendar does not turn into a weather report
        if self.last_season and (on - self.last_season).days < 3:
            return None
        for months, sk in self.seasons:
            if on.month not in months or sk["title"] in self.used:
                continue
            title = expand(sk["title"], self.profile, "season" + sk["title"])
            text = expand(sk["text"], self.profile, "season" + sk["title"]).format(who=who)
            if guard.take(title, text):
                self.used.add(sk["title"])
                self.last_season = on
                return sk["type"], sk, title, text
        return None


def _free_slots(entries: list[dict[str, Any]], routine: set[str], day: str, evening: str, twice: bool) -> list[str]:
    """Times for free topics on one day: the evening when it is free, and the day slot too for groups
    that talk twice a day (online groups: the 共振 of the methodology); a group that meets in person
    gets one, in the day slot when its evening only holds a daily routine."""
    slots = []

    def clear(slot: str) -> bool:
        # not while the group is at its own event (a 15:00 visit is no time for a 15:30 topic)
        return not any(abs(clock_minutes(e["time"]) - clock_minutes(slot)) < 120 for e in entries)

    day_free = clear(day)
    if not any(e["time"] >= "17:00" for e in entries) and clear(evening):
        slots.append(evening)
    elif not twice and day_free and all(e["event"] in routine for e in entries):
        slots.append(day)
    if twice and day_free:
        slots.append(day)
    return slots[: max(0, 2 - len(entries))]


def _event_days(profile: GroupProfile, start: dt.date, days: int, book: RuleBook, morning: str, evening: str) -> dict[dt.date, list[dict[str, Any]]]:
    """The calendar's days with the group's own events on them, each with its notice."""
    by_day: dict[dt.date, list[dict[str, Any]]] = {start + dt.timedelta(days=i): [] for i in range(days)}
    seen: set[str] = set()
    for on, ev in occurrences(profile, start, days):
        # each date gets its own wording: a daily routine does not read the same fourteen times, and
        # its closing line ("看完回个1") is said on its first day and on Mondays, not every morning
        routine_day = ev.cadence.routine and ev.title in seen and on.weekday() != 0
        seen.add(ev.title)
        n = compose_notice(profile, ev, on, book, slot=on.isoformat(), closing=not routine_day)
        needs = list(n.needs)
        time = ev.time
        if ev.all_day:  # a whole-day event is announced in the morning slot; it has no start time
            time = morning
        elif not time:  # events with no time take whichever of the day's two slots is still free
            taken = {e["time"] for e in by_day[on]}
            time = evening if not any(t >= "12:00" for t in taken) else morning
            needs = [x if x != "开始时间" else f"开始时间（暂按 {time} 排）" for x in needs]
        if ev.cadence.kind != "workdays" and (holiday := holiday_note(on)):
            needs.append(holiday)  # a 工作日 event already skips holidays; any other lands on them as written
        why = n.why + (f"；{note}" if (note := ev.cadence.shifted_note(on)) else "")
        entry = _entry((on - start).days + 1, on, time, ev.kind, ev.title, n.text, n.steps, why, needs, ev.title)
        if n.paused:
            entry["paused"] = True
        if ev.time and not ev.all_day and (post := post_time(ev.kind, ev.time)):  # a reminder ahead of the start
            entry["post_at"] = post
        by_day[on].append(entry)
    return by_day


def _fill_free(profile: GroupProfile, by_day: dict[dt.date, list[dict[str, Any]]], book: RuleBook,
               slots: tuple[str, str], twice: bool) -> tuple[_FreeTopics, list[dt.date]]:
    """Free topics into the calendar's free slots (in place); the free-topic source and the days left empty."""
    start, days = min(by_day), len(by_day)
    ratio = float(book.get("topics.on_topic").check.params.get("min_ratio", 1.0))
    free = _FreeTopics(profile, max_unanchored=int((1 - ratio) * days), days=days)
    guard = _SkeletonGuard(profile, book)
    anchored = _Anchored(profile, occurrences(profile, start, days), group_facts(profile))
    who = C.address(profile)
    routine = {e.title for e in profile.all_events() if e.cadence.routine}
    types = topic_bank()["types"]
    weekdays_only = bool(C.audience_classes(profile) & set(topic_bank()["weekdays_only_audiences"]))
    # a group that talks twice a day gets its first post every day before any day gets its second: when
    # good questions run short, the calendar thins out evenly instead of going silent after a few days
    for second in ((False, True) if twice else (False,)):
        for on, entries in by_day.items():
            if weekdays_only and on.weekday() >= 5:
                continue  # colleagues are not sent topics at the weekend
            for time in _free_slots(entries, routine, slots[0], slots[1], second):
                got = anchored.draw(on, entries, who, guard) or _draw(free, on, who, guard)
                if got is None:
                    break
                kind, sk, title, text = got
                entries.append(_entry((on - start).days + 1, on, time, kind, title, text,
                                      list(sk.get("steps") or types[kind]["steps"]), types[kind]["why"],
                                      list(types[kind].get("needs", []))))
    empty = [on for on, entries in by_day.items() if not entries]
    return free, empty


def compose_topics(profile: GroupProfile, passages: list[Passage], ctx: dict[str, Any]) -> Composed:
    days = int(ctx.get("days", 7))
    start = dt.date.fromisoformat(str(ctx["start"]))
    book: RuleBook = load_rules(ctx.get("knowledge_dir", KNOWLEDGE_DIR))
    slots = _slot_times(profile)
    # an online learning or hobby group talks twice a day (共振); a shop's or a clinic's customers, a
    # volunteer or workplace group are not sent two topics a day — once a day is plenty
    facts = group_facts(profile)
    twice = (not facts.in_person and not facts.business and facts.type in topic_bank()["twice_daily_types"]
             and not facts.audience & set(topic_bank()["once_daily_audiences"]))
    by_day = _event_days(profile, start, days, book, *slots)
    free, empty = _fill_free(profile, by_day, book, slots, twice)
    out = [e for on in sorted(by_day) for e in sorted(by_day[on], key=lambda e: e["time"])]
    # a calendar with fewer posts than days (weekends off, a bank run dry) leaves less room for posts
    # naming neither the group's topics nor its members: the last of them go until topics.on_topic holds
    ratio = float(book.get("topics.on_topic").check.params.get("min_ratio", 1.0))
    loose = [e for e in out if not e["event"] and not any(w in fold(member_text(e, "topics")) for w in free.anchors)]
    while loose and (len(out) - len(loose)) / len(out) < ratio:
        out.remove(loose.pop())
    notes = [f"{ev.title}：{n}" for ev in profile.all_events() for n in ev.cadence.holiday_notes(start, days)]
    said = fold(" ".join(member_text(e, "topics") for e in out))
    untyped = [w for w in free.untyped if fold(w) not in said]
    # named when they cost the calendar something: days left empty, or most of the group's words unused
    if untyped and (empty or 2 * len(untyped) >= len([t for t in profile.topics if t.strip()])):
        notes.append(f"这些主题词认不出是哪一类（自己做的事、学问、商品、地方……），没有拿来写话题：{'、'.join(untyped)}；"
                     "可以在定位里写一句成员拿它做什么（如“X玩家”“X作品”“买X”），或换成更具体的说法")
    if free.exhausted or empty:
        usable = "、".join(t for t, _ in free.topics if t) or "（没有能当话题的词）"
        notes.append(f"话题库里适合这个群的句式已经用完（能用的主题词：{usable}），"
                     + (f"{'、'.join(f'{d.month}月{d.day}日' for d in empty)}没有排内容；" if empty else "后面的空档没有再排话题；")
                     + "可以在 topics 里补几个具体的主题词、自己补话题，或缩短 --days")
    return Composed(out, notes=notes)


def calendar_problems(drafts: list[dict[str, Any]], ctx: dict[str, Any]) -> list[str]:
    """Every day of the requested calendar must have at least one entry."""
    days = int(ctx.get("days", 7))
    covered = {int(d.get("day", 0)) for d in drafts}
    missing = [d for d in range(1, days + 1) if d not in covered]
    if missing:
        return [f"日历需要覆盖第 1 到第 {days} 天，缺少第 {'、'.join(map(str, missing))} 天"]
    return []


def calendar_context(profile: GroupProfile, start: dt.date, days: int) -> list[dict[str, Any]]:
    """The events the calendar must carry, for the prompt: one line per date."""
    return [{"date": on.isoformat(), "weekday": weekday_name(on.weekday()), "time": ev.time or "", "kind": ev.kind,
             "title": ev.title, "place": ev.place, "host": ev.host, "signup": ev.signup, "details": ev.details}
            for on, ev in occurrences(profile, start, days)]


def calendar_off_dates(profile: GroupProfile, start: dt.date, days: int) -> dict[str, list[str]]:
    """Per event title, the cadence dates the profile's own details rule out (``topics.events_placed``
    does not ask for them and flags a post on them)."""
    out = {e.title: [d.isoformat() for d in off_dates(e, e.cadence.dates(start, days))] for e in profile.all_events()}
    return {t: ds for t, ds in out.items() if ds}


SPEC = AgentSpec(
    target="topics",
    prompt="draft_topics",
    schema=TopicDrafts,
    cards=("daily-topics", "activity-resonance", "share-sessions"),
    query="每日话题 话题日历 晨报 共振 打卡 接龙 投票 活动 简单明确 收益大于难度",
    offline=compose_topics,
    min_drafts=lambda ctx: int(ctx.get("days", 7)),
    structure=calendar_problems,
)


def draft_topics(profile: GroupProfile, engine: Engine, *, days: int = 7, start: dt.date | str | None = None) -> DraftResult:
    """A calendar of ``days`` days from ``start`` (default: next Monday)."""
    first = dt.date.fromisoformat(start) if isinstance(start, str) else (start or next_monday())
    # days the calendar leaves empty on purpose (colleagues get no topics at the weekend): rule
    # topics.days_filled does not count them
    rest = [(first + dt.timedelta(days=i)).isoformat() for i in range(days)
            if (first + dt.timedelta(days=i)).weekday() >= 5 and C.audience_classes(profile) & set(topic_bank()["weekdays_only_audiences"])]
    ctx = {"days": days, "start": first.isoformat(), "knowledge_dir": engine.settings.knowledge_dir, "rest_days": rest,
           "audience": sorted(C.audience_classes(profile)), "untyped": untyped_words(profile),
           "occurrences": calendar_context(profile, first, days), "off_dates": calendar_off_dates(profile, first, days)}
    return run_agent(SPEC, profile, engine, context=ctx)

"""Notices for a group's own events, written for the members who read them.

A notice is composed from the event's own facts (title, date and time, place, host, signup, the
operator's details) with wording for its kind from ``resources/drafting/events.yaml``: a vote lists
its options and deadline, a ride its meeting point, gear and weather rule, a flash sale its items,
prices and limits. What a kind must state is the rule ``topics.event_facts`` in
``knowledge/rules.yaml`` — the same definition the checker uses; a fact the profile does not give
goes into ``needs`` (for the operator) and never into the text as a placeholder.

Wording is chosen per group with :func:`pick`: deterministic (the same group gets the same draft),
but different groups get different phrasings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from copilot.cadence import clock_minutes, weekday_name
from copilot.knowledge.checks import outdoor_event, requirement_applies, requirement_met
from copilot.knowledge.rules import RuleBook
from copilot.paths import load_resource
from copilot.profile import Event, GroupProfile
from copilot.textnorm import fold, split_sentences

_OPTION = re.compile(r"(?:(?<=^)|(?<=[\s：:；;，,(（]))([A-DＡ-Ｄ])[\s.、．:：]+")


def _patterns() -> dict[str, Any]:
    return load_resource("drafting/patterns.yaml")


@lru_cache(maxsize=1)
def _rotation() -> re.Pattern[str]:
    """"第1周" / "第三周": a week of an operator's rotation (words from patterns.yaml)."""
    before, after = (re.escape(w) for w in _patterns()["rotation_week"])
    return re.compile(before + r"\s*(\d{1,2}|[" + _patterns()["week_numerals"] + r"]{1,3})\s*" + after)


@lru_cache(maxsize=1)
def _course_start() -> re.Pattern[str]:
    """"2026-12-05开课" / "2026年12月5日起": the date a course starts."""
    p = _patterns()
    marks = p["date_marks"]
    day = "".join(marks["day"])
    starts = "|".join(map(re.escape, p["course_start_words"]))
    return re.compile(rf"(\d{{4}})[-/.{marks['year']}](\d{{1,2}})[-/.{marks['month']}](\d{{1,2}})[{day}]?\s*(?:{starts})")
_VOTE_OPTION = re.compile(r"^[A-D]\. ")


@lru_cache(maxsize=1)
def bank() -> dict[str, Any]:
    return load_resource("drafting/events.yaml")


def happens_apart(kind: str) -> bool:
    """Whether an event of ``kind`` happens apart from its post (an outing, a class, a live talk: it is
    announced, then held) — ``post_lead`` in events.yaml — rather than being the post itself (a vote,
    a check-in, a photo day)."""
    return kind in bank()["post_lead"]["kinds"]


def post_time(kind: str, start: str) -> str | None:
    """When the day's reminder of an event starting at ``start`` (HH:MM) goes out: ``post_lead`` in
    events.yaml before it ("08:30" outdoors → "06:30" is too early → "前一天 20:00"; an online talk at
    20:00 → "19:00"); None for a kind whose post is the event itself (a vote, a check-in)."""
    lead = bank()["post_lead"]
    if not happens_apart(kind):
        return None
    at = clock_minutes(start) - int(lead["kinds"][kind])
    if at < clock_minutes(str(lead["earliest"])):
        return f"前一天 {lead['evening']}"
    return f"{at // 60:02d}:{at % 60:02d}"


def group_key(profile: GroupProfile) -> str:
    """What makes one group's choices differ from another's."""
    return f"{profile.name}|{profile.positioning}|{'、'.join(profile.topics)}"


def pick(options: list[Any], profile: GroupProfile, slot: str) -> Any:
    """One of ``options``, chosen deterministically for this group and this slot."""
    if not options:
        return ""
    digest = hashlib.sha1(f"{group_key(profile)}#{slot}".encode()).hexdigest()
    return options[int(digest[:8], 16) % len(options)]


_ALTERNATION = re.compile(r"\[([^\[\]|]*(?:\|[^\[\]|]*)+)\]")


def expand(text: str, profile: GroupProfile, slot: str, avoid: str = "") -> str:
    """A phrasing with its interchangeable phrases (``[甲|乙]``) resolved, one per group and slot;
    alternatives containing ``avoid`` are left out while another one is there."""
    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        options = m.group(1).split("|")
        return str(pick([o for o in options if not avoid or avoid not in o] or options, profile, f"{slot}~{count}"))

    return _ALTERNATION.sub(one, text)


_ECHO = re.compile(r"([\u4e00-\u9fff]{2,4})\1")


def fitting(options: list[Any], fill: dict[str, str]) -> list[Any]:
    """The options that, filled, do not say a word twice in a row ("新品直播" + "{title}直播" →
    "新品直播直播"); all of them when every one would."""
    def echoes(option: Any) -> bool:
        text = str(option).format(**fill)
        return any(m.group(0) not in "".join(fill.values()) for m in _ECHO.finditer(text))

    return [o for o in options if not echoes(o)] or options


def phrase(options: list[Any], profile: GroupProfile, slot: str) -> str:
    """One of ``options`` for this group and slot, its interchangeable phrases resolved."""
    return expand(str(pick(options, profile, slot)), profile, slot)


def when_label(on: dt.date | None, time: str | None, event: Event | None = None) -> str:
    """12月5日（周六）07:30; the cadence wording when there is no date."""
    if on is None:
        return event.when if event else (time or "")
    day = f"{on.month}月{on.day}日（{weekday_name(on.weekday())}）"
    return f"{day}{time}" if time else day


@dataclass
class Notice:
    """A member-facing notice and what the operator still has to fill in."""

    text: str
    needs: list[str] = field(default_factory=list)
    paused: bool = False  # the operator's rotation skips this week ("第四周停一次")
    steps: list[str] = field(default_factory=list)
    why: str = ""


def physical_place(event: Event) -> bool:
    """The event has a place members go to (not a link, a live room or the group itself)."""
    if not event.place:
        return False
    place = fold(event.place)
    b = bank()
    if place in {fold(t) for t in b["trivial_places"]}:
        return False
    return not any(fold(w) in place for w in b["online_place_words"])


def _requirements(book: RuleBook) -> dict[str, Any]:
    return dict(book.get("topics.event_facts").check.params)


def missing_facts(event: Event, book: RuleBook) -> list[str]:
    """What a notice of this kind must state but the profile does not give (rule topics.event_facts)."""
    params = _requirements(book)
    spec = (params.get("requires") or {}).get(event.kind, {})
    blob = fold(" ".join([event.title, event.place, event.signup, event.details]))
    # the place says where, not what to bring or what happens in rain ("武康路一带" carries no 带)
    said = fold(" ".join([event.title, event.signup, event.details]))
    reqs = list(spec.get("requires", []))
    if outdoor_event(event, params):
        reqs += spec.get("outdoor_requires", [])
    return [r["need"] for r in reqs if requirement_applies(r, event)
            and not requirement_met(r, event, blob if "field" in r else said)]


def _place_required(event: Event, book: RuleBook) -> bool:
    """Whether a notice of this kind must say where it happens (a ``field: place`` requirement)."""
    spec = (_requirements(book).get("requires") or {}).get(event.kind, {})
    return any(r.get("field") == "place" for r in spec.get("requires", []))


@dataclass(frozen=True)
class Rotation:
    """What a rotation in an event's details ("第1周…第2周…") says about one date.

    ``state``: "" (``text`` is this week's part), "paused" (the operator skips this week), "before" /
    "after" (outside a course's weeks), "unanchored" (course weeks without a start date: the whole
    rotation is kept and the operator is asked for the start)."""

    text: str
    state: str = ""
    need: str = ""


def _week_number(word: str) -> int:
    digits = _patterns()["week_numerals"]
    return int(word) if word.isdigit() else digits.index(word) + 1 if len(word) == 1 else 10 + (
        digits.index(word[-1]) + 1 if len(word) > 1 and word[-1] != digits[-1] else 0)


def rotation(event: Event, on: dt.date | None) -> Rotation:
    """The part of a rotation in ``event.details`` that belongs to the date ``on``.

    A course's weeks ("第1周…第8周", a 课程 event, or words of a course in the details) are counted from
    the start date written in the details ("2026-12-05开课"); without it they cannot be placed and
    nothing is guessed. Other rotations of at most five weeks are weeks of the month ("本月顺序：第一周…")."""
    details = event.details
    marks = list(_rotation().finditer(details))
    if on is None or len(marks) < 2:
        return Rotation(details)
    segments = [details[m.end():(marks[i + 1].start() if i + 1 < len(marks) else len(details))]
                for i, m in enumerate(marks)]
    last = segments[-1]
    stop = re.search(r"[。；;]", last)
    tail = last[stop.end():].strip() if stop else ""
    segments[-1] = last[: stop.start()] if stop else last
    numbers = [_week_number(m.group(1)) for m in marks]
    lead = details[: marks[0].start()]
    anchor = _course_start().search(details)
    if anchor:
        first = _start_date(anchor)
        week = (on - (first - dt.timedelta(days=first.weekday()))).days // 7 + 1
        if on < first:
            return Rotation("", "before", f"{first.month}月{first.day}日开课")
        if week > max(numbers):
            return Rotation("", "after", f"共{max(numbers)}周")
    elif max(numbers) > 5 or event.kind == "课程" or ("月" not in lead and any(w in details for w in bank()["course_words"])):
        return Rotation(details, "unanchored", str(bank()["rotation_need"]))
    else:
        week = (on.day - 1) // 7 + 1
    this = next((seg for n, seg in zip(numbers, segments) if n == week), "").strip(" →-—、，,；;。")
    if not this or "停" in this:
        return Rotation("", "paused")
    label = f"本周（第{week}周）" if anchor else "本周"
    if anchor:  # the course has started: its start date is past news for members in week N
        tail = re.sub(re.escape(anchor.group(0)) + r"[。；;，,]?", "", tail).strip()
    return Rotation(f"{label}：{this}。{tail}")


def _start_date(anchor: re.Match[str]) -> dt.date:
    return dt.date(int(anchor.group(1)), int(anchor.group(2)), int(anchor.group(3)))


def course_week(event: Event, on: dt.date) -> int | None:
    """Which week of the course ``on`` falls in, counted from the start date in the details ("2026-12-01开课":
    that date's week is week 1, earlier dates 0 or less); None when the details give no start date."""
    anchor = _course_start().search(event.details)
    if not anchor:
        return None
    first = _start_date(anchor)
    return (on - (first - dt.timedelta(days=first.weekday()))).days // 7 + 1


def ban_reminders(profile: GroupProfile, event: Event) -> list[str]:
    """Lines reminding members of what the group bans where this event comes near it (``ban_reminders`` in
    events.yaml: a group that bans 酒驾 holding a tasting says not to drive after drinking)."""
    banned = fold(" ".join(profile.banned))
    said = fold(" ".join([event.title, event.details, event.place]))
    return [str(r["line"]) for r in bank().get("ban_reminders", [])
            if any(fold(b) in banned for b in r["bans"]) and any(fold(c) in said for c in r["cues"])]


def is_finished(event: Event, on: dt.date) -> bool:
    """The course's weeks written in ``event.details`` are over by ``on`` (no longer a current activity)."""
    return rotation(event, on).state == "after"


def off_dates(event: Event, dates: list[dt.date]) -> list[dt.date]:
    """The dates of ``dates`` on which the event's own details say it does not run and no post is due:
    outside a course's weeks only one reminder is sent (the last date before it starts, the first one
    after it ended) — a finished course is not announced again every week."""
    states = [(on, rotation(event, on).state) for on in dates]
    before = [on for on, st in states if st == "before"]
    after = [on for on, st in states if st == "after"]
    return sorted(before[:-1] + after[1:])


def is_paused(event: Event, on: dt.date) -> bool:
    """The operator's rotation skips ``event`` on ``on`` ("第四周停一次", or outside a course's weeks)."""
    return rotation(event, on).state in ("paused", "before", "after")


def _vote_lines(sentence: str) -> list[str]:
    """"选项：A 锦城绿道 B 龙泉山；" → ["选项：", "A. 锦城绿道", "B. 龙泉山"] (one option a line)."""
    parts = _OPTION.split(sentence)
    if len(parts) < 5:  # lead + at least two (letter, text) pairs
        return [sentence]
    lines = [parts[0].strip()] if parts[0].strip() else []
    for letter, text in zip(parts[1::2], parts[2::2]):
        lines.append(f"{fold(letter).upper()}. {text.strip().rstrip('；;。，, ')}")
    return lines


def _detail_lines(event: Event, on: dt.date | None, participation_only: bool) -> tuple[list[str], str]:
    """The operator's details as member-facing lines; for a 晨报 only the sentences that tell members
    what to do (the rest describes the content the operator will post and goes into needs)."""
    details = rotation(event, on).text
    # "每月8号 会员日：会员价再打9折" — the notice already says when and what; keep what follows
    details = re.sub(r"^\s*(?:" + re.escape(event.cadence.label) + r")?\s*(?:" + re.escape(event.title) + r")?\s*[：:]\s*",
                     "", details) if details.startswith((event.cadence.label, event.title)) else details
    sentences = split_sentences(details)
    if participation_only:
        words = bank()["participation_words"]
        # what the host is told to post ("说一下今天的饮食…") is the report's content, not a line for members
        keep = [s for s in sentences if any(w in fold(s) for w in words) and not _host_content(s)]
        rest = [s for s in sentences if s not in keep]
        return [for_members(s, event.kind) for s in keep], "".join(rest)
    lines: list[str] = []
    for s in sentences:
        lines += _vote_lines(s) if event.kind == "投票" else [for_members(s, event.kind)]
    return lines, ""


def _host_content(clause: str, operator_post: bool = False) -> str | None:
    """What follows a directive to the host at the start of ``clause`` ("说一下本周的作业" → "本周的作业");
    in a post the operator sends themselves (``operator_post``), a bare 发 too ("发本周末还剩哪些房型")."""
    c = clause.strip()
    spec = bank()["host_directives"]
    verb = next((v for v in spec["content"] if c.startswith(v)), None)
    if verb is None and operator_post:
        verb = next((v for v in spec["bare"] if c.startswith(v) and not c[len(v):].startswith(tuple(spec["bare_not_before"]))), None)
    return c[len(verb):].strip() if verb and len(c) > len(verb) + 1 else None


def for_members(sentence: str, kind: str = "") -> str:
    """An operator's detail sentence as members read it: "提醒大家带好头盔" → "带好头盔"; a directive to
    the host ("说一下本周的作业截止"; in an event of ``kind`` the operator posts, "发本周的房态") becomes
    what this time's post or session is about."""
    spec = bank()["host_directives"]
    clauses = [c for c in re.split(r"([，,])", sentence)]
    out: list[str] = []
    labelled = False
    for c in clauses:
        if c in "，,":
            out.append(c)
            continue
        stripped = c.strip()
        who = next((w for w in spec["address"] if stripped.startswith(w)), None)
        if who and len(stripped) > len(who) + 1:
            stripped = stripped[len(who):].lstrip("：:，, ")
        if (body := _host_content(stripped, kind in spec["operator_posts"])) is not None:
            stripped = body if labelled or out else spec["content_label"] + body
            labelled = True
        out.append(stripped)
    return "".join(out)


_PRICE_NEEDS = ("秒杀的商品和价格",)


def close_sentence(line: str) -> str:
    """The operator's sentence as a finished one: a trailing comma becomes 。, a bare end gets 。."""
    line = re.sub(r"[；;，,、\s]+$", "", line)
    if not line or line[-1] in "。！？!?…）)】：:" or _VOTE_OPTION.match(line):
        return line
    return line + "。"


def price_lines(profile: GroupProfile, event: Event) -> list[str]:
    """The prices of the profile's products that a sale event names ("冷鲜五花肉5斤装" → 冷鲜五花肉 58元)."""
    blob = fold(event.title + event.details)
    out = []
    for p in profile.products:
        if not p.price or fold(p.name) not in blob:
            continue
        now = min(v for v in (p.price, p.promo_price) if v)
        price = f"{now:g}元" + (f"（原价{p.price:g}元）" if now < p.price else "")
        out.append(str(bank()["price_line"]).format(name=p.name, price=price) + "。")
    return out


def _how_to_buy(profile: GroupProfile, spec: dict[str, Any], key: str) -> tuple[list[str], list[str]]:
    """(lines, needs): a sale or member day says how to buy — the profile's purchase path — else the
    operator is asked for it."""
    if profile.purchase_path:
        return [phrase(spec["path"], profile, "path" + key).format(path=profile.purchase_path).rstrip("。") + "。"], []
    return [], [str(spec["path_need"])]


def _common_run(a: str, b: str, n: int) -> bool:
    """``a`` and ``b`` share a run of ``n`` characters."""
    return any(a[i:i + n] in b for i in range(len(a) - n + 1))


def fee_needs(profile: GroupProfile, event: Event) -> list[str]:
    """An event that is one of the profile's priced products ("周末挖笋体验" / "亲子挖笋体验 120元/位")
    but says nothing of a fee: the operator is asked to state it, the notice does not guess."""
    said = fold(" ".join([event.title, event.details, event.signup]))
    if event.kind not in ("线下活动", "课程", "分享") or any(fold(w) in said for w in bank()["fee_words"]):
        return []
    title = fold(event.title)
    for p in profile.products:
        if p.price and _common_run(fold(p.name), title, 4):
            price = f"{p.price:g}元" + (f"/{p.unit}" if p.unit else "")
            return [str(bank()["fee_need"]).format(name=p.name, price=price)]
    return []


def _closings(spec: dict[str, Any], event: Event, book: RuleBook, *, paid: bool = False) -> list[Any]:
    """The closing lines that fit this event: "路上互相照应" only for a ride or a hike (not a climbing
    gym), "等回放" only when the operator says there is a replay, "转给需要的人" only in a free group."""
    closings = list(spec.get("closings", [""]))
    if not paid:
        closings += spec.get("free_closings", [])
    if spec.get("outdoor_closings") and outdoor_event(event, _requirements(book)):
        closings += spec["outdoor_closings"]
    if spec.get("daily_closings") and event.cadence.routine:
        closings += spec["daily_closings"]
    said = fold(" ".join([event.title, event.place, event.signup, event.details]))
    if spec.get("replay_closings") and any(fold(w) in said for w in bank()["replay_words"]):
        closings += spec["replay_closings"]
    return closings


def _when_and_openers(event: Event, on: dt.date | None, openers: list[Any]) -> tuple[str, list[Any]]:
    """The date and time members read, and the openers that fit it: a whole day has no "到点开始"."""
    when = when_label(on, event.time, event)
    if event.time:  # 早上好 only in the morning: a 17:30 report opens otherwise
        parts = bank()["day_part_words"]
        openers = [o for o in openers
                   if all(span[0] <= str(event.time) <= span[1] for w, span in parts.items() if w in str(o))] or openers
    if not event.all_day:
        return when, openers
    when += "" if on is None else bank()["all_day_label"]
    return when, [o for o in openers if not any(w in o for w in bank()["timed_words"])] or openers


def _notice_details(event: Event, on: dt.date | None, *, first_of_week: bool) -> tuple[list[str], str]:
    """The detail lines of one notice and the report content asked for: a daily report's standing
    description is said on the first day of the week, not every day (15 times in two weeks)."""
    details, content = _detail_lines(event, on, participation_only=event.kind == "晨报")
    return (details if first_of_week or event.kind != "晨报" else []), content


def wording_kind(event: Event) -> str:
    """The kind whose wording a notice uses: a 分享 that its title calls a meeting or a review (班会, 点评)
    is announced as one ("来聊", "把作品发上来"), not as a lecture to come and listen to."""
    spec = bank()["talk_as"]
    exam = bank()["exam_as"]
    if event.kind in exam["kinds"] and any(w in event.title for w in exam["words"]):
        return "模考"  # a mock exam filed as 答疑 is no Q&A: no "问题越具体，回答越快"
    if event.kind == "线下活动" and event.place and not physical_place(event):
        return str(bank()["online_meeting_as"])  # "offline" in an online meeting: no 怎么去、带什么, no 见面地点
    if event.kind not in spec["kinds"]:
        return event.kind
    return next((kind for word, kind in spec["words"] if word in event.title), event.kind)


def _wording(event: Event) -> tuple[dict[str, Any], list[Any]]:
    """The wording spec of a notice and its openers: worded as a meeting (:func:`wording_kind`), a talk
    still owes members its date and time, so only openers that say them."""
    spec = bank()["kinds"].get(wording_kind(event)) or bank()["kinds"]["其他"]
    openers = list(spec["openers"])
    if wording_kind(event) != event.kind:
        openers = [o for o in openers if "{when}" in o] or openers
        spec = {"place": bank()["talk_as"]["place"], **spec}
    return spec, openers


def _where(profile: GroupProfile, event: Event, spec: dict[str, Any], fill: dict[str, str], key: str, skip: str) -> list[str]:
    """The place and host lines of a notice (not those ``skip`` already says). A kind with no wording
    of its own for them still says them (``fallback``): a fact the operator gave is never dropped."""
    fb, where = bank()["fallback"], []
    if event.place and event.place not in skip:
        # a room members walk into is a place, not an "入口" (which is for a link or a live room)
        base = spec.get("place") or fb["place"]
        places = (spec.get("place_physical", base) if physical_place(event)
                  else spec.get("place_online", base if spec.get("place") else fb["place_online"]))
        where.append(phrase(fitting(places, fill), profile, "place" + key).format(**fill))
    if event.host and event.host not in skip:
        where.append(phrase(fitting(spec.get("host") or fb["host"], fill), profile, "host" + key).format(**fill))
    return where


def compose_notice(profile: GroupProfile, event: Event, on: dt.date | None, book: RuleBook,
                   *, slot: str = "", closing: bool = True) -> Notice:
    """The notice members read for one occurrence of ``event`` (``on`` None: the event in general);
    ``closing`` False: no closing line (a daily routine's reminder does not end the same way every day)."""
    spec, openers = _wording(event)
    key = f"{event.kind}{slot}"
    when, openers = _when_and_openers(event, on, openers)
    title = event.title
    fill = {"when": when, "title": title, "place": event.place, "host": event.host, "signup": event.signup}
    lines = [str(pick(fitting(openers, fill), profile, "open" + key)).format(**fill).rstrip("。") + "。"]
    needs = [f"{n}" for n in missing_facts(event, book)]
    # "群内" goes without saying for a vote, but a talk or class must still say where (rule topics.event_facts)
    trivial = fold(event.place) in {fold(t) for t in bank()["trivial_places"]} and not _place_required(event, book)
    where = _where(profile, event, spec, fill, key, skip=lines[0] if not trivial else lines[0] + event.place)
    if where:
        lines.append("，".join(where) + "。")
    rot = rotation(event, on)
    if rot.state in ("paused", "before", "after"):
        wording = bank()["rotation_off"][rot.state]
        text = phrase(wording["text"], profile, "off" + key).format(day=when_label(on, None), title=title, why=rot.need)
        return Notice(text=text, needs=[], steps=[], why=str(wording["why"]), paused=True)
    if rot.state == "unanchored":
        needs.append(rot.need)
    details, content = _notice_details(event, on, first_of_week=closing)
    lines += [close_sentence(d) for d in details]
    lines += ban_reminders(profile, event)
    prices = price_lines(profile, event)
    if prices and any(n for n in needs if n in _PRICE_NEEDS):
        lines += prices
        needs = [n for n in needs if n not in _PRICE_NEEDS]
    if event.kind == "晨报":
        needs.insert(0, str(spec["content_need"]) + (f"（档案里的要求：{content}）" if content else ""))
    # a talk the profile names no speaker or content for: asked of the operator (copy.share_announcement)
    if spec.get("host_need") and not event.host:
        needs.append(str(spec["host_need"]))
    if spec.get("topic_need") and not event.details:
        needs.append(str(spec["topic_need"]))
    if spec.get("path") and not (event.place and not trivial):
        line, need = _how_to_buy(profile, spec, key)
        lines += line
        needs += need
    needs += fee_needs(profile, event)
    if event.signup:
        if any(fold(w) in fold(event.signup) for w in bank()["no_signup_words"]):
            lines.append(event.signup.rstrip("。") + "。")
        else:
            lines.append(str(pick(fitting(bank()["signup"], fill), profile, "signup" + key)).format(**fill).rstrip("。") + "。")
    if event.host and "closings_hosted" in spec:  # a host leads it: members do not write their own review
        spec = {**spec, "closings": spec["closings_hosted"], "steps": spec.get("steps_hosted", spec.get("steps", []))}
    closing = phrase(_closings(spec, event, book, paid=profile.paid is not None), profile, "close" + key) if closing else ""
    if closing:
        lines.append(closing + "。")
    if not event.time and not event.all_day:
        needs.append("开始时间")
    text = "\n".join(ln for ln in lines if ln.strip())
    online = bool(event.place) and not physical_place(event) and "steps_online" in spec
    steps = list(spec["steps_online"] if online else spec.get("steps", []))
    return Notice(text=text, needs=needs, steps=steps, why=str(spec.get("why", "")))

"""Deadlines resolved against the message time: 明天中午前 → 2026-03-15 12:00, 下周三 → 2026-03-25.

A to-do says when in the chat's own words, relative to the day it was written; a reader of the notes
a week later needs the date. :func:`find_deadline` finds the first time expression in a sentence
(preferring one followed by 前/之前/截止…), keeps its words and resolves it against the message's
datetime when the export has one. The words (relative days, weekdays, parts of the day, deadline
marks, Cantonese 聽日) are in ``copilot/resources/notes/time.yaml``.

No library is used. On the 84 deadline phrases of the tuning and dev chats (with their message times)
this module resolves 80 to the right day, ChineseTimeNLP 3.0.1 72, jionlp 1.5.31 ``parse_time`` 65
(end of its span; a 19 MB install pulling in requests and jiojio; no 聽日, 月底前, 下週三前); ctparse
parses English and German only.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from copilot.moderation.literals import Gated, gated
from copilot.notes.clauses import pauses
from copilot.notes.cues import asks, cue, has, interrogative
from copilot.paths import load_resource
from copilot.textnorm import cn_to_int, fold, tokenize, word_class

TIME_FILE = "notes/time.yaml"
CN_DIGITS = "零〇一二两三四五六七八九十"


def _alt(words: Any) -> str:
    return "|".join(re.escape(fold(str(w))) for w in sorted(words, key=lambda w: -len(str(w))))


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    days: dict[str, int]
    evening: frozenset[str]
    weekdays: dict[str, int]
    weekend_deadline: dict[str, int]
    next_week: frozenset[str]
    after_next: frozenset[str]
    this_week: frozenset[str]
    parts: dict[str, dict[str, Any]]
    same_day: re.Pattern[str]
    extra: re.Pattern[str] | Gated  # behind a first look for its required literals (literals.gated)
    event_span: re.Pattern[str]
    span_hint: re.Pattern[str]
    units: dict[str, int]
    next_week_words: frozenset[str]
    week_adverbial: re.Pattern[str]
    past: re.Pattern[str]
    past_frame: re.Pattern[str]
    present_frame: re.Pattern[str]
    event_after: re.Pattern[str]
    lead_mark: re.Pattern[str]
    ratio: re.Pattern[str]
    points: re.Pattern[str]
    points_talk: re.Pattern[str]
    next_month: frozenset[str]
    day_starts_at: int
    evening_from: int
    eve_days: int  # how near the event a weekday said on that weekday with 前 is still today
    evening_context: re.Pattern[str]
    evening_context_hours: tuple[int, int]
    morning: re.Pattern[str]
    weekly: re.Pattern[str]
    event_words: frozenset[str]
    sessions: frozenset[str]
    session_days: int
    event_classes: tuple[str, ...]
    object_classes: tuple[str, ...]  # a one-character object after a one-character verb (派|糖): the two name an event
    in_advance: frozenset[str]
    event_suffixes: frozenset[str]
    holidays: dict[str, tuple[int, int]]
    lunar: dict[str, tuple[date, ...]]  # a moving holiday's dates, in order
    event_day_words: frozenset[str]
    soon: re.Pattern[str]
    at_event: re.Pattern[str]
    range_joint: re.Pattern[str]
    closing: re.Pattern[str]
    standing: tuple[str, ...]  # words stating a standing rule (每次, 每回…): its 当天 is no one date
    done_then: re.Pattern[str]  # the joint of "20日收齐后21日寄出"
    night_work: re.Pattern[str]
    night_work_hours: tuple[int, int]
    bare_hour: re.Pattern[str]  # an hour and nothing else, bar a "before" (6点前, 八点半之前): no day, no part of the day
    roll_after_days: int  # a yearless month's day this far behind the message is next year's
    day_end: re.Pattern[str]  # 下班前 / 收工前 / 放学前 (time.yaml day_end_parts + a "before")
    day_end_routine: re.Pattern[str]  # 每天 / 天天 before it: a routine, no one day


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    d = load_resource(TIME_FILE)
    weekdays = {fold(str(k)): int(v) for k, v in d["weekday_names"].items()}
    # 一 after 周/星期/礼拜 is a weekday, not the 一 of 一下: "下周一下周三" is next Monday and next Wednesday
    weekday_end = "".join(sorted({str(w)[-1] for w in d["weekday_prefix"]}))
    not_next = f"(?<!(?<![{weekday_end}])[{''.join(map(str, d['not_next_after']))}])"
    week = rf"(?:{not_next}(?P<wk>{_alt(d['next_week'] + d['week_after_next'] + d['this_week'])}))?(?:{_alt(d['weekday_prefix'])})(?P<wd>[{''.join(weekdays)}])"
    not_day = _alt(d["not_a_day_after"])
    before = _alt(d["event_before"])  # 前, 之前, 以前 after a date or an hour
    # a date in Chinese numerals (voice-to-text: 十二月十三号, 下个月十二号): a bare day only with 号 (一日三餐 is no date)
    cn_day = "(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
    cn_month = "(?:十[一二]?|[一二三四五六七八九])"
    absolute = (rf"(?:(?P<mo>\d{{1,2}}|(?<![{CN_DIGITS}]){cn_month})月(?P<md>\d{{1,2}}|{cn_day})[日号]?"
                # (with its year, "2031-10-12" / "2031/10/12" is a date whatever follows — bar a clock after it: a
                # timestamp quoted in the text; without one, only before 前/截止/a weekday: "3.5" is a figure)
                rf"|(?<![\d/.\-])(?P<yr>(?:19|20)\d{{2}}[./\-])?(?P<dm>\d{{1,2}})[./\-](?P<dd>\d{{1,2}})(?![\d/.\-])"
                rf"(?(yr)(?!\s*\d{{1,2}}[:：]\d)|(?=\s*(?:{before}|截止|[（(]?(?:周|星期|礼拜|週)|[（(][{''.join(weekdays)}][)）])))"
                # after 下个月/本月 a day is a date whatever follows (下个月十二号区里有比赛); alone, not 5号楼
                rf"|(?P<mp>{_alt(d['next_month'] + d['this_month'])})(?P<dm2>\d{{1,2}}(?=[日号])|{cn_day}(?=号))[日号]"
                rf"|(?<![第\dA-Za-z{CN_DIGITS}])(?P<dn>\d{{1,2}}(?=[日号])|{cn_day}(?=号))[日号](?!{not_day}))")
    month_end = rf"(?:{not_next}(?P<mep>{_alt(d['next_month_end'])}))?(?P<me>{_alt(d['month_end'])})"
    day = rf"(?:(?P<rel>{_alt(d['days'])})|{week}|{absolute}|{month_end})"
    part = rf"(?:{_alt(d['day_parts'])})"
    # a Chinese-numeral hour (八点) only where it cannot be "a point" or "a little" (第一点, 小一点)
    # (a figure ending a Latin name or a longer number is no hour: "小夏N2:", "1123:"; a colon needs its minutes)
    # — and at either end of a range ("八点到十一点": a joint of ``range_joints`` after the first, before the second)
    joints = "".join(re.escape(fold(str(j))) for j in d["range_joints"] if len(fold(str(j))) == 1)
    hour = (rf"(?P<h>(?<![a-z\d])\d{{1,2}}|(?<![第小一点多好快慢])(?!(?<=[早晚])一)[{CN_DIGITS}]{{1,3}}"
            rf"(?=[点:：點](?:半|钟|整|{before}|\d|[{joints}][\d{CN_DIGITS}]))|(?<=[点點][{joints}])[{CN_DIGITS}]{{1,3}}(?=[点點]))"
            rf"(?:[点點]|[:：](?=\d))(?P<m>\d{{1,2}}|半|一刻)?分?")
    paren = r"(?:\s*[（(](?P<inner>[^()（）]{1,14})[)）])?"
    mark = rf"(?P<mark>{_alt(d['deadline_marks'])})?"
    # every expression starts with a figure, a day word, a weekday or a part of the day: fail fast elsewhere
    starts = "".join(sorted({w[0] for w in [*map(fold, map(str, d["days"])), *map(fold, map(str, d["day_parts"])),
                                              *map(fold, map(str, d["weekday_prefix"])), *map(fold, map(str, d["next_week"])),
                                              *map(fold, map(str, d["this_week"])), *map(fold, map(str, d["month_end"]))]}))
    full = rf"(?=[\d{CN_DIGITS}{re.escape(starts)}])(?:{day}{paren}\s*(?P<part>{part})?|(?P<part2>{part}))?\s*(?:{hour})?\s*(?P<part3>{part})?\s*{mark}"
    return _Lexicon(
        pattern=re.compile(full),
        days={fold(k): int(v) for k, v in d["days"].items()},
        evening=frozenset(fold(w) for w in d["evening_days"]),
        weekdays=weekdays,
        weekend_deadline={fold(str(k)): int(v) for k, v in d["weekend_deadline"].items()},
        next_week=frozenset(fold(w) for w in d["next_week"]),
        after_next=frozenset(fold(w) for w in d["week_after_next"]),
        this_week=frozenset(fold(w) for w in d["this_week"]),
        parts={fold(k): v for k, v in d["day_parts"].items()},
        same_day=re.compile(_alt(d["same_day_refs"])),
        # gated: its branches open with a digit class or a word list, so the engine tries all of them at every place;
        # most messages hold none of its required words (round 63: 16,500 lines 226 → 23 ms, the same matches)
        extra=gated(re.compile(
            rf"(?P<n>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*个?(?P<u>{_alt(d['span_units'])})(?P<span>{_alt(d['span_marks'])})"
            # (1月底 / 1月末 / 1月尾: ``month_end`` without its 月)
            rf"|(?P<mm>\d{{1,2}})月(?:{_alt([str(w)[1:] for w in d['month_end'] if str(w).startswith('月')])})"
            rf"(?P<mmark>{_alt(d['deadline_marks'])})?"
            rf"|(?P<ev>{_alt(d['event_words'])})(?:{_alt(d['event_end'])})?(?:(?P<after>{_alt(d['event_after'])})|{_alt(d['event_before'])})"
            rf"(?P<en>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*个?(?P<eu>{_alt(d['span_units'])})(?:{_alt(d['span_marks'])})?"
            # 开学前 / 婚礼之前: by the event's day (one convention for every "X前": the day X itself)
            rf"|(?P<ev0>{_alt(d['event_words'])})(?:{_alt(d['event_before'])})(?![\d{CN_DIGITS}])"
            rf"|(?P<hol>{_alt(list(d['holidays']) + list(d['lunar_holidays']))})(?:{_alt(d['event_before'])})(?![\d{CN_DIGITS}])"
            rf"|(?:(?P<ms>{_alt(d['month_start'])})|(?P<msm>\d{{1,2}})月(?:{_alt(d['month_start_of'])})"
            # (after a month's figure a bare 中 before a deadline mark is its middle too: "2月中之前"; the 月中 of
            # "12月中山路" is no time)
            rf"|(?:(?P<mdm>\d{{1,2}})月)?(?P<mid>(?<![\d{CN_DIGITS}])(?:{_alt(d['month_mid'])})|(?<=\d月)中(?={_alt(d['deadline_marks'])})))"
            rf"(?P<msmark>{_alt(d['deadline_marks'])})?"
            # 年底前 / 年底把账结清: the year's last day
            rf"|(?P<ye>{_alt(d['year_end'])})(?P<yemark>{_alt(d['deadline_marks'])})?"
            rf"|(?P<week>{_alt(d['week_words'])})(?![{''.join(weekdays)}])(?P<wmark>{_alt(d['deadline_marks'])}|末前)?"
            # 下次活动前 / 下次聚会记得带 (not 下次聚会后): the next meeting
            rf"|(?P<nx>{_alt(d['next_time'])})(?:{_alt(d['event_words'] + d['meeting_words'])})(?P<nxmark>{_alt(d['event_before'])})?"
            rf"(?!{_alt(d['after_next_time'])})")),
        # 团建回来一周内 (back from the event, no 后) / 婚礼前一天, 开战前一天, 提前一天 (a span before an
        # event-like word, checked in _extra): a separate pattern, tried only where a span follows 前/回来
        event_span=re.compile(
            rf"(?P<bk>[\u4e00-\u9fff]{{1,4}})(?:{_alt(d['event_back'])})(?P<bn>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*个?(?P<bu>{_alt(d['span_units'])})"
            rf"(?:{_alt(d['span_marks'])})"
            rf"|(?P<gx>[\u4e00-\u9fff]{{1,4}})(?:{_alt(d['event_before'])})(?P<gn>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*个?(?P<gu>{_alt(d['span_units'])})"
            rf"(?:{_alt(d['span_marks'])})?"
            # "前一晚8点看风速": the eve of the event under discussion, with no event word before it
            rf"|(?<![\u4e00-\u9fff\d])(?:{_alt(d['event_before'])})(?P<sn>{_alt(d['eve_counts'])})(?P<su>{_alt(d['span_units'])})"),
        span_hint=re.compile(rf"(?:{_alt(d['event_before'] + d['event_back'])})(?:\d|[{CN_DIGITS}])"),
        units={fold(k): int(v) for k, v in d["span_units"].items()},
        next_week_words=frozenset(fold(w) for w in d["week_words"] if str(w).startswith("下")),
        week_adverbial=re.compile(d["week_adverbial"]),
        past=re.compile(_alt(d["past_marks"])),
        past_frame=re.compile(_alt(d["past_frames"])),
        present_frame=re.compile(_alt(d["present_frames"])),
        event_after=re.compile(rf"(?:{_alt(d['event_after'])})$"),
        lead_mark=re.compile(rf"(?:{_alt(d['deadline_lead_marks'])})[是为：:到在]?\s*$"),
        ratio=re.compile(rf"(?:{_alt(d['ratio_words'])})\s*[是为:：]?\s*$"),
        points=re.compile(rf"^\s*(?:{_alt(d['points_after'])})"),
        points_talk=re.compile(_alt(d["points_words"])),
        next_month=frozenset(fold(w) for w in d["next_month"]),
        day_starts_at=int(d["day_starts_at"]),
        evening_from=int(d["evening_from"]),
        eve_days=int(d["same_weekday_eve_days"]),
        evening_context=re.compile(_alt(d["evening_context"])),
        evening_context_hours=(int(d["evening_context_hours"][0]), int(d["evening_context_hours"][1])),
        morning=re.compile(_alt([k for k, v in d["day_parts"].items() if v.get("pm") is False])),
        weekly=re.compile(rf"(?:{_alt(d['weekly'])})(?P<wd>[{''.join(weekdays)}])"
                          rf"|(?:{_alt(d['monthly'])})第(?P<nth>[1-4一二三四])个?(?:{_alt(d['weekday_prefix'])})(?P<mwd>[{''.join(weekdays)}])"),
        event_words=frozenset(fold(str(w)) for w in d["event_words"]),
        sessions=frozenset(fold(str(w)) for w in d["sessions"]),
        session_days=int(d["session_days"]),
        event_classes=tuple(str(c) for c in d["event_word_classes"]),
        object_classes=tuple(str(c) for c in d["event_object_classes"]),
        in_advance=frozenset(fold(str(w)) for w in d["in_advance"]),
        event_suffixes=frozenset(fold(str(w)) for w in d["event_suffixes"]),
        holidays={fold(str(k)): (int(str(v)[:2]), int(str(v)[3:])) for k, v in d["holidays"].items()},
        lunar={fold(str(k)): tuple(sorted(date(int(y), int(str(v)[:2]), int(str(v)[3:])) for y, v in years.items()))
               for k, years in d["lunar_holidays"].items()},
        event_day_words=frozenset(fold(str(w)) for w in d["event_day_words"]),
        soon=re.compile(_alt(d["soon"])),
        at_event=re.compile(_alt(d["at_event"] + d["same_day_refs"])),
        range_joint=re.compile(rf"\s*(?:{_alt(d['range_joints'])})\s*"),
        closing=re.compile(rf"\s*(?:{_alt(d['closing_words'])})(?!{_alt(d['deadline_marks'])})"),
        standing=tuple(fold(str(w)) for w in d["standing_rule"]),
        done_then=re.compile(str(d["done_then"]).strip("/")),
        night_work=re.compile(_alt(d["night_work"])),
        night_work_hours=(int(d["night_work_hours"][0]), int(d["night_work_hours"][1])),
        bare_hour=re.compile(rf"[\d{CN_DIGITS}]+\s*[点:]\s*(?:\d+|半|一刻)?\s*分?\s*(?:{before})?\s*"),
        roll_after_days=int(d["past_deadline_rolls_after_days"]),
        day_end=re.compile(rf"(?:{_alt(d['day_end_parts'])})(?:{before})(?![\d{CN_DIGITS}])"),
        day_end_routine=re.compile(_alt(d["day_end_routine"])),
    )


@dataclass
class Deadline:
    """A time expression in a sentence: the chat's words and, when it resolves, the date (and time)."""

    text: str
    day: date | None = None
    clock: str | None = None  # "HH:MM"
    marked: bool = False  # followed by 前/之前/截止…: a deadline, not just a time
    attached: bool = False  # a task follows it ("明天发群里"), not a state ("周末都在家")
    spelled: bool = False  # a calendar date written out (3月26日)
    bracketed: bool = False  # a day word with its calendar date in brackets ("下周一（12月9日）")
    relative: bool = False  # a day counted from the message (今天/明天/后天): when someone acts, not an event's date
    hour_only: bool = False  # no day word at all ("10点45"): today or tomorrow by the clock, never an event's date
    range_end: bool = False  # the end of a range ("晚上8点到11点"): when an activity ends, never a due time

    @property
    def iso(self) -> str | None:
        if self.day is None:
            return None
        return f"{self.day.isoformat()} {self.clock}" if self.clock else self.day.isoformat()


def _weeks_ahead(week: str | None, lex: _Lexicon) -> int | None:
    """How many weeks after this one the week word ``week`` names (下下周 2, 下周 1, 这周 0), None for no week word."""
    if week in lex.after_next:
        return 2
    if week in lex.next_week:
        return 1
    return 0 if week in lex.this_week else None


def _weekday(base: date, wd: int, week: str | None, lex: _Lexicon, marked: bool = False) -> date:
    monday = base - timedelta(days=base.isoweekday() - 1)
    weeks = _weeks_ahead(week, lex)
    if weeks:
        return monday + timedelta(days=7 * weeks + wd - 1)
    if weeks == 0:  # 这周五 said on a Sunday is never a deadline already gone: the coming Friday
        day = monday + timedelta(days=wd - 1)
        return day if day >= base else day + timedelta(days=7)
    ahead = (wd - base.isoweekday()) % 7
    if ahead == 0:  # a bare 周五 said on a Friday: next Friday (with 前 or an hour to come, _resolve makes it today)
        ahead = 7
    return base + timedelta(days=ahead)


def _told_today(match: re.Match[str], lex: _Lexicon) -> bool:
    """Whether a weekday is said to be today: 今天 in its brackets ("周一（今天）前") or just before it ("今天周一前")."""
    inner = fold(match.group("inner") or "").strip()
    before = match.string[:match.start()].rstrip()
    return any(lex.days[w] == 0 and w not in lex.event_day_words and (inner == w or before.endswith(w)) for w in lex.days)


def _number(figure: str | None) -> str | None:
    """A day or month written in digits or Chinese numerals (十二 → "12")."""
    if figure is None or figure.isdigit():
        return figure
    value = cn_to_int(figure)
    return None if value is None else str(value)


def _day(g: dict[str, str | None], base: date, lex: _Lexicon) -> date | None:
    if g["rel"]:
        return base + timedelta(days=lex.days[g["rel"]])
    if g["wd"]:
        marked = bool(g.get("mark"))
        wd = lex.weekend_deadline.get(g["wd"], lex.weekdays[g["wd"]]) if marked else lex.weekdays[g["wd"]]
        return _weekday(base, wd, g["wk"], lex, marked=marked)
    month, day = (g["mo"], g["md"]) if g["mo"] else (g["dm"], g["dd"]) if g["dm"] else (None, g["dn"] or g["dm2"])
    month, day = (_number(month), _number(day))
    if day and g.get("mp"):  # 下个月5号 / 本月20号
        nxt = g["mp"] in lex.next_month
        year, mon = (base.year + (base.month == 12), base.month % 12 + 1) if nxt else (base.year, base.month)
        try:
            return date(year, mon, int(day))
        except ValueError:
            return None
    if day:
        try:
            if month is None:
                found = base.replace(day=int(day))
                return found if found >= base - timedelta(days=3) else (found + timedelta(days=31)).replace(day=int(day))
            found = date(base.year, int(month), int(day))
        except ValueError:
            return None
        return found.replace(year=base.year + 1) if found < base - timedelta(days=180) else found
    if g["me"]:
        if g.get("mep"):  # 下个月底: the end of next month
            year, mon = base.year + (base.month == 12), base.month % 12 + 1
            return date(year, mon, calendar.monthrange(year, mon)[1])
        return base.replace(day=calendar.monthrange(base.year, base.month)[1])
    return None


def _clock(g: dict[str, str | None], evening_day: bool, lex: _Lexicon, now: datetime | None = None) -> str | None:
    part = g["part"] or g["part2"] or g["part3"]
    info = lex.parts.get(part or "", {})
    if not g["h"]:
        return info.get("default")
    hour = cn_to_int(g["h"])
    if hour is None or hour > 24:
        return None
    minute = {"半": 30, "一刻": 15}.get(g["m"] or "")
    minute = int(g["m"]) if minute is None and g["m"] else (minute or 0)
    pm = info.get("pm") or (evening_day and not part)
    if info.get("noon") and hour < 6:
        pm = True
    if not part and 1 <= hour < lex.day_starts_at:
        pm = True  # a bare "2点半": before the day starts is the night, when no group meets or hands anything in
    if not part and now is not None and 1 <= hour < 12 and (hour, minute) <= (now.hour, now.minute) < (hour + 12, minute):
        pm = True  # "八点前" written at 10:00 means this evening, not tomorrow morning ("8:30前" at 8:25 is this morning)
    if pm and 1 <= hour < 12:
        hour += 12
    if hour == 24 or (hour == 12 and not minute and (info.get("night") or (evening_day and not part))):
        hour, minute = 23, 59  # 24点前, 今晚12点前, 晚上十二点: the end of that day
    return f"{hour:02d}:{minute:02d}" if minute < 60 else None


def minutes_of(clock: str) -> int | None:
    """Minutes after midnight of a clock: the ``HH:MM`` a time expression carries (``Deadline.clock``, a deadline's
    ``[11:16]``: "14:30" → 870), or an hour said in words, read as :func:`_clock` reads it with no message time
    ("八点半" → 510, "下午两点半" → 870, "晚上8点" → 1200, "12点前" → 720). None when no hour is said. The one
    place the notes turn a clock into a number (the event's hour, the bare hour's other half of the day, "10点前"
    today or tomorrow)."""
    hh, colon, mm = clock.partition(":")
    if colon and hh.isdigit() and mm.isdigit():
        return int(hh) * 60 + int(mm)
    lex = _lexicon()
    found = lex.pattern.search(fold(clock))
    said = _clock(found.groupdict(), False, lex) if found is not None and found["h"] else None
    return minutes_of(said) if said is not None else None


def clock_of(minutes: int) -> str:
    """The ``HH:MM`` of ``minutes`` after midnight (:func:`minutes_of`'s inverse for a time within the day)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _resolve(match: re.Match[str], base: datetime | None, lex: _Lexicon, event: date | None = None) -> Deadline:
    g = match.groupdict()
    deadline = Deadline(text=match.group(0).strip(), marked=bool(g["mark"]), spelled=bool(g["mo"] or g["yr"]), relative=bool(g["rel"]))
    if base is None or base.year <= 1900:  # no date in the export: keep the words only
        return deadline
    today = base.date()
    if (g["rel"] and lex.days[g["rel"]] > 0 or g["wd"]) and base.hour < lex.day_starts_at:
        today -= timedelta(days=1)  # "明天" at 00:30 is the coming day, not the one after; "周五前" at 00:10 on a Friday is that day
    day = _day(g, today, lex)
    if g["rel"] in lex.event_day_words:  # "当天下午那场": the event's day, unknown without one
        day = event if event is not None and event > today else None
        if day is None:
            return deadline
    if (g["wd"] and not g["wk"] and (g["h"] or g["part"] or g["part2"] or g["part3"]) and day is not None
            and event is not None and event.isoweekday() == day.isoweekday() and (event - day).days == 7):
        # "下周六(11月28日)办绘本会" then "周六早上8点半前到": a time of day on the weekday of the event named
        # is that event's day, not this week's — the chat's week runs up to the event it is planning
        day = event
    same_weekday = bool(g["wd"] and not g["wk"] and day is not None and (day - today).days == 7)
    told_today = same_weekday and _told_today(match, lex)
    if same_weekday and (not g.get("inner") or told_today):
        # a weekday named on that same weekday: today when an hour still to come is given ("周六晚上8点前转给…" said
        # on the Saturday morning, "周一下班前" said before noon), when 今天 stands with it ("周一（今天）前"), or
        # with "前" said before the evening of the eve of the event the chat is planning ("周六前交" on the Saturday
        # morning before Sunday's ride: the day is still ahead). Else a week later: a bare "周六"; "周一前发推文"
        # said on a Monday with the event on Saturday (work after it, as "今天" would be said for today); and
        # "周五前" said on a Friday evening — that day is over ("周五前转给你" at 20:12 on a Friday is the next Friday)
        hour = _clock(g, False, lex, base)
        part = lex.parts.get(g["part"] or g["part2"] or g["part3"] or "", {})
        later = (hour is not None and hour > f"{base.hour:02d}:{base.minute:02d}"
                 or hour is None and bool(part.get("pm")) and base.hour < 12)
        ahead = (base.hour < lex.evening_from and event is not None and today <= event < day
                 and (event - today).days <= lex.eve_days)
        if later or told_today or (g["mark"] and hour is None and ahead):
            day = today
    inner = g.get("inner")
    if inner:  # 下周一（4月13日）: the date the writer spelled out wins
        spelled = lex.pattern.search(fold(inner))
        if spelled and spelled.group("mo"):
            day = _day(spelled.groupdict(), base.date(), lex) or day
            deadline.bracketed = day is not None
    same_day = day is None or day == base.date()
    # a bare hour said in the evening while a later day's event is under discussion ("10点到门口找我"):
    # that day's hour, not later tonight
    evening_before = (day is None and event is not None and event > base.date() and not g["mark"]
                      and base.hour >= lex.evening_from)
    if evening_before:
        day, same_day = event, False
    clock = _clock(g, g["rel"] in lex.evening if g["rel"] else False, lex, base if same_day else None)
    if day is None and clock is not None and (said := minutes_of(clock)) is not None:
        # "10点前": today, or tomorrow if that hour has passed
        day = base.date() if said > base.hour * 60 + base.minute else base.date() + timedelta(days=1)
    deadline.day, deadline.clock = day, clock if day else None
    return deadline


def _extra(match: re.Match[str], base: datetime | None, lex: _Lexicon, event: date | None = None,
           meeting: date | None = None) -> Deadline | None:
    """两天内 / 6月底前 / 这周内 / 活动后两天内 / 下次上课前: spans, whole weeks or months, the next meeting."""
    g = defaultdict(lambda: None, match.groupdict())  # the event-span pattern has fewer groups
    found = Deadline(text=match.group(0), marked=any(g[k] for k in ("span", "mmark", "wmark", "ev", "nxmark", "bk", "gx", "ev0",
                                                                     "hol", "msmark", "yemark")))
    if g["nx"]:  # the chat's stated schedule, else the event still ahead, else words only
        today = base.date() if base is not None and base.year > 1900 else None
        ahead = [d for d in (meeting, event) if d is not None and today is not None and d > today]
        found.day = ahead[0] if ahead else None
        return found
    if g["ev"] or g["bk"] or g["gx"]:  # counted from the event's day; unknown without one (not from the message's day)
        named = g["gx"] or g["bk"]
        if named:
            last = _event_word(named)
            if last is None:
                return None  # 我前两天…: "the other day", not a span before an event
            found.text = match.group(0)[len(named) - len(last):]  # 婚礼前三天, not 的事婚礼前三天
        n = cn_to_int(g["en"] or g["bn"] or g["gn"])
        after = bool(g["after"] or g["bk"])
        if event is not None and n is not None:
            found.day = event + timedelta(days=(n if after else -n) * lex.units[g["eu"] or g["bu"] or g["gu"]])
        return found
    if g["ev0"]:  # 开学前: by the event's day
        found.day = _before_event(g["ev0"], base, lex, event, meeting)
        return found
    # "这周" alone is when something happens ("这周都在家"), unless a task follows it ("这周就提交"):
    # then it is due by the week's end, like 这周内 (see _located); counted from the message like 明天
    found.relative = bool(g["week"] and not g["wmark"])
    if base is None or base.year <= 1900:
        return found
    today = base.date()
    if g["hol"] in lex.lunar:  # 中秋前: its next date in the table (none past the table)
        ahead = next((x for x in lex.lunar[g["hol"]] if x >= today), None)
        found.day = ahead
    elif g["hol"]:  # 国庆前: the holiday's next date
        month, day = lex.holidays[g["hol"]]
        when = date(today.year, month, day)
        found.day = when if when >= today else date(today.year + 1, month, day)
    elif g["ms"] or g["msm"] or g["mid"] or g["ye"]:
        found.day = _month_part(today, g, lex, match.string[:match.start()])
    elif g["n"]:
        n = cn_to_int(g["n"])
        found.day = today + timedelta(days=n * lex.units[g["u"]]) if n is not None else None
    elif g["mm"]:
        month = int(g["mm"])
        if 1 <= month <= 12:
            year = year_of(month, base)
            found.day = date(year, month, calendar.monthrange(year, month)[1])
    else:
        sunday = today + timedelta(days=7 - today.isoweekday())
        found.day = sunday + timedelta(days=7) if g["week"] in lex.next_week_words else sunday
        # "下周点餐场景要准备菜单": the week word names that week's event under discussion, and work for it
        # is due when it is held (11-26), not at the week's end after it
        after = match.string[match.end():]
        if g["week"] and not g["wmark"] and event is not None and found.day - timedelta(days=7) < event < found.day \
                and event > today and not lex.week_adverbial.match(after) and not cue("action", "verbs").match(after):
            found.day = event
    return found


def _eve(match: re.Match[str], event: date | None, lex: _Lexicon) -> Deadline | None:
    """"前一晚" / "前一天" opening a clause: counted back from the event under discussion; without one it is
    no time at all (not the message's day)."""
    n = cn_to_int(match.group("sn"))
    if event is None or n is None:
        return None
    return Deadline(text=match.group(0), day=event - timedelta(days=n * lex.units[match.group("su")]), marked=True)


def _before_event(word: str, base: datetime | None, lex: _Lexicon, event: date | None, meeting: date | None) -> date | None:
    """The day "<event>前" is due: the day of the event under discussion (as "周三前" is the Wednesday: the date of
    every "X前" is the day X itself, its words keep the 前); for a recurring session ("排练前") the next session — the
    stated schedule's, else the event only when it is within the week, never a show weeks away."""
    day = event
    if fold(word) not in lex.sessions:
        return day
    today = base.date() if base is not None and base.year > 1900 else None
    if meeting is not None and today is not None and meeting > today:
        return meeting
    if event is None or today is None or (event - today).days > lex.session_days:
        return None
    return day


@lru_cache(maxsize=4096)
def _event_word(text: str) -> str | None:
    """The last word of ``text`` if it names an event a span can count back from: an event word, a
    noun or verb by jieba's dictionary (婚礼, 开战, 出发), or 提 of 提前 — not a pronoun, a time word or
    a figure (我前两天, 周五前两天)."""
    lex = _lexicon()
    found = tokenize(text, for_search=False, keep_stopwords=True)
    last = found[-1] if found else ""
    if not text.endswith(last):
        return None
    if last in lex.event_suffixes and len(found) > 1 and text.endswith(found[-2] + last):
        return _event_word(text[:-len(last)]) and found[-2] + last  # 播种日: 播种 names it
    ok = last in lex.event_words or last in lex.in_advance or (word_class(last) or "-")[0] in lex.event_classes
    # a one-character verb and its object that jieba keeps apart (派|糖): the doing names the event
    if not ok and len(found) > 1 and len(found[-2]) == 1 and len(last) == 1 and word_class(found[-2]) == "v" \
            and (word_class(last) or "-")[0] in lex.object_classes and text.endswith(found[-2] + last):
        return found[-2] + last
    # …and the same pair jieba keeps as one word it does not know (发版, 封版): a verb's character and an object's
    if not ok and len(last) == 2 and word_class(last) is None and word_class(last[0]) == "v" \
            and (word_class(last[1]) or "-")[0] in lex.object_classes:
        return last
    return last if ok and last else None


def _month_part(today: date, g: dict[str, str | None], lex: _Lexicon, before: str = "") -> date | None:
    """下个月初 → next month's 1st; 12月初 → 1 December; 年底 → 31 December; 9月中旬 → 15 September; 月中 → this month's 15th (next
    month's if past)."""
    if g["ms"]:
        return date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    if g["ye"]:  # 年底: this year's last day (next year's after 明年)
        ahead = any(before.endswith(w) for w in time_words("next_year"))
        return date(today.year + ahead, 12, 31)
    if g["msm"]:  # 12月初: that month's 1st
        month = int(g["msm"])
        return date(year_of(month, today), month, 1) if 1 <= month <= 12 else None
    if g["mdm"]:
        month = int(g["mdm"])
        if not 1 <= month <= 12:
            return None
        return date(year_of(month, today), month, 15)
    mid = today.replace(day=15)
    # 下个月中前: next month's (not the 下 of 一下: "统计一下月中前交")
    nxt = next((w for w in time_words("next_month_end") if before.endswith(w)), None)
    if nxt and not before[:-len(nxt)].endswith(time_words("not_next_after")):
        return date(today.year + (today.month == 12), today.month % 12 + 1, 15)
    return mid if mid >= today else date(today.year + (today.month == 12), today.month % 12 + 1, 15)


def time_expressions(text: str, when: datetime | None, event: date | None = None,
                     meeting: date | None = None) -> list[Deadline]:
    """Every time expression in ``text`` (folded for matching; ``text`` is read as written). ``event``
    is the day of the event under discussion: spans counted from it ("活动后两天内") and a bare hour
    said the evening before it resolve against it."""
    # copies of the cached ones, built from their fields (dataclasses.replace looks the class's fields up again for
    # each copy: about three times the cost, 4,700 copies on a 2,000-message export)
    if _timeless(fold(text)):
        return []
    return [Deadline(**vars(d)) for d in _expressions(text, when, event, meeting)]


@lru_cache(maxsize=16384)
def _expressions(text: str, when: datetime | None, event: date | None = None,
                 meeting: date | None = None) -> tuple[Deadline, ...]:
    return tuple(d for _, _, d in _located(fold(text), when, event, meeting))


def _located(folded: str, when: datetime | None, event: date | None = None,
             meeting: date | None = None) -> tuple[tuple[int, int, Deadline], ...]:
    """(start, end, deadline) of each time expression of ``folded`` read against the message's time ``when``, the
    event's day and the next meeting's. A text with no time at all (:func:`_timeless`, most sentences) answers at once
    whatever those are, and stays out of the cache keyed by them: each message has its own time, so a sentence said
    again later was a new key there (a 2,000-message export: 13,100 reads, nearly all of timeless texts)."""
    if _timeless(folded):
        return ()
    return _located_timed(folded, when, event, meeting)


@lru_cache(maxsize=65536)
def _timeless(folded: str) -> bool:
    """Whether no time expression can stand in ``folded``, by the text alone: no time pattern matches it
    (:func:`_matches`) and it has no "下班前" part of a working day (time.yaml ``day_end_parts``)."""
    extra, event_spans, plain_matches = _matches(folded)
    return not (extra or event_spans or plain_matches or _lexicon().day_end.search(folded))


@lru_cache(maxsize=16384)
def _located_timed(folded: str, when: datetime | None, event: date | None = None,
                   meeting: date | None = None) -> tuple[tuple[int, int, Deadline], ...]:
    lex = _lexicon()
    extra, event_spans, plain_matches = _matches(folded)  # (not all empty: :func:`_located` asked :func:`_timeless`)
    spans: list[tuple[int, int, Deadline]] = []
    before_event: set[str] = set()  # the texts of "活动前" spans (the event's day, as every X前 is dated)
    for match in extra:
        found = _extra(match, when, lex, event, meeting)
        if found is not None and match.groupdict().get("ev0"):
            before_event.add(found.text)
        if found is not None:
            # 下次聚会带上; 下个月初把钱转我 / 年底把账结清 (a month's or the year's part with a task, no 前: due then)
            part = not found.marked and any(match.group(k) for k in ("ms", "msm", "mid", "ye"))
            found.attached = bool(match.group("nx") or found.relative or part) and _attached(folded, match.end(), lex)
            if found.relative and not found.attached:
                continue  # "这周都在家": when, not by when
            if match.group("n") and lex.event_after.search(folded[:match.start()]):
                # "海报出来后两天内": counted from something the chat gives no day for, not from the message
                anchor = re.search(r"[^\s，,。；;：:！!？?、]{1,8}$", folded[:match.start()])
                found.day, found.text = None, (anchor.group(0) if anchor else "") + found.text
            spans.append((match.start(), match.end(), found))
    if event_spans:
        for match in event_spans:
            found = _eve(match, event, lex) if match.group("sn") else _extra(match, when, lex, event, meeting)
            overlap = [x for x in spans if not (match.end() <= x[0] or match.start() >= x[1])]
            # it replaces the spans it holds (春游回来「三天内」); one it cuts into wins
            if found is not None and all(match.start() <= x[0] and x[1] <= match.end() for x in overlap):
                spans = [x for x in spans if x not in overlap] + [(match.start(), match.end(), found)]
        spans.sort(key=lambda x: x[0])
    plain = [d for d in _plain_expressions(folded, when, lex, spans, event, plain_matches)]
    # "下周二排练前": before the event held on the day just named — that day, not the day of whichever
    # event the chat discusses (a show weeks away)
    for k, (start, end, found) in enumerate(spans):
        if found.text not in before_event:
            continue
        day = next((x for x in plain if x[1] <= start and not folded[x[1]:start].strip() and x[2].day is not None
                    and x[2].clock is None), None)
        if day is not None:
            plain.remove(day)
            spans[k] = (day[0], end, Deadline(day[2].text + found.text, day[2].day, None, True, found.attached,
                                              day[2].spelled))
    for start, _, found in spans + plain:
        if not found.marked and "月" in found.text and _past_frame(folded, start, lex):
            found.day, found.clock, found.marked = None, None, False
    located = sorted(spans + plain + _day_end_spans(folded, when, spans + plain), key=lambda x: x[0])
    _roll_past_deadlines(folded, located, when)
    _done_then(folded, located)
    return tuple(located)


def _day_end_spans(folded: str, when: datetime | None,
                   found: list[tuple[int, int, Deadline]]) -> list[tuple[int, int, Deadline]]:
    """"下班前把人数报给我", "收工前把水泥數量報給我", "放学前交回": the end of a working or school day with a "before"
    and no day word or hour of its own is due the day the line is said (``time.yaml`` day_end_parts) — not when a
    time expression stands right before it ("周三下班前", "5点半下班前": that one's day) or an hour earlier in its clause."""
    lex = _lexicon()
    out: list[tuple[int, int, Deadline]] = []
    for match in lex.day_end.finditer(folded):
        start, end = match.span()
        if any(s < end and start < e or e <= start and not folded[e:start].strip() for s, e, _ in found):
            continue
        said = _PREP_CLAUSES.split(folded[:start])[-1]
        if lex.bare_hour.search(said) or lex.day_end_routine.search(said):
            continue
        day = when.date() if when is not None and when.year > 1900 else None
        out.append((start, end, Deadline(text=match.group(0), day=day, marked=True, relative=True,
                                         attached=_attached(folded, end, lex))))
    return out


def _roll_past_deadlines(folded: str, located: list[tuple[int, int, Deadline]], when: datetime | None) -> None:
    """A deadline on a month's day with no year that is long behind the message is next year's ("9月中旬之前"
    said in November; ``time.yaml`` past_deadline_rolls_after_days), unless the sentence sets the time in the
    past or names a year."""
    if when is None:
        return
    lex = _lexicon()
    for start, _, found in located:
        if not (found.marked and found.day is not None and "月" in found.text) or "年" in folded[max(0, start - 6):start]:
            continue
        if (when.date() - found.day).days >= lex.roll_after_days and not _past_frame(folded, start, lex):
            try:
                found.day = found.day.replace(year=found.day.year + 1)
            except ValueError:  # 2月29日
                found.day = found.day.replace(year=found.day.year + 1, day=28)


def _done_then(folded: str, located: list[tuple[int, int, Deadline]]) -> None:
    """Two days in one sentence joined by "…后" ("20日收齐后21日寄出"): the first is when something is done
    first, the second the work's own day — the task attached to it, not to the first."""
    joint = _lexicon().done_then
    for (_, end, first), (start, _, second) in zip(located, located[1:]):
        if first.day is not None and second.day is not None and not first.marked and joint.match(folded[end:start]):
            second.attached, first.attached = second.attached or first.attached, False


def _past_frame(folded: str, start: int, lex: _Lexicon) -> bool:
    """Whether the sentence before ``start`` sets the time in the past ("去年没搭棚，11月底一场霜"): a
    past frame word with no present one (今年) after it. Only a calendar day with no 前/截止 is read so:
    a deadline is ahead whatever it follows ("上个月的开销月底前公示")."""
    before = re.split(r"[。！!？?\n]", folded[:start])[-1]
    frames = list(lex.past_frame.finditer(before))
    return bool(frames) and not lex.present_frame.search(before, frames[-1].end())


def says_day_part(text: str) -> bool:
    """Whether the text names a part of the day (上午, 下午, 晚上…: time.yaml day_parts)."""
    folded = fold(text)
    return any(fold(str(p)) in folded for p in _lexicon().parts)


def says_soon(text: str) -> bool:
    """Whether ``text`` puts its work a moment away ("帳號等一下發", "我一会发群文件"): due soon after the
    message, not on the day of the event under discussion."""
    return bool(_lexicon().soon.search(fold(text)))


def done_at_event(text: str) -> bool:
    """Whether ``text``'s work is done at the event itself ("点心我来带", "当天我负责拍照"), so due on its day,
    rather than sent or handed in some time before it ("你把名字发给李大爷就行": no day said, none given)."""
    return bool(_lexicon().at_event.search(fold(text)))


@lru_cache(maxsize=1)
def before_mark() -> re.Pattern[str]:
    """The "before" a time may carry right after it (time.yaml ``event_before``: 前, 之前, 以前), at the start of a text:
    what stands between a time and the work it bounds ("…周五之前一起去买")."""
    return re.compile(f"^(?:{_alt(load_resource(TIME_FILE)['event_before'])})")


@lru_cache(maxsize=1)
def _holiday_before() -> re.Pattern[str]:
    lex = _lexicon()
    return re.compile(rf"(?:{_alt(sorted({*lex.holidays, *lex.lunar}, key=len, reverse=True))})"
                      rf"(?:{_alt(load_resource(TIME_FILE)['event_before'])})")


def holiday_due(folded: str) -> bool:
    """Whether the folded text names a holiday as a due day ("元旦前交给我", "国庆之前"): a day, as 12月15日前 is."""
    return _holiday_before().search(folded) is not None


def time_spans(folded: str) -> list[tuple[int, int]]:
    """Where the time expressions of an already folded text stand (start, end)."""
    return [(s, e) for s, e, _ in _located(folded, None)]


def without_times(folded: str, fill: str = "") -> str:
    """An already folded text with each of its time expressions (:func:`time_spans`) replaced by ``fill``."""
    for start, end in sorted(time_spans(folded), reverse=True):
        folded = folded[:start] + fill + folded[end:]
    return folded


@lru_cache(maxsize=16384)
def _matches(folded: str) -> tuple[tuple[re.Match[str], ...], tuple[re.Match[str], ...], tuple[re.Match[str], ...]]:
    """Where the time patterns match ``folded`` (the extra forms, the event spans, the plain forms): the
    same whatever the message's time or the event's day, so a text read against several is scanned once."""
    lex = _lexicon()
    event_spans = tuple(lex.event_span.finditer(folded)) if lex.span_hint.search(folded) else ()
    return tuple(lex.extra.finditer(folded)), event_spans, \
        tuple(m for m in lex.pattern.finditer(folded) if m.end() > m.start() and _plain_time(folded, m, lex))


def _plain_time(folded: str, match: re.Match[str], lex: _Lexicon) -> bool:
    """Whether a match of the plain time pattern can be a time at all, by the text alone: not empty (the pattern
    matches nothing at most places), naming a day, a month, a part of the day or an hour; not "今天的PPT" (which one,
    not when); not a ratio's or a clock's digits (1:16, 比例是3:1). Read once per text in :func:`_matches`, whatever
    the message's time: a bench sentence had four to seven matches, nearly all empty."""
    if not match.group(0).strip() or not any(match.group(k) for k in ("rel", "wd", "mo", "dm", "dn", "dm2", "me", "h")) \
            and not _marked_part(folded, match, lex):
        return False
    if folded[match.end():match.end() + 1] == "的" and not match.group("h") and not match.group("mark"):
        return False  # 今天的PPT, 周六的活动: which one, not when
    return not (match.group("h") and (lex.ratio.search(folded[max(0, match.start() - 6):match.start()])
                                      or re.match(r"[:：]\d", folded[match.end():match.end() + 2])
                                      or re.search(r"[:：]\d$", match.group(0).strip())
                                      or (match.group(0).rstrip().endswith("点") and (lex.points.match(folded[match.end():])
                                                                                     or lex.points_talk.search(folded)))))


def _marked_part(folded: str, match: re.Match[str], lex: _Lexicon) -> bool:
    """A part of the day with an hour of its own and a "before", alone ("中午前把投保链接发出来"): that hour of the
    message's day (or the next one's, once it has passed) — not "中午前后" (about noon), nor a part with no hour of
    its own ("下午前" names none), nor one after an hour in the same sentence ("早上7点集合，中午前做完": the end of
    that day's plan, not work due)."""
    part = match.group("part2") or match.group("part3")
    said = re.split(r"[。！!？?\n]", folded[:match.start()])[-1]
    return bool(part and match.group("mark") and lex.parts.get(part, {}).get("default")
                and folded[match.end():match.end() + 1] != "后" and not lex.bare_hour.search(said))


def _plain_expressions(folded: str, when: datetime | None, lex: _Lexicon, taken: list[tuple[int, int, Deadline]],
                       event: date | None, matches: tuple[re.Match[str], ...]) -> list[tuple[int, int, Deadline]]:
    """The plain time expressions of ``folded`` outside the spans ``taken``; ``matches``: the plain pattern's matches
    that can be times (:func:`_matches`)."""
    out: list[tuple[int, int, Deadline]] = []
    spelled_end = -2  # where the last spelled-out date (4月2日) ended
    for match in matches:
        if any(s < match.end() and match.start() < e and not _evening_of(folded, match, s, e, d, lex)
               for s, e, d in taken):
            continue
        found = _resolve(match, when, lex, event)
        if match.group("wd") and match.start() - spelled_end <= 1 and out and out[-1][2].day:
            found.day = out[-1][2].day  # 4月2日周四: the weekday names the date just written
        if match.group("mo"):
            spelled_end = match.end("md")
        no_day = not any(match.group(k) for k in ("rel", "wd", "mo", "dm", "dn", "dm2", "me"))
        found.hour_only = no_day
        start = match.start()
        # "出发前一天晚上8点前": the hour of the day just counted from the event (words only without one)
        day_span = next((t for t in taken if t[1] <= start and not folded[t[1]:start].strip() and t[2].clock is None), None)
        # "出发前一晚9点前": the evening the span counts to ("晚") opens the hour's own reading ("晚9点前"); one
        # expression, that evening's hour
        day_span = day_span or next((t for t in taken if _evening_of(folded, match, *t, lex)), None)
        if no_day and found.clock and day_span is not None:
            overlap = max(0, day_span[1] - start)
            start, found.day, found.text = day_span[0], day_span[2].day, day_span[2].text + found.text[overlap:]
            found.marked = found.marked or day_span[2].marked
            found.hour_only = False
            taken.remove(day_span)  # one expression, not a day and an hour of the message's day
        elif no_day and found.clock and out and out[-1][2].clock and lex.range_joint.fullmatch(folded[out[-1][1]:start]):
            _range_end(found, out[-1][2], part=bool(match.group("part") or match.group("part2") or match.group("part3")))
        elif no_day and found.clock and out and out[-1][2].day and not re.search(r"[。！？!?\n]", folded[out[-1][1]:start]):
            if when is not None and out[-1][2].day != found.day and out[-1][2].day != when.date():
                # "这周六中午…，大家11点前到": the hour of that day, read as that day's (not "11 tonight");
                # an afternoon or evening named with the day ("周六晚上…7点前") keeps the hour after noon
                later = any(info.get("pm") and part in out[-1][2].text for part, info in lex.parts.items())
                found.clock = _clock(match.groupdict(), later, lex)
            found.day = out[-1][2].day  # "大后天去提货，下午4点前到": the time of that day
        if lex.past.search(folded[max(0, match.start() - 2):match.end()]):
            found.day, found.clock, found.marked = None, None, False  # 昨天, 上周五: the past, not a deadline
        if not found.marked and found.day is not None and lex.lead_mark.search(folded[max(0, match.start() - 6):match.start()]):
            found.marked = True  # 截止4月30日, 最晚周五: the deadline word stands before the time
        if match.group("wd") and not match.group("wk") and not found.marked and found.day is not None \
                and when is not None and match.start() - spelled_end > 1:
            found.day = _in_named_week(folded[:match.start()], found.day, when.date())
        found.attached = _attached(folded, match.end(), lex)
        out.append((start, match.end(), found))
    return out


@lru_cache(maxsize=1)
def _week_frame() -> re.Pattern[str]:
    """A week word standing alone, not a weekday's (下周的安排, 下个礼拜值班, 这星期): its week group holds 下/这…."""
    d = load_resource(TIME_FILE)
    not_next = f"(?<![{''.join(map(str, d['not_next_after']))}])"
    days = "".join(fold(str(k)) for k in d["weekday_names"])
    return re.compile(rf"{not_next}(?P<wk>{_alt(d['next_week'] + d['week_after_next'] + d['this_week'])})"
                      rf"(?:{_alt(d['weekday_prefix'])})(?![{days}])")


def _in_named_week(before: str, day: date, today: date) -> date:
    """A bare weekday under a week named alone earlier in the same message ("下周值班：周一张三，周四下午李四",
    "下周的分享会，周四晚上7点") is a day of that week, not of this one: when things happen that week. A due time
    ("下周的集市，你周四前把样品册带来") is work leading up to it and keeps its own reading. The scope ends at a sentence end,
    a semicolon or a list item's number (``time.yaml`` week_frame_ends), and a weekday with its own week word
    (下周三前) names only itself. Only a day before that week's Monday moves (a bare weekday already runs ahead)."""
    frames = list(_week_frame().finditer(before))
    if not frames or re.search(str(load_resource(TIME_FILE)["week_frame_ends"]).strip("/"), before[frames[-1].end():]):
        return day
    weeks = _weeks_ahead(frames[-1].group("wk"), _lexicon()) or 0
    monday = today - timedelta(days=today.isoweekday() - 1) + timedelta(days=7 * weeks)
    while weeks and day < monday:
        day += timedelta(days=7)
    return day


def _evening_of(folded: str, match: re.Match[str], start: int, end: int, day: Deadline, lex: _Lexicon) -> bool:
    """Whether a plain time ``match`` only shares its opening part of the day with a span counted to that evening
    ("出发前一晚" + "晚9点前": the span's 晚 opens the hour's reading), so the hour is that evening's."""
    part = folded[match.start():end]
    return start < match.start() < end < match.end() and day.clock is None and day.day is not None \
        and part in lex.parts and match.group(0).startswith(part)


def _range_end(found: Deadline, begin: Deadline, *, part: bool) -> None:
    """The end of a range ("下午2点到5点", "晚上7点至9点"): the day of its beginning, and with no part of the day
    of its own, the first reading of its hour after the beginning (5点 after 下午2点 is 17:00, not 05:00).
    Unless marked ("8点到11点前"), the end says when the activity stops, not when anything is due."""
    found.day = begin.day
    found.range_end = not found.marked
    if part or found.clock is None or begin.clock is None:
        return
    hour, minute = int(found.clock[:2]) % 12, found.clock[3:]
    first = int(begin.clock[:2])
    # the first of the hour's two readings (5 / 17) at or after the beginning: "上午9点到11点" 11:00, "下午2点到5点" 17:00
    found.clock = f"{next((h for h in (hour, hour + 12) if h >= first), hour + 12):02d}:{minute}"


_CLAUSE_MARKS = re.compile(r"[，,；;]")  # (compiled once: read after each time expression of a chat)
_END_MARKS = re.compile(r"[。！!？?\n]")
_PREP_CLAUSES = re.compile(r"[，,；;。！!？?\n]")


def _attached(folded: str, end: int, lex: _Lexicon) -> bool:
    """Whether a task follows the time expression ending at ``end`` in its own clause: an action verb of
    ``cues.yaml`` before the next comma or full stop ("明天把表发群里", "周五给你答复"; not "周末都在家")."""
    clauses = _CLAUSE_MARKS.split(_END_MARKS.split(folded[end:end + 32], maxsplit=1)[0])
    # a time standing alone in front ("周五晚上，大家把表交给我") goes with the clause after it
    rest = clauses[0] if clauses[0].strip() or len(clauses) == 1 else clauses[1]
    return bool(cue("action", "verbs").search(cue("action", "verb_not").sub(" ", rest))
                or cue("action", "disposal").match(rest))


def find_deadline(text: str, when: datetime | None, context: str = "", *, strict: bool = True,
                  event: date | None = None, meeting: date | None = None) -> Deadline | None:
    """The deadline in a to-do sentence: the first time expression followed by 前/之前/截止…, else the
    last one that is a deadline at all ("今晚整理，明天发群里" is due tomorrow): with ``strict`` (a
    sentence of the chat), one with a task attached, a clock time or a spelled-out date — "周末都在家"
    and "5号楼" have none. "到时候"/"那天" take the date named in ``context`` (the rest of the message).
    ``strict=False`` reads a phrase that is already known to be a deadline (a model's deadline_text);
    ``event`` is the day of the event under discussion (:func:`event_days`), ``meeting`` the next day of
    the chat's stated schedule (:func:`next_meetings`)."""
    folded, ctx = fold(text), fold(context)
    found = _not_turned_down(_restated(time_expressions(text, when, event, meeting), folded), folded, when, event,
                             meeting)
    if _standing(folded, ctx):  # "每次活动…当天下午5点前": every activity's day, not one date
        found = [replace(d, day=None, clock=None) if _lexicon().same_day.search(fold(d.text)) else d for d in found]
    # the sentence's times with their places, read again only where a weekly schedule is said (most sentences
    # have none: ``found`` comes from the cached :func:`_expressions`)
    located = _located(folded, when, event, meeting) if _lexicon().weekly.search(folded) else ()
    weekly = _weekly_spans(folded, located)
    if weekly:  # "从12月1日起每周二晚8点加一场线上场": the sessions' time, not when any work is due; work
        # done every week ("每周三把质控表交给我") keeps its words and has no one date
        found = [replace(d) if d.marked or not any(ws <= s <= we for ws, we in weekly)
                 else replace(d, day=None, clock=None, marked=False, attached=True, spelled=False, bracketed=False,
                              relative=False,
                              hour_only=False, range_end=False)
                 for s, _, d in located
                 if d.marked or d.attached or not any(ws <= s <= we for ws, we in weekly)]
    # of several "…前" times, the one with a task in its own clause and a known day ("考试之前要…，
    # 这个月25号前完成" is due on the 25th, not on the exam's eve)
    marked = sorted((d for d in found if d.marked), key=lambda d: (not d.attached, d.day is None))
    marked = _after_change(marked, folded)
    if marked:
        due = in_message_week(_as_in_message(marked[0], text, context, when, event, meeting), text, context, when,
                               event, meeting)
        due = _day_named_before(_on_event_day(due, folded, when, event), folded, when, event)
        return _evening(due, folded, ctx, when)
    # (a day with its date in brackets is a date written out where a change word gives it as the new value:
    # "更正：道具费截止改到下周一（12月9日）" — not in every sentence, "本周六（7月7日）上午义诊" is when, not work due)
    change = moved_from(folded) if strict and any(d.bracketed for d in found) else None
    usable = [d for d in found if (d.attached or d.clock or d.spelled or _given_as_new(d, folded, change))
              and not d.range_end] if strict else found
    closed = [d for d in usable if _closing_time(d, folded)]
    usable = [d for d in usable if d not in closed]
    if closed and not usable:  # "明天下午去，公所4点半下班": the day the one told goes, not the closing hour
        usable = [d for d in found if d.relative and d.day is not None and d not in closed]
    begun = _begins(folded, when, event, meeting)
    # "下周一开始收": a start, not a due day (a spelled date keeps it: "从12月1日起…，会议号我来发" is due by then)
    usable = [d for d in usable if d.clock or d.spelled or d.text not in begun]
    usable = _changed_to(usable, folded)
    if usable:
        return _evening(in_message_week(_own_clause(usable), text, context, when, event, meeting), folded, ctx, when)
    return _same_day(text, when, context)


@lru_cache(maxsize=1)
def _turned_down() -> re.Pattern[str]:
    return re.compile(_alt(time_words("turned_down")))


def _not_turned_down(found: list[Deadline], folded: str, when: datetime | None, event: date | None,
                     meeting: date | None) -> list[Deadline]:
    """``found`` less a time its own clause turns down ("元旦前做不完 竹子还要晒 最快1月15号": due on the 15th, not by
    New Year), while another time is left (time.yaml ``turned_down``, within ``turned_down_reach`` characters after it)."""
    if len(found) < 2 or not _turned_down().search(folded):
        return found
    reach = int(load_resource(TIME_FILE)["turned_down_reach"])
    denied = {d.text for _, end, d in _located(folded, when, event, meeting)
              if _turned_down().search(_CLAUSE.split(folded[end:end + reach], maxsplit=1)[0])}
    kept = [d for d in found if fold(d.text) not in denied]
    return kept or found


def _on_event_day(found: Deadline, folded: str, when: datetime | None, event: date | None) -> Deadline:
    """A bare "…点前" after "那天/当天" earlier in the sentence ("发版那天的推送文案我来写，上午10点前发到群里"):
    the hour of the event's day (time.yaml ``event_day_refs``), not today's or tomorrow's."""
    if not found.hour_only or event is None or when is None or when.year <= 1900 or event <= when.date():
        return found
    at = folded.find(fold(found.text))
    if at <= 0 or not any(ref in folded[:at] for ref in time_words("event_day_refs")):
        return found
    return replace(found, day=event)


def _day_named_before(found: Deadline, folded: str, when: datetime | None, event: date | None) -> Deadline:
    """A bare "…点前" after a day the sentence names for what is done ("周六下午的插花体验你来带，2点前到场"): that
    day's hour, not today's or tomorrow's — the day read as the sentence's time patterns read it (a weekday of
    the event's week is the event's day)."""
    if not found.hour_only or when is None or when.year <= 1900:
        return found
    at = folded.find(fold(found.text))
    if at <= 0:
        return found
    lex = _lexicon()
    days = [d for m in lex.pattern.finditer(folded[:at]) if not m.group("mark") and (m.group("wd") or m.group("rel"))
            for d in [_resolve(m, when, lex, event)] if d.day is not None and d.day > when.date()]
    return replace(found, day=days[-1].day) if days else found


def weekdays_named(text: str) -> list[tuple[bool, bool]]:
    """Each weekday the text names, as (a week word stands with it — 下周二, 这周四 —, it is a due time — 周五前)."""
    return [(bool(m.group("wk")), bool(m.group("mark"))) for m in _lexicon().pattern.finditer(fold(text))
            if m.group("wd")]


def other_matter(found: Deadline, text: str) -> bool:
    """Whether an unmarked date closes a clause about another matter while the work is told in a clause of its
    own ("婚期确定是2029年10月6日，请帖我这边按这个日子去印": the wedding's day, not when the invitations are due).
    A time that starts its clause ("周五晚上，大家把表交给我") or has work after it is the work's own time; only a
    calendar date written out with no hour counts (an hour or 明天/周五 is when someone acts)."""
    if found.marked or not found.spelled or found.clock or found.relative:
        return False
    folded, said = fold(text), fold(found.text)
    at = folded.find(said)
    if at < 0:
        return False
    end = at + len(said)
    stops = "，,；;。！!？?\n"
    start = max(folded.rfind(c, 0, at) for c in stops) + 1
    close = min((i for i in (folded.find(c, end) for c in stops) if i >= 0), default=len(folded))
    if folded[end:close].strip() or not folded[start:at].strip():
        return False
    others = [part for part in re.split(r"[，,；;。！!？?\n]", folded[:start] + "，" + folded[close:]) if part.strip()]
    verbs, not_verbs = cue("action", "verbs"), cue("action", "verb_not")
    return any(verbs.search(not_verbs.sub(" ", part)) for part in others)


def _evening(d: Deadline | None, folded: str, context: str, when: datetime | None = None) -> Deadline | None:
    """A bare hour read as the morning's ("6点前" → 06:00) that is the evening's by the words around it ("我周三下班去
    下单，要的人6点前把钱转我": time.yaml evening_context), unless a morning word is said there too. An hour with no
    day ("6点前") is today's when the evening's hour is still to come."""
    lex = _lexicon()
    if d is None or not d.clock or any(part in fold(d.text) for part in lex.parts):
        return d
    hour = int(d.clock[:2])
    low, high = lex.evening_context_hours
    words = folded + " " + context
    if not low <= hour <= high or not lex.evening_context.search(words) or lex.morning.search(words):
        return d
    clock = f"{hour + 12:02d}{d.clock[2:]}"
    day = d.day
    if when is not None and lex.bare_hour.fullmatch(fold(d.text)) and clock > when.strftime("%H:%M"):
        day = when.date()
    return replace(d, clock=clock, day=day)


def night_work(texts: list[str]) -> bool:
    """Whether a chat plans work done in the small hours (time.yaml night_work: 凌晨, 通宵, 夜班, 天窗点…)."""
    lex = _lexicon()
    return any(lex.night_work.search(fold(t)) for t in texts)


def small_hours(deadline: str | None, text: str | None, when: datetime | None) -> str | None:
    """The coming night's reading of a bare hour ("3点前") that was dated as the afternoon's (15:00), when it is
    said in the evening or the night (from time.yaml evening_from to day_starts_at) of a chat about night work
    (:func:`night_work`): "3点前清点完" said at 22:10 is 03:00 the next day. None when it is no such hour."""
    lex = _lexicon()
    if when is None or deadline is None or len(deadline) != 16 or not text or not lex.bare_hour.fullmatch(fold(text)):
        return None
    low, high = lex.night_work_hours
    hour = int(deadline[11:13]) - 12
    if not low <= hour <= high or lex.day_starts_at <= when.hour < lex.evening_from:
        return None
    day = when.date() + timedelta(days=1) if when.hour >= lex.evening_from else when.date()
    return f"{day.isoformat()} {hour:02d}{deadline[13:]}"


def _standing(folded: str, context: str) -> bool:
    """Whether the sentence (or its message) states a standing rule (``time.yaml`` standing_rule)."""
    return any(w in folded or w in context for w in _lexicon().standing)


def off_schedule(text: str, when: datetime | None, event: date | None = None) -> list[Deadline]:
    """The time expressions of ``text`` outside a recurring schedule ("我负责续订排练室，还是每周六下午2点到5点"
    has none: the slot is when it meets, not when any work is due)."""
    folded = fold(text)
    located = _located(folded, when, event)
    weekly = _weekly_spans(folded, located)
    return [d for s, _, d in located if not any(ws <= s <= we for ws, we in weekly)]


@lru_cache(maxsize=1)
def _restatement() -> re.Pattern[str]:
    d = load_resource(TIME_FILE)
    return re.compile(rf"[^，,。！？!?\s]{{0,3}}[，,\s]*(?:{_alt(d['restated_joins'])})\s*"
                      rf"(?P<zone>[^，,。！？!?\s]{{0,4}}(?:{_alt(d['zone_suffixes'])}))?\s*")


def _restated(found: list[Deadline], folded: str) -> list[Deadline]:
    """A time said again in other words (time.yaml restated_joins: "东京时间12月9日中午12点交，就是北京时间12月9日
    上午11点"): the first one gives way to the restated one, which keeps its deadline marks, its work and the zone
    word said with it ("北京时间12月9日上午11点") — the group's own reading is shown, not converted."""
    if len(found) < 2:
        return found
    at, placed = 0, []
    for d in found:
        start = folded.find(fold(d.text), at)
        if start < 0:
            return found
        placed.append((start, start + len(fold(d.text)), d))
        at = start + len(fold(d.text))
    out: list[Deadline] = []
    for k, (_start, end, d) in enumerate(placed):
        nxt = placed[k + 1] if k + 1 < len(placed) else None
        joint = _restatement().fullmatch(folded[end:nxt[0]]) if nxt is not None and d.day is not None else None
        if joint is not None and nxt[2].day is not None:
            zone = joint.group("zone") or ""
            placed[k + 1] = (nxt[0], nxt[1], replace(nxt[2], text=zone + nxt[2].text, marked=nxt[2].marked or d.marked,
                                                     attached=nxt[2].attached or d.attached))
            continue
        out.append(placed[k][2])
    return out


def _given_as_new(d: Deadline, folded: str, change: int | None) -> bool:
    """Whether ``d`` is a day with its date in brackets said after the line's change word (``change``,
    :func:`moved_from`): the new value the change gives, as good as a date written out."""
    return d.bracketed and change is not None and folded.find(fold(d.text), change) >= 0


def _said_after_change(times: list[Deadline], folded: str) -> list[Deadline]:
    """Of several times in a line that changes one (cue ``moved``), the ones said after the change word (none when the
    line has fewer than two times or no change)."""
    change = moved_from(folded) if len(times) >= 2 else None
    return [] if change is None else [d for d in times if folded.find(fold(d.text), change) >= 0]


def _after_change(marked: list[Deadline], folded: str) -> list[Deadline]:
    """Of several "…前" times, the ones said after a change of them ("节目单原本周三前定稿，改成周二前定稿",
    "报名原来是周五截止，改成下周一前"; cue ``moved``) first: the time replaced is no longer due."""
    later = _said_after_change(marked, folded)
    return later + [d for d in marked if d not in later] if later else marked


def _changed_to(usable: list[Deadline], folded: str) -> list[Deadline]:
    """Of several times in a line that changes one ("A线明天起提货时间从9:00改到10:30"), the ones said after the change
    word: the time it replaced is no longer due (:func:`_after_change` for times with 前)."""
    return _said_after_change(usable, folded) or usable


def _own_clause(usable: list[Deadline]) -> Deadline:
    """Of several times in a to-do, the last one with the work in its own clause ("老陈明天送两副棋具到文化站，
    下周二晚7点文化站三楼训练" is due tomorrow: the Tuesday is the training's time); the last one when none is."""
    attached = [d for d in usable if d.attached]
    return attached[-1] if attached else usable[-1]


def _weekly_spans(folded: str, located: tuple[tuple[int, int, Deadline], ...]) -> list[tuple[int, int]]:
    """Where a recurring schedule is said ("每周六下午2点到5点"): the weekly words and the times that run on
    from them, the end of a range included (its 5点 is the slot's end, not a deadline)."""
    lex = _lexicon()
    spans = []
    for m in lex.weekly.finditer(folded):
        start, end = m.start(), m.end()
        for s, e, _ in sorted(located, key=lambda x: x[0]):
            if start <= s <= end or (s > end and lex.range_joint.fullmatch(folded[end:s])):
                end = max(end, e)
        spans.append((start, end))
    return spans


def _closing_time(found: Deadline, folded: str) -> bool:
    """A clock followed by a closing word ("公所4点半下班", "包装厂4点半关门") says when a place closes, not when
    work is due; "5点半下班前" (marked) still is a deadline."""
    if found.marked or found.clock is None:
        return False
    text = fold(found.text)
    at = folded.find(text)
    if at < 0:
        return False
    closing = _lexicon().closing
    return bool(closing.match(folded[at + len(text):]) or any(closing.fullmatch(text[i:]) for i in range(1, len(text))))


def _as_in_message(found: Deadline, text: str, context: str, when: datetime | None, event: date | None,
                   meeting: date | None) -> Deadline:
    """``found`` (a time of the clause ``text``) as read in the whole message ``context``: an hour with no day of
    its own goes with a day named before it in the same sentence ("禮拜六喺會堂派米，大家9點前到" is due
    Saturday 09:00, not tomorrow morning)."""
    if not found.clock:
        return found
    same = _read_in_message(found, text, context, when, event, meeting)
    if same is None or (same.day, same.clock) == (found.day, found.clock):
        return found
    return replace(found, day=same.day, clock=same.clock, hour_only=False)  # its day is named before it


def _read_in_message(found: Deadline, text: str, context: str, when: datetime | None, event: date | None,
                     meeting: date | None) -> Deadline | None:
    """``found``'s own words as read in the whole message ``context`` — the first time expression with its text at or
    after the clause ``text`` — or None when the clause is the whole message or is not found in it."""
    if not context or context == text:
        return None
    whole, part = fold(context), fold(text)
    at = whole.find(part)
    if at <= 0:
        return None
    return next((d for s, _, d in _located(whole[:at + len(part)], when, event, meeting)
                 if s >= at and d.text == found.text), None)


def in_message_week(found: Deadline, text: str, context: str, when: datetime | None, event: date | None,
                     meeting: date | None) -> Deadline:
    """``found`` (a bare weekday of the clause ``text``) in the week its message names before the clause
    (:func:`_in_named_week`: "下周的安排：" then the line "周四下午 阿敏去拿钥匙" is next week's Thursday): only
    whole weeks later, the day's hour kept."""
    if found.day is None:
        return found
    same = _read_in_message(found, text, context, when, event, meeting)
    if same is None or same.day is None or same.day <= found.day or (same.day - found.day).days % 7:
        return found
    return replace(found, day=same.day)


@lru_cache(maxsize=1)
def _starts_from() -> re.Pattern[str]:
    return re.compile(str(load_resource(TIME_FILE)["starts_from"]))


def _begins(folded: str, when: datetime | None, event: date | None, meeting: date | None) -> set[str]:
    """The texts of the unmarked times in ``folded`` that say when something starts ("下周一开始收")."""
    cue = _starts_from()
    return {d.text for _, end, d in _located(folded, when, event, meeting) if not d.marked and cue.match(folded[end:])}


def _same_day(text: str, when: datetime | None, context: str) -> Deadline | None:
    """"到时候"/"那天": the day the sentence itself names before it ("我周六去拿，钱到时候交给阿珍" is Saturday), else
    the first day the rest of the message names."""
    folded = fold(text)
    ref = _lexicon().same_day.search(folded)
    if ref:
        told = [d for d in time_expressions(folded[:ref.start()], when) if d.day is not None and not d.range_end]
        if told:
            return told[-1]
    if ref and context:
        named = [d for d in time_expressions(context, when) if d.day is not None]
        if named:
            return Deadline(text=ref.group(0), day=named[0].day, clock=None)
    return None


def grounded_dates(texts: list[tuple[str, datetime | None]]) -> set[str]:
    """Dates (``YYYY-MM-DD`` and ``M月D日``) that the messages' own time expressions resolve to: what
    the faithfulness check accepts in a deadline although the chat never spelled it out."""
    out: set[str] = set()
    night = night_work([text for text, _ in texts])
    events = anchored_events(texts, event_days(texts))
    last = next((e for e in reversed(events) if e is not None), None)  # the event's day at the end of the chat
    for (text, when), event, meeting in zip(texts, events, next_meetings(texts), strict=True):
        # (read against the event and as said: "最晚周日晚上" before a Sunday event may be this Sunday; and against
        # the event's last day, which a deadline said before the event moved follows: "活动前一天" after 改到5月27日)
        moved = [*time_expressions(text, when, last, meeting)] if last is not None and last != event else []
        for d in [*time_expressions(text, when, event, meeting), *time_expressions(text, when, None, meeting), *moved]:
            if d.day is not None:
                out |= {d.day.isoformat(), f"{d.day.month}月{d.day.day}日"}
                if d.clock:
                    out.add(d.clock)
                    # "8点半前": either half of the day's 8:30
                    if d.hour_only and not says_day_part(d.text) and (said := minutes_of(d.clock)) is not None:
                        out.add(clock_of((said + 12 * 60) % (24 * 60)))
                    # (and, in a chat about night work, the coming night's reading of a bare hour: small_hours)
                    late = small_hours(f"{d.day.isoformat()} {d.clock}", d.text, when) if night else None
                    if late is not None:
                        day = date.fromisoformat(late[:10])
                        out |= {late[:10], f"{day.month}月{day.day}日", late[11:]}
    return out


@lru_cache(maxsize=4096)
def _preparation_clauses(text: str) -> tuple[str, ...]:
    """The folded clauses of ``text`` that name a run-through before the event (time.yaml ``preparation_words``)."""
    words = time_words("preparation_words")
    return tuple(c for c in _PREP_CLAUSES.split(fold(text)) if any(w in c for w in words))


def year_of(month: int, today: date) -> int:
    """The year of a month named without one: this year's, unless it lies more than six months back (12月 said in
    January is last December; 1月 said in December is next January)."""
    return today.year + (month < today.month - 6)


@lru_cache(maxsize=None)  # one entry per time.yaml key (twelve are read now: a bound of 8 made them evict each other)
def time_words(key: str) -> tuple[str, ...]:
    return tuple(fold(str(w)) for w in load_resource(TIME_FILE)[key])


def event_days(texts: list[tuple[str, datetime | None]]) -> list[date | None]:
    """For each message, the day of the event under discussion so far (:func:`_event_days`; the structure pass and the
    grounding ask it of the same messages: read once per distinct list)."""
    return list(_event_days(tuple(texts)))


@lru_cache(maxsize=4)
def _event_days(texts: tuple[tuple[str, datetime | None], ...]) -> tuple[date | None, ...]:
    """For each message, the day of the event under discussion so far: among the later days the messages
    up to it name as when something happens (no 前/截止: not a deadline), the one named most often; on a
    tie the latest named (in one message, the first: the start of a span). A calendar date written out (9月19日) outranks a weekday (周末, 周六), which
    outranks a day counted from the message (明天, 后天): "我明天就去问" says when someone acts, and
    "周末去尝尝" in an aside is no event."""
    counts: dict[date, tuple[int, int, int]] = {}
    best: date | None = None
    out: list[date | None] = []
    for n, (text, when) in enumerate(texts):
        if when is not None and not _timeless(fold(text)):  # (a line with no time names no day: most lines)
            named: dict[date, int] = {}
            prep = _preparation_clauses(text)
            change = moved_from(fold(text))
            for d in time_expressions(text, when):
                if any(fold(d.text) in clause for clause in prep):
                    continue  # a rehearsal's day ("彩排定在12月20日"): not the event's
                # "分两场：上午9点半一场，10点45一场" said the evening before: the hours of the event named
                # before, not tomorrow's date
                if d.day and not d.marked and not d.hour_only and d.day > when.date():
                    # (a spelled day the event is moved to, "市集改到5月27日", outranks every day named before)
                    moved = d.spelled and change is not None and fold(text).find(fold(d.text), change) >= 0
                    named[d.day] = max(named.get(d.day, 0), 3 if moved else 2 if d.spelled else int(not d.relative))
            # (a day told while turning to another matter — "另外团里的年终聚餐是12月29日" — wins no tie over the event
            # named before it: the chat is still planning that one; cues.yaml reply.topic_shift)
            aside = has(fold(text).lstrip(), "reply", "topic_shift")
            for d, written in named.items():
                old = counts.get(d, (0, 0, -1))
                counts[d] = (max(old[0], written), old[1] + 1, max(old[2], -1) if aside else n)
                # (a tie within one message: the first day it names, where a span starts — "12月31号出发，1月2号返程")
                if best is None or counts[d] > counts[best]:
                    best = d
        out.append(best)
    return tuple(out)


def moved_from(folded: str) -> int | None:
    """Where a change of time starts in the folded line (cue ``moved``: "市集改到5月27日周六上午9点"), unless it is a
    contingency (``moved_unless``: "下雨就改到周日") or a question: the days after it are the event's new days."""
    found = cue("moved").search(folded)
    if found is None or cue("moved_unless").search(folded) or folded.rstrip().endswith(("?", "？")):
        return None
    return found.end()


def next_meetings(texts: list[tuple[str, datetime | None]]) -> list[date | None]:
    """For each message, the next day of the recurring schedule the chat states anywhere ("每周四晚上8点",
    "逢星期二", "每月第一个周六"; the first one stated), after that message's day: what "下次上课" means."""
    lex = _lexicon()
    rule = next((m for text, _ in texts for m in [lex.weekly.search(fold(text))] if m), None)
    if rule is None:
        return [None] * len(texts)
    out: list[date | None] = []
    for _, when in texts:
        if when is None or when.year <= 1900:
            out.append(None)
            continue
        day = when.date() + timedelta(days=1)
        if rule.group("wd"):
            wd = lex.weekdays[rule.group("wd")]
            out.append(day + timedelta(days=(wd - day.isoweekday()) % 7))
            continue
        nth, wd = cn_to_int(rule.group("nth")) or 1, lex.weekdays[rule.group("mwd")]
        found = None
        for _ in range(3):  # this month's Nth weekday, or next month's
            first = day.replace(day=1)
            cand = first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (nth - 1))
            if cand >= day and cand.month == first.month:
                found = cand
                break
            day = (first + timedelta(days=32)).replace(day=1)
        out.append(found)
    return out


@lru_cache(maxsize=1)
def _anchor() -> re.Pattern[str] | Gated:
    days, spans = _alt(time_words("event_anchor_days")), _alt(time_words("event_anchor_spans"))
    marks = rf"(?:{days}|(?:{spans})(?:\d|[{CN_DIGITS}]))"
    # behind a first look for its marks (every match is followed by one): the run before them is tried at every Han
    # character of every message, twice a chat, and most messages hold no mark at all
    return Gated(re.compile(rf"([\u4e00-\u9fff]{{2,5}})(?={marks})"), re.compile(marks))


@lru_cache(maxsize=1)
def _bare_anchor() -> re.Pattern[str]:
    """An event word of ``time.yaml`` right before a bare 前/之前 ("每台车出发前把胎压拍一下发群里"): the day the chat
    tells for that event, when it tells one (else the event under discussion). (The word alone is matched, the
    characters before it read by :func:`_bare_runs`: a run of any length tried at every place was 5× slower.)"""
    before = _alt(time_words("event_before"))
    return re.compile(rf"(?:{_alt(time_words('event_words'))})(?=(?:{before})(?![\d{CN_DIGITS}]))")


def _bare_runs(folded: str) -> list[str]:
    """The event words before a bare 前 in ``folded`` (:func:`_bare_anchor`), each with up to three Han characters
    before it."""
    if "前" not in folded:  # (every event_before word holds it: most lines have none)
        return []
    out = []
    for m in _bare_anchor().finditer(folded):
        start = m.start()
        while start > max(0, m.start() - 3) and "\u4e00" <= folded[start - 1] <= "\u9fff":
            start -= 1
        out.append(folded[start:m.end()])
    return out


_CLAUSE = pauses("，,。；;！!？?\n")  # (not a figure's comma: clauses.py)


def anchored_events(texts: list[tuple[str, datetime | None]], events: list[date | None]) -> list[date | None]:
    """For each message, the day of the event it names before a mark of ``time.yaml`` (event_anchor_days, or event_anchor_spans and a count: "发表会前一天",
    "换种会前三天", "园游会结束后三天内") when a dated sentence of the chat tells that event's day ("年末发表会12/19（六）
    下午2点", the last one told: a later line may move it); else the event under discussion (``events``). The event's
    words are read from the chat itself, not from a word list: the longest run of the characters before the mark that
    a sentence with a later, unmarked day of its own also says."""
    anchor = _anchor()
    # (the runs before a mark, read on the line as written: "发表会前一天" is a span the time patterns take whole)
    found = [[m.group(1) for m in anchor.finditer(folded)] + _bare_runs(folded) if when is not None else []
             for text, when in texts for folded in (fold(text),)]
    if not any(found):
        return list(events)
    marks = time_words("event_anchor_days") + time_words("event_anchor_spans")
    # every event's words looked up below (a run's tail of two or more) ends with its run's last two characters: a
    # clause with none of those is never looked up, so it is not read for its days
    tails = {run[-2:] for runs in found for run in runs}
    # (a line with none of them anywhere has none in a clause: passed over before it is read for a question or cut)
    any_tail = re.compile("|".join(map(re.escape, sorted(tails))))
    told: list[tuple[str, list[tuple[int, date]]]] = []  # each clause with a later day, and its days' places
    for text, when in texts:
        folded = fold(text)
        # (a question tells no day: "我下个月15号退租，押金怎么退" asks about a member's own move)
        if when is None or not any_tail.search(folded) or "?" in folded or has(folded, "question", "anywhere") \
                or interrogative(folded):
            continue
        for clause in _CLAUSE.split(folded):
            if not any(t in clause for t in tails):
                continue
            # (a day: a date, a weekday or a day word — not a stretch such as 年底/月底/这周, which names no event's day:
            # "年末发表会定在12月18日" is the 18th)
            days = [(s, d.day) for s, _, d in _located(clause, when) if d.day is not None and not d.marked
                    and not d.hour_only and d.day > when.date()
                    and not _stretch(fold(d.text))]
            # (nor a member's own plan: "我下个月15号退租" is no event of the group's)
            own = clause.lstrip().startswith(time_words("own_plan_heads")) \
                and not clause.lstrip().startswith(time_words("group_heads"))
            if days and not own and not any(w in clause for w in time_words("preparation_words")):
                told.append((clause, days))
    cache: dict[str, date | None] = {}

    def told_day(words: str) -> date | None:
        if words not in cache:
            day = None
            for clause, days in told:
                at = clause.find(words)
                # (the words as an event told, not as another anchor: "发表会前一天" tells no day of the show)
                if at >= 0 and not clause[at + len(words):].startswith(marks):
                    day = min(days, key=lambda sd: abs(sd[0] - at))[1]
            cache[words] = day
        return cache[words]

    out = list(events)
    for i, ((text, when), runs) in enumerate(zip(texts, found, strict=True)):
        if runs and moved_from(fold(text)) is not None:
            continue  # "文化中心那天档期冲突，发表会改到12/20": a change, not work counted from the old day
        for run in runs:
            # (the longest run that is no time word itself: 下周五前 names no event)
            day = next((d for k in range(len(run) - 1) if without_times(run[k:]) == run[k:]
                        for d in [told_day(run[k:])] if d is not None), None)
            if day is not None and when is not None and day > when.date():
                out[i] = day
                break
    return out


def _stretch(text: str) -> bool:
    """Whether a folded time text names a stretch of days, not one day: 年底, 月底, 月中, 下个月初, 这周 (time.yaml)."""
    words = [*time_words("year_end"), *time_words("month_end"), *time_words("month_mid"), *time_words("month_start")]
    return any(w in text for w in words) or text in time_words("week_words")


@dataclass(frozen=True)
class AssumedDay:
    """The day a chat without dated messages is taken to be written on, read from its own words."""

    today: date
    source: str  # the words that fixed it ("6月23日周六")
    header: bool  # a line that is only a date (the day's header of a pasted copy), not an event's date
    told: bool = False  # a line saying which day the chat is on ("今天周四", "明天（12月12日）"): not a week's Monday


def _told_weekday(folded: str, found: re.Match[str], matches: list[re.Match[str]], lex: _Lexicon) -> int | None:
    """The weekday written right beside a spelled date: in its brackets ("6月24日(日)"), just after it ("6月23日周六")
    or just before it ("周六6月23日")."""
    inner = found.group("inner")
    if inner and inner[-1] in lex.weekdays:
        return lex.weekdays[inner[-1]]
    for other in matches:
        g = other.groupdict()
        if other is found or not g["wd"] or g["wk"] or g["mo"] or g["dm"]:
            continue
        gap = other.start() - found.end() if other.start() >= found.end() else found.start() - other.end()
        if 0 <= gap <= 1 and not folded[min(found.end(), other.end()):max(found.start(), other.start())].strip(" ,，"):
            return lex.weekdays[g["wd"]]
    return None


def _dated_year(month: int, day: int, weekday: int, near: int) -> int | None:
    """The year nearest ``near`` (the later one on a tie) in which month/day falls on ``weekday``."""
    for off in sorted(range(-11, 12), key=lambda k: (abs(k), -k)):
        try:
            if date(near + off, month, day).isoweekday() == weekday:
                return near + off
        except ValueError:
            return None
    return None


def assumed_days(texts: list[tuple[str, datetime | None]], near: int | None = None) -> list[AssumedDay | None]:
    """For a chat whose messages carry no date (a pasted copy without times, a time-only export), the day each
    message is taken to be written on, from the chat's own dated words — else all None. A line that is only a
    date with its weekday ("2029年6月5日 星期二", a pasted copy's day header) dates the lines under it. Before
    any, the first date told with its weekday ("夏季汇演定在6月23日周六", "下个礼拜六(6月16号)") is an event
    being planned: its week word puts the chat that many weeks before it (下 one, 下下 two, 这 the same week; a
    date alone, one), on that week's Monday. The weekday fixes the year (the nearest to ``near``, this year)."""
    if not texts or any(when is not None and when.year > 1900 for _, when in texts):
        return [None] * len(texts)
    lex = _lexicon()
    near = near or date.today().year
    found: list[tuple[int, date, str, bool, int, bool]] = []  # message, date, words, header, weeks before, told
    for n, (text, _) in enumerate(texts):
        folded = fold(text)
        matches = [m for m in lex.pattern.finditer(folded) if m.group(0).strip()]
        for m in matches:
            g = m.groupdict()
            weeks, ahead = 1, None
            if g["wd"] and g["inner"]:  # 下个礼拜六(6月16号)
                spelled = lex.pattern.search(fold(g["inner"]))
                if spelled is None or not spelled.group("mo"):
                    continue
                month, day, weekday = _number(spelled.group("mo")), _number(spelled.group("md")), lex.weekdays[g["wd"]]
                ahead = _weeks_ahead(g["wk"], lex)
                weeks = 1 if ahead is None else ahead
            elif g["mo"] or g["dm"]:
                month, day = (_number(g["mo"]), _number(g["md"])) if g["mo"] else (g["dm"], g["dd"])
                weekday = _told_weekday(folded, m, matches, lex)
            else:
                continue
            if weekday is None or not month or not day:
                continue
            year = _dated_year(int(month), int(day), weekday, near)
            if year is None:
                continue
            rest = folded
            for other in matches:
                rest = rest.replace(other.group(0), " ")
            # nothing but the date, its weekday (and year) — unless it answers a question just above ("定在哪天？"
            # then "6月27日 周六"): that names the day of what is planned, not the day the lines under it are written
            header = len(re.sub(r"[\W\d_]", "", rest)) <= 1 and not (n and asks(fold(texts[n - 1][0])))
            # (the words as written when folding kept their places: 「6月24日（日）」 stays Traditional and full-width)
            words = text.strip() if header else (text[m.start():m.end()] if len(text) == len(folded) else m.group(0))
            found.append((n, date(year, int(month), int(day)), words.strip(), header, weeks, ahead is not None))
            break
    if not found:
        return [None] * len(texts)
    first = next((f for f in found if not f[3]), None)
    out: list[AssumedDay | None] = []
    current: AssumedDay | None = None
    headers = {f[0]: f for f in found if f[3]}
    if first is not None:
        monday = first[1] - timedelta(days=first[1].isoweekday() - 1 + 7 * first[4])
        # (the week most of the chat's own week words put it in: "下下周六就是尾牙了", "下个礼拜六（12月26号）")
        monday = _told_week(texts, lex, [f for f in found if not f[3]], monday, dated_lines=bool(headers))
        # (a spelled date due "…前" is set before it passes: the chat is no later than its week)
        monday = _due_bound(texts, lex, first[1], monday, dated_lines=bool(headers))
        current = AssumedDay(monday, first[2], False)
        # (a line telling the chat's own day moves it off that Monday: 明天/后天 count from the day it names)
        if not headers:
            current = _told_chat_day(texts, lex, first[1], monday) or current
    for n in range(len(texts)):
        if n in headers:
            current = AssumedDay(headers[n][1], headers[n][2], True)
        out.append(current)
    return out


def _told_week(texts: list[tuple[str, datetime | None]], lex: _Lexicon,
               dated: list[tuple[int, date, str, bool, int, bool]], monday: date, *, dated_lines: bool = False) -> date:
    """The Monday of the week a chat without dated messages is written in, by its own week words: a date told with
    one ("下个礼拜六（12月26号）", :func:`assumed_days`' ``dated`` entries whose last field is set); a weekday with one,
    joined (``time.yaml`` told_day_joints, told_week_joints) to what a dated line plans on that weekday ("下下周六就是
    尾牙了", "尾牙就系下下个礼拜六", "下下周六的尾牙" beside "尾牙订在12月19日（六）"); a count of days or weeks left
    before it ("离尾牙还有两周", ``countdown``). Each puts the chat in one week; the week most of them agree on wins (on
    a tie, the first told), within ``told_week_reach_days`` of ``monday`` (the week :func:`assumed_days` took). A line
    in the past (上周, 已经…) tells nothing; with no such words, or day header lines dating the copy
    (``dated_lines``), ``monday`` stays."""
    if dated_lines:
        return monday
    reach = int(time_words("told_week_reach_days")[0])
    votes: dict[date, tuple[int, int]] = {}  # Monday → (mentions, minus the first message telling it)

    def vote(day: date, n: int) -> None:
        week = day - timedelta(days=day.isoweekday() - 1)
        if abs((week - monday).days) <= reach:
            old = votes.get(week, (0, -n))
            votes[week] = (old[0] + 1, max(old[1], -n))

    for n, day, _, _, weeks, told in dated:
        if told:
            vote(day - timedelta(days=7 * weeks), n)
    joints = tuple(sorted({fold(str(w)) for w in (*time_words("told_day_joints"), *time_words("told_week_joints"))},
                          key=len, reverse=True))
    planned = [(day, _planned_subject(fold(texts[k][0]), lex)) for k, day, _, _, _, _ in dated]
    for n, (text, _) in enumerate(texts):
        folded = fold(text)
        if lex.past.search(folded) or any(w in folded for w in time_words("done_marks")):
            continue
        for m in lex.pattern.finditer(folded):
            g = m.groupdict()
            weeks = _weeks_ahead(g["wk"], lex) if g["wd"] and not g["inner"] else None
            told = next((day for day, subject in planned if weeks is not None and day.isoweekday() == lex.weekdays[g["wd"]]
                         and _joined_to(folded[:m.start()], folded[m.end():], subject, joints)), None)
            if told is not None:
                vote(told - timedelta(days=7 * weeks), n)
        left = _countdown().search(folded)
        told = next((day for day, subject in planned if left is not None and _names_planned(folded, subject)), None)
        if left is not None and told is not None and (count := cn_to_int(left.group("n"))):
            vote(told - timedelta(days=count * (1 if left.group("u") in ("天", "日") else 7)), n)
    if not votes:
        return monday
    return max(votes, key=lambda w: votes[w])


@lru_cache(maxsize=1)
def _countdown() -> re.Pattern[str]:
    """``time.yaml`` countdown: the days or weeks left before what a chat plans ("还有两周", "仲有十日")."""
    return re.compile(str(load_resource(TIME_FILE)["countdown"][0]))  # (not folded: its group names keep their case)


def _planned_subject(folded: str, lex: _Lexicon) -> str:
    """What a dated line plans, in its own words: the clause before its first spelled date ("今年尾牙订在" of
    "各位同仁，今年尾牙订在12月19日（六）晚上"), without the frame words (今年, 这次) and the joints (订在) —
    the words :func:`_joined_to` looks for beside a weekday."""
    first = next((m for m in lex.pattern.finditer(folded) if m.group("mo") or m.group("dm")), None)
    head = _PREP_CLAUSES.split(folded[:first.start()] if first is not None else "")[-1]
    for w in (*time_words("past_frames"), *time_words("present_frames"), *time_words("told_week_joints")):
        head = head.replace(fold(str(w)), " ")
    return head


def _hanzi_pair(text: str) -> bool:
    return len(text) == 2 and all("\u4e00" <= c <= "\u9fff" for c in text)


def _names_planned(folded: str, subject: str) -> bool:
    """Whether ``folded`` names what a dated line plans: two characters of its ``subject`` in a row."""
    return any(_hanzi_pair(subject[i:i + 2]) and subject[i:i + 2] in folded for i in range(len(subject) - 1))


def _joined_to(before: str, after: str, subject: str, joints: tuple[str, ...]) -> bool:
    """Whether a weekday word is told to be what a dated line plans (its ``subject``, :func:`_planned_subject`): a joint
    word (就是, 就系, 的) and then two characters of it right after the weekday ("下下周六就是尾牙了", "下下周六的尾牙"),
    or two and a joint right before it ("尾牙就系下下个礼拜六", "盆菜宴在下个礼拜六")."""
    rest = after.lstrip()
    joint = next((w for w in joints if rest.startswith(w)), None)
    if joint is not None and _hanzi_pair(rest.removeprefix(joint).lstrip()[:2]) \
            and rest.removeprefix(joint).lstrip()[:2] in subject:
        return True
    lead = before.rstrip()
    joint = next((w for w in joints if lead.endswith(w)), None)
    if joint is None:
        return False
    lead = lead.removesuffix(joint).rstrip()
    return _hanzi_pair(lead[-2:]) and lead[-2:] in subject


def _told_chat_day(texts: list[tuple[str, datetime | None]], lex: _Lexicon, event: date,
                   monday: date) -> AssumedDay | None:
    """The day a chat without dated messages says it is written on: a day word counted from the message (今天, 明天,
    后天) with the weekday or date it is, in its brackets or joined to it (``time.yaml`` told_day_joints): "今天周四",
    "明天（12月12日）", "今天都12号了", "后天就是礼拜六". A weekday is the one of the week :func:`assumed_days`
    took (``monday``), a day of the month the last one by the planned event (``event``), whose year a spelled date
    with no weekday of its own also takes. The first such line is taken; None when no line tells it."""
    joints = tuple(sorted((fold(str(w)) for w in time_words("told_day_joints")), key=len, reverse=True))
    for text, _ in texts:
        folded = fold(text)
        matches = [m for m in lex.pattern.finditer(folded) if m.group(0).strip()]
        for i, m in enumerate(matches):
            g = m.groupdict()
            told = None
            if g["rel"] and g["rel"] not in lex.event_day_words and g["inner"]:
                told = lex.pattern.search(fold(g["inner"]))  # 明天（12月12日）
                later = lex.days[g["rel"]]
            elif g["rel"] and g["rel"] not in lex.event_day_words and i + 1 < len(matches):
                gap = folded[m.end():matches[i + 1].start()].strip()
                for w in joints:
                    gap = gap.removeprefix(w).strip() if gap.startswith(w) else gap
                told, later = (matches[i + 1], lex.days[g["rel"]]) if not gap else (None, 0)
            elif g["inner"] and (g["wd"] or g["mo"]):  # 周五（明天）
                inner = lex.pattern.fullmatch(fold(g["inner"]).strip())
                if inner is not None and inner.group("rel") and inner.group("rel") not in lex.event_day_words:
                    told, later = m, lex.days[inner.group("rel")]
            if told is None and g["rel"] and g["rel"] not in lex.event_day_words:  # 明天就是元旦, 今天是平安夜
                holiday = _told_holiday(folded[m.end():], joints, lex, event)
                if holiday is not None:
                    words = (text if len(text) == len(folded) else folded)[m.start():m.end() + holiday[1]].strip()
                    return AssumedDay(holiday[0] - timedelta(days=lex.days[g["rel"]]), words, False, True)
            if told is None or told.group("wk") and told.group("wk") not in lex.this_week:
                continue
            day = _told_day(told, lex, event, monday)
            if day is not None:
                # (the words as written when folding kept their places, as assumed_days quotes them)
                end = told.end() if told.string is folded and told is not m else m.end("inner") + 1 if m.group("inner") \
                    else m.end()
                words = (text if len(text) == len(folded) else folded)[m.start():end].strip()
                return AssumedDay(day - timedelta(days=later), words, False, True)
    return None


def _due_bound(texts: list[tuple[str, datetime | None]], lex: _Lexicon, event: date, monday: date, *,
               dated_lines: bool = False) -> date:
    """The Monday :func:`assumed_days` took, moved back to the week of the earliest spelled date a line gives as due
    ("6月12日前交报名表", "截止6月12日") when that date is before it (within ``bound_back_days`` of ``time.yaml``): a
    deadline is set before it passes, so the chat is written that week or earlier. A line in the past (上周, 已经…)
    bounds nothing; nor does any line when the copy has day header lines (``dated_lines``: they date it)."""
    if dated_lines:
        return monday
    back = int(time_words("bound_back_days")[0])
    earliest: date | None = None
    for text, _ in texts:
        folded = fold(text)
        if lex.past.search(folded) or any(w in folded for w in time_words("done_marks")):
            continue
        for m in lex.pattern.finditer(folded):
            g = m.groupdict()
            lead = lex.lead_mark.search(folded[max(0, m.start() - 6):m.start()]) is not None
            if not (g["mo"] or g["dm"]) or not (g["mark"] or lead):
                continue
            month, dom = (_number(g["mo"]), _number(g["md"])) if g["mo"] else (g["dm"], g["dd"])
            days = []
            for year in (event.year - 1, event.year, event.year + 1):
                try:
                    days.append(date(year, int(month or 0), int(dom or 0)))
                except ValueError:
                    continue
            due = min(days, key=lambda d: abs((d - monday).days), default=None)
            if due is not None and monday - timedelta(days=back) <= due < monday and (earliest is None or due < earliest):
                earliest = due
    return monday if earliest is None else earliest - timedelta(days=earliest.isoweekday() - 1)


def spelled_month_days(text: str) -> list[tuple[int, int]]:
    """The month and day of every date ``text`` spells with its month ("12月12日", "十二月八號", in a weekday's brackets:
    "本周六（12月12日）"), in order."""
    out = []
    for m in _lexicon().pattern.finditer(fold(text)):
        month, dom = _number(m.group("mo")), _number(m.group("md"))
        if month and dom and 1 <= int(month) <= 12 and 1 <= int(dom) <= 31:
            out.append((int(month), int(dom)))
        elif m.group("inner"):
            out += spelled_month_days(m.group("inner"))
    return out


def _told_holiday(after: str, joints: tuple[str, ...], lex: _Lexicon, event: date) -> tuple[date, int] | None:
    """The holiday a day word is told to be (``after``: the text right after the day word; "就是元旦了", "是平安夜"):
    its date nearest the planned ``event`` (``time.yaml`` holidays, lunar_holidays), and how many characters of
    ``after`` tell it; None when no holiday follows the day word and its joint."""
    rest = after.lstrip()
    for w in joints:
        if rest.startswith(w):
            rest = rest.removeprefix(w).lstrip()
            break
    name = next((h for h in sorted([*lex.holidays, *lex.lunar], key=len, reverse=True) if rest.startswith(h)), None)
    if name is None:
        return None
    if name in lex.lunar:
        days = list(lex.lunar[name])
    else:
        month, dom = lex.holidays[name]
        days = [date(y, month, dom) for y in (event.year - 1, event.year, event.year + 1)]
    if not days:
        return None
    return min(days, key=lambda d: abs((d - event).days)), len(after) - len(rest) + len(name)


def _told_day(told: re.Match[str], lex: _Lexicon, event: date, monday: date) -> date | None:
    """The day a told weekday or date names (:func:`_told_chat_day`)."""
    g = told.groupdict()
    spelled = lex.pattern.search(fold(g["inner"])) if g["wd"] and g["inner"] else None
    if spelled is not None and spelled.group("mo"):  # 周五（12月11日）: the date, its year by the weekday
        mo, md = (int(_number(spelled.group(k)) or 0) for k in ("mo", "md"))
        year = _dated_year(mo, md, lex.weekdays[g["wd"]], event.year)
        return None if year is None else date(year, mo, md)
    if g["wd"]:
        day = monday + timedelta(days=lex.weekdays[g["wd"]] - 1)
        return day - timedelta(days=7) if day > event else day
    month, dom = (_number(g["mo"]), _number(g["md"])) if g["mo"] else (None, _number(g["dn"]))
    if not dom:
        return None
    days = []
    for back in range(3):  # the month of the event, or one or two before it
        year, mon = (event.year, event.month - back) if event.month > back else (event.year - 1, event.month - back + 12)
        if month is not None and int(month) != mon:
            continue
        try:
            days.append(date(year, mon, int(dom)))
        except ValueError:
            continue
    return next((d for d in days if d <= event), None)


def with_assumed_days(texts: list[tuple[str, datetime | None]],
                      near: int | None = None) -> list[datetime | None]:
    """The messages' times, the date of :func:`assumed_days` put on those without one (a pasted line with no time
    at all is taken as said at 9:00): what a chat without dates resolves its deadlines against."""
    days = assumed_days(texts, near)
    out: list[datetime | None] = []
    for (_, when), assumed in zip(texts, days, strict=True):
        if assumed is None:
            out.append(when)
        elif when is None:
            out.append(datetime.combine(assumed.today, datetime.min.time()).replace(hour=9))
        else:
            out.append(when.replace(year=assumed.today.year, month=assumed.today.month, day=assumed.today.day))
    return out


def assumed_day_note(texts: list[tuple[str, datetime | None]], near: int | None = None) -> str | None:
    """The warning the notes carry when :func:`assumed_days` dated a chat without dated messages: which words fixed
    the day its deadlines are counted from (a reader checks the guess), or None."""
    first = next((d for d in assumed_days(texts, near) if d is not None), None)
    if first is None:
        return None
    if first.told:
        return (f"聊天记录没有逐条日期：期限按聊天里说的当天「{first.source}」推算，"
                f"当作 {first.today.month}月{first.today.day}日 写的，请核对")
    how = "日期行" if first.header else "带星期的日期"
    return (f"聊天记录没有逐条日期：期限按聊天里的{how}「{first.source}」推算，"
            f"当作 {first.today.month}月{first.today.day}日 起那一周写的，请核对")

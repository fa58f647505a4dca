"""When a group's fixed event happens: the ``cadence`` of a profile event, parsed and expanded to dates.

Operators write cadences the way they talk: ``每天``, ``工作日``, ``每周六``, ``每周二、四``, ``每月15号``,
``每月最后一个周五``, ``每月第一个周六`` or a date (``2026-12-20``; YAML reads an unquoted date as a
``datetime.date``). Traditional and full-width spellings (``每週六``, ``每月15號``) are folded first. The
words come from ``resources/drafting/cadence.yaml``; an unreadable cadence raises :class:`CadenceError`
with a Chinese message that says what can be written instead.

Dates are expanded with ``dateutil.rrule``. A monthly day that a month does not have (每月31号 in
November) falls on that month's last day, so a monthly event is never silently skipped. Fortnightly
cadences (隔周六, 双周六, 每两周六) need the date they start from (``隔周六（2026-12-05起）``). 工作日
skips China's public holidays and adds the weekend days worked instead, from the ``chinese-calendar``
package for the years it covers; other years skip only the fixed-date holidays and say so
(:func:`holiday_notes`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import chinese_calendar
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule, weekday
from pydantic import BaseModel, ConfigDict

from copilot.clock import GROUP_TZ
from copilot.paths import load_resource
from copilot.textnorm import fold

WEEKDAY_NAMES = "一二三四五六日"
CadenceKind = Literal["daily", "workdays", "weekly", "monthly_day", "monthly_nth", "once", "undated"]


class CadenceError(ValueError):
    """A cadence nobody can place on a calendar; the message is Chinese and says what to write."""


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    return load_resource("drafting/cadence.yaml")


def weekday_name(i: int) -> str:
    return "周" + WEEKDAY_NAMES[i]


def clock_minutes(hhmm: str) -> int:
    """Minutes after midnight of an "HH:MM" (or "HH") clock time."""
    h, _, m = hhmm.partition(":")
    return int(h) * 60 + int(m or 0)


class Cadence(BaseModel):
    """A parsed cadence. ``weekdays`` are 0=周一…6=周日; ``nth`` is 1…5 or -1 (最后一个)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: CadenceKind
    weekdays: tuple[int, ...] = ()
    day: int | None = None
    nth: int | None = None
    date: dt.date | None = None
    interval: int = 1  # 2: every other week, counted from ``date``
    written: str = ""  # ``undated``: how often, as the operator wrote it (每月一次, 不定期)
    rest: str = ""  # what followed a readable first clause (每月1号出题、月底截止 → 月底截止), not placed

    @property
    def routine(self) -> bool:
        """Every day or every working day: a routine, not an occasion to announce."""
        return self.kind in ("daily", "workdays")

    @property
    def label(self) -> str:
        """Canonical Simplified wording (每周二、四; 每月最后一个周五; 2026年12月20日)."""
        if self.kind == "undated":
            return self.written
        if self.kind == "daily":
            return "每天"
        if self.kind == "workdays":
            return "工作日"
        if self.kind == "weekly" and self.interval == 2 and self.date:
            return f"隔周{'、'.join(WEEKDAY_NAMES[w] for w in self.weekdays)}（{self.date.month}月{self.date.day}日起）"
        if self.kind == "weekly":
            return "每周" + "、".join(WEEKDAY_NAMES[w] for w in self.weekdays)
        if self.kind == "monthly_day":
            return "每月最后一天" if self.day == -1 else f"每月{self.day}号"
        if self.kind == "monthly_nth":
            nth = "最后一个" if self.nth == -1 else f"倒数第{-(self.nth or 0)}个" if (self.nth or 0) < 0 \
                else f"第{'一二三四五'[(self.nth or 1) - 1]}个"
            return f"每月{nth}{weekday_name(self.weekdays[0])}"
        assert self.date is not None
        return f"{self.date.year}年{self.date.month}月{self.date.day}日"

    @property
    def recurring(self) -> bool:
        return self.kind != "once"

    def dates(self, start: dt.date, days: int) -> list[dt.date]:
        """Every date this cadence falls on in ``[start, start + days)``."""
        end = start + dt.timedelta(days=days - 1)
        if self.kind == "undated":
            return []  # no day to put it on; undated_note() asks the operator for one
        if self.kind == "once":
            return [self.date] if self.date and start <= self.date <= end else []
        if self.kind == "monthly_day":
            return _monthly_days(self.day or 1, start, end)
        begin = dt.datetime.combine(start, dt.time())
        until = dt.datetime.combine(end, dt.time())
        if self.kind == "daily":
            rule = rrule(DAILY, dtstart=begin, until=until)
        elif self.kind == "workdays":
            return [d.date() for d in rrule(DAILY, dtstart=begin, until=until) if is_workday(d.date())]
        elif self.kind == "weekly" and self.interval > 1 and self.date:
            anchor = dt.datetime.combine(self.date, dt.time())
            rule = rrule(WEEKLY, interval=self.interval, byweekday=self.weekdays, dtstart=anchor, until=until)
            return [d.date() for d in rule if d >= begin]
        elif self.kind == "weekly":
            rule = rrule(WEEKLY, byweekday=self.weekdays, dtstart=begin, until=until)
        else:
            rule = rrule(MONTHLY, byweekday=weekday(self.weekdays[0], self.nth), dtstart=begin, until=until)
        return [d.date() for d in rule]

    def irregular_note(self, year: int = 2027) -> str:
        """A cadence some months lack (每月第五个周一, 每月31号) or one with no day at all (每月一次),
        said once for the operator; else ''. The example month is the first of ``year`` that lacks the day."""
        if self.kind == "undated":
            return str(vocabulary()["undated_note"]).format(label=self.label)
        if self.rest:
            return str(vocabulary()["rest_note"]).format(label=self.label, rest=self.rest)
        words = vocabulary()["irregular"]
        months = [dt.date(year, m, 1) for m in range(1, 13)]
        if self.kind == "monthly_nth" and (self.nth or 0) >= 5:
            missing = next(d for d in months if not _nth_weekday(d, self.weekdays[0], self.nth or 5))
            return str(words["nth5"]).format(label=self.label, weekday=weekday_name(self.weekdays[0]),
                                             missing=f"{missing.year}年{missing.month}月")
        if self.kind == "monthly_day" and (self.day or 0) >= 29:
            missing = next(d for d in months if calendar.monthrange(d.year, d.month)[1] < (self.day or 0))
            return str(words["late_day"]).format(label=self.label, day=self.day, missing=f"{missing.year}年{missing.month}月")
        return ""

    def shifted_note(self, on: dt.date) -> str:
        """Why a date is unusual: a monthly day landed elsewhere (每月31号 in a 30-day month), or a
        工作日 event falls on a weekend day worked instead of a holiday; else ''."""
        if self.kind == "monthly_day" and self.day and self.day > 0 and on.day != self.day:
            return f"{on.month}月没有{self.day}号，排在当月最后一天"
        if self.kind == "workdays" and on.weekday() >= 5:
            return f"{on.month}月{on.day}日是调休上班日，照工作日安排"
        return ""

    def skipped_holidays(self, start: dt.date, days: int) -> list[dt.date]:
        """The weekdays in the window a 工作日 cadence skips because they are public holidays."""
        if self.kind != "workdays":
            return []
        window = [start + dt.timedelta(days=i) for i in range(days)]
        return [d for d in window if d.weekday() < 5 and not is_workday(d)]

    def holiday_notes(self, start: dt.date, days: int) -> list[str]:
        """For a 工作日 cadence: the holidays it skips in the window, and the years whose holiday
        schedule the calendar package does not know (only fixed-date holidays were skipped)."""
        if self.kind != "workdays":
            return []
        window = [start + dt.timedelta(days=i) for i in range(days)]
        skipped = self.skipped_holidays(start, days)
        notes = [f"{d.month}月{d.day}日（{holiday_name(d)}）放假，工作日的安排这天不排" for d in skipped]
        unknown = sorted({d.year for d in window if not holiday_data_covers(d.year)})
        if unknown:
            notes.append(f"{'、'.join(map(str, unknown))}年的放假和调休安排本地还没有数据，工作日只避开了元旦、劳动节、国庆这些"
                         "日期固定的假日和按惯例估计的春节等农历节日，调休上班日没有排，请按国务院公布的安排核对")
        return notes


# the groups' zone (copilot.clock) under the name printed in plans
BEIJING = dt.timezone(GROUP_TZ.utcoffset(None), "北京时间")


def beijing_now() -> dt.datetime:
    """Now in Beijing time: "today" for a group in China is not the server's (often UTC) date."""
    return dt.datetime.now(BEIJING)


def holiday_data_covers(year: int) -> bool:
    """Whether ``chinese-calendar`` knows this year's holidays and weekend days worked."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _estimated_holiday(d: dt.date) -> str | None:
    """For a year ``chinese-calendar`` does not cover: a fixed-date holiday, or a lunar festival from
    the table in cadence.yaml (an estimate)."""
    v = vocabulary()
    if (fixed := v["fixed_holidays"].get(f"{d.month:02d}-{d.day:02d}")) is not None:
        return str(fixed)
    for name, (first, last) in (v.get("lunar_holidays", {}).get(d.year) or {}).items():
        if dt.date.fromisoformat(str(first)) <= d <= dt.date.fromisoformat(str(last)):
            return str(name)
    return None


def public_holiday(d: dt.date) -> str | None:
    """The name of the statutory holiday ``d`` falls in (元旦, 春节…), or None; a plain weekend is not one."""
    if holiday_data_covers(d.year):
        on_holiday, name = chinese_calendar.get_holiday_detail(d)
        if not on_holiday or not name:
            return None
        chinese = {h.value: h.chinese for h in chinese_calendar.Holiday}
        return str(chinese.get(name, name))
    return _estimated_holiday(d)


def is_workday(d: dt.date) -> bool:
    """A working day in mainland China (public holidays off, weekend days worked instead on)."""
    if holiday_data_covers(d.year):
        return bool(chinese_calendar.is_workday(d))
    return d.weekday() < 5 and _estimated_holiday(d) is None


def holiday_name(d: dt.date) -> str:
    return public_holiday(d) or "法定假日"


def holiday_note(d: dt.date) -> str:
    """For the operator: an event falls on a public holiday ("1月1日是元旦假期，这次是否照常办请确认")."""
    name = public_holiday(d)
    if name is None:
        return ""
    fixed = d.month == 1 and d.day == 1 or name in vocabulary()["fixed_holidays"].values()
    guess = "" if holiday_data_covers(d.year) or fixed else "（按惯例估计，以国务院公布的放假安排为准）"
    return f"{d.month}月{d.day}日在{name}假期里{guess}，这次是否照常请确认"


def _nth_weekday(first: dt.date, wd: int, nth: int) -> bool:
    """Whether the month of ``first`` has an ``nth`` weekday ``wd`` (0=周一)."""
    count = sum(1 for day in range(1, calendar.monthrange(first.year, first.month)[1] + 1)
                if dt.date(first.year, first.month, day).weekday() == wd)
    return count >= nth


def _monthly_days(day: int, start: dt.date, end: dt.date) -> list[dt.date]:
    out = []
    year, month = start.year, start.month
    while dt.date(year, month, 1) <= end:
        last = calendar.monthrange(year, month)[1]
        d = dt.date(year, month, last if day == -1 else min(day, last))
        if start <= d <= end:
            out.append(d)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


_CLOCK = re.compile(r"(?P<part>[\u4e00-\u9fff]{0,2}?)\s*(?P<h>[01]?\d|2[0-4])\s*(?:[:：]\s*(?P<m>[0-5]\d)|点\s*(?:(?P<half>半)|(?P<m2>[0-5]?\d)\s*分?)?)")


@dataclass(frozen=True)
class Clock:
    """A time of day found in operator text: ``time`` "HH:MM", where it was (``span``), and a note
    when the reading is a guess ("8点" without 上午/晚上 is read as 08:00)."""

    time: str
    span: tuple[int, int]
    note: str = ""


def find_clock(text: str) -> Clock | None:
    """The first time of day in ``text``: ``19:30``, ``8点``, ``8点半``, ``晚上8点``, ``20点30分``."""
    return next(find_clocks(text), None)


def find_clocks(text: str) -> Iterator[Clock]:
    """Every time of day in ``text``, in order (see :func:`find_clock`)."""
    parts = vocabulary()["clock_day_parts"]
    for m in _CLOCK.finditer(fold(text)):
        hour, minute = int(m.group("h")), int(m.group("m") or m.group("m2") or (30 if m.group("half") else 0))
        if hour == 24 and minute:
            continue
        part = next((p for p in sorted(parts, key=len, reverse=True) if m.group("part").endswith(p)), "")
        rule = parts.get(part, "")
        if (rule == "pm" and 1 <= hour <= 11) or (rule == "noon" and 1 <= hour <= 2):
            hour += 12
        hour %= 24
        start = m.start("h") - (len(part) if part else 0)
        written = fold(text)[start:m.end()].strip()
        note = ""
        if not part and m.group("m") is None and 1 <= hour <= 11:
            note = f"“{written}”按 {hour:02d}:{minute:02d} 排；如果是下午或晚上，请写成 {hour + 12:02d}:{minute:02d}"
        yield Clock(f"{hour:02d}:{minute:02d}", (start, m.end()), note)


def _error(raw: str, why: str = "") -> CadenceError:
    examples = " / ".join(str(x) for x in vocabulary()["examples"])
    lead = f"看不懂的周期“{raw}”" + (f"（{why}）" if why else "")
    return CadenceError(f"{lead}；可以这样写：{examples}")


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")


def _strip_prefix(text: str, prefixes: list[str]) -> str | None:
    for p in sorted(prefixes, key=len, reverse=True):
        if text.startswith(p):
            return text[len(p):]
    return None


def _weekdays(text: str) -> tuple[int, ...] | None:
    """``二、四`` / ``二和四`` / ``六`` → weekday numbers; None when anything else is in the way."""
    v = vocabulary()
    joiners = "".join(re.escape(j) for j in v["weekday_joiners"])
    parts = [p for p in re.split(f"[{joiners}]+", text) if p]
    out: list[int] = []
    prefixes = [str(p) for p in v["week_prefixes"]]
    for p in parts:
        p = _strip_prefix(p, prefixes) or p
        if p not in v["weekdays"]:
            return None
        out.append(int(v["weekdays"][p]))
    return tuple(sorted(set(out))) or None


def _parse_month(rest: str, raw: str) -> Cadence:
    v = vocabulary()
    if rest.removeprefix("的") in v["month_last_day"]:
        return Cadence(kind="monthly_day", day=-1)
    m = re.fullmatch(r"(\d{1,2})\s*[" + "".join(v["day_suffixes"]) + "]?", rest)
    if m:
        day = int(m.group(1))
        if not 1 <= day <= 31:
            raise _error(raw, f"每月只有 1 到 31 号，没有 {day} 号")
        return Cadence(kind="monthly_day", day=day)
    for word, n in sorted(v["ordinals"].items(), key=lambda kv: -len(kv[0])):
        if rest.startswith(word):
            if rest[len(word):].removeprefix("个") in ("天", "日"):  # 每月第一天 = 每月1号, 每月最后一天
                if int(n) < -1:
                    raise _error(raw, "倒数第几天请写成几号，如 每月28号")
                return Cadence(kind="monthly_day", day=int(n))
            days = _weekdays(rest[len(word):].removeprefix("的"))
            if days and len(days) == 1:
                return Cadence(kind="monthly_nth", weekdays=days, nth=int(n))
            raise _error(raw, "“每月第几个”后面要跟一个星期几，如 每月第一个周六")
    raise _error(raw)


def _parse_fortnight(text: str, raw: str) -> Cadence | None:
    """隔周六（2026-12-05起） / 双周六 从12月5日开始: every other week from a start date."""
    v = vocabulary()
    rest = _strip_prefix(text, [str(p) for p in v["fortnight_prefixes"]])
    if rest is None:
        return None
    rest = rest.removeprefix("的")
    m = re.search(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?|(\d{1,2})月(\d{1,2})[日号]", rest)
    head = re.sub(r"[（(]$", "", rest[: m.start()] if m else rest).removesuffix("从")
    days = _weekdays(_strip_prefix(head, [str(p) for p in v["week_prefixes"]]) or head)
    if not days:
        raise _error(raw, "隔周的活动要写星期几和从哪天开始，如 隔周六（2026-12-05起）")
    if not m:
        today = beijing_now().date()
        first = today + dt.timedelta(days=(days[0] - today.weekday()) % 7)
        raise _error(raw, f"隔周的活动要写从哪一天开始算，如 隔周{WEEKDAY_NAMES[days[0]]}（{first.isoformat()}起）")
    year = int(m.group(1)) if m.group(1) else beijing_now().year
    month, day = (int(m.group(2)), int(m.group(3))) if m.group(1) else (int(m.group(4)), int(m.group(5)))
    try:
        anchor = dt.date(year, month, day)
    except ValueError:
        raise _error(raw, "起始日期不存在") from None
    if anchor.weekday() not in days:
        raise _error(raw, f"起始日 {anchor.month}月{anchor.day}日是{weekday_name(anchor.weekday())}，"
                          f"不是{'、'.join(weekday_name(d) for d in days)}")
    return Cadence(kind="weekly", weekdays=days, interval=2, date=anchor)


def _without_day_part(text: str) -> str:
    """每周六上午 → 每周六: a part of the day is not a cadence (the time belongs in ``time``)."""
    if text in vocabulary()["daily"]:  # 每晚 is a cadence, not 每 + 晚
        return text
    for part in sorted(vocabulary()["day_parts"], key=len, reverse=True):
        if text.endswith(part) and len(text) > len(part):
            return text[: -len(part)]
    return text


def parse_cadence(value: Any, *, relative: bool = True) -> Cadence:
    """A cadence from what an operator wrote (str, ``datetime.date``, or an already parsed Cadence).

    What the strict grammar cannot read is still kept when it says how often but not which day
    (每月一次, 不定期 → ``undated``), when it names no day at all but a time relative to something else
    (长假前一周 → ``undated``; only with ``relative``: the first word of an old schedule line is no cadence
    unless it reads as one) or when it starts with a readable cadence (每月1号出题、月底截止 → 每月1号, the rest
    told to the operator); anything else is a ``CadenceError`` with examples.
    """
    if isinstance(value, Cadence):
        return value
    if isinstance(value, dict):
        return Cadence.model_validate(value)
    if isinstance(value, dt.datetime):
        return Cadence(kind="once", date=value.date())
    if isinstance(value, dt.date):
        return Cadence(kind="once", date=value)
    if not isinstance(value, str) or not value.strip():
        raise CadenceError("周期不能为空；可以这样写：" + " / ".join(str(x) for x in vocabulary()["examples"]))
    raw = value.strip()
    try:
        return _parse_strict(raw)
    except CadenceError:
        v = vocabulary()
        if len(raw) <= 40 and any(str(w) in fold(raw) for w in v["undated_markers"]):
            return Cadence(kind="undated", written=raw)
        marks = "".join(str(m) for m in v["clause_marks"]) + " "
        for cut in range(min(len(raw), 40) - 1, 1, -1):  # the longest readable head, never inside a number
            if not _ends_a_cadence(raw[:cut].strip(marks)) or len(raw[cut:].strip(marks)) < 2:
                continue
            try:
                return _parse_strict(raw[:cut].strip(marks)).model_copy(update={"rest": raw[cut:].strip(marks)})
            except CadenceError:
                continue
        conditional = _conditional(raw)
        if conditional is not None:
            return conditional
        if relative and len(raw) <= 40 and not _names_a_day(raw):  # 长假前一周, 开学第一周: when, but relative to something else
            return Cadence(kind="undated", written=raw)
        raise


def _conditional(raw: str) -> Cadence | None:
    """A cadence behind a condition (天气好的周六, 風啱嘅週六: the event happens on those Saturdays the weather allows):
    the readable cadence after the last joiner (cadence.yaml ``condition_joiners``), with the condition kept as ``rest``
    for the operator to write into details; None when no joiner is followed by a readable cadence."""
    folded = fold(raw)
    cut = max((folded.rfind(str(j)) for j in vocabulary()["condition_joiners"]), default=-1)
    if cut <= 0 or cut == len(folded) - 1:
        return None
    try:
        return _parse_strict(raw[cut + 1:].strip()).model_copy(update={"rest": raw[:cut].strip()})
    except CadenceError:
        return None


def _names_a_day(raw: str) -> bool:
    """Whether a cadence tries to name a day the grammar reads — it has a digit, a weekday after 周/星期, or
    starts like a rhythm (每…, 隔…, 双周…) — so that failing to parse is a typo worth an error. One that does
    neither says when relative to something else (长假前一周, 开学第一周) and is kept undated."""
    v = vocabulary()
    text = re.sub(r"\s+", "", fold(raw))
    if any(ch.isdigit() for ch in text) or text.startswith(tuple(str(w) for w in v["rhythm_openers"])):
        return True
    return any(f"{p}{d}" in text for p in v["week_prefixes"] for d in v["weekdays"])


def _ends_a_cadence(head: str) -> bool:
    """Where a readable head may stop: after 号/日/天/月底-like words or a weekday after 周/星期/a joiner —
    not inside a number or a word (每月最后一 is not 每月最后一个周一)."""
    v = vocabulary()
    text = fold(head)
    if len(text) < 2:
        return False
    if text[-1] in v["head_endings"]:
        return True
    before = [str(p)[-1] for p in v["week_prefixes"]] + [str(j) for j in v["weekday_joiners"]]
    return text[-1] in v["weekdays"] and not text[-1].isdigit() and text[-2] in before


def _parse_strict(raw: str) -> Cadence:
    """The cadence grammar of cadence.yaml: daily, workdays, weekly, fortnightly, monthly, one date."""
    text = re.sub(r"\s+", "", fold(raw))
    v = vocabulary()
    text = _without_day_part(text)
    if (fortnight := _parse_fortnight(text, raw)) is not None:
        return fortnight
    if m := _DATE.match(text):
        try:
            return Cadence(kind="once", date=dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            raise _error(raw, "这个日期不存在") from None
    if text in v["daily"]:
        return Cadence(kind="daily")
    if text in v["workdays"]:
        return Cadence(kind="workdays")
    if text in v["weekend"]:
        return Cadence(kind="weekly", weekdays=(5, 6))
    rest = _strip_prefix(text, [str(p) for p in v["month_prefixes"]])
    if rest is not None:
        return _parse_month(rest, raw)
    rest = _strip_prefix(text, [str(p) for p in v["week_prefixes"]])
    if rest is not None and (days := _weekdays(rest)):
        return Cadence(kind="weekly", weekdays=days)
    raise _error(raw)

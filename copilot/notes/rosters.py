"""Rosters: a heading and lines of slot → member, read as one to-do per line.

"每周六早上7点开门摆网，值日表：①12月5日 老周 ②12月12日 阿敏" has no verb on its lines, so the clause-by-clause
to-do pass finds no work in it; here the heading gives the task (and its hour), each line its day and member.
A roster comes in three shapes: lines under a heading in one message, a heading message followed by one line
per message from the same speaker, or one line of "slot member" entries split by semicolons after the heading's
colon. A later line by the roster's author that gives a slot to someone else ("08:00-10:00换成老蔡") or a member
another slot ("那美玲改週日上午") replaces that entry. Cue words are in ``copilot/resources/notes/cues.yaml``
(``roster``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from copilot.notes.cues import cue, raw
from copilot.notes.cues import folded as _fold
from copilot.notes.dates import time_expressions, year_of
from copilot.notes.model import ActionItem, Message

# a line's list marker: ①, 1. / 1、, (1), -, •
_MARKER = re.compile(r"^\s*(?:[①②③④⑤⑥⑦⑧⑨⑩]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[•·▪◦●*-])\s*")
# slots the date lexicon does not read: "12/13" and an hour range "08:00-10:00"
_SLASH_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})(?![\d/])")
_HOURS = re.compile(r"^(\d{1,2})[:：](\d{2})\s*[-~～—－至到]\s*\d{1,2}[:：]\d{2}")
_SEPARATORS = " \t:：,，.。-—|｜"
_INLINE = re.compile(r"(?=[①②③④⑤⑥⑦⑧⑨⑩])|[；;]")  # where a line of several entries splits
_MAX_NAME = 12


@dataclass
class Entry:
    slot: str
    owner: str
    day: date | None
    clock: str | None
    sources: list[int]
    weekday: bool = False  # a weekday word ("周五"), which a roster running forward may carry into next week


@dataclass
class Roster:
    author: str
    task: str
    day: date | None  # the heading's own day ("12月12日周六值守岗位：")
    clock: str | None  # the heading's hour ("每周六早上7点…")
    at: int  # index of the last message it is made of
    sources: list[int]
    entries: list[Entry] = field(default_factory=list)


@lru_cache(maxsize=1)
def name_joiners() -> re.Pattern[str]:
    """What may stand between two names of one entry or share ("和", "、", "跟": cues.yaml roster.name_joiners)."""
    return re.compile("|".join(re.escape(j) for j in raw("roster", "name_joiners")))


def _slot(line: str, when: datetime | None) -> tuple[str, int, date | None, str | None, bool] | None:
    """The slot a roster line opens with: (its words, where it ends, its day, its hour, a weekday?)."""
    f = _fold(line)
    m = _SLASH_DAY.match(f)
    if m and when is not None:
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            year = year_of(month, when)
            try:
                return m.group(0), m.end(), date(year, month, day), None, False
            except ValueError:
                return None
    m = _HOURS.match(f)
    if m:
        return m.group(0), m.end(), None, f"{int(m.group(1)):02d}:{m.group(2)}", False
    found = [d for d in time_expressions(line, when) if d.day is not None and f.startswith(_fold(d.text))]
    if not found:
        return None
    d = found[0]
    end = len(_fold(d.text))
    return _fold(d.text), end, d.day, d.clock, not (d.spelled or d.relative)


def _entry(line: str, m: Message, written: Callable[[str], str | None]) -> Entry | None:
    """A line that is only a slot and the member(s) on it, or None."""
    body = _MARKER.sub("", line.strip(), count=1)
    slot = _slot(body, m.time)
    if slot is None:
        return None
    words, end, day, clock, weekday = slot
    rest = _fold(body)[end:].strip(_SEPARATORS)
    if not rest or len(rest) > _MAX_NAME * 2:
        return None
    names = [n.strip(_SEPARATORS) for n in name_joiners().split(rest) if n.strip(_SEPARATORS)]
    owners = [written(n) for n in names]
    if not names or any(o is None or len(n) > _MAX_NAME or re.search(r"\d", n) for n, o in zip(names, owners)):
        return None
    return Entry(words, "、".join(o for o in owners if o), day, clock, [m.id], weekday)


def _entries_in(line: str, m: Message, written: Callable[[str], str | None]) -> list[Entry] | None:
    """The entries of a line: one, or several split at their markers or semicolons ("① 12月1日 小敏 ② 12月2日
    阿峰", "12/13 Grace；12/20 约翰"); None unless every part is an entry."""
    parts = [p for p in _INLINE.split(line) if p.strip()]
    found = [_entry(p, m, written) for p in parts]
    return [e for e in found if e is not None] if found and all(found) else None


def _heading(line: str) -> bool:
    f = _fold(line).strip()
    return bool(f) and (f.endswith((":", "：")) or bool(cue("roster", "heading").search(f)))


def _task_of(heading: str) -> str:
    text = _MARKER.sub("", heading.strip(), count=1)
    return cue("roster", "heading_tail").sub("", text).strip(" ，,") or text.strip()


def _roster(heading: str, m: Message, at: int, entries: list[Entry]) -> Roster | None:
    if len(entries) < 2:
        return None
    times = [d for d in time_expressions(heading, m.time) if d.day is not None or d.clock]
    day = next((d.day for d in times if d.spelled and d.day is not None), None)
    clock = next((d.clock for d in times if d.clock), None)
    return Roster(m.speaker, _task_of(heading), day, clock, at, [m.id] + [i for e in entries for i in e.sources],
                  entries)


def find_rosters(messages: list[Message], written: Callable[[str], str | None]) -> list[Roster]:
    """Every roster in the chat, in order. ``written`` names the member a line's name stands for (or None when
    the word is no one's name)."""
    found: list[Roster] = []
    used: set[int] = set()
    for idx, m in enumerate(messages):
        if idx in used:
            continue
        lines = [x for x in m.text.split("\n") if x.strip()]
        # lines under a heading in the same message
        for n, line in enumerate(lines[:-1]):
            if not _heading(line):
                continue
            entries = []
            for nxt in lines[n + 1:]:
                more = _entries_in(nxt, m, written)
                if more is None:
                    break
                entries += more
            r = _roster(line, m, idx, entries)
            if r is not None:
                found.append(r)
                break
        else:
            if len(lines) == 1 and _heading(lines[0]):
                head, _, tail = re.split(r"([:：])", lines[0], maxsplit=1) if re.search(r"[:：]", lines[0]) \
                    else (lines[0], "", "")
                # "主日献花轮值：12/13 Grace；12/20 约翰；12/27 玛丽"
                entries = _entries_in(tail, m, written) if tail.strip() else None
                r = _roster(head, m, idx, entries) if entries else None
                if r is None and not tail.strip():
                    # a heading message, then one line per message from the same speaker
                    run: list[Entry] = []
                    j = idx + 1
                    while j < len(messages) and messages[j].speaker == m.speaker and "\n" not in messages[j].text.strip():
                        more = _entries_in(messages[j].text, messages[j], written)
                        if more is None:
                            break
                        run += more
                        j += 1
                    r = _roster(lines[0], messages[j - 1] if run else m, j - 1, run)
                    if r is not None:
                        r.author, r.sources = m.speaker, [m.id] + r.sources[1:]
                        used |= set(range(idx + 1, j))
                if r is not None:
                    found.append(r)
    for r in found:
        _run_forward(r)
    return found


def _run_forward(r: Roster) -> None:
    """A roster's weekday slots run forward: "周一 阿强 / 周三 小蔡 / 周五 老黄" written on a Thursday is next
    week's Friday, not tomorrow."""
    last: date | None = None
    for e in r.entries:
        if e.day is not None and e.weekday and last is not None:
            while e.day < last:
                e.day += timedelta(days=7)
        last = e.day or last


def _changes(r: Roster, messages: list[Message], written: Callable[[str], str | None],
             named: Callable[[str], list[tuple[int, str, str]]]) -> None:
    """Later lines of the roster's author that move a slot to someone else or a member to another slot."""
    for m in messages[r.at + 1:]:
        if m.speaker != r.author:
            continue
        f = _fold(m.text)
        cut = cue("roster", "change").search(f)
        if cut is None:
            continue
        after = f[cut.end():]
        people_after = [(p, s) for p, _, s in named(after)]
        for e in r.entries:
            if _fold(e.slot) in f[:cut.start()] and people_after:
                e.owner, e.sources = people_after[0][1], e.sources + [m.id]
                break
            if any(s == e.owner for p, _, s in named(f[:cut.start()])):
                slot = _slot(after.strip(_SEPARATORS), m.time)
                if slot is None:
                    continue
                words, _, day, clock, weekday = slot
                floor = min((x.day for x in r.entries if x.day is not None), default=r.day)
                while day is not None and floor is not None and weekday and day < floor:
                    day += timedelta(days=7)
                e.slot, e.day, e.clock, e.sources = words, day, clock, e.sources + [m.id]
                break


def roster_actions(messages: list[Message], written: Callable[[str], str | None],
                   named: Callable[[str], list[tuple[int, str, str]]],
                   rosters: list[Roster] | None = None) -> tuple[list[ActionItem], set[int]]:
    """One to-do per roster line (after the author's later changes), and the ids of the messages the rosters
    are made of (their lines are no other to-do). ``rosters``: :func:`find_rosters` of ``messages`` when the caller
    has them (their entries take the later changes; the messages each roster is made of stay as found)."""
    out: list[ActionItem] = []
    covered: set[int] = set()
    for r in find_rosters(messages, written) if rosters is None else rosters:
        _changes(r, messages, written, named)
        covered |= set(r.sources) | {i for e in r.entries for i in e.sources}  # (and the lines that changed it)
        for e in r.entries:
            day = e.day or r.day
            clock = e.clock or r.clock
            iso = None if day is None else (f"{day.isoformat()} {clock}" if clock else day.isoformat())
            for owner in e.owner.split("、"):
                out.append(ActionItem(task=f"{r.task}（{e.slot}）", owner=owner, deadline=iso, deadline_text=e.slot,
                                      sources=sorted(set([r.sources[0]] + e.sources))))
    return out, covered


def roster_days(messages: list[Message], written: Callable[[str], str | None],
                named: Callable[[str], list[tuple[int, str, str]]]) -> set[str]:
    """The days the chat's rosters give their lines ("12/27", a weekday carried into next week), as
    ``YYYY-MM-DD`` and ``M月D日``: dates the faithfulness check accepts in a to-do although no time expression
    of a single message resolves to them."""
    out: set[str] = set()
    for a in roster_actions(messages, written, named)[0]:
        if a.deadline:
            day = date.fromisoformat(a.deadline[:10])
            out |= {day.isoformat(), f"{day.month}月{day.day}日"}
    return out


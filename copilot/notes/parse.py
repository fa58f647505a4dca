"""Chat exports → :class:`~copilot.notes.model.Transcript`: formats, encodings and noise.

Operators export logs from whatever tool they have: QQ's message manager (a header block, then
``2024-05-12 20:00:03 昵称(QQ号)`` lines followed by the message), WeChat export tools (the same
with no id, or ``20:00 昵称: 文本`` on one line), JSON/JSONL and spreadsheets saved as CSV — often
GBK-encoded on Windows. A file that cannot be read at all raises :class:`NotesParseError` naming the
line; odd lines inside an otherwise readable file are reported as warnings and skipped, because one
corrupted line must not cost the operator the whole session.
"""

from __future__ import annotations

import csv
import io
import json
import re
from calendar import isleap
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from copilot.cadence import WEEKDAY_NAMES as _WEEKDAYS
from copilot.clock import GROUP_TZ
from copilot.files import UnreadableFile, damaged_chars, decode_labelled
from copilot.moderation.message import split_nickname
from copilot.notes.cues import cue
from copilot.notes.cues import raw as raw_cue
from copilot.notes.dates import assumed_days, spelled_month_days
from copilot.notes.model import Dropped, Message, Transcript
from copilot.notes.noise import ad_verdict, clean_noise, platform_line
from copilot.notes.noise import rules as noise_rules
from copilot.textnorm import fold

MAX_BYTES = 50 * 1024 * 1024
# about 20 s of offline work (the cost is about 1 ms a message); a longer export is refused with a
# way out (split by date, then notes-batch) rather than running for minutes or cut silently
MAX_MESSAGES = 20_000


class NotesParseError(ValueError):
    """The export cannot be parsed; the Chinese message names the file and the offending line."""


# -- line formats ---------------------------------------------------------------------------------
_DATE = r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"
# a clock time, with an optional meridiem before (下午8:01) or after (8:01 PM)
_TIME = r"(上午|中午|下午|晚上|凌晨|早上)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp]\.?[Mm]\.?))?"
_ID = r"(?:\((\d{4,12})\)|<([^<>\s]+)>)"
# QQ message manager: "2024-05-12 20:00:03 昵称(123456)" or "... 昵称<mail@qq.com>"
_QQ_HEAD = re.compile(rf"^{_DATE}\s+{_TIME}\s+(.+?){_ID}\s*$")
# WeChat style, one line: "[2024-05-12 20:00] 昵称: 文本" / "20:00 昵称：文本"
# (and WhatsApp's in a Chinese locale, the year first: "[2026/12/01, 20:01:05] 昵称: 文本" on iOS, "2026/12/01 20:01 - 昵称:
# 文本" on Android — the comma after the date and the dash before the name are the export's, not the name's)
_INLINE = re.compile(rf"^\[?(?:{_DATE},?\s+)?{_TIME}\]?\s+(?:-\s+)?([^\s:：][^:：]{{0,30}}?)\s*[:：]\s?(.*)$")
# WeChat style, header line then text: "2024-05-12 20:00:03 昵称"
_WX_HEAD = re.compile(rf"^\[?{_DATE}\s+{_TIME}\]?\s+(\S.{{0,39}})$")
# name first, then the date and time ("老K 2025/4/8 21:02:11"), or the QQ number and the time of day
# (QQ NT's copy: "老K(10001) 21:02:11"); a name-first line needs a date or an id, or any body line
# ending in a time ("集合时间 7:30") would start a message
_NAME_DATE = re.compile(rf"^(\S.{{0,39}}?)\s+{_DATE}\s+{_TIME}\s*$")
_NAME_ID_TIME = re.compile(rf"^(\S.{{0,39}}?){_ID}\s+(?:{_DATE}\s+)?{_TIME}\s*$")
# a time of day and a name with nothing else on the line, the body on the next lines — WeChat's copy-paste
# as "大飞 21:02" (name first) or "21:02 大飞" (time first). Either one alone also fits an ordinary body
# line ("集合时间 7:30", "8:30 集合"), so they are headers only in a file whose header-like lines are
# mostly of that layout (:func:`_time_only_layout`, decided once per file)
# (a month and day with no year may stand before the time: "大飞 5/3 21:02", "大飞 5月3日 21:02", "大飞 12-03 21:02";
# its year is fixed once the whole chat is read: _year_for_month_days)
_MONTH_DAY = r"(\d{1,2})[/月-](\d{1,2})[日号]?"
_NAME_TIME = re.compile(rf"^(\S.{{0,23}}?)\s+(?:{_MONTH_DAY}\s+)?{_TIME}\s*$")
_TIME_NAME = re.compile(rf"^\[?{_TIME}\]?\s+(\S.{{0,23}})$")
# a line that is only a stamp ("2026-11-18 19:02", "[2026-11-09 20:30]", "20:05"): in a stamp-line layout the
# speaker is on the line beside it — after it ("名字：内容", "名字：" or a bare "名字" with the text below) or
# before it (a bare "名字"); decided once per file (:func:`_stamp_layout`)
_STAMP = re.compile(rf"^\[?(?:{_DATE}\s*|{_MONTH_DAY}\s+)?{_TIME}\]?$")
# a speaker line beside a stamp: "名字：内容" / "名字：" (the text on the next lines) / "名字: 内容"
_SPEAKER_COLON = re.compile(r"^([^\s:：\[【(（][^:：]{0,23}?)\s*(?:：|:\s|:$)\s*(.*)$")
# a bare name beside a stamp: short, one run of words, no sentence punctuation
_BARE_NAME = re.compile(r"^[^\s，。！？!?,、；;：:“”\"]{1,16}(?: [^\s，。！？!?,、；;：:“”\"]{1,12})?$")
# US-style stamps of WhatsApp-like exports: "[9/6/25 8:01 PM] 老刘: 文本", "9/6/25, 8:01 PM - 老刘: 文本"
_US_STAMP = r"^\[?(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp]\.?[Mm]\.?))?\]?"
_US_INLINE = re.compile(_US_STAMP + r"\s*(?:-\s*)?([^\s:：][^:：]{0,30}?)\s*[:：]\s?(.*)$")

# a WhatsApp-like export's own lines carry its stamp but no "name:" ("05/12/2026, 20:20 - 阿Ken已移除+852 6123 4567",
# "[2026/12/01, 20:01:05] 你已加入"): the platform's, not the message above's continuation (qa13r68's Cantonese chat
# glued one, with the removed spammer's number, onto a member's line). Read only in a file whose headers are of that
# kind (:func:`_whatsapp_like`), so a body line that happens to start with a slash date stays a body.
_US_SYSTEM = re.compile(_US_STAMP + r"\s*(?:-\s*)?(\S.*)$")
_YMD_SYSTEM = re.compile(rf"^(?:\[{_DATE},?\s+{_TIME}\]|{_DATE},?\s+{_TIME}\s+-)\s*(\S.*)$")
_YMD_DASHED = re.compile(rf"^\[?{_DATE},?\s+{_TIME}\]?\s+-\s+[^\s:：][^:：]{{0,30}}?\s*[:：]")

# LINE: a day line ("2026/03/27（五）", "2026.03.27 星期五"), then "20:01<TAB>昵称<TAB>内容" lines under it
_LINE_DAY = re.compile(rf"^{_DATE}\s*(?:[（(][^()（）]{{1,3}}[)）]|(?:星期|週|周)[一二三四五六日天])?$")
# (a line with no name column — "20:20<TAB>阿凯已收回讯息" — is the platform's own: a system line)
_LINE_MSG = re.compile(r"^(上午|下午|晚上|凌晨|早上|中午)?\s*(\d{1,2}):(\d{2})\t(?:([^\t]{0,40})\t)?(.*)$")

# a day separator between the messages of a copy whose headers carry only the time of day, alone on its line and
# maybe framed by dashes: "—— 2026年3月5日 ——", "3月5日 星期四", "2026-03-05 周四". It counts only with a year, a
# weekday or a frame (a bare "3/5" is a body), and only when a message header follows it (_day_separators).
# Its weekday prefixes are time.yaml weekday_prefix; _LINE_DAY's older list has no 礼拜 (one list would change it)
_FRAME = r"[\s\-—－–=~～·*_]*"
_DAY_SEPARATOR = re.compile(rf"^({_FRAME})(?:(\d{{4}})[-/.年])?(\d{{1,2}})[-/.月](\d{{1,2}})[日号]?\s*"
                            rf"(?:[（(]?(?:星期|礼拜|週|周)([一二三四五六日天])[)）]?)?({_FRAME})$")

# -- helpers --------------------------------------------------------------------------------------
def _hour(h: str, before: str | None, after: str | None) -> int:
    """The 24-hour clock hour of ``h`` with its meridiem: 下午8 / 8 PM → 20, 12 AM → 0."""
    hour = int(h)
    pm = (after or "").lower().startswith("p") or before in ("下午", "晚上")
    am = (after or "").lower().startswith("a") or before in ("上午", "凌晨", "早上")
    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    elif before == "中午" and hour < 6:
        hour += 12
    return hour


def _dt(y: str | None, mo: str | None, d: str | None, before: str | None, h: str, mi: str, s: str | None,
        after: str | None, last: datetime | None) -> datetime:
    hour = _hour(h, before, after)
    if y is None:  # time only: take the date of the previous message (or none); a month and day: the year's
        base = last or datetime(1900, 1, 1)
        if mo is not None and d is not None:
            # an unknown year is 1900, no leap year: a 29 February header waits in 1896 (_year_for_month_days)
            known = base.year > 1900 or (int(mo), int(d)) != (2, 29)
            base = datetime(base.year if known else 1896, int(mo), int(d))
        return base.replace(hour=hour, minute=int(mi), second=int(s or 0), microsecond=0)
    year = int(y) + (2000 if len(y) == 2 else 0)
    return datetime(year, int(mo or 1), int(d or 1), hour, int(mi), int(s or 0))


_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
                 "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%z", "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M",
                 "%H:%M:%S", "%H:%M")


def parse_time(value: Any) -> datetime | None:
    """Timestamps as exports write them: ISO-ish strings, Chinese dates, or Unix seconds/millis."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
        num = float(value)
        if num > 1e11:
            num /= 1000
        try:
            # WeChat/WeCom/QQ store epoch times; their groups live in China time, whatever this machine's zone
            return datetime.fromtimestamp(num, GROUP_TZ).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip().replace("Z", "+0000")
    for fmt in _TIME_FORMATS:
        try:
            dt = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return dt.replace(tzinfo=None)
    return None


def _garbage(line: str) -> bool:
    return bool(cue("parse", "garbage").search(line))


def _short(line: str, n: int = 30) -> str:
    line = line.strip()
    return line if len(line) <= n else line[:n] + "…"


UNTIMED_HOUR = 9  # the hour a pasted line with a day but no time is taken as said at
PLATFORM = "系统"  # the sender of a platform line found inside a member's message (noise.yaml system_speakers)


# -- text exports ---------------------------------------------------------------------------------
@dataclass
class _Head:
    """The header of one message in a text export: its format, time parts, nickname, id and inline text."""

    kind: str
    parts: tuple[str | None, ...]
    nick: str
    sid: str | None
    rest: str


def _message_head(line: str, day_first: bool = False, *, whatsapp: bool = False) -> _Head | None:
    """The message header on ``line`` (QQ, WeChat inline, WeChat header-then-text, name-first, QQ NT,
    US-style), if it is one. ``parts`` = (year, month, day, meridiem before, hour, minute, second,
    meridiem after). ``day_first``: the file writes its slash dates day first (:func:`_slash_day_first`);
    ``whatsapp``: its headers are WhatsApp's, so a stamped line with no name is the platform's (:func:`_system_head`)."""
    match = _QQ_HEAD.match(line)
    if match:
        *stamp, nick, qq, mail = match.groups()
        return _Head("qq", tuple(stamp), nick.strip(), qq or mail, "")
    match = _US_INLINE.match(line)
    if match:
        *stamp, nick, rest = match.groups()
        return _Head("wechat-inline", _us_parts(stamp, day_first), nick.strip(), None, rest)
    match = _INLINE.match(line)
    if match and not re.search(r"https?$", match.group(9)):
        *stamp, nick, rest = match.groups()
        return _Head("wechat-inline", tuple(stamp), nick.strip(), None, rest)
    if whatsapp and (head := _system_head(line, day_first)) is not None:  # (before "2026/12/06 19:32 - 名字" reads as
        return head                                                       # a header-then-text line with no text)
    match = _WX_HEAD.match(line)
    if match:
        *stamp, nick = match.groups()
        return _Head("wechat", tuple(stamp), nick.strip(), None, "")
    match = _NAME_ID_TIME.match(line)
    if match:
        nick, qq, mail, *stamp = match.groups()
        return _Head("qq", tuple(stamp), nick.strip(), qq or mail, "")
    match = _NAME_DATE.match(line)
    if match:
        nick, *stamp = match.groups()
        return _Head("wechat", tuple(stamp), nick.strip(), None, "")
    return None


def _us_parts(stamp: list[str | None], day_first: bool) -> tuple[str | None, ...]:
    """A US-style stamp's groups (:data:`_US_STAMP`: month, day, year, hour, minute, second, meridiem) as a header's
    ``parts``, the day and month swapped when the day came first (25/12/24, or a day-first file)."""
    mo, d, y, h, mi, s, ampm = stamp
    if (int(mo) > 12 >= int(d)) or (day_first and int(d) <= 12):  # type: ignore[arg-type]
        mo, d = d, mo
    return (y, mo, d, None, h, mi, s, ampm)


def _system_head(line: str, day_first: bool) -> _Head | None:
    """A WhatsApp-like export's own line on ``line`` (its stamp, no "name:"), as a message of :data:`PLATFORM`
    (dropped later as 系统消息), or None. Only for files :func:`_whatsapp_like` says are of that kind."""
    if (match := _US_SYSTEM.match(line)) is not None:
        *stamp, rest = match.groups()
        return _Head("wechat-inline", _us_parts(stamp, day_first), PLATFORM, None, rest)
    if (match := _YMD_SYSTEM.match(line)) is not None:
        groups = match.groups()
        stamp = next(groups[i:i + 8] for i in (0, 8) if groups[i] is not None)
        return _Head("wechat-inline", tuple(stamp), PLATFORM, None, groups[16])
    return None


def _whatsapp_like(lines: list[str]) -> bool:
    """Whether a text export's headers are WhatsApp's ("9/6/25, 8:01 PM - 老刘: 文本", "[2026/12/01, 20:01:05] 老刘:",
    "2026/12/01 20:01 - 老刘: 文本"): at least two such lines (decided once per file)."""
    seen = 0
    for line in lines:
        stripped = line.strip()
        if _US_INLINE.match(stripped) or _YMD_DASHED.match(stripped) or (
                stripped.startswith("[") and _INLINE.match(stripped) and "," in stripped[:14]):
            seen += 1
            if seen >= 2:
                return True
    return False


def _time_only_head(line: str, layout: str | None) -> _Head | None:
    """The header of a time-only layout ("大飞 21:02" / "21:02 大飞", body on the next lines) on ``line``,
    when the file was found to be written in ``layout`` ("name-time" / "time-name")."""
    if layout == "name-time" and (match := _NAME_TIME.match(line)):
        nick, mo, d, *clock = match.groups()
    elif layout == "time-name" and (match := _TIME_NAME.match(line)):
        *clock, nick = match.groups()
        mo = d = None
    else:
        return None
    if _date_like(nick):  # "21:02 22:10", "2024-05-03 20:15": a date or two times, no name
        return None
    return _Head("wechat", (None, mo, d, *clock), nick.strip(), None, "")


def _time_only_layout(lines: list[str]) -> str | None:
    """The time-only header layout a text file is written in, or None. A line counts for a layout when
    it fits it and the next non-empty line is a body (fits no header); the file is in that layout when
    such lines are at least two and outnumber every other header-like line (QQ, WeChat with dates,
    inline "时间 昵称：内容") — so a body line "小王 8:30" in a file of another layout stays a body."""
    filled = [line.strip() for line in lines if line.strip()]
    if sum(1 for line in filled if _NAME_TIME.match(line) or _TIME_NAME.match(line)) < 2:
        return None  # (most exports: no line is a bare name and time, nothing else to read)
    heads = [_message_head(line) is not None for line in filled]
    counts: Counter[str] = Counter()
    for i, line in enumerate(filled[:-1]):
        if heads[i] or heads[i + 1]:
            continue
        nxt = filled[i + 1]
        for layout, pattern in (("name-time", _NAME_TIME), ("time-name", _TIME_NAME)):
            if pattern.match(line) and _time_only_head(line, layout) and not _NAME_TIME.match(nxt) \
                    and not _TIME_NAME.match(nxt):
                counts[layout] += 1
    if not counts:
        return None
    layout, n = counts.most_common(1)[0]
    return layout if n >= 2 and n > sum(heads) else None


_DIGIT = re.compile(r"\d")
_NOT_STAMP = re.compile(r"[^\d\s:：/.\-年月日号\[\]()（）]")  # (compiled once: each line's nickname is read)


def _date_like(nick: str) -> bool:
    """A "name" made of digits and date/time marks only ("2024-05-03", "5/3", "20:15"): a stamp, not a person."""
    return bool(_DIGIT.search(nick)) and not _NOT_STAMP.search(nick)


def _stamp_parts(line: str) -> tuple[str | None, ...]:
    """The header parts (year, month, day, meridiem, hour, minute, second, meridiem) of a stamp-only line."""
    y, mo, d, mo2, d2, *clock = _STAMP.match(line).groups()  # type: ignore[union-attr]
    return (y, mo or mo2, d or d2, *clock)


def _speaker_line(line: str) -> tuple[str, str] | None:
    """(name, text) of a line that may stand beside a stamp line: "名字：内容", "名字：" or a bare "名字"."""
    if _STAMP.match(line) or _message_head(line) is not None:
        return None
    if (match := _SPEAKER_COLON.match(line)) is not None and not _date_like(match.group(1)):
        return match.group(1).strip(), match.group(2).strip()
    if _BARE_NAME.match(line) and not _date_like(line):
        return line.strip(), ""
    return None


def _separator_day(line: str, last: datetime | None) -> datetime | None:
    """The day a day-separator line (:data:`_DAY_SEPARATOR`) names, at midnight, or None when ``line`` is not
    one or its date cannot be told. With no year the year is the previous message's (the next one when the month
    went back: December, then January); with no message dated before it, the year whose day falls on the weekday
    the line names, the nearest to this year."""
    match = _DAY_SEPARATOR.match(line)
    if match is None:
        return None
    lead, year, month, day, weekday, tail = match.groups()
    if not (year or weekday or lead.strip() or tail.strip()):
        return None
    mo, d = int(month), int(day)
    wanted = None if weekday is None else _WEEKDAYS.index(weekday.replace("天", "日"))
    if year:
        years = [int(year)]
    elif last is not None and last.year > 1900:
        years = [last.year + (1 if mo < last.month else 0)]
    elif wanted is not None:
        now = datetime.now().year
        years = sorted(range(now - 10, now + 2), key=lambda y: (abs(y - now), -y))
    else:
        return None
    for y in years:
        try:
            when = datetime(y, mo, d)
        except ValueError:
            continue
        if wanted is None or when.weekday() == wanted or len(years) == 1:
            return when
    return None


def _day_separators(lines: list[str]) -> dict[int, datetime | None]:
    """Line number → the day of each day-separator line followed by a message header (its date when it can be
    told, else None: the line is still a separator, not a body), read top to bottom so a year carries on."""
    filled = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()]
    out: dict[int, datetime | None] = {}
    last: datetime | None = None
    for i, (n, line) in enumerate(filled[:-1]):
        nxt = filled[i + 1][1]
        if _DAY_SEPARATOR.match(line) is None or _DAY_SEPARATOR.match(nxt) is not None:
            continue
        if _message_head(nxt) is None and not _NAME_TIME.match(nxt) and not _TIME_NAME.match(nxt) \
                and not _STAMP.match(nxt) and split_nickname(nxt) is None:
            continue
        day = _separator_day(line, last)
        if day is not None or _separator_day(line, datetime(2000, 1, 1)) is not None:
            out[n] = day
            last = day or last
    return out


@dataclass
class _StampLayout:
    """Where a stamp-line file's headers are: line number → the header that starts there, and the stamp or
    name lines that the headers took (skipped when read)."""

    heads: dict[int, _Head] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)


def _stamp_layout(lines: list[str]) -> _StampLayout | None:
    """The headers of a file written with stamps on lines of their own, or None. The speaker stands after each
    stamp ("2026-11-18 19:02" then "阿香：内容", "阿香：" or "阿香" with the text below) or before it ("阿香" then
    the stamp, the text below). The file is in the layout when at least two stamp lines stand alone, they
    outnumber every other header-like line, and most of them (``cues.yaml`` parse.stamp_share) have a speaker
    line on the side the layout puts it; when both sides fit (bare names with short replies), the side whose
    names repeat more (fewer distinct) is the speakers'. In the speaker-after layout a "名字：内容" line of a
    speaker already seen starts a message of its own at the stamp above (several speakers in one minute)."""
    filled = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()]
    stamps = [i for i, (_, line) in enumerate(filled) if _STAMP.match(line)]
    if len(stamps) < 2 or len(stamps) <= sum(1 for _, line in filled if _message_head(line) is not None):
        return None
    stamp_set = set(stamps)
    after = {i: sp for i in stamps if i + 1 < len(filled) and i + 1 not in stamp_set
             and (sp := _speaker_line(filled[i + 1][1])) is not None}
    before = {i: sp for i in stamps if i > 0 and i - 1 not in stamp_set and (i + 1 < len(filled)) and i + 1 not in stamp_set
              and (sp := _speaker_line(filled[i - 1][1])) is not None and not sp[1]}
    share = float(raw_cue("parse", "stamp_share")) * len(stamps)
    sides = [(side, found) for side, found in (("after", after), ("before", before)) if len(found) >= share]
    if not sides:
        return None
    # a file that opens with a name and then the stamp is speaker-before; one that opens with a stamp, after
    lead = "before" if stamps[0] == 1 and 1 in before else "after"
    side, found = min(sides, key=lambda sf: (sf[0] != lead, len({sp[0] for sp in sf[1].values()})))
    layout = _StampLayout()
    for i in stamps:
        if i not in found:
            continue
        j = i + 1 if side == "after" else i - 1
        nick, rest = found[i]
        parts = _stamp_parts(filled[i][1])
        layout.heads[filled[j][0]] = _Head("wechat", tuple(parts), nick, None, rest)
        layout.taken.add(filled[i][0])
    if side == "after" and sum(1 for i in found if _SPEAKER_COLON.match(filled[i + 1][1])) >= share:
        # "名字：内容" files: more speakers under the same stamp, each "名字：内容" line (a name already seen, or
        # one that is not a field label such as 时间：) starts a message at the stamp above
        names, labels = {sp[0] for sp in found.values()}, cue("parse", "field_labels")
        stamp: tuple[str | None, ...] | None = None
        for i, (n, line) in enumerate(filled):
            if i in stamp_set:
                stamp = _stamp_parts(line)
            elif stamp is not None and n not in layout.heads and (i - 1) not in stamp_set \
                    and (split := split_nickname(line)) is not None and not _date_like(split[0]) \
                    and (split[0] in names or not labels.match(fold(split[0]))):
                layout.heads[n] = _Head("wechat", stamp, split[0], None, split[1])
    return layout


@dataclass
class _TextExport:
    """A text export read line by line: the messages so far and what was odd about it."""

    name: str
    messages: list[Message] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    group: str | None = None
    formats: Counter[str] = field(default_factory=Counter)
    current: Message | None = None
    body: list[str] = field(default_factory=list)
    last_time: datetime | None = None
    day: tuple[str, str, str] | None = None  # a LINE export's current day line
    quoted: bool = False  # the current LINE message opened a quote its last line closes
    first_bad: tuple[int, str] | None = None
    time_only: str | None = None  # the file's time-only header layout (_time_only_layout), if any
    asides: list[tuple[int, str]] = field(default_factory=list)  # platform lines inside the current message
    stamped: _StampLayout | None = None  # the file's stamp-line headers (_stamp_layout), if any
    separators: dict[int, datetime | None] = field(default_factory=dict)  # day-separator lines (_day_separators)
    skipped: int = 0  # lines outside any message
    day_first: bool = False  # the file's slash dates are day first (_slash_day_first)
    whatsapp: bool = False  # the file's headers are WhatsApp's: its stamped lines without a name are its own

    def flush(self) -> None:
        if self.current is not None:
            extra = "\n".join(self.body).strip()
            m = self.current
            m.text = (m.text + ("\n" if m.text and extra else "") + extra).strip()
            if self.quoted and m.text.endswith('"'):
                m.text = m.text[:-1].rstrip()
            self.messages.append(m)
            for n, line in self.asides:  # each platform line is a message of its own, after the one it sat in
                self.messages.append(Message(id=len(self.messages) + 1, time=m.time, speaker=PLATFORM, text=line,
                                             line=n))
        self.current, self.body, self.quoted, self.asides = None, [], False, []

    def start(self, n: int, line: str, head: _Head) -> None:
        try:
            when = _dt(*head.parts, last=self.last_time)  # type: ignore[arg-type]
        except ValueError:
            self.warnings.append(f"第 {n} 行：时间无效，已跳过（{_short(line)}）")
            self.flush()
            return
        self.flush()
        self.formats[head.kind] += 1
        self.last_time = when
        self.current = Message(id=len(self.messages) + 1, time=when, speaker=head.nick, text=head.rest.strip(),
                               speaker_id=head.sid, line=n)

    def read(self, n: int, raw: str) -> None:
        stripped = raw.strip()
        if not stripped:
            if self.current is not None:
                self.body.append("")
        elif _garbage(stripped):
            self.warnings.append(f"第 {n} 行：含乱码或控制字符，已跳过（{_short(stripped)!s}）")
        elif self.current is None and not self.messages and cue("parse", "qq_meta").match(stripped):
            if stripped.startswith("消息对象"):
                self.group = re.split(r"[:：]", stripped, maxsplit=1)[-1].strip() or None
        elif self.current is None and not self.messages and cue("parse", "line_meta").match(fold(stripped)):
            return
        elif self.stamped is not None and n in self.stamped.taken:
            return  # the stamp (or name) line of a header that starts on the line beside it
        elif self.stamped is not None and n in self.stamped.heads:
            self.start(n, stripped, self.stamped.heads[n])
        elif self.day_line(n, stripped):
            return
        elif self.day is not None and (line := _LINE_MSG.match(raw.strip(" "))) is not None:
            before, h, mi, nick, rest = line.groups()
            self.start(n, stripped, _Head("line", (*self.day, before, h, mi, None, None), (nick or "").strip() or "系统",
                                          None, _unwrap(rest)))
            self.quoted = rest.strip().startswith('"')
        elif (head := _message_head(stripped, self.day_first, whatsapp=self.whatsapp)) is not None:
            self.start(n, stripped, head)
        elif (self.time_only and not (self.current is not None and self.just_started)
              and (head := _time_only_head(stripped, self.time_only)) is not None):
            self.start(n, stripped, head)  # (a header's first line after it is its body, whatever it looks like)
        elif self.current is None:
            self.first_bad = self.first_bad or (n, stripped)
            self.skipped += 1
            self.warnings.append(f"第 {n} 行：不在任何消息之内，已跳过（{_short(stripped)}）")
        elif platform_line(stripped) and not self.just_started:
            self.asides.append((n, stripped))  # "Tony"加入了群聊 with no header: not the member's words
        else:
            self.body.append(stripped)

    def separator(self, day: datetime | None) -> None:
        """A day separator read: the message above it ends, and the headers under it take its date (the day it
        names, or the last one when its date cannot be told)."""
        self.flush()
        self.last_time = day or self.last_time

    def day_line(self, n: int, line: str) -> bool:
        """Whether line ``n`` is a day line, read: a day separator (the date of the time-only headers under it)
        or a LINE export's day line (the date of its messages)."""
        if n in self.separators and not self.just_started:
            self.separator(self.separators[n])
            return True
        if (day := _LINE_DAY.match(line)) is not None:
            self.flush()
            self.day = (day.group(1), day.group(2), day.group(3))
            return True
        return False

    @property
    def just_started(self) -> bool:
        """The current message is a header with no text yet (its next line is its body)."""
        return self.current is not None and not self.current.text and not any(self.body)

    def finish(self, filled: int = 0) -> None:
        self.flush()
        if self.messages:
            self.check_sense(filled)
            return
        if self.first_bad is None:
            raise NotesParseError(f"{self.name}：没有找到任何聊天消息")
        n, line = self.first_bad
        raise NotesParseError(
            f"{self.name}：无法解析，第 {n} 行「{_short(line)}」不是可识别的聊天记录格式。支持的格式（每种一例）：\n"
            + "\n".join(f"  · {label}：{example}" for label, example in ACCEPTED_LAYOUTS)
        )

    def check_sense(self, filled: int) -> None:
        """Refuse a file that parsed into nonsense rather than write confident notes from it: most "speakers"
        are dates or numbers (a stamp read as a name), or most of the file's lines were outside any message
        (``cues.yaml`` parse.nonsense_share)."""
        share = float(raw_cue("parse", "nonsense_share"))
        stamps = [m.speaker for m in self.messages if _date_like(m.speaker)]
        if stamps and len(stamps) > share * len(self.messages):
            problem = (f"{len(self.messages)} 条消息里有 {len(stamps)} 条的发言人像日期或数字（如「{_short(stamps[0], 16)}」），"
                       "多半是把时间行当成了名字")
        elif self.skipped >= 3 and self.skipped > share * filled:
            n, line = self.first_bad or (0, "")
            problem = f"{filled} 行里有 {self.skipped} 行不在任何消息之内（第一处：第 {n} 行「{_short(line)}」）"
        else:
            return
        raise NotesParseError(
            f"{self.name}：格式没有认准，整理出来的纪要不可信：{problem}。请换成下列任一格式（每种一例）再试：\n"
            + "\n".join(f"  · {label}：{example}" for label, example in ACCEPTED_LAYOUTS)
        )

    @property
    def format(self) -> str:
        return max(("qq", "wechat", "wechat-inline", "line", "pasted"), key=lambda k: self.formats[k])


# the layouts a file can be in, one example each: what the error for an unreadable file lists
ACCEPTED_LAYOUTS = (
    ("QQ 消息管理器导出", "2026-12-01 21:02:05 大飞(123456) 换行写内容"),
    ("微信导出（时间在前，内容另起一行）", "2026-12-01 21:02 大飞 换行写内容"),
    ("微信复制（名字在前，内容另起一行）", "大飞 21:02 换行写内容"),
    ("时间单独一行", "2026-12-01 21:02 换行写 大飞：内容"),
    ("一行一条", "[2026-12-01 21:02] 大飞：内容"),
    ("无时间粘贴", "大飞：内容"),
    ("LINE 导出", "2026/12/01（二） 换行写 21:02<Tab>大飞<Tab>内容"),
    ("WhatsApp 导出", "[2026/12/01, 21:02:05] 大飞: 内容 或 2026/12/01 21:02 - 大飞: 内容"),
    ("JSON / JSONL", '[{"time": "2026-12-01 21:02", "sender": "大飞", "content": "内容"}]'),
    ("CSV", "时间,发送人,内容"),
)


def _unwrap(text: str) -> str:
    """LINE wraps a message of several lines in double quotes: the first line opens them, the last closes them."""
    text = text.strip()
    return text[1:] if text.startswith('"') else text


def _slash_day_first(lines: list[str]) -> bool:
    """Whether a WhatsApp-like export writes its slash dates day first (02/06/2027 is 2 June in Hong Kong, Singapore and
    British locales, 6 February in the US), decided once per file as the phone's locale is: any header with a first
    number above 12 says day first, any with a second above 12 says month first; when every date reads both ways, the
    reading under which the messages' days never go back wins (a chat is in order); then the one whose days lie closer
    together (01/12 → 02/12 → 03/12 is three days in a row day first, three months month first: a group's chat is dense
    in time); when they span the same too (a chat of one day: 10/11/2027), the reading that puts the chat nearer the dates
    its own lines spell ("本周六（12月12日）" under 12/05/2026: 5 December, not 12 May); with none, a year written in full
    on every header says day first (the US order mostly writes two figures: 11/10/27), else month first."""
    matches = [m for line in lines if (m := _US_INLINE.match(line.strip()))]
    pairs = [(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in matches]
    if any(a > 12 >= b for a, b, _ in pairs):
        return True
    if any(b > 12 >= a for a, b, _ in pairs):
        return False

    def disorder(day_first: bool) -> tuple[int, int]:
        days = [(y, b, a) if day_first else (y, a, b) for a, b, y in pairs]
        back = sum(1 for x, nxt in zip(days, days[1:], strict=False) if nxt < x)
        ordinals = [datetime(*d).toordinal() for d in days if _real_date(*d)]
        return back, (max(ordinals) - min(ordinals)) if ordinals else 0
    first, second = disorder(True), disorder(False)
    if first != second:
        return first < second
    spelled = [md for m in matches for md in spelled_month_days(m.group(9))]
    if spelled and pairs and _real_date(pairs[0][2], pairs[0][0], pairs[0][1]) \
            and _real_date(pairs[0][2], pairs[0][1], pairs[0][0]):
        a, b, y = pairs[0]
        y = y if y > 99 else 2000 + y
        far = {day_first: _spelled_distance(datetime(y, b, a) if day_first else datetime(y, a, b), spelled)
               for day_first in (True, False)}
        if far[True] != far[False]:
            return far[True] < far[False]
    return bool(matches) and all(len(m.group(3)) == 4 for m in matches)


def _spelled_distance(day: datetime, spelled: list[tuple[int, int]]) -> int:
    """How far, in days summed, the month-days a chat spells lie from ``day`` (each in the year that puts it nearest)."""
    total = 0
    for month, dom in spelled:
        near = [abs((datetime(y, month, dom) - day).days) for y in (day.year - 1, day.year, day.year + 1)
                if _real_date(y, month, dom)]
        total += min(near, default=0)
    return total


def _real_date(y: int, m: int, d: int) -> bool:
    try:
        datetime(y, m, d)
    except ValueError:
        return False
    return True


def _parse_lines(text: str, name: str) -> _TextExport:
    lines = text.splitlines()
    stamped = _stamp_layout(lines)
    export = _TextExport(name, time_only=None if stamped else _time_only_layout(lines), stamped=stamped,
                         separators=_day_separators(lines), day_first=_slash_day_first(lines),
                         whatsapp=_whatsapp_like(lines))
    for n, raw in enumerate(lines, 1):
        export.read(n, raw.rstrip())
    if not export.messages and export.current is None:
        pasted = _parse_pasted(lines, name)
        if pasted is not None:
            return pasted
    export.finish(sum(1 for line in lines if line.strip()))
    return export


UNSIGNED = "（未署名）"  # the sender of a pasted line that names none and is nobody's message (an ad)


def _parse_pasted(lines: list[str], name: str) -> _TextExport | None:
    """A chat pasted as "昵称：内容" lines with no times at all (what the moderation panel accepts; the
    split is :func:`copilot.moderation.message.split_nickname`). A line without a speaker, or a
    "时间：周六" field line (``cues.yaml`` parse.field_labels), continues the message above — unless
    it is an ad (:func:`~copilot.notes.noise.ad_verdict`): that is a message of its own, sent by
    nobody named (:data:`UNSIGNED`), never the previous member's. None
    when too few lines look like that (then the file is not a chat and the usual error is raised)."""
    export = _TextExport(name)
    labels = cue("parse", "field_labels")
    filled = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()]
    named = stamps = 0
    separators = _day_separators(lines)
    for n, line in filled:
        if n in separators:
            # the lines under a day separator have no time of their own: said in the day (as
            # dates.with_assumed_days takes a pasted line), not at midnight, when 明天 would be the same day
            day = separators[n]
            export.separator(day.replace(hour=UNTIMED_HOUR) if day is not None else None)
            stamps += 1
            continue
        split = split_nickname(line)
        if _STAMP.match(line) and (parts := _stamp_parts(line))[1] is not None:
            # a dated stamp alone on its line (the separator WeChat shows every few minutes): the time of the
            # messages under it
            try:
                export.last_time = _dt(*parts, last=export.last_time)  # type: ignore[arg-type]
                stamps += 1
                continue
            except ValueError:
                pass
        if _garbage(line):
            export.warnings.append(f"第 {n} 行：含乱码或控制字符，已跳过（{_short(line)!s}）")
        elif split and not (export.current is not None and labels.match(fold(split[0]))):
            named += 1
            export.flush()
            export.formats["pasted"] += 1
            export.current = Message(id=len(export.messages) + 1, time=export.last_time, speaker=split[0], text=split[1],
                                     line=n)
        elif ad_verdict(line) == "ad":
            # an ad pasted with no nickname is nobody's: it must not join (and be blamed on) the message above
            export.flush()
            export.current = Message(id=len(export.messages) + 1, time=None, speaker=UNSIGNED, text=line, line=n)
        elif export.current is not None and platform_line(line):
            export.asides.append((n, line))  # "豆豆妈撤回了一条消息" with no speaker: not the member's words
        elif export.current is not None:
            export.body.append(line)
        else:
            export.warnings.append(f"第 {n} 行：不在任何消息之内，已跳过（{_short(line)}）")
    export.flush()
    speakers = {m.speaker for m in export.messages}
    if named < 2 or len(speakers) < 2 or named < float(raw_cue("parse", "pasted_share")) * (len(filled) - stamps):
        return None
    return export


# -- structured exports ---------------------------------------------------------------------------
# the column names a JSON/CSV export may use for each role, in order of preference (data: cues.yaml parse.columns);
# a header is matched in its folded form, so 發送人 / 訊息 are 发送人 / 讯息
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {role: tuple(names) for role, names in raw_cue("parse", "columns").items()}


def _wanted_names(role: str) -> str:
    """The column names an error message offers for ``role``: a few English ones and every Chinese one."""
    names = DEFAULT_COLUMNS[role]
    latin = [n for n in names if n.isascii()][:4]
    return " / ".join(latin + [n for n in names if not n.isascii()])


def _pick(keys: Iterable[str], wanted: tuple[str, ...], override: str | None) -> str | None:
    if override:
        return override if override in keys else None
    # a header is matched in its folded form: 發送人 / ＴＩＭＥ are 发送人 / time
    folded = {fold(k.strip()): k for k in keys}
    for w in wanted:
        if fold(w) in folded:
            return folded[fold(w)]
    return None


def _records_to_messages(records: list[tuple[int, Any]], name: str, columns: Mapping[str, str] | None,
                         unit: str) -> tuple[list[Message], list[str]]:
    columns = columns or {}
    messages: list[Message] = []
    warnings: list[str] = []
    by_id: dict[str, str] = {}  # a message id → its speaker, for a quote that names the id
    for n, rec in records:
        if not isinstance(rec, Mapping):
            warnings.append(f"第 {n} {unit}：不是对象，已跳过")
            continue
        keys = list(rec.keys())
        sk = _pick(keys, DEFAULT_COLUMNS["speaker"], columns.get("speaker"))
        tk = _pick(keys, DEFAULT_COLUMNS["text"], columns.get("text"))
        mk = _pick(keys, DEFAULT_COLUMNS["time"], columns.get("time"))
        ik = _pick(keys, DEFAULT_COLUMNS["speaker_id"], columns.get("speaker_id"))
        ik = None if ik == sk else ik  # "from" is the id only beside a name
        speaker = rec.get(sk) if sk else None
        text = rec.get(tk) if tk else None
        if isinstance(speaker, Mapping):  # {"sender": {"nickname": ..}}
            speaker = speaker.get("nickname") or speaker.get("name") or speaker.get("card")
        if isinstance(text, Mapping):  # WeCom's archive: {"msgtype": "text", "text": {"content": ..}}
            inner = _pick(list(text.keys()), DEFAULT_COLUMNS["text"], None)
            text = text.get(inner) if inner else None
        if text is None:
            text = _archive_body(rec)
        if text is None or str(text).strip() == "" and tk is None:
            warnings.append(f"第 {n} {unit}：缺少消息内容字段（可用字段：{', '.join(map(str, keys))}），已跳过")
            continue
        if not speaker:
            warnings.append(f"第 {n} {unit}：缺少发言人，已跳过")
            continue
        when = parse_time(rec.get(mk)) if mk else None
        if mk and rec.get(mk) not in (None, "") and when is None:
            warnings.append(f"第 {n} {unit}：时间「{_short(str(rec.get(mk)))}」无法识别，按无时间处理")
        qk = _pick(keys, DEFAULT_COLUMNS["quote"], columns.get("quote"))
        xk = _pick(keys, DEFAULT_COLUMNS["message_id"], columns.get("message_id"))
        messages.append(Message(id=len(messages) + 1, time=when, speaker=str(speaker).strip(),
                                text=str(text).strip(), speaker_id=str(rec.get(ik)) if ik and rec.get(ik) else None,
                                line=n, reply_to=_quoted_speaker(rec.get(qk) if qk else None, by_id, messages)))
        if xk and rec.get(xk) not in (None, ""):
            by_id[str(rec.get(xk)).strip()] = messages[-1].speaker
    return messages, warnings


def _quoted_speaker(value: Any, by_id: Mapping[str, str], earlier: list[Message]) -> str | None:
    """Whose message a record's quote field quotes (WeCom's ``quote``, a bot's ``reply_to``): the sender of a
    quoted object, the speaker of the message whose id it names, or a name an earlier message was sent under."""
    if isinstance(value, Mapping):
        sk = _pick(list(value.keys()), DEFAULT_COLUMNS["speaker"], None)
        who = value.get(sk) if sk else None
        if isinstance(who, Mapping):
            who = who.get("nickname") or who.get("name") or who.get("card")
        return (str(who).strip() or None) if isinstance(who, (str, int)) else None
    if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
        return None
    key = str(value).strip()
    if key in by_id:
        return by_id[key]
    return key if any(m.speaker == key for m in earlier) else None


def _archive_body(rec: Mapping[str, Any]) -> str | None:
    """A WeCom archive record with no text (``noise.yaml`` archive_types): the platform's placeholder for
    its kind (an image, a recall, a red packet — dropped later with its reason), or the words a kind that
    carries some holds (a to-do's or a 接龙's title and content), or None when it is neither."""
    kind = rec.get("msgtype") or rec.get("msg_type")
    if not isinstance(kind, str):
        return None
    r = noise_rules()
    if kind in r.archive_placeholders:
        return r.archive_placeholders[kind]
    body = rec.get(kind)
    if not isinstance(body, Mapping):
        return None
    words: list[str] = []
    for f in r.archive_fields:
        value = body.get(f)
        values = value if isinstance(value, list) else [value]
        words += [str(v).strip() for v in values if isinstance(v, (str, int, float)) and str(v).strip()]
    return "\n".join(words) or None


# where a JSON export's wrapper object names its group ({"group": "…", "messages": […]})
GROUP_KEYS = ("group", "group_name", "groupName", "chat", "chat_name", "title", "群名", "群聊")


def _parse_json(text: str, name: str,
                columns: Mapping[str, str] | None) -> tuple[list[Message], list[str], str | None]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotesParseError(f"{name}：JSON 格式错误，第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}") from None
    group = None
    if isinstance(data, Mapping):
        group = next((v.strip() for k in GROUP_KEYS if isinstance(v := data.get(k), str) and v.strip()), None)
        lists = [v for v in data.values() if isinstance(v, list)]
        for key in ("messages", "data", "records", "msgs", "消息"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:  # WeCom's archive ({"chatdata": [...]}) and other wrappers holding one list
            data = lists[0] if len(lists) == 1 else data
    if not isinstance(data, list):
        raise NotesParseError(f"{name}：JSON 顶层应是消息数组，或含 messages 数组的对象")
    messages, warnings = _records_to_messages(list(enumerate(data, 1)), name, columns, "条")
    if not messages:
        raise NotesParseError(f"{name}：JSON 中没有可用的消息（{'；'.join(warnings[:3]) or '数组为空'}）")
    return messages, warnings, group


def _parse_jsonl(text: str, name: str, columns: Mapping[str, str] | None) -> tuple[list[Message], list[str]]:
    records: list[tuple[int, Any]] = []
    warnings: list[str] = []
    first_bad: tuple[int, str] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            first_bad = first_bad or (n, f"{exc.msg}")
            warnings.append(f"第 {n} 行：不是合法的 JSON（{exc.msg}），已跳过")
    messages, more = _records_to_messages(records, name, columns, "行")
    warnings += more
    if not messages:
        where = f"第 {first_bad[0]} 行：{first_bad[1]}" if first_bad else "；".join(more[:3])
        raise NotesParseError(f"{name}：JSONL 中没有可用的消息（{where}）")
    return messages, warnings


def _parse_csv(text: str, name: str, columns: Mapping[str, str] | None) -> tuple[list[Message], list[str]]:
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:  # the sniffer gives up on short or multi-line samples: the header line's separator
        first = text.lstrip("\ufeff").split("\n", 1)[0]
        dialect = csv.excel_tab if first.count("\t") > first.count(",") else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = reader.fieldnames or []
    if not header:
        raise NotesParseError(f"{name}：CSV 没有表头行")
    columns = columns or {}
    for role in ("speaker", "text"):
        if _pick(header, DEFAULT_COLUMNS[role], columns.get(role)) is None:
            wanted = columns.get(role) or _wanted_names(role)
            raise NotesParseError(
                f"{name}：CSV 第 1 行表头里找不到{'发言人' if role == 'speaker' else '内容'}列（需要 {wanted}；"
                f"实际表头：{', '.join(header)}）。可用 --columns speaker=列名,text=列名 指定"
            )
    records: list[tuple[int, Any]] = []
    warnings: list[str] = []
    try:
        for row in reader:
            n = reader.line_num
            if None in row or any(v is None for v in row.values()):
                warnings.append(f"第 {n} 行：列数与表头不一致，已跳过")
                continue
            records.append((n, row))
    except csv.Error as exc:
        raise NotesParseError(f"{name}：CSV 第 {reader.line_num} 行格式错误：{exc}") from None
    messages, more = _records_to_messages(records, name, columns, "行")
    warnings += more
    if not messages:
        raise NotesParseError(f"{name}：CSV 中没有可用的消息（{'；'.join(warnings[:3]) or '只有表头'}）")
    return messages, warnings


# -- entry points ---------------------------------------------------------------------------------
def detect_format(text: str, suffix: str = "") -> str:
    suffix = suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in (".csv", ".tsv"):
        return "csv"
    stripped = text.lstrip()
    head = stripped[:1]
    if head == "[" and stripped[1:].lstrip()[:1] in ("{", "]", '"', ""):  # not "[2024-05-01 20:00] 昵称"
        return "json"
    first_line = stripped.splitlines()[0] if stripped else ""
    if re.search(r"[,\t]", first_line):
        cells = {fold(c.strip().strip('"')) for c in re.split(r"[,\t]", first_line)}
        if cells & {fold(w) for w in DEFAULT_COLUMNS["text"]} and cells & {fold(w) for w in DEFAULT_COLUMNS["speaker"]}:
            return "csv"
    if head == "{":
        first = text.lstrip().splitlines()[0].strip()
        return "jsonl" if first.endswith("}") and len(text.strip().splitlines()) > 1 else "json"
    return "text"


def _unquote(m: Message) -> None:
    """A quote-reply is its reply (the quoted words are another message of the chat), to the quoted person
    (``noise.yaml`` quote_replies: the forms WeChat, QQ and WeCom copy it in)."""
    for form in noise_rules().quotes:
        match = form.match(m.text)
        if match and match.group("reply").strip():
            m.reply_to, m.text = match.group("who").strip(), match.group("reply").strip()
            return


def _split_forwards(messages: list[Message]) -> list[Message]:
    """A merge-forwarded chat pasted as one message (``noise.yaml`` forwards) becomes its header (the
    platform's line) and one message per forwarded line, in the forwarded person's name: so a line that
    repeats an earlier message of the chat counts once, and nobody is credited with another's words.
    Messages are numbered again afterwards."""
    r = noise_rules()
    out: list[Message] = []
    for m in messages:
        lines = m.text.split("\n")
        if len(lines) < 2 or not r.forward_header.match(lines[0]) or not r.forward_line.match(lines[1]):
            out.append(m)
            continue
        out.append(Message(0, m.time, m.speaker, lines[0].strip(), m.speaker_id, line=m.line))
        for raw in lines[1:]:
            if (hit := r.forward_line.match(raw)) is not None:
                out.append(Message(0, m.time, hit.group("who").strip(), hit.group("text").strip(), line=m.line))
            elif raw.strip():  # a forwarded message's next line
                out[-1].text += "\n" + raw.strip()
    if len(out) != len(messages):
        for n, m in enumerate(out, 1):
            m.id = n
    return out


def parse_text(text: str, name: str = "聊天记录", *, suffix: str = "", columns: Mapping[str, str] | None = None,
               encoding: str = "", drop_noise: bool = True) -> Transcript:
    """Parse an already-decoded export. ``columns`` maps speaker/text/time/speaker_id to column names."""
    if not text or not text.strip():
        raise NotesParseError(f"{name}：文件为空")
    text = text.lstrip("\ufeff")
    fmt = detect_format(text, suffix or Path(name).suffix)
    group: str | None = None
    if fmt == "json":
        messages, warnings, group = _parse_json(text, name, columns)
    elif fmt == "jsonl":
        messages, warnings = _parse_jsonl(text, name, columns)
    elif fmt == "csv":
        messages, warnings = _parse_csv(text, name, columns)
    else:
        export = _parse_lines(text, name)
        messages, warnings, fmt, group = export.messages, export.warnings, export.format, export.group
    if len(messages) > MAX_MESSAGES:
        raise NotesParseError(f"{name}：消息太多（{len(messages):,} 条，上限 {MAX_MESSAGES:,} 条）。"
                              "请按日期拆成几个文件放进一个目录，再用 copilot notes-batch 目录 -o 输出目录 整理")
    messages = _split_forwards(messages)
    _year_for_month_days(messages, warnings)
    for m in messages:
        _unquote(m)
    dropped: list[Dropped] = []
    if drop_noise:
        messages, dropped = clean_noise(messages)
    if not messages:
        raise NotesParseError(f"{name}：去掉系统消息、表情图片和广告后没有剩下任何内容（共丢弃 {len(dropped)} 条）")
    return Transcript(name=name, messages=messages, format=fmt, encoding=encoding, group=group,
                      warnings=warnings, dropped=dropped)


def _year_for_month_days(messages: list[Message], warnings: list[str]) -> None:
    """A copy whose headers carry a month and day but no year ("林指挥 12-03 20:00", "大飞 5月3日 21:02"; read as year
    1900, the mark of an unknown date): the year is the one the chat's own weekday-dated words fix ("12月19日（周六）":
    the year that day is a Saturday, :func:`~copilot.notes.dates.assumed_days`) — each message the year that puts its
    day nearest that one (a chat running from December into January) — else, for a chat with a 29 February header,
    the latest leap year (that day is in no other), else this year (last year for a day more than a month ahead of
    today). The notes say which (a warning), since every deadline is counted from these days."""
    if not any(m.time is not None and m.time.year <= 1900 and (m.time.month, m.time.day) != (1, 1) for m in messages) \
            or any(m.time is not None and m.time.year > 1900 for m in messages):
        return
    days = assumed_days([(m.text, None) for m in messages])
    told = next((d for d in days if d is not None), None)
    today = date.today()
    anchor = told.today if told is not None else None
    if anchor is None and any(m.time is not None and m.time.year <= 1900 and (m.time.month, m.time.day) == (2, 29)
                              for m in messages):  # a 29 February header: the chat is in the latest such year
        anchor = next(date(y, 2, 29) for y in range(today.year, today.year - 9, -1)
                      if isleap(y) and date(y, 2, 29) <= today + timedelta(days=31))

    def year(when: datetime) -> int:
        day = when.date()
        if anchor is not None:  # the year that puts the day nearest the anchor (29 February only in a leap year)
            near = [y for y in range(anchor.year - 4, anchor.year + 5) if isleap(y) or (day.month, day.day) != (2, 29)]
            return min(near, key=lambda y: abs((day.replace(year=y) - anchor).days))
        return today.year if day.replace(year=today.year) <= today + timedelta(days=31) else today.year - 1

    chosen = set()
    for m in messages:
        if m.time is not None and m.time.year <= 1900:
            y = year(m.time)
            chosen.add(y)
            m.time = m.time.replace(year=y)
    how = f"聊天里带星期的日期「{told.source}」" if told is not None else \
        "聊天里的 2 月 29 日" if anchor is not None else "今天的日期"
    warnings.append(f"聊天记录的时间只有月日、没有年份：按{how}定为 {'/'.join(str(y) for y in sorted(chosen))} 年，"
                    "期限据此推算，请核对")


def parse_bytes(data: bytes, name: str = "聊天记录", *, suffix: str = "",
                columns: Mapping[str, str] | None = None) -> Transcript:
    """Decode (UTF-8/BOM/UTF-16/GBK/GB18030 via charset-normalizer) and parse."""
    if len(data) > MAX_BYTES:
        raise NotesParseError(f"{name}：文件过大（{len(data) // 1024 // 1024} MB，上限 {MAX_BYTES // 1024 // 1024} MB）")
    try:
        text, encoding = decode_labelled(data, name)
    except UnreadableFile as exc:
        raise NotesParseError(str(exc)) from None
    transcript = parse_text(text, name, suffix=suffix, columns=columns, encoding=encoding)
    damaged = damaged_chars(text)
    if damaged:  # a damaged export is read, not refused: the user is told where to look
        transcript.warnings.insert(0, f"{name}：有 {damaged} 处字节无法识别（文件可能损坏），已换成 �；"
                                      "其余内容照常整理（跳过的行另有逐行警告）")
    return transcript


def parse_file(path: Path | str, *, columns: Mapping[str, str] | None = None) -> Transcript:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refused before it is read
            raise NotesParseError(f"{path.name}：文件过大（{size // 1024 // 1024} MB，上限 {MAX_BYTES // 1024 // 1024} MB）")
        data = path.read_bytes()
    except OSError as exc:
        raise NotesParseError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    return parse_bytes(data, path.name, suffix=path.suffix, columns=columns)


def parse_columns(spec: str | None) -> dict[str, str] | None:
    """``speaker=发送人,text=内容,time=时间`` → mapping (the CLI's ``--columns``)."""
    if not spec:
        return None
    out: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise NotesParseError(f"--columns 格式应为 speaker=列名,text=列名，收到「{part}」")
        key, value = (s.strip() for s in part.split("=", 1))
        if key not in DEFAULT_COLUMNS:
            raise NotesParseError(f"--columns 只支持 {', '.join(DEFAULT_COLUMNS)}，收到「{key}」")
        out[key] = value
    return out

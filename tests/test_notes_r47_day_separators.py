"""Round 47 (issue 13): a WeChat copy whose headers carry only the time of day ("阿梅 20:01") and whose date stands
only on a day separator ("—— 2026年12月31日 ——", "3月4日 星期四"): the messages under it get that date, so relative
deadlines resolve; the separator is neither a warning nor a line of the message above it. A date line inside a
message (no header after it) stays that message's text. Chats written for these tests (hiking, a knitting circle,
a seed swap)."""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text

_FRAMED = ("—— 2027年3月1日 ——\n\n"
           "领队阿梅 20:01\n周六去不去爬山\n\n"
           "老何 20:03\n去，路线我明天发群里\n\n"
           "—— 2027年3月6日 ——\n\n"
           "领队阿梅 08:00\n出发了吗\n")


def test_a_framed_separator_dates_the_time_only_messages_under_it() -> None:
    t = parse_text(_FRAMED, "hike.txt")
    assert [m.time for m in t.messages] == [datetime(2027, 3, 1, 20, 1), datetime(2027, 3, 1, 20, 3),
                                            datetime(2027, 3, 6, 8, 0)]
    assert not t.warnings and t.date == "2027-03-01"
    assert all("2027" not in m.text for m in t.messages)


def test_a_relative_deadline_resolves_against_the_separators_date() -> None:
    notes = summarize_offline(parse_text(_FRAMED, "hike.txt"))
    assert [(a.owner, a.deadline) for a in notes.actions if "路线" in a.task] == [("老何", "2027-03-02")]


def test_a_month_day_and_weekday_separator_finds_its_year_from_the_weekday() -> None:
    chat = ("3月4日 星期四\n\n织女阿芳 20:01\n毛线到了吗\n\n小温 20:02\n到了，明天带去\n\n"
            "3月6日 星期六\n\n织女阿芳 09:00\n我到了\n")
    t = parse_text(chat, "knit.txt")
    assert not t.warnings
    days = [m.time.date() for m in t.messages]
    assert days[0].month == 3 and days[0].day == 4 and days[0].weekday() == 3  # a Thursday
    assert days[2] == date(days[0].year, 3, 6)
    assert [m.text for m in t.messages] == ["毛线到了吗", "到了，明天带去", "我到了"]


def test_separators_in_a_pasted_chat_without_times_and_the_year_turning() -> None:
    chat = ("—— 2026年12月31日 ——\n阿梅：明天几点换种子\n老何：早上9点，社区花园\n"
            "—— 1月2日 ——\n阿梅：到了\n老何：马上到\n")
    t = parse_text(chat, "seeds.txt")
    assert [m.time.date() for m in t.messages] == [date(2026, 12, 31)] * 2 + [date(2027, 1, 2)] * 2
    assert not t.warnings


def test_a_date_line_inside_a_message_stays_its_text() -> None:
    chat = "阿梅 20:01\n活动时间定了\n3月5日 星期四\n下午3点在图书馆\n\n老何 20:03\n好\n"
    t = parse_text(chat, "plan.txt")
    assert t.messages[0].text == "活动时间定了\n3月5日 星期四\n下午3点在图书馆"
    assert t.messages[0].time.year == 1900  # the chat still has no date: nothing above dated it


def test_a_bare_month_day_alone_is_no_separator() -> None:
    chat = "阿梅 20:01\n哪天交材料\n\n老何 20:02\n交材料\n3/5\n\n阿梅 20:03\n好\n"
    t = parse_text(chat, "bare.txt")
    assert [m.time.year for m in t.messages] == [1900, 1900, 1900]

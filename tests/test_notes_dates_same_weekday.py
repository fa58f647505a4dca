"""A weekday named on that very weekday is next week's: today is said 今天/今晚, so 周四排练 written on a Thursday
evening is next Thursday's rehearsal (qa13r25: a deadline came out as the evening the message was sent)."""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.dates import find_deadline

THURSDAY_EVENING = datetime(2026, 11, 19, 20, 17)


def test_a_bare_weekday_said_on_that_day_is_next_week() -> None:
    assert find_deadline("周四排练大家提前十分钟到，小周你来带热身", THURSDAY_EVENING).day == date(2026, 11, 26)
    assert find_deadline("周四上午把谱子发群里", THURSDAY_EVENING).day == date(2026, 11, 26)


def test_today_and_other_weekdays_are_unchanged() -> None:
    assert find_deadline("今晚十点前把谱子发群里", THURSDAY_EVENING).day == date(2026, 11, 19)
    assert find_deadline("周六下午把谱架搬过去", THURSDAY_EVENING).day == date(2026, 11, 21)
    assert find_deadline("这周四之前交", datetime(2026, 11, 17, 9, 0)).day == date(2026, 11, 19)
    assert find_deadline("下周四排练", THURSDAY_EVENING).day == date(2026, 11, 26)

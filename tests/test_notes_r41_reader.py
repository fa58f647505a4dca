"""Round 41: what a reader of the notes noticed — a time range is an activity's slot, not a due time;
one person under two names is one owner. Sentences written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from copilot.notes.dates import find_deadline, time_expressions

WED_EVENING = datetime(2026, 12, 16, 21, 0)


@pytest.mark.parametrize(("text", "day", "clock"), [
    ("周六晚上8点到11点在活动室下棋，大家带上自己的棋钟", date(2026, 12, 19), "20:00"),
    ("周五晚上7点至9点排练，小王把谱架搬过去", date(2026, 12, 18), "19:00"),
    ("这周六上午9点到11点换盆，阿梅你把土备好", date(2026, 12, 19), "09:00"),
])
def test_a_range_is_due_at_its_start_never_at_its_end(text: str, day: date, clock: str) -> None:
    found = find_deadline(text, WED_EVENING)
    assert found is not None
    assert (found.day, found.clock) == (day, clock)


def test_the_end_of_an_evening_range_is_still_read_as_evening() -> None:
    ends = [d for d in time_expressions("周六晚上8点到11点在活动室下棋", WED_EVENING) if d.range_end]
    assert [(d.day, d.clock) for d in ends] == [(date(2026, 12, 19), "23:00")]


def test_a_day_with_the_task_wins_over_the_range_of_the_activity() -> None:
    found = find_deadline("小杨你周六下午把奖杯搬到活动室，比赛8点到11点，中间你负责计时", WED_EVENING)
    assert found is not None
    assert found.day == date(2026, 12, 19) and found.clock != "11:00" and found.clock != "23:00"


def test_a_marked_end_of_a_range_is_a_deadline() -> None:
    found = find_deadline("报名周四晚上8点到10点前在群里接龙", WED_EVENING)
    assert found is not None
    assert (found.day, found.clock) == (date(2026, 12, 17), "22:00")

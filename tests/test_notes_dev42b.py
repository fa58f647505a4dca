"""Round 42 (issue 13): task lists and 接龙 in notes; Deadline copies keep every flag."""

from __future__ import annotations

from datetime import datetime

from copilot.notes.dates import find_deadline

MONDAY = datetime(2026, 12, 28, 20, 0)


def test_range_end_beside_a_weekly_schedule_is_no_due_time() -> None:
    # the weekly slot is read again, and the copies made there must keep range_end: 5点 ends the work
    found = find_deadline("每周日上午练球，明天下午3点到5点我去球场划线", MONDAY, "每周日上午练球，明天下午3点到5点我去球场划线")
    assert found is not None and (found.day.isoformat(), found.clock) == ("2026-12-29", "15:00")


def test_range_end_in_a_weekly_message_with_an_evening_range() -> None:
    text = "每周六下午2点到5点训练，明天晚上7点到9点我在活动室整理器材"
    found = find_deadline(text, MONDAY, text)
    assert found is not None and found.clock == "19:00" and not found.range_end

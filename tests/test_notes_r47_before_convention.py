"""Round 47 (issue 13): one convention for "X前" — the date given is the day X itself, whatever X is: a weekday
(周三前), a date (12月15日前), a fixed holiday (元旦前, 国庆前), a lunar one (中秋前) or the event under discussion
(开学前, 比赛前); the words keep the 前. Sentences written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from copilot.notes.dates import find_deadline

MONDAY = datetime(2027, 12, 6, 20, 0)


@pytest.mark.parametrize(("text", "day"), [
    ("账目周三前整理好", date(2027, 12, 8)),
    ("排班12月15日前在群里接龙报一下", date(2027, 12, 15)),
    ("账目元旦前整理好交堂区办公室", date(2028, 1, 1)),
    ("国庆前把被子拼好", date(2028, 10, 1)),
    ("中秋前把月饼订好", date(2028, 10, 3)),
])
def test_x_before_is_dated_the_day_x_itself(text: str, day: date) -> None:
    found = find_deadline(text, MONDAY)
    assert found is not None and found.marked
    assert found.day == day


def test_the_event_under_discussion_before_is_its_own_day() -> None:
    found = find_deadline("大家比赛前把免责声明签好", MONDAY, event=date(2027, 12, 19))
    assert found is not None and found.day == date(2027, 12, 19)


def test_a_span_before_an_event_still_counts_back_from_it() -> None:
    found = find_deadline("比赛前一天把旗子插好", MONDAY, event=date(2027, 12, 19))
    assert found is not None and found.day == date(2027, 12, 18)


def test_an_event_before_with_no_event_day_has_no_date() -> None:
    found = find_deadline("大家开学前把校服买好", MONDAY)
    assert found is None or found.day is None

"""Issue 13 (dev13): classes of misses found on held-out chats, each with chats written for these tests —
a deadline word written before the date ("截止5月8日", "最迟周四"), and of two "…前" times in one
sentence the one with the task in its own clause."""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.dates import find_deadline
from copilot.notes.parse import parse_text
from copilot.notes.structure import find_actions

SAID = datetime(2026, 5, 4, 19, 30)  # a Monday evening


def test_deadline_word_before_the_date_marks_it() -> None:
    d = find_deadline("征文投稿截止5月8日，逾期不收", SAID)
    assert d is not None and d.marked and d.day == date(2026, 5, 8)
    d = find_deadline("报名表最迟周四交到班长那里", SAID)
    assert d is not None and d.marked and d.day == date(2026, 5, 7)


def test_a_plain_date_without_a_lead_word_is_not_marked() -> None:
    d = find_deadline("5月8日我们去春游", SAID)
    assert d is not None and not d.marked


def test_of_two_marked_times_the_one_with_the_task_wins() -> None:
    d = find_deadline("复赛之前要先交作品说明，这个月20号前发到邮箱，没交的不能参加", SAID, event=date(2026, 5, 30))
    assert d is not None and d.day == date(2026, 5, 20)


def test_lead_word_deadline_reaches_the_todo() -> None:
    chat = parse_text(
        "[2026-05-04 19:30] 社团干事-小麦: 征文投稿截止5月8日，大家把稿子发到社团邮箱\n"
        "[2026-05-04 19:31] 阿洁: 收到\n")
    actions, _, _ = find_actions(chat.messages)
    assert any(a.owner == "大家" and a.deadline == "2026-05-08" for a in actions), actions

"""A weekday deadline said on that same weekday: next week's, unless a later hour, 今天 or the eve of the event says today."""

from datetime import date, datetime

from copilot.notes.dates import find_deadline

MONDAY = datetime(2031, 3, 3, 9, 30)
THURSDAY = datetime(2031, 3, 6, 10, 3)


def test_a_weekday_with_qian_said_on_that_weekday_days_before_the_event_is_next_weeks():
    due = find_deadline("换书会的推文周一前发出来就行", MONDAY, event=date(2031, 3, 8))
    assert due is not None and due.day == date(2031, 3, 10)
    due = find_deadline("比赛照片周四之前整理好发群里", THURSDAY, event=date(2031, 3, 9))
    assert due is not None and due.day == date(2031, 3, 13)


def test_a_later_hour_or_an_afternoon_part_said_in_the_morning_keeps_today():
    due = find_deadline("摆摊志愿者名单周一晚上8点前发我", MONDAY, event=date(2031, 3, 8))
    assert due is not None and due.iso == "2031-03-03 20:00"
    due = find_deadline("报销单周一下班前交给我", MONDAY)
    assert due is not None and due.day == MONDAY.date()


def test_jintian_with_the_weekday_is_today():
    due = find_deadline("号码布周四（今天）下班前来我办公室领走", THURSDAY, event=date(2031, 3, 9))
    assert due is not None and due.day == THURSDAY.date()
    due = find_deadline("发票今天周一前拍给我", MONDAY)
    assert due is not None and due.day == MONDAY.date()


def test_the_eve_of_the_event_still_makes_it_today():
    due = find_deadline("报名表周一前交给我", MONDAY, event=date(2031, 3, 4))
    assert due is not None and due.day == MONDAY.date()

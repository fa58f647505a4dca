"""Round 39 (d13b): relative dates read against the event the chat is planning.

(1) an hour with no day word ("10点45一场") said the evening before names no day of its own: it never
anchors the event under discussion; (2) a time of day on the weekday of the event named for next week
("下周六(11月28日)…", later "周六早上8点半前到") is that event's day, not this week's — a bare weekday
with no time of day, or "这周日", keeps the coming one; (3) a volunteer's to-do and a to-do's own time
read the same event.

Every chat below was written for these tests (a pottery studio, a seed swap, a hiking club); none is a
QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

from chat_lines import chat_lines, owned_by

from copilot.notes.dates import event_days, find_deadline, time_expressions
from copilot.notes.model import Transcript
from copilot.notes.structure import analyze

WEDNESDAY = datetime(2026, 11, 18, 20, 0)  # a Wednesday evening
NEXT_SATURDAY = date(2026, 11, 28)

_msgs = partial(chat_lines, start=WEDNESDAY)


def test_an_hour_without_a_day_does_not_anchor_the_event() -> None:
    texts = [("陶艺体验课定在下周六(11月28日)上午，在二楼工作室", WEDNESDAY),
             ("分两批：上午9点半一批，10点45一批，每批一个小时", WEDNESDAY)]
    assert event_days(texts) == [NEXT_SATURDAY, NEXT_SATURDAY]
    (found,) = time_expressions("10点45一批", WEDNESDAY)
    assert found.hour_only and not time_expressions("下周六上午", WEDNESDAY)[0].hour_only


def test_a_time_of_day_on_the_events_weekday_is_the_events_day() -> None:
    due = find_deadline("周六早上8点半前到门口领工具", WEDNESDAY, event=NEXT_SATURDAY)
    assert due is not None and due.iso == "2026-11-28 08:30"
    later = find_deadline("周六下午两点前把泥板搬到窑房", WEDNESDAY, event=NEXT_SATURDAY)
    assert later is not None and later.iso == "2026-11-28 14:00"


def test_a_bare_weekday_or_this_week_keeps_the_coming_day() -> None:
    bare = find_deadline("周六前把报名表发给我", WEDNESDAY, event=NEXT_SATURDAY)
    assert bare is not None and bare.day == date(2026, 11, 21)
    this_week = find_deadline("这周六晚上9点前在群里接龙", WEDNESDAY, event=NEXT_SATURDAY)
    assert this_week is not None and this_week.iso == "2026-11-21 21:00"
    other_day = find_deadline("周五晚上8点前交押金", WEDNESDAY, event=NEXT_SATURDAY)
    assert other_day is not None and other_day.day == date(2026, 11, 20)
    # with no event ahead the weekday is this week's
    alone = find_deadline("周六早上8点半前到门口领工具", WEDNESDAY)
    assert alone is not None and alone.day == date(2026, 11, 21)


def test_a_volunteers_to_do_reads_the_events_day() -> None:
    msgs = _msgs("社长老顾|各位，种子交换会定在下周六(11月28日)上午，在社区花园凉亭",
                 "社长老顾|上午9点开始，11点半结束，每人带的种子不超过五袋",
                 "社长老顾|签到要一个人，小满你可以吗？周六早上8点半前到凉亭拿签到本",
                 "小满|可以，签到我来")
    found = analyze(Transcript(name="seeds.txt", messages=msgs, format="wechat"))
    signing = owned_by(found.actions, "小满")
    assert signing and signing[0].deadline == "2026-11-28 08:30"


def test_a_months_start_or_the_years_end_with_a_task_is_a_deadline() -> None:
    said = datetime(2026, 11, 18, 10, 0)
    cases = {"下个月初把场地费转给我": "2026-12-01", "12月初前把名单报上来": "2026-12-01",
             "年底前把账目公示出来": "2026-12-31", "年底把会费收齐": "2026-12-31", "明年年底前换届": "2027-12-31"}
    for text, day in cases.items():
        due = find_deadline(text, said)
        assert due is not None and due.iso == day, text
    # when something happens, with no task attached, is no deadline
    assert find_deadline("下个月初我们全家去海南", said) is None
    assert find_deadline("年底大家都忙", said) is None


def test_a_figure_ending_a_name_is_no_hour_and_a_clock_keeps_its_minutes() -> None:
    said = datetime(2026, 11, 3, 8, 25)
    assert time_expressions("小夏N2: 换好了两个人一起在群里说一声", said) == []
    assert time_expressions("房间1123:钥匙在前台", said) == []
    # "8:30前" written at 8:25 is this morning; at 8:45 it is this evening
    (morning,) = time_expressions("8:30前把体温单交给我", said)
    assert morning.iso == "2026-11-03 08:30"
    (evening,) = time_expressions("8:30前把体温单交给我", datetime(2026, 11, 3, 8, 45))
    assert evening.iso == "2026-11-03 20:30"

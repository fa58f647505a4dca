"""Issue 13, round 21 (second session): deadlines named by the chat's own calendar — "下下周一", "前一晚"
before the event, and "下次上课前" / "下回聚会" read from the schedule the chat states ("每周四晚上8点",
"逢星期二", "每月第一个周六"), else from the event still ahead, else left undated rather than guessed;
and WeCom archive JSON (a wrapper object, text nested under "content"). Every chat is written for these
tests."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from copilot.notes.dates import find_deadline, grounded_dates, next_meetings, time_expressions
from copilot.notes.llm import resolve_deadlines
from copilot.notes.model import ActionItem, Notes
from copilot.notes.parse import NotesParseError, parse_text
from copilot.notes.todos import find_actions

THU = datetime(2026, 10, 8, 20, 0)  # a Thursday


def test_week_after_next() -> None:
    assert find_deadline("下下周一之前把照片传群相册", THU).day == date(2026, 10, 19)
    assert find_deadline("下周一之前把照片传群相册", THU).day == date(2026, 10, 12)
    assert find_deadline("下下个星期三前交表", THU).day == date(2026, 10, 21)


def test_the_evening_before_the_event() -> None:
    event = date(2026, 10, 17)
    assert find_deadline("横幅做好，运动会前一晚送到门卫室", THU, event=event).day == date(2026, 10, 16)
    assert find_deadline("對講機活動前一晚拿到", THU, event=event).day == date(2026, 10, 16)
    assert find_deadline("对讲机活动前一晚拿到", THU).day is None  # no event named: words only


def test_next_meeting_from_a_weekly_schedule() -> None:
    texts = [("xiaoyu你准备题卡 下次上课前给我看一眼", THU), ("我们的课是每周二晚上7点 别忘了", THU)]
    meetings = next_meetings(texts)
    assert meetings == [date(2026, 10, 13)] * 2  # stated after the task still counts
    d = find_deadline(texts[0][0], THU, meeting=meetings[0])
    assert d is not None and d.marked and d.day == date(2026, 10, 13)
    # said on the meeting's own weekday: the next one, not today
    tue = datetime(2026, 10, 13, 9, 0)
    assert next_meetings([("逢星期二練習", tue)]) == [date(2026, 10, 20)]


def test_next_meeting_from_a_monthly_schedule() -> None:
    assert next_meetings([("我们每月第一个周六下午活动", THU)]) == [date(2026, 11, 7)]
    early = datetime(2026, 12, 1, 20, 0)
    assert next_meetings([("每个月第二个星期日读书会", early)]) == [date(2026, 12, 13)]


def test_next_meeting_falls_back_to_the_event_then_to_words() -> None:
    event = date(2026, 10, 24)
    assert find_deadline("擴充包你下次聚會帶過去", THU, event=event).day == event
    undated = time_expressions("下次分享会你来讲15分钟", THU)
    assert [d.text[:2] for d in undated] == ["下次"] and undated[0].day is None
    # "下次聚会后" is after that meeting, not a deadline before it
    assert find_deadline("下次聚会后写心得", THU, event=event) is None
    assert next_meetings([("随便聊聊", THU), ("下次见", None)]) == [None, None]


def test_next_meeting_date_is_grounded_for_the_faithfulness_check() -> None:
    texts = [("下次练习前把乐谱发给组员", THU), ("我们每周六上午练习", THU)]
    assert "2026-10-10" in grounded_dates(texts)


CHAT = """2026-10-08 20:00:05 社长-老钟
我们创客社每月第一个周六下午2点在少年宫活动
2026-10-08 20:03:10 社长-老钟
传感器还差10个，小周助教你下次活动前买齐
2026-10-08 20:04:00 小周助教
行，我今晚就下单
"""


def test_to_do_due_at_the_next_stated_meeting() -> None:
    actions, _, _ = find_actions(parse_text(CHAT, "makers.txt").messages)
    sensor = next(a for a in actions if "传感器" in a.task)
    assert sensor.owner == "小周助教" and sensor.deadline == "2026-11-07"


def test_wecom_archive_json() -> None:
    records = [{"msgid": "m1", "from": "店长-阿芳", "msgtime": 1763254800000, "msgtype": "text",
                "text": {"content": "陈列这周内调整好"}},
               {"msgid": "m2", "from": "IT-老纪", "msgtime": 1763254860000, "msgtype": "text",
                "text": {"content": "收银机下午我去看"}}]
    t = parse_text(json.dumps({"errcode": 0, "chatdata": records}, ensure_ascii=False), "wecom.json")
    assert [m.speaker for m in t.messages] == ["店长-阿芳", "IT-老纪"]
    assert t.messages[0].text == "陈列这周内调整好" and t.messages[0].time is not None


def test_json_wrapper_with_several_lists_still_needs_a_known_key() -> None:
    with pytest.raises(NotesParseError, match="JSON"):
        parse_text(json.dumps({"a": [1], "b": [2]}), "odd.json")


def test_llm_deadline_text_resolves_like_offline() -> None:
    """The model's "下次活动前" / "活动前一晚" get the same dates as the offline engine's."""
    t = parse_text(CHAT + "2026-10-08 20:06:00 社长-老钟\n下个月的活动定在11月7日，横幅活动前一晚拿到\n", "makers.txt")
    notes = Notes(title="t", actions=[
        ActionItem(task="买传感器", owner="小周助教", deadline_text="下次活动前", sources=[2]),
        ActionItem(task="横幅", owner="社长-老钟", deadline_text="活动前一晚", sources=[4]),
        ActionItem(task="写心得", owner="大家", deadline_text="下次再说", sources=[2])])
    resolve_deadlines(notes, t)
    assert [a.deadline for a in notes.actions] == ["2026-11-07", "2026-11-06", None]

"""Round 56 (issue 13: deadlines counted from an event the chat names by its own words).

- "读书会前两天", "路演那天", "开放日结束后三天内": the event's day is the one the chat's own dated sentence about it
  tells ("读书会定在6月27日周六下午"), the last one told when a later line moves it — not whichever day the chat names
  most often (dates.anchored_events; marks in time.yaml event_anchor_days / event_anchor_spans).
- A member's own dated plan ("我下个月15号搬家") anchors nothing; a bare "X前" stays with the event under discussion.
- "6/27（六）" is read as a date.

Every chat below was written for these tests (a reading club, a startup demo day, a lab open day); none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure, owned_by

from copilot.notes.dates import anchored_events, event_days, time_expressions

START = datetime(2026, 6, 9, 20, 0)  # a Tuesday evening


def _actions(*lines: str):
    return chat_structure(*lines, start=START).actions


def test_a_span_before_a_named_event_counts_from_its_own_told_day():
    got = _actions(
        "群主阿青|这期读书会定在6月27日周六下午3点，社区图书馆二楼",
        "群主阿青|另外下周六上午有人去郊野公园吗，我想拍荷花",
        "群主阿青|@小米 书单你来整理，读书会前两天发群里",
        "小米|好的",
    )
    mine = owned_by(got, "小米")
    assert len(mine) == 1 and "书单" in mine[0].task
    assert mine[0].deadline == "2026-06-25"


def test_the_named_event_follows_its_last_told_day():
    texts = [
        ("路演定在6月18日周四下午2点，孵化器一楼", datetime(2026, 6, 9, 20, 0)),
        ("投资人名单路演那天带过去", datetime(2026, 6, 9, 20, 2)),
        ("通知一下：场地冲突，路演挪到6月19日周五下午2点", datetime(2026, 6, 9, 20, 30)),
    ]
    days = anchored_events(texts, event_days(texts))
    assert str(days[1]) == "2026-06-19"


def test_a_members_own_plan_anchors_nothing():
    texts = [
        ("我下个月15号搬家，押金怎么退", datetime(2026, 6, 9, 20, 0)),
        ("搬家前三天在APP上提交申请就行", datetime(2026, 6, 9, 20, 2)),
    ]
    events = event_days(texts)
    assert anchored_events(texts, events) == events


def test_a_bare_before_stays_with_the_event_under_discussion():
    texts = [
        ("实验室开放日定在6月20日周六上午9点", datetime(2026, 6, 9, 20, 0)),
        ("海报下周一前打印好", datetime(2026, 6, 9, 20, 1)),
        ("签到表开放日前交给我", datetime(2026, 6, 9, 20, 2)),
    ]
    events = event_days(texts)
    assert anchored_events(texts, events) == events


def test_a_slash_date_with_a_short_weekday_in_brackets_is_a_date():
    found = time_expressions("发表会12/19（六）下午2点在文化中心", datetime(2026, 11, 25, 20, 0))
    assert [d.iso for d in found if d.day is not None] == ["2026-12-19 14:00"]

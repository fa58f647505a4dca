"""Schedules tied to dates: 本周安排, activity notices and calendars list what falls in the requested window."""

from __future__ import annotations

import datetime as dt

import pytest

from copilot.agents import DraftError, draft
from copilot.profile import profile_from_data

D = dt.date
READING = profile_from_data({
    "name": "南山读书会", "positioning": "深圳南山上班族每月一起读一本书", "topics": ["读书", "非虚构"], "type": "兴趣型",
    "events": [
        {"title": "月度共读分享", "kind": "分享", "cadence": "每月1号", "time": "20:00", "place": "腾讯会议", "details": "聊这个月读的书"},
        {"title": "周三书摘接龙", "kind": "接龙", "cadence": "每周三", "time": "21:00", "details": "按序号接龙，写一句书摘"},
        {"title": "年终书单会", "kind": "线下活动", "cadence": "2026-12-19", "time": "14:00", "place": "南山书城三楼",
         "details": "带一本想推荐的书"},
        {"title": "晨读", "kind": "晨报", "cadence": "工作日", "time": "07:30"},
    ],
})
ONE_OFFS = profile_from_data({
    "name": "跨年徒步", "positioning": "一次性的跨年徒步活动群", "topics": ["徒步"], "type": "兴趣型",
    "events": [{"title": "跨年徒步", "kind": "线下活动", "cadence": "2026-12-31", "time": "22:00", "place": "梧桐山南门",
                "details": "带头灯和保暖衣；下雨取消"}],
})


def test_week_notice_lists_only_this_weeks_dates(offline):
    text = draft("copy", READING, offline, kind="notice", start=D(2026, 12, 21)).drafts[0]["text"]
    assert "12月21日—12月27日" in text
    assert "12月23日（周三）21:00 周三书摘接龙" in text
    assert "年终书单会" not in text  # 19 December is before this week
    assert "月度共读分享" not in text  # no 1st in this week
    assert "工作日 07:30 晨读" in text
    nxt = draft("copy", READING, offline, kind="notice", start=D(2026, 12, 28)).drafts[0]["text"]
    assert "1月1日（周五）20:00 月度共读分享" in nxt
    assert "1月1日元旦放假" in nxt  # the 工作日 routine skips New Year's Day, and members are told


def test_all_events_past_says_so(offline):
    result = draft("copy", ONE_OFFS, offline, kind="notice", start=D(2027, 1, 4))
    assert "都已经办完了" in result.drafts[0]["text"] and "12月31日" in result.drafts[0]["text"]
    assert "events" in (result.notice or "")
    with pytest.raises(DraftError, match="之后都没有了"):
        draft("copy", ONE_OFFS, offline, kind="activity", start=D(2027, 1, 4))


def test_activity_notices_come_in_date_order(offline):
    drafts = draft("copy", READING, offline, kind="activity", n=3, start=D(2026, 12, 24)).drafts
    dates = [d["title"].split("·")[1] for d in drafts]
    assert dates == sorted(dates, key=lambda s: (int(s.split("月")[0]) < 12, s))
    assert not any("年终书单会" in d["title"] for d in drafts)


def test_calendar_skips_public_holidays_for_workday_events_and_says_so(offline):
    result = draft("topics", READING, offline, days=7, start=D(2026, 12, 28))
    morning = [e["date"] for e in result.drafts if e["event"] == "晨读"]
    assert "2027-01-01" not in morning and len(morning) == 4
    assert "元旦" in (result.notice or "") and "核对" in (result.notice or "")


def test_intro_and_welcome_leave_out_past_one_offs(offline):
    intro = draft("intro", READING, offline, today=D(2027, 1, 5)).drafts[0]["text"]
    assert "年终书单会" not in intro and "月度共读分享" in intro
    assert "每周的活动安排" not in intro
    before = draft("intro", READING, offline, today=D(2026, 12, 1)).drafts[0]["text"]
    assert "年终书单会" in before
    welcome = draft("welcome", ONE_OFFS, offline, n=2, today=D(2027, 1, 5)).drafts
    assert not any("12月31日" in w["text"] for w in welcome)
    soon = draft("welcome", ONE_OFFS, offline, n=6, today=D(2026, 12, 1)).drafts
    assert any("12月31日" in w["text"] for w in soon)


def test_activity_notice_skips_a_week_the_rotation_pauses(offline):
    p = profile_from_data({
        "name": "茶友秒杀群", "positioning": "老茶客每周五秒杀", "topics": ["茶"], "type": "消费型",
        "events": [{"title": "周五秒杀", "kind": "秒杀", "cadence": "每周五", "time": "20:00",
                    "details": "第一周白茶饼99元→第二周岩茶129元→第三周红茶59元→第四周停一次；每人限1份"}]})
    notice = draft("copy", p, offline, kind="activity", start=D(2026, 12, 22)).drafts[0]  # 25 Dec is the 4th Friday
    assert "1月1日" in notice["title"] and "白茶饼99元" in notice["text"]

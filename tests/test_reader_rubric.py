"""The eval's reader rubric: an activity notice must tell a member when, where, what to bring and (outdoors)
what happens in bad weather — or list it under needs — and template words do not count as telling."""

from __future__ import annotations

import datetime as dt

from copilot.agents import draft
from copilot.evals.reader import reader_gaps
from copilot.knowledge.checks import member_text, run_checks
from copilot.knowledge.rules import load_rules
from copilot.paths import KNOWLEDGE_DIR
from copilot.profile import profile_from_data

HIKE = {
    "name": "莫干山徒步小队", "positioning": "德清的上班族周末一起徒步莫干山", "topics": ["徒步", "登山"], "type": "兴趣型",
    "events": [{"title": "周六竹海徒步", "kind": "线下活动", "cadence": "每周六", "time": "08:00", "place": "莫干山镇游客中心",
                "details": "全程12公里。穿防滑鞋，自带1.5升水。下雨或有雷电预警就取消，前一晚9点群里通知。"}],
}


def _text(d):
    return member_text(d, "copy")


def test_the_composed_notice_gives_a_member_everything(offline):
    p = profile_from_data(HIKE)
    notes = draft("copy", p, offline, kind="activity", n=1, start=dt.date(2026, 12, 7)).drafts
    assert reader_gaps(p, notes, _text) == []


def test_a_ride_notice_without_its_meeting_point_and_time_is_a_gap_unless_asked_in_needs():
    p = profile_from_data(HIKE)
    bare = {"event": "周六竹海徒步", "title": "周六竹海徒步", "needs": [],
            "text": "周六竹海徒步，约好了！带队：小林。带上好心情，量力而行。"}
    gaps = reader_gaps(p, [bare], _text)
    assert {g.split("缺")[1] for g in gaps} == {"time", "place", "bring", "weather"}
    # the keyword rule lets the template words 带队/带上 stand for "要带什么"
    book = load_rules(KNOWLEDGE_DIR)
    checks = run_checks(book, "copy", [bare], p, {"kind": "activity"})
    facts = next(c for c in checks if c.rule_id == "topics.event_facts")
    assert "要带什么" not in facts.reason
    # asked of the operator instead: no gap
    asked = {**bare, "needs": ["开始时间", "集合地点", "要带什么、穿什么", "天气不好怎么办（取消还是改期）"]}
    assert reader_gaps(p, [asked], _text) == []


def test_posts_that_start_when_sent_and_paused_weeks_need_no_time():
    p = profile_from_data({**HIKE, "events": [
        {"title": "每晚打卡", "kind": "打卡", "cadence": "每天", "time": "21:00", "place": "群内"},
        HIKE["events"][0]]})
    checkin = {"event": "每晚打卡", "text": "今天走了多少步？发截图打卡。", "needs": []}
    paused = {"event": "周六竹海徒步", "text": "这周徒步停一次，下周照常。", "needs": [], "paused": True}
    assert reader_gaps(p, [checkin, paused], _text) == []

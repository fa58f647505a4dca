"""The welcome's "next time" is a date the event really runs on: not before a course's start date
written in its details, not in a week its rotation skips."""

from __future__ import annotations

import datetime as dt

from copilot.agents.docs import next_event
from copilot.profile import profile_from_data

# written for this test: a paid evening photography course that starts after the group opens
COURSE = {"name": "光影夜校·冬季班", "positioning": "零基础学手机摄影，6周从构图到修图", "topics": ["手机摄影", "修图"],
          "type": "知识型", "events": [
              {"title": "周四摄影课", "kind": "课程", "cadence": "每周四", "time": "19:30", "place": "腾讯会议",
               "details": "2027-01-14开课。第1周 构图；第2周 光线；第3周 人像；第4周 夜景；第5周 修图；第6周 作品展"}]}


def test_next_time_of_a_course_waits_for_its_start_date():
    events = profile_from_data(COURSE).all_events()
    assert next_event(events, dt.date(2026, 12, 28)) == "1月14日（周四）19:30 周四摄影课"
    assert next_event(events, dt.date(2027, 1, 15)).startswith("1月21日")  # in its weeks: the next Thursday
    assert next_event(events, dt.date(2027, 2, 19)) == ""  # six weeks are over: nothing to point to


def test_next_time_skips_a_week_the_rotation_pauses():
    club = dict(COURSE, events=[{"title": "读书分享", "kind": "分享", "cadence": "每周六", "time": "15:00",
                                 "place": "社区图书室", "details": "本月顺序：第一周 小说；第二周 停一次；第三周 历史；第四周 诗歌"}])
    # 2026-12-12 is the second Saturday of December, which the rotation skips
    assert next_event(profile_from_data(club).all_events(), dt.date(2026, 12, 7)).startswith("12月19日")

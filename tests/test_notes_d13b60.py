"""Round 60 (d13b60): a later change replaces the old value wherever the notes show it, and a change notice is shown
as the change, not as a decision of its own.

- "周日上午不集合了，改成周六下午2点": the change clause names no slot; the clause before it, which drops the old
  value, names it — the organiser's earlier notice gets the new value beside its old one.
- "不在体育馆了，改到市民广场东门": saying the old place is no longer where it happens says it was the venue.
- a settler who settles the same thing again with another day ("行，那就后天订，40件不变") makes the old day stale.

Every chat below was written for these tests (a volunteer group, a choir, a cycling club); none is a dev or eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

START = datetime(2031, 3, 3, 20, 0)


def _rendered(notes) -> str:
    parts = [k.text for k in notes.key_points] + [a.text for a in notes.announcements] + [a.task for a in notes.actions]
    return "\n".join(parts)


def test_a_dropped_then_changed_time_marks_the_old_notice() -> None:
    notes = chat_notes("义工队-阿红|各位，3月9日周日上午9点集合去敬老院，地点在幸福里社区门口",
                       "小李|收到",
                       "老吴|要带什么",
                       "义工队-阿红|带水就行，水果队里买",
                       "义工队-阿红|敬老院那边有检查，周日上午不去了，改成周六（3月8日）下午2点，地点不变",
                       "小李|好的",
                       start=START)
    shown = _rendered(notes)
    assert "3月9日周日上午9点" not in shown  # the dropped plan is not shown as current
    assert "改成周六（3月8日）下午2点" in shown


def test_no_longer_at_the_old_place_marks_the_venue() -> None:
    notes = chat_notes("车队-大伟|周六骑行活动，早上7点出发，地点在体育馆北门集合",
                       "阿飞|收到",
                       "小雪|要戴头盔吗",
                       "车队-大伟|必须戴头盔",
                       "车队-大伟|体育馆那天有比赛，不在体育馆了，改到市民广场东门集合，时间不变",
                       "阿飞|好",
                       start=START)
    shown = _rendered(notes)
    assert "体育馆北门集合（已改：市民广场东门）" in shown


def test_a_settler_settling_again_with_another_day_replaces_the_old_day() -> None:
    notes = chat_notes("社长-老马|说一下订T恤的事",
                       "阿敏|厂家报价多少",
                       "社长-老马|每件45元",
                       "社长-老马|那就定了：3月20日前订40件，阿敏负责联系厂家",
                       "阿敏|好的",
                       "阿敏|厂家说3月15日后排不上了，我后天就去订",
                       "社长-老马|行，那就后天订，40件不变",
                       start=START)
    assert "3月20日前" not in notes.title
    assert not any("3月20日前订40件" in d.text for d in notes.decisions)
    assert any("后天订" in d.text for d in notes.decisions)

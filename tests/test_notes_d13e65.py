"""Later changes replace what they change (round 65, d13e65, issue 13): a line that moves the event and, in a later
clause, a 大家 deadline ("义卖改到…，大家交物品的截止也顺延到…前") re-times the old 大家 to-do instead of leaving it
beside a second one; a meeting point changed without naming the old one ("集合点改在西码头") marks the earlier
"在东码头集合" as changed in the key points and the notice."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.handovers import bare_task
from copilot.notes.model import Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


SALE = """[2031-05-02 09:00] 社长阿芳: 各位，爱心义卖定在5月16日周六上午，在社区广场
[2031-05-02 09:01] 社长阿芳: 请大家在5月14日前把义卖的旧书和玩具交到活动室
[2031-05-02 09:02] 小严: 收到
[2031-05-02 09:03] 老彭: 好的
[2031-05-02 09:05] 小严: 衣服可以捐吗？
[2031-05-02 09:06] 社长阿芳: 衣服不收，只收书和玩具
[2031-05-02 15:00] 社长阿芳: 广场那天有别的活动，义卖改到5月23日周六上午，大家交旧书玩具的截止也顺延到5月21日前
[2031-05-02 15:01] 老彭: 收到
"""


def test_a_later_clause_moving_an_everyone_deadline_retimes_that_todo() -> None:
    notes = _notes(SALE)
    books = [a for a in notes.actions if "玩具" in bare_task(a.task)]
    assert [(a.owner, a.deadline) for a in books] == [("大家", "2031-05-21")]
    assert not any(a.deadline == "2031-05-14" for a in notes.actions)


FERRY = """2031-05-06 08:00:01 船长老潘(11220001)
周日（5月11日）出海钓鱼，早上5点半在东码头集合，船费每人120元

2031-05-06 08:01:11 小海(11220002)
收到

2031-05-06 08:02:21 阿坤(11220003)
鱼竿要自己带吗？

2031-05-06 08:03:31 船长老潘(11220001)
船上有，不用带

2031-05-06 09:10:41 小海(11220002)
东码头那边在修路，车开不过去

2031-05-06 09:12:51 船长老潘(11220001)
那集合点改在西码头，时间不变
"""


def test_a_meeting_point_changed_without_naming_the_old_one_marks_the_old_line() -> None:
    notes = _notes(FERRY, "chat_qq.txt")
    first = [p for p in notes.key_points if "东码头集合" in p.text]
    assert first and all("已改：西码头" in p.text for p in first)
    told = [n for n in notes.announcements if "东码头集合" in n.text]
    assert all("已改：西码头" in n.text for n in told)

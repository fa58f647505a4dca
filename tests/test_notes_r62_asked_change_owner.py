"""A later change moves the to-do of whoever asked for it, though it names the work otherwise, and 「好的X，…你…就行」 gives
the work to X (round 62, d13a62, issue 13: qa13r45 problems 1 and 4)."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.handovers import bare_task
from copilot.notes.model import ActionItem, Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _todos(notes: Notes, word: str) -> list[ActionItem]:
    return [a for a in notes.actions if word in bare_task(a.task)]


POTTERY = """[2031-05-06 20:00:00] 陶艺社-阿青: 周末拉坯课的泥料费每人40元，周五前转给小芸，她统一去买
[2031-05-06 20:01:00] 小芸: 好的，我收到一笔记一笔
[2031-05-06 20:03:00] 老郑: 我可以帮忙把转盘擦一遍
[2031-05-06 20:04:00] 陶艺社-阿青: 好的老郑，转盘你周六上午9点前擦好就行
[2031-05-08 19:00:00] 小芸: 有几位说这周工资还没发，这个钱能不能晚几天再收？
[2031-05-08 19:02:00] 陶艺社-阿青: 可以，泥料截止改到下周一，别忘了就行
"""


def test_a_change_that_answers_the_payees_ask_moves_the_fee_deadline() -> None:
    fee = _todos(_notes(POTTERY), "40元")
    assert fee and fee[0].deadline == "2031-05-12"
    assert "（已改：下周一）" in fee[0].task


def test_the_one_answered_after_an_ack_who_is_told_you_owns_the_work() -> None:
    wipe = _todos(_notes(POTTERY), "转盘你")
    assert [a.owner for a in wipe] == ["老郑"]
    assert wipe[0].deadline == "2031-05-10 09:00"  # 2031-05-06 is a Tuesday


EVENT = """[2031-04-08 20:39:00] 群主-老K: 下期线下活动定在4月25日下午2点，报名链接明天发
[2031-04-08 21:15:00] 群主-老K: 更正一下：下期线下时间改成4月26日下午2点，地点不变
"""


def test_an_event_moved_to_a_clock_leaves_a_dated_link_as_it_was() -> None:
    link = _todos(_notes(EVENT), "报名链接")
    assert all(a.deadline == "2031-04-09" for a in link)

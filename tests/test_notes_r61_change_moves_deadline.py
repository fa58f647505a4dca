"""A later change line moves the to-do's deadline, not only its text (round 61, d13e61, issue 13): a day given with its
date in brackets after the change word ("改到下周一（12月9日）"), and a change line that @s the owner and names their work
after the change clause ("报名截止提前到12月6日，@会计-小米 报名费也要6号前交")."""

from __future__ import annotations

from datetime import datetime

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.dates import find_deadline
from copilot.notes.handovers import bare_task
from copilot.notes.model import ActionItem, Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _todos(notes: Notes, word: str) -> list[ActionItem]:
    return [a for a in notes.actions if word in bare_task(a.task)]


def test_a_bracketed_date_after_a_change_word_is_the_new_deadline() -> None:
    when = datetime(2031, 3, 4, 19, 30)  # a Tuesday
    due = find_deadline("更正：班费截止改到下周一（3月10日）", when)
    assert due is not None and due.iso == "2031-03-10"


def test_a_bracketed_date_with_no_change_word_is_no_deadline_of_its_own() -> None:
    when = datetime(2031, 3, 4, 19, 30)
    assert find_deadline("本周六（3月8日）社区义诊", when) is None


SWIM = """[2031-03-04 20:00:00] 游泳队-孙教练: 春季联赛定在3月29日，在市体育中心
[2031-03-04 20:01:00] 小雨妈妈: 收到
[2031-03-04 20:03:00] 游泳队-孙教练: @小雨妈妈 麻烦你本周五前把泳帽订好，一共12顶
[2031-03-04 20:04:00] 小雨妈妈: 好的
[2031-03-04 20:05:00] 乐天爸爸: 比赛几点开始
[2031-03-04 20:06:00] 游泳队-孙教练: 上午9点
[2031-03-04 20:07:00] 游泳队-孙教练: @乐天爸爸 报名表你来汇总，下周三前发我
[2031-03-04 20:08:00] 乐天爸爸: 好
[2031-03-05 19:30:00] 游泳队-孙教练: 更正：泳帽截止改到下周一（3月10日），厂家说这周排不上
[2031-03-05 19:31:00] 小雨妈妈: 收到
"""


def test_a_correction_to_a_bracketed_day_moves_the_to_do() -> None:
    notes = _notes(SWIM)
    caps = _todos(notes, "泳帽")
    assert [(a.owner, a.deadline) for a in caps] == [("小雨妈妈", "2031-03-10")]
    assert "（已改：" in caps[0].task
    forms = _todos(notes, "报名表")  # (another member's work the change does not name keeps its day)
    assert [(a.owner, a.deadline) for a in forms] == [("乐天爸爸", "2031-03-12")]
    assert notes.host == "游泳队-孙教练"


CHESS = """2031-04-01 20:00:00 棋社-社长老郑(6601001)
4月20日区赛报名开了，我们出三个人，报名费每人80元

2031-04-01 20:01:00 出纳-阿玲(6602002)
收到

2031-04-01 20:03:00 棋社-社长老郑(6601001)
@出纳-阿玲 4月12日前把报名费交了，留好发票

2031-04-01 20:04:00 出纳-阿玲(6602002)
好的

2031-04-03 21:00:00 棋社-社长老郑(6601001)
组委会刚发通知，报名截止提前到4月9日，@出纳-阿玲 报名费也要9号前交

2031-04-03 21:01:00 出纳-阿玲(6602002)
收到
"""


def test_a_change_line_that_ats_the_owner_moves_their_deadline_and_is_no_to_do_of_its_own() -> None:
    fees = _todos(_notes(CHESS), "报名费")
    assert [(a.owner, a.deadline) for a in fees] == [("出纳-阿玲", "2031-04-09")]
    assert "（已改：" in fees[0].task

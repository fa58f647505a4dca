"""Later lines that change a to-do (round 61, d13b61, issue 13): a member standing in for one who cannot come takes
their work ("我周六去不了了" … "那我替你")."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.handovers import bare_task
from copilot.notes.model import ActionItem, Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _todo(notes: Notes, word: str) -> ActionItem:
    found = [a for a in notes.actions if word in bare_task(a.task)]  # (not in what it replied to)
    assert len(found) == 1, [(a.owner, a.task, a.deadline) for a in notes.actions]
    return found[0]


DRIVER = """[2030-10-14 20:00:00] 队长老何: 周六（10月19日）上午9点去阳光敬老院探访，8点半在社区门口集合
[2030-10-14 20:02:00] 队长老何: 小丽你负责买水果，周五前买好
[2030-10-14 20:03:00] 小丽: 好
[2030-10-14 20:04:00] 队长老何: 阿强周六开车接大家过去
[2030-10-14 20:05:00] 阿强: 没问题
[2030-10-14 20:06:00] 大成: 要带什么吗
[2030-10-14 20:07:00] 队长老何: 带身份证就行
[2030-10-17 21:00:00] 阿强: 不好意思，我周六去不了了，公司临时加班
[2030-10-17 21:02:00] 大成: 那我替你，周六我开车
[2030-10-17 21:03:00] 队长老何: 好，谢谢大成
"""


def test_a_member_standing_in_takes_the_work_of_the_one_who_cannot_come() -> None:
    drive = _todo(_notes(DRIVER), "开车")
    assert drive.owner == "大成"
    assert drive.deadline == "2030-10-19"


def test_cannot_come_with_nobody_standing_in_leaves_the_work_where_it_was() -> None:
    chat = DRIVER.replace("那我替你，周六我开车", "周六我也有事").replace("好，谢谢大成", "那我再问问")
    assert _todo(_notes(chat), "开车").owner == "阿强"

"""Work taken on in an answer or a follow-up line (round 64, d13b64, issue 13): a 我-part that only says why the speaker
can do it ("我认识一家") does not undo the promise with a "…前" time after it; a count or length the speaker will go and
ask ("问好…要几天") is no question; and a member's next line that only gives the time of the work they just took on
("我去借吧" — "周五之前借好…") dates that work instead of making a second to-do."""

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


KNITTING = """[2031-05-05 19:00] 编织社-慧姐: 六一义卖还有几件事，今晚定一下
[2031-05-05 19:01] 编织社-慧姐: 小蔓，毛线批发那边你能帮忙问问吗？
[2031-05-05 19:03] 小蔓: 可以，我认识一个老板，周三前问好价钱和要几天到货
[2031-05-05 19:04] 编织社-慧姐: 阿蓉 标价牌你那边能做吗
[2031-05-05 19:05] 阿蓉: 能，我家有打印机，周五前打出来
[2031-05-05 19:06] 秋姨: 义卖在哪里摆摊？
[2031-05-05 19:07] 编织社-慧姐: 社区广场东门
"""


def test_a_reason_in_the_answer_does_not_undo_its_dated_promise() -> None:
    notes = _notes(KNITTING)
    asked = [a for a in notes.actions if a.owner == "小蔓"]
    assert asked and all(a.deadline == "2031-05-07" for a in asked)  # 周三前, said on a Monday
    assert any("问好价钱" in a.task for a in asked)
    tags = [a for a in notes.actions if a.owner == "阿蓉"]
    assert [a.deadline for a in tags] == ["2031-05-09"]


MARKET = """时间,发送人,内容
2031-05-06 20:00:00,业委会-周姐,下周六（5月17日）小区跳蚤市场，还差几件事
2031-05-06 20:01:00,业委会-周姐,长桌谁能去物业借一下？
2031-05-06 20:02:00,老孟,我去借吧
2031-05-06 20:02:30,老孟,周五之前借好放到2号楼大堂
2031-05-06 20:05:00,小白,那收款码我来做一个
2031-05-06 20:05:30,小白,明天晚上前发群里
2031-05-06 20:07:00,阿珍,我家旧书也拿去卖
"""


def test_the_next_line_of_the_same_member_dates_the_work_they_took_on() -> None:
    notes = _notes(MARKET, "market.csv")
    tables = [a for a in notes.actions if "借" in a.task]
    assert [(a.owner, a.deadline) for a in tables] == [("老孟", "2031-05-09")]
    assert "2号楼大堂" in tables[0].task
    codes = [a for a in notes.actions if a.owner == "小白"]
    assert [a.deadline for a in codes] == ["2031-05-07"] and "收款码" in codes[0].task
    assert not any(a.owner == "大家" for a in notes.actions)


def test_a_line_naming_someone_else_is_no_follow_up_of_the_speakers_work() -> None:
    chat = MARKET.replace("周五之前借好放到2号楼大堂", "@小白 周五之前把价签写好")
    notes = _notes(chat, "market.csv")
    assert any(a.owner == "老孟" and a.deadline is None for a in notes.actions)
    assert not any(a.owner == "老孟" and "价签" in a.task for a in notes.actions)

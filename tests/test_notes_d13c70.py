"""Round 70 (d13c70): a speech act that only prefaces its own clause (「我补充一下，」「我讲两句，」) no longer hides the
dated work said after the comma; a preface with no dated work after it stays no to-do."""

from __future__ import annotations

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes import summarize_text

CHAT = """[2026-09-14 19:00] 班主任-王老师: 下周三秋游，今晚说一下安排
[2026-09-14 19:02] 班主任-王老师: 我补充一下，每位家长周五前把回执交给生活老师
[2026-09-14 19:03] 家委-小陈: 我讲两句，各组组长周四前把车费收齐交给我
[2026-09-14 19:05] 家委-小陈: 我补充一下，上学期的班费已经结清了
[2026-09-14 19:06] 豆豆妈妈: 收到
"""


def _notes():
    settings = get_settings()
    return summarize_text(CHAT, "autumn_trip.txt", settings, get_engine(settings, prefer="offline")).notes


def test_a_preface_before_dated_work_keeps_the_to_do_and_its_deadline() -> None:
    actions = {a.task: a for a in _notes().actions}
    receipt = next(a for t, a in actions.items() if "回执" in t)
    fare = next(a for t, a in actions.items() if "车费" in t)
    assert receipt.deadline == "2026-09-18" and fare.deadline == "2026-09-17"
    assert "组长" in (fare.owner or "")


def test_a_preface_with_no_work_after_it_is_no_to_do() -> None:
    assert not any("班费" in a.task for a in _notes().actions)


WHETHER_CHAT = """[2026-09-14 19:00] 领队-阿杰: 下周六去梧桐山，周五晚上出发
[2026-09-14 19:02] 领队-阿杰: 请各位周三之前确认能不能来，我好订车
[2026-09-14 19:03] 小雨: 好的
[2026-09-14 19:05] 小雨: 山上冷不冷？
[2026-09-14 19:06] 领队-阿杰: 晚上挺冷的，带件外套
"""


def test_whether_to_confirm_by_a_deadline_is_a_to_do_not_a_question() -> None:
    settings = get_settings()
    notes = summarize_text(WHETHER_CHAT, "hike.txt", settings, get_engine(settings, prefer="offline")).notes
    confirm = [a for a in notes.actions if "确认" in a.task]
    assert confirm and confirm[0].deadline == "2026-09-16"
    assert not any("确认能不能来" in q.question for q in notes.qa)
    assert any("冷" in q.question for q in notes.qa)  # a real A-not-A question still asks

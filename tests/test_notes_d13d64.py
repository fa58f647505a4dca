"""A member asked by name for a thing ("阿坤 投影仪你们单位借得出来吗") who answers with only the doing and its
time ("借得出来，周四前我拿到活动室") owes that thing: the question heads their to-do, as a "谁来…" call heads a
volunteer's (round 64, d13d64, issue 13). An answer whose to-do already names the question's things, or a question
put to someone else, adds nothing."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import ActionItem, Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _owned(notes: Notes, who: str) -> list[ActionItem]:
    return [a for a in notes.actions if a.owner == who]


READING = """[2031-06-02 20:00] 读书会-晓梅: 下周日（6月15日）的读书分享会在社区图书室办，今晚把几件事分一下
[2031-06-02 20:01] 读书会-晓梅: 阿坤 投影仪你们单位借得出来吗
[2031-06-02 20:03] 阿坤: 借得出来，周四前我拿到图书室
[2031-06-02 20:04] 读书会-晓梅: 小温你能帮忙做一下签到表吗
[2031-06-02 20:06] 小温: 可以，签到表周五前打印好
[2031-06-02 20:07] 老葛: 这次读哪本书？
[2031-06-02 20:08] 读书会-晓梅: 《额尔古纳河右岸》
"""


def test_the_named_question_heads_an_answer_that_names_none_of_its_things() -> None:
    notes = _notes(READING)
    kun = _owned(notes, "阿坤")
    assert [a.deadline for a in kun] == ["2031-06-05"]  # 周四前, said on a Monday
    assert "投影仪" in kun[0].task and "拿到图书室" in kun[0].task
    # (an answer that names the thing itself is not headed again)
    wen = _owned(notes, "小温")
    assert wen and all(a.task.count("签到表") <= 2 for a in wen) and all("投影仪" not in a.task for a in wen)


OTHER = """[2031-06-02 20:00] 读书会-晓梅: 阿坤 投影仪你们单位借得出来吗
[2031-06-02 20:02] 小温: 我周四前把签到表打印好
[2031-06-02 20:03] 阿坤: 借不出来，要提前一个月申请
"""


def test_a_question_put_to_someone_else_heads_nothing() -> None:
    notes = _notes(OTHER)
    wen = _owned(notes, "小温")
    assert [a.deadline for a in wen] == ["2031-06-05"]
    assert all(a.task.startswith("我周四前把签到表打印好") for a in wen)  # not headed by 阿坤's question


CLINIC = """[2031-06-03 18:00] 前台-小雯: 陆医生，那我休假前要交接什么？
[2031-06-03 18:02] 陆医生: 把住院那两只狗的喂药记录交接给阿宁，明天下班前
[2031-06-03 18:03] 前台-小雯: 好的
"""


def test_a_question_about_the_askers_own_matter_heads_nothing() -> None:
    notes = _notes(CLINIC)
    given = [a for a in notes.actions if "喂药记录" in a.task]
    assert given and all("休假" not in a.task for a in given)

"""Round 73, lead (issue 13; from the fresh testers qa13r57 and qa13r58): a Cantonese 咗 after the settling word
(咁決定咗) is no part of what was settled, in the summary or the title; a change naming its subject (集合改到早上6点)
also finds a bare earlier answer whose subject is only in the time, amount or place question it answers, and marks
the old value there — a yes/no question gives its answer no subject. Chats written for these tests (a county cycling
race's volunteers, a Hong Kong hiking club)."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text


def _notes(text: str, name: str = "chat.txt"):
    s = Settings(llm_provider="offline")
    return summarize_text(text, name, s, get_engine(s)).notes


RACE = """\
刘站长 2025/5/6 08:00
今天把环湖骑行赛的志愿者安排说一下，比赛日是5月25号
小孟 2025/5/6 08:02
集合时间呢？
刘站长 2025/5/6 08:03
早上6点半，东门停车场
小孟 2025/5/6 08:04
好的
阿珍 2025/5/6 08:05
水站我来负责，周五前把物资清单发群里
刘站长 2025/5/6 08:06
行
阿珍 2025/5/6 08:07
补给的香蕉要多少？
刘站长 2025/5/6 08:08
按三百人算
小孟 2025/5/6 08:09
打卡漏了能补吗
刘站长 2025/5/6 08:10
能补，当天晚上10点前补都算
刘站长 2025/5/6 09:30
交警那边说封路提前，集合改到早上6点，大家早点睡
"""


def test_a_change_marks_the_bare_answer_whose_subject_is_in_the_question() -> None:
    n = _notes(RACE)
    answer = next(q.answer for q in n.qa if "集合时间" in q.question)
    assert "6点半（已改：" in answer, answer
    for notice in (a.text for a in n.announcements if "6点半" in a.text):
        assert "（已改：" in notice, notice  # never the old time told as what holds


def test_a_yes_no_question_gives_its_answer_no_subject_of_a_later_change() -> None:
    n = _notes(RACE)
    answer = next(q.answer for q in n.qa if "能补" in q.question)
    assert "10点前" in answer and "已改" not in answer, answer


TAICHI = """\
[2025-03-02 20:00] 陳會長: 下個月行山活動，大家傾下去邊條路線
[2025-03-02 20:02] 阿芬: 我想去麥理浩徑第二段，風景靚
[2025-03-02 20:03] 強哥: 我都贊成第二段
[2025-03-02 20:05] 陳會長: 咁決定咗，四月六號行麥理浩徑第二段，朝早八點西貢巴士站集合
"""


def test_cantonese_zo_after_the_settling_word_is_no_part_of_the_summary() -> None:
    n = _notes(TAICHI)
    assert "最後決定：咗" not in n.summary and "最后决定：咗" not in n.summary, n.summary
    assert not n.title.split("：")[-1].startswith("咗"), n.title
    assert "四月六號" in n.summary or "四月六号" in n.summary, n.summary

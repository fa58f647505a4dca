"""Round 64 (d13a64): a question followed by a remark on how it went before is still open for the next line.

"腊肉怎么分？上次有人拿错" asks and then says why it asks: the remark after the question mark is background
(cue ``reply.asked_background``), not the asker's own proposal ("会员要不要打折？会员85折，非会员原价" proposes), so the
next member's answer ("按接龙顺序贴名字，标签我来打印") answers it even when it shares none of its words.

Every chat below was written for these tests (a flea market, a community clinic, a badminton club); none is a dev or
eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.notes.pairing import _proposes

START = datetime(2031, 5, 12, 19, 30)


def test_background_after_the_question_is_no_proposal() -> None:
    assert not _proposes("摊位怎么排？去年挤成一团")
    assert not _proposes("奖品放哪里？上次有人拿错了")
    assert _proposes("会员要不要打折？会员85折，非会员原价")


def test_the_next_line_answers_a_question_with_background() -> None:
    notes = chat_notes("市集-阿宁|周日跳蚤市场，最后确认几件事",
                       "小薇|摊位怎么排？去年挤成一团",
                       "老费|按单双号分两排，中间留过道，号码牌我来做，周五前发给大家",
                       "小薇|好的",
                       start=START)
    pairs = [(q.asker, q.question, q.answerer, q.answer) for q in notes.qa]
    assert any(a == "小薇" and "摊位怎么排" in qq and b == "老费" and "单双号" in ans for a, qq, b, ans in pairs)


def test_a_proposal_after_the_question_still_takes_no_unrelated_next_line() -> None:
    notes = chat_notes("球队-阿杰|下周日友谊赛，说下安排",
                       "小马|比完要不要聚餐？就去对面湘菜馆吧",
                       "琳琳|我周日上午有课，下午才到",
                       "小马|那等你",
                       start=START)
    pairs = [(q.asker, q.question, q.answerer, q.answer) for q in notes.qa]
    assert not any(b == "琳琳" and "有课" in ans for _, _, b, ans in pairs)

"""Round 52 (d13b52): questions and bare answers the way the second blind set is described — Cantonese and northern
forms, a member's one-word yes or a figure right after a question.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from chat_lines import chat_notes

from copilot.notes.structure import is_question

START = datetime(2027, 6, 8, 20, 0)  # a Tuesday evening


# a Hong Kong allotment garden; members answer each other with one word
ALLOTMENT = (
    "園長阿芝|各位街坊 今個禮拜六朝早8點 天台農圃換泥 每格要換兩包",
    "阿強|有冇鏟借",
    "Winnie|有",
    "阿強|咁我唔使帶",
    "陳太|泥頭嘢點處理",
    "園長阿芝|裝袋放落樓下垃圾站旁邊 星期一會有車收",
    "阿強|要幾多包泥",
    "園長阿芝|每格兩包 一共四十包",
)

# a northern village's threshing-ground talk: "V不" asks, "会" answers it
THRESHING = (
    "队长老马|明天上午打场，麦子先摊开晒两个钟头",
    "二柱|脱粒机有人会开不",
    "小刚|会",
    "队长老马|好，小刚明天上午开脱粒机",
    "二柱|晒场上报名的有几个",
    "小刚|五个",
)


def _pair(notes, asker: str, word: str):
    return next((q for q in notes.qa if q.asker == asker and word in q.question), None)


def test_a_members_bare_yes_answers_a_cantonese_yes_no_question():
    notes = chat_notes(*ALLOTMENT, start=START)
    pair = _pair(notes, "阿強", "鏟")
    assert pair is not None and pair.answerer == "Winnie" and "有" in pair.answer


def test_cantonese_how_with_a_verb_is_a_question_the_host_answers():
    notes = chat_notes(*ALLOTMENT, start=START)
    pair = _pair(notes, "陳太", "泥頭")
    assert pair is not None and pair.answerer == "園長阿芝" and "垃圾站" in pair.answer


def test_a_northern_v_bu_question_takes_a_members_bare_hui():
    notes = chat_notes(*THRESHING, start=START)
    pair = _pair(notes, "二柱", "脱粒机")
    assert pair is not None and pair.answerer == "小刚" and "会" in pair.answer


def test_you_ji_ge_closing_a_question_takes_a_figure_from_a_member():
    notes = chat_notes(*THRESHING, start=START)
    pair = _pair(notes, "二柱", "几个")
    assert pair is not None and pair.answerer == "小刚" and "五个" in pair.answer


def test_a_members_bare_yes_after_an_open_question_answers_nothing():
    # bad input for the rule: "要不要带伞" is no yes/no a "有" answers, and a "有" after a statement answers nothing
    notes = chat_notes(
        "班长小吴|周五下午去植物园写生，两点校门口集合",
        "阿珍|画板谁带",
        "小彭|有",
        "阿珍|我昨天去了趟海边",
        "小彭|有",
        start=START,
    )
    assert not any(q.answer.strip() == "有" for q in notes.qa)


@pytest.mark.parametrize("text", [
    "新来的志愿者有几个",
    "报名的有几位",
    "過咗期嘅嘢點處理",
    "抽水机有人会修不",
    "你明天能来不",
])
def test_question_forms_of_the_blind_writers_are_questions(text: str):
    assert is_question(text)


@pytest.mark.parametrize("text", [
    "有几个人说过这个事",   # 有几个 inside a clause: a few
    "我有几个建议",
    "3點交",                # a clock time, not Cantonese "how"
    "下午两点处理完",
    "我会努力的",
])
def test_look_alikes_are_not_questions(text: str):
    assert not is_question(text)

"""Round 61 (issue 13): of two questions asked in one line ("一共收多少钱？女生要穿球衣吗？"), a reply giving the figure
one asks for answers that one, not its sibling it only shares a word with; the sibling takes the next answer on its
own words. Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2027, 4, 14, 20, 0)  # a Wednesday

_OPEN = ("社长阿彬|各位，周六下午的乒乓球友谊赛定在街道文体中心三楼，1点半签到，2点开打",
         "社长阿彬|这次一共8张球台，分男单女单和混双三个组",
         "阿青|收到", "老何|收到，我报男单")


def _pairs(*lines: str) -> list[tuple[str, str, str, str]]:
    return [(q.asker, q.question, q.answerer, q.answer) for q in chat_structure(*_OPEN, *lines, start=START).qa]


def test_the_figure_asked_for_answers_its_own_question_not_the_sibling_sharing_a_word():
    pairs = _pairs("阿青|一共收多少钱？女生要穿球衣吗？",
                   "小文|今天风好大，差点把我吹跑",
                   "社长阿彬|男生30元女生20元，含午饭",
                   "老何|女生不用穿球衣，运动服就行",
                   "阿青|明白")
    assert ("阿青", "一共收多少钱？", "社长阿彬", "男生30元女生20元，含午饭") in pairs
    assert ("阿青", "女生要穿球衣吗？", "老何", "女生不用穿球衣，运动服就行") in pairs

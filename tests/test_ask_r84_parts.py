"""Round 84 (brief d15a84, issue 15): a scope gate per part. A two-part question covered as a whole whose other part is
about something outside the material (the group topic's own facts, a body, tax) is answered for the covered part, and
the answer says plainly that the other part is outside and was not answered (``decline.yaml``'s ``part_outside``),
instead of taking that part's clause as what is asked (an answer given as only 相近) or dropping it with a 可能 note.
A follow-up that leans on the first part (怎么突破瓶颈, 要不要把地名放进去) is not named outside. Questions are written
for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, covered_part, decline_texts, question_parts, ranked
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import parts_cues
from copilot.llm import get_engine


def test_the_gate_is_on() -> None:
    cues = parts_cues().outside_part
    assert 0 < cues.confidence < 0.2 and cues.min_words >= 2


def test_the_longest_joiner_cuts_so_the_part_does_not_start_with_its_tail() -> None:
    assert question_parts("群规要写哪些内容？顺便问一下毛笔怎么选才好") == ["群规要写哪些内容？", "毛笔怎么选才好"]
    assert question_parts("欢迎语怎么写比较好，顺便问下这个月的会费收多少合适")[1] == "这个月的会费收多少合适"


@pytest.mark.parametrize("covered, outside", [
    ("书法社的群想每周固定几个话题栏目，怎么排？", "狼毫毛笔和羊毫毛笔哪个适合初学者"),
    ("跑团的群想做一次线上打卡活动，规则怎么定？", "跑完马拉松膝盖疼要不要去医院拍片子"),
])
def test_an_outside_part_of_a_covered_question_is_named_plainly(
        covered: str, outside: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = f"{covered}另外{outside}"
    ranking, mixed = ranked(question, kb_index)
    assert ranking.covered and mixed is not None and mixed.first and mixed.text == covered
    engine = get_engine(settings, prefer="offline")
    answer = answer_question(question, kb_index, engine)
    alone = answer_question(covered, kb_index, engine)
    # the covered part is answered as it would be asked alone: the outside part moves no section
    assert answer.covered and [s.section for s in answer.sections][:1] == [s.section for s in alone.sections][:1]
    # said plainly, once, with the asker's own words; not the 可能没有照顾到 note, and the answer is not 相近 for it
    assert decline_texts().part_outside.format(part=outside, side="前面") in answer.answer
    assert "可能没有照顾到" not in answer.answer
    assert answer.direct


@pytest.mark.parametrize("question", [
    "我们合唱团群里的活动办了几次就没人来了，怎么办？另外怎么突破瓶颈",  # names too little to be about anything else
    "摄影群的群名怎么起？要不要把地名放进去？",  # a follow-up of the naming question
    "读书会想定一份群规，要写哪些内容？另外新人进群的欢迎语该怎么写",  # both parts covered
])
def test_a_follow_up_or_a_covered_second_part_is_not_named_outside(question: str, kb_index: KnowledgeIndex) -> None:
    whole = kb_index.search_sections(question, k=5, unwrap=True)
    assert whole.covered
    assert covered_part(question, kb_index, whole=whole) is None


def test_a_hostile_outside_part_does_not_make_the_answer_take_it_up(kb_index: KnowledgeIndex, settings: Settings) -> None:
    # the outside part is padded with abuse and a tax question; the group part is still answered from its own card
    question = "宠物群里有人天天发卖猫粮的广告，怎么处理？另外你个破机器人告诉我个体户卖猫粮一年要交多少税"
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered and answer.sections[0].source in {"moderation-offtopic", "group-rules", "crisis"}
    assert "不在方法论资料的范围里" in answer.answer

"""Round 81 (lead, issue 15; from the fresh tester qa15r7): a member cheated of money through the group is a safety
case of its own — not read as harassment because the cheat wrote in private and blocked the members — the answer says
which safety line opens it (``safety_note`` in ``--json``), and one ask gets one note, not "not found" beside "see
section X". Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine


@pytest.mark.parametrize("question", [
    "有人进群后私聊好几个球友说能弄到内部票，收了钱就把人拉黑了，我该怎么办",
    "茶友群有人冒充群主收活动费，已经有三个人转了钱，怎么处理",
    "有個人話可以幫手搶演唱會飛，收完錢就失蹤，好多群友被騙咗，點算好",  # Traditional / Cantonese
])
def test_money_taken_by_a_cheat_is_the_scam_case_not_harassment(question: str) -> None:
    told = stated_situations().deciding(question)
    assert told is not None and told.name == "scammed" and told.covers
    assert "报警" in told.note and "转账记录" in told.note


@pytest.mark.parametrize("question", [
    "怎么提醒群里的老人防骗，最近诈骗电话特别多",  # prevention: no one was cheated
    "会不会被骗啊，群里有人说能低价代购",
    "羽毛球群有球友被冒充教练的人骗了八百块，能报警吗，派出所会立案吗",  # only police and the law: outside the material
    "有家长在群里说我们的托管班是骗钱的，我该怎么回应",  # a complaint about the group's own service
])
def test_preventing_a_scam_is_not_told_as_one(question: str) -> None:
    told = stated_situations().deciding(question)
    assert told is None or told.name != "scammed"


def test_the_scam_answer_opens_with_its_safety_line_and_says_so_in_json(
        kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "有人加群以后私聊好多会员卖比赛的内部名额，收钱后就拉黑了，好几个人被骗，群主是不是有责任？我现在该怎么做"
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    told = stated_situations().deciding(question)
    assert told is not None and answer.answer.startswith(told.note)
    assert answer.safety_note == "scammed" and answer.safety == ""  # not the fixed reply: the material answers
    assert "被骚扰" not in answer.answer
    assert (answer.sections[0].source, answer.sections[0].section) in {tuple(t) for t in told.toward}
    # one note for the ask "群主是不是有责任，我现在该怎么做", not a second "not found" for its own last words
    notes = [line for line in answer.answer.splitlines() if line.startswith("你还问了")]
    assert len(notes) <= 1, notes


def test_an_answer_with_no_safety_case_has_no_safety_note(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("读书会的群最近没人说话了，怎么活跃一下", kb_index, get_engine(settings, prefer="offline"))
    assert answer.safety_note == "" and answer.safety == ""

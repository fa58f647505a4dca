"""Round 63 (d15b63, issue 15): an operator asking how to run a referral campaign without it being seen as harassment
(当成骚扰、算骚扰、像骚扰) is not reporting a member who was harassed, so ``stated.yaml``'s harassed situation does not
fire and 违规怎么处理 no longer leads the answer. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine

VIOLATIONS = ("group-rules", "违规怎么处理")


@pytest.mark.parametrize("question", [
    "读书会想搞拉一个好友进群送电子书的活动，怎么设计才不会被当成骚扰",
    "想做轉發海報送小禮物的裂變，怎樣才不會被當成騷擾",
])
def test_a_referral_campaign_feared_as_harassment_is_not_a_harassed_member(
        question: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    assert "harassed" not in {s.name for s in stated_situations().told(question)}
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert (answer.sections[0].source, answer.sections[0].section) != VIOLATIONS


def test_a_member_harassing_another_still_leads_with_handling_violations(kb_index: KnowledgeIndex,
                                                                         settings: Settings) -> None:
    question = "群里有人半夜给女生发暧昧消息骚扰人家，怎么处理"
    assert "harassed" in {s.name for s in stated_situations().told(question)}
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert (answer.sections[0].source, answer.sections[0].section) == VIOLATIONS

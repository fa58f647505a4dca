"""Round 35 (dev15o): questions about running a paid group (what members get for the fee, how much to charge,
why few renew) are answered from the cards' own sections instead of being declined as near misses, while
money questions the cards do not teach (tax, invoices, refunds of one's own fee) are still declined.
Questions and groups (书法工作室, 蝴蝶标本, 花艺, 滑雪板租赁…) are written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine

PAID_GROUP = {
    # (question, the cards whose sections answer it)
    # declined as a near miss before round 35
    "我们书法工作室的付费会员群一年580，会员总说不划算，怎么让他们觉得这钱花得值": {"value-benefits"},
    "蝴蝶标本收藏想开个付费交流群，年费打算定200，会不会太贵，定价看什么": {"threshold", "value-benefits"},
    # answered from entry thresholds alone before round 35
    "花艺付费群一年到期只有两成人续费，是不是群里给的东西不够": {"value-benefits", "lifecycle"},
    # answered from promotion sections (打折, 会员日) before round 35
    "我们滑雪板租赁店的付费会员群想定几条会员权益，除了打折还能给什么": {"value-benefits", "layering-kol"},
}


@pytest.mark.parametrize("question", list(PAID_GROUP))
def test_running_a_paid_group_is_answered_from_its_sections(kb_index: KnowledgeIndex, settings: Settings,
                                                            question: str) -> None:
    ranking = kb_index.search_sections(question)
    assert not ranking.near_miss, question
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered, question
    assert {s.source for s in answer.sections} & PAID_GROUP[question], [s.label for s in answer.sections]


@pytest.mark.parametrize("question", [
    "付费群这一年收了六万多会费，群主个人要不要报税，能开发票吗",
    "我在一个炒币付费群交了三千块年费，感觉被骗了，能让群主退钱吗",
    "付费社群的会员费算不算预付卡，要不要去备案",
])
def test_money_questions_the_cards_do_not_teach_are_still_declined(kb_index: KnowledgeIndex, settings: Settings,
                                                                    question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert not answer.covered, question

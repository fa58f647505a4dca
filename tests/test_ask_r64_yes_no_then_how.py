"""Round 64 (d15c64, issue 15): a question whose earlier asks are only yes/no clauses (是不是每个群都有寿命？) before a
last "how" (怎么能让它撑得更久) is answered from the how clause's own section first (``parts.yaml``'s
``ask_lead.yes_no``); a question that asks two real things in turn keeps its order. 活得久 / 撑得久 ask how to extend
a group's life (``synonyms.yaml``). Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine

EXTEND = ("lifecycle", "延长寿命的办法")


@pytest.mark.parametrize("question", [
    "群开了快两年，是不是每个群都有个寿命？怎么能让它撑得更久",
    "读书群是不是都会慢慢变冷？怎么让它活得久一点",
])
def test_the_how_after_a_yes_no_clause_leads(question: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert (answer.sections[0].source, answer.sections[0].section) == EXTEND


def test_two_real_asks_keep_their_order(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("什么时候该开二群？开了以后要怎么管理", kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert (answer.sections[0].source, answer.sections[0].section) == ("platform-structure", "群满了怎么扩")

"""Round 62 (d15c62, qa15r44 I21): members leaving and the operator wanting to keep them is the retention situation
(``stated.yaml``'s raise_retention), so the section on clearing members out does not lead it; a question about
clearing members still gets that section. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine

CLEAR = ("lifecycle", "定期清理成员")


@pytest.mark.parametrize("question", [
    "群成员退群的很多，怎么留住人",
    "读书会这个月退群的人一下多了十几个，怎么留住剩下的人",
])
def test_members_leaving_is_not_answered_by_clearing_members(question: str, kb_index: KnowledgeIndex,
                                                           settings: Settings) -> None:
    assert "raise_retention" in {s.name for s in stated_situations().told(question)}
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered and (answer.sections[0].source, answer.sections[0].section) != CLEAR


def test_clearing_members_still_leads_a_question_about_clearing(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("长期潜水的人要不要清理出群", kb_index, get_engine(settings, prefer="offline"))
    assert (answer.sections[0].source, answer.sections[0].section) == CLEAR

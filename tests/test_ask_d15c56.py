"""Round 56 (d15c56): situations an operator describes without the cards' words — members asking the same things
again and again, a selling group so noisy that members mute it — and a cold group asked in Cantonese reach the
section that answers them (``knowledge/situations.yaml``, ``cantonese.yaml``). Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm.engine import get_engine
from copilot.textnorm import ask_form


def test_cantonese_colloquial_forms_read_as_mandarin() -> None:
    folded = ask_form("我哋個群冇乜人傾偈，點先可以搞返熱佢？")
    assert "没什么人聊天" in folded and "怎么才能" in folded and "重新热闹起来" in folded
    assert "冇" not in folded and "佢" not in folded


def test_a_mandarin_question_is_untouched() -> None:
    assert ask_form("最近群里没什么人聊天，怎么办") == "最近群里没什么人聊天，怎么办"


def _sections(question: str, kb_index: KnowledgeIndex, settings: Settings) -> list[str]:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered
    return [s.section for s in answer.sections]


@pytest.mark.parametrize("question", ["家长群里大家老是重复问同样的问题，回复得好累，有什么省事的办法"])
def test_repeated_member_questions_reach_the_tools_section(kb_index: KnowledgeIndex, settings: Settings,
                                                           question: str) -> None:
    assert "用工具减轻管理成本" in _sections(question, kb_index, settings)


def test_a_cantonese_cold_group_reaches_the_cold_group_section(kb_index: KnowledgeIndex, settings: Settings) -> None:
    sections = _sections("個群靜晒冇人傾偈，想搞返熱佢", kb_index, settings)
    assert sections[0] in ("冷場了怎麼救", "冷场了怎么救")

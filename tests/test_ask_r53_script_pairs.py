"""Round 53 (issue 15): a question ranks the same in either script and in written Cantonese — 社團 reads as its
Simplified twin 社团 (not 社群, which made 社群群 and led with the card on what makes a community), and a Hong Kong
operator's 冇人講嘢 / 嗌交 / 點樣 read as the Mandarin the cards use (resources/retrieval/cantonese.yaml).
Questions are written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine
from copilot.textnorm import ask_form, mandarin_form


def test_a_traditional_club_question_folds_to_its_simplified_twin() -> None:
    assert ask_form("學校的社團群平時沒什麼人說話，怎麼讓大家活躍一點") == "学校的社团群平时没什么人说话，怎么让大家活跃一点"


@pytest.mark.parametrize(("question", "folded"), [
    ("群里啲人嗌交嗌到好大镬，我点劝", "群里些人吵架"),
    ("我哋個群成日冇人講嘢", "我们个群经常没人说话"),
    ("想搞個線上分享會，分享之前要準備啲乜嘢", "分享之前要准备些什么"),
])
def test_written_cantonese_is_read_in_mandarin(question: str, folded: str) -> None:
    assert folded in ask_form(question)


@pytest.mark.parametrize("question", [
    "群里有人刷屏怎么办",
    "点一下群公告就能看到群规吗",  # 点 alone is Mandarin too: no Cantonese-only character, nothing changes
    "新人进群以后不说话，怎么让他开口",
])
def test_a_mandarin_question_is_left_as_it_is(question: str) -> None:
    assert mandarin_form(question) == question
    assert ask_form(question) == question


def test_the_club_question_ranks_the_same_in_both_scripts(kb_index: KnowledgeIndex) -> None:
    hans = kb_index.search_sections("学校的社团群平时没什么人说话，怎么让大家活跃一点", k=3)
    hant = kb_index.search_sections("學校的社團群平時沒什麼人說話，怎麼讓大家活躍一點", k=3)
    assert [s.section for s in hans.sections] == [s.section for s in hant.sections]
    assert hans.covered == hant.covered


def test_a_cantonese_quarrel_is_answered_from_the_cooling_down_steps(kb_index: KnowledgeIndex,
                                                                      settings: Settings) -> None:
    answer = answer_question("群里啲人嗌交嗌到好大镬，我点劝", kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert ("crisis", "成员争吵怎么降温") in {(s.source, s.section) for s in answer.sections}

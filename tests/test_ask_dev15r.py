"""Round 36b (dev15r): the asking clause's words are weighted (``parts.yaml``'s ``ask_words_weight``) only for its
content words. Words generic in asking (作为, 现在, 该, 处理, 说点: ``ask_words_generic``) and words most cards use
(群, 内容: more than ``ask_words_common`` of the sections) are skipped, so a clause like "我现在该怎么处理" or
"要不要公开说点什么" no longer pulls a section by a generic word (it pulled 负面投诉与舆情 into a members' quarrel).
The questions and groups (篮球约战群, 考研互助群, 宠物医院客户群, 手作皮具群) are written for these tests."""

from __future__ import annotations

import numpy as np
import pytest
from ask_signals import signals_at

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import asking_clauses, parts_cues
from copilot.llm import get_engine
from copilot.textnorm import tokenize


def test_generic_asking_words_are_data_not_code() -> None:
    cues = parts_cues()
    assert {"作为", "现在", "处理", "说点"} <= set(cues.ask_words_generic)
    assert 0.0 < cues.ask_words_common < 1.0


def test_a_clause_of_generic_words_has_no_content_words(kb_index: KnowledgeIndex) -> None:
    loaded = kb_index._ensure_loaded()  # noqa: SLF001 - the snapshot holds the section frequencies
    assert loaded.content_words(tokenize("作为管理员我现在该怎么处理")) == []
    assert loaded.content_words(tokenize("事后要不要在群里说点什么")) == []
    kept = loaded.content_words(tokenize("怎么把一个冷掉的群重新激活"))
    assert "激活" in kept
    assert "群" not in kept  # every card speaks of 群: it points at no section


QUARREL = ("我们篮球约战群周末两个队员因为分队不公平吵起来了，在群里互相骂，还有人说要退群不玩了。"
           "作为管理员我现在该怎么处理？事后要不要公开说点什么")


def test_generic_asking_clauses_add_nothing_to_the_bm25_signals(kb_index: KnowledgeIndex) -> None:
    assert len(asking_clauses(QUARREL)) == 2
    on = signals_at(kb_index, QUARREL, 1.0)
    off = signals_at(kb_index, QUARREL, 0.0)
    assert np.array_equal(on.lexical, off.lexical)
    assert np.array_equal(on.fields, off.fields)
    assert np.array_equal(on.asks_lexical, off.asks_lexical)


def test_a_content_clause_still_adds_to_the_bm25_signals(kb_index: KnowledgeIndex) -> None:
    question = "考研互助群去年很热闹，考完试以后半年没人说话了。还有救吗？怎么把群重新激活"
    on = signals_at(kb_index, question, 1.0)
    off = signals_at(kb_index, question, 0.0)
    assert (on.asks_lexical >= off.asks_lexical).all()
    assert (on.asks_lexical > off.asks_lexical).any()


@pytest.mark.usefixtures("ask_words_on")
def test_a_quarrel_asked_in_generic_words_leads_with_calming_the_quarrel(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question(QUARREL, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert answer.sections[0].section == "成员争吵怎么降温", [s.label for s in answer.sections]


@pytest.mark.usefixtures("ask_words_on")
@pytest.mark.parametrize("question", ["宠物医院客户群，，我现在该怎么办？要不要说点什么", "手作皮具群 。。 怎么办 吗"])
def test_generic_only_or_ragged_questions_still_rank(kb_index: KnowledgeIndex, question: str) -> None:
    ranking = kb_index.search_sections(question)
    assert 0.0 <= ranking.confidence <= 1.0

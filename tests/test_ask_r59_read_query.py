"""Round 59 (d15c59): the question is read once (:meth:`KnowledgeIndex.read_query`) for the search, the section
scorer's training rows and the confidence calibration, so the scorer is fitted on the question search sees."""

from __future__ import annotations

import numpy as np
import pytest

from copilot.knowledge.index import KnowledgeIndex


def test_search_ranks_the_question_as_read_query_reads_it(kb_index: KnowledgeIndex) -> None:
    question = "群組裡有人天天發廣告 幹部要怎麼處理"  # Traditional, clauses split by a space
    read, matched = kb_index.read_query(question)
    assert "群" in read and "群組" not in read and "廣告" not in read  # read as its Simplified twin
    assert "，" in read  # the space between clauses reads as a comma
    ranking = kb_index.search_sections(question, k=3)
    assert ranking.question == read
    again = kb_index.search_sections(read, k=3)
    assert [(s.source, s.section) for s in again.sections] == [(s.source, s.section) for s in ranking.sections]


def test_a_kept_condition_is_left_out_of_the_match_text_not_of_the_question(kb_index: KnowledgeIndex) -> None:
    read, matched = kb_index.read_query("不踢人的情况下，怎么让群里的广告少一点")
    assert "不踢人的情况下" in read
    assert "不踢人" not in matched and "广告" in matched


def test_the_confidence_features_are_those_of_the_search(kb_index: KnowledgeIndex) -> None:
    question = "群組裡有人天天發廣告 幹部要怎麼處理"
    signals, _ = kb_index.signals(kb_index.read_query(question)[1])
    features = kb_index._second_stage(signals, rerank=True)[3]  # noqa: SLF001 - what search_sections computes
    assert kb_index.confidence_features(question) == pytest.approx(features)
    assert np.isfinite(list(features.values())).all()


@pytest.mark.parametrize("question", ["", "   ", "\u200b\u200b"])
def test_an_empty_question_is_refused_when_read(question: str, kb_index: KnowledgeIndex) -> None:
    with pytest.raises(ValueError):
        kb_index.read_query(question)

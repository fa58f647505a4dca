"""Round 37b (dev15v): the asking clause as a section scorer feature.

The section scorer's fit followed the whole question's vectors, so a situation told at length ("付费读书会…续费的人
越来越少") made the section named by its loudest word fit best, while the section answering the ask was only third.
:class:`~copilot.knowledge.ranking.Signals` now carries the asking clauses' own similarity to the questions each
section answers (``clause_asks``: cosine; ``clause_asks_lexical``: BM25), and :data:`PAIR_FEATURES` has them as
``clause_asks_gap`` and ``clause_asks_lexical``. A question with no asking clause falls back to its whole-question
asks signals, so the columns never go missing.

The groups (付费读书会, 宠物殡葬互助群, 露营装备二手群, 手冲咖啡打卡群) are written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import PAIR_FEATURES, Signals, asking_clauses


def _col(signals: Signals, candidates: np.ndarray) -> dict[str, np.ndarray]:
    fused = signals.fused()
    m = signals.pair_matrix(fused, candidates)
    return {f: m[:, i] for i, f in enumerate(PAIR_FEATURES)}


def test_the_clause_columns_are_scorer_features() -> None:
    assert {"clause_asks_gap", "clause_asks_lexical"} <= set(PAIR_FEATURES)


def test_clause_columns_follow_the_clause_not_the_whole_question() -> None:
    n = 3
    whole = np.array([0.95, 0.85, 0.80])
    signals = Signals(dense=whole, lexical=np.array([2.0, 1.0, 0.0]), fields=np.zeros(n), sentence=whole,
                      asks_dense=whole, asks_lexical=np.array([4.0, 1.0, 0.0]),
                      clause_asks=np.array([0.80, 0.92, 0.81]), clause_asks_lexical=np.array([0.0, 3.0, 1.5]))
    col = _col(signals, np.arange(n))
    # the whole question prefers section 0, the ask prefers section 1
    assert col["asks_gap"][0] == 0 and col["clause_asks_gap"][1] == 0 and col["clause_asks_gap"][0] < 0
    assert col["clause_asks_lexical"].tolist() == [0.0, 1.0, 0.5]


def test_without_an_asking_clause_the_whole_question_stands_in() -> None:
    n = 3
    signals = Signals(dense=np.array([0.9, 0.8, 0.7]), lexical=np.zeros(n), fields=np.zeros(n),
                      sentence=np.array([0.9, 0.8, 0.7]), asks_dense=np.array([0.88, 0.91, 0.7]),
                      asks_lexical=np.array([0.0, 2.0, 1.0]))
    col = _col(signals, np.arange(n))
    assert col["clause_asks_gap"].tolist() == pytest.approx(col["asks_gap"].tolist())
    assert col["clause_asks_lexical"].tolist() == [0.0, 1.0, 0.5]


@pytest.mark.parametrize("question", [
    "我们是付费读书会，开了快一年，最近续费的人越来越少，付费群到底该持续给大家什么内容才有人续费",
    "宠物殡葬互助群刚建起来，群里就十几个人，一开始的种子用户该去哪里找",
])
def test_a_told_situation_gets_clause_signals(kb_index: KnowledgeIndex, question: str) -> None:
    assert asking_clauses(question)
    signals, _ = kb_index.signals(question)
    assert signals.clause_asks is not None and signals.clause_asks_lexical is not None
    assert signals.clause_asks.shape == signals.asks_dense.shape
    # the clause alone is not the whole question: some section ranks differently by it
    assert not np.allclose(signals.clause_asks, signals.asks_dense)


@pytest.mark.parametrize("question", ["露营装备二手群怎么防骗", "手冲咖啡", "？？？"])
def test_one_clause_or_no_ask_has_no_clause_signals(kb_index: KnowledgeIndex, question: str) -> None:
    signals, _ = kb_index.signals(question)
    assert signals.clause_asks is None and signals.clause_asks_lexical is None
    top = np.argsort(-signals.fused())[:4]
    col = _col(signals, top)
    assert np.isfinite(col["clause_asks_gap"]).all() and np.isfinite(col["clause_asks_lexical"]).all()


def test_the_clause_signals_are_what_the_ask_alone_finds(kb_index: KnowledgeIndex) -> None:
    """The situation told first (刚建起来, 不怎么说话) is left out: the clause columns of the whole question equal the
    asks signals of its asking clause asked on its own."""
    question = "宠物殡葬互助群刚建起来，群里就十几个人，大家都不怎么说话，一开始的种子用户该去哪里找"
    assert asking_clauses(question) == ["一开始的种子用户该去哪里找"]
    signals, _ = kb_index.signals(question)
    alone, _ = kb_index.signals("一开始的种子用户该去哪里找")
    assert np.allclose(signals.clause_asks, alone.asks_dense, atol=1e-5)
    assert not np.allclose(signals.asks_dense, alone.asks_dense, atol=1e-3)
    assert signals.clause_asks_lexical.max() > 0  # 种子用户 is asked about in asks.yaml

"""Round 30 (dev15f): a situational question is retrieved for the clause that asks (要不要/怎么/吗/还是…), not for
the loudest word of the situation told before it. Questions written for this test."""

from __future__ import annotations

import numpy as np
import pytest

from copilot.knowledge.ask import question_parts
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import asking_clause, parts_cues
from copilot.textnorm import fold


@pytest.mark.parametrize(("question", "clause"), [
    # the situation first, the ask last; 不怎么 ("not much") asks nothing
    ("钓鱼群建了两年，最近一个月都没人说话，群主也不怎么管了，还有必要继续维护吗", "还有必要继续维护吗"),
    # two asks: the first one asked leads
    ("摄影群新人进来都不说话，怎么让他们开口，要不要搞个自我介绍模板", "怎么让他们开口"),
    # Traditional: folded before the cues are looked for
    ("露營群有人每次活動都臨時放鴿子，已經第三次了，要不要直接移出群", "要不要直接移出群"),
    # half-width punctuation and spaces split clauses too; 还是 (here "still") does not make a clause ask
    ("家长群有人总发砍价链接,提醒过了 还是发 该怎么办", "该怎么办"),
])
def test_the_asking_clause_is_the_first_clause_that_asks(question: str, clause: str) -> None:
    assert asking_clause(question) == fold(clause)


@pytest.mark.parametrize("question", [
    "读书会的群规怎么写",  # one clause: the whole question already is the ask
    "宠物群每周固定的话题安排",  # a keyword query, no clause asks
    "群里最近有人发广告，我已经移出去了",  # a statement: nothing is asked
    "   ",  # blank
    "",
])
def test_no_asking_clause_when_nothing_separate_is_asked(question: str) -> None:
    assert asking_clause(question) == ""


def test_the_cues_are_data() -> None:
    cues = parts_cues()
    assert {"要不要", "怎么", "吗"} <= set(cues.asks) and "还是" not in cues.asks
    assert cues.asks_in("要不要清人") and not cues.asks_in("群主也不怎么管了")
    assert 0 <= cues.asks_weight <= 1
    # the two-part cut still reads the same file
    assert question_parts("群公告写什么内容比较好？多久更新一次合适") == ["群公告写什么内容比较好？", "多久更新一次合适"]


def test_the_query_vector_leans_towards_the_asking_clause(kb_index: KnowledgeIndex,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_cues(), "asks_weight", 0.7)
    question = "骑行群周末约了三十多个人出去，回来后好几个人在群里抱怨路线太长，要不要以后提前发路线让大家投票"
    clause = asking_clause(question)
    assert clause
    whole = kb_index.embedder.embed_query(fold(question))
    asked = kb_index.embedder.embed_query(clause)
    mixed = kb_index.query_vector(question)
    assert abs(float(np.linalg.norm(mixed)) - 1.0) < 1e-4
    assert float(mixed @ asked) > float(whole @ asked) + 0.01
    # a one-clause question keeps its own vector, and so does every question with the weight at 0
    single = "骑行群的路线怎么定"
    assert np.allclose(kb_index.query_vector(single), kb_index.embedder.embed_query(fold(single)))
    monkeypatch.setattr(parts_cues(), "asks_weight", 0.0)
    assert np.allclose(kb_index.query_vector(question), whole)

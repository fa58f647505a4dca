"""The near-miss decline: a question closer to questions the cards do not teach than to the questions a
section answers is declined unless a section matches it strongly — a signal that does not rest on how
similar the best section is. Questions written for this test (none from the eval sets)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, load_ask_cases
from copilot.knowledge.ask import NOT_COVERED, answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import NEAR_MISS_FILE, NearMisses, near_misses
from copilot.llm import get_engine
from copilot.paths import EVALS_DIR


def _unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_the_score_is_the_gap_between_the_nearest_near_misses_and_the_nearest_section_questions() -> None:
    model = NearMisses(texts=["a", "b"], k=1, margin=0.0, below=0.85)
    question = _unit(1, 0)
    near = np.stack([_unit(1, 0.1), _unit(0, 1)])
    asks = np.stack([_unit(1, 1), _unit(0, 1)])
    assert model.score(question, near, asks) == pytest.approx(float(near[0] @ question - asks[0] @ question))
    assert model.score(question, near, asks) > 0
    # swapped: the question is nearer a section's question
    assert model.score(question, asks, near) < 0


def test_k_averages_the_nearest_ones() -> None:
    question = _unit(1, 0)
    near = np.stack([_unit(1, 0), _unit(0, 1)])
    asks = np.stack([_unit(1, 1)])
    one, two = NearMisses(texts=[], k=1), NearMisses(texts=[], k=2)
    assert one.score(question, near, asks) > two.score(question, near, asks)


def test_nothing_to_compare_scores_zero() -> None:
    model = NearMisses(texts=[])
    assert model.score(None, None, None) == 0.0
    assert model.score(_unit(1, 0), np.zeros((0, 2)), np.stack([_unit(1, 0)])) == 0.0


def test_the_decision_needs_the_margin_and_a_confidence_below_the_strong_match() -> None:
    model = NearMisses(texts=[], margin=0.005, below=0.85)
    assert model.declines(0.02, 0.5)
    assert not model.declines(0.004, 0.5)  # not nearer the near misses by the margin
    assert not model.declines(0.02, 0.9)  # a strong section match is still answered
    assert not model.declines(-0.03, 0.1)


def test_without_a_file_there_is_no_near_miss_model(tmp_path: Path) -> None:
    assert near_misses(tmp_path / "none.json") is None


def test_the_shipped_near_misses_leave_the_held_out_file_out() -> None:
    model = near_misses()
    assert model is not None and len(model.texts) > 100
    data = json.loads(NEAR_MISS_FILE.read_text(encoding="utf-8"))
    assert "locked" not in data["built_from"]
    for name in HELD_OUT:
        assert name not in data["built_from"]
        held = {c.question for c in load_ask_cases(EVALS_DIR / "retrieval" / f"{name}.jsonl")}
        assert not held & set(model.texts)


# answered before this signal (confidence above the threshold), though the cards teach none of it:
# lending to a member, guaranteeing a loan, side jobs, the tax on a prize
DECLINED_BY_NEAR_MISS = [
    "群里的姐妹找我借三千块周转，说月底还，我借不借",
    "有个群友想让我给他的网贷做担保，我该不该答应",
    "群友想找我介绍兼职，有没有靠谱的在家副业",
    "群里做了个抽奖，奖品的个税谁来交",
]


@pytest.mark.parametrize("question", DECLINED_BY_NEAR_MISS)
def test_near_misses_the_similarity_alone_would_answer_are_declined(kb_index: KnowledgeIndex,
                                                                    settings: Settings, question: str) -> None:
    ranking = kb_index.search_sections(question)
    # the near-miss signal fires on each; since round 29 (dev15e) the confidence model also weighs the best
    # section's fit, so some of them (借三千块: fit 0.09) fall below the threshold as well
    assert ranking.near_miss and not ranking.covered
    answer = answer_question(question, kb_index, get_engine(settings))
    assert not answer.covered and answer.answer.startswith(NOT_COVERED) and not answer.citations


# running the group, sharing words with the near misses above (money, a member in trouble, a prize)
ANSWERED = [
    "群友私下借了别人的钱跑路了，群里炸锅了，我该怎么跟大家说",
    "两个群友为了一笔团购的钱吵起来了，越吵越凶，我要不要出面",
    "群里做抽奖活动，怎么设计才能让老成员都愿意参与",
    # sharing words with round 34's personal near misses (love, a prize for bringing someone, lending money)
    "古筝群里两个成员谈恋爱了，天天在群里秀恩爱，别人有意见，我该怎么管",
    "腌菜群想做个老带新活动，带一个新人进群送一罐，规则怎么定",
    "桌球群的群规要不要写一条不许在群里借钱",
]


@pytest.mark.parametrize("question", ANSWERED)
def test_group_questions_near_them_are_still_answered(kb_index: KnowledgeIndex, settings: Settings,
                                                      question: str) -> None:
    assert not kb_index.search_sections(question).near_miss
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and answer.sections


def test_near_misses_added_after_the_index_was_built_still_count(kb_index: KnowledgeIndex,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade ships new near misses (a resource, not a card, so the index is not rebuilt): loading the
    index embeds the ones it has no vector for, instead of switching the whole signal off."""
    from copilot.knowledge import index as index_module
    from copilot.textnorm import fold

    shipped = near_misses()
    assert shipped is not None
    new = "这是升级后才加进来的近邻问题：群里收的会费要不要去税务局报税"  # written for this test, never embedded
    assert kb_index.embedder.cached([fold(new)]) is None  # vectors are kept by the folded text
    grown = shipped.model_copy(update={"texts": [*shipped.texts, new]})
    monkeypatch.setattr(index_module, "near_misses", lambda: grown)
    fresh = KnowledgeIndex(kb_index.settings)
    loaded = fresh._ensure_loaded()
    assert loaded.near_vectors is not None and len(loaded.near_vectors) == len(grown.texts)
    assert kb_index.embedder.cached([fold(new)]) is not None

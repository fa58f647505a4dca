"""Round 78 (lead), from the fresh tester qa15r4: a decline names the same sections in its text and in ``related``
(``ask --json``). A near-miss decline above the threshold named its nearest section in the text while ``related``
stayed empty, so a bot reading the JSON saw nothing near. Questions written for this test (a square-dance team, an
aquarium club)."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, decline_text, decline_texts, named_sections
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit, SectionRanking, confidence_model
from copilot.llm import get_engine


def _hit(section: str, fit: float) -> SectionHit:
    return SectionHit(source="crisis", title="社群危机预案", section=section, score=0.3, fit=fit)


def _named_in_text(text: str) -> list[str]:
    head = decline_texts().related_head
    if head not in text:
        return []
    return [ln[2:].split(" › ")[-1] for ln in text.split(head, 1)[1].splitlines() if ln.startswith("- ")]


def test_a_near_miss_above_the_threshold_names_its_nearest_section_in_both() -> None:
    model = confidence_model()
    lead = _hit("成员争吵怎么降温", 0.2)  # fits loosely: not offered as related by fit alone
    ranking = SectionRanking("广场舞队两个阿姨为了站位吵起来", [lead], model.threshold + 0.1, model.threshold,
                             model.related_floor, near_miss=True)
    assert ranking.related() == []
    assert named_sections(ranking) == [lead]
    assert _named_in_text(decline_text(ranking)) == ["成员争吵怎么降温"]


def test_nothing_near_names_nothing_in_either() -> None:
    model = confidence_model()
    ranking = SectionRanking("明天深圳下雨吗", [_hit("成员争吵怎么降温", 0.1)], model.related_floor / 2,
                             model.threshold, model.related_floor)
    assert named_sections(ranking) == [] and _named_in_text(decline_text(ranking)) == []


@pytest.mark.parametrize("question", [
    "群里一个阿姨问她血压160吃了降压药还头晕，要不要换药，我该怎么回她",
    "鱼友群要不要给团购的收入交税，怎么报",
    "微信消息发出去超过两分钟了还能撤回吗",
    "明天广场上风大不大，适不适合跳扇子舞",
])
def test_every_decline_lists_in_related_what_its_text_names(kb_index: KnowledgeIndex, settings: Settings,
                                                            question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert not answer.covered, answer.answer
    assert [r.section for r in answer.related] == _named_in_text(answer.answer), answer.answer

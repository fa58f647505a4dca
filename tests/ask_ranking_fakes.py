"""A section ranking made by hand for the 问答 tests that check what is done with one (which section leads, which
card follows): ``hit(card, section, score)`` and ``hand_ranking(question, hits)``, with the confidence and cut-offs fixed."""

from __future__ import annotations

from copilot.knowledge.ranking import SectionHit, SectionRanking


def hit(source: str, section: str, score: float) -> SectionHit:
    return SectionHit(source=source, title="", section=section, score=score)


def hand_ranking(question: str, hits: list[SectionHit]) -> SectionRanking:
    return SectionRanking(question=question, sections=hits, confidence=0.5, threshold=0.1, related_floor=0.05)

"""Shared by the ask-clause tests (dev15q, dev15r, dev15t): a question's ranking signals with ``parts.yaml``'s
``ask_words_weight`` set for one call and put back after it; and (dev15u, dev15w) a scripted ranking and index."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit, SectionRanking, parts_cues


def signals_at(kb_index: KnowledgeIndex, question: str, weight: float) -> Any:
    """The first-stage signals of ``question`` with the ask-clause weight at ``weight``."""
    cues = parts_cues()
    kept = cues.ask_words_weight
    try:
        cues.ask_words_weight = weight
        return kb_index.signals(question)[0]
    finally:
        cues.ask_words_weight = kept


def fake_hit(source: str, title: str, section: str, fit: float, score: float = 0.5) -> SectionHit:
    """A ranked section with the given fit (the other signals fixed), for tests that script a ranking."""
    return SectionHit(source=source, title=title, section=section, score=score, fit=fit, sentence=0.9, lexical=2.0)


def fake_ranking(question: str, *sections: SectionHit, confidence: float = 0.95) -> SectionRanking:
    """A scripted ranking of ``sections`` for ``question`` (threshold 0.1, margin 0.05)."""
    return SectionRanking(question, list(sections), confidence, 0.1, 0.05)


def fake_index(by_clause: dict[str, SectionRanking]) -> SimpleNamespace:
    """An index whose ``search_sections`` returns the scripted ranking of a clause (an empty one otherwise); every
    clause names what it asks about (``content_words``), so the last asking clause is searched on its own."""
    return SimpleNamespace(search_sections=lambda q, k=3: by_clause.get(q, fake_ranking(q)),
                           content_words=lambda text, common=None: [text] if text else [])

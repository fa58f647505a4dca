"""Shared by the ask-clause tests (dev15q, dev15r, dev15t): a question's ranking signals with ``parts.yaml``'s
``ask_words_weight`` set for one call and put back after it; (dev15u, dev15w) a scripted ranking and index; and (the
held-out sets' shape tests of rounds 38–47) a held-out set's cases once its named sections are checked; (the
situation tests of rounds 65–66) which ``stated.yaml`` situations a question tells and the section an offline answer
opens with."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, AskCase, load_ask_cases
from copilot.knowledge.ask import answer_question
from copilot.knowledge.cards import load_cards
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit, SectionRanking, parts_cues, stated_situations
from copilot.llm import get_engine
from copilot.textnorm import to_simplified


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


def held_out_cases(path: Path) -> list[AskCase]:
    """The cases of the held-out ask set at ``path``, after checking it is in ``HELD_OUT`` and that every section it
    names is a real heading (a heading the cards lack would score as a silent miss)."""
    assert path.stem in HELD_OUT
    cards = {c.id: c for c in load_cards(Settings(llm_provider="offline").knowledge_dir)}
    cases = load_ask_cases(path)
    for case in cases:
        for card, heading in case.sections:
            assert card in cards and cards[card].resolve_section(heading) is not None, (case.id, card, heading)
    return cases


def situations_told(question: str) -> set[str]:
    """The names of every ``stated.yaml`` situation ``question`` tells."""
    return {s.name for s in stated_situations().told(question)}


def situation_deciding(question: str) -> str:
    """The name of the situation that decides ``question``'s lead ("" when none does)."""
    told = stated_situations().deciding(question)
    return told.name if told else ""


def first_section(question: str, index: KnowledgeIndex, settings: Settings) -> tuple[str, str]:
    """(card, section) the offline answer to ``question`` opens with, the section named in Simplified; the answer must
    say the material covers it."""
    answer = answer_question(question, index, get_engine(settings, prefer="offline"))
    assert answer.covered and answer.sections
    first = answer.sections[0]
    return first.source, to_simplified(first.section)

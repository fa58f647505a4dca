"""Shared by the ask-clause tests (dev15q, dev15r, dev15t): a question's ranking signals with ``parts.yaml``'s
``ask_words_weight`` set for one call and put back after it."""

from __future__ import annotations

from typing import Any

from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import parts_cues


def signals_at(kb_index: KnowledgeIndex, question: str, weight: float) -> Any:
    """The first-stage signals of ``question`` with the ask-clause weight at ``weight``."""
    cues = parts_cues()
    kept = cues.ask_words_weight
    try:
        cues.ask_words_weight = weight
        return kb_index.signals(question)[0]
    finally:
        cues.ask_words_weight = kept

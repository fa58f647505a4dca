"""The questions each card section answers (``knowledge/asks.yaml``), a retrieval field of its own.

Operators describe situations ("两个群友吵起来了，其他人还在站队") where a card states a method
(成员争吵怎么降温). Each section lists a few questions written from its own content in the way
operators ask them (document expansion, "doc2query"); the index matches a question against them by
words (BM25) and by meaning (e5 vectors), as one more signal of :mod:`copilot.knowledge.ranking`.
The file is data: a section missing from it simply has no such field.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import RootModel, ValidationError

from copilot.knowledge.cards import CardError, load_cards
from copilot.validation import zh_problems

ASKS_FILE = "asks.yaml"


class AsksTable(RootModel[dict[str, dict[str, list[str]]]]):
    """card id → ``##`` heading → questions that section answers."""


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> dict[tuple[str, str], tuple[str, ...]]:
    try:
        table = AsksTable.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    except yaml.YAMLError as exc:
        raise CardError(f"{path.name}：YAML 无法解析（{exc}）") from exc
    except ValidationError as exc:
        key, reason = zh_problems(exc)[0]
        raise CardError(f"{path.name}：{key} {reason}") from exc
    return {(card, heading): tuple(q.strip() for q in questions if q and q.strip())
            for card, sections in table.root.items() for heading, questions in (sections or {}).items()}


def load_asks(knowledge_dir: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """(card id, current heading) → the questions that section answers; headings renamed since are
    resolved through the card's ``section_aliases``; a card or heading that does not exist is an error
    (a typo would silently drop the field)."""
    path = knowledge_dir / ASKS_FILE
    if not path.exists():
        return {}
    raw = _load(path, path.stat().st_mtime)
    cards = {c.id: c for c in load_cards(knowledge_dir)}
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for (card_id, heading), questions in raw.items():
        card = cards.get(card_id)
        if card is None:
            raise CardError(f"{ASKS_FILE}：没有 id 为 {card_id} 的卡片")
        current = card.resolve_section(heading)
        if current is None:
            raise CardError(f"{ASKS_FILE}：卡片 {card_id} 没有小节「{heading}」")
        out[(card_id, current)] = out.get((card_id, current), ()) + questions
    return out

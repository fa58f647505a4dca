"""The questions each card section answers (``knowledge/asks.yaml``), a retrieval field of its own.

Operators describe situations ("两个群友吵起来了，其他人还在站队") where a card states a method
(成员争吵怎么降温). Each section lists a few questions written from its own content in the way
operators ask them (document expansion, "doc2query"); the index matches a question against them by
words (BM25) and by meaning (e5 vectors), as one more signal of :mod:`copilot.knowledge.ranking`.
The file is data: a section missing from it simply has no such field.

``knowledge/situations.yaml`` has the same shape and joins the same field: per section, the symptoms
and situations that make an operator need it ("话题发出去半天没一个人回"), written from the section's
content the way someone describes what is going wrong before they know which method applies.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import RootModel, ValidationError

from copilot.knowledge.cards import CardError, load_cards
from copilot.paths import load_resource, load_yaml
from copilot.validation import zh_problems

ASKS_FILE = "asks.yaml"
SITUATIONS_FILE = "situations.yaml"
FILES = (ASKS_FILE, SITUATIONS_FILE)
NEGATION_FILE = "retrieval/situation_lines.yaml"
_CLAUSE_BREAK = re.compile(r"[，,、；;。！!？?\s]+")


class AsksTable(RootModel[dict[str, dict[str, list[str]]]]):
    """card id → ``##`` heading → questions that section answers."""


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> dict[tuple[str, str], tuple[str, ...]]:
    try:
        table = AsksTable.model_validate(load_yaml(path.read_text(encoding="utf-8")) or {})
    except yaml.YAMLError as exc:
        raise CardError(f"{path.name}：YAML 无法解析（{exc}）") from exc
    except ValidationError as exc:
        key, reason = zh_problems(exc)[0]
        raise CardError(f"{path.name}：{key} {reason}") from exc
    return {(card, heading): tuple(q.strip() for q in questions if q and q.strip())
            for card, sections in table.root.items() for heading, questions in (sections or {}).items()}


def negated_cue(line: str) -> str | None:
    """The negation that makes ``line`` unfit for a symptom line (``None`` when it has none): a clause that
    opens with one of the data file's ``clause_opens`` or the line holding one of its ``anywhere`` words
    (``copilot/resources/retrieval/situation_lines.yaml``). Matching reads words, not negation: 「不是广告也不是
    吵架」 pulls questions about ads and quarrels toward the section all the same."""
    data = load_resource(NEGATION_FILE) or {}
    for word in data.get("anywhere", []):
        if word in line:
            return word
    for clause in _CLAUSE_BREAK.split(line):
        for word in data.get("clause_opens", []):
            if clause.startswith(word):
                return word
    return None


def load_asks(knowledge_dir: Path, files: tuple[str, ...] = FILES) -> dict[tuple[str, str], tuple[str, ...]]:
    """(card id, current heading) → the questions that section answers and the situations that need it
    (``files`` under ``knowledge_dir``, in order; a missing file adds nothing); headings renamed since
    are resolved through the card's ``section_aliases``; a card or heading that does not exist is an
    error (a typo would silently drop the field)."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    cards = None
    for name in files:
        path = knowledge_dir / name
        if not path.exists():
            continue
        raw = _load(path, path.stat().st_mtime)
        if cards is None:
            cards = {c.id: c for c in load_cards(knowledge_dir)}
        for (card_id, heading), questions in raw.items():
            card = cards.get(card_id)
            if card is None:
                raise CardError(f"{name}：没有 id 为 {card_id} 的卡片")
            current = card.resolve_section(heading)
            if current is None:
                raise CardError(f"{name}：卡片 {card_id} 没有小节「{heading}」")
            if name == SITUATIONS_FILE:
                for line in questions:
                    if (word := negated_cue(line)) is not None:
                        raise CardError(f"{name}：{card_id}「{heading}」的症状问法带否定（{word}）：{line}"
                                        "——检索读不出否定，写发生了什么，不写“不是 X”")
            out[(card_id, current)] = out.get((card_id, current), ()) + questions
    return out

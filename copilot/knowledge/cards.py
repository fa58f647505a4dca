"""Knowledge cards: our distilled methodology, one Markdown file per topic with cited sources."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import frontmatter
from pydantic import BaseModel, Field, ValidationError

from copilot.knowledge.chunking import Chunk, chunk_text
from copilot.validation import zh_problems


class CardSource(BaseModel):
    seed: str = Field(min_length=1)
    section: str = ""


class Card(BaseModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=2)
    tags: list[str] = Field(default_factory=list)
    sources: list[CardSource] = Field(min_length=1)
    body: str = Field(min_length=20)
    path: str = ""

    def chunks(self, *, max_tokens: int = 320, overlap_tokens: int = 48) -> list[Chunk]:
        meta = {
            "card_id": self.id,
            "tags": ",".join(self.tags),
            "seeds": ";".join(f"{s.seed}#{s.section}" for s in self.sources),
            "kind": "card",
        }
        return chunk_text(
            self.body, source=self.id, title=self.title, meta=meta,
            max_tokens=max_tokens, overlap_tokens=overlap_tokens,
        )


class CardError(ValueError):
    pass


def load_card(path: Path) -> Card:
    try:
        post = frontmatter.loads(path.read_text(encoding="utf-8"))
    except Exception as exc:
        raise CardError(f"{path.name}：文件头无法解析（{exc}）") from exc
    try:
        return Card(**post.metadata, body=post.content.strip(), path=str(path))
    except ValidationError as exc:
        key, reason = zh_problems(exc)[0]
        raise CardError(f"{path.name}：{key} {reason}") from exc


@lru_cache(maxsize=4)
def _load_cards(cards_dir: Path, stamp: tuple[tuple[str, float], ...]) -> tuple[Card, ...]:
    cards = [load_card(Path(p)) for p, _ in stamp]
    ids = [c.id for c in cards]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise CardError(f"知识卡片 id 重复：{', '.join(sorted(dupes))}")
    return tuple(cards)


def load_cards(knowledge_dir: Path) -> list[Card]:
    """All cards under ``knowledge_dir/cards`` (cached until a file changes)."""
    cards_dir = knowledge_dir / "cards"
    files = sorted(cards_dir.glob("*.md"))
    stamp = tuple((str(p), p.stat().st_mtime) for p in files)
    return list(_load_cards(cards_dir, stamp))


def cards_by_id(knowledge_dir: Path) -> dict[str, Card]:
    return {c.id: c for c in load_cards(knowledge_dir)}


def card_titles(knowledge_dir: Path, ids: list[str]) -> list[str]:
    """The cards' titles for their ids, as an operator reads them (an unknown id stays as written)."""
    cards = cards_by_id(knowledge_dir)
    return [cards[i].title if i in cards else i for i in ids]
